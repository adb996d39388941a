"""Printing the exported PDF's pages: QtPdf rasterises each page at the printer's resolution, in bands."""
from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

BAND_PIXELS = 6_000_000  # pixels rendered at once (about 24 MB), whatever the printer's resolution


class PdfPages(QObject):
    """A QPdfDocument over PDF bytes held in memory (the buffer lives as long as the document)."""

    def __init__(self, data: bytes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)

    def page_count(self) -> int:
        return self.document.pageCount()


def has_printer() -> bool:
    return bool(QPrinterInfo.availablePrinterNames())


def prepare_printer(printer: QPrinter) -> None:
    """A4 portrait, whole paper as the drawing area (the PDF pages carry their own margins)."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)


def page_range(printer: QPrinter, count: int) -> list[int]:
    """Zero-based pages chosen in the print dialog (all when no range was given)."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 and last <= 0:
        return list(range(count))
    first = max(first, 1)
    last = min(last if last > 0 else count, count)
    return list(range(first - 1, last))


def print_pages(pages: PdfPages, printer: QPrinter, indexes: list[int] | None = None) -> int:
    """Paint the chosen pages onto printer, each scaled to the paper without cropping. Returns pages printed."""
    document = pages.document
    indexes = list(range(document.pageCount())) if indexes is None else indexes
    if not indexes:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("printer could not start")
    try:
        for n, index in enumerate(indexes):
            if n:
                printer.newPage()
            _paint_page(document, index, painter, printer.paperRect(QPrinter.Unit.DevicePixel).toRect())
    finally:
        painter.end()
    return len(indexes)


def _paint_page(document: QPdfDocument, index: int, painter: QPainter, paper: QRect) -> None:
    size = document.pagePointSize(index)
    scale = min(paper.width() / size.width(), paper.height() / size.height())
    width, height = max(1, round(size.width() * scale)), max(1, round(size.height() * scale))
    left = (paper.width() - width) // 2
    top = (paper.height() - height) // 2
    band = max(1, BAND_PIXELS // width)
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(QSize(width, height))
    for y in range(0, height, band):
        rows = min(band, height - y)
        options.setScaledClipRect(QRect(0, y, width, rows))
        image = document.render(index, QSize(width, rows), options)
        painter.drawImage(QPoint(left, top + y), on_white(image))


def on_white(image: QImage) -> QImage:
    """The rendered page over white paper (QtPdf leaves the background transparent)."""
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def render_page(pages: PdfPages, index: int, dpi: float, pixels: QSize | None = None) -> QImage:
    """One page as an image at dpi (or at exactly pixels), on white (the tests compare printed and exported pages)."""
    if pixels is None:
        size = pages.document.pagePointSize(index)
        pixels = QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
    return on_white(pages.document.render(index, pixels))
