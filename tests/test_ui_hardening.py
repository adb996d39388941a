"""No edit lost in the window: failing saves and autosaves, special files, text limits and control characters."""
from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtCore import Qt

from model.draft import load_draft, save_draft
from model.report import MAX_TEXT_CHARS, CellRef
from test_ui_support import OFFSCREEN_NOISE, answer, make_window  # noqa: F401  (fixtures)

pytestmark = OFFSCREEN_NOISE
NEW = CellRef("applications", "new", "natural")
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions, links and FIFOs")


@pytest.fixture
def draft(tmp_path, sample_report):
    path = tmp_path / "d.gkbg.json"
    save_draft(sample_report, path)
    yield path
    if path.exists():
        os.chmod(path, 0o644)  # let pytest clean the folder up


def recovered_value(window):
    store = window.files.store
    (entry,) = [e for e in store.pending() if e.path == store.file_for(window.files.autosaver.session_id)]
    return store.restore(entry).value(NEW)


@posix_only
def test_a_failing_save_is_told_and_the_edit_stays_in_the_window_and_the_recovery_copy(qtbot, make_window,
                                                                                        draft, answer):
    window = make_window(load_draft(draft), draft)
    before = draft.read_bytes()
    os.chmod(draft, 0o444)
    window.session.set_cells([(NEW, 6)])
    answers = answer("确定")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: answers.done)
    title, text = answers.seen[0]
    assert title == "保存失败" and "文件是只读的" in text and "已写入自动恢复副本" in text
    assert draft.read_bytes() == before
    assert window.isWindowModified() and window.report.value(NEW) == 6
    assert recovered_value(window) == 6


@posix_only
def test_closing_with_a_save_that_fails_keeps_the_window_open(qtbot, make_window, draft, answer):
    window = make_window(load_draft(draft), draft)
    window.ask_before_close = True
    os.chmod(draft, 0o444)
    window.session.set_cells([(NEW, 8)])
    answers = answer("保存", "确定")
    assert not window.close()
    assert answers.done and answers.seen[1][0] == "保存失败"
    assert window.isVisible() and window.report.value(NEW) == 8 and recovered_value(window) == 8
    os.chmod(draft, 0o644)
    answer("保存")
    assert window.close()
    assert load_draft(draft).value(NEW) == 8


def test_a_character_that_cannot_be_written_never_closes_the_window(qtbot, make_window, draft, answer):
    """Once a lone surrogate made 保存 raise UnicodeEncodeError out of closeEvent: the window closed, the edit
    was gone. Validation keeps such characters out; should one get in anyway, saving fails and is told."""
    window = make_window(load_draft(draft), draft)
    window.ask_before_close = True
    window.session.set_cells([(NEW, 3)])
    window.report.texts["other"] = "坏\ud800"  # behind the model's back
    answers = answer("保存", "确定")
    assert not window.close()
    assert answers.done and "U+D800" in answers.seen[1][1] and "自动恢复副本也未能写入" in answers.seen[1][1]
    assert window.isVisible() and window.report.value(NEW) == 3
    window.report.texts["other"] = "好"
    assert window.save()


def test_an_unexpected_error_while_closing_keeps_the_window_open(qtbot, make_window, sample_report, answer,
                                                                 monkeypatch, capsys):
    window = make_window(sample_report)
    window.ask_before_close = True

    def broken():
        raise RuntimeError("unexpected")

    monkeypatch.setattr(window.files, "maybe_save", broken)
    answers = answer("确定")
    assert not window.close()
    assert answers.seen[0][0] == "无法关闭" and window.isVisible()
    assert "RuntimeError: unexpected" in capsys.readouterr().err  # told, not swallowed


