"""The dockable 检查结果 panel: every finding (severity, section, row, column, message); double-click jumps."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView, QDockWidget, QHeaderView, QLabel, QStackedWidget, QTableWidget, QTableWidgetItem,
)

from model.rules import Finding, Severity

from . import style

HEADERS = ("类型", "部分", "行", "列", "说明")
_BRUSHES: dict[Severity, QBrush] = {}


def _severity_brush(severity: Severity) -> QBrush:
    """The text colour of a severity; made on first use (a window without findings never needs one)."""
    if not _BRUSHES:
        _BRUSHES.update({Severity.ERROR: QBrush(QColor(style.ERROR_TEXT)),
                         Severity.WARNING: QBrush(QColor(style.WARNING_TEXT))})
    return _BRUSHES[severity]


class FindingsPanel(QDockWidget):
    """Lists findings; emits activated(Finding) on double-click or Enter.

    Until the first finding it shows one line of text: the table is built when first needed,
    which keeps it off the start-up path of a report that checks clean.
    """

    activated = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__("检查结果", parent)
        self.setObjectName("findings_dock")
        self.stack = QStackedWidget(self)
        self.clean = QLabel("检查通过：没有发现错误或警告。", self.stack)
        self.clean.setContentsMargins(8, 4, 8, 4)
        self.clean.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.clean)
        self.setWidget(self.stack)
        self._table: QTableWidget | None = None
        self._font = None
        self.findings: list[Finding] = []

    @property
    def table(self) -> QTableWidget:
        if self._table is None:
            self._table = self._build_table()
            self.stack.addWidget(self._table)
        return self._table

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(HEADERS), self.stack)
        table.setHorizontalHeaderLabels(HEADERS)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        for col in range(len(HEADERS) - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        table.cellActivated.connect(self._activate)
        table.cellDoubleClicked.connect(self._activate)
        if self._font is not None:
            self._apply_font(table)
        return table

    def set_zoom_font(self, font) -> None:
        self._font = font
        self.clean.setFont(font)
        if self._table is not None:
            self._apply_font(self._table)

    def _apply_font(self, table: QTableWidget) -> None:
        table.setFont(self._font)
        table.verticalHeader().setDefaultSectionSize(QFontMetrics(self._font).height() + 8)

    def set_findings(self, findings: list[Finding]) -> None:
        """Show findings, touching only the items whose text changed (this runs after every edit)."""
        self.findings = list(findings)
        if not findings and self._table is None:
            return
        table = self.table
        self.stack.setCurrentWidget(table if findings else self.clean)
        table.setUpdatesEnabled(False)
        table.setRowCount(len(findings))
        for row, f in enumerate(findings):
            for col, text in enumerate((f.severity.label, f.section, f.row, f.column, f.message)):
                item = table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    table.setItem(row, col, item)
                if item.text() != text:
                    item.setText(text)
                    item.setToolTip(text)
                    if col == 0:
                        item.setForeground(_severity_brush(f.severity))
        table.setUpdatesEnabled(True)

    def _activate(self, row: int, _col: int = 0) -> None:
        if 0 <= row < len(self.findings):
            self.activated.emit(self.findings[row])

    def row_of(self, finding: Finding) -> int:
        return self.findings.index(finding)
