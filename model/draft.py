"""Draft files: JSON (UTF-8) with a format marker and schema version; atomic save, strict validated load."""
from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from .atomic import atomic_write, describe_os_error
from .cells import format_decimal
from .draft_blocks import blocks
from .draft_reader import MARKER, SCHEMA_VERSION, report_from_dict
from .errors import DraftError
from .formats.definition import CellKind
from .report import Report
from .version import generator

SUFFIX = ".gkbg.json"
MAX_FILE_BYTES = 20 * 1024 * 1024


# ---------------------------------------------------------------- writing


def report_to_dict(report: Report) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for ref, column in report.input_cells():
        value = report.value(ref)
        if column.kind is CellKind.MONEY:
            value = None if value is None else {"amount": format_decimal(value.amount), "unit": value.unit}
        tables.setdefault(ref.table, {}).setdefault(ref.row, {})[ref.column] = value
    doc = {
        "marker": MARKER,
        "schema_version": SCHEMA_VERSION,
        "generator": generator(),
        "format": report.format.id,
        "year": report.year,
        "unit_name": report.unit_name,
        "attachment_label": report.attachment_label,
        "report_date": report.report_date,
        "texts": dict(report.texts),
        "tables": tables,
    }
    for block in blocks():
        value = block.write(report)
        if value is not None:
            doc[block.key] = value
    return doc


def dumps(report: Report) -> bytes:
    return (json.dumps(report_to_dict(report), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def save_draft(report: Report, path: str | os.PathLike[str]) -> None:
    """Write atomically: a crash at any moment leaves the old file or the new one, whole."""
    atomic_write(Path(path), dumps(report))


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


__all__ = ["MARKER", "SCHEMA_VERSION", "SUFFIX", "atomic_write", "describe_os_error", "dumps", "load_draft",
           "parse_draft", "report_from_dict", "report_to_dict", "save_draft"]
