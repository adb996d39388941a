"""What a 汇总 draft records of its sources (draft block `aggregate`): units, files, fingerprints, errors."""
from __future__ import annotations

from typing import Any

from .chars import describe_char, refused_char, replace_refused
from .draft_blocks import DraftBlock
from .draft_values import json_object, json_text, show, whole_number
from .errors import DraftError
from .frozen import frozen
from .lazy_re import LazyPattern
from .report import CellRef, Report
from .rules import FINDING_SOURCES, HEADER_KEY, HEADER_TITLE, Finding, Severity

BLOCK_KEY = "aggregate"
SOURCE_ERROR_RULE = "A1"  # a unit summed into the report has errors in its own report
POLICIES = ("", "once", "all")  # duplicates: none found / each summed once / all summed as they are
MAX_ENTRIES = 100_000
MAX_TEXT = 4096
_SHA256 = LazyPattern(r"[0-9a-f]{64}")


@frozen
class SourceFile:
    """One input file: summed, left out (with the reason), or unreadable (with the message)."""

    path: str  # absolute path when the summary was made
    size: int | None  # bytes; None when the file could not be read at all
    sha256: str  # hex digest of the bytes; "" when unknown
    unit: str = ""  # unit name as its report writes it
    reason: str = ""  # why it was left out, or why it could not be read
    errors: int = 0
    warnings: int = 0
    received: int = 0  # 三、一、本年新收 总计 (for the chart)
    findings: tuple[Finding, ...] = ()  # the unit's own errors (summed units)

    @property
    def name(self) -> str:
        """The unit name, or where the report has none its file's name (the path recorded on Windows or not)."""
        return self.unit or self.path.replace("\\", "/").rsplit("/", 1)[-1]


class SummarySources:
    """The block's value: the inputs named, the duplicates policy, and every file by what became of it."""

    def __init__(self, inputs: tuple[str, ...], policy: str, made: str, units: tuple[SourceFile, ...],
                 left_out: tuple[SourceFile, ...] = (), unreadable: tuple[SourceFile, ...] = ()) -> None:
        self.inputs = inputs
        self.policy = policy
        self.made = made  # ISO date and time, local
        self.units = units
        self.left_out = left_out
        self.unreadable = unreadable
        self.findings = tuple(
            Finding(Severity.ERROR, SOURCE_ERROR_RULE, f.section, f.row, f.column,
                    f"“{u.name}”的报告有错误（{f.rule}）：{f.message}", f.section_key, f.ref,
                    f.cells)
            for u in units for f in u.findings)

    def files(self) -> tuple[SourceFile, ...]:
        return self.units + self.left_out + self.unreadable

    def units_with_errors(self) -> list[SourceFile]:
        return [u for u in self.units if u.errors]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SummarySources) and _to_json(self) == _to_json(other)

    __hash__ = None  # type: ignore[assignment]


def sources_of(report: Report) -> SummarySources | None:
    """The sources of a summary draft; None for any other report."""
    return getattr(report, "aggregate_sources", None)


def attach(report: Report, sources: SummarySources | None) -> None:
    """Make report a summary of sources (None: an ordinary report); kept in its draft."""
    report.aggregate_sources = sources  # type: ignore[attr-defined]


def _source_findings(report: Report) -> tuple[Finding, ...]:
    sources = sources_of(report)
    return sources.findings if sources is not None else ()


FINDING_SOURCES.append(_source_findings)


# ---------------------------------------------------------------- JSON


def _to_json(sources: SummarySources) -> dict[str, Any]:
    """The block's JSON; a path or reason a draft cannot hold (a file name in a broken encoding, decoded with
    surrogates; a control character) has such characters as U+FFFD (the file is then reported as missing)."""
    def entry(f: SourceFile, kind: str) -> dict[str, Any]:
        out: dict[str, Any] = {"file": replace_refused(f.path), "size": f.size, "sha256": f.sha256}
        if kind != "unreadable":
            out["unit"] = f.unit
        if kind == "units":
            out.update(errors=f.errors, warnings=f.warnings, received=f.received,
                       findings=[_finding_json(x) for x in f.findings])
        else:
            out["reason"] = replace_refused(f.reason)
        return out

    return {"made": sources.made, "inputs": [replace_refused(p) for p in sources.inputs],
            "duplicates": sources.policy,
            "units": [entry(f, "units") for f in sources.units],
            "left_out": [entry(f, "left_out") for f in sources.left_out],
            "unreadable": [entry(f, "unreadable") for f in sources.unreadable]}


