"""The table of the 检查结果 panel, one finding per row; imported when the first finding appears."""
from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from model.rules import Finding, Severity

from .. import style

HEADERS = ("类型", "部分", "行", "列", "说明")


class FindingsTable(QTableWidget):
    """Read-only rows: severity, section, row, column, message."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setHorizontalHeaderLabels(HEADERS)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        for col in range(len(HEADERS) - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self._brushes = {Severity.ERROR: QBrush(QColor(style.ERROR_TEXT)),
                         Severity.WARNING: QBrush(QColor(style.WARNING_TEXT))}

    def set_zoom_font(self, font) -> None:
        self.setFont(font)
        self.verticalHeader().setDefaultSectionSize(QFontMetrics(font).height() + 8)

    def show_findings(self, findings: list[Finding]) -> None:
        """Runs after every edit: touches only the items whose text changed, so only they are repainted
        (setUpdatesEnabled(False/True) around this would repaint the whole panel every time)."""
        self.setRowCount(len(findings))
        for row, f in enumerate(findings):
            for col, text in enumerate((f.severity.label, f.section, f.row, f.column, f.message)):
                item = self.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(row, col, item)
                if item.text() != text:
                    item.setText(text)
                    item.setToolTip(text)
                    if col == 0:
                        item.setForeground(self._brushes[f.severity])
