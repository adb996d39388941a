"""Where a printed table may go on to the next page: its keep units, and the pieces a taller unit is cut into.

A keep unit is a 二 block or a 三 row group; each piece of a unit taller than a page repeats the header rows and
the group labels it continues."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .table_layout import TableBlock


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
            used += sum(heights[row:end])
            if end > last:
                break
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
