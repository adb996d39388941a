"""Importing in the window: 文件 ▸ 导入 Word/PDF 报告…, drop, the summary, refusals, accepting computed totals."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from import_support import Style, clerk_docx
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from model.draft import load_draft
from model.report import CellRef, Report
from model.rules import Severity
from test_ui_support import OFFSCREEN_NOISE, answer, make_window  # noqa: F401  (fixtures)

pytestmark = OFFSCREEN_NOISE
NEW = CellRef("applications", "new", "natural")


@pytest.fixture
def report_docx(tmp_path, sample_report) -> Path:
    path = tmp_path / "火花镇2019年报告.docx"
    path.write_bytes(clerk_docx(sample_report, Style(attachment="附件2", title_lines=2)))
    return path


@pytest.fixture
def disagreeing_docx(tmp_path) -> Path:
    """A 2021 report whose printed （七）总计 for 自然人 is 21 while its parts add up to 26."""
    report = Report.for_year(2022, "某某区教育局")
    report.set_value(NEW, 26)
    report.set_value(CellRef("applications", "disclosed", "natural"), 26)
    cells = {CellRef("applications", "results_total", "natural"): "21"}
    path = tmp_path / "区教育局.docx"
    path.write_bytes(clerk_docx(report, Style(cells=cells)))
    return path


def test_menu_entry_sits_with_new_and_open(make_window, report_2021):
    window = make_window(report_2021)
    texts = [a.text() or "---" for a in window.actions.file_menu.actions()]
    at = texts.index("导入 Word/PDF 报告…")
    assert texts[at - 1] == "最近打开" and texts.index("保存") > at
    assert "采用计算的总计" in [a.text() for a in window.actions.edit_menu.actions()]
    assert not window.importing.accept_totals.isEnabled()


def test_import_opens_a_new_unsaved_report_after_the_summary(qtbot, make_window, report_2021, report_docx,
                                                              answer):
    window = make_window(report_2021)
    seen = {}

    def read_summary(dialog):
        seen["title"] = dialog.windowTitle()
        seen["headline"] = dialog.headline.text()
        seen["details"] = dialog.details.toPlainText()
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    answers = answer(read_summary)
    assert window.importing.import_path(report_docx)
    assert answers.done
    assert seen["title"] == "导入摘要"
    assert "火花镇人民政府 2019年度" in seen["headline"] and "火花镇2019年报告.docx" in seen["headline"]
    assert "已读取" in seen["details"] and "三、收到和处理政府信息公开申请情况：132个数字" in seen["details"]
    report = window.report
    assert (report.unit_name, report.year, report.attachment_label) == ("火花镇人民政府", 2019, "附件2")
    assert window.path is None and window.isWindowModified()
    assert "未保存的新报告" in window.windowTitle()
    assert window.tabs.count() == 7


def test_cancel_in_the_summary_keeps_the_open_report(make_window, sample_report, report_docx, answer):
    window = make_window(sample_report)
    before = window.report
    answers = answer("取消")
    assert not window.importing.import_path(report_docx)
    assert answers.done and window.report is before


def test_a_refused_file_leaves_the_open_draft_untouched(qtbot, make_window, sample_report, tmp_path, answer):
    path = tmp_path / "d.gkbg.json"
    from model.draft import save_draft

    save_draft(sample_report, path)
    window = make_window(load_draft(path), path)
    window.session.set_cells([(NEW, 7)])
    stack = window.undo_stack.count()
    bad = tmp_path / "旧报告.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + bytes(600))
    answers = answer("确定")
    assert not window.importing.import_path(bad)
    assert answers.done
    title, text = answers.seen[0]
    assert title == "无法导入" and "请在 Word/WPS 中打开后“另存为”Word 文档（.docx）再导入" in text
    assert window.path == path and window.report.value(NEW) == 7
    assert window.undo_stack.count() == stack and window.isWindowModified()
    assert json.loads(path.read_text("utf-8"))["tables"]["applications"]["new"]["natural"] == 0


def test_replacing_a_modified_report_asks_first(make_window, sample_report, report_docx, answer):
    window = make_window(sample_report)
    window.session.set_cells([(NEW, 3)])
    before = window.report
    answers = answer("打开为新报告", "取消")  # the summary, then 保存/不保存/取消
    assert not window.importing.import_path(report_docx)
    assert answers.done and answers.seen[1][0] == "尚未保存"
    assert window.report is before and window.report.value(NEW) == 3


def test_dropping_a_word_file_imports_it(qtbot, make_window, report_2021, report_docx, answer):
    window = make_window(report_2021)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(report_docx))])
    answers = answer("打开为新报告")
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: answers.done)
    assert window.report.unit_name == "火花镇人民政府"


def test_accepting_the_computed_totals_is_one_undoable_step(qtbot, make_window, report_2021, disagreeing_docx,
                                                            answer, tmp_path):
    window = make_window(report_2021)
    answer("打开为新报告")
    assert window.importing.import_path(disagreeing_docx)
    r2 = [f for f in window.session.findings if f.rule == "R2"]
    assert [f.message for f in r2] == ["（七）总计：自然人填报为21，各分项之和为26，相差5"]
    assert r2[0].severity is Severity.ERROR
    assert any("按报告中填报的总计" in f.message for f in window.session.findings)
    action = window.importing.accept_totals
    assert action.isEnabled()
    steps = window.undo_stack.count()
    action.trigger()
    assert window.undo_stack.count() == steps + 1 and window.undo_stack.undoText() == "采用计算的总计"
    assert not [f for f in window.session.findings if f.rule in ("R2", "R3") or "填报的总计" in f.message]
    assert window.report.stated_totals_accepted and not action.isEnabled()
    window.undo_stack.undo()
    assert [f.message for f in window.session.findings if f.rule == "R2"] == [r2[0].message]
    assert window.report.stated_totals_accepted == "" and action.isEnabled()
    window.undo_stack.redo()
    saved = tmp_path / "accepted.gkbg.json"
    assert window.save_as(saved)
    block = json.loads(saved.read_text("utf-8"))["printed_totals"]
    assert block["accepted"] == window.report.stated_totals_accepted and block["source"] == "区教育局.docx"
    assert block["totals"]["applications"]["results_total"]["natural"] == 21
