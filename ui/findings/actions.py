"""The window's checking actions: 提交前检查 (文件 menu), and explaining warnings from the 检查结果 panel."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence

from model.rules import Finding, Severity

from ..actions import window_action

MAX_LISTED = 12  # errors named in the 提交前检查 message; the panel lists them all


class CheckActions:
    """提交前检查 checks everything a filed report needs, the report date included, and says what is missing."""

    def __init__(self, window) -> None:
        self.window = window
        self.submission = window_action(window, "提交前检查…", self.check_submission, QKeySequence("F9"))
        menu = window.actions.file_menu
        before = window.outputs.export_docx
        menu.insertAction(before, self.submission)
        menu.insertSeparator(before)
        dock = window.findings_dock
        dock.explain_requested.connect(self.explain)
        dock.withdraw_requested.connect(self.withdraw)

    # ---- explained warnings ----

    def explain(self, finding: Finding) -> bool:
        from ..dialogs import inform
        from .explain import ExplainDialog

        if finding.severity is Severity.ERROR:
            inform(self.window, "不能说明", "错误须改正后才能提交，不能以说明代替。")
            return False
        dialog = ExplainDialog(finding, self.window)
        if not dialog.exec():
            return False
        self.window.session.set_explanation(finding, dialog.text())
        self.window.show_message("已说明：此警告显示为灰色，可打印在“检查说明”页")
        return True

    def withdraw(self, finding: Finding) -> None:
        if finding.explained:
            self.window.session.set_explanation(finding, "")
            self.window.show_message("已撤销说明")

    # ---- 提交前检查 ----

    def check_submission(self) -> list[Finding]:
        from ..dialogs import inform, warn

        window = self.window
        window.commit_pending_edit()
        findings = window.session.submission_findings()
        errors = [f for f in findings if f.severity is Severity.ERROR]
        open_warnings = sum(1 for f in findings if f.severity is Severity.WARNING and not f.explained)
        warnings_note = (f"\n\n另有 {open_warnings} 个警告未说明：请逐项核对，确有原因的可在“检查结果”中右键“说明”。"
                         if open_warnings else "")
        if not errors:
            inform(window, "提交前检查", "提交前检查通过：没有错误，填报单位、总体情况、存在的问题及改进情况和报告日期"
                                        "都已填写。" + warnings_note)
            return findings
        lines = [f"{n}. {f.section}：{f.message}" for n, f in enumerate(errors[:MAX_LISTED], 1)]
        if len(errors) > MAX_LISTED:
            lines.append(f"……共 {len(errors)} 个错误，见“检查结果”。")
        warn(window, "提交前检查", f"报告还不能提交，请先改正以下 {len(errors)} 个错误：\n" + "\n".join(lines)
             + warnings_note)
        window.jump_to(errors[0])
        return findings
