"""The wait cursor over a step the clerk waits for (reading a document, exporting, building the pages to print)."""
from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


@contextmanager
def wait_cursor():
    """Show the wait cursor while the block runs; the cursor comes back however the block ends."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
