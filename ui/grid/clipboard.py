"""Copy a grid selection as tab-separated text; plan a pasted block (all cells valid, or refused whole)."""
from __future__ import annotations

from decimal import Decimal

from model.cells import CellValue, Money, check_money
from model.errors import InputError
from model.formats.definition import CellKind
from model.grid import GridCell, Role
from model.report import CellRef

UNIT_FACTORS = {"元": Decimal(1), "万元": Decimal(10000)}


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


def plan_paste(model, start: GridCell, text: str) -> list[tuple[CellRef, CellValue]]:
    """Values for a block pasted at start; raises InputError naming the first cell that does not fit."""
    block = split_block(text)
    plan: list[tuple[CellRef, CellValue]] = []
    for i, line in enumerate(block):
        row = start.row + i
        targets = value_cells_from(model, row, start.col) if row < model.grid.rows else []
        if len(targets) < len(line) or (targets and targets[0].col != start.col):
            where = model.place(targets[-1]) if targets else "表格末尾"
            raise InputError(f"粘贴的内容为{len(block)}行×{max(len(x) for x in block)}列，"
                             f"超出了可填写的范围（第{i + 1}行，{where}之后），未粘贴")
        for cell, item in zip(targets, line):
            if cell.kind is CellKind.TOTAL:
                continue  # totals are computed from the pasted parts
            if cell.kind is CellKind.BLANK:
                if item.strip():
                    raise InputError(f"{model.place(cell)}：此格不填写，未粘贴")
                continue
            try:
                plan.append((cell.ref, model.parse(cell, item)))
            except InputError as exc:
                raise InputError(f"{model.place(cell)}：{exc.message}，整块未粘贴") from None
    return plan


def convert_money(value: CellValue, unit: str, column) -> CellValue:
    """The same amount expressed in another unit (元 ↔ 万元); raises InputError if it cannot be exact."""
    if not isinstance(value, Money) or value.unit == unit:
        return value
    amount = value.amount * UNIT_FACTORS[value.unit] / UNIT_FACTORS[unit]
    return check_money(amount.normalize() if amount else Decimal(0), unit, column)
