"""Round trip: a report exported to DOCX and to PDF reads back with every value and text identical."""
from __future__ import annotations

from decimal import Decimal

import pytest
from export_drafts import soffice_pdfs
from test_export_layout import filled_2021

from export import ExportOptions, docx_bytes, pdf_bytes
from export.report_layout import text_paragraphs
from importer import import_file
from model.cells import Money
from model.draft import report_to_dict
from model.printed_totals import total_cells
from model.report import CellRef, Report
from model.rules import check

MAKERS = {".docx": docx_bytes, ".pdf": pdf_bytes}


def as_printed(report: Report) -> dict:
    """The draft of a report as its printed form shows it: text lines as printed (no blank lines or indents)."""
    doc = report_to_dict(report)
    for key in ("generator", "printed_totals", "explanations", "last_year"):  # what the printed form does not show
        doc.pop(key, None)
    doc["texts"] = {k: "\n".join(p.text for p in text_paragraphs(v)) for k, v in doc["texts"].items()}
    return doc


def filled_2019(sample_report) -> Report:
    """The sample with a number in every cell, 减2, an amount with decimals and the unit 万元."""
    report = sample_report
    for i, (ref, column) in enumerate(report.input_cells()):
        if column.kind.value == "count":
            report.set_value(ref, 3 * i + 1)
    report.set_value(CellRef("item5", "licensing", "change"), 7)
    report.set_value(CellRef("item9", "procurement", "amount"), Money(Decimal("7539.443252"), "万元"))
    return report


def round_trip(report: Report, suffix: str, tmp_path, options: ExportOptions | None = None):
    path = tmp_path / f"report{suffix}"
    path.write_bytes(MAKERS[suffix](report, options))
    return import_file(path)


@pytest.mark.parametrize("suffix", MAKERS)
@pytest.mark.parametrize("which", ["sample", "2019-filled", "2021-filled"])
def test_every_value_and_text_comes_back(which, suffix, sample_report, tmp_path):
    report = {"sample": lambda: sample_report, "2019-filled": lambda: filled_2019(sample_report),
              "2021-filled": filled_2021}[which]()
    result = round_trip(report, suffix, tmp_path)
    imported = result.report
    assert as_printed(imported) == as_printed(report)
    assert (imported.format, imported.year, imported.unit_name) == (report.format, report.year, report.unit_name)
    # nothing missing, nothing left out; the only interpretation is the unit of a 2019 amount printed as "0元"
    assert result.not_found == [] and result.ignored == []
    # every printed total was read, and equals its parts
    assert set(imported.stated_totals) == set(total_cells(report.format))
    assert all(imported.stated_totals[ref] == report.count(ref) for ref in imported.stated_totals)
    assert result.disagreements == []
    assert [f.message for f in result.findings] == [f.message for f in check(report)]
    assert result.kind == ("Word" if suffix == ".docx" else "PDF")


@pytest.mark.parametrize("suffix", MAKERS)
def test_signed_copy_with_date_and_draft_watermark(suffix, sample_report, tmp_path):
    """The approval block (单位（盖章）, 负责人（签字）, 日期) is read as the 落款: its date is the report date; the
    草稿 watermark across the PDF pages is no text of the report."""
    sample_report.set_field("report_date", "2020-01-15")
    options = ExportOptions(approval_block=True, watermark="草稿")
    result = round_trip(sample_report, suffix, tmp_path, options)
    assert as_printed(result.report) == as_printed(sample_report)
    assert result.report.report_date == "2020-01-15"
    assert any(line.startswith("落款") and "2020-01-15" in line for line in result.read)


def test_a_long_text_over_several_pages_keeps_its_paragraphs(report_2021, tmp_path):
    lines = [f"第{i}段：" + "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，" * (i % 4 + 1) + "。"
             for i in range(1, 40)]
    lines.append("English words and 2023年 numbers 1,234 mixed in a line that is long enough to wrap once.")
    report_2021.set_text("overview", "\n".join(lines))
    result = round_trip(report_2021, ".pdf", tmp_path)
    assert result.report.texts["overview"] == "\n".join(lines)
    assert result.pages >= 3


