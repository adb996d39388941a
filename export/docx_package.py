"""The parts of the Word package around the body: styles, settings, font table, footers, properties.

Written from scratch (no template): real paragraph styles with outline levels, zh-CN everywhere, only the
Chinese fonts in use in the font table, the 禁则 lists, odd and even footers, no thumbnail.
"""
from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from model.version import APP_NAME, VERSION

from .layout import MM, PARA_STYLES, SANHAO, WUHAO, Align, FontRole, PageLayout, ParaStyle
from .options import ALT_NAMES, ExportOptions
from .table_widths import BORDER, PAD_X, leading
from .typeset import CANNOT_END, CANNOT_START

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
CT = "application/vnd.openxmlformats-officedocument"
JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "both"}


def twips(points: float) -> int:
    """Points in twentieths (twips), the DOCX unit."""
    return round(points * 20)


def fonts_xml(name: str) -> str:
    """Every slot of w:rFonts, the East-Asian one included (Word draws Chinese with w:eastAsia)."""
    n = quoteattr(name)
    return f"<w:rFonts w:ascii={n} w:eastAsia={n} w:hAnsi={n} w:cs={n}/>"


def run_xml(inner: str, props: str = "") -> str:
    """A w:r: its properties (the language last, as in every run) and its content."""
    return f"<w:r><w:rPr>{props}{LANG}</w:rPr>{inner}</w:r>"


def size_xml(points: float) -> str:
    """w:sz and w:szCs (half-points)."""
    half = round(points * 2)
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


# ------------------------------------------------------------------ styles


def styles_xml(layout: PageLayout, options: ExportOptions) -> str:
    """word/styles.xml: Normal, the layout's paragraph styles, 小标题, 表格文字, the table-break, footer and table styles."""
    pitch = twips(layout.page.line_pitch)
    body_font = options.docx_font(FontRole.BODY)
    table_font = options.docx_font(FontRole.TABLE)
    parts = [
        HEAD, f"<w:styles {NS}>",
        "<w:docDefaults><w:rPrDefault><w:rPr>", fonts_xml(body_font), '<w:kern w:val="2"/>', size_xml(SANHAO), LANG,
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>",
        # Normal: 仿宋 三号 on the line grid, 禁则 on, hanging punctuation, no widow control (22 lines a page)
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>',
        '<w:pPr><w:widowControl w:val="0"/><w:kinsoku/><w:wordWrap/><w:overflowPunct/>'
        '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid/>'
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr>',
        "<w:rPr>", fonts_xml(body_font), size_xml(SANHAO), LANG, "</w:rPr></w:style>",
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
        '<w:style w:type="character" w:styleId="RunInHeading"><w:name w:val="小标题"/><w:qFormat/><w:rPr>',
        fonts_xml(options.docx_font(FontRole.SUBHEADING)), "</w:rPr></w:style>",
    ]
    for style in PARA_STYLES:
        parts.append(_para_style(style, options, pitch))
    parts += [
        '<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="表格文字"/>',
        '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/>',
        f'<w:spacing w:line="{twips(leading(WUHAO))}" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>',
        "<w:rPr>", fonts_xml(table_font), size_xml(WUHAO), "</w:rPr></w:style>",
        '<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableBreak"><w:name w:val="续表分隔"/>',
        '<w:basedOn w:val="Normal"/><w:pPr><w:pageBreakBefore/><w:snapToGrid w:val="0"/>',
        '<w:spacing w:line="20" w:lineRule="exact"/></w:pPr><w:rPr>', size_xml(1), "</w:rPr></w:style>",
        '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>',
        '<w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="400" w:lineRule="exact"/></w:pPr><w:rPr>',
        fonts_xml(options.docx_font(FontRole.PAGE_NUMBER)), size_xml(layout.page.page_number_size),
        "</w:rPr></w:style>",
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>',
        cell_margins_xml(), "</w:tblPr></w:style>",
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>',
        '<w:basedOn w:val="TableNormal"/><w:tblPr>', borders_xml(), cell_margins_xml(), "</w:tblPr></w:style>",
        "</w:styles>",
    ]
    return "".join(parts)


