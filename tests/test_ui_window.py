"""The main window: tabs, model adapter contract, findings panel jumps, text and header edits, save, zoom."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings, Qt

from model.draft import load_draft, report_to_dict
from model.formats import FORMATS
from model.report import CellRef, Report
from conftest import ROOT, SAMPLE
from ui.app import initial_draft
from ui.grid.model import GridModel
from ui.session import ReportSession
from test_ui_support import OFFSCREEN_NOISE, answer, grid_page, make_window, type_into  # noqa: F401  (fixtures)

pytestmark = OFFSCREEN_NOISE
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.id)
def test_grid_model_passes_qt_model_tester(qtmodeltester, fmt):
    from PySide6.QtGui import QUndoStack

    report = Report(fmt, fmt.first_year, "测试")
    session = ReportSession(report, None, QUndoStack())
    for section in fmt.table_sections():
        model = GridModel(session, section)
        qtmodeltester.check(model, force_py=True)
        ref, _ = next((r, c) for r, c in report.input_cells() if r.table == section.tables[0].key)
        session.set_cells([(ref, 1 if report.kind(ref).value != "money" else None)])


def test_tabs_in_order_and_keyboard_switching(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["基本信息", "一、总体情况", "二、主动公开", "三、依申请公开", "四、复议诉讼",
                      "五、问题及改进", "六、其他事项"]
    assert window.page_for("applications").heading.text() == "三、收到和处理政府信息公开申请情况"
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_PageDown, CTRL)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab, CTRL)
    assert window.tabs.currentIndex() == 2
    page = window.tabs.currentWidget()
    # a grid tab puts the keyboard on its first editable cell
    assert window.focusWidget() is page.view
    assert page.view.currentIndex() == page.model.index_of(CellRef("item1", "rules", "made"))
    qtbot.keyClick(page.view, Qt.Key.Key_PageUp, CTRL)
    assert window.tabs.currentIndex() == 1


def test_double_click_in_findings_panel_jumps_to_cell(qtbot, make_window, report_2019):
    report_2019.set_text("problems", "无")  # a token section 五: a warning in a text section
    window = make_window(report_2019)
    report_2019.set_value(CellRef("applications", "carried_over", "research"), 4)
    panel = window.findings_dock.table
    assert panel.item(0, 4).text() == "科研机构"
    window.tabs.setCurrentIndex(0)
    rect = panel.visualItemRect(panel.item(0, 2))
    # QTest's double click needs the press of a first click on the same item, as a real one has
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.page_for("applications")
    assert window.tabs.currentWidget() is page
    assert page.view.currentIndex() == page.model.index_of(CellRef("applications", "new", "research"))
    assert page.view.hasFocus()
    # a text-section finding opens that section's editor
    row = next(i for i, f in enumerate(window.findings_dock.findings) if f.section_key == "problems")
    window.findings_dock.activated.emit(window.findings_dock.findings[row])
    assert window.tabs.currentWidget() is window.page_for("problems")


def test_text_typing_is_one_undo_step_and_counts(qtbot, make_window):
    report_2021 = Report.for_year(2023, "测试县教育局")  # section 一 still empty
    window = make_window(report_2021)
    page = window.page_for("overview")
    window.tabs.setCurrentWidget(page)
    assert page.hint.text().startswith("填写要求：重在聚焦主题")
    qtbot.keyClicks(page.editor, "abc def")
    assert report_2021.texts["overview"] == "abc def"
    assert page.count.text() == "共 6 字"
    assert window.undo_stack.count() == 1 and window.isWindowModified()
    qtbot.keyClick(page.editor, Qt.Key.Key_Z, CTRL)
    assert report_2021.texts["overview"] == "" and page.editor.toPlainText() == ""
    qtbot.keyClick(page.editor, Qt.Key.Key_Y, CTRL)
    assert page.editor.toPlainText() == "abc def"
    page.editor.setPlainText("字" * 1001)
    assert "超过1000字" in page.count.text()
    assert any(f.rule == "R9.overview-length" for f in window.findings_dock.findings)


def test_the_2019_format_sets_no_length_and_asks_for_no_fee(qtbot, make_window):
    """The 2019 notice knows neither the 一千字 of 一 nor the 信息处理费 of 六 (2021 notice): its tabs say neither."""
    report = Report.for_year(2020, "测试镇人民政府")
    window = make_window(report)
    overview, other = window.page_for("overview"), window.page_for("other")
    for page in (overview, other):
        window.tabs.setCurrentWidget(page)
    assert "一千字" not in overview.hint.text() and "信息处理费" not in other.hint.text()
    overview.editor.setPlainText("字" * 1001)
    assert overview.count.text() == "共 1001 字"
    window.session.set_year(2021)  # blank of numbers: the year moves to the 2021 format, and its tabs with it
    overview, other = window.page_for("overview"), window.page_for("other")
    for page in (overview, other):
        window.tabs.setCurrentWidget(page)
    assert "一千字" in overview.hint.text() and "信息处理费" in other.hint.text()
    assert "超过1000字" in overview.count.text()


def test_header_fields_edit_through_undo(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    page = window.pages[0]
    edit = page.edits["unit_name"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Town")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert sample_report.unit_name == "Town"
    assert window.windowTitle().startswith("Town – 2019年 – ")
    date_edit = page.edits["report_date"]
    date_edit.setFocus()
    qtbot.keyClicks(date_edit, "2020-13-45")
    qtbot.keyClick(date_edit, Qt.Key.Key_Return)
    assert "报告日期" in window.statusBar().currentMessage() and sample_report.report_date == ""
    assert date_edit.text() == "2020-13-45" and date_edit.styleSheet()  # kept, marked, to correct
    date_edit.selectAll()
    qtbot.keyClicks(date_edit, "2020-01-15")
    qtbot.keyClick(date_edit, Qt.Key.Key_Return)
    assert sample_report.report_date == "2020-01-15" and not date_edit.styleSheet()
    window.undo_stack.undo()
    assert sample_report.report_date == "" and date_edit.text() == ""
    window.undo_stack.undo()
    assert sample_report.unit_name == "火花镇人民政府" and edit.text() == "火花镇人民政府"


def test_ctrl_s_saves_and_reloads_equal(qtbot, make_window, sample_path, tmp_path):
    target = tmp_path / "火花镇.gkbg.json"
    target.write_bytes(sample_path.read_bytes())
    report = load_draft(target)
    window = make_window(report, target)
    assert window.windowTitle() == "火花镇人民政府 – 2019年 – 火花镇.gkbg.json[*]"
    page = grid_page(window, "review")
    type_into(qtbot, page.view, page.model.index_of(CellRef("review", "cases", "review_upheld")), "3")
    qtbot.waitUntil(window.isWindowModified)
    qtbot.keyClick(page.view, Qt.Key.Key_S, CTRL)
    assert not window.isWindowModified()
    again = load_draft(target)
    assert report_to_dict(again) == report_to_dict(report)
    assert again.value(CellRef("review", "cases", "review_upheld")) == 3


def test_save_failure_shows_message(qtbot, make_window, sample_report, tmp_path, answer):
    window = make_window(sample_report)
    answers = answer("确定")
    assert not window.save_as(tmp_path / "missing-folder" / "x.gkbg.json")
    assert answers.seen[0][0] == "保存失败" and "文件夹不存在" in answers.seen[0][1]
    assert window.path is None
    assert window.save_as(tmp_path / "named.json")
    assert window.path.name == "named.gkbg.json" and (tmp_path / "named.gkbg.json").exists()


def test_zoom_is_remembered(qtbot, make_window, sample_report, report_2019):
    window = make_window(sample_report)
    view = window.page_for("applications").view
    before = view.font().pointSizeF(), view.columnWidth(0)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Equal, CTRL)
    assert window.zoom_percent == 110
    assert view.font().pointSizeF() > before[0] and view.columnWidth(0) > before[1]
    assert window.page_for("overview").editor.font().pointSizeF() > before[0]
    second = make_window(report_2019)
    assert second.zoom_percent == 110
    assert QSettings("gkbg", "gkbg").fileName() != window.settings.fileName()


def test_long_labels_wrap_into_taller_rows(make_window, report_2021):
    window = make_window(report_2021)
    page = window.page_for("applications")
    view, model = page.view, page.model
    long_row = model.index_of(CellRef("applications", "other_no_correction", "natural")).row()
    short_row = model.index_of(CellRef("applications", "disclosed", "natural")).row()
    assert view.rowHeight(long_row) > view.rowHeight(short_row)
    assert not view.horizontalHeader().isVisible() and not view.verticalHeader().isVisible()
    corner = model.grid.at(0, 0)
    assert (view.rowSpan(0, 0), view.columnSpan(0, 0)) == (corner.rowspan, corner.colspan)


def test_command_line_opening(tmp_path, sample_path):
    assert initial_draft([]) == (None, None, None, None)  # the start page
    bad = tmp_path / "bad.gkbg.json"
    bad.write_text("{not json", encoding="utf-8")
    report, path, error, state = initial_draft([str(bad)])
    assert error and "Traceback" not in error and path is None and report is None and state is None
    report, path, error, state = initial_draft([str(tmp_path / "none.gkbg.json")])
    assert error and "none.gkbg.json" in error and report is None
    report, path, error, state = initial_draft([str(sample_path)])
    assert report.unit_name == "火花镇人民政府" and path == sample_path and error is None and state is not None


def test_findings_dock_starts_at_the_bottom_and_stays_where_the_clerk_puts_it(qtbot, make_window, sample_report,
                                                                              report_2019):
    from ui.findings.dock_layout import FINDINGS_HEIGHT

    report_2019.set_value(CellRef("applications", "new", "natural"), 5)  # findings to show
    window = make_window(report_2019)
    dock = window.findings_dock
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert dock.isVisible() and not dock.isFloating() and abs(dock.height() - FINDINGS_HEIGHT) <= 2
    assert dock.table.viewport().height() >= 3 * dock.table.verticalHeader().defaultSectionSize()
    assert dock.geometry().bottom() < window.statusBar().geometry().top()
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.close()  # the layout is saved with the window's geometry
    second = make_window(report_2019)
    dock = second.findings_dock
    assert second.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    dock.close()  # the clerk closed it (×) …
    qtbot.waitUntil(lambda: not dock.isVisible())
    reset = next(a for a in second.actions.view_menu.actions() if a.text() == "恢复默认布局")
    reset.trigger()  # … and wants the standard layout back
    assert second.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    qtbot.waitUntil(dock.isVisible)
    assert not dock.isFloating() and abs(dock.height() - FINDINGS_HEIGHT) <= 2


def test_findings_dock_is_one_line_while_there_is_nothing_to_report(qtbot, make_window, sample_report):
    from ui.findings.dock_layout import FINDINGS_HEIGHT

    window = make_window(sample_report)  # checks clean
    dock = window.findings_dock
    line = dock.clean_label.sizeHint().height()
    assert dock.is_compact() and dock.isVisible() and dock.height() <= line + 2
    assert dock.titleBarWidget() is dock.clean_label and dock.clean_label.text().startswith("检查结果：检查通过")
    page = grid_page(window, "applications")
    qtbot.waitUntil(lambda: page.view.height() > 100)
    grid_height = page.view.height()
    columns = ("commercial", "research", "public_welfare", "legal_service", "other_org")
    window.session.set_cells([(CellRef("applications", "new", c), 5) for c in columns])  # six errors at once:
    assert dock.height_for_rows() > dock.height_for_rows(3)  # the panel shows five of them
    qtbot.waitUntil(lambda: abs(dock.height() - min(FINDINGS_HEIGHT, dock.height_for_rows())) <= 2)
    assert dock.widget() is dock.table and dock.titleBarWidget() is None and page.view.height() < grid_height
    dock_height = 150
    window.resizeDocks([dock], [dock_height], Qt.Orientation.Vertical)  # the clerk makes it a little lower
    qtbot.waitUntil(lambda: dock.height() == dock_height)
    shorter = page.view.height()
    window.undo_stack.undo()  # mended while typing: the panel says so in its table, the grid does not jump
    qtbot.waitUntil(dock.empty_label.isVisible)
    assert dock.height() == dock_height and page.view.height() == shorter and dock.table.rowCount() == 0
    window.undo_stack.redo()  # broken again: no jump either
    assert dock.height() == dock_height and not dock.empty_label.isVisible() and dock.table.rowCount() == 6
    window.undo_stack.undo()
    window.tabs.setCurrentIndex(0)  # another tab, nothing to report: one line again
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.view.height() == grid_height)
    assert dock.is_compact() and dock.clean_label.isVisible() and not dock.table.isVisible()
    window.undo_stack.redo()  # findings again: the panel gets back the height the clerk gave it
    qtbot.waitUntil(lambda: dock.height() == dock_height)


@pytest.mark.parametrize("saved", ["garbage", "other window", "default refused"])
def test_an_unusable_saved_layout_gives_the_default_one(qtbot, make_window, sample_report, tmp_path, monkeypatch,
                                                        saved):
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QDockWidget, QMainWindow

    import ui.findings.dock_layout
    from ui.settings import STATE_KEY

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    if saved == "garbage":
        settings.setValue(STATE_KEY, QByteArray(b"\x00\x01 not a window state"))
    elif saved == "other window":  # valid, but places no 检查结果 dock
        other = QMainWindow()
        dock = QDockWidget("其他")
        dock.setObjectName("other_dock")
        other.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        settings.setValue(STATE_KEY, other.saveState())
        other.deleteLater()
    else:
        monkeypatch.setattr(ui.findings.dock_layout, "DEFAULT_LAYOUT", b"\x00")
    settings.sync()
    window = make_window(sample_report)
    assert window.dockWidgetArea(window.findings_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.findings_dock.isVisible() and not window.findings_dock.isFloating()


def started_window(tmp_path, report_expr: str, **env) -> dict:
    """Start the app on the sample in a fresh process (as `python main.py SAMPLE` does), let it show the
    window, and return the JSON value of report_expr, evaluated there with `window` and `sys` at hand."""
    code = (f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
            "from ui.app import start_gui\n"
            f"app, window = start_gui([{str(SAMPLE)!r}])\n"
            "app.processEvents()\n"
            f"import json\nprint(json.dumps({report_expr}))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GKBG_DATA_DIR": str(tmp_path / "data"), **env}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0, run.stderr[-800:]
    return json.loads(run.stdout.strip().splitlines()[-1])


# what the window does not need to appear (tests/test_startup.py has why each waits)
LATER_MODULES = ("docx", "reportlab", "ctypes", "openpyxl", "ui.output.export_settings", "model.formats.help_texts",
                 "model.last_year_block", "model.carried_marks", "model.explanations", "model.printed_totals",
                 "model.aggregate_record")
LATER_QT_TYPES = ("QEvent", "QShowEvent", "QDialog", "QComboBox", "QPlainTextEdit", "QTabBar", "QStandardPaths")


def test_start_up_leaves_heavy_modules_for_later(tmp_path):
    """What the window does not need to appear waits: export libraries, and PySide's Qt namespace,
    whose ~100 enums cost about 15 ms; a module importing `Qt` at its top would bring it back. So do the
    modules of dialogs and draft blocks the sample does not use, PySide types built only for them (and the
    event types a Python event handler run before the first paint would build), and the patterns checking
    characters a text does not hold."""
    state = started_window(tmp_path, "{'shown': window.isVisible(), 'unit': window.report.unit_name, "
                                     "'qt_namespace': 'Qt' in vars(sys.modules['PySide6.QtCore']), "
                                     f"'modules': sorted(m for m in {LATER_MODULES!r} if m in sys.modules), "
                                     "'qt_types': sorted(t for t in " + repr(LATER_QT_TYPES) + " if any(t in vars("
                                     "sys.modules[m]) for m in ('PySide6.QtCore', 'PySide6.QtGui', 'PySide6.QtWidgets'))), "
                                     "'compiled': 'compiled' in vars(sys.modules['model.chars']._REFUSED_IN_TEXT)}")
    assert state == {"shown": True, "unit": "火花镇人民政府", "qt_namespace": False, "modules": [], "qt_types": [],
                     "compiled": False}


@pytest.mark.parametrize("screen, scale", [((1366, 768), "1"), ((1920, 1080), "1.5"), ((1920, 1080), "2")],
                         ids=["1366x768", "1080p-150%", "1080p-200%"])
def test_first_start_fits_the_screen(tmp_path, screen, scale):
    """Office PCs with 1366×768 screens, laptops at 150–200 %: the whole window is on the screen, and the
    检查结果 dock leaves most of it to the form."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": screen[0], "height": screen[1],
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    got = started_window(tmp_path, "{'area': window.screen().availableGeometry().getRect(), "
                                   "'frame': window.frameGeometry().getRect(), 'height': window.height(), "
                                   "'dock': window.findings_dock.height(), "
                                   "'docked': not window.findings_dock.isFloating() and window.findings_dock.isVisible(), "
                                   "'page': window.tabs.currentWidget().height()}",
                         QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale)
    ax, ay, aw, ah = got["area"]
    x, y, w, h = got["frame"]
    assert aw == round(screen[0] / float(scale)) and ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah
    assert got["docked"] and got["dock"] <= max(170, got["height"] // 4) + 2
    assert got["page"] > 2 * got["dock"] if got["height"] < 860 else got["page"] > got["dock"]


def test_a_grid_tab_opens_at_the_top_even_before_its_layout(qtbot, make_window, sample_report):
    """The first cell of 二 sits under its block title and column headers: they stay in sight, also when
    the tab gets the keyboard before its grid has its final height (seen under X11 on small screens)."""
    window = make_window(sample_report)
    view = grid_page(window, "proactive").view
    view.setCurrentIndex(view.model().index(0, 0))  # a header cell: focus_first moves to the first input
    view.resize(view.width(), 12)  # not laid out yet: less than a row high
    view.focus_first()
    assert view.currentIndex() == view.first_editable() and view.model().grid.at(0, 0).role.name == "TITLE"
    assert view.verticalScrollBar().value() == 0
