"""DOCX renderer (python-docx, imported lazily): writes a PageLayout with East-Asian font names set."""
from __future__ import annotations

import io

from .layout import Align, FontRole, PageLayout, Paragraph, TableBlock
from .options import ExportOptions


def render_docx(layout: PageLayout, options: ExportOptions, title: str = "", author: str = "") -> bytes:
    from docx import Document
    from docx.shared import Mm, Pt

    doc = Document()
    page = layout.page
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    section.top_margin, section.bottom_margin = Mm(page.top_mm), Mm(page.bottom_mm)
    section.left_margin, section.right_margin = Mm(page.left_mm), Mm(page.right_mm)
    section.footer_distance = Mm(page.bottom_mm - 7 - 8)
    section.header_distance = Mm(15)
    normal = doc.styles["Normal"]
    set_font(normal.element.get_or_add_rPr(), options.docx_font(FontRole.BODY))
    normal.font.size = Pt(16)
    normal.paragraph_format.space_after = Pt(0)
    doc.core_properties.title = title
    doc.core_properties.author = author
    for block in layout.blocks:
        if isinstance(block, Paragraph):
            _paragraph(doc.add_paragraph(), block, options, page.line_pitch)
        else:
            _table(doc, block, options)
    _page_number(section.footer, layout, options)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def set_font(rpr, name: str) -> None:
    """Name the font in every slot of w:rFonts, East-Asian included (python-docx's font.name skips it)."""
    from docx.oxml.ns import qn

    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _run(paragraph, text: str, font: str, size: float):
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    set_font(run._r.get_or_add_rPr(), font)
    return run


_ALIGN_NAMES = {Align.LEFT: "LEFT", Align.CENTER: "CENTER", Align.RIGHT: "RIGHT", Align.JUSTIFY: "JUSTIFY"}


def _alignment(align: Align):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return getattr(WD_ALIGN_PARAGRAPH, _ALIGN_NAMES[align])


def _paragraph(p, block: Paragraph, options: ExportOptions, line_pitch: float) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    fmt = p.paragraph_format
    p.alignment = _alignment(block.align)
    fmt.first_line_indent = Pt(block.indent_chars * block.size) if block.indent_chars else None
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(max(line_pitch, block.size * 1.4))
    fmt.space_before, fmt.space_after = Pt(block.space_before), Pt(block.space_after)
    fmt.keep_with_next = block.keep_with_next
    fmt.page_break_before = block.page_break_before or None
    run = _run(p, "", options.docx_font(block.role), block.size)
    for i, line in enumerate(block.text.split("\n")):
        if i:
            run.add_break()
        run.add_text(line)


def _table(doc, block: TableBlock, options: ExportOptions) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Mm, Pt

    cols = len(block.col_widths_mm)
    table = doc.add_table(rows=block.rows, cols=cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _fixed_layout(table)
    # the cells before merging (table.cell() rescans the whole table on every call)
    grid = [list(row.cells) for row in table.rows]
    for c, width in enumerate(block.col_widths_mm):
        table.columns[c].width = Mm(width)
        for r in range(block.rows):
            grid[r][c].width = Mm(width)
    for r, row in enumerate(table.rows):
        _row_properties(row, repeat=r < block.header_rows)
    font = options.docx_font(FontRole.TABLE)
    kept = {r for first, last in block.keep_ranges() for r in range(first, last)}
    for cell in block.cells:
        target = grid[cell.row][cell.col]
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(grid[cell.row + cell.rowspan - 1][cell.col + cell.colspan - 1])
        _center_vertically(target)
        p = target.paragraphs[0]
        p.alignment = _alignment(cell.align)
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.keep_with_next = cell.row + cell.rowspan - 1 in kept
        if cell.text:
            _run(p, cell.text, font, block.size)


def _fixed_layout(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)


def _row_properties(row, repeat: bool) -> None:
    """Never split a row across pages; mark header rows to repeat on each page."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if repeat:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _center_vertically(cell) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _page_number(footer, layout: PageLayout, options: ExportOptions) -> None:
    """Footer `— PAGE —`, centred, with a PAGE field Word and LibreOffice fill in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    page = layout.page
    before, _, after = page.page_number_format.partition("{}")
    p = footer.paragraphs[0]
    p.alignment = _alignment(Align.CENTER)
    font = options.docx_font(FontRole.BODY)
    _run(p, before, font, page.page_number_size)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = _run(p, "", font, page.page_number_size)
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)
    _run(p, after, font, page.page_number_size)
