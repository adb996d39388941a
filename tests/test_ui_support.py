"""Shared helpers and fixtures for the window tests (no tests here): a window with temporary settings."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

# the offscreen platform plugin cannot pass a top-level window's size limits on; xcb/Windows can
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def make_window(qtbot, tmp_path):
    """Build a shown MainWindow on a report, with settings in a temporary file."""
    from ui.main_window import MainWindow

    def make(report, path=None, settings_file="settings.ini"):
        settings = QSettings(str(tmp_path / settings_file), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.ask_before_close = False
        qtbot.addWidget(window)
        window.set_report(report, path)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # window shortcuts (Ctrl+Z, Ctrl+S…) need it
        return window

    return make


def grid_page(window, key: str):
    page = window.page_for(key)
    window.tabs.setCurrentWidget(page)
    return page


def type_into(qtbot, view, index, text: str, commit=Qt.Key.Key_Return) -> None:
    """Put the cursor on index, type text (the first key, ASCII, opens the editor), commit with a key."""
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClicks(view, text[0])
    editor = view.viewport().focusWidget()
    assert editor is not None and editor is not view.viewport(), "typing did not open the cell editor"
    for ch in text[1:]:
        if ch.isascii():
            qtbot.keyClick(editor, ch)
        else:  # Chinese and full-width characters arrive from the input method
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(editor, event)
    qtbot.keyClick(editor, commit)
