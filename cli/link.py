"""`link FILE --previous LAST` / `link FILE --remove`: keep last year's figures in a draft for the cross-year checks."""
from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK, err, out


def add_parser(sub) -> None:
    p = sub.add_parser("link", help="关联上年报告（跨年度检查用），或取消关联")
    p.add_argument("file", help="本年度报告草稿（关联后保存回此文件）")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--previous", help="上年度报告草稿")
    which.add_argument("--remove", action="store_true", help="取消关联上年报告")


def run(args: argparse.Namespace) -> int:
    from model.draft import load_draft, save_draft
    from model.last_year import LastYear, cross_year_rules, read_last_year, unit_warning
    from model.rules import check

    target = Path(args.file)
    report = load_draft(target)
    if args.remove:
        if report.last_year is None:
            out(f"“{target.name}”没有关联上年报告，未改动")
            return EXIT_OK
        old = report.last_year.describe()
        report.set_last_year(None)
        save_draft(report, target)
        out(f"已取消关联上年报告：{old}")
        return EXIT_OK
    last = read_last_year(args.previous, report.year)
    warning = unit_warning(last.unit_name, report.unit_name)
    if warning:
        err(f"注意：{warning}")
    link = LastYear.from_report(last, report.format, Path(args.previous).name)
    report.set_last_year(link)
    save_draft(report, target)
    cross = [f for f in check(report) if f.rule in cross_year_rules(report.format)]
    out(f"已关联上年报告：{link.describe()}；跨年度检查发现 {len(cross)} 个警告")
    return EXIT_OK
