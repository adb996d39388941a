"""Draft files: JSON (UTF-8) with a format marker and schema version; atomic save, strict validated load."""
from __future__ import annotations

import json
import os
import re
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from .cells import Money, check_money, describe_expected, format_decimal
from .errors import DraftError, InputError
from .formats import FORMATS, LAST_YEAR, format_by_id
from .formats.definition import MAX_COUNT, CellKind, Table
from .report import HEADER_FIELDS, CellRef, Report

MARKER = "gov-info-disclosure-annual-report"
SCHEMA_VERSION = 1
SUFFIX = ".gkbg.json"
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TEXT_CHARS = 5_000_000  # far beyond any report; the file-size limit is the real bound

FIELD_NAMES = {"unit_name": "填报单位", "attachment_label": "附件标注", "report_date": "报告日期"}


# ---------------------------------------------------------------- writing


def report_to_dict(report: Report) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for ref, column in report.input_cells():
        value = report.value(ref)
        if column.kind is CellKind.MONEY:
            value = None if value is None else {"amount": format_decimal(value.amount), "unit": value.unit}
        tables.setdefault(ref.table, {}).setdefault(ref.row, {})[ref.column] = value
    return {
        "marker": MARKER,
        "schema_version": SCHEMA_VERSION,
        "format": report.format.id,
        "year": report.year,
        "unit_name": report.unit_name,
        "attachment_label": report.attachment_label,
        "report_date": report.report_date,
        "texts": dict(report.texts),
        "tables": tables,
    }


