"""Rules 1–9 of formats.md for both formats: each with a passing and a failing case."""
from __future__ import annotations

from decimal import Decimal

import pytest

from model.cells import Money
from model.report import CellRef, Report
from model.rules import Severity, check, count_by_severity, repeat_ratio

GOOD_PROBLEMS = "一是公开内容不够全面，更新不够及时；二是培训不足。下一步将加强培训，完善制度，按期更新栏目。"
FEE_TEXT = "本年度未收取信息处理费。"


def filled(year: int) -> Report:
    """A report with no findings at all (for its own year)."""
    report = Report.for_year(year, "测试单位")
    report.set_text("overview", "本年度政府信息公开工作总体情况良好。")
    report.set_text("problems", f"{year}年" + GOOD_PROBLEMS.replace("。", f"（{year}）。"))
    report.set_text("other", FEE_TEXT)
    return report


def A(row: str, col: str) -> CellRef:
    return CellRef("applications", row, col)


def rules_of(findings):
    return sorted({f.rule for f in findings})


@pytest.fixture(params=[2019, 2022], ids=["2019", "2021"])
def year(request):
    return request.param


def test_clean_report_has_no_findings(year):
    assert check(filled(year)) == []


# ---- rule 1 ----

def test_balance_holds(year):
    r = filled(year)
    r.set_value(A("new", "natural"), 5)
    r.set_value(A("carried_over", "natural"), 1)
    r.set_value(A("disclosed", "natural"), 3)
    r.set_value(A("refused_secret", "natural"), 1)
    r.set_value(A("carry_forward", "natural"), 2)
    assert check(r) == []


def test_balance_broken(year):
    r = filled(year)
    r.set_value(A("new", "natural"), 5)
    r.set_value(A("disclosed", "natural"), 4)
    findings = check(r)
    assert rules_of(findings) == ["R1"]
    natural = next(f for f in findings if f.column == "自然人")
    assert natural.severity is Severity.ERROR
    assert natural.message == "自然人：一+二＝5，三（七）总计+四＝4，相差1"
    assert natural.section == "三、收到和处理政府信息公开申请情况"
    assert natural.row == "一、本年新收政府信息公开申请数量"
    assert A("results_total", "natural") in natural.cells and A("carry_forward", "natural") in natural.cells
    total = next(f for f in findings if f.column == "总计")
    assert "相差1" in total.message
    assert count_by_severity(findings) == (2, 0)


def test_balance_uses_computed_total_of_sub_rows(year):
    """A wrong sub-row shows up through rule 1, since （七）总计 is computed."""
    r = filled(year)
    r.set_value(A("new", "commercial"), 21)
    r.set_value(A("disclosed", "commercial"), 21)
    assert check(r) == []
    r.set_value(A("unable_not_held", "commercial"), 6)
    (finding, _) = check(r)
    assert finding.message == "商业企业：一+二＝21，三（七）总计+四＝27，相差6"


# ---- rules 2–4: stated totals from outside sources ----

def test_stated_totals_that_agree(year):
    r = filled(year)
    r.set_value(A("new", "natural"), 2)
    r.set_value(A("disclosed", "natural"), 2)
    r.stated_totals[A("results_total", "natural")] = 2
    r.stated_totals[A("new", "total")] = 2
    r.stated_totals[CellRef("review", "cases", "review_total")] = 0
    assert check(r) == []


def test_rule2_stated_results_total_disagrees(year):
    r = filled(year)
    r.set_value(A("new", "natural"), 27)
    r.set_value(A("disclosed", "natural"), 27)
    r.stated_totals[A("results_total", "natural")] = 21
    f, balance = check(r)
    assert f.rule == "R2" and f.severity is Severity.ERROR
    assert f.message == "（七）总计：自然人填报为21，各分项之和为27，相差6"
    assert f.row == "（七）总计" and f.column == "自然人"
    # balanced on the computed totals, not on the printed ones: rule 1 says which
    assert balance.rule == "R1" and balance.severity is Severity.ERROR
    assert balance.message == "自然人：一+二＝27，三（七）总计+四＝21，相差6（按报告中填报的总计）"


def test_rule1_on_printed_and_computed_totals(year):
    """The published report of formats.md: balanced as printed, its sub-rows add up to more."""
    r = filled(year)
    r.set_value(A("new", "natural"), 21)
    r.set_value(A("disclosed", "natural"), 26)
    r.stated_totals[A("results_total", "natural")] = 21
    messages = [(f.rule, f.severity, f.message) for f in check(r)]
    assert messages == [
        ("R2", Severity.ERROR, "（七）总计：自然人填报为21，各分项之和为26，相差5"),
        ("R1", Severity.ERROR, "自然人：一+二＝21，三（七）总计+四＝26，相差5（按各分项之和计算的总计）"),
        ("R1", Severity.ERROR, "总计：一+二＝21，三（七）总计+四＝26，相差5"),  # nothing printed there
    ]
    r.stated_totals_accepted = "2024-01-05T10:00:00"  # the clerk accepted the computed totals
    assert [f.message for f in check(r)] == ["自然人：一+二＝21，三（七）总计+四＝26，相差5",
                                             "总计：一+二＝21，三（七）总计+四＝26，相差5"]