def _para_style(style: ParaStyle, options: ExportOptions, pitch: int) -> str:
    """One of the layout's paragraph styles as a Word style based on Normal."""
    size = style.size
    p = []
    if style.keep_with_next:
        p.append("<w:keepNext/>")
    if style.keep_lines:
        p.append("<w:keepLines/>")
    if style.role is FontRole.TITLE:  # 二号 lines one grid line apart, whatever the font's own height
        p.append(f'<w:snapToGrid w:val="0"/><w:spacing w:line="{pitch}" w:lineRule="exact"/>')
    if style.indent_chars or style.left_chars:
        first = round(style.indent_chars * 100)
        left = round(style.left_chars * 100)
        p.append(f'<w:ind w:leftChars="{left}" w:left="{twips(style.left_chars * size)}" '
                 f'w:firstLineChars="{first}" w:firstLine="{twips(style.indent_chars * size)}"/>')
    p.append(f'<w:jc w:val="{JC[style.align]}"/>')
    if style.outline_level is not None:
        p.append(f'<w:outlineLvl w:val="{style.outline_level}"/>')
    custom = "" if style.style_id in ("Title", "Heading1", "Heading2", "BodyText", "Signature") \
        else ' w:customStyle="1"'
    return (f'<w:style w:type="paragraph"{custom} w:styleId="{style.style_id}"><w:name w:val="{style.name}"/>'
            '<w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>'
            f'<w:pPr>{"".join(p)}</w:pPr><w:rPr>{fonts_xml(options.docx_font(style.role))}{size_xml(size)}'
            "</w:rPr></w:style>")


