"""Chinese line breaking (禁则) and table splitting, checked on the pure functions both renderers rely on."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export.report_layout import build_layout
from export.typeset import CANNOT_END, CANNOT_START, HANGING, break_lines, em_width, tokens, wrap_ems
from model.formats import FORMATS
from model.formats.label_breaks import LABEL_BREAKS, label_units
from model.grid import Role, section_grid
from model.report import Report

ALPHABET = "政府信息公开工作我镇年度报告，。、；：？！（）《》“”‘’……——0123456789.% "


def lines_of(text: str, width: float, first: float | None = None) -> list[tuple[str, bool]]:
    toks = tokens(text)
    widths = [sum(em_width(c) for c in t) for t in toks]
    lines = break_lines(widths, toks, width if first is None else first, width)
    return [("".join(toks[ln.start:ln.end]), ln.hanging) for ln in lines]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=300), st.integers(min_value=6, max_value=28))
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(text, width):
    lines = lines_of(text, width)
    assert "".join(t for t, _ in lines).replace(" ", "") == text.replace(" ", "")
    for i, (line, hanging) in enumerate(lines):
        body = line[:-1] if hanging else line
        assert sum(em_width(c) for c in body) <= width + 1e-6 or len(tokens(body.strip())) == 1
        if hanging:
            assert line[-1] in HANGING
        if i and line.strip():
            # only a line with no break the rules allow (a single piece, a run of marks) breaks them
            previous = lines[i - 1][0].strip()
            assert line.strip()[0] not in CANNOT_START or not allowed_breaks(previous)
        if i < len(lines) - 1 and line.strip():
            assert line.strip()[-1] not in CANNOT_END or not allowed_breaks(line.strip())


def allowed_breaks(line: str) -> list[int]:
    """Token boundaries inside a line where the 禁则 rules allow a break."""
    toks = [t for t in tokens(line) if not t.isspace()]
    return [k for k in range(1, len(toks)) if toks[k][0] not in CANNOT_START and toks[k - 1][-1] not in CANNOT_END]


def test_a_run_of_marks_longer_than_a_line_breaks_where_the_line_is_full():
    # clerks type 。。。。。。 or ………… for an ellipsis: a run longer than a line can only break against the
    # rules; it once came out one character a line ('展', '。', '。', …: thousands of pages for a long run)
    lines = [line for line, _ in lines_of("我们的工作取得了很大进展" + "。" * 40 + "下一步继续努力", 28)]
    assert "".join(lines) == "我们的工作取得了很大进展" + "。" * 40 + "下一步继续努力"
    assert len(lines) == 3 and all(len(line) > 1 for line in lines)
    assert [len(line) for line, _ in lines_of("（" * 60, 28)] == [28, 28, 4]
    assert [len(line) for line, _ in lines_of("…" * 80, 28)] == [28, 28, 24]


def test_numbers_and_latin_words_never_break():
    text = "全年公开信息1234567890条，办理率达100%，网址www.gov.cn，编号2019-2020，金额75394432.52元。" * 3
    words = ("1234567890", "100%", "www.gov.cn", "2019-2020", "75394432.52")
    for width in range(12, 29):
        lines = [line for line, _ in lines_of(text, width)]
        for word in words:
            assert sum(line.count(word) for line in lines) == text.count(word), (width, word, lines)


def test_a_full_line_holds_28_characters_and_one_mark_may_hang():
    text = "本机关坚持以公开为常态、不公开为例外，全面推进政务公开工作，确保各项要求落实到位。"
    lines = lines_of(text, 28)
    assert lines[0] == ("本机关坚持以公开为常态、不公开为例外，全面推进政务公开工", False)  # 28 characters
    lines = lines_of("本机关坚持以公开为常态不公开为例外全面推进政务公开工作，确保落实。", 27)
    assert lines[0] == ("本机关坚持以公开为常态不公开为例外全面推进政务公开工作，", True)  # the comma hangs
    assert lines[1] == ("确保落实。", False)


def test_closing_marks_in_a_row_push_the_last_character_down():
    text = "一" * 27 + "“二”。三"
    lines = lines_of(text, 28)
    assert not lines[1][0].startswith(("”", "。"))
    assert not lines[0][0].endswith("“")


def test_labels_break_between_the_units_of_the_format_data():
    assert label_units("（三）不予公开") == ["（三）", "不予公开"]
    units = label_units("（三）不予公开")
    assert wrap_ems("（三）不予公开", 5, units) == ["（三）", "不予公开"]
    assert wrap_ems("（三）不予公开", 7, units) == ["（三）不予公开"]
    assert wrap_ems("（三）不予公开", 3, units) == ["（三）", "不予公", "开"]  # narrower than a word: any character
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert all(line[0] not in CANNOT_START for line in wrap_ems(note, 12, label_units(note)))


def test_every_printed_label_of_both_formats_has_its_word_breaks():
    """A label longer than four characters without data could only break at its marks."""
    for fmt in FORMATS:
        for section in fmt.table_sections():
            for cell in section_grid(section).cells:
                text = cell.text
                if cell.role in (Role.HEADER, Role.LABEL, Role.CORNER) and len(text) > 4 \
                        and max(len(u) for u in label_units(text)) > 4:
                    assert text in LABEL_BREAKS, text
    for label, marked in LABEL_BREAKS.items():
        assert marked.replace("|", "") == label


def test_a_table_taller_than_a_page_is_cut_between_row_groups():
    from export_drafts import nine_digit_report

    for year in (2019, 2023):
        layout = build_layout(nine_digit_report(year))
        page = layout.page.text_height_pt
        pieces = [t for t in layout.tables() if t.key == "applications"]
        assert len(pieces) >= 2 and [p.continued for p in pieces] == [False] + [True] * (len(pieces) - 1)
        header = [(c.row, c.col, c.text) for c in pieces[0].cells if c.row < pieces[0].header_rows]
        for piece in pieces:
            assert sum(piece.row_heights_pt) <= page + 0.01
            # header rows repeated on every piece
            assert [(c.row, c.col, c.text) for c in piece.cells if c.row < piece.header_rows] == header
        for piece in pieces[1:]:
            first = [c for c in piece.cells if c.row == piece.header_rows]
            # the continued group label is printed again over the rows it keeps
            assert any(c.text == "三、本年度办理结果" and c.col == 0 for c in first)
            # never inside a second-level group: its label starts on the piece
            assert all(c.row >= piece.header_rows for c in piece.cells if c.col == 1 and c.rowspan > 1)
        grid = section_grid(FORMATS[0 if year < 2021 else 1].section("applications"))
        assert sum(p.rows - p.header_rows for p in pieces) == grid.rows - grid.header_rows


def test_keep_units_are_blocks_and_row_groups(sample_report):
    from export.table_layout import table_block

    proactive, applications, review = build_layout(sample_report).tables()
    assert proactive.units == ((0, 3), (4, 7), (8, 11), (12, 14), (15, 17))  # one per 第二十条 block
    section = sample_report.format.section("applications")
    results = next(c for c in section_grid(section).cells if c.text == "三、本年度办理结果")
    unit = (results.row, results.row + results.rowspan - 1)
    assert unit in table_block(sample_report, section, 448).units  # where a table taller than a page is cut
    assert applications.units == ((3, applications.rows - 1),)  # this one fits a page: kept whole
    assert review.units == ((3, 3),)


def ordinary_report(year: int, value: int) -> Report:
    """Every count of the report `value` (its totals grow to 5–6 digits), money 1.5."""
    from decimal import Decimal

    from model.cells import Money
    from model.formats.definition import CellKind

    report = Report.for_year(year, "某某县人民政府办公室")
    for ref, column in report.input_cells():
        report.set_value(ref, Money(Decimal("1.5"), column.units[0]) if column.kind is CellKind.MONEY else value)
    return report


@pytest.mark.parametrize("year", [2020, 2023])
@pytest.mark.parametrize("value", [7, 142, 1428])
def test_table_three_with_ordinary_values_fits_one_page_with_its_heading(year, value):
    # 三 has 28 rows in the 2021 format: at 五号 with the usual padding it is a few points too tall for a
    # page with its heading; it is set tighter (less padding, then 小五) rather than cut
    layout = build_layout(ordinary_report(year, value))
    (table,) = [t for t in layout.tables() if t.key == "applications"]
    assert table.height <= layout.page.text_height_pt - 1.5 * layout.page.line_pitch  # heading, space before
    assert table.units == ((table.header_rows, table.rows - 1),)
    assert table.size >= 9 and table.pad_y >= 1.5
    assert all(c.size >= 9 and c.scale == 1 for c in table.cells if c.text)
    if value < 100:  # small values: 五号
        assert table.size == 10.5


def test_a_table_too_tall_for_any_setting_keeps_the_readable_one_and_is_cut():
    from export_drafts import nine_digit_report

    pieces = [t for t in build_layout(nine_digit_report(2023)).tables() if t.key == "applications"]
    assert len(pieces) >= 2 and all(p.size == 10.5 and p.pad_y == 2.5 for p in pieces)


@pytest.mark.parametrize("cut", [5, 9])
def test_slice_repeats_header_rows_and_cut_labels(sample_report, cut):
    applications = build_layout(sample_report).tables()[1]
    rest = applications.slice(cut, applications.rows)
    assert rest.header_rows == applications.header_rows == 3
    assert rest.rows == applications.rows - cut + 3
    label = next(c for c in rest.cells if c.text == "三、本年度办理结果")
    assert label.row == 3 and label.col == 0
    assert sum(rest.col_widths_pt) == pytest.approx(sum(applications.col_widths_pt))


@pytest.mark.parametrize("text, expected", [
    ("0000‘‘0’’", ["0000", "‘‘0’’"]),  # the break after the first piece is the only one the rules allow
    ("00000‘‘‘", ["00000", "‘‘‘"]),
])
def test_a_line_of_the_first_piece_alone_is_tried_before_breaking_the_rules(text, expected):
    # found by hypothesis: only breaks after the second piece were tried, so these broke against the rules
    assert [line for line, _ in lines_of(text, 6)] == expected
