"""Label matching: printed labels folded (full-width, spaces, numbering, punctuation); each section's labels indexed."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Generic, TypeVar

from model.formats.definition import Column, Row, TableSection

if TYPE_CHECKING:
    from .document import RawTable

T = TypeVar("T")

_INVISIBLE = re.compile("[\\s\u200b-\u200d\u2060\ufeff\u00ad]+")
# (after NFKC, ① is 1): 一、 二. (三) (1) 1. 1、 ①
_NUMBERING = re.compile(r"^(?:[(][一二三四五六七八九十\d]{1,3}[)]|[一二三四五六七八九十\d]{1,3}[、.,:]"
                        r"|\d{1,2}(?=[\u4e00-\u9fff]))")
_PAREN = re.compile(r"[(（][^()（）]*[)）]")
_PUNCT = re.compile(r"[^\w]|_")


def fold(text: str) -> str:
    """NFKC (full-width to half-width), without any white space or invisible character."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))


def _unnumbered(text: str, numbered: bool) -> str:
    """Folded, without its leading numbering when numbered."""
    text = fold(text)
    return _NUMBERING.sub("", text, count=1) if numbered else text


def core(text: str, numbered: bool = True) -> str:
    """The comparable core of a label: folded, without leading numbering (when numbered) and punctuation."""
    return _PUNCT.sub("", _unnumbered(text, numbered))


def _short(unnumbered: str) -> str:
    """The core without remarks in parentheses: 部分公开（区分处理的，…） → 部分公开."""
    return _PUNCT.sub("", _PAREN.sub("", unnumbered))


class LabelIndex(Generic[T]):
    """Official labels → items; lookup by core, then by core without parenthesised remarks."""

    def __init__(self, labels: Iterable[tuple[str, T]], numbered: bool = True) -> None:
        self.numbered = numbered
        self.by_core: dict[str, list[T]] = {}
        self.by_short: dict[str, list[T]] = {}
        for label, item in labels:
            bare = _unnumbered(label, numbered)
            c, s = _PUNCT.sub("", bare), _short(bare)
            if c:
                self.by_core.setdefault(c, []).append(item)
            if s:
                self.by_short.setdefault(s, []).append(item)

    def find(self, text: str) -> list[T]:
        """Every item whose label the printed text is (best match first); [] when none."""
        bare = _unnumbered(text, self.numbered)
        c = _PUNCT.sub("", bare)
        if not c:
            return []
        if c in self.by_core:
            return list(self.by_core[c])
        s = _short(bare)
        if s in self.by_short:
            return list(self.by_short[s])
        if s in self.by_core:
            return list(self.by_core[s])
        return []

    def find_suffix(self, text: str) -> list[T]:
        """Items whose label (of 4 characters or more) ends the text (a cell holding a group label and the row's own
        one)."""
        c = core(text, self.numbered)
        best = [k for k in self.by_core if len(k) >= 4 and c.endswith(k) and k != c]
        if not best:
            return []
        return list(self.by_core[max(best, key=len)])


class SectionLabels:
    """The official labels of one table section, indexed for lookup (built once per section)."""

    def __init__(self, section: TableSection) -> None:
        self.key = section.key
        tables = section.tables
        self.rows = LabelIndex((row.label, (table, row)) for table in tables for row in table.leaf_rows()
                               if row.label)
        self.group_rows = LabelIndex((row.label, row) for table in tables for top in table.rows
                                     for row in _groups(top))
        columns = [c for table in tables for top in table.columns for c in _all_columns(top)]
        vocabulary = [(c.label, "column") for c in columns] + [(t.corner, "corner") for t in tables if t.corner]
        vocabulary += [(t.title, "title") for t in tables if t.title]
        self.vocabulary = LabelIndex(vocabulary, numbered=False)
        self.titles = LabelIndex(((t.title, t) for t in tables if t.title), numbered=False)

    def knows(self, text: str) -> bool:
        """The text is one of this section's row, group, column or corner labels or table titles."""
        return bool(self.rows.find(text) or self.vocabulary.find(text) or self.group_rows.find(text))

    def score(self, piece: RawTable) -> int:
        """How many cells of a piece of table carry this section's labels."""
        return sum(1 for cell in piece.cells if cell.text.strip() and self.knows(cell.text))


_LABELS: dict[int, SectionLabels] = {}


def section_labels(section: TableSection) -> SectionLabels:
    """The section's labels indexed (once per section: formats are immutable)."""
    labels = _LABELS.get(id(section))
    if labels is None:
        labels = _LABELS[id(section)] = SectionLabels(section)
    return labels


@lru_cache(maxsize=1)
def all_section_labels() -> tuple[SectionLabels, ...]:
    """The labels of every table section of every format, in the formats' order."""
    from model.formats import FORMATS

    return tuple(section_labels(s) for f in FORMATS for s in f.table_sections())


def section_of(piece: RawTable) -> str | None:
    """Key of the table section (of any format) whose labels most cells of the piece carry, when 3 or more do."""
    scores: dict[str, int] = {}
    for labels in all_section_labels():
        scores[labels.key] = max(scores.get(labels.key, 0), labels.score(piece))
    best = max(scores, key=scores.get)  # type: ignore[arg-type]
    return best if scores[best] >= 3 else None


def _groups(row: Row) -> list[Row]:
    return [row] + [g for child in row.children for g in _groups(child)] if row.children else []


def _all_columns(column: Column) -> list[Column]:
    return [column] + [c for child in column.children for c in _all_columns(child)]
