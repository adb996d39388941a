"""Autosave: a recovery copy of the open report written shortly after each edit, removed on clean save/close."""
from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from model.errors import ReportError
from model.recovery import RecoveryStore, new_session_id


DELAY_MS = 1000  # after the last edit; the issue asks for within 2 seconds


class Autosaver(QObject):
    """Follows one window's undo stack; writes to the store, never over the draft itself. A failure is
    reported each time (failed) until a later write succeeds (succeeded); nothing is swallowed."""

    failed = Signal(str)
    succeeded = Signal()

    def __init__(self, store: RecoveryStore, undo_stack, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.session_id = new_session_id()
        self.report = None
        self.path: Path | None = None
        self.problem = ""  # the last failure's message, "" while autosaving works
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        undo_stack.indexChanged.connect(self._stack_changed)
        undo_stack.cleanChanged.connect(self._stack_changed)

    def track(self, report, path: Path | None) -> None:
        """A new report is shown: forget the previous one's recovery copy and start afresh."""
        self.discard()
        self.session_id = new_session_id()
        self.report, self.path = report, path

    def set_path(self, path: Path | None) -> None:
        self.path = path

    def _stack_changed(self, *_args) -> None:
        if self.report is None or not shiboken6.isValid(self.undo_stack):  # window being destroyed
            return
        if self.undo_stack.isClean():
            self.discard()
        else:
            self.timer.start()

    def save_now(self) -> bool:
        """Write the recovery copy now (when there are unsaved edits); False when that failed."""
        self.timer.stop()
        if self.report is None or self.undo_stack.isClean():
            return True
        try:
            self.store.write(self.session_id, self.report, self.path)
        except (ReportError, OSError, UnicodeError) as exc:  # the model gives ReportError; never let one escape
            self.problem = exc.message if isinstance(exc, ReportError) else f"{type(exc).__name__}"
            self.failed.emit(f"自动保存失败：{self.problem}")
            return False
        if self.problem:
            self.problem = ""
            self.succeeded.emit()
        return True

    def discard(self) -> None:
        """The state is safe on disk (clean save) or deliberately dropped (close without saving)."""
        self.timer.stop()
        self.store.remove(self.session_id)
