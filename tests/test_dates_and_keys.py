"""Pure-model helpers of the window: dates as clerks write them, keys refused as typed, year change, filled sections."""
from __future__ import annotations

import pytest

from model.errors import InputError
from model.formats.definition import CellKind
from model.keystrokes import refusal
from model.progress import section_filled, unfilled_sections
from model.report import CellRef, Report, validate_date


@pytest.mark.parametrize("typed", [
    "2025-01-15", "2025年1月15日", "2025.1.15", "2025/1/15", "２０２５－０１－１５", "２０２５年１月１５日",
    " 2025 年 1 月 15 日 ", "2025-1-15", "20250115", "二〇二五年一月十五日", "2025年01月15日",
])
def test_dates_as_clerks_write_them_are_stored_iso(typed):
    assert validate_date(typed) == "2025-01-15"


def test_chinese_numeral_dates_and_empty():
    assert validate_date("二〇二五年十二月三十一日") == "2025-12-31"
    assert validate_date("二〇二〇年十月一日") == "2020-10-01"
    assert validate_date("  ") == ""


@pytest.mark.parametrize("typed, message", [
    ("2025-13-45", "没有2025年13月45日这一天"), ("2025年2月29日", "没有2025年2月29日这一天"),
    ("15/1/2025", "不是日期"), ("明年一月", "不是日期"), ("2025-01", "不是日期"),
    ("二〇二五年十一一月一日", "不是日期"), ("二〇二五年一月十二三日", "不是日期"),  # (once a KeyError)
    ("二〇二五年十三月一日", "没有2025年13月1日这一天"),
])
def test_impossible_or_unreadable_dates_are_refused_with_an_example(typed, message):
    with pytest.raises(InputError) as info:
        validate_date(typed)
    assert message in info.value.message
    assert "2025-01-15" in info.value.message or "这一天" in info.value.message


def test_a_report_keeps_dates_iso(report_2019):
    report_2019.set_field("report_date", "2020年1月15日")
    assert report_2019.report_date == "2020-01-15"


def columns(report):
    kinds = {}
    for _ref, column in report.input_cells():
        kinds.setdefault(column.kind, column)
    return kinds


@pytest.mark.parametrize("kind, text, reason", [
    (CellKind.COUNT, "12a", "不能输入“a”"), (CellKind.COUNT, "-", "不能为负数"), (CellKind.COUNT, "1.", "不能有小数"),
    (CellKind.COUNT, "1000000000", "数字太大"), (CellKind.SIGNED, "1x", "不能输入“x”"),
    (CellKind.SIGNED, "-1000000000", "数字太大"), (CellKind.MONEY, "-", "金额不能为负数"),
    (CellKind.MONEY, "1.1234567", "最多保留6位小数"), (CellKind.MONEY, "3美", "不能输入“美”"),
    (CellKind.MONEY, "25元5", "不是金额"), (CellKind.SIGNED, "2-", "不能输入“-”"), (CellKind.SIGNED, "少2", "不能输入“少”"),
    (CellKind.SIGNED, "减减2", "不能输入“减”"), (CellKind.COUNT, "减少2", "不能为负数"),
])
def test_keys_that_can_never_make_a_value_are_refused(report_2019, kind, text, reason):
    assert reason in refusal(text, columns(report_2019)[kind])


@pytest.mark.parametrize("kind, text", [
    (CellKind.COUNT, ""), (CellKind.COUNT, "１２"), (CellKind.COUNT, "1,000"), (CellKind.COUNT, "+"),
    (CellKind.SIGNED, "-"), (CellKind.SIGNED, "减"), (CellKind.SIGNED, "增3"), (CellKind.SIGNED, "减少"),
    (CellKind.SIGNED, "减少2"), (CellKind.SIGNED, "增加3"), (CellKind.MONEY, "25.1万"),
    (CellKind.MONEY, "25.1万元"), (CellKind.MONEY, "300元"), (CellKind.MONEY, "0."),
])
def test_what_may_still_become_a_value_is_let_through(report_2019, kind, text):
    assert refusal(text, columns(report_2019)[kind]) is None


def test_the_year_changes_while_no_number_is_filled_in(report_2019):
    heard = []
    report_2019.subscribe(heard.append)
    report_2019.set_text("overview", "概述")
    report_2019.set_field("report_date", "2020-01-15")
    report_2019.set_year(2020)  # the same format
    assert report_2019.format.id == "2019" and heard[-1] == "year"
    report_2019.set_year(2023)  # the 2021 format: its tables, the same texts and header
    assert (report_2019.year, report_2019.format.id) == (2023, "2021")
    assert report_2019.texts["overview"] == "概述" and report_2019.report_date == "2020-01-15"
    ref = CellRef("applications", "other_no_fee", "natural")  # a row only the 2021 format has
    report_2019.set_value(ref, 2)
    assert report_2019.has_numbers()
    with pytest.raises(InputError, match="年度不能再更改"):
        report_2019.set_year(2019)
    report_2019.set_value(ref, 0)
    report_2019.set_year(2019)
    assert report_2019.format.id == "2019" and not report_2019.has_cell(ref)
    with pytest.raises(InputError):
        report_2019.set_year(2018)
    assert report_2019.year == 2019


def test_filled_sections():
    report = Report.for_year(2019, "测试镇人民政府")
    assert [s.number for s in unfilled_sections(report)] == ["一", "二", "三", "四", "五", "六"]
    report.set_text("overview", "  ")
    report.set_text("problems", "一是培训不足。")
    report.set_value(CellRef("review", "cases", "review_upheld"), 1)
    assert [s.number for s in unfilled_sections(report)] == ["一", "二", "三", "六"]
    assert section_filled(report, report.format.section("review"))
