"""The window's tab widget: titles of a constant width with a coloured mark (errors, warnings) beside them;
a title that does change width re-lays the tab bar without repainting the page."""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget

from . import style

MARK_TEXT = "●"
# a while after the window's tabs are first filled (the window shows meanwhile), every tab gets its room for a
# mark (once, before the clerk works in the window): not at start-up (cost), nor at the first mark (every tab
# would move under the mouse)
RESERVE_AFTER_MS = 300
MARK_COLOURS = {"error": style.ERROR_TEXT, "warning": style.WARNING_TEXT}


class ReportTabs(QTabWidget):
    """A QTabWidget in document mode; set_mark() puts a coloured dot beside a tab's title.

    Every tab has a label at the right of its title from the start, holding the dot when the section has
    errors (warnings), so that no tab moves when a mark appears. (A QTabBar subclass painting the dots
    would cost start-up time: Python is asked about each of its many virtual calls.)

    QTabWidget answers every change of its tab bar's size (a title gaining or losing its error count,
    after an edit) by placing the bar and the page again and repainting itself whole: the open grid is
    repainted although it did not move. When the page keeps its place, this places the tab bar alone,
    at the rectangle the style gives (the one QTabWidget would use), so only the bar is repainted.
    """

    def __init__(self, parent=None) -> None:
        self._retitled = False  # a shown tab's title changed since the last layout request
        self._relayout: _Relayout | None = None  # filters this widget's layout requests, from the first retitling
        self._labelled = False  # some tab has a mark label (until then the tab bar is left alone: start-up time)
        self._reserve = "later"  # the room for marks: "later" (not yet asked for), "asked", "done"
        self.marks: dict[int, str] = {}  # tab index → "error" or "warning"
        super().__init__(parent)
        self.setDocumentMode(True)
        self._stack = self.findChild(QStackedWidget)

    def setTabText(self, index: int, text: str) -> None:
        """QTabWidget.setTabText lays out and repaints everything at once; when shown, the tab bar's own
        layout request comes to _Relayout instead, where the page is left alone if it keeps its place.
        (An event filter installed then, not an event() override: that would be called for every event
        from the start, and a Python event handler before the window first appears costs start-up time.)"""
        if self.isVisible():
            self._retitled = True
            if self._relayout is None:
                self._relayout = _Relayout(self)
                self.installEventFilter(self._relayout)
            self.tabBar().setTabText(index, text)
        else:
            super().setTabText(index, text)

    def _layout_requested(self) -> bool:
        """A layout request: True when handled here (a retitled tab bar placed alone)."""
        if not self._retitled:
            return False
        self._retitled = False
        return self._place_tab_bar_only()

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

    def tabInserted(self, index: int) -> None:
        super().tabInserted(index)
        if self._reserve == "done":  # a tab of the other format (the year changed): room from the start
            self.mark_label(index)
        elif self._reserve == "later":  # the first tabs: room for the marks soon after the window shows
            self._reserve = "asked"  # (a timer, not a show handler: see ui.event_filters)
            from PySide6.QtCore import QTimer

            QTimer.singleShot(RESERVE_AFTER_MS, self, self.reserve_marks)  # (not called once self is gone)

    def reserve_marks(self) -> None:
        """Every tab's room for a mark, so that no tab moves when the first error or warning appears."""
        self._reserve = "done"
        for index in range(self.count()):
            self.mark_label(index)

    def set_mark(self, index: int, mark: str | None) -> None:
        """A coloured dot beside a tab's title: "error", "warning" or None. The first mark gives every tab its
        room for one, if reserve_marks has not yet (a report that checks clean opens without them: start-up
        time); from then on no tab moves when a mark comes or goes."""
        if mark is None and not self.marks and (not self._labelled
                                                or self.tabBar().tabButton(index, _RIGHT()) is None):
            return
        label = self.mark_label(index)
        if mark is None:
            self.marks.pop(index, None)
        else:
            self.marks[index] = mark
            for other in range(self.count()):
                self.mark_label(other)
        text = MARK_TEXT if mark else ""
        if label.text() != text:
            label.setText(text)
            label.setStyleSheet(f"color: {MARK_COLOURS[mark]};" if mark else "")

    def mark_label(self, index: int) -> QLabel:
        """The label holding a tab's mark."""
        bar = self.tabBar()
        label = bar.tabButton(index, _RIGHT())
        if label is None:
            label = QLabel(bar)
            label.setFixedWidth(label.fontMetrics().horizontalAdvance(MARK_TEXT) + 2)
            bar.setTabButton(index, _RIGHT(), label)
            self._labelled = True
        return label


class _Relayout(QObject):
    """ReportTabs' layout requests after a title change go to _layout_requested first."""

    def eventFilter(self, tabs, event) -> bool:
        return event.type() == QtCore.QEvent.Type.LayoutRequest and tabs._layout_requested()


def _RIGHT():
    from PySide6.QtWidgets import QTabBar  # (its type costs start-up time: no tab bar call before the first mark)

    return QTabBar.ButtonPosition.RightSide
