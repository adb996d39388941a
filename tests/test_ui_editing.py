"""The grids driven by keyboard: live rule highlighting, totals, paste, refused input, undo/redo, delete."""
from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from model.cells import Money
from model.report import CellRef
from ui import style

ROOT = Path(__file__).resolve().parent.parent
from test_ui_support import OFFSCREEN_NOISE, grid_page, make_window, type_into  # noqa: F401  (fixture)

pytestmark = OFFSCREEN_NOISE

NEW = CellRef("applications", "new", "natural")
DISCLOSED = CellRef("applications", "disclosed", "natural")
BG = Qt.ItemDataRole.BackgroundRole


def row_colours(model, key):
    row = model.index_of(CellRef("applications", key, "natural")).row()
    brushes = [model.data(model.index(row, c), BG) for c in range(model.columnCount()) if model.cell(model.index(row, c))]
    return {b.color().name() if b is not None else None for b in brushes}


def name(brush):
    return brush.color().name()


def test_balance_breaks_highlights_and_clears(qtbot, make_window, report_2019):
    report_2019.set_text("problems", "无")
    window = make_window(report_2019)
    page = grid_page(window, "applications")
    model, view = page.model, page.view
    assert row_colours(model, "new") == {None, name(style.TOTAL_BG)}
    type_into(qtbot, view, model.index_of(NEW), "5")
    qtbot.waitUntil(lambda: report_2019.value(NEW) == 5)
    # Enter moved the cursor down to the next row
    assert view.currentIndex() == model.index_of(CellRef("applications", "carried_over", "natural"))
    assert name(style.ERROR_ROW_BG) in row_colours(model, "new")
    assert model.data(model.index_of(NEW), BG) == style.ERROR_CELL_BG
    assert name(style.ERROR_ROW_BG) in row_colours(model, "carry_forward")
    assert "相差5" in model.data(model.index_of(NEW), Qt.ItemDataRole.ToolTipRole)
    tab = window.tabs.indexOf(page)
    assert window.tabs.tabText(tab) == "三、依申请公开" and window.tabs.marks[tab] == "error"
    assert window.tabs.tabToolTip(tab).endswith("2 个错误")  # natural and 总计 columns
    panel = window.findings_dock.table
    assert panel.rowCount() == 3  # two balance errors, and the warning for the token section 五
    assert [panel.item(0, c).text() for c in (0, 1, 3)] == ["错误", "三", "一、本年新收政府信息公开申请数量"]
    assert "2 个错误 · 1 个警告" in window.progress.text()
    type_into(qtbot, view, model.index_of(DISCLOSED), "5")
    qtbot.waitUntil(lambda: report_2019.value(DISCLOSED) == 5)
    assert row_colours(model, "new") == {None, name(style.TOTAL_BG)}
    assert window.tabs.tabText(tab) == "三、依申请公开" and tab not in window.tabs.marks
    assert panel.rowCount() == 1 and panel.item(0, 0).text() == "警告"
    assert "0 个错误 · 1 个警告" in window.progress.text()


def test_a_pasted_block_updates_the_progress_indicator_once(qtbot, make_window, report_2019, monkeypatch):
    """The 完成度 indicator follows the rules' run after a change: a block of six cells (one undo step, one run of
    the rules) updates it once, not once per cell."""
    report_2019.set_text("problems", "无")
    window = make_window(report_2019)
    page = grid_page(window, "applications")
    shown = []
    show_state = window.progress.show_state
    monkeypatch.setattr(window.progress, "show_state", lambda *args: (shown.append(args), show_state(*args)))
    QGuiApplication.clipboard().setText("5\t1\n2\t3\n4\t6")
    page.view.setCurrentIndex(page.model.index_of(NEW))
    page.view.paste()
    assert report_2019.value(NEW) == 5 and report_2019.value(DISCLOSED) == 4 and len(shown) == 1
    errors, warnings = window.session.counts()
    assert errors and f"{errors} 个错误 · {warnings} 个警告" in window.progress.text()
    window.undo_stack.undo()
    assert len(shown) == 2 and "0 个错误 · 1 个警告" in window.progress.text()


