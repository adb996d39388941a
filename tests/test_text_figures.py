"""Numbers quoted in the text vs the tables (rule R10): every phrase with a matching, a non-matching and a
look-alike sentence; numerals, approximate and other-period figures; realistic reports that agree give nothing."""
from __future__ import annotations

from decimal import Decimal

import pytest

from data.realistic_reports import REPORTS
from model.cells import Money
from model.formats.figures import FIGURES_2019, FIGURES_2021
from model.report import CellRef, Report
from model.rules import Severity, check
from model.text_checks import expand, target_value
from model.text_figures import find_quotes
from model.text_reading import chinese_number

# (figure key, report year, sentence, the figure read from it, or None when it must not be read)
CASES = [
    # 收到/受理/新收 … 申请 N件: 一, or 一+二
    ("received", 2023, "2023年共收到政府信息公开申请28件。", 28),
    ("received", 2023, "本年度受理政府信息公开申请共计56件。", 56),
    ("received", 2023, "全年收到人大代表建议和政协提案12件。", None),
    ("received", 2023, "受理行政许可申请3000件。", None),
    ("received", 2023, "其中网上收到申请20件。", None),
    ("received", 2023, "全县各部门共收到政府信息公开申请1500件。", None),  # more than this organ
    ("received", 2023, "政务服务大厅共收到申请3000件。", None),  # not about disclosure
    ("received", 2023, "依申请公开方面，收到申请28件。", 28),
    # 上年结转
    ("carried_over", 2023, "上年结转政府信息公开申请2件。", 2),
    ("carried_over", 2023, "结转下年度继续办理1件。", None),
    ("carried_over", 2023, "上年结转的申请中予以公开2件。", None),
    # 办结
    ("concluded", 2023, "依申请公开：全年办结29件，结转下年度1件。", 29),
    ("concluded", 2023, "政务服务中心全年受理办件1250件，办结1200件。", None),
    ("concluded", 2023, "按时办结率100%。", None),
    ("concluded", 2023, "办结上年结转申请2件。", None),
    # 予以公开
    ("disclosed", 2023, "其中，予以公开12件，部分公开5件。", 12),
    ("disclosed", 2023, "全年主动公开政府信息1256条。", None),
    ("disclosed", 2023, "依法不予以公开3件。", None),
    ("disclosed", 2023, "自然人申请中予以公开9件。", None),
    # 部分公开
    ("partial", 2023, "部分公开（区分处理的，只计这一情形）5件。", 5),
    ("partial", 2023, "部分信息公开不及时。", None),
    ("partial", 2023, "部分公开率为20%。", None),
    # 不予公开
    ("refused", 2023, "不予公开3件。", 3),
    ("refused", 2023, "不予公开的理由均已书面告知申请人。", None),
    ("refused", 2023, "属于国家秘密不予公开1件。", None),
    # 无法提供
    ("unable", 2023, "无法提供7件。", 7),
    ("unable", 2023, "无法提供的原因主要是信息不存在。", None),
    ("unable", 2023, "因本机关不掌握相关政府信息无法提供的4件。", None),
    # 不予处理
    ("not_processed", 2023, "不予处理1件。", 1),
    ("not_processed", 2023, "对不予处理的情形逐一说明理由。", None),
    ("not_processed", 2023, "重复申请不予处理1件。", None),
    # 其他处理
    ("other_handling", 2023, "其他处理1件。", 1),
    ("other_handling", 2023, "其他处理方式依法进行。", None),
    ("other_handling", 2023, "其他处理中申请人逾期不补正1件。", None),
    # 结转下年度
    ("carry_forward", 2023, "结转下年度继续办理1件。", 1),
    ("carry_forward", 2023, "结转下年度的申请将在法定期限内答复。", None),
    ("carry_forward", 2023, "上年结转2件。", None),
    # 行政复议 / 行政诉讼 (四's totals)
    ("review", 2023, "本年度因政府信息公开被申请行政复议1件。", 1),
    ("review", 2023, "全年办理行政复议案件35件。", None),  # a 司法局 deciding reviews of other matters
    ("review", 2023, "行政复议机关作为共同被告的，只计原行为主体。", None),
    ("review", 2023, "行政复议结果纠正1件。", None),
    ("review", 2023, "行政复议1件，尚未审结。", None),
    ("litigation", 2023, "因政府信息公开工作被提起行政诉讼2件。", 2),
    ("litigation", 2023, "全年应诉行政诉讼案件12件。", None),
    ("litigation", 2023, "依照行政诉讼法有关规定处理。", None),
    ("litigation", 2023, "复议后行政诉讼1件。", None),
    # 行政许可/行政处罚/行政强制 decisions
    ("licensing", 2023, "全年作出行政许可决定326件。", 326),
    ("licensing", 2023, "梳理行政许可事项50项。", None),
    ("licensing", 2023, "在网站公开行政许可决定300件。", None),
    ("penalty", 2020, "作出行政处罚决定15件。", 15),
    ("penalty", 2020, "行政处罚案件办理规范。", None),
    ("penalty", 2020, "公示行政处罚决定10件。", None),
    ("coercion", 2023, "行政强制决定0件。", 0),
    ("coercion", 2023, "采取行政强制措施2次。", None),
    ("coercion", 2023, "其中企业行政强制决定2件。", None),
    # 二: 2021 format
    ("normative_made", 2023, "制发行政规范性文件3件。", 3),
    ("normative_made", 2023, "清理行政规范性文件20件。", None),
    ("normative_made", 2023, "制定工作方案并公开规范性文件20件。", None),
    ("normative_repealed", 2023, "废止行政规范性文件1件。", 1),
    ("normative_repealed", 2023, "废止规章的程序依法进行。", None),
    ("normative_repealed", 2023, "制发3件，废止1件。", None),
    ("normative_in_force", 2023, "截至2023年12月31日，现行有效行政规范性文件12件。", 12),
    ("normative_in_force", 2023, "现行有效的制度都已公开。", None),
    ("normative_in_force", 2023, "现行有效规章3件。", None),
    ("rules_in_force", 2023, "现行有效规章3件。", 3),
    ("rules_in_force", 2023, "规章清理后继续有效。", None),
    ("rules_in_force", 2023, "现行有效行政规范性文件12件。", None),
    ("normative_published", 2023, "公开行政规范性文件20件。", 20),
    ("normative_published", 2023, "网站设置行政规范性文件公开专栏。", None),
    ("normative_published", 2023, "制发行政规范性文件3件。", None),
    ("fees", 2023, "本年度收取行政事业性收费9116.36万元。", Decimal("9116.36")),
    ("fees", 2023, "行政事业性收费项目5项。", None),
    ("fees", 2023, "本年度收取信息处理费200元。", None),
    # 二: 2019 format
    ("normative_made", 2019, "三是制定扶贫、教育、医疗等方面实施意见、措施等规范性文件198个，全面公开；", 198),
    ("normative_made", 2019, "规范性文件备案审查工作有序开展。", None),
    ("normative_made", 2019, "公开规范性文件198件。", None),
    ("normative_published", 2019, "公开规范性文件198件。", 198),
    ("normative_published", 2019, "公开栏目中的规范性文件198件。", None),
    ("procurement_projects", 2019, "公开政府集中采购项目２个。", 2),
    ("procurement_projects", 2019, "完善集中采购项目管理办法。", None),
    ("procurement_projects", 2019, "政府集中采购项目目录共列明品目36项。", None),
    ("procurement_amount", 2019, "采购总金额251000元。", Decimal("251000")),
    ("procurement_amount", 2019, "采购预算金额30万元。", None),
    ("procurement_amount", 2019, "采购金额较大的项目均已公示。", None),
    # look-alikes found writing realistic reports (audit of issue 14): parts, other amounts, subsets
    ("fees", 2023, "全年为企业减免行政事业性收费30万元，收取行政事业性收费12.5万元。", Decimal("12.5")),
    ("fees", 2023, "免征行政事业性收费200万元。", None),
    ("fees", 2023, "涉企行政事业性收费12.5万元。", None),
    ("fees", 2023, "退还行政事业性收费0.5万元。", None),
    ("procurement_amount", 2019, "采购预算金额3600万元，实际采购金额3526.48万元。", Decimal("3526.48")),
    ("procurement_amount", 2019, "其中，货物类采购金额1200万元。", None),
    ("procurement_amount", 2019, "通过电子卖场采购金额50万元。", None),
    ("procurement_projects", 2019, "其中，工程类集中采购项目6个。", None),
    ("disclosed", 2023, "其中，上年结转的2件申请中，予以公开1件，无法提供1件。", None),
    ("disclosed", 2023, "对上年结转的2件，予以公开1件。", None),
    ("disclosed", 2023, "其中，涉及征地拆迁类申请12件，予以公开5件。", None),
    ("unable", 2023, "其中，上年结转的2件申请中，予以公开1件，无法提供1件。", None),
]


