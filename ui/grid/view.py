"""The spreadsheet view of one table section: printed merges, spreadsheet keys, copy/paste, row fitting."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QMenu, QTableView

from model.errors import InputError
from model.formats.definition import CellKind
from model.grid import GridCell, Role

from .cell_editor import CellDelegate
from .clipboard import compare_totals, convert_money, copy_text, plan_paste
from .frozen_rows import FrozenRows
from .model import GridModel

CA = QAbstractItemView.CursorAction
Hint = QAbstractItemDelegate.EndEditHint
_STEPS = {CA.MoveUp: (-1, 0), CA.MoveDown: (1, 0), CA.MoveLeft: (0, -1), CA.MoveRight: (0, 1)}
ROW_PADDING = 4  # px of a row above and below its line of text: rows as dense as a spreadsheet's
CELL_PADDING = 10  # px of a cell's width that its text cannot use
MAX_LABEL_EMS = 40  # the row labels' column grows to at most this many characters


class GridView(QTableView):
    """Shows a GridModel with the printed spans; Enter/Tab/arrows move like a spreadsheet."""

    message = Signal(str)  # status-bar text (refused input, paste results)

    def __init__(self, model: GridModel, parent=None) -> None:
        super().__init__(parent)
        self.frozen: FrozenRows | None = None
        self.setModel(model)
        self.grid = model.grid
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setItemDelegate(CellDelegate(self.message.emit, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        for cell in self.grid.cells:
            if cell.rowspan > 1 or cell.colspan > 1:
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        self._editable = [c for c in sorted(self.grid.value_cells(), key=lambda c: (c.row, c.col))
                          if model.is_editable(c)]
        self._label_cols = min((c.col for c in self.grid.value_cells()), default=0)
        model.rejected.connect(self.message)
        model.last_year_changed.connect(self.refit_rows)
        self.frozen = FrozenRows(self, self.grid) if self.grid.header_rows else None
        self.fit()

    # ---- layout ----

    def fit(self) -> None:
        """Column widths from the font, then row heights so every label wraps fully visible."""
        fm = QFontMetrics(self.font())
        em = fm.horizontalAdvance("中")
        values = self.grid.cols - self._label_cols
        value_width = int(em * (8 if values <= 4 else 6))
        for col in range(self.grid.cols):
            if col >= self._label_cols:
                width = value_width
            elif col == self._label_cols - 1:
                width = int(em * (15 if self._label_cols > 1 else 11))
            else:
                width = int(em * 4.6)
            self.setColumnWidth(col, width)
        self._base_widths = base = [self.columnWidth(c) for c in range(self.grid.cols)]
        self._label_need = self._one_line_label_width(fm, base, int(em * MAX_LABEL_EMS))
        self.fit_rows(fm)
        self.spread()

    def _one_line_label_width(self, fm: QFontMetrics, base: list[int], most: int) -> int:
        """The width of the last label column at which every row label ending there fits one line."""
        last = self._label_cols - 1
        need = base[last] if last >= 0 else 0
        for cell in self.grid.cells:
            if cell.role is Role.LABEL and cell.rowspan == 1 and cell.col + cell.colspan - 1 == last:
                others = sum(base[cell.col:last])
                need = max(need, fm.horizontalAdvance(cell.text) + CELL_PADDING + 4 - others)
        return min(need, most)

    def spread(self) -> None:
        """Share spare width: first to the row labels, until each fits one line (rows stay one line high, so
        more of them are in sight), then to the number columns (up to half as wide again), like the printed
        form."""
        base = getattr(self, "_base_widths", None)
        values = range(self._label_cols, self.grid.cols)
        if not base or not values:
            return
        spare = max(0, self.viewport().width() - sum(base))
        last = self._label_cols - 1
        label_extra = min(spare, max(0, self._label_need - base[last])) if last >= 0 else 0
        extra = max(0, min((spare - label_extra) // len(values), base[-1] // 2))
        relabelled = last >= 0 and self.columnWidth(last) != base[last] + label_extra
        if relabelled:
            self.setColumnWidth(last, base[last] + label_extra)
        for col in values:
            if self.columnWidth(col) != base[col] + extra:
                self.setColumnWidth(col, base[col] + extra)
        if relabelled:
            self.fit_rows(QFontMetrics(self.font()))

    def fit_rows(self, fm: QFontMetrics) -> None:
        base = fm.height() + ROW_PADDING
        heights = [base] * self.grid.rows
        tall = []
        for cell in self.grid.cells:
            if cell.role is Role.VALUE or not cell.text:
                continue
            width = sum(self.columnWidth(c) for c in range(cell.col, cell.col + cell.colspan)) - CELL_PADDING
            flags = int(Qt.TextFlag.TextWordWrap)
            need = fm.boundingRect(QRect(0, 0, max(width, 10), 100000), flags, cell.text).height() + ROW_PADDING
            if cell.rowspan == 1:
                heights[cell.row] = max(heights[cell.row], need)
            else:
                tall.append((cell, need))
        if self.itemDelegate().show_last_year:  # room for last year's figure under the number
            two_lines = fm.height() + self.itemDelegate().note_height(self.font()) + 10
            for row in self.model().last_year_rows():
                heights[row] = max(heights[row], two_lines)
        for cell, need in tall:
            have = sum(heights[cell.row:cell.row + cell.rowspan])
            if need > have:
                heights[cell.row + cell.rowspan - 1] += need - have
        for row, height in enumerate(heights):
            if self.rowHeight(row) != height:
                self.setRowHeight(row, height)
        if self.frozen is not None:
            self.frozen.sync()

    def refit_rows(self) -> None:
        self.fit_rows(QFontMetrics(self.font()))

    def set_show_last_year(self, on: bool) -> None:
        """视图 ▸ 显示上年数: last year's figures as a faint second line in their cells (always in the tooltip)."""
        delegate = self.itemDelegate()
        if delegate.show_last_year != on:
            delegate.show_last_year = on
            self.refit_rows()
            self.viewport().update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.spread()
        if self.frozen is not None:
            self.frozen.place()
        if event.size().height() < event.oldSize().height() and self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())  # the 检查结果 panel grew: the cell being filled stays in sight

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """As QTableView does, but a cell must not end up hidden under the frozen header rows."""
        super().scrollTo(index, hint)
        if self.frozen is None or index.row() < self.grid.header_rows:
            return
        top = self.visualRect(index).top()
        covered = self.frozen.height_of_rows()
        if top < covered:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - (covered - top))

    def set_zoom_font(self, font) -> None:
        self.setFont(font)
        self.fit()

    # ---- cursor movement ----

    def first_editable(self):
        cell = self._editable[0]
        return self.model().index(cell.row, cell.col)

    def focus_first(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.model().is_editable(self.model().cell(self.currentIndex())):
            self.setCurrentIndex(self.first_editable())
            self.scrollToTop()  # its block's title and headers stay in sight, even if the view is not laid out yet

    def current_cell(self) -> GridCell | None:
        index = self.currentIndex()
        return self.grid.at(index.row(), index.column()) if index.isValid() else None

    def moveCursor(self, action, modifiers):
        cell = self.current_cell()
        if cell is None:
            return self.first_editable()
        if action in (CA.MoveNext, CA.MovePrevious):
            return self._next_editable(cell, 1 if action == CA.MoveNext else -1)
        if action in _STEPS:
            return self._step(cell, *_STEPS[action], editable_only=False)
        if action in (CA.MoveHome, CA.MoveEnd):
            row = [c for c in self.grid.value_cells() if c.row == cell.row]
            target = row[0] if action == CA.MoveHome else row[-1]
            return self.model().index(target.row, target.col)
        return super().moveCursor(action, modifiers)

    def _next_editable(self, cell: GridCell, step: int):
        key = (cell.row, cell.col)
        order = self._editable if step > 0 else list(reversed(self._editable))
        for c in order:
            if ((c.row, c.col) > key) if step > 0 else ((c.row, c.col) < key):
                return self.model().index(c.row, c.col)
        return self.model().index(cell.row, cell.col)

    def _step(self, cell: GridCell, dr: int, dc: int, editable_only: bool):
        r, c = cell.row, cell.col
        while 0 <= r + dr < self.grid.rows and 0 <= c + dc < self.grid.cols:
            r, c = r + dr, c + dc
            found = self.grid.at(r, c)
            if found is not None and found is not cell and found.role is Role.VALUE and (
                    not editable_only or self.model().is_editable(found)):
                return self.model().index(found.row, found.col)
        return self.model().index(cell.row, cell.col)

    def _move_down(self) -> None:
        cell = self.current_cell()
        if cell is not None:
            self.setCurrentIndex(self._step(cell, 1, 0, editable_only=True))

    def closeEditor(self, editor, hint) -> None:
        if hint == Hint.SubmitModelCache:  # Enter: commit and move down
            super().closeEditor(editor, Hint.NoHint)
            self._move_down()
        elif hint in (Hint.EditNextItem, Hint.EditPreviousItem):  # Tab: commit and move right
            super().closeEditor(editor, Hint.NoHint)
            cell = self.current_cell()
            if cell is not None:
                self.setCurrentIndex(self._next_editable(cell, 1 if hint == Hint.EditNextItem else -1))
        else:
            super().closeEditor(editor, hint)

    # ---- keys and the 编辑 menu: cut, copy, paste, clear, select all ----

    def keyPressEvent(self, event) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Cut):
            self.cut_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif not editing and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_selection()
        elif not editing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._move_down()
        else:
            super().keyPressEvent(event)

    def edit_command(self, name: str) -> None:
        """编辑 ▸ 剪切/复制/粘贴/清除/全选 (the window's menu and this grid's right-click menu)."""
        {"cut": self.cut_selection, "copy": self.copy_selection, "paste": self.paste,
         "clear": self.clear_selection, "select_all": self.select_all_values}[name]()

    def selected_cells(self) -> list[GridCell]:
        model = self.model()
        cells = [model.cell(i) for i in self.selectionModel().selectedIndexes()]
        cells = [c for c in cells if c is not None and c.role is Role.VALUE]
        current = self.current_cell()
        if not cells and current is not None and current.role is Role.VALUE:
            cells = [current]
        return cells

    def copy_selection(self) -> None:
        cells = self.selected_cells()
        if cells:
            QGuiApplication.clipboard().setText(copy_text(self.model(), cells))
            self.message.emit(f"已复制 {len(cells)} 个单元格")

    def cut_selection(self) -> None:
        """Copy, then clear what can be cleared (totals stay: they are computed), as one undo step."""
        cells = self.selected_cells()
        if cells:
            QGuiApplication.clipboard().setText(copy_text(self.model(), cells))
            cleared = self.clear_selection("剪切")
            self.message.emit(f"已剪切 {len(cells)} 个单元格" + ("" if cleared else "（均为自动计算的总计，未清除）"))

    def paste(self) -> None:
        cell = self.current_cell()
        text = QGuiApplication.clipboard().text()
        if cell is None or cell.role is not Role.VALUE or not text:
            return
        model = self.model()
        try:
            plan = plan_paste(model, cell, text)
        except InputError as exc:
            self.message.emit(exc.message)
            return
        model.session.set_cells(plan.values, f"粘贴 {len(plan.values)} 个单元格")
        totals = compare_totals(model, plan.totals)
        self.message.emit(f"已粘贴 {len(plan.values)} 个单元格" + (f"；{totals}" if totals else ""))

    def clear_selection(self, text: str = "清除单元格") -> int:
        model = self.model()
        cells = [c for c in self.selected_cells() if model.is_editable(c)]
        if cells:
            model.session.set_cells([(c.ref, model.cleared(c)) for c in cells], text)
        return len(cells)

    def select_all_values(self) -> None:
        self.selectAll()
        self.message.emit("已全选本表的数字格")

    # ---- right-click menu: the 编辑 commands, undo/redo, and the money unit ----

    def contextMenuEvent(self, event) -> None:
        index = self.indexAt(event.pos())
        cell = self.model().cell(index)
        if cell is not None and cell.role is Role.VALUE and not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)  # as in a spreadsheet: the menu is for the cell clicked
        menu = QMenu(self)
        actions = getattr(self.window(), "actions", None)
        if actions is not None and hasattr(actions, "cell_menu"):
            actions.cell_menu(menu)
        if cell is not None and cell.kind is CellKind.MONEY and len(cell.column.units) > 1:
            menu.addSeparator()
            self._unit_actions(menu, cell)
        if menu.actions():
            menu.exec(event.globalPos())
        menu.deleteLater()

    def _unit_actions(self, menu: QMenu, cell: GridCell) -> None:
        value = self.model().report.value(cell.ref)
        for unit in cell.column.units:
            action = QAction(f"以“{unit}”为单位", menu, checkable=True)
            action.setChecked(value is not None and value.unit == unit)
            action.setEnabled(value is not None)
            action.triggered.connect(lambda _=False, u=unit: self.set_money_unit(cell, u))
            menu.addAction(action)

    def set_money_unit(self, cell: GridCell, unit: str) -> None:
        model = self.model()
        try:
            value = convert_money(model.report.value(cell.ref), unit, cell.column)
        except InputError as exc:
            self.message.emit(f"{model.place(cell)}：{exc.message}")
            return
        model.session.set_cells([(cell.ref, value)], f"改用{unit}")
