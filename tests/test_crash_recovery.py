"""Crash test: edit in a real app process, wait past the autosave delay, kill -9, start again, restore."""
from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from model.draft import load_draft
from model.report import CellRef
from test_ui_support import OFFSCREEN_NOISE, answer  # noqa: F401  (fixture)

pytestmark = OFFSCREEN_NOISE
ROOT = Path(__file__).resolve().parent.parent

EDITS = {
    CellRef("applications", "new", "natural"): 11,
    CellRef("applications", "disclosed", "natural"): 8,
    CellRef("review", "cases", "direct_pending"): 2,
    CellRef("item5", "other_services", "change"): -7,
}

DRIVER = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from model.report import CellRef
import ui.app

EDITS = {edits!r}

def drive():
    window = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow")
    for (table, row, column), value in EDITS.items():
        window.session.set_cells([(CellRef(table, row, column), value)])
    window.session.set_text("problems", "崩溃前输入的文字")
    window.session.set_field("unit_name", "火花镇人民政府（改）")
    QTimer.singleShot(2500, lambda: print("edited", flush=True))

app = QApplication(["gkbg"])  # run_gui takes this instance
QTimer.singleShot(300, drive)
sys.exit(ui.app.run_gui([{draft!r}]))
"""


def test_kill_9_after_autosave_then_restore_everything(qtbot, tmp_path, monkeypatch, answer):
    draft = tmp_path / "火花镇.gkbg.json"
    shutil.copy(ROOT / "resources" / "samples" / "huohua-2019.gkbg.json", draft)
    before = draft.read_bytes()
    data_dir = tmp_path / "appdata"
    env = {**os.environ, "GKBG_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    script = DRIVER.format(root=str(ROOT), edits={tuple(k): v for k, v in EDITS.items()}, draft=str(draft))
    proc = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        assert ready, "the app did not report its edits within 60 s"
        assert proc.stdout.readline().strip() == b"edited"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    assert draft.read_bytes() == before  # autosave never writes over the draft
    assert len(list((data_dir / "recovery").glob("*.recovery.json"))) == 1

    # start again, as run_gui does, and restore
    monkeypatch.setenv("GKBG_DATA_DIR", str(data_dir))
    from ui.main_window import MainWindow
    from ui.settings import open_settings

    window = MainWindow(open_settings())
    window.ask_before_close = False
    qtbot.addWidget(window)
    window.set_report(load_draft(draft), draft)
    window.show()

    def restore(dialog):
        assert "火花镇人民政府（改） 2019年" in dialog.list.item(0).text()
        dialog.restore_button.click()

    answer(restore)
    assert window.files.offer_recovery()
    report = window.report
    for ref, value in EDITS.items():
        assert report.value(ref) == value
    assert report.texts["problems"] == "崩溃前输入的文字"
    assert report.unit_name == "火花镇人民政府（改）"
    assert window.path == draft and window.isWindowModified()
    assert window.save()
    assert load_draft(draft).value(CellRef("applications", "new", "natural")) == 11
    assert list((data_dir / "recovery").glob("*.recovery.json")) == []
