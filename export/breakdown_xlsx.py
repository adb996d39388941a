"""The 汇总 breakdown workbook (openpyxl): one sheet per table section, one row per unit, live SUM totals,
and a sheet 检查结果 with every unit's findings and every file left out."""
from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from model.aggregate_inputs import Unreadable, UnitFile
from model.atomic import atomic_write
from model.cells import UNIT_FACTORS, Money
from model.formats.definition import CellKind, Column, Table, TableSection
from model.report import CellRef, Report
from model.rules import Severity

FIXED = ("序号", "单位", "文件")  # the first columns of every sheet, before the numbers
FINDINGS_SHEET = "检查结果"
FINDINGS_HEADERS = ("序号", "单位", "文件", "状态", "类型", "规则", "部分", "行", "列", "说明")
ERROR_FILL, WARNING_FILL, HEADER_FILL, TOTAL_FILL = "FFC7CE", "FFEB9C", "DDEBF7", "E2EFDA"
ERROR_FONT = "9C0006"
MONEY_FORMAT = "#,##0.00####"


def write_breakdown(path: Path | str, summary: Report, units: list[UnitFile],
                    left_out: Iterable[tuple[UnitFile, str]] = (), unreadable: Iterable[Unreadable] = ()) -> None:
    """Write the workbook atomically; raises ReportError (DraftError) when the file cannot be written."""
    atomic_write(Path(path), breakdown_bytes(summary, units, left_out, unreadable))


def breakdown_bytes(summary: Report, units: list[UnitFile], left_out: Iterable[tuple[UnitFile, str]] = (),
                    unreadable: Iterable[Unreadable] = ()) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    index = {ref: i for i, (ref, _) in enumerate(summary.input_cells())}
    for section in summary.format.table_sections():
        _SectionSheet(book, summary, section, units, index).write()
    _findings_sheet(book, units, list(left_out), list(unreadable))
    book.properties.title = f"{summary.title()} 各单位明细"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _row_path(table: Table, key: str) -> list[str]:
    """The printed row labels above a cell ([] for section 四's unlabelled row)."""
    return [label for label in table.row_path(key) if label] if table.show_row_labels else []


_CONT = None  # a header cell merged into the one above it


