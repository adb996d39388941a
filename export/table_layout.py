"""Printed tables: column widths from the values present and the labels, label lines, row heights, page splits.

Both renderers draw exactly these widths, heights and lines (points, rounded to twips), so no number
ever breaks and a label breaks only where the format data allows. A table splits across pages only
between its keep units (a 二 block, a 三 row group); a unit taller than a page is cut into pieces
between row groups, each repeating the header rows and the group labels it continues.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import product

from model.cells import display_text
from model.formats.definition import CellKind, TableSection
from model.formats.label_breaks import label_units
from model.grid import Role, section_grid
from model.report import Report

from .layout import MM, WUHAO, XIAOSI, Align
from .typeset import text_ems, wrap_ems

PAD_X = 2.0  # points: cell margin left and right (DOCX w:tblCellMar, PDF padding)
PAD_Y = 2.5  # points above and below the text
LEADING = 1.25  # line height / font size in tables
BORDER = 0.75  # points: every table line (Word's 3/4 pt single border; thinner ones print unevenly)
# sizes tried for the numbers, largest first, until the widest number fits its column
NUMBER_SIZES = (12.0, 10.5, 9.0, 7.5, 6.5, 5.5, 5.0, 4.5, 4.0, 3.5, 3.0)
WIDTH_STEPS = 9  # label column widths tried per column, in half-character steps


def twips(points: float) -> float:
    """Points rounded to a twentieth, the DOCX unit, so both renderers use the very same numbers."""
    return round(points * 20) / 20


def leading(size: float) -> float:
    return math.ceil(size * LEADING * 20) / 20


def slack(size: float) -> float:
    """Room left beside the widest line, for fonts whose glyphs run wider than the neutral measure."""
    return 0.5 + 0.1 * size


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

    @property
    def col_widths_mm(self) -> tuple[float, ...]:
        return tuple(w / MM for w in self.col_widths_pt)

    @property
    def height(self) -> float:
        return sum(self.row_heights_pt)

    def keep_ranges(self) -> list[tuple[int, int]]:
        return list(self.units)

    def breaks(self) -> list[int]:
        """Rows before which the table may go on to the next page (no cell spans across them)."""
        return [first for first, _last in self.units[1:]]

    def at(self, row: int, col: int) -> TableCell | None:
        for cell in self.cells:
            if cell.row <= row < cell.row + cell.rowspan and cell.col <= col < cell.col + cell.colspan:
                return cell
        return None

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
        return TableBlock(self.key, rows, self.col_widths_pt, row_heights(cells, rows, self.size),
                          tuple(cells), h, self.size, units, continued)


# ------------------------------------------------------------------ building


_ALIGN = {Role.TITLE: Align.LEFT, Role.CORNER: Align.CENTER, Role.HEADER: Align.CENTER,
          Role.LABEL: Align.LEFT, Role.VALUE: Align.CENTER}


def table_size(section: TableSection) -> float:
    return XIAOSI if section.key == "proactive" else WUHAO


def table_blocks(report: Report, section: TableSection, width: float, first_page: float,
                 page: float) -> list[TableBlock]:
    """The section's table, cut into pieces only where a keep unit is taller than a page."""
    block = table_block(report, section, width)
    return pieces(block, first_page, page)


def table_block(report: Report, section: TableSection, width: float) -> TableBlock:
    grid = section_grid(section)
    size = table_size(section)
    labels = min((c.col for c in grid.cells if c.role is Role.VALUE), default=0)
    raw = []
    for cell in grid.cells:
        text = cell_text(report, cell) if cell.role is Role.VALUE else cell.text
        align = _ALIGN[cell.role]
        if cell.role is Role.LABEL and cell.rowspan > 1:
            align = Align.CENTER  # a group label merged over its rows
        raw.append(TableCell(cell.row, cell.col, cell.rowspan, cell.colspan, text, cell.role, align, size=size))
    widths, number_size = column_widths(raw, grid.cols, labels, width, size)
    cells = tuple(_with_lines(c, widths, number_size) for c in raw)
    units = keep_units(cells, grid.rows, grid.header_rows, grid.block_starts)
    return TableBlock(section.key, grid.rows, widths, row_heights(cells, grid.rows, size), cells,
                      grid.header_rows, size, units)


