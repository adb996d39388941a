"""`new --year YEAR (--unit UNIT | --from LAST) -o FILE`: write a new draft, blank or from last year's report.

Never over an existing file without --force (created exclusively: a racing `new` cannot be overwritten)."""
from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK, err, exists_message, out


def add_parser(sub) -> None:
    p = sub.add_parser("new", help="新建草稿（空白，或基于上年报告）")
    p.add_argument("--year", type=int, required=True, help="报告年度")
    p.add_argument("--unit", help="填报单位（用 --from 时可省略：沿用上年报告的填报单位）")
    p.add_argument("--from", dest="last",
                   help="上年度报告草稿：带入填报单位、附件标注、上年结转等，并关联为上年报告")
    p.add_argument("-o", "--output", required=True, help="草稿文件")
    p.add_argument("--force", action="store_true", help="覆盖已有文件")


def run(args: argparse.Namespace) -> int:
    from model.errors import DraftError, InputError
    from model.report import Report

    target = Path(args.output)
    if target.exists() and not args.force:  # (told before any work; _save makes sure of it)
        raise DraftError(exists_message(target))
    if args.unit is not None and not args.unit.strip():
        raise InputError("--unit 应写明填报单位名称，不能为空")
    if args.last:
        return _from_last_year(args, target)
    if args.unit is None:
        raise InputError("请用 --unit 指定填报单位，或用 --from 基于上年报告新建")
    report = Report.for_year(args.year, args.unit.strip())  # validated as the window validates
    _save(report, target, args.force)
    out(f"已新建 {report.title()}（{report.format.name}）：{target}")
    return EXIT_OK


def _save(report, target: Path, force: bool) -> None:
    from model.atomic import TargetExistsError
    from model.draft import save_draft

    try:
        save_draft(report, target, exclusive=not force)
    except TargetExistsError:
        raise TargetExistsError(exists_message(target)) from None


def _from_last_year(args: argparse.Namespace, target: Path) -> int:
    from model.last_year import read_last_year
    from model.last_year_carry import plan_carry

    last = read_last_year(args.last, args.year)
    plan = plan_carry(last, args.year, Path(args.last).name, args.unit)
    for warning in plan.warnings:
        err(f"注意：{warning}")
    report = plan.new_report()
    _save(report, target, args.force)
    out(f"已基于上年报告新建 {report.title()}（{report.format.name}）：{target}")
    out(f"从上年报告带入 {len(plan.cells)} 个数")
    out(plan.summary())
    return EXIT_OK
