"""基于上年报告新建 dialog: last year's report, this year's unit, and what is carried, kept, not carried and why."""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QTextBrowser, QVBoxLayout,
)

from model.errors import ReportError
from model.last_year_carry import plan_carry
from model.report import MAX_UNIT_NAME

from .. import style
from ..dialogs import ok_cancel_buttons
from ..screen_fit import fit_dialog


class NewFromLastYearDialog(QDialog):
    """Shows the plan of the carry-over; the unit may be changed (a warning if it differs from last year's)."""

    def __init__(self, last, path, plan, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("基于上年报告新建")
        self.last, self.path, self.plan = last, path, plan
        self.unit = QLineEdit(plan.header["unit_name"], self)
        self.unit.setMaxLength(MAX_UNIT_NAME)
        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)
        self.buttons = ok_cancel_buttons(self, "新建")
        form = QFormLayout()
        fmt = last.format
        form.addRow("上年报告：", _wrapped(f"{path.name}\n{last.unit_name or '（未填单位）'}，{last.year}年度，"
                                          f"{fmt.name}", self))
        form.addRow("本年报告：", _wrapped(f"{plan.year}年度，{plan.format.name}（{plan.format.issued_by}）", self))
        form.addRow("填报单位：", self.unit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.unit.textChanged.connect(self._replan)
        self._show_plan()
        em, line = self.fontMetrics().horizontalAdvance("中"), self.fontMetrics().height()
        fit_dialog(self, 50 * em, 40 * line)

    def _replan(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            self.plan = plan_carry(self.last, self.plan.year, self.path.name, text)
        except ReportError as exc:
            ok.setEnabled(False)
            self.details.setHtml(f"<p style='color:{style.ERROR_TEXT}'>{escape(exc.message)}</p>")
            return
        ok.setEnabled(True)
        self._show_plan()

    def _show_plan(self) -> None:
        plan = self.plan
        parts = [("注意", plan.warnings, style.WARNING_TEXT),
                 (f"带入（{len(plan.cells)} 个数，新建后标出，修改后不再标出）", plan.carried, None),
                 ("仅作核对依据（不填入本年报告；上年数在格子里显示为“上年”）", plan.kept, None),
                 ("不带入", plan.not_carried, None)]
        html = []
        for title, lines, colour in parts:
            if not lines:
                continue
            tint = f" style='color:{colour}'" if colour else ""
            html.append(f"<p{tint}><b>{escape(title)}</b></p><ul{tint}>"
                        + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>")
        self.details.setHtml("".join(html))


def _wrapped(text: str, parent) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label
