"""The neutral page layout, and helpers the DOCX/PDF export tests share (filled reports, expected cells)."""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from export.layout import BODY, ERHAO, HEADING_1, HEADING_2, MM, SANHAO, SIGNATURE, FontRole, Paragraph
from export.report_layout import build_layout, classify
from export.table_widths import PAD_X, slack
from export.typeset import text_ems
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


def printed(value, column) -> str:
    """A number as the printed form shows it: 本年增/减 as 增N / 减N / 0."""
    if column is not None and column.kind is CellKind.SIGNED and value:
        return f"增{value}" if value > 0 else f"减{-value}"
    return display_text(value, column)


def expected_cells(report: Report, section_key: str) -> dict[tuple[int, int], tuple[str, int, int]]:
    """(row, col) of each printed cell -> (text, rowspan, colspan), from the shared grid."""
    grid = section_grid(report.format.section(section_key))
    out = {}
    for cell in grid.cells:
        text = cell.text
        if cell.role is Role.VALUE:
            text = "" if cell.kind is CellKind.BLANK else printed(report.value(cell.ref), cell.column)
        out[(cell.row, cell.col)] = (text, cell.rowspan, cell.colspan)
    return out


TABLE_SECTIONS = ("proactive", "applications", "review")


def joined_tables(layout) -> dict[str, dict[tuple[int, int], tuple[str, int, int]]]:
    """Each section's table as printed, its pieces (cut between pages) joined back: a label repeated on a
    later piece continues the cell it repeats."""
    out: dict[str, dict] = {}
    offset: dict[str, int] = {}
    for block in layout.tables():
        cells = out.setdefault(block.key, {})
        shift = offset.get(block.key, 0)
        for c in block.cells:
            if c.row < block.header_rows:
                if not shift:
                    cells[(c.row, c.col)] = (c.text, c.rowspan, c.colspan)
                continue
            row = c.row + shift
            above = next(((r, col) for (r, col), (text, span, _cs) in cells.items()
                          if col == c.col and r < row == r + span and text == c.text and c.row == block.header_rows),
                         None)
            if above is not None:  # a group label repeated on this piece
                text, span, colspan = cells[above]
                cells[above] = (text, span + c.rowspan, colspan)
            else:
                cells[(row, c.col)] = (c.text, c.rowspan, c.colspan)
        offset[block.key] = shift + block.rows - block.header_rows
    return out


def test_layout_has_title_headings_texts_and_tables_in_order(sample_report):
    layout = build_layout(sample_report)
    paragraphs = layout.paragraphs()
    assert paragraphs[0].text == "附件2" and paragraphs[0].role is FontRole.HEADING
    title = paragraphs[1]
    assert title.text.replace("\n", "") == sample_report.title() == "火花镇人民政府2019年政府信息公开工作年度报告"
    assert title.role is FontRole.TITLE and title.size == ERHAO
    headings = [p.text for p in paragraphs if p.style is HEADING_1]
    assert headings == [s.heading for s in sample_report.format.sections]
    assert [t.key for t in layout.tables()] == list(TABLE_SECTIONS)
    body = [p for p in paragraphs if p.style is BODY]
    assert all(p.size == SANHAO and p.indent_chars == 2 for p in body)
    lines = [ln.strip(" \u3000") for ln in sample_report.texts["overview"].splitlines() if ln.strip(" \u3000")]
    assert [p.text for p in paragraphs if p.style in (BODY, HEADING_2)][: len(lines)] == lines


def test_page_is_a4_with_28_characters_by_22_lines(sample_report):
    page = build_layout(sample_report).page
    assert (page.width_mm, page.height_mm) == (210, 297)
    assert (page.top_mm, page.bottom_mm) == (37, 35)
    assert abs(page.left_mm - 28) <= 1  # GB/T 9704: 订口 28 mm ± 1 mm
    assert page.text_width_pt == 28 * SANHAO  # 28 三号 characters exactly
    assert page.left_mm + page.text_width_mm + page.right_mm == pytest.approx(210)
    assert page.text_height_pt == 22 * page.line_pitch <= 225 * MM < 23 * page.line_pitch
    assert page.page_number_format.format(1) == "— 1 —" and page.page_number_size == 14


@pytest.mark.parametrize("make", ["2021", "nine-2019", "nine-2021"])
def test_layout_tables_come_from_the_section_grid(make):
    from export_drafts import nine_digit_report

    report = {"2021": filled_2021(), "nine-2019": nine_digit_report(2019), "nine-2021": nine_digit_report(2023)}[make]
    layout = build_layout(report)
    for key, cells in joined_tables(layout).items():
        assert cells == expected_cells(report, key)
    for table in layout.tables():
        assert sum(table.col_widths_pt) == pytest.approx(layout.page.text_width_pt)
    if make != "2021":
        return
    applications = layout.tables()[1]
    assert applications.header_rows == section_grid(report.format.section("applications")).header_rows > 0
    money = [c.text for c in layout.tables()[0].cells if c.text.startswith("5949")]
    assert money == ["5949.088667"]  # the 2021 column label already says 万元


