"""`new --year YEAR --unit UNIT -o FILE`: write a new blank draft."""
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
    from model.draft import save_draft
    from model.errors import DraftError
    from model.report import Report

    target = Path(args.output)
    if target.exists() and not args.force:
        raise DraftError(f"“{target}”已存在；如要覆盖请加 --force")
    report = Report.for_year(args.year, args.unit.strip())
    save_draft(report, target)
    out(f"已新建 {report.title()}（{report.format.name}）：{target}")
    return EXIT_OK
