"""The 汇总 breakdown workbook read back with openpyxl: headers as printed, one row per unit, live SUM totals,
marked errors, frozen headers, and the sheet 检查结果."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string

from aggregate_units import write_units
from export.breakdown_xlsx import write_breakdown
from model.aggregate import ONCE, Batch, choose, find_duplicates, make_summary
from model.cells import Money
from model.report import CellRef


@pytest.fixture
def made(tmp_path):
    paths = write_units(tmp_path / "units", 5, errors=(2,), money_units=("元", "万元"))
    (tmp_path / "units" / "copy.gkbg.json").write_bytes(paths[0].read_bytes())
    (tmp_path / "units" / "bad.gkbg.json").write_text("{", "utf-8")
    batch = Batch()
    batch.add([tmp_path / "units"])
    batch.read_all()
    choice = choose(batch.units, find_duplicates(batch.units), ONCE)
    summary = make_summary(batch, choice, "某县", ONCE)
    target = tmp_path / "b.xlsx"
    units = [batch.units[i] for i in choice.included]
    write_breakdown(target, summary, units, [(batch.units[i], r) for i, r in choice.left_out], batch.unreadable)
    return summary, units, target, batch


def column_of(sheet, header_rows: range, labels: list[str]) -> int:
    """The data column whose merged header path reads labels (top to bottom, empty levels skipped)."""
    def label_at(row, col):
        for rng in sheet.merged_cells.ranges:
            if rng.min_row <= row <= rng.max_row and rng.min_col <= col <= rng.max_col:
                return sheet.cell(rng.min_row, rng.min_col).value
        return sheet.cell(row, col).value

    for col in range(4, sheet.max_column + 1):
        path = []
        for row in header_rows:
            value = label_at(row, col)
            if value and (not path or path[-1] != value):
                path.append(value)
        if path == labels:
            return col
    raise AssertionError(f"no column {labels}")


def test_sheets_headers_and_frozen_panes(made):
    _summary, _units, target, _batch = made
    book = load_workbook(target)
    assert book.sheetnames == ["二、主动公开", "三、依申请公开", "四、复议诉讼", "检查结果"]
    sheet = book["三、依申请公开"]
    assert sheet["A1"].value == "某县2019年政府信息公开工作年度报告 — 三、收到和处理政府信息公开申请情况（各单位明细）"
    assert [sheet.cell(2, c).value for c in (1, 2, 3)] == ["序号", "单位", "文件"]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A2:A7" in merged and "D2:I4" in merged  # 一、本年新收… over its six columns, down its row levels
    assert sheet["D2"].value == "一、本年新收政府信息公开申请数量" and sheet["D5"].value == "申请人情况"
    assert sheet["D6"].value == "自然人" and "D6:D7" in merged and sheet["E6"].value == "法人或其他组织"
    col = column_of(sheet, range(2, 8), ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "申请人情况",
                                         "法人或其他组织", "商业企业"])
    assert col > 4
    assert sheet.freeze_panes == "D8"
    proactive = book["二、主动公开"]
    assert proactive.freeze_panes == "D5"
    assert column_of(proactive, range(2, 5), ["第二十条第（九）项", "政府集中采购", "采购总金额（元）"])
    review = book["四、复议诉讼"]
    assert column_of(review, range(2, 5), ["行政诉讼", "复议后起诉", "尚未审结"])


def test_one_row_per_unit_with_every_input_and_live_sums(made):
    summary, units, target, _batch = made
    book = load_workbook(target)
    sheet = book["三、依申请公开"]
    first, total_row = 8, 8 + len(units)
    assert [sheet.cell(r, 2).value for r in range(first, total_row)] == [u.name for u in units]
    assert [sheet.cell(r, 3).value for r in range(first, total_row)] == [u.path.name for u in units]
    assert sheet.cell(total_row, 1).value == "合计"
    inputs = [(ref, c) for ref, c in summary.input_cells() if ref.table == "applications"]
    assert sheet.max_column == 3 + len(inputs)  # every input column, nothing else
    index = {ref: i for i, (ref, _) in enumerate(summary.input_cells())}
    for j, (ref, _column) in enumerate(inputs):
        col = 4 + j
        values = [sheet.cell(r, col).value for r in range(first, total_row)]
        assert values == [u.values[index[ref]] for u in units]
        letter = sheet.cell(first, col).column_letter
        assert sheet.cell(total_row, col).value == f"=SUM({letter}{first}:{letter}{total_row - 1})"
        assert sum(values) == summary.value(ref)  # what the formula computes is the summary's number


def test_money_converted_to_the_summary_unit(made):
    summary, units, target, _batch = made
    sheet = load_workbook(target)["二、主动公开"]
    col = column_of(sheet, range(2, 5), ["第二十条第（九）项", "政府集中采购", "采购总金额（元）"])
    amounts = [sheet.cell(r, col).value for r in range(5, 5 + len(units))]
    index = [ref for ref, _ in summary.input_cells()].index(CellRef("item9", "procurement", "amount"))
    expected = []
    for u in units:
        money = u.values[index]
        expected.append(None if money is None else money.amount * (10000 if money.unit == "万元" else 1))
    assert [None if a is None else Decimal(str(a)) for a in amounts] == expected
    assert {u.values[index].unit for u in units if u.values[index]} == {"元", "万元"}
    total = summary.value(CellRef("item9", "procurement", "amount"))
    assert isinstance(total, Money) and total.unit == "元"
    assert sum(a for a in expected if a is not None) == total.amount
    assert sheet.cell(5, col).number_format == "#,##0.00####"


def test_cells_of_units_with_errors_are_marked(made):
    _summary, units, target, _batch = made
    sheet = load_workbook(target)["三、依申请公开"]
    bad_row = 8 + next(i for i, u in enumerate(units) if u.errors)
    good_row = 8 + next(i for i, u in enumerate(units) if not u.errors)
    assert sheet.cell(bad_row, 2).fill.fgColor.rgb.endswith("FFC7CE")
    assert "2个错误" in sheet.cell(bad_row, 2).comment.text
    natural_new = column_of(sheet, range(2, 8), ["一、本年新收政府信息公开申请数量", "申请人情况", "自然人"])
    cell = sheet.cell(bad_row, natural_new)
    assert cell.fill.fgColor.rgb.endswith("FFC7CE") and "一+二" in cell.comment.text
    assert sheet.cell(good_row, natural_new).fill.fgColor.rgb in ("00000000", None)
    assert sheet.cell(good_row, natural_new).comment is None


def test_findings_sheet_lists_every_unit_and_every_file_left_out(made):
    _summary, units, target, batch = made
    sheet = load_workbook(target)["检查结果"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("序号", "单位", "文件", "状态", "类型", "规则", "部分", "行", "列", "说明")
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:J{len(rows)}"
    for n, unit in enumerate(units, start=1):
        mine = [r for r in rows[1:] if r[0] == n]
        assert mine and all(r[1] == unit.name for r in mine)
        if unit.findings:
            assert [r[9] for r in mine] == [f.message for f in unit.findings]
            assert [r[4] for r in mine] == [f.severity.label for f in unit.findings]
        else:
            assert [r[9] for r in mine] == ["检查通过：没有错误或警告"]
    left = [r for r in rows[1:] if r[3] == "未计入"]
    assert [(r[2], re.sub(r"（.*?）", "", r[9])) for r in left] == [("unit0000.gkbg.json", "与“火花乡人民政府”重复，只计一次")]
    (bad,) = [r for r in rows[1:] if r[3] == "无法读取"]
    assert bad[2] == "bad.gkbg.json" and "不完整" in bad[9]
    error_rows = [r for r in sheet.iter_rows(min_row=2) if r[4].value == "错误"]
    assert error_rows and all(c.font.color.rgb.endswith("9C0006") for c in error_rows[0])


def test_a_2021_workbook_keeps_the_unit_in_the_printed_label(tmp_path):
    write_units(tmp_path / "u", 2, year=2022)
    batch = Batch()
    batch.add([tmp_path / "u"])
    batch.read_all()
    summary = make_summary(batch, choose(batch.units, []))
    write_breakdown(tmp_path / "b.xlsx", summary, batch.units)
    sheet = load_workbook(tmp_path / "b.xlsx")["二、主动公开"]
    col = column_of(sheet, range(2, 5), ["第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）"])
    index = [ref for ref, _ in summary.input_cells()].index(CellRef("item8", "fees", "amount"))
    assert [sheet.cell(r, col).value for r in (5, 6)] == [
        None if u.values[index] is None else pytest.approx(float(u.values[index].amount)) for u in batch.units]
    assert column_index_from_string(sheet.cell(7, col).column_letter) == col and sheet.cell(7, 1).value == "合计"
    assert json.loads(json.dumps(sheet.cell(7, col).value)).startswith("=SUM(")


def calc_installed() -> bool:
    """LibreOffice with its spreadsheet (Calc: libsclo beside soffice; Debian's libreoffice-calc-nogui)."""
    soffice = shutil.which("soffice")
    return soffice is not None and any(Path(soffice).resolve().parent.glob("libsclo.*"))


@pytest.mark.skipif(not calc_installed(), reason="LibreOffice Calc is not installed (.ci/run installs it)")
def test_a_spreadsheet_program_opens_it_and_its_sums_are_the_summarys_numbers(made, tmp_path):
    """Converted to CSV by LibreOffice Calc (every sheet): the SUM formulas, computed by a spreadsheet, give the
    summary's numbers, and every unit row reads as written."""
    summary, units, target, _batch = made
    out = tmp_path / "csv"
    result = subprocess.run(
        [shutil.which("soffice"), f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
         "--outdir", str(out), str(target)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    totals = []
    for sheet in ("二、主动公开", "三、依申请公开", "四、复议诉讼"):
        rows = list(csv.reader(io.StringIO((out / f"b-{sheet}.csv").read_text("utf-8"))))
        data = [row for row in rows if row and row[0].isdigit()]
        assert [row[1] for row in data] == [u.name for u in units]
        assert rows[-1][0] == "合计"
        totals += rows[-1][3:]
    cells = list(summary.input_cells())
    assert len([t for t in totals if t != ""]) == len(cells)
    for (ref, _column), text in zip(cells, totals):
        value = summary.value(ref)
        expected = value.amount if isinstance(value, Money) else (value or 0)
        assert Decimal(text) == expected, ref  # Calc writes the computed sum with full precision
    findings = list(csv.reader(io.StringIO((out / "b-检查结果.csv").read_text("utf-8"))))
    assert findings[0][:4] == ["序号", "单位", "文件", "状态"] and any(row[3] == "无法读取" for row in findings)


def test_every_font_is_named_and_sized(made):
    """A font without name or size is drawn in the reader's own default (a serif in LibreOffice) beside the
    plain Calibri cells."""
    _summary, _units, target, _batch = made
    book = load_workbook(target)
    assert all(font.name and font.sz for font in book._fonts)


def test_the_workbook_names_the_version_that_made_it(made):
    from model.version import APP_NAME, VERSION

    _summary, _units, target, _batch = made
    assert load_workbook(target).properties.creator == f"{APP_NAME} {VERSION}"
