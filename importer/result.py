"""What an import found, for the clerk: the report, and notes on what was read, missing, interpreted or left out."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from model.report import Report
from model.rules import Finding, Severity

# what a draft keeps but a printed report does not show, so an import cannot bring it back
NOT_IN_DOCUMENT = ("上年报告的关联：打印的报告中没有，跨年度检查（上年结转、现行有效件数、上一年项目数量、与上年重复）"
                   "需要时请关联上年报告的草稿（文件 ▸ 关联上年报告…）",)


@dataclass(frozen=True)
class Note:
    """One remark on a place of the report: section heading, row label, column label (each may be "")."""

    section: str
    row: str
    column: str
    text: str

    def as_dict(self) -> dict[str, str]:
        return {"section": self.section, "row": self.row, "column": self.column, "text": self.text}


@dataclass
class Notes:
    """Collected while reading; every category is shown to the clerk, nothing is dropped silently."""

    read: list[str] = field(default_factory=list)
    not_found: list[Note] = field(default_factory=list)
    interpreted: list[Note] = field(default_factory=list)
    ignored: list[Note] = field(default_factory=list)


@dataclass
class ImportResult:
    """The report read from source, with printed totals attached, and the notes of the import summary."""

    report: Report
    source: Path
    kind: str  # "Word" or "PDF"
    pages: int  # of a PDF; 0 for a Word document
    notes: Notes
    findings: list[Finding]  # the check of the imported report (printed totals included)

    @property
    def read(self) -> list[str]:
        return self.notes.read

    @property
    def not_found(self) -> list[Note]:
        return self.notes.not_found

    @property
    def interpreted(self) -> list[Note]:
        return self.notes.interpreted

    @property
    def ignored(self) -> list[Note]:
        return self.notes.ignored

    @property
    def disagreements(self) -> list[Finding]:
        """Every printed total that differs from its parts (error) or is blank over non-zero parts (warning)."""
        totals = self.report.stated_totals
        return [f for f in self.findings if f.ref is not None and f.ref in totals and f.rule in ("R2", "R3", "R4")]

    def counts(self) -> tuple[int, int]:
        """(errors, warnings) of the imported report's check."""
        errors = sum(1 for f in self.findings if f.severity is Severity.ERROR)
        return errors, len(self.findings) - errors

    def headline(self) -> str:
        """One line naming the report read, its format and the file it came from."""
        report = self.report
        return (f"{report.unit_name or '（未找到填报单位）'} {report.year}年度政府信息公开工作年度报告"
                f"（{report.format.name}），读自“{self.source.name}”（{self.kind}"
                + (f"，共{self.pages}页" if self.pages else "") + "）")

    def sections(self) -> list[tuple[str, list[str]]]:
        """The summary as titled lists of lines (for the dialog and the command line)."""
        out = [("已读取", list(self.read))]
        if self.not_found:
            out.append((f"未找到（{len(self.not_found)}处，按0或空白处理）", group_notes(self.not_found)))
        if self.interpreted:
            out.append((f"需要解释的值（{len(self.interpreted)}个）", group_notes(self.interpreted)))
        if self.ignored:
            out.append((f"未导入的内容（{len(self.ignored)}处）", group_notes(self.ignored)))
        disagreements = self.disagreements
        if disagreements:
            out.append((f"填报的总计与各分项之和不一致（{len(disagreements)}处）",
                        [f"{f.severity.label}：{f.section} / {f.message}" for f in disagreements]))
        out.append(("报告中没有、未导入的信息", list(NOT_IN_DOCUMENT)))
        errors, warnings = self.counts()
        out.append(("导入后检查", [f"{errors} 个错误，{warnings} 个警告（详见“检查结果”）"]))
        return out

    def text(self) -> str:
        """The summary as plain text (the command line prints it)."""
        lines = [self.headline()]
        for title, items in self.sections():
            lines.append(f"{title}：")
            lines.extend(f"  · {item}" for item in items)
        return "\n".join(lines)

    def as_dict(self) -> dict:
        """The summary for --json."""
        report = self.report
        errors, warnings = self.counts()
        return {
            "source": str(self.source), "kind": self.kind, "pages": self.pages,
            "format": report.format.id, "year": report.year, "unit_name": report.unit_name,
            "attachment_label": report.attachment_label, "report_date": report.report_date,
            "read": list(self.read),
            "not_found": [n.as_dict() for n in self.not_found],
            "interpreted": [n.as_dict() for n in self.interpreted],
            "ignored": [n.as_dict() for n in self.ignored],
            "not_in_document": list(NOT_IN_DOCUMENT),
            "printed_totals_disagree": [f.as_dict() for f in self.disagreements],
            "errors": errors, "warnings": warnings,
            "findings": [f.as_dict() for f in self.findings],
        }


def group_notes(notes: list[Note]) -> list[str]:
    """Notes of one row with the same text become one line naming every column."""
    lines: list[str] = []
    groups: dict[tuple[str, str, str], list[str]] = {}
    order: list[tuple[str, str, str]] = []
    for note in notes:
        key = (note.section, note.row, note.text)
        if key not in groups:
            groups[key] = []
            order.append(key)
        if note.column:
            groups[key].append(note.column)
    for key in order:
        section, row, text = key
        columns = "、".join(groups[key])
        place = " / ".join(p for p in (section, row, columns) if p)
        lines.append(f"{place}：{text}" if place else text)
    return lines
