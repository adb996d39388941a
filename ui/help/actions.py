"""帮助 ▸ 填报说明 (F1): added to the window's 帮助 menu, before 关于."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence

from ..actions import window_action


class HelpActions:
    """填报说明 opens at the section of the tab being filled in."""

    def __init__(self, window) -> None:
        self.window = window
        self.dialog = None
        self.instructions = window_action(window, "填报说明…", self.show_instructions, QKeySequence("F1"))
        window.actions.help_menu.insertAction(window.actions.about, self.instructions)

    def show_instructions(self) -> None:
        from .instructions import InstructionsWindow

        window = self.window
        if window.report is None:
            return
        index = window.tabs.currentIndex()
        section = window.pages[index].section.key if 0 < index < len(window.pages) else ""
        if self.dialog is None or self.dialog.format is not window.report.format:
            self.dialog = InstructionsWindow(window.report.format, window)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.show_section(section)
