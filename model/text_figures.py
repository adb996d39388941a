"""Figures quoted in the text sections: found by the phrases of model.formats.figures, read as numbers."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from functools import cached_property, lru_cache

from .formats import text_words as W
from .formats.definition import Phrase, TextFigure
from .frozen import frozen

# full-width digits, point and space folded one to one (positions stay those of the original text)
FOLD = str.maketrans("０１２３４５６７８９．\u3000", "0123456789. ")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = "零〇一二两三四五六七八九十百千万"
MONEY_FACTORS = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}


def chinese_number(text: str) -> int | None:
    """三百零五 → 305, 两 → 2, 一千零二十 → 1020, 十二 → 12, 一万二千 → 12000; None when malformed."""
    total = section = 0
    digit: int | None = None
    last_unit = 10000
    seen = False
    for ch in text:
        if ch in "零〇":
            if digit is not None:
                return None
            seen = True
        elif ch in _CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row: 二三
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit >= last_unit or (digit is None and ch != "十"):
                return None
            section += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        elif ch == "万":
            section += digit or 0
            if section == 0 or total:
                return None
            total, section, digit, last_unit = section * 10000, 0, None, 10000
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + section + (digit or 0)


def chinese_digits(text: str) -> int | None:
    """二〇二三 → 2023 (a year written digit by digit)."""
    try:
        return int("".join(str(_CN_DIGITS[ch]) for ch in text)) if text else None
    except KeyError:
        return None


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
    plain = _plain_words(words)
    return next((word for word in plain if text.startswith(word, at)), None) if plain else None


def shared_count_units(figures: tuple[TextFigure, ...]) -> str:
    """Every unit the figures count in (plain words), longest first: one number pattern reads them all."""
    units = _SHARED_UNITS.get(id(figures))
    if units is None:
        words = dict.fromkeys(w for f in figures if not f.money for w in f.units.split("|"))
        units = _SHARED_UNITS[id(figures)] = "|".join(sorted(words, key=len, reverse=True))
    return units


_SHARED_UNITS: dict[int, str] = {}  # by the figures of a format's rule (kept as long as the format)


@lru_cache(maxsize=None)
def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def find_all(pattern: str, needs: tuple[str, ...], text: str):
    """rx(pattern).finditer(text), where every match holds one of needs: a text holding none of them is not
    searched (nor the pattern compiled)."""
    return rx(pattern).finditer(text) if any(word in text for word in needs) else iter(())


def ends_with(words: tuple[str, ...], text: str) -> bool:
    """rx("(?:" + "|".join(words) + ")$").search(text) is not None ($: at the end, or before a last line feed)."""
    return text.endswith(words) or (text.endswith("\n") and text[:-1].endswith(words))


def mentions(words: str, text: str) -> bool:
    """rx(words).search(text) is not None, for a pattern listing words (a|b|c): told without compiling the
    pattern when it is only plain words (no other regular-expression syntax)."""
    plain = _plain_words(words)
    if plain is None:
        return rx(words).search(text) is not None
    return any(word in text for word in plain)


@lru_cache(maxsize=None)
def _plain_words(pattern: str) -> tuple[str, ...] | None:
    """The words of a pattern listing plain words (a|b|c; a punctuation mark may be escaped: 村\\(社区\\)), or None."""
    words = tuple(_literal(word) for word in pattern.split("|"))
    return words if all(words) else None


def _literal(word: str) -> str | None:
    out, i = [], 0
    while i < len(word):
        ch = word[i]
        if ch == "\\" and i + 1 < len(word) and not word[i + 1].isalnum() and not word[i + 1].isspace():
            out.append(word[i + 1])
            i += 2
            continue
        if ch in "\\.^$*+?{}[]|()":
            return None
        out.append(ch)
        i += 1
    return "".join(out)


_FULL_WIDTH = "０１２３４５６７８９．\u3000"


def fold(text: str) -> str:
    """Full-width digits, point and space as ASCII (one character for one)."""
    return text.translate(FOLD) if any(ch in text for ch in _FULL_WIDTH) else text


class Bounds:
    """Where the sentences (。！？； line breaks) and clauses (also ，：) of a text end."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.sentence_ends = _after_each(text, W.SENTENCE_END)
        self.clause_ends = _after_each(text, W.CLAUSE_END)

    def sentence(self, pos: int) -> tuple[int, int]:
        """Start and end of the sentence holding pos."""
        i = bisect_right(self.sentence_ends, pos)
        start = self.sentence_ends[i - 1] if i else 0
        return start, (self.sentence_ends[i] if i < len(self.sentence_ends) else self.length)

    def clause_start(self, pos: int) -> int:
        i = bisect_right(self.clause_ends, pos)
        return self.clause_ends[i - 1] if i else 0


