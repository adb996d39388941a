"""A PDF table run on over a page break made whole: the repeated header dropped, rows cut in two joined again.

A row the break cut in two (a label, a header or a number on both pages) is told by the official labels."""
from __future__ import annotations

from .document import Cell, RawTable
from .labels import all_section_labels, fold
from .values import looks_like_value


def join_broken_rows(table: RawTable) -> RawTable:
    """The table with the header repeated after each of its page breaks dropped and the rows a break cut joined."""
    cells, rows = list(table.cells), table.rows
    for start in sorted(table.breaks, reverse=True):  # from the bottom: the rows above keep their numbers
        if not 0 < start < rows:
            continue
        repeated = _repeated_header(cells, start, rows)
        if repeated:
            cells = _drop_rows(cells, start, repeated)
            rows -= repeated
        if start < rows:
            cut, whole_row = _cut(cells, start - 1, start)
            if whole_row:
                cells = _join(cells, start - 1, start)
                rows -= 1
            elif cut:
                cells = _continue(cells, cut)
    return RawTable(cells, rows, table.cols, table.where)


def _anchored(cells: list[Cell], row: int) -> list[Cell]:
    return sorted((c for c in cells if c.row == row), key=lambda c: c.col)


def _signature(cells: list[Cell], row: int) -> list[tuple[int, int, int, str]]:
    return [(c.col, c.colspan, c.rowspan, fold(c.text)) for c in _anchored(cells, row)]


def _repeated_header(cells: list[Cell], start: int, rows: int) -> int:
    """How many rows from start repeat the table's first rows (Word repeats the header rows on each page)."""
    count = 0
    while start + count < rows - 1 and count < start:
        top = _signature(cells, count)
        if not any(text for *_, text in top) or _signature(cells, start + count) != top:
            break
        count += 1
    return count


def _drop_rows(cells: list[Cell], start: int, count: int) -> list[Cell]:
    out = []
    for c in cells:
        covered = [r for r in range(c.row, c.row + c.rowspan) if not start <= r < start + count]
        if not covered:
            continue
        first = covered[0] - (count if covered[0] >= start + count else 0)
        out.append(Cell(first, c.col, len(covered), c.colspan, c.text))
    return out


def _covering(cells: list[Cell], row: int, col: int) -> Cell | None:
    return next((c for c in cells if c.row <= row < c.row + c.rowspan and c.col <= col < c.col + c.colspan), None)


def _cut(cells: list[Cell], above: int, below: int) -> tuple[list[tuple[Cell, Cell]], bool]:
    """The cells the break cut in two, and whether the whole row was cut (else the break fell between two rows,
    through a taller cell such as 三's corner). A row was cut when its halves make official labels only together
    (自然 + 人, 4.无正当理由大量反复申 + 请), or when the part below holds numbers only (a row needs its label,
    and 四's one row of numbers follows its header) after a part above that holds a row label or numbers."""
    cut: list[tuple[Cell, Cell]] = []
    lows = [c for c in _anchored(cells, below) if c.text.strip()]
    highs = {id(c): c for c in cells if c.row <= above < c.row + c.rowspan and c.text.strip()}
    new_row = False  # a label or column label below that is whole on its own: the row below begins there
    for low in lows:
        high = _covering(cells, above, low.col)
        if high is None or (high.col, high.colspan) != (low.col, low.colspan) or not high.text.strip():
            new_row = new_row or (_known(low.text) and not looks_like_value(low.text))
            continue
        alone = _known(high.text), _known(low.text)
        if all(alone):
            if not (looks_like_value(high.text) and looks_like_value(low.text)):
                return [], False  # two rows, each whole: the break fell between them
        elif _known(high.text + low.text):
            cut.append((high, low))
    if not lows:  # nothing below the break: the rest of a header row when more header follows (else 四's row of
        return cut, _header_row(cells, below + 1)  # numbers, all left blank)
    numbers_below = all(looks_like_value(c.text) for c in lows)
    row_above = bool(highs) and all(looks_like_value(c.text) or _row_label(c.text) for c in highs.values())
    if numbers_below and row_above:
        return cut, True
    return cut, bool(cut) and not new_row


def _continue(cells: list[Cell], cut: list[tuple[Cell, Cell]]) -> list[Cell]:
    """Cells cut by the break made whole again (the rows stay as they are)."""
    out = list(cells)
    for high, low in cut:
        out.remove(low)
        out[out.index(high)] = Cell(high.row, high.col, high.rowspan + low.rowspan, high.colspan,
                                    f"{high.text}\n{low.text}")
    return out


def _join(cells: list[Cell], above: int, below: int) -> list[Cell]:
    """The row below the break merged into the row above: cells of the same columns become one."""
    lows = _anchored(cells, below)
    out = [c for c in cells if c.row != below]
    for low in lows:
        high = _covering(out, above, low.col)
        if high is not None and high.col <= low.col and low.col + low.colspan <= high.col + high.colspan:
            text = "\n".join(t for t in (high.text, low.text) if t.strip())
            span = high.rowspan + (low.rowspan - 1 if (high.col, high.colspan) == (low.col, low.colspan) else 0)
            out[out.index(high)] = Cell(high.row, high.col, span, high.colspan, text)
            if span == high.rowspan and low.rowspan > 1:  # a wider cell above: the rest of this one stays
                out.append(Cell(below + 1, low.col, low.rowspan - 1, low.colspan, ""))
        else:
            out.append(Cell(above, low.col, low.rowspan, low.colspan, low.text))
    return [c if c.row <= below else Cell(c.row - 1, c.col, c.rowspan, c.colspan, c.text) for c in out]


def _known(text: str) -> bool:
    """A number, an official row or column label, a table title or the note in 三's corner (any format)."""
    if looks_like_value(text):
        return bool(fold(text))
    return any(labels.knows(text) for labels in all_section_labels())


def _header_row(cells: list[Cell], row: int) -> bool:
    """A row of column labels only."""
    texts = [c.text for c in _anchored(cells, row) if c.text.strip()]
    return bool(texts) and all(not looks_like_value(t) and any(s.vocabulary.find(t) for s in all_section_labels())
                               for t in texts)


def _row_label(text: str) -> bool:
    return any(labels.rows.find(text) or labels.group_rows.find(text) for labels in all_section_labels())