def test_zero_change_and_money_as_printed(sample_report):
    cells = {c.text for t in build_layout(sample_report).tables() for c in t.cells if c.role is Role.VALUE}
    assert "0" in cells and "减2" in cells and "-2" not in cells
    money = sample_report.value(next(r for r, col in sample_report.input_cells() if col.kind is CellKind.MONEY))
    assert money is not None and money.text() in cells and money.text().endswith("元")


@pytest.mark.parametrize("value, text", [(3, "增3"), (-2, "减2"), (0, "0"), (-999_999_999, "减999999999")])
def test_signed_change_printed_as_increase_or_decrease(report_2019, value, text):
    from model.report import CellRef

    report_2019.set_value(CellRef("item5", "licensing", "change"), value)
    table = build_layout(report_2019).tables()[0]
    cell = next(c for c in table.cells if c.role is Role.VALUE and c.col == 2 and c.row == 6)
    assert cell.text == text


def test_signature_under_the_text_when_a_date_is_filled(sample_report):
    assert not any(p.style is SIGNATURE for p in build_layout(sample_report).paragraphs())
    sample_report.set_field("report_date", "2020-01-15")
    paragraphs = build_layout(sample_report).paragraphs()
    unit, date = paragraphs[-2:]
    assert (unit.text, date.text) == ("火花镇人民政府", "2020年1月15日")
    assert unit.style is date.style is SIGNATURE and unit.space_before == 1  # one blank line under the text
    assert date.right_chars == 4  # the date four characters in from the right edge
    # the unit is centred over the date
    assert unit.right_chars + text_ems(unit.text) / 2 == pytest.approx(4 + text_ems(date.text) / 2, abs=0.25)
    assert paragraphs[-3].keeps_with_next and unit.keeps_with_next  # never alone on a page


def test_approval_block_is_optional_with_room_to_sign(sample_report):
    sample_report.set_field("report_date", "2020-01-15")
    plain = [p.text for p in build_layout(sample_report).paragraphs()]
    signed = build_layout(sample_report, approval_block=True).paragraphs()
    assert not any("盖章" in t for t in plain)
    assert [p.text for p in signed[-3:]] == ["单位（盖章）：火花镇人民政府", "负责人（签字）：", "日期：2020年1月15日"]
    assert signed[-2].space_before >= 2 and signed[-3].space_before >= 2  # room for the seal and the signature
    assert signed[-3].style.left_chars > 0  # in the right half, not flush right
    assert all(p.keeps_with_next for p in signed[-4:-1])


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


@pytest.mark.parametrize("line, style, lead", [
    ("（一）加强组织领导", HEADING_2, 0),
    ("（二）加强组织领导。", HEADING_2, 0),
    ("(一)总体情况：2019年，我镇积极贯彻落实。", BODY, 8),
    ("（十二）主动公开情况。全年公开信息98条。", BODY, 11),
    ("一是加强组织领导。", BODY, 0),
    ("（一）" + "很长" * 30, BODY, 0),
])
def test_second_level_headings_in_kaiti(line, style, lead):
    paragraph = classify(line)
    assert (paragraph.style, paragraph.lead) == (style, lead)
    if lead:
        assert paragraph.spans()[0] == (line[:lead], FontRole.SUBHEADING)
        assert paragraph.spans()[1][1] is FontRole.BODY


def test_no_number_breaks_and_labels_break_only_between_units():
    from export_drafts import nine_digit_report

    from model.formats.label_breaks import label_units

    for report in (nine_digit_report(2019), nine_digit_report(2023), filled_2021()):
        for table in build_layout(report).tables():
            for cell in table.cells:
                width = sum(table.col_widths_pt[cell.col:cell.col + cell.colspan])
                if cell.role is Role.VALUE:
                    assert len(cell.lines) <= 1
                    if cell.text:
                        assert text_ems(cell.text) * cell.size * cell.scale + 2 * PAD_X <= width, cell.text
                        # never smaller than 六号: too wide even so, the digits are condensed (字符缩放)
                        assert cell.size >= 7.5 and cell.scale >= 0.5, (table.key, cell.text)
                elif cell.text:
                    assert "".join(cell.lines) == cell.text
                    units = label_units(cell.text)
                    bounds = {sum(len(u) for u in units[:i]) for i in range(len(units) + 1)}
                    at = 0
                    for line in cell.lines:
                        assert at in bounds, (cell.text, cell.lines)
                        assert text_ems(line) * cell.size + 2 * PAD_X + slack(cell.size) <= width + 0.01
                        at += len(line)


def test_refused_label_stays_whole_or_breaks_after_the_number(sample_report):
    applications = build_layout(sample_report).tables()[1]
    lines = next(c.lines for c in applications.cells if c.text == "（三）不予公开")
    assert lines in (("（三）不予公开",), ("（三）", "不予公开"))
    note = next(c.lines for c in applications.cells if c.role is Role.CORNER)
    assert not any(line[0] in "，。、；：）" for line in note)


def test_export_package_imports_neither_qt_nor_renderers():
    code = ("import sys, export, export.layout, export.report_layout, export.fonts, export.options, "
            "export.table_layout, export.typeset;"
            "bad = [m for m in ('PySide6', 'shiboken6', 'docx', 'reportlab') if m in sys.modules];"
            "print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(__import__("pathlib").Path(__file__).parent.parent))
    assert out.stdout.strip() == "[]"
