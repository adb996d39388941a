"""Undoable edits of a report (QUndoCommand): cells (one or a pasted block), text sections, header fields,
explanations of warnings, the report year."""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from model.cells import CellValue
from model.report import CellRef

TEXT_COMMAND_ID = 1001


class SetCellsCommand(QUndoCommand):
    """Set one or many cells in one undo step; the values are already validated."""

    def __init__(self, session, changes: list[tuple[CellRef, CellValue, CellValue]], text: str) -> None:
        super().__init__(text)
        self.session = session
        self.changes = changes
        self.unmarked: set[CellRef] = set()  # cells carried from last year that this edit unmarks

    def redo(self) -> None:
        report = self.session.report
        self.unmarked = {ref for ref, _old, _new in self.changes if ref in report.carried}
        with self.session.batch():
            for ref, _old, new in self.changes:
                report.set_value(ref, new)

    def undo(self) -> None:
        report = self.session.report
        with self.session.batch():
            for ref, old, _new in reversed(self.changes):
                report.set_value(ref, old)
        if self.unmarked:  # back to last year's figure: marked again
            self.session.mark_carried(report.carried | self.unmarked)


class _ReplaceCommand(QUndoCommand):
    """Put new in place of old under a key, through the Report method named SETTER (report.SETTER(key, value))."""

    SETTER = ""

    def __init__(self, session, key: str, old: str, new: str, text: str) -> None:
        super().__init__(text)
        self.session, self.key, self.old, self.new = session, key, old, new

    def redo(self) -> None:
        getattr(self.session.report, self.SETTER)(self.key, self.new)

    def undo(self) -> None:
        getattr(self.session.report, self.SETTER)(self.key, self.old)


class SetTextCommand(_ReplaceCommand):
    """Replace a text section; consecutive typing in the same section merges into one step."""

    SETTER = "set_text"

    def id(self) -> int:
        return TEXT_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetTextCommand) or other.key != self.key or other.old != self.new:
            return False
        self.new = other.new
        return True


class SetFieldCommand(_ReplaceCommand):
    """Change a header field (unit name, 附件 label, report date); the value is already validated."""

    SETTER = "set_field"


class SetYearCommand(QUndoCommand):
    """Change the report year of a report with no numbers yet (and so, maybe, its format)."""

    def __init__(self, session, old: int, new: int) -> None:
        super().__init__(f"报告年度改为{new}年")
        self.session, self.old, self.new = session, old, new
        self.marks: set[CellRef] = set()

    def redo(self) -> None:
        self.marks = set(self.session.report.carried)  # a new year drops the marks carried for this one
        self.session.report.set_year(self.new)

    def undo(self) -> None:
        self.session.report.set_year(self.old)
        if self.marks:
            self.session.mark_carried(self.marks)


class SetExplanationCommand(_ReplaceCommand):
    """Explain a warning (已说明), change its explanation, or withdraw it (text "")."""

    SETTER = "set_explanation"
