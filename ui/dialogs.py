"""Message boxes (question, save prompt, information, warning, failure, a choice) and dialog buttons; the
standard button texts come from Qt's Chinese catalogue (ui.translations)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

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


def choose(parent: QWidget | None, icon: Icon, title: str, text: str, choices: list[str],
           default: str | None = None, escape: str | None = None) -> str | None:
    """A message box with buttons labelled by choices (the first is the accepting one, a choice called 取消
    rejects); returns the label clicked, or escape (None when not given) for Escape or the close button."""
    box = QMessageBox(icon, title, text, Button.NoButton, parent)
    buttons = {}
    for i, label in enumerate(choices):
        role = (QMessageBox.ButtonRole.RejectRole if label == "取消"
                else QMessageBox.ButtonRole.AcceptRole if i == 0 else QMessageBox.ButtonRole.ActionRole)
        buttons[label] = box.addButton(label, role)
    if default in buttons:
        box.setDefaultButton(buttons[default])
    if escape in buttons:
        box.setEscapeButton(buttons[escape])
    box.exec()
    clicked = box.clickedButton()
    return next((label for label, button in buttons.items() if button is clicked), escape)


def ok_cancel_buttons(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    """The OK (named ok_text, else 确定) and 取消 (Qt's Chinese catalogue) buttons of a dialog, accepting and
    rejecting it."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
