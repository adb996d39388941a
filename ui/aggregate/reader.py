"""Reads a 汇总's files a few at a time from the event loop, so the window stays responsive and can cancel."""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from model.aggregate import Batch
from model.aggregate_inputs import Unreadable, UnitFile

SLICE_SECONDS = 0.04  # reading time per turn of the event loop: the window repaints and takes clicks between


class BatchReader(QObject):
    """Reads the batch's queued files in slices; emits what was read, progress, and finished/cancelled."""

    read = Signal(list, list)  # units, unreadable files read in the last slice
    progress = Signal(int, int)  # files read, files in all
    finished = Signal(bool)  # True when every queued file was read, False when cancelled

    def __init__(self, batch: Batch, parent=None) -> None:
        super().__init__(parent)
        self.batch = batch
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._slice)

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def start(self) -> None:
        if not self.timer.isActive():
            self.progress.emit(self.batch.read_count, self.batch.total)
            self.timer.start()

    def cancel(self) -> None:
        """Stop between two files; the files not yet read are dropped from the batch."""
        if self.timer.isActive():
            self.timer.stop()
            self.batch.drop_pending()
            self.finished.emit(False)

    def _slice(self) -> None:
        units: list[UnitFile] = []
        bad: list[Unreadable] = []
        end = time.perf_counter() + SLICE_SECONDS
        while True:
            entry = self.batch.read_next()
            if entry is None:
                break
            (units if isinstance(entry, UnitFile) else bad).append(entry)
            if time.perf_counter() > end:
                break
        if units or bad:
            self.read.emit(units, bad)
        self.progress.emit(self.batch.read_count, self.batch.total)
        if not self.batch.pending:
            self.timer.stop()
            self.finished.emit(True)
