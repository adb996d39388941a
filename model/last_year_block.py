"""The draft block `last_year`: last year's figures kept in this year's draft, written and validated on load."""
from __future__ import annotations

from typing import Any

from .draft_blocks import DraftBlock
from .draft_reader import MAX_TEXT_CHARS, _Reader, _show
from .errors import DraftError
from .formats import FORMATS, format_for_year
from .formats.definition import MAX_COUNT, CellKind
from .last_year import LastYear, needs
from .report import MAX_UNIT_NAME, CellRef, Report

KEY = "last_year"
PLACE = f"上年报告数据“{KEY}”"
KEYS = ("source", "unit_name", "year", "format", "tables", "texts")
MAX_SOURCE = 260


def write(report: Report) -> dict[str, Any] | None:
    last: LastYear | None = report.last_year
    if last is None or not last.fits(report):  # a stale link (the year was changed) is not kept
        return None
    tables: dict[str, Any] = {}
    for ref in needs(report.format, last.format)[0]:
        tables.setdefault(ref.table, {}).setdefault(ref.row, {})[ref.column] = last.values[ref]
    return {"source": last.source, "unit_name": last.unit_name, "year": last.year, "format": last.format.id,
            "tables": tables, "texts": dict(last.texts)}


def read(value: Any, report: Report) -> None:
    report.set_last_year(parse(value, report))


def parse(value: Any, report: Report) -> LastYear:
    """Validate a `last_year` block for report; raises DraftError naming the place."""
    if not isinstance(value, dict):
        raise DraftError(f"{PLACE}应为 JSON 对象，实际为“{_show(value)}”")
    _keys(value, KEYS, PLACE)
    for name, limit in (("source", MAX_SOURCE), ("unit_name", MAX_UNIT_NAME)):
        if not isinstance(value[name], str) or len(value[name]) > limit:
            raise DraftError(f"{PLACE}的“{name}”应为不超过{limit}字的文字，实际为“{_show(value[name])}”")
    year = value["year"]
    if isinstance(year, bool) or not isinstance(year, int) or year != report.year - 1:
        raise DraftError(f"{PLACE}的年度“year”应为{report.year - 1}（本报告为{report.year}年度），"
                         f"实际为“{_show(year)}”")
    fmt = format_for_year(year) if any(f.covers(year) for f in FORMATS) else None
    if fmt is None:
        raise DraftError(f"{PLACE}的年度{year}没有适用的报告格式，本报告不能关联上年报告")
    if value["format"] != fmt.id:
        raise DraftError(f"{PLACE}的格式“format”应为“{fmt.id}”（{year}年度适用{fmt.name}），"
                         f"实际为“{_show(value['format'])}”")
    refs, text_keys = needs(report.format, fmt)
    values = _tables(value["tables"], refs, fmt)
    texts = value["texts"]
    if not isinstance(texts, dict):
        raise DraftError(f"{PLACE}的文字部分“texts”应为 JSON 对象，实际为“{_show(texts)}”")
    _keys(texts, text_keys, f"{PLACE}的文字部分“texts”")
    for key in text_keys:
        heading = fmt.section(key).heading
        if not isinstance(texts[key], str) or len(texts[key]) > MAX_TEXT_CHARS:
            raise DraftError(f"{PLACE}中上年的“{heading}”应为文字，实际为“{_show(texts[key])}”")
    return LastYear(value["source"], value["unit_name"], year, fmt.id, values, texts)


def _tables(tables: Any, refs: tuple[CellRef, ...], fmt) -> dict[CellRef, int]:
    if not isinstance(tables, dict):
        raise DraftError(f"{PLACE}的表格部分“tables”应为 JSON 对象，实际为“{_show(tables)}”")
    wanted = set(refs)
    for table_key, rows in tables.items():
        if not isinstance(rows, dict):
            raise DraftError(f"{PLACE}中表“{table_key}”应为 JSON 对象，实际为“{_show(rows)}”")
        for row_key, cells in rows.items():
            if not isinstance(cells, dict):
                raise DraftError(f"{PLACE}中“{table_key}/{row_key}”应为 JSON 对象，实际为“{_show(cells)}”")
            for column_key in cells:
                if CellRef(table_key, row_key, column_key) not in wanted:
                    raise DraftError(f"{PLACE}中有未知的数“{table_key}/{row_key}/{column_key}”"
                                     f"（跨年度检查不用此数）")
    values: dict[CellRef, int] = {}
    for ref in refs:
        place = f"{PLACE}中{_place(fmt, ref)}"
        try:
            raw = tables[ref.table][ref.row][ref.column]
        except KeyError:
            raise DraftError(f"{place}缺少（“{ref.table}/{ref.row}/{ref.column}”）") from None
        kind = fmt.table(ref.table).column(ref.column).kind
        values[ref] = _count(raw, kind, place)
    return values


def _count(raw: Any, kind: CellKind, place: str) -> int:
    signed = kind is CellKind.SIGNED
    expected = "应为整数（可为负数）" if signed else "应为非负整数"
    if isinstance(raw, bool) or not isinstance(raw, int) or not (-MAX_COUNT if signed else 0) <= raw <= MAX_COUNT:
        raise DraftError(f"{place}：{expected}，实际为“{_show(raw)}”")
    return raw


def _place(fmt, ref: CellRef) -> str:
    section = fmt.section_of_table(ref.table)
    table = fmt.table(ref.table)
    where = f"第{section.number}部分" + (f"“{table.title}”" if table.title else "")
    row = table.row(ref.row).label
    return where + (f"“{row}”行" if row else "") + f"“{table.column_label(ref.column)}”列"


def _keys(obj: dict, expected: tuple[str, ...], where: str) -> None:
    """Unknown or missing keys refused as everywhere in a draft."""
    _Reader()._keys(obj, list(expected), where)


DRAFT_BLOCK = DraftBlock(key=KEY, title="上年报告", write=write, read=read)