def cell_text(report: Report, cell) -> str:
    """A number cell as printed: 0 for zero, 增N/减N for a signed change, money with its unit."""
    if cell.kind is CellKind.BLANK or cell.ref is None:
        return ""
    value = report.value(cell.ref)
    if cell.column is not None and cell.column.kind is CellKind.SIGNED and isinstance(value, int) and value:
        return f"增{value}" if value > 0 else f"减{-value}"
    return display_text(value, cell.column)


def _with_lines(cell: TableCell, widths: tuple[float, ...], number_size: float) -> TableCell:
    """The cell's printed lines; a number as large as its column allows (only the widest ones, often the
    totals, need the size every number of the table would fit at)."""
    width = sum(widths[cell.col:cell.col + cell.colspan])
    if cell.role is Role.VALUE:
        size = next((s for s in NUMBER_SIZES if s <= cell.size and _need(cell.text, s) <= width + 1e-6),
                    number_size)
        return replace(cell, lines=(cell.text,) if cell.text else (), size=max(size, number_size))
    return replace(cell, lines=label_lines(cell.text, width, cell.size))


def text_room(width: float, size: float) -> float:
    """Ems of text a cell `width` points wide holds on one line."""
    return (width - 2 * PAD_X - slack(size)) / size


@lru_cache(maxsize=4096)
def _lines(text: str, room_steps: int) -> tuple[str, ...]:
    return tuple(wrap_ems(text, room_steps / 8, label_units(text)))


def label_lines(text: str, width: float, size: float) -> tuple[str, ...]:
    if not text:
        return ()
    room = text_room(width, size)
    return _lines(text, max(1, math.floor(room * 8 + 1e-6)))


def _need(text: str, size: float) -> float:
    """Width a one-line text needs in a cell."""
    return text_ems(text) * size + 2 * PAD_X + slack(size)


def _widest_unit(text: str) -> float:
    return max((text_ems(u) for u in label_units(text)), default=0.0)


def column_widths(cells: list[TableCell], cols: int, labels: int, total: float,
                  size: float) -> tuple[tuple[float, ...], float]:
    """Column widths (points, summing to total) and the number size: numbers get what their widest value
    needs, at the largest size that leaves the label columns room for their widest unbreakable word."""
    numbers = list(range(labels, cols))
    label_min = [0.0] * labels
    header_min = {c: 0.0 for c in numbers}
    for cell in cells:
        if cell.role is Role.VALUE or not cell.text or cell.colspan != 1:
            continue
        need = _widest_unit(cell.text) * size + 2 * PAD_X + slack(size)
        if cell.col < labels:
            label_min[cell.col] = max(label_min[cell.col], need)
        else:
            header_min[cell.col] = max(header_min[cell.col], need)
    values = [c for c in cells if c.role is Role.VALUE and c.text]
    sizes = [s for s in NUMBER_SIZES if s <= size]
    for number_size in sizes:
        need = dict(header_min)
        for cell in values:
            if cell.colspan == 1:
                need[cell.col] = max(need[cell.col], _need(cell.text, number_size))
        room = total - sum(label_min)
        equal = max(need.values(), default=0.0)
        options = []
        if equal * len(numbers) <= room:
            options.append({c: equal for c in numbers})
        if sum(need.values()) <= room and (not options or labels):
            options.append(need)
        if not options and number_size != sizes[-1]:
            continue
        if not options:  # nothing fits (absurd input): share the width in proportion
            scale = room / sum(need.values())
            options.append({c: w * scale for c, w in need.items()})
        best = None
        for base in options:  # equal number columns unless narrower ones make the table lower
            base = _spanning(values, base, number_size)
            label_widths, height = _label_widths(cells, labels, label_min, total - sum(base.values()), base,
                                                 size, number_size)
            if best is None or height < best[0] - 0.01:
                best = (height, label_widths, base)
        _height, label_widths, base = best
        spare = total - sum(label_widths) - sum(base.values())
        widths = list(label_widths) + [base[c] + spare / len(numbers) for c in numbers]
        return _rounded(widths, total), number_size
    raise AssertionError("unreachable")  # pragma: no cover


