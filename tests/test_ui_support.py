"""Shared helpers and fixtures for the window tests (no tests here): a window with temporary settings."""
from __future__ import annotations

import platform
import re

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

# the offscreen platform plugin cannot pass a top-level window's size limits on; xcb/Windows can
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def make_window(qtbot, tmp_path):
    """Build a shown MainWindow on a report, with settings in a temporary file."""
    from ui.main_window import MainWindow

    def make(report, path=None, settings_file="settings.ini"):
        _release_modifiers()
        settings = QSettings(str(tmp_path / settings_file), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.ask_before_close = False
        made.append(window)  # closed below, not by qtbot: a test may turn the close prompt on
        window.set_report(report, path)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # window shortcuts (Ctrl+Z, Ctrl+S…) need it
        return window

    made = []
    yield make
    for window in made:
        window.ask_before_close = False
        window.close()
        window.deleteLater()


def _release_modifiers() -> None:
    """Forget modifier keys an earlier test left pressed: a Ctrl+V whose paste is refused leaves Qt believing
    Ctrl is still held (its release goes to a widget that no longer has the focus), and setCurrentIndex then
    toggles the selection instead of replacing it, so the next test fails by its place in the run."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    if QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        probe = QWidget()
        for key in (Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
            QTest.keyRelease(probe, key)
        probe.deleteLater()


def grid_page(window, key: str):
    page = window.page_for(key)
    window.tabs.setCurrentWidget(page)
    return page


def type_into(qtbot, view, index, text: str, commit=Qt.Key.Key_Return):
    """Put the cursor on index, type text (the first key, ASCII, opens the editor), commit with a key (None:
    leave the editor open); returns the cell editor."""
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClicks(view, text[0])
    editor = view.viewport().focusWidget()
    assert editor is not None and editor is not view.viewport(), "typing did not open the cell editor"
    for ch in text[1:]:
        if ch.isascii():
            qtbot.keyClick(editor, ch)
        else:  # Chinese and full-width characters arrive from the input method
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(editor, event)
    if commit is not None:
        qtbot.keyClick(editor, commit)
    return editor


def plain(text: str) -> str:
    """A button or menu text as read: without its mnemonic ("是(&Y)" → "是", "保存(&S)" → "保存") or shortcut."""
    return re.sub(r"\(&\w\)|&", "", text.split("\t")[0])


class DialogAnswers:
    """Answers the next modal dialogs in order, as a clerk would: each step is a button text or a
    callable(dialog) that closes the dialog itself. `seen` keeps (title, text) of every dialog answered."""

    def __init__(self, steps) -> None:
        self.steps = list(steps)
        self.pending = len(self.steps)
        self.seen: list[tuple[str, str]] = []
        self._last = None
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or (dialog is self._last and dialog.isVisible()) or not self.steps:
            return
        self._last = dialog
        text = dialog.text() if isinstance(dialog, QMessageBox) else ""
        self.seen.append((dialog.windowTitle(), text))
        step = self.steps.pop(0)
        if not self.steps:
            self.timer.stop()
        # act after this timer slot returns, so that a dialog opened by the answer is answered too
        QTimer.singleShot(0, lambda: self._act(dialog, step))

    @staticmethod
    def _act(dialog, step) -> None:
        if callable(step):
            step(dialog)
            return
        buttons = [b for b in dialog.findChildren(QAbstractButton) if plain(b.text()) == step]
        assert buttons, f"no button {step!r} in dialog {dialog.windowTitle()!r}"
        buttons[0].click()

    @property
    def done(self) -> bool:
        return not self.steps


@pytest.fixture
def answer():
    """answer("保存", "确定") schedules answers for the next dialogs; returns the DialogAnswers."""
    made = []

    def schedule(*steps) -> DialogAnswers:
        made.append(DialogAnswers(steps))
        return made[-1]

    yield schedule
    for answers in made:
        answers.timer.stop()


# words that may stay in Latin letters in a Chinese interface: product and file-type names, key names
LATIN_ALLOWED = {"PDF", "Word", "DOCX", "WPS", "Excel", "JSON", "GB", "Ctrl", "Shift", "Alt", "PgUp", "PgDown",
                 "Del", "Tab", "Enter", "Esc", "Backspace", "Home", "End", "F1", "F2", "F9",
                 # 帮助 ▸ 关于 names the software, the system it runs on, the PDF font and its licence
                 "gkbg", "Python", "Qt", "PySide", "Linux", "Windows", "Darwin", "AR", "PL", "SungtiL", "Arphic",
                 "Public", "License"} | set(re.findall(r"[A-Za-z]{2,}", platform.release()))
_FILE_OR_PATH = re.compile(r"[\w.\-]*\.(gkbg\.json|json|docx|pdf|gkbg)\b|\S*[/\\]\S*|\*\.\w+", re.I)
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    """Latin words of a visible text that are not file names, paths, key names or product names."""
    text = re.sub(r"<[^>]+>", " ", text or "")  # rich-text tags
    text = _FILE_OR_PATH.sub(" ", text)
    return [w for w in _LATIN_WORD.findall(text) if w not in LATIN_ALLOWED]


def visible_texts(root) -> list[tuple[str, str]]:
    """(where, text) for every text a clerk can read on root and its children: titles, labels, buttons,
    placeholders, tooltips, menus and their actions, tabs, list and combo items, table headers."""
    from PySide6.QtWidgets import (
        QAbstractButton, QAbstractSpinBox, QComboBox, QDockWidget, QGroupBox, QHeaderView, QLabel, QLineEdit,
        QListWidget, QMenu, QTabBar, QWidget,
    )

    found = []

    def add(widget, text):
        if text:
            found.append((f"{type(widget).__name__} {widget.objectName()}".strip(), text))

    for widget in [root] + root.findChildren(QWidget):
        if widget.isWindow():
            add(widget, widget.windowTitle())
        add(widget, widget.toolTip())
        if isinstance(widget, QLabel):
            add(widget, widget.text())
        if isinstance(widget, QAbstractButton):
            add(widget, widget.text())
        if isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
        if isinstance(widget, QAbstractSpinBox):
            add(widget, widget.specialValueText())
            for attr in ("suffix", "prefix"):
                add(widget, getattr(widget, attr, lambda: "")())
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(widget, widget.itemText(i))
        if isinstance(widget, (QGroupBox, QDockWidget)):
            add(widget, widget.title() if isinstance(widget, QGroupBox) else widget.windowTitle())
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget, widget.tabText(i))
                add(widget, widget.tabToolTip(i))
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                add(widget, widget.item(i).text())
        if isinstance(widget, QHeaderView) and widget.model() is not None and widget.isVisibleTo(widget.parent()):
            for section in range(widget.count()):
                add(widget, widget.model().headerData(section, widget.orientation()))
        if isinstance(widget, QMenu):
            add(widget, widget.title())
        for action in QWidget.actions(widget):  # (the main window's `actions` attribute hides the method)
            add(widget, action.text())
            if action.toolTip() != action.text().replace("&", ""):
                add(widget, action.toolTip())
            if action.menu() is not None:
                found += visible_texts(action.menu())
    return [(where, text) for where, text in found if isinstance(text, str)]


def english_in(root) -> list[tuple[str, str]]:
    """The visible texts of root that hold English."""
    return [(where, text) for where, text in visible_texts(root) if english_words(text)]


def every_dialog(window, tmp_path):
    """(name, opener) for every dialog, popup and window the main window opens, each opened as the clerk
    opens it where that is one call; an opener shows it modally (or returns the non-modal window it shows).
    window shows the sample report; tmp_path holds the files some of them need."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent

    import ui.output.printing as printing
    from conftest import SAMPLE
    from model.recovery import RecoveryStore
    from model.report import CellRef, Report
    from model.rules import Severity, check
    from ui import dialogs
    from ui.files.recovery_dialog import RecoveryDialog
    from ui.findings.explain import ExplainDialog
    from ui.output.print_preview import PrintPreviewDialog

    pages = window.outputs.pages(None)
    store = RecoveryStore(tmp_path / "recovery")
    for n in range(8):  # many drafts left by a crash: the list scrolls, the dialog does not grow
        store.write(f"s{n}", window.report, None)
    token = Report.for_year(2023, "某某县教育局")
    token.set_text("problems", "无")
    warning = next(f for f in check(token) if f.severity is Severity.WARNING)
    docx = tmp_path / "火花镇.docx"
    from export import export_report

    export_report(window.report, docx)

    def cell_menu():
        grid = grid_page(window, "applications")
        rect = grid.view.visualRect(grid.model.index_of(CellRef("applications", "new", "natural")))
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, rect.center(),
                                  grid.view.viewport().mapToGlobal(rect.center()))
        QApplication.sendEvent(grid.view.viewport(), event)

    def printer():
        printing.has_printer = lambda: True  # (the test's monkeypatch puts it back)
        window.outputs.choose_printer(pages)

    def instructions():
        window.help.show_instructions()
        return window.help.dialog

    return [
        ("新建", window.files.new_report),
        ("导出字体", window.outputs.choose_fonts),
        ("打印选项", window.outputs.ask_options),
        ("保存提示", lambda: dialogs.ask_save(window, "尚未保存", "“某某镇人民政府2024年政府信息公开工作年度报告”有未保存的"
                                             "修改。\n是否保存？")),
        ("是否", lambda: dialogs.ask_yes_no(window, "报告尚有错误", "仍要导出吗？")),
        ("失败", lambda: dialogs.fail(window, "保存失败", "磁盘已满。")),
        ("日历", window.pages[0].pick_date),
        ("打印预览", PrintPreviewDialog(pages, window.report.title(), lambda: None, window).exec),
        ("打印", printer),
        ("恢复", RecoveryDialog(store, store.pending(), window).exec),
        ("单元格菜单", cell_menu),
        ("说明警告", ExplainDialog(warning, window).exec),
        ("基于上年报告", lambda: window.last_year.new_from_last_year(path=SAMPLE)),
        ("导入摘要", lambda: window.importing.import_path(docx)),
        ("汇总", window.aggregates.open_dialog),
        ("关于", window.actions.show_about),
        ("填报说明", instructions),
    ]


def open_and_look(opener, look) -> None:
    """Open with opener; look(dialog) sees the dialog (modal or popup, or the window opener returns) shown,
    then it is closed."""
    def close(dialog):
        from PySide6.QtWidgets import QMenu

        dialog.close() if isinstance(dialog, QMenu) else dialog.reject()

    state = {"seen": False}

    def poll():
        dialog = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if dialog is None:
            if not state["seen"]:
                QTimer.singleShot(20, poll)
            return
        state["seen"] = True
        try:
            look(dialog)
        finally:
            close(dialog)

    QTimer.singleShot(20, poll)
    shown = opener()
    if not state["seen"] and hasattr(shown, "isVisible") and shown.isVisible():  # a window of its own
        state["seen"] = True
        try:
            look(shown)
        finally:
            shown.close()
    assert state["seen"], "nothing was shown"
