"""`aggregate INPUTS… -o SUMMARY` (汇总): sum the units' reports into one draft; `--check SUMMARY`: what changed."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .common import EXIT_ERRORS, EXIT_OK, EXIT_UNREADABLE, command_line, err, exists_message, out, quote_arg


def add_parser(sub) -> None:
    p = sub.add_parser("aggregate", help="汇总各单位的年度报告",
                       description="把各单位的年度报告（草稿，或含草稿的文件夹）汇总为一份报告草稿；"
                                   "或用 --check 检查一份汇总的来源文件自汇总以来是否有变化。")
    p.add_argument("inputs", nargs="*", help="草稿文件、Word/PDF 报告，或含这些文件的文件夹")
    p.add_argument("-o", "--output", help="汇总报告草稿（已有的汇总会重新汇总，保留已写的文字）")
    p.add_argument("--unit", help="汇总报告的填报单位（如：某某县人民政府办公室）")
    p.add_argument("--xlsx", help="另存各单位明细表（Excel 工作簿）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（供其他程序使用）")
    p.add_argument("--check", help="检查这份汇总的来源文件自汇总以来是否有变化")
    dup = p.add_mutually_exclusive_group()
    dup.add_argument("--once", action="store_true", help="重复的单位只计一次（保留先读到的文件）")
    dup.add_argument("--keep-duplicates", action="store_true", help="确认可能重复的单位确是不同单位，全部计入")
    p.add_argument("--skip-unreadable", action="store_true", help="有文件无法读取时，仍汇总可读取的报告")
    p.add_argument("--force", action="store_true", help="覆盖不是汇总报告的已有文件")


def run(args: argparse.Namespace) -> int:
    from model.errors import ReportError

    if args.check:
        if args.inputs or args.output or args.xlsx:
            raise ReportError("--check 只需一份汇总报告草稿，不能同时给出要汇总的文件或 -o/--xlsx")
        return _check(args)
    if not args.inputs:
        raise ReportError("请给出要汇总的草稿文件或文件夹")
    try:
        return _aggregate(args)
    except KeyboardInterrupt:
        print("\n已取消：未写入汇总。", file=sys.stderr)
        return EXIT_UNREADABLE


class _Progress:
    """A count on stderr: updated in place on a terminal, one closing line otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self.tty and (now - self.last > 0.1 or done == total):
            self.last = now
            print(f"\r读取中：{done}/{total}", end="", file=sys.stderr, flush=True)

    def finish(self, done: int) -> None:
        if self.tty:
            print(file=sys.stderr)
        print(f"已读取 {done} 个文件", file=sys.stderr)


def _aggregate(args: argparse.Namespace) -> int:
    import json

    from model.aggregate import ALL, ONCE, Batch, choose, find_duplicates, make_summary, refusal
    from model.aggregate_inputs import LARGE_BATCH
    from model.errors import ReportError

    output = Path(args.output) if args.output else None
    batch = Batch()
    batch.add(args.inputs, exclude=[output] if output else [])
    if batch.total > LARGE_BATCH:
        print(f"共 {batch.total:,} 个文件待读取，可能需要一些时间（按 Ctrl+C 取消）", file=sys.stderr)
    progress = _Progress()
    batch.read_all(progress)
    progress.finish(batch.read_count)
    units = batch.units
    duplicates = find_duplicates(units)
    policy = ONCE if args.once else ALL if args.keep_duplicates else ""
    choice = choose(units, duplicates, policy)
    why = refusal(units, choice, "请去掉多余的文件，或加 --once（重复的单位只计一次，保留先读到的文件），"
                                 "或确认这些确是不同单位后加 --keep-duplicates（全部计入）。")
    if why is None and batch.unreadable and output and not args.skip_unreadable:
        why = (f"有 {len(batch.unreadable)} 个文件无法读取（见上），未写入汇总。"
               "确认只汇总可读取的报告，请加 --skip-unreadable")
    if why is None and not units:
        why = "没有可汇总的报告"
    summary = None
    try:  # a sum out of range, a file that cannot be written: refused like the rest (and in --json)
        if why is None and (output or args.xlsx):
            summary = make_summary(batch, choice, args.unit or "", policy if duplicates else "")
            if output is not None:
                why = _save(summary, output, args.force)
        if why is None and summary is not None and args.xlsx:
            from export.breakdown_xlsx import write_breakdown

            write_breakdown(args.xlsx, summary, [units[i] for i in choice.included],
                            [(units[i], reason) for i, reason in choice.left_out], batch.unreadable)
    except ReportError as exc:
        why = exc.message
    included = [units[i] for i in choice.included]
    errors = sum(1 for u in included if u.errors)
    if args.json:
        out(json.dumps(_json(batch, duplicates, choice, why, output if why is None else None),
                       ensure_ascii=False, indent=1))
    else:
        _print(batch, duplicates, choice)
    if why is not None:
        err(f"错误：{why}")  # (it may name files: escaped as every line printed)
        return EXIT_UNREADABLE
    if not args.json:
        if output is not None:
            out(f"已汇总 {len(included)} 个单位的报告：{output}")
        if args.xlsx:
            out(f"已另存各单位明细表：{args.xlsx}")
        if errors:
            out(f"注意：其中 {errors} 个单位的报告有错误，汇总报告已标注（打印时加印“草稿”水印），请各单位改正后重新汇总。")
    return EXIT_ERRORS if errors else EXIT_OK


