"""A table section tab: the full heading above the section's grid."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from model.formats.definition import TableSection

from .grid_model import GridModel
from .grid_view import GridView


class GridPage(QWidget):
    def __init__(self, session, section: TableSection, parent=None) -> None:
        super().__init__(parent)
        self.section = section
        self.heading = QLabel(section.heading)
        self.heading.setObjectName("heading")
        self.model = GridModel(session, section, self)
        self.view = GridView(self.model, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)

    def set_zoom_font(self, font) -> None:
        self.view.set_zoom_font(font)

    def focus_first(self) -> None:
        self.view.focus_first()
