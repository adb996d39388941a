"""文件 menu flows: 新建, 打开, 最近打开, drop to open (or import), the save prompt, autosave and crash recovery,
the draft's lock file (open in another window?) and the question before saving over a file changed on disk."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence

from model.draft import IMPORTABLE_SUFFIXES, draft_changed_since, open_draft
from model.draft_lock import DraftLock, LockInfo, acquire, lock_path
from model.errors import InputError, ReportError
from model.file_read import same_file, show_path
from model.recovery import RecoveryStore
from model.report import Report

from .. import settings as cfg
from .. import style
from ..actions import window_action
from .autosave import Autosaver


class FileActions(QObject):
    """Owns the window's file actions; the window calls after_load/after_save and maybe_save."""

    def __init__(self, window, store: RecoveryStore) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.store = store
        self.autosaver = Autosaver(store, window.undo_stack, self)
        self.autosaver.failed.connect(self._autosave_failed)
        self.autosaver.succeeded.connect(self._autosave_works)
        self.autosave_label = None  # in the status bar while autosaving fails
        self.lock: DraftLock | None = None  # this window's lock on its draft
        self.lock_holder: LockInfo | None = None  # who had the draft open when this window opened it anyway
        self._prepared: tuple[Path, DraftLock | None, LockInfo | None] | None = None
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
        self._follow_lock(path)
        if path is not None:
            self._remember(path)

    def after_save(self, path: Path) -> None:
        self.autosaver.set_path(path)
        self.autosaver.discard()
        self._follow_lock(path)
        self._remember(path)

    def save_failed(self) -> str:
        """保存 failed: the edits stay in the window; write the recovery copy now. Returns what to tell."""
        if self.window.undo_stack.isClean():
            return "报告本身没有未保存的修改。"
        if self.autosaver.save_now():
            return "修改仍保留在本窗口中，并已写入自动恢复副本。请换一个位置另存为，或解决问题后再保存。"
        return "修改仍保留在本窗口中（自动恢复副本也未能写入）。请换一个位置另存为。"

    def closing(self) -> None:
        """The window closes for good (saved or deliberately discarded): no recovery copy is needed."""
        self.autosaver.discard()
        self.release_lock()

    # ---- autosave failures stay visible until autosaving works again ----

    def _autosave_failed(self, message: str) -> None:
        if self.autosave_label is None:
            from PySide6.QtWidgets import QLabel

            self.autosave_label = QLabel()
            self.autosave_label.setStyleSheet(f"color: {style.ERROR_TEXT}; font-weight: bold; padding: 0 8px;")
            self.window.statusBar().insertPermanentWidget(0, self.autosave_label)
        self.autosave_label.setText("自动保存失败")
        self.autosave_label.setToolTip(message)
        self.autosave_label.show()
        self.window.show_message(message)

    def _autosave_works(self) -> None:
        if self.autosave_label is not None:
            self.autosave_label.hide()
        self.window.show_message("自动保存已恢复正常")

    # ---- the draft's lock file, and saving over a changed file ----

    def _follow_lock(self, path: Path | None) -> None:
        """This window locks the draft it shows: a new path releases the old lock and takes the new one."""
        if path is not None and self.lock is not None and self.lock.file == lock_path(path):
            return
        prepared, self._prepared = self._prepared, None
        self.release_lock()
        if path is None:
            return
        if prepared is not None and prepared[0] == path:
            self.lock, self.lock_holder = prepared[1], prepared[2]
        else:
            self.lock, self.lock_holder = acquire(path)

    def release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()
        self.lock, self.lock_holder = None, None

    def ask_open_elsewhere(self, path: Path, holder: LockInfo) -> bool:
        """The draft is open in another window: open it here too (True) or not."""
        from ..dialogs import Icon, choose

        text = (f"“{show_path(path.name)}”已在{holder.describe()}中打开。\n\n"
                "仍然打开：两个窗口都可以编辑；保存时若文件已被另一个窗口改过，会先询问是否覆盖。\n"
                "取消：不打开，请到已打开的窗口中继续编辑。")
        return choose(self.window, Icon.Warning, "草稿已在别处打开", text, ["仍然打开", "取消"],
                      default="取消", escape="取消") == "仍然打开"

    def confirm_open_elsewhere(self) -> bool:
        """At start-up (the draft named on the command line is shown already): if it is open in another
        window, ask; 取消 shows the start page instead. True when the draft stays."""
        if self.window.path is None or self.lock_holder is None:
            return True
        if self.ask_open_elsewhere(self.window.path, self.lock_holder):
            return True
        self.window.show_start_page()
        return False

    def before_overwrite(self, path: Path) -> str:
        """Saving over the open draft: 覆盖 when it is unchanged on disk since opened or last saved; else the
        clerk's choice: 覆盖, 另存为 or 取消."""
        state = self.window.session.disk_state
        if state is None or not draft_changed_since(path, state):
            return "覆盖"
        from ..dialogs import Icon, choose

        text = (f"“{show_path(path.name)}”在本窗口打开（或上次保存）之后，已被另一个窗口或程序修改过。\n\n"
                "覆盖：用本窗口的内容替换它，另一处所做的修改将丢失。\n"
                "另存为：把本窗口的内容保存为另一个文件，两份都保留。\n"
                "取消：暂不保存。")
        return choose(self.window, Icon.Warning, "文件已被修改", text, ["覆盖", "另存为", "取消"],
                      default="另存为", escape="取消") or "取消"

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
        try:
            report = Report.for_year(year, unit)
        except InputError as exc:  # e.g. a control character pasted into the unit name
            from ..dialogs import warn

            warn(self.window, "无法新建", exc.message)
            return False
        self.settings.setValue(cfg.UNIT_KEY, report.unit_name)
        self.window.set_report(report, None)
        return True

    def open_dialog(self) -> bool:
        from ..file_dialogs import DRAFTS, file_to_open

        path = file_to_open(self.window, "打开草稿", self.settings, DRAFTS)
        return path is not None and self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open a draft in this window, asking first about unsaved changes; a bad file changes nothing."""
        path = Path(path)
        if self.window.path is not None and same_file(path, self.window.path):
            self.window.show_message("这份草稿已经打开")
            return True
        try:
            report, state = open_draft(path)
        except ReportError as exc:
            from ..dialogs import warn

            warn(self.window, "无法打开", exc.message)
            return False
        lock, holder = acquire(path)
        if holder is not None and not self.ask_open_elsewhere(path, holder):
            return False
        if not self.maybe_save():
            if lock is not None:
                lock.release()
            return False
        self._prepared = (path, lock, holder)
        self.window.set_report(report, path, state)
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
            if files[0].suffix.lower() in IMPORTABLE_SUFFIXES:
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
            if u.isLocalFile() and u.toLocalFile().lower().endswith((".json", *IMPORTABLE_SUFFIXES))]

