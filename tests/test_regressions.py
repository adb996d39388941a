"""Regression tests for defects found by using the app as a clerk would (each failed before its fix)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from model.draft import load_draft, save_draft
from model.report import CellRef
from test_ui_support import OFFSCREEN_NOISE, answer, grid_page, make_window  # noqa: F401  (fixtures)

pytestmark = OFFSCREEN_NOISE
NEW = CellRef("applications", "new", "natural")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def saved(tmp_path, sample_report):
    path = tmp_path / "d.gkbg.json"
    save_draft(sample_report, path)
    return sample_report, path


def test_ctrl_s_saves_the_number_still_being_typed_in_a_cell(qtbot, make_window, saved):
    report, path = saved
    window = make_window(report, path)
    page = grid_page(window, "applications")
    view, model = page.view, page.model
    view.setFocus()
    view.setCurrentIndex(model.index_of(NEW))
    qtbot.keyClicks(view, "7")  # the cell editor is open, Enter not pressed yet
    editor = view.viewport().focusWidget()
    assert editor is not None and editor is not view.viewport()
    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    assert load_draft(path).value(NEW) == 7
    assert report.value(NEW) == 7 and window.undo_stack.isClean()
    assert view.hasFocus()  # the clerk keeps working in the grid


def test_ctrl_s_saves_the_unit_name_still_being_typed(qtbot, make_window, saved):
    report, path = saved
    window = make_window(report, path)
    edit = window.pages[0].edits["unit_name"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Qingshan")
    qtbot.keyClick(edit, Qt.Key.Key_S, CTRL)
    assert load_draft(path).unit_name == "Qingshan"
    assert window.undo_stack.isClean() and edit.hasFocus()


def test_closing_while_a_field_is_being_typed_asks_to_save(qtbot, make_window, saved, answer):
    report, path = saved
    window = make_window(report, path)
    window.ask_before_close = True
    edit = window.pages[0].edits["unit_name"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Qingshan")
    answers = answer("取消")
    assert not window.close()
    assert answers.seen and answers.seen[0][0] == "尚未保存"
    assert report.unit_name == "Qingshan"


# text pasted from PowerPoint/Word brings vertical tabs (manual line breaks) and form feeds along
CONTROL_TEXT = "第一段\x0b第二段\x0c第三段\x00\x01完\u2028第四段\ufeff\u200b"  # and web zero-width marks


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_export_of_text_with_control_characters(sample_report, tmp_path, suffix):
    from export import export_report

    sample_report.set_text("other", CONTROL_TEXT)
    sample_report.set_field("attachment_label", "附件\x0b2")
    out = tmp_path / f"r{suffix}"
    export_report(sample_report, out)
    if suffix == ".docx":
        from docx import Document

        lines = [p.text for p in Document(str(out)).paragraphs]
    else:
        import pdfplumber

        with pdfplumber.open(str(out)) as pdf:
            lines = "\n".join(page.extract_text() or "" for page in pdf.pages).split("\n")
    lines = [line.strip() for line in lines]
    for line in ("第一段", "第二段", "第三段完", "第四段", "附件2"):
        assert line in lines


def test_text_field_menus_are_chinese_without_the_fields_own_undo(qtbot):
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    from ui.window_undo import without_field_undo

    for widget in (QLineEdit("甲"), QPlainTextEdit("乙")):
        qtbot.addWidget(widget)
        menu = without_field_undo(widget.createStandardContextMenu())
        texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
        assert texts == ["剪切(&T)", "复制(&C)", "粘贴(&P)", "删除", "全选"]  # Qt's own Chinese catalogue
        assert not menu.actions()[0].isSeparator()
        menu.deleteLater()


def right_click_menu_texts(qtbot, editor) -> list[str]:
    """The texts of the menu a right-click in editor (a QPlainTextEdit) opens, read while it is up (a menu
    run with exec or shown with popup), then closed."""
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    seen = []

    def read_and_close():
        popup = QApplication.activePopupWidget()
        seen.extend(a.text().split("\t")[0] for a in popup.actions() if not a.isSeparator())
        popup.close()

    QTimer.singleShot(50, read_and_close)
    at = QPoint(20, 20)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, editor.viewport().mapToGlobal(at))
    QApplication.sendEvent(editor.viewport(), event)
    qtbot.waitUntil(lambda: bool(seen))
    return seen


# the offscreen platform cannot raise a popup or grab the keyboard for it; a real screen can
POPUP_NOISE = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing",
                                        "This plugin does not support propagateSizeHints")


@POPUP_NOISE
def test_right_click_in_the_text_sections_gives_the_chinese_menu(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    editor = window.page_for("overview").editor
    window.tabs.setCurrentWidget(window.page_for("overview"))
    seen = right_click_menu_texts(qtbot, editor)
    assert seen and seen[-1] == "全选" and "复制(&C)" in seen and not any("Undo" in t for t in seen)
    # undo/redo are the window's (the report's undo stack, as in 编辑 and the grids' menu), not the field's own
    assert seen[:2] == [window.actions.undo.text(), window.actions.redo.text()] and seen[0].startswith("撤销")
    assert sum("撤销" in t for t in seen) == 1


@POPUP_NOISE
def test_right_click_in_the_explanation_editor_keeps_its_own_undo(qtbot, make_window, sample_report):
    """The 说明警告 dialog has no report undo of its own: its editor's menu keeps the editor's 撤销/重做,
    as Ctrl+Z there undoes the typing."""
    from model.rules import Finding, Severity
    from ui.findings.explain import ExplainDialog

    window = make_window(sample_report)
    finding = Finding(Severity.WARNING, "R10", "一、总体情况", "", "", "正文与表格不一致", key="R10@overview:received#3,4,4")
    dialog = ExplainDialog(finding, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.setPlainText("合署办公")
    seen = right_click_menu_texts(qtbot, dialog.editor)
    assert seen[:2] == ["撤消(&U)", "重做(&R)"] and seen[-1] == "全选"  # the editor's own, in Qt's Chinese
