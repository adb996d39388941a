"""The spreadsheet view of one table section: printed merges, spreadsheet keys, copy/paste, row fitting."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QLineEdit, QMenu, QTableView

from model.errors import InputError
from model.formats.definition import CellKind
from model.grid import GridCell, Role

from .clipboard import convert_money, copy_text, plan_paste
from .frozen_rows import FrozenRows
from ..text_menus import use_chinese_menu
from .last_year_line import LastYearDelegate
from .model import GridModel

CA = QAbstractItemView.CursorAction
Hint = QAbstractItemDelegate.EndEditHint
_STEPS = {CA.MoveUp: (-1, 0), CA.MoveDown: (1, 0), CA.MoveLeft: (0, -1), CA.MoveRight: (0, 1)}


class CellDelegate(LastYearDelegate):
    """A frameless right-aligned line editor, like a spreadsheet cell; last year's figure as a faint second line."""

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setFrame(False)
        use_chinese_menu(editor)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor


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
        self.setItemDelegate(CellDelegate(self))
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
        self._base_widths = [self.columnWidth(c) for c in range(self.grid.cols)]
        self.fit_rows(fm)
        self.spread()

    def spread(self) -> None:
        """Widen the number columns into spare width (up to half as wide again), like the printed form."""
        base = getattr(self, "_base_widths", None)
        values = range(self._label_cols, self.grid.cols)
        if not base or not values:
            return
        spare = self.viewport().width() - sum(base)
        extra = max(0, min(spare // len(values), base[-1] // 2))
        for col in values:
            if self.columnWidth(col) != base[col] + extra:
                self.setColumnWidth(col, base[col] + extra)

    def fit_rows(self, fm: QFontMetrics) -> None:
        base = fm.height() + 12
        heights = [base] * self.grid.rows
        tall = []
        for cell in self.grid.cells:
            if cell.role is Role.VALUE or not cell.text:
                continue
            width = sum(self.columnWidth(c) for c in range(cell.col, cell.col + cell.colspan)) - 10
            flags = int(Qt.TextFlag.TextWordWrap)
            need = fm.boundingRect(QRect(0, 0, max(width, 10), 100000), flags, cell.text).height() + 12
            if cell.rowspan == 1:
                heights[cell.row] = max(heights[cell.row], need)
            else:
                tall.append((cell, need))
        if self.itemDelegate().show_last_year:  # room for last year's figure under the number
            two_lines = fm.height() + self.itemDelegate().note_height(self.font()) + 10
            for row in range(self.grid.rows):
                if self.model().has_last_year(row):
                    heights[row] = max(heights[row], two_lines)
        for cell, need in tall:
            have = sum(heights[cell.row:cell.row + cell.rowspan])
            if need > have:
                heights[cell.row + cell.rowspan - 1] += need - have
        for row, height in enumerate(heights):
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

    # ---- keys: copy, paste, clear, Enter ----

    def keyPressEvent(self, event) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif not editing and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_selection()
        elif not editing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._move_down()
        else:
            super().keyPressEvent(event)

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
        model.session.set_cells(plan, f"粘贴 {len(plan)} 个单元格")
        self.message.emit(f"已粘贴 {len(plan)} 个单元格")

    def clear_selection(self) -> None:
        model = self.model()
        cells = [c for c in self.selected_cells() if model.is_editable(c)]
        if cells:
            model.session.set_cells([(c.ref, model.cleared(c)) for c in cells], "清除单元格")

    # ---- money unit ----

    def contextMenuEvent(self, event) -> None:
        cell = self.model().cell(self.indexAt(event.pos()))
        if cell is None or cell.kind is not CellKind.MONEY or len(cell.column.units) < 2:
            return
        value = self.model().report.value(cell.ref)
        menu = QMenu(self)
        for unit in cell.column.units:
            action = QAction(f"以“{unit}”为单位", menu, checkable=True)
            action.setChecked(value is not None and value.unit == unit)
            action.setEnabled(value is not None)
            action.triggered.connect(lambda _=False, u=unit: self.set_money_unit(cell, u))
            menu.addAction(action)
        menu.exec(event.globalPos())

    def set_money_unit(self, cell: GridCell, unit: str) -> None:
        model = self.model()
        try:
            value = convert_money(model.report.value(cell.ref), unit, cell.column)
        except InputError as exc:
            self.message.emit(f"{model.place(cell)}：{exc.message}")
            return
        model.session.set_cells([(cell.ref, value)], f"改用{unit}")