def _spanning(values, base: dict, number_size: float) -> dict:
    """Widen the columns under a value spanning several (2019 采购总金额) until it fits."""
    base = dict(base)
    for cell in values:
        if cell.colspan > 1:
            span = range(cell.col, cell.col + cell.colspan)
            short = _need(cell.text, number_size) - sum(base[c] for c in span)
            if short > 0:
                for c in span:
                    base[c] += short / cell.colspan
    return base


def _rounded(widths: list[float], total: float) -> tuple[float, ...]:
    out = [twips(w) for w in widths[:-1]]
    out.append(twips(total) - sum(out))
    return tuple(out)


def _label_widths(cells, labels, label_min, room, base, size, number_size) -> tuple[list[float], float]:
    """Label column widths in room: the lowest table, then the narrowest (the rest goes to the numbers)."""
    height = _TrialHeight(cells, labels, base, size, number_size)
    label_cells = [c for c in cells if c.role is not Role.VALUE and c.col < labels and c.text]
    step = size / 2
    if labels == 0:
        return [], height(())
    if labels == 1:  # as wide as the longest label, or all the room
        natural = max((_need(c.text, size) for c in label_cells if c.colspan == 1), default=0.0)
        widths = [max(label_min[0], min(room, natural))]
        return widths, height(tuple(widths))
    best, best_key = None, None
    ranges = [[label_min[i] + s * step for s in range(WIDTH_STEPS)] for i in range(labels - 1)]
    for head in product(*ranges):
        last = room - sum(head)
        if last < label_min[-1]:
            continue
        key = (round(height(head + (last,)), 2), sum(head))
        if best_key is None or key < best_key:
            best, best_key = list(head) + [last], key
    if best is None:
        return list(label_min), height(tuple(label_min))
    # give the numbers what the labels do not need
    while best[-1] - step >= label_min[-1]:
        trial = best[:-1] + [best[-1] - step]
        if round(height(tuple(trial)), 2) > best_key[0]:
            break
        best = trial
    return best, best_key[0]


class _TrialHeight:
    """The table's height for trial label column widths: every other cell measured once."""

    def __init__(self, cells, labels: int, base: dict, size: float, number_size: float) -> None:
        self.labels = labels
        self.size = size
        self.base = base
        rows = max(c.row + c.rowspan for c in cells)
        self.fixed = [leading(size) + 2 * PAD_Y] * rows
        self.single: list[TableCell] = []  # label cells, one row high
        spans: list[tuple[TableCell, float | None]] = []
        for c in cells:
            varies = c.role is not Role.VALUE and c.col < labels and bool(c.text)
            need = None
            if not varies:
                if c.role is Role.VALUE:
                    need = (leading(number_size) if c.text else 0.0) + 2 * PAD_Y
                else:
                    width = sum(base[k] for k in range(c.col, c.col + c.colspan))
                    need = len(label_lines(c.text, width, size)) * leading(size) + 2 * PAD_Y
            if c.rowspan > 1:
                spans.append((c, need))
            elif varies:
                self.single.append(c)
            else:
                self.fixed[c.row] = max(self.fixed[c.row], need)
        self.spans = sorted(spans, key=lambda x: x[0].rowspan)
        self.memo: dict[tuple[float, ...], float] = {}

    def _need(self, cell: TableCell, widths: tuple[float, ...]) -> float:
        width = sum(widths[k] if k < self.labels else self.base[k] for k in range(cell.col, cell.col + cell.colspan))
        return len(label_lines(cell.text, width, self.size)) * leading(self.size) + 2 * PAD_Y

    def __call__(self, widths: tuple[float, ...]) -> float:
        key = tuple(round(w, 3) for w in widths)
        if key not in self.memo:
            h = list(self.fixed)
            for c in self.single:
                h[c.row] = max(h[c.row], self._need(c, widths))
            for c, need in self.spans:
                need = self._need(c, widths) if need is None else need
                have = sum(h[c.row:c.row + c.rowspan])
                if need > have:
                    for r in range(c.row, c.row + c.rowspan):
                        h[r] += (need - have) / c.rowspan
            self.memo[key] = sum(h)
        return self.memo[key]


