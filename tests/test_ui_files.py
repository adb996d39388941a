"""文件 menu flows: 新建, 打开, 最近打开, drop, the save prompt, modified state, failures, autosave, recovery."""
from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

import model.draft as draft
from model.draft import dumps, load_draft, save_draft
from model.recovery import RecoveryStore
from model.report import CellRef
from ui import settings as cfg
from test_ui_support import OFFSCREEN_NOISE, answer, grid_page, make_window, type_into  # noqa: F401  (fixtures)

pytestmark = OFFSCREEN_NOISE
NEW = CellRef("applications", "new", "natural")


@pytest.fixture
def drafts(tmp_path, sample_report):
    """Three saved drafts: the sample, and two other units."""
    paths = []
    for i, unit in enumerate(["火花镇人民政府", "青山乡人民政府", "县教育局"]):
        sample_report.set_field("unit_name", unit)
        path = tmp_path / f"d{i}.gkbg.json"
        save_draft(sample_report, path)
        paths.append(path)
    return paths


def edit(window, value=5, ref=NEW):
    window.session.set_cells([(ref, value)])


def test_new_asks_unit_and_year_and_remembers_the_unit(qtbot, make_window, sample_report, answer):
    window = make_window(sample_report)

    def fill(dialog):
        dialog.unit.setText("青山乡人民政府")
        dialog.year.setValue(2022)
        assert "2021年版格式" in dialog.format_label.text()
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    answer(fill)
    assert window.files.new_report()
    report = window.report
    assert (report.unit_name, report.year, report.format.id) == ("青山乡人民政府", 2022, "2021")
    assert window.path is None and "未保存的新报告" in window.windowTitle()
    assert cfg.default_unit(window.settings) == "青山乡人民政府"

    def check_prefilled(dialog):
        assert dialog.unit.text() == "青山乡人民政府"
        dialog.reject()

    answers = answer(check_prefilled)
    assert not window.files.new_report()
    assert answers.done and window.report is report


def test_new_from_the_menu_by_keyboard(qtbot, make_window, sample_report, answer):
    window = make_window(sample_report)
    answers = answer(lambda d: d.reject())
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: answers.done)
    assert answers.seen[0][0] == "新建年度报告"


def test_modified_state_follows_the_undo_stack(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    assert not window.isWindowModified()
    edit(window)
    assert window.isWindowModified() and window.windowTitle().endswith("[*]")
    window.undo_stack.undo()
    assert not window.isWindowModified()
    window.undo_stack.redo()
    assert window.isWindowModified()


def test_open_another_draft_asks_first(qtbot, make_window, drafts, answer, monkeypatch):
    window = make_window(load_draft(drafts[0]), drafts[0])
    edit(window, 7)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(drafts[1]), ""))
    answer("取消")
    assert not window.files.open_dialog()
    assert window.report.unit_name == "火花镇人民政府" and window.isWindowModified()
    answers = answer("不保存")
    assert window.files.open_dialog()
    assert answers.seen[0][0] == "尚未保存"
    assert window.report.unit_name == "青山乡人民政府" and not window.isWindowModified()
    assert load_draft(drafts[0]).value(NEW) == 0  # not saved
    edit(window, 9)
    answer("保存")
    assert window.files.open_path(drafts[2])
    assert load_draft(drafts[1]).value(NEW) == 9  # saved before replacing
    assert window.report.unit_name == "县教育局"


def test_opening_a_bad_file_keeps_what_was_open(qtbot, make_window, sample_report, tmp_path, answer):
    window = make_window(sample_report)
    edit(window, 3)
    cases = {"corrupt.gkbg.json": b'{"marker": "gov-info-disclosure-annual-report", "sche',
             "photo.json": bytes(range(256)),
             "newer.gkbg.json": json.dumps({**json.loads(dumps(sample_report)), "schema_version": 9}).encode()}
    expected = {"corrupt.gkbg.json": "文件不完整", "photo.json": "UTF-8", "newer.gkbg.json": "更新版本的程序"}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        answers = answer("确定")
        assert not window.files.open_path(tmp_path / name)
        assert answers.seen[0][0] == "无法打开" and expected[name] in answers.seen[0][1]
        assert window.report is sample_report and window.report.value(NEW) == 3 and window.isWindowModified()


def test_recent_files_keep_ten_and_drop_missing_ones(qtbot, make_window, drafts, tmp_path, answer):
    window = make_window(load_draft(drafts[0]), drafts[0])
    many = []
    for i in range(12):
        path = tmp_path / f"r{i}.gkbg.json"
        path.write_bytes(drafts[0].read_bytes())
        many.append(path)
        assert window.files.open_path(path)
    recent = cfg.recent_files(window.settings)
    assert len(recent) == 10 and recent[0] == many[-1].resolve() and recent[-1] == many[2].resolve()
    window.files.recent_menu.aboutToShow.emit()
    actions = window.files.recent_menu.actions()
    assert len(actions) == 10 and many[-1].name in actions[0].text()
    many[5].unlink()
    answers = answer("确定")
    assert not window.files.open_recent(many[5].resolve())
    assert "已不存在" in answers.seen[0][1]
    assert many[5].resolve() not in cfg.recent_files(window.settings)
    assert window.files.open_recent(many[6].resolve())
    assert cfg.recent_files(window.settings)[0] == many[6].resolve()


