"""`export FILE -o OUT.docx|OUT.pdf` (or --to): write the printed report."""
from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK, out


def add_parser(sub) -> None:
    p = sub.add_parser("export", help="导出 DOCX 或 PDF")
    p.add_argument("file", help="草稿文件")
    p.add_argument("-o", "--output", "--to", dest="to", required=True,  # -o as in new, import and aggregate
                   help="输出文件（.docx 或 .pdf）")


def run(args: argparse.Namespace) -> int:
    from export import export_report
    from model.draft import load_draft

    report = load_draft(args.file)
    export_report(report, Path(args.to))
    out(f"已导出：{args.to}")
    return EXIT_OK
