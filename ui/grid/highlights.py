"""Which grid rows and cells the current findings concern, and the messages to show on them."""
from __future__ import annotations

from model.report import CellRef
from model.rules import Finding, Severity

RowKey = tuple[str, str]  # (table key, leaf row key)


class Highlights:
    """Findings indexed by (table, row) and by cell; an error outranks a warning."""

    def __init__(self, findings: list[Finding] = (), tables: set[str] | None = None) -> None:
        self.row_severity: dict[RowKey, Severity] = {}
        self.cell_severity: dict[CellRef, Severity] = {}
        self.row_messages: dict[RowKey, list[str]] = {}
        for finding in findings:
            if finding.explained:
                continue  # the clerk has explained it: the panel lists it greyed, the grid stays plain
            cells = [c for c in finding.cells if tables is None or c.table in tables]
            rows: list[RowKey] = []
            for cell in cells:
                _raise(self.cell_severity, cell, finding.severity)
                key = (cell.table, cell.row)
                if key not in rows:
                    rows.append(key)
            for key in rows:
                _raise(self.row_severity, key, finding.severity)
                messages = self.row_messages.setdefault(key, [])
                text = f"{finding.severity.label}：{finding.message}"
                if text not in messages:
                    messages.append(text)

    def row_state(self, key: RowKey) -> tuple:
        """The colours of a row, to tell which rows need a repaint (tooltips are read when shown)."""
        cells = sorted((c.column, s.value) for c, s in self.cell_severity.items() if (c.table, c.row) == key)
        sev = self.row_severity.get(key)
        return (sev.value if sev else None, tuple(cells))


def _raise(table: dict, key, severity: Severity) -> None:
    if table.get(key) is not Severity.ERROR:
        table[key] = severity
