"""Printing and preview: printed pages equal the exported pages; preview pages through; A4 uncropped."""
from __future__ import annotations

import pytest
from PIL import Image, ImageChops, ImageStat
from PySide6.QtCore import QBuffer, QIODevice, QSize
from PySide6.QtPrintSupport import QPrinter

from export import pdf_bytes
from ui.output.print_preview import PrintPreviewDialog
from ui.output.printing import PdfPages, page_range, prepare_printer, print_pages, render_page

DPI = 100


def to_pil(image) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    from io import BytesIO

    return Image.open(BytesIO(bytes(buffer.data()))).convert("L")


def difference(a: Image.Image, b: Image.Image) -> float:
    """Mean grey-level difference after a slight blur (vector vs raster anti-aliasing is not a difference)."""
    from PIL import ImageFilter

    assert a.size == b.size
    blur = ImageFilter.GaussianBlur(1.5)
    return ImageStat.Stat(ImageChops.difference(a.filter(blur), b.filter(blur))).mean[0]


TOLERANCE = 3.0


def pdf_printer(path, resolution=300) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(resolution)
    prepare_printer(printer)
    return printer


@pytest.fixture
def exported(qapp, sample_report):
    return PdfPages(pdf_bytes(sample_report))


def test_printed_pages_match_exported_pages(qapp, exported, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    assert print_pages(exported, printer) == exported.page_count()
    printed = PdfPages(out.read_bytes())
    assert printed.page_count() == exported.page_count() >= 4
    for index in range(exported.page_count()):
        size = printed.document.pagePointSize(index)
        assert abs(size.width() - 595.3) < 1.5 and abs(size.height() - 841.9) < 1.5  # A4, portrait
        want = to_pil(render_page(exported, index, DPI))
        got = to_pil(render_page(printed, index, DPI, QSize(*want.size)))
        diff = difference(want, got)
        assert diff < TOLERANCE, f"page {index + 1} differs by {diff:.2f}"
        if index:
            other = to_pil(render_page(exported, index - 1, DPI))
            assert difference(other, got) > 2 * TOLERANCE  # the comparison does see a wrong page
        ink = 255 - ImageStat.Stat(got).mean[0]
        assert ink > 0.1, f"page {index + 1} printed blank"


def test_nothing_cropped_at_a4(qapp, exported, tmp_path):
    """The printed page keeps a white margin all round: the content sits inside the paper."""
    out = tmp_path / "printed.pdf"
    print_pages(exported, pdf_printer(out, 150))
    printed = PdfPages(out.read_bytes())
    for index in range(printed.page_count()):
        page = to_pil(render_page(printed, index, DPI))
        box = ImageChops.invert(page).getbbox()
        assert box is not None
        left, top, right, bottom = box
        width, height = page.size
        assert left > 0.05 * width and right < 0.95 * width
        assert top > 0.03 * height and bottom < 0.97 * height


def test_print_page_range(qapp, exported, tmp_path):
    out = tmp_path / "range.pdf"
    printer = pdf_printer(out, 100)
    printer.setFromTo(2, 3)
    assert page_range(printer, exported.page_count()) == [1, 2]
    print_pages(exported, printer, page_range(printer, exported.page_count()))
    printed = PdfPages(out.read_bytes())
    assert printed.page_count() == 2
    want = to_pil(render_page(exported, 1, DPI))
    got = to_pil(render_page(printed, 0, DPI, QSize(*want.size)))
    assert difference(want, got) < TOLERANCE


def test_preview_pages_through(qtbot, exported):
    dialog = PrintPreviewDialog(exported, "火花镇", on_print=None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    count = exported.page_count()
    assert dialog.page_box.maximum() == count
    assert dialog.current_page() == 0
    dialog.next_page()
    qtbot.waitUntil(lambda: dialog.current_page() == 1)
    assert dialog.page_box.value() == 2
    dialog.page_box.setValue(count)
    qtbot.waitUntil(lambda: dialog.current_page() == count - 1)
    dialog.next_page()
    assert dialog.current_page() == count - 1
    dialog.previous_page()
    qtbot.waitUntil(lambda: dialog.current_page() == count - 2)
    dialog.zoom_in()
    first = dialog.zoom()
    dialog.zoom_in()
    assert dialog.zoom() > first
    dialog.zoom_out()
    assert dialog.zoom() == pytest.approx(first)
    assert dialog.zoom_label.text().endswith("%")
    assert not dialog.print_button.isEnabled()


def _page_texts(data: bytes) -> list[str]:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


@pytest.mark.parametrize("errors, ticked, expected", [(3, True, "草稿"), (0, True, ""), (3, False, "")])
def test_watermark_only_when_asked_and_while_errors(qtbot, sample_report, errors, ticked, expected):
    from export import ExportOptions
    from ui.output.print_options import PrintOptionsDialog

    dialog = PrintOptionsDialog(errors, approval=False, watermark=ticked)
    qtbot.addWidget(dialog)
    options = dialog.options()
    assert options.watermark == expected
    texts = _page_texts(pdf_bytes(sample_report, options))
    plain = _page_texts(pdf_bytes(sample_report, ExportOptions()))
    assert len(texts) == len(plain)
    for page, clean in zip(texts, plain):  # rotated text comes out one character per line
        assert ("草" in page and "稿" in page) == bool(expected)
        assert "稿" not in clean


def test_approval_block_on_the_last_page(qtbot, sample_report):
    from ui.output.print_options import PrintOptionsDialog

    dialog = PrintOptionsDialog(0, approval=True, watermark=True)
    qtbot.addWidget(dialog)
    texts = _page_texts(pdf_bytes(sample_report, dialog.options()))
    assert "负责人" in texts[-1] and "盖章" in texts[-1]
    assert all("负责人（签字）" not in t for t in texts[:-1])
