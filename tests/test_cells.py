"""Typed and pasted cell text: what is accepted, what is refused, how values print."""
from __future__ import annotations

from decimal import Decimal

import pytest

from model.cells import Money, display_text, parse_cell_text
from model.errors import InputError
from model.formats import format_by_id

T19, T21 = format_by_id("2019"), format_by_id("2021")
COUNT = T19.table("applications").column("natural")
SIGNED = T19.table("item5").column("change")
MONEY19 = T19.table("item9").column("amount")
MONEY21 = T21.table("item8").column("amount")


@pytest.mark.parametrize("text, value", [
    ("5", 5), ("　　198", 198), ("１２３", 123), ("1,234", 1234), ("1 234", 1234), ("１，２３４", 1234),
    ("", 0), ("  ", 0), ("0", 0), ("999999999", 999_999_999),
])
def test_counts_accepted(text, value):
    assert parse_cell_text(text, COUNT) == value


@pytest.mark.parametrize("text, reason", [
    ("abc", "不是数字"), ("-3", "是负数"), ("1.5", "不是整数"), ("1000000000", "太大"), ("5件", "不是数字"),
])
def test_counts_refused(text, reason):
    with pytest.raises(InputError, match=reason):
        parse_cell_text(text, COUNT)


@pytest.mark.parametrize("text, value", [("减2", -2), ("　减2", -2), ("增3", 3), ("-7", -7), ("+4", 4), ("－2", -2),
                                         ("\u22122", -2), ("减少2", -2), ("增加3", 3), ("减０", 0)])
def test_signed_change(text, value):
    assert parse_cell_text(text, SIGNED) == value


@pytest.mark.parametrize("text, money", [
    ("251000元", Money(Decimal("251000"), "元")), ("75394432.52元", Money(Decimal("75394432.52"), "元")),
    ("25.1万元", Money(Decimal("25.1"), "万元")), ("１００", Money(Decimal("100"), "元")), ("", None),
])
def test_money_2019(text, money):
    assert parse_cell_text(text, MONEY19) == money


def test_money_2021_in_wan_yuan():
    assert parse_cell_text("5949.088667", MONEY21) == Money(Decimal("5949.088667"), "万元")
    with pytest.raises(InputError, match="最多保留6位小数"):
        parse_cell_text("1.1234567", MONEY21)
    with pytest.raises(InputError, match="负数"):
        parse_cell_text("-1", MONEY21)
    with pytest.raises(InputError, match="不是金额"):
        parse_cell_text("一百", MONEY21)


def test_display_text():
    assert display_text(0, COUNT) == "0"
    assert display_text(-2, SIGNED) == "-2"
    assert display_text(Money(Decimal("251000.50"), "元"), MONEY19) == "251000.5元"
    assert display_text(Money(Decimal("9116.36"), "万元"), MONEY21) == "9116.36"
    assert display_text(None, MONEY19) == ""


def test_total_cells_refuse_input():
    total = T19.table("applications").column("total")
    with pytest.raises(InputError, match="自动计算"):
        parse_cell_text("3", total)


def test_money_typed_in_another_unit_is_converted_exactly():
    assert parse_cell_text("251000元", MONEY21) == Money(Decimal("25.1"), "万元")
    assert parse_cell_text("１２３４５６.７８元", MONEY21) == Money(Decimal("12.345678"), "万元")
    assert parse_cell_text("500000元", MONEY21) == Money(Decimal("50"), "万元")
    assert parse_cell_text("0.01元", MONEY21) == Money(Decimal("0.000001"), "万元")
    with pytest.raises(InputError, match="最多保留6位小数"):
        parse_cell_text("0.001元", MONEY21)
