"""`import REPORT.docx|REPORT.pdf -o DRAFT [--json] [--force]`: read a report into a new draft, with a summary."""
from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_ERRORS, EXIT_OK, EXIT_UNREADABLE, exists_message, out


def add_parser(sub) -> None:
    p = sub.add_parser("import", help="从 Word（.docx）或 PDF 报告导入为草稿，并核对报告中填报的总计")
    p.add_argument("file", help="Word 或 PDF 格式的年度报告")
    p.add_argument("-o", "--output", required=True, help="要写入的草稿文件（.gkbg.json）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出导入摘要")
    p.add_argument("--force", action="store_true", help="覆盖已有的草稿文件")


def run(args: argparse.Namespace) -> int:
    """Exit 0: imported, no errors; 1: imported, the report has errors (e.g. printed totals that disagree);
    2: refused (unreadable, unsafe, not a report), nothing written."""
    import json

    from importer import import_file
    from model.draft import save_draft
    from model.errors import ReportError

    target = Path(args.output)
    try:
        if target.exists() and not args.force:
            raise ReportError(exists_message(target))
        result = import_file(args.file)
        save_draft(result.report, target)
    except ReportError as exc:
        if not args.json:
            raise
        out(json.dumps({"ok": False, "error": exc.message}, ensure_ascii=False, indent=1))
        return EXIT_UNREADABLE
    errors, _warnings = result.counts()
    if args.json:
        out(json.dumps({"ok": True, "output": str(target), **result.as_dict()}, ensure_ascii=False, indent=1))
    else:
        out(result.text())
        out(f"已写入草稿：{target}")
    return EXIT_ERRORS if errors else EXIT_OK
