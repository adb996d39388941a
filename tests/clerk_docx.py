"""Reports typed in Word or WPS with python-docx's own table API (no tests here): every cell its own borders and
merged label cells (WPS), numbers after full-width spaces, labels with trailing spaces or half-width brackets,
an extra empty column, 二 as four tables, 三 split by a page break; 五号 tables sized like the official form; a
report typed by hand (manual line breaks, full-width digits, tracked changes left in, a link, Word's own numbering)."""
from __future__ import annotations

import copy
import itertools
import random
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell

from model.cells import Money, format_decimal
from model.formats.definition import CellKind, TableSection
from model.grid import Role, section_grid
from model.report import CellRef, Report


def distinct_report(year: int, seed: int = 7) -> Report:
    """Every count a different number (本年增/减 of both signs), every amount set, texts of a few paragraphs."""
    rnd = random.Random(seed)
    report = Report.for_year(year, "平潭综合实验区教育局")
    report.set_field("attachment_label", "附件")
    numbers = iter(rnd.sample(range(1, 400), 200))
    for ref, column in report.input_cells():
        if column.kind is CellKind.MONEY:
            report.set_value(ref, Money(Decimal("12.5"), "万元"))
        else:
            value = next(numbers)
            report.set_value(ref, -value if column.kind is CellKind.SIGNED and value % 2 else value)
    report.set_text("overview", f"{year}年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。\n一是加强组织领导。\n"
                                "二是完善制度建设。")
    report.set_text("problems", "一是公开内容不够全面；二是更新不够及时。\n下一步，我局将加强培训，完善制度。")
    report.set_text("other", "本年度未收取信息处理费。")
    return report


@dataclass
class Look:
    """How the clerk's document looks (defaults: a Word table sized like the official form)."""

    wps_borders: bool = False  # every cell, merged ones too, carries its own borders (no table style)
    number_indent: str = ""  # e.g. "　　" before each number
    label_tail: str = ""  # after each label, e.g. " " or "　"
    half_brackets: bool = False  # (一) and , instead of （一） and ，
    extra_column: str = ""  # "left" or "right": an empty column the clerk left in every table
    split_three_at: int = 0  # grid row of 三 before which a page break splits it into two tables
    repeat_header: bool = False  # the second part of 三 repeats its header rows
    word_header_rows: bool = False  # 三's header rows marked 重复标题行 (Word repeats them on each page)
    four_tables: bool = False  # 二 as one table per 第二十条 item, its title a paragraph above
    table_size: float = 10.5  # 五号
    official_widths: bool = True  # label columns wide, number columns narrow; False: python-docx's equal widths
    no_lines: bool = False  # tables drawn without any ruling line
    full_width: bool = False  # numbers typed with full-width digits (１２３)
    revised: CellRef | None = None  # this cell's number typed over a 0 with 修订 (track changes) on, never accepted


WIDTHS = {4: [4.5, 3.6, 3.6, 3.6], 10: [1.6, 1.6, 4.6] + [1.15] * 6 + [1.4], 15: [1.03] * 15}


def clerk_docx(report: Report, look: Look, path: Path) -> Path:
    doc = _document(report)
    doc.add_paragraph(report.title()).alignment = 1
    for section in report.format.sections:
        doc.add_paragraph(section.heading)
        if not isinstance(section, TableSection):
            for line in report.texts[section.key].split("\n"):
                doc.add_paragraph("　　" + line)
            continue
        _tables(doc, report, section, look)
    doc.add_paragraph(report.unit_name).alignment = 2
    doc.add_paragraph(f"{report.year + 1}年1月20日").alignment = 2
    doc.save(str(path))
    return path


