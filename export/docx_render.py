"""DOCX renderer: the PageLayout as WordprocessingML, in real styles, packaged and saved through python-docx."""
from __future__ import annotations

import io
from datetime import datetime, timezone
from xml.sax.saxutils import escape

from .docx_package import JC, borders_xml, cell_margins_xml, package, run_xml, size_xml, twips
from .layout import WUHAO, PageLayout, Paragraph
from .options import ExportOptions
from .table_layout import TableBlock
from .table_widths import leading


def render_docx(layout: PageLayout, options: ExportOptions) -> bytes:
    """The .docx of the layout: the body and its parts written as WordprocessingML (docx_package), opened,
    given its document properties and saved by python-docx, the project's Word library."""
    from docx import Document

    body = []
    for block in layout.blocks:
        if isinstance(block, Paragraph):
            body.append(paragraph_xml(block, layout))
        else:
            if block.continued:  # a later piece of a cut table starts a new page
                body.append('<w:p><w:pPr><w:pStyle w:val="TableBreak"/></w:pPr></w:p>')
            body.append(table_xml(block))
    doc = Document(io.BytesIO(package(layout, options, "".join(body))))
    props = doc.core_properties
    now = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    props.title = layout.title
    props.subject = "政府信息公开工作年度报告"
    props.author = props.last_modified_by = layout.author
    props.created = props.modified = now
    props.revision = 1
    props.language = "zh-CN"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _run(text: str, extra: str = "") -> str:
    """One run; line breaks inside it as w:br, so a label stays one piece of text."""
    inner = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in text.split("\n"))
    return run_xml(inner, extra)


def paragraph_xml(p: Paragraph, layout: PageLayout) -> str:
    """A w:p in its style, with what the paragraph changes of the style, and its run-in heading in 小标题."""
    pitch = twips(layout.page.line_pitch)
    ppr = [f'<w:pStyle w:val="{p.style.style_id}"/>']
    if p.keep_with_next is not None and p.keep_with_next != p.style.keep_with_next:
        ppr.append("<w:keepNext/>" if p.keep_with_next else '<w:keepNext w:val="0"/>')
    if p.page_break_before:
        ppr.append("<w:pageBreakBefore/>")
    if p.space_before or p.space_after:
        ppr.append(f'<w:spacing w:before="{round(p.space_before * pitch)}" '
                   f'w:beforeLines="{round(p.space_before * 100)}" w:after="{round(p.space_after * pitch)}" '
                   f'w:afterLines="{round(p.space_after * 100)}"/>')
    if p.right_chars:
        ppr.append(f'<w:ind w:rightChars="{round(p.right_chars * 100)}" '
                   f'w:right="{twips(p.right_chars * p.size)}"/>')
    if p.lead:
        runs = _run(p.text[:p.lead], '<w:rStyle w:val="RunInHeading"/>') + _run(p.text[p.lead:])
    else:
        runs = _run(p.text)
    return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{runs}</w:p>"


def table_xml(block: TableBlock) -> str:
    """A fixed-layout table with the layout's widths, row heights and cell margins; header rows repeat;
    rows never split; rows of a keep unit are kept with the next (Word then breaks only between units)."""
    widths = [twips(w) for w in block.col_widths_pt]  # whole twips already (table_widths rounds them)
    total = sum(widths)
    kept = {r for first, last in block.units for r in range(first, last)} | set(range(block.header_rows))
    starts = {(c.row, c.col): c for c in block.cells}
    covering = {}
    for c in block.cells:
        for r in range(c.row + 1, c.row + c.rowspan):
            covering[(r, c.col)] = c
    out = [
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>',
        f'<w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/><w:tblInd w:w="0" w:type="dxa"/>',
        borders_xml(), '<w:tblLayout w:type="fixed"/>', cell_margins_xml(),
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths), "</w:tblGrid>",
    ]
    for r in range(block.rows):
        header = "<w:tblHeader/>" if r < block.header_rows else ""
        out.append(f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{twips(block.row_heights_pt[r])}" '
                   f'w:hRule="atLeast"/>{header}</w:trPr>')
        keep = r in kept
        col = 0
        while col < len(widths):
            cell = starts.get((r, col))
            if cell is not None:
                out.append(_cell(cell, widths, block, keep, merge="restart" if cell.rowspan > 1 else None))
                col += cell.colspan
                continue
            above = covering.get((r, col))
            if above is not None:
                out.append(_cell(above, widths, block, keep, merge="continue"))
                col += above.colspan
                continue
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{widths[col]}" w:type="dxa"/></w:tcPr><w:p/></w:tc>')
            col += 1
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _cell(cell, widths: list[int], block: TableBlock, keep: bool, merge: str | None) -> str:
    """A w:tc: width, spans, shading, centred vertically; its lines in 表格文字 (none under a vertical merge)."""
    width = sum(widths[cell.col:cell.col + cell.colspan])
    tcpr = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if cell.colspan > 1:
        tcpr.append(f'<w:gridSpan w:val="{cell.colspan}"/>')
    if merge:
        tcpr.append(f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>")
    if cell.shaded:
        tcpr.append('<w:shd w:val="clear" w:color="auto" w:fill="F0F0F0"/>')
    tcpr.append('<w:vAlign w:val="center"/>')
    ppr = ['<w:pStyle w:val="TableText"/>']
    if keep:
        ppr.append("<w:keepNext/>")
    if cell.size != WUHAO or block.size != WUHAO:
        ppr.append(f'<w:spacing w:line="{twips(leading(cell.size))}" w:lineRule="exact"/>')
    ppr.append(f'<w:jc w:val="{JC[cell.align]}"/>')
    text = ""
    if merge != "continue" and cell.lines:
        extra = f'<w:w w:val="{round(cell.scale * 100)}"/>' if cell.scale != 1.0 else ""  # 字符缩放
        extra += size_xml(cell.size) if cell.size != WUHAO else ""
        text = _run("\n".join(cell.lines), extra)
    return f"<w:tc><w:tcPr>{''.join(tcpr)}</w:tcPr><w:p><w:pPr>{''.join(ppr)}</w:pPr>{text}</w:p></w:tc>"
