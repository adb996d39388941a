"""PDF paragraphs on the 28 × 22 character grid: lines broken by the 禁则 rules and justified; kept with what follows."""
from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.platypus.flowables import Flowable

from .fonts import PdfFonts, runs_width, text_width
from .layout import Align, PageSetup, Paragraph
from .typeset import break_lines, split_wide, tokens

BASELINE = 0.38  # the em box is centred on its line: baseline this many ems below the centre


def baseline_below_centre(size: float) -> float:
    """How far a line's baseline sits below the middle of its line (points)."""
    return BASELINE * size


@dataclass
class _Line:
    """A set line: runs of text in their fonts, its width and room, how many characters justification spreads."""

    runs: list[tuple[str, str]]  # (font name, text)
    width: float  # without a hanging mark
    chars: int  # characters spread by justification
    indent: float
    room: float
    last: bool


class GridParagraph(Flowable):
    """A paragraph on the page's line grid: lines one pitch (28.95 pt) apart, broken by the 禁则 rules,
    full lines justified; splits between lines. `following` paragraphs of the same plain style are set
    after it in the same flowable (thousands of one-line paragraphs would each cost reportlab a flowable)."""

    def __init__(self, para: Paragraph, fonts: PdfFonts, page: PageSetup, lines: list[_Line] | None = None,
                 space_before: float | None = None, following: tuple[Paragraph, ...] = ()) -> None:
        super().__init__()
        self.para = para
        self.following = following
        self.fonts = fonts
        self.page = page
        self.pitch = page.line_pitch
        self.frame_height = page.text_height_pt
        self._lines = lines
        self.space_before = para.space_before if space_before is None else space_before

    # ---- line breaking

    def _measure(self, width: float) -> list[_Line]:
        para, size = self.para, self.para.size
        left = para.style.left_chars * size
        right = para.right_chars * size
        lines: list[_Line] = []
        for paragraph in (para, *self.following):
            offset = 0
            first = True
            for segment in paragraph.text.split("\n"):
                lines += self._segment(paragraph, segment, offset, width - left - right, left, first=first)
                offset += len(segment) + 1
                first = False
        return lines

    def _segment(self, para: Paragraph, text: str, offset: int, room: float, left: float,
                 first: bool) -> list[_Line]:
        size = para.size
        spans = para.spans()
        lead_end = para.lead
        toks = tokens(text)
        widths, fonts_of = [], []
        pos = offset
        for tok in toks:
            role = spans[0][1] if pos < lead_end else spans[-1][1]
            runs = self.fonts.runs(tok, role)
            fonts_of.append(runs)
            widths.append(runs_width(runs, size))
            pos += len(tok)
        indent = para.indent_chars * size if first else 0.0
        if any(w > room for w in widths):  # a run of digits longer than a line: cut into its characters
            pieces, widths = split_wide(list(zip(toks, fonts_of)), widths, room, lambda piece: [
                ((ch, [(name, ch)]), text_width(ch, name, size)) for name, t in piece[1] for ch in t])
            toks, fonts_of = [t for t, _runs in pieces], [runs for _t, runs in pieces]
        hang = para.align is Align.JUSTIFY
        out = []
        broken = break_lines(widths, toks, room - indent, room, hang=hang)
        for i, line in enumerate(broken):
            runs: list[tuple[str, str]] = []
            for k in range(line.start, line.end):
                for name, t in fonts_of[k]:
                    if runs and runs[-1][0] == name:
                        runs[-1] = (name, runs[-1][1] + t)
                    else:
                        runs.append((name, t))
            width = sum(widths[line.start:line.end])
            chars = sum(len(t) for t in toks[line.start:line.end])
            if line.hanging:
                width -= widths[line.end - 1]
                chars -= len(toks[line.end - 1])
            out.append(_Line(runs, width, chars, indent if i == 0 else 0.0, room - (indent if i == 0 else 0.0),
                             i == len(broken) - 1))
        if not out:  # an empty line of a title keeps its place
            out.append(_Line([], 0.0, 0, 0.0, room, True))
        return out

    def lines(self, width: float) -> list[_Line]:
        if self._lines is None:
            self._lines = self._measure(width)
        return self._lines

    # ---- flowable protocol

    def _top(self, avail: float) -> float:
        """Space above the first line: the space before, none at the top of a page. Lines are one pitch
        apart from there on (after a table they are off the page's grid, as in Word and LibreOffice)."""
        used = self.frame_height - avail
        return 0.0 if used <= 0.01 else self.space_before * self.pitch

    def wrap(self, aw: float, ah: float):
        self._top_space = self._top(ah)
        lines = self.lines(aw)
        self.width = aw
        self.height = self._top_space + (len(lines) + self.para.space_after) * self.pitch
        return aw, self.height

    def split(self, aw: float, ah: float):
        lines = self.lines(aw)
        top = self._top(ah)
        fit = int((ah - top + 1e-6) // self.pitch)
        if fit <= 0 or self.para.style.keep_lines and fit < len(lines) and ah < self.frame_height - 1.0:
            return []
        if fit >= len(lines):  # only the blank line after it does not fit
            return [GridParagraph(_without_after(self.para), self.fonts, self.page, lines, self.space_before)]
        return self.split_at(fit)

    def split_at(self, n: int) -> list[GridParagraph]:
        head = GridParagraph(_without_after(self.para), self.fonts, self.page, self._lines[:n], self.space_before)
        tail = GridParagraph(self.para, self.fonts, self.page, self._lines[n:], 0)
        return [head, tail]

    def line_count(self) -> int:
        return len(self._lines or [])

    def getSpaceBefore(self) -> float:
        return 0.0

    def getSpaceAfter(self) -> float:
        return 0.0

    def draw(self) -> None:
        canvas = self.canv
        para, size = self.para, self.para.size
        left = para.style.left_chars * size
        top = self.height - self._top_space
        text = canvas.beginText()  # one text object for every line: font and spacing set only when they change
        font, spacing = None, 0.0
        for i, line in enumerate(self._lines or []):
            centre = top - (i + 0.5) * self.pitch
            baseline = centre - baseline_below_centre(size)
            x = left + line.indent
            space = 0.0
            if para.align is Align.JUSTIFY and not line.last and line.chars > 1:
                space = (line.room - line.width) / (line.chars - 1)
            elif para.align is Align.CENTER:
                x += (line.room - line.width) / 2
            elif para.align is Align.RIGHT:
                x += line.room - line.width
            if not line.runs:
                continue
            text.setTextOrigin(x, baseline)
            if space != spacing:
                text.setCharSpace(space)
                spacing = space
            for name, t in line.runs:
                if name != font:
                    text.setFont(name, size)
                    font = name
                text.textOut(t)
        canvas.drawText(text)


def _without_after(para: Paragraph) -> Paragraph:
    """The paragraph without the blank lines after it (the head of a split, which ends a page)."""
    return replace(para, space_after=0)


class KeepWithNext(Flowable):
    """`first` never ends a page: it goes with the start of `rest` (a heading with the first lines or the
    first keep unit of a table; the last lines of the text with the 落款)."""

    def __init__(self, first: Flowable, rest: Flowable, frame_height: float) -> None:
        super().__init__()
        self.first = first
        self.rest = rest
        self.frame_height = frame_height

    def wrap(self, aw: float, ah: float):
        _w, self._h1 = self.first.wrap(aw, ah)
        _w, self._h2 = self.rest.wrap(aw, ah - self._h1)
        self.width, self.height = aw, self._h1 + self._h2
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return 0.0

    def split(self, aw: float, ah: float):
        _w, h1 = self.first.wrap(aw, ah)
        if h1 > ah + 1e-6:
            parts = self.first.split(aw, ah) if isinstance(self.first, GridParagraph) else []
            if len(parts) == 2:
                return [parts[0], KeepWithNext(parts[1], self.rest, self.frame_height)]
            return []
        _w, h2 = self.rest.wrap(aw, ah - h1)
        if h2 <= ah - h1 + 1e-6:
            return [self.first, self.rest]
        parts = self.rest.split(aw, ah - h1)
        if parts:
            return [self.first, *parts]
        if isinstance(self.first, GridParagraph) and self.first.line_count() > 1 \
                and not self.first.para.style.keep_lines:
            head, tail = self.first.split_at(self.first.line_count() - 1)
            return [head, KeepWithNext(tail, self.rest, self.frame_height)]
        if ah >= self.frame_height - 1.0:  # nothing better on an empty page
            return [self.first, self.rest]
        return []

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        self.first.drawOn(canvas, x, y + self._h2, _sW)
        self.rest.drawOn(canvas, x, y, _sW)

    def draw(self) -> None:  # pragma: no cover - drawOn draws the parts
        pass
