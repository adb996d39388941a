"""The table of the 检查结果 panel, one finding per row (explained warnings greyed); imported at the first finding."""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableWidget, QTableWidgetItem

from model.rules import Finding, Severity

from .. import style

# the most useful first: what and where in short, then the message; the long row and column labels last
HEADERS = ("类型", "部分", "说明", "行", "列")
MESSAGE_COLUMN = 2
# fixed widths in characters of the panel's font (the message takes the rest): they never jump as findings
# come and go; a longer label is elided (the tooltip shows it whole)
WIDTHS = {0: 3.6, 1: 4.8, 3: 16, 4: 8}  # 部分: 基本信息 whole


class FindingsTable(QTableWidget):
    """Read-only rows: severity, section number, message, row, column; a menu (right-click, F2, Delete) to
    explain a warning."""

    explain_requested = Signal(int)  # row
    withdraw_requested = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.findings: list[Finding] = []
        self.explain_action = self._action("说明此警告…", "F2", self.explain_requested)
        self.withdraw_action = self._action("撤销说明", "Delete", self.withdraw_requested)
        self.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.setHorizontalHeaderLabels(HEADERS)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        for col in range(len(HEADERS)):
            mode = QHeaderView.ResizeMode.Stretch if col == MESSAGE_COLUMN else QHeaderView.ResizeMode.Fixed
            header.setSectionResizeMode(col, mode)
        self._brushes = {Severity.ERROR: QBrush(QColor(style.ERROR_TEXT)),
                         Severity.WARNING: QBrush(QColor(style.WARNING_TEXT))}
        self._grey = QBrush(QColor(style.EXPLAINED_TEXT))
        self._black = QBrush(QColor(style.PANEL_TEXT))
        self._fit_columns()

    def _action(self, text: str, key: str, signal) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(QtCore.Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda: signal.emit(self.currentRow()))
        self.addAction(action)
        return action

    def _current(self) -> Finding | None:
        row = self.currentRow()
        return self.findings[row] if 0 <= row < len(self.findings) else None

    def _update_actions(self) -> None:
        f = self._current()
        self.explain_action.setEnabled(f is not None and f.severity is Severity.WARNING)
        self.explain_action.setText("修改说明…" if f is not None and f.explained else "说明此警告…")
        self.withdraw_action.setEnabled(f is not None and f.explained)

    def _menu(self, pos) -> None:
        row = self.rowAt(pos.y())
        if row < 0:
            return
        self.setCurrentCell(row, self.currentColumn() if self.currentColumn() >= 0 else 0)
        self._update_actions()
        menu = QMenu(self)
        menu.addActions([self.explain_action, self.withdraw_action])
        if self._current().severity is Severity.ERROR:
            menu.addSeparator()
            menu.addAction("错误须改正，不能说明").setEnabled(False)
        menu.exec(self.viewport().mapToGlobal(pos))

    def currentChanged(self, current, previous) -> None:
        super().currentChanged(current, previous)
        self._update_actions()

    def set_zoom_font(self, font) -> None:
        self.setFont(font)
        self.verticalHeader().setDefaultSectionSize(QFontMetrics(font).height() + 8)
        self._fit_columns()

    def _fit_columns(self) -> None:
        em = QFontMetrics(self.font()).horizontalAdvance("中")
        for col, chars in WIDTHS.items():
            self.setColumnWidth(col, round(em * chars))

    def show_findings(self, findings: list[Finding]) -> None:
        """Runs after every edit: touches only the items whose text changed, so only they are repainted
        (setUpdatesEnabled(False/True) around this would repaint the whole panel every time)."""
        self.findings = list(findings)
        self.setRowCount(len(findings))
        self._update_actions()
        for row, f in enumerate(findings):
            brush = self._grey if f.explained else None
            for col, text in enumerate(cells(f)):
                item = self.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(row, col, item)
                if item.text() != text:
                    item.setText(text)
                    item.setToolTip(tooltip(f) if col == MESSAGE_COLUMN else (f.section if col == 1 else text))
                # Qt ignores a brush equal to the one held (no repaint)
                item.setForeground(brush or (self._brushes[f.severity] if col == 0 else self._black))


def cells(f: Finding) -> tuple[str, ...]:
    """The columns of a finding, in HEADERS order (the section by its number: 三): an explained warning says
    已说明 and shows its explanation."""
    section = f.section.split("、", 1)[0]
    if f.explained:
        return "已说明", section, f"{f.message}（说明：{f.explanation}）", f.row, f.column
    message = f"{f.message}　提示：{f.hint}" if f.hint else f.message
    return f.severity.label, section, message, f.row, f.column


def tooltip(f: Finding) -> str:
    lines = [f.message]
    if f.explained:
        lines.append(f"已说明：{f.explanation}")
    elif f.hint:
        lines.append(f"提示：{f.hint}")
    if not f.explained and f.severity is Severity.WARNING:
        lines.append("右键可“说明”此警告（如确有原因，写明后标为已说明）")
    return "\n".join(lines)
