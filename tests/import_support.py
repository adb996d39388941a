"""Documents made the way clerks make them (no tests here): Word- and WPS-style DOCX built from a report or from
the flattened seed, with merged or unmerged cells, broken labels, split tables and hand-written numbers."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.oxml import parse_xml

from model.cells import Money, format_decimal
from model.formats.definition import CellKind, TableSection
from model.grid import Role, section_grid
from model.report import CellRef, Report

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SEED = Path("/work/shared/seed/000_1c583c53b8133690.txt")
SEED_COPY = Path(__file__).resolve().parent.parent / "resources" / "samples" / "huohua-2019.gkbg.json"


# ---------------------------------------------------------------- raw WordprocessingML


@dataclass
class C:
    """A table cell as written: text (\\n = a new paragraph, or a line break in WPS style), spans, merge."""

    text: str = ""
    span: int = 1
    vmerge: str | None = None  # "restart", "continue" or None
    wps: bool = False  # WPS writes vMerge with an explicit val and splits text into one run per character


def _runs(text: str, wps: bool = False) -> str:
    if wps:
        return "".join(f'<w:r><w:t xml:space="preserve">{escape(ch)}</w:t></w:r>' for ch in text)
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""


def para_xml(text: str, align: str = "", wps: bool = False, bookmark: bool = False) -> str:
    jc = f'<w:pPr><w:jc w:val="{align}"/></w:pPr>' if align else ""
    mark = '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>' if bookmark else ""
    lines = text.split("\n")
    body = '<w:r><w:br/></w:r>'.join(_runs(line, wps) for line in lines)
    return f"<w:p>{jc}{mark}{body}</w:p>"


def table_xml(rows: list[list[C]], width: int, line_breaks: bool = False) -> str:
    grid = "".join(f'<w:gridCol w:w="{8800 // width}"/>' for _ in range(width))
    out = [f'<w:tbl xmlns:w="{W}"><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
           f"<w:tblGrid>{grid}</w:tblGrid>"]
    for row in rows:
        out.append("<w:tr>")
        for cell in row:
            props = ""
            if cell.span > 1:
                props += f'<w:gridSpan w:val="{cell.span}"/>'
            if cell.vmerge == "restart":
                props += '<w:vMerge w:val="restart"/>'
            elif cell.vmerge == "continue":
                props += '<w:vMerge w:val="continue"/>' if cell.wps else "<w:vMerge/>"
            if line_breaks:
                paragraphs = para_xml(cell.text, wps=cell.wps)
            else:
                paragraphs = "".join(para_xml(line, wps=cell.wps) for line in cell.text.split("\n"))
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{8800 // width * cell.span}" w:type="dxa"/>{props}</w:tcPr>'
                       f"{paragraphs}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


class DocxBuilder:
    """Appends raw paragraphs and tables to a fresh python-docx document."""

    def __init__(self) -> None:
        self.doc = Document()
        self.body = self.doc.element.body
        self.sect = self.body[-1]  # sectPr stays last

    def _add(self, xml: str) -> None:
        if not xml.startswith("<w:tbl"):
            xml = xml.replace("<w:p>", f'<w:p xmlns:w="{W}">', 1)
        self.sect.addprevious(parse_xml(xml))

    def para(self, text: str = "", align: str = "", wps: bool = False, bookmark: bool = False) -> None:
        self._add(para_xml(text, align, wps, bookmark))

    def page_break(self) -> None:
        self._add('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def table(self, rows: list[list[C]], width: int, line_breaks: bool = False) -> None:
        self._add(table_xml(rows, width, line_breaks))

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    def save(self, path: Path) -> Path:
        path.write_bytes(self.bytes())
        return path


# ---------------------------------------------------------------- a report written by a clerk


@dataclass
class Style:
    """How a clerk's document differs from the official form (all off: a plain Word document)."""

    merged: bool = True  # vertical merges as vMerge (Word); False: the label in the top cell, blanks below (WPS)
    wps: bool = False  # WPS-style runs and vMerge values
    title_lines: int = 1  # 2: the unit name on a paragraph of its own
    title: str | None = None  # the title as printed (default: unit + year + 年政府信息公开工作年度报告)
    attachment: str = ""
    preamble: str = ""
    headings: dict[str, str] = field(default_factory=dict)  # section key → heading as printed
    label_breaks: bool = False  # 商业\n企业, 自 然 人 …
    line_breaks: bool = False  # multi-line labels with w:br instead of one paragraph per line
    split_applications: int = 0  # 三 split into two tables before this grid row (0: one table)
    repeat_header: bool = False  # the second part of 三 repeats the header rows
    cut_labels: bool = False  # the second part of 三 pasted with its row labels in one column
    proactive_tables: bool = False  # 二 drawn as one table per 第二十条 block
    empty_rows: bool = False  # an empty row after every few rows, empty paragraphs between blocks
    indent: str = "　　"  # text paragraphs begin with two full-width spaces
    cells: dict[CellRef, str] = field(default_factory=dict)  # text printed in a cell, instead of the value