# a result (予以公开…其他处理) is read only in a paragraph about applications: the cases stand under this heading
RESULT_KEYS = {"disclosed", "partial", "refused", "unable", "not_processed", "other_handling"}
APPLICATIONS_HEADING = "（二）依申请公开情况\n"


def quoted(key: str, year: int, sentence: str):
    figures = FIGURES_2021 if year >= 2021 else FIGURES_2019
    text = APPLICATIONS_HEADING + sentence if key in RESULT_KEYS else sentence
    values = [q.value for q in find_quotes(figures, text, year) if q.figure.key == key]
    assert len(values) <= 1
    return values[0] if values else None


@pytest.mark.parametrize("key, year, sentence, expected", CASES, ids=[f"{c[0]}-{c[2][:12]}" for c in CASES])
def test_phrase(key, year, sentence, expected):
    assert quoted(key, year, sentence) == expected


def test_every_figure_has_a_match_a_non_match_and_a_look_alike():
    for figures in (FIGURES_2019, FIGURES_2021):
        for figure in figures:
            cases = [c for c in CASES if c[0] == figure.key]
            assert any(c[3] is not None for c in cases), figure.key
            assert sum(1 for c in cases if c[3] is None) >= 2, figure.key


@pytest.mark.parametrize("text, value", [
    ("三百零五", 305), ("两", 2), ("一千零二十", 1020), ("十二", 12), ("二十", 20), ("一万二千", 12000), ("零", 0),
    ("二三", None), ("百", None), ("十百", None),
])
def test_chinese_numerals(text, value):
    assert chinese_number(text) == value


