"""PDF renderer (reportlab platypus, imported lazily): draws a PageLayout with embedded subset TrueType fonts."""
from __future__ import annotations

import io

from model.version import APP_NAME, VERSION

from .fonts import PdfFonts, runs_width, text_width
from .layout import BODY, MM, FontRole, PageLayout, Paragraph


def render_pdf(layout: PageLayout, fonts: PdfFonts) -> bytes:
    """The PDF of the layout: A4 pages, the text frame on the grid, page numbers, watermark; fonts embedded."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    page = layout.page
    buffer = io.BytesIO()

    def decorate(canvas, _doc) -> None:
        if layout.watermark:
            _draw_watermark(canvas, layout, fonts)
        _draw_page_number(canvas, layout, fonts, canvas.getPageNumber())

    width, height = page.width_mm * MM, page.height_mm * MM
    frame_top = height - page.top_mm * MM
    frame = Frame(page.left_mm * MM, frame_top - page.text_height_pt, page.text_width_pt, page.text_height_pt,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text")
    doc = BaseDocTemplate(
        buffer, pagesize=(width, height), pageTemplates=[PageTemplate("page", [frame], onPage=decorate)],
        title=layout.title, author=layout.author, subject=layout.title, creator=f"{APP_NAME} {VERSION}",
        lang="zh-CN", allowSplitting=1, initialFontName=fonts.chains[FontRole.BODY].primary.name,
        initialFontSize=16,
    )
    doc.build(story(layout, fonts))
    return buffer.getvalue()


def story(layout: PageLayout, fonts: PdfFonts) -> list:
    """The flowables: paragraphs on the grid, tables, headings kept with what follows them."""
    from reportlab.platypus.flowables import PageBreak, PageBreakIfNotEmpty

    from .pdf_paragraph import GridParagraph, KeepWithNext
    from .pdf_table import TableFlowable

    page = layout.page
    items: list = []
    for block, following in _plain_runs(layout.blocks):
        if isinstance(block, Paragraph):
            if block.page_break_before:
                items.append((PageBreakIfNotEmpty(), False))
            items.append((GridParagraph(block, fonts, page, following=following), block.keeps_with_next))
        else:
            if block.continued:
                items.append((PageBreakIfNotEmpty(), False))
            items.append((TableFlowable(block, fonts, page.text_height_pt), False))
    out: list = []
    chained: list[int] = []  # how many flowables each item of out keeps together
    for flowable, keep in reversed(items):
        # a chain longer than a page has lines can never be kept together: Word breaks it too (and a
        # deeper nesting of thousands of headings would exhaust Python's recursion limit)
        if keep and out and not isinstance(out[-1], PageBreak) and chained[-1] < page.lines_per_page:
            out[-1] = KeepWithNext(flowable, out[-1], page.text_height_pt)
            chained[-1] += 1
        else:
            out.append(flowable)
            chained.append(1)
    return out[::-1]


def _plain_runs(blocks) -> list[tuple[object, tuple[Paragraph, ...]]]:
    """Each block with the plain body paragraphs right after it that one flowable can set with it (same
    style, no keeps, no spacing, no run-in heading): a draft of 30,000 one-character lines is otherwise
    30,000 flowables and seconds of reportlab bookkeeping."""
    out: list[tuple[object, list[Paragraph]]] = []
    for block in blocks:
        if out and _plain(block) and isinstance(out[-1][0], Paragraph) and out[-1][0].style == block.style \
                and not out[-1][0].keeps_with_next and not out[-1][0].space_after and not out[-1][0].right_chars:
            out[-1][1].append(block)
        else:
            out.append((block, []))
    return [(block, tuple(following)) for block, following in out]


def _plain(block) -> bool:
    return (isinstance(block, Paragraph) and block.style is BODY and not block.lead and not block.space_before
            and not block.space_after and not block.right_chars and not block.page_break_before
            and not block.keeps_with_next)


def _draw_page_number(canvas, layout: PageLayout, fonts: PdfFonts, number: int) -> None:
    """`— N —` in 4号 宋体, its dashes 7 mm under the text block: odd pages right, even pages left, one
    character in from the edge of the text block (GB/T 9704 7.5)."""
    page = layout.page
    size = page.page_number_size
    runs = fonts.runs(page.page_number_format.format(number), FontRole.PAGE_NUMBER)
    width = runs_width(runs, size)
    left = page.left_mm * MM
    if number % 2:
        x = left + page.text_width_pt - size - width
    else:
        x = left + size
    y = (page.bottom_mm - page.page_number_gap_mm) * MM - 0.3 * size  # the dash sits 0.3 em above the baseline
    _draw_runs(canvas, runs, x, y, size)


def _draw_runs(canvas, runs: list[tuple[str, str]], x: float, y: float, size: float) -> None:
    """(font name, text) runs set one after the other from (x, y)."""
    for name, text in runs:
        canvas.setFont(name, size)
        canvas.drawString(x, y, text)
        x += text_width(text, name, size)


WATERMARK_SIZE = 120.0
WATERMARK_GREY = 0.82


def _draw_watermark(canvas, layout: PageLayout, fonts: PdfFonts) -> None:
    """Large light-grey text across the page centre, under the page content."""
    page = layout.page
    runs = fonts.runs(layout.watermark, FontRole.HEADING)
    width = runs_width(runs, WATERMARK_SIZE)
    canvas.saveState()
    canvas.setFillGray(WATERMARK_GREY)
    canvas.translate(page.width_mm * MM / 2, page.height_mm * MM / 2)
    canvas.rotate(35)
    _draw_runs(canvas, runs, -width / 2, -WATERMARK_SIZE / 3, WATERMARK_SIZE)
    canvas.restoreState()
