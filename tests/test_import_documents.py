"""Reports as clerks make them in Word and WPS: everything found by its official labels, whatever the layout."""
from __future__ import annotations

from decimal import Decimal

import pytest
from import_support import SEED_COPY, DocxBuilder, Style, clean_texts, clerk_docx, seed_docx
from test_export_layout import filled_2021

from importer import import_file
from importer.outline import heading_of
from model.cells import Money
from model.draft import load_draft, report_to_dict
from model.report import CellRef, Report
from model.rules import Severity

A = CellRef


def numbered_2019() -> Report:
    """A 2019 report with a distinct value in every input cell (a negative change, an amount in 元)."""
    report = Report.for_year(2020, "青山乡人民政府")
    for i, (ref, column) in enumerate(report.input_cells()):
        if column.kind.value == "money":
            report.set_value(ref, Money(Decimal("251000.5"), "元"))
        else:
            report.set_value(ref, (-1 if column.kind.value == "signed" else 1) * (i + 1))
    report.set_text("overview", "一年来，本乡主动公开政府信息120条。\n（一）主动公开情况：及时公开。")
    report.set_text("problems", "一是公开不够及时。\n二是培训不足。")
    report.set_text("other", "无")
    return report


def values(report: Report) -> dict:
    return report_to_dict(report)["tables"]


def imported(tmp_path, data: bytes, name: str = "report.docx"):
    path = tmp_path / name
    path.write_bytes(data)
    return import_file(path)


STYLES = {
    "word-merged": Style(attachment="附件2", title_lines=2, label_breaks=True),
    "wps-unmerged": Style(merged=False, wps=True, label_breaks=True, line_breaks=True, empty_rows=True),
    "split-no-header": Style(split_applications=14),
    "split-with-header": Style(split_applications=17, repeat_header=True, merged=False),
    "one-table-per-block": Style(proactive_tables=True, wps=True),
    "headings-spaced": Style(headings={"overview": "一 、总 体 情 况", "proactive": "二．主动公开政府信息情况",
                                       "applications": "第三部分 收到和处理政府信息公开申请情况",
                                       "review": "四、政府信息公开行政复议、行政诉讼情况：",
                                       "problems": "存在的主要问题及改进情况", "other": "六.其他需要报告的事项"}),
}


@pytest.mark.parametrize("style", STYLES, ids=list(STYLES))
@pytest.mark.parametrize("make", [numbered_2019, filled_2021], ids=["2019", "2021"])
def test_clerk_layouts_read_by_label(make, style, tmp_path):
    report = make()
    result = imported(tmp_path, clerk_docx(report, STYLES[style]))
    got = result.report
    assert (got.format.id, got.year, got.unit_name) == (report.format.id, report.year, report.unit_name)
    assert values(got) == values(report)
    assert got.texts == clean_texts(report)
    assert result.not_found == []
    assert all(got.stated_totals[ref] == report.count(ref) for ref in got.stated_totals)
    assert len(got.stated_totals) == len(report.stated_totals) or got.stated_totals


@pytest.mark.parametrize("template, year", [(2020, 2023), (2023, 2020)])
def test_a_report_typed_on_the_other_formats_template_is_said(template, year, tmp_path):
    """A clerk who fills last format's template: read by the format of the title's year, and the summary says so."""
    report = Report.for_year(template, "青山乡人民政府")
    result = imported(tmp_path, clerk_docx(report, Style(title=f"青山乡人民政府{year}年政府信息公开工作年度报告")))
    used, meant = report.format, result.report.format
    assert used.id != meant.id
    assert (f"表格用的像是{used.name}，但{meant.name}适用于这一年度：按{meant.name}读取，对不上的格未读取"
            in [n.text for n in result.interpreted if n.section == "二、主动公开政府信息情况"])
    same = imported(tmp_path, clerk_docx(report), "same.docx")
    assert not any("表格用的像是" in n.text for n in same.interpreted)


def test_table_continued_without_its_header_is_said(tmp_path):
    report = numbered_2019()
    result = imported(tmp_path, clerk_docx(report, Style(split_applications=14)))
    assert values(result.report) == values(report)
    assert "第3个表格没有表头，按上一表格的表头读取（续表）" in [n.text for n in result.interpreted]
    # pasted in with other column widths: read in the order of the columns
    result = imported(tmp_path, clerk_docx(report, Style(split_applications=14, merged=False, cut_labels=True)))
    assert values(result.report) == values(report)
    assert "第3个表格没有表头，按各列的顺序读取" in [n.text for n in result.interpreted]


