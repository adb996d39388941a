"""The 基本信息 tab: unit name, report year (changeable while no number is filled in) and format, 附件 label,
report date (typed as clerks write dates, or picked in a calendar)."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout

from model.errors import InputError
from model.formats import FIRST_YEAR, format_for_year
from model.report import FIELD_LABELS, MAX_LABEL, MAX_UNIT_NAME, CellRef

from .. import style
from ..window_undo import use_window_undo
from .lazy import TabPage

MAX_LENGTH = {"unit_name": MAX_UNIT_NAME, "attachment_label": MAX_LABEL, "report_date": 20}
REFUSED_STYLE = f"QLineEdit {{ background: {style.BRUSH_COLOURS['ERROR_ROW_BG']}; }}"  # the grids' error-row colour
HINT_STYLE = f"color: {style.HINT_TEXT};"  # (a style sheet: at start-up cheaper than a palette or rich text)
YEAR_LOCKED = "报告已填写了数字，年度不能再更改；下一年度的报告请用“文件 ▸ 基于上年报告新建…”"
YEAR_FREE = "尚未填写数字，可以更改年度"
FORMAT_HINT = "报告年度决定适用的格式：2019、2020年度用2019年版格式，2021年度起用2021年版格式。"


def year_choices(current: int) -> list[int]:
    """The years a report may be for: the first year of the official formats up to this year (and the
    report's own year, should it lie outside)."""
    return sorted(set(range(FIRST_YEAR, date.today().year + 1)) | {current})


def format_text(year: int) -> str:
    fmt = format_for_year(year)
    return f"{fmt.name}（{fmt.issued_by}）"


def default_report_day(year: int, today: date | None = None) -> date:
    """The day a calendar opens on for an undated report: today while in the year after the report's (when
    reports are written), else 15 January of that year."""
    today = today or date.today()
    return today if today.year == year + 1 else date(year + 1, 1, 15)


def date_placeholder(year: int) -> str:
    return f"如 {year + 1}-01-15 或 {year + 1}年1月15日"


class HeaderPage(TabPage):
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
        for name, label in FIELD_LABELS.items():
            edit = QLineEdit(getattr(report, name))
            edit.setMaxLength(MAX_LENGTH[name])
            use_window_undo(edit)
            edit.editingFinished.connect(lambda n=name: self._commit(n))
            self.edits[name] = edit
        self.edits["unit_name"].setPlaceholderText("如：火花镇人民政府")
        self.edits["attachment_label"].setPlaceholderText("如：附件2（印在标题左上方，可不填）")
        self.year = QToolButton()  # a menu of the years when clicked (a combo box costs start-up time)
        self.year.clicked.connect(self.pick_year)
        self.year_note = QLabel()
        self.year_note.setStyleSheet(HINT_STYLE)
        year_row = QHBoxLayout()
        year_row.addWidget(self.year)
        year_row.addWidget(self.year_note, 1)
        self.format_label = QLabel()
        self.calendar_button = QToolButton()
        self.calendar_button.setText("日历…")
        self.calendar_button.setToolTip("在日历中选择报告日期")
        self.calendar_button.clicked.connect(self.pick_date)
        date_row = QHBoxLayout()
        date_row.addWidget(self.edits["report_date"])
        date_row.addWidget(self.calendar_button)
        date_row.addStretch(1)
        width = self.edits["report_date"].fontMetrics().horizontalAdvance("如 2026-01-15 或 2026年1月15日") + 24
        self.edits["report_date"].setFixedWidth(width)
        form.addRow("填报单位：", self.edits["unit_name"])
        form.addRow("报告年度：", year_row)
        form.addRow("报告格式：", self.format_label)
        form.addRow("附件标注：", self.edits["attachment_label"])
        form.addRow("报告日期：", date_row)
        self.last_year = QLabel(self)
        self.last_year.setWordWrap(True)
        form.addRow("上年报告：", self.last_year)
        self._show_last_year()
        self.hint = QLabel(FORMAT_HINT)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self._show_year()
        session.changed.connect(self._on_change)

    # ---- the year ----

    def _show_year(self) -> None:
        """Year, format, date placeholder, and whether the year may still change."""
        report = self.session.report
        self.year.setText(f"{report.year}年 ▾")
        self.format_label.setText(format_text(report.year))
        self.edits["report_date"].setPlaceholderText(date_placeholder(report.year))
        self._lock_year()

    def _lock_year(self) -> None:
        locked = self.session.report.has_numbers()
        if self.year.isEnabled() == locked or not self.year_note.text():
            self.year.setEnabled(not locked)
            self.year.setToolTip(YEAR_LOCKED if locked else YEAR_FREE)
            self.year_note.setText(YEAR_LOCKED if locked else YEAR_FREE)

    def pick_year(self) -> None:
        """The years a report may be for, in a menu under the year; the one chosen is the report's year."""
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        current = self.session.report.year
        for year in year_choices(current):
            action = menu.addAction(f"{year}年（{format_for_year(year).name}）")
            action.setCheckable(True)
            action.setChecked(year == current)
            action.triggered.connect(lambda _=False, y=year: self.choose_year(y))
        menu.exec(self.year.mapToGlobal(self.year.rect().bottomLeft()))
        menu.deleteLater()

    def choose_year(self, year: int) -> None:
        before = self.session.report.format
        try:
            self.session.set_year(year)
        except InputError as exc:
            self.message.emit(f"报告年度：{exc.message}，未更改")
            self._show_year()
            return
        after = self.session.report.format
        if after is not before:
            self.message.emit(f"报告年度改为{year}年：适用格式随之改为{after.name}，"
                              "表格已按新格式排列（文字部分保留；可撤销）")

    # ---- the date ----

    def pick_date(self) -> None:
        """A calendar under the date field; the day chosen is stored as typed would be."""
        from PySide6.QtCore import QDate
        from PySide6.QtWidgets import QCalendarWidget, QMenu, QWidgetAction

        from ..translations import chinese_locale

        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setLocale(chinese_locale())
        calendar.setGridVisible(True)
        report = self.session.report
        day = date.fromisoformat(report.report_date) if report.report_date else default_report_day(report.year)
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)

        def chosen(qdate) -> None:
            menu.close()
            self.edits["report_date"].setText(qdate.toString("yyyy-MM-dd"))
            self._commit("report_date")

        calendar.activated.connect(chosen)
        calendar.clicked.connect(chosen)
        edit = self.edits["report_date"]
        menu.exec(edit.mapToGlobal(edit.rect().bottomLeft()))
        menu.deleteLater()

    # ---- storing ----

    def _commit(self, name: str) -> None:
        edit = self.edits[name]
        try:
            self.session.set_field(name, edit.text().strip() if name != "unit_name" else edit.text())
        except InputError as exc:
            self.message.emit(f"{FIELD_LABELS[name]}：{exc.message}，未保存")
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
        if isinstance(what, CellRef):
            self._lock_year()
            return
        if what == "year":
            self._show_year()
            self._show_last_year()
            return
        if what in ("last_year", "stated_totals"):
            self._show_last_year()
            self._lock_year()
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
