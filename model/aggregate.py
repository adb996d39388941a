"""汇总: many units' reports read and checked, duplicates and odd years found, exact sums into a summary draft."""
from __future__ import annotations

import os
from collections import Counter, deque
from collections.abc import Callable, Iterable
from datetime import datetime
from decimal import Context, Decimal
from pathlib import Path

from .aggregate_inputs import Expansion, Unreadable, UnitFile, expand, read_unit, unreadable
from .aggregate_record import SourceFile, SummarySources, attach, sources_of
from .cells import UNIT_FACTORS, Money
from .errors import InputError, ReportError
from .formats import format_by_id
from .formats.definition import CellKind
from .frozen import frozen
from .report import Report, unit_key
from .rules import Severity

ONCE, ALL = "once", "all"  # duplicates: each summed once (the first file kept) / every file summed
NOT_CHOSEN = "未选中"  # the reason kept for a unit the clerk unticked (docs/draft-format.md)
_EXACT = Context(prec=60)  # far more digits than any sum of amounts below MAX_MONEY needs


class AggregateRefused(ReportError):
    """The summary cannot be made from this selection (no reports, mixed years, undecided duplicates…)."""


# ---------------------------------------------------------------- the batch of files


class Batch:
    """The files of one 汇总, read one at a time (the window shows progress and can stop between files)."""

    def __init__(self) -> None:
        self.inputs: list[str] = []  # files and folders named, absolute
        self.pending: deque[Path] = deque()
        self.units: list[UnitFile] = []
        self.unreadable: list[Unreadable] = []
        self.ignored = 0  # files under the folders that are neither drafts nor report documents
        self.read_count = 0
        self._seen: set[str] = set()

    def add(self, inputs: Iterable[str | os.PathLike[str]], exclude: Iterable[Path] = ()) -> Expansion:
        """Name more files or folders; their report files are queued (a file already queued is skipped)."""
        inputs = [Path(p) for p in inputs]
        found = expand(inputs, [*exclude, *map(Path, self._seen)])
        for path in inputs:
            text = str(path.absolute())
            if text not in self.inputs:
                self.inputs.append(text)
        self._seen.update(str(p.absolute()) for p in found.files)
        self.pending.extend(found.files)
        self.unreadable.extend(found.unreadable)
        self.ignored += found.ignored
        return found

    def drop_pending(self, count: int | None = None) -> None:
        """Forget the last count queued files (all when None): not read, and free to be added again."""
        count = len(self.pending) if count is None else count
        for _ in range(count):
            self._seen.discard(str(self.pending.pop().absolute()))

    @property
    def total(self) -> int:
        return self.read_count + len(self.pending)

    def read_next(self) -> UnitFile | Unreadable | None:
        """Read the next queued file; None when none is left. A bad file is listed, never raised."""
        if not self.pending:
            return None
        path = self.pending.popleft()
        self.read_count += 1
        try:
            unit = read_unit(path)
        except ReportError as exc:
            entry = unreadable(path, exc)
            self.unreadable.append(entry)
            return entry
        self.units.append(unit)
        return unit

    def read_all(self, progress: Callable[[int, int], None] | None = None) -> None:
        while self.read_next() is not None:
            if progress is not None:
                progress(self.read_count, self.total)


# ---------------------------------------------------------------- duplicates


@frozen
class Duplicate:
    """Units that look like the same unit: same name, identical numbers, or one summary already holding another."""

    members: tuple[int, ...]  # indices into the batch's units, in the order read
    reasons: tuple[str, ...]  # 同名 / 数字完全相同 / 已含在汇总中

    def describe(self, units: list[UnitFile]) -> str:
        files = "、".join(f"{units[i].name}（{units[i].path.name}）" for i in self.members)
        return f"{'，'.join(self.reasons)}：{files}"


