"""Last year's report as the cross-year rules (R6–R9) see it: exactly the figures and texts they compare with."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from .errors import InputError
from .formats import format_by_id
from .formats.definition import (
    CarryOverRule, CellKind, ItemCountRule, ReportFormat, StockRule, TextRepeatRule,
)
from .frozen import frozen
from .report import CellRef, Report, input_cells_of, unit_key


class LastYear:
    """Last year's unit, year and format, and the numbers and texts the cross-year rules need (read-only).

    Built from a whole report (`from_report`, as `check --previous` and 关联上年报告 do) or read back from
    a draft's `last_year` block (model.last_year_block). Totals of last year's format are computed from
    the stored parts, as in a report.
    """

    __slots__ = ("source", "unit_name", "year", "format", "values", "texts")

    def __init__(self, source: str, unit_name: str, year: int, format_id: str,
                 values: Mapping[CellRef, int], texts: Mapping[str, str]) -> None:
        self.source = source  # file name of last year's draft, "" when unknown
        self.unit_name = unit_name
        self.year = year
        self.format: ReportFormat = format_by_id(format_id)
        self.values: dict[CellRef, int] = dict(values)
        self.texts: dict[str, str] = dict(texts)

    @classmethod
    def from_report(cls, last: Report, fmt: ReportFormat, source: str = "") -> LastYear:
        """What the rules of this year's format fmt need from last year's report."""
        refs, texts = needs(fmt, last.format)
        return cls(source, last.unit_name, last.year, last.format.id,
                   {ref: last.count(ref) for ref in refs}, {key: last.texts.get(key, "") for key in texts})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LastYear):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"LastYear({self.source!r}, {self.unit_name!r}, {self.year}, {self.format.id!r})"

    # ---- what the rule engine asks ----

    def has_cell(self, ref: CellRef) -> bool:
        """Whether last year's format has this cell at all (the 2019 and 2021 tables differ)."""
        try:
            table = self.format.table(ref.table)
            table.row(ref.row)
            table.column(ref.column)
        except KeyError:
            return False
        return True

    def count(self, ref: CellRef) -> int:
        """A stored number, or a total of last year's format computed from stored parts; else 0."""
        value = self.values.get(ref)
        if value is not None:
            return value
        if not self.has_cell(ref):
            return 0
        table = self.format.table(ref.table)
        column, row = table.column(ref.column), table.row(ref.row)
        if column.total_of:
            return sum(self.count(CellRef(ref.table, ref.row, k)) for k in column.total_of)
        if row.total_of:
            return sum(self.count(CellRef(ref.table, k, ref.column)) for k in row.total_of)
        return 0

    def text(self, key: str) -> str:
        return self.texts.get(key, "")

    def row_label(self, table: str, row: str) -> str:
        return self.format.table(table).row(row).label

    # ---- describing ----

    def title(self) -> str:
        return f"{self.unit_name or '（未填单位）'}{self.year}年度报告"

    def describe(self) -> str:
        """How the window and the command line name the linked report."""
        return f"{self.title()}（{self.source}）" if self.source else self.title()

    def fits(self, report: Report) -> bool:
        """True when this is last year's data for report as it is now (year and format unchanged)."""
        if self.year != report.year - 1:
            return False
        refs, texts = needs(report.format, self.format)
        return set(refs) == set(self.values) and set(texts) == set(self.texts)


# ---- which figures the cross-year rules need ----


def needs(fmt: ReportFormat, last_fmt: ReportFormat) -> tuple[tuple[CellRef, ...], tuple[str, ...]]:
    """The input cells (last year's addresses) and text sections the cross-year rules of fmt read from a
    report of last_fmt, in printed order; derived from the rule specifications (formats as data)."""
    refs: list[CellRef] = []
    texts: list[str] = []
    last_tables = {t.key: t for _, t in last_fmt.tables()}

    def add(table_key: str, rows: Iterable[str], columns: Iterable[str]) -> None:
        table = last_tables.get(table_key)
        if table is None:
            return
        row_keys = {r.key for r in table.leaf_rows()}
        inputs = {c.key for c in table.leaf_columns() if c.kind is not CellKind.TOTAL}
        columns = list(columns)
        if not all(c in inputs for c in columns):
            return  # a format without one of the columns: the rule has no base there
        for row in rows:
            if row in row_keys:
                refs.extend(CellRef(table_key, row, c) for c in columns if CellRef(table_key, row, c) not in refs)

    for spec in fmt.rules:
        if isinstance(spec, CarryOverRule) and spec.table in last_tables:
            table = last_tables[spec.table]
            add(spec.table, [spec.last_row],
                [c.key for c in table.leaf_columns() if c.kind is not CellKind.TOTAL])
        elif isinstance(spec, StockRule) and spec.table in last_tables:
            add(spec.table, [r.key for r in fmt.table(spec.table).leaf_rows()], [spec.stock])
        elif isinstance(spec, ItemCountRule):
            for key in spec.tables:
                if key in last_tables:
                    add(key, [r.key for r in fmt.table(key).leaf_rows()], [spec.previous, spec.change])
        elif isinstance(spec, TextRepeatRule) and any(s.key == spec.section for s in last_fmt.text_sections()):
            texts.append(spec.section)
    return tuple(refs), tuple(dict.fromkeys(texts))


def cross_year_rules(fmt: ReportFormat) -> tuple[str, ...]:
    """The ids of the findings that compare with last year's report (rules 6–9)."""
    ids: list[str] = []
    for spec in fmt.rules:
        if isinstance(spec, (CarryOverRule, StockRule, TextRepeatRule)):
            ids.append(spec.id)
        elif isinstance(spec, ItemCountRule):
            ids.append(spec.cross_id)
    return tuple(ids)


