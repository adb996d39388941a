"""The main window: one tab per report part, live findings, undo stack, save; set_report() loads a report."""
from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from model.draft import SUFFIX, FileState, file_state, save_draft
from model.errors import ReportError
from model.file_read import same_file
from model.formats.definition import TableSection
from model.report import Report
from model.rules import HEADER_KEY, Finding, Severity, count_explained

from model.recovery import RecoveryStore

from .actions import WindowActions
from .aggregate.actions import AggregateActions
from .files.actions import FileActions
from .findings.actions import CheckActions
from .files.last_year import LastYearActions
from .help.actions import HelpActions
from .importing.actions import ImportActions
from .output.actions import OutputActions
from .settings import GEOMETRY_KEY, STATE_KEY, open_settings, recovery_dir_for
from .findings.panel import FindingsPanel
from .grid.page import GridPage
from .pages.header import HeaderPage
from .report_tabs import ReportTabs
from .session import ReportSession
from .pages.text import TextPage

ZOOM_KEY = "view/zoom_percent"
ZOOM_STEPS = (70, 80, 90, 100, 110, 125, 140, 160, 180, 200, 250)
DEFAULT_SIZE = (1280, 860)
SCREEN_MARGIN, TITLE_BAR = 16, 32  # px kept free around a first-start window; a title bar's height
FINDINGS_HEIGHT, FINDINGS_SHARE = 170, 0.25  # the 检查结果 dock's default height; at most this part of the window
# QMainWindow.saveState() of the default layout: the 检查结果 dock (object name findings_dock) along the
# bottom, FINDINGS_HEIGHT px high; made by addDockWidget(Qt.BottomDockWidgetArea, dock) and resizeDocks().
# Restoring it places the dock without building PySide's Qt namespace (about 100 Python enums, ~15 ms
# of start-up); where Qt refuses it, or the dock must be lower, _dock_findings_at_bottom() does it.
DEFAULT_LAYOUT = bytes.fromhex(
    "000000ff00000000fd000000010000000300000500000000aafc0100000001fb0000001a00660069006e00640069"
    "006e00670073005f0064006f0063006b0100000000000005000000003100ffffff00000500000002ac0000000400"
    "0000040000000800000008fc00000000")


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
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
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
        geometry = self.settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):  # Qt keeps a restored window on screen
            self._fit_to_screen()
        self._restore_layout()

    def _fit_to_screen(self) -> None:
        """The first start: DEFAULT_SIZE, made smaller to fit the screen (a 1366×768 office PC, a laptop at
        150–200 % scaling), with room left for the title bar and the taskbar; centred."""
        area = self.screen().availableGeometry()
        width = min(DEFAULT_SIZE[0], area.width() - 2 * SCREEN_MARGIN)
        height = min(DEFAULT_SIZE[1], area.height() - 2 * SCREEN_MARGIN - TITLE_BAR)
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height - TITLE_BAR) // 2)

    def _restore_layout(self, saved: bytes | None = None) -> None:
        """Where the clerk left the 检查结果 dock (saved at close), else along the bottom: FINDINGS_HEIGHT
        px high, or a quarter of a window that had to be made small for its screen."""
        if saved is None:
            saved = self.settings.value(STATE_KEY, b"", bytes)
        height = min(FINDINGS_HEIGHT, int(self.height() * FINDINGS_SHARE))
        for state in (saved, DEFAULT_LAYOUT if height == FINDINGS_HEIGHT else b""):
            if state and self.restoreState(state) and self.layout().indexOf(self.findings_dock) >= 0:
                return  # (the last test: a valid state of some other window places no dock)
        self._dock_findings_at_bottom(height)

    def reset_layout(self) -> None:
        """视图 ▸ 恢复默认布局: the 检查结果 dock back along the bottom, shown."""
        self.findings_dock.setFloating(False)
        self._restore_layout(b"")
        self.findings_dock.show()

    def _dock_findings_at_bottom(self, height: int) -> None:
        Qt = QtCore.Qt
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
        self.resizeDocks([self.findings_dock], [height], Qt.Orientation.Vertical)

    # ---- loading ----

    def set_report(self, report: Report, path: Path | None, state: FileState | None = None) -> None:
        """Show report (from path, or None for a new unsaved one); clears undo history. state: the draft
        file as it was read (model.draft.open_draft), to notice a change made by someone else before saving
        over it; read now when not given."""
        if self.session is not None:
            self.session.close()
            self.session.deleteLater()
        self.undo_stack.clear()
        self.tabs.blockSignals(True)
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            page.deleteLater()
        path = Path(path) if path else None
        if path is not None and state is None:
            state = file_state(path)
        self.session = session = ReportSession(report, path, self.undo_stack, self, state)
        # pages are shells until shown or asked for (page_for): start-up builds only the first tab
        self.pages = [HeaderPage(session)] + [
            (GridPage if isinstance(section, TableSection) else TextPage)(session, section)
            for section in report.format.sections]
        for page in self.pages:
            page.message.connect(self.show_message)
            self.tabs.addTab(page, "")
        self.tabs.blockSignals(False)
        session.findings_changed.connect(self._show_findings)
        session.changed.connect(self._field_changed)
        self.last_year.attach(session)
        self.apply_zoom()
        self.pages[0].ensure_built()
        self._show_findings(session.findings)
        self.undo_stack.setClean()
        self.update_title()
        self.tabs.setCurrentIndex(0)
        self.files.after_load(report, self.path)

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
        self.findings_dock.set_findings(findings)
        self._update_tab_titles(findings)
        errors, warnings = self.session.counts()
        explained = count_explained(findings)
        text = f"{errors} 个错误，{warnings} 个警告" + (f"（{explained} 个已说明）" if explained else "")
        if text != self.counts_label.text():
            self.counts_label.setText(text)
            colour = "#b71c1c" if errors else ("#8a5a00" if warnings else "#1b5e20")
            sheet = f"color: {colour}; font-weight: bold; padding: 0 8px;"
            if sheet != self.counts_label.styleSheet():
                self.counts_label.setStyleSheet(sheet)

    def _update_tab_titles(self, findings: list[Finding]) -> None:
        errors: dict[str, int] = {}
        for f in findings:
            if f.severity is Severity.ERROR:
                errors[f.section_key] = errors.get(f.section_key, 0) + 1
        titles = [f"基本信息 ({errors[HEADER_KEY]})" if errors.get(HEADER_KEY) else "基本信息"]
        for page in self.pages[1:]:
            title = f"{page.section.number}、{page.section.short}"
            n = errors.get(page.section.key, 0)
            titles.append(f"{title} ({n})" if n else title)
        for i, title in enumerate(titles):
            if self.tabs.tabText(i) != title:  # a tab bar relayout costs more than the check itself
                self.tabs.setTabText(i, title)
                self.tabs.setTabToolTip(i, self.pages[i].section.heading if i else "")

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
        if what == "unit_name":
            self.update_title()

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
        self.commit_pending_edit()
        if self.path is None:
            return self.save_as()
        return self.write_to(self.path)

    def save_as(self, path: str | Path | None = None, other_than: Path | None = None) -> bool:
        """Save under a new name (asked when path is None; other_than: suggest a name beside that file)."""
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
        self.settings.setValue(STATE_KEY, self.saveState())
        event.accept()

    # ---- tabs and zoom ----

    def step_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _tab_shown(self, index: int) -> None:
        if 0 <= index < len(self.pages):
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
