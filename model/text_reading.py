"""Reading a text section: full-width folding, Chinese numerals, word lists, sentences and clauses, years, quotes."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .formats import text_words as W

# full-width digits, point and space folded one to one (positions stay those of the original text)
_FOLD = str.maketrans("０１２３４５６７８９．\u3000", "0123456789. ")
_FULL_WIDTH = "０１２３４５６７８９．\u3000"


def fold(text: str) -> str:
    """Full-width digits, point and space as ASCII (one character for one)."""
    return text.translate(_FOLD) if any(ch in text for ch in _FULL_WIDTH) else text


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = "零〇一二两三四五六七八九十百千万"


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


@lru_cache(maxsize=None)
def rx(pattern: str) -> re.Pattern[str]:
    """pattern compiled, once (the word lists and phrases of the formats are patterns as text)."""
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
    plain = plain_words(words)
    if plain is None:
        return rx(words).search(text) is not None
    return any(word in text for word in plain)


@lru_cache(maxsize=None)
def plain_words(pattern: str) -> tuple[str, ...] | None:
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


def cached(store: dict, key, compute):
    """store[key], computed when missing; the store is emptied when it grows past 64 texts (texts change
    rarely: a cell edit finds the text's reading here instead of reading the text again)."""
    found = store.get(key)
    if found is None:
        if len(store) > 64:
            store.clear()
        found = store[key] = compute()
    return found


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
