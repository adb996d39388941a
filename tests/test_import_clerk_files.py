"""Reports typed in Word/WPS with python-docx's table API, and the PDFs LibreOffice prints from them (tables run
over pages, rows and header rows cut by a page break): every value, text and header field read back."""
from __future__ import annotations

import shutil

import pytest
from clerk_docx import Look, clerk_docx, differences, distinct_report
from export_drafts import soffice_pdfs

from importer import import_file
from importer.document import Cell, RawTable
from importer.page_breaks import join_broken_rows

VARIANTS = {
    "wps-2019": (2019, Look(wps_borders=True, number_indent="　　", label_tail=" ", half_brackets=True)),
    "wps-2023": (2023, Look(wps_borders=True, number_indent="　　", label_tail="　", half_brackets=True)),
    "four-tables-2021": (2021, Look(four_tables=True, half_brackets=True, label_tail=" ")),
    "split-repeat-2022": (2022, Look(split_three_at=16, repeat_header=True)),
    "split-2024": (2024, Look(split_three_at=12)),
    "header-rows-2022": (2022, Look(word_header_rows=True)),
    "extra-right-2022": (2022, Look(extra_column="right")),
    "extra-left-2019": (2019, Look(extra_column="left", number_indent="　　")),
    "equal-widths-2021": (2021, Look(four_tables=True, official_widths=False)),
    "large-print-2020": (2020, Look(table_size=14, official_widths=False)),  # numbers wrap in their cells
}


NO_LINES = (2022, Look(no_lines=True))  # read from Word; from a PDF not (no ruling lines to find the cells by)


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("clerks")
    return {name: clerk_docx(distinct_report(year), look, folder / f"{name}.docx")
            for name, (year, look) in {**VARIANTS, "no-lines-2022": NO_LINES}.items()}


@pytest.mark.parametrize("name", [*VARIANTS, "no-lines-2022"])
def test_word_files_as_clerks_make_them(documents, name):
    result = import_file(documents[name])
    assert differences(distinct_report(VARIANTS.get(name, NO_LINES)[0]), result.report) == []
    assert result.not_found == [] and result.ignored == []  # block titles typed above 二's tables are layout


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_pdfs_printed_from_them_by_libreoffice(documents, tmp_path):
    soffice_pdfs(list(documents.values()), tmp_path)
    run_over = 0
    for name, (year, _look) in VARIANTS.items():
        result = import_file(tmp_path / f"{name}.pdf")
        assert differences(distinct_report(year), result.report) == [], name
        assert result.not_found == [] and result.ignored == [], (name, result.not_found, result.ignored)
        run_over += sum("页的表格" in line and "–" in line for line in result.read)
    assert run_over >= 8  # tables read whole over page breaks (三 in every report, 二 or 四 in some)
    result = import_file(tmp_path / "no-lines-2022.pdf")  # tables without lines: not read, and the summary says why
    assert result.not_found[0].text.startswith("PDF文件中没有找到画有表格线的表格（表格没有画线，或是图片）")
    lines = result.text().split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("未找到（"))
    assert "请改用原始的 Word 文件导入" in lines[first + 1]  # the cause above the rows not found


# ---- a table run on over a page break, as the PDF reader stitches it (rows from the next page at `breaks`) ----

def table(rows: list[list[tuple]], breaks: list[int]) -> RawTable:
    """rows of (col, colspan, rowspan, text)."""
    cells = [Cell(r, c, rs, cs, text) for r, row in enumerate(rows) for c, cs, rs, text in row]
    return RawTable(cells, len(rows), max(c.col + c.colspan for c in cells), "第2–3页的表格", 2, breaks=breaks)


def texts(t: RawTable) -> list[list[str]]:
    return [[c.text.replace("\n", "") for c in sorted(t.cells, key=lambda c: c.col) if c.row == r]
            for r in range(t.rows)]


HEADER = [[(0, 1, 1, "信息内容"), (1, 1, 1, "自然人"), (2, 1, 1, "总计")]]