def test_blank_printed_total_with_parts_is_a_warning(year):
    r = filled(year)
    r.stated_totals[A("results_total", "natural")] = None
    r.stated_totals[A("new", "total")] = None
    assert check(r) == []  # blank over parts that are all zero: nothing to say
    r.set_value(A("new", "natural"), 4)
    r.set_value(A("disclosed", "natural"), 4)
    findings = check(r)
    assert [(f.rule, f.severity, f.message) for f in findings] == [
        ("R2", Severity.WARNING, "（七）总计：自然人未填写，各分项之和为4"),
        ("R3", Severity.WARNING, "一、本年新收政府信息公开申请数量：总计未填写，各分项之和为4"),
    ]


def test_rule3_stated_row_total_disagrees(year):
    r = filled(year)
    r.stated_totals[A("carried_over", "total")] = 3
    f, balance = check(r)
    assert f.rule == "R3"
    assert balance.message == "总计：一+二＝3，三（七）总计+四＝0，相差3（按报告中填报的总计）"
    assert f.message == "二、上年结转政府信息公开申请数量：总计填报为3，各分项之和为0，相差3"


def test_rule4_stated_review_total_disagrees(year):
    r = filled(year)
    r.set_value(CellRef("review", "cases", "direct_upheld"), 2)
    r.stated_totals[CellRef("review", "cases", "direct_total")] = 1
    (f,) = check(r)
    assert f.rule == "R4"
    assert f.column == "行政诉讼/未经复议直接起诉/总计"
    assert f.message == "行政诉讼/未经复议直接起诉/总计填报为1，各分项之和为2，相差1"


# ---- rule 5 ----

def test_rule5_values_in_range(year):
    r = filled(year)
    r.set_value(A("new", "research"), 999_999_999)
    r.set_value(A("disclosed", "research"), 999_999_999)
    assert check(r) == []


def test_rule5_value_out_of_range_from_outside(year):
    r = filled(year)
    # simulate numbers that came from outside without validation
    r._values[A("new", "natural")] = -3
    findings = check(r)
    f = next(f for f in findings if f.rule == "R5")
    assert f.severity is Severity.ERROR and f.message == "应为非负整数，实际为“-3”"


def test_rule5_negative_money_from_outside():
    r = filled(2023)
    r._values[CellRef("item8", "fees", "amount")] = Money(Decimal("-1"), "万元")
    assert "R5" in rules_of(check(r))


# ---- rule 6 ----

def test_rule6_carry_over_matches(year):
    last, now = filled(2019), filled(year if year != 2019 else 2020)
    last.set_value(A("new", "natural"), 3)
    last.set_value(A("carry_forward", "natural"), 3)
    now.set_value(A("carried_over", "natural"), 3)
    now.set_value(A("disclosed", "natural"), 3)
    assert check(now, last) == []


def test_rule6_carry_over_differs(year):
    last, now = filled(2019), filled(year)
    last.set_value(A("new", "other_org"), 2)
    last.set_value(A("carry_forward", "other_org"), 2)
    now.set_value(A("carried_over", "other_org"), 3)
    now.set_value(A("disclosed", "other_org"), 3)
    findings = check(now, last)
    f = next(f for f in findings if f.column == "其他")
    assert f.rule == "R6" and f.severity is Severity.WARNING
    assert f.message == "其他：本年“二、上年结转政府信息公开申请数量”为3，上年“四、结转下年度继续办理”为2，相差1"
    assert count_by_severity(findings)[0] == 0


# ---- rule 7 (2021) ----

def test_rule7_stock_follows():
    last, now = filled(2022), filled(2023)
    last.set_value(CellRef("item1", "normative", "in_force"), 10)
    now.set_value(CellRef("item1", "normative", "issued"), 3)
    now.set_value(CellRef("item1", "normative", "repealed"), 1)
    now.set_value(CellRef("item1", "normative", "in_force"), 12)
    assert check(now, last) == []


def test_rule7_stock_broken():
    last, now = filled(2022), filled(2023)
    last.set_value(CellRef("item1", "rules", "in_force"), 8)
    now.set_value(CellRef("item1", "rules", "issued"), 3)
    now.set_value(CellRef("item1", "rules", "repealed"), 1)
    now.set_value(CellRef("item1", "rules", "in_force"), 9)
    (f,) = check(now, last)
    assert f.rule == "R7" and f.severity is Severity.WARNING and f.row == "规章"
    assert f.message == "规章：现行有效件数为9，上年8＋本年制发3－本年废止1＝10，相差1"


