"""The 汇总 breakdown workbook (openpyxl, streamed): a sheet per table section, a row per unit, and 检查结果.

Headers merged as printed, live SUM totals, error cells marked; the sheet 检查结果 lists every unit's findings and
every file left out."""
from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from model.aggregate_inputs import Unreadable, UnitFile
from model.atomic import atomic_write
from model.cells import Money
from model.formats.definition import CellKind, Column, Table, TableSection
from model.report import CellRef, Report
from model.rules import Severity

FIXED = ("序号", "单位", "文件")  # the first columns of every sheet, before the numbers
FINDINGS_SHEET = "检查结果"
FINDINGS_HEADERS = ("序号", "单位", "文件", "状态", "类型", "规则", "部分", "行", "列", "说明")
ERROR_FILL, WARNING_FILL, HEADER_FILL, TOTAL_FILL = "FFC7CE", "FFEB9C", "DDEBF7", "E2EFDA"
ERROR_FONT = "9C0006"
MONEY_FORMAT = "#,##0.00####"
TOP = 2  # the header rows start under the sheet's title row


def write_breakdown(path: Path | str, summary: Report, units: list[UnitFile],
                    left_out: Iterable[tuple[UnitFile, str]] = (), unreadable: Iterable[Unreadable] = ()) -> None:
    """Write the workbook atomically; raises ReportError (DraftError) when the file cannot be written."""
    atomic_write(Path(path), breakdown_bytes(summary, units, left_out, unreadable))


def breakdown_bytes(summary: Report, units: list[UnitFile], left_out: Iterable[tuple[UnitFile, str]] = (),
                    unreadable: Iterable[Unreadable] = ()) -> bytes:
    """The .xlsx bytes. Rows are streamed (write-only workbook): thousands of units take little memory."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    styles = _Styles()
    index = {ref: i for i, (ref, _) in enumerate(summary.input_cells())}
    for section in summary.format.table_sections():
        _SectionSheet(book, styles, summary, section, units, index).write()
    _findings_sheet(book, styles, units, list(left_out), list(unreadable))
    book.properties.title = f"{summary.title()} 各单位明细"
    from model.version import APP_NAME, VERSION

    book.properties.creator = book.properties.lastModifiedBy = f"{APP_NAME} {VERSION}"  # the version that made it
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class _Styles:
    """The few styles of the workbook, made once."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        # every font named and sized like the workbook's default (Calibri 11): a font without them is drawn in
        # the reader's own default (LibreOffice: a serif face at 10 pt) beside the plain cells
        face = {"name": "Calibri", "size": 11}
        self.bold, self.title = Font(bold=True, **face), Font(bold=True, name="Calibri", size=13)
        self.error_font, self.error_bold = Font(color=ERROR_FONT, **face), Font(color=ERROR_FONT, bold=True, **face)
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self.total_fill = PatternFill("solid", fgColor=TOTAL_FILL)
        self.error_fill = PatternFill("solid", fgColor=ERROR_FILL)
        self.warning_fill = PatternFill("solid", fgColor=WARNING_FILL)


def _cell(sheet, value=None, comment: str = "", **style):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment

    cell = WriteOnlyCell(sheet, value)
    for name, value in style.items():
        setattr(cell, name, value)
    if comment:
        cell.comment = Comment(comment, "gkbg")
    return cell


def _row_path(table: Table, key: str) -> list[str]:
    """The printed row labels above a cell ([] for section 四's unlabelled row)."""
    return [label for label in table.row_path(key) if label] if table.show_row_labels else []


_CONT = None  # a header cell merged into the one above it


