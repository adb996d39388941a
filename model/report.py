"""The report document: header fields, text sections and every input number; totals are computed."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from typing import NamedTuple

from .cells import CellValue, Money, check_count, check_money
from .chars import check_chars, clean_line, clean_text
from .errors import InputError
from .formats import FIRST_YEAR, LAST_YEAR, format_for_year
from .formats.definition import CellKind, Column, ReportFormat, Row, Table


class CellRef(NamedTuple):
    """Address of one number cell: table key, leaf row key, leaf column key."""

    table: str
    row: str
    column: str


HEADER_FIELDS = ("unit_name", "attachment_label", "report_date")
MAX_UNIT_NAME = 100
MAX_LABEL = 20
# Characters of one text section (spaces and line ends included). Every accepted draft stays fast: typing
# in the text tab and exporting to PDF (bench/bench_limits.py); docs/draft-format.md states it.
MAX_TEXT_CHARS = 20_000
FIELD_LABELS = {"unit_name": "填报单位", "attachment_label": "附件标注", "report_date": "报告日期"}


def unit_key(name: str) -> str:
    """A unit name as two names are compared (the same unit?): full-width folded (NFKC), white space dropped,
    case ignored."""
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


def cell_kind(table: Table, row: Row, column: Column) -> CellKind:
    """What a cell holds: TOTAL where its column or its row is a total, else its column's kind."""
    if column.kind is CellKind.TOTAL or row.total_of:
        return CellKind.TOTAL
    return column.kind