def find_duplicates(units: list[UnitFile]) -> list[Duplicate]:
    """Groups of units that look like one unit (同名, 数字完全相同, 已含在汇总中), each in the order read."""
    parent = list(range(len(units)))
    reasons: dict[int, set[str]] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int, reason: str) -> None:
        a, b = root(i), root(j)
        merged = reasons.pop(a, set()) | reasons.pop(b, set()) | {reason}
        parent[max(a, b)] = min(a, b)
        reasons[min(a, b)] = merged

    first: dict[tuple[str, object], int] = {}
    by_sha: dict[str, int] = {}
    for i, unit in enumerate(units):
        keys = [("同名", unit_key(unit.unit))] if unit.unit.strip() else []
        if unit.numbers is not None:
            keys.append(("数字完全相同", unit.numbers))
        for key in keys:
            if key in first:
                join(first[key], i, key[0])
            else:
                first[key] = i
        by_sha.setdefault(unit.sha256, i)
    for i, unit in enumerate(units):  # a 汇总 among the inputs that already holds another input
        if unit.sources is not None:
            for source in unit.sources.units:
                j = by_sha.get(source.sha256)
                if j is not None and j != i:
                    join(i, j, "已含在汇总中")
    groups: dict[int, list[int]] = {}
    for i in range(len(units)):
        groups.setdefault(root(i), []).append(i)
    order = ("同名", "数字完全相同", "已含在汇总中")
    return [Duplicate(tuple(members), tuple(r for r in order if r in reasons[r0]))
            for r0, members in sorted(groups.items()) if len(members) > 1]


# ---------------------------------------------------------------- what is summed


@frozen
class Choice:
    """Which units of a batch are summed, which are left out (and why), and the duplicates nobody decided."""

    included: tuple[int, ...]
    left_out: tuple[tuple[int, str], ...]  # (unit index, reason)
    undecided: tuple[Duplicate, ...]  # duplicates still summed more than once, without the user's say


def choose(units: list[UnitFile], duplicates: list[Duplicate], policy: str = "",
           excluded: Iterable[int] = ()) -> Choice:
    """Which units are summed: all but those the user left out and, with policy ONCE, each duplicate once."""
    excluded = set(excluded)
    left_out = {i: NOT_CHOSEN for i in excluded}
    undecided = []
    for group in duplicates:
        active = [i for i in group.members if i not in excluded]
        if len(active) < 2:
            continue
        if policy == ONCE:
            kept = units[active[0]]
            for i in active[1:]:
                left_out[i] = f"与“{kept.name}”（{kept.path.name}）重复，只计一次"
        elif policy != ALL:
            undecided.append(group)
    included = tuple(i for i in range(len(units)) if i not in left_out)
    return Choice(included, tuple(sorted(left_out.items())), tuple(undecided))


def year_conflict(units: list[UnitFile], indices: Iterable[int]) -> tuple[int, list[int]] | None:
    """(the year most reports are of, the reports of other years or formats) or None when all agree."""
    indices = list(indices)
    counts = Counter((units[i].year, units[i].format_id) for i in indices)
    if len(counts) < 2:
        return None
    (year, fmt), _ = max(counts.items(), key=lambda kv: (kv[1], kv[0][0]))
    return year, [i for i in indices if (units[i].year, units[i].format_id) != (year, fmt)]


def describe_conflict(units: list[UnitFile], conflict: tuple[int, list[int]], indices: Iterable[int]) -> str:
    """The refusal naming the odd files among the units compared (indices)."""
    year, odd = conflict
    fmt = format_by_id(next(u.format_id for u in units if u.year == year))
    main = sum(1 for i in indices if (units[i].year, units[i].format_id) == (year, fmt.id))
    lead = f"多数为{year}年度" if main > len(odd) else f"{main}份为{year}年度"  # "多数" only when it is one
    lines = [f"所选报告的年度或格式不一致：{lead}（{fmt.name}），以下{len(odd)}个文件不是："]
    lines += [f"  {units[i].path}：{units[i].name}，{units[i].year}年度（{format_by_id(units[i].format_id).name}）"
              for i in odd]
    return "\n".join(lines)


DUPLICATE_ADVICE = ("请去掉多余的文件，或选择“重复的单位只计一次”（保留先读到的文件），"
                    "或确认这些确是不同单位后全部计入。")


def refusal(units: list[UnitFile], choice: Choice, advice: str = DUPLICATE_ADVICE) -> str | None:
    """Why no summary can be made of this choice (Chinese, for the clerk), or None; advice ends the
    message about duplicates (the command line names its options there)."""
    if not choice.included:
        return "没有可汇总的报告：所选文件和文件夹中没有可读取的年度报告草稿（.gkbg.json）或报告文件（.docx、.pdf）"
    conflict = year_conflict(units, choice.included)
    if conflict is not None:
        return describe_conflict(units, conflict, choice.included)
    if choice.undecided:
        lines = [f"发现{len(choice.undecided)}组可能重复的单位："]
        lines += [f"  {d.describe(units)}" for d in choice.undecided]
        lines.append(advice)
        return "\n".join(lines)
    return None