BROKEN = {"商业企业": "商业\n企业", "自然人": "自 然 人", "科研机构": "科研\n机构", "社会公益组织": "社会公益\n组织",
          "法律服务机构": "法律服务\n机构", "一、本年新收政府信息公开申请数量": "一、本年新收政府信息\n公开申请数量",
          "结果维持": "结果\n维持", "本年新制作数量": "本年新\n制作数量", "（三）不予公开": "（三）不予\n公开"}


def cell_text(report: Report, ref: CellRef, style: Style) -> str:
    if ref in style.cells:
        return style.cells[ref]
    value = report.value(ref)
    if isinstance(value, Money):
        return f"{format_decimal(value.amount)}{value.unit}"
    if value is None:
        return ""
    return str(value)


def section_rows(report: Report, section: TableSection, style: Style) -> tuple[list[list[C]], int]:
    grid = section_grid(section)
    rows: list[list[C]] = [[] for _ in range(grid.rows)]
    for cell in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        if cell.role is Role.VALUE:
            text = cell_text(report, cell.ref, style) if cell.kind is not CellKind.BLANK else ""
        else:
            text = BROKEN.get(cell.text, cell.text) if style.label_breaks else cell.text
        if cell.rowspan == 1:
            rows[cell.row].append(C(text, cell.colspan, wps=style.wps))
            continue
        rows[cell.row].append(C(text, cell.colspan, "restart" if style.merged else None, wps=style.wps))
        for r in range(cell.row + 1, cell.row + cell.rowspan):
            rows[r].append(C("", cell.colspan, "continue" if style.merged else None, wps=style.wps))
    # cells were appended in (row, col) order of their anchors; continuation cells arrive late: sort by column
    ordered = []
    positions = _positions(grid)
    for r, row in enumerate(rows):
        ordered.append([c for _, c in sorted(zip(positions[r], row), key=lambda pc: pc[0])])
    return ordered, grid.cols


def _positions(grid) -> list[list[int]]:
    """For each row, the column of each cell in the order section_rows appended them."""
    positions: list[list[int]] = [[] for _ in range(grid.rows)]
    for cell in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        positions[cell.row].append(cell.col)
        for r in range(cell.row + 1, cell.row + cell.rowspan):
            positions[r].append(cell.col)
    return positions


def clerk_docx(report: Report, style: Style | None = None) -> bytes:
    """The report as a clerk types it in Word or WPS, following the official form but not the export."""
    style = style or Style()
    b = DocxBuilder()
    if style.attachment:
        b.para(style.attachment, wps=style.wps)
    title = style.title or report.title()
    if style.title_lines == 2:
        b.para(report.unit_name, "center", style.wps)
        b.para(title[len(report.unit_name):], "center", style.wps)
    else:
        b.para(title, "center", style.wps)
    if style.empty_rows:
        b.para()
    if style.preamble:
        b.para(style.indent + style.preamble, wps=style.wps)
    for section in report.format.sections:
        b.para(style.headings.get(section.key, section.heading), wps=style.wps)
        if style.empty_rows:
            b.para()
        if not isinstance(section, TableSection):
            for line in report.texts[section.key].split("\n"):
                b.para(style.indent + line, wps=style.wps)
            continue
        rows, width = section_rows(report, section, style)
        grid = section_grid(section)
        pieces = [(0, len(rows))]
        if section.key == "proactive" and style.proactive_tables:
            starts = list(grid.block_starts) + [len(rows)]
            pieces = list(zip(starts, starts[1:]))
        if section.key == "applications" and style.split_applications:
            pieces = [(0, style.split_applications), (style.split_applications, len(rows))]
        for n, (first, stop) in enumerate(pieces):
            part = rows[first:stop]
            if n and section.key == "applications":
                b.page_break()
                if style.repeat_header:
                    part = rows[:grid.header_rows] + part
                # a merge cannot continue into a new table: the first row of the part restarts it
                part[0 if not style.repeat_header else grid.header_rows] = [
                    C(c.text, c.span, None if c.vmerge == "continue" else c.vmerge, c.wps)
                    for c in part[0 if not style.repeat_header else grid.header_rows]]
            table_width = width
            if n and style.cut_labels:
                part = [_one_label_column(row, width - 7) for row in part]
                table_width = 8
            if style.empty_rows:
                part = [r for i, row in enumerate(part)
                        for r in ([row, [C("", c.span) for c in row]] if i % 5 == 4 and not _in_merge(row) else [row])]
            b.table(part, table_width, style.line_breaks)
            if style.empty_rows:
                b.para()
    return b.bytes()


