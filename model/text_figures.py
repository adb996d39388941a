"""Figures quoted in the text sections: found by the phrases of model.formats.figures, read as numbers."""
from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from functools import cached_property, lru_cache

from .cells import UNIT_FACTORS
from .formats import text_words as W
from .formats.definition import Phrase, TextFigure
from .frozen import frozen
from .text_reading import (
    CN_NUMERAL, Bounds, cached, chinese_number, ends_with, find_all, fold, inside_name, mentions, paragraph_start,
    plain_words, rx, years_in,
)

MONEY_FACTORS = {**UNIT_FACTORS, "亿元": Decimal(100000000)}  # a text may write amounts in 亿元 too


@frozen
class Quote:
    """A figure quoted in a text: what, the number (int, or Decimal in the unit given), where."""

    figure: TextFigure
    value: int | Decimal
    unit: str  # 件, or the money unit (元/万元/亿元)
    shown: str  # as written: 258件, 三百零五件, 9116.36万元
    start: int
    end: int


_NUMBER = (r"\s*(?P<pre>(?:{approx})\s*)?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+|[{cn}]+)\s*"
           r"(?P<post>{after})?\s*(?P<unit>{units})(?P<tail>\s*(?:{tail}))?")
_MONEY = (r"\s*(?P<pre>(?:{approx})\s*)?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?)\s*"
          r"(?P<post>{after})?\s*(?P<unit>亿元|万元|元)(?P<tail>\s*(?:{tail}))?")


@lru_cache(maxsize=None)
def _number(money: bool, units: str) -> re.Pattern[str]:
    """The number after a phrase's tail (its unit, and the words saying it is approximate): one pattern for all
    the phrases quoting a count in these units, or an amount (compiling one costs ~0.3 ms)."""
    return re.compile((_MONEY if money else _NUMBER).format(approx=W.APPROX_BEFORE, cn=CN_NUMERAL,
                                                            after=W.APPROX_AFTER, units=units, tail=W.APPROX_TAIL))


@lru_cache(maxsize=None)
def _compiled(tail: str, money: bool, units: str) -> re.Pattern[str]:
    """A phrase's tail and the number as one pattern (what number_after finds)."""
    return re.compile(f"(?:{tail})" + _number(money, units).pattern)


TAIL_REACH = 80  # characters a phrase's tail spans at most (tests hold every format's phrases to it)


def number_after(phrase: Phrase, figure: TextFigure, plain: str, start: int,
                 shared_units: str | None = None) -> re.Match[str] | None:
    """The match of phrase's tail and the number from start, as _compiled(tail, …).match(plain, start) finds it
    (groups pre, num, post, unit, tail; it spans plain[start:m.end()]), mostly without compiling that pattern:
    the tail is matched on its own, then the number where the tail ends, with shared_units (every count unit
    of the figures read, longest first) in place of the figure's own when it counts: one number pattern for
    all of them. Only when that is not the figure's reading (no number there, but one begins within the
    tail's reach; a unit the figure does not count in) does the whole pattern decide."""
    tail = rx(phrase.tail).match(plain, start)
    if tail is None:
        return None
    units = figure.units if figure.money or shared_units is None else shared_units
    number = _number(figure.money, units)
    found = number.match(plain, tail.end())
    if found is None:
        first = number.search(plain, start)
        if first is None or first.start() > start + TAIL_REACH:
            return None
    elif units == figure.units or _first_word(figure.units, plain, found.start("unit")) == found.group("unit"):
        return found
    return _compiled(phrase.tail, figure.money, figure.units).match(plain, start)


def _first_word(words: str, text: str, at: int) -> str | None:
    """The first of the plain words a|b|c that text has at position at (as the pattern a|b|c matches)."""
    plain = plain_words(words)
    return next((word for word in plain if text.startswith(word, at)), None) if plain else None


def shared_count_units(figures: tuple[TextFigure, ...]) -> str:
    """Every unit the figures count in (plain words), longest first: one number pattern reads them all."""
    units = _SHARED_UNITS.get(id(figures))
    if units is None:
        words = dict.fromkeys(w for f in figures if not f.money for w in f.units.split("|"))
        units = _SHARED_UNITS[id(figures)] = "|".join(sorted(words, key=len, reverse=True))
    return units


_SHARED_UNITS: dict[int, str] = {}  # by the figures of a format's rule (kept as long as the format)


