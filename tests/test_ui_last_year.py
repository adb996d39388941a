"""The window with last year's report: 基于上年报告新建, 关联/取消关联上年报告, last year's figures in the grid."""
from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QFileDialog

from model.draft import dumps, load_draft, save_draft
from model.report import CellRef, Report
from ui.files.last_year import SHOW_KEY
from ui.grid.model import CARRIED_ROLE, LAST_YEAR_ROLE
from test_last_year import APPLICANTS, A, full_report
from test_ui_support import OFFSCREEN_NOISE, answer, grid_page, make_window, type_into  # noqa: F401  (fixtures)

pytestmark = OFFSCREEN_NOISE
LICENSING = CellRef("item5", "licensing", "previous")


@pytest.fixture
def last_2019(tmp_path):
    path = tmp_path / "火花镇2019.gkbg.json"
    save_draft(full_report(2019), path)
    return path


def pick(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def press(button_text):
    """A dialog answer: click the button with this text (the dialog's own buttons, not a message box's)."""
    def act(dialog):
        buttons = [b for b in dialog.buttons.buttons() if b.text() == button_text]
        buttons[0].click()
    return act


# ---- 基于上年报告新建 ----

def test_new_from_last_year_carries_marks_and_undoes_in_one_step(qtbot, make_window, sample_report, last_2019,
                                                                 answer, monkeypatch):
    window = make_window(sample_report)
    pick(monkeypatch, last_2019)
    shown = {}

    def look(dialog):
        shown["text"] = dialog.details.toPlainText()
        shown["unit"] = dialog.unit.text()
        press("新建")(dialog)

    answers = answer(look)
    window.last_year.new_from.trigger()
    qtbot.waitUntil(lambda: answers.done)
    assert answers.seen[0][0] == "基于上年报告新建"
    assert shown["unit"] == "火花镇人民政府" and "带入（11 个数" in shown["text"]
    assert "上一年项目数量" in shown["text"] and "报告日期：已清空" in shown["text"]
    report, last = window.report, load_draft(last_2019)
    assert (report.year, report.unit_name, report.attachment_label, window.path) == (2020, "火花镇人民政府", "附件2", None)
    assert report.last_year.source == last_2019.name
    for col in APPLICANTS:
        assert report.value(A("carried_over", col)) == last.value(A("carry_forward", col))
    assert report.value(LICENSING) == last.value(LICENSING) + last.value(CellRef("item5", "licensing", "change"))
    assert "已从上年报告带入 11 个数" in window.statusBar().currentMessage()
    assert window.isWindowModified() and window.undo_stack.count() == 1

    # the carried cells are marked, in the grid too, until edited
    page = grid_page(window, "proactive")
    index = page.model.index_of(LICENSING)
    assert page.model.data(index, CARRIED_ROLE) is True
    assert "从上年报告带入" in page.model.data(index, 3)  # ToolTipRole
    window.session.set_cells([(LICENSING, 7)])
    assert page.model.data(index, CARRIED_ROLE) is False and LICENSING not in window.session.carried
    assert len(window.session.carried) == 10
    window.undo_stack.undo()  # the edit
    window.undo_stack.undo()  # the carry-over, whole
    assert report.value(LICENSING) == 0 and report.unit_name == "" and report.last_year is None
    assert all(report.value(A("carried_over", c)) == 0 for c in APPLICANTS) and not window.session.carried
    window.undo_stack.redo()
    assert report.value(A("carried_over", "natural")) == last.value(A("carry_forward", "natural"))
    assert report.last_year is not None and len(window.session.carried) == 11


def test_carried_marks_are_kept_in_the_draft_and_shown_again_on_reopening(qtbot, make_window, sample_report,
                                                                        last_2019, answer, tmp_path):
    window = make_window(sample_report)
    answer(press("新建"))
    assert window.last_year.new_from_last_year(path=last_2019)
    page = grid_page(window, "proactive")
    index = page.model.index_of(LICENSING)
    type_into(qtbot, page.view, index, "7")  # typed by the clerk: no longer last year's figure
    qtbot.waitUntil(lambda: window.report.value(LICENSING) == 7)
    assert page.model.data(index, CARRIED_ROLE) is False
    window.undo_stack.undo()  # back to last year's figure: marked again
    assert page.model.data(index, CARRIED_ROLE) is True and window.report.value(LICENSING) == 22
    window.undo_stack.redo()
    target = tmp_path / "2020.gkbg.json"
    assert window.save_as(target)
    # another day: the draft is opened again
    window.files.open_path(target)
    assert window.path == target and not window.isWindowModified()
    page = grid_page(window, "proactive")
    assert page.model.data(page.model.index_of(LICENSING), CARRIED_ROLE) is False
    other = page.model.index_of(CellRef("item5", "other_services", "previous"))
    assert page.model.data(other, CARRIED_ROLE) is True and "从上年报告带入" in page.model.data(other, 3)
    three = grid_page(window, "applications")
    assert all(three.model.data(three.model.index_of(A("carried_over", c)), CARRIED_ROLE) for c in APPLICANTS)
    assert len(window.session.carried) == 10
    three.view.viewport().grab()  # paints the marks
    window.session.set_cells([(A("carried_over", "natural"), 40)])
    assert window.save()
    assert A("carried_over", "natural") not in load_draft(target).carried and len(load_draft(target).carried) == 9


def test_new_dialog_offers_new_from_last_year(qtbot, make_window, sample_report, last_2019, answer, monkeypatch):
    window = make_window(sample_report)
    window.session.set_cells([(A("new", "natural"), 3)])
    pick(monkeypatch, last_2019)
    answers = answer("不保存", lambda dialog: dialog.from_last_year.click(), press("新建"))
    assert window.files.new_report()
    assert [title for title, _ in answers.seen] == ["尚未保存", "新建年度报告", "基于上年报告新建"]
    assert window.report.year == 2020 and window.report.last_year.source == last_2019.name


def test_new_from_last_year_across_the_format_change_says_what_is_not_carried(qtbot, make_window, sample_report,
                                                                               tmp_path, answer):
    path = tmp_path / "2020.gkbg.json"
    save_draft(full_report(2020), path)
    window = make_window(sample_report)
    shown = {}

    def look(dialog):
        shown["text"] = dialog.details.toPlainText()
        dialog.unit.setText("火花镇人民政府（合并）")
        shown["warned"] = dialog.details.toPlainText()
        press("新建")(dialog)

    answer(look)
    assert window.last_year.new_from_last_year(path=path)
    assert "对外公开总数量" in shown["text"] and "含义不同" in shown["text"] and "2021年版格式" in shown["text"]
    assert "与本报告的“火花镇人民政府（合并）”不同" in shown["warned"]
    report = window.report
    assert (report.year, report.format.id, report.unit_name) == (2021, "2021", "火花镇人民政府（合并）")
    assert {ref for ref in window.session.carried} == {A("carried_over", c) for c in APPLICANTS}


def test_new_from_last_year_bad_input_changes_nothing(qtbot, make_window, sample_report, tmp_path, answer):
    window = make_window(sample_report)
    window.session.set_cells([(A("new", "natural"), 3)])
    future = tmp_path / "future.gkbg.json"
    save_draft(Report.for_year(2100, "某镇"), future)
    newer = tmp_path / "newer.gkbg.json"
    newer.write_bytes(json.dumps({**json.loads(dumps(sample_report)), "schema_version": 9}).encode())
    broken = tmp_path / "broken.gkbg.json"
    broken.write_bytes(b"{")
    for path, words in [(future, ["future.gkbg.json", "2100年度", "2101年度"]),
                        (newer, ["newer.gkbg.json", "更新版本的程序"]),
                        (broken, ["broken.gkbg.json", "文件不完整"])]:
        answers = answer("确定")
        assert not window.last_year.new_from_last_year(path=path)
        title, text = answers.seen[0]
        assert title == "无法基于上年报告新建" and all(w in text for w in words), text
        assert window.report is sample_report and sample_report.value(A("new", "natural")) == 3
        assert window.undo_stack.count() == 1


def test_new_from_last_year_asks_about_unsaved_changes_only_at_the_end(qtbot, make_window, sample_report,
                                                                       last_2019, answer):
    window = make_window(sample_report)
    window.session.set_cells([(A("new", "natural"), 3)])
    answers = answer(press("取消"))
    assert not window.last_year.new_from_last_year(path=last_2019)
    assert window.report is sample_report and len(answers.seen) == 1
    answers = answer(press("新建"), "取消")
    assert not window.last_year.new_from_last_year(path=last_2019)
    assert answers.seen[1][0] == "尚未保存" and window.report is sample_report
    answer(press("新建"), "不保存")
    assert window.last_year.new_from_last_year(path=last_2019)
    assert window.report.year == 2020


# ---- 关联上年报告 ----

def test_link_replace_remove_all_undoable(qtbot, make_window, tmp_path, last_2019, answer, monkeypatch):
    window = make_window(full_report(2020))
    report = window.report
    header = window.pages[0]
    assert "未关联" in header.last_year.text()
    assert window.last_year.link.text() == "关联上年报告…" and not window.last_year.unlink.isEnabled()
    assert not any(f.rule == "R8.cross-year" for f in window.session.findings)
    pick(monkeypatch, last_2019)
    window.last_year.link.trigger()
    assert report.last_year.source == last_2019.name
    assert header.last_year.text() == f"火花镇人民政府2019年度报告（{last_2019.name}）"
    r8 = [f for f in window.session.findings if f.rule == "R8.cross-year"]
    assert len(r8) == 5
    assert r8[0].message == "行政许可：上一年项目数量为21，上年报告的上一年项目数量21＋本年增/减（1）＝22，相差1"
    assert window.findings_dock.isVisible()
    assert "已关联上年报告" in window.statusBar().currentMessage()
    # replace
    other = tmp_path / "另一份2019.gkbg.json"
    save_draft(full_report(2019, seed=3), other)
    pick(monkeypatch, other)
    window.last_year.update_actions()
    assert window.last_year.link.text() == "更换上年报告…" and window.last_year.unlink.isEnabled()
    window.last_year.link.trigger()
    assert report.last_year.source == other.name and window.undo_stack.undoText() == "更换上年报告"
    # remove, then undo everything step by step
    window.last_year.unlink.trigger()
    assert report.last_year is None and "未关联" in header.last_year.text()
    assert not any(f.rule == "R8.cross-year" for f in window.session.findings)
    window.undo_stack.undo()
    assert report.last_year.source == other.name
    window.undo_stack.undo()
    assert report.last_year.source == last_2019.name
    window.undo_stack.undo()
    assert report.last_year is None
    # saved with the draft
    window.undo_stack.redo()
    target = tmp_path / "2020.gkbg.json"
    assert window.save_as(target)
    assert load_draft(target).last_year == report.last_year


def test_link_refuses_wrong_years_and_asks_about_another_unit(qtbot, make_window, tmp_path, last_2019, answer):
    window = make_window(full_report(2022))
    report = window.report
    answers = answer("确定")
    assert not window.last_year.link_dialog(path=last_2019)
    title, text = answers.seen[0]
    assert title == "无法关联上年报告"
    assert f"“{last_2019.name}”是2019年度的报告" in text and "2022年度" in text and "缺少2020、2021年度" in text
    assert report.last_year is None and window.undo_stack.count() == 0
    same = tmp_path / "2022.gkbg.json"
    save_draft(full_report(2022), same)
    answers = answer("确定")
    assert not window.last_year.link_dialog(path=same)
    assert "同一年度" in answers.seen[0][1]
    other_unit = tmp_path / "青山乡2021.gkbg.json"
    last = full_report(2021)
    last.set_field("unit_name", "青山乡人民政府")
    save_draft(last, other_unit)
    answers = answer("否")
    assert not window.last_year.link_dialog(path=other_unit)
    assert answers.seen[0][0] == "填报单位不同" and "青山乡人民政府" in answers.seen[0][1]
    assert report.last_year is None
    answer("是")
    assert window.last_year.link_dialog(path=other_unit)
    assert report.last_year.unit_name == "青山乡人民政府"


# ---- last year's figures in the grid ----

def test_grid_shows_last_years_figures_and_the_toggle_is_remembered(qtbot, make_window, last_2019, tmp_path):
    window = make_window(full_report(2020))
    page = grid_page(window, "applications")
    model, view = page.model, page.view
    index = model.index_of(A("carried_over", "natural"))
    assert model.data(index, LAST_YEAR_ROLE) is None
    plain = view.rowHeight(index.row())
    assert window.last_year.link_dialog(path=last_2019)
    last = load_draft(last_2019)
    assert model.data(index, LAST_YEAR_ROLE) == f"上年 {last.value(A('carry_forward', 'natural'))}"
    total = model.index_of(A("carried_over", "total"))
    assert model.data(total, LAST_YEAR_ROLE) == f"上年 {last.value(A('carry_forward', 'total'))}"
    assert model.data(model.index_of(A("new", "natural")), LAST_YEAR_ROLE) is None
    tip = model.data(index, 3)
    assert "上年数 2：上年“四、结转下年度继续办理”为2" in tip and last_2019.name in tip
    assert view.itemDelegate().show_last_year and view.rowHeight(index.row()) > plain
    view.viewport().grab()  # paints the two-line cells
    # the R6 warning names both values
    window.session.set_cells([(A("carried_over", "natural"), 9), (A("disclosed", "natural"), 9 + 12)])
    r6 = [f for f in window.session.findings if f.rule == "R6"]
    assert any("本年“二、上年结转政府信息公开申请数量”为9，上年“四、结转下年度继续办理”为2" in f.message for f in r6)
    # 视图 ▸ 显示上年数 off: one line again, remembered for the next window
    action = window.last_year.show
    assert action.isChecked() and action in window.actions.view_menu.actions()
    action.trigger()
    assert not view.itemDelegate().show_last_year and view.rowHeight(index.row()) == plain
    assert "上年数" in model.data(index, 3)  # still in the tooltip
    assert window.settings.value(SHOW_KEY) in (False, "false")
    again = make_window(full_report(2020))
    assert not again.last_year.show.isChecked()
    assert not grid_page(again, "applications").view.itemDelegate().show_last_year


def test_2021_stock_shows_last_years_base(qtbot, make_window, tmp_path):
    path = tmp_path / "2022.gkbg.json"
    save_draft(full_report(2022), path)
    window = make_window(full_report(2023))
    assert window.last_year.link_dialog(path=path)
    page = grid_page(window, "proactive")
    index = page.model.index_of(CellRef("item1", "rules", "in_force"))
    assert page.model.data(index, LAST_YEAR_ROLE) == "上年 9"
    assert "本年应为上年数＋本年制发－本年废止" in page.model.data(index, 3)
