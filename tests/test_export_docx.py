"""DOCX export read back with python-docx and as XML: cells and merges, styles, fonts, grid, footers, schema
order, properties; and as LibreOffice prints it (numbers whole, 禁则, 28 characters a line)."""
from __future__ import annotations

import io
import re
import shutil
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from export_drafts import (
    body_lines, check_printed_lines, full_line_units, nine_digit_report, pages_with, pdftotext, soffice_pdfs,
    typeset_drafts,
)
from test_export_layout import expected_cells, filled_2021, joined_tables

from export import ExportOptions, docx_bytes, export_report
from export.layout import MM
from export.report_layout import build_layout
from export.table_widths import PAD_X
from model.errors import ReportError
from model.version import APP_NAME, VERSION

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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


def check_table(block, table) -> None:
    for cell in block.cells:
        got = table.cell(cell.row, cell.col)
        assert cell_text(got) == "\n".join(cell.lines), (block.key, cell.row, cell.col)
        assert got._tc.grid_span == cell.colspan
        last = table.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1)
        assert last._tc is got._tc  # every position of a merged area is the same cell
        if cell.rowspan > 1:
            assert raw_tc(table, cell.row, cell.col).vMerge == "restart"
            assert {raw_tc(table, r, cell.col).vMerge for r in range(cell.row + 1, cell.row + cell.rowspan)} \
                == {"continue"}


@pytest.mark.parametrize("make", ["sample", "2021", "nine-2019", "nine-2021"])
def test_every_label_and_number_in_its_cell(make, sample_report):
    report = {"sample": sample_report, "2021": filled_2021(), "nine-2019": nine_digit_report(2019),
              "nine-2021": nine_digit_report(2023)}[make]
    layout = build_layout(report)
    doc = open_docx(docx_bytes(report))
    assert len(doc.tables) == len(layout.tables())
    for block, table in zip(layout.tables(), doc.tables):
        check_table(block, table)
    for key, cells in joined_tables(layout).items():  # the layout's tables are the official grid
        assert cells == expected_cells(report, key)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == report.attachment_label
    assert texts[1].replace("\n", "") == report.title()
    for section in report.format.sections:
        assert section.heading in texts
    for text in report.texts.values():
        for line in text.splitlines():
            if line.strip(" \u3000"):
                assert line.strip(" \u3000") in texts


def test_numbers_too_wide_at_six_points_are_condensed_not_shrunk():
    # 15 columns of 9-digit numbers (四) cannot be printed at 7.5 pt on 158 mm: Word's 字符缩放 (w:w)
    # keeps their height instead of shrinking them to 4 pt
    report = nine_digit_report(2023)
    layout = build_layout(report)
    doc = open_docx(docx_bytes(report))
    seen = set()
    for block, table in zip(layout.tables(), doc.tables):
        for cell in block.cells:
            if cell.role.value != "value" or not cell.text:
                continue
            (run,) = [r for p in table.cell(cell.row, cell.col).paragraphs for r in p.runs]
            scale = run._r.find(f"{W}rPr/{W}w")
            assert (scale is None and cell.scale == 1) or int(scale.get(qn("w:val"))) == round(cell.scale * 100)
            assert (run.font.size.pt if run.font.size else 10.5) == cell.size >= 7.5
            seen.add((block.key, cell.scale))
    assert ("review", 0.5) in seen and any(k == "applications" and s < 1 for k, s in seen)


def test_official_merges_of_the_form(sample_report):
    doc = open_docx(docx_bytes(sample_report))
    proactive, applications, review = doc.tables
    title = proactive.cell(0, 0)
    assert title.text == "第二十条第（一）项" and title._tc.grid_span == len(proactive.columns) == 4
    applicants = next(c for c in applications.rows[0].cells if c.text == "申请人情况")
    assert applicants._tc.grid_span == 7
    col = 1
    rows = [r for r in range(len(applications.rows)) if applications.cell(r, col).text.replace("\n", "")
            == "（三）不予公开"]
    assert len(rows) == 8
    tcs = [raw_tc(applications, r, col) for r in rows]
    assert tcs[0].vMerge == "restart" and all(tc.vMerge == "continue" for tc in tcs[1:])
    assert applications.cell(rows[0], 2).text.replace("\n", "") == "1.属于国家秘密"
    assert next(c for c in review.rows[0].cells if c.text == "行政诉讼")._tc.grid_span == 10
    changes = {c.text for row in proactive.rows for c in row.cells}
    assert "减2" in changes and "-2" not in changes