def _heights(needs, rows: int, size: float) -> list[float]:
    minimum = leading(size) + 2 * PAD_Y
    h = [minimum] * rows
    for c, need in needs:
        if c.rowspan == 1:
            h[c.row] = max(h[c.row], need)
    for c, need in sorted((x for x in needs if x[0].rowspan > 1), key=lambda x: x[0].rowspan):
        have = sum(h[c.row:c.row + c.rowspan])
        if need > have:
            for r in range(c.row, c.row + c.rowspan):
                h[r] += (need - have) / c.rowspan
    return h


def row_heights(cells, rows: int, size: float) -> tuple[float, ...]:
    needs = [(c, len(c.lines) * leading(c.size) + 2 * PAD_Y) for c in cells]
    return tuple(math.ceil(h * 20 - 1e-6) / 20 for h in _heights(needs, rows, size))


# ------------------------------------------------------------------ keeping together and cutting


def keep_units(cells, rows: int, header_rows: int, block_starts) -> tuple[tuple[int, int], ...]:
    """Row ranges never split across pages: each block of a many-block table (二), else the stretches
    between rows no merged cell spans across (a 三 row group with its label)."""
    if len(block_starts) > 1:
        starts = list(block_starts)
    else:
        starts = [r for r in range(header_rows, rows) if r == header_rows or not _crossed(cells, r)]
    ends = [s - 1 for s in starts[1:]] + [rows - 1]
    return tuple(zip(starts, ends))


def _crossed(cells, row: int, ignore_col: int | None = None) -> bool:
    return any(c.row < row < c.row + c.rowspan and c.col != ignore_col for c in cells)


def pieces(block: TableBlock, first_page: float, page: float) -> list[TableBlock]:
    """The table as Word lays it out from the top of a page (after its heading); where a keep unit does
    not fit a page, it is cut between row groups (only the outermost label repeated) or, failing that,
    between any rows, and each later piece starts a new page."""
    header = sum(block.row_heights_pt[:block.header_rows])
    heights = block.row_heights_pt
    if all(header + sum(heights[a:b + 1]) <= page for a, b in block.units):
        return [block]
    cuts: list[int] = []
    used, room = header, first_page
    for first, last in block.units:
        unit = sum(heights[first:last + 1])
        if used + unit <= room:
            used += unit
            continue
        if header + unit <= page:
            used, room = header + unit, page  # Word moves the unit to the next page
            continue
        row = first
        while row <= last:
            end = _fitting_end(block, row, last, room - used)
            if end is None and used > header:
                used, room = header, page
                cuts.append(row)
                continue
            if end is None:
                end = row + 1
            if end > last:
                used += sum(heights[row:end])
                break
            used += sum(heights[row:end])
            cuts.append(end)
            row = end
            used, room = header, page
    bounds = [block.header_rows] + sorted(set(cuts)) + [block.rows]
    return [block.slice(a, b, continued=i > 0) for i, (a, b) in enumerate(zip(bounds, bounds[1:])) if a < b]


def _fitting_end(block: TableBlock, row: int, last: int, room: float) -> int | None:
    """The furthest row end (exclusive) from `row` within its unit that fits in room: a cut between row
    groups first (crossing only the first label column), else between any rows."""
    heights = block.row_heights_pt
    fits = [end for end in range(row + 1, last + 2) if sum(heights[row:end]) <= room]
    if not fits:
        return None
    if fits[-1] == last + 1:
        return last + 1
    good = [end for end in fits if not _crossed(block.cells, end, ignore_col=0)]
    return (good or fits)[-1]
