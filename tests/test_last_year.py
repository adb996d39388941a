"""Last year's report: carry-over into a new report, the stored `last_year` block, R6–R9 from the block alone."""
from __future__ import annotations

import json

import pytest

from model.draft import dumps, parse_draft, report_to_dict
from model.errors import DraftError, InputError
from model.last_year import LastYear, check_years, counterparts, cross_year_rules, needs
from model.last_year_carry import plan_carry
from model.report import CellRef, Report
from model.rules import check

APPLICANTS = ("natural", "commercial", "research", "public_welfare", "legal_service", "other_org")
GOOD_PROBLEMS = "一是公开内容不够全面，更新不够及时；二是培训不足。下一步将加强培训，完善制度，按期更新栏目。"


def A(row: str, col: str) -> CellRef:
    return CellRef("applications", row, col)


def full_report(year: int, seed: int = 1) -> Report:
    """A balanced report of year with a distinct non-zero number in every cell the cross-year rules read."""
    report = Report.for_year(year, "火花镇人民政府")
    report.set_field("attachment_label", "附件2")
    report.set_field("report_date", f"{year + 1}-01-15")
    report.set_text("overview", f"{year}年度工作总体情况。")
    report.set_text("problems", f"{year}年" + GOOD_PROBLEMS.replace("。", f"（{year}）。"))
    report.set_text("other", "本年度未收取信息处理费。")
    for i, col in enumerate(APPLICANTS, start=1):
        carried = report.count(A("carried_over", col))
        report.set_value(A("new", col), 10 * i + seed)
        report.set_value(A("carry_forward", col), i + seed)
        report.set_value(A("disclosed", col), 10 * i + seed + carried - (i + seed))
    if report.format.id == "2019":
        for n, (table, row) in enumerate([("item5", "licensing"), ("item5", "other_services"),
                                          ("item6", "penalty"), ("item6", "coercion"), ("item8", "fees")]):
            report.set_value(CellRef(table, row, "previous"), 20 + n + seed)
            report.set_value(CellRef(table, row, "change"), -n if n % 2 else n + 1)
        report.set_value(CellRef("item1", "rules", "public_total"), 77)
    else:
        report.set_value(CellRef("item1", "rules", "in_force"), 8 + seed)
        report.set_value(CellRef("item1", "normative", "in_force"), 30 + seed)
    return report


# ---- what the cross-year rules need ----

def test_needs_follow_the_rules_of_each_pair_of_formats():
    f19, f21 = Report.for_year(2019).format, Report.for_year(2021).format
    refs, texts = needs(f19, f19)
    assert {r.table for r in refs} == {"applications", "item5", "item6", "item8"}
    assert len(refs) == 6 + 2 * 5 and texts == ("problems",)
    refs, texts = needs(f21, f19)
    assert refs == tuple(A("carry_forward", c) for c in APPLICANTS) and texts == ("problems",)
    refs, _ = needs(f21, f21)
    assert refs[6:] == (CellRef("item1", "rules", "in_force"), CellRef("item1", "normative", "in_force"))
    assert cross_year_rules(f19) == ("R6", "R9.problems-repeat", "R8.cross-year")
    assert set(cross_year_rules(f21)) == {"R6", "R7", "R9.problems-repeat"}


# ---- carry-over: every carried cell ----

