"""Declarative building blocks of an official report format: cells, columns, rows, tables, sections, rules."""
from __future__ import annotations

from enum import Enum

from ..frozen import frozen


class CellKind(Enum):
    """What a number cell holds."""

    COUNT = "count"  # whole number 0..MAX_COUNT
    SIGNED = "signed"  # whole number, may be negative (本年增/减)
    MONEY = "money"  # exact Decimal >= 0 with a unit
    TOTAL = "total"  # computed from its parts, never typed
    BLANK = "blank"  # not applicable: no number


MAX_COUNT = 999_999_999


class _Tree:
    """Header trees (columns and rows): a node with children is a group; leaves carry numbers."""

    children: tuple

    @property
    def is_group(self) -> bool:
        return bool(self.children)

    def leaves(self) -> list:
        if not self.children:
            return [self]
        return [leaf for child in self.children for leaf in child.leaves()]

    def depth(self) -> int:
        return 1 + max((c.depth() for c in self.children), default=0)


@frozen
class Column(_Tree):
    """A column header; a leaf (no children) carries numbers, a group only labels its children."""

    key: str
    label: str
    kind: CellKind = CellKind.COUNT
    children: tuple[Column, ...] = ()
    total_of: tuple[str, ...] = ()  # leaf column keys summed into this total column
    total_rule: str = ""  # rule id reported when a stated total disagrees
    units: tuple[str, ...] = ()  # money units offered; the first is the default
    unit_in_label: bool = False  # the unit is already printed in the header


@frozen
class Row(_Tree):
    """A row label; a leaf carries numbers, a group merges its label over its children."""

    key: str
    label: str
    children: tuple[Row, ...] = ()
    total_of: tuple[str, ...] = ()  # leaf row keys summed into this total row
    total_rule: str = ""


@frozen
class Table:
    """One block of numbers: a title (optional), a corner label, a column tree and a row tree."""

    key: str
    title: str  # printed as a full-width row above the block ("" for none)
    corner: str  # text of the top-left header cell over the row labels
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    show_row_labels: bool = True  # section 四 prints its single row without a label

    def leaf_columns(self) -> list[Column]:
        return [leaf for c in self.columns for leaf in c.leaves()]

    def leaf_rows(self) -> list[Row]:
        return [leaf for r in self.rows for leaf in r.leaves()]

    def header_depth(self) -> int:
        return max(c.depth() for c in self.columns)

    def label_depth(self) -> int:
        if not self.show_row_labels:
            return 0
        return max(r.depth() for r in self.rows)

    def column(self, key: str) -> Column:
        for c in self.leaf_columns():
            if c.key == key:
                return c
        raise KeyError(key)

    def row(self, key: str) -> Row:
        for r in self.leaf_rows():
            if r.key == key:
                return r
        raise KeyError(key)

    def column_path(self, key: str) -> list[str]:
        """Labels from the top group down to the leaf column."""
        return [c.label for c in tree_path(self.columns, key)]

    def row_path(self, key: str) -> list[str]:
        """Labels from the top group down to the leaf row."""
        return [r.label for r in tree_path(self.rows, key)]

    def column_label(self, key: str) -> str:
        """The official column label; the group path joined by / where the leaf label repeats."""
        path = self.column_path(key)
        if sum(1 for c in self.leaf_columns() if c.label == path[-1]) > 1:
            return "/".join(path)
        return path[-1]


def tree_path(nodes: tuple[_Tree, ...], key: str) -> list:
    """The nodes of a header tree (rows or columns) from the top down to the one with key ([] when none)."""
    for node in nodes:
        if node.key == key:  # type: ignore[attr-defined]
            return [node]
        below = tree_path(node.children, key)
        if below:
            return [node, *below]
    return []


@frozen
class TextSection:
    key: str
    number: str  # 一
    heading: str  # 一、总体情况
    short: str  # 总体情况
    guidance: str


@frozen
class TableSection:
    key: str
    number: str
    heading: str
    short: str
    tables: tuple[Table, ...]


Section = TextSection | TableSection


# ---- rule specifications (parameters for the rule engine; the engine owns the logic) ----


@frozen
class BalanceRule:
    """Per column: sum(lhs rows) == sum(rhs rows)."""

    id: str
    table: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    lhs_text: str  # 一+二
    rhs_text: str  # 三（七）总计+四


@frozen
class CarryOverRule:
    """Cross-year, per column: this year's row == last year's row."""

    id: str
    table: str
    this_row: str
    last_row: str


