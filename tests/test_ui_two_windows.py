"""One draft, two windows: the second is told the draft is open elsewhere (a lock file beside the draft,
held by a window of this process or by a real second process), and saving over a file changed on disk
since it was opened asks 覆盖 / 另存为 / 取消 instead of silently overwriting the other window's edit."""
from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from model.draft import load_draft, save_draft
from model.draft_lock import acquire, lock_path, read_lock
from model.report import CellRef, Report
from test_ui_support import OFFSCREEN_NOISE, answer, make_window  # noqa: F401  (fixtures)

pytestmark = OFFSCREEN_NOISE
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX signals, select on pipes and os.uname")
ROOT = Path(__file__).resolve().parent.parent
NEW = CellRef("applications", "new", "natural")
OTHER = CellRef("applications", "carried_over", "natural")


@pytest.fixture
def draft(tmp_path, sample_report):
    path = tmp_path / "d.gkbg.json"
    save_draft(sample_report, path)
    return path


def two_windows(make_window, draft, answer):
    """Window A opens the draft; window B opens it too (told it is open in A, and choosing 仍然打开)."""
    a = make_window(load_draft(draft), draft, settings_file="a.ini")
    b = make_window(Report.for_year(2020, "别的单位"), None, settings_file="b.ini")
    answers = answer("仍然打开")
    assert b.files.open_path(draft)
    assert answers.seen[0][0] == "草稿已在别处打开" and "本程序的另一个窗口" in answers.seen[0][1]
    assert b.path == draft and b.files.lock is None and a.files.lock is not None
    return a, b


def test_second_window_is_told_and_may_cancel(qtbot, make_window, draft, answer):
    a = make_window(load_draft(draft), draft, settings_file="a.ini")
    b = make_window(Report.for_year(2020, "别的单位"), None, settings_file="b.ini")
    answer("取消")
    assert not b.files.open_path(draft)
    assert b.path is None and b.report.unit_name == "别的单位"
    assert read_lock(lock_path(draft)).pid == os.getpid() and a.files.lock is not None


def test_saving_over_the_other_windows_save_asks_first(qtbot, make_window, draft, answer):
    a, b = two_windows(make_window, draft, answer)
    a.session.set_cells([(NEW, 11)])
    assert a.save()
    b.session.set_cells([(OTHER, 22)])
    answers = answer("取消")
    assert not b.save()
    assert answers.seen[0][0] == "文件已被修改" and "已被另一个窗口或程序修改过" in answers.seen[0][1]
    saved = load_draft(draft)
    assert saved.value(NEW) == 11 and saved.value(OTHER) == 0  # A's edit kept
    assert b.isWindowModified()
    answer("覆盖")
    assert b.save()
    saved = load_draft(draft)
    assert saved.value(OTHER) == 22 and saved.value(NEW) == 0  # B chose to replace it
    # B's own save is the new baseline: saving again does not ask; A is now the one asked
    b.session.set_cells([(OTHER, 23)])
    assert b.save()
    a.session.set_cells([(NEW, 12)])
    answers = answer("取消")
    assert not a.save() and answers.seen[0][0] == "文件已被修改"


def test_save_as_instead_keeps_both(qtbot, make_window, draft, answer, monkeypatch, tmp_path):
    a, b = two_windows(make_window, draft, answer)
    a.session.set_cells([(NEW, 11)])
    assert a.save()
    b.session.set_cells([(OTHER, 22)])
    other = tmp_path / "b-copy.gkbg.json"
    suggested = []

    def save_dialog(_parent, _title, start, _filter):
        suggested.append(start)
        return str(other), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    answer("另存为")
    assert b.save()
    assert "（副本）" in suggested[0]
    assert load_draft(draft).value(NEW) == 11 and load_draft(other).value(OTHER) == 22
    assert b.path == other and not b.isWindowModified()
    assert b.files.lock is not None and b.files.lock.file == lock_path(other)


def test_a_file_touched_but_unchanged_does_not_ask(qtbot, make_window, draft):
    window = make_window(load_draft(draft), draft)
    os.utime(draft, (1, 1))  # e.g. copied back by a backup program
    window.session.set_cells([(NEW, 2)])
    assert window.save()  # no dialog: the answer fixture is not even armed


