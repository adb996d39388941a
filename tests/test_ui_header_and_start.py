"""基本信息 (dates typed or picked, the year changeable while no number is filled in), the start page, and the
status bar's 完成度 indicator with its next step."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCalendarWidget

from model.draft import save_draft
from model.report import CellRef
from test_ui_support import OFFSCREEN_NOISE, answer, grid_page, make_window, plain, type_into  # noqa: F401

pytestmark = OFFSCREEN_NOISE
NEW = CellRef("applications", "new", "natural")
POPUP_NOISE = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing",
                                        "This plugin does not support propagateSizeHints")


def commit(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    for ch in text:  # Chinese characters arrive as typed text too
        qtbot.keyClicks(edit, ch) if ch.isascii() else edit.insert(ch)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


@pytest.mark.parametrize("typed", ["2020年1月15日", "2020.1.15", "2020/1/15", "２０２０－０１－１５"])
def test_a_date_typed_as_clerks_write_it_is_stored_iso(qtbot, make_window, report_2019, typed):
    window = make_window(report_2019)
    edit = window.pages[0].edits["report_date"]
    assert edit.placeholderText() == "如 2020-01-15 或 2020年1月15日"  # the report year + 1
    commit(qtbot, edit, typed)
    assert report_2019.report_date == "2020-01-15" and edit.text() == "2020-01-15" and not edit.styleSheet()
    assert window.undo_stack.count() == 1


@POPUP_NOISE
def test_the_calendar_picks_the_date(qtbot, make_window, report_2019):
    window = make_window(report_2019)
    page = window.pages[0]
    seen = {}

    def pick():
        calendar = QApplication.activePopupWidget().findChild(QCalendarWidget)
        seen["open on"] = calendar.selectedDate().toPython()
        seen["month"] = calendar.locale().monthName(1)
        calendar.clicked.emit(QDate(2020, 1, 20))

    QTimer.singleShot(50, pick)
    page.calendar_button.click()
    assert seen == {"open on": date(2020, 1, 15), "month": "一月"}  # an undated 2019 report: January 2020
    assert report_2019.report_date == "2020-01-20" and page.edits["report_date"].text() == "2020-01-20"
    QTimer.singleShot(50, lambda: (seen.update(again=QApplication.activePopupWidget().findChild(
        QCalendarWidget).selectedDate().toPython()), QApplication.activePopupWidget().close()))
    page.calendar_button.click()
    assert seen["again"] == date(2020, 1, 20)  # the stored date next time


@POPUP_NOISE
def test_the_year_changes_while_the_report_has_no_numbers(qtbot, make_window, report_2019):
    window = make_window(report_2019)
    page = window.pages[0]
    seen = []

    def read_menu():
        popup = QApplication.activePopupWidget()
        seen.extend((a.text(), a.isChecked()) for a in popup.actions())
        popup.close()

    QTimer.singleShot(50, read_menu)
    page.year.click()  # the years in a menu under the year
    assert seen[0] == ("2019年（2019年版格式）", True) and seen[-1][0].startswith(f"{date.today().year}年（2021年版")
    assert page.year.text() == "2019年 ▾" and page.year.isEnabled() and "可以更改年度" in page.year_note.text()
    page.choose_year(2020)  # the same format: the tabs stay
    grid = window.page_for("applications")
    assert report_2019.year == 2020 and window.page_for("applications") is grid
    assert window.windowTitle().startswith("测试镇人民政府 – 2020年") and page.year.text() == "2020年 ▾"
    assert page.edits["report_date"].placeholderText() == "如 2021-01-15 或 2021年1月15日"
    page.choose_year(2022)  # across 2020/2021: the 2021 format, said so
    assert report_2019.format.id == "2021" and "2021年版格式" in page.format_label.text()
    assert "适用格式随之改为2021年版格式" in window.statusBar().currentMessage()
    new_grid = window.page_for("applications")
    assert new_grid is not grid and new_grid.model.report.format.id == "2021"
    assert new_grid.model.index_of(CellRef("applications", "other_no_fee", "natural")).isValid()
    assert window.tabs.count() == 7 and window.tabs.tabText(3) == "三、依申请公开"
    window.undo_stack.undo()  # undoable, format and all
    assert (report_2019.year, report_2019.format.id) == (2020, "2019") and page.year.text() == "2020年 ▾"
    assert window.page_for("applications").model.report.format.id == "2019"
    type_into(qtbot, window.page_for("applications").view, window.page_for("applications").model.index_of(NEW), "1")
    qtbot.waitUntil(lambda: report_2019.value(NEW) == 1)
    assert not page.year.isEnabled() and "已填写了数字" in page.year_note.text()  # numbers: the year is fixed
    window.undo_stack.undo()
    assert page.year.isEnabled()


def test_a_year_refused_leaves_everything_as_it_was(qtbot, make_window, report_2019):
    window = make_window(report_2019)
    page = window.pages[0]
    report_2019.set_value(NEW, 1)  # filled in behind the page's back: the session still refuses
    page.choose_year(2022)
    assert report_2019.year == 2019 and page.year.text() == "2019年 ▾"
    assert "年度不能再更改" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0


@pytest.fixture
def start_window(qtbot, tmp_path):
    from ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.ask_before_close = False
    window.show_start_page()
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    window.deleteLater()


def test_without_a_file_the_start_page_offers_new_open_and_recent(qtbot, start_window, tmp_path, sample_report):
    window = start_window
    page = window.start_page
    assert window.centralWidget() is page and not window.findings_dock.isVisible()
    assert window.session is None and not window.actions.save.isEnabled()
    assert not window.outputs.export_pdf.isEnabled() and not window.actions.edits["paste"].isEnabled()
    assert window.windowTitle() == "政府信息公开工作年度报告[*]" and not window.progress.isVisible()
    assert [plain(b.text()) for b in page.findChildren(type(page.new_button))] == [
        "新建", "打开草稿…", "基于上年报告新建…", "导入 Word/PDF 报告…", "汇总各单位报告…"]
    assert page.year.currentText() == f"{date.today().year - 1}年" and not page.new_button.isEnabled()
    page.unit.setText("青山乡人民政府")
    page.year.setCurrentIndex(page.years.index(2020))
    assert "2019年版格式" in page.format_label.text()
    page.new_button.click()
    assert window.report.unit_name == "青山乡人民政府" and window.report.year == 2020
    assert window.centralWidget() is window.tabs and window.findings_dock.isVisible()
    assert window.actions.save.isEnabled() and window.outputs.export_pdf.isEnabled()
    assert window.settings.value("report/default_unit") == "青山乡人民政府"


def test_the_start_page_opens_a_recent_draft_and_drops_a_missing_one(qtbot, start_window, tmp_path, sample_report,
                                                                       answer):
    from ui.settings import set_recent

    window = start_window
    draft = tmp_path / "火花镇.gkbg.json"
    save_draft(sample_report, draft)
    gone = tmp_path / "已删除.gkbg.json"
    set_recent(window.settings, [gone, draft])
    window.show_start_page()
    recent = window.start_page.recent
    assert recent.count() == 2 and "文件已不存在" in recent.item(0).text() and "火花镇.gkbg.json" in recent.item(1).text()
    answers = answer("确定")
    recent.itemActivated.emit(recent.item(0))
    assert answers.seen[0][0] == "文件不存在" and window.session is None
    assert recent.count() == 1  # the missing one left the list
    recent.itemActivated.emit(recent.item(0))
    assert window.report.unit_name == "火花镇人民政府" and window.path == draft


def test_one_more_way_to_start_is_one_more_button(qtbot, start_window):
    clicked = []
    button = start_window.start_page.add_action("基于上年报告…", lambda: clicked.append(1), "以上年度的报告为基础")
    qtbot.waitUntil(button.isVisible)
    button.click()
    assert clicked == [1] and button.toolTip() == "以上年度的报告为基础"


def test_closing_on_the_start_page_keeps_the_saved_layout(qtbot, start_window):
    from ui.settings import STATE_KEY

    start_window.settings.setValue(STATE_KEY, b"saved with a report")
    start_window.close()
    assert start_window.settings.value(STATE_KEY) == b"saved with a report"


def test_the_progress_indicator_names_the_next_step_and_goes_there(qtbot, make_window):
    from model.report import Report

    report = Report.for_year(2019, "测试镇人民政府")  # nothing written yet: 一 and 五 are required
    window = make_window(report)
    progress = window.progress
    assert "已填 0/6 部分 · 2 个错误" in progress.text()
    assert progress.text().endswith("下一步：改正“一、总体情况”的错误")  # where, as the tab names it
    qtbot.mouseClick(progress, Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == 1 and window.focusWidget() is window.pages[1].editor
    for key in ("overview", "problems"):
        window.session.set_text(key, "本年度没有需要说明的特别事项，各项工作按计划完成。" * 2)
    assert "已填 2/6 部分 · 0 个错误" in progress.text()
    step = progress.text().rpartition("下一步：")[2]
    assert step in ("填写“六、其他事项”", "查看警告"), step
    window.session.set_text("other", "本年度没有收取信息处理费。")
    assert progress.text().endswith("下一步：核对“二、主动公开”（全部为0）")
    assert "全部为0的表格：二、主动公开、三、依申请公开、四、复议诉讼" in progress.toolTip()
    qtbot.mouseClick(progress, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.page_for("proactive")
    window.session.set_cells([(NEW, 5)])
    assert "2 个错误" in progress.text() and progress.text().endswith("下一步：改正“三、依申请公开”的错误")
    qtbot.mouseClick(progress, Qt.MouseButton.LeftButton)
    page = window.page_for("applications")
    assert window.tabs.currentWidget() is page and page.view.currentIndex() == page.model.index_of(NEW)