def test_rule7_not_in_2019_format():
    last, now = filled(2019), filled(2020)
    now.set_value(CellRef("item1", "rules", "made"), 5)
    assert "R7" not in rules_of(check(now, last))


# ---- rule 8 (2019) ----

def test_rule8_item_counts_ok():
    last, now = filled(2019), filled(2020)
    last.set_value(CellRef("item5", "licensing", "previous"), 4)
    last.set_value(CellRef("item5", "licensing", "change"), -1)
    now.set_value(CellRef("item5", "licensing", "previous"), 3)
    now.set_value(CellRef("item5", "licensing", "change"), -3)
    assert check(now, last) == []


def test_rule8_negative_result():
    r = filled(2019)
    r.set_value(CellRef("item5", "other_services", "previous"), 50)
    r.set_value(CellRef("item5", "other_services", "change"), -60)
    (f,) = check(r)
    assert f.rule == "R8" and f.severity is Severity.WARNING
    assert f.message == "其他对外管理服务事项：上一年项目数量50＋本年增/减（-60）＝-10，小于0"


def test_rule8_cross_year():
    last, now = filled(2019), filled(2020)
    last.set_value(CellRef("item6", "penalty", "previous"), 4)
    last.set_value(CellRef("item6", "penalty", "change"), 1)
    now.set_value(CellRef("item6", "penalty", "previous"), 4)
    (f,) = check(now, last)
    assert f.rule == "R8.cross-year" and f.row == "行政处罚" and f.column == "上一年项目数量"
    assert f.message == "行政处罚：上一年项目数量为4，上年报告的上一年项目数量4＋本年增/减（1）＝5，相差1"


def test_rule8_not_in_2021_format():
    assert all(not f.rule.startswith("R8") for f in check(filled(2023), filled(2022)))


# ---- rule 9 ----

def test_rule9_overview_length_2021():
    r = filled(2023)
    r.set_text("overview", "字" * 1000)
    assert check(r) == []
    r.set_text("overview", "字" * 1001)
    (f,) = check(r)
    assert f.rule == "R9.overview-length" and f.section == "一、总体情况"
    assert "1001字" in f.message and f.row == "" and f.column == ""


def test_rule9_overview_length_not_in_2019():
    r = filled(2019)
    r.set_text("overview", "字" * 3000)
    assert check(r) == []


def test_rule9_fee_silent_2021():
    r = filled(2023)
    r.set_text("other", "无")
    (f,) = check(r)
    assert f.rule == "R9.fee-silent" and "信息处理费" in f.message
    r.set_text("other", "2023年未收取信息处理费。")
    assert check(r) == []
    r2019 = filled(2019)
    r2019.set_text("other", "无")
    assert check(r2019) == []


@pytest.mark.parametrize("text", ["无", "  暂无。 "])
def test_rule9_problems_token(year, text):
    """A token line is a warning; an empty section is an error of the completeness rule (test_text_checks)."""
    r = filled(year)
    r.set_text("problems", text)
    (f,) = check(r)
    assert f.rule == "R9.problems-empty" and f.section == "五、存在的主要问题及改进情况"


def test_rule9_problems_repeated(year):
    last, now = filled(2019), filled(year)
    now.set_text("problems", last.texts["problems"] + "另外新增一条改进措施。")
    findings = check(now, last)
    # last year's text copied into a later report also keeps last year's year (rule R11)
    assert rules_of(findings) == (["R9.problems-repeat"] if year == 2019 else ["R11", "R9.problems-repeat"])
    f = next(f for f in findings if f.rule == "R9.problems-repeat")
    assert "重复率" in f.message
    now.set_text("problems", "本年发现网站栏目更新滞后，已建立周检制度；依申请公开答复文书不规范，已统一模板并组织培训。")
    assert check(now, last) == []


def test_repeat_ratio_counts_sentences():
    assert repeat_ratio("甲乙丙。丁戊己。", "甲乙丙。") == pytest.approx(0.5)
    assert repeat_ratio("", "甲") == 0.0
    assert repeat_ratio("甲乙。", "") == 0.0


def test_findings_sorted_errors_first():
    r = filled(2023)
    r.set_text("problems", "无")
    r.set_value(A("new", "natural"), 1)
    findings = check(r)
    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=lambda s: s is not Severity.ERROR)
    assert severities[0] is Severity.ERROR and severities[-1] is Severity.WARNING


def test_sample_report_is_clean(sample_report):
    assert check(sample_report) == []
