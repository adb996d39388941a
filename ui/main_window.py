"""The main window: one tab per report part, live findings, undo stack, save; set_report() loads a report,
show_start_page() shows the start page instead (no report open)."""
from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow

from model.draft import SUFFIX, FileState, file_state, save_draft
from model.errors import ReportError
from model.file_read import same_file
from model.formats.definition import TableSection
from model.report import Report
from model.recovery import RecoveryStore
from model.rules import HEADER_KEY, Finding, Severity

from .actions import WindowActions
from .aggregate.actions import AggregateActions
from .files.actions import FileActions
from .files.last_year import LastYearActions
from .findings.actions import CheckActions
from .findings.dock_layout import DockLayout
from .findings.panel import FindingsPanel
from .grid.page import GridPage
from .help.actions import HelpActions
from .importing.actions import ImportActions
from .output.actions import OutputActions
from .pages.header import HeaderPage
from .pages.text import TextPage
from .progress import ProgressLabel
from .report_tabs import ReportTabs
from .screen_fit import fit_window
from .session import ReportSession
from .settings import GEOMETRY_KEY, UNIT_KEY, default_unit, open_settings, recent_files, recovery_dir_for

ZOOM_KEY = "view/zoom_percent"
ZOOM_STEPS = (70, 80, 90, 100, 110, 125, 140, 160, 180, 200, 250)
DEFAULT_SIZE = (1280, 860)
APP_TITLE = "政府信息公开工作年度报告"


