"""The window's actions and menus (文件, 编辑, 视图, 帮助); each job's actions (ui/files, ui/output, …) join them.

编辑's 剪切/复制/粘贴/清除/全选 act on the widget with the keyboard focus: a grid (its edit_command), or a
text field. Their shortcuts reach a grid; a text field keeps its own keys (Qt gives them to it first).
"""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


def window_action(window, text: str, slot, *keys) -> QAction:
    """A QAction of the main window, with its shortcuts working wherever the focus is in the window."""
    action = window.addAction(text)  # QAction(text, window) would also build PySide's QIcon type
    action.setShortcuts([k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys])
    action.triggered.connect(slot)
    return action


def insert_after(menu, anchor, actions: list) -> None:
    """Put actions into menu just below anchor (one of its actions)."""
    entries = menu.actions()
    at = entries.index(anchor) + 1
    menu.insertActions(entries[at] if at < len(entries) else None, actions)


EDIT_COMMANDS = (  # (name, menu text, shortcut)
    ("cut", "剪切(&T)", QKeySequence.StandardKey.Cut),
    ("copy", "复制(&C)", QKeySequence.StandardKey.Copy),
    ("paste", "粘贴(&P)", QKeySequence.StandardKey.Paste),
    # Delete: shown, not a shortcut of the window (the grids and fields take the key themselves, and the
    # 检查结果 table uses it for 撤销说明: a window shortcut would make the key ambiguous there)
    ("clear", "清除(&D)\tDel", None),
    ("select_all", "全选(&A)", QKeySequence.StandardKey.SelectAll),
)


def edit_focus_widget(name: str) -> bool:
    """Run an 编辑 command on the focused widget; False when it has nothing to do there."""
    from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit

    widget = QApplication.focusWidget()
    if hasattr(widget, "edit_command"):
        widget.edit_command(name)
        return True
    if isinstance(widget, (QAbstractSpinBox, QComboBox)):
        widget = widget.lineEdit()
    if isinstance(widget, QLineEdit):
        if widget.isReadOnly() and name in ("cut", "paste", "clear"):
            return False
        getattr(widget, {"clear": "del_", "select_all": "selectAll"}.get(name, name))()
        return True
    if isinstance(widget, QPlainTextEdit):
        if name == "clear":
            widget.textCursor().removeSelectedText()
        else:
            getattr(widget, {"select_all": "selectAll"}.get(name, name))()
        return True
    return False


class WindowActions:
    """Every QAction of the main window, by name, and the menus holding them."""

    def __init__(self, window) -> None:
        self.window = window
        stack = window.undo_stack
        self.save = self._action("保存", window.save, QKeySequence.StandardKey.Save)
        self.save_as = self._action("另存为…", window.save_as, QKeySequence("Ctrl+Shift+S"))
        self.undo = stack.createUndoAction(window, "撤销")
        self.undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo = stack.createRedoAction(window, "重做")
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.zoom_in = self._action("放大", lambda: window.zoom(+1), QKeySequence("Ctrl+="),
                                    QKeySequence("Ctrl++"))
        self.zoom_out = self._action("缩小", lambda: window.zoom(-1), QKeySequence("Ctrl+-"))
        self.zoom_reset = self._action("实际大小", lambda: window.zoom(0), QKeySequence("Ctrl+0"))
        self.next_tab = self._action("下一页", lambda: window.step_tab(+1), QKeySequence("Ctrl+PgDown"),
                                     QKeySequence("Ctrl+Tab"))
        self.prev_tab = self._action("上一页", lambda: window.step_tab(-1), QKeySequence("Ctrl+PgUp"),
                                     QKeySequence("Ctrl+Shift+Tab"))
        self.edits = {name: self._action(text, lambda _=False, n=name: edit_focus_widget(n), *([key] if key else []))
                      for name, text, key in EDIT_COMMANDS}
        self.reset_layout = self._action("恢复默认布局", window.dock_layout.reset)
        self.quit = self._action("退出", window.close, QKeySequence.StandardKey.Quit)
        self.about = self._action("关于…", self.show_about)
        for action in (self.undo, self.redo):
            window.addAction(action)
        self._menus()

    def _action(self, text, slot, *keys) -> QAction:
        return window_action(self.window, text, slot, *keys)

    def _menus(self) -> None:
        bar = self.window.menuBar()
        self.file_menu = bar.addMenu("文件(&F)")
        self.file_menu.addActions([self.save, self.save_as])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.edit_menu = bar.addMenu("编辑(&E)")
        self.edit_menu.addActions([self.undo, self.redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions(list(self.edits.values()))
        self.view_menu = bar.addMenu("视图(&V)")
        self.view_menu.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.next_tab, self.prev_tab])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.window.findings_dock.toggleViewAction(), self.reset_layout])
        # the last menu: other help windows join it (help_menu.insertAction(actions.about, …)); a menu added
        # later goes before it (menuBar().insertMenu(actions.help_menu.menuAction(), menu))
        self.help_menu = bar.addMenu("帮助(&H)")
        self.help_menu.addAction(self.about)

    def show_about(self) -> None:
        from .help.about import show_about

        show_about(self.window)

    def cell_menu(self, menu) -> None:
        """A grid's right-click menu: the 编辑 commands, then undo and redo."""
        menu.addActions(list(self.edits.values()))
        menu.addSeparator()
        menu.addActions([self.undo, self.redo])

    def report_actions(self) -> list:
        """The actions that need an open report (disabled on the start page)."""
        return [self.save, self.save_as, self.next_tab, self.prev_tab, *self.edits.values()]