class Report:
    """One annual report being filled in. Listeners hear of every change (field name or CellRef)."""

    def __init__(self, fmt: ReportFormat, year: int, unit_name: str = "") -> None:
        check_year(year)
        if not fmt.covers(year):
            raise InputError(f"{year}年度的报告不适用{fmt.name}")
        self.format = fmt
        self.year = year
        self.unit_name = ""
        self.attachment_label = ""
        self.report_date = ""  # ISO date YYYY-MM-DD, or empty
        self.texts: dict[str, str] = {s.key: "" for s in fmt.text_sections()}
        self._listeners: list[Callable[[object], None]] = []
        # totals as printed in an outside source (an imported report): a number, or None where the printed
        # cell was blank; checked against the computed totals until the clerk accepts those instead
        # (kept in drafts by model/printed_totals.py, with where they were printed and when they were accepted)
        self.stated_totals: dict[CellRef, int | None] = {}
        self.stated_totals_source = ""  # the file they were printed in
        self.stated_totals_accepted = ""  # ISO date-time the computed totals were accepted; "" while in force
        self.last_year = None  # model.last_year.LastYear: last year's figures for rules 6–9, when linked
        # the clerk's explanations of warnings, by the finding's fingerprint (model.explanations)
        self.explanations: dict[str, str] = {}
        # cells 基于上年报告 filled, marked until edited: a change of value drops the mark (model.carried_marks)
        self.carried: set[CellRef] = set()
        self._lay_out(fmt)
        if unit_name:
            self.set_field("unit_name", unit_name)  # validated as the window validates it

    def _lay_out(self, fmt: ReportFormat) -> None:
        """Blank number tables of fmt (every count 0, every amount empty)."""
        self.format = fmt
        self._values: dict[CellRef, CellValue] = {}
        self._totals: dict[CellRef, int] = {}  # computed totals, until the next change of a value
        self._tables = {t.key: t for _, t in fmt.tables()}
        self._columns = {(t.key, c.key): c for t in self._tables.values() for c in t.leaf_columns()}
        self._rows = {(t.key, r.key): r for t in self._tables.values() for r in t.leaf_rows()}
        self._inputs = input_cells_of(fmt)
        for ref, column in self._inputs:
            self._values[ref] = None if column.kind is CellKind.MONEY else 0

    @classmethod
    def for_year(cls, year: int, unit_name: str = "") -> Report:
        """A blank report in the format of year; raises InputError for a year or unit name the window or the
        draft loader would refuse (an empty unit name is allowed: an unfinished draft)."""
        check_year(year)
        return cls(format_for_year(year), year, unit_name)

    # ---- structure ----

    def table(self, key: str) -> Table:
        return self._tables[key]

    def input_cells(self) -> Iterator[tuple[CellRef, Column]]:
        """Every cell a clerk types into, in printed order."""
        return iter(self._inputs)

    def kind(self, ref: CellRef) -> CellKind:
        table = self._tables[ref.table]
        return cell_kind(table, self._rows[ref.table, ref.row], self._columns[ref.table, ref.column])

    def column(self, ref: CellRef) -> Column:
        return self._columns[ref.table, ref.column]

    def has_cell(self, ref: CellRef) -> bool:
        return (ref.table, ref.row) in self._rows and (ref.table, ref.column) in self._columns

    # ---- values ----

    def value(self, ref: CellRef) -> CellValue:
        """Stored value of an input cell, or the computed value of a total cell."""
        value = self._values.get(ref, _MISSING)
        if value is not _MISSING:
            return value  # type: ignore[return-value]
        total = self._totals.get(ref)
        if total is None:
            column = self._columns[ref.table, ref.column]
            if column.total_of:
                total = sum(self.count(CellRef(ref.table, ref.row, k)) for k in column.total_of)
            else:
                row = self._rows[ref.table, ref.row]
                if not row.total_of:
                    raise KeyError(ref)
                total = sum(self.count(CellRef(ref.table, k, ref.column)) for k in row.total_of)
            self._totals[ref] = total
        return total

    def count(self, ref: CellRef) -> int:
        value = self._values.get(ref, _MISSING)
        if value is _MISSING:
            value = self.value(ref)
        return value if type(value) is int else 0  # noqa: E721 - bool is not a count

    def set_value(self, ref: CellRef, value: CellValue) -> None:
        """Store a validated value; raises InputError (nothing stored) when it is not acceptable."""
        if ref not in self._values:
            raise InputError("此格为自动计算的总计，不能填写" if ref.table in self._tables else "没有这个格")
        column = self._columns[ref.table, ref.column]
        if column.kind is CellKind.MONEY:
            if value is not None:
                if not isinstance(value, Money):
                    raise InputError("应为金额")
                value = check_money(value.amount, value.unit, column)
        else:
            value = check_count(value, column.kind)
        if self._values[ref] == value:
            return
        self._values[ref] = value
        self._totals.clear()
        self.carried.discard(ref)  # edited: no longer last year's figure
        self._notify(ref)

    def set_text(self, key: str, text: str) -> None:
        """Store a text section, cleaned (model.chars.clean_text); raises InputError (nothing stored) for a
        lone surrogate or a text longer than MAX_TEXT_CHARS."""
        if key not in self.texts:
            raise KeyError(key)
        text = check_text(text, self.format.section(key).heading)
        if self.texts[key] != text:
            self.texts[key] = text
            self._notify(key)

    def set_field(self, name: str, text: str) -> None:
        """Store a header field as check_field gives it; raises InputError (nothing stored) when refused."""
        text = check_field(name, text)
        if getattr(self, name) != text:
            setattr(self, name, text)
            self._notify(name)

    def set_stated_totals_accepted(self, when: str) -> None:
        """Accept the computed totals instead of the printed ones (when: ISO date-time), or "" to undo that."""
        if self.stated_totals_accepted != when:
            self.stated_totals_accepted = when
            self._notify("stated_totals")

    def set_explanation(self, key: str, text: str) -> None:
        """Explain the warning with fingerprint key (text "" withdraws the explanation); the text is cleaned
        like a text section (model.chars.clean_text) and stripped."""
        text = clean_text(text).strip()
        if self.explanations.get(key, "") == text:
            return
        if text:
            self.explanations[key] = text
        else:
            del self.explanations[key]
        self._notify("explanations")

    def has_numbers(self) -> bool:
        """True once any number is filled in (a count other than 0, or an amount)."""
        return any(v is not None and v != 0 for v in self._values.values())

    def check_year_change(self, year: int) -> ReportFormat:
        """The format of year if the report may move to it; raises InputError (why not) otherwise: numbers
        filled in, last year's report linked, printed totals imported, or no format for that year."""
        fmt = format_for_year(check_year(year))
        if self.has_numbers():
            raise InputError("报告已填写了数字，年度不能再更改；下一年度的报告请用“基于上年报告新建”")
        if self.last_year is not None or self.stated_totals:
            raise InputError("报告已关联上年报告或带有导入的总计，年度不能更改")
        return fmt

    def set_year(self, year: int) -> None:
        """Change the report year of a report with no numbers yet (check_year_change); a year of the other
        official format lays out that format's blank tables (the header fields and the texts stay: both
        formats have the same text sections)."""
        if year == self.year:
            return
        fmt = self.check_year_change(year)
        self.carried = set()  # carried for another year
        if fmt is not self.format:
            texts = self.texts
            self.texts = {s.key: texts.get(s.key, "") for s in fmt.text_sections()}
            self._lay_out(fmt)
        self.year = year
        self._notify("year")

    def title(self) -> str:
        return f"{self.unit_name}{self.year}年政府信息公开工作年度报告"

    def set_carried(self, refs) -> None:
        """Mark exactly these input cells as carried from last year's report (no listener is told: the marks
        are not the report's content; ui.session tells the grids)."""
        refs = set(refs)
        for ref in refs:
            if ref not in self._values:
                raise KeyError(ref)
        self.carried = refs

    def set_last_year(self, last) -> None:
        """Link last year's figures (a model.last_year.LastYear of the year before) or unlink (None)."""
        if last is not None and last.year != self.year - 1:
            raise InputError(f"上年报告应为{self.year - 1}年度的，实际为{last.year}年度")
        if last != self.last_year:
            self.last_year = last
            self._notify("last_year")

    # ---- change listeners ----

    def subscribe(self, listener: Callable[[object], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[object], None]) -> None:
        self._listeners.remove(listener)

    def _notify(self, what: object) -> None:
        for listener in list(self._listeners):
            listener(what)


