"""Printed cell text interpreted for a column: blanks, “/”, 减2, units, counted things; each interpretation said."""
from __future__ import annotations

import re
from dataclasses import dataclass

from model.cells import CellValue, Money, format_decimal, normalize_number_text, parse_cell_text
from model.errors import InputError
from model.formats.definition import CellKind, Column
from model.printed_totals import MAX_PRINTED_TOTAL

from .labels import fold

# what clerks print in a cell that has no number
NO_VALUE = {"/", "//", "\\", "-", "--", "—", "——", "–", "-/-", "—/—", "无", "×", "x", "X", "空"}
# units clerks write after a count
_COUNT_UNITS = "件|项|个|条|人次|人|次|起|宗|家|份|批"
_COUNTED = re.compile(rf"^(.*\d)({_COUNT_UNITS})$")
_UNIT_IN_HEADER = re.compile(r"万元|元")


@dataclass(frozen=True)
class Reading:
    """A value read from a cell; note says how it was interpreted ("" when plainly), problem why it was not."""

    value: CellValue
    note: str = ""
    problem: str = ""


def header_unit(text: str) -> str | None:
    """The money unit a header names (本年收费金额（单位：万元） → 万元), or None."""
    match = _UNIT_IN_HEADER.search(fold(text))
    return match.group(0) if match else None


def looks_like_value(text: str) -> bool:
    """A cell that holds a number, a money amount, a no-value mark or nothing (not a label)."""
    folded = fold(text)
    if folded in NO_VALUE or not folded:
        return True
    folded = normalize_number_text(folded)
    return bool(re.fullmatch(rf"(?:减少?|增加?|[+-])?\d+(?:\.\d+)?(?:万元|元|{_COUNT_UNITS})?", folded))


def read_input(text: str, column: Column, unit: str | None = None) -> Reading:
    """The value of an input cell; unit is the money unit named in the column header, if any."""
    shown = text.strip(" \t\r\n\u3000")
    folded = fold(shown)
    money = column.kind is CellKind.MONEY
    empty: CellValue = None if money else 0
    if not folded:
        return Reading(empty, "空白，未填金额" if money else "空白，按0")
    if folded in NO_VALUE:
        return Reading(empty, f"“{shown}”表示无，" + ("未填金额" if money else "按0"))
    note = ""
    parse_text = folded
    if not money:
        counted = _COUNTED.fullmatch(normalize_number_text(folded))
        if counted:
            parse_text, note = counted.group(1), f"“{shown}”去掉单位“{counted.group(2)}”，读作{counted.group(1)}"
    default = None
    typed = next((u for u in ("万元", "元") if folded.endswith(u)), None) if money else None
    if money and unit and typed is None:  # the header names the unit the amounts are printed in
        if unit in column.units:
            default = unit
        else:
            parse_text += unit  # e.g. amounts in 元 under a column kept in 万元: converted exactly
    try:
        value = parse_cell_text(parse_text, column, default)
    except InputError as exc:
        return Reading(empty, problem=f"“{shown}”无法识别（{exc.message}）")
    if money:
        return Reading(value, _money_note(shown, typed, unit, value, column))
    if column.kind is CellKind.SIGNED and normalize_number_text(folded)[:1] in "减增":
        note = f"“{shown}”读作{value}"
    return Reading(value, note)


def _money_note(shown: str, typed: str | None, header: str | None, value: CellValue, column: Column) -> str:
    if not isinstance(value, Money):
        return ""
    printed = typed or header
    if printed is None:
        return f"“{shown}”未写单位，按{value.unit}" if len(column.units) > 1 else ""
    if printed != value.unit:
        where = "" if typed else f"（表头单位为{header}）"
        return f"“{shown}”{where}换算为{format_decimal(value.amount)}{value.unit}"
    return ""


def read_total(text: str) -> Reading:
    """A printed total: a count, or None where it was printed blank (or with a no-value mark)."""
    shown = text.strip(" \t\r\n\u3000")
    folded = fold(shown)
    if not folded or folded in NO_VALUE:
        return Reading(None)
    number = normalize_number_text(folded)
    counted = _COUNTED.fullmatch(number)
    if counted:
        number = counted.group(1)
    if re.fullmatch(r"\d{1,15}", number) and int(number) <= MAX_PRINTED_TOTAL:
        return Reading(int(number), f"“{shown}”去掉单位“{counted.group(2)}”" if counted else "")
    return Reading(None, problem=f"“{shown}”无法识别为总计数字")
