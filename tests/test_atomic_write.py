"""The one writer (model/atomic.py): links, permissions, read-only and special targets, exclusive creation,
stale temp files, characters UTF-8 cannot hold — for drafts and exports alike."""
from __future__ import annotations

import contextlib
import io
import os
import stat
import threading
import time
from pathlib import Path

import pytest

import main
from model.atomic import STALE_TEMP_SECONDS, TargetExistsError, atomic_write, atomic_write_text, clean_stale_temps
from model.draft import dumps, load_draft, save_draft
from model.errors import DraftError, ReportError
from model.recovery import RecoveryStore

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX links, modes and FIFOs")


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@contextlib.contextmanager
def umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


@posix_only
def test_saving_through_a_link_writes_the_target_and_keeps_the_link(sample_report, tmp_path):
    real_folder, link_folder = tmp_path / "real", tmp_path / "links"
    real_folder.mkdir(), link_folder.mkdir()
    target = real_folder / "d.gkbg.json"
    save_draft(sample_report, target)
    link = link_folder / "d.gkbg.json"
    link.symlink_to(target)
    sample_report.set_field("unit_name", "经由链接保存")
    save_draft(sample_report, link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert load_draft(target).unit_name == "经由链接保存"
    assert names(real_folder) == ["d.gkbg.json"] and names(link_folder) == ["d.gkbg.json"]


@posix_only
def test_saving_through_a_dangling_link_creates_its_target(sample_report, tmp_path):
    link = tmp_path / "d.gkbg.json"
    link.symlink_to(tmp_path / "real.gkbg.json")
    save_draft(sample_report, link)
    assert link.is_symlink() and load_draft(tmp_path / "real.gkbg.json").unit_name == sample_report.unit_name


@posix_only
def test_saving_to_a_link_loop_is_told(sample_report, tmp_path):
    a, b = tmp_path / "a.gkbg.json", tmp_path / "b.gkbg.json"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(DraftError, match="符号链接过多或形成循环"):
        save_draft(sample_report, a)
    assert a.is_symlink() and b.is_symlink()


@posix_only
def test_an_existing_file_keeps_its_mode(sample_report, tmp_path):
    target = tmp_path / "d.gkbg.json"
    save_draft(sample_report, target)
    os.chmod(target, 0o640)
    save_draft(sample_report, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@posix_only
@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_a_new_file_follows_the_umask(sample_report, tmp_path, mask, mode):
    from export import export_report

    with umask(mask):
        save_draft(sample_report, tmp_path / "d.gkbg.json")
        export_report(sample_report, tmp_path / "r.pdf")
        RecoveryStore(tmp_path / "rec").write("sid", sample_report, None)
    for path in (tmp_path / "d.gkbg.json", tmp_path / "r.pdf", tmp_path / "rec" / "sid.recovery.json"):
        assert stat.S_IMODE(path.stat().st_mode) == mode, path


@posix_only
@pytest.mark.parametrize("kind", ["draft", "docx", "pdf"])
def test_a_read_only_file_is_not_replaced(sample_report, tmp_path, kind):
    """Even as root (who may write anything) and although a rename would replace it, a 0444 file stays."""
    from export import export_report

    target = tmp_path / {"draft": "d.gkbg.json", "docx": "r.docx", "pdf": "r.pdf"}[kind]
    target.write_bytes(b"signed version")
    os.chmod(target, 0o444)
    with pytest.raises(ReportError, match="文件是只读的，未覆盖"):
        if kind == "draft":
            save_draft(sample_report, target)
        else:
            export_report(sample_report, target)
    assert target.read_bytes() == b"signed version" and names(tmp_path) == [target.name]


@posix_only
def test_special_targets_are_refused_without_blocking(sample_report, tmp_path):
    fifo = tmp_path / "p.gkbg.json"
    os.mkfifo(fifo)
    with pytest.raises(DraftError, match="不是普通文件"):
        save_draft(sample_report, fifo)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    folder = tmp_path / "f.gkbg.json"
    folder.mkdir()
    with pytest.raises(DraftError, match="这是一个文件夹"):
        save_draft(sample_report, folder)
    assert names(tmp_path) == ["f.gkbg.json", "p.gkbg.json"]


def test_exclusive_never_replaces(sample_report, tmp_path):
    target = tmp_path / "d.gkbg.json"
    target.write_text("keep")
    with pytest.raises(TargetExistsError, match="已存在"):
        save_draft(sample_report, target, exclusive=True)
    assert target.read_text() == "keep" and names(tmp_path) == ["d.gkbg.json"]
    save_draft(sample_report, tmp_path / "new.gkbg.json", exclusive=True)
    assert load_draft(tmp_path / "new.gkbg.json").unit_name == sample_report.unit_name


def test_exclusive_without_hard_links_still_refuses_an_existing_file(sample_report, tmp_path, monkeypatch):
    """On FAT or some network shares os.link fails: the name is claimed with O_EXCL instead."""
    def no_links(*_args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "d.gkbg.json"
    save_draft(sample_report, target, exclusive=True)
    assert load_draft(target).unit_name == sample_report.unit_name
    with pytest.raises(TargetExistsError):
        save_draft(sample_report, target, exclusive=True)
    assert names(tmp_path) == ["d.gkbg.json"]


def test_racing_new_commands_create_exactly_one_file(tmp_path):
    """`new` without --force, eight at once on one path, ten times: one wins, the others are refused."""
    for round_ in range(10):
        target = tmp_path / f"race{round_}.gkbg.json"
        start = threading.Barrier(8)
        codes: list[int] = []

        def run_new(i: int) -> None:
            start.wait()
            codes.append(main.run_cli(["new", "--year", "2020", "--unit", f"单位{i}", "-o", str(target)]))

        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            threads = [threading.Thread(target=run_new, args=(i,)) for i in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        assert sorted(codes) == [0] + [2] * 7, codes
        assert load_draft(target).unit_name.startswith("单位")
    assert all(p.name.startswith("race") for p in tmp_path.iterdir())  # no temp file left


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_stale_temp_files_of_a_killed_save_are_removed_and_nothing_else(sample_report, tmp_path):
    target = tmp_path / "d.gkbg.json"
    save_draft(sample_report, target)
    stale = tmp_path / ".d.gkbg.json.k1ll3d_x.tmp"  # as a kill -9 in the middle of a save leaves it
    fresh = tmp_path / ".d.gkbg.json.s4v1ng_y.tmp"  # another window saving right now
    other = tmp_path / ".other.gkbg.json.abcdefgh.tmp"  # another draft's
    unlike = tmp_path / ".d.gkbg.json.not-ours.tmp"  # not our pattern
    folder = tmp_path / ".d.gkbg.json.zzzzzzzz.tmp"  # not a regular file
    for path in (stale, fresh, other, unlike):
        path.write_bytes(b"{")
    folder.mkdir()
    for path in (stale, other, unlike, folder):
        _age(path, STALE_TEMP_SECONDS + 60)
    save_draft(sample_report, target)
    assert not stale.exists()
    assert fresh.exists() and other.exists() and unlike.exists() and folder.is_dir()


def test_killed_autosave_temp_files_are_removed_from_the_recovery_folder(sample_report, tmp_path):
    store = RecoveryStore(tmp_path)
    store.write("abc", sample_report, None)
    stale = tmp_path / ".0123abcd.recovery.json.k1ll3d_x.tmp"
    foreign = tmp_path / ".notes.txt.abcdefgh.tmp"
    for path in (stale, foreign):
        path.write_bytes(b"{")
        _age(path, STALE_TEMP_SECONDS + 60)
    assert len(store.pending()) == 1
    assert not stale.exists() and foreign.exists()
    assert clean_stale_temps(tmp_path, suffix=".recovery.json") == 0


def test_text_that_utf8_cannot_hold_is_a_draft_error(tmp_path):
    target = tmp_path / "x.json"
    target.write_text("old")
    with pytest.raises(DraftError, match=r"无效字符 U\+D800.*原文件未被改动"):
        atomic_write_text(target, "单位\ud800")
    assert target.read_text() == "old" and names(tmp_path) == ["x.json"]


def test_a_report_smuggled_a_lone_surrogate_still_gives_a_draft_error(sample_report, tmp_path):
    """Validation keeps lone surrogates out; should one get in anyway (set directly), saving says so."""
    sample_report.texts["other"] = "坏\udc80"
    with pytest.raises(DraftError, match=r"U\+DC80"):
        save_draft(sample_report, tmp_path / "d.gkbg.json")
    with pytest.raises(DraftError, match=r"U\+DC80"):
        dumps(sample_report)
    with pytest.raises(DraftError, match=r"U\+DC80"):
        RecoveryStore(tmp_path / "rec").write("sid", sample_report, None)
    assert not (tmp_path / "d.gkbg.json").exists()


def test_the_written_status_is_returned(tmp_path):
    status = atomic_write(tmp_path / "a.bin", b"12345")
    assert status.st_size == 5 and status.st_ino == (tmp_path / "a.bin").stat().st_ino
