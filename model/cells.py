"""Cell values: validation of numbers and money, parsing typed or pasted text, display text."""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from .chars import visible
from .errors import InputError
from .formats.definition import MAX_COUNT, CellKind, Column
from .frozen import frozen
from .lazy_re import LazyPattern

MAX_MONEY = Decimal("999999999999.999999")
UNIT_FACTORS = {"元": Decimal(1), "万元": Decimal(10000)}  # every unit a money column may use
MONEY_PLACES = 6


@frozen
class Money:
    """An exact non-negative amount with the unit it is printed in."""

    amount: Decimal
    unit: str

    def text(self) -> str:
        return f"{format_decimal(self.amount)}{self.unit}"

    def in_unit(self, unit: str) -> Decimal:
        """The amount expressed in unit (元 ↔ 万元), not normalised."""
        return self.amount if unit == self.unit else self.amount * UNIT_FACTORS[self.unit] / UNIT_FACTORS[unit]


CellValue = int | Money | None


def format_decimal(value: Decimal) -> str:
    """Plain decimal text without exponent or trailing zeros after the point."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def check_count(value: object, kind: CellKind) -> int:
    """Return value as a valid count for kind, or raise InputError with the reason."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(describe_expected(kind))
    low = -MAX_COUNT if kind is CellKind.SIGNED else 0
    if value < low:
        raise InputError(f"{describe_expected(kind)}，不能为负数")
    if value > MAX_COUNT or value < -MAX_COUNT:
        raise InputError(f"{describe_expected(kind)}，不能超过{MAX_COUNT:,}")
    return value


def check_money(amount: Decimal, unit: str, column: Column) -> Money:
    """An amount for column (finite, 0 or more, at most MAX_MONEY and MONEY_PLACES decimals, a unit it allows)
    as Money; InputError with the reason otherwise."""
    if not amount.is_finite():
        raise InputError("应为金额")
    if amount < 0:
        raise InputError("金额不能为负数")
    if amount > MAX_MONEY:
        raise InputError("金额过大")
    if amount.as_tuple().exponent < -MONEY_PLACES:  # type: ignore[operator]
        raise InputError(f"金额最多保留{MONEY_PLACES}位小数")
    if unit not in column.units:
        raise InputError(f"金额单位应为{'或'.join(column.units)}，实际为“{visible(unit)}”")
    return Money(amount, unit)


def describe_expected(kind: CellKind) -> str:
    """What a count of kind must be, as messages say it: 应为非负整数 / 应为整数（可为负数）."""
    return "应为整数（可为负数）" if kind is CellKind.SIGNED else "应为非负整数"


_SEPARATORS = LazyPattern(r"[\s,，_']")
_MINUS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\ufe63": "-"})  # minus sign, dashes


def normalize_number_text(text: str) -> str:
    """Fold full-width characters and minus signs, drop spaces and thousands separators."""
    folded = unicodedata.normalize("NFKC", text).translate(_MINUS)
    return _SEPARATORS.sub("", folded)


_INT = LazyPattern(r"[+-]?\d+")
_DEC = LazyPattern(r"\d+(\.\d+)?")


def parse_cell_text(text: str, column: Column, default_unit: str | None = None) -> CellValue:
    """Turn what a clerk typed or pasted into a value for column, or raise InputError.

    Empty text means 0 for counts and no amount for money. Accepts full-width digits,
    spaces, thousands separators, a minus sign (−2), 减N/增N for signed changes, and a unit suffix for money.
    """
    raw = text
    text = normalize_number_text(text)
    kind = column.kind
    if kind in (CellKind.TOTAL, CellKind.BLANK):
        raise InputError("此格为自动计算的总计，不能填写" if kind is CellKind.TOTAL else "此格不填写")
    if kind is CellKind.MONEY:
        return _parse_money(text, raw, column, default_unit)
    if text == "":
        return 0
    if kind is CellKind.SIGNED:
        if text[0] in "减增" and len(text) > 1:  # 减2, 增3, also 减少2 / 增加3
            text = ("-" if text[0] == "减" else "") + text[1:].removeprefix("少" if text[0] == "减" else "加")
    if not _INT.fullmatch(text):
        if re.fullmatch(r"[+-]?\d+\.\d*", text):
            raise InputError(f"“{raw.strip()}”不是整数：{describe_expected(kind)}")
        raise InputError(f"“{raw.strip()}”不是数字：{describe_expected(kind)}")
    if len(text.lstrip("+-")) > len(str(MAX_COUNT)) + 10:  # int() of thousands of digits fails in English
        raise InputError(f"“{raw.strip()[:20]}…”太大：不能超过{MAX_COUNT:,}")
    value = int(text)
    if value < 0 and kind is not CellKind.SIGNED:
        raise InputError(f"“{raw.strip()}”是负数：{describe_expected(kind)}")
    if abs(value) > MAX_COUNT:
        raise InputError(f"“{raw.strip()}”太大：不能超过{MAX_COUNT:,}")
    return value


def _parse_money(text: str, raw: str, column: Column, default_unit: str | None) -> CellValue:
    if text == "":
        return None
    unit = default_unit or column.units[0]
    typed = unit
    for candidate in sorted(UNIT_FACTORS, key=len, reverse=True):
        if text.endswith(candidate):
            typed, text = candidate, text[: -len(candidate)]
            break
    if typed in column.units:
        unit = typed
    if not _DEC.fullmatch(text):
        if text.startswith("-"):
            raise InputError(f"“{raw.strip()}”是负数：金额不能为负数")
        raise InputError(f"“{raw.strip()}”不是金额：应为数字，可带小数")
    try:
        amount = Decimal(text)
    except InvalidOperation:  # pragma: no cover - regex already guarantees a decimal
        raise InputError(f"“{raw.strip()}”不是金额") from None
    if typed != unit:  # e.g. 251000元 typed where the column is in 万元: convert exactly
        amount = Money(amount, typed).in_unit(unit).normalize()
        if amount.as_tuple().exponent > 0:  # type: ignore[operator]
            amount = amount.quantize(Decimal(1))
    return check_money(amount, unit, column)


def display_text(value: CellValue, column: Column) -> str:
    """The text a cell shows and prints: 0 for zero counts, amount with unit for money."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return format_decimal(value.amount) if column.unit_in_label else value.text()
    return str(value)
