"""Column widths and row heights of a printed table, and the cell margins and lines both renderers share.

Numbers get what their widest value needs, labels the rest, sized so that the table is as low as it can be."""
from __future__ import annotations

import math
from functools import lru_cache
from itertools import product

from model.formats.label_breaks import label_units
from model.grid import Role

from .typeset import text_ems, wrap_ems

PAD_X = 2.0  # points: cell margin left and right (DOCX w:tblCellMar, PDF padding)
PAD_Y = 2.5  # points above and below the text (less in a table set tighter to fit one page)
LEADING = 1.25  # line height / font size in tables
BORDER = 0.75  # points: every table line (Word's 3/4 pt single border; thinner ones print unevenly)
# (size, horizontal scale) tried for the numbers, most readable first, until the widest number fits its
# column: never smaller than 六号 (7.5 pt); below that the digits keep their height and are condensed, as
# Word's 字符缩放 does (w:w). On A4 portrait, 15 columns of 9-digit numbers (table 四) need 15 × 9 × 0.5 em
# = 506 pt of ink at 7.5 pt even in the narrowest Chinese face, more than the 448 pt text width: only
# condensing (or breaking the numbers) can print them. The sizes under 7.5 pt are a last resort no valid
# draft reaches (every number of a valid draft fits at 7.5 pt condensed to half its width).
NUMBER_STYLES = ((12.0, 1.0), (10.5, 1.0), (9.0, 1.0), (7.5, 1.0), (7.5, 0.9), (7.5, 0.8), (7.5, 0.7),
                 (7.5, 0.6), (7.5, 0.5), (6.5, 0.5), (5.5, 0.5), (4.5, 0.5), (3.5, 0.5))
WIDTH_STEPS = 9  # label column widths tried per column, in half-character steps


def round_to_twips(points: float) -> float:
    """Points rounded to a twentieth, the DOCX unit, so both renderers use the very same numbers."""
    return round(points * 20) / 20


def leading(size: float) -> float:
    """Line height of a cell's text at a type size, rounded up to twips."""
    return math.ceil(size * LEADING * 20) / 20


def slack(size: float) -> float:
    """Room left beside the widest line, for fonts whose glyphs run wider than the neutral measure."""
    return 0.5 + 0.1 * size


def text_room(width: float, size: float) -> float:
    """Ems of text a cell `width` points wide holds on one line."""
    return (width - 2 * PAD_X - slack(size)) / size


@lru_cache(maxsize=4096)
def _lines(text: str, room_steps: int) -> tuple[str, ...]:
    return tuple(wrap_ems(text, room_steps / 8, label_units(text)))


def label_lines(text: str, width: float, size: float) -> tuple[str, ...]:
    """A label's lines in a cell `width` points wide, broken where the format data allows (label_units)."""
    if not text:
        return ()
    room = text_room(width, size)
    return _lines(text, max(1, math.floor(room * 8 + 1e-6)))


def need(text: str, size: float, scale: float = 1.0) -> float:
    """Width a one-line text needs in a cell (condensed to scale of its width)."""
    return text_ems(text) * size * scale + 2 * PAD_X + slack(size)


def _widest_unit(text: str) -> float:
    return max((text_ems(u) for u in label_units(text)), default=0.0)


def column_widths(cells: list, cols: int, labels: int, total: float, size: float,
                  pad_y: float = PAD_Y) -> tuple[tuple[float, ...], tuple[float, float]]:
    """Column widths (points, summing to total) and the number style (size, scale): numbers get what their
    widest value needs, in the most readable style that leaves the label columns room for their widest
    unbreakable word."""
    numbers = list(range(labels, cols))
    label_min = [0.0] * labels
    header_min = {c: 0.0 for c in numbers}
    for cell in cells:
        if cell.role is Role.VALUE or not cell.text or cell.colspan != 1:
            continue
        widest = _widest_unit(cell.text) * size + 2 * PAD_X + slack(size)
        if cell.col < labels:
            label_min[cell.col] = max(label_min[cell.col], widest)
        else:
            header_min[cell.col] = max(header_min[cell.col], widest)
    values = [c for c in cells if c.role is Role.VALUE and c.text]
    styles = [s for s in NUMBER_STYLES if s[0] <= size]
    for style in styles:
        number_size = style[0]
        needs = dict(header_min)
        for cell in values:
            if cell.colspan == 1:
                needs[cell.col] = max(needs[cell.col], need(cell.text, *style))
        room = total - sum(label_min)
        equal = max(needs.values(), default=0.0)
        options = []
        if equal * len(numbers) <= room:
            options.append({c: equal for c in numbers})
        if sum(needs.values()) <= room and (not options or labels):
            options.append(needs)
        if not options and style != styles[-1]:
            continue
        if not options:  # nothing fits (absurd input): share the width in proportion
            scale = room / sum(needs.values())
            options.append({c: w * scale for c, w in needs.items()})
        best = None
        for base in options:  # equal number columns unless narrower ones make the table lower
            base = _spanning(values, base, style)
            label_widths, height = _label_widths(cells, labels, label_min, total - sum(base.values()), base,
                                                 size, number_size, pad_y)
            if best is None or height < best[0] - 0.01:
                best = (height, label_widths, base)
        _height, label_widths, base = best
        spare = total - sum(label_widths) - sum(base.values())
        widths = list(label_widths) + [base[c] + spare / len(numbers) for c in numbers]
        return _rounded(widths, total), style
    raise AssertionError("unreachable")  # pragma: no cover


