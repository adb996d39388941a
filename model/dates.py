"""Dates as clerks type them (2025-01-15, 2025年1月15日, 2025.1.15, 2025/1/15, full-width or Chinese digits) → ISO."""
from __future__ import annotations

import re
import unicodedata
from datetime import date

from .errors import InputError
from .lazy_re import LazyPattern
from .text_reading import chinese_digits, chinese_number

_ZEROS = str.maketrans("○Ｏ", "〇〇")  # the circle and the full-width letter O clerks type for 〇
_SEPARATED = LazyPattern(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = LazyPattern(r"(\d{4})(\d{2})(\d{2})")
_CHINESE = LazyPattern(r"([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日?")


def parse_date(text: str) -> date:
    """The date text means; raises InputError with an example of what is accepted."""
    raw = text.strip()
    folded = unicodedata.normalize("NFKC", raw).strip()
    match = _SEPARATED.fullmatch(folded) or _COMPACT.fullmatch(folded)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        chinese = _CHINESE.fullmatch(re.sub(r"\s", "", raw))
        month, day = (chinese_number(chinese[2]), chinese_number(chinese[3])) if chinese else (None, None)
        if month is None or day is None:  # (not a date, or a month or day such as 十一一)
            raise InputError(f"“{raw}”不是日期：应写成 2025-01-15 或 2025年1月15日")
        year = chinese_digits(chinese[1].translate(_ZEROS))
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(f"没有{year}年{month}月{day}日这一天") from None


def iso_date(text: str) -> str:
    """'' for an empty text, else the ISO form (YYYY-MM-DD) of the date typed."""
    return parse_date(text).isoformat() if text.strip() else ""