class _SectionSheet:
    """One table section: header rows merged like the printed form, a row per unit, a total row."""

    def __init__(self, book, styles: _Styles, summary: Report, section: TableSection, units: list[UnitFile],
                 index: dict[CellRef, int]) -> None:
        self.sheet = book.create_sheet(f"{section.number}、{section.short}")
        self.styles = styles
        self.summary, self.section, self.units, self.index = summary, section, units, index
        self.cells: list[tuple[CellRef, Column]] = [
            (ref, column) for ref, column in summary.input_cells() if any(t.key == ref.table for t in section.tables)]
        self.money_units = {ref: self._money_unit(ref, column) for ref, column in self.cells
                            if column.kind is CellKind.MONEY}

    def _money_unit(self, ref: CellRef, column: Column) -> str:
        """The unit the summary holds the amount in (units are converted to it), else the column's first."""
        value = self.summary.value(ref)
        return value.unit if isinstance(value, Money) else column.units[0]

    def headers(self) -> list[list[tuple[str, tuple] | None]]:
        """Per data column, one entry per header row: (label, merge key) or _CONT below a stretched label."""
        paths = []
        for ref, column in self.cells:
            table = self.summary.table(ref.table)
            cols = table.column_path(ref.column)
            if column.kind is CellKind.MONEY and not column.unit_in_label:
                cols[-1] += f"（{self.money_units[ref]}）"
            paths.append(([table.title] if table.title else [], _row_path(table, ref.row), cols))
        bands = [max(len(p[b]) for p in paths) for b in range(3)]
        out = []
        for path in paths:
            entries: list[tuple[str, tuple] | None] = []
            prefix: tuple = ()
            for band, labels in enumerate(path):
                for depth in range(bands[band]):
                    if depth < len(labels):
                        prefix = prefix + ((band, labels[depth]),)
                        entries.append((labels[depth], prefix))
                    else:
                        entries.append(_CONT if labels else ("", prefix + ((band, ""),)))
            out.append(entries)
        return out

    def merges(self, headers) -> list[tuple[int, int, int, int, str]]:
        """(first level, first column, last level, last column, label) of every header area, 0-based."""
        depth = len(headers[0])
        areas = []
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
                areas.append((level, j, down, end, entry[0]))
                j = end + 1
        return areas

    def write(self) -> None:
        from openpyxl.utils import get_column_letter

        sheet, st = self.sheet, self.styles
        headers = self.headers()
        depth = len(headers[0])
        first = len(FIXED) + 1  # the first data column (1-based)
        data_top = TOP + depth
        total_row = data_top + len(self.units)
        for letter, width in (("A", 6), ("B", 26), ("C", 24)):
            sheet.column_dimensions[letter].width = width
        for j in range(len(self.cells)):
            sheet.column_dimensions[get_column_letter(first + j)].width = 12
        for level in range(depth):
            sheet.row_dimensions[TOP + level].height = 48 if level == depth - 1 else 32
        sheet.freeze_panes = f"{get_column_letter(first)}{data_top}"
        sheet.append([_cell(sheet, f"{self.summary.title()} — {self.section.heading}（各单位明细）", font=st.title)])
        grid: list[list[str | None]] = [[None] * len(self.cells) for _ in range(depth)]
        for top, left, bottom, right, label in self.merges(headers):
            grid[top][left] = label
            if bottom > top or right > left:
                sheet.merged_cells.add(f"{get_column_letter(first + left)}{TOP + top}:"
                                       f"{get_column_letter(first + right)}{TOP + bottom}")
        for j in range(len(FIXED)):
            if depth > 1:
                letter = get_column_letter(j + 1)
                sheet.merged_cells.add(f"{letter}{TOP}:{letter}{TOP + depth - 1}")
        header_style = {"font": st.bold, "fill": st.header_fill, "border": st.border, "alignment": st.centre}
        for level in range(depth):
            fixed = list(FIXED) if level == 0 else [None] * len(FIXED)
            sheet.append([_cell(sheet, v, **header_style) for v in fixed + grid[level]])
        for n, unit in enumerate(self.units, start=1):
            sheet.append(self._unit_row(n, unit))
        sums = []
        for j, (ref, _column) in enumerate(self.cells):
            letter = get_column_letter(first + j)
            formula = f"=SUM({letter}{data_top}:{letter}{total_row - 1})" if self.units else "=0"
            sums.append(_cell(sheet, formula, font=st.bold, fill=st.total_fill, border=st.border,
                              **({"number_format": MONEY_FORMAT} if ref in self.money_units else {})))
        total_style = {"font": st.bold, "fill": st.total_fill, "border": st.border}
        sheet.append([_cell(sheet, "合计", **total_style), _cell(sheet, None, **total_style),
                      _cell(sheet, None, **total_style), *sums])
        sheet.merged_cells.add(f"A{total_row}:{get_column_letter(len(FIXED))}{total_row}")

    def _unit_row(self, n: int, unit: UnitFile) -> list:
        st, sheet = self.styles, self.sheet
        marked = {ref: f for f in unit.findings if f.severity is Severity.ERROR for ref in f.cells}
        if unit.errors:
            name = _cell(sheet, unit.name, f"本单位报告有{unit.errors}个错误，见“{FINDINGS_SHEET}”表",
                         font=st.error_bold, fill=st.error_fill)
        else:
            name = unit.name
        row: list = [n, name, unit.path.name]
        for ref, _column in self.cells:
            value = unit.values[self.index[ref]]
            if isinstance(value, Money):
                amount = value.in_unit(self.money_units[ref])
                value = amount if amount != amount.to_integral_value() else int(amount)
            finding = marked.get(ref)
            if finding is not None:
                row.append(_cell(sheet, value, finding.message, font=st.error_font, fill=st.error_fill,
                                 **({"number_format": MONEY_FORMAT} if ref in self.money_units else {})))
            elif ref in self.money_units:
                row.append(_cell(sheet, value, number_format=MONEY_FORMAT))
            else:
                row.append(value)
        return row