def _spanning(values, base: dict, style: tuple[float, float]) -> dict:
    """Widen the columns under a value spanning several (2019 采购总金额) until it fits."""
    base = dict(base)
    for cell in values:
        if cell.colspan > 1:
            span = range(cell.col, cell.col + cell.colspan)
            short = need(cell.text, *style) - sum(base[c] for c in span)
            if short > 0:
                for c in span:
                    base[c] += short / cell.colspan
    return base


def _rounded(widths: list[float], total: float) -> tuple[float, ...]:
    out = [round_to_twips(w) for w in widths[:-1]]
    out.append(round_to_twips(total) - sum(out))
    return tuple(out)


def _label_widths(cells, labels, label_min, room, base, size, number_size,
                  pad_y: float) -> tuple[list[float], float]:
    """Label column widths in room: the lowest table, then the narrowest (the rest goes to the numbers)."""
    height = _TrialHeight(cells, labels, base, size, number_size, pad_y)
    label_cells = [c for c in cells if c.role is not Role.VALUE and c.col < labels and c.text]
    step = size / 2
    if labels == 0:
        return [], height(())
    if labels == 1:  # as wide as the longest label, or all the room
        natural = max((need(c.text, size) for c in label_cells if c.colspan == 1), default=0.0)
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

    def __init__(self, cells, labels: int, base: dict, size: float, number_size: float, pad_y: float) -> None:
        self.labels = labels
        self.size = size
        self.base = base
        self.pad_y = pad_y
        rows = max(c.row + c.rowspan for c in cells)
        self.fixed = [leading(size) + 2 * pad_y] * rows
        self.single: list = []  # label cells, one row high
        spans: list[tuple[object, float | None]] = []
        for c in cells:
            varies = c.role is not Role.VALUE and c.col < labels and bool(c.text)
            height = None
            if not varies:
                if c.role is Role.VALUE:
                    height = (leading(number_size) if c.text else 0.0) + 2 * pad_y
                else:
                    width = sum(base[k] for k in range(c.col, c.col + c.colspan))
                    height = len(label_lines(c.text, width, size)) * leading(size) + 2 * pad_y
            if c.rowspan > 1:
                spans.append((c, height))
            elif varies:
                self.single.append(c)
            else:
                self.fixed[c.row] = max(self.fixed[c.row], height)
        self.spans = sorted(spans, key=lambda x: x[0].rowspan)
        self.memo: dict[tuple[float, ...], float] = {}

    def _cell_need(self, cell, widths: tuple[float, ...]) -> float:
        width = sum(widths[k] if k < self.labels else self.base[k] for k in range(cell.col, cell.col + cell.colspan))
        return len(label_lines(cell.text, width, self.size)) * leading(self.size) + 2 * self.pad_y

    def __call__(self, widths: tuple[float, ...]) -> float:
        key = tuple(round(w, 3) for w in widths)
        if key not in self.memo:
            h = list(self.fixed)
            for c in self.single:
                h[c.row] = max(h[c.row], self._cell_need(c, widths))
            for c, height in self.spans:
                _spread(h, c, self._cell_need(c, widths) if height is None else height)
            self.memo[key] = sum(h)
        return self.memo[key]


def _spread(heights: list[float], cell, need: float) -> None:
    """The rows a merged cell spans made taller, evenly, until together they hold its need."""
    have = sum(heights[cell.row:cell.row + cell.rowspan])
    if need > have:
        for r in range(cell.row, cell.row + cell.rowspan):
            heights[r] += (need - have) / cell.rowspan


def row_heights(cells, rows: int, size: float, pad_y: float = PAD_Y) -> tuple[float, ...]:
    """Row heights (points, rounded up to twips) that hold every cell's printed lines; a merged cell's need is
    spread over its rows, the shorter merges first."""
    h = [leading(size) + 2 * pad_y] * rows
    spans = []
    for c in cells:
        need = len(c.lines) * leading(c.size) + 2 * pad_y
        if c.rowspan == 1:
            h[c.row] = max(h[c.row], need)
        else:
            spans.append((c, need))
    for c, need in sorted(spans, key=lambda x: x[0].rowspan):
        _spread(h, c, need)
    return tuple(math.ceil(x * 20 - 1e-6) / 20 for x in h)