# ---------------------------------------------------------------- the sums


def sum_values(report: Report, units: list[UnitFile]) -> None:
    """Store in report the exact sum of every input cell over units (money converted exactly, in Decimal)."""
    for (ref, column), values in zip(report.input_cells(), zip(*(u.values for u in units))):
        if column.kind is CellKind.MONEY:
            total = _sum_money(values, column.units)
        else:
            total = sum(values)
        try:
            report.set_value(ref, total)
        except InputError as exc:
            table = report.table(ref.table)
            place = "".join(f"“{x}”" for x in (table.row(ref.row).label, table.column_label(ref.column)) if x)
            raise AggregateRefused(f"合计超出范围：{report.format.section_of_table(ref.table).heading}{place}"
                                   f"的合计为{total}，{exc.message}") from None


def _sum_money(values: Iterable[Money | None], allowed: tuple[str, ...]) -> Money | None:
    amounts = [v for v in values if v is not None]
    if not amounts:
        return None
    units = {v.unit for v in amounts}
    unit = units.pop() if len(units) == 1 else allowed[0]  # one unit kept as it is; mixed: the column's unit
    factor = UNIT_FACTORS[unit]
    total = Decimal(0)
    for v in amounts:
        total = _EXACT.add(total, _EXACT.multiply(v.amount, UNIT_FACTORS[v.unit]))
    return Money(_EXACT.divide(total, factor) if factor != 1 else total, unit)


SUGGESTION_CHARS = 5000  # the list of units proposed for 六 stops here (a province sums thousands of units)


def suggestion(names: list[str]) -> str:
    """The text proposed for 六、其他需要报告的事项: the units summed (the office rewrites it); beyond
    SUGGESTION_CHARS the first units and 等 (the summary's sources block and the workbook list them all)."""
    text = f"本报告由以下{len(names)}个单位的政府信息公开工作年度报告汇总而成：{'、'.join(names)}。"
    if len(text) <= SUGGESTION_CHARS:
        return text
    head = f"本报告由{len(names)}个单位的政府信息公开工作年度报告汇总而成，包括"
    tail = f"等{len(names)}个单位。"
    listed, room = [], SUGGESTION_CHARS - len(head) - len(tail)
    for name in names:
        room -= len(name) + (1 if listed else 0)
        if room < 0:
            break
        listed.append(name)
    return head + "、".join(listed) + tail


def make_summary(batch: Batch, choice: Choice, unit_name: str = "", policy: str = "") -> Report:
    """The summary report of the chosen units; raises AggregateRefused (see refusal())."""
    units = batch.units
    why = refusal(units, choice)
    if why is not None:
        raise AggregateRefused(why)
    chosen = [units[i] for i in choice.included]
    report = Report(format_by_id(chosen[0].format_id), chosen[0].year, "")
    report.set_field("unit_name", unit_name.strip())
    sum_values(report, chosen)
    if "other" in report.texts:
        report.set_text("other", suggestion([u.name for u in chosen]))
    attach(report, SummarySources(
        tuple(batch.inputs), policy,
        datetime.now().isoformat(timespec="seconds"),
        tuple(_summed(u) for u in chosen),
        tuple(_left_out(units[i], reason) for i, reason in choice.left_out),
        tuple(SourceFile(str(e.path.absolute()), e.size, e.sha256, reason=e.message) for e in batch.unreadable)))
    return report


def _summed(u: UnitFile) -> SourceFile:
    return SourceFile(str(u.path.absolute()), u.size, u.sha256, u.unit, "", u.errors, u.warnings, u.received,
                      tuple(f for f in u.findings if f.severity is Severity.ERROR))


def _left_out(u: UnitFile, reason: str) -> SourceFile:
    return SourceFile(str(u.path.absolute()), u.size, u.sha256, u.unit, reason)


def keep_office_work(old: Report, new: Report) -> None:
    """Re-making a summary over an earlier one: the header fields and texts the office wrote are kept
    (section 六 only where the office changed the suggested list of units)."""
    old_sources = sources_of(old)
    for name in ("attachment_label", "report_date"):
        new.set_field(name, getattr(old, name))
    if not new.unit_name:
        new.set_field("unit_name", old.unit_name)
    for key, text in old.texts.items():
        if key not in new.texts or not text.strip():
            continue
        if key == "other" and old_sources is not None and text == suggestion([u.name for u in old_sources.units]):
            continue  # still the suggestion made last time: the new list replaces it
        new.set_text(key, text)

