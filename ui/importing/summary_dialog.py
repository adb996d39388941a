"""The import summary: what was read and from where, what was not found or interpreted, disagreeing totals."""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QLabel, QTextBrowser, QVBoxLayout

from ..dialogs import ok_cancel_buttons
from ..screen_fit import fit_dialog


class ImportSummaryDialog(QDialog):
    """Shows an ImportResult; 打开为新报告 (accept) opens it as a new unsaved report, 取消 drops it."""

    def __init__(self, result, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("导入摘要")
        self.headline = QLabel(escape(result.headline()), self)
        self.headline.setWordWrap(True)
        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)
        self.details.setHtml(summary_html(result))
        errors, _warnings = result.counts()
        hint = QLabel(self)
        hint.setWordWrap(True)
        hint.setText("导入的报告将作为新报告打开（尚未保存），原文件不会改动。"
                     + ("报告中填报的总计与各分项之和不一致的，在“检查结果”中列为错误；核对后可用"
                        "“编辑 ▸ 采用计算的总计”改用计算的总计。" if result.disagreements else "")
                     + (f"导入后检查发现 {errors} 个错误。" if errors else ""))
        self.buttons = ok_cancel_buttons(self, "打开为新报告")
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        fit_dialog(self, 760, 560)


def summary_html(result) -> str:
    parts = []
    for title, items in result.sections():
        parts.append(f"<h4 style='margin: 8px 0 2px 0'>{escape(title)}</h4><ul style='margin-top: 0'>")
        parts.extend(f"<li>{escape(item)}</li>" for item in items)
        parts.append("</ul>")
    return "".join(parts)
