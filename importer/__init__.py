"""Reading a report from Word (.docx) or a published PDF into a draft: import_file(path) -> ImportResult."""
from __future__ import annotations

import os
from collections import Counter
from datetime import date
from pathlib import Path

from model.errors import ImportRefused, InputError, ReportError
from model.formats import FIRST_YEAR, FORMATS, format_for_year
from model.printed_totals import attach
from model.report import Report
from model.rules import check

from . import guard
from .document import RawTable, SourceDocument
from .guard import MAX_FILE_BYTES
from .outline import Outline, find_year_in_text, read_outline
from .result import ImportResult, Note, Notes
from .labels import section_of
from .tables import read_tables

__all__ = ["MAX_FILE_BYTES", "ImportRefused", "ImportResult", "import_file"]


def import_file(path: str | os.PathLike[str], data: bytes | None = None) -> ImportResult:
    """Read a report from a .docx or .pdf (data: its bytes, when the caller has read them within MAX_FILE_BYTES);
    raises ImportRefused (one Chinese message) when it cannot."""
    path = Path(path)
    kind, data = guard.sniff(path, data)
    try:
        if kind == "docx":
            from .docx_reader import read_docx

            doc = read_docx(data, path.name)
        else:
            from .pdf_reader import read_pdf

            doc = read_pdf(data, path.name)
        return build_report(doc, path)
    except ReportError:
        raise
    except (MemoryError, RecursionError):
        raise ImportRefused(f"“{path.name}”的结构过于复杂，无法读取") from None
    except Exception as exc:  # a file no check foresaw: still one message, never a traceback for the clerk
        raise ImportRefused(f"“{path.name}”无法读取（{type(exc).__name__}），未导入") from exc


def build_report(doc: SourceDocument, path: Path) -> ImportResult:
    """The report a read document holds, found by its official labels."""
    notes = Notes()
    outline = read_outline(doc, notes)
    tables = [(i, b) for i, b in enumerate(doc.blocks) if isinstance(b, RawTable)]
    if not outline.title and len(outline.headings) < 2 and not any(section_of(piece) for _, piece in tables):
        raise ImportRefused(f"“{path.name}”不是政府信息公开工作年度报告：没有找到“…政府信息公开工作年度报告”"
                            f"标题、“一、总体情况”等部分标题，也没有找到年度报告的统计表格")
    year = _year(outline, path, notes)
    try:
        fmt = format_for_year(year)
    except InputError:
        raise ImportRefused(f"“{path.name}”是{year}年度的报告：本程序支持的年度报告格式从{FIRST_YEAR}年度起适用"
                            f"（国办公开办函〔2019〕60号），更早年度的报告格式不同，无法导入") from None
    _format_hint(fmt, tables, notes)
    report = Report(fmt, year)
    _header(report, outline, notes)
    for section in fmt.text_sections():
        try:
            report.set_text(section.key, "\n".join(outline.texts.get(section.key, [])))
        except InputError as exc:  # characters no draft can hold
            notes.not_found.append(Note(section.heading, "", "", f"{exc.message}，文字未读取"))
    reading = read_tables(fmt, tables, outline, notes)
    if not tables:
        why = ("PDF文件中没有找到画有表格线的表格（表格没有画线，或是图片），无法按行列读取：第二、三、四部分的数字均按0，"
               "请改用原始的 Word 文件导入，或核对后手工填写" if doc.kind == "PDF"
               else f"{doc.kind}文件中没有找到表格，第二、三、四部分的数字均按0")
        notes.not_found.insert(0, Note("", "", "", why))  # the cause first, then every row not found
    for ref, value in reading.values.items():
        try:
            report.set_value(ref, value)
        except InputError as exc:
            table = report.table(ref.table)
            notes.not_found.append(Note(fmt.section_of_table(ref.table).heading, table.row(ref.row).label,
                                        table.column_label(ref.column), f"{exc.message}，未读取"))
    attach(report, reading.totals, path.name)
    return ImportResult(report, path, doc.kind, doc.pages, notes, check(report))


def _year(outline: Outline, path: Path, notes: Notes) -> int:
    """The report's year: the title's, else the one 一、总体情况 writes most; refused when none or after next year."""
    year = outline.year
    if year is None:
        year = find_year_in_text(outline)
        if year is None:
            raise ImportRefused(f"“{path.name}”中没有找到报告年度：标题应写明年度，"
                                f"如“某某镇2023年政府信息公开工作年度报告”")
        notes.interpreted.append(Note("标题", "", "", f"标题中没有年度，按“一、总体情况”中最常出现的“{year}年”"))
    if year > date.today().year + 1:
        raise ImportRefused(f"“{path.name}”标题中的年度“{year}”不是有效的报告年度")
    return year


def _header(report: Report, outline: Outline, notes: Notes) -> None:
    for name, value, title in (("unit_name", outline.unit, "填报单位"),
                               ("attachment_label", outline.attachment_label, "附件标注"),
                               ("report_date", outline.report_date, "报告日期")):
        if not value:
            continue
        try:
            report.set_field(name, value)
        except InputError as exc:
            notes.not_found.append(Note("基本信息", "", "", f"{title}“{value}”：{exc.message}，未读取"))


def _format_hint(fmt, tables: list[tuple[int, RawTable]], notes: Notes) -> None:
    """Say so when the tables look like the other format's (a report filed on an outdated template)."""
    own = {f.id: {x.label for t in f.section("proactive").tables for x in (*t.leaf_rows(), *t.leaf_columns())}
           for f in FORMATS}
    printed = Counter(cell.text.strip() for _, piece in tables for cell in piece.cells)
    scores = {key: sum(printed[label] for label in labels.difference(*(o for k, o in own.items() if k != key)))
              for key, labels in own.items()}
    best = max(scores, key=scores.get)  # type: ignore[arg-type]
    if best != fmt.id and scores[best] > scores[fmt.id]:
        other = next(f for f in FORMATS if f.id == best)
        notes.interpreted.append(Note("二、主动公开政府信息情况", "", "",
                                      f"表格用的像是{other.name}，但{fmt.name}适用于这一年度：按{fmt.name}读取，"
                                      f"对不上的格未读取"))
