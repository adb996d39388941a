"""Export options: the approval block, DOCX font names per role, and where the PDF looks for fonts."""
from __future__ import annotations

from dataclasses import dataclass, field

from .layout import FontRole

DEFAULT_DOCX_FONTS = {
    FontRole.TITLE: "方正小标宋简体",
    FontRole.HEADING: "黑体",
    FontRole.BODY: "仿宋_GB2312",
    FontRole.TABLE: "仿宋_GB2312",
}


@dataclass
class ExportOptions:
    """Choices the window stores in its settings; the defaults give the official form."""

    approval_block: bool = False  # 单位（盖章）, 负责人（签字）, 日期 for the signed copy
    watermark: str = ""  # e.g. 草稿: drawn across every PDF page (printing a report that still has errors)
    explanations_page: bool = False  # a 检查说明 page at the end: the warnings explained, with their explanations
    title_font: str = DEFAULT_DOCX_FONTS[FontRole.TITLE]
    heading_font: str = DEFAULT_DOCX_FONTS[FontRole.HEADING]
    body_font: str = DEFAULT_DOCX_FONTS[FontRole.BODY]
    table_font: str = DEFAULT_DOCX_FONTS[FontRole.TABLE]
    # PDF: font files tried first for a role (paths), before the machine's usual fonts
    pdf_font_files: dict[FontRole, list[str]] = field(default_factory=dict)
    # PDF: look for fonts installed on the machine; False uses only pdf_font_files and the shipped font
    system_fonts: bool = True

    def docx_font(self, role: FontRole) -> str:
        name = {FontRole.TITLE: self.title_font, FontRole.HEADING: self.heading_font,
                FontRole.BODY: self.body_font, FontRole.TABLE: self.table_font}[role]
        return name.strip() or DEFAULT_DOCX_FONTS[role]