def keeps(row) -> bool:
    paragraphs = [p for tc in row._tr.tc_lst for p in tc.iterchildren(f"{W}p")]
    flags = {p.find(f"{W}pPr/{W}keepNext") is not None for p in paragraphs}
    assert len(flags) == 1  # the whole row, or none of it
    return flags.pop()


def test_header_rows_repeat_rows_never_split_and_groups_stay_together(sample_report):
    layout = build_layout(sample_report)
    doc = open_docx(docx_bytes(sample_report))
    for block, table in zip(layout.tables(), doc.tables):
        repeat = [r._tr.trPr.find(qn("w:tblHeader")) is not None for r in table.rows]
        assert repeat == [r < block.header_rows for r in range(block.rows)]
        assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)
        # rows of a keep unit are kept with the next row: Word breaks only between units
        expected = [r < block.header_rows or any(a <= r < b for a, b in block.units) for r in range(block.rows)]
        assert [keeps(row) for row in table.rows] == expected
        heights = [int(r._tr.trPr.find(qn("w:trHeight")).get(qn("w:val"))) for r in table.rows]
        assert heights == [int(h * 20) for h in block.row_heights_pt]
    assert [u for u in layout.tables()[0].units] == [(0, 3), (4, 7), (8, 11), (12, 14), (15, 17)]


def test_widths_and_cell_margins_as_the_layout_says(sample_report):
    layout = build_layout(sample_report)
    doc = open_docx(docx_bytes(sample_report))
    for block, table in zip(layout.tables(), doc.tables):
        tbl_pr = table._tbl.tblPr
        assert tbl_pr.find(qn("w:tblW")).get(qn("w:w")) == "8960"  # 448 pt, the text width
        grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert grid == [round(w * 20) for w in block.col_widths_pt] and sum(grid) == 8960
        margins = tbl_pr.find(qn("w:tblCellMar"))
        assert [margins.find(qn(f"w:{side}")).get(qn("w:w")) for side in ("left", "right")] == \
            [str(round(PAD_X * 20))] * 2


TBL_PR = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
          "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
          "tblCaption", "tblDescription")
TC_PR = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
         "tcFitText", "vAlign", "hideMark")
SECT_PR = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
           "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
           "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings")
SETTINGS = ("zoom", "defaultTabStop", "evenAndOddHeaders", "characterSpacingControl", "noLineBreaksAfter",
            "noLineBreaksBefore", "compat", "themeFontLang", "decimalSymbol", "listSeparator")


def in_order(element, sequence) -> None:
    names = [child.tag.replace(W, "") for child in element]
    assert all(n in sequence for n in names), names
    positions = [sequence.index(n) for n in names]
    assert positions == sorted(positions), names
    if "headerReference" not in sequence and "footerReference" not in sequence:
        assert len(names) == len(set(names)), names  # each property once


def test_schema_order_and_table_layout_once(sample_report):
    from docx.oxml.text.font import CT_RPr
    from docx.oxml.text.parfmt import CT_PPr

    data = docx_bytes(nine_digit_report(2019))
    body = open_docx(data).element.body
    tables = body.findall(qn("w:tbl"))
    assert tables
    for tbl in tables:
        tbl_pr = tbl.find(qn("w:tblPr"))
        in_order(tbl_pr, TBL_PR)
        assert len(tbl_pr.findall(qn("w:tblLayout"))) == 1
        assert tbl_pr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        for tc_pr in tbl.iter(qn("w:tcPr")):
            in_order(tc_pr, TC_PR)
    p_seq = [t.split(":")[1] for t in CT_PPr._tag_seq] if hasattr(CT_PPr, "_tag_seq") else None
    r_seq = [t.split(":")[1] for t in CT_RPr._tag_seq] if hasattr(CT_RPr, "_tag_seq") else None
    p_seq = p_seq or _PPR
    r_seq = r_seq or _RPR
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        from lxml import etree

        for name in ("word/document.xml", "word/styles.xml", "word/footer1.xml", "word/footer2.xml"):
            root = etree.fromstring(z.read(name))
            for ppr in root.iter(qn("w:pPr")):
                in_order(ppr, p_seq)
            for rpr in root.iter(qn("w:rPr")):
                in_order(rpr, r_seq)
        in_order(etree.fromstring(z.read("word/document.xml")).find(f"{W}body/{W}sectPr"), SECT_PR)
        in_order(etree.fromstring(z.read("word/settings.xml")), SETTINGS)


