"""The window's tab widget: a tab title that changes width re-lays the tab bar without repainting the page."""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QStackedWidget, QTabWidget


class ReportTabs(QTabWidget):
    """A QTabWidget in document mode.

    QTabWidget answers every change of its tab bar's size (a title gaining or losing its error count,
    after an edit) by placing the bar and the page again and repainting itself whole: the open grid is
    repainted although it did not move. When the page keeps its place, this places the tab bar alone,
    at the rectangle the style gives (the one QTabWidget would use), so only the bar is repainted.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self._stack = self.findChild(QStackedWidget)
        self._retitled = False  # a shown tab's title changed since the last layout request

    def setTabText(self, index: int, text: str) -> None:
        """QTabWidget.setTabText lays out and repaints everything at once; when shown, the tab bar's own
        layout request comes here instead (event), where the page is left alone if it keeps its place."""
        if self.isVisible():
            self._retitled = True
            self.tabBar().setTabText(index, text)
        else:
            super().setTabText(index, text)

    def event(self, event) -> bool:
        if self._retitled and event.type() == QEvent.Type.LayoutRequest:
            self._retitled = False
            if self._place_tab_bar_only():
                return True
        return super().event(event)

    def _place_tab_bar_only(self) -> bool:
        if (not self.isVisible() or not self.documentMode() or self._stack is None
                or self.cornerWidget(QtCore.Qt.Corner.TopLeftCorner)
                or self.cornerWidget(QtCore.Qt.Corner.TopRightCorner)):
            return False
        from PySide6.QtWidgets import QStyle, QStyleOptionTabWidgetFrame  # QStyle costs start-up time

        option = QStyleOptionTabWidgetFrame()
        self.initStyleOption(option)
        style, element = self.style(), QStyle.SubElement
        if style.subElementRect(element.SE_TabWidgetTabContents, option, self) != self._stack.geometry():
            return False
        self.tabBar().setGeometry(style.subElementRect(element.SE_TabWidgetTabBar, option, self))
        self.updateGeometry()
        return True
