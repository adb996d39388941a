"""The neutral page layout, and helpers the DOCX/PDF export tests share (filled reports, expected cells)."""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from export.layout import ERHAO, SANHAO, FontRole, Paragraph, build_layout
from model.cells import Money, display_text
from model.formats.definition import CellKind
from model.grid import Role, section_grid
from model.report import Report

ROOT_LABEL_ROLES = (Role.TITLE, Role.CORNER, Role.HEADER, Role.LABEL)


def filled_2021() -> Report:
    """A 2021-format report with a distinct number in every input cell and a money amount."""
    report = Report.for_year(2023, "测试县教育局")
    report.set_field("attachment_label", "附件3")
    for i, (ref, column) in enumerate(report.input_cells()):
        if column.kind is CellKind.MONEY:
            report.set_value(ref, Money(Decimal("5949.088667"), column.units[0]))
        else:
            report.set_value(ref, 101 + i)
    report.set_text("overview", "总体情况第一段。\n\n　　总体情况第二段，含全角空格。")
    report.set_text("problems", "存在问题：信息更新不及时。\n改进措施：加强培训。")
    report.set_text("other", "本年度未收取信息处理费。")
    return report


def expected_cells(report: Report, section_key: str) -> dict[tuple[int, int], tuple[str, int, int]]:
    """(row, col) of each printed cell -> (text, rowspan, colspan), from the shared grid."""
    grid = section_grid(report.format.section(section_key))
    out = {}
    for cell in grid.cells:
        text = cell.text
        if cell.role is Role.VALUE:
            text = "" if cell.kind is CellKind.BLANK else display_text(report.value(cell.ref), cell.column)
        out[(cell.row, cell.col)] = (text, cell.rowspan, cell.colspan)
    return out


TABLE_SECTIONS = ("proactive", "applications", "review")


def test_layout_has_title_headings_texts_and_tables_in_order(sample_report):
    layout = build_layout(sample_report)
    paragraphs = layout.paragraphs()
    assert paragraphs[0].text == "附件2" and paragraphs[0].role is FontRole.HEADING
    title = paragraphs[1]
    assert title.text.replace("\n", "") == sample_report.title() == "火花镇人民政府2019年政府信息公开工作年度报告"
    assert title.role is FontRole.TITLE and title.size == ERHAO
    headings = [p.text for p in paragraphs if p.role is FontRole.HEADING][1:]
    assert headings == [s.heading for s in sample_report.format.sections]
    assert [t.key for t in layout.tables()] == list(TABLE_SECTIONS)
    body = [p for p in paragraphs if p.role is FontRole.BODY]
    assert all(p.size == SANHAO and p.indent_chars == 2 for p in body)
    lines = [ln.strip(" \u3000") for ln in sample_report.texts["overview"].splitlines() if ln.strip(" \u3000")]
    assert [p.text for p in body[: len(lines)]] == lines


def test_layout_page_is_a4_with_gbt9704_margins(sample_report):
    page = build_layout(sample_report).page
    assert (page.width_mm, page.height_mm) == (210, 297)
    assert (page.top_mm, page.bottom_mm, page.left_mm, page.right_mm) == (37, 35, 28, 26)
    assert page.page_number_format.format(1) == "— 1 —"


def test_layout_tables_come_from_the_section_grid():
    report = filled_2021()
    layout = build_layout(report)
    for table in layout.tables():
        expected = expected_cells(report, table.key)
        got = {(c.row, c.col): (c.text, c.rowspan, c.colspan) for c in table.cells}
        assert got == expected
        assert sum(table.col_widths_mm) == pytest.approx(layout.page.text_width_mm)
    applications = layout.tables()[1]
    assert applications.header_rows == section_grid(report.format.section("applications")).header_rows > 0
    money = [c.text for c in layout.tables()[0].cells if c.text.startswith("5949")]
    assert money == ["5949.088667"]  # the 2021 column label already says 万元


def test_layout_prints_zero_as_0_and_money_with_unit(sample_report):
    cells = {c.text for t in build_layout(sample_report).tables() for c in t.cells if c.role is Role.VALUE}
    assert "0" in cells and "-2" in cells
    money = sample_report.value(next(r for r, col in sample_report.input_cells() if col.kind is CellKind.MONEY))
    assert money is not None and money.text() in cells and money.text().endswith("元")


def test_approval_block_is_optional(sample_report):
    sample_report.set_field("report_date", "2020-01-15")
    plain = [p.text for p in build_layout(sample_report).paragraphs()]
    signed = [p.text for p in build_layout(sample_report, approval_block=True).paragraphs()]
    assert not any("盖章" in t for t in plain)
    assert signed[-3:] == ["单位（盖章）：火花镇人民政府", "负责人（签字）：            ", "日期：2020年1月15日"]


def test_long_title_breaks_after_unit_name(report_2019):
    report_2019.set_field("unit_name", "某")
    assert "\n" not in build_layout(report_2019).paragraphs()[0].text
    report_2019.set_field("unit_name", "某某市某某区人民政府办公室")
    title = next(p for p in build_layout(report_2019).paragraphs() if p.role is FontRole.TITLE)
    assert title.text == "某某市某某区人民政府办公室\n2019年政府信息公开工作年度报告"


def test_text_sections_one_paragraph_per_line():
    layout = build_layout(filled_2021())
    texts = [p.text for p in layout.paragraphs() if isinstance(p, Paragraph) and p.role is FontRole.BODY]
    assert texts[:2] == ["总体情况第一段。", "总体情况第二段，含全角空格。"]


def test_export_package_imports_neither_qt_nor_renderers():
    code = ("import sys, export, export.layout, export.fonts, export.options;"
            "bad = [m for m in ('PySide6', 'shiboken6', 'docx', 'reportlab') if m in sys.modules];"
            "print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(__import__("pathlib").Path(__file__).parent.parent))
    assert out.stdout.strip() == "[]"