def _after_each(text: str, chars: str) -> list[int]:
    """The positions just after each occurrence of any of chars in text, in order."""
    ends = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            ends.append(i + 1)
            i = text.find(ch, i + 1)
    ends.sort()
    return ends


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


def cached(store: dict, key, compute):
    """store[key], computed when missing; the store is emptied when it grows past 64 texts (texts change
    rarely: a cell edit finds the text's reading here instead of reading the text again)."""
    found = store.get(key)
    if found is None:
        if len(store) > 64:
            store.clear()
        found = store[key] = compute()
    return found


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


def paragraph_start(text: str, pos: int) -> int:
    """Start of pos's paragraph (line), or of the short heading line just above it: （二）依申请公开."""
    start = text.rfind(W.PARAGRAPH_END, 0, pos) + 1
    if start:
        above = text.rfind(W.PARAGRAPH_END, 0, start - 1) + 1
        if start - above <= W.HEADING_CHARS:
            return above
    return start


def year_value(raw: str) -> int | None:
    """2023 or 二〇二三 → 2023; None unless a year 1900–2099."""
    value = int(raw) if raw[:1].isdigit() else chinese_digits(raw)
    return value if value is not None and 1900 <= value <= 2099 else None


_DIGITS_BEFORE = ("0123456789.", "〇零一二三四五六七八九")


def years_in(text: str) -> list[tuple[int, int, int]]:
    """(year, start, end) of every year written before 年 (2023年, 二〇二三年), not part of a longer number."""
    out = []
    for m in rx(W.YEAR).finditer(text):
        raw, start = m.group(), m.start()
        if start and text[start - 1] in _DIGITS_BEFORE[0 if raw[0].isdigit() else 1]:
            continue
        value = year_value(raw)
        if value is not None:
            out.append((value, start, m.end()))
    return out


def inside_name(text: str, pos: int) -> bool:
    """pos lies inside 《…》, 〔…〕, “…” or the like (a title, a document number, a quotation)."""
    for pair in W.NAME_BRACKETS:
        opener, closer = pair[0], pair[1]
        if text.rfind(opener, 0, pos) > text.rfind(closer, 0, pos):
            return True
    return False


def quote_text(text: str, start: int, end: int, limit: int = 40) -> str:
    """The sentence holding text[start:end]; a long one shortened to the clauses around it, marked with …"""
    bounds = Bounds(text)
    s, e = bounds.sentence(start)
    ends = [x for x in bounds.clause_ends if s < x < e]
    lo = max([x for x in ends if x <= start] + [s])
    hi = min([x for x in ends if x >= end] + [e])
    while True:  # add whole clauses on either side while the quote stays short
        before = max([x for x in ends if x < lo] + [s])
        after = min([x for x in ends if x > hi] + [e])
        if lo > s and hi - before <= limit:
            lo = before
        elif hi < e and after - lo <= limit:
            hi = after
        else:
            break
    quote = text[lo:hi].strip().rstrip("，,：:。；;！？!?")
    return ("…" if lo > s else "") + quote + ("…" if hi < e else "")