def test_carry_2019_to_2020_every_cell():
    last = full_report(2019)
    plan = plan_carry(last, 2020, "2019.gkbg.json")
    now = plan.new_report()
    assert (now.year, now.format.id, now.unit_name, now.attachment_label, now.report_date) == (
        2020, "2019", "火花镇人民政府", "附件2", "")
    for col in APPLICANTS:
        assert now.value(A("carried_over", col)) == last.value(A("carry_forward", col)) != 0
    assert now.value(A("carried_over", "total")) == last.value(A("carry_forward", "total"))
    for table, row in [("item5", "licensing"), ("item5", "other_services"), ("item6", "penalty"),
                       ("item6", "coercion"), ("item8", "fees")]:
        prev, change = CellRef(table, row, "previous"), CellRef(table, row, "change")
        assert now.value(prev) == last.value(prev) + last.value(change)
        assert now.value(change) == 0
    carried = {ref for ref, _ in plan.cells}
    assert len(carried) == 11
    # nothing else: every other input cell is blank, the texts too
    for ref, column in now.input_cells():
        if ref not in carried:
            assert now.value(ref) in (0, None), ref
    assert all(text == "" for text in now.texts.values())
    assert now.value(CellRef("item1", "rules", "public_total")) == 0
    # the link is kept and the carried report meets the cross-year rules
    assert now.last_year == LastYear.from_report(last, now.format, "2019.gkbg.json")
    # no cross-year finding; the carried applications are not yet handled this year (rule 1), and the
    # texts a report must have are still to be written (R12)
    assert {f.rule for f in check(now)} == {"R1", "R12.overview", "R12.problems"}


def test_carry_2021_format_keeps_stock_as_base_only():
    last = full_report(2022)
    plan = plan_carry(last, 2023, "2022.gkbg.json")
    now = plan.new_report()
    assert {ref for ref, _ in plan.cells} == {A("carried_over", c) for c in APPLICANTS}
    for col in APPLICANTS:
        assert now.value(A("carried_over", col)) == last.value(A("carry_forward", col))
    assert now.value(CellRef("item1", "rules", "in_force")) == 0  # not filled in ...
    assert now.last_year.values[CellRef("item1", "rules", "in_force")] == 9  # ... kept as R7's base
    r7 = [f for f in check(now) if f.rule == "R7"]
    assert [f.row for f in r7] == ["规章", "行政规范性文件"]
    assert "上年9＋本年制发0－本年废止0＝9" in r7[0].message
    assert any("现行有效件数" in line and "规章9件" in line for line in plan.kept)


def test_carry_across_the_format_change_2020_to_2021():
    last = full_report(2020)
    plan = plan_carry(last, 2021, "2020.gkbg.json")
    now = plan.new_report()
    assert now.format.id == "2021" and now.unit_name == "火花镇人民政府" and now.attachment_label == "附件2"
    assert [ref for ref, _ in plan.cells] == [A("carried_over", c) for c in APPLICANTS]
    for col in APPLICANTS:
        assert now.value(A("carried_over", col)) == last.value(A("carry_forward", col))
    for ref, _ in now.input_cells():
        if ref.row != "carried_over":
            assert now.value(ref) in (0, None), ref
    assert set(now.last_year.values) == {A("carry_forward", c) for c in APPLICANTS}
    assert not any(f.rule in ("R7", "R8.cross-year", "R6") for f in check(now))
    text = plan.summary()
    assert "对外公开总数量" in text and "现行有效件数" in text and "含义不同" in text
    assert "第二十条第（五）（六）（八）项" in text
    assert any("2021年版格式" in w for w in plan.warnings)


def test_negative_item_count_is_not_carried_and_said():
    last = full_report(2019)
    last.set_value(CellRef("item8", "fees", "previous"), 1)
    last.set_value(CellRef("item8", "fees", "change"), -3)
    plan = plan_carry(last, 2020, "a.json")
    assert CellRef("item8", "fees", "previous") not in dict(plan.cells)
    assert any("小于0，不能带入" in line and "行政事业性收费" in line for line in plan.not_carried)


@pytest.mark.parametrize("last_year, year, words", [
    (2020, 2022, ["2020年度", "2022年度", "缺少2021年度"]),
    (2021, 2021, ["2021年度", "同一年度"]),
    (2022, 2021, ["2022年度", "晚于本报告的2021年度"]),
])
def test_wrong_years_refused_naming_file_and_years(last_year, year, words):
    with pytest.raises(InputError) as info:
        plan_carry(full_report(last_year), year, "上年.gkbg.json")
    assert "“上年.gkbg.json”" in info.value.message
    assert all(w in info.value.message for w in words), info.value.message
    check_years(2020, 2021, "x")  # the good case raises nothing


