"""The table of the 检查结果 panel, one finding per row; imported when the first finding appears."""
from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from model.rules import Finding, Severity

from .. import style

# the most useful first: what and where in short, then the message; the long row and column labels last
HEADERS = ("类型", "部分", "说明", "行", "列")
MESSAGE_COLUMN = 2
# fixed widths in characters of the panel's font (the message takes the rest): they never jump as findings
# come and go; a longer label is elided (the tooltip shows it whole)
WIDTHS = {0: 3.2, 1: 2.6, 3: 16, 4: 8}

FOREGROUND_ROLE = 9  # Qt.ItemDataRole.ForegroundRole, without building PySide's Qt namespace at start-up
OPEN = "open"
# a finding's state → the colour its whole row is written in (None: the severity colour, for open ones);
# issue 14 adds "explained" (已说明) warnings, greyed
STATE_COLOURS: dict[str, str | None] = {OPEN: None}


def cells_of(finding: Finding) -> tuple[str, str, str, str, str]:
    """The texts of a finding's row, in HEADERS order (the section by its number: 三)."""
    return (finding.severity.label, _section_number(finding.section), finding.message, finding.row, finding.column)


def _section_number(heading: str) -> str:
    return heading.split("、", 1)[0]


class FindingsTable(QTableWidget):
    """Read-only rows: severity, section number, message, row, column."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setHorizontalHeaderLabels(HEADERS)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        for col in range(len(HEADERS)):
            mode = QHeaderView.ResizeMode.Stretch if col == MESSAGE_COLUMN else QHeaderView.ResizeMode.Fixed
            header.setSectionResizeMode(col, mode)
        self._brushes = {Severity.ERROR: QBrush(QColor(style.ERROR_TEXT)),
                         Severity.WARNING: QBrush(QColor(style.WARNING_TEXT))}
        self._state_brushes = {state: QBrush(QColor(colour)) for state, colour in STATE_COLOURS.items() if colour}
        self._fit_columns()

    def set_zoom_font(self, font) -> None:
        self.setFont(font)
        self.verticalHeader().setDefaultSectionSize(QFontMetrics(font).height() + 8)
        self._fit_columns()

    def _fit_columns(self) -> None:
        em = QFontMetrics(self.font()).horizontalAdvance("中")
        for col, chars in WIDTHS.items():
            self.setColumnWidth(col, round(em * chars))

    def show_findings(self, findings: list[Finding], states: list[str] | None = None) -> None:
        """Runs after every edit: touches only the items whose text or colour changed, so only they are
        repainted (setUpdatesEnabled(False/True) around this would repaint the whole panel every time).
        states: one per finding (OPEN when not given)."""
        states = states or [OPEN] * len(findings)
        self.setRowCount(len(findings))
        for row, (f, state) in enumerate(zip(findings, states)):
            for col, text in enumerate(cells_of(f)):
                item = self.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(row, col, item)
                if item.text() != text:
                    item.setText(text)
                    item.setToolTip(f.section if col == 1 else text)
                # Qt ignores a value equal to the one held (no repaint)
                item.setData(FOREGROUND_ROLE, self._brush(f, state, col))

    def _brush(self, finding: Finding, state: str, col: int) -> QBrush | None:
        if state in self._state_brushes:
            return self._state_brushes[state]
        return self._brushes[finding.severity] if col == 0 else None
