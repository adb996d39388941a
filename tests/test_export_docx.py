"""DOCX export read back with python-docx: labels and numbers in their cells, merges, fonts, repeat rows."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from test_export_layout import TABLE_SECTIONS, expected_cells, filled_2021

from export import ExportOptions, docx_bytes, export_report


def open_docx(data: bytes):
    return Document(io.BytesIO(data))


def cell_text(cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs)


def raw_tc(table, row: int, col: int):
    """The w:tc element at a grid position as stored (no resolution of vertical merges)."""
    offset = 0
    for tc in table.rows[row]._tr.tc_lst:
        if offset == col:
            return tc
        offset += tc.grid_span
    raise AssertionError(f"no cell starts at column {col} of row {row}")


def check_tables(report, doc) -> None:
    assert len(doc.tables) == 3
    for key, table in zip(TABLE_SECTIONS, doc.tables):
        for (row, col), (text, rowspan, colspan) in expected_cells(report, key).items():
            cell = table.cell(row, col)
            assert cell_text(cell) == text, (key, row, col)
            assert cell._tc.grid_span == colspan, (key, row, col, text)
            # every position of a merged area is the same cell
            last = table.cell(row + rowspan - 1, col + colspan - 1)
            assert last._tc is cell._tc, (key, row, col, text)
            if rowspan > 1:
                assert raw_tc(table, row, col).vMerge == "restart"
                assert {raw_tc(table, r, col).vMerge for r in range(row + 1, row + rowspan)} == {"continue"}


@pytest.mark.parametrize("make", ["sample", "2021"])
def test_every_label_and_number_in_its_cell(make, sample_report):
    report = sample_report if make == "sample" else filled_2021()
    doc = open_docx(docx_bytes(report))
    check_tables(report, doc)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == report.attachment_label
    assert texts[1].replace("\n", "") == report.title()
    for section in report.format.sections:
        assert section.heading in texts
    for key, text in report.texts.items():
        for line in text.splitlines():
            if line.strip(" \u3000"):
                assert line.strip(" \u3000") in texts


def test_official_merges_of_the_form(sample_report):
    doc = open_docx(docx_bytes(sample_report))
    proactive, applications, review = doc.tables
    # 第二十条 block titles span the width
    title = proactive.cell(0, 0)
    assert title.text == "第二十条第（一）项" and title._tc.grid_span == len(proactive.columns) == 4
    # 申请人情况 spans the seven number columns
    applicants = next(c for c in applications.rows[0].cells if c.text == "申请人情况")
    assert applicants._tc.grid_span == 7
    # （三）不予公开 spans its eight rows
    col = 1
    rows = [r for r in range(len(applications.rows)) if applications.cell(r, col).text == "（三）不予公开"]
    assert len(rows) == 8
    tcs = [raw_tc(applications, r, col) for r in rows]
    assert tcs[0].vMerge == "restart" and all(tc.vMerge == "continue" for tc in tcs[1:])
    assert [applications.cell(r, 2).text for r in rows][0] == "1.属于国家秘密"
    # section 四: 行政诉讼 spans ten columns
    assert next(c for c in review.rows[0].cells if c.text == "行政诉讼")._tc.grid_span == 10


def test_header_rows_repeat_and_rows_never_split(sample_report):
    doc = open_docx(docx_bytes(sample_report))
    applications = doc.tables[1]
    repeat = [r._tr.trPr.find(qn("w:tblHeader")) is not None for r in applications.rows]
    assert repeat == [True] * 3 + [False] * (len(applications.rows) - 3)
    for table in doc.tables:
        assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)
    assert not any(r._tr.trPr.find(qn("w:tblHeader")) is not None for r in doc.tables[0].rows)


def east_asia(run) -> str | None:
    fonts = run._r.rPr.rFonts
    return fonts.get(qn("w:eastAsia"))


def test_east_asian_font_slot_set_on_runs_and_style(sample_report):
    doc = open_docx(docx_bytes(sample_report))
    by_text = {p.text.replace("\n", ""): p for p in doc.paragraphs}
    assert {east_asia(r) for r in by_text[sample_report.title()].runs} == {"方正小标宋简体"}
    assert east_asia(by_text["一、总体情况"].runs[0]) == "黑体"
    body = next(p for p in doc.paragraphs if p.text.startswith("(一)总体情况") or p.text.startswith("（一）总体情况"))
    assert east_asia(body.runs[0]) == "仿宋_GB2312"
    table_runs = [r for row in doc.tables[1].rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert table_runs and {east_asia(r) for r in table_runs} == {"仿宋_GB2312"}
    normal = doc.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_font_names_are_configurable(sample_report):
    options = ExportOptions(title_font="宋体", heading_font="微软雅黑", body_font="楷体", table_font="宋体")
    doc = open_docx(docx_bytes(sample_report, options))
    names = {east_asia(r) for p in doc.paragraphs for r in p.runs if r.text}
    assert names == {"宋体", "微软雅黑", "楷体"}
    assert {east_asia(r) for p in doc.tables[0].rows[0].cells[0].paragraphs for r in p.runs} == {"宋体"}


def test_page_setup_and_page_number_field(sample_report):
    doc = open_docx(docx_bytes(sample_report))
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    margins = [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                     section.right_margin)]
    assert margins == [37, 35, 28, 26]
    footer = section.footer.paragraphs[0]
    assert footer._p.xpath(".//w:instrText")[0].text.strip() == "PAGE"
    assert footer.text.startswith("— ") and footer.text.endswith(" —")


def test_approval_block_option(sample_report):
    plain = [p.text for p in open_docx(docx_bytes(sample_report)).paragraphs]
    signed = [p.text for p in open_docx(docx_bytes(sample_report, ExportOptions(approval_block=True))).paragraphs]
    assert not any("盖章" in t for t in plain)
    assert "单位（盖章）：火花镇人民政府" in signed and any(t.startswith("负责人") for t in signed)
    assert any(t.startswith("日期：") for t in signed)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_docx(sample_report, tmp_path: Path):
    import pdfplumber

    docx = tmp_path / "report.docx"
    export_report(sample_report, docx)
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx)],
        capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "report.pdf"
    assert pdf.stat().st_size > 0
    with pdfplumber.open(pdf) as doc:
        text = "".join((page.extract_text() or "") for page in doc.pages)
        assert len(doc.pages) >= 3
    flat = "".join(text.split())
    assert "火花镇人民政府" in flat and "三、收到和处理政府信息公开申请情况" in flat