_MISSING = object()
_INPUT_KINDS = (CellKind.COUNT, CellKind.SIGNED, CellKind.MONEY)
_INPUTS: dict[str, tuple[tuple[CellRef, Column], ...]] = {}


def input_cells_of(fmt: ReportFormat) -> tuple[tuple[CellRef, Column], ...]:
    """The input cells of a format in printed order (cached: formats are immutable)."""
    cells = _INPUTS.get(fmt.id)
    if cells is None:
        cells = _INPUTS[fmt.id] = tuple(
            (CellRef(table.key, row.key, column.key), column)
            for _, table in fmt.tables() for row in table.leaf_rows() for column in table.leaf_columns()
            if cell_kind(table, row, column) in _INPUT_KINDS)
    return cells


def check_year(year: object) -> int:
    """The report years a draft may hold (the loader's range); raises InputError."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise InputError(f"报告年度应为整数年份，实际为“{year}”")
    if year < FIRST_YEAR:
        raise InputError(f"{year}年没有适用的报告格式：年度报告格式从{FIRST_YEAR}年起适用")
    if year > LAST_YEAR:
        raise InputError(f"报告年度应为{FIRST_YEAR}至{LAST_YEAR}之间的年份，实际为“{year}”")
    return year


def check_text(text: object, heading: str) -> str:
    """A text section as stored: cleaned of control characters; raises InputError for a character that
    cannot be written or a text longer than MAX_TEXT_CHARS."""
    if not isinstance(text, str):
        raise InputError("应为文字")
    text = clean_text(text)
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"“{heading}”有{len(text)}个字（含空格和换行），超过了{MAX_TEXT_CHARS}字的上限")
    check_chars(text, f"“{heading}”")
    return text


def check_field(name: str, text: object) -> str:
    """A header field (HEADER_FIELDS) as stored: one line, checked characters and length, a date in ISO form;
    raises InputError for a value refused, KeyError for an unknown field."""
    if name not in HEADER_FIELDS:
        raise KeyError(name)
    if not isinstance(text, str):
        raise InputError("应为文字")
    if name != "report_date":  # one-line fields: a pasted line break would break the printed title
        text = clean_line(text)
    check_chars(text, FIELD_LABELS[name], one_line=True)
    if name == "unit_name" and len(text) > MAX_UNIT_NAME:
        raise InputError(f"填报单位名称不能超过{MAX_UNIT_NAME}个字")
    if name == "attachment_label" and len(text) > MAX_LABEL:
        raise InputError(f"附件标注不能超过{MAX_LABEL}个字")
    return validate_date(text) if name == "report_date" else text


def validate_date(text: str) -> str:
    """Accept '' or a date as clerks write it (2025-01-15, 2025年1月15日, 2025.1.15, 2025/1/15); return ISO."""
    from datetime import date

    text = text.strip()
    if not text:
        return ""
    if len(text) == 10 and text[4] == text[7] == "-":  # ISO, as drafts keep it: no need for the parser
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            pass  # the parser names what is wrong
    from .dates import iso_date

    return iso_date(text)
