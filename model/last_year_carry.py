"""新建 基于上年报告: what a new report takes from last year's (derived from the cross-year rules), what not, and why."""
from __future__ import annotations

from .errors import InputError
from .formats import LAST_YEAR, format_for_year
from .formats.definition import (
    CarryOverRule, ItemCountRule, ReportFormat, StockRule, TextRepeatRule,
)
from .last_year import LastYear, check_years, counterparts, unit_warning
from .report import CellRef, Report

# Why a report in a new format cannot take some figures from a report in the old one, by (last, this) format.
FORMAT_CHANGE_NOTES: dict[tuple[str, str], tuple[str, ...]] = {
    ("2019", "2021"): (
        "第二部分“第二十条第（一）项”：2019年版的“对外公开总数量”是对外公开的文件总数，2021年版的“现行有效件数”"
        "只计现行有效的文件（已废止、失效的不计），两者含义不同，不能换算，所以不带入，本年度也不做现行有效件数的"
        "跨年核对；2019年版的“本年新制作数量、本年新公开数量”与2021年版的“本年制发件数、本年废止件数”口径也不同",
        "第二部分“第二十条第（五）（六）（八）项”：2019年版填上一年项目数量、本年增/减和处理决定数量，2021年版只填"
        "本年处理决定数量和本年收费金额（万元），都是本年数，没有可带入的上年数",
    ),
}

ALWAYS_NOT_CARRIED = (
    "报告日期：已清空，定稿时再填",
    "文字部分（一、总体情况，五、存在的主要问题及改进情况，六、其他需要报告的事项）：不带入，请写本年情况",
    "其余数字（本年新收申请、办理结果、结转下年度、复议诉讼及主动公开的本年数等）：都是本年数，从0开始填",
)


class CarryPlan:
    """Everything 基于上年报告 puts into a new report of `year`, and the lines that explain it."""

    def __init__(self, year: int, fmt: ReportFormat, link: LastYear, header: dict[str, str],
                 cells: list[tuple[CellRef, int]]) -> None:
        self.year = year
        self.format = fmt
        self.link = link  # kept in the new draft as its last_year block
        self.header = header  # unit_name, attachment_label, report_date ("")
        self.cells = cells  # this year's cells and the values carried into them
        self.carried: list[str] = []
        self.kept: list[str] = []  # last-year figures kept only as the base of a check
        self.not_carried: list[str] = []
        self.warnings: list[str] = []

    def apply(self, report: Report) -> None:
        """Put the plan into a blank report of the plan's year (one change after another)."""
        for name, value in self.header.items():
            report.set_field(name, value)
        for ref, value in self.cells:
            report.set_value(ref, value)
        report.set_last_year(self.link)
        report.set_carried({ref for ref, _ in self.cells})  # marked until edited, kept in the draft

    def new_report(self) -> Report:
        report = Report(self.format, self.year)
        self.apply(report)
        return report

    def summary(self) -> str:
        """What is carried, kept, not carried, as text (`new --from` prints it; warnings go apart)."""
        parts = [("带入", self.carried), ("仅作核对基数（不填入本年格子）", self.kept), ("不带入", self.not_carried)]
        return "\n".join(f"{title}：\n" + "\n".join(f"  · {line}" for line in lines)
                         for title, lines in parts if lines)


def plan_carry(last: Report, year: int, source: str, unit: str | None = None) -> CarryPlan:
    """Plan a new report of year from last year's report last (read from the file named source).

    Raises InputError naming the file and the years when last is not the report of the year before.
    """
    check_years(last.year, year, source)
    if year > LAST_YEAR:
        raise InputError(f"报告年度应在{LAST_YEAR}年以前，实际为{year}年")
    fmt = format_for_year(year)
    unit_name = (last.unit_name if unit is None else unit).strip()
    if not unit_name:
        raise InputError(f"“{source}”没有填写填报单位，请指定本报告的填报单位")
    link = LastYear.from_report(last, fmt, source)
    parts = counterparts(fmt, link)
    cells = [(c.ref, c.value) for c in parts.values() if c.carried]
    plan = CarryPlan(year, fmt, link, {"unit_name": unit_name, "attachment_label": last.attachment_label,
                                       "report_date": ""}, cells)
    label = f"、附件标注“{last.attachment_label}”" if last.attachment_label else ""
    plan.carried.append(f"填报单位“{unit_name}”{label}")
    _describe(plan, fmt, link, parts)
    plan.not_carried.extend(ALWAYS_NOT_CARRIED)
    plan.not_carried.extend(FORMAT_CHANGE_NOTES.get((last.format.id, fmt.id), ()))
    warning = unit_warning(last.unit_name, unit_name)
    if warning:
        plan.warnings.append(warning)
    if last.format is not fmt:
        plan.warnings.append(f"{year}年度适用{fmt.full_name}，上年报告是{last.format.name}")
    return plan


def _describe(plan: CarryPlan, fmt: ReportFormat, link: LastYear, parts: dict) -> None:
    """One line per cross-year rule: what it carried, kept as a base, or could not carry."""
    for spec in fmt.rules:
        if isinstance(spec, CarryOverRule):
            table = fmt.table(spec.table)
            cells = [p for p in parts.values() if p.ref.table == spec.table and p.ref.row == spec.this_row
                     and p.carried]
            if cells:
                section = fmt.section_of_table(spec.table)
                plan.carried.append(
                    f"第{section.number}部分“{table.row(spec.this_row).label}”← 上年"
                    f"“{link.row_label(spec.table, spec.last_row)}”，按申请人各列逐列带入（{len(cells)}格，"
                    f"总计自动计算）")
        elif isinstance(spec, ItemCountRule):
            cells = [p for p in parts.values() if p.ref.table in spec.tables and p.ref.column == spec.previous]
            if cells:
                titles = "、".join(f"“{fmt.table(k).title}”" for k in spec.tables)
                number = fmt.section_of_table(spec.tables[0]).number
                carried = [p for p in cells if p.carried]
                plan.carried.append(f"第{number}部分{titles}的“上一年项目数量”← 上年报告的“上一年项目数量＋本年增/减”，"
                                    f"逐行带入（{len(carried)}格）")
                for p in cells:
                    if not p.carried:
                        row = fmt.table(p.ref.table).row(p.ref.row).label
                        plan.not_carried.append(f"“{row}”的上一年项目数量：{p.note}")
        elif isinstance(spec, StockRule):
            cells = [p for p in parts.values() if p.ref.table == spec.table and p.ref.column == spec.stock]
            if cells:
                table = fmt.table(spec.table)
                figures = "、".join(f"{table.row(p.ref.row).label}{p.value}件" for p in cells)
                number = fmt.section_of_table(spec.table).number
                plan.kept.append(
                    f"第{number}部分“{table.title}”的“{table.column(spec.stock).label}”：上年数（{figures}）留作核对基数，"
                    f"在格子里作为“上年”数显示，不填入；本年数应为上年数＋本年制发件数－本年废止件数，请填好本年制发、废止件数后填写")
    for spec in fmt.rules:  # texts after the numbers
        if isinstance(spec, TextRepeatRule) and spec.section in link.texts:
            heading = fmt.section(spec.section).heading
            plan.kept.append(f"上年“{heading}”的文字：只用于核对与上年的重复率（超过"
                             f"{round(spec.max_ratio * 100)}%会提示），不带入")