def hand_typed_docx(report: Report, path: Path) -> Path:
    """The report typed by hand in Word: the title on two lines of one paragraph (Shift+Enter) with its year in
    full-width digits; headings typed with their numbers and bold, but 五 numbered by Word's own list numbering;
    each text's first two lines one paragraph broken by Shift+Enter, its year corrected with 修订 (track changes)
    on and never accepted, a web address a link; the numbers in full-width digits, one typed over a 0 with 修订 on;
    三 split into two tables by a page break; the 落款 date in full-width digits."""
    doc = _document(report)
    title = doc.add_paragraph()
    title.alignment = 1
    title.add_run(report.unit_name).add_break()
    title.add_run(f"{report.year}年政府信息公开工作年度报告".translate(FULL_WIDTH))
    look = Look(full_width=True, split_three_at=12, revised=CellRef("applications", "new", "natural"))
    for section in report.format.sections:
        if section.key == "problems":
            doc.add_paragraph(section.heading.split("、", 1)[1], style="List Number")
        else:
            doc.add_paragraph().add_run(section.heading).bold = True
        if isinstance(section, TableSection):
            _tables(doc, report, section, look)
            continue
        lines = report.texts[section.key].split("\n")
        paragraph = doc.add_paragraph()
        _typed(paragraph, "　　" + lines[0], report.year)
        for n, line in enumerate(lines[1:]):
            if n:
                paragraph = doc.add_paragraph()
            else:
                paragraph.runs[-1].add_break()
            _typed(paragraph, "　　" + line, report.year)
    doc.add_paragraph(report.unit_name).alignment = 2
    doc.add_paragraph(f"{report.year + 1}年1月20日".translate(FULL_WIDTH)).alignment = 2
    doc.save(str(path))
    return path


def _document(report: Report):
    doc = Document()
    doc.styles["Normal"].font.name = "仿宋_GB2312"
    doc.styles["Normal"].font.size = Pt(14)
    doc.add_paragraph(report.attachment_label)
    return doc


def _typed(paragraph, text: str, year: int) -> None:
    """text as runs of paragraph: the report's year as last year's corrected with 修订 on, a web address a link."""
    for part in re.split(r"((?:https?://|www\.)[\w./-]+)", text):
        if part.startswith(("http", "www.")):
            link = OxmlElement("w:hyperlink")
            link.set(qn("r:id"), paragraph.part.relate_to("http://" + part.removeprefix("http://"), RT.HYPERLINK,
                                                          is_external=True))
            paragraph.add_run(part)
            link.append(paragraph.runs[-1]._r)  # the run moves into the link
            paragraph._p.append(link)
            continue
        before, year_typed, after = part.partition(str(year))
        paragraph.add_run(before + year_typed[:2])
        if year_typed:
            run = paragraph.add_run(str(year)[2:])
            _tracked(run, "del", str(year - 1)[2:])
            _tracked(run, "ins", run.text)
            run._r.getparent().remove(run._r)
            paragraph.add_run(after)


def _tables(doc, report: Report, section: TableSection, look: Look) -> None:
    grid = section_grid(section)
    if section.key == "proactive" and look.four_tables:
        starts = grid.block_starts + [grid.rows]
        for first, stop in zip(starts, starts[1:]):
            doc.add_paragraph(_label(grid.at(first, 0).text, look))
            _table(doc, report, grid, list(range(first + 1, stop)), look)
    elif section.key == "applications" and look.split_three_at:
        at = look.split_three_at
        _table(doc, report, grid, list(range(at)), look)
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        head = list(range(grid.header_rows)) if look.repeat_header else []
        _table(doc, report, grid, head + list(range(at, grid.rows)), look)
    else:
        repeat = grid.header_rows if section.key == "applications" and look.word_header_rows else 0
        _table(doc, report, grid, list(range(grid.rows)), look, repeat)


def _label(text: str, look: Look) -> str:
    if look.half_brackets:
        text = text.replace("（", "(").replace("）", ")").replace("，", ",")
    return text + look.label_tail if text else text