def test_2021_table_two_as_one_table_or_four(tmp_path):
    report = filled_2021()
    one = imported(tmp_path, clerk_docx(report, Style()), "one.docx")
    four = imported(tmp_path, clerk_docx(report, Style(proactive_tables=True)), "four.docx")
    assert values(one.report)["item8"] == values(four.report)["item8"] == {
        "fees": {"amount": {"amount": "5949.088667", "unit": "万元"}}}
    assert values(one.report) == values(four.report) == values(report)
    assert "第1个表格、第2个表格、第3个表格、第4个表格" in next(r for r in four.read if r.startswith("二、"))


def test_title_split_over_two_lines_attachment_and_preamble(tmp_path):
    report = filled_2021()
    style = Style(attachment="附件 3", title_lines=2, preamble="根据《中华人民共和国政府信息公开条例》要求，编制本报告。")
    result = imported(tmp_path, clerk_docx(report, style))
    got = result.report
    assert got.attachment_label == "附件 3" and got.unit_name == "测试县教育局" and got.year == 2023
    # the preamble is kept, at the head of 一、总体情况, and the summary says so
    assert got.texts["overview"] == "根据《中华人民共和国政府信息公开条例》要求，编制本报告。\n" + clean_texts(report)["overview"]
    assert any("放在了“一、总体情况”的开头" in n.text for n in result.interpreted)


@pytest.mark.parametrize("title, unit, year", [
    ("平潭综合实验区2023年政府信息公开工作年度报告", "平潭综合实验区", 2023),
    ("平潭综合实验区2023年度政府信息公开工作年度报告", "平潭综合实验区", 2023),
    ("平潭综合实验区 2023 年度政府信息公开工作年度报告", "平潭综合实验区", 2023),
    ("２０２３年平潭综合实验区政府信息公开工作年度报告", "平潭综合实验区", 2023),
    ("青山县人民政府2022年政府信息公开工作年度报告", "青山县人民政府", 2022),
    ("青山县人民政府办公室关于2022年政府信息公开工作年度报告", "青山县人民政府办公室", 2022),
    ("青山县人民政府信息公开工作年度报告（2022年度）", "青山县人民政府", 2022),
    ("青山县人民政府二〇二二年政府信息公开工作年度报告", "青山县人民政府", 2022),
    # brackets of the unit's own name are kept (汇总 compares names: 青山乡人民政府（第1片 would be another unit)
    ("青山乡人民政府（第1片）2019年政府信息公开工作年度报告", "青山乡人民政府（第1片）", 2019),
    ("中共青山县委办公室(县政府办公室)2022年政府信息公开工作年度报告", "中共青山县委办公室(县政府办公室)", 2022),
    ("《青山县人民政府2022年政府信息公开工作年度报告》", "青山县人民政府", 2022),
    ("“青山县人民政府”2022年政府信息公开工作年度报告", "青山县人民政府", 2022),
])
def test_unit_and_year_from_the_title(title, unit, year, tmp_path):
    report = Report.for_year(year, unit)
    result = imported(tmp_path, clerk_docx(report, Style(title=title)))
    assert (result.report.unit_name, result.report.year) == (unit, year)


def test_title_found_among_web_page_lines_and_broken_in_the_middle(tmp_path):
    b = DocxBuilder()
    for line in ("索引号：11350128/2024-00012", "公开方式：主动公开", "平潭综合实验区2023年政府信息公开",
                 "工作年度报告", "一、总体情况", "本区认真落实条例。"):
        b.para(line, "center" if "公开" in line and "：" not in line else "")
    result = imported(tmp_path, b.bytes())
    assert (result.report.unit_name, result.report.year) == ("平潭综合实验区", 2023)
    assert result.report.texts["overview"] == "本区认真落实条例。"
    assert [n.text for n in result.ignored if n.section == "标题之前"] == [
        "“索引号：11350128/2024-00012”", "“公开方式：主动公开”"]


@pytest.mark.parametrize("text, index", [
    ("一、总体情况", 0), ("一 、总 体 情 况", 0), ("一．总体情况", 0), ("第一部分 总体情况", 0), ("总体情况", 0),
    ("二、主动公开政府信息情况", 1), ("3.收到和处理政府信息公开申请情况", 2), ("六、其他需要报告的事项：", 5),
    ("（一）总体情况", None), ("(一)总体情况：2019年，我镇积极贯彻落实", None), ("二、总体情况", None),
    ("（二）主动公开政府信息情况", None), ("三、本年度办理结果", None),
])
def test_section_headings(text, index):
    assert heading_of(text) == index


