"""The rule engine: checks a report (and optionally last year's) against its format's rules (docs/checks.md)."""
from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from .cells import Money
from .formats.definition import (
    MAX_COUNT, BalanceRule, CarryOverRule, CellKind, ItemCountRule, ReportFormat, RequiredRule, StaleYearRule,
    StockRule, Table, TextFiguresRule, TextLengthRule, TextMentionRule, TextRepeatRule, TextSubstanceRule,
)
from .formats import text_words as W
from .frozen import frozen
from .last_year import LastYear
from .lazy_re import LazyPattern
from .report import FIELD_LABELS, CellRef, Report


class Severity(Enum):
    """An error (the report is wrong or incomplete) or a warning (likely wrong: the clerk decides)."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "错误" if self is Severity.ERROR else "警告"


HEADER_KEY, HEADER_TITLE = "header", "基本信息"  # findings about the 基本信息 (not a section of the format)


@frozen
class Finding:
    """One result of the checks: what is wrong, where (section, row, column, cells, characters) and how to fix it."""

    severity: Severity
    rule: str
    section: str  # section heading (基本信息 for a header field)
    row: str  # official row label, "" when none
    column: str  # official column label (group path where it repeats), "" when none
    message: str
    section_key: str = ""  # a section's key, or "header"
    ref: CellRef | None = None  # the cell to jump to
    cells: tuple[CellRef, ...] = ()  # every cell the finding concerns
    key: str = ""  # fingerprint: rule, place and the numbers quoted (model.explanations)
    hint: str = ""  # where to look first
    span: tuple[int, int] | None = None  # characters of the text section (or the header field name) concerned
    explanation: str = ""  # the clerk's written explanation of a warning (已说明)

    @property
    def explained(self) -> bool:
        return bool(self.explanation)

    def place(self, separator: str = " / ") -> str:
        """Section, row and column, those it has, as a listing names the place: 三、… / 自然人 / 总计."""
        return separator.join(p for p in (self.section, self.row, self.column) if p)

    def explain(self, text: str) -> Finding:
        """This warning marked 已说明 with text (an error cannot be explained)."""
        if self.severity is Severity.ERROR:
            return self
        values = {name: getattr(self, name) for name in self.__match_args__}
        return Finding(**{**values, "explanation": text})

    def as_dict(self) -> dict[str, str | None]:
        return {"severity": self.severity.value, "rule": self.rule, "section": self.section,
                "row": self.row, "column": self.column, "message": self.message, "hint": self.hint,
                "key": self.key, "explained": self.explanation or None}


# findings a feature attaches to a report beyond its format's rules, e.g. the units of a 汇总 whose own
# reports have errors (model.aggregate_record): each is called as source(report) -> list of Finding
FINDING_SOURCES: list[Callable[[Report], list[Finding]]] = []


def check(report: Report, previous: Report | LastYear | None = None, submission: bool = False) -> list[Finding]:
    """Every finding for report: errors first in printed order, then warnings, then explained warnings.

    The cross-year rules 6–9 compare with previous: last year's whole report (`check --previous`) or its
    figures; without it, with the figures linked in the report's own draft (report.last_year), if any.
    submission: the 提交前检查, which also wants what only a filed report needs (the report date).
    """
    checker = _Checker(report, last_year_for(report, previous))
    checker.run()
    if submission:
        checker.check_submission()
    findings = checker.findings
    notes = report.explanations
    if notes:
        findings = [f.explain(notes[f.key]) if f.key in notes else f for f in findings]
    return sorted(findings, key=lambda f: (f.severity is not Severity.ERROR, f.explained))


def last_year_for(report: Report, previous: Report | LastYear | None = None) -> LastYear | None:
    """What the cross-year rules compare with: previous when given (it wins), else the linked figures."""
    if isinstance(previous, Report):
        return LastYear.from_report(previous, report.format)
    if previous is not None:
        return previous
    linked = report.last_year
    return linked if linked is not None and linked.year == report.year - 1 else None


def count_by_severity(findings: list[Finding]) -> tuple[int, int]:
    """(errors, warnings) among findings."""
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    return errors, len(findings) - errors


def warning_rules(fmt: ReportFormat) -> set[str]:
    """Ids of the warnings a format's rules give (the findings a clerk may explain)."""
    ids: set[str] = set()
    for spec in fmt.rules:
        if isinstance(spec, (BalanceRule, RequiredRule)):
            continue
        ids.add(spec.id)
        if isinstance(spec, ItemCountRule):
            ids.add(spec.cross_id)
        elif isinstance(spec, StaleYearRule):
            ids.update(f"{spec.id}.{kind}" for kind in ("title-year", "title-unit"))
    return ids


