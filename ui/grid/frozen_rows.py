"""Frozen header rows: the section's multi-level column header stays in view while the grid scrolls.

As in Qt's frozen-column example, a second QTableView over the same model lies on top of the
grid's viewport and shows only the header rows; it follows the grid's horizontal scroll, column
widths and row heights, and never takes focus.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QTableView

from model.grid import SectionGrid


class FrozenRows(QTableView):
    """The header rows of view's grid, lying over its viewport's top."""

    def __init__(self, view: QTableView, grid: SectionGrid) -> None:
        super().__init__(view)
        self.view = view
        self.rows = rows = grid.header_rows
        self.setModel(view.model())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(True)
        self.setStyleSheet("QTableView { border-bottom: 1px solid palette(mid); }")
        for cell in grid.cells:
            if cell.row < rows and (cell.rowspan > 1 or cell.colspan > 1):
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        view.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        view.horizontalHeader().sectionResized.connect(lambda *_: self.sync())
        view.verticalHeader().sectionResized.connect(lambda *_: self.sync())
        self.sync()
        self.show()

    def height_of_rows(self) -> int:
        return sum(self.view.rowHeight(r) for r in range(self.rows))

    def sync(self) -> None:
        """Copy the grid's font, column widths and header row heights, then lie over its viewport."""
        self.setFont(self.view.font())
        for c in range(self.model().columnCount()):
            self.setColumnWidth(c, self.view.columnWidth(c))
        for r in range(self.model().rowCount()):
            self.setRowHeight(r, self.view.rowHeight(r) if r < self.rows else 0)
        self.place()

    def place(self) -> None:
        viewport = self.view.viewport().geometry()
        self.setGeometry(viewport.x(), viewport.y(), viewport.width(), self.height_of_rows())
        self.horizontalScrollBar().setValue(self.view.horizontalScrollBar().value())
