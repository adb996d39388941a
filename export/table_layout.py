"""Printed tables: cells as printed (增N/减N, label lines, number sizes) on the widths table_widths finds.

Both renderers draw exactly these widths, heights and lines (points, rounded to twips), so no number
ever breaks and a label breaks only where the format data allows; table_split says where a table may
go on to the next page.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from model.cells import display_text
from model.formats.definition import CellKind, TableSection
from model.grid import Role, section_grid
from model.report import Report

from .layout import WUHAO, XIAOSI, XIAOWU, Align
from .table_split import keep_units, pieces
from .table_widths import NUMBER_STYLES, PAD_Y, column_widths, label_lines, need, row_heights


@dataclass(frozen=True)
class TableCell:
    """A cell of a printed table; row/col address the top-left of its span; lines as printed."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    role: Role
    align: Align
    lines: tuple[str, ...] = ()
    size: float = WUHAO
    scale: float = 1.0  # horizontal scale of the glyphs (字符缩放): numbers too wide for their column at 六号

    @property
    def shaded(self) -> bool:
        return self.role is Role.TITLE


@dataclass(frozen=True)
class TableBlock:
    """One printed table (or a piece of one): widths and heights in points, cells, header rows to repeat."""

    key: str
    rows: int
    col_widths_pt: tuple[float, ...]
    row_heights_pt: tuple[float, ...]
    cells: tuple[TableCell, ...]
    header_rows: int
    size: float  # font size of the labels
    units: tuple[tuple[int, int], ...]  # (first, last) rows kept on one page
    continued: bool = False  # a later piece of a table cut between pages: starts a new page
    pad_y: float = PAD_Y  # points above and below the text of a cell

    @property
    def height(self) -> float:
        return sum(self.row_heights_pt)

    def breaks(self) -> list[int]:
        """Rows before which the table may go on to the next page (no cell spans across them)."""
        return [first for first, _last in self.units[1:]]

    def slice(self, first: int, end: int, continued: bool = False) -> TableBlock:
        """The header rows and rows [first, end); a cell cut by the slice is repeated on the rows it keeps."""
        h = self.header_rows
        cells = [c for c in self.cells if c.row < h]
        for c in self.cells:
            top, bottom = max(c.row, first), min(c.row + c.rowspan, end)
            if c.row >= h and top < bottom:
                cells.append(replace(c, row=top - first + h, rowspan=bottom - top))
        units = tuple((max(a, first) - first + h, min(b, end - 1) - first + h)
                      for a, b in self.units if b >= first and a < end)
        rows = h + end - first
        return TableBlock(self.key, rows, self.col_widths_pt, row_heights(cells, rows, self.size, self.pad_y),
                          tuple(cells), h, self.size, units, continued, self.pad_y)


# ------------------------------------------------------------------ building


_ALIGN = {Role.TITLE: Align.LEFT, Role.CORNER: Align.CENTER, Role.HEADER: Align.CENTER,
          Role.LABEL: Align.LEFT, Role.VALUE: Align.CENTER}


def table_size(section: TableSection) -> float:
    """Type size of a section's table: 小四 for 二 (few columns), 五号 for 三 and 四."""
    return XIAOSI if section.key == "proactive" else WUHAO


# (type size, cell padding) tried in turn, most readable first, for a table under one header (三) until it
# fits on one page with its heading: first less padding, then 小五 throughout
_TIGHTER = ((None, 2.0), (None, 1.5), (XIAOWU, PAD_Y), (XIAOWU, 2.0), (XIAOWU, 1.5))


def table_blocks(report: Report, section: TableSection, width: float, first_page: float,
                 page: float) -> list[TableBlock]:
    """The section's table. A table under one header that fits on a page with its heading, set tighter if
    need be, is kept whole (it goes to the next page rather than be cut); a taller one is cut between row
    groups, into pieces only where a keep unit is taller than a page; blocks with headers of their own
    (二) go on to the next page between blocks."""
    block = table_block(report, section, width)
    if len(section_grid(section).block_starts) > 1:
        return pieces(block, first_page, page)
    if block.height > first_page:
        trials = (table_block(report, section, width, size, pad_y) for size, pad_y in _TIGHTER)
        block = next((t for t in trials if t.height <= first_page), block)
    if block.height <= first_page:
        return [replace(block, units=((block.header_rows, block.rows - 1),))]
    return pieces(block, first_page, page)


def table_block(report: Report, section: TableSection, width: float, size: float | None = None,
                pad_y: float = PAD_Y) -> TableBlock:
    """The section's whole table `width` points wide, at a type size (the section's own) and cell padding."""
    grid = section_grid(section)
    size = size or table_size(section)
    labels = min((c.col for c in grid.cells if c.role is Role.VALUE), default=0)
    raw = []
    for cell in grid.cells:
        text = cell_text(report, cell) if cell.role is Role.VALUE else cell.text
        align = _ALIGN[cell.role]
        if cell.role is Role.LABEL and cell.rowspan > 1:
            align = Align.CENTER  # a group label merged over its rows
        raw.append(TableCell(cell.row, cell.col, cell.rowspan, cell.colspan, text, cell.role, align, size=size))
    widths, number_style = column_widths(raw, grid.cols, labels, width, size, pad_y)
    cells = tuple(_with_lines(c, widths, number_style) for c in raw)
    units = keep_units(cells, grid.rows, grid.header_rows, grid.block_starts)
    return TableBlock(section.key, grid.rows, widths, row_heights(cells, grid.rows, size, pad_y), cells,
                      grid.header_rows, size, units, pad_y=pad_y)


def cell_text(report: Report, cell) -> str:
    """A number cell as printed: 0 for zero, 增N/减N for a signed change, money with its unit."""
    if cell.kind is CellKind.BLANK or cell.ref is None:
        return ""
    value = report.value(cell.ref)
    if cell.column is not None and cell.column.kind is CellKind.SIGNED and isinstance(value, int) and value:
        return f"增{value}" if value > 0 else f"减{-value}"
    return display_text(value, cell.column)


def _with_lines(cell: TableCell, widths: tuple[float, ...], number_style: tuple[float, float]) -> TableCell:
    """The cell's printed lines; a number as large as its column allows (only the widest ones, often the
    totals, need the style every number of the table would fit in)."""
    width = sum(widths[cell.col:cell.col + cell.colspan])
    if cell.role is Role.VALUE:
        styles = [s for s in NUMBER_STYLES if s[0] <= cell.size]
        style = next((s for s in styles[:styles.index(number_style) + 1] if need(cell.text, *s) <= width + 1e-6),
                     number_style)
        return replace(cell, lines=(cell.text,) if cell.text else (), size=style[0], scale=style[1])
    return replace(cell, lines=label_lines(cell.text, width, cell.size))