def test_other_unit_warns_but_carries():
    plan = plan_carry(full_report(2019), 2020, "a.json", unit="火花镇人民政府（合并后）")
    assert plan.header["unit_name"] == "火花镇人民政府（合并后）"
    (warning,) = plan.warnings
    assert "火花镇人民政府" in warning and "不同" in warning
    assert plan_carry(full_report(2019), 2020, "a.json", unit="火花镇　人民政府").warnings == []  # spaces only


def test_unit_needed_when_last_year_has_none():
    last = full_report(2019)
    last.set_field("unit_name", "")
    with pytest.raises(InputError, match="没有填写填报单位"):
        plan_carry(last, 2020, "a.json")
    assert plan_carry(last, 2020, "a.json", unit="某镇").header["unit_name"] == "某镇"


# ---- counterparts shown in the grid ----

def test_counterparts_name_the_source():
    last = full_report(2019)
    link = LastYear.from_report(last, Report.for_year(2020).format, "a.json")
    parts = counterparts(Report.for_year(2020).format, link)
    total = parts[A("carried_over", "total")]
    assert total.value == last.count(A("carry_forward", "total")) and not total.carried
    assert parts[A("carried_over", "natural")].note == f"上年“四、结转下年度继续办理”为{last.count(A('carry_forward', 'natural'))}"
    assert "上一年项目数量21＋本年增/减（1）＝22" in parts[CellRef("item5", "licensing", "previous")].note


# ---- the stored block ----

@pytest.mark.parametrize("last_year", [2019, 2020, 2022])
def test_block_round_trips(last_year):
    now = plan_carry(full_report(last_year), last_year + 1, "上年.gkbg.json").new_report()
    data = dumps(now)
    again = parse_draft(data)
    assert again.last_year == now.last_year and again.last_year.source == "上年.gkbg.json"
    assert dumps(again) == data


def test_no_block_when_not_linked_and_stale_block_not_written():
    report = full_report(2020)
    assert "last_year" not in report_to_dict(report)
    report.set_last_year(LastYear.from_report(full_report(2019), report.format, "a.json"))
    assert "last_year" in report_to_dict(report)
    report.year = 2021  # a year changed after linking: the link no longer fits, it is not written
    assert "last_year" not in report_to_dict(report)


def test_set_last_year_refuses_another_year():
    report = full_report(2021)
    with pytest.raises(InputError, match="2020年度"):
        report.set_last_year(LastYear.from_report(full_report(2019), report.format, "a.json"))


def stored(last: Report, now: Report) -> Report:
    """now, linked to last, saved and read back: it knows last year only through its block."""
    now.set_last_year(LastYear.from_report(last, now.format, "last.gkbg.json"))
    return parse_draft(dumps(now))


