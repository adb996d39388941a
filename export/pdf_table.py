"""PDF tables drawn from the layout's exact widths, heights and lines, split only between keep units."""
from __future__ import annotations

from reportlab.platypus.flowables import Flowable

from .fonts import PdfFonts, runs_width
from .layout import Align, FontRole
from .pdf_paragraph import baseline_below_centre
from .table_layout import TableBlock
from .table_widths import BORDER, PAD_X, leading

TITLE_GREY = 0.94


class TableFlowable(Flowable):
    """A table drawn from the layout's exact widths, heights and lines; splits only between keep units,
    repeating the header rows."""

    def __init__(self, block: TableBlock, fonts: PdfFonts, frame_height: float) -> None:
        super().__init__()
        self.block = block
        self.fonts = fonts
        self.frame_height = frame_height
        self.width = sum(block.col_widths_pt)
        self.height = block.height

    def wrap(self, aw: float, ah: float):
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return 0.0

    def split(self, aw: float, ah: float):
        block = self.block
        heights = block.row_heights_pt
        fits = [b for b in block.breaks() if sum(heights[:b]) <= ah + 1e-6]
        if not fits and ah >= self.frame_height - 1.0:  # a unit taller than a page: cut between rows
            fits = [b for b in range(block.header_rows + 1, block.rows) if sum(heights[:b]) <= ah + 1e-6]
        if not fits:
            return []
        cut = fits[-1]
        head = block.slice(block.header_rows, cut, continued=block.continued)
        tail = block.slice(cut, block.rows)
        return [TableFlowable(head, self.fonts, self.frame_height),
                TableFlowable(tail, self.fonts, self.frame_height)]

    def draw(self) -> None:
        canvas = self.canv
        block = self.block
        xs = [0.0]
        for w in block.col_widths_pt:
            xs.append(xs[-1] + w)
        ys = [self.height]
        for h in block.row_heights_pt:
            ys.append(ys[-1] - h)
        canvas.saveState()
        across: dict[float, list[tuple[float, float]]] = {}
        down: dict[float, list[tuple[float, float]]] = {}
        for cell in block.cells:
            x0, x1 = xs[cell.col], xs[cell.col + cell.colspan]
            y0, y1 = ys[cell.row + cell.rowspan], ys[cell.row]
            if cell.shaded:
                canvas.setFillGray(TITLE_GREY)
                canvas.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)
                canvas.setFillGray(0)
            for y in (y0, y1):
                across.setdefault(round(y, 3), []).append((x0, x1))
            for x in (x0, x1):
                down.setdefault(round(x, 3), []).append((y0, y1))
            self._text(cell, x0, x1, (y0 + y1) / 2)
        canvas.setLineWidth(BORDER)
        # each border drawn once (cells share theirs; drawn twice, an anti-aliased line darkens)
        lines = [(a, y, b, y) for y, spans in across.items() for a, b in _union(spans)]
        lines += [(x, a, x, b) for x, spans in down.items() for a, b in _union(spans)]
        canvas.lines(lines)
        canvas.restoreState()

    def _text(self, cell, x0: float, x1: float, centre: float) -> None:
        if not cell.lines:
            return
        canvas = self.canv
        size = cell.size
        step = leading(size)
        first = centre + step * (len(cell.lines) - 1) / 2
        for i, line in enumerate(cell.lines):
            runs = self.fonts.runs(line, FontRole.TABLE)
            width = runs_width(runs, size) * cell.scale
            if cell.align is Align.LEFT:
                x = x0 + PAD_X
            elif cell.align is Align.RIGHT:
                x = x1 - PAD_X - width
            else:
                x = (x0 + x1 - width) / 2
            text = canvas.beginText(x, first - i * step - baseline_below_centre(size))
            if cell.scale != 1.0:
                text.setHorizScale(cell.scale * 100)
            for name, t in runs:
                text.setFont(name, size)
                text.textOut(t)
            canvas.drawText(text)


def _union(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Overlapping or touching intervals merged."""
    out: list[tuple[float, float]] = []
    for a, b in sorted((min(s), max(s)) for s in spans):
        if out and a <= out[-1][1] + 1e-6:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
