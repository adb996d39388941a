"""A draft's JSON values checked and named in messages: shared by the draft reader and every draft block."""
from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from .chars import visible
from .errors import DraftError


def json_object(value: Any, where: str, keys: tuple[str, ...] | list[str] | set[str] | None = None) -> dict:
    """value when it is a JSON object (with exactly keys, when given); else DraftError naming where."""
    if not isinstance(value, dict):
        raise DraftError(f"{where}应为 JSON 对象，实际为“{show(value)}”")
    if keys is not None:
        check_keys(value, keys, where)
    return value


def check_keys(obj: dict, expected: set[str] | list[str] | tuple[str, ...], where: str) -> None:
    """Every expected key and no other; DraftError naming the first odd one (a set's missing keys sorted)."""
    extra = [k for k in obj if k not in expected]
    if extra:
        raise DraftError(f"{where}中有未知的项“{show_key(extra[0])}”")
    missing = [k for k in expected if k not in obj]
    if missing:
        raise DraftError(f"{where}中缺少“{sorted(missing)[0] if isinstance(expected, set) else missing[0]}”")


def json_text(value: Any, where: str, limit: int | None = None) -> str:
    """value when it is a string (of at most limit characters); else DraftError naming where."""
    if not isinstance(value, str) or (limit is not None and len(value) > limit):
        expected = "应为文字" if limit is None else f"应为不超过{limit}字的文字"
        raise DraftError(f"{where}{expected}，实际为“{show(value)}”")
    return value


def whole_number(value: Any, where: str, high: int | None, signed: bool = False, null: bool = False) -> int | None:
    """value when it is a JSON integer from 0 (-high when signed) to high (no bound: None), or null when
    allowed; else DraftError naming where, what is expected and the value."""
    if value is None and null:
        return None
    number = isinstance(value, int) and not isinstance(value, bool)
    low = -high if signed and high is not None else None if signed else 0
    if number and (low is None or value >= low) and (high is None or value <= high):
        return value
    expected = ("应为整数（可为负数）" if signed else "应为非负整数") + ("或 null" if null else "")
    bound = f"，不能超过{high:,}" if number and high is not None and (signed or value > 0) else ""
    raise DraftError(f"{where}{expected}{bound}，实际为“{show(value)}”")


def table_place(section, table) -> str:
    """A table of its section as messages name it: 第三部分, or 第二部分“第二十条第（一）项” where it has a title."""
    return f"第{section.number}部分" + (f"“{table.title}”" if table.title else "")


def row_place(table, row_key: str, place: str) -> str:
    """A row of table, after the table's place: …“二、上年结转政府信息公开申请数量”行 (a single row: the table)."""
    label = table.row(row_key).label
    return f"{place}“{label}”行" if label else place


def cell_place(fmt, ref) -> str:
    """A cell of the format as messages name it: 第三部分“…”行“自然人”列."""
    table = fmt.table(ref.table)
    place = table_place(fmt.section_of_table(ref.table), table)
    return f"{row_place(table, ref.row, place)}“{table.column_label(ref.column)}”列"


def show(value: Any) -> str:
    """A short rendering of a JSON value for messages; a string is quoted and called one, so that "2020"
    where a number belongs reads “"2020"（文字）”; control characters are escaped."""
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{cut(visible(value))}"（文字）'
    if isinstance(value, (int, Decimal)):
        return cut(str(value))
    return cut(visible(json.dumps(value, ensure_ascii=False, default=str)))


def show_key(key: str) -> str:
    """A key of the draft as a message names it: control characters escaped, cut after 40 characters."""
    return cut(visible(key))


def cut(text: str) -> str:
    """text, or its first 40 characters and …"""
    return text if len(text) <= 40 else text[:40] + "…"
