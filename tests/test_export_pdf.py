"""PDF export read back with pdfplumber/pypdf/pdftotext: cells, fonts, 禁则, the 28 × 22 grid, page numbers, splits."""
from __future__ import annotations

import io
import shutil

import pdfplumber
import pytest
from export_drafts import (
    body_lines, check_printed_lines, full_line_units, lines_per_page, nine_digit_report, pages_with, pdftotext,
    typeset_drafts,
)
from pypdf import PdfReader
from test_export_layout import expected_cells, filled_2021, joined_tables

from export import ExportOptions, pdf_bytes
from export.fonts import BUNDLED, PdfFonts, installed_fonts, load_font
from export.layout import MM
from export.report_layout import build_layout
from export.pdf_table import TableFlowable
from export.typeset import text_ems
from model.grid import Role
from model.version import APP_NAME, VERSION

LEFT = 27 * MM
WIDTH = 448.0


def page_texts(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def flat(text: str) -> str:
    return "".join(text.split())


def drawn_table(block, fonts) -> list[list[str | None]]:
    """One table piece drawn alone on a page, read back by pdfplumber."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    flowable = TableFlowable(block, fonts, 10_000)
    width, height = flowable.wrap(500, 10_000)
    canvas = Canvas(buffer, pagesize=(width + 40, height + 40))
    flowable.drawOn(canvas, 20, 20)
    canvas.save()
    with pdfplumber.open(io.BytesIO(buffer.getvalue())) as pdf:
        tables = pdf.pages[0].extract_tables()
    assert len(tables) == 1
    return tables[0]


def check_table(block, table) -> None:
    covered = set()
    for cell in block.cells:
        got = table[cell.row][cell.col]
        assert flat(got or "") == flat(cell.text), (block.key, cell.row, cell.col)
        if cell.lines:
            assert (got or "").split("\n") == list(cell.lines)  # the layout's own line breaks, no others
        covered |= {(r, c) for r in range(cell.row, cell.row + cell.rowspan)
                    for c in range(cell.col, cell.col + cell.colspan)} - {(cell.row, cell.col)}
    # positions inside a merged cell are merged in the PDF too (pdfplumber reports None)
    assert all(table[r][c] is None for r, c in covered), block.key


@pytest.mark.parametrize("make", ["sample", "2021", "nine-2019", "nine-2021"])
def test_every_label_and_number_in_its_cell(make, sample_report):
    report = {"sample": sample_report, "2021": filled_2021(), "nine-2019": nine_digit_report(2019),
              "nine-2021": nine_digit_report(2023)}[make]
    layout = build_layout(report)
    fonts = PdfFonts()
    for block in layout.tables():
        check_table(block, drawn_table(block, fonts))
    for key, cells in joined_tables(layout).items():  # the layout's tables are the official grid
        assert cells == expected_cells(report, key)
    text = flat("".join(t.strip().rsplit("\n", 1)[0] for t in page_texts(pdf_bytes(report))))  # no page numbers
    assert report.attachment_label in text and flat(report.title()) in text
    for section in report.format.sections:
        assert section.heading in text
    for body in report.texts.values():
        for line in body.splitlines():
            assert flat(line) in text


def test_numbers_too_wide_at_six_points_are_condensed_not_shrunk():
    report = nine_digit_report(2023)
    review = next(t for t in build_layout(report).tables() if t.key == "review")
    numbers = {c.text: c for c in review.cells if c.role is Role.VALUE and c.text}
    assert {(c.size, c.scale) for c in numbers.values()} == {(7.5, 0.5)}
    with pdfplumber.open(io.BytesIO(pdf_bytes(report))) as pdf:
        words = [w for page in pdf.pages for w in page.extract_words(extra_attrs=["size"]) if w["text"] in numbers]
    assert {w["text"] for w in words} == set(numbers)  # each number whole, as one word
    for w in words:
        assert w["size"] == pytest.approx(7.5, abs=0.01)  # 六号 high
        cell = numbers[w["text"]]
        assert w["x1"] - w["x0"] <= text_ems(cell.text) * 7.5 * 0.5 + 0.5  # half as wide as 六号 digits


def test_page_numbers_odd_right_even_left_one_character_in(sample_report):
    data = pdf_bytes(sample_report)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= 3
        for number, page in enumerate(pdf.pages, start=1):
            words = page.extract_words()
            foot = [w for w in words if w["top"] > page.height - 35 * MM]
            assert "".join(w["text"] for w in foot) == f"—{number}—"
            x0, x1 = min(w["x0"] for w in foot), max(w["x1"] for w in foot)
            if number % 2:
                assert x1 == pytest.approx(LEFT + WIDTH - 14, abs=1.5)  # one 4号 character in from the right
            else:
                assert x0 == pytest.approx(LEFT + 14, abs=1.5)
            sizes = {round(c["size"]) for c in page.chars if c["top"] > page.height - 35 * MM}
            assert sizes == {14}
            baseline = next(c["matrix"][5] for c in page.chars if c["text"] == "—")
            dash = baseline + 0.3 * 14  # the dash stands about 0.3 em above the baseline
            assert 35 * MM - dash == pytest.approx(7 * MM, abs=1.0)  # 7 mm under the text block


def fonts_used(data: bytes) -> list:
    reader = PdfReader(io.BytesIO(data))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    return list(fonts.values())


def test_every_font_embedded_and_subset(sample_report):
    fonts = fonts_used(pdf_bytes(sample_report))
    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType"
        assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
        assert font["/BaseFont"][7] == "+", font["/BaseFont"]  # ABCDEF+Name marks a subset


def test_shipped_font_alone_prints_the_report(sample_report):
    data = pdf_bytes(sample_report, ExportOptions(system_fonts=False))
    names = {font["/BaseFont"].split("+", 1)[1] for font in fonts_used(data)}
    assert names == {"BousungEG-Light-GB"}  # AR PL SungtiL GB, shipped in resources/fonts
    assert sample_report.title() in flat("".join(page_texts(data)))
    assert BUNDLED.stat().st_size < 6_000_000


def test_second_level_headings_in_kaiti(sample_report):
    kai = next((p for n, p in installed_fonts().items() if n in ("simkai.ttf", "gkai00mp.ttf")), None)
    if kai is None:
        pytest.skip("no 楷体 TrueType font installed (fonts-arphic-gkai00mp)")
    with pdfplumber.open(io.BytesIO(pdf_bytes(sample_report))) as pdf:
        chars = pdf.pages[0].chars
    lead = "".join(c["text"] for c in chars if "Kai" in c["fontname"] or "kai" in c["fontname"])
    assert "(一)总体情况：" in lead and "2019" not in lead  # only the run-in heading


def test_missing_character_falls_back_to_a_font_that_has_it(sample_report):
    bundled = load_font(BUNDLED)
    ch = "堃"  # not in GB2312: missing from the shipped font
    assert not bundled.has(ch)
    others = [p for p in installed_fonts().values() if (f := load_font(p)) is not None and f.has(ch)]
    if not others:
        pytest.skip("no installed font has 堃")
    sample_report.set_field("unit_name", "堃镇人民政府")
    data = pdf_bytes(sample_report, ExportOptions(pdf_font_files={}, system_fonts=True))
    assert "堃镇人民政府" in flat("".join(page_texts(data)))


def test_metadata_names_the_report_the_unit_and_the_application(sample_report):
    reader = PdfReader(io.BytesIO(pdf_bytes(sample_report)))
    info = reader.metadata
    assert info.title == sample_report.title() and info.author == "火花镇人民政府"
    assert info.creator == f"{APP_NAME} {VERSION}" and info.creation_date is not None
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"


def test_long_overview_flows_over_pages_and_keeps_all_text(report_2021):
    paragraphs = [f"第{i}段：" + "本机关坚持以公开为常态、不公开为例外，全面推进政务公开工作。" * 3 for i in range(1, 61)]
    report_2021.set_text("overview", "\n".join(paragraphs))
    texts = page_texts(pdf_bytes(report_2021))
    assert len(texts) >= 8
    assert all(t.strip().endswith(f"— {n} —") for n, t in enumerate(texts, start=1))
    text = flat("".join(t.strip().rsplit("\n", 1)[0] for t in texts))  # page numbers cut out
    for paragraph in paragraphs:
        assert paragraph in text
    assert "六、其他需要报告的事项" in text


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The PDFs the typesetting checks read: the sample, the 9-digit drafts, 20,000-character sections."""
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for name, report in typeset_drafts(plain_length=20000).items():
        path = folder / f"{name}.pdf"
        path.write_bytes(pdf_bytes(report))
        out[name] = (report, path)
    return out


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("name", ["sample", "nine", "long", "plain"])
def test_numbers_whole_and_no_forbidden_line_edges(printed, name):
    report, path = printed[name]
    check_printed_lines(report, pdftotext(path))


@pytest.mark.parametrize("name", ["sample", "plain"])
def test_full_lines_hold_28_characters_justified(printed, name):
    _report, path = printed[name]
    counts = full_line_units(path, LEFT, WIDTH)
    assert len(counts) > (20 if name == "sample" else 500)
    assert max(counts) == 28
    if name == "plain":  # Chinese characters and full-width marks only: 28, fewer only where 禁则 moved
        # a character (or the two-character …… / ——) down with a mark that may not start a line
        assert set(counts) <= {26, 27, 28} and counts.count(28) > 0.9 * len(counts)
    else:  # digits are half as wide: a number that does not fit moves down whole
        assert min(counts) >= 26 and counts.count(28) > 0.8 * len(counts)
    lines = body_lines(path)
    for (page, y, _t, _x0, x1), (next_page, next_y, _t2, next_x0, _x1) in zip(lines, lines[1:]):
        if page == next_page and abs(next_x0 - LEFT) < 1 and abs(next_y - y - 28.95) < 1:
            assert x1 >= LEFT + WIDTH - 1  # followed by a continuation line: justified


def test_22_lines_on_every_page_of_text(printed):
    _report, path = printed["plain"]
    counts = lines_per_page(path)
    text_pages = [n for n, count in counts.items() if count >= 20]
    assert len(text_pages) > 20
    assert all(counts[n] == 22 for n in text_pages[1:-1])


def test_a_heading_never_ends_a_page(printed):
    for name in ("sample", "nine", "long", "plain"):
        report, path = printed[name]
        headings = {s.heading for s in report.format.sections}
        last = {}
        for page, _y, text, *_ in body_lines(path, heights=(0, 100)):  # every line, tables included
            if not text.startswith("—"):
                last[page] = text
        assert not set(last.values()) & headings, name


def test_a_table_that_fits_a_page_goes_whole_to_the_next_with_its_heading(printed):
    # the sample's 三 does not fit under the end of 二 on page 3: rather than cut after row 二 (leaving
    # half of page 3 empty and the table in two), it goes whole to page 4
    report, path = printed["sample"]
    heading, first, last = pages_with(path, report.format.section("applications").heading,
                                      "一、本年新收政府信息公开申请数量", "四、结转下年度继续办理")
    assert len(heading) == len(first) == len(last) == 1 and heading == first == last


def test_nine_digit_tables_split_with_header_and_group_labels_repeated(printed):
    _report, path = printed["nine"]
    with pdfplumber.open(path) as pdf:
        pages = [{flat(cell or "") for table in page.extract_tables() for row in table for cell in row}
                 for page in pdf.pages]
    groups = ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理", "（七）总计")
    continued = [cells for cells in pages if cells & set(groups)]
    assert len(continued) >= 2  # the results of 三 go over more than one page
    for cells in continued:
        assert {"申请人情况", "三、本年度办理结果"} <= cells  # header rows and the group label on each page


def test_table_flowable_splits_only_between_keep_units(sample_report):
    from export.table_layout import table_block

    layout = build_layout(sample_report)
    proactive, kept, _review = layout.tables()
    fonts = PdfFonts()
    flowable = TableFlowable(proactive, fonts, layout.page.text_height_pt)
    room = sum(proactive.row_heights_pt[:6])  # the first block and part of the second
    head, tail = flowable.split(WIDTH, room)
    assert head.block.rows == 4 and tail.block.rows == proactive.rows - 4
    # 三 fits a page: kept whole, never cut wherever it lands
    assert TableFlowable(kept, fonts, layout.page.text_height_pt).split(WIDTH, kept.height - 1) == []
    applications = table_block(sample_report, sample_report.format.section("applications"), WIDTH)
    assert TableFlowable(applications, fonts, layout.page.text_height_pt).split(WIDTH, 50) == []
    head, tail = TableFlowable(applications, fonts, 10_000).split(WIDTH, sum(applications.row_heights_pt[:6]))
    assert [c.text for c in tail.block.cells if c.row < 3] == [c.text for c in applications.cells if c.row < 3]
    assert all(c.role is not Role.VALUE for c in tail.block.cells if c.row < 3)


@pytest.mark.parametrize("line", ["（一）", "（二）加强领导。"])
def test_thousands_of_headings_in_a_row_export(report_2021, line):
    # each second-level heading keeps with the next paragraph: a chain of thousands once exhausted Python's
    # recursion limit (a valid draft that could not be printed)
    from model.report import MAX_TEXT_CHARS

    count = MAX_TEXT_CHARS // (len(line) + 1)
    report_2021.set_text("overview", "\n".join([line] * count))
    texts = page_texts(pdf_bytes(report_2021))
    assert len(texts) > count // 22
    assert sum(t.split("\n").count(line) for t in texts) == count


def test_many_short_paragraphs_each_keep_their_indent(report_2021, tmp_path):
    # runs of plain paragraphs are set by one flowable (30,000 one-line paragraphs took seconds): each
    # paragraph still starts two characters in, and only full lines are justified
    long = "本机关坚持以公开为常态、不公开为例外全面推进政务公开工作，确保各项要求落实到位并取得实效。"
    report_2021.set_text("overview", "\n".join(["政"] * 30 + [long] * 3 + ["务"] * 30))
    path = tmp_path / "short.pdf"
    path.write_bytes(pdf_bytes(report_2021))
    lines = [(text, round(x0 - LEFT), round(x1 - LEFT)) for _p, _y, text, x0, x1 in body_lines(path)]
    singles = [line for line in lines if line[0] in ("政", "务")]
    assert len(singles) == 60 and all(x0 == 32 for _t, x0, _x1 in singles)
    starts = [line for line in lines if line[0].startswith("本机关")]
    assert len(starts) == 3 and all(x0 == 32 and x1 == 448 for _t, x0, x1 in starts)  # indented, justified
    ends = [line for line in lines if line[0].endswith("取得实效。")]
    assert len(ends) == 3 and all(x0 == 0 and x1 < 448 for _t, x0, x1 in ends)  # not spread


def test_a_pdf_renderer_failure_is_a_chinese_message(sample_report, monkeypatch):
    import export.pdf_render as pdf_render
    from model.errors import ReportError

    def broken(*_args, **_kwargs):
        raise TypeError("'>' not supported between instances of 'NoneType' and 'float'")

    monkeypatch.setattr(pdf_render, "render_pdf", broken)
    with pytest.raises(ReportError, match="生成 PDF 时出现意外错误") as caught:
        pdf_bytes(sample_report)
    assert "TypeError" in caught.value.message and "Traceback" not in caught.value.message


def test_long_texts_export_and_read_back(printed):
    import re

    report, path = printed["long"]
    lines = [ln for ln in pdftotext(path).splitlines() if not re.fullmatch(r"\s*— \d+ —\s*", ln)]
    text = flat("".join(lines))
    for body in report.texts.values():
        assert len(body) > 19_000
        for paragraph in body.splitlines():
            assert flat(paragraph) in text
