"""Chinese line breaking (禁则): unbreakable tokens, forbidden line starts and ends, greedy lines, hanging marks."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

# no line may start with these (closing brackets and quotes, stops, ellipsis, units that follow a number)
CANNOT_START = frozenset(
    "，。、；：？！．,.;:?!"
    "）］｝〕〉》」』】〗〙〛)]}>"
    "”’\"'"
    "…‥·～%％‰℃°′″々ー"
)
# no line may end with these (opening brackets and quotes)
CANNOT_END = frozenset("（［｛〔〈《「『【〖〘〚([{<“‘")
# a single one of these may hang past the right edge of a full line, as Word and WPS let it
HANGING = frozenset("，。、；：？！．,.;:?!）》」』”’")

# runs that never break: Latin words and numbers (with their inner separators), and the doubled
# Chinese dash and ellipsis
_TOKEN = re.compile(r"[0-9A-Za-z]+(?:[.,:/%-][0-9A-Za-z]+)*%?|——|……|\s+|.", re.S)

# characters printed one full em wide although Unicode calls them ambiguous
_FULL = frozenset("“”‘’…—·々〇")


def em_width(ch: str) -> float:
    """Neutral width of a character in ems, wide enough for any Chinese font: digits and Latin letters
    0.65 (WenQuanYi's are 0.6, and LibreOffice rounds small sizes up by some 6 %)."""
    if ch in _FULL or unicodedata.east_asian_width(ch) in "WF":
        return 1.0
    return 0.65


def text_ems(text: str) -> float:
    """Neutral width of a text in ems (em_width of each character)."""
    return sum(em_width(ch) for ch in text)


def tokens(text: str) -> list[str]:
    """Text cut into the pieces a line may break between."""
    return _TOKEN.findall(text)


@dataclass(frozen=True)
class Line:
    """Tokens [start, end) of a line; hanging: its last token hangs past the right edge."""

    start: int
    end: int
    hanging: bool = False


def _cannot_start(token: str) -> bool:
    return token[:1] in CANNOT_START


def _cannot_end(token: str) -> bool:
    return token[-1:] in CANNOT_END


def break_lines(widths: Sequence[float], toks: Sequence[str], first: float, rest: float,
                hang: bool = True) -> list[Line]:
    """Greedy lines over tokens of the given widths, the first line `first` wide and the others `rest`.

    No line starts with a closing mark or ends with an opening one: a single closing mark may hang past
    the edge (hang=True), otherwise the last token moves down with it. A line with no break the rules
    allow (a run of marks longer than a line) breaks where it is full. A token wider than a line gets a
    line of its own (callers split such tokens first).
    """
    lines: list[Line] = []
    n = len(toks)
    i = 0
    while i < n:
        start = i
        while i < n and toks[i].isspace():  # spaces never start a line
            i += 1
            start = i
        if i >= n:
            break
        cap = (first if not lines else rest) + 1e-6
        used = 0.0
        while i < n and (used + widths[i] <= cap or i == start):
            used += widths[i]
            i += 1
        if i >= n:
            lines.append(Line(start, n))
            break
        if (hang and toks[i] in HANGING and not _cannot_end(toks[i - 1])
                and (i + 1 >= n or not _cannot_start(toks[i + 1]))):
            lines.append(Line(start, i + 1, hanging=True))
            i += 1
            continue
        end = i
        while end > start:  # down to a line of the first token alone
            after = end
            while after < n and toks[after].isspace():  # the next line starts after its spaces
                after += 1
            before = end - 1
            while before > start and toks[before].isspace():
                before -= 1
            if not (after < n and _cannot_start(toks[after]) or _cannot_end(toks[before])):
                break
            end -= 1
        else:  # no break the rules allow on this line (a run of marks longer than a line): break where it is full
            end = i
        lines.append(Line(start, end))
        i = end
    return lines


def split_wide(toks: list[T], widths: list[float], limit: float,
               cut: Callable[[T], Iterable[tuple[T, float]]]) -> tuple[list[T], list[float]]:
    """Tokens wider than a line replaced by the (piece, width) pairs cut gives (a 30-digit number must break
    somewhere); the lists themselves when every token fits."""
    if all(w <= limit for w in widths):
        return toks, widths
    out_t: list[T] = []
    out_w: list[float] = []
    for tok, w in zip(toks, widths):
        if w <= limit:
            out_t.append(tok)
            out_w.append(w)
        else:
            for piece, piece_width in cut(tok):
                out_t.append(piece)
                out_w.append(piece_width)
    return out_t, out_w


def wrap_ems(text: str, width_ems: float, units: Sequence[str] | None = None) -> list[str]:
    """Lines of text at most width_ems wide (neutral widths), breaking only between units when given.

    Units are the pieces a label may break between (from the format data); a unit wider than the line
    breaks by the 禁则 rules as a last resort.
    """
    pieces = list(units) if units else tokens(text)
    widths = [text_ems(p) for p in pieces]
    limit = width_ems + 1e-6
    pieces, widths = split_wide(pieces, widths, limit, lambda unit: [(t, text_ems(t)) for t in tokens(unit)])
    pieces, widths = split_wide(pieces, widths, limit, lambda tok: [(ch, em_width(ch)) for ch in tok])
    lines = break_lines(widths, pieces, width_ems, width_ems, hang=False)
    return ["".join(pieces[line.start:line.end]).strip() for line in lines] or [""]
