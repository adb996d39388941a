"""Entry point: the desktop window, and a small command line (check, new, export) over the same model."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

COMMANDS = ("check", "new", "export")  # argparse and json are imported only for these: the window starts faster
EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def _out(text: str = "") -> None:
    print(text)


def cmd_check(args: argparse.Namespace) -> int:
    from model.draft import load_draft
    import json

    from model.rules import check, count_by_severity

    from model.errors import ReportError

    report = load_draft(args.file)
    previous = load_draft(args.previous) if args.previous else None
    if previous is not None and previous.year != report.year - 1:
        raise ReportError(f"--previous 应为上一年度（{report.year - 1}年）的报告，"
                          f"“{Path(args.previous).name}”却是{previous.year}年度的")
    findings = check(report, previous)
    errors, warnings = count_by_severity(findings)
    if args.json:
        _out(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1))
    else:
        for f in findings:
            place = " / ".join(p for p in (f.section, f.row, f.column) if p)
            _out(f"{f.severity.label} [{f.rule}] {place}：{f.message}")
        _out(f"{report.title()}：{errors} 个错误，{warnings} 个警告")
    return EXIT_ERRORS if errors else EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from model.draft import save_draft
    from model.errors import DraftError
    from model.report import Report

    out = Path(args.output)
    if out.exists() and not args.force:
        raise DraftError(f"“{out}”已存在；如要覆盖请加 --force")
    report = Report.for_year(args.year, args.unit.strip())
    save_draft(report, out)
    _out(f"已新建 {report.title()}（{report.format.name}）：{out}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from export import export_report
    from model.draft import load_draft

    report = load_draft(args.file)
    export_report(report, Path(args.to))
    _out(f"已导出：{args.to}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="main.py", description="政府信息公开工作年度报告：填报、检查、导出")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="检查草稿，列出错误和警告")
    p.add_argument("file", help="草稿文件")
    p.add_argument("--previous", help="上年度报告草稿（用于跨年度检查）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("new", help="新建空白草稿")
    p.add_argument("--year", type=int, required=True, help="报告年度")
    p.add_argument("--unit", required=True, help="填报单位")
    p.add_argument("-o", "--output", required=True, help="草稿文件")
    p.add_argument("--force", action="store_true", help="覆盖已有文件")
    p.set_defaults(func=cmd_new)
    p = sub.add_parser("export", help="导出 DOCX 或 PDF")
    p.add_argument("file", help="草稿文件")
    p.add_argument("--to", required=True, help="输出文件（.docx 或 .pdf）")
    p.set_defaults(func=cmd_export)
    return parser


def run_cli(argv: list[str]) -> int:
    from model.errors import ReportError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ReportError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return EXIT_UNREADABLE
    except OSError as exc:
        print(f"错误：{exc.strerror or exc}：{exc.filename or ''}", file=sys.stderr)
        return EXIT_UNREADABLE


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            pass
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        return run_cli(argv)
    from ui.app import run_gui

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