class PeriodMarks:
    """Where a text speaks of another period than the report year: 同比, 上年, 以来, 1-6月, another year…
    (found once per text, when a sentence first holds such words; a figure is about another period when
    they precede it in its sentence)."""

    def __init__(self, text: str, bounds: Bounds, year: int) -> None:
        self.text = text
        self.bounds = bounds
        self.year = year

    @cached_property
    def marks(self) -> list[tuple[int, int]]:
        text, bounds, year = self.text, self.bounds, self.year
        neutral = [m.span() for m in find_all(W.NEUTRAL_PERIOD, W.NEUTRAL_PERIOD_NEEDS, text)]
        marks = [m.span() for m in find_all(W.OTHER_PERIOD, W.OTHER_PERIOD_NEEDS, text)
                 if not any(a <= m.start() < b for a, b in neutral)]
        marks += [m.span() for m in find_all(W.MONTH, W.MONTH_NEEDS, text)
                  if not (m.start() and text[m.start() - 1] in W.MONTH_NOT_AFTER)]
        for value, start, end in years_in(text):
            sentence_start = bounds.sentence(start)[0]
            if value != year and not inside_name(text[sentence_start:start], start - sentence_start):
                marks.append((start, end))
        marks.sort()
        return marks

    @cached_property
    def starts(self) -> list[int]:
        return [a for a, _b in self.marks]

    def before(self, pos: int) -> bool:
        """Words of another period stand between the start of pos's sentence and pos."""
        start = self.bounds.sentence(pos)[0]
        # every mark holds one of these words (a year: the 年 after it, at pos at the latest); without one, none
        if not any(word in self.text[start:pos + 1] for word in _PERIOD_WORDS):
            return False
        marks = self.marks
        i = bisect_left(self.starts, start)
        while i < len(marks) and marks[i][0] < pos:
            if marks[i][1] <= pos:
                return True
            i += 1
        return False


_PERIOD_WORDS = W.OTHER_PERIOD_NEEDS + W.MONTH_NEEDS + ("年",)


def find_quotes(figures: tuple[TextFigure, ...], text: str, year: int) -> tuple[Quote, ...]:
    """Every figure of figures that text quotes exactly, about the report year (cached by text)."""
    return cached(_CACHE, (id(figures), text, year), lambda: _find(figures, text, year))


_CACHE: dict[tuple[int, str, int], tuple[Quote, ...]] = {}


def _find(figures: tuple[TextFigure, ...], text: str, year: int) -> tuple[Quote, ...]:
    reading = _Reading(fold(text), year, shared_count_units(figures))
    plain = reading.plain
    quotes: dict[tuple[str, int], Quote] = {}
    for figure in figures:
        for phrase in figure.phrases:
            pos = plain.find(phrase.anchor)
            while pos >= 0:
                quote = _read(figure, phrase, reading, pos)
                if quote is not None:
                    quotes.setdefault((figure.key, quote.start), quote)
                pos = plain.find(phrase.anchor, pos + 1)
    return tuple(sorted(quotes.values(), key=lambda q: q.start))


class _Reading:
    """A text being read for figures: its sentences and the words of other periods are found when a figure
    first needs them (a text whose phrases quote no number needs neither)."""

    def __init__(self, plain: str, year: int, units: str) -> None:
        self.plain = plain
        self.year = year
        self.units = units  # every count unit of the figures (number_after)

    @cached_property
    def bounds(self) -> Bounds:
        return Bounds(self.plain)

    @cached_property
    def periods(self) -> PeriodMarks:
        return PeriodMarks(self.plain, self.bounds, self.year)


def _read(figure: TextFigure, phrase: Phrase, reading: _Reading, pos: int) -> Quote | None:
    plain = reading.plain
    start = pos + len(phrase.anchor)
    m = number_after(phrase, figure, plain, start, reading.units)
    if m is None or m.group("pre") or m.group("post") or m.group("tail"):
        return None  # not this phrase, or an approximate figure (never compared)
    if phrase.after_not and rx(phrase.after_not).match(plain, m.end(), m.end() + 20):
        return None
    bounds = reading.bounds
    clause = plain[bounds.clause_start(pos):pos]
    if phrase.before_not and rx(phrase.before_not).search(clause):
        return None
    if phrase.before_needs and not rx(phrase.before_needs).search(clause):
        return None
    if ends_with(W.APPROX_CLAUSE_WORDS, clause):
        return None  # 约收到申请30件
    if reading.periods.before(pos):
        return None
    sentence_start = bounds.sentence(pos)[0]
    if mentions(W.OTHER_SCOPE, plain[sentence_start:pos]):
        return None  # 全县各部门共收到申请…: more than this organ
    if phrase.sentence_not and rx(phrase.sentence_not).search(plain, sentence_start, pos):
        return None  # 12345热线诉求…办结1356件: another matter
    if phrase.context and not in_context(phrase, plain, plain[start:m.end()], pos):  # (the tail and the number)
        return None
    raw = m.group("num")
    if figure.money:
        value: int | Decimal | None = Decimal(raw.replace(",", ""))
    elif raw[0].isdigit():
        value = int(raw.replace(",", ""))
    else:
        value = chinese_number(raw)
    if value is None:
        return None
    unit = m.group("unit")
    return Quote(figure, value, unit, f"{raw}{unit}", pos, m.end())


def in_context(phrase: Phrase, plain: str, tail: str, pos: int) -> bool:
    """The phrase's context words are in its tail, or before it: in its paragraph (or the heading line above);
    with context_near only in its sentence up to 。, or in a heading line that names the anchor too."""
    context = rx(phrase.context)
    if context.search(tail):
        return True
    paragraph = paragraph_start(plain, pos)
    if not phrase.context_near:
        return bool(context.search(plain, paragraph, pos))
    stops = [m.end() for m in rx(W.FULL_STOP).finditer(plain, paragraph, pos)]
    if context.search(plain, stops[-1] if stops else paragraph, pos):
        return True
    line = plain.rfind(W.PARAGRAPH_END, 0, pos) + 1
    heading = plain[paragraph:line]
    return paragraph < line and phrase.anchor in heading and bool(context.search(heading))


