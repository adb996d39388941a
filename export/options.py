"""Export options: the approval block, DOCX font names per role, and where the PDF looks for fonts."""
from __future__ import annotations

from dataclasses import dataclass, field

from model.chars import check_chars

from .layout import FontRole

DEFAULT_DOCX_FONTS = {
    FontRole.TITLE: "方正小标宋简体",
    FontRole.HEADING: "黑体",
    FontRole.SUBHEADING: "楷体_GB2312",
    FontRole.BODY: "仿宋_GB2312",
    FontRole.TABLE: "仿宋_GB2312",
    FontRole.PAGE_NUMBER: "宋体",
}
# what Word uses when the named font is missing (the usual fonts of every Chinese Windows)
ALT_NAMES = {"方正小标宋简体": "宋体", "仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "小标宋": "宋体"}


@dataclass
class ExportOptions:
    """Choices the window stores in its settings; the defaults give the official form."""

    approval_block: bool = False  # 单位（盖章）, 负责人（签字）, 日期 for the signed copy
    watermark: str = ""  # e.g. 草稿: drawn across every PDF page (printing a report that still has errors)
    explanations_page: bool = False  # a 检查说明 page at the end: the warnings explained, with their explanations
    title_font: str = DEFAULT_DOCX_FONTS[FontRole.TITLE]
    heading_font: str = DEFAULT_DOCX_FONTS[FontRole.HEADING]
    subheading_font: str = DEFAULT_DOCX_FONTS[FontRole.SUBHEADING]
    body_font: str = DEFAULT_DOCX_FONTS[FontRole.BODY]
    table_font: str = DEFAULT_DOCX_FONTS[FontRole.TABLE]
    page_number_font: str = DEFAULT_DOCX_FONTS[FontRole.PAGE_NUMBER]
    # PDF: font files tried first for a role (paths), before the machine's usual fonts
    pdf_font_files: dict[FontRole, list[str]] = field(default_factory=dict)
    # PDF: look for fonts installed on the machine; False uses only pdf_font_files and the shipped font
    system_fonts: bool = True

    def docx_font(self, role: FontRole) -> str:
        """The Word font name of a role (the official one when left blank); raises InputError for a character
        no document can hold (the names come from the settings file, and go into the DOCX's XML as they are)."""
        name = getattr(self, f"{role.value}_font").strip() or DEFAULT_DOCX_FONTS[role]
        check_chars(name, "导出字体设置中的字体名称")
        return name
