"""The printed grid of a table section: cells with row/column spans, shared by the window and the exports."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .formats.definition import CellKind, Column, Row, Table, TableSection
from .report import CellRef, cell_kind


class Role(Enum):
    TITLE = "title"  # block title row (第二十条第（一）项)
    CORNER = "corner"  # top-left header cell over the row labels
    HEADER = "header"  # column header
    LABEL = "label"  # row label
    VALUE = "value"  # a number cell (input or computed total)


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    role: Role
    text: str = ""
    ref: CellRef | None = None
    column: Column | None = None
    kind: CellKind | None = None
    table: str = ""  # the table of a header or label cell
    key: str = ""  # the row key of a label, the column key of a header


@dataclass
class SectionGrid:
    """All cells of one section's printed table; header_rows lead it and repeat on a new page."""

    rows: int
    cols: int
    cells: list[GridCell]
    header_rows: int
    block_starts: list[int]  # grid row where each table block starts

    def __post_init__(self) -> None:
        self._anchor: dict[tuple[int, int], GridCell] = {}
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    self._anchor[(r, c)] = cell
        self._by_ref = {cell.ref: cell for cell in self.cells if cell.ref is not None}

    def at(self, row: int, col: int) -> GridCell | None:
        """The cell covering (row, col), or None for an empty position."""
        return self._anchor.get((row, col))

    def cell_of(self, ref: CellRef) -> GridCell:
        return self._by_ref[ref]

    def value_cells(self) -> list[GridCell]:
        return [c for c in self.cells if c.role is Role.VALUE]


_GRIDS: dict[int, SectionGrid] = {}


def section_grid(section: TableSection) -> SectionGrid:
    """Lay out a table section (cached: formats are immutable)."""
    grid = _GRIDS.get(id(section))
    if grid is None:
        grid = _GRIDS[id(section)] = _build(section)
    return grid


def _build(section: TableSection) -> SectionGrid:
    width = max(t.label_depth() + len(t.leaf_columns()) for t in section.tables)
    cells: list[GridCell] = []
    starts: list[int] = []
    top = 0
    for table in section.tables:
        starts.append(top)
        top = _lay_table(table, top, width, cells)
    header_rows = section.tables[0].header_depth() if len(section.tables) == 1 else 0
    return SectionGrid(top, width, cells, header_rows, starts)


def _lay_table(table: Table, top: int, width: int, out: list[GridCell]) -> int:
    if table.title:
        out.append(GridCell(top, 0, 1, width, Role.TITLE, table.title))
        top += 1
    labels = table.label_depth()
    depth = table.header_depth()
    leaves = table.leaf_columns()
    # the last leaf column absorbs any spare width of the section grid
    spare = width - labels - len(leaves)
    if labels:
        out.append(GridCell(top, 0, depth, labels, Role.CORNER, table.corner))

    def lay_columns(columns: tuple[Column, ...], level: int, col: int) -> int:
        for column in columns:
            span = len(column.leaves())
            if column.leaves()[-1] is leaves[-1]:
                span += spare
            rowspan = 1 if column.is_group else depth - level
            out.append(GridCell(top + level, col, rowspan, span, Role.HEADER, column.label, column=column,
                                table=table.key, key=column.key))
            lay_columns(column.children, level + 1, col)
            col += span
        return col

    lay_columns(table.columns, 0, labels)
    top += depth

    def lay_rows(rows: tuple[Row, ...], level: int, at: int) -> int:
        for row in rows:
            if row.is_group:
                n = len(row.leaves())
                out.append(GridCell(at, level, n, 1, Role.LABEL, row.label, table=table.key, key=row.key))
                at = lay_rows(row.children, level + 1, at)
                continue
            if labels:
                out.append(GridCell(at, level, 1, labels - level, Role.LABEL, row.label, table=table.key, key=row.key))
            col = labels
            for column in leaves:
                span = 1 + (spare if column is leaves[-1] else 0)
                out.append(GridCell(at, col, 1, span, Role.VALUE, ref=CellRef(table.key, row.key, column.key),
                                    column=column, kind=cell_kind(table, row, column)))
                col += span
            at += 1
        return at

    return lay_rows(table.rows, 0, top)
