"""Recovery store: autosaved copies listed after a crash, restored whole, discarded, owned by live sessions."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from model.draft import dumps
from model.processes import pid_alive
from model.recovery import RecoveryStore, new_session_id
from model.report import CellRef


def test_write_list_restore_discard(sample_report, sample_path, tmp_path):
    store = RecoveryStore(tmp_path / "recovery")
    sid = new_session_id()
    sample_report.set_value(CellRef("applications", "new", "natural"), 9)
    store.write(sid, sample_report, sample_path)
    assert sample_path.read_bytes() != dumps(sample_report)  # the draft itself is untouched
    # our own pid: the store treats our own files as pending (a restarted process reuses nothing)
    (entry,) = store.pending()
    assert entry.unit_name == "火花镇人民政府" and entry.year == 2019 and entry.draft_path == sample_path
    assert entry.problem == "" and "火花镇人民政府 2019年" in entry.describe()
    restored = store.restore(entry)
    assert dumps(restored) == dumps(sample_report)
    store.discard(entry)
    assert store.pending() == []


def test_remove_after_clean_save(sample_report, tmp_path):
    store = RecoveryStore(tmp_path)
    sid = new_session_id()
    store.write(sid, sample_report, None)
    assert store.file_for(sid).exists()
    store.remove(sid)
    store.remove(sid)  # twice is harmless
    assert store.pending() == []


def test_entries_of_running_sessions_are_not_offered(sample_report, tmp_path):
    store = RecoveryStore(tmp_path)
    path = store.write(new_session_id(), sample_report, None)
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        doc = json.loads(path.read_text("utf-8"))
        doc["pid"] = proc.pid
        path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
        assert pid_alive(proc.pid)
        assert store.pending() == []
    finally:
        proc.kill()
        proc.wait()
    assert not pid_alive(proc.pid)
    assert len(store.pending()) == 1


def test_damaged_recovery_file_is_listed_with_its_problem(tmp_path):
    store = RecoveryStore(tmp_path)
    (tmp_path / "x.recovery.json").write_text("{not json", "utf-8")
    (entry,) = store.pending()
    assert "已损坏" in entry.problem
    store.discard(entry)
    assert list(Path(tmp_path).iterdir()) == []


def test_missing_folder_has_nothing_pending(tmp_path):
    assert RecoveryStore(tmp_path / "none").pending() == []
