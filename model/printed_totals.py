"""Totals as printed in an imported report: the draft block `printed_totals` and the cells they may hold."""
from __future__ import annotations

from typing import Any

from .draft_blocks import DraftBlock
from .draft_values import json_object, json_text, show, show_key, whole_number
from .errors import DraftError
from .formats.definition import CellKind, ReportFormat
from .lazy_re import LazyPattern
from .report import CellRef, Report, cell_kind

MAX_SOURCE = 260
# a printed total may be as large as the sum of its parts: up to ~25 parts of MAX_COUNT each; 15 digits hold it
MAX_PRINTED_TOTAL = 999_999_999_999_999
_WHEN = LazyPattern(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
_TOTALS: dict[str, tuple[CellRef, ...]] = {}


def total_cells(fmt: ReportFormat) -> tuple[CellRef, ...]:
    """Every computed total of a format in printed order: 三's 总计 column and （七）总计 row, 四's 总计 columns."""
    cells = _TOTALS.get(fmt.id)
    if cells is None:
        cells = _TOTALS[fmt.id] = tuple(
            CellRef(table.key, row.key, column.key)
            for _, table in fmt.tables() for row in table.leaf_rows() for column in table.leaf_columns()
            if cell_kind(table, row, column) is CellKind.TOTAL)
    return cells


def attach(report: Report, totals: dict[CellRef, int | None], source: str) -> None:
    """Keep the totals printed in source (None where the printed cell was blank) as evidence to check."""
    allowed = set(total_cells(report.format))
    report.stated_totals = {ref: value for ref, value in totals.items() if ref in allowed}
    report.stated_totals_source = source[:MAX_SOURCE]
    report.stated_totals_accepted = ""


def in_force(report: Report) -> bool:
    """True while printed totals are checked (there are some and the computed ones were not accepted)."""
    return bool(report.stated_totals) and not report.stated_totals_accepted


# ---------------------------------------------------------------- the draft block


def _write(report: Report) -> Any:
    if not report.stated_totals:
        return None
    totals: dict[str, Any] = {}
    for ref in total_cells(report.format):
        if ref in report.stated_totals:
            totals.setdefault(ref.table, {}).setdefault(ref.row, {})[ref.column] = report.stated_totals[ref]
    return {"source": report.stated_totals_source, "accepted": report.stated_totals_accepted, "totals": totals}


def _read(value: Any, report: Report) -> None:
    place = "填报的总计“printed_totals”"
    json_object(value, place, ("source", "accepted", "totals"))
    source = json_text(value["source"], f"{place}的“source”", MAX_SOURCE)
    accepted = value["accepted"]
    if not isinstance(accepted, str) or (accepted and not _WHEN.fullmatch(accepted)):
        raise DraftError(f"{place}的“accepted”应为空或“年-月-日T时:分:秒”，实际为“{show(accepted)}”")
    allowed = set(total_cells(report.format))
    read: dict[CellRef, int | None] = {}
    for table, rows in json_object(value["totals"], f"{place}的“totals”").items():
        for row, columns in json_object(rows, f"{place}中表“{show_key(table)}”").items():
            for column, number in json_object(columns, f"{place}中表“{show_key(table)}”行“{show_key(row)}”").items():
                ref = CellRef(table, row, column)
                where = f"{place}中的“{show_key(f'{table}/{row}/{column}')}”"
                if ref not in allowed:
                    raise DraftError(f"{where}不是{report.format.name}的总计格")
                read[ref] = whole_number(number, where, MAX_PRINTED_TOTAL, null=True)
    attach(report, read, source)
    report.stated_totals_accepted = accepted


DRAFT_BLOCK = DraftBlock("printed_totals", _write, _read)
