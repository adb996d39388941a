"""Saving under faults: killed mid-save 200 times, a read-only mount, a full disk — the file stays whole."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from model.draft import dumps, load_draft, save_draft
from model.errors import DraftError
from model.report import CellRef

ROOT = Path(__file__).resolve().parent.parent

WRITER = """
import sys
sys.path.insert(0, {root!r})
from model.draft import load_draft, save_draft
a = load_draft({a!r}); b = load_draft({b!r})
target = {target!r}
print("ready", flush=True)
while True:
    save_draft(b, target)
    save_draft(a, target)
"""


def test_killed_while_saving_leaves_old_or_new_file(sample_report, tmp_path):
    old_path, new_path = tmp_path / "a.json", tmp_path / "b.json"
    save_draft(sample_report, old_path)
    sample_report.set_value(CellRef("applications", "new", "natural"), 7)
    sample_report.set_text("overview", sample_report.texts["overview"] * 20)  # a larger write
    save_draft(sample_report, new_path)
    old, new = old_path.read_bytes(), new_path.read_bytes()
    target = tmp_path / "draft.gkbg.json"
    target.write_bytes(old)
    script = WRITER.format(root=str(ROOT), a=str(old_path), b=str(new_path), target=str(target))
    rng = random.Random(20261126)
    seen = set()
    for _ in range(200):
        proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0, 0.03))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        content = target.read_bytes()
        assert content in (old, new)
        load_draft(target)
        seen.add(content == new)
    assert seen == {True, False}, "the kills never landed on both sides of a save"


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def mounted(tmp_path):
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting needs root")
    points = []

    def mount(kind: str) -> Path:
        point = tmp_path / kind
        point.mkdir()
        if kind == "full":
            ok = _mount("-t", "tmpfs", "-o", "size=64k", "tmpfs", str(point))
        else:
            ok = _mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(point))
        if not ok:
            pytest.skip("mount is not permitted here")
        points.append(point)
        return point

    yield mount
    for point in reversed(points):
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def test_save_on_read_only_mount_keeps_old_file(sample_report, mounted):
    folder = mounted("ro")
    target = folder / "d.gkbg.json"
    save_draft(sample_report, target)
    before = target.read_bytes()
    assert _mount("-o", "remount,ro", str(folder))
    sample_report.set_field("unit_name", "新名字")
    with pytest.raises(DraftError, match="只读"):
        save_draft(sample_report, target)
    assert target.read_bytes() == before
    assert sample_report.unit_name == "新名字"  # the edit is still in memory


def test_save_on_full_disk_keeps_old_file(sample_report, mounted):
    folder = mounted("full")
    target = folder / "d.gkbg.json"
    save_draft(sample_report, target)
    before = target.read_bytes()
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"x" * 4096)
        except OSError:
            pass
    for key in ("overview", "problems"):  # two sections at the length limit: 120 KB, more than the disk holds
        sample_report.set_text(key, "很长的文字" * 4000)
    with pytest.raises(DraftError, match="磁盘空间已满"):
        save_draft(sample_report, target)
    assert target.read_bytes() == before
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
    assert dumps(load_draft(target)) == before
