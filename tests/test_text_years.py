"""Stale years in 一/五/六 and the quoted report title (rule R11); completeness (R12, errors)."""
from __future__ import annotations

import pytest

from model.report import Report
from model.rules import Severity, check
from model.text_years import find_mentions, title_unit

GOOD = {
    "overview": "本年度政府信息公开工作总体情况良好。",
    "problems": "一是公开内容不够全面；二是培训不足。下一步将加强培训，完善制度，按期更新栏目。",
    "other": "本年度未收取信息处理费。",
}


def report_with(year: int, section: str, text: str, unit: str = "某某县教育局") -> Report:
    report = Report.for_year(year, unit)
    for key, value in GOOD.items():
        report.set_text(key, value)
    report.set_text(section, text)
    return report


def stale(year: int, text: str, unit: str = "某某县教育局") -> list[tuple[str, int]]:
    return [(m.kind, m.year) for m in find_mentions(text, year, unit)]


@pytest.mark.parametrize("year, text", [
    (2024, "本单位2023年度共主动公开政府信息200条。"),  # a sentence copied from last year's report
    (2024, "2023年，我局将进一步加强政务公开培训。"),  # last year's plans: 将 does not make a past year future
    (2023, "二〇二二年度，我局政务公开工作稳步推进。"),
    (2023, "2024年共收到政府信息公开申请20件。"),  # a later year spoken of as if it were done
    (2024, "截至2023年底，现行有效规范性文件15件。"),
    (2024, "截至2023年12月31日，我局现行有效行政规范性文件5件。"),  # a date of data, not a dated event
    (2024, "2023年度报告期内，我局共收到申请20件。"),  # 报告期: not last year's report
    (2024, "改进措施：一是2023年组织开展基层政务公开专项督查。"),  # plan words make only a later year future
])
def test_stale_year(year, text):
    (mention,) = stale(year, text)
    assert mention[0] == "year" and mention[1] != year


@pytest.mark.parametrize("year, text", [
    (2023, "2024年，我区将继续深化政务公开。"),  # 改进措施 for the next year
    (2023, "下一步，力争2024年底前完成栏目改版。"),
    (2023, "本报告将于2024年1月31日前在政府网站公布。"),
    (2023, "报告日期：2024年1月20日"),  # filing in the first months of the next year
    (2023, "自2019年新修订的《条例》施行以来，我局持续推进政务公开。"),
    (2023, "与2022年相比，依申请公开数量增长12%。"),
    (2023, "较2022年增加5件。"),
    (2023, "2019—2023年，我局累计公开信息5000余条。"),
    (2023, "2019年至2022年连续四年获评先进单位。"),
    (2023, "认真落实《2022年政务公开工作要点》的要求。"),
    (2023, "按照《中华人民共和国政府信息公开条例》（2019年修订）要求。"),
    (2023, "上年度报告中提出的问题已于2022年底完成整改。"),
    (2023, "2022年度报告反映的问题已全部整改。"),
    (2023, "根据国办公开办函〔2021〕30号文件要求编制。"),
    (2023, "2008年5月1日起施行的原条例同时废止。"),  # history, far from the report year
    (2023, "2023年，我局共收到申请28件。"),
    (2020, "认真贯彻2019年新修订的《条例》。"),
    (2024, "2023年12月出台的《依申请公开工作规程》于2024年1月1日起施行。"),
    (2024, "在2023年度全县政务公开考核中获评优秀等次。"),
    # found writing realistic reports (audit of issue 14)
    (2023, "改进措施：一是2024年组织开展基层政务公开专项督查；二是2024年建立政策解读质量评估机制。"),
    (2023, "（二）改进情况\n1.2024年在全县推广政务公开专区建设。"),
    (2024, "针对2023年度报告中指出的问题，我局逐项整改。"),  # last year's report
    (2024, "2023年报告中提出的“解读形式单一”问题，本年度通过制作图解得到改善。"),
    (2024, "2023年底，我局成立政务公开工作专班。"),  # a dated event
    (2024, "全面完成2023年度政务公开整改任务。"),
    (2024, "2021年以来累计公开规范性文件45件。"),
    (2024, "2022年、2023年连续两年获评先进。"),
    (2024, "下一年度，我局将2025年作为“政务公开质量提升年”。"),
])
def test_year_plainly_past_future_or_this_year(year, text):
    assert stale(year, text) == []


def test_statistics_period_must_be_the_report_year():
    text = "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。"
    assert stale(2023, text) == [("year", 2022), ("year", 2022)]
    assert stale(2022, text) == []


def test_one_warning_per_year_and_section_quoting_the_first_sentence():
    report = report_with(2024, "problems", "2023年，我局存在以下问题：一是…。2023年，我局将加强培训。2022年以来成效明显。")
    (f,) = check(report)
    assert (f.rule, f.severity, f.section_key) == ("R11", Severity.WARNING, "problems")
    assert f.message == "正文出现2023年等2处（“2023年，我局存在以下问题：一是…”），本报告为2024年度"
    assert f.key == "R11@problems:2023#2023,2024"
    assert report.texts["problems"][f.span[0]:f.span[1]] == "2023"


