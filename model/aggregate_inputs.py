"""Inputs of a 汇总: files and folders expanded into report files; each file fingerprinted, read and checked."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from .aggregate_record import SummarySources, sources_of
from .cells import UNIT_FACTORS, CellValue, Money
from .draft import IMPORTABLE_SUFFIXES as IMPORTED_SUFFIXES, MAX_FILE_BYTES, parse_draft
from .errors import ReportError
from .file_read import FileReadError, read_regular_file, real_path
from .frozen import frozen
from .os_errors import os_reason
from .report import CellRef, Report
from .rules import Finding, check, count_by_severity

DRAFT_SUFFIX = ".json"  # drafts are *.gkbg.json; any .json is tried and refused with the reason if it is not one
MAX_WALK = 200_000  # entries looked at under the folders named; beyond that the folder was chosen by mistake
LARGE_BATCH = 1_000  # more report files than this: the window asks before reading (a county has dozens)
MAX_IMPORTED_BYTES = 200 * 1024 * 1024  # fingerprinted up to this size, even when too large to import
RECEIVED = CellRef("applications", "new", "total")  # 一、本年新收政府信息公开申请数量, 总计


@frozen
class Unreadable:
    """A file (or a named input) left out of the batch, with the reason for the clerk."""

    path: Path
    message: str
    size: int | None = None
    sha256: str = ""


@frozen
class UnitFile:
    """One unit's report as read from its file: identity, fingerprint, every input value and its findings."""

    path: Path
    size: int
    sha256: str
    kind: str  # 草稿 / Word / PDF
    unit: str
    year: int
    format_id: str
    values: tuple[CellValue, ...]  # input cells in the format's printed order (Report.input_cells)
    findings: tuple[Finding, ...]  # the unit's own findings, errors first
    errors: int
    warnings: int
    received: int
    sources: SummarySources | None = None  # the input is itself a 汇总 (a county's, summed by the city)
    numbers: tuple | None = None  # every number, money in 元: compared for duplicates (None: no number at all)

    @property
    def name(self) -> str:
        """The unit name, or the file's name where the report has none."""
        return self.unit or self.path.name


@frozen
class Expansion:
    """The inputs named, expanded: the report files to read, the inputs that are not there, files ignored."""

    files: tuple[Path, ...]  # report files to read, in the order given (folders sorted by name)
    unreadable: tuple[Unreadable, ...]  # named inputs that do not exist or cannot be listed
    ignored: int  # files under the folders that are neither drafts nor report documents


def is_report_file(name: str) -> bool:
    """A draft (.json) or a Word/PDF report by its name; not a lock, hidden or temporary file."""
    lower = name.lower()
    if lower.startswith(("~$", ".")):  # Word's lock files, hidden and temporary files
        return False
    return lower.endswith(DRAFT_SUFFIX) or lower.endswith(IMPORTED_SUFFIXES)


def expand(inputs: Iterable[str | os.PathLike[str]], exclude: Iterable[Path] = ()) -> Expansion:
    """Files named, and the report files under folders named (recursively); each file once."""
    skip = {path_key(Path(p)) for p in exclude}
    seen: set[str] = set()
    files: list[Path] = []
    unreadable: list[Unreadable] = []
    ignored = walked = 0
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            try:
                found, others, walked = _walk(path, walked)
            except ReportError as exc:
                unreadable.append(Unreadable(path, exc.message))
                continue
            ignored += others
        elif path.is_file():
            found = [path]
        else:
            unreadable.append(Unreadable(path, "找不到这个文件或文件夹" if not path.exists() else "不是普通文件"))
            continue
        for file in found:
            key = path_key(file)
            if key not in seen and key not in skip:
                seen.add(key)
                files.append(file)
    return Expansion(tuple(files), tuple(unreadable), ignored)