def test_a_label_cut_by_the_page_joins_its_halves_and_the_repeated_header_goes():
    t = join_broken_rows(table(HEADER + [[(0, 1, 1, "3.要求提供公开出版物"), (1, 1, 1, "178"), (2, 1, 1, "178")],
                                        [(0, 1, 1, "4.无正当理由大量反复申"), (1, 1, 1, "60"), (2, 1, 1, "60")]]
                                  + HEADER + [[(0, 1, 1, "请"), (1, 1, 1, ""), (2, 1, 1, "")],
                                              [(0, 1, 1, "5.要求行政机关确认或重新出具已获取信息"), (1, 1, 1, "7"),
                                               (2, 1, 1, "7")]], breaks=[3]))
    assert texts(t) == [["信息内容", "自然人", "总计"], ["3.要求提供公开出版物", "178", "178"],
                        ["4.无正当理由大量反复申请", "60", "60"], ["5.要求行政机关确认或重新出具已获取信息", "7", "7"]]


def test_numbers_below_a_label_whose_row_was_cut_join_it():
    t = join_broken_rows(table(HEADER + [[(0, 1, 1, "一、本年新收政府信息公开申请数量"), (1, 1, 1, ""), (2, 1, 1, "36")],
                                        [(0, 1, 1, ""), (1, 1, 1, "218"), (2, 1, 1, "5")]], breaks=[2]))
    assert texts(t) == [["信息内容", "自然人", "总计"], ["一、本年新收政府信息公开申请数量", "218", "365"]]


def test_a_header_cut_in_two_and_a_corner_cut_between_rows():
    corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    t = join_broken_rows(table([[(0, 1, 2, corner[:12]), (1, 2, 1, "申请人情况")],
                                [(1, 1, 1, "自然"), (2, 1, 1, "总计")],
                                [(0, 1, 1, corner[12:]), (1, 1, 1, "人"), (2, 1, 1, "")],
                                [(0, 1, 1, "一、本年新收政府信息公开申请数量"), (1, 1, 1, "2"), (2, 1, 1, "2")]],
                               breaks=[2]))
    assert texts(t)[:2] == [[corner, "申请人情况"], ["自然人", "总计"]] and t.rows == 3
    # the break fell after the first header row: the corner is made whole, the rows stay
    t = join_broken_rows(table([[(0, 1, 1, corner[:12]), (1, 2, 1, "申请人情况")],
                                [(0, 1, 1, corner[12:]), (1, 1, 1, "自然人"), (2, 1, 1, "总计")],
                                [(0, 1, 1, "一、本年新收政府信息公开申请数量"), (1, 1, 1, "2"), (2, 1, 1, "2")]],
                               breaks=[1]))
    assert texts(t) == [[corner, "申请人情况"], ["自然人", "总计"], ["一、本年新收政府信息公开申请数量", "2", "2"]]
    assert next(c for c in t.cells if c.col == 0 and c.row == 0).rowspan == 2


@pytest.mark.parametrize("rows, breaks", [
    ([[(0, 1, 1, "1.信访举报投诉类申请"), (1, 1, 1, "3"), (2, 1, 1, "3")],
      [(0, 1, 1, "2.重复申请"), (1, 1, 1, "4"), (2, 1, 1, "4")]], [1]),  # two whole rows
    ([[(0, 1, 1, "1.信访举报投诉类申请"), (1, 1, 1, ""), (2, 1, 1, "")],
      [(0, 1, 1, "2.重复申请"), (1, 1, 1, ""), (2, 1, 1, "")]], [1]),  # zeros left blank
    ([[(0, 1, 1, "结果维持"), (1, 1, 1, "总计")], [(0, 1, 1, "3"), (1, 1, 1, "3")]], [1]),  # 四: header, numbers
    ([[(0, 1, 1, "结果维持"), (1, 1, 1, "总计")], [(0, 1, 1, ""), (1, 1, 1, "")]], [1]),  # 四 left blank
])
def test_rows_whole_on_both_sides_stay_apart(rows, breaks):
    before = table(rows, breaks)
    assert texts(join_broken_rows(before)) == texts(before)