def test_cell_values_as_clerks_write_them(tmp_path):
    report = Report.for_year(2019, "火花镇人民政府")
    ref_new, ref_done = A("applications", "new", "natural"), A("applications", "disclosed", "natural")
    cells = {
        A("item1", "rules", "made"): "",  # blank: 0, noted
        A("item1", "rules", "published"): "/",  # no value
        A("item1", "normative", "made"): "　　１９８　",  # full-width digits and spaces
        A("item1", "normative", "published"): "1,234",
        A("item1", "normative", "public_total"): "4项",
        A("item5", "licensing", "change"): "增3",
        A("item5", "other_services", "change"): "减2",
        A("item6", "penalty", "change"): "-2",
        A("item6", "coercion", "change"): "－2",
        A("item9", "procurement", "amount"): "25.1万元",
        ref_new: "26", ref_done: "2６",
        A("applications", "new", "total"): "26", A("applications", "results_total", "total"): "26",
        A("applications", "results_total", "natural"): "26", A("applications", "disclosed", "total"): "26",
    }
    result = imported(tmp_path, clerk_docx(report, Style(cells=cells)))
    got = result.report
    read = {ref: got.value(ref) for ref in cells if got.kind(ref).value != "total"}
    assert read == {
        A("item1", "rules", "made"): 0, A("item1", "rules", "published"): 0,
        A("item1", "normative", "made"): 198, A("item1", "normative", "published"): 1234,
        A("item1", "normative", "public_total"): 4,
        A("item5", "licensing", "change"): 3, A("item5", "other_services", "change"): -2,
        A("item6", "penalty", "change"): -2, A("item6", "coercion", "change"): -2,
        A("item9", "procurement", "amount"): Money(Decimal("25.1"), "万元"),
        ref_new: 26, ref_done: 26,
    }
    notes = {(n.row, n.column): n.text for n in result.interpreted}
    assert notes[("规章", "本年新制作数量")] == "空白，按0"
    assert notes[("规章", "本年新公开数量")] == "“/”表示无，按0"
    assert notes[("其他对外管理服务事项", "本年增/减")] == "“减2”读作-2"
    assert notes[("行政许可", "本年增/减")] == "“增3”读作3"
    assert notes[("规范性文件", "对外公开总数量")] == "“4项”去掉单位“项”，读作4"
    assert result.disagreements == []


def test_money_converted_exactly_into_the_column_unit(tmp_path):
    report = Report.for_year(2022, "测试县教育局")
    fee = A("item8", "fees", "amount")
    result = imported(tmp_path, clerk_docx(report, Style(cells={fee: "75,394,432.52元"})))
    assert result.report.value(fee) == Money(Decimal("7539.443252"), "万元")
    (note,) = [n for n in result.interpreted if n.column.startswith("本年收费金额")]
    assert note.text == "“75,394,432.52元”换算为7539.443252万元"
    # a header saying the amounts are in 元
    b = DocxBuilder()
    b.para("测试县教育局2022年政府信息公开工作年度报告", "center")
    b.para("二、主动公开政府信息情况")
    from import_support import C

    b.table([[C("第二十条第（八）项", 2)], [C("信息内容"), C("本年收费金额（单位：元）")],
             [C("行政事业性收费"), C("251000")]], 2)
    result = imported(tmp_path, b.bytes(), "yuan.docx")
    assert result.report.value(fee) == Money(Decimal("25.1"), "万元")
    assert any("换算为25.1万元" in n.text for n in result.interpreted)


def test_no_value_marks_and_unreadable_cells_are_said(tmp_path):
    report = Report.for_year(2019, "火花镇人民政府")
    cells = {A("item9", "procurement", "amount"): "—", A("applications", "new", "natural"): "十二",
             A("applications", "new", "commercial"): "1.5"}
    result = imported(tmp_path, clerk_docx(report, Style(cells=cells)))
    assert result.report.value(A("item9", "procurement", "amount")) is None
    problems = {n.column: n.text for n in result.not_found}
    assert problems["自然人"].startswith("“十二”无法识别") and problems["自然人"].endswith("按0")
    assert "不是整数" in problems["商业企业"]


