"""`check FILE [--previous LAST] [--json]`: list a draft's errors, warnings and explained warnings; exit 1 on errors."""
from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_ERRORS, EXIT_OK, out


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="检查草稿，列出错误和警告")
    p.add_argument("file", help="草稿文件")
    p.add_argument("--previous", help="上年度报告草稿（用于跨年度检查；优先于草稿中关联的上年报告）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")


def run(args: argparse.Namespace) -> int:
    import json

    from model.draft import load_draft
    from model.last_year import LastYear, read_last_year
    from model.rules import check, count_by_severity, count_explained, last_year_for

    report = load_draft(args.file)
    previous = None
    if args.previous:
        previous = LastYear.from_report(read_last_year(args.previous, report.year), report.format,
                                        Path(args.previous).name)
    last = last_year_for(report, previous)
    findings = check(report, last)
    errors, warnings = count_by_severity(findings)
    if args.json:
        out(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1))
    else:
        for f in findings:
            out(f"{'已说明' if f.explained else f.severity.label} [{f.rule}] {f.place()}：{f.message}")
            if f.explained:
                out(f"    说明：{f.explanation}")
            elif f.hint:
                out(f"    提示：{f.hint}")
        if last is not None:
            how = "--previous 指定" if previous is not None else "草稿中关联"
            out(f"跨年度检查依据：{how}的上年报告 {last.describe()}")
        explained = count_explained(findings)
        note = f"（其中 {explained} 个已说明）" if explained else ""
        out(f"{report.title()}：{errors} 个错误，{warnings} 个警告{note}")
    return EXIT_ERRORS if errors else EXIT_OK
