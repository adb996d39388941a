"""Text being typed into a number cell: refused at once when no further typing could make it valid."""
from __future__ import annotations

from decimal import Decimal

from .cells import MAX_MONEY, MONEY_PLACES, UNIT_FACTORS, describe_expected, normalize_number_text
from .formats.definition import MAX_COUNT, CellKind, Column
from .lazy_re import LazyPattern

_COUNT = LazyPattern(r"\+?(\d*)")
_SIGNED = LazyPattern(r"(?:[+\-]|减少?|增加?)?(\d*)")  # as parse_cell_text reads: −2, 减2, 减少2, 增加3
_UNITS = "|".join(sorted((u[:i] for u in UNIT_FACTORS for i in range(1, len(u) + 1)), key=len, reverse=True))
_MONEY = LazyPattern(rf"(\d*)(?:\.(\d*))?({_UNITS})?")


def refusal(text: str, column: Column) -> str | None:
    """Why text can never become a valid value of column however it goes on (shown as it is refused),
    or None while it may still (the complete value is checked when the cell is left)."""
    folded = normalize_number_text(text)
    if not folded:
        return None
    kind = column.kind
    if kind is CellKind.MONEY:
        return _money_refusal(folded, text)
    if kind not in (CellKind.COUNT, CellKind.SIGNED):
        return "此格不能填写"
    pattern = _SIGNED if kind is CellKind.SIGNED else _COUNT
    match = pattern.fullmatch(folded)
    if match is None:
        return _why_not(folded, kind, pattern.match(folded).end())
    if match[1] and int(match[1]) > MAX_COUNT:
        return f"数字太大：不能超过{MAX_COUNT:,}"
    return None


def _why_not(folded: str, kind: CellKind, valid: int) -> str:
    """Why folded is refused; its first valid characters (the longest start a value may have) are folded[:valid]."""
    if kind is CellKind.COUNT and ("-" in folded or "减" in folded):
        return f"不能为负数：{describe_expected(kind)}"
    if "." in folded:
        return f"不能有小数：{describe_expected(kind)}"
    bad = folded[valid]
    return f"不能输入“{bad}”：{describe_expected(kind)}"


def _money_refusal(folded: str, raw: str) -> str | None:
    match = _MONEY.fullmatch(folded)
    if match is None:
        if "-" in folded:
            return "金额不能为负数"
        bad = next((ch for ch in folded if not ch.isdigit() and ch not in ".元万"), None)
        if bad is not None:
            return f"不能输入“{bad}”：金额应为数字，可带小数和单位（元、万元）"
        return f"“{raw.strip()}”不是金额：应为数字，可带小数和单位（元、万元）"
    whole, places = match[1], match[2] or ""
    if len(places) > MONEY_PLACES:
        return f"金额最多保留{MONEY_PLACES}位小数"
    if whole and Decimal(whole) > MAX_MONEY:
        return "金额过大"
    return None