def dumps(report: Report) -> bytes:
    return (json.dumps(report_to_dict(report), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def save_draft(report: Report, path: str | os.PathLike[str]) -> None:
    """Write atomically: a crash at any moment leaves the old file or the new one, whole."""
    atomic_write(Path(path), dumps(report))


def atomic_write(path: Path, data: bytes) -> None:
    """Temp file in the target folder, flush, fsync, replace, fsync the folder. Raises DraftError."""
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            try:
                os.chmod(tmp_name, path.stat().st_mode & 0o7777)
            except OSError:
                pass
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_dir(folder)
    except OSError as exc:
        raise DraftError(describe_os_error(exc, path)) from exc
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def describe_os_error(exc: OSError, path: Path) -> str:
    import errno

    reasons = {
        errno.ENOSPC: "磁盘空间已满",
        errno.EDQUOT: "磁盘配额已满",
        errno.EACCES: "没有写入权限（文件夹或文件为只读）",
        errno.EPERM: "没有写入权限（文件夹或文件为只读）",
        errno.EROFS: "磁盘为只读",
        errno.ENOENT: "文件夹不存在（可能已被删除或移动，或U盘已拔出）",
        errno.EBUSY: "文件正被其他程序占用",
        errno.ENAMETOOLONG: "文件名过长",
        errno.EISDIR: "这是一个文件夹",
    }
    if isinstance(exc, PermissionError) and os.name == "nt":
        reason = "没有写入权限，或文件正被其他程序（如 WPS、Word）打开"
    else:
        reason = reasons.get(exc.errno or 0, exc.strerror or "未知错误")
    return f"无法保存到“{path}”：{reason}。原文件未被改动。"


# ---------------------------------------------------------------- reading


def load_draft(path: str | os.PathLike[str]) -> Report:
    """Read and validate a draft; every defect becomes one DraftError naming the place."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DraftError(f"“{path.name}”太大（{size // 1024 // 1024} MB），不是年度报告草稿文件")
        data = path.read_bytes()
    except DraftError:
        raise
    except FileNotFoundError:
        raise DraftError(f"找不到文件“{path}”") from None
    except IsADirectoryError:
        raise DraftError(f"“{path}”是文件夹，不是草稿文件") from None
    except PermissionError:
        raise DraftError(f"没有权限读取“{path}”") from None
    except OSError as exc:
        raise DraftError(f"无法读取“{path}”：{exc.strerror or exc}") from None
    try:
        return parse_draft(data)
    except DraftError as exc:
        raise DraftError(f"“{path.name}”无法打开：{exc.message}") from None


def parse_draft(data: bytes) -> Report:
    if not data.strip():
        raise DraftError("文件是空的")
    if data.startswith(b"\xef\xbb\xbf"):
        raise DraftError("文件以 BOM（字节顺序标记）开头；草稿应为不带 BOM 的 UTF-8 编码")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DraftError(f"文件不是 UTF-8 编码（第{exc.start + 1}个字节处），不是年度报告草稿") from None
    try:
        doc = json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        where = f"第{exc.lineno}行第{exc.colno}列"
        body = text.strip()
        if exc.pos >= len(body) or (body.startswith("{") and not body.endswith("}")):
            raise DraftError(f"文件不完整（在{where}意外结束），可能保存时被中断") from None
        raise DraftError(f"文件内容不是有效的 JSON（{where}：{_json_reason(exc.msg)}）") from None
    except RecursionError:
        raise DraftError("文件内容嵌套过深，不是年度报告草稿") from None
    except DraftError:
        raise
    except ValueError as exc:
        raise DraftError(f"文件内容不是有效的 JSON（{exc}）") from None
    return report_from_dict(doc)


def report_from_dict(doc: Any) -> Report:
    """Validate an already parsed draft document into a Report (raises DraftError)."""
    return _Reader().read(doc)


def _reject_constant(name: str) -> Any:
    raise DraftError(f"文件中含有非法数值“{name}”")


def _json_reason(msg: str) -> str:
    table = {"Expecting value": "缺少值", "Extra data": "多余的内容", "Expecting ',' delimiter": "缺少逗号",
             "Expecting property name enclosed in double quotes": "键名应使用双引号",
             "Unterminated string starting at": "字符串未结束", "Invalid control character at": "非法控制字符"}
    for key, reason in table.items():
        if msg.startswith(key):
            return reason
    return msg


_INT_TEXT = re.compile(r"\d+(\.\d+)?")


class _Reader:
    """Validates a parsed JSON document into a Report, naming the place of the first defect."""

    def read(self, doc: Any) -> Report:
        if not isinstance(doc, dict):
            raise DraftError("不是年度报告草稿文件（内容不是 JSON 对象）")
        if doc.get("marker") != MARKER:
            raise DraftError("不是年度报告草稿文件（缺少草稿标记“marker”或标记不符）")
        version = doc.get("schema_version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise DraftError(f"草稿的格式版本“schema_version”应为整数，实际为“{_show(version)}”")
        if version > SCHEMA_VERSION:
            raise DraftError(f"此草稿由更新版本的程序保存（草稿格式版本{version}），本程序只能打开版本"
                             f"{SCHEMA_VERSION}及以前的草稿，请升级程序后再打开")
        if version < 1:
            raise DraftError(f"草稿格式版本“{version}”无效")
        expected = {"marker", "schema_version", "format", "year", "texts", "tables", *HEADER_FIELDS}
        self._keys(doc, expected, "草稿")
        format_id = doc["format"]
        if not isinstance(format_id, str):
            raise DraftError(f"报告格式“format”应为文字，实际为“{_show(format_id)}”")
        try:
            fmt = format_by_id(format_id)
        except InputError as exc:
            raise DraftError(exc.message) from None
        year = doc["year"]
        if isinstance(year, bool) or not isinstance(year, int) or not fmt.first_year <= year <= LAST_YEAR:
            raise DraftError(f"报告年度“year”应为{fmt.first_year}至{LAST_YEAR}之间的年份，实际为“{_show(year)}”")
        if not fmt.covers(year):
            right = next((f.name for f in FORMATS if f.covers(year)), "其他格式")
            raise DraftError(f"{year}年度的报告应使用{right}，草稿却标为{fmt.name}")
        report = Report(fmt, year)
        for name in HEADER_FIELDS:
            value = doc[name]
            if not isinstance(value, str):
                raise DraftError(f"{FIELD_NAMES[name]}“{name}”应为文字，实际为“{_show(value)}”")
            try:
                report.set_field(name, value)
            except InputError as exc:
                raise DraftError(f"{FIELD_NAMES[name]}：{exc.message}") from None
        self._texts(report, doc["texts"])
        self._tables(report, doc["tables"])
        return report

    def _keys(self, obj: dict, expected: set[str] | list[str], where: str) -> None:
        extra = [k for k in obj if k not in expected]
        if extra:
            raise DraftError(f"{where}中有未知的项“{extra[0]}”")
        missing = [k for k in expected if k not in obj]
        if missing:
            raise DraftError(f"{where}中缺少“{sorted(missing)[0] if isinstance(expected, set) else missing[0]}”")

    def _texts(self, report: Report, texts: Any) -> None:
        if not isinstance(texts, dict):
            raise DraftError("文字部分“texts”应为 JSON 对象")
        sections = {s.key: s for s in report.format.text_sections()}
        for key in texts:
            if key not in sections:
                raise DraftError(f"文字部分中有未知的项“{key}”")
        for key, section in sections.items():
            if key not in texts:
                raise DraftError(f"文字部分缺少“{section.heading}”（{key}）")
            value = texts[key]
            if not isinstance(value, str):
                raise DraftError(f"“{section.heading}”应为文字，实际为“{_show(value)}”")
            if len(value) > MAX_TEXT_CHARS:
                raise DraftError(f"“{section.heading}”超过{MAX_TEXT_CHARS}字，文件可能已损坏")
            report.set_text(key, value)

    def _tables(self, report: Report, tables: Any) -> None:
        if not isinstance(tables, dict):
            raise DraftError("表格部分“tables”应为 JSON 对象")
        fmt = report.format
        known = {t.key: (s, t) for s, t in fmt.tables()}
        for key in tables:
            if key not in known:
                raise DraftError(f"表格部分中有未知的表“{key}”（{fmt.name}没有此表）")
        for key, (section, table) in known.items():
            place = f"第{section.number}部分" + (f"“{table.title}”" if table.title else "")
            if key not in tables:
                raise DraftError(f"{place}缺少（表“{key}”）")
            rows = tables[key]
            if not isinstance(rows, dict):
                raise DraftError(f"{place}应为 JSON 对象，实际为“{_show(rows)}”")
            self._rows(report, table, rows, place)

    def _rows(self, report: Report, table: Table, rows: dict, place: str) -> None:
        inputs: dict[str, list[str]] = {}
        for ref, _ in report.input_cells():
            if ref.table == table.key:
                inputs.setdefault(ref.row, []).append(ref.column)
        for key in rows:
            if key not in inputs:
                total = any(r.key == key for r in table.leaf_rows())
                why = "为自动计算的总计行，草稿中不应填写" if total else "是未知的行"
                raise DraftError(f"{place}中的行“{key}”{why}")
        for row_key, columns in inputs.items():
            label = table.row(row_key).label or "数据"
            row_place = f"{place}“{label}”行" if table.row(row_key).label else place
            if row_key not in rows:
                raise DraftError(f"{place}缺少“{label}”行（{row_key}）")
            cells = rows[row_key]
            if not isinstance(cells, dict):
                raise DraftError(f"{row_place}应为 JSON 对象，实际为“{_show(cells)}”")
            for key in cells:
                if key not in columns:
                    total = any(c.key == key for c in table.leaf_columns())
                    why = "为自动计算的总计列，草稿中不应填写" if total else "是未知的列"
                    raise DraftError(f"{row_place}中的列“{key}”{why}")
            for col_key in columns:
                column = table.column(col_key)
                where = f"{row_place}“{table.column_label(col_key)}”列"
                if col_key not in cells:
                    raise DraftError(f"{row_place}缺少“{table.column_label(col_key)}”列（{col_key}）")
                value = self._value(cells[col_key], column, where)
                report.set_value(CellRef(table.key, row_key, col_key), value)

    def _value(self, raw: Any, column, where: str) -> Any:
        if column.kind is CellKind.MONEY:
            if raw is None:
                return None
            if not isinstance(raw, dict) or set(raw) != {"amount", "unit"}:
                raise DraftError(f"{where}：金额应为含“amount”和“unit”的对象，实际为“{_show(raw)}”")
            amount, unit = raw["amount"], raw["unit"]
            if not isinstance(amount, str) or not _INT_TEXT.fullmatch(amount):
                raise DraftError(f"{where}：金额应为写成文字的非负数（如\"251000.5\"），实际为“{_show(amount)}”")
            if not isinstance(unit, str):
                raise DraftError(f"{where}：金额单位应为文字，实际为“{_show(unit)}”")
            try:
                return check_money(Decimal(amount), unit, column)
            except InputError as exc:
                raise DraftError(f"{where}：{exc.message}") from None
        expected = describe_expected(column.kind)
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise DraftError(f"{where}：{expected}，实际为“{_show(raw)}”")
        low = -MAX_COUNT if column.kind is CellKind.SIGNED else 0
        if not low <= raw <= MAX_COUNT:
            bound = f"，不能超过{MAX_COUNT:,}" if raw > 0 or column.kind is CellKind.SIGNED else ""
            raise DraftError(f"{where}：{expected}{bound}，实际为“{_show(raw)}”")
        return raw


def _show(value: Any) -> str:
    """A short rendering of a JSON value for messages."""
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, str)):
        text = str(value)
    elif isinstance(value, Decimal):
        text = str(value)
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:40] + "…"


__all__ = ["MARKER", "SCHEMA_VERSION", "SUFFIX", "atomic_write", "dumps", "load_draft", "parse_draft",
           "report_to_dict", "save_draft", "Money"]
