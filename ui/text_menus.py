"""Right-click menus of text fields with the window's undo/redo instead of their own: in this window Ctrl+Z and
Ctrl+Y, 编辑 ▸ 撤销/重做 and the right-click 撤销/重做 undo the report's edits (its undo stack), not the field's
own typing history.

The menus' texts come from Qt's Chinese catalogue (ui.translations).
"""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QObject

from .event_filters import install_filter

HIDDEN = ("edit-undo", "edit-redo")


class _WindowUndoMenus(QObject):
    def eventFilter(self, obj, event) -> bool:
        if event.type() != QtCore.QEvent.Type.ContextMenu:
            return False
        field = obj if hasattr(obj, "createStandardContextMenu") else obj.parent()  # a text editor's viewport
        if not hasattr(field, "createStandardContextMenu"):
            return False
        menu = with_window_undo(without_field_undo(field.createStandardContextMenu()), field.window())
        menu.exec(event.globalPos())
        menu.deleteLater()
        return True


def without_field_undo(menu):
    """Drop the standard undo/redo actions and the separator they leave at the top."""
    for action in menu.actions():
        if action.objectName() in HIDDEN:
            menu.removeAction(action)
    while menu.actions() and menu.actions()[0].isSeparator():
        menu.removeAction(menu.actions()[0])
    return menu


def with_window_undo(menu, window):
    """The window's 撤销/重做 (the same actions as its 编辑 menu) at the top of menu, as in the grids' menu."""
    actions = getattr(window, "actions", None)
    undo, redo = getattr(actions, "undo", None), getattr(actions, "redo", None)
    if undo is not None and redo is not None:
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, [undo, redo])
        menu.insertSeparator(first)
    return menu


_FILTER: list[_WindowUndoMenus] = []


def use_window_undo_menu(widget) -> None:
    if not _FILTER:
        _FILTER.append(_WindowUndoMenus())
    install_filter(widget, _FILTER[0])
    if hasattr(widget, "viewport"):  # QPlainTextEdit gets its right-clicks through the viewport
        install_filter(widget.viewport(), _FILTER[0])
