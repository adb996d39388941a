"""Validation of a parsed draft document into a Report, naming the place of the first defect."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from .cells import check_money
from .chars import visible
from .draft_blocks import BLOCK_MODULES, block
from .draft_values import (
    cell_place, check_keys, cut, json_object, json_text, row_place, show, show_key, table_place, whole_number,
)
from .errors import DraftError, InputError
from .formats import FORMATS, LAST_YEAR, format_by_id
from .formats.definition import MAX_COUNT, CellKind, Table
from .lazy_re import LazyPattern
from .report import FIELD_LABELS, HEADER_FIELDS, MAX_TEXT_CHARS, CellRef, Report

MARKER = "gov-info-disclosure-annual-report"
SCHEMA_VERSION = 2  # 2: optional `generator` and the blocks of model.draft_blocks; version 1 is still read
MAX_GENERATOR = 200


def report_from_dict(doc: Any) -> Report:
    """Validate an already parsed draft document into a Report (raises DraftError)."""
    return _Reader().read(doc)


_INT_TEXT = LazyPattern(r"\d+(\.\d+)?", re.ASCII)  # ASCII digits only, as documented


class _Reader:
    """Validates a parsed JSON document into a Report, naming the place of the first defect."""

    def read(self, doc: Any) -> Report:
        if not isinstance(doc, dict):
            raise DraftError("不是年度报告草稿文件（内容不是 JSON 对象）")
        if doc.get("marker") != MARKER:
            raise DraftError("不是年度报告草稿文件（缺少草稿标记“marker”或标记不符）")
        version = doc.get("schema_version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise DraftError(f"草稿的格式版本“schema_version”应为整数，实际为“{show(version)}”")
        if version > SCHEMA_VERSION:
            raise DraftError(f"此草稿由更新版本的程序保存（草稿格式版本{version}），本程序只能打开版本"
                             f"{SCHEMA_VERSION}及以前的草稿，请升级程序后再打开")
        if version < 1:
            raise DraftError(f"草稿格式版本“{version}”无效")
        expected = {"marker", "schema_version", "format", "year", "texts", "tables", *HEADER_FIELDS}
        optional = {"generator", *BLOCK_MODULES} if version >= 2 else set()
        check_keys({k: v for k, v in doc.items() if k not in optional}, expected, "草稿")
        json_text(doc.get("generator", ""), "草稿的“generator”", MAX_GENERATOR)
        format_id = json_text(doc["format"], "报告格式“format”")
        try:
            fmt = format_by_id(format_id)
        except InputError as exc:
            raise DraftError(exc.message) from None
        year = doc["year"]
        if isinstance(year, bool) or not isinstance(year, int) or not fmt.first_year <= year <= LAST_YEAR:
            raise DraftError(f"报告年度“year”应为{fmt.first_year}至{LAST_YEAR}之间的年份，实际为“{show(year)}”")
        if not fmt.covers(year):
            right = next((f.name for f in FORMATS if f.covers(year)), "其他格式")
            raise DraftError(f"{year}年度的报告应使用{right}，草稿却标为{fmt.name}")
        report = Report(fmt, year)
        for name in HEADER_FIELDS:
            value = json_text(doc[name], f"{FIELD_LABELS[name]}“{name}”")
            try:
                report.set_field(name, value)
            except InputError as exc:
                message = exc.message
                raise DraftError(message if message.startswith(FIELD_LABELS[name][:2])
                                 else f"{FIELD_LABELS[name]}：{message}") from None
        self._texts(report, doc["texts"])
        self._tables(report, doc["tables"])
        for key in BLOCK_MODULES:
            if key in doc:
                block(key).read(doc[key], report)
        return report

    def _texts(self, report: Report, texts: Any) -> None:
        json_object(texts, "文字部分“texts”")
        sections = {s.key: s for s in report.format.text_sections()}
        for key in texts:
            if key not in sections:
                raise DraftError(f"文字部分中有未知的项“{show_key(key)}”")
        for key, section in sections.items():
            if key not in texts:
                raise DraftError(f"文字部分缺少“{section.heading}”（{key}）")
            value = json_text(texts[key], f"“{section.heading}”")
            if len(value) > MAX_TEXT_CHARS:
                raise DraftError(f"“{section.heading}”有{len(value)}个字（含空格和换行），超过了本程序"
                                 f"{MAX_TEXT_CHARS}字的上限；请在其他编辑器中缩短后再打开")
            try:
                report.set_text(key, value)
            except InputError as exc:
                raise DraftError(exc.message) from None

    def _tables(self, report: Report, tables: Any) -> None:
        json_object(tables, "表格部分“tables”")
        fmt = report.format
        known = {t.key: (s, t) for s, t in fmt.tables()}
        for key in tables:
            if key not in known:
                raise DraftError(f"表格部分中有未知的表“{show_key(key)}”（{fmt.name}没有此表）")
        for key, (section, table) in known.items():
            place = table_place(section, table)
            if key not in tables:
                raise DraftError(f"{place}缺少（表“{key}”）")
            self._rows(report, table, json_object(tables[key], place), place)

    def _rows(self, report: Report, table: Table, rows: dict, place: str) -> None:
        inputs = _input_layout(report)[table.key]
        for key in rows:
            if key not in inputs:
                total = any(r.key == key for r in table.leaf_rows())
                why = "为自动计算的总计行，草稿中不应填写" if total else "是未知的行"
                raise DraftError(f"{place}中的行“{show_key(key)}”{why}")
        set_value = report.set_value
        for row_key, columns in inputs.items():
            if row_key not in rows:
                label = table.row(row_key).label or "数据"
                raise DraftError(f"{place}缺少“{label}”行（{row_key}）")
            cells = rows[row_key]
            if not isinstance(cells, dict):  # (the place is named only for a row that is wrong)
                json_object(cells, row_place(table, row_key, place))
            if len(cells) != len(columns) or any(key not in columns for key in cells):
                self._columns(table, row_key, cells, columns, place)
            for col_key, column in columns.items():
                raw = cells[col_key]
                kind = column.kind
                if type(raw) is int and kind is not CellKind.MONEY and (  # the common case, fast
                        (-MAX_COUNT if kind is CellKind.SIGNED else 0) <= raw <= MAX_COUNT):
                    value = raw
                else:  # the place is named only for a value that needs a closer look (or is wrong)
                    value = self._value(raw, column, cell_place(report.format, CellRef(table.key, row_key, col_key)))
                set_value(CellRef(table.key, row_key, col_key), value)

    def _columns(self, table: Table, row_key: str, cells: dict, columns: dict, place: str) -> None:
        """A row whose column keys are not exactly the input columns: name the first odd or missing one."""
        where = row_place(table, row_key, place)
        for key in cells:
            if key not in columns:
                total = any(c.key == key for c in table.leaf_columns())
                why = "为自动计算的总计列，草稿中不应填写" if total else "是未知的列"
                raise DraftError(f"{where}中的列“{show_key(key)}”{why}")
        missing = next(k for k in columns if k not in cells)
        raise DraftError(f"{where}缺少“{table.column_label(missing)}”列（{missing}）")

    def _value(self, raw: Any, column, where: str) -> Any:
        if column.kind is CellKind.MONEY:
            if raw is None:
                return None
            if not isinstance(raw, dict) or set(raw) != {"amount", "unit"}:
                raise DraftError(f"{where}：金额应为含“amount”和“unit”的对象，实际为“{show(raw)}”")
            amount, unit = raw["amount"], raw["unit"]
            if not isinstance(amount, str) or not _INT_TEXT.fullmatch(amount):
                shown = f'"{cut(visible(amount))}"' if isinstance(amount, str) else show(amount)
                raise DraftError(f"{where}：金额应为写成文字的非负数，只用半角数字0–9和小数点（如\"251000.5\"），"
                                 f"实际为“{shown}”")
            if not isinstance(unit, str):
                raise DraftError(f"{where}：金额单位应为文字，实际为“{show(unit)}”")
            try:
                return check_money(Decimal(amount), unit, column)
            except InputError as exc:
                raise DraftError(f"{where}：{exc.message}") from None
        return whole_number(raw, f"{where}：", MAX_COUNT, signed=column.kind is CellKind.SIGNED)


_LAYOUTS: dict[str, dict[str, dict[str, dict]]] = {}


def _input_layout(report: Report) -> dict[str, dict[str, dict]]:
    """Input cells of the report's format by table → row → column key → Column (cached per format)."""
    layout = _LAYOUTS.get(report.format.id)
    if layout is None:
        layout = {t.key: {} for _, t in report.format.tables()}
        for ref, column in report.input_cells():
            layout[ref.table].setdefault(ref.row, {})[ref.column] = column
        _LAYOUTS[report.format.id] = layout
    return layout
