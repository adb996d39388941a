"""How far a report is filled in: which sections hold something (a text, or a number other than 0)."""
from __future__ import annotations

from .formats.definition import TableSection
from .report import Report


def section_filled(report: Report, section) -> bool:
    """A text section with text in it; a table section with a count other than 0 or an amount."""
    if isinstance(section, TableSection):
        tables = {t.key for t in section.tables}
        return any(report.value(ref) not in (None, 0) for ref, _ in report.input_cells() if ref.table in tables)
    return bool(report.texts.get(section.key, "").strip())


def unfilled_sections(report: Report) -> list:
    """The sections still blank, in printed order."""
    return [s for s in report.format.sections if not section_filled(report, s)]
