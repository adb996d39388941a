"""One open report: its undo stack, live rule checking after every change, and the edit entry points."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from model.cells import CellValue
from model.chars import clean_text
from model.file_state import FileState
from model.report import CellRef, Report, check_field, check_text, validate_date
from model.rules import Finding, Severity, check, count_by_severity

from .commands import SetCellsCommand, SetExplanationCommand, SetFieldCommand, SetTextCommand, SetYearCommand


class ReportSession(QObject):
    """Edits go through here as undo commands; findings are recomputed after each change (or batch)."""

    changed = Signal(object)  # what changed: CellRef, text key or field name
    findings_changed = Signal(list)
    checked = Signal()  # the rules ran after a change or a batch of changes (after findings_changed, if they differ)
    marks_changed = Signal(object)  # the set of cells whose "carried from last year" mark came or went

    def __init__(self, report: Report, path: Path | None, undo_stack: QUndoStack, parent=None,
                 disk_state: FileState | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.path = path
        self.disk_state = disk_state  # the draft file as opened or last saved (to notice changes by others)
        self.undo_stack = undo_stack
        self.findings: list[Finding] = check(report)
        self._batch = 0
        self._dirty = False
        self._marks = set(report.carried)  # the marks the grids show (report.carried: kept in the draft)
        report.subscribe(self._on_change)

    def close(self) -> None:
        self.report.unsubscribe(self._on_change)

    # ---- checking ----

    @contextmanager
    def batch(self):
        """Run the rules once after a group of changes instead of after each one."""
        self._batch += 1
        try:
            yield
        finally:
            self._batch -= 1
            if self._batch == 0 and self._dirty:
                self.recheck()

    def _on_change(self, what: object) -> None:
        self._sync_marks()  # an edited cell loses its mark (Report.set_value), a new year all of them
        self.changed.emit(what)
        if self._batch:
            self._dirty = True
        else:
            self.recheck()

    def recheck(self) -> None:
        self._dirty = False
        findings = check(self.report)
        if findings != self.findings:
            self.findings = findings
            self.findings_changed.emit(findings)
        self.checked.emit()

    @property
    def carried(self) -> set[CellRef]:
        """Cells 基于上年报告 filled, marked until edited."""
        return self.report.carried

    def mark_carried(self, refs: set[CellRef]) -> None:
        """Mark exactly these cells as carried from last year's report (an empty set removes every mark)."""
        self.report.set_carried(refs)
        self._sync_marks()

    def _sync_marks(self) -> None:
        marks = self.report.carried
        if marks != self._marks:
            changed = marks ^ self._marks
            self._marks = set(marks)
            self.marks_changed.emit(changed)

    def counts(self) -> tuple[int, int]:
        return count_by_severity(self.findings)

    def submission_findings(self) -> list[Finding]:
        """提交前检查: every finding, and what only a filed report needs (the report date)."""
        return check(self.report, submission=True)

    # ---- edits (each one undo step) ----

    def set_cells(self, values: list[tuple[CellRef, CellValue]], text: str = "编辑单元格") -> bool:
        changes = [(ref, self.report.value(ref), new) for ref, new in values]
        changes = [c for c in changes if c[1] != c[2]]
        if not changes:
            return False
        self.undo_stack.push(SetCellsCommand(self, changes, text))
        return True

    def set_text(self, key: str, text: str) -> str:
        """Store typed or pasted text as an undo step and return what was stored: control characters are
        removed and line ends normalised (model.chars.clean_text). Raises InputError (nothing stored) for a
        text the model refuses (too long, a lone surrogate)."""
        heading = self.report.format.section(key).heading
        text = check_text(text, heading)
        old = self.report.texts[key]
        if old != text:
            self.undo_stack.push(SetTextCommand(self, key, old, text, f"编辑“{heading}”"))
        return text

    def set_year(self, year: int) -> None:
        """Change the report year (one undo step); raises InputError (nothing changed) when it may not
        (Report.check_year_change)."""
        if year != self.report.year:
            self.report.check_year_change(year)
            self.undo_stack.push(SetYearCommand(self, self.report.year, year))

    def set_field(self, name: str, text: str) -> None:
        """Validate then store a header field; raises InputError (nothing stored) when refused."""
        if name == "report_date":  # read first: a date it cannot read is refused as a date, not for its characters
            text = validate_date(text)
        text = check_field(name, text)  # as the report stores it (a pasted line break removed)
        old = getattr(self.report, name)
        if old != text:
            self.undo_stack.push(SetFieldCommand(self, name, old, text, "编辑基本信息"))

    def set_explanation(self, finding: Finding, text: str) -> None:
        """Explain a warning (text) or withdraw its explanation (""), as one undo step; errors are refused."""
        text = clean_text(text).strip()  # as the report stores it, so an unchanged text makes no undo step
        if finding.severity is Severity.ERROR or text == finding.explanation:
            return
        what = "撤销说明" if not text else ("修改说明" if finding.explained else "说明警告")
        self.undo_stack.push(SetExplanationCommand(self, finding.key, finding.explanation, text, what))
