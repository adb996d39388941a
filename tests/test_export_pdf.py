"""PDF export read back with pdfplumber/pypdf: labels and numbers in their cells, fonts embedded, long text."""
from __future__ import annotations

import io

import pdfplumber
import pytest
from pypdf import PdfReader
from test_export_layout import TABLE_SECTIONS, expected_cells, filled_2021

from export import ExportOptions, pdf_bytes
from export.fonts import BUNDLED, installed_fonts, load_font


def page_texts(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def flat(text: str) -> str:
    return "".join(text.split())


def pdf_tables(data: bytes) -> list[list[list[str | None]]]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [t for page in pdf.pages for t in page.extract_tables()]


def check_tables(report, data: bytes) -> None:
    tables = pdf_tables(data)
    assert len(tables) == 3
    for key, table in zip(TABLE_SECTIONS, tables):
        covered = set()
        for (row, col), (text, rowspan, colspan) in expected_cells(report, key).items():
            got = table[row][col]
            assert flat(got or "") == flat(text), (key, row, col)
            covered |= {(r, c) for r in range(row, row + rowspan) for c in range(col, col + colspan)} - {(row, col)}
        # positions inside a merged cell are merged in the PDF too (pdfplumber reports None)
        assert all(table[r][c] is None for r, c in covered), key


@pytest.mark.parametrize("make", ["sample", "2021"])
def test_every_label_and_number_in_its_cell(make, sample_report):
    report = sample_report if make == "sample" else filled_2021()
    data = pdf_bytes(report)
    check_tables(report, data)
    text = flat("".join(page_texts(data)))
    assert report.attachment_label in text and report.title() in text
    for section in report.format.sections:
        assert section.heading in text
    for body in report.texts.values():
        for line in body.splitlines():
            assert flat(line) in text


def test_page_numbers_on_every_page(sample_report):
    texts = page_texts(pdf_bytes(sample_report))
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert text.strip().splitlines()[-1] == f"— {number} —"


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


def test_long_overview_flows_over_pages_and_keeps_all_text(report_2021):
    paragraphs = [f"第{i}段：" + "本机关坚持以公开为常态、不公开为例外，全面推进政务公开工作。" * 3 for i in range(1, 61)]
    report_2021.set_text("overview", "\n".join(paragraphs))
    data = pdf_bytes(report_2021)
    texts = page_texts(data)
    assert len(texts) >= 8
    assert all(t.strip().endswith(f"— {n} —") for n, t in enumerate(texts, start=1))
    text = flat("".join(t.strip().rsplit("\n", 1)[0] for t in texts))  # page numbers cut out
    for paragraph in paragraphs:
        assert paragraph in text
    assert "六、其他需要报告的事项" in text


def test_tables_repeat_header_rows_and_never_split_rows():
    from export.layout import build_layout
    from export.pdf_render import _table  # the flowable the renderer places
    from export.fonts import PdfFonts

    layout = build_layout(filled_2021())
    fonts = PdfFonts()
    applications = layout.tables()[1]
    flowable = _table(applications, fonts)
    assert flowable.repeatRows == applications.header_rows == 3
    assert flowable.splitInRow == 0
    proactive = _table(layout.tables()[0], fonts)
    # each 第二十条 block (title row, header row, its rows) stays on one page
    assert [(c[1][1], c[2][1]) for c in proactive._nosplitCmds] == layout.tables()[0].keep_ranges()
    assert layout.tables()[0].keep_ranges() == [(0, 3), (4, 6), (7, 10), (11, 13)]