_PPR = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
        "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
        "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
        "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
        "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
_RPR = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
        "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
        "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
        "em", "lang", "eastAsianLayout", "specVanish", "oMath")


def style_font(doc, style_id: str) -> str:
    style = doc.styles.element.get_by_id(style_id)
    return style.rPr.rFonts.get(qn("w:eastAsia"))


def test_real_paragraph_styles_with_outline_levels_and_kaiti(sample_report):
    doc = open_docx(docx_bytes(sample_report))
    by_style = {}
    for p in doc.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Title"] == ["火花镇人民政府\n2019年政府信息公开工作年度报告"]
    assert by_style["Heading 1"] == [s.heading for s in sample_report.format.sections]
    assert len(by_style["Body Text"]) > 10
    levels = {sid: doc.styles.element.get_by_id(sid).pPr.find(qn("w:outlineLvl")) for sid in ("Heading1",
                                                                                           "Heading2")}
    assert {sid: el.get(qn("w:val")) for sid, el in levels.items()} == {"Heading1": "0", "Heading2": "1"}
    assert style_font(doc, "Title") == "方正小标宋简体" and style_font(doc, "Heading1") == "黑体"
    assert style_font(doc, "Heading2") == "楷体_GB2312" and style_font(doc, "BodyText") == "仿宋_GB2312"
    assert style_font(doc, "TableText") == "仿宋_GB2312" and style_font(doc, "Footer") == "宋体"
    assert style_font(doc, "RunInHeading") == "楷体_GB2312"
    first = next(p for p in doc.paragraphs if p.text.startswith("(一)总体情况"))
    assert first.runs[0].text == "(一)总体情况：" and first.runs[0].style.name == "小标题"
    assert first.runs[1].text.startswith("2019年")
    normal = doc.styles.element.get_by_id("Normal").pPr
    assert normal.find(qn("w:widowControl")).get(qn("w:val")) == "0"  # 22 lines on every page
    assert normal.find(qn("w:kinsoku")) is not None and normal.find(qn("w:jc")).get(qn("w:val")) == "both"
    heading = next(p for p in doc.paragraphs if p.text == "三、收到和处理政府信息公开申请情况")
    assert heading.paragraph_format.keep_with_next is not False
    assert doc.styles.element.get_by_id("Heading1").pPr.find(qn("w:keepNext")) is not None


def test_font_names_are_configurable(sample_report):
    options = ExportOptions(title_font="宋体", heading_font="微软雅黑", subheading_font="楷体", body_font="仿宋",
                            table_font="宋体")
    data = docx_bytes(sample_report, options)
    doc = open_docx(data)
    assert (style_font(doc, "Title"), style_font(doc, "Heading1"), style_font(doc, "BodyText"),
            style_font(doc, "TableText"), style_font(doc, "RunInHeading")) == ("宋体", "微软雅黑", "仿宋", "宋体", "楷体")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        fonts = re.findall(r'w:font w:name="([^"]+)"', z.read("word/fontTable.xml").decode())
    assert sorted(fonts) == sorted({"宋体", "微软雅黑", "楷体", "仿宋"})