def test_the_lock_follows_the_window(qtbot, make_window, draft, tmp_path):
    window = make_window(load_draft(draft), draft)
    lock = lock_path(draft)
    holder = read_lock(lock)
    assert holder.pid == os.getpid() and holder.user and holder.host
    assert json.loads(lock.read_text("utf-8"))["app"] == "gkbg"
    other = tmp_path / "e.gkbg.json"
    save_draft(window.report, other)
    assert window.files.open_path(other)
    assert not lock.exists() and lock_path(other).exists()
    window.ask_before_close = False
    window.close()
    assert not lock_path(other).exists()


@posix_only
def test_a_stale_lock_of_a_dead_process_is_taken_over(qtbot, make_window, draft):
    lock = lock_path(draft)
    lock.write_text(json.dumps({"app": "gkbg", "pid": 2 ** 22 + 12345, "host": os.uname().nodename,
                                "user": "someone", "since": "2024-01-01T08:00:00", "token": "dead"}), "utf-8")
    window = make_window(load_draft(draft), draft)
    assert window.files.lock_holder is None and read_lock(lock).pid == os.getpid()


def test_a_lock_from_another_computer_is_reported_not_taken(qtbot, make_window, draft, answer):
    lock = lock_path(draft)
    lock.write_text(json.dumps({"app": "gkbg", "pid": 4242, "host": "OFFICE-PC-7", "user": "wang",
                                "since": "2024-01-01T08:00:00", "token": "far"}), "utf-8")
    window = make_window(Report.for_year(2020), None)
    answers = answer("取消")
    assert not window.files.open_path(draft)
    assert "计算机“OFFICE-PC-7”" in answers.seen[0][1] and "wang" in answers.seen[0][1]
    assert read_lock(lock).token == "far"


def test_at_start_up_a_draft_open_elsewhere_asks_and_cancel_gives_a_blank_report(qtbot, make_window, draft,
                                                                                  answer):
    held, _ = acquire(draft)  # as another window would
    try:
        window = make_window(load_draft(draft), draft)
        assert window.files.lock_holder is not None
        answers = answer("取消")
        assert not window.files.confirm_open_elsewhere()
        assert answers.seen[0][0] == "草稿已在别处打开" and window.path is None
        assert read_lock(lock_path(draft)).token == held.info.token
    finally:
        held.release()
    assert not lock_path(draft).exists()


DRIVER = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import ui.app

app = QApplication(["gkbg"])
QTimer.singleShot(300, lambda: print("open", flush=True))
sys.exit(ui.app.run_gui([{draft!r}]))
"""


@posix_only
def test_a_real_second_process_holds_the_lock_until_it_dies(qtbot, make_window, draft, answer, tmp_path):
    env = {**os.environ, "GKBG_DATA_DIR": str(tmp_path / "other-app"), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-c", DRIVER.format(root=str(ROOT), draft=str(draft))], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        assert ready and proc.stdout.readline().strip() == b"open", "the other app did not start in 60 s"
        assert read_lock(lock_path(draft)).pid == proc.pid
        window = make_window(Report.for_year(2020, "本窗口"), None)
        answers = answer("取消")
        assert not window.files.open_path(draft)
        assert "本机的另一个窗口（用户 " in answers.seen[0][1] and f"进程 {proc.pid}" in answers.seen[0][1]
        assert window.path is None
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
    assert read_lock(lock_path(draft)).pid == proc.pid  # a killed process leaves its lock behind …
    assert window.files.open_path(draft)  # … which is stale now: opened without a question
    assert window.path == draft and read_lock(lock_path(draft)).pid == os.getpid()


def test_a_process_that_ends_without_closing_its_window_leaves_no_lock(draft):
    script = (f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
              "from model.draft_lock import acquire, lock_path\n"
              f"lock, _ = acquire({str(draft)!r})\n"
              f"assert lock is not None and lock_path({str(draft)!r}).exists()\n")
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert not lock_path(draft).exists()
