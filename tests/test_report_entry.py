"""The model's one entry for text, fields and new reports: what the window, `new` and the loader accept is
the same, and every accepted report can be saved."""
from __future__ import annotations

import pytest

from model.chars import clean_text, visible
from model.draft import dumps, parse_draft
from model.errors import InputError
from model.formats import FORMAT_2021
from model.report import MAX_TEXT_CHARS, MAX_UNIT_NAME, Report


@pytest.mark.parametrize("year, unit, message", [
    (2101, "某局", "2019至2100之间"),
    (2018, "某局", "2019年起"),
    (True, "某局", "整数年份"),
    (2020, "局" * (MAX_UNIT_NAME + 1), "不能超过100个字"),
    (2020, "某\x1b[31m局", "控制字符 U+001B（转义符）"),
    (2020, "某\x00局", "控制字符 U+0000（空字符）"),
    (2020, "\udcff\udcfe局", "无效字符 U+DCFF"),
])
def test_for_year_refuses_what_the_window_and_the_loader_refuse(year, unit, message):
    with pytest.raises(InputError, match=message.replace("+", r"\+")):
        Report.for_year(year, unit)


def test_report_constructor_checks_the_year_too():
    with pytest.raises(InputError, match="2019至2100之间"):
        Report(FORMAT_2021, 2101)


def test_an_unfinished_report_may_have_no_unit_and_saves_and_loads():
    report = Report.for_year(2024, "")
    assert report.unit_name == "" and parse_draft(dumps(report)).unit_name == ""


def test_one_line_fields_lose_pasted_line_breaks_and_keep_nothing_unprintable():
    report = Report.for_year(2024)
    report.set_field("unit_name", "某某县\r\n教育局\t办公室\u2028")
    assert report.unit_name == "某某县教育局 办公室"
    report.set_field("attachment_label", "附件\x0b2")
    assert report.attachment_label == "附件2"
    for bad in ("局\x07", "局\x7f", "局\x9b", "局\ud800", "局\uffff"):
        with pytest.raises(InputError):
            report.set_field("unit_name", bad)
    assert report.unit_name == "某某县教育局 办公室"  # nothing stored by a refused value


def test_texts_are_cleaned_of_control_characters_and_refuse_lone_surrogates():
    report = Report.for_year(2024)
    report.set_text("other", "甲\r\n乙\r丙\x0b丁\x0c戊\u2029己\x00\x01庚\t辛")
    assert report.texts["other"] == "甲\n乙\n丙\n丁\n戊\n己庚\t辛"
    with pytest.raises(InputError, match=r"“六、其他需要报告的事项”第2个字处含有无效字符 U\+D800"):
        report.set_text("other", "坏\ud800")
    assert parse_draft(dumps(report)).texts["other"] == report.texts["other"]


def test_text_length_limit_at_the_model_entry():
    report = Report.for_year(2024)
    report.set_text("overview", "字" * MAX_TEXT_CHARS)
    with pytest.raises(InputError, match=f"有{MAX_TEXT_CHARS + 1}个字（含空格和换行），超过了{MAX_TEXT_CHARS}字的上限"):
        report.set_text("overview", "字" * (MAX_TEXT_CHARS + 1))
    assert len(report.texts["overview"]) == MAX_TEXT_CHARS
    assert MAX_TEXT_CHARS >= 20_000  # issue 11 exports 20,000-character sections


def test_clean_text_is_idempotent_and_visible_escapes():
    text = "a\r\nb\x0bc\x00d"
    assert clean_text(clean_text(text)) == clean_text(text) == "a\nb\ncd"
    assert visible("x\x1b[2Jy\ud800\n") == "x\\x1b[2Jy\\ud800\\x0a"
    assert visible("普通文字") == "普通文字"


def test_typed_numbers_of_thousands_of_digits_are_refused_in_chinese():
    from model.cells import parse_cell_text

    column = Report.for_year(2024).format.table("applications").column("natural")
    with pytest.raises(InputError, match="太大"):
        parse_cell_text("9" * 5000, column)