class MainWindow(QMainWindow):
    """Extension points: set_report(report, path), session, undo_stack, actions (.file_menu), save/save_as."""

    def __init__(self, settings: QSettings | None = None, store: RecoveryStore | None = None) -> None:
        super().__init__()
        self.settings = settings if settings is not None else open_settings()
        self.undo_stack = QUndoStack(self)
        self.session: ReportSession | None = None
        self.pages: list = []
        self.ask_before_close = True
        self.tabs = ReportTabs(self)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.setCentralWidget(self.tabs)
        self.findings_dock = FindingsPanel(self)
        self.findings_dock.activated.connect(self.jump_to)
        self.dock_layout = DockLayout(self)
        self.progress = ProgressLabel()
        self.progress.setContentsMargins(6, 0, 6, 0)
        self.progress.clicked.connect(self.go_to_next_step)
        self.statusBar().addPermanentWidget(self.progress)
        self.start_page = None
        self._pages_format = None  # the format the section tabs were made for
        self._dock_wanted = True  # the dock's visibility to give back when the start page makes way for a report
        self.actions = WindowActions(self)
        self.files = FileActions(self, store or RecoveryStore(recovery_dir_for(self.settings)))
        self.last_year = LastYearActions(self)
        self.outputs = OutputActions(self)
        self.aggregates = AggregateActions(self)
        self.checks = CheckActions(self)
        self.help = HelpActions(self)
        self.importing = ImportActions(self)
        self.undo_stack.cleanChanged.connect(self.update_title)
        self.zoom_percent = int(self.settings.value(ZOOM_KEY, 100))
        self.maximize_at_start = False
        geometry = self.settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):  # Qt keeps a restored window on screen
            self._fit_to_screen()
        self.dock_layout.restore()

    def _fit_to_screen(self) -> None:
        """The first start: DEFAULT_SIZE, made smaller to fit the screen (a 1366×768 office PC, a laptop at
        150–200 % scaling), with room left for the title bar and the taskbar; centred. Where it had to be
        made smaller, the window opens maximized (show_first), as office programs do on small screens."""
        fit_window(self, *DEFAULT_SIZE)
        self.maximize_at_start = self.width() < DEFAULT_SIZE[0] or self.height() < DEFAULT_SIZE[1]

    def show_first(self) -> None:
        """Show the window at start-up: maximized on a screen too small for DEFAULT_SIZE (first start only;
        later the geometry the clerk left, maximized or not, is restored)."""
        if self.maximize_at_start:
            self.showMaximized()
        else:
            self.show()

    # ---- loading ----

    def set_report(self, report: Report, path: Path | None, state: FileState | None = None) -> None:
        """Show report (from path, or None for a new unsaved one); clears undo history. state: the draft
        file as it was read (model.draft.open_draft), to notice a change made by someone else before saving
        over it; read now when not given."""
        if self.session is not None:
            self.session.close()
            self.session.deleteLater()
        self.undo_stack.clear()
        self._leave_start_page()
        self.tabs.blockSignals(True)
        self._remove_pages(0)
        path = Path(path) if path else None
        if path is not None and state is None:
            state = file_state(path)
        self.session = session = ReportSession(report, path, self.undo_stack, self, state)
        self.pages = [HeaderPage(session)]
        self._add_pages(self.pages[0])
        self._add_section_pages()
        self.tabs.blockSignals(False)
        session.findings_changed.connect(self._show_findings)
        session.checked.connect(self._update_progress)
        session.changed.connect(self._field_changed)
        self.last_year.attach()
        self.apply_zoom()
        self.pages[0].ensure_built()
        self._show_findings(session.findings)
        self._update_progress()
        self.dock_layout.compact()
        self.undo_stack.setClean()
        self.update_title()
        self.tabs.setCurrentIndex(0)
        self.files.after_load(report, self.path)

    def _add_section_pages(self) -> None:
        """A tab per section of the report's format; pages are shells until shown or asked for (page_for):
        start-up builds only the first tab."""
        session = self.session
        self._pages_format = session.report.format
        pages = [(GridPage if isinstance(section, TableSection) else TextPage)(session, section)
                 for section in session.report.format.sections]
        self.pages += pages
        self._add_pages(*pages)

    def _add_pages(self, *pages) -> None:
        for page in pages:
            page.message.connect(self.show_message)
            self.tabs.addTab(page, "")

    def _remove_pages(self, first: int) -> None:
        while self.tabs.count() > first:
            page = self.tabs.widget(first)
            self.tabs.removeTab(first)
            page.deleteLater()
        del self.pages[first:]

    def _format_changed(self) -> None:
        """The year moved to the other official format: new section tabs, the same undo history."""
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self._remove_pages(1)
        self._add_section_pages()
        self.tabs.blockSignals(False)
        self.last_year.attach()
        self.apply_zoom()
        self._show_findings(self.session.findings)
        self.tabs.setCurrentIndex(min(current, self.tabs.count() - 1))

    # ---- the start page (no report open) ----

    def show_start_page(self) -> None:
        """新建 / 打开 / 最近打开, in place of the tabs; the report actions wait for a report."""
        from datetime import date

        from .start.page import StartPage

        if self.session is not None:
            self.session.close()
            self.session.deleteLater()
            self.session = None
            self.undo_stack.clear()
            self._remove_pages(0)
        if self.start_page is None:
            self.start_page = page = StartPage(default_unit(self.settings), date.today().year - 1)
            page.create.connect(self.start_new_report)
            page.open_file.connect(self.files.open_dialog)
            page.open_recent.connect(self._open_recent_from_start)
            page.add_action("基于上年报告新建…", self.last_year.new_from_last_year,
                            "选择上年的报告草稿：带入填报单位、上年结转的数等，新建本年报告")
            page.add_action("导入 Word/PDF 报告…", self.importing.import_dialog,
                            "读取已经写好的 Word 或 PDF 年度报告，核对其中的数字，作为新草稿打开")
            page.add_action("汇总各单位报告…", self.aggregates.open_dialog,
                            "县、市政府办：把各单位的报告合计成一份")
        self.start_page.show_recent(recent_files(self.settings))
        if self.centralWidget() is not self.start_page:
            self._dock_wanted = not self.findings_dock.isHidden()
            self.takeCentralWidget()  # the tabs stay, for the next report
            self.setCentralWidget(self.start_page)
        self.findings_dock.hide()
        self._enable_report_actions(False)
        self.setWindowTitle(f"{APP_TITLE}[*]")
        self.setWindowModified(False)
        self.progress.hide()
        self.start_page.unit.setFocus()

    def _leave_start_page(self) -> None:
        if self.start_page is None or self.centralWidget() is not self.start_page:
            return
        self.takeCentralWidget()
        self.setCentralWidget(self.tabs)
        self.findings_dock.setVisible(self._dock_wanted)
        # lay out the tabs and the dock now: a dock resized before its first layout would lose its size
        QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.LayoutRequest)
        self._enable_report_actions(True)
        self.progress.show()

    def _enable_report_actions(self, enabled: bool) -> None:
        outputs = self.outputs
        for action in self.actions.report_actions() + [outputs.export_docx, outputs.export_pdf, outputs.preview,
                                                         outputs.print, self.checks.submission, self.last_year.link,
                                                         self.last_year.unlink]:
            action.setEnabled(enabled)
        if enabled:
            self.last_year.update_actions()

    def start_new_report(self, unit: str, year: int) -> None:
        self.settings.setValue(UNIT_KEY, unit)
        self.set_report(Report.for_year(year, unit), None)

    def _open_recent_from_start(self, path: Path) -> None:
        if not self.files.open_recent(path) and self.session is None:
            self.start_page.show_recent(recent_files(self.settings))  # a missing file left the list

    @property
    def report(self) -> Report | None:
        return self.session.report if self.session else None

    @property
    def path(self) -> Path | None:
        return self.session.path if self.session else None

    def page_for(self, section_key: str):
        """The tab page of a section, built if it was not yet."""
        return next(p for p in self.pages[1:] if p.section.key == section_key).ensure_built()

    # ---- findings ----

    def _show_findings(self, findings: list[Finding]) -> None:
        dock = self.findings_dock
        was_compact = dock.is_compact()
        dock.set_findings(findings)
        if was_compact and not dock.is_compact():
            self.dock_layout.expand()
        self._update_tab_marks(findings)

    def _update_tab_marks(self, findings: list[Finding]) -> None:
        """Tab titles keep their width: a red dot marks a section with errors, an amber one with warnings."""
        counts: dict[str, list[int]] = {}
        for f in findings:
            if not f.explained:  # an explained warning needs nothing more
                counts.setdefault(f.section_key, [0, 0])[f.severity is not Severity.ERROR] += 1
        for i, page in enumerate(self.pages):
            title = f"{page.section.number}、{page.section.short}" if i else "基本信息"
            if self.tabs.tabText(i) != title:  # a tab bar relayout costs more than the check itself
                self.tabs.setTabText(i, title)
            errors, warnings = counts.get(page.section.key if i else HEADER_KEY, (0, 0))
            self.tabs.set_mark(i, "error" if errors else ("warning" if warnings else None))
            tip = page.section.heading if i else "填报单位、报告年度、报告日期"
            found = "，".join(t for t in (f"{errors} 个错误" if errors else "", f"{warnings} 个警告" if warnings else "")
                             if t)
            tip = f"{tip}\n{found}" if found else tip
            if self.tabs.tabToolTip(i) != tip:
                self.tabs.setTabToolTip(i, tip)

    def _update_progress(self) -> None:
        """The 完成度 indicator, once the rules have run after a change (or a pasted block: once for all of it)."""
        self.progress.show_state(self.session.report, self.session.findings)

    def go_to_next_step(self) -> None:
        """The 完成度 indicator clicked: the first error, else the first blank section, else the first warning."""
        target = self.progress.target
        if isinstance(target, Finding):
            self.jump_to(target)
        elif target is not None:
            page = self.page_for(target.key)
            self.tabs.setCurrentWidget(page)
            page.focus_first()

    def jump_to(self, finding: Finding) -> None:
        """Show the tab of a finding and put the cursor on its cell, the words it quotes, or its field."""
        if finding.section_key == HEADER_KEY:
            page = self.pages[0].ensure_built()
            self.tabs.setCurrentWidget(page)
            page.focus_field(finding.rule.rpartition(".")[2])
            return
        page = self.page_for(finding.section_key)
        self.tabs.setCurrentWidget(page)
        if isinstance(page, GridPage) and finding.ref is not None:
            index = page.model.index_of(finding.ref)
            page.view.setCurrentIndex(index)
            page.view.scrollTo(index)
            page.view.setFocus()
        elif isinstance(page, TextPage) and finding.span is not None:
            page.select(*finding.span)
        else:
            page.focus_first()

    # ---- status, title ----

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _field_changed(self, what) -> None:
        if what in ("unit_name", "year"):
            self.update_title()
        if what == "year" and self._pages_format is not self.session.report.format:
            self._format_changed()

    def update_title(self) -> None:
        if self.session is None:
            return
        report = self.session.report
        name = self.path.name if self.path else "未保存的新报告"
        self.setWindowTitle(f"{report.unit_name or '（未填单位）'} – {report.year}年 – {name}[*]")
        self.setWindowModified(not self.undo_stack.isClean())

    # ---- save ----

    def commit_pending_edit(self) -> None:
        """Store what is still being typed (an open cell editor, a header field) before saving or closing.

        Focus leaving the widget commits it, as when the clerk clicks elsewhere; focus then comes back.
        """
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            return
        focus.clearFocus()
        while focus is not None and not focus.isVisible():  # a cell editor closes: back to its grid
            focus = focus.parentWidget()
        if focus is not None:
            focus.setFocus()

    def save(self) -> bool:
        if self.session is None:
            return False
        self.commit_pending_edit()
        if self.path is None:
            return self.save_as()
        return self.write_to(self.path)

    def save_as(self, path: str | Path | None = None, other_than: Path | None = None) -> bool:
        """Save under a new name (asked when path is None; other_than: suggest a name beside that file)."""
        if self.session is None:
            return False
        self.commit_pending_edit()
        if path is None:
            start = str(self.path or Path.home() / f"{self.report.title()}{SUFFIX}")
            if other_than is not None:
                start = str(other_than.with_name(other_than.name.removesuffix(SUFFIX) + "（副本）" + SUFFIX))
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getSaveFileName(self, "另存为", start, f"年度报告草稿 (*{SUFFIX})")
            if not path:
                return False
        path = Path(path)
        if not path.name.endswith(SUFFIX):
            path = path.with_name(path.name.removesuffix(".json") + SUFFIX)
        return self.write_to(path)

    def write_to(self, path: Path) -> bool:
        """Save to path. Over the open draft changed on disk since it was opened or saved, ask first
        (覆盖 / 另存为 / 取消). A failure is told; the edits stay in the window and in the recovery copy."""
        if self.path is not None and same_file(path, self.path):
            choice = self.files.before_overwrite(path)
            if choice == "另存为":
                return self.save_as(other_than=path)
            if choice != "覆盖":
                return False
        try:
            state = save_draft(self.report, path)
        except (ReportError, OSError, UnicodeError) as exc:  # the model gives ReportError; never let one escape
            kept = self.files.save_failed()
            from .dialogs import fail

            message = exc.message if isinstance(exc, ReportError) else f"无法保存到“{path}”（{type(exc).__name__}）"
            fail(self, "保存失败", f"{message}\n\n{kept}")
            return False
        self.session.path = path
        self.session.disk_state = state
        self.undo_stack.setClean()
        self.update_title()
        self.files.after_save(path)
        self.show_message(f"已保存：{path}")
        return True

    def dragEnterEvent(self, event) -> None:
        self.files.drag_enter(event)

    def dropEvent(self, event) -> None:
        self.files.drop(event)

    def closeEvent(self, event) -> None:
        try:
            may_close = not self.ask_before_close or self.files.maybe_save()
        except Exception:  # noqa: BLE001 - the last guard before edits are lost: any failure keeps the window
            import traceback

            traceback.print_exc()
            may_close = False
            from .dialogs import fail

            fail(self, "无法关闭", "保存时发生意外错误，窗口保持打开，修改仍在窗口中。请另存为其他文件后再关闭。")
        if not may_close:
            event.ignore()
            return
        self.files.closing()
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        if self.session is not None:  # the start page hides the 检查结果 dock: keep the layout saved with a report
            self.dock_layout.save()
        event.accept()

    # ---- tabs and zoom ----

    def step_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _tab_shown(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.dock_layout.compact()
            self.pages[index].focus_first()

    def zoom(self, step: int) -> None:
        if step == 0:
            self.zoom_percent = 100
        else:
            i = min(range(len(ZOOM_STEPS)), key=lambda k: abs(ZOOM_STEPS[k] - self.zoom_percent))
            self.zoom_percent = ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, i + step))]
        self.settings.setValue(ZOOM_KEY, self.zoom_percent)
        self.apply_zoom()
        self.show_message(f"缩放 {self.zoom_percent}%")

    def zoom_font(self) -> QFont:
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * self.zoom_percent / 100)
        return font

    def apply_zoom(self) -> None:
        font = self.zoom_font()
        heading = QFont(font)
        heading.setBold(True)
        heading.setPointSizeF(font.pointSizeF() * 1.25)
        for page in self.pages:
            page.set_zoom(font, heading)
        self.findings_dock.set_zoom_font(font)
