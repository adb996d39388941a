"""Findings about the text sections: figures that differ from the tables (R10), stale years and titles (R11)."""
from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from .cells import Money, format_decimal
from .formats.definition import StaleYearRule, Target, TextFiguresRule, tree_path
from .report import CellRef, Report
from .text_figures import MONEY_FACTORS, Quote, find_quotes
from .text_reading import quote_text
from .text_years import find_mentions


def _texts(report: Report, sections: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    for key in sections:
        text = report.texts.get(key, "")
        if text:
            yield key, text


def figure_findings(checker, spec: TextFiguresRule) -> None:
    """One warning per figure and number quoted in a section that no reading of the tables gives."""
    from .rules import Severity

    report = checker.report
    for section_key, text in _texts(report, spec.sections):
        seen = set()
        for quote in find_quotes(spec.figures, text, report.year):
            if (quote.figure.key, quote.value) in seen:
                continue
            seen.add((quote.figure.key, quote.value))
            values = [target_value(report, t, quote) for t in quote.figure.targets]
            if any(agrees for agrees, _shown, _cells in values):
                continue
            table = "，".join(f"{t.label}为{shown}" for t, (_a, shown, _c) in zip(quote.figure.targets, values))
            cells = tuple(dict.fromkeys(c for _a, _s, group in values for c in group))
            written = quote.shown if quote.figure.money else quote.value
            checker.add(Severity.WARNING, spec.id, None, None,
                        f"正文写{quote.figure.name}{quote.shown}（“{quote_text(text, quote.start, quote.end)}”），"
                        f"表中{table}", cells=cells, section_key=section_key, place=f"{section_key}:{quote.figure.key}",
                        numbers=(written, *(shown for _a, shown, _c in values)), span=(quote.start, quote.end))


def target_value(report: Report, target: Target, quote: Quote) -> tuple[bool, str, tuple[CellRef, ...]]:
    """Whether the quoted figure equals the target, the target's value as shown, and its cells."""
    cells = tuple(c for name in target.cells for c in expand(report, name))
    if not quote.figure.money:
        total = sum(report.count(c) for c in cells)
        return total == quote.value, str(total), cells
    filled = [a for a in (report.value(c) for c in cells) if isinstance(a, Money)]
    if not filled:
        return quote.value == 0, "空（未填写）", cells
    unit = filled[0].unit
    total = sum(a.amount * MONEY_FACTORS[a.unit] / MONEY_FACTORS[unit] for a in filled)
    shown = f"{format_decimal(total)}{unit}"
    if quote.value * MONEY_FACTORS[quote.unit] / MONEY_FACTORS[unit] == total:
        return True, shown, cells
    # a rounded figure agrees with the table rounded the same way: 9116.36万元 for 9116.3612万元
    places = max(0, -quote.value.as_tuple().exponent)
    in_text_unit = total * MONEY_FACTORS[unit] / MONEY_FACTORS[quote.unit]
    return in_text_unit.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) == quote.value, shown, cells


def expand(report: Report, name: str) -> list[CellRef]:
    """table.row.column → its cell; a group row → the cells of its leaf rows."""
    table_key, row_key, column = name.split(".")
    path = tree_path(report.table(table_key).rows, row_key)
    return [CellRef(table_key, leaf.key, column) for leaf in path[-1].leaves()] if path else []


def year_findings(checker, spec: StaleYearRule) -> None:
    """One warning per stale year and section; one per quoted title whose year or unit disagrees."""
    from .rules import Severity

    report = checker.report
    for section_key, text in _texts(report, spec.sections):
        stale: dict[int, list] = {}
        for m in find_mentions(text, report.year, report.unit_name):
            if m.kind == "year":
                stale.setdefault(m.year, []).append(m)
                continue
            sentence = quote_text(text, m.start, m.end)
            if m.kind == "title-year":
                message = f"正文引用的报告标题年度为{m.year}年（“{sentence}”），本报告为{report.year}年度"
                numbers: tuple = (m.year, report.year)
            else:
                message = (f"正文引用的报告标题单位为“{m.unit}”（“{sentence}”），"
                           f"与基本信息的填报单位“{report.unit_name}”不一致")
                numbers = ()
            checker.add(Severity.WARNING, f"{spec.id}.{m.kind}", None, None, message, section_key=section_key,
                        place=f"{section_key}:{m.kind}" + (f":{m.unit}" if m.unit else ""), numbers=numbers,
                        span=(m.start, m.end))
        for year, found in stale.items():
            first = found[0]
            more = f"等{len(found)}处" if len(found) > 1 else ""
            checker.add(Severity.WARNING, spec.id, None, None,
                        f"正文出现{year}年{more}（“{quote_text(text, first.start, first.end)}”），本报告为{report.year}年度",
                        section_key=section_key, place=f"{section_key}:{year}", numbers=(year, report.year),
                        span=(first.start, first.end))
