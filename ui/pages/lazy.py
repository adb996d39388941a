"""A tab page that builds its widgets the first time it is shown or asked for: start-up builds one tab."""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class TabPage(QWidget):
    """Subclasses put their widgets up in build(); ensure_built() runs it once, then applies the zoom."""

    message = Signal(str)  # status-bar text (refused input, paste results)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.built = False
        self._zoom = None

    def build(self) -> None:
        raise NotImplementedError

    def ensure_built(self):
        """Build the page if it is not yet; returns the page."""
        if not self.built:
            self.built = True
            self.build()
            if self._zoom is not None:
                self.apply_zoom(*self._zoom)
            if self.isVisible():  # a layout shows new children only on the next event loop pass
                for child in self.children():
                    if isinstance(child, QWidget) and not child.isWindow() and not (
                            child.isHidden() and child.testAttribute(QtCore.Qt.WidgetAttribute.WA_WState_ExplicitShowHide)):
                        child.show()
        return self

    def set_zoom(self, font, heading_font) -> None:
        """Remember the zoomed fonts; they are applied now if built, else when built."""
        self._zoom = (font, heading_font)
        if self.built:
            self.apply_zoom(font, heading_font)

    def apply_zoom(self, font, heading_font) -> None:
        self.set_zoom_font(font)
        self.heading.setFont(heading_font)


class LazyPage(TabPage):
    """A TabPage that builds itself when first shown. (The 基本信息 page, built before the window is shown, is a
    plain TabPage: a Python event handler called before the window first appears costs start-up time,
    see ui.event_filters.)"""

    def showEvent(self, event) -> None:
        self.ensure_built()
        super().showEvent(event)
