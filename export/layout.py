"""The neutral page layout of a printed report (GB/T 9704 style), read by the DOCX and PDF renderers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from model.report import Report

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


def build_layout(report: Report, approval_block: bool = False, watermark: str = "",
                 explanations_page: bool = False) -> PageLayout:
    """Lay the report out as the official printed form (and, when asked, a 检查说明 page after it)."""
    from model.formats.definition import TextSection

    from .table_layout import table_blocks

    page = PageSetup()
    blocks: list = []
    label = printable(report.attachment_label, one_line=True).strip()
    if label:
        blocks.append(Paragraph(label, ATTACHMENT))
    blocks.append(Paragraph(title_lines(report), TITLE, space_before=1 if label else 0, space_after=1))
    for section in report.format.sections:
        after_table = not isinstance(blocks[-1], Paragraph)  # half a line more under a table
        blocks.append(Paragraph(section.heading, HEADING_1, space_before=0.5 if after_table else 0))
        if isinstance(section, TextSection):
            blocks.extend(text_paragraphs(report.texts.get(section.key, "")))
        else:
            # the heading shares the page with the table (with its half line of space before, which Word
            # may keep at the top of a page)
            first = page.text_height_pt - 1.5 * page.line_pitch
            blocks.extend(table_blocks(report, section, page.text_width_pt, first, page.text_height_pt))
    closing = signature_paragraphs(report) if report.report_date and not approval_block else []
    if approval_block:
        closing = approval_paragraphs(report)
    if closing and isinstance(blocks[-1], Paragraph):  # the 落款 never stands alone on a page
        blocks[-1] = _replace(blocks[-1], keep_with_next=True)
    blocks.extend(closing)
    if explanations_page:
        blocks.extend(explanation_paragraphs(report))
    return PageLayout(page, tuple(blocks), watermark.strip(), printable(report.title(), one_line=True),
                      printable(report.unit_name, one_line=True).strip())


def _replace(p: Paragraph, **changes) -> Paragraph:
    from dataclasses import replace

    return replace(p, **changes)


TITLE_CHARS_PER_LINE = 20  # 二号 characters on the text width


def title_lines(report: Report) -> str:
    """The title; too long for one line, it breaks after the unit name, as printed reports do."""
    title = printable(report.title(), one_line=True)
    unit_name = printable(report.unit_name, one_line=True)
    unit = unit_name.strip()
    if len(title) > TITLE_CHARS_PER_LINE and unit and len(unit) <= TITLE_CHARS_PER_LINE:
        return f"{unit}\n{title[len(unit_name):]}"
    return title


# a second-level heading: （一） or (一) at the start of a paragraph
SUBHEADING = re.compile(r"[（(][一二三四五六七八九十]{1,3}[）)]")
_RUN_IN_END = re.compile(r"[。：:]")
SUBHEADING_MAX = 40  # characters: a longer paragraph without a stop is body text, not a heading


def text_paragraphs(text: str) -> list[Paragraph]:
    """Each non-empty line of a text section is a paragraph; `（一）…` lines are second-level headings."""
    out = []
    for line in printable(text).split("\n"):
        line = line.strip(" \t\u3000").replace("\t", " ")
        if line:
            out.append(classify(line))
    return out


def classify(line: str) -> Paragraph:
    """A body paragraph, a 楷体 second-level heading, or a body paragraph led by a run-in heading."""
    if not SUBHEADING.match(line):
        return Paragraph(line, BODY)
    stop = _RUN_IN_END.search(line)
    if stop is None:
        return Paragraph(line, HEADING_2) if len(line) <= SUBHEADING_MAX else Paragraph(line, BODY)
    if stop.end() >= len(line.rstrip()):
        return Paragraph(line, HEADING_2)  # 「（一）加强组织领导。」 alone on its line
    return Paragraph(line, BODY, lead=stop.end())


# line breaks pasted from Word/PowerPoint (vertical tab, form feed, Unicode separators), and other
# control characters, which DOCX (XML) cannot hold and PDF fonts cannot draw
_BREAKS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
# control characters, and the invisible zero-width ones text copied from web pages carries
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]")


def printable(text: str, one_line: bool = False) -> str:
    """Text as printed: pasted line breaks become new lines (or vanish in a one-line field), other control
    characters are dropped."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").translate(_BREAKS))
    return text.replace("\n", "") if one_line else text


def date_text(iso: str) -> str:
    """2020-01-15 as 2020年1月15日 (GB/T 9704: Arabic numerals, no leading zeros)."""
    y, m, d = (int(p) for p in iso.split("-"))
    return f"{y}年{m}月{d}日"


SIGNATURE_RIGHT_CHARS = 4  # the date stands four characters in from the right edge


def signature_paragraphs(report: Report) -> list[Paragraph]:
    """落款 (GB/T 9704 7.3.5.1): one blank line under the text, the unit centred over the date, the date
    right-aligned four characters in."""
    from .typeset import text_ems

    date = date_text(report.report_date)
    unit = printable(report.unit_name, one_line=True).strip()
    centre = SIGNATURE_RIGHT_CHARS + text_ems(date) / 2
    out = []
    if unit:
        right = max(0.0, centre - text_ems(unit) / 2)
        out.append(Paragraph(unit, SIGNATURE, space_before=1, right_chars=round(right * 4) / 4))
    out.append(Paragraph(date, SIGNATURE, space_before=0 if unit else 1, right_chars=SIGNATURE_RIGHT_CHARS,
                         keep_with_next=False))
    return out


def approval_paragraphs(report: Report) -> list[Paragraph]:
    """单位（盖章）, 负责人（签字）, 日期 in the right half of the last page, with room to stamp and sign."""
    date = date_text(report.report_date) if report.report_date else "    年  月  日"
    unit = printable(report.unit_name, one_line=True).strip()
    return [
        Paragraph(f"单位（盖章）：{unit}", APPROVAL, space_before=2),
        Paragraph("负责人（签字）：", APPROVAL, space_before=2),
        Paragraph(f"日期：{date}", APPROVAL, space_before=1, keep_with_next=False),
    ]


def explanation_paragraphs(report: Report) -> list[Paragraph]:
    """The 检查说明 page: every warning the unit has explained, with its explanation (for the county office)."""
    from model.rules import check

    explained = [f for f in check(report) if f.explained]
    unit = printable(report.unit_name, one_line=True).strip() or "（未填写填报单位）"
    heading = [Paragraph("检查说明", NOTE_TITLE, page_break_before=True),
               Paragraph(f"{unit}　{report.year}年度", NOTE_SUBTITLE, space_after=1)]
    if not explained:
        return heading + [Paragraph("本报告没有已说明的检查警告。", BODY)]
    out = heading + [Paragraph(f"以下{len(explained)}项检查警告，填报单位已逐项说明：", BODY)]
    for n, f in enumerate(explained, 1):
        place = "／".join(p for p in (f.section, f.row, f.column) if p)
        out.append(Paragraph(printable(f"{n}. 【{place}】{f.message}"), BODY, keep_with_next=True))
        out.append(Paragraph(printable(f"说明：{f.explanation}"), BODY))
    return out
