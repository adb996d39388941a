"""What a reader finds in a DOCX or PDF: paragraphs and tables in document order (the mirror of export.layout)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# what a document's text may hold that reads as nothing, or as another character: zero-width and soft-hyphen
# characters (pasted from web pages), and the CJK radicals and compatibility ideographs a PDF's text layer
# often gives for the ideographs printed (⼯ U+2F2F for 工)
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_LOOK_ALIKES = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")


def plain(text: str) -> str:
    """text as the report means it: invisible characters dropped, look-alike ideographs as the ideographs."""
    if text.isascii():
        return text
    text = _INVISIBLE.sub("", text)
    return _LOOK_ALIKES.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)


@dataclass(frozen=True)
class Para:
    """One paragraph of running text (plain); lines broken inside it are joined by \\n."""

    text: str
    align: str = ""  # "center", "right", or "" (left, justified or unknown)
    page: int = 0  # 1-based page of a PDF; 0 for a Word document

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", plain(self.text))


@dataclass(frozen=True)
class Cell:
    """A table cell at its top-left grid position, with its spans."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", plain(self.text))


@dataclass(frozen=True)
class Slot:
    """A cell as seen from one grid row: anchor is False in the rows a vertical merge covers below its top."""

    cell: Cell
    anchor: bool

    @property
    def text(self) -> str:
        return self.cell.text if self.anchor else ""

    @property
    def first(self) -> int:
        return self.cell.col

    @property
    def last(self) -> int:
        return self.cell.col + self.cell.colspan - 1


@dataclass
class RawTable:
    """One table as drawn (a whole table, or the part of one on a page); where names it for the clerk."""

    cells: list[Cell]
    rows: int
    cols: int
    where: str
    breaks: list[int] = field(default_factory=list)  # PDF: the first grid row of each later page of the table

    def grid_rows(self) -> list[list[Slot]]:
        """Every grid row as the cells covering it, left to right."""
        rows: list[list[Slot]] = [[] for _ in range(self.rows)]
        for cell in self.cells:
            for r in range(cell.row, min(cell.row + cell.rowspan, self.rows)):
                rows[r].append(Slot(cell, r == cell.row))
        for row in rows:
            row.sort(key=lambda s: s.first)
        return rows


Block = Para | RawTable


@dataclass
class SourceDocument:
    """A document read: its kind for messages (Word/PDF), blocks in order, and its page count (PDF)."""

    kind: str
    blocks: list[Block] = field(default_factory=list)
    pages: int = 0
