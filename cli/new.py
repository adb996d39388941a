"""`new --year YEAR --unit UNIT -o FILE`: write a new blank draft (never over an existing file without --force)."""
from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK, out


def add_parser(sub) -> None:
    p = sub.add_parser("new", help="新建空白草稿")
    p.add_argument("--year", type=int, required=True, help="报告年度")
    p.add_argument("--unit", required=True, help="填报单位")
    p.add_argument("-o", "--output", required=True, help="草稿文件")
    p.add_argument("--force", action="store_true", help="覆盖已有文件")


def run(args: argparse.Namespace) -> int:
    from model.atomic import TargetExistsError
    from model.draft import save_draft
    from model.errors import InputError
    from model.file_read import show_path
    from model.report import Report

    target = Path(args.output)
    unit = args.unit.strip()
    if not unit:
        raise InputError("--unit 应写明填报单位名称，不能为空")
    report = Report.for_year(args.year, unit)  # validated as the window validates
    try:
        save_draft(report, target, exclusive=not args.force)  # exclusive: a racing `new` cannot be overwritten
    except TargetExistsError:
        raise TargetExistsError(f"“{show_path(target)}”已存在；如要覆盖请加 --force") from None
    out(f"已新建 {report.title()}（{report.format.name}）：{target}")
    return EXIT_OK