def missing_parts(findings: list[Finding]) -> list[str]:
    """What a report still lacks (completeness errors), in a few words each: 填报单位未填写, “一、总体情况”未填写."""
    return [f.message.split("：")[0] if f.section_key == HEADER_KEY else f"“{f.section}”未填写"
            for f in findings if f.rule.startswith("R12.")]


def count_explained(findings: list[Finding]) -> int:
    """How many findings are warnings explained by the clerk (已说明)."""
    return sum(1 for f in findings if f.explained)


_QUOTED = LazyPattern(r"“[^”]*”")
_NUMBER = LazyPattern(r"-?\d+(?:\.\d+)?")


def fingerprint(rule: str, place: str, numbers: tuple = ()) -> str:
    """rule@place#numbers: stays the same while the finding says the same thing about the same place."""
    return f"{rule}@{place}#{','.join(str(n) for n in numbers)}"


def message_numbers(message: str) -> tuple[str, ...]:
    """The numbers a message quotes (not those inside quoted labels or text)."""
    return tuple(_NUMBER.findall(_QUOTED.sub("", message)))


def _rule_hints() -> dict[str, str]:
    """What to look at for each rule (model.formats.help_texts: imported with the first finding)."""
    from .formats.help_texts import RULE_HINTS

    return RULE_HINTS