@pytest.mark.parametrize("text, expected", [
    ("现将某某县教育局2022年政府信息公开工作年度报告公布如下。", [("title-year", 2022)]),
    ("现将碧水镇人民政府2023年政府信息公开工作年度报告公布如下。", [("title-unit", 2023)]),
    ("现将某某县教育局2023年政府信息公开工作年度报告公布如下。", []),
    ("现将某某县教育局2023年度政府信息公开工作年度报告公布如下。", []),
    ("本报告是某某县2023年政府信息公开工作年度报告。", []),  # 某某县 is part of the unit's name
    ("我局2022年政府信息公开工作年度报告中提出的问题已整改。", []),  # last year's report, plainly cited
    ("按照2023年政府信息公开工作年度报告的要求。", []),
    # another organ's requirements for the reports, not this report's title (audit of issue 14)
    ("本报告是根据县政府办公室2023年政府信息公开工作年度报告编制要求编写的。", []),
    ("按照市政府办公室2023年度政府信息公开工作年度报告编制工作要求，编制本报告。", []),
    ("根据碧水镇人民政府2023年政府信息公开工作年度报告模板编写。", []),
])
def test_title_quoted_in_the_text(text, expected):
    assert stale(2023, text) == expected


def test_title_findings_name_both_years_and_units():
    report = report_with(2023, "overview", "现将碧水镇人民政府2022年政府信息公开工作年度报告公布如下。")
    findings = check(report)
    assert [f.rule for f in findings] == ["R11.title-year", "R11.title-unit"]
    assert findings[0].message == ("正文引用的报告标题年度为2022年（“现将碧水镇人民政府2022年政府信息公开工作年度报告"
                                   "公布如下”），本报告为2023年度")
    assert "“碧水镇人民政府”" in findings[1].message and "“某某县教育局”" in findings[1].message


@pytest.mark.parametrize("before, unit", [
    ("现将火花镇人民政府", "火花镇人民政府"), ("本报告由火花镇人民政府", "火花镇人民政府"), ("根据要求，编制了", ""),
    ("现将我局", ""),
])
def test_title_unit(before, unit):
    assert title_unit(before) == unit


def test_years_checked_in_sections_one_five_and_six(year=2024):
    for section in ("overview", "problems", "other"):
        assert [f.rule for f in check(report_with(year, section, "本单位2023年度未收取信息处理费。"))] == ["R11"]


# ---- completeness: errors ----

@pytest.mark.parametrize("year", [2020, 2023])
def test_a_report_without_unit_overview_or_problems_has_errors(year):
    report = report_with(year, "overview", " \n　")
    report.set_text("problems", "")
    report.set_field("unit_name", "  ")
    findings = check(report)
    assert [(f.rule, f.severity, f.section_key) for f in findings] == [
        ("R12.unit_name", Severity.ERROR, "header"), ("R12.overview", Severity.ERROR, "overview"),
        ("R12.problems", Severity.ERROR, "problems")]
    assert findings[0].section == "基本信息" and "填报单位未填写" in findings[0].message
    assert findings[1].message == "尚未填写，这一部分必须填写"  # every view names the section beside it
    assert all(f.hint for f in findings)


def test_section_six_may_be_empty_but_a_token_five_is_a_warning():
    report = report_with(2020, "other", "")
    assert check(report) == []
    report.set_text("problems", "无")
    assert [(f.rule, f.severity) for f in check(report)] == [("R9.problems-empty", Severity.WARNING)]


def test_submission_check_also_wants_the_report_date():
    report = report_with(2023, "other", GOOD["other"])
    assert check(report) == []
    (f,) = check(report, submission=True)
    assert (f.rule, f.severity, f.section_key) == ("R12.report_date", Severity.ERROR, "header")
    report.set_field("report_date", "2024-01-20")
    assert check(report, submission=True) == []


def test_no_message_repeats_the_section_every_view_names_beside_it():
    """The panel, 提交前检查, check, the explain dialog and the 检查说明 page all show the section with the message:
    “一、总体情况：“一、总体情况”为空” would say it twice."""
    from model.rules import missing_parts

    empty = report_with(2023, "overview", "")
    empty.set_text("problems", "无")
    empty.set_text("other", "")
    long = report_with(2023, "overview", "字" * 1001)
    findings = check(empty) + check(long)
    assert {f.rule for f in findings} >= {"R12.overview", "R9.problems-empty", "R9.fee-silent", "R9.overview-length"}
    for f in findings:
        assert f.section not in f.message, f.message
    assert missing_parts(check(empty)) == ["“一、总体情况”未填写"]
