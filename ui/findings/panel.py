"""The dockable 检查结果 panel: every finding (severity, section, message, row, column); double-click jumps;
one compact line when there is nothing to report."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

from model.rules import Finding

if TYPE_CHECKING:
    from .table import FindingsTable


class FindingsPanel(QDockWidget):
    """Lists findings; emits activated(Finding) on double-click or Enter.

    With nothing to report it shows one line, no higher than that line (the window gives the rest to the
    form: tab 三 shows its balance rows whole); the table of findings takes its place when there are some.
    The table is built when first needed, which keeps it off the start-up path of a report that checks clean;
    from then on it stays, and only its changed rows are repainted after an edit.
    """

    activated = Signal(object)
    CLEAN_TEXT = "检查通过：没有发现错误或警告。"

    def __init__(self, parent=None) -> None:
        super().__init__("检查结果", parent)
        self.setObjectName("findings_dock")
        self.clean = QWidget(self)
        self.clean_label = QLabel(self.CLEAN_TEXT, self.clean)
        self.clean_label.setContentsMargins(8, 2, 8, 2)
        box = QVBoxLayout(self.clean)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.clean_label)
        self._fit_clean_line()
        self.setWidget(self.clean)
        self._table: FindingsTable | None = None
        self._font = None
        self.findings: list[Finding] = []
        self.states: list[str] | None = None

    @property
    def table(self) -> FindingsTable:
        if self._table is None:
            from .table import FindingsTable

            self._table = table = FindingsTable(self)
            table.hide()
            table.cellActivated.connect(self._activate)
            table.cellDoubleClicked.connect(self._activate)
            if self._font is not None:
                table.set_zoom_font(self._font)
        return self._table

    def is_compact(self) -> bool:
        """True while the panel shows its one line (nothing to report)."""
        return self.widget() is self.clean

    def _fit_clean_line(self) -> None:
        self.clean.setMaximumHeight(self.clean_label.sizeHint().height())

    def set_zoom_font(self, font) -> None:
        self._font = font
        self.clean_label.setFont(font)
        self._fit_clean_line()
        if self._table is not None:
            self._table.set_zoom_font(font)

    def set_findings(self, findings: list[Finding], states: list[str] | None = None) -> None:
        """Show findings (this runs after every edit); states: one per finding (see table.STATE_COLOURS)."""
        self.findings = list(findings)
        self.states = states
        if findings:
            self.table.show_findings(findings, states)
            self._show(self.table)
        elif self._table is not None:
            self._show(self.clean)
            self._table.show_findings([])

    def _show(self, widget: QWidget) -> None:
        old = self.widget()
        if old is widget:
            return
        self.setWidget(widget)  # the dock does not delete the widget it replaces, nor hide it
        old.hide()
        widget.show()

    def _activate(self, row: int, _col: int = 0) -> None:
        if 0 <= row < len(self.findings):
            self.activated.emit(self.findings[row])

    def row_of(self, finding: Finding) -> int:
        return self.findings.index(finding)
