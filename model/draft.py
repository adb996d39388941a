"""Draft files: JSON (UTF-8) with a format marker and schema version; atomic save, strict validated load."""
from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from .atomic import atomic_write, encode_utf8
from .cells import format_decimal
from .draft_blocks import blocks
from .draft_reader import MARKER, SCHEMA_VERSION, report_from_dict
from .draft_values import show_key
from .errors import DraftError
from .file_read import read_regular_file, show_path
from .file_state import FileState, changed_since
from .formats.definition import CellKind
from .report import Report
from .version import generator

SUFFIX = ".gkbg.json"
IMPORTABLE_SUFFIXES = (".docx", ".pdf")  # published reports the importer reads into a draft
MAX_FILE_BYTES = 20 * 1024 * 1024


# ---------------------------------------------------------------- writing


def report_to_dict(report: Report) -> dict[str, Any]:
    """The draft document of report (docs/draft-format.md): its fields, texts, input cells and blocks."""
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


def dumps_text(report: Report) -> str:
    """The draft file's text (JSON, one space indented, ending in a line feed)."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=1) + "\n"


def dumps(report: Report) -> bytes:
    """The draft file's bytes; DraftError if the report holds a character UTF-8 cannot hold."""
    return encode_utf8(dumps_text(report), "草稿文件")


def save_draft(report: Report, path: str | os.PathLike[str], exclusive: bool = False) -> FileState:
    """Write atomically: a crash at any moment leaves the old file or the new one, whole. With exclusive, an
    existing file is never replaced (TargetExistsError). Returns the saved file's state. Raises DraftError."""
    data = encode_utf8(dumps_text(report), path)
    return FileState.of(data, atomic_write(Path(path), data, exclusive))


def file_state(path: str | os.PathLike[str]) -> FileState | None:
    """The state of the file at path now (None when it cannot be read)."""
    try:
        content = read_regular_file(path, MAX_FILE_BYTES)
    except DraftError:
        return None
    return FileState.of(content.data, content.stat)


def draft_changed_since(path: str | os.PathLike[str], state: FileState) -> bool:
    """Whether the draft at path was changed (by another window or program) since state was taken."""
    return changed_since(path, state, MAX_FILE_BYTES)


# ---------------------------------------------------------------- reading


def load_draft(path: str | os.PathLike[str]) -> Report:
    """Read and validate a draft; every defect becomes one DraftError naming the place."""
    return open_draft(path)[0]


def open_draft(path: str | os.PathLike[str]) -> tuple[Report, FileState]:
    """load_draft, and the state of the file as read (to notice later changes made by someone else)."""
    path = Path(path)
    content = read_regular_file(path, MAX_FILE_BYTES)
    try:
        report = parse_draft(content.data)
    except DraftError as exc:
        raise DraftError(f"“{show_path(path.name)}”无法打开：{exc.message}") from None
    return report, FileState.of(content.data, content.stat)


def parse_draft(data: bytes) -> Report:
    """A draft file's bytes validated into a Report; DraftError naming the first defect."""
    if not data.strip():
        raise DraftError("文件是空的")
    if data.startswith(b"\xef\xbb\xbf"):
        raise DraftError("文件以 BOM（字节顺序标记）开头；草稿应为不带 BOM 的 UTF-8 编码")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DraftError(f"文件不是 UTF-8 编码（第{exc.start + 1}个字节处），不是年度报告草稿") from None
    try:
        doc = strict_json(text)
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
    except ValueError:
        raise DraftError("文件内容不是有效的 JSON") from None
    return report_from_dict(doc)


MAX_NUMBER_DIGITS = 40  # no number in a draft has more digits; Python refuses ints beyond 4300 in English


def strict_json(text: str) -> Any:
    """json.loads that refuses what JSON tolerates but a draft must not hold: a key twice in one object
    (the last would silently win), NaN/Infinity, numbers with absurdly many digits; decimals as Decimal."""
    return json.loads(text, parse_float=_parse_decimal, parse_int=_parse_int, parse_constant=_reject_constant,
                      object_pairs_hook=_unique_keys)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    doc = dict(pairs)
    if len(doc) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DraftError(f"文件中同一处的项“{show_key(key)}”出现了不止一次（应只出现一次）")
            seen.add(key)
    return doc


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise DraftError(f"文件中的数字“{text[:20]}…”有{len(text.lstrip('-'))}位，过长")
    return int(text)


def _parse_decimal(text: str) -> Decimal:
    if len(text) > MAX_NUMBER_DIGITS * 2:
        raise DraftError(f"文件中的数字“{text[:20]}…”过长")
    return Decimal(text)


def _reject_constant(name: str) -> Any:
    raise DraftError(f"文件中含有非法数值“{name}”")


def _json_reason(msg: str) -> str:
    table = {"Expecting value": "缺少值", "Extra data": "多余的内容", "Expecting ',' delimiter": "缺少逗号",
             "Expecting ':' delimiter": "缺少冒号",
             "Expecting property name enclosed in double quotes": "键名应使用双引号",
             "Unterminated string starting at": "字符串未结束", "Invalid control character at": "非法控制字符",
             "Invalid \\uXXXX escape": "无效的 \\u 转义", "Invalid \\escape": "无效的转义字符"}
    for key, reason in table.items():
        if msg.startswith(key):
            return reason
    return "格式错误"


__all__ = ["MARKER", "SCHEMA_VERSION", "SUFFIX", "FileState", "atomic_write", "draft_changed_since", "dumps",
           "file_state", "load_draft", "open_draft", "parse_draft", "report_from_dict", "report_to_dict", "save_draft",
           "strict_json"]
