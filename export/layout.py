"""The neutral page layout of a printed report (GB/T 9704 style), read by the DOCX and PDF renderers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from model.cells import display_text
from model.formats.definition import CellKind, TableSection, TextSection
from model.grid import Role, SectionGrid, section_grid
from model.report import Report

# point sizes of the Chinese type scale
ERHAO, SANHAO, SIHAO, XIAOSI, WUHAO = 22.0, 16.0, 14.0, 12.0, 10.5


class FontRole(Enum):
    """Which typeface a piece of text uses; each renderer maps roles to real fonts."""

    TITLE = "title"  # 方正小标宋简体
    HEADING = "heading"  # 黑体
    BODY = "body"  # 仿宋_GB2312
    TABLE = "table"  # 仿宋_GB2312 (smaller)


class Align(Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: text, typeface role, size in points, alignment, first-line indent in characters."""

    text: str
    role: FontRole
    size: float
    align: Align = Align.JUSTIFY
    indent_chars: float = 0.0
    space_before: float = 0.0  # points
    space_after: float = 0.0
    keep_with_next: bool = False
    page_break_before: bool = False


@dataclass(frozen=True)
class TableCell:
    """A cell of a printed table; row/col address the top-left of its span."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    role: Role
    align: Align


@dataclass(frozen=True)
class TableBlock:
    """One printed table (a section's grid): column widths in mm, cells, rows to repeat on a new page."""

    key: str
    rows: int
    col_widths_mm: tuple[float, ...]
    cells: tuple[TableCell, ...]
    header_rows: int
    size: float  # font size in points
    block_starts: tuple[int, ...] = ()

    def keep_ranges(self) -> list[tuple[int, int]]:
        """(first, last) rows of each block, kept on one page (a block title never ends a page)."""
        starts = list(self.block_starts or (0,))
        ends = [s - 1 for s in starts[1:]] + [self.rows - 1]
        return list(zip(starts, ends))

    def at(self, row: int, col: int) -> TableCell | None:
        for cell in self.cells:
            if cell.row <= row < cell.row + cell.rowspan and cell.col <= col < cell.col + cell.colspan:
                return cell
        return None


Block = Paragraph | TableBlock


@dataclass(frozen=True)
class PageSetup:
    """A4 portrait with GB/T 9704 margins (mm) and a footer page number `— N —`."""

    width_mm: float = 210.0
    height_mm: float = 297.0
    top_mm: float = 37.0
    bottom_mm: float = 35.0
    left_mm: float = 28.0
    right_mm: float = 26.0
    page_number_format: str = "— {} —"
    page_number_size: float = SIHAO
    line_pitch: float = 28.9  # points: 22 lines on the 225 mm text block

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm


@dataclass(frozen=True)
class PageLayout:
    """Everything both renderers print, in order."""

    page: PageSetup
    blocks: tuple[Block, ...]
    watermark: str = ""  # printed diagonally across every page (草稿 while the report has errors)

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def tables(self) -> list[TableBlock]:
        return [b for b in self.blocks if isinstance(b, TableBlock)]

    def texts_by_role(self) -> dict[FontRole, str]:
        """Every character printed, by typeface role (for the glyph check); page numbers are body text."""
        out: dict[FontRole, list[str]] = {role: [] for role in FontRole}
        for p in self.paragraphs():
            out[p.role].append(p.text)
        out[FontRole.TABLE] += [c.text for t in self.tables() for c in t.cells]
        out[FontRole.BODY].append(self.page.page_number_format.format("0123456789"))
        out[FontRole.HEADING].append(self.watermark)
        return {role: "\n".join(texts) for role, texts in out.items()}


def build_layout(report: Report, approval_block: bool = False, watermark: str = "",
                 explanations_page: bool = False) -> PageLayout:
    """Lay the report out as the official printed form (and, when asked, a 检查说明 page after it)."""
    page = PageSetup()
    blocks: list[Block] = []
    if report.attachment_label.strip():
        blocks.append(Paragraph(printable(report.attachment_label, one_line=True).strip(), FontRole.HEADING,
                                SANHAO, Align.LEFT))
    blocks.append(Paragraph(title_lines(report), FontRole.TITLE, ERHAO, Align.CENTER,
                            space_before=page.line_pitch * 0.5, space_after=page.line_pitch))
    for section in report.format.sections:
        after_table = isinstance(blocks[-1], TableBlock)
        blocks.append(Paragraph(section.heading, FontRole.HEADING, SANHAO, Align.JUSTIFY, indent_chars=2,
                                space_before=page.line_pitch * 0.5 if after_table else 0.0,
                                keep_with_next=True))
        if isinstance(section, TextSection):
            blocks.extend(text_paragraphs(report.texts.get(section.key, "")))
        else:
            blocks.append(table_block(report, section, page.text_width_mm))
    if approval_block:
        blocks.extend(approval_paragraphs(report))
    if explanations_page:
        blocks.extend(explanation_paragraphs(report))
    return PageLayout(page, tuple(blocks), watermark.strip())


TITLE_CHARS_PER_LINE = 20  # 二号 characters on the 156 mm text width


def title_lines(report: Report) -> str:
    """The title; too long for one line, it breaks after the unit name, as printed reports do."""
    title = printable(report.title(), one_line=True)
    unit_name = printable(report.unit_name, one_line=True)
    unit = unit_name.strip()
    if len(title) > TITLE_CHARS_PER_LINE and unit and len(unit) <= TITLE_CHARS_PER_LINE:
        return f"{unit}\n{title[len(unit_name):]}"
    return title


def text_paragraphs(text: str) -> list[Paragraph]:
    """Each non-empty line of a text section is a body paragraph indented two characters."""
    lines = (line.strip(" \t\u3000") for line in printable(text).split("\n"))
    return [Paragraph(line.replace("\t", " "), FontRole.BODY, SANHAO, indent_chars=2) for line in lines if line]


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


def approval_paragraphs(report: Report) -> list[Paragraph]:
    date = "    年  月  日"
    if report.report_date:
        y, m, d = (int(p) for p in report.report_date.split("-"))
        date = f"{y}年{m}月{d}日"
    unit = printable(report.unit_name, one_line=True)
    first = Paragraph(f"单位（盖章）：{unit}", FontRole.BODY, SANHAO, Align.RIGHT,
                      space_before=SANHAO * 2, keep_with_next=True)
    return [
        first,
        Paragraph("负责人（签字）：            ", FontRole.BODY, SANHAO, Align.RIGHT, keep_with_next=True),
        Paragraph(f"日期：{date}", FontRole.BODY, SANHAO, Align.RIGHT),
    ]


def explanation_paragraphs(report: Report) -> list[Paragraph]:
    """The 检查说明 page: every warning the unit has explained, with its explanation (for the county office)."""
    from model.rules import check

    explained = [f for f in check(report) if f.explained]
    heading = Paragraph("检查说明", FontRole.HEADING, SANHAO, Align.CENTER, keep_with_next=True,
                        page_break_before=True)
    unit = printable(report.unit_name, one_line=True).strip() or "（未填写填报单位）"
    heading = [heading, Paragraph(f"{unit}　{report.year}年度", FontRole.BODY, SANHAO, Align.CENTER,
                                  space_after=SANHAO, keep_with_next=True)]
    if not explained:
        return heading + [Paragraph("本报告没有已说明的检查警告。", FontRole.BODY, SANHAO, indent_chars=2)]
    intro = f"以下{len(explained)}项检查警告，填报单位已逐项说明："
    out = heading + [Paragraph(intro, FontRole.BODY, SANHAO, indent_chars=2)]
    for n, f in enumerate(explained, 1):
        place = "／".join(p for p in (f.section, f.row, f.column) if p)
        out.append(Paragraph(printable(f"{n}. 【{place}】{f.message}"), FontRole.BODY, SANHAO, indent_chars=2,
                             keep_with_next=True))
        out.append(Paragraph(printable(f"说明：{f.explanation}"), FontRole.BODY, SANHAO, indent_chars=2))
    return out


# ------------------------------------------------------------------ tables

_ALIGN = {Role.TITLE: Align.LEFT, Role.CORNER: Align.CENTER, Role.HEADER: Align.CENTER,
          Role.LABEL: Align.LEFT, Role.VALUE: Align.CENTER}


def table_block(report: Report, section: TableSection, width_mm: float) -> TableBlock:
    grid = section_grid(section)
    labels = _label_columns(grid)
    size = XIAOSI if section.key == "proactive" else WUHAO
    cells = []
    for cell in grid.cells:
        text = cell.text
        align = _ALIGN[cell.role]
        if cell.role is Role.VALUE:
            text = cell_text(report, cell)
        elif cell.role is Role.LABEL and cell.rowspan > 1:
            align = Align.CENTER  # a group label merged over its rows
        cells.append(TableCell(cell.row, cell.col, cell.rowspan, cell.colspan, text, cell.role, align))
    widths = _column_widths(section.key, grid.cols, labels, width_mm)
    return TableBlock(section.key, grid.rows, widths, tuple(cells), grid.header_rows, size,
                      tuple(grid.block_starts))


def cell_text(report: Report, cell) -> str:
    if cell.kind is CellKind.BLANK or cell.ref is None:
        return ""
    return display_text(report.value(cell.ref), cell.column)


def _label_columns(grid: SectionGrid) -> int:
    return min((c.col for c in grid.cells if c.role is Role.VALUE), default=0)


def _column_widths(key: str, cols: int, labels: int, width_mm: float) -> tuple[float, ...]:
    """Label columns wide enough for one-line labels; number columns share the rest.

    Section 三 must fit on one page (its row labels are merged over most rows, so it cannot be
    split between them): narrow number columns (three 五号 characters) leave room for the labels.
    """
    numbers = cols - labels
    if labels == 0:
        return tuple(width_mm / cols for _ in range(cols))
    if key == "applications" and labels == 3:
        number = 11.0
        label_width = width_mm - number * numbers
        return (10.0, 16.5, label_width - 26.5) + (number,) * numbers
    label_width = 48.0 if labels == 1 else width_mm * 0.4
    share = label_width / labels
    return (share,) * labels + ((width_mm - label_width) / numbers,) * numbers