@frozen
class StockRule:
    """Cross-year, per row: stock == last year's stock + added - removed (2021 现行有效件数)."""

    id: str
    table: str
    stock: str
    added: str
    removed: str


@frozen
class ItemCountRule:
    """2019 item counts: previous + change >= 0, and cross-year previous == last previous + last change."""

    id: str
    cross_id: str
    tables: tuple[str, ...]
    previous: str
    change: str


@frozen
class TextLengthRule:
    id: str
    section: str
    max_chars: int


@frozen
class TextMentionRule:
    id: str
    section: str
    keyword: str
    message: str


@frozen
class TextSubstanceRule:
    """Warn when a text section is empty or a token line shorter than min_chars."""

    id: str
    section: str
    min_chars: int


@frozen
class TextRepeatRule:
    """Cross-year: warn when more than max_ratio of the text repeats last year's sentences."""

    id: str
    section: str
    max_ratio: float


@frozen
class Target:
    """One reading of a figure quoted in the text: the sum of some cells, and how a message names it."""

    cells: tuple[str, ...]  # "table.row.column"; a group row stands for the sum of its leaf rows
    label: str  # 本年新收申请数（表三第一项）


@frozen
class Phrase:
    """One way a text quotes a figure: literal anchor words, then the words up to the number (a regex).

    The number itself (Arabic, full-width or Chinese numerals, with its unit) follows the tail; the rule
    engine (model.text_figures) adds it, and leaves out approximate and other-period figures.
    """

    anchor: str  # literal words found first (收到)
    tail: str = ""  # regex between the anchor and the number
    before_not: str = ""  # regex: no match when found in the clause before the anchor
    before_needs: str = ""  # regex: a match only when found in the clause before the anchor
    after_not: str = ""  # regex: no match when it matches right after the number and unit
    context: str = ""  # regex: a match only when found in the paragraph before the anchor or in the tail
    context_near: bool = False  # context only in the sentence before the anchor (up to 。), the tail, or a
    #                             heading line above that names the anchor too
    sentence_not: str = ""  # regex: no match when found in the sentence before the anchor


@frozen
class TextFigure:
    """A figure a text section may quote, the phrases that quote it, and the cells it must equal."""

    key: str  # stable id, part of a finding's fingerprint
    name: str  # 收到的政府信息公开申请
    phrases: tuple[Phrase, ...]
    targets: tuple[Target, ...]  # the figure agrees when it equals any one of them
    money: bool = False  # an amount with 元/万元/亿元 instead of a count
    units: str = "件次|件|个|宗|起|份|次"  # count units (regex alternation)


@frozen
class TextFiguresRule:
    """Warn when a figure quoted in a text section differs from the table cells it names."""

    id: str
    sections: tuple[str, ...]
    figures: tuple[TextFigure, ...]


@frozen
class StaleYearRule:
    """Warn about a year in a text section that is neither the report year nor plainly past or future,
    and about a report title quoted in the text with another year or unit than the 基本信息."""

    id: str
    sections: tuple[str, ...]


@frozen
class RequiredRule:
    """Errors: header fields and text sections a report cannot be filed without."""

    id: str
    fields: tuple[str, ...]  # header fields (unit_name)
    texts: tuple[str, ...]  # text section keys


RuleSpec = (
    BalanceRule | CarryOverRule | StockRule | ItemCountRule | TextLengthRule | TextMentionRule
    | TextSubstanceRule | TextRepeatRule | TextFiguresRule | StaleYearRule | RequiredRule
)


@frozen
class ReportFormat:
    """One official national format: its sections and the rules that apply to it."""

    id: str
    name: str
    issued_by: str
    first_year: int
    last_year: int | None
    sections: tuple[Section, ...]
    rules: tuple[RuleSpec, ...] = ()

    @property
    def full_name(self) -> str:
        """The name with the notice that issued it: 2021年版格式（国办公开办函〔2021〕30号）."""
        return f"{self.name}（{self.issued_by}）"

    def covers(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)

    def section(self, key: str) -> Section:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def table_sections(self) -> list[TableSection]:
        return [s for s in self.sections if isinstance(s, TableSection)]

    def text_sections(self) -> list[TextSection]:
        return [s for s in self.sections if isinstance(s, TextSection)]

    def tables(self) -> list[tuple[TableSection, Table]]:
        return [(s, t) for s in self.table_sections() for t in s.tables]

    def table(self, key: str) -> Table:
        for _, t in self.tables():
            if t.key == key:
                return t
        raise KeyError(key)

    def section_of_table(self, key: str) -> TableSection:
        for s, t in self.tables():
            if t.key == key:
                return s
        raise KeyError(key)
