"""A table section tab: the full heading and the legend of cell colours above the section's grid (built when
first shown)."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from model.formats.definition import TableSection

from ..pages.lazy import LazyPage


class GridPage(LazyPage):
    """The tab of a table section: heading and legend above its GridView over a GridModel."""

    def __init__(self, session, section: TableSection, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.section = section
        self.show_last_year = False

    def build(self) -> None:
        from .legend import CellLegend
        from .model import GridModel
        from .view import GridView

        self.heading = QLabel(self.section.heading, self)
        self.heading.setObjectName("heading")
        self.model = GridModel(self.session, self.section, self)
        self.view = GridView(self.model, self)
        self.view.message.connect(self.message)
        self.view.set_show_last_year(self.show_last_year)
        self.legend = CellLegend(self)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 2)  # every pixel of height goes to the rows
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def set_show_last_year(self, on: bool) -> None:
        """视图 ▸ 显示上年数, now if built, else when built."""
        self.show_last_year = on
        if self.built:
            self.view.set_show_last_year(on)

    def set_zoom_font(self, font) -> None:
        self.view.set_zoom_font(font)
        self.legend.setFont(font)

    def focus_first(self) -> None:
        self.ensure_built().view.focus_first()
