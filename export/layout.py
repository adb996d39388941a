"""The neutral page layout of a printed report (GB/T 9704 style), read by the DOCX and PDF renderers."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

# point sizes of the Chinese type scale
ERHAO, SANHAO, SIHAO, XIAOSI, WUHAO, XIAOWU = 22.0, 16.0, 14.0, 12.0, 10.5, 9.0
MM = 72 / 25.4  # points per millimetre


class FontRole(Enum):
    """Which typeface a piece of text uses; each renderer maps roles to real fonts."""

    TITLE = "title"  # 方正小标宋简体
    HEADING = "heading"  # 黑体: first-level headings 一、…
    SUBHEADING = "subheading"  # 楷体: second-level headings （一）…
    BODY = "body"  # 仿宋_GB2312
    TABLE = "table"  # 仿宋_GB2312 (smaller)
    PAGE_NUMBER = "page_number"  # 宋体, 4号 半角


class Align(Enum):
    """Horizontal alignment of a paragraph or a table cell."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


@dataclass(frozen=True)
class ParaStyle:
    """A paragraph style both renderers share; the DOCX writes it as a real Word style (name, id)."""

    style_id: str
    name: str
    role: FontRole
    size: float
    align: Align = Align.JUSTIFY
    indent_chars: float = 0.0  # first-line indent, in characters of the style's size
    left_chars: float = 0.0
    keep_with_next: bool = False
    outline_level: int | None = None  # 0 = level 1 in Word's navigation pane
    keep_lines: bool = False  # never split between pages (a title, a heading, the 落款)


TITLE = ParaStyle("Title", "Title", FontRole.TITLE, ERHAO, Align.CENTER, keep_with_next=True, keep_lines=True)
HEADING_1 = ParaStyle("Heading1", "heading 1", FontRole.HEADING, SANHAO, indent_chars=2, keep_with_next=True,
                      outline_level=0, keep_lines=True)
HEADING_2 = ParaStyle("Heading2", "heading 2", FontRole.SUBHEADING, SANHAO, indent_chars=2, keep_with_next=True,
                      outline_level=1, keep_lines=True)
BODY = ParaStyle("BodyText", "Body Text", FontRole.BODY, SANHAO, indent_chars=2)
ATTACHMENT = ParaStyle("Attachment", "附件标注", FontRole.HEADING, SANHAO, Align.LEFT)
SIGNATURE = ParaStyle("Signature", "Signature", FontRole.BODY, SANHAO, Align.RIGHT, keep_with_next=True,
                      keep_lines=True)
APPROVAL = ParaStyle("Approval", "签批栏", FontRole.BODY, SANHAO, Align.LEFT, left_chars=12, keep_with_next=True,
                     keep_lines=True)
NOTE_TITLE = ParaStyle("NoteTitle", "检查说明标题", FontRole.HEADING, SANHAO, Align.CENTER, keep_with_next=True,
                       keep_lines=True)
NOTE_SUBTITLE = ParaStyle("NoteSubtitle", "检查说明副题", FontRole.BODY, SANHAO, Align.CENTER, keep_with_next=True,
                          keep_lines=True)
PARA_STYLES = (TITLE, HEADING_1, HEADING_2, BODY, ATTACHMENT, SIGNATURE, APPROVAL, NOTE_TITLE, NOTE_SUBTITLE)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: text in its style; the first `lead` characters are a run-in 楷体 heading."""

    text: str
    style: ParaStyle
    lead: int = 0
    space_before: float = 0  # lines
    space_after: int = 0  # whole lines
    right_chars: float = 0.0  # right indent, in characters
    keep_with_next: bool | None = None  # None: as the style says
    page_break_before: bool = False

    @property
    def role(self) -> FontRole:
        return self.style.role

    @property
    def size(self) -> float:
        return self.style.size

    @property
    def align(self) -> Align:
        return self.style.align

    @property
    def indent_chars(self) -> float:
        return self.style.indent_chars

    @property
    def keeps_with_next(self) -> bool:
        return self.style.keep_with_next if self.keep_with_next is None else self.keep_with_next

    def spans(self) -> list[tuple[str, FontRole]]:
        """(text, role) runs: the run-in heading in 楷体, then the rest in the style's face."""
        if not self.lead:
            return [(self.text, self.role)]
        return [(self.text[: self.lead], FontRole.SUBHEADING), (self.text[self.lead:], self.role)]


@dataclass(frozen=True)
class PageSetup:
    """A4 portrait, GB/T 9704: 28 三号 characters × 22 lines, page numbers `— N —` 7 mm below the text.

    The text block is exactly 28 三号 characters wide (158 mm): LibreOffice cannot squeeze 28
    characters into 156 mm on a character grid, Word can; the left margin is 27 mm (28 ± 1).
    """

    width_mm: float = 210.0
    height_mm: float = 297.0
    top_mm: float = 37.0
    bottom_mm: float = 35.0
    left_mm: float = 27.0
    chars_per_line: int = 28
    lines_per_page: int = 22
    line_pitch: float = 28.95  # points (579 twips): 22 lines on the 225 mm text block
    page_number_format: str = "— {} —"
    page_number_size: float = SIHAO
    page_number_gap_mm: float = 7.0  # from the text block's foot to the top of the page number

    @property
    def text_width_pt(self) -> float:
        return self.chars_per_line * SANHAO

    @property
    def text_width_mm(self) -> float:
        return self.text_width_pt / MM

    @property
    def right_mm(self) -> float:
        return self.width_mm - self.left_mm - self.text_width_mm

    @property
    def text_height_pt(self) -> float:
        return self.lines_per_page * self.line_pitch


@dataclass(frozen=True)
class PageLayout:
    """Everything both renderers print, in order."""

    page: PageSetup
    blocks: tuple
    watermark: str = ""  # printed diagonally across every page (草稿 while the report has errors)
    title: str = ""  # document properties
    author: str = ""

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def tables(self):
        from .table_layout import TableBlock

        return [b for b in self.blocks if isinstance(b, TableBlock)]

    def texts_by_role(self) -> dict[FontRole, str]:
        """Every character printed, by typeface role (for the glyph check)."""
        out: dict[FontRole, list[str]] = {role: [] for role in FontRole}
        for p in self.paragraphs():
            for text, role in p.spans():
                out[role].append(text)
        out[FontRole.TABLE] += [c.text for t in self.tables() for c in t.cells]
        out[FontRole.PAGE_NUMBER].append(self.page.page_number_format.format("0123456789"))
        out[FontRole.HEADING].append(self.watermark)
        return {role: "\n".join(texts) for role, texts in out.items()}
