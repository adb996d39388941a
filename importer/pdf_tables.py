"""Ruled tables of a PDF: pdfplumber's boxes per page, and a table run on over page breaks stitched into one."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .document import Cell, RawTable

MIN_CELLS = 4  # fewer boxes are a frame or a box around a paragraph, unless they continue a table over a page
EDGE = 3.0  # points: the same left and right edges on both sides of a page break
HEADER_ZONE = 0.075  # above the body (2.54 cm on A4): a running header over a table run on from the page before


@dataclass
class Fragment:
    """The part of a ruled table drawn on one page."""

    page: int
    height: float  # of the page
    bbox: tuple[float, float, float, float]
    boxes: list[tuple[float, float, float, float]]  # its cells
    chars: list[dict]  # the characters inside it

    @property
    def small(self) -> bool:
        return len(self.boxes) < MIN_CELLS


def page_fragments(page, number: int, chars: list[dict]) -> list[Fragment]:
    """The ruled tables on a page, with two boxes or more (a table of fewer cells is kept only where it continues
    a table over a page break: see stitch)."""
    found = [t for t in page.find_tables() if len(t.cells) >= 2] if page.edges else []
    out = []
    for table in found:
        box = tuple(float(v) for v in table.bbox)
        out.append(Fragment(number, float(page.height), box, [tuple(b) for b in table.cells],  # type: ignore[misc]
                            [c for c in chars if inside(c, box)]))
    return out


def row_count(fragment: Fragment) -> int:
    return max(len(_cluster([b[1] for b in fragment.boxes] + [b[3] for b in fragment.boxes])) - 1, 0)


def inside(char, box) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def stitch(pages: list[tuple[list[Fragment], list]], apart=lambda a, b: False) -> list[list[Fragment]]:
    """Tables in reading order, each the list of its fragments: a table that ends a page and one that begins the
    next with the same left and right edges are one table broken by the page (nothing but a running header or a
    page number between them), unless apart(a, b) says they are two (another part of the report).
    pages: per page, its fragments and its body lines (objects with top, bottom)."""
    chains: list[list[Fragment]] = []
    open_chain: list[Fragment] | None = None
    for fragments, lines in pages:
        fragments = sorted(fragments, key=lambda f: f.bbox[1])
        for i, fragment in enumerate(fragments):
            first = i == 0 and not any(line.bottom <= fragment.bbox[1] + 1 and line.top > fragment.height * HEADER_ZONE
                                       for line in lines)
            if first and open_chain is not None and _same_edges(open_chain[-1], fragment) \
                    and not (fragment.small and all(f.small for f in open_chain)) \
                    and not apart(open_chain[-1], fragment):
                open_chain.append(fragment)
            else:
                chains.append([fragment])
        last = fragments[-1] if fragments else None
        ends_page = last is not None and not any(line.top >= last.bbox[3] - 1 for line in lines)
        open_chain = next(c for c in reversed(chains) if c[-1] is last) if ends_page else None
    return chains


def _same_edges(a: Fragment, b: Fragment) -> bool:
    return b.page == a.page + 1 and abs(a.bbox[0] - b.bbox[0]) <= EDGE and abs(a.bbox[2] - b.bbox[2]) <= EDGE


def build_table(chain: list[Fragment], lines_of) -> RawTable:
    """One table from the fragments of a chain, stacked as if on one tall page; breaks names the first grid row of
    each later fragment. Each character goes to the cell around its middle; lines_of(chars, page) reads a cell."""
    boxes: list[tuple[float, float, float, float]] = []
    chars: list[dict] = []
    tops: list[float] = []
    depth = 0.0
    for fragment in chain:
        shift = depth - fragment.bbox[1]
        tops.append(depth)
        boxes += [(b[0], b[1] + shift, b[2], b[3] + shift) for b in fragment.boxes]
        chars += [{**c, "top": c["top"] + shift, "bottom": c["bottom"] + shift} for c in fragment.chars]
        depth += fragment.bbox[3] - fragment.bbox[1]
    xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes])
    cells: list[list] = []
    owner: dict[tuple[int, int], int] = {}
    for box in boxes:
        c0, c1 = _index(xs, box[0]), _index(xs, box[2])
        r0, r1 = _index(ys, box[1]), _index(ys, box[3])
        if c1 <= c0 or r1 <= r0:
            continue
        for r in range(r0, r1):
            for c in range(c0, c1):
                owner.setdefault((r, c), len(cells))
        cells.append([r0, c0, r1 - r0, c1 - c0, []])
    for char in chars:
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        found = owner.get((bisect_right(ys, y) - 1, bisect_right(xs, x) - 1))
        if found is not None:
            cells[found][4].append(char)
    page = chain[0].page
    out = [Cell(r, c, rs, cs, "\n".join(line.text for line in lines_of(members, page)))
           for r, c, rs, cs, members in cells]
    pages = f"第{page}页" if len(chain) == 1 else f"第{page}–{chain[-1].page}页"
    return RawTable(out, len(ys) - 1, len(xs) - 1, f"{pages}的表格",
                    breaks=[_index(ys, top) for top in tops[1:]])


def _cluster(values: list[float], tolerance: float = 1.5) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _index(points: list[float], value: float) -> int:
    i = bisect_right(points, value + 1.5) - 1
    return max(i, 0)