def test_totals_follow_parts_and_are_read_only(qtbot, make_window, report_2021):
    window = make_window(report_2021)
    page = grid_page(window, "applications")
    model, view = page.model, page.view
    type_into(qtbot, view, model.index_of(NEW), "3", commit=Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: report_2021.value(NEW) == 3)
    assert view.currentIndex() == model.index_of(CellRef("applications", "new", "commercial"))
    type_into(qtbot, view, model.index_of(CellRef("applications", "new", "commercial")), "4")
    total = model.index_of(CellRef("applications", "new", "total"))
    qtbot.waitUntil(lambda: model.data(total) == "7")
    type_into(qtbot, view, model.index_of(CellRef("applications", "other_no_fee", "natural")), "2")
    qtbot.waitUntil(lambda: model.data(model.index_of(CellRef("applications", "results_total", "total"))) == "2")
    assert not model.flags(total) & Qt.ItemFlag.ItemIsEditable
    assert model.data(total, BG) in (style.TOTAL_BG, style.ERROR_CELL_BG, style.ERROR_ROW_BG)
    assert model.data(total, Qt.ItemDataRole.FontRole).bold()


def test_paste_block_with_full_width_digits_is_one_undo_step(qtbot, make_window, report_2019):
    window = make_window(report_2019)
    page = grid_page(window, "applications")
    view, model = page.view, page.model
    view.setFocus()
    view.setCurrentIndex(model.index_of(NEW))
    QGuiApplication.clipboard().setText("１２\t3 4\t1,000\n\t０\t7\r\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    values = [report_2019.value(CellRef("applications", r, c))
              for r in ("new", "carried_over") for c in ("natural", "commercial", "research")]
    assert values == [12, 34, 1000, 0, 0, 7]
    assert model.data(model.index_of(CellRef("applications", "new", "total"))) == "1046"
    assert window.undo_stack.count() == 1 and window.isWindowModified()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert report_2019.value(NEW) == 0 and report_2019.value(CellRef("applications", "carried_over", "research")) == 0
    assert not window.isWindowModified()
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert report_2019.value(NEW) == 12 and window.isWindowModified()


@pytest.mark.parametrize("block, named", [
    ("1\t2\n3\tabc", "二、上年结转政府信息公开申请数量／商业企业"),
    ("1\t2\t3\t4\t5\t6\t7\t8", "超出"),
    ("-1", "负数"),
])
def test_bad_block_refused_whole(qtbot, make_window, report_2019, block, named):
    window = make_window(report_2019)
    page = grid_page(window, "applications")
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index_of(NEW))
    QGuiApplication.clipboard().setText(block)
    qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert named in window.statusBar().currentMessage()
    assert all(report_2019.value(ref) in (0, None) for ref, _ in report_2019.input_cells())
    assert window.undo_stack.count() == 0


def test_paste_onto_a_header_row_does_not_fit(qtbot, make_window, report_2019):
    window = make_window(report_2019)
    page = grid_page(window, "proactive")
    start = CellRef("item1", "normative", "made")
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index_of(start))
    QGuiApplication.clipboard().setText("1\n2")
    qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "超出" in window.statusBar().currentMessage()
    assert report_2019.value(start) == 0


@pytest.mark.parametrize("text, reason, kept", [
    ("abc", "不能输入“c”：应为非负整数", "0"), ("-3", "不能为负数", "3"), ("1.5", "不能有小数", "15"),
    ("1234567890", "数字太大：不能超过999,999,999", "123456789"), ("1２x", "不能输入“x”", "1２"),
])
def test_keys_that_can_never_make_a_number_are_refused_as_typed(qtbot, make_window, report_2019, text, reason, kept):
    window = make_window(report_2019)
    page = grid_page(window, "applications")
    editor = type_into(qtbot, page.view, page.model.index_of(NEW), text, commit=None)
    assert editor.text() == kept  # the refused key never showed …
    message = window.statusBar().currentMessage()
    assert reason in message and "一、本年新收政府信息公开申请数量／自然人" in message  # … the reason did
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert report_2019.value(NEW) == 0 and window.undo_stack.count() == 0


@pytest.mark.parametrize("ref, text, reason", [
    (NEW, "+", "不是数字"), (CellRef("item5", "licensing", "change"), "-", "不是数字"),
])
def test_what_is_incomplete_is_refused_on_enter_with_status_message(qtbot, make_window, report_2019, ref, text,
                                                                    reason):
    window = make_window(report_2019)
    page = grid_page(window, "applications" if ref.table == "applications" else "proactive")
    type_into(qtbot, page.view, page.model.index_of(ref), text)
    qtbot.waitUntil(lambda: reason in window.statusBar().currentMessage())
    assert "未填入" in window.statusBar().currentMessage()
    assert report_2019.value(ref) == 0
    assert window.undo_stack.count() == 0