def test_autosave_failures_stay_in_the_status_bar_until_autosaving_works(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    folder = window.files.store.folder
    if folder.exists():
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    folder.write_text("a file where the recovery folder should be")
    window.session.set_cells([(NEW, 4)])
    assert not window.files.autosaver.save_now()
    label = window.files.autosave_label
    assert label.isVisible() and label.text() == "自动保存失败" and "无法建立自动保存文件夹" in label.toolTip()
    assert not window.files.autosaver.save_now()  # every failure, not only the first
    assert label.isVisible()
    folder.unlink()
    assert window.files.autosaver.save_now()
    assert not label.isVisible() and recovered_value(window) == 4


@posix_only
def test_opening_a_link_loop_or_a_fifo_in_the_window_is_told(qtbot, make_window, draft, tmp_path, answer):
    window = make_window(load_draft(draft), draft)
    loop = tmp_path / "loop.gkbg.json"
    loop.symlink_to(tmp_path / "loop2.gkbg.json")
    (tmp_path / "loop2.gkbg.json").symlink_to(loop)
    fifo = tmp_path / "pipe.gkbg.json"
    os.mkfifo(fifo)
    for path, expected in ((loop, "符号链接过多或形成循环"), (fifo, "是管道（FIFO），不是普通文件")):
        answers = answer("确定")
        assert not window.files.open_path(path)
        assert answers.seen[0][0] == "无法打开" and expected in answers.seen[0][1]
        assert window.path == draft


def test_typing_past_the_text_limit_is_refused_and_told(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    page = window.page_for("other")
    window.tabs.setCurrentWidget(page)
    window.session.set_text("other", "字" * (MAX_TEXT_CHARS - 1))
    editor = page.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "ab")
    assert window.report.texts["other"] == "字" * (MAX_TEXT_CHARS - 1) + "a"
    assert editor.toPlainText() == window.report.texts["other"]
    assert f"超过了{MAX_TEXT_CHARS}字的上限" in window.statusBar().currentMessage()
    assert f"本部分最多 {MAX_TEXT_CHARS} 字" in page.count.text()
    window.undo_stack.undo()
    assert window.report.texts["other"] == sample_report.texts["other"]


def test_pasted_control_characters_are_cleaned_and_told(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    page = window.page_for("other")
    window.tabs.setCurrentWidget(page)
    page.editor.setPlainText("")
    page.editor.insertPlainText("第一行\x0b第二行\x00\x1b完")
    assert window.report.texts["other"] == "第一行\n第二行完"
    assert page.editor.toPlainText() == "第一行\n第二行完"
    assert "控制字符" in window.statusBar().currentMessage()


def test_a_unit_name_with_a_control_character_is_refused_in_the_header(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    edit = window.pages[0].ensure_built().edits["unit_name"]
    edit.setText("火花\x1b[2J镇")
    edit.editingFinished.emit()
    assert window.report.unit_name == "火花镇人民政府" and "U+001B" in edit.toolTip()
    assert "未保存" in window.statusBar().currentMessage()


@posix_only
def test_the_window_saves_through_a_link_and_keeps_the_mode(qtbot, make_window, draft, tmp_path):
    os.chmod(draft, 0o640)
    link = tmp_path / "link.gkbg.json"
    link.symlink_to(draft)
    window = make_window(load_draft(link), link)
    window.session.set_cells([(NEW, 5)])
    assert window.save()
    assert link.is_symlink() and load_draft(draft).value(NEW) == 5
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640


def test_new_with_a_pasted_control_character_is_refused_and_a_bad_remembered_unit_is_ignored(
        qtbot, make_window, sample_report, answer):
    from ui import settings as cfg

    window = make_window(sample_report)

    def fill(dialog):
        dialog.unit.setText("青山乡\x1b[31m人民政府")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    answers = answer(fill, "确定")
    assert not window.files.new_report()
    assert answers.seen[1][0] == "无法新建" and "U+001B" in answers.seen[1][1]
    assert window.report is sample_report
    window.settings.setValue(cfg.UNIT_KEY, "旧\x07单位")  # remembered by an older version
    assert cfg.default_unit(window.settings) == ""
    window.settings.setValue(cfg.UNIT_KEY, " 青山乡人民政府\n")
    assert cfg.default_unit(window.settings) == "青山乡人民政府"
