"""Years in the text sections that do not fit the report year, and the report title quoted with another year or unit."""
from __future__ import annotations

import re

from .formats import text_words as W
from .frozen import frozen
from .report import unit_key
from .text_reading import (
    Bounds, cached, find_all, fold, inside_name, mentions, paragraph_start, rx, year_value, years_in,
)


@frozen
class YearMention:
    """A year the text uses as if it were the report year (kind "year"), or a quoted report title whose year
    ("title-year") or unit ("title-unit", with the unit as written) disagrees with the 基本信息."""

    kind: str
    year: int
    start: int
    end: int
    unit: str = ""


def find_mentions(text: str, year: int, unit_name: str) -> tuple[YearMention, ...]:
    """Stale years and mismatched titles in text (cached by text, year and unit)."""
    return cached(_CACHE, (text, year, unit_name), lambda: _find(text, year, unit_name))


_CACHE: dict[tuple[str, int, str], tuple[YearMention, ...]] = {}


def _find(text: str, year: int, unit_name: str) -> tuple[YearMention, ...]:
    plain = fold(text)
    if "年" not in plain:
        return ()
    bounds = Bounds(plain)
    out: list[YearMention] = []
    titled: set[int] = set()
    for m in find_all(r"(?P<year>" + W.YEAR + r")\s*年度?\s*" + W.TITLE, W.TITLE_NEEDS, plain):
        titled.add(m.start("year"))
        out.extend(_title(plain, bounds, m, year, unit_name))
    for value, start, end in years_in(plain):
        if start in titled or value == year or abs(value - year) > W.NEAR_YEARS:
            continue
        if not _plainly_other(plain, bounds, value, start, end, year):
            out.append(YearMention("year", value, start, end))
    return tuple(sorted(out, key=lambda m: m.end))  # a title's year before its unit


def _plainly_other(plain: str, bounds: Bounds, value: int, start: int, end: int, year: int) -> bool:
    """The sentence plainly speaks of this year as past or future (or names a document, a span of years)."""
    s, e = bounds.sentence(start)
    sentence, before, after = plain[s:e], plain[s:start], plain[end:e]
    if mentions(W.STATISTICS, sentence):
        return False  # 统计期限自2023年1月1日起至2023年12月31日止: only the report year belongs here
    if inside_name(before, len(before)) or rx(W.DOCUMENT_AFTER).match(after):
        return True
    if rx(W.RANGE_BEFORE).search(before) or rx(W.RANGE_AFTER).match(after):
        return True
    if value < year:
        return bool(mentions(W.PAST_WORDS, sentence) or rx(W.PAST_BEFORE).search(before)
                    or (rx(W.PAST_AFTER).match(after) and not rx(W.DATE_OF_DATA_BEFORE).search(before)))
    if value == year + 1 and rx(W.FILING_AFTER).match(after):
        return True
    return bool(mentions(W.FUTURE_WORDS, sentence) or rx(W.FUTURE_AFTER).match(after)
                or mentions(W.PLAN_WORDS, plain[paragraph_start(plain, start):start]))


def _title(plain: str, bounds: Bounds, m: re.Match[str], year: int, unit_name: str) -> list[YearMention]:
    value = year_value(m.group("year"))
    if value is None:
        return []
    start, end = m.start("year"), m.end()
    s, e = bounds.sentence(start)
    out = []
    if value != year and not (value < year and mentions(W.TITLE_PAST, plain[s:e])):
        out.append(YearMention("title-year", value, start, end))
    unit = "" if rx(W.TITLE_REQUIREMENTS_AFTER).match(plain[end:e]) else title_unit(plain[s:start])
    if unit and unit_name.strip() and not _same_unit(unit, unit_name):
        out.append(YearMention("title-unit", value, start - len(unit), end, unit))
    return out


def title_unit(before: str) -> str:
    """The unit name written right before a title's year (现将火花镇人民政府2019年… → 火花镇人民政府), or ""."""
    run = re.search(r"[\u4e00-\u9fff（）()]*$", before).group()
    stops = list(rx(W.TITLE_STOPS).finditer(run))
    if stops:
        run = run[stops[-1].end():]
    return run if len(run) >= 2 and rx(W.ORGAN_SUFFIX).search(run) else ""


def _same_unit(written: str, unit_name: str) -> bool:
    """The unit written in a title is the report's (or part of its name, or its name part of the title's)."""
    a, b = unit_key(written), unit_key(unit_name)
    return a in b or b in a
