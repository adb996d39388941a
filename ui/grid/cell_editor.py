"""The cells of the grids: a frameless right-aligned editor refusing as typed what can never be a value, last
year's figure as a faint second line (LastYearDelegate)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit

from model.keystrokes import refusal

from ..window_undo import use_window_undo_menu
from .last_year_line import LastYearDelegate


class CellValidator(QValidator):
    """Invalid (the key is refused) when the text can never become a value of the cell's column; the
    reason goes to refused(text). Anything else is Acceptable: the whole value is checked on commit."""

    def __init__(self, column, place: str, refused, parent=None) -> None:
        super().__init__(parent)
        self.column, self.place, self.refused = column, place, refused

    def validate(self, text: str, pos: int):
        reason = refusal(text, self.column)
        if reason is None:
            return QValidator.State.Acceptable, text, pos
        self.refused(f"{self.place}：{reason}")
        return QValidator.State.Invalid, text, pos


class CellDelegate(LastYearDelegate):
    """A frameless right-aligned line editor, like a spreadsheet cell; refused keys are reported with
    refused(text) (the view's status-bar message). Last year's figure as a faint second line."""

    def __init__(self, refused, parent=None) -> None:
        super().__init__(parent)
        self.refused = refused

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setFrame(False)
        use_window_undo_menu(editor)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        model = index.model()
        cell = model.cell(index)
        if cell is not None and cell.column is not None:
            editor.setValidator(CellValidator(cell.column, model.place(cell), self.refused, editor))
        return editor
