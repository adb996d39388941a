"""文件 ▸ 导入 Word/PDF 报告… (and a .docx/.pdf dropped on the window), 编辑 ▸ 采用计算的总计."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject

from .. import settings as cfg
from ..actions import insert_after, window_action


class ImportActions(QObject):
    """Imports a report into a new, unsaved report of the window; accepts computed totals (undoable)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.import_action = window_action(window, "导入 Word/PDF 报告…", self.import_dialog)
        # below 最近打开, with the other ways of getting a report
        insert_after(window.actions.file_menu, window.files.recent_menu.menuAction(), [self.import_action])
        self.accept_totals = window_action(window, "采用计算的总计", self.accept_computed_totals)
        self.accept_totals.setToolTip("不再核对导入的报告中填报的总计，改用由各分项计算的总计（可撤销）")
        edit = window.actions.edit_menu
        edit.addSeparator()
        edit.addAction(self.accept_totals)
        edit.aboutToShow.connect(self.update_actions)
        window.undo_stack.indexChanged.connect(self.update_actions)  # accepted, undone, redone, another report
        self.update_actions()

    # ---- import ----

    def import_dialog(self) -> bool:
        from ..file_dialogs import DOCUMENTS, file_to_open

        path = file_to_open(self.window, "导入 Word/PDF 报告", self.settings, DOCUMENTS)
        return path is not None and self.import_path(path)

    def import_path(self, path: Path) -> bool:
        """Read path, show the summary, and on 打开为新报告 show it as a new unsaved report (the open report is
        kept unless the clerk agrees to replace it); a refused file changes nothing."""
        result = self.read(Path(path))
        if result is None:
            return False
        from PySide6.QtWidgets import QDialog

        from .summary_dialog import ImportSummaryDialog

        dialog = ImportSummaryDialog(result, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or not self.window.files.maybe_save():
            return False
        window = self.window
        window.set_report(result.report, None)
        window.undo_stack.resetClean()  # imported, not yet saved: closing asks to save it
        window.update_title()
        cfg.remember_folder(self.settings, Path(path))
        self.update_actions()
        errors, warnings = result.counts()
        window.show_message(f"已导入“{Path(path).name}”：{errors} 个错误，{warnings} 个警告。请核对后保存")
        return True

    def read(self, path: Path):
        from model.errors import ReportError

        from ..wait_cursor import wait_cursor

        try:
            with wait_cursor():
                from importer import import_file

                return import_file(path)
        except ReportError as exc:
            message = exc.message
        from ..dialogs import warn

        warn(self.window, "无法导入", message)
        return None

    # ---- the printed totals ----

    def update_actions(self, *_args) -> None:
        if not shiboken6.isValid(self.accept_totals):  # the window is being destroyed
            return
        report = self.window.report
        if report is None or not report.stated_totals:  # (model.printed_totals waits for a report that has them)
            self.accept_totals.setEnabled(False)
            return
        from model.printed_totals import in_force

        self.accept_totals.setEnabled(in_force(report))

    def accept_computed_totals(self) -> bool:
        from model.printed_totals import in_force

        session = self.window.session
        if session is None or not in_force(session.report):
            return False
        from .commands import AcceptTotalsCommand

        session.undo_stack.push(AcceptTotalsCommand(session, datetime.now().isoformat(timespec="seconds")))
        self.window.show_message("已采用计算的总计，不再核对报告中填报的总计（可撤销）")
        return True
