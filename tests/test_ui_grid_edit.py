"""The grid as a spreadsheet: 编辑 menu and right-click menu (剪切/复制/粘贴/清除/全选, 撤销/重做), pasted
totals compared with the computed ones, the legend of cell colours."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from model.report import CellRef
from ui import style
from test_ui_support import OFFSCREEN_NOISE, grid_page, make_window, plain, type_into  # noqa: F401  (fixture)

pytestmark = OFFSCREEN_NOISE
CTRL = Qt.KeyboardModifier.ControlModifier
NEW = CellRef("applications", "new", "natural")
CARRIED = CellRef("applications", "carried_over", "natural")
POPUP_NOISE = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing",
                                        "This plugin does not support propagateSizeHints")


def at(window, ref: CellRef):
    page = grid_page(window, "applications")
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index_of(ref))
    return page


def test_the_edit_menu_holds_the_spreadsheet_commands_with_their_keys(make_window, report_2019):
    window = make_window(report_2019)
    menu = [(plain(a.text()), a.shortcut().toString() or a.text().partition("\t")[2])
            for a in window.actions.edit_menu.actions() if not a.isSeparator()]
    assert menu[:7] == [("撤销", "Ctrl+Z"), ("重做", "Ctrl+Y"), ("剪切", "Ctrl+X"), ("复制", "Ctrl+C"),
                        ("粘贴", "Ctrl+V"), ("清除", "Del"), ("全选", "Ctrl+A")]


def test_menu_commands_act_on_the_grid(qtbot, make_window, report_2019):
    window = make_window(report_2019)
    page = at(window, NEW)
    report_2019.set_value(NEW, 7)
    edits = window.actions.edits
    edits["copy"].trigger()
    assert QGuiApplication.clipboard().text() == "7"
    page.view.setCurrentIndex(page.model.index_of(CARRIED))
    edits["paste"].trigger()
    assert report_2019.value(CARRIED) == 7 and "已粘贴 1 个单元格" in window.statusBar().currentMessage()
    edits["clear"].trigger()
    assert report_2019.value(CARRIED) == 0
    page.view.setCurrentIndex(page.model.index_of(NEW))
    edits["cut"].trigger()
    assert report_2019.value(NEW) == 0 and QGuiApplication.clipboard().text() == "7"
    window.undo_stack.undo()  # the cut is one step
    assert report_2019.value(NEW) == 7
    edits["select_all"].trigger()
    assert len(page.view.selected_cells()) == len(page.model.grid.value_cells())


def test_shortcuts_cut_and_clear_in_the_grid_but_stay_with_a_text_field(qtbot, make_window, report_2019):
    window = make_window(report_2019)
    page = at(window, NEW)
    report_2019.set_value(NEW, 3)
    qtbot.keyClick(page.view, Qt.Key.Key_X, CTRL)
    assert report_2019.value(NEW) == 0 and QGuiApplication.clipboard().text() == "3"
    qtbot.keyClick(page.view, Qt.Key.Key_V, CTRL)
    assert report_2019.value(NEW) == 3
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert report_2019.value(NEW) == 0
    window.tabs.setCurrentIndex(0)
    edit = window.pages[0].edits["unit_name"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_C, CTRL)  # the field's own copy, not the grid's
    assert QGuiApplication.clipboard().text() == "测试镇人民政府"
    edit.setCursorPosition(0)
    window.actions.edits["select_all"].trigger()  # the menu acts on the field with the keyboard
    window.actions.edits["cut"].trigger()
    assert edit.text() == "" and QGuiApplication.clipboard().text() == "测试镇人民政府"


@POPUP_NOISE
def test_right_click_on_a_cell_gives_the_edit_commands(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    page = grid_page(window, "proactive")
    view = page.view
    money = CellRef("item9", "procurement", "amount")
    seen = []

    def read_and_close():
        popup = QApplication.activePopupWidget()
        seen.append([plain(a.text()) for a in popup.actions() if not a.isSeparator()])
        popup.close()

    for ref in (CellRef("item1", "normative", "made"), money):
        rect = view.visualRect(page.model.index_of(ref))
        QTimer.singleShot(50, read_and_close)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, rect.center(),
                                  view.viewport().mapToGlobal(rect.center()))
        QApplication.sendEvent(view.viewport(), event)
        assert view.currentIndex() == page.model.index_of(ref)  # the menu is for the cell clicked
    commands = ["剪切", "复制", "粘贴", "清除", "全选"]
    assert seen[0][:5] == commands and seen[0][5].startswith("撤销") and seen[0][6].startswith("重做")
    assert seen[1][:5] == commands and seen[1][-2:] == ["以“元”为单位", "以“万元”为单位"]


@pytest.mark.parametrize("block, expected", [
    ("1\t2\t3\t0\t0\t0\t6", "粘贴的1个总计与自动计算的一致"),
    ("1\t2\t3\t0\t0\t0\t10", "粘贴的总计与自动计算的不一致：一、本年新收政府信息公开申请数量／总计 粘贴为10，"
                             "计算得6（相差4）"),
    ("1\t2\t3\t0\t0\t0\t10\n1\t0\t0\t0\t0\t0\t2", "不一致等2处"),
])
def test_a_pasted_total_is_compared_with_the_computed_one(qtbot, make_window, report_2019, block, expected):
    window = make_window(report_2019)
    page = at(window, NEW)
    QGuiApplication.clipboard().setText(block)
    qtbot.keyClick(page.view, Qt.Key.Key_V, CTRL)
    assert expected in window.statusBar().currentMessage()
    assert report_2019.value(CellRef("applications", "new", "total")) == 6  # computed, never the pasted one
    assert report_2019.value(CellRef("applications", "new", "research")) == 3


def test_a_pasted_total_that_is_no_number_refuses_the_block(qtbot, make_window, report_2019):
    window = make_window(report_2019)
    page = at(window, NEW)
    QGuiApplication.clipboard().setText("1\t2\t3\t0\t0\t0\t合计")
    qtbot.keyClick(page.view, Qt.Key.Key_V, CTRL)
    assert "总计“合计”不是整数，整块未粘贴" in window.statusBar().currentMessage()
    assert report_2019.value(NEW) == 0 and window.undo_stack.count() == 0


def test_the_legend_names_the_cell_colours_the_grid_uses(qtbot, make_window, report_2019):
    from ui.grid.legend import ENTRIES

    window = make_window(report_2019)
    page = grid_page(window, "applications")
    legend = page.legend
    qtbot.waitUntil(legend.isVisible)
    assert [label for _, label, _ in ENTRIES] == ["可填写", "自动计算", "上年带入", "有错误", "有警告"]
    assert legend.shown_entries() == len(ENTRIES)  # all of them at this width
    assert legend.geometry().top() < page.view.geometry().top()  # on the heading's line, above the grid
    image = legend.grab().toImage()
    ratio = image.devicePixelRatio()
    swatch = legend._swatch()
    x = 0
    for (colour, _label, _tip), width in zip(ENTRIES, legend._widths()):
        centre = QPoint(x + swatch // 2, legend.height() // 2) * ratio
        expected = "#ffffff" if colour is None else getattr(style, colour).color().name()
        assert image.pixelColor(centre).name() == expected
        x += width + 14
    total = page.model.index_of(CellRef("applications", "new", "total"))
    assert page.model.data(total, Qt.ItemDataRole.BackgroundRole) == style.TOTAL_BG  # the same colour as its swatch
    legend.resize(legend._widths()[0] + 5, legend.height())
    assert legend.shown_entries() == 1  # a narrow window leaves entries out instead of growing