@pytest.mark.parametrize("sentence, value", [
    ("收到政府信息公开申请三百零五件。", 305), ("收到申请两件。", 2), ("收到申请一千零二十件。", 1020),
    ("收到申请２８件。", 28), ("收到申请 ２８ 件。", 28), ("收到申请1,234件。", 1234), ("收到申请　28　件。", 28),
    ("收到申请28件次。", 28), ("收到申请数量为28件。", 28),
])
def test_numbers_written_every_way(sentence, value):
    assert quoted("received", 2023, "依申请公开方面，" + sentence) == value


@pytest.mark.parametrize("sentence", [
    "收到申请约30件。", "收到申请近300件。", "收到申请超过20件。", "收到申请30余件。", "收到申请二十多件。",
    "收到申请30件左右。", "收到申请100件以上。", "约收到申请30件。", "收到申请数十件。", "收到申请1.2万件。",
])
def test_approximate_figures_are_never_compared(sentence):
    assert quoted("received", 2023, sentence) is None


@pytest.mark.parametrize("sentence", [
    "同比收到申请30件。", "上年收到申请30件。", "去年收到申请30件。", "累计收到申请800件。",
    "较上年，收到申请30件。", "2019年以来，共收到申请800件。", "近三年收到申请90件。", "上半年收到申请10件。",
    "1-6月收到申请10件。", "2022年收到申请20件。", "二〇二二年收到申请20件。", "与上年相比，收到申请30件。",
])
def test_other_period_figures_are_not_compared(sentence):
    assert quoted("received", 2023, sentence) is None


@pytest.mark.parametrize("sentence", [
    "2023年共收到申请30件，同比增长20%。", "截至12月31日，收到申请30件。", "根据《2022年政务公开工作要点》，收到申请30件。",
    "共收到申请30件（其中上年结转）。",
])
def test_this_years_figure_beside_other_period_words_is_compared(sentence):
    assert quoted("received", 2023, "（二）依申请公开\n" + sentence) == 30


# Sentences of real reports that look like a figure of the tables and are not, under the headings that
# 2021-format reports use (a heading naming 政府信息公开 makes a paragraph "about disclosure")
DISCLOSURE_HEADINGS = ("（四）政府信息公开平台建设情况\n", "（二）依申请公开情况\n", "（五）监督保障情况\n")
NOT_THE_TABLES_FIGURE = [
    "依托12315平台，全年受理投诉举报23000件，办结22856件。",  # other matters done
    "12345热线转办诉求1356件，全部办结，办结1356件。",
    "政务服务中心全年受理办件8600件，办结8566件。",
    "政务服务大厅共收到申请3000件。",
    "作为被申请人的行政复议案件共17件。",  # reviews of every kind
    "全年办理行政复议案件126件，其中涉及政府信息公开的2件。",  # a 司法局 deciding reviews
    "全年收到行政复议申请126件。",
    "全年行政诉讼案件出庭应诉率100%，应诉行政诉讼案件45件。",
    "行政处罚决定书送达率100%，全年送达行政处罚决定书287份。",  # decisions of one kind or step
    "全年办理行政许可事项3412件，作出准予行政许可决定3400件。",
    "作出不予行政许可决定12件。",
    "一般程序行政处罚决定167件。",
    "镇本级收到政府信息公开申请3件，各村（社区）收到申请0件。",  # 0 is the villages' figure
    "严格落实公文公开属性源头认定机制，全年审查公文326件，其中予以公开215件、依申请公开58件、不予公开53件。",
]


