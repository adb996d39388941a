"""Text fields that leave undo to the window: in this window Ctrl+Z and Ctrl+Y, 编辑 ▸ 撤销/重做 and the
right-click 撤销/重做 undo the report's edits (its undo stack), not the field's own typing history.

The right-click menus' other texts come from Qt's Chinese catalogue (ui.translations).
"""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence

from .event_filters import install_filter

HIDDEN = ("edit-undo", "edit-redo")
_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class _WindowUndoKeys(QObject):
    """Lets Ctrl+Z/Ctrl+Y reach the window's undo stack instead of a text widget's own history."""

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QtCore.QEvent.Type.ShortcutOverride and (
                any(event.matches(k) for k in _UNDO_KEYS) or _is_ctrl_y(event)):
            event.ignore()
            return True
        return False


def _is_ctrl_y(event) -> bool:
    return event.key() == QtCore.Qt.Key.Key_Y and event.modifiers() == QtCore.Qt.KeyboardModifier.ControlModifier


class _WindowUndoMenus(QObject):
    """A text field's right-click menu with the window's 撤销/重做 in place of the field's own."""

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
    """The window's 撤销/重做 (the same actions as its 编辑 menu) at the top of menu, where a text field's own
    stood; a window without them (a dialog) adds nothing."""
    actions = getattr(window, "actions", None)
    undo, redo = getattr(actions, "undo", None), getattr(actions, "redo", None)
    if undo is not None and redo is not None:
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, [undo, redo])
        menu.insertSeparator(first)
    return menu


_FILTERS: dict[type, QObject] = {}  # one filter of each kind serves every field


def _filter(kind: type) -> QObject:
    if kind not in _FILTERS:
        _FILTERS[kind] = kind()
    return _FILTERS[kind]


def use_window_undo(widget) -> None:
    """The window's undo for a form field: its keys (defer_undo_to_window) and its right-click menu."""
    defer_undo_to_window(widget)
    use_window_undo_menu(widget)


def defer_undo_to_window(widget) -> None:
    """Ctrl+Z/Ctrl+Y in widget go to the window's undo stack."""
    install_filter(widget, _filter(_WindowUndoKeys))


def use_window_undo_menu(widget) -> None:
    """widget's right-click menu offers the window's 撤销/重做 instead of its own."""
    install_filter(widget, _filter(_WindowUndoMenus))
    if hasattr(widget, "viewport"):  # QPlainTextEdit gets its right-clicks through the viewport
        install_filter(widget.viewport(), _filter(_WindowUndoMenus))
