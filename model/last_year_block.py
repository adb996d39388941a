"""The draft block `last_year`: last year's figures kept in this year's draft, written and validated on load."""
from __future__ import annotations

from typing import Any

from .draft_blocks import DraftBlock
from .draft_values import cell_place, json_object, json_text, show, show_key, whole_number
from .errors import DraftError, InputError
from .formats import format_for_year
from .formats.definition import MAX_COUNT, CellKind
from .last_year import LastYear, needs
from .report import MAX_TEXT_CHARS, MAX_UNIT_NAME, CellRef, Report

KEY = "last_year"
PLACE = f"上年报告数据“{KEY}”"
KEYS = ("source", "unit_name", "year", "format", "tables", "texts")
MAX_SOURCE = 260


def write(report: Report) -> dict[str, Any] | None:
    """The block: last year's figures and texts the cross-year rules read (None when unlinked or stale)."""
    last: LastYear | None = report.last_year
    if last is None or not last.fits(report):  # a stale link (the year was changed) is not kept
        return None
    tables: dict[str, Any] = {}
    for ref in needs(report.format, last.format)[0]:
        tables.setdefault(ref.table, {}).setdefault(ref.row, {})[ref.column] = last.values[ref]
    return {"source": last.source, "unit_name": last.unit_name, "year": last.year, "format": last.format.id,
            "tables": tables, "texts": dict(last.texts)}


def read(value: Any, report: Report) -> None:
    """Validate the block and link it to the report."""
    report.set_last_year(parse(value, report))


def parse(value: Any, report: Report) -> LastYear:
    """Validate a `last_year` block for report; raises DraftError naming the place."""
    json_object(value, PLACE, KEYS)
    for name, limit in (("source", MAX_SOURCE), ("unit_name", MAX_UNIT_NAME)):
        json_text(value[name], f"{PLACE}的“{name}”", limit)
    year = value["year"]
    if isinstance(year, bool) or not isinstance(year, int) or year != report.year - 1:
        raise DraftError(f"{PLACE}的年度“year”应为{report.year - 1}（本报告为{report.year}年度），"
                         f"实际为“{show(year)}”")
    try:
        fmt = format_for_year(year)
    except InputError:
        raise DraftError(f"{PLACE}的年度{year}没有适用的报告格式，本报告不能关联上年报告") from None
    if value["format"] != fmt.id:
        raise DraftError(f"{PLACE}的格式“format”应为“{fmt.id}”（{year}年度适用{fmt.name}），"
                         f"实际为“{show(value['format'])}”")
    refs, text_keys = needs(report.format, fmt)
    values = _tables(value["tables"], refs, fmt)
    texts = json_object(value["texts"], f"{PLACE}的文字部分“texts”", text_keys)
    for key in text_keys:
        where = f"{PLACE}中上年的“{fmt.section(key).heading}”"
        if len(json_text(texts[key], where)) > MAX_TEXT_CHARS:
            raise DraftError(f"{where}超过了{MAX_TEXT_CHARS}字的上限")
    return LastYear(value["source"], value["unit_name"], year, fmt.id, values, texts)


def _tables(tables: Any, refs: tuple[CellRef, ...], fmt) -> dict[CellRef, int]:
    json_object(tables, f"{PLACE}的表格部分“tables”")
    wanted = set(refs)
    for table_key, rows in tables.items():
        for row_key, cells in json_object(rows, f"{PLACE}中表“{show_key(table_key)}”").items():
            for column_key in json_object(cells, f"{PLACE}中“{show_key(f'{table_key}/{row_key}')}”"):
                if CellRef(table_key, row_key, column_key) not in wanted:
                    raise DraftError(f"{PLACE}中有未知的数“{show_key(f'{table_key}/{row_key}/{column_key}')}”"
                                     f"（跨年度检查不用此数）")
    values: dict[CellRef, int] = {}
    for ref in refs:
        place = f"{PLACE}中{cell_place(fmt, ref)}"
        try:
            raw = tables[ref.table][ref.row][ref.column]
        except KeyError:
            raise DraftError(f"{place}缺少（“{ref.table}/{ref.row}/{ref.column}”）") from None
        signed = fmt.table(ref.table).column(ref.column).kind is CellKind.SIGNED
        values[ref] = whole_number(raw, f"{place}：", MAX_COUNT, signed=signed)
    return values


DRAFT_BLOCK = DraftBlock(key=KEY, write=write, read=read)