def _finding_json(f: Finding) -> dict[str, Any]:
    cells = ([f.ref] if f.ref else []) + [c for c in f.cells if c != f.ref]
    return {"rule": f.rule, "section": f.section_key, "cells": [list(c) for c in cells], "message": f.message}


def _write(report: Report) -> dict[str, Any] | None:
    sources = sources_of(report)
    return None if sources is None else _to_json(sources)


_ENTRY_KEYS = {
    "units": ("file", "size", "sha256", "unit", "errors", "warnings", "received", "findings"),
    "left_out": ("file", "size", "sha256", "unit", "reason"),
    "unreadable": ("file", "size", "sha256", "reason"),
}


def _read(value: Any, report: Report) -> None:
    where = "汇总来源“aggregate”"
    doc = json_object(value, where, ("made", "inputs", "duplicates", "units", "left_out", "unreadable"))
    made = _text(doc["made"], f"{where}的“made”")
    inputs = tuple(_text(x, f"{where}的“inputs”") for x in _list(doc["inputs"], f"{where}的“inputs”"))
    policy = doc["duplicates"]
    if policy not in POLICIES:
        raise DraftError(f"{where}的“duplicates”应为 \"\"、\"once\" 或 \"all\"，实际为“{show(policy)}”")
    lists = {}
    for kind, keys in _ENTRY_KEYS.items():
        place = f"{where}的“{kind}”"
        lists[kind] = tuple(_entry(json_object(item, f"{place}第{i}项", keys), kind, report, f"{place}第{i}项")
                            for i, item in enumerate(_list(doc[kind], place), start=1))
    attach(report, SummarySources(inputs, policy, made, lists["units"], lists["left_out"], lists["unreadable"]))


def _entry(doc: dict, kind: str, report: Report, where: str) -> SourceFile:
    size = whole_number(doc["size"], f"{where}的“size”", None, null=True)
    sha = doc["sha256"]
    if not isinstance(sha, str) or (sha and not _SHA256.fullmatch(sha)):
        raise DraftError(f"{where}的“sha256”应为64位十六进制小写数字或空，实际为“{show(sha)}”")
    fields: dict[str, Any] = {"path": _text(doc["file"], f"{where}的“file”"), "size": size, "sha256": sha}
    if "unit" in doc:
        fields["unit"] = _text(doc["unit"], f"{where}的“unit”")
    if "reason" in doc:
        fields["reason"] = _text(doc["reason"], f"{where}的“reason”")
    if kind == "units":
        for key in ("errors", "warnings", "received"):
            fields[key] = whole_number(doc[key], f"{where}的“{key}”", None)
        fields["findings"] = tuple(_finding(x, report, f"{where}的“findings”第{i}项")
                                   for i, x in enumerate(_list(doc["findings"], f"{where}的“findings”"), 1))
    return SourceFile(**fields)


def _finding(value: Any, report: Report, where: str) -> Finding:
    doc = json_object(value, where, ("rule", "section", "cells", "message"))
    rule, message = _text(doc["rule"], f"{where}的“rule”"), _text(doc["message"], f"{where}的“message”")
    fmt, key = report.format, doc["section"]
    try:  # a unit's error about its 基本信息 (R12: no unit name) is in the header, not a section of the format
        heading = HEADER_TITLE if key == HEADER_KEY else fmt.section(key).heading
    except (KeyError, TypeError):
        raise DraftError(f"{where}的“section”不是{fmt.name}的部分：“{show(key)}”") from None
    cells = []
    for cell in _list(doc["cells"], f"{where}的“cells”"):
        if not (isinstance(cell, list) and len(cell) == 3 and all(isinstance(k, str) for k in cell)) \
                or not report.has_cell(CellRef(*cell)):
            raise DraftError(f"{where}的“cells”中每一项应为[表, 行, 列]且是{fmt.name}中的格，实际为“{show(cell)}”")
        cells.append(CellRef(*cell))
    if not cells:
        return Finding(Severity.ERROR, rule, heading, "", "", message, key)
    ref = cells[0]
    table = report.table(ref.table)
    return Finding(Severity.ERROR, rule, heading, table.row(ref.row).label,
                   table.column_label(ref.column), message, key, ref, tuple(cells))


def _list(value: Any, where: str) -> list:
    if not isinstance(value, list) or len(value) > MAX_ENTRIES:
        raise DraftError(f"{where}应为不超过{MAX_ENTRIES}项的列表")
    return value


def _text(value: Any, where: str) -> str:
    json_text(value, where, MAX_TEXT)
    found = refused_char(value)
    if found is not None:
        raise DraftError(f"{where}第{found[0] + 1}个字处含有{describe_char(found[1])}")
    return value


DRAFT_BLOCK = DraftBlock(BLOCK_KEY, _write, _read)