def test_r6_from_the_block_alone():
    last, now = full_report(2022), full_report(2023)
    now.set_value(A("carried_over", "natural"), 99)  # balance it again: R6 alone
    now.set_value(A("disclosed", "natural"), now.value(A("disclosed", "natural")) + 99)
    loaded = stored(last, now)
    r6 = [f for f in check(loaded) if f.rule == "R6"]
    assert check(loaded) == check(now, last)
    assert {f.column for f in r6} == set(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
    natural = next(f for f in r6 if f.column == "自然人")
    assert natural.message == "自然人：本年“二、上年结转政府信息公开申请数量”为99，上年“四、结转下年度继续办理”为2，相差97"


def test_r7_from_the_block_alone():
    last, now = full_report(2022), full_report(2023)
    now.set_value(CellRef("item1", "rules", "issued"), 3)
    loaded = stored(last, now)
    (r7,) = [f for f in check(loaded) if f.rule == "R7"]
    assert r7.message == "规章：现行有效件数为9，上年9＋本年制发3－本年废止0＝12，相差3"


def test_r8_from_the_block_alone():
    last, now = full_report(2019), full_report(2020)
    loaded = stored(last, now)
    r8 = [f for f in check(loaded) if f.rule == "R8.cross-year"]
    assert len(r8) == 5 and check(loaded) == check(now, last)
    assert r8[0].message == "行政许可：上一年项目数量为21，上年报告的上一年项目数量21＋本年增/减（1）＝22，相差1"


def test_r9_from_the_block_alone():
    last, now = full_report(2020), full_report(2021)
    now.set_text("problems", last.texts["problems"])
    loaded = stored(last, now)
    (r9,) = [f for f in check(loaded) if f.rule == "R9.problems-repeat"]
    assert "重复率为100%" in r9.message


def test_check_previous_wins_over_the_block():
    last, now = full_report(2019), full_report(2020)
    loaded = stored(last, now)
    other = full_report(2019, seed=5)
    assert check(loaded, other) == check(now, other) != check(loaded)


# ---- malformed blocks are refused naming the place ----

def linked_doc() -> dict:
    now = plan_carry(full_report(2019), 2020, "a.json").new_report()
    return json.loads(dumps(now))


def refused(doc: dict) -> str:
    with pytest.raises(DraftError) as info:
        parse_draft(json.dumps(doc, ensure_ascii=False).encode())
    return info.value.message


@pytest.mark.parametrize("change, expected", [
    (lambda b: b.update(year=2018), "上年报告数据“last_year”的年度“year”应为2019（本报告为2020年度），实际为“2018”"),
    (lambda b: b.update(year="2019"), "年度“year”应为2019"),
    (lambda b: b.update(format="2021"), "格式“format”应为“2019”"),
    (lambda b: b.update(unit_name=5), "“unit_name”应为不超过100字的文字"),
    (lambda b: b.update(extra=1), "上年报告数据“last_year”中有未知的项“extra”"),
    (lambda b: b.pop("texts"), "中缺少“texts”"),
    (lambda b: b["tables"]["applications"]["carry_forward"].update(natural=-1),
     "上年报告数据“last_year”中第三部分“四、结转下年度继续办理”行“自然人”列：应为非负整数，实际为“-1”"),
    (lambda b: b["tables"]["item5"]["licensing"].update(change=1.5),
     "第二部分“第二十条第（五）项”“行政许可”行“本年增/减”列：应为整数（可为负数）"),
    (lambda b: b["tables"]["item5"]["licensing"].pop("previous"),
     "“行政许可”行“上一年项目数量”列缺少"),
    (lambda b: b["tables"]["applications"].update(new={"natural": 1}), "未知的数“applications/new/natural”"),
    (lambda b: b["tables"].update(item9=[]), "表“item9”应为 JSON 对象"),
    (lambda b: b["texts"].update(problems=None), "上年的“五、存在的主要问题及改进情况”应为文字"),
    (lambda b: b["texts"].update(overview=""), "“texts”中有未知的项“overview”"),
])
def test_malformed_block_refused_naming_the_place(change, expected):
    doc = linked_doc()
    change(doc["last_year"])
    assert expected in refused(doc)


def test_block_must_be_an_object_and_not_in_version_1():
    doc = linked_doc()
    doc["last_year"] = []
    assert "上年报告数据“last_year”应为 JSON 对象" in refused(doc)
    doc = linked_doc()
    doc["schema_version"] = 1
    del doc["generator"]
    assert "未知的项“last_year”" in refused(doc)


def test_block_for_2019_report_has_no_last_year():
    doc = json.loads(dumps(full_report(2019)))
    doc["last_year"] = {"source": "", "unit_name": "", "year": 2018, "format": "2019", "tables": {}, "texts": {}}
    assert "上年报告数据“last_year”的年度2018没有适用的报告格式" in refused(doc)


def test_format_doc_describes_the_block():
    from pathlib import Path

    from model.last_year_block import KEYS

    doc = (Path(__file__).resolve().parent.parent / "docs" / "draft-format.md").read_text("utf-8")
    section = doc[doc.index("### `last_year`"):]
    assert all(f"`{key}`" in section for key in KEYS)
    for words in ("对外公开总数量", "现行有效件数", "2021 ← 2020", "--from", "link FILE --previous"):
        assert words in section, words
