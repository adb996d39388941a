"""PDF renderer (reportlab platypus, imported lazily): draws a PageLayout with embedded subset TrueType fonts."""
from __future__ import annotations

import io
from xml.sax.saxutils import escape

from model.grid import Role

from .fonts import PdfFonts
from .layout import Align, FontRole, PageLayout, Paragraph, TableBlock

CELL_PADDING = (1.5, 2.0)  # points: left/right, top/bottom
TABLE_LEADING = 1.25  # line height / font size in tables


def render_pdf(layout: PageLayout, fonts: PdfFonts, title: str = "", author: str = "") -> bytes:
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    page = layout.page
    buffer = io.BytesIO()

    def footer(canvas, _doc) -> None:
        if layout.watermark:
            _draw_watermark(canvas, layout, fonts)
        _draw_page_number(canvas, layout, fonts, canvas.getPageNumber())

    width, height = page.width_mm * mm, page.height_mm * mm
    frame = Frame(page.left_mm * mm, page.bottom_mm * mm, width - (page.left_mm + page.right_mm) * mm,
                  height - (page.top_mm + page.bottom_mm) * mm, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="text")
    doc = BaseDocTemplate(
        buffer, pagesize=(width, height), pageTemplates=[PageTemplate("page", [frame], onPage=footer)],
        initialFontName=fonts.chains[FontRole.BODY].primary.name, initialFontSize=16,
        title=title, author=author, creator="政府信息公开工作年度报告填报助手",
    )
    story = []
    for block in layout.blocks:
        if isinstance(block, Paragraph):
            if block.page_break_before:
                from reportlab.platypus import PageBreak

                story.append(PageBreak())
            story.append(_paragraph(block, fonts, page.line_pitch))
        else:
            story.append(_table(block, fonts))
    doc.build(story)
    return buffer.getvalue()


def _markup(text: str, role: FontRole, fonts: PdfFonts) -> str:
    """Text as platypus markup; characters the role's font lacks are wrapped in a fallback font."""
    primary = fonts.chains[role].primary.name
    parts = []
    for name, run in fonts.runs(text, role):
        run = escape(run)
        parts.append(run if name == primary else f'<font face="{name}">{run}</font>')
    return "".join(parts)


_ALIGNMENT = {Align.LEFT: 0, Align.CENTER: 1, Align.RIGHT: 2, Align.JUSTIFY: 4}


def _style(name: str, font: str, size: float, leading: float, align: Align, indent: float = 0.0, **extra):
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, alignment=_ALIGNMENT[align],
                          firstLineIndent=indent, wordWrap="CJK", **extra)


def _paragraph(block: Paragraph, fonts: PdfFonts, line_pitch: float):
    from reportlab.platypus import Paragraph as RLParagraph

    leading = max(line_pitch, block.size * 1.4)
    style = _style(f"p{block.role.value}", fonts.chains[block.role].primary.name, block.size, leading,
                   block.align, block.indent_chars * block.size, spaceBefore=block.space_before,
                   spaceAfter=block.space_after, keepWithNext=int(block.keep_with_next))
    lines = block.text.split("\n")
    return RLParagraph("<br/>".join(_markup(line, block.role, fonts) for line in lines), style)


def _table(block: TableBlock, fonts: PdfFonts):
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import Table, TableStyle

    font = fonts.chains[FontRole.TABLE].primary.name
    styles = {align: _style(f"t{align.value}", font, block.size, block.size * TABLE_LEADING, align)
              for align in Align}
    cols = len(block.col_widths_mm)
    data: list[list[object]] = [["" for _ in range(cols)] for _ in range(block.rows)]
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING[0]),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING[0]),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING[1]),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING[1]),
    ]
    for cell in block.cells:
        if cell.text:
            data[cell.row][cell.col] = RLParagraph(_markup(cell.text, FontRole.TABLE, fonts), styles[cell.align])
        if cell.rowspan > 1 or cell.colspan > 1:
            commands.append(("SPAN", (cell.col, cell.row),
                             (cell.col + cell.colspan - 1, cell.row + cell.rowspan - 1)))
        if cell.role is Role.TITLE:
            commands.append(("BACKGROUND", (cell.col, cell.row), (cell.col + cell.colspan - 1, cell.row),
                             colors.Color(0.94, 0.94, 0.94)))
    commands += [("NOSPLIT", (0, first), (-1, last)) for first, last in block.keep_ranges()]
    table = Table(data, colWidths=[w * mm for w in block.col_widths_mm], repeatRows=block.header_rows,
                  style=TableStyle(commands), hAlign="CENTER", splitInRow=0)
    return table


def _draw_page_number(canvas, layout: PageLayout, fonts: PdfFonts, number: int) -> None:
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    page = layout.page
    size = page.page_number_size
    runs = fonts.runs(page.page_number_format.format(number), FontRole.BODY)
    width = sum(stringWidth(text, name, size) for name, text in runs)
    x = (page.width_mm * mm - width) / 2
    y = (page.bottom_mm - 7) * mm - size  # 7 mm below the text block, as GB/T 9704 places it
    for name, text in runs:
        canvas.setFont(name, size)
        canvas.drawString(x, y, text)
        x += stringWidth(text, name, size)


WATERMARK_SIZE = 120.0
WATERMARK_GREY = 0.82


def _draw_watermark(canvas, layout: PageLayout, fonts: PdfFonts) -> None:
    """Large light-grey text across the page centre, under the page content."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    page = layout.page
    runs = fonts.runs(layout.watermark, FontRole.HEADING)
    width = sum(stringWidth(text, name, WATERMARK_SIZE) for name, text in runs)
    canvas.saveState()
    canvas.setFillGray(WATERMARK_GREY)
    canvas.translate(page.width_mm * mm / 2, page.height_mm * mm / 2)
    canvas.rotate(35)
    x = -width / 2
    for name, text in runs:
        canvas.setFont(name, WATERMARK_SIZE)
        canvas.drawString(x, -WATERMARK_SIZE / 3, text)
        x += stringWidth(text, name, WATERMARK_SIZE)
    canvas.restoreState()
