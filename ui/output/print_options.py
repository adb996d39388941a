"""打印选项: the approval block, the 草稿 watermark and the 检查说明 page, with the number of errors that remain."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QVBoxLayout

from .. import style
from ..dialogs import ok_cancel_buttons
from ..screen_fit import fit_dialog
from .export_settings import export_options

WATERMARK_TEXT = "草稿"


class PrintOptionsDialog(QDialog):
    """Before printing or previewing: the approval block, the 草稿 watermark, and the errors that remain."""

    def __init__(self, errors: int, approval: bool, watermark: bool, parent=None, explanations: bool = False,
                 missing: tuple[str, ...] = (), undated: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle("打印选项")
        self.errors = errors
        if errors:
            lacking = f"其中：{'；'.join(missing)}。" if missing else ""
            status = QLabel(f"报告尚有 {errors} 个错误（见“检查结果”），打印件仅供核对。{lacking}", self)
            status.setStyleSheet(f"color: {style.ERROR_TEXT}; font-weight: bold;")
        elif undated:  # not an error while the report is being written, but the printed 落款 has no date
            status = QLabel("检查通过：报告没有错误。报告日期尚未填写，打印件不印落款日期（可在“基本信息”页填写）。", self)
            status.setStyleSheet(f"color: {style.WARNING_TEXT};")
        else:
            status = QLabel("检查通过：报告没有错误。", self)
            status.setStyleSheet(f"color: {style.DONE_TEXT};")
        status.setWordWrap(True)
        self.approval = QCheckBox("在最后一页加签批栏（单位盖章、负责人签字、日期）", self)
        self.approval.setChecked(approval)
        self.watermark = QCheckBox("报告尚有错误时加印“草稿”水印", self)
        self.watermark.setChecked(watermark)
        self.explanations = QCheckBox("最后附“检查说明”页（已说明的警告及其说明）", self)
        self.explanations.setChecked(explanations)
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        for widget in (status, self.approval, self.watermark, self.explanations, buttons):
            layout.addWidget(widget)
        fit_dialog(self)

    def options(self, settings=None):
        from export import ExportOptions

        chosen = {"approval_block": self.approval.isChecked(),
                  "watermark": WATERMARK_TEXT if self.watermark.isChecked() and self.errors else "",
                  "explanations_page": self.explanations.isChecked()}
        return export_options(settings, **chosen) if settings is not None else ExportOptions(**chosen)
