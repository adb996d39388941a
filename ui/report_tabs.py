"""The window's tab widget: titles of a constant width with a coloured mark (errors, warnings) beside them;
a title that does change width re-lays the tab bar without repainting the page."""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStackedWidget, QTabBar, QTabWidget

from . import style

MARK_SPACE, MARK_SIZE = 12, 8  # px every tab keeps for its mark (so no tab moves when one appears); a dot
MARK_COLOURS = {"error": style.ERROR_TEXT, "warning": style.WARNING_TEXT}


class MarkedTabBar(QTabBar):
    """Every tab is MARK_SPACE wider than its text needs; a tab's mark is a coloured dot in that space."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.marks: dict[int, str] = {}  # tab index → "error" or "warning"
        self._colours: dict[str, QColor] = {}

    def tabSizeHint(self, index: int):
        size = super().tabSizeHint(index)
        size.setWidth(size.width() + MARK_SPACE)
        return size

    def set_mark(self, index: int, mark: str | None) -> None:
        if self.marks.get(index) == mark:
            return
        if mark is None:
            del self.marks[index]
        else:
            self.marks[index] = mark
        self.update(self.tabRect(index))

    def mark_rect(self, index: int):
        """Where a tab's dot is drawn: at the right of the tab, vertically centred."""
        from PySide6.QtCore import QRect

        tab = self.tabRect(index)
        return QRect(tab.right() - MARK_SIZE - 5, tab.center().y() - MARK_SIZE // 2 + 1,
                     MARK_SIZE, MARK_SIZE)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self.marks:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for index, mark in self.marks.items():
            colour = self._colours.get(mark) or self._colours.setdefault(mark, QColor(MARK_COLOURS[mark]))
            painter.setPen(colour)
            painter.setBrush(colour)
            painter.drawEllipse(self.mark_rect(index))
        painter.end()


class ReportTabs(QTabWidget):
    """A QTabWidget in document mode, with a MarkedTabBar (set_mark).

    QTabWidget answers every change of its tab bar's size (a title gaining or losing its error count,
    after an edit) by placing the bar and the page again and repainting itself whole: the open grid is
    repainted although it did not move. When the page keeps its place, this places the tab bar alone,
    at the rectangle the style gives (the one QTabWidget would use), so only the bar is repainted.
    """

    def __init__(self, parent=None) -> None:
        self._retitled = False  # a shown tab's title changed since the last layout request
        super().__init__(parent)
        self.setTabBar(MarkedTabBar(self))
        self.setDocumentMode(True)
        self._stack = self.findChild(QStackedWidget)

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

    def set_mark(self, index: int, mark: str | None) -> None:
        """A coloured dot beside a tab's title: "error", "warning" or None; the tab keeps its width."""
        self.tabBar().set_mark(index, mark)