# ---- this year's cells and the last-year figures they are carried from or checked against ----


@frozen
class Counterpart:
    """Last year's figure for one of this year's cells."""

    ref: CellRef  # this year's cell
    value: int  # last year's figure
    note: str  # where it comes from, for the tooltip: 上年“四、结转下年度继续办理”为5
    carried: bool  # 基于上年报告 fills the cell with value; False: only the base of a check


def counterparts(fmt: ReportFormat, last: LastYear) -> dict[CellRef, Counterpart]:
    """Every cell of a report of format fmt that has a last-year figure, derived from the cross-year rules."""
    found: dict[CellRef, Counterpart] = {}
    for spec in fmt.rules:
        if isinstance(spec, CarryOverRule):
            _carry_over_counterparts(fmt, last, spec, found)
        elif isinstance(spec, StockRule):
            _stock_counterparts(fmt, last, spec, found)
        elif isinstance(spec, ItemCountRule):
            _item_counterparts(fmt, last, spec, found)
    return found


def carry_cells(fmt: ReportFormat) -> tuple[CellRef, ...]:
    """Every cell of format fmt that 基于上年报告 may fill (whatever last year's format), in printed order:
    the carried-over row's applicant columns (R6) and the 上一年项目数量 column of the item tables (R8)."""
    cells: list[CellRef] = []
    for spec in fmt.rules:
        if isinstance(spec, CarryOverRule):
            table = fmt.table(spec.table)
            cells += [CellRef(spec.table, spec.this_row, c.key) for c in table.leaf_columns()
                      if c.kind is not CellKind.TOTAL]
        elif isinstance(spec, ItemCountRule):
            cells += [CellRef(key, row.key, spec.previous) for key in spec.tables
                      for row in fmt.table(key).leaf_rows()]
    order = {ref: i for i, (ref, _) in enumerate(input_cells_of(fmt))}
    return tuple(sorted(dict.fromkeys(cells), key=lambda ref: order.get(ref, len(order))))


def _carry_over_counterparts(fmt, last: LastYear, spec: CarryOverRule, found: dict) -> None:
    table = fmt.table(spec.table)
    for column in table.leaf_columns():
        source = CellRef(spec.table, spec.last_row, column.key)
        if not last.has_cell(source) or not _stored(last, source):
            continue
        value = last.count(source)
        ref = CellRef(spec.table, spec.this_row, column.key)
        found[ref] = Counterpart(ref, value, f"上年“{last.row_label(spec.table, spec.last_row)}”为{value}",
                                 column.kind is not CellKind.TOTAL)


def _stock_counterparts(fmt, last: LastYear, spec: StockRule, found: dict) -> None:
    table = fmt.table(spec.table)
    label = table.column(spec.stock).label
    for row in table.leaf_rows():
        ref = CellRef(spec.table, row.key, spec.stock)
        if ref in last.values:
            value = last.values[ref]
            found[ref] = Counterpart(ref, value, f"上年{label}为{value}（本年应为上年数＋本年制发－本年废止）",
                                     False)


def _item_counterparts(fmt, last: LastYear, spec: ItemCountRule, found: dict) -> None:
    for key in spec.tables:
        table = fmt.table(key)
        for row in table.leaf_rows():
            prev, change = CellRef(key, row.key, spec.previous), CellRef(key, row.key, spec.change)
            if prev not in last.values or change not in last.values:
                continue
            p, c = last.values[prev], last.values[change]
            value = p + c
            note = f"上年报告的上一年项目数量{p}＋本年增/减（{c}）＝{value}"
            if value < 0:
                note += "，小于0，不能带入"
            found[prev] = Counterpart(prev, value, note, value >= 0)


def _stored(last: LastYear, ref: CellRef) -> bool:
    """A stored cell, or a total whose parts are all stored."""
    if ref in last.values:
        return True
    column = last.format.table(ref.table).column(ref.column)
    return bool(column.total_of) and all(CellRef(ref.table, ref.row, k) in last.values for k in column.total_of)


# ---- which years fit together ----


def check_years(last_year: int, year: int, name: str) -> None:
    """Raise InputError (naming the file and both years) unless last_year is the year before year."""
    if last_year == year - 1:
        return
    where = f"“{name}”是{last_year}年度的报告"
    if last_year == year:
        why = "与本报告同一年度"
    elif last_year > year:
        why = f"晚于本报告的{year}年度"
    else:
        missing = "、".join(str(y) for y in range(last_year + 1, year))
        why = f"与本报告的{year}年度相隔{year - last_year}年（中间缺少{missing}年度的报告）"
    raise InputError(f"{where}，{why}；上年报告应为上一年度（{year - 1}年）的报告")


def read_last_year(path, year: int) -> Report:
    """Load last year's draft for a report of year; DraftError or InputError name the file and the years."""
    from pathlib import Path

    from .draft import load_draft

    last = load_draft(path)
    check_years(last.year, year, Path(path).name)
    return last


def unit_warning(last_unit: str, unit: str) -> str:
    """A warning (not a refusal: units merge and rename) when last year's unit is another (not the same name
    but for spaces or full-width characters); else ""."""
    if unit_key(last_unit) == unit_key(unit) or not last_unit.strip() or not unit.strip():
        return ""
    return f"上年报告的填报单位是“{last_unit.strip()}”，与本报告的“{unit.strip()}”不同（单位合并或更名时属正常，请核对）"
