"""The dockable 检查结果 panel: every finding (severity, section, row, column, message); double-click jumps."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QTableWidget, QTableWidgetItem

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
    """Lists findings; emits activated(Finding) on double-click or Enter."""

    activated = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__("检查结果", parent)
        self.setObjectName("findings_dock")
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in range(len(HEADERS) - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.cellActivated.connect(self._activate)
        self.table.cellDoubleClicked.connect(self._activate)
        self.setWidget(self.table)
        self.findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        """Show findings, touching only the items whose text changed (this runs after every edit)."""
        self.findings = list(findings)
        table = self.table
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