def _save(summary, output: Path, force: bool) -> str | None:
    """Write the summary; over an earlier summary keep the office's texts. Returns a refusal or None."""
    from model.aggregate import keep_office_work
    from model.aggregate_record import sources_of
    from model.draft import load_draft, save_draft
    from model.errors import ReportError

    if output.exists():
        try:
            old = load_draft(output)
        except ReportError:
            old = None
        if old is not None and sources_of(old) is not None:
            keep_office_work(old, summary)
        elif not force:
            return exists_message(output, "且不是汇总报告")
    save_draft(summary, output)
    return None


def _print(batch, duplicates, choice) -> None:
    units = batch.units
    left = dict(choice.left_out)
    for n, u in enumerate(units, start=1):
        state = f"未计入（{left[n - 1]}）" if n - 1 in left else (
            f"{u.errors} 个错误，{u.warnings} 个警告" if u.findings else "检查通过")
        out(f"{n:>4}. {u.name}  {u.path}  {state}")
        for f in u.findings:
            if f.severity.value == "error":
                out(f"        错误 [{f.rule}] {f.place()}：{f.message}")
    for d in duplicates:
        out(f"可能重复：{d.describe(units)}")
    for e in batch.unreadable:
        out(f"无法读取：{e.path}：{e.message}")
    if batch.ignored:
        out(f"另有 {batch.ignored} 个文件不是草稿或报告文件，已忽略")
    out(f"共 {len(units)} 份报告，{len(batch.unreadable)} 个文件无法读取")


def _json(batch, duplicates, choice, refused: str | None, output: Path | None) -> dict:
    units = batch.units
    left = dict(choice.left_out)
    first = units[choice.included[0]] if choice.included else None
    return {
        "year": first.year if first else None,
        "format": first.format_id if first else None,
        "units": [{"unit": u.unit, "file": str(u.path), "errors": u.errors, "warnings": u.warnings,
                   "included": i not in left, "findings": [f.as_dict() for f in u.findings]}
                  for i, u in enumerate(units)],
        "duplicates": [{"reasons": list(d.reasons), "units": [units[i].unit for i in d.members],
                        "files": [str(units[i].path) for i in d.members]} for d in duplicates],
        "left_out": [{"file": str(units[i].path), "message": reason} for i, reason in choice.left_out]
        + [{"file": str(e.path), "message": e.message} for e in batch.unreadable],
        "ignored": batch.ignored,
        "summary": str(output) if output else None,
        "refused": refused,
    }


def _check(args: argparse.Namespace) -> int:
    import json

    from model.aggregate_check import changes_since, summary_sources
    from model.draft import load_draft

    path = Path(args.check)
    report = load_draft(path)
    sources = summary_sources(report)
    changes = changes_since(report, path)
    if args.json:
        out(json.dumps({"summary": str(path), "made": sources.made, "unchanged": changes.unchanged,
                        "changed": [c.as_dict() for c in changes.changed],
                        "missing": [c.as_dict() for c in changes.missing],
                        "new": [c.as_dict() for c in changes.new],
                        "moved": [{"recorded": old, "now": now} for old, now in changes.moved]},
                       ensure_ascii=False, indent=1))
        return EXIT_ERRORS if changes.any else EXIT_OK
    out(f"“{path.name}”汇总于 {sources.made.replace('T', ' ')}，共 {len(sources.files())} 个来源文件")
    for old, now in changes.moved:
        out(f"已移动：{old}  现在：{now}（按汇总报告所在位置找到，在此比较）")
    for title, items in (("已修改", changes.changed), ("已不在", changes.missing), ("新增", changes.new)):
        for c in items:
            out(f"{title}：{c.unit or Path(c.path).name}  {c.path}  {c.detail}")
    if not changes.any:
        out(f"所有 {changes.unchanged} 个来源文件自汇总以来均未变化。")
        return EXIT_OK
    count = len(changes.changed) + len(changes.missing) + len(changes.new)
    moved = dict(changes.moved)
    inputs = " ".join(quote_arg(moved.get(p, p)) for p in sources.inputs)
    flags = {"once": " --once", "all": " --keep-duplicates"}.get(sources.policy, "")
    if sources.unreadable:
        flags += " --skip-unreadable"  # as when it was made: it could not have been made without
    out(f"自汇总以来有 {count} 个文件变化（{changes.unchanged} 个未变）。重新汇总：")
    out(f"  {command_line()} aggregate {inputs} -o {quote_arg(str(path))}{flags}")
    out("（重新汇总会保留汇总报告中已写的文字和基本信息。）")
    return EXIT_ERRORS