def test_dropping_a_draft_opens_it(qtbot, make_window, sample_report, drafts):
    window = make_window(sample_report)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(drafts[1]))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    # Qt hands drag events only to the target of a real drag in progress; deliver them as Qt would then
    assert window.acceptDrops()
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(drafts[1].with_suffix(".txt")))])
    for mime, welcome in ((data, True), (other, False)):
        enter = QDragEnterEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                                Qt.KeyboardModifier.NoModifier)
        enter.ignore()
        window.dragEnterEvent(enter)
        assert enter.isAccepted() == welcome
    window.dropEvent(event)
    assert event.isAccepted()
    assert window.report.unit_name == "青山乡人民政府" and window.path == drafts[1]


@pytest.mark.parametrize("choice", ["取消", "不保存", "保存"])
def test_close_prompt(qtbot, make_window, drafts, answer, choice):
    window = make_window(load_draft(drafts[0]), drafts[0])
    window.ask_before_close = True
    edit(window, 4)
    answers = answer(choice)
    closed = window.close()
    assert answers.seen[0][0] == "尚未保存"
    assert closed == (choice != "取消")
    assert window.report.value(NEW) == 4  # the edit is still in the window either way
    assert load_draft(drafts[0]).value(NEW) == (4 if choice == "保存" else 0)


def test_closing_an_unmodified_window_does_not_ask(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    window.ask_before_close = True
    assert window.close()


def test_save_failure_keeps_edits_and_file(qtbot, make_window, drafts, answer, monkeypatch):
    window = make_window(load_draft(drafts[0]), drafts[0])
    before = drafts[0].read_bytes()
    edit(window, 6)

    def full_disk(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(draft.os, "fsync", full_disk)
    answers = answer("确定")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: answers.done)
    assert "磁盘空间已满" in answers.seen[0][1]
    assert drafts[0].read_bytes() == before
    assert window.isWindowModified() and window.report.value(NEW) == 6
    monkeypatch.undo()
    assert window.save()
    assert load_draft(drafts[0]).value(NEW) == 6 and not window.isWindowModified()


def test_settings_remember_geometry_and_last_folder(qtbot, make_window, drafts):
    window = make_window(load_draft(drafts[0]), drafts[0])
    window.resize(700, 520)
    window.close()
    assert cfg.last_folder(window.settings) == str(drafts[0].parent)
    again = make_window(load_draft(drafts[0]), drafts[0])
    assert again.size().width() == 700 and again.size().height() == 520


# ---------------------------------------------------------------- autosave and recovery

def recovery_files(window) -> list[Path]:
    return sorted(window.files.store.folder.glob("*.recovery.json"))


def test_autosave_within_two_seconds_never_over_the_draft(qtbot, make_window, drafts):
    window = make_window(load_draft(drafts[0]), drafts[0])
    before = drafts[0].read_bytes()
    view = grid_page(window, "applications").view
    type_into(qtbot, view, view.model().index_of(NEW), "12")
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1)  # the edit has landed
    timer = window.files.autosaver.timer  # the copy is now due within two seconds (not timed here)
    assert timer.isActive() and timer.isSingleShot() and timer.interval() <= 2000
    qtbot.waitUntil(lambda: bool(recovery_files(window)))
    entry, = window.files.store.pending()
    assert window.files.store.restore(entry).value(NEW) == 12 and entry.draft_path == drafts[0]
    assert drafts[0].read_bytes() == before
    assert window.save()
    assert recovery_files(window) == []  # a clean save removes it


def test_undo_back_to_saved_state_removes_the_recovery_file(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    edit(window, 2)
    window.files.autosaver.save_now()
    assert recovery_files(window)
    window.undo_stack.undo()
    assert recovery_files(window) == [] and not window.isWindowModified()


def test_close_without_saving_removes_the_recovery_file(qtbot, make_window, drafts, answer):
    window = make_window(load_draft(drafts[0]), drafts[0])
    window.ask_before_close = True
    edit(window, 2)
    window.files.autosaver.save_now()
    assert recovery_files(window)
    answer("不保存")
    assert window.close()
    assert recovery_files(window) == []


def _crashed_session(window, report, path) -> None:
    """Leave a recovery file as a crashed process would (a pid that no longer runs)."""
    store: RecoveryStore = window.files.store
    target = store.write("crashed-session", report, path)
    doc = json.loads(target.read_text("utf-8"))
    doc["pid"] = 2 ** 22 + 12345  # beyond pid_max: not running
    target.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")


def test_recovery_offered_and_restored_as_modified(qtbot, make_window, drafts, sample_report, answer):
    window = make_window(sample_report)
    lost = load_draft(drafts[1])
    lost.set_value(NEW, 31)
    lost.set_text("other", "恢复测试")
    _crashed_session(window, lost, drafts[1])

    def restore(dialog):
        assert dialog.list.count() == 1
        assert "青山乡人民政府 2019年" in dialog.list.item(0).text() and "d1.gkbg.json" in dialog.list.item(0).text()
        dialog.restore_button.click()

    answer(restore)
    assert window.files.offer_recovery()
    assert window.report.value(NEW) == 31 and window.report.texts["other"] == "恢复测试"
    assert window.path == drafts[1] and window.isWindowModified()
    assert load_draft(drafts[1]).value(NEW) == 0  # the draft on disk is untouched until saved
    files = recovery_files(window)
    assert [p.name for p in files] == [f"{window.files.autosaver.session_id}.recovery.json"]
    assert window.save() and recovery_files(window) == []


def test_recovery_discarded(qtbot, make_window, sample_report, answer):
    window = make_window(sample_report)
    _crashed_session(window, sample_report, None)

    def discard(dialog):
        dialog.discard_button.click()

    answers = answer(discard, "是")
    assert not window.files.offer_recovery()
    assert answers.done, answers.seen
    assert recovery_files(window) == []
    assert window.report is sample_report and not window.isWindowModified()


def test_no_recovery_offer_when_nothing_is_pending(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    assert not window.files.offer_recovery()