def test_a_font_name_no_document_can_hold_is_refused_in_chinese(sample_report, tmp_path):
    out = tmp_path / "r.docx"
    with pytest.raises(ReportError) as info:  # the names come from a settings file that may be edited by hand
        export_report(sample_report, out, ExportOptions(body_font="仿宋\x01"))
    assert info.value.message.startswith("导出字体设置中的字体名称第3个字处含有控制字符 U+0001")
    assert not out.exists()


def test_chinese_language_fonts_and_true_properties(sample_report):
    data = docx_bytes(sample_report)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        xml = {n: z.read(n).decode("utf-8") for n in names if n.endswith((".xml", ".rels"))}
    assert not any("thumbnail" in n or "customXml" in n or "theme" in n for n in names)
    everything = "".join(xml.values())
    for foreign in ("ja-JP", "ＭＳ", "MS Mincho", "Cambria", "Calibri", "Times New Roman", "python-docx",
                    "Macintosh", "2013-12-23"):
        assert foreign not in everything, foreign
    fonts = re.findall(r'w:font w:name="([^"]+)"', xml["word/fontTable.xml"])
    assert sorted(fonts) == sorted({"方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312", "宋体"})
    assert all(re.search(r"[\u4e00-\u9fff]", f) for f in fonts)
    assert 'w:altName w:val="仿宋"' in xml["word/fontTable.xml"]  # Word's stand-in where 仿宋_GB2312 is missing
    langs = set(re.findall(r'<w:lang [^>]*w:eastAsia="([^"]+)"', everything))
    assert langs == {"zh-CN"}
    doc = open_docx(data)
    runs = [r for p in doc.paragraphs for r in p.runs] + [r for t in doc.tables for row in t.rows
                                                           for c in row.cells for p in c.paragraphs for r in p.runs]
    assert runs and all(r._r.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN" for r in runs)
    props = doc.core_properties
    assert props.title == sample_report.title() and props.author == "火花镇人民政府"
    now = datetime.now(timezone.utc)
    assert abs(props.created - now) < timedelta(minutes=5) and abs(props.modified - now) < timedelta(minutes=5)
    assert props.language == "zh-CN" and props.comments == ""
    assert f"<Application>{APP_NAME} {VERSION}</Application>" in xml["docProps/app.xml"]


def test_page_setup_grid_and_odd_even_page_numbers(sample_report):
    data = docx_bytes(sample_report)
    doc = open_docx(data)
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin)] == [37, 35]
    text_width = section.page_width - section.left_margin - section.right_margin
    assert round(section.left_margin.mm) == 27 and text_width / 12700 == pytest.approx(448, abs=0.1)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert (grid.get(qn("w:type")), grid.get(qn("w:linePitch")), grid.get(qn("w:charSpace"))) == \
        ("linesAndChars", "579", "0")  # 28 三号 characters × 22 lines of 28.95 pt
    assert doc.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    for footer in (odd, even):
        assert footer._p.xpath(".//w:instrText")[0].text.strip() == "PAGE"
        assert footer.text == "— 1 —" and footer.style.name == "Footer"
    assert odd.alignment == 2 and odd.paragraph_format.right_indent.pt == 14  # odd pages right, one character in
    assert even.alignment == 0 and even.paragraph_format.left_indent.pt == 14  # even pages left


def test_signature_and_approval_block(sample_report):
    sample_report.set_field("report_date", "2020-01-15")
    doc = open_docx(docx_bytes(sample_report))
    unit, date = doc.paragraphs[-2:]
    assert (unit.text, date.text) == ("火花镇人民政府", "2020年1月15日")
    assert unit.style.name == date.style.name == "Signature" and date.alignment is None
    assert date.paragraph_format.right_indent.pt == 64  # four 三号 characters in
    signed = [p.text for p in open_docx(docx_bytes(sample_report, ExportOptions(approval_block=True))).paragraphs]
    assert signed[-3:] == ["单位（盖章）：火花镇人民政府", "负责人（签字）：", "日期：2020年1月15日"]