def test_printed_totals_that_disagree_or_are_blank(tmp_path):
    """The published report of formats.md: 一+二 = 三（七）+四 as printed, the sub-rows add up to more."""
    report = Report.for_year(2021, "某某区教育局")
    report.set_value(A("applications", "new", "natural"), 21)
    for key in ("disclosed", "partial"):
        report.set_value(A("applications", key, "natural"), 13)  # 26 in all
    cells = {A("applications", "results_total", "natural"): "21",
             A("applications", "results_total", "total"): "21",
             A("applications", "disclosed", "total"): "",  # left blank over 13
             }
    result = imported(tmp_path, clerk_docx(report, Style(cells=cells)))
    got = result.report
    messages = [(f.severity, f.rule, f.message) for f in result.disagreements]
    assert (Severity.ERROR, "R2", "（七）总计：自然人填报为21，各分项之和为26，相差5") in messages
    assert (Severity.ERROR, "R3", "（七）总计：总计填报为21，各分项之和为26，相差5") in messages
    assert (Severity.WARNING, "R3", "（一）予以公开：总计未填写，各分项之和为13") in messages
    balance = [f.message for f in result.findings if f.rule == "R1"]
    assert "自然人：一+二＝21，三（七）总计+四＝26，相差5（按各分项之和计算的总计）" in balance
    assert not any("按报告中填报的总计" in m for m in balance)  # as printed it balances
    summary = result.text()
    assert "填报的总计与各分项之和不一致（3处）" in summary
    assert "（七）总计：自然人填报为21，各分项之和为26，相差5" in summary
    # kept in the draft, checked again after loading, until the computed totals are accepted
    path = tmp_path / "imported.gkbg.json"
    from model.draft import save_draft
    from model.rules import check

    save_draft(got, path)
    again = load_draft(path)
    assert again.stated_totals == got.stated_totals and again.stated_totals_source == "report.docx"
    assert [f.message for f in check(again)] == [f.message for f in result.findings]
    again.set_stated_totals_accepted("2024-03-01T09:30:00")
    save_draft(again, path)
    accepted = load_draft(path)
    assert accepted.stated_totals_accepted == "2024-03-01T09:30:00"
    assert not any(f.rule in ("R2", "R3") for f in check(accepted))


def test_the_flattened_seed_as_a_word_document(tmp_path):
    """The real report the sample was made from: no year in its title, unmerged label cells, 　　198, 减2."""
    result = imported(tmp_path, seed_docx(), "火花镇.docx")
    sample = load_draft(SEED_COPY)
    got = result.report
    assert values(got) == values(sample)
    assert got.texts == sample.texts
    assert (got.unit_name, got.year, got.attachment_label) == ("火花镇人民政府", 2019, "附件2")
    assert any("标题中没有年度" in n.text for n in result.interpreted)
    assert result.not_found == [] and result.findings == []


def test_text_with_indents_and_empty_paragraphs(tmp_path):
    report = filled_2021()
    report.set_text("problems", "　　一是公开不及时。\n\n　　二是培训不足。")
    result = imported(tmp_path, clerk_docx(report, Style(empty_rows=True)))
    assert result.report.texts["problems"] == "一是公开不及时。\n二是培训不足。"


def test_text_outside_the_tables_and_unknown_rows_are_listed(tmp_path):
    b = DocxBuilder()
    from import_support import C

    b.para("青山乡人民政府2021年政府信息公开工作年度报告")
    b.para("一、总体情况")
    b.para("本乡认真落实条例。")
    b.para("二、主动公开政府信息情况")
    b.para("（单位：件）")
    b.table([[C("第二十条第（五）项", 2)], [C("信息内容"), C("本年处理决定数量")], [C("行政许可"), C("12")],
             [C("备案事项"), C("3")]], 2)
    result = imported(tmp_path, b.bytes())
    assert result.report.value(A("item5", "licensing", "decisions")) == 12
    ignored = [n.text for n in result.ignored]
    assert "表格外的文字“（单位：件）”" in ignored
    assert any("未识别的行“备案事项 | 3”" in t for t in ignored)
    missing = " ".join(n.text for n in result.not_found)
    assert "“行政处罚”行未找到" in missing and "五、存在的主要问题及改进情况" in " ".join(
        n.section for n in result.not_found)


