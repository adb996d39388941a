"""Undoable edits of last year's report: 基于上年报告新建's carry-over, linking, replacing or removing last year's figures."""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from model.last_year import LastYear


class CarryOverCommand(QUndoCommand):
    """基于上年报告: header fields, carried cells and the link to last year's report, in one undo step."""

    def __init__(self, session, plan) -> None:
        super().__init__("从上年报告带入")
        self.session, self.plan = session, plan
        report = session.report
        self.old_header = {name: getattr(report, name) for name in plan.header}
        self.old_cells = [(ref, report.value(ref)) for ref, _ in plan.cells]
        self.old_link = report.last_year
        self.old_marks = set(report.carried)

    def redo(self) -> None:
        with self.session.batch():
            self.plan.apply(self.session.report)
        self.session.mark_carried({ref for ref, _ in self.plan.cells})

    def undo(self) -> None:
        report = self.session.report
        with self.session.batch():
            report.set_last_year(self.old_link)
            for ref, value in reversed(self.old_cells):
                report.set_value(ref, value)
            for name, value in self.old_header.items():
                report.set_field(name, value)
        self.session.mark_carried(self.old_marks)


class SetLastYearCommand(QUndoCommand):
    """Link, replace or remove last year's figures."""

    def __init__(self, session, new: LastYear | None, text: str) -> None:
        super().__init__(text)
        self.session, self.new, self.old = session, new, session.report.last_year

    def redo(self) -> None:
        self.session.report.set_last_year(self.new)

    def undo(self) -> None:
        self.session.report.set_last_year(self.old)