@pytest.mark.parametrize("heading", DISCLOSURE_HEADINGS)
@pytest.mark.parametrize("sentence", NOT_THE_TABLES_FIGURE)
def test_figures_of_other_matters_under_a_disclosure_heading_are_not_read(heading, sentence):
    found = [(q.figure.key, q.value) for q in find_quotes(FIGURES_2021, heading + sentence, 2023)]
    assert found in ([], [("received", 3)])  # 镇本级…3件 is this organ's own figure


def test_a_result_of_proactive_disclosure_is_not_an_applications_result():
    assert find_quotes(FIGURES_2021, "（一）主动公开。经保密审查，予以公开1200件。", 2023) == ()
    (quote,) = find_quotes(FIGURES_2021, "（二）依申请公开。经审查，予以公开12件。", 2023)
    assert (quote.figure.key, quote.value) == ("disclosed", 12)


def test_reviews_and_lawsuits_are_read_where_their_sentence_or_heading_names_disclosure():
    text = "本年度因政府信息公开被申请行政复议4件，其中结果维持3件、尚未审结1件；被提起行政诉讼2件，均为未经复议直接起诉。"
    assert [(q.figure.key, q.value) for q in find_quotes(FIGURES_2021, text, 2023)] == [("review", 4), ("litigation", 2)]
    text = "（四）政府信息公开行政复议、行政诉讼情况\n本年度被申请行政复议0件，被提起行政诉讼0件。"
    assert [(q.figure.key, q.value) for q in find_quotes(FIGURES_2021, text, 2023)] == [("review", 0), ("litigation", 0)]


# ---- the rule on whole reports ----

def build(data: dict) -> Report:
    report = Report.for_year(data["year"], data["unit"])
    for key in ("overview", "problems", "other"):
        report.set_text(key, data[key])
    for name, value in data["cells"].items():
        report.set_value(CellRef(*name.split(".")), value)
    for name, (amount, unit) in data.get("money", {}).items():
        report.set_value(CellRef(*name.split(".")), Money(amount, unit))
    return report


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_realistic_reports_that_agree_give_no_finding(name):
    report = build(REPORTS[name])
    assert check(report) == []
    figures = next(r.figures for r in report.format.rules if r.id == "R10")
    assert len(find_quotes(figures, report.texts["overview"], report.year)) >= 4  # the rule did read them


def _input_cell(report: Report, name: str) -> CellRef:
    """An input cell whose value counts in the target cell name (a computed total: its first part)."""
    ref = expand(report, name)[0]
    table = report.table(ref.table)
    for nodes, make in ((table.columns, lambda key: CellRef(ref.table, ref.row, key)),
                        (table.rows, lambda key: CellRef(ref.table, key, ref.column))):
        stack = list(nodes)
        while stack:
            node = stack.pop()
            if node.key in (ref.column, ref.row) and node.total_of:
                ref = make(node.total_of[0])
            stack.extend(node.children)
    return ref


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_every_figure_quoted_warns_when_its_cells_change(name):
    """Each figure a realistic report quotes in 一: one more in its first cell gives a warning that quotes the
    sentence, names the cell and gives both numbers."""
    data = REPORTS[name]
    report = build(data)
    figures = next(r.figures for r in report.format.rules if r.id == "R10")
    quotes = find_quotes(figures, report.texts["overview"], report.year)
    for quote in quotes:
        if quote.figure.money:
            continue
        changed = build(data)
        ref = _input_cell(changed, quote.figure.targets[0].cells[0])
        changed.set_value(ref, changed.count(ref) + 1)
        found = [f for f in check(changed) if f.key.startswith(f"R10@overview:{quote.figure.key}#")]
        assert len(found) == 1, (name, quote.figure.key)
        message = found[0].message
        assert message.startswith(f"正文写{quote.figure.name}{quote.shown}（“"), message
        sentence = message.split("（“")[1].split("”）")[0]
        assert sentence.strip("…") in report.texts["overview"]
        target = quote.figure.targets[0]
        assert f"{target.label}为{target_value(changed, target, quote)[1]}" in message
        assert set(expand(changed, target.cells[0])) <= set(found[0].cells)  # the cell to jump to


