"""Explained warnings (已说明): kept in the draft by fingerprint, validated, round-tripped, expired, listed by check."""
from __future__ import annotations

import json

import pytest

from conftest import run_main as run
from model.draft import load_draft, report_to_dict, save_draft
from model.errors import DraftError
from model.draft import report_from_dict
from model.report import CellRef, Report
from model.rules import Severity, check, count_explained

NOTE = "本年度与某局合署办公，表三含代收申请，正文只写本局数字。"


def warned_report() -> Report:
    """A 2023 report whose only finding is one text-vs-table warning (R10)."""
    report = Report.for_year(2023, "某某县教育局")
    report.set_text("overview", "本年度共收到政府信息公开申请3件，全部予以公开。")
    report.set_text("problems", "一是公开内容不够全面；二是培训不足。下一步将加强培训，完善制度。")
    report.set_text("other", "本年度未收取信息处理费。")
    for row in ("new", "disclosed"):
        report.set_value(CellRef("applications", row, "natural"), 4)
    return report


def test_a_warning_is_explained_and_listed_last():
    report = warned_report()
    report.set_value(CellRef("review", "cases", "review_upheld"), 1)
    report.set_text("overview", report.texts["overview"] + "本年度因政府信息公开被申请行政复议2件。")
    first, second = check(report)
    report.set_explanation(first.key, NOTE)
    findings = check(report)
    assert [f.key for f in findings] == [second.key, first.key]
    assert findings[1].explained and findings[1].explanation == NOTE and not findings[0].explained
    assert count_explained(findings) == 1


def test_explanation_round_trips_in_the_draft(tmp_path):
    report = warned_report()
    (finding,) = check(report)
    assert finding.key == "R10@overview:received#3,4,4"
    report.set_explanation(finding.key, f"  {NOTE}\n")
    target = tmp_path / "d.gkbg.json"
    save_draft(report, target)
    doc = json.loads(target.read_text("utf-8"))
    assert doc["explanations"] == {finding.key: NOTE}
    (again,) = check(load_draft(target))
    assert again.explained and again.explanation == NOTE


def test_explanation_is_cleaned_of_control_characters_as_a_text_section_is():
    """Pasted control characters and CR LF line ends leave an explanation when set and when read back."""
    report = warned_report()
    (finding,) = check(report)
    report.set_explanation(finding.key, "\x07原因一：\r\n合署办公\x0b。\x1b")
    assert report.explanations == {finding.key: "原因一：\n合署办公\n。"}
    doc = report_to_dict(report)
    doc["explanations"] = {finding.key: "\x00 合署办公\u2028代收\x7f "}
    assert report_from_dict(doc).explanations == {finding.key: "合署办公\n代收"}
    doc["explanations"] = {finding.key: "\x00\x07 \x1b"}
    with pytest.raises(DraftError, match="说明应为非空文字"):
        report_from_dict(doc)


def test_explanation_expires_when_the_numbers_change_and_is_dropped_on_save(tmp_path):
    report = warned_report()
    (finding,) = check(report)
    report.set_explanation(finding.key, NOTE)
    report.set_value(CellRef("applications", "new", "natural"), 5)
    report.set_value(CellRef("applications", "disclosed", "natural"), 5)
    (changed,) = check(report)
    assert changed.key != finding.key and not changed.explained
    assert "explanations" not in report_to_dict(report)
    for row in ("new", "disclosed"):  # back as it was: the explanation still held in memory applies again
        report.set_value(CellRef("applications", row, "natural"), 4)
    assert check(report)[0].explained


def test_explanation_dropped_when_the_finding_disappears():
    report = warned_report()
    (finding,) = check(report)
    report.set_explanation(finding.key, NOTE)
    report.set_text("overview", "本年度共收到政府信息公开申请4件，全部予以公开。")
    assert check(report) == []
    assert "explanations" not in report_to_dict(report)


def test_cross_year_explanations_are_kept_without_last_years_report():
    report = warned_report()
    last = Report.for_year(2022, "某某县教育局")
    last.set_value(CellRef("applications", "carry_forward", "natural"), 2)
    cross = next(f for f in check(report, last) if f.rule == "R6")
    report.set_explanation(cross.key, "上年结转的2件已于上年底撤回。")
    assert report_to_dict(report)["explanations"] == {cross.key: "上年结转的2件已于上年底撤回。"}
    assert next(f for f in check(report, last) if f.key == cross.key).explained


def test_cross_year_explanations_expire_like_others_once_linked_to_last_year():
    from model.last_year import LastYear

    report = warned_report()
    last = Report.for_year(2022, "某某县教育局")
    last.set_value(CellRef("applications", "carry_forward", "natural"), 2)
    report.last_year = LastYear.from_report(last, report.format, "2022.gkbg.json")
    cross = next(f for f in check(report) if f.rule == "R6")  # the linked figures are checked
    report.set_explanation(cross.key, "上年结转的2件已于上年底撤回。")
    assert cross.key in report_to_dict(report)["explanations"]
    report.set_value(CellRef("applications", "carried_over", "natural"), 2)  # the finding goes
    assert "explanations" not in report_to_dict(report)


def test_errors_cannot_be_explained():
    report = warned_report()
    report.set_value(CellRef("applications", "new", "natural"), 9)
    error = next(f for f in check(report) if f.severity is Severity.ERROR)
    report.set_explanation(error.key, NOTE)
    assert not any(f.explained for f in check(report) if f.severity is Severity.ERROR)
    assert error.explain(NOTE) is error
    doc = report_to_dict(warned_report())
    doc["explanations"] = {error.key: NOTE}
    with pytest.raises(DraftError, match="不是2021年版格式的可说明警告（错误不能说明）"):
        report_from_dict(doc)


@pytest.mark.parametrize("value, message", [
    ([], "应为 JSON 对象"),
    ({"随便写": "x"}, "不是检查结果的标识"),
    ({"R10@overview:received#3,4": ""}, "应为非空文字"),
    ({"R10@overview:received#3,4": 5}, "应为非空文字"),
    ({"R10@overview:received#3,4": "字" * 1001}, "超过1000字"),
    ({"R99@overview#": "x"}, "可说明警告"),
    ({"R7@item1.rules.in_force#1": "x"}, "可说明警告"),  # rule 7 is the 2021 format's: not in a 2019 report
])
def test_bad_explanations_are_refused_naming_the_block(value, message):
    doc = report_to_dict(Report.for_year(2019, "某镇"))
    doc["explanations"] = value
    with pytest.raises(DraftError, match=message) as err:
        report_from_dict(doc)
    assert "检查说明" in err.value.message


def test_check_lists_explained_warnings(tmp_path):
    report = warned_report()
    report.set_text("problems", "无")
    figure = next(f for f in check(report) if f.rule == "R10")
    report.set_explanation(figure.key, NOTE)
    target = tmp_path / "d.gkbg.json"
    save_draft(report, target)
    result = run("check", str(target))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("警告 [R9.problems-empty]") and lines[1].startswith("    提示：")
    assert lines[2].startswith("已说明 [R10] 一、总体情况：正文写收到的政府信息公开申请3件")
    assert lines[3] == f"    说明：{NOTE}"
    assert lines[-1].endswith("0 个错误，2 个警告（其中 1 个已说明）")
    findings = json.loads(run("check", str(target), "--json").stdout)
    assert [(f["rule"], f["explained"]) for f in findings] == [("R9.problems-empty", None), ("R10", NOTE)]
