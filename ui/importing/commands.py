"""Undoable acceptance of the computed totals in place of the totals printed in an imported report."""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand


class AcceptTotalsCommand(QUndoCommand):
    """Record when the clerk accepted the computed totals; undo puts the printed ones back in force."""

    def __init__(self, session, when: str) -> None:
        super().__init__("采用计算的总计")
        self.session, self.when = session, when

    def redo(self) -> None:
        self.session.report.set_stated_totals_accepted(self.when)

    def undo(self) -> None:
        self.session.report.set_stated_totals_accepted("")
