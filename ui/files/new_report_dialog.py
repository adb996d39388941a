"""新建 dialog: unit name (remembered) and report year; shows which official format the year uses; 基于上年报告…."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox

from model.formats import FIRST_YEAR
from model.report import MAX_UNIT_NAME

from ..dialogs import ok_cancel_buttons
from ..pages.header import format_text
from ..screen_fit import fit_dialog


class NewReportDialog(QDialog):
    """新建 accepts (values() gives the unit and year); 基于上年报告… ends it with FROM_LAST_YEAR."""

    FROM_LAST_YEAR = 2  # exec() result: the clerk chose 基于上年报告… instead

    def __init__(self, unit_name: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("新建年度报告")
        self.unit = QLineEdit(unit_name, self)
        self.unit.setMaxLength(MAX_UNIT_NAME)
        self.unit.setPlaceholderText("如：某某镇人民政府")
        self.year = QSpinBox(self)
        self.year.setRange(FIRST_YEAR, date.today().year)
        self.year.setValue(max(FIRST_YEAR, date.today().year - 1))
        self.year.setSuffix(" 年")
        self.format_label = QLabel(self)
        self.buttons = ok_cancel_buttons(self, "新建")
        self.from_last_year = self.buttons.addButton("基于上年报告…", QDialogButtonBox.ButtonRole.ActionRole)
        self.from_last_year.setToolTip("选择上年的报告草稿，带入填报单位、上年结转等")
        self.from_last_year.clicked.connect(lambda: self.done(self.FROM_LAST_YEAR))
        form = QFormLayout(self)
        form.addRow("填报单位：", self.unit)
        form.addRow("报告年度：", self.year)
        form.addRow("适用格式：", self.format_label)
        form.addRow(self.buttons)
        self.unit.textChanged.connect(self._update)
        self.year.valueChanged.connect(self._update)
        self._update()
        fit_dialog(self)

    def _update(self, *_args) -> None:
        self.format_label.setText(format_text(self.year.value()))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.unit.text().strip()))

    def values(self) -> tuple[str, int]:
        return self.unit.text().strip(), self.year.value()