def test_a_frame_around_each_page_is_no_table(sample_report, tmp_path):
    """Published PDFs often draw a border round the page, with a masthead rule: the text inside the boxes is
    still running text."""
    import io

    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes(sample_report)))
    width, height = float(writer.pages[0].mediabox.width), float(writer.pages[0].mediabox.height)
    frame = io.BytesIO()
    c = canvas.Canvas(frame, pagesize=(width, height))
    c.rect(40, 40, width - 80, height - 80)
    c.line(40, height - 90, width - 40, height - 90)  # a masthead rule: the frame is two boxes
    c.save()
    border = PdfReader(io.BytesIO(frame.getvalue())).pages[0]
    for page in writer.pages:
        page.merge_page(border)
    path = tmp_path / "framed.pdf"
    with path.open("wb") as f:
        writer.write(f)
    result = import_file(path)
    assert as_printed(result.report) == as_printed(sample_report)


@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_pdf_published_from_word_by_libreoffice(tmp_path):
    """The Word file printed to PDF by an office suite (its own fonts, line breaks and table drawing); 三 runs
    over pages with its header rows repeated."""
    report = filled_2021()
    docx = tmp_path / "report.docx"
    docx.write_bytes(docx_bytes(report))
    (pdf,) = soffice_pdfs([docx], tmp_path)
    result = import_file(pdf)
    assert as_printed(result.report) == as_printed(report)
    assert result.not_found == [] and result.ignored == []


@pytest.mark.parametrize("suffix", MAKERS)
def test_the_explanations_page_after_the_report_is_left_out(suffix, tmp_path):
    """The 检查说明 page this program may print after the report (for the county office) is not part of 六."""
    from model.rules import Severity

    report = filled_2021()
    report.set_text("other", "无。")  # silent on 信息处理费: a warning the unit explains
    warning = next(f for f in check(report) if f.severity is Severity.WARNING)
    report.set_explanation(warning.key, "本单位不收取信息处理费，故未提及。")
    result = round_trip(report, suffix, tmp_path, ExportOptions(explanations_page=True, approval_block=True))
    assert as_printed(result.report) == as_printed(report)
    assert any(n.section == "检查说明" and "未导入" in n.text and "在“检查结果”中对相应警告重新填写" in n.text
               for n in result.ignored)  # explanations are not read back: the clerk is told where to give them


@pytest.mark.parametrize("suffix", MAKERS)
@pytest.mark.parametrize("year", [2019, 2023])
def test_a_short_report_whose_text_lines_are_all_indented_keeps_its_headings(year, suffix, tmp_path):
    """One short line per section: no full line and no unindented line tells the PDF's paragraphs apart, so the
    headings must (二's heading was run into 一's text, 五 and 六 into one paragraph, their texts lost)."""
    report = Report.for_year(year, "青山乡人民政府")
    report.set_text("overview", "青山乡人民政府本年度政府信息公开工作情况。")
    report.set_text("problems", "信息公开的及时性有待提高，将加强培训和考核。")
    report.set_text("other", "本年度未收取信息处理费。")
    report.set_value(CellRef("applications", "new", "natural"), 5)
    report.set_value(CellRef("applications", "disclosed", "natural"), 5)
    result = round_trip(report, suffix, tmp_path)
    assert result.not_found == []
    assert as_printed(result.report) == as_printed(report)


@pytest.mark.parametrize("suffix", MAKERS)
@pytest.mark.parametrize("year", [2020, 2023])
def test_the_largest_valid_numbers_and_the_longest_unit_come_back(year, suffix, tmp_path):
    """9-digit values in every cell (printed totals of 10 and 11 digits) and a 100-character unit name that fills
    five title lines: the importer reads what any valid draft exports."""
    from export_drafts import nine_digit_report

    report = nine_digit_report(year)
    result = round_trip(report, suffix, tmp_path)
    imported = result.report
    assert imported.unit_name == report.unit_name and len(report.unit_name) == 100
    assert as_printed(imported) == as_printed(report)
    assert all(imported.stated_totals[ref] == report.count(ref) for ref in total_cells(report.format))
    assert max(imported.stated_totals.values()) > 10 ** 10