def test_signed_change_accepts_negative(qtbot, make_window, report_2019):
    window = make_window(report_2019)
    page = grid_page(window, "proactive")
    ref = CellRef("item5", "licensing", "change")
    type_into(qtbot, page.view, page.model.index_of(ref), "-2")
    qtbot.waitUntil(lambda: report_2019.value(ref) == -2)


def test_delete_clears_counts_and_money(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    page = grid_page(window, "proactive")
    count = CellRef("item1", "normative", "made")
    money = CellRef("item9", "procurement", "amount")
    for ref, cleared in ((count, 0), (money, None)):
        page.view.setFocus()
        page.view.setCurrentIndex(page.model.index_of(ref))
        qtbot.keyClick(page.view, Qt.Key.Key_Delete)
        assert sample_report.value(ref) == cleared
    assert window.undo_stack.count() == 2


def test_money_units(qtbot, make_window, report_2019):
    window = make_window(report_2019)
    page = grid_page(window, "proactive")
    ref = CellRef("item9", "procurement", "amount")
    type_into(qtbot, page.view, page.model.index_of(ref), "25.1万元")
    qtbot.waitUntil(lambda: report_2019.value(ref) == Money(Decimal("25.1"), "万元"))
    page.view.set_money_unit(page.model.grid.cell_of(ref), "元")
    assert report_2019.value(ref) == Money(Decimal("251000"), "元")
    assert page.model.data(page.model.index_of(ref)) == "251000元"
    type_into(qtbot, page.view, page.model.index_of(ref), "3００")
    qtbot.waitUntil(lambda: report_2019.value(ref) == Money(Decimal("300"), "元"))


def test_copy_selection_as_tsv(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    page = grid_page(window, "proactive")
    view, model = page.view, page.model
    view.setFocus()
    view.setCurrentIndex(model.index_of(CellRef("item5", "licensing", "previous")))
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "4\t0\n50\t-2"



def test_thousands_of_qt_calls_do_not_abort(tmp_path):
    """PySide6 6.12 on CPython 3.11 drops a reference to None/True per void call or emit; ui guards it."""
    import subprocess
    import sys

    script = tmp_path / "many_calls.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "import ui\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "class O(QObject):\n"
        "    s = Signal(str)\n"
        "app = QApplication([])\n"
        "label, o = QLabel(), O()\n"
        "for i in range(60000):\n"
        "    label.setText('x')\n"
        "    o.s.emit('x')\n"
        "print('done')\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0 and run.stdout.strip() == "done", run.stderr[-500:]


def test_no_tab_moves_when_the_first_error_comes_or_goes(qtbot, make_window, sample_report):
    """A report that checks clean opens without room for the marks (start-up time); the room is made once, soon
    after the window shows, before the clerk works: the first error's mark then moves no tab under the mouse."""
    window = make_window(sample_report)
    bar = window.tabs.tabBar()
    assert not window.tabs.marks
    qtbot.waitUntil(lambda: all(bar.tabButton(i, bar.ButtonPosition.RightSide) for i in range(bar.count())))
    places = [bar.tabRect(i) for i in range(bar.count())]
    window.session.set_cells([(NEW, 5)])  # an error in 三
    assert window.tabs.marks and [bar.tabRect(i) for i in range(bar.count())] == places
    window.undo_stack.undo()
    assert not window.tabs.marks and [bar.tabRect(i) for i in range(bar.count())] == places
    from conftest import fresh_report

    blank = fresh_report(2020, "测试镇人民政府")
    blank.set_text("other", "本年度未收取信息处理费。")
    window = make_window(blank)
    bar = window.tabs.tabBar()
    qtbot.waitUntil(lambda: all(bar.tabButton(i, bar.ButtonPosition.RightSide) for i in range(bar.count())))
    window.session.set_year(2021)  # the other format's tabs (still clean): room for their marks from the start
    assert not window.tabs.marks and all(bar.tabButton(i, bar.ButtonPosition.RightSide) for i in range(bar.count()))