def test_the_rest_of_a_header_row_with_nothing_in_it_goes():
    t = join_broken_rows(table([[(0, 2, 1, "行政复议")], [(0, 2, 1, "")], [(0, 1, 1, "结果维持"), (1, 1, 1, "总计")],
                                [(0, 1, 1, "3"), (1, 1, 1, "3")]], breaks=[1]))
    assert texts(t) == [["行政复议"], ["结果维持", "总计"], ["3", "3"]]


def test_the_summary_says_what_a_printed_report_cannot_hold(documents):
    from importer.result import NOT_IN_DOCUMENT

    result = import_file(documents["wps-2019"])
    lines = result.text().split("\n")
    at = lines.index("报告中没有、未导入的信息：")
    assert "上年报告的关联" in lines[at + 1] and "文件 ▸ 关联上年报告…" in lines[at + 1]
    assert result.as_dict()["not_in_document"] == list(NOT_IN_DOCUMENT)


# ---- which tables on two pages are one ----

def fragment(page: int, rows: list[list[str]], top: float = 72.0, left: float = 85.0, width: float = 450.0):
    """A ruled table drawn on a page: one box per text, 20 points high, characters 8 points apart inside."""
    from importer.pdf_tables import Fragment

    boxes, chars = [], []
    for r, row in enumerate(rows):
        w = width / len(row)
        for c, text in enumerate(row):
            x0, y0 = left + c * w, top + 20 * r
            boxes.append((x0, y0, x0 + w, y0 + 20))
            chars += [{"text": ch, "x0": x0 + 2 + 8 * i, "x1": x0 + 9 + 8 * i, "top": y0 + 5, "bottom": y0 + 15,
                       "size": 10.0} for i, ch in enumerate(text)]
    bbox = (left, top, left + width, top + 20 * len(rows))
    return Fragment(page, 842.0, bbox, boxes, chars)


class Line:
    def __init__(self, top: float) -> None:
        self.top, self.bottom = top, top + 12


ROWS_3 = [["1.信访举报投诉类申请", "3", "3"], ["2.重复申请", "4", "4"]]


@pytest.mark.parametrize("case, chains", [
    ("run on", 1),
    ("text between", 2),  # a paragraph ends page 1 below the table
    ("heading above", 2),  # a line above the table on page 2
    ("running header", 1),  # a line above the body of page 2 only
    ("other edges", 2),
    ("apart", 2),
])
def test_tables_on_two_pages_are_one_when_nothing_is_between(case, chains):
    from importer.pdf_tables import stitch

    a = fragment(1, ROWS_3, top=700)
    b = fragment(2, ROWS_3, top=100, width=400 if case == "other edges" else 450)
    lines_1 = [Line(760)] if case == "text between" else []
    lines_2 = {"heading above": [Line(80)], "running header": [Line(40)]}.get(case, [])
    found = stitch([([a], lines_1), ([b], lines_2)], apart=lambda x, y: case == "apart")
    assert len(found) == chains


def test_two_parts_of_the_report_are_not_stitched():
    from importer.pdf_reader import _apart

    proactive = fragment(1, [["信息内容", "上一年项目数量", "本年增/减"], ["行政事业性收费", "0", "0"],
                             ["信息内容", "采购项目数量", "采购总金额"], ["政府集中采购", "0", "0"]], top=700)
    applications = fragment(2, [["一、本年新收政府信息公开申请数量", "1", "1"], ["二、上年结转政府信息公开申请数量", "0", "0"],
                                ["（一）予以公开", "1", "1"]])
    more = fragment(2, [["1.信访举报投诉类申请", "3", "3"], ["2.重复申请", "4", "4"], ["3.要求提供公开出版物", "0", "0"]])
    assert _apart(proactive, applications)
    assert not _apart(applications, more)
    assert not _apart(fragment(1, [["（本列数据的勾稽关系为：第一项加", "申请人情况"]]), more)  # too little to tell