def _one_label_column(row: list[C], labels: int) -> list[C]:
    """The row's label cells (the first `labels` grid columns) as one cell holding their texts."""
    col, texts, rest = 0, [], []
    for cell in row:
        (texts if col < labels else rest).append(cell)
        col += cell.span
    label = "".join(c.text for c in texts if c.vmerge != "continue")
    return [C(label)] + [C(c.text, 1, None, c.wps) for c in rest]


def _in_merge(row: list[C]) -> bool:
    return any(c.vmerge for c in row)


# ---------------------------------------------------------------- the flattened seed as a document


def seed_blocks(text: str) -> list:
    """The seed's lines as ('p', text) and ('table', rows of cell texts): a tab starts a cell, a blank line ends
    a row, a line without a tab right after a cell continues it."""
    blocks: list = []
    rows: list[list[str]] | None = None
    row: list[str] | None = None
    for line in text.split("\n"):
        if line.startswith("\t"):
            if rows is None:
                rows = []
                blocks.append(("table", rows))
            if row is None:
                row = []
                rows.append(row)
            row.append(line[1:])
        elif line == "":
            row = None
        elif row is not None:
            row[-1] += "\n" + line
        else:
            rows = None
            blocks.append(("p", line))
    return blocks


# horizontal spans of the seed's rows that have fewer cells than the table's grid (from the official form)
SEED_SPANS = {1: {0: [3, 7], 1: [3, 1, 5, 1], 2: [3, 1, 1, 1, 1, 1, 1, 1]},
              2: {0: [5, 10], 1: [1, 1, 1, 1, 1, 5, 5]}}


def seed_docx(path: Path | None = None) -> bytes:
    """The seed report as the Word file it was flattened from: unmerged label cells (blank below a group label),
    full-width spaces around numbers, 减2, a bookmark on a heading, 附件2 above a title without a year."""
    b = DocxBuilder()
    tables = 0
    for kind, content in seed_blocks(SEED.read_text("utf-8")):
        if kind == "p":
            bookmark = content.startswith("[bookmark: _GoBack]")
            b.para(content.removeprefix("[bookmark: _GoBack]"), bookmark=bookmark)
            continue
        width = max(len(r) for r in content)
        rows = []
        for r, cells in enumerate(content):
            spans = SEED_SPANS.get(tables, {}).get(r)
            if spans is None:
                spans = [1] * len(cells)
                if len(cells) < width:  # the cell before the numbers takes the room left
                    at = 0 if tables == 1 and len(cells) == 8 else (1 if tables == 1 else len(cells) - 1)
                    spans[at] += width - len(cells)
            rows.append([C(text, span) for text, span in zip(cells, spans)])
        b.table(rows, width)
        tables += 1
    data = b.bytes()
    if path is not None:
        path.write_bytes(data)
    return data


def clean_text(text: str) -> str:
    """A text section as a document shows it: lines without their indent, no empty lines."""
    lines = (re.sub(r"^[ \u3000\t]+|[ \u3000\t]+$", "", line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def clean_texts(report: Report) -> dict[str, str]:
    return {k: clean_text(v) for k, v in report.texts.items()}
