"""Window checks on a given screen, run by test_ui_screens.py in a child pytest whose offscreen platform has that
screen (1366×768, 1920×1080 at 150 % and 200 %): every dialog and the print preview fit it, and tab 三 shows its
balance rows whole. Not collected on its own (its name does not start with test_)."""
from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from model.draft import load_draft
from model.report import CellRef
from test_ui_support import every_dialog, make_window, open_and_look  # noqa: F401  (fixture)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing",
                                       "This plugin does not support propagateSizeHints")
SCREEN = os.environ.get("GKBG_TEST_SCREEN", "")


def inside(rect, area) -> bool:
    return area.contains(rect.topLeft()) and area.contains(rect.bottomRight())


def test_every_dialog_and_the_print_preview_fit_the_screen(qtbot, make_window, sample_report, tmp_path, monkeypatch):
    import ui.output.printing as printing

    monkeypatch.setattr(printing, "has_printer", printing.has_printer)  # every_dialog's printer sets it
    window = make_window(sample_report)
    area = window.screen().availableGeometry()
    assert inside(window.frameGeometry(), area)
    shown = {}

    def look(name, dialog):
        QApplication.processEvents()
        shown[name] = dialog.frameGeometry(), dialog.screen().availableGeometry()

    dialogs = every_dialog(window, tmp_path)
    for name, opener in dialogs:
        open_and_look(opener, lambda dialog, n=name: look(n, dialog))
    assert set(shown) == {name for name, _ in dialogs}
    for name, (frame, screen) in shown.items():
        assert screen == area and inside(frame, area), (SCREEN, name, frame, area)
    assert shown["打印预览"][0].height() >= min(area.height() - 80, 1000) * 0.9  # as tall as the screen allows


def test_the_print_preview_shows_its_buttons(qtbot, make_window, sample_report):
    from ui.output.print_preview import PrintPreviewDialog

    window = make_window(sample_report)
    dialog = PrintPreviewDialog(window.outputs.pages(None), sample_report.title(), lambda: None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for button in (dialog.print_button, dialog.page_box):
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner) and button.isVisible()
    assert dialog.view.height() > dialog.height() // 2


def test_the_start_page_fits_the_screen(qtbot, tmp_path):
    from ui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show_start_page()
    window.show_first()
    qtbot.waitExposed(window)
    area = window.screen().availableGeometry()
    assert inside(window.frameGeometry(), area)
    hint = window.minimumSizeHint()
    assert hint.width() <= area.width() and hint.height() <= area.height()
    page = window.start_page
    assert page.new_button.isVisible() and page.rect().contains(page.new_button.geometry().bottomRight())


@pytest.mark.skipif(SCREEN not in ("1366x768", "1080p-150%"), reason="a 1366×768 screen, or 1080p at 150 %")
@pytest.mark.parametrize("draft", ["2019 sample", "2023 clean"])
def test_tab_3_shows_its_balance_rows_without_scrolling(qtbot, tmp_path, sample_path, draft):
    """一、二 at the top, 三（七）总计 and 四 at the bottom: the whole table of 三 in sight when the report checks
    clean (the 检查结果 panel is one line), in the window as it first opens on this screen."""
    from test_rules import filled
    from ui.main_window import MainWindow

    report = load_draft(sample_path) if draft == "2019 sample" else filled(2023)
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.ask_before_close = False
    window.set_report(report, None)
    window.show_first()
    qtbot.waitExposed(window)
    assert window.session.findings == [] and window.findings_dock.is_compact()
    page = window.page_for("applications")
    window.tabs.setCurrentWidget(page)
    view = page.view
    qtbot.waitUntil(lambda: view.isVisible() and view.viewport().height() > 100)
    QApplication.processEvents()
    model = page.model
    for row in ("new", "carried_over", "results_total", "carry_forward"):
        rect = view.visualRect(model.index_of(CellRef("applications", row, "natural")))
        assert rect.top() >= 0 and rect.bottom() <= view.viewport().height(), (SCREEN, draft, row, rect)
    assert view.verticalScrollBar().maximum() == 0