class _SectionSheet:
    """One table section: header rows merged like the printed form, a row per unit, a total row."""

    def __init__(self, book, summary: Report, section: TableSection, units: list[UnitFile],
                 index: dict[CellRef, int]) -> None:
        self.sheet = book.create_sheet(f"{section.number}、{section.short}")
        self.summary, self.section, self.units, self.index = summary, section, units, index
        self.cells: list[tuple[CellRef, Column, Table]] = [
            (ref, column, summary.table(ref.table)) for ref, column in summary.input_cells()
            if any(t.key == ref.table for t in section.tables)]

    def headers(self) -> list[list[tuple[str, tuple] | None]]:
        """Per data column, one entry per header row: (label, merge key) or _CONT below a stretched label."""
        paths = [([t.title] if t.title else [], _row_path(t, ref.row), t.column_path(ref.column), c)
                 for ref, c, t in self.cells]
        bands = [max(len(p[b]) for p in paths) for b in range(3)]
        out = []
        for title, rows, cols, column in paths:
            cols = list(cols)
            if column.kind is CellKind.MONEY and not column.unit_in_label:
                cols[-1] += f"（{self._money_unit(column)}）"
            entries: list[tuple[str, tuple] | None] = []
            prefix: tuple = ()
            for band, labels in enumerate((title, rows, cols)):
                for depth in range(bands[band]):
                    if depth < len(labels):
                        prefix = prefix + ((band, labels[depth]),)
                        entries.append((labels[depth], prefix))
                    else:
                        entries.append(_CONT if labels else ("", prefix + ((band, ""),)))
            out.append(entries)
        return out

    def _money_unit(self, column: Column) -> str:
        ref = next(r for r, c, _ in self.cells if c is column)
        value = self.summary.value(ref)
        return value.unit if isinstance(value, Money) else column.units[0]

    def write(self) -> None:
        from openpyxl.comments import Comment
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
        from openpyxl.utils import get_column_letter

        sheet = self.sheet
        headers = self.headers()
        depth = len(headers[0]) if headers else 1
        first = len(FIXED) + 1
        thin = Side(style="thin", color="808080")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        last_col = first + len(self.cells) - 1
        sheet.cell(1, 1, f"{self.summary.title()} — {self.section.heading}（各单位明细）").font = Font(bold=True, size=13)
        top = 2
        for j, label in enumerate(FIXED, start=1):
            sheet.cell(top, j, label)
            if depth > 1:
                sheet.merge_cells(start_row=top, start_column=j, end_row=top + depth - 1, end_column=j)
        for level in range(depth):
            j = 0
            while j < len(headers):
                entry = headers[j][level]
                if entry is _CONT:
                    j += 1
                    continue
                end = j
                while end + 1 < len(headers) and headers[end + 1][level] == entry:
                    end += 1
                down = level
                while down + 1 < depth and headers[j][down + 1] is _CONT:
                    down += 1
                sheet.cell(top + level, first + j, entry[0])
                if end > j or down > level:
                    sheet.merge_cells(start_row=top + level, start_column=first + j,
                                      end_row=top + down, end_column=first + end)
                j = end + 1
        for row in sheet.iter_rows(min_row=top, max_row=top + depth - 1, min_col=1, max_col=last_col):
            for cell in row:
                cell.alignment, cell.border, cell.fill = centre, border, header_fill
                cell.font = Font(bold=True)
        data_top = top + depth
        error_fill = PatternFill("solid", fgColor=ERROR_FILL)
        for n, unit in enumerate(self.units, start=1):
            r = data_top + n - 1
            sheet.cell(r, 1, n)
            name = sheet.cell(r, 2, unit.name)
            sheet.cell(r, 3, unit.path.name)
            marked = {ref: f for f in unit.findings if f.severity is Severity.ERROR for ref in f.cells}
            if unit.errors:
                name.fill = error_fill
                name.font = Font(color=ERROR_FONT, bold=True)
                name.comment = Comment(f"本单位报告有{unit.errors}个错误，见“{FINDINGS_SHEET}”表", "gkbg")
            for j, (ref, column, _table) in enumerate(self.cells):
                cell = sheet.cell(r, first + j, self._value(unit, ref, column))
                if column.kind is CellKind.MONEY:
                    cell.number_format = MONEY_FORMAT
                finding = marked.get(ref)
                if finding is not None:
                    cell.fill = error_fill
                    cell.font = Font(color=ERROR_FONT)
                    cell.comment = Comment(finding.message, "gkbg")
            for cell in sheet[r][: last_col]:
                cell.border = border
        total = data_top + len(self.units)
        sheet.cell(total, 1, "合计")
        sheet.merge_cells(start_row=total, start_column=1, end_row=total, end_column=len(FIXED))
        for j, (_ref, column, _table) in enumerate(self.cells):
            letter = get_column_letter(first + j)
            formula = f"=SUM({letter}{data_top}:{letter}{total - 1})" if self.units else "=0"
            cell = sheet.cell(total, first + j, formula)
            if column.kind is CellKind.MONEY:
                cell.number_format = MONEY_FORMAT
        total_fill = PatternFill("solid", fgColor=TOTAL_FILL)
        for cell in sheet[total][: last_col]:
            cell.font, cell.fill, cell.border = Font(bold=True), total_fill, border
        sheet.freeze_panes = sheet.cell(data_top, first)
        sheet.column_dimensions["A"].width = 6
        sheet.column_dimensions["B"].width = 26
        sheet.column_dimensions["C"].width = 24
        for j in range(len(self.cells)):
            sheet.column_dimensions[get_column_letter(first + j)].width = 12
        for level in range(depth):
            sheet.row_dimensions[top + level].height = 48 if level >= depth - 1 else 32

    def _value(self, unit: UnitFile, ref: CellRef, column: Column):
        value = unit.values[self.index[ref]]
        if isinstance(value, Money):
            target = self._money_unit(column)
            amount = value.amount * UNIT_FACTORS[value.unit] / UNIT_FACTORS[target]
            return amount if amount != amount.to_integral_value() else int(amount)
        return value


def _findings_sheet(book, units: list[UnitFile], left_out: list[tuple[UnitFile, str]],
                    unreadable: list[Unreadable]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet = book.create_sheet(FINDINGS_SHEET)
    sheet.append(FINDINGS_HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    error_font, warning_fill = Font(color=ERROR_FONT), PatternFill("solid", fgColor=WARNING_FILL)
    for n, unit in enumerate(units, start=1):
        status = f"{unit.errors}个错误" if unit.errors else "已计入"
        if not unit.findings:
            sheet.append((n, unit.name, unit.path.name, status, "", "", "", "", "", "检查通过：没有错误或警告"))
        for f in unit.findings:
            sheet.append((n, unit.name, unit.path.name, status, f.severity.label, f.rule, f.section, f.row,
                          f.column, f.message))
            if f.severity is Severity.ERROR:
                for cell in sheet[sheet.max_row]:
                    cell.font = error_font
            else:
                sheet.cell(sheet.max_row, 5).fill = warning_fill
    for unit, reason in left_out:
        sheet.append(("", unit.name, unit.path.name, "未计入", "", "", "", "", "", reason))
    for entry in unreadable:
        sheet.append(("", "", entry.path.name, "无法读取", "", "", "", "", "", entry.message))
    widths = (6, 26, 24, 10, 6, 8, 30, 30, 20, 80)
    from openpyxl.utils import get_column_letter

    for j, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(j)].width = width
    for row in sheet.iter_rows(min_row=2):
        row[-1].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(FINDINGS_HEADERS))}{sheet.max_row}"

