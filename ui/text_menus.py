"""Chinese right-click menus for text fields (the Qt wheels ship no Chinese translation of them).

Undo and redo are left out: in this window they belong to the report's undo stack (编辑 menu,
Ctrl+Z / Ctrl+Y), not to the field's own history.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

LABELS = {
    "edit-cut": "剪切(&T)\tCtrl+X",
    "edit-copy": "复制(&C)\tCtrl+C",
    "edit-paste": "粘贴(&P)\tCtrl+V",
    "edit-delete": "删除(&D)",
    "select-all": "全选(&A)\tCtrl+A",
}
HIDDEN = ("edit-undo", "edit-redo")


class _ChineseMenus(QObject):
    def eventFilter(self, obj, event) -> bool:
        if event.type() != QEvent.Type.ContextMenu:
            return False
        field = obj if hasattr(obj, "createStandardContextMenu") else obj.parent()  # a text editor's viewport
        if not hasattr(field, "createStandardContextMenu"):
            return False
        menu = chinese_menu(field.createStandardContextMenu())
        menu.exec(event.globalPos())
        menu.deleteLater()
        return True


def chinese_menu(menu):
    """Rename the standard actions, drop undo/redo and the separator they leave at the top."""
    for action in menu.actions():
        name = action.objectName()
        if name in HIDDEN:
            menu.removeAction(action)
        elif name in LABELS:
            action.setText(LABELS[name])
    while menu.actions() and menu.actions()[0].isSeparator():
        menu.removeAction(menu.actions()[0])
    return menu


_FILTER: list[_ChineseMenus] = []


def use_chinese_menu(widget) -> None:
    if not _FILTER:
        _FILTER.append(_ChineseMenus())
    widget.installEventFilter(_FILTER[0])
    if hasattr(widget, "viewport"):  # QPlainTextEdit gets its right-clicks through the viewport
        widget.viewport().installEventFilter(_FILTER[0])