def test_command_line_writes_the_draft_and_prints_the_summary(tmp_path, capsys):
    import json

    from main import main

    report = Report.for_year(2021, "某某区教育局")
    report.set_value(A("applications", "new", "natural"), 26)
    report.set_value(A("applications", "disclosed", "natural"), 26)
    source = tmp_path / "区教育局.docx"
    source.write_bytes(clerk_docx(report, Style(cells={A("applications", "results_total", "natural"): "21"})))
    out = tmp_path / "draft.gkbg.json"
    assert main(["import", str(source), "-o", str(out)]) == 1  # imported; the report has errors
    text = capsys.readouterr().out
    assert "填报的总计与各分项之和不一致（1处）" in text and f"已写入草稿：{out}" in text
    assert "错误：三、收到和处理政府信息公开申请情况 / （七）总计：自然人填报为21，各分项之和为26，相差5" in text
    draft = load_draft(out)
    assert draft.value(A("applications", "new", "natural")) == 26
    assert draft.stated_totals[A("applications", "results_total", "natural")] == 21
    assert main(["check", str(out)]) == 1
    assert "（七）总计：自然人填报为21" in capsys.readouterr().out
    assert main(["import", str(source), "-o", str(out), "--json", "--force"]) == 1
    answer = json.loads(capsys.readouterr().out)
    assert answer["ok"] is True and answer["output"] == str(out)
    assert (answer["format"], answer["year"], answer["unit_name"]) == ("2021", 2021, "某某区教育局")
    assert [d["message"] for d in answer["printed_totals_disagree"]] == ["（七）总计：自然人填报为21，各分项之和为26，相差5"]
    assert {"read", "not_found", "interpreted", "ignored", "findings", "errors", "warnings"} <= set(answer)
    fine = Report.for_year(2021, "某某区教育局")
    fine.set_text("overview", "本局认真落实条例，主动公开政府信息。")
    fine.set_text("problems", "一是公开不够及时，二是培训不足，将加以改进。")
    fine.set_text("other", "本年度未收取信息处理费。")
    clean = tmp_path / "clean.docx"
    clean.write_bytes(clerk_docx(fine))
    assert main(["import", str(clean), "-o", str(tmp_path / "clean.gkbg.json")]) == 0


def test_a_report_typed_inside_a_one_cell_frame_table(tmp_path):
    """Some clerks draw a border by typing the whole report inside a table of one cell."""
    import io
    import re

    from docx import Document
    from lxml import etree

    report = filled_2021()
    body = Document(io.BytesIO(clerk_docx(report))).element.body
    content = "".join(etree.tostring(el, encoding="unicode") for el in body if not el.tag.endswith("sectPr"))
    content = re.sub(r' xmlns:\w+="[^"]+"', "", content)
    b = DocxBuilder()
    b._add('<w:tbl xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:tblPr/><w:tblGrid>'
           f'<w:gridCol w:w="9000"/></w:tblGrid><w:tr><w:tc><w:tcPr/>{content}</w:tc></w:tr></w:tbl>')
    result = imported(tmp_path, b.bytes())
    assert values(result.report) == values(report) and result.report.texts == clean_texts(report)


def test_headings_that_begin_their_own_paragraph(tmp_path):
    b = DocxBuilder()
    b.para("青山乡人民政府2021年政府信息公开工作年度报告", "center")
    b.para("一、总体情况：2021年，本乡认真落实条例。")
    b.para("全年主动公开信息56条。")
    b.para("（二）主动公开政府信息情况：本乡及时公开。")  # a sub-heading of 一, not section 二
    b.para("五、存在的主要问题及改进情况：一是公开不及时。")
    b.para("六、其他需要报告的事项：无。")
    result = imported(tmp_path, b.bytes())
    texts = result.report.texts
    assert texts["overview"] == "2021年，本乡认真落实条例。\n全年主动公开信息56条。\n（二）主动公开政府信息情况：本乡及时公开。"
    assert texts["problems"] == "一是公开不及时。" and texts["other"] == "无。"


def test_a_table_of_its_own_in_a_text_section_is_left_out(tmp_path):
    from import_support import C, section_rows

    report = filled_2021()
    b = DocxBuilder()
    b.para(report.title())
    for section in report.format.sections:
        b.para(section.heading)
        if section.key in ("proactive", "applications", "review"):
            b.table(*section_rows(report, section, Style()))
        if section.key == "problems":
            b.table([[C("整改事项"), C("完成时限")], [C("更新栏目"), C("2024年3月")]], 2)
    result = imported(tmp_path, b.bytes())
    assert "第4个表格不是年度报告的统计表格，未导入" in [n.text for n in result.ignored]
    assert values(result.report) == values(report)


def test_invisible_and_look_alike_characters_copied_from_web_pages_and_pdfs(tmp_path):
    """A zero-width space and Kangxi radicals (⼯ U+2F2F for 工, ⽂ U+2F42 for 文), as text copied from a web page or a
    PDF's text layer gives them, are read as what they show, in the title and in the texts."""
    b = DocxBuilder()
    b.para("青山乡人民政府2021年政府信息公开\u200b\u2f2f作年度报告", "center")
    for line in ("一、总体情况", "本乡公开政府\u2f42件120条。\u00ad", "五、存在的主要问题及改进情况", "无", "六、其他需要报告的事项", "无"):
        b.para(line)
    result = imported(tmp_path, b.bytes())
    assert (result.report.unit_name, result.report.year) == ("青山乡人民政府", 2021)
    assert result.report.texts["overview"] == "本乡公开政府文件120条。"
