"""The dockable 检查结果 panel: every finding (severity, section, row, column, message); double-click jumps;
a warning can be explained (说明…, F2) and its explanation withdrawn (撤销说明, Delete)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

from model.rules import Finding

if TYPE_CHECKING:
    from .table import FindingsTable


class FindingsPanel(QDockWidget):
    """Lists findings; emits activated(Finding) on double-click or Enter.

    Until the first finding it shows one line of text: the table is built when first needed,
    which keeps it off the start-up path of a report that checks clean. From then on the table stays,
    and the line shows inside it whenever it is empty: the panel is not laid out and repainted anew
    each time the last error is mended or the first one made.
    """

    activated = Signal(object)
    explain_requested = Signal(object)  # a warning to explain, or whose explanation to change
    withdraw_requested = Signal(object)  # an explained warning whose explanation to withdraw

    def __init__(self, parent=None) -> None:
        super().__init__("检查结果", parent)
        self.setObjectName("findings_dock")
        self.clean = QWidget(self)
        self.clean_label = QLabel("检查通过：没有发现错误或警告。", self.clean)
        self.clean_label.setContentsMargins(8, 4, 8, 4)
        box = QVBoxLayout(self.clean)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.clean_label)
        box.addStretch(1)  # the line stays at the top of the panel
        self.setWidget(self.clean)
        self._table: FindingsTable | None = None
        self._font = None
        self.findings: list[Finding] = []

    @property
    def table(self) -> FindingsTable:
        if self._table is None:
            from .table import FindingsTable

            self._table = table = FindingsTable(self)
            table.cellActivated.connect(self._activate)
            table.cellDoubleClicked.connect(self._activate)
            table.explain_requested.connect(lambda row: self._emit(self.explain_requested, row))
            table.withdraw_requested.connect(lambda row: self._emit(self.withdraw_requested, row))
            if self._font is not None:
                table.set_zoom_font(self._font)
            self.clean_label.setParent(table.viewport())
            self.clean_label.adjustSize()
            self.setWidget(table)  # the dock does not delete the widget it replaces
            self.clean.deleteLater()
        return self._table

    def set_zoom_font(self, font) -> None:
        self._font = font
        self.clean_label.setFont(font)
        if self._table is not None:
            self._table.set_zoom_font(font)
            self.clean_label.adjustSize()

    def set_findings(self, findings: list[Finding]) -> None:
        """Show findings (this runs after every edit)."""
        self.findings = list(findings)
        if not findings and self._table is None:
            return
        self.table.show_findings(findings)
        self.clean_label.setVisible(not findings)

    def _activate(self, row: int, _col: int = 0) -> None:
        if 0 <= row < len(self.findings):
            self.activated.emit(self.findings[row])

    def _emit(self, signal, row: int) -> None:
        if 0 <= row < len(self.findings):
            signal.emit(self.findings[row])

    def row_of(self, finding: Finding) -> int:
        return self.findings.index(finding)
