"""文件 menu flows: 新建, 打开, 最近打开, drop to open (or import), the save prompt, autosave and crash recovery."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence

from model.draft import SUFFIX, load_draft
from model.errors import ReportError
from model.recovery import RecoveryStore
from model.report import Report

from .. import settings as cfg
from ..actions import window_action
from ..importing.actions import SUFFIXES as IMPORT_SUFFIXES
from .autosave import Autosaver

DRAFT_FILTER = f"年度报告草稿 (*{SUFFIX} *.json);;所有文件 (*)"


class FileActions(QObject):
    """Owns the window's file actions; the window calls after_load/after_save and maybe_save."""

    def __init__(self, window, store: RecoveryStore) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.store = store
        self.autosaver = Autosaver(store, window.undo_stack, self)
        self.autosaver.failed.connect(window.show_message)
        menu = window.actions.file_menu
        first = menu.actions()[0] if menu.actions() else None
        self.new = window_action(window, "新建…", self.new_report, QKeySequence.StandardKey.New)
        self.open = window_action(window, "打开…", self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = menu.addMenu("最近打开")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.insertActions(first, [self.new, self.open])
        menu.insertMenu(first, self.recent_menu)
        menu.insertSeparator(first)
        window.setAcceptDrops(True)

    # ---- hooks called by the window ----

    def after_load(self, report: Report, path: Path | None) -> None:
        self.autosaver.track(report, path)
        if path is not None:
            self._remember(path)

    def after_save(self, path: Path) -> None:
        self.autosaver.set_path(path)
        self.autosaver.discard()
        self._remember(path)

    def closing(self) -> None:
        """The window closes for good (saved or deliberately discarded): no recovery copy is needed."""
        self.autosaver.discard()

    def _remember(self, path: Path) -> None:
        cfg.add_recent(self.settings, path)
        cfg.remember_folder(self.settings, path)

    # ---- the save prompt ----

    def maybe_save(self) -> bool:
        """True when the open report may be replaced or closed (saved, discarded or unmodified)."""
        self.window.commit_pending_edit()
        if self.window.session is None or self.window.undo_stack.isClean():
            return True
        from ..dialogs import Button, ask_save

        answer = ask_save(self.window, "尚未保存", f"“{self.window.report.title()}”有未保存的修改。\n是否保存？")
        if answer == Button.Save:
            return self.window.save()
        return answer == Button.Discard

    # ---- new / open ----

    def new_report(self) -> bool:
        if not self.maybe_save():
            return False
        from PySide6.QtWidgets import QDialog

        from .new_report_dialog import NewReportDialog

        dialog = NewReportDialog(cfg.default_unit(self.settings), self.window)
        result = dialog.exec()
        if result == NewReportDialog.FROM_LAST_YEAR:
            return self.window.last_year.new_from_last_year(asked=True)
        if result != QDialog.DialogCode.Accepted:
            return False
        unit, year = dialog.values()
        self.settings.setValue(cfg.UNIT_KEY, unit)
        self.window.set_report(Report.for_year(year, unit), None)
        return True

    def open_dialog(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self.window, "打开草稿", cfg.last_folder(self.settings),
                                              DRAFT_FILTER)
        return bool(path) and self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Open a draft in this window, asking first about unsaved changes; a bad file changes nothing."""
        path = Path(path)
        if self.window.path is not None and _same(path, self.window.path):
            self.window.show_message("这份草稿已经打开")
            return True
        try:
            report = load_draft(path)
        except ReportError as exc:
            from ..dialogs import warn

            warn(self.window, "无法打开", exc.message)
            return False
        if not self.maybe_save():
            return False
        self.window.set_report(report, path)
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = cfg.recent_files(self.settings)
        if not files:
            self.recent_menu.addAction("（无）").setEnabled(False)
        for number, path in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {path.name}  —  {path.parent}")
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))

    def open_recent(self, path: Path) -> bool:
        if not path.exists():
            cfg.set_recent(self.settings, [p for p in cfg.recent_files(self.settings) if p != path])
            from ..dialogs import inform

            inform(self.window, "文件不存在", f"“{path}”已不存在（可能已被移动或删除），已从最近打开列表中移除。")
            return False
        return self.open_path(path)

    # ---- drop a draft on the window ----

    def drag_enter(self, event) -> None:
        """The window's dragEnterEvent: a dragged draft file is welcome."""
        if _dropped_files(event):
            event.acceptProposedAction()

    def drop(self, event) -> None:
        """The window's dropEvent: open the first dropped draft, or import a dropped Word/PDF report."""
        files = _dropped_files(event)
        if files:
            event.acceptProposedAction()
            if files[0].suffix.lower() in IMPORT_SUFFIXES:
                self.window.importing.import_path(files[0])
            else:
                self.open_path(files[0])

    # ---- crash recovery ----

    def offer_recovery(self) -> bool:
        """At start-up: offer every draft left unsaved by a crash; True when one was restored."""
        entries = self.store.pending()
        if not entries:
            return False
        from PySide6.QtWidgets import QDialog

        from .recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self.store, entries, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return False
        entry = dialog.chosen
        try:
            report = self.store.restore(entry)
        except ReportError as exc:
            from ..dialogs import warn

            warn(self.window, "无法恢复", exc.message)
            return False
        self.window.set_report(report, entry.draft_path)
        self.window.undo_stack.resetClean()  # restored edits are unsaved
        self.window.update_title()
        self.autosaver.save_now()  # the restored state is safe again before the old copy goes
        self.store.discard(entry)
        self.window.show_message("已恢复自动保存的修改，请检查后保存")
        return True


def _dropped_files(event) -> list[Path]:
    data = event.mimeData()
    if not data.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in data.urls()
            if u.isLocalFile() and u.toLocalFile().lower().endswith((".json",) + IMPORT_SUFFIXES)]


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
