"""Explained warnings (已说明): the clerk's written explanation of a warning, kept in the draft block `explanations`.

An explanation is keyed by the warning's fingerprint (rule@place#numbers, model.rules.fingerprint): it applies
while a warning with that fingerprint exists, and no longer once the warning goes or its numbers change. A saved
draft keeps only the explanations of the warnings it has (those of cross-year rules are kept as they are while
the draft is not linked to last year's report, without which they cannot be checked). Errors cannot be
explained.
"""
from __future__ import annotations

from typing import Any

from .chars import clean_text
from .draft_blocks import DraftBlock
from .draft_values import json_object, show_key
from .errors import DraftError
from .lazy_re import LazyPattern

MAX_TEXT = 1000  # characters of one explanation
MAX_ENTRIES = 500
KEY = LazyPattern(r"(?P<rule>R\d+(?:[.\-][A-Za-z0-9_]+)*)@(?P<place>[^#@\s]{1,200})#(?P<numbers>[^#@\s]{0,200})")
TITLE = "检查说明"


def rule_of(key: str) -> str:
    """The rule id of a fingerprint (R6@…#… → R6)."""
    return key.split("@", 1)[0]


def write(report) -> dict[str, str] | None:
    """The block: the explanations of the warnings the report has now (and of cross-year ones while unlinked)."""
    notes = report.explanations
    if not notes:
        return None
    from .last_year import cross_year_rules
    from .rules import Severity, check, last_year_for

    live = {f.key for f in check(report) if f.severity is Severity.WARNING}
    kept_rules = cross_year_rules(report.format) if last_year_for(report) is None else ()
    kept = {k: v for k, v in sorted(notes.items()) if k in live or rule_of(k) in kept_rules}
    return kept or None


def read(value: Any, report) -> None:
    """Validate the block and give the report its explanations; DraftError naming the entry."""
    from .rules import warning_rules

    json_object(value, f"{TITLE}“explanations”")
    if len(value) > MAX_ENTRIES:
        raise DraftError(f"{TITLE}超过{MAX_ENTRIES}条，文件可能已损坏")
    allowed = warning_rules(report.format)
    notes = {}
    for key, text in value.items():
        m = KEY.fullmatch(key)
        if m is None:
            raise DraftError(f"{TITLE}中的“{show_key(key)}”不是检查结果的标识")
        if m.group("rule") not in allowed:
            raise DraftError(f"{TITLE}中的“{show_key(key)}”不是{report.format.name}的可说明警告（错误不能说明）")
        cleaned = clean_text(text).strip() if isinstance(text, str) else ""
        if not cleaned:
            raise DraftError(f"{TITLE}“{show_key(key)}”的说明应为非空文字")
        if len(text) > MAX_TEXT:
            raise DraftError(f"{TITLE}“{show_key(key)}”的说明超过{MAX_TEXT}字")
        notes[key] = cleaned
    report.explanations = notes


DRAFT_BLOCK = DraftBlock("explanations", TITLE, write, read)
