"""The 基本信息 tab: unit name, report year and format (read-only), 附件 label, report date."""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout

from model.errors import InputError
from model.report import MAX_LABEL, MAX_UNIT_NAME

from .. import style
from ..actions import defer_undo_to_window
from .lazy import LazyPage
from ..text_menus import use_chinese_menu

FIELDS = (("unit_name", "填报单位"), ("attachment_label", "附件标注"), ("report_date", "报告日期"))


MAX_LENGTH = {"unit_name": MAX_UNIT_NAME, "attachment_label": MAX_LABEL, "report_date": 10}
REFUSED_STYLE = "QLineEdit { background: #f9d3d3; }"  # the error-row colour of the grids


class HeaderPage(LazyPage):
    """Each field is stored (one undo step) when editing finishes; a refused value stays, marked, to correct."""

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session

    def build(self) -> None:
        session = self.session
        report = session.report
        self.heading = QLabel("基本信息")
        self.heading.setObjectName("heading")
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for name, label in FIELDS:
            edit = QLineEdit(getattr(report, name))
            edit.setMaxLength(MAX_LENGTH[name])
            defer_undo_to_window(edit)
            use_chinese_menu(edit)
            edit.editingFinished.connect(lambda n=name: self._commit(n))
            self.edits[name] = edit
        self.edits["unit_name"].setPlaceholderText("如：火花镇人民政府")
        self.edits["attachment_label"].setPlaceholderText("如：附件2（印在标题左上方，可不填）")
        self.edits["report_date"].setPlaceholderText("年-月-日，如 2020-01-15")
        form.addRow("填报单位：", self.edits["unit_name"])
        form.addRow("报告年度：", QLabel(f"{report.year}年"))
        fmt = report.format
        form.addRow("报告格式：", QLabel(f"{fmt.name}（{fmt.issued_by}）"))
        form.addRow("附件标注：", self.edits["attachment_label"])
        form.addRow("报告日期：", self.edits["report_date"])
        self.last_year = QLabel(self)
        self.last_year.setWordWrap(True)
        form.addRow("上年报告：", self.last_year)
        self._show_last_year()
        hint = QLabel("报告年度决定适用的格式：2019、2020年度用2019年版格式，2021年度起用2021年版格式。")
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {style.HINT_TEXT};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        session.changed.connect(self._on_change)

    def _commit(self, name: str) -> None:
        edit = self.edits[name]
        try:
            self.session.set_field(name, edit.text().strip() if name != "unit_name" else edit.text())
        except InputError as exc:
            self.message.emit(f"{dict(FIELDS)[name]}：{exc.message}，未保存")
            edit.setStyleSheet(REFUSED_STYLE)  # kept for the clerk to correct; the report keeps its value
            edit.setToolTip(exc.message)
            return
        self._on_change(name)

    def _show_last_year(self) -> None:
        report = self.session.report
        last = report.last_year
        if last is None:
            text = "未关联（文件 ▸ 关联上年报告…：用于上年结转等跨年度检查）"
        elif last.year != report.year - 1:
            text = f"{last.describe()}：不是{report.year - 1}年度的，不用于检查，请重新关联"
        else:
            text = last.describe()
        self.last_year.setText(text)
        self.last_year.setStyleSheet("" if last is not None else f"color: {style.HINT_TEXT};")

    def _on_change(self, what) -> None:
        if what == "last_year":
            self._show_last_year()
        if what not in self.edits:
            return
        edit = self.edits[what]
        if edit.text() != getattr(self.session.report, what):
            edit.setText(getattr(self.session.report, what))
        edit.setStyleSheet("")
        edit.setToolTip("")

    def set_zoom_font(self, font) -> None:
        self.setFont(font)

    def focus_first(self) -> None:
        self.ensure_built().edits["unit_name"].setFocus()

    def focus_field(self, name: str) -> None:
        """The cursor into a field a finding concerns (填报单位, 报告日期)."""
        self.ensure_built().edits.get(name, self.edits["unit_name"]).setFocus()