class _Checker:
    def __init__(self, report: Report, last: LastYear | None) -> None:
        self.report = report
        self.last = last
        self.fmt = report.format
        self.findings: list[Finding] = []

    # ---- helpers ----

    def add(self, severity: Severity, rule: str, table: Table | None, ref: CellRef | None,
            message: str, cells: tuple[CellRef, ...] = (), section_key: str = "",
            with_column: bool = True, place: str = "", numbers: tuple | None = None, hint: str = "",
            span: tuple[int, int] | None = None) -> None:
        if section_key == HEADER_KEY:
            key, heading = HEADER_KEY, HEADER_TITLE
        else:
            section = self.fmt.section_of_table(table.key) if table is not None else self.fmt.section(section_key)
            key, heading = section.key, section.heading
        row = column = ""
        if ref is not None and table is not None:
            row = table.row(ref.row).label
            column = table.column_label(ref.column) if with_column else ""
        if not place:
            place = f"{ref.table}.{ref.row}.{ref.column}" if ref is not None else key
        numbers = message_numbers(message) if numbers is None else numbers
        self.findings.append(Finding(severity, rule, heading, row, column, message, key, ref,
                                     cells or ((ref,) if ref else ()), fingerprint(rule, place, numbers),
                                     hint or _rule_hints().get(rule, ""), span))

    def run(self) -> None:
        self.check_ranges()
        self.check_stated_totals()
        for spec in self.fmt.rules:
            getattr(self, "rule_" + type(spec).__name__)(spec)
        for source in FINDING_SOURCES:
            self.findings.extend(source(self.report))

    # ---- rule 5: ranges (values come validated, but reports built from outside may not be) ----

    def check_ranges(self) -> None:
        report = self.report
        for ref, column in report.input_cells():
            value = report.value(ref)
            kind = column.kind
            if kind is CellKind.MONEY:
                if value is None or (type(value) is Money and value.amount >= 0):
                    continue
                expected = "金额应为非负数"
            else:
                low = -MAX_COUNT if kind is CellKind.SIGNED else 0
                if type(value) is int and low <= value <= MAX_COUNT:
                    continue
                expected = "应为整数" if kind is CellKind.SIGNED else "应为非负整数"
            shown = value.text() if isinstance(value, Money) else value
            self.add(Severity.ERROR, "R5", report.table(ref.table), ref, f"{expected}，实际为“{shown}”")

    # ---- rules 2–4: a stated (printed) total must equal the sum of its parts ----

    def check_stated_totals(self) -> None:
        report = self.report
        if report.stated_totals_accepted:
            return
        for ref, stated in report.stated_totals.items():
            if not report.has_cell(ref):
                continue
            table = report.table(ref.table)
            computed = report.count(ref)
            if stated == computed or (stated is None and computed == 0):
                continue
            column, row = table.column(ref.column), table.row(ref.row)
            name = table.column_label(ref.column)
            where = f"{row.label}：{name}" if row.label else name
            rule = column.total_rule or row.total_rule
            if stated is None:  # printed blank while its parts are not all zero
                self.add(Severity.WARNING, rule, table, ref, f"{where}未填写，各分项之和为{computed}")
            else:
                self.add(Severity.ERROR, rule, table, ref,
                         f"{where}填报为{stated}，各分项之和为{computed}，相差{abs(stated - computed)}")

    # ---- rule 1 (on the computed totals, and on the printed ones where they differ) ----

    def rule_BalanceRule(self, spec: BalanceRule) -> None:
        report = self.report
        table = report.table(spec.table)
        printed = {} if report.stated_totals_accepted else report.stated_totals
        for column in table.leaf_columns():
            lhs = [CellRef(table.key, r, column.key) for r in spec.lhs]
            rhs = [CellRef(table.key, r, column.key) for r in spec.rhs]
            differs = any(printed.get(c) not in (None, report.count(c)) for c in lhs + rhs)
            bases = [(report.count, "（按各分项之和计算的总计）" if differs else "")]
            if differs:
                bases.append((lambda c: _printed_or(printed, report, c), "（按报告中填报的总计）"))
            for value, basis in bases:
                left = sum(value(c) for c in lhs)
                right = sum(value(c) for c in rhs)
                if left != right:
                    self.add(Severity.ERROR, spec.id, table, lhs[0],
                             f"{table.column_label(column.key)}：{spec.lhs_text}＝{left}，"
                             f"{spec.rhs_text}＝{right}，相差{abs(left - right)}{basis}", tuple(lhs + rhs),
                             hint=_rule_hints()[f"{spec.id}.{'more' if left > right else 'less'}"])

    # ---- rule 6 ----

    def rule_CarryOverRule(self, spec: CarryOverRule) -> None:
        last = self.last
        if last is None:
            return
        table = self.report.table(spec.table)
        for column in table.leaf_columns():
            source = CellRef(table.key, spec.last_row, column.key)
            if not last.has_cell(source):
                continue
            last_label = last.row_label(spec.table, spec.last_row)
            ref = CellRef(table.key, spec.this_row, column.key)
            now = self.report.count(ref)
            before = last.count(source)
            if now != before:
                self.add(Severity.WARNING, spec.id, table, ref,
                         f"{table.column_label(column.key)}：本年“{table.row(spec.this_row).label}”为{now}，"
                         f"上年“{last_label}”为{before}，相差{abs(now - before)}")

    # ---- rule 7 ----

    def rule_StockRule(self, spec: StockRule) -> None:
        last = self.last
        if last is None:
            return
        report, table = self.report, self.report.table(spec.table)
        for row in table.leaf_rows():
            ref = CellRef(table.key, row.key, spec.stock)
            if ref not in last.values:
                continue  # last year's format has no such stock (2019 → 2021)
            now = report.count(ref)
            before = last.count(ref)
            added = report.count(CellRef(table.key, row.key, spec.added))
            removed = report.count(CellRef(table.key, row.key, spec.removed))
            expected = before + added - removed
            if now != expected:
                self.add(Severity.WARNING, spec.id, table, ref,
                         f"{row.label}：{table.column(spec.stock).label}为{now}，上年{before}"
                         f"＋本年制发{added}－本年废止{removed}＝{expected}，相差{abs(now - expected)}")

    # ---- rule 8 ----

    def rule_ItemCountRule(self, spec: ItemCountRule) -> None:
        report, last = self.report, self.last
        for key in spec.tables:
            table = report.table(key)
            for row in table.leaf_rows():
                prev_ref = CellRef(key, row.key, spec.previous)
                change_ref = CellRef(key, row.key, spec.change)
                prev, change = report.count(prev_ref), report.count(change_ref)
                if prev + change < 0:
                    self.add(Severity.WARNING, spec.id, table, change_ref,
                             f"{row.label}：上一年项目数量{prev}＋本年增/减（{change}）＝{prev + change}，小于0",
                             (prev_ref, change_ref))
                if last is not None and prev_ref in last.values and change_ref in last.values:
                    expected = last.count(prev_ref) + last.count(change_ref)
                    if prev != expected:
                        self.add(Severity.WARNING, spec.cross_id, table, prev_ref,
                                 f"{row.label}：上一年项目数量为{prev}，上年报告的上一年项目数量"
                                 f"{last.count(prev_ref)}＋本年增/减（{last.count(change_ref)}）＝{expected}，"
                                 f"相差{abs(prev - expected)}")

    # ---- rule 9: text sections ----

    def rule_TextLengthRule(self, spec: TextLengthRule) -> None:
        n = text_length(self.report.texts.get(spec.section, ""))
        if n > spec.max_chars:  # (every view of a finding names its section: the message does not repeat it)
            self.add(Severity.WARNING, spec.id, None, None,
                     f"共{n}字，篇幅原则上不超过{spec.max_chars}字", section_key=spec.section)

    def rule_TextMentionRule(self, spec: TextMentionRule) -> None:
        if spec.keyword not in self.report.texts.get(spec.section, ""):
            self.add(Severity.WARNING, spec.id, None, None, spec.message, section_key=spec.section)

    def rule_TextSubstanceRule(self, spec: TextSubstanceRule) -> None:
        """A token line (无); an empty section is an error of RequiredRule instead."""
        text = self.report.texts.get(spec.section, "")
        n = text_length(text)
        if 0 < n < spec.min_chars:
            self.add(Severity.WARNING, spec.id, None, None,
                     f"只有“{text.strip()}”（{n}字），应具体写明存在的问题和改进措施",
                     section_key=spec.section)

    def rule_TextRepeatRule(self, spec: TextRepeatRule) -> None:
        if self.last is None:
            return
        now = self.report.texts.get(spec.section, "")
        before = self.last.text(spec.section)
        ratio = repeat_ratio(now, before)
        if ratio > spec.max_ratio:
            self.add(Severity.WARNING, spec.id, None, None,
                     f"与上年报告重复率为{round(ratio * 100)}%，超过{round(spec.max_ratio * 100)}%",
                     section_key=spec.section)

    # ---- completeness (errors) ----

    def rule_RequiredRule(self, spec: RequiredRule) -> None:
        report = self.report
        for name in spec.fields:
            if not getattr(report, name).strip():
                label = FIELD_LABELS[name]
                self.add(Severity.ERROR, f"{spec.id}.{name}", None, None,
                         f"{label}未填写：报告标题和落款都要用到{label}", section_key=HEADER_KEY)
        for key in spec.texts:
            if not report.texts.get(key, "").strip():
                self.add(Severity.ERROR, f"{spec.id}.{key}", None, None, "尚未填写，这一部分必须填写", section_key=key)

    def check_submission(self) -> None:
        if not self.report.report_date:
            self.add(Severity.ERROR, "R12.report_date", None, None,
                     "报告日期未填写：提交的报告要写明日期（打印在落款处）", section_key=HEADER_KEY)

    # ---- the text against the tables and the report year (model.text_checks) ----

    def rule_TextFiguresRule(self, spec: TextFiguresRule) -> None:
        from .text_checks import figure_findings

        figure_findings(self, spec)

    def rule_StaleYearRule(self, spec: StaleYearRule) -> None:
        from .text_checks import year_findings

        year_findings(self, spec)


def _printed_or(printed: dict, report: Report, ref: CellRef) -> int:
    """The total as printed, where a number was printed; else the computed value (or the input)."""
    value = printed.get(ref)
    return value if value is not None else report.count(ref)


_SPACE = LazyPattern(r"\s+")
_SENTENCE_END = LazyPattern(f"[{W.SENTENCE_END}]+")


def text_length(text: str) -> int:
    """Characters a reader sees: white space does not count."""
    return len(_SPACE.sub("", text))


def repeat_ratio(now: str, before: str) -> float:
    """Share of this year's characters that sit in sentences copied from last year's text."""
    sentences = [s for s in (_SPACE.sub("", x) for x in _SENTENCE_END.split(now)) if s]
    total = sum(len(s) for s in sentences)
    if total == 0 or not before.strip():
        return 0.0
    old = {_SPACE.sub("", s) for s in _SENTENCE_END.split(before)}
    old.discard("")
    return sum(len(s) for s in sentences if s in old) / total