def _value(report: Report, ref: CellRef, kind: CellKind, look: Look) -> str:
    if kind is CellKind.BLANK:
        return ""
    value = report.value(ref)
    if isinstance(value, Money):
        return f"{format_decimal(value.amount)}{value.unit}"
    if kind is CellKind.SIGNED and value:
        return f"减{-value}" if value < 0 else f"增{value}"
    text = str(value).translate(FULL_WIDTH) if look.full_width else str(value)
    return look.number_indent + text


FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _table(doc, report: Report, grid, rows: list[int], look: Look, repeat: int = 0) -> None:
    extra = 1 if look.extra_column else 0
    shift = 1 if look.extra_column == "left" else 0
    table = doc.add_table(rows=len(rows), cols=grid.cols + extra)
    if not look.wps_borders and not look.no_lines:
        table.style = "Table Grid"
    at = {r: i for i, r in enumerate(rows)}
    width = grid.cols + extra
    blank = table._cells  # before any merge: python-docx's table.cell() walks the whole table each time
    for cell in grid.cells:
        if cell.row not in at:
            continue
        covered = [at[r] for r in range(cell.row, cell.row + cell.rowspan) if r in at]
        target = blank[at[cell.row] * width + cell.col + shift]
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(blank[covered[-1] * width + cell.col + shift + cell.colspan - 1])
        target.text = (_value(report, cell.ref, cell.kind, look) if cell.role is Role.VALUE
                       else _label(cell.text, look))
        if cell.role is Role.VALUE and cell.ref == look.revised:
            run = target.paragraphs[0].runs[0]
            _tracked(run, "del", "0")
            _tracked(run, "ins", run.text)
            run._r.getparent().remove(run._r)
        for run in (r for p in target.paragraphs for r in p.runs):
            run.font.size = Pt(look.table_size)
    if look.wps_borders:  # WPS writes borders on every cell, the continuation cells of a merge too
        for tc in table._tbl.iter(qn("w:tc")):
            _borders(_Cell(tc, table))
    if look.official_widths and grid.cols in WIDTHS:
        widths = ([0.8] if shift else []) + WIDTHS[grid.cols] + ([0.8] if extra and not shift else [])
        table.autofit = False
        for column, width in zip(table.columns, widths):
            column.width = Cm(width)
        for tr in table._tbl.iter(qn("w:tr")):
            col = 0
            for tc in tr.iter(qn("w:tc")):
                tc.width = Cm(sum(widths[col:col + tc.grid_span]))
                col += tc.grid_span
    for i in range(repeat):
        table.rows[i]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


_REVISIONS = itertools.count(1)


def _tracked(run, kind: str, text: str) -> None:
    """Before run: a run of text as the clerk's tracked insertion (ins) or deletion (del), as Word writes them."""
    change = OxmlElement(f"w:{kind}")
    for name, value in (("id", str(next(_REVISIONS))), ("author", "办公室"), ("date", "2024-01-18T09:30:00Z")):
        change.set(qn(f"w:{name}"), value)
    r = OxmlElement("w:r")
    if run._r.rPr is not None:
        r.append(copy.deepcopy(run._r.rPr))
    t = OxmlElement("w:delText" if kind == "del" else "w:t")
    t.text = text
    r.append(t)
    change.append(r)
    run._r.addprevious(change)


def _borders(cell) -> None:
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        for name, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
            edge.set(qn(f"w:{name}"), value)
        borders.append(edge)
    cell._tc.get_or_add_tcPr().append(borders)


def differences(expected: Report, got: Report) -> list:
    """Every input value, text and header field that was not read back as written."""
    out = [(ref, expected.value(ref), got.value(ref)) for ref, _ in expected.input_cells()
           if expected.value(ref) != got.value(ref)]
    out += [(key, text, got.texts[key]) for key, text in expected.texts.items() if got.texts[key] != text]
    out += [(name, getattr(expected, name), getattr(got, name)) for name in ("unit_name", "year", "attachment_label")
            if getattr(expected, name) != getattr(got, name)]
    return out
