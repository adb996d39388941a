"""The dockable 检查结果 panel: every finding (severity, section, message, row, column); double-click jumps;
one compact line when there is nothing to report."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

from model.rules import Finding

if TYPE_CHECKING:
    from .table import FindingsTable


class FindingsPanel(QDockWidget):
    """Lists findings; emits activated(Finding) on double-click or Enter.

    With nothing to report the whole panel is one line, 检查结果：检查通过… in place of its title bar, over an
    empty body (the window gives the rest to the form: tab 三 shows its balance rows whole); the title bar
    and the table of findings come back when there are some.
    The table is built when first needed, which keeps it off the start-up path of a report that checks clean;
    from then on it stays, and only its changed rows are repainted after an edit.
    """

    activated = Signal(object)
    CLEAN_TEXT = "检查结果：检查通过，没有发现错误或警告。"

    def __init__(self, parent=None) -> None:
        super().__init__("检查结果", parent)
        self.setObjectName("findings_dock")
        self.clean = QWidget(self)  # the empty body under the one line
        self.clean.setMaximumHeight(0)
        self.clean_label = QLabel(self.CLEAN_TEXT, self)  # dragged like a title bar (it ignores the mouse)
        self.clean_label.setContentsMargins(6, 3, 6, 3)
        self.setTitleBarWidget(self.clean_label)
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

    def set_zoom_font(self, font) -> None:
        self._font = font
        self.clean_label.setFont(font)
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
        compact = widget is self.clean
        self.setTitleBarWidget(self.clean_label if compact else None)  # None: the dock's own title bar
        self.clean_label.setVisible(compact)
        self.setWidget(widget)  # the dock does not delete the widget it replaces, nor hide it
        old.hide()
        widget.show()

    def _activate(self, row: int, _col: int = 0) -> None:
        if 0 <= row < len(self.findings):
            self.activated.emit(self.findings[row])

    def row_of(self, finding: Finding) -> int:
        return self.findings.index(finding)
