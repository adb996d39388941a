"""Message boxes: question, save prompt, information, warning, failure (button texts from Qt's Chinese catalogue)."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon

# the catalogue says 丢弃 (discard); in a save prompt a clerk expects the words Word and WPS use
TEXTS = {Button.Discard: "不保存(&N)"}


def message_box(parent: QWidget | None, icon: Icon, title: str, text: str, buttons: Button,
                default: Button | None = None) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)  # Qt keeps a message box within the screen
    for button, label in TEXTS.items():
        if box.button(button) is not None:
            box.button(button).setText(label)
    if default is not None:
        box.setDefaultButton(default)
    return box


def ask_yes_no(parent: QWidget | None, title: str, text: str, default_yes: bool = False) -> bool:
    box = message_box(parent, Icon.Question, title, text, Button.Yes | Button.No,
                      Button.Yes if default_yes else Button.No)
    return box.exec() == Button.Yes


def ask_save(parent: QWidget | None, title: str, text: str) -> Button:
    """保存 / 不保存 / 取消; returns the StandardButton chosen (Escape gives Cancel)."""
    box = message_box(parent, Icon.Question, title, text, Button.Save | Button.Discard | Button.Cancel,
                      Button.Save)
    box.setEscapeButton(Button.Cancel)
    return Button(box.exec())


def inform(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, Icon.Information, title, text, Button.Ok).exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, Icon.Warning, title, text, Button.Ok).exec()


def fail(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, Icon.Critical, title, text, Button.Ok).exec()