def borders_xml() -> str:
    """A table's lines: single, BORDER wide, round it and between all its cells."""
    size = round(BORDER * 8)  # eighths of a point
    sides = "".join(f'<w:{s} w:val="single" w:sz="{size}" w:space="0" w:color="000000"/>'
                    for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return f"<w:tblBorders>{sides}</w:tblBorders>"


def cell_margins_xml() -> str:
    """Cell margins: PAD_X left and right, none above and below (the row heights hold that room)."""
    pad = twips(PAD_X)
    return (f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{pad}" w:type="dxa"/>'
            f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar>')


# ------------------------------------------------------------------ settings, fonts, footers, properties


def settings_xml() -> str:
    """word/settings.xml: odd and even footers, the 禁则 lists, Word 2013 layout."""
    after = quoteattr("".join(sorted(CANNOT_END)))
    before = quoteattr("".join(sorted(CANNOT_START)))
    return (
        f"{HEAD}<w:settings {NS}>"
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        f'<w:noLineBreaksAfter w:lang="zh-CN" w:val={after}/>'
        f'<w:noLineBreaksBefore w:lang="zh-CN" w:val={before}/>'
        '<w:compat><w:useFELayout/><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
    )


def font_table_xml(options: ExportOptions) -> str:
    """word/fontTable.xml: the font names of the roles, with Word's stand-ins for the _GB2312 ones."""
    names = list(dict.fromkeys(options.docx_font(role) for role in FontRole))
    fonts = []
    for name in names:
        alt = ALT_NAMES.get(name)
        alt_xml = f"<w:altName w:val={quoteattr(alt)}/>" if alt else ""
        fonts.append(f"<w:font w:name={quoteattr(name)}>{alt_xml}<w:charset w:val=\"86\"/>"
                     '<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>')
    return f"{HEAD}<w:fonts {NS}>{''.join(fonts)}</w:fonts>"


def footer_xml(layout: PageLayout, odd: bool) -> str:
    """`— PAGE —`: odd pages right, even pages left, one character in (GB/T 9704 7.5)."""
    page = layout.page
    before, _, after = page.page_number_format.partition("{}")
    indent = twips(page.page_number_size)
    ind = f'<w:ind w:right="{indent}"/>' if odd else f'<w:ind w:left="{indent}"/>'
    jc = "right" if odd else "left"
    field = (run_xml('<w:fldChar w:fldCharType="begin"/>')
             + run_xml('<w:instrText xml:space="preserve"> PAGE </w:instrText>')
             + run_xml('<w:fldChar w:fldCharType="separate"/>') + run_xml("<w:t>1</w:t>")
             + run_xml('<w:fldChar w:fldCharType="end"/>'))
    text = (run_xml(f'<w:t xml:space="preserve">{escape(before)}</w:t>') + field
            + run_xml(f'<w:t xml:space="preserve">{escape(after)}</w:t>'))
    return (f'{HEAD}<w:ftr {NS}><w:p><w:pPr><w:pStyle w:val="Footer"/>{ind}<w:jc w:val="{jc}"/></w:pPr>'
            f"{text}</w:p></w:ftr>")


def app_xml() -> str:
    """docProps/app.xml: the program and version that made the file."""
    return (f'{HEAD}<Properties xmlns="{CT}/extended-properties" '
            f'xmlns:vt="{CT}/docPropsVTypes"><Application>{escape(f"{APP_NAME} {VERSION}")}</Application>'
            "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
            "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>")


CORE = (f"{HEAD}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"></cp:coreProperties>')


def section_xml(layout: PageLayout) -> str:
    """A4, the GB/T 9704 margins and the 28 × 22 document grid; footers 7 mm under the text block."""
    page = layout.page
    width, height = twips(page.width_mm * MM), twips(page.height_mm * MM)
    left = twips(page.left_mm * MM)
    right = width - left - twips(page.text_width_pt)
    top, bottom = twips(page.top_mm * MM), twips(page.bottom_mm * MM)
    # the footer line is 20 pt high with the dashes about 10 pt above its foot
    footer = twips((page.bottom_mm - page.page_number_gap_mm) * MM) - 200
    return (
        f'<w:sectPr><w:footerReference w:type="even" r:id="rIdFooterEven"/>'
        f'<w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
        f'<w:pgSz w:w="{width}" w:h="{height}"/>'
        f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="851" '
        f'w:footer="{footer}" w:gutter="0"/><w:cols w:space="425"/>'
        f'<w:docGrid w:type="linesAndChars" w:linePitch="{twips(page.line_pitch)}" w:charSpace="0"/></w:sectPr>'
    )


def package(layout: PageLayout, options: ExportOptions, body: str) -> bytes:
    """The .docx as a zip: [Content_Types], relationships, document, styles, settings, fonts, footers."""
    document = f"{HEAD}<w:document {NS}><w:body>{body}{section_xml(layout)}</w:body></w:document>"
    parts = {
        "[Content_Types].xml": (
            f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{CT}.wordprocessingml.document.main+xml"/>'
            f'<Override PartName="/word/styles.xml" ContentType="{CT}.wordprocessingml.styles+xml"/>'
            f'<Override PartName="/word/settings.xml" ContentType="{CT}.wordprocessingml.settings+xml"/>'
            f'<Override PartName="/word/fontTable.xml" ContentType="{CT}.wordprocessingml.fontTable+xml"/>'
            f'<Override PartName="/word/footer1.xml" ContentType="{CT}.wordprocessingml.footer+xml"/>'
            f'<Override PartName="/word/footer2.xml" ContentType="{CT}.wordprocessingml.footer+xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            f'<Override PartName="/docProps/app.xml" ContentType="{CT}.extended-properties+xml"/></Types>'),
        "_rels/.rels": (
            f'{HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
            'metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{R_NS}/extended-properties" Target="docProps/app.xml"/>'
            "</Relationships>"),
        "word/_rels/document.xml.rels": (
            f'{HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rIdStyles" Type="{R_NS}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rIdSettings" Type="{R_NS}/settings" Target="settings.xml"/>'
            f'<Relationship Id="rIdFonts" Type="{R_NS}/fontTable" Target="fontTable.xml"/>'
            f'<Relationship Id="rIdFooterOdd" Type="{R_NS}/footer" Target="footer1.xml"/>'
            f'<Relationship Id="rIdFooterEven" Type="{R_NS}/footer" Target="footer2.xml"/>'
            "</Relationships>"),
        "word/document.xml": document,
        "word/styles.xml": styles_xml(layout, options),
        "word/settings.xml": settings_xml(),
        "word/fontTable.xml": font_table_xml(options),
        "word/footer1.xml": footer_xml(layout, odd=True),
        "word/footer2.xml": footer_xml(layout, odd=False),
        "docProps/core.xml": CORE,
        "docProps/app.xml": app_xml(),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))
    return buffer.getvalue()