def _walk(folder: Path, walked: int) -> tuple[list[Path], int, int]:
    found: list[Path] = []
    others = 0
    errors: list[OSError] = []
    for root, dirs, names in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        walked += len(dirs) + len(names)
        if walked > MAX_WALK:
            raise ReportError(f"文件夹中的文件超过{MAX_WALK:,}个，可能选错了文件夹（应选各单位报告所在的文件夹）")
        for name in sorted(names):
            if is_report_file(name):
                found.append(Path(root) / name)
            else:
                others += 1
    if errors and not found and Path(errors[0].filename or "") == folder:
        raise ReportError(f"无法打开文件夹：{os_reason(errors[0])}")
    return found, others, walked


def path_key(path: Path) -> str:
    """The file a path names (links followed), as two paths are compared: the same key, the same file."""
    return os.path.normcase(str(real_path(path)))


# ---------------------------------------------------------------- reading one file


def read_unit(path: Path) -> UnitFile:
    """Read, fingerprint and check one file; raises ReportError with a message for the clerk."""
    lower = path.name.lower()
    if lower.endswith(DRAFT_SUFFIX):
        data = _read_bytes(path, MAX_FILE_BYTES)
        report, kind = parse_draft(data), "草稿"
    elif lower.endswith(IMPORTED_SUFFIXES):
        report, data = import_report(path)
        kind = "Word" if lower.endswith(".docx") else "PDF"
    else:
        raise ReportError("不是年度报告草稿（.gkbg.json）或报告文件（.docx、.pdf）")
    return unit_from_report(report, path, len(data), hashlib.sha256(data).hexdigest(), kind)


def unit_from_report(report: Report, path: Path, size: int, sha256: str, kind: str = "草稿") -> UnitFile:
    """A report read from path (size bytes, SHA-256) as a unit of the batch, checked."""
    findings = tuple(check(report))
    errors, warnings = count_by_severity(list(findings))
    values = tuple(report.value(ref) for ref, _ in report.input_cells())
    return UnitFile(path, size, sha256, kind, report.unit_name.strip(), report.year, report.format.id, values,
                    findings, errors, warnings, report.count(RECEIVED), sources_of(report), numbers_key(values))


def numbers_key(values: tuple[CellValue, ...]) -> tuple | None:
    """Every number of a report, money in 元; None for a report without any number (not evidence of a copy)."""
    key = tuple((v.amount * UNIT_FACTORS[v.unit]).normalize() if isinstance(v, Money) else v for v in values)
    return key if any(key) else None


def import_report(path: Path) -> tuple[Report, bytes]:
    """A .docx/.pdf report through the importer (imported here, when first needed), and the bytes it read: the
    file is read once, for its fingerprint and for the importer."""
    try:
        import importer  # noqa: PLC0415 - the importer and its PDF/Word libraries load only for such files
    except ImportError as exc:
        missing = getattr(exc, "name", "") or ""
        if missing.split(".")[0] == "importer":
            raise ReportError("本版本还不能读取 Word/PDF 报告：请用本程序打开该单位的报告并另存为草稿"
                              "（.gkbg.json）后再汇总") from None
        raise ReportError(f"读取 Word/PDF 报告所需的组件未安装（{missing or exc}）") from None
    data = _read_bytes(path, importer.MAX_FILE_BYTES)
    return importer.import_file(path, data).report, data  # ImportRefused (a ReportError) for any failure


def _read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most limit bytes (a FIFO or device is refused, never opened to block);
    ReportError with the reason otherwise (without the path: the batch lists each file with its path)."""
    try:
        return read_regular_file(path, limit, "年度报告").data
    except FileReadError as exc:
        raise ReportError(exc.reason) from None


def fingerprint(path: Path) -> tuple[int, str]:
    """(size, SHA-256) of a file; raises ReportError when it cannot be read."""
    data = _read_bytes(path, max(MAX_FILE_BYTES, MAX_IMPORTED_BYTES))
    return len(data), hashlib.sha256(data).hexdigest()


def unreadable(path: Path, exc: ReportError) -> Unreadable:
    """The entry for a file that could not be read, with its fingerprint where its bytes can be read."""
    try:
        size, sha = fingerprint(path)
    except ReportError:
        size, sha = None, ""
    return Unreadable(path, exc.message, size, sha)
