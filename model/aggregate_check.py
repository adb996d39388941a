"""`aggregate --check`: which input files of a 汇总 changed, went missing or appeared since it was made."""
from __future__ import annotations

import re
from pathlib import Path

from .aggregate_inputs import expand, fingerprint, path_key, read_unit
from .aggregate_record import SourceFile, SummarySources, sources_of
from .errors import ReportError
from .frozen import frozen
from .report import Report


@frozen
class Change:
    """One input file that changed, went missing or appeared since the summary was made."""

    path: str
    unit: str  # as recorded (or as read now, for a new file)
    detail: str  # what differs, for the clerk

    def as_dict(self) -> dict[str, str]:
        return {"file": self.path, "unit": self.unit, "detail": self.detail}


@frozen
class Changes:
    """What `aggregate --check` found: the files unchanged (a count), changed, missing, new and moved."""

    unchanged: int
    changed: tuple[Change, ...]
    missing: tuple[Change, ...]
    new: tuple[Change, ...]
    moved: tuple[tuple[str, str], ...] = ()  # (input as recorded, where it is now): found beside the summary

    @property
    def any(self) -> bool:
        return bool(self.changed or self.missing or self.new)


def summary_sources(report: Report) -> SummarySources:
    """The sources block of a summary draft; ReportError for a draft that is not a summary."""
    sources = sources_of(report)
    if sources is None:
        raise ReportError("这份草稿不是汇总报告（没有汇总来源记录），无法检查来源文件的变化")
    return sources


def changes_since(report: Report, summary_path: Path | None = None) -> Changes:
    """Compare every recorded file with the disk now; list new report files under the inputs' folders.
    Inputs no longer at their recorded place but found beside the summary (a folder moved or copied with
    it, another drive letter) are compared there."""
    sources = summary_sources(report)
    place = Relocation(sources, summary_path)
    unchanged = 0
    changed: list[Change] = []
    missing: list[Change] = []
    units = {id(u) for u in sources.units}
    for entry in sources.files():
        path = place.of(entry.path)
        if not path.exists():
            missing.append(Change(str(path), entry.unit, "文件已不在原处（已删除、移动或改名）"))
            continue
        try:
            size, sha = fingerprint(path)
        except ReportError as exc:
            changed.append(Change(str(path), entry.unit, f"现在无法读取：{exc.message}"))
            continue
        if (size, sha) == (entry.size, entry.sha256):
            unchanged += 1
        else:
            changed.append(Change(str(path), entry.unit, _what_changed(entry, path, id(entry) in units)))
    recorded = {path_key(place.of(e.path)) for e in sources.files()}
    exclude = [summary_path] if summary_path is not None else []
    found = expand([p for p in place.inputs() if p.is_dir()], exclude)
    new = []
    for path in found.files:
        if path_key(path) not in recorded:
            new.append(Change(str(path), _unit_now(path), "汇总后新增的文件"))
    moved = tuple((old, str(now)) for old, now in place.moves.items())
    return Changes(unchanged, tuple(changed), tuple(missing), tuple(new), moved)


_SEPARATORS = re.compile(r"[\\/]+")


def _parts(path: str) -> list[str]:
    """The names of a recorded path, written on Windows or elsewhere, without its drive or root."""
    names = [p for p in _SEPARATORS.split(path) if p]
    return names[1:] if names and re.fullmatch(r"[A-Za-z]:", names[0]) else names


class Relocation:
    """Where the inputs of a summary are now. An input (file or folder) missing at its recorded path is
    looked for beside the summary file: in its folder and the folder above, under the last one, two, …
    names of the recorded path (…/2024年报/各单位 → <summary's folder>/各单位, then …/2024年报/各单位)."""

    def __init__(self, sources: SummarySources, summary_path: Path | None) -> None:
        self.recorded = list(sources.inputs)
        self.moves: dict[str, Path] = {}
        if summary_path is None:
            return
        folder = Path(summary_path).absolute().parent
        for recorded in self.recorded:
            if Path(recorded).exists():
                continue
            names = _parts(recorded)
            for base in (folder, folder.parent):
                found = next((base.joinpath(*names[-k:]) for k in range(1, len(names) + 1)
                              if base.joinpath(*names[-k:]).exists()), None)
                if found is not None:
                    self.moves[recorded] = found
                    break

    def inputs(self) -> list[Path]:
        """The inputs as named when the summary was made, where they are now."""
        return [self.moves.get(p, Path(p)) for p in self.recorded]

    def of(self, path: str) -> Path:
        """Where a recorded file is now (its recorded path when its input has not moved)."""
        for old, now in self.moves.items():
            if path == old:
                return now
            rest = path[len(old):]
            if path.startswith(old) and rest[:1] in ("/", "\\"):
                return now.joinpath(*_parts(rest))
        return Path(path)


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

