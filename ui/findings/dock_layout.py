"""Where the 检查结果 dock lies in the main window and how high: the layout saved or the default one, one line
while there is nothing to report, the height the clerk gave it when findings come back."""
from __future__ import annotations

from PySide6 import QtCore

from ..settings import STATE_KEY

DOCK_ACROSS_KEY = "window/findings_across"  # the saved layout has the 检查结果 dock along the bottom or top
DOCK_COMPACT_KEY = "window/findings_compact"  # … and one line high
FINDINGS_HEIGHT, FINDINGS_SHARE = 170, 0.25  # the 检查结果 dock's default height; at most this part of the window
# QMainWindow.saveState() of the default layout: the 检查结果 dock (object name findings_dock) along the
# bottom, FINDINGS_HEIGHT px high; made by addDockWidget(Qt.BottomDockWidgetArea, dock) and resizeDocks().
# Restoring it places the dock without building PySide's Qt namespace (about 100 Python enums, ~15 ms
# of start-up); where Qt refuses it, or the dock must be lower, DockLayout._at_bottom() does it.
DEFAULT_LAYOUT = bytes.fromhex(
    "000000ff00000000fd000000010000000300000500000000aafc0100000001fb0000001a00660069006e00640069"
    "006e00670073005f0064006f0063006b0100000000000005000000003100ffffff00000500000002ac0000000400"
    "0000040000000800000008fc00000000")


class DockLayout:
    """The place and height of window.findings_dock (a FindingsPanel) in window (the QMainWindow)."""

    def __init__(self, window) -> None:
        self.window = window
        self.dock = window.findings_dock
        self._findings_height: int | None = None  # the dock's height when last showing findings
        self._across: bool | None = None  # the dock along the bottom or top (None: not known, see across)

    def restore(self, saved: bytes | None = None) -> None:
        """Where the clerk left the 检查结果 dock (saved at close), else along the bottom: FINDINGS_HEIGHT
        px high, or a quarter of a window that had to be made small for its screen."""
        window = self.window
        if saved is None:
            saved = window.settings.value(STATE_KEY, b"", bytes)
        height = min(FINDINGS_HEIGHT, int(window.height() * FINDINGS_SHARE))
        for state in (saved, DEFAULT_LAYOUT if height == FINDINGS_HEIGHT else b""):
            if state and window.restoreState(state) and window.layout().indexOf(self.dock) >= 0:
                # (the last test: a valid state of some other window places no dock)
                self._across = True if state is DEFAULT_LAYOUT else window.settings.value(DOCK_ACROSS_KEY, None, bool)
                return
        self._at_bottom(height)
        self._across = True

    def reset(self) -> None:
        """视图 ▸ 恢复默认布局: the 检查结果 dock back along the bottom, shown."""
        self.dock.setFloating(False)
        self.restore(b"")
        self.dock.show()
        self._findings_height = None

    def save(self) -> None:
        """Keep the layout for the next start (at close, with a report open)."""
        settings = self.window.settings
        settings.setValue(STATE_KEY, self.window.saveState())
        settings.setValue(DOCK_ACROSS_KEY, self.across())
        settings.setValue(DOCK_COMPACT_KEY, self.dock.is_compact())

    def across(self) -> bool:
        """True when the 检查结果 dock lies along the bottom or the top of the window (it can then be one line
        high). Laid out, the dock says so by spanning the window's width; before that, after a default layout
        or one saved with the answer, it is known without asking Qt (asking builds PySide's Qt namespace:
        start-up time)."""
        window, dock = self.window, self.dock
        if dock.isFloating():
            return False
        central = window.centralWidget()
        if window.isVisible() and dock.isVisible() and central is not None:
            return dock.width() >= central.width() and dock.x() <= central.x()
        if self._across is None:
            Qt = QtCore.Qt
            self._across = window.dockWidgetArea(dock) in (Qt.DockWidgetArea.BottomDockWidgetArea,
                                                           Qt.DockWidgetArea.TopDockWidgetArea)
        return self._across

    def _at_bottom(self, height: int) -> None:
        Qt = QtCore.Qt
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.window.resizeDocks([self.dock], [height], Qt.Orientation.Vertical)

    def compact(self) -> None:
        """Nothing to report: the 检查结果 panel becomes its one line (when a report opens, or the clerk turns to
        another tab: not while typing, so that the form does not jump with every number)."""
        dock = self.dock
        if not dock.is_compact() and dock.isVisible() and not dock.isFloating():
            height = dock.height()
        else:
            height = None
        if dock.compact() and height:
            self._findings_height = height  # as the clerk left it, for when it grows again

    def expand(self) -> None:
        """The panel leaves its one line for the list (along the top or bottom): the height the clerk gave it
        last, else as high as its findings need, up to FINDINGS_HEIGHT (a quarter of a small window).
        At start-up the layout restored already gives it its height, unless it was saved one line high."""
        window = self.window
        if not window.isVisible() and not window.settings.value(DOCK_COMPACT_KEY, False, bool):
            return  # (and resizeDocks would build PySide's Qt namespace before the window shows)
        if not self.across():
            return
        height = self._findings_height or min(FINDINGS_HEIGHT, int(window.height() * FINDINGS_SHARE),
                                              self.dock.height_for_rows())
        window.resizeDocks([self.dock], [height], QtCore.Qt.Orientation.Vertical)