# ------------------------------------------------------------------ as LibreOffice prints it

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
LO_BODY = (20.0, 21.6)  # LibreOffice's line height of 三号 text (WenQuanYi stands in for 仿宋_GB2312)


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """The sample, the 9-digit drafts (one with 20,000-character sections) and plain prose, as DOCX and then
    as LibreOffice's PDF, converted in one run."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("lo")
    reports = typeset_drafts(plain_length=6000)
    files = []
    for name, report in reports.items():
        path = folder / f"{name}.docx"
        path.write_bytes(docx_bytes(report))
        files.append(path)
    pdfs = soffice_pdfs(files, folder)
    return {name: (report, pdf) for (name, report), pdf in zip(reports.items(), pdfs)}


@needs_soffice
@pytest.mark.parametrize("name", ["sample", "nine", "long", "plain"])
def test_libreoffice_prints_numbers_whole_and_keeps_chinese_line_breaking(converted, name):
    report, pdf = converted[name]
    text = pdftotext(pdf)
    check_printed_lines(report, text)
    flat = "".join(text.split())
    for section in report.format.sections:
        assert section.heading in flat


@needs_soffice
def test_libreoffice_lines_hold_28_characters(converted):
    _report, pdf = converted["plain"]
    counts = full_line_units(pdf, 27 * MM, 448, heights=LO_BODY)
    assert len(counts) > 100
    # LibreOffice never lets a mark hang past the edge (Word does, w:overflowPunct): it moves the last
    # character down with the mark instead, so a line before a closing mark holds 27
    assert set(counts) <= {26, 27, 28} and counts.count(28) > 0.7 * len(counts)


@needs_soffice
def test_libreoffice_page_numbers_odd_right_even_left(converted):
    _report, pdf = converted["sample"]
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) >= 4
        for number, page in enumerate(doc.pages, start=1):
            foot = [w for w in page.extract_words() if w["top"] > page.height - 35 * MM]
            assert "".join(w["text"] for w in foot) == f"—{number}—"
            x0, x1 = min(w["x0"] for w in foot), max(w["x1"] for w in foot)
            if number % 2:
                assert x1 == pytest.approx(27 * MM + 448 - 14, abs=2)
            else:
                assert x0 == pytest.approx(27 * MM + 14, abs=2)


@needs_soffice
def test_libreoffice_repeats_headers_and_group_labels_of_a_cut_table(converted):
    import pdfplumber

    _report, pdf = converted["nine"]
    with pdfplumber.open(pdf) as doc:
        pages = [{"".join((cell or "").split()) for t in page.extract_tables() for row in t for cell in row}
                 for page in doc.pages]
    groups = ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理", "（七）总计")
    continued = [cells for cells in pages if cells & set(groups)]
    assert len(continued) >= 2
    for cells in continued:
        assert {"申请人情况", "三、本年度办理结果"} <= cells


@needs_soffice
def test_libreoffice_keeps_a_table_that_fits_a_page_whole_with_its_heading(converted):
    report, pdf = converted["sample"]
    heading, first, last = pages_with(pdf, report.format.section("applications").heading,
                                      "一、本年新收政府信息公开申请数量", "四、结转下年度继续办理")
    assert len(heading) == len(first) == len(last) == 1 and heading == first == last


@needs_soffice
def test_libreoffice_never_leaves_a_heading_at_the_foot_of_a_page(converted):
    for name in ("sample", "nine", "long"):
        report, pdf = converted[name]
        headings = {s.heading for s in report.format.sections}
        last = {}
        for page, _y, text, *_ in body_lines(pdf, heights=(0, 100)):
            if not text.startswith("—"):
                last[page] = text
        assert not set(last.values()) & headings, name


def test_a_docx_renderer_failure_is_a_chinese_message(sample_report, monkeypatch):
    import export.docx_render as docx_render
    from model.errors import ReportError

    monkeypatch.setattr(docx_render, "render_docx", lambda *_a: (_ for _ in ()).throw(KeyError("w:tblLayout")))
    with pytest.raises(ReportError, match="生成 Word 文档时出现意外错误"):
        docx_bytes(sample_report)


def test_file_sizes_stay_small(sample_report, tmp_path: Path):
    assert len(docx_bytes(sample_report)) < 40_000  # no template ballast (styles, thumbnail, themes)