def test_seed_sample_gives_no_finding(sample_report):
    figures = next(r.figures for r in sample_report.format.rules if r.id == "R10")
    (quote,) = find_quotes(figures, sample_report.texts["overview"], 2019)
    assert (quote.figure.key, quote.value) == ("normative_made", 198)  # 规范性文件198个, as in the table
    assert check(sample_report) == []


def test_a_contradicting_cell_gives_one_warning_quoting_sentence_cell_and_both_numbers():
    report = build(REPORTS["county-bureau-2023"])
    report.set_value(CellRef("applications", "new", "natural"), 25)  # 一 now 33, the text says 28
    report.set_value(CellRef("applications", "carry_forward", "natural"), 5)  # keeps the balance
    findings = check(report)
    assert [(f.rule, f.severity) for f in findings] == [("R10", Severity.WARNING)] * 2
    received = next(f for f in findings if "收到" in f.message)
    assert received.section == "一、总体情况" and received.section_key == "overview"
    assert "2023年共收到政府信息公开申请28件" in received.message  # the sentence
    assert "本年新收申请数（表三第一项）为33" in received.message  # the cell and its number
    assert "本年新收与上年结转之和（表三第一、二项）为35" in received.message
    assert received.message.startswith("正文写收到的政府信息公开申请28件")
    assert CellRef("applications", "new", "total") in received.cells
    text = report.texts["overview"]
    assert text[received.span[0]:received.span[1]].startswith("收到政府信息公开申请28件")
    carry = next(f for f in findings if "结转下年度" in f.message)
    assert "结转下年度继续办理（表三第四项）为6" in carry.message


def test_either_reading_of_received_is_accepted():
    report = build(REPORTS["county-bureau-2023"])
    report.set_text("overview", report.texts["overview"].replace("共收到政府信息公开申请28件", "共收到政府信息公开申请30件"))
    assert check(report) == []  # 28 new + 2 carried over: the text counted both


def test_money_figures_agree_when_rounded_alike_and_not_otherwise():
    report = build(REPORTS["district-2022"])
    report.set_value(CellRef("item8", "fees", "amount"), Money(Decimal("0.8512"), "万元"))
    assert check(report) == []  # 0.85万元 is the table's 0.8512万元 rounded
    report.set_value(CellRef("item8", "fees", "amount"), Money(Decimal("0.86"), "万元"))
    (f,) = check(report)
    assert f.rule == "R10" and "0.85万元" in f.message and "为0.86万元" in f.message
    report.set_text("overview", "本年度收取行政事业性收费8600元。")
    assert [f.rule for f in check(report)] == []  # 8600元 = 0.86万元


def test_money_quoted_where_the_table_is_empty():
    report = build(REPORTS["town-2020"])
    report.set_value(CellRef("item9", "procurement", "amount"), None)
    (f,) = check(report)
    assert "251000元" in f.message and "为空（未填写）" in f.message


def test_figures_only_in_sections_one_and_six():
    report = build(REPORTS["county-bureau-2023"])
    report.set_text("problems", report.texts["problems"] + "本年度收到政府信息公开申请99件。")
    assert check(report) == []
    report.set_text("other", report.texts["other"] + "本年度收到政府信息公开申请99件。")
    assert [f.section_key for f in check(report)] == ["other"]


def test_same_figure_quoted_twice_gives_one_warning_per_section():
    report = build(REPORTS["county-bureau-2023"])
    report.set_text("overview", report.texts["overview"] + "总之，全年办结29件。")
    report.set_text("other", report.texts["other"] + "全年办结29件。")
    report.set_value(CellRef("applications", "carry_forward", "commercial"), 0)
    report.set_value(CellRef("applications", "disclosed", "commercial"), 4)
    assert [(f.section_key, f.message.split("（")[0]) for f in check(report)] == [
        ("overview", "正文写办结的申请29件"), ("overview", "正文写结转下年度继续办理的申请1件"),
        ("overview", "正文写予以公开的申请12件"), ("other", "正文写办结的申请29件")]
