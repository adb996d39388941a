"""The dockable 检查结果 panel: every finding (severity, section, message, row, column); double-click jumps;
a warning can be explained (说明…, F2) and its explanation withdrawn (撤销说明, Delete); one compact line when
there is nothing to report."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

from model.rules import Finding

if TYPE_CHECKING:
    from .table import FindingsTable


class FindingsPanel(QDockWidget):
    """Lists findings; emits activated(Finding) on double-click or Enter.

    Compact, the whole panel is one line, 检查结果：检查通过… in place of its title bar, over an empty body:
    the window gives the rest to the form (tab 三 shows its balance rows whole). It is compact when a report
    that checks clean is opened, and when the clerk moves to another tab with nothing to report (compact());
    the first finding opens the table of findings, which then stays while the clerk types (the last finding
    mended leaves the same line inside it): the form does not jump up and down with every number typed.

    The table is built when first needed, which keeps it off the start-up path of a report that checks clean;
    after an edit only its changed rows are repainted.
    """

    activated = Signal(object)
    explain_requested = Signal(object)  # a warning to explain, or whose explanation to change
    withdraw_requested = Signal(object)  # an explained warning whose explanation to withdraw
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
        self.empty_label: QLabel | None = None  # the same words inside the table, while it is empty
        self._font = None
        self.findings: list[Finding] = []

    @property
    def table(self) -> FindingsTable:
        if self._table is None:
            from .table import FindingsTable

            self._table = table = FindingsTable(self)
            table.hide()
            table.cellActivated.connect(self._activate)
            table.cellDoubleClicked.connect(self._activate)
            table.explain_requested.connect(lambda row: self._emit(self.explain_requested, row))
            table.withdraw_requested.connect(lambda row: self._emit(self.withdraw_requested, row))
            self.empty_label = QLabel(self.CLEAN_TEXT, table.viewport())
            self.empty_label.setContentsMargins(8, 4, 8, 4)
            self.empty_label.hide()
            if self._font is not None:
                table.set_zoom_font(self._font)
                self.empty_label.setFont(self._font)
            self.empty_label.adjustSize()
        return self._table

    def height_for_rows(self, most_rows: int = 5) -> int:
        """The panel's height showing its findings (at least three rows, at most most_rows), title bar included."""
        table = self.table
        rows = max(3, min(most_rows, len(self.findings)))
        title = self.fontMetrics().height() + 8
        return (title + table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize()
                + 2 * table.frameWidth() + 4)

    def is_compact(self) -> bool:
        """True while the panel is its one line."""
        return self.widget() is self.clean

    def set_zoom_font(self, font) -> None:
        self._font = font
        self.clean_label.setFont(font)
        if self._table is not None:
            self._table.set_zoom_font(font)
            self.empty_label.setFont(font)
            self.empty_label.adjustSize()

    def set_findings(self, findings: list[Finding]) -> None:
        """Show findings (this runs after every edit; an explained warning is shown greyed)."""
        self.findings = list(findings)
        if findings:
            self.table.show_findings(findings)
            self.empty_label.setVisible(False)
            self._show(self.table)
        elif self._table is not None:
            self._table.show_findings([])
            self.empty_label.setVisible(not self.is_compact())

    def compact(self) -> bool:
        """One line again if there is nothing to report (True when the panel changed)."""
        if self.findings or self.is_compact():
            return False
        self._show(self.clean)
        return True

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

    def _emit(self, signal, row: int) -> None:
        if 0 <= row < len(self.findings):
            signal.emit(self.findings[row])
