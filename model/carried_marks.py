"""The draft block `carried`: the cells 基于上年报告 filled and the clerk has not edited since (shown marked)."""
from __future__ import annotations

from typing import Any

from .draft_blocks import DraftBlock
from .draft_values import json_object, show, show_key
from .errors import DraftError
from .formats import FORMATS
from .last_year import carry_cells
from .report import CellRef, Report

KEY = "carried"
PLACE = f"上年带入的数“{KEY}”"


def write(report: Report) -> dict[str, Any] | None:
    """The block: table → row → the columns still marked, in printed order (None when none is)."""
    if not report.carried:
        return None
    block: dict[str, Any] = {}
    for ref in carry_cells(report.format):  # printed order
        if ref in report.carried:
            block.setdefault(ref.table, {}).setdefault(ref.row, []).append(ref.column)
    return block


def read(value: Any, report: Report) -> None:
    """Validate the block and mark those cells of the report."""
    report.set_carried(parse(value, report))


def parse(value: Any, report: Report) -> set[CellRef]:
    """Validate a `carried` block for report; raises DraftError naming the place."""
    if not any(f.covers(report.year - 1) for f in FORMATS):
        raise DraftError(f"{PLACE}：{report.year}年度的报告没有可带入数字的上年报告（{report.year - 1}年度没有适用的报告格式）")
    json_object(value, PLACE)
    allowed = set(carry_cells(report.format))
    tables = {ref.table for ref in allowed}
    rows = {(ref.table, ref.row) for ref in allowed}
    cells: set[CellRef] = set()
    for table, by_row in value.items():
        if table not in tables:
            raise DraftError(f"{PLACE}中的表“{show_key(table)}”没有从上年报告带入的数")
        for row, columns in json_object(by_row, f"{PLACE}中表“{table}”").items():
            where = f"{PLACE}中“{show_key(f'{table}/{row}')}”"
            if (table, row) not in rows:
                raise DraftError(f"{where}不是从上年报告带入数字的行")
            if not isinstance(columns, list) or not columns:
                raise DraftError(f"{where}应为列名的列表（至少一项），实际为“{show(columns)}”")
            for column in columns:
                ref = CellRef(table, row, column) if isinstance(column, str) else None
                if ref not in allowed:
                    shown = show_key(column) if isinstance(column, str) else show(column)
                    raise DraftError(f"{where}中的“{shown}”不是从上年报告带入数字的列")
                if ref in cells:
                    raise DraftError(f"{where}中的列“{column}”重复出现")
                cells.add(ref)
    return cells


DRAFT_BLOCK = DraftBlock(key=KEY, write=write, read=read)
