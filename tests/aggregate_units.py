"""Generated units' drafts for the 汇总 tests and benchmark (no tests here): balanced, or with errors."""
from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from model.cells import Money
from model.draft import save_draft
from model.report import CellRef, Report

TOWNS = "火花 青山 石桥 白沙 东湖 西岭 南坪 北口 长乐 永安 太平 新兴 龙泉 柳溪 金山 银湖 红星 朝阳 黎明 光明".split()


def unit_name(i: int) -> str:
    return f"{TOWNS[i % len(TOWNS)]}{'镇' if i % 3 else '乡'}人民政府" + (f"（第{i // len(TOWNS)}片）" if i >= len(TOWNS) else "")


def random_report(year: int, unit: str, rng: random.Random, money_unit: str | None = None,
                  error: bool = False) -> Report:
    """A report whose numbers balance (rule 1) unless error; 2019 采购总金额 in money_unit (or either)."""
    report = Report.for_year(year, unit)
    table = report.table("applications")
    parts = [r.key for r in table.leaf_rows() if r.key not in ("new", "carried_over", "carry_forward")]
    for ref, column in report.input_cells():
        if ref.table == "applications":
            continue
        if column.units:
            unit_of = money_unit or rng.choice(column.units)
            if unit_of not in column.units:
                unit_of = column.units[0]
            places = 2 if unit_of == "元" else 6
            amount = Decimal(rng.randrange(0, 10 ** (8 if unit_of == "元" else 4) * 10 ** places)).scaleb(-places)
            report.set_value(ref, Money(amount, unit_of) if rng.random() > 0.1 else None)
        elif column.kind.value == "signed":
            report.set_value(ref, rng.randint(-5, 20))
        else:
            report.set_value(ref, rng.randint(0, 300))
    for column in table.leaf_columns():
        if column.total_of:
            continue
        results = 0
        for row in parts:
            if row == "results_total":
                continue
            n = rng.choice((0, 0, 1, 2, rng.randint(0, 60)))
            report.set_value(CellRef("applications", row, column.key), n)
            results += n
        forward = rng.randint(0, 5)
        carried = rng.randint(0, results + forward)
        report.set_value(CellRef("applications", "carry_forward", column.key), forward)
        report.set_value(CellRef("applications", "carried_over", column.key), carried)
        report.set_value(CellRef("applications", "new", column.key), results + forward - carried)
    if error:
        ref = CellRef("applications", "new", "natural")
        report.set_value(ref, report.count(ref) + 1)
    report.set_text("overview", f"{unit}本年度政府信息公开工作情况。")
    report.set_text("problems", "信息公开的及时性有待提高，将加强培训和考核。")
    report.set_text("other", "本年度未收取信息处理费。")
    return report


def write_units(folder: Path, count: int, year: int = 2019, seed: int = 7, errors: tuple[int, ...] = (),
                money_units: tuple[str, ...] = ()) -> list[Path]:
    """count drafts of distinct units in folder; the units numbered in errors do not balance."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        money = money_units[i % len(money_units)] if money_units else None
        report = random_report(year, unit_name(i), rng, money, error=i in errors)
        path = folder / f"unit{i:04d}.gkbg.json"
        save_draft(report, path)
        paths.append(path)
    return paths
