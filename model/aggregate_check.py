"""`aggregate --check`: which input files of a 汇总 changed, went missing or appeared since it was made."""
from __future__ import annotations

from pathlib import Path

from .aggregate_inputs import expand, fingerprint, path_key, read_unit
from .aggregate_record import SourceFile, SummarySources, sources_of
from .errors import ReportError
from .frozen import frozen
from .report import Report


@frozen
class Change:
    path: str
    unit: str  # as recorded (or as read now, for a new file)
    detail: str  # what differs, for the clerk

    def as_dict(self) -> dict[str, str]:
        return {"file": self.path, "unit": self.unit, "detail": self.detail}


@frozen
class Changes:
    unchanged: int
    changed: tuple[Change, ...]
    missing: tuple[Change, ...]
    new: tuple[Change, ...]

    @property
    def any(self) -> bool:
        return bool(self.changed or self.missing or self.new)


def summary_sources(report: Report) -> SummarySources:
    sources = sources_of(report)
    if sources is None:
        raise ReportError("这份草稿不是汇总报告（没有汇总来源记录），无法检查来源文件的变化")
    return sources


def changes_since(report: Report, summary_path: Path | None = None) -> Changes:
    """Compare every recorded file with the disk now; list new report files under the inputs' folders."""
    sources = summary_sources(report)
    unchanged = 0
    changed: list[Change] = []
    missing: list[Change] = []
    units = {id(u) for u in sources.units}
    for entry in sources.files():
        path = Path(entry.path)
        if not path.exists():
            missing.append(Change(entry.path, entry.unit, "文件已不在原处（已删除、移动或改名）"))
            continue
        try:
            size, sha = fingerprint(path)
        except ReportError as exc:
            changed.append(Change(entry.path, entry.unit, f"现在无法读取：{exc.message}"))
            continue
        if (size, sha) == (entry.size, entry.sha256):
            unchanged += 1
        else:
            changed.append(Change(entry.path, entry.unit, _what_changed(entry, path, id(entry) in units)))
    recorded = {path_key(Path(e.path)) for e in sources.files()}
    exclude = [summary_path] if summary_path is not None else []
    found = expand([p for p in sources.inputs if Path(p).is_dir()], exclude)
    new = []
    for path in found.files:
        if path_key(path) not in recorded:
            new.append(Change(str(path), _unit_now(path), "汇总后新增的文件"))
    return Changes(unchanged, tuple(changed), tuple(missing), tuple(new))


def _what_changed(entry: SourceFile, path: Path, summed: bool) -> str:
    try:
        now = read_unit(path)
    except ReportError as exc:
        return f"文件内容已改变，现在无法读取：{exc.message}"
    parts = ["文件内容已改变"]
    if entry.unit and now.unit != entry.unit:
        parts.append(f"单位名称现为“{now.unit}”")
    if summed:
        parts.append(f"现有{now.errors}个错误、{now.warnings}个警告（汇总时{entry.errors}个错误、{entry.warnings}个警告）")
    elif not entry.unit:
        parts.append(f"现在可以读取（{now.name}）")
    return "，".join(parts)


def _unit_now(path: Path) -> str:
    try:
        return read_unit(path).unit
    except ReportError:
        return ""