def _findings_sheet(book, st: _Styles, units: list[UnitFile], left_out: list[tuple[UnitFile, str]],
                    unreadable: list[Unreadable]) -> None:
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(FINDINGS_SHEET)
    for j, width in enumerate((6, 26, 24, 10, 6, 8, 30, 30, 20, 80), start=1):
        sheet.column_dimensions[get_column_letter(j)].width = width
    sheet.freeze_panes = "A2"
    rows = 1 + sum(max(1, len(u.findings)) for u in units) + len(left_out) + len(unreadable)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(FINDINGS_HEADERS))}{rows}"
    sheet.append([_cell(sheet, h, font=st.bold, fill=st.header_fill) for h in FINDINGS_HEADERS])

    def add(values, font=None, severity_fill=None) -> None:
        """A row: every cell in font (an error's), the severity cell filled (a warning's), the text wrapped."""
        styled = {"font": font} if font else {}
        cells = [_cell(sheet, v, **styled) if font else v for v in values[:-1]]
        if severity_fill is not None:
            cells[4] = _cell(sheet, values[4], fill=severity_fill)
        cells.append(_cell(sheet, values[-1], alignment=st.wrap, **styled))
        sheet.append(cells)

    for n, unit in enumerate(units, start=1):
        status = f"{unit.errors}个错误" if unit.errors else "已计入"
        if not unit.findings:
            add((n, unit.name, unit.path.name, status, "", "", "", "", "", "检查通过：没有错误或警告"))
        for f in unit.findings:
            values = (n, unit.name, unit.path.name, status, f.severity.label, f.rule, f.section, f.row, f.column,
                      f.message)
            if f.severity is Severity.ERROR:
                add(values, font=st.error_font)
            else:
                add(values, severity_fill=st.warning_fill)
    for unit, reason in left_out:
        add(("", unit.name, unit.path.name, "未计入", "", "", "", "", "", reason))
    for entry in unreadable:
        add(("", "", entry.path.name, "无法读取", "", "", "", "", "", entry.message))
