"""The two official formats as data: labels verbatim, structure, computed totals, the printed grid."""
from __future__ import annotations

import pytest

from model.formats import FORMATS, format_by_id, format_for_year
from model.formats.definition import CellKind, TableSection
from model.grid import Role, section_grid
from model.report import CellRef, Report
from model.errors import InputError

F2019, F2021 = format_by_id("2019"), format_by_id("2021")

HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]

ROWS_3 = [
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
    "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
    "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
]
OTHER_2021 = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
              "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]


@pytest.mark.parametrize("year, fmt", [(2019, F2019), (2020, F2019), (2021, F2021), (2026, F2021)])
def test_format_by_year(year, fmt):
    assert format_for_year(year) is fmt


def test_no_format_before_2019():
    with pytest.raises(InputError, match="2019年起"):
        format_for_year(2018)


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.id)
def test_sections_in_order(fmt):
    assert [s.heading for s in fmt.sections] == HEADINGS


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.id)
def test_section_three_rows_and_columns(fmt):
    table = fmt.table("applications")
    leaves = [r.label for r in table.leaf_rows()]
    assert leaves[: len(ROWS_3)] == ROWS_3
    assert leaves[-2:] == ["（七）总计", "四、结转下年度继续办理"]
    middle = leaves[len(ROWS_3):-2]
    assert middle == (["（六）其他处理"] if fmt.id == "2019" else OTHER_2021)
    assert [c.label for c in table.leaf_columns()] == [
        "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert table.corner == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.id)
def test_section_four_column_paths(fmt):
    table = fmt.table("review")
    labels = [table.column_label(c.key) for c in table.leaf_columns()]
    assert len(labels) == 15
    assert labels[4] == "行政复议/总计"
    assert labels[-1] == "行政诉讼/复议后起诉/总计"
    assert labels[5] == "行政诉讼/未经复议直接起诉/结果维持"


def test_section_two_blocks_2019():
    sec = F2019.section("proactive")
    assert [t.title for t in sec.tables] == [
        "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项"]
    assert [c.label for c in sec.tables[0].leaf_columns()] == ["本年新制作数量", "本年新公开数量", "对外公开总数量"]
    assert [r.label for r in sec.tables[1].leaf_rows()] == ["行政许可", "其他对外管理服务事项"]
    assert sec.tables[1].column("change").kind is CellKind.SIGNED
    amount = sec.tables[4].column("amount")
    assert amount.kind is CellKind.MONEY and amount.units == ("元", "万元")


def test_section_two_blocks_2021():
    sec = F2021.section("proactive")
    assert [t.title for t in sec.tables] == [
        "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    assert [c.label for c in sec.tables[0].leaf_columns()] == ["本年制发件数", "本年废止件数", "现行有效件数"]
    assert [r.label for r in sec.tables[0].leaf_rows()] == ["规章", "行政规范性文件"]
    assert [c.label for c in sec.tables[3].leaf_columns()] == ["本年收费金额（单位：万元）"]
    assert sec.tables[3].column("amount").units == ("万元",)


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.id)
def test_totals_are_computed_not_stored(fmt):
    report = Report(fmt, fmt.first_year)
    inputs = {ref for ref, _ in report.input_cells()}
    assert CellRef("applications", "results_total", "natural") not in inputs
    assert CellRef("applications", "new", "total") not in inputs
    assert CellRef("review", "cases", "review_total") not in inputs
    report.set_value(CellRef("applications", "new", "natural"), 3)
    report.set_value(CellRef("applications", "new", "other_org"), 4)
    assert report.value(CellRef("applications", "new", "total")) == 7
    report.set_value(CellRef("applications", "new", "natural"), 5)  # a total read before follows a change
    assert report.value(CellRef("applications", "new", "total")) == 9
    parts = [r.key for r in fmt.table("applications").leaf_rows()][2:-2]
    for i, key in enumerate(parts):
        report.set_value(CellRef("applications", key, "research"), i + 1)
    expected = sum(range(1, len(parts) + 1))
    assert report.value(CellRef("applications", "results_total", "research")) == expected
    assert report.value(CellRef("applications", "results_total", "total")) == expected
    report.set_value(CellRef("review", "cases", "after_review_pending"), 2)
    report.set_value(CellRef("review", "cases", "after_review_upheld"), 5)
    assert report.value(CellRef("review", "cases", "after_review_total")) == 7
    assert report.value(CellRef("review", "cases", "review_total")) == 0
    with pytest.raises(InputError):
        report.set_value(CellRef("applications", "new", "total"), 9)


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.id)
@pytest.mark.parametrize("key", ["proactive", "applications", "review"])
def test_grid_covers_every_position_once(fmt, key):
    section = fmt.section(key)
    assert isinstance(section, TableSection)
    grid = section_grid(section)
    seen = {}
    for cell in grid.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                assert (r, c) not in seen, f"overlap at {(r, c)}"
                seen[(r, c)] = cell
    assert len(seen) == grid.rows * grid.cols
    values = {c.ref for c in grid.value_cells()}
    report = Report(fmt, fmt.first_year)
    tables = {t.key for t in section.tables}
    assert {ref for ref, _ in report.input_cells() if ref.table in tables} <= values


def test_grid_merges_of_section_three():
    grid = section_grid(F2021.section("applications"))
    corner = grid.at(0, 0)
    assert corner.role is Role.CORNER and (corner.rowspan, corner.colspan) == (3, 3)
    applicant = grid.at(0, 3)
    assert applicant.text == "申请人情况" and applicant.colspan == 7
    legal = next(c for c in grid.cells if c.text == "法人或其他组织")
    assert (legal.rowspan, legal.colspan) == (1, 5)
    natural = next(c for c in grid.cells if c.text == "自然人")
    assert (natural.rowspan, natural.colspan) == (2, 1)
    refused = next(c for c in grid.cells if c.text == "（三）不予公开")
    assert (refused.rowspan, refused.colspan) == (8, 1)
    results = next(c for c in grid.cells if c.text == "三、本年度办理结果")
    assert results.rowspan == 2 + 8 + 3 + 5 + 3 + 1
    first = next(c for c in grid.cells if c.text == "一、本年新收政府信息公开申请数量")
    assert first.colspan == 3
    other = next(c for c in grid.cells if c.text == "（六）其他处理")
    assert other.rowspan == 3
    assert grid.header_rows == 3


def test_grid_section_two_blocks_fill_width():
    grid = section_grid(F2019.section("proactive"))
    assert grid.cols == 4 and grid.header_rows == 0
    titles = [c for c in grid.cells if c.role is Role.TITLE]
    assert len(titles) == 5 and all(c.colspan == 4 for c in titles)
    amount = next(c for c in grid.cells if c.role is Role.HEADER and c.text == "采购总金额")
    assert amount.colspan == 2
    grid21 = section_grid(F2021.section("proactive"))
    fee = next(c for c in grid21.cells if c.role is Role.HEADER and c.text.startswith("本年收费金额"))
    assert fee.colspan == 3


def test_one_line_fields_drop_pasted_line_breaks(report_2019):
    report_2019.set_field("unit_name", "火花镇\n人民政府\r\n")
    report_2019.set_field("attachment_label", "附件\n2")
    assert report_2019.unit_name == "火花镇人民政府" and report_2019.attachment_label == "附件2"
    assert "\n" not in report_2019.title()
