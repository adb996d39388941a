"""Copy a grid selection as tab-separated text; plan a pasted block (all cells valid, or refused whole) and
compare the totals it brings with the ones computed."""
from __future__ import annotations

from decimal import Decimal

from model.cells import CellValue, Money, check_money, normalize_number_text
from model.errors import InputError
from model.formats.definition import CellKind
from model.grid import GridCell, Role
from model.report import CellRef



def copy_text(model, cells: list[GridCell]) -> str:
    """Selected value cells as TSV: one line per grid row, cells in column order."""
    rows: dict[int, list[GridCell]] = {}
    for cell in sorted(set(cells), key=lambda c: (c.row, c.col)):
        rows.setdefault(cell.row, []).append(cell)
    return "\n".join("\t".join(model.text(c) for c in line) for line in rows.values())


def split_block(text: str) -> list[list[str]]:
    """TSV from Excel/WPS: drop the trailing newline, keep empty cells."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    return [line.split("\t") for line in text.split("\n")]


def value_cells_from(model, row: int, col: int) -> list[GridCell]:
    """The value cells of a grid row from column col rightwards (each spanned cell once)."""
    found: list[GridCell] = []
    for c in range(col, model.grid.cols):
        cell = model.grid.at(row, c)
        if cell is not None and cell.role is Role.VALUE and cell not in found:
            found.append(cell)
    return found


class PastePlan:
    """The values to store, and the totals the block carried (compared after, never stored)."""

    def __init__(self) -> None:
        self.values: list[tuple[CellRef, CellValue]] = []
        self.totals: list[tuple[GridCell, int]] = []


def plan_paste(model, start: GridCell, text: str) -> PastePlan:
    """The values of a block pasted at start; raises InputError naming the first cell that does not fit."""
    block = split_block(text)
    plan = PastePlan()
    for i, line in enumerate(block):
        row = start.row + i
        targets = value_cells_from(model, row, start.col) if row < model.grid.rows else []
        if len(targets) < len(line) or (targets and targets[0].col != start.col):
            where = model.place(targets[-1]) if targets else "表格末尾"
            raise InputError(f"粘贴的内容为{len(block)}行×{max(len(x) for x in block)}列，"
                             f"超出了可填写的范围（第{i + 1}行，{where}之后），未粘贴")
        for cell, item in zip(targets, line):
            if cell.kind is CellKind.TOTAL:
                if item.strip():
                    plan.totals.append((cell, _stated_total(model, cell, item)))
                continue  # totals are computed from the pasted parts
            if cell.kind is CellKind.BLANK:
                if item.strip():
                    raise InputError(f"{model.place(cell)}：此格不填写，未粘贴")
                continue
            try:
                plan.values.append((cell.ref, model.parse(cell, item)))
            except InputError as exc:
                raise InputError(f"{model.place(cell)}：{exc.message}，整块未粘贴") from None
    return plan


def _stated_total(model, cell: GridCell, item: str) -> int:
    text = normalize_number_text(item)
    try:
        return int(text)
    except ValueError:
        raise InputError(f"{model.place(cell)}：总计“{item.strip()}”不是整数，整块未粘贴") from None


def compare_totals(model, totals: list[tuple[GridCell, int]]) -> str:
    """What the status bar says of the pasted totals: '' when none came, else agreement or the differences."""
    if not totals:
        return ""
    differ = [(cell, stated, model.report.value(cell.ref)) for cell, stated in totals
              if model.report.value(cell.ref) != stated]
    if not differ:
        return f"粘贴的{len(totals)}个总计与自动计算的一致"
    cell, stated, computed = differ[0]
    more = f"等{len(differ)}处" if len(differ) > 1 else ""
    return (f"粘贴的总计与自动计算的不一致{more}：{model.place(cell)} 粘贴为{stated}，"
            f"计算得{computed}（相差{abs(stated - computed)}），请核对各分项")


def convert_money(value: CellValue, unit: str, column) -> CellValue:
    """The same amount expressed in another unit (元 ↔ 万元); raises InputError if it cannot be exact."""
    if not isinstance(value, Money) or value.unit == unit:
        return value
    amount = value.in_unit(unit)
    return check_money(amount.normalize() if amount else Decimal(0), unit, column)
