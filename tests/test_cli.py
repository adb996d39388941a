"""The command line: check (exit codes, --json), new; run as a real subprocess."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_main as run
from model.draft import load_draft, save_draft
from model.report import CellRef

ROOT = Path(__file__).resolve().parent.parent


def test_check_sample_exits_0(sample_path):
    result = run("check", str(sample_path))
    assert result.returncode == 0, result.stderr
    assert "0 个错误" in result.stdout


def test_check_json_lists_findings_with_official_labels(sample_report, tmp_path):
    sample_report.set_value(CellRef("applications", "new", "natural"), 5)
    sample_report.set_value(CellRef("applications", "disclosed", "natural"), 4)
    sample_report.set_value(CellRef("review", "cases", "after_review_pending"), 1)
    target = tmp_path / "bad.gkbg.json"
    save_draft(sample_report, target)
    result = run("check", str(target), "--json")
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    assert all(set(f) == {"severity", "rule", "section", "row", "column", "message", "hint", "key", "explained"}
               for f in findings)
    first = findings[0]
    assert first == {"severity": "error", "rule": "R1", "section": "三、收到和处理政府信息公开申请情况",
                     "row": "一、本年新收政府信息公开申请数量", "column": "自然人",
                     "message": "自然人：一+二＝5，三（七）总计+四＝4，相差1",
                     "hint": "先查“三、本年度办理结果”各项和“四、结转下年度继续办理”是否漏填。",
                     "key": "R1@applications.new.natural#5,4,1", "explained": None}


def test_check_warnings_only_exits_0(sample_report, tmp_path):
    sample_report.set_text("problems", "无")
    target = tmp_path / "w.gkbg.json"
    save_draft(sample_report, target)
    result = run("check", str(target), "--json")
    assert result.returncode == 0
    (finding,) = json.loads(result.stdout)
    assert finding["severity"] == "warning" and finding["row"] == "" and finding["column"] == ""


def test_check_with_previous_year(sample_report, tmp_path):
    last = tmp_path / "2019.gkbg.json"
    save_draft(sample_report, last)
    this = load_draft(last)
    this.year = 2020
    this.set_value(CellRef("item5", "licensing", "previous"), 9)
    now = tmp_path / "2020.gkbg.json"
    save_draft(this, now)
    result = run("check", str(now), "--previous", str(last), "--json")
    rules = {f["rule"] for f in json.loads(result.stdout)}
    assert {"R8.cross-year", "R9.problems-repeat"} <= rules
    assert result.returncode == 0


@pytest.mark.parametrize("content, expected", [
    (b'{"marker": "gov-info-disclosure-annual-report", "sch', "文件不完整"),
    (b"\xff\xfe garbage", "不是 UTF-8 编码"),
])
def test_check_unreadable_exits_2(tmp_path, content, expected):
    target = tmp_path / "broken.gkbg.json"
    target.write_bytes(content)
    result = run("check", str(target))
    assert result.returncode == 2
    assert expected in result.stderr and "Traceback" not in result.stderr


def test_check_missing_file_exits_2(tmp_path):
    result = run("check", str(tmp_path / "none.json"))
    assert result.returncode == 2 and "找不到文件" in result.stderr


@pytest.mark.parametrize("year, fmt, rows", [(2020, "2019", 23), (2024, "2021", 25)])
def test_new_blank_draft_in_the_right_format(tmp_path, year, fmt, rows):
    target = tmp_path / "new.gkbg.json"
    result = run("new", "--year", str(year), "--unit", "某某乡人民政府", "-o", str(target))
    assert result.returncode == 0, result.stderr
    report = load_draft(target)
    assert (report.format.id, report.year, report.unit_name) == (fmt, year, "某某乡人民政府")
    assert len(report.format.table("applications").leaf_rows()) == rows
    # a blank draft reads and checks; what it lacks is the two text sections a report must have
    result = run("check", str(target), "--json")
    errors = {f["rule"] for f in json.loads(result.stdout) if f["severity"] == "error"}
    assert result.returncode == 1 and errors == {"R12.overview", "R12.problems"}


def test_new_refuses_year_without_format_and_existing_file(tmp_path):
    result = run("new", "--year", "2018", "--unit", "x", "-o", str(tmp_path / "a.json"))
    assert result.returncode == 2 and "2019年起" in result.stderr
    existing = tmp_path / "b.json"
    existing.write_text("keep")
    result = run("new", "--year", "2020", "--unit", "x", "-o", str(existing))
    assert result.returncode == 2 and "已存在" in result.stderr
    assert existing.read_text() == "keep"


def test_check_previous_must_be_last_year(sample_path):
    result = run("check", str(sample_path), "--previous", str(sample_path))
    assert result.returncode == 2
    assert "应为上一年度（2018年）的报告" in result.stderr and "2019年度" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["--year", "2101", "--unit", "某局"], "2019至2100之间"),
    (["--year", "2020", "--unit", "局" * 101], "不能超过100个字"),
    (["--year", "2020", "--unit", ""], "不能为空"),
    (["--year", "2020", "--unit", "   "], "不能为空"),
    (["--year", "2020", "--unit", "某\x07局"], "控制字符 U+0007"),
])
def test_new_refuses_what_the_loader_would_refuse(tmp_path, args, message):
    target = tmp_path / "n.gkbg.json"
    result = run("new", *args, "-o", str(target))
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert not target.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX argv bytes")
def test_new_with_an_undecodable_unit_is_refused_without_traceback(tmp_path):
    target = tmp_path / "n.gkbg.json"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "new", "--year", "2020", "--unit",
                             b"\xff\xfe\xe5\xb1\x80", "-o", str(target)], capture_output=True, cwd=ROOT)
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "无效字符 U+DCFF" in stderr and "Traceback" not in stderr
    assert not target.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX umask")
def test_new_draft_follows_the_umask_and_force_keeps_the_mode(tmp_path):
    import os
    import stat

    target = tmp_path / "n.gkbg.json"
    old = os.umask(0o022)
    try:
        assert run("new", "--year", "2020", "--unit", "某局", "-o", str(target)).returncode == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    os.chmod(target, 0o660)
    assert run("new", "--year", "2021", "--unit", "某局", "-o", str(target), "--force").returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o660 and load_draft(target).year == 2021


def test_names_with_control_characters_are_printed_escaped(tmp_path, sample_report):
    """A file name (or anything else printed) cannot send escape sequences to the clerk's terminal."""
    bad = tmp_path / "a\x1b[2J\x1b]0;pwned\x07b.gkbg.json"
    bad.write_bytes(b"{broken")
    result = run("check", str(bad))
    assert result.returncode == 2 and "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "a\\x1b[2J\\x1b]0;pwned\\x07b.gkbg.json" in result.stderr
    good = tmp_path / "\x1b[31m.gkbg.json"
    save_draft(sample_report, good)
    result = run("export", str(good), "--to", str(tmp_path / "\x1b[31m.pdf"))
    assert result.returncode == 0 and "\x1b" not in result.stdout and "\\x1b[31m.pdf" in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX FIFO")
def test_previous_and_export_input_that_is_a_fifo_do_not_block(tmp_path, sample_path):
    import os

    fifo = tmp_path / "last.gkbg.json"
    os.mkfifo(fifo)
    for args in (["check", str(sample_path), "--previous", str(fifo)], ["export", str(fifo), "--to", "x.pdf"]):
        result = run(*args, cwd=tmp_path, timeout=60)
        assert result.returncode == 2 and "管道（FIFO）" in result.stderr, args


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_export_over_a_read_only_file_is_refused(tmp_path, sample_path):
    import os

    out = tmp_path / "signed.pdf"
    out.write_bytes(b"%PDF signed")
    os.chmod(out, 0o444)
    result = run("export", str(sample_path), "--to", str(out))
    assert result.returncode == 2 and "只读" in result.stderr
    assert out.read_bytes() == b"%PDF signed"
