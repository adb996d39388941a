"""The status bar's 完成度 indicator: sections filled, errors, warnings, and the next step (a click goes there)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel

from model.formats.definition import TableSection
from model.progress import unfilled_sections
from model.rules import Severity, count_by_severity, count_explained

from . import style


def next_step(report, findings, unfilled: list) -> tuple[str, object]:
    """What to do next and where: (text, a Finding, a section, or None when the report is complete); unfilled:
    the report's blank sections (model.progress.unfilled_sections)."""
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        return f"改正“{place_name(report, errors[0])}”的错误", errors[0]
    if unfilled:  # a text still to write first; a table of zeros may be right (no such cases this year)
        section = next((s for s in unfilled if not isinstance(s, TableSection)), unfilled[0])
        verb, note = ("核对", "（全部为0）") if isinstance(section, TableSection) else ("填写", "")
        return f"{verb}“{section.number}、{section.short}”{note}", section
    open_warnings = [f for f in findings if f.severity is Severity.WARNING and not f.explained]
    if open_warnings:
        return "查看警告", open_warnings[0]
    return "导出或打印", None


def place_name(report, finding) -> str:
    """Where a finding is, as the tabs name it: 基本信息, 一、总体情况, 三、依申请公开."""
    section = next((s for s in report.format.sections if s.key == finding.section_key), None)
    return f"{section.number}、{section.short}" if section is not None else finding.section


class ProgressLabel(QLabel):
    """The state in its colour, then the next step; a click (clicked) goes there. Plain text and a style
    sheet: at start-up cheaper than rich text (a link) or a palette."""

    clicked = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.target = None
        self._sheet = ""

    def mouseReleaseEvent(self, event) -> None:
        if self.target is not None and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()

    def show_state(self, report, findings) -> None:
        """The state of report, whose rules found findings."""
        errors, warnings = count_by_severity(findings)
        explained = count_explained(findings)
        sections = report.format.sections
        unfilled = unfilled_sections(report)
        step, self.target = next_step(report, findings, unfilled)
        said = f"（{explained} 个已说明）" if explained else ""
        text = (f"完成度：已填 {len(sections) - len(unfilled)}/{len(sections)} 部分 · {errors} 个错误 · "
                f"{warnings} 个警告{said}　下一步：{step}")
        if text == self.text():
            return
        self.setText(text)
        colour = (style.ERROR_TEXT if errors
                  else style.WARNING_TEXT if warnings > explained or unfilled else style.DONE_TEXT)
        sheet = f"color: {colour}; padding: 0 6px;"
        if sheet != self._sheet:
            self._sheet = sheet
            self.setStyleSheet(sheet)
        filled = [s for s in sections if s not in unfilled]
        lines = [f"已填写：{'、'.join(s.number for s in filled) or '（无）'}"]
        texts = [s for s in unfilled if not isinstance(s, TableSection)]
        tables = [s for s in unfilled if isinstance(s, TableSection)]
        if texts:
            lines.append(f"尚未填写的文字部分：{'、'.join(f'{s.number}、{s.short}' for s in texts)}")
        if tables:
            lines.append(f"全部为0的表格：{'、'.join(f'{s.number}、{s.short}' for s in tables)}"
                         "（如本年确无此类情况，不必填写）")
        lines.append("单击转到下一步要处理的地方" if self.target is not None else "报告已填写完整，检查通过")
        self.setToolTip("\n".join(lines))
