"""`python main.py aggregate`: exit codes, refusals, --json, progress, the breakdown, --check and re-making."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_main
from aggregate_units import write_units
from model.aggregate_record import sources_of
from model.draft import load_draft, save_draft
from model.report import CellRef, Report

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    return run_main("aggregate", *args)


@pytest.fixture
def units(tmp_path) -> Path:
    write_units(tmp_path / "units", 6, errors=(4,), money_units=("元", "万元"))
    return tmp_path / "units"


def test_summary_written_and_exit_1_while_a_unit_has_errors(units, tmp_path):
    out = tmp_path / "summary.gkbg.json"
    result = run(units, "-o", out, "--unit", "某某县人民政府办公室")
    assert result.returncode == 1, result.stderr
    assert "已读取 6 个文件" in result.stderr  # the count, on stderr
    assert "已汇总 6 个单位的报告" in result.stdout and "1 个单位的报告有错误" in result.stdout
    assert "   5. 东湖镇人民政府" in result.stdout and "错误 [R1]" in result.stdout
    summary = load_draft(out)
    assert summary.unit_name == "某某县人民政府办公室" and len(sources_of(summary).units) == 6
    check = run_main("check", out)
    assert check.returncode == 1 and "[A1]" in check.stdout and "“东湖镇人民政府”的报告有错误" in check.stdout


def test_clean_units_exit_0(tmp_path):
    write_units(tmp_path / "u", 3)
    result = run(tmp_path / "u", "-o", tmp_path / "s.gkbg.json")
    assert result.returncode == 0, result.stderr
    assert "已汇总 3 个单位的报告" in result.stdout


def test_json_lists_units_duplicates_and_files_left_out(units, tmp_path):
    (units / "copy.gkbg.json").write_bytes((units / "unit0002.gkbg.json").read_bytes())
    (units / "bad.gkbg.json").write_text("{", "utf-8")
    result = run(units, "--json", "--once", "--skip-unreadable", "-o", tmp_path / "s.gkbg.json")
    assert result.returncode == 1, result.stderr
    doc = json.loads(result.stdout)
    assert set(doc) == {"year", "format", "units", "duplicates", "left_out", "ignored", "summary", "refused"}
    assert (doc["year"], doc["format"], doc["refused"]) == (2019, "2019", None)
    assert doc["summary"] == str(tmp_path / "s.gkbg.json")
    first = doc["units"][0]
    assert set(first) == {"unit", "file", "errors", "warnings", "included", "findings"}
    assert len(doc["units"]) == 7 and sum(u["errors"] > 0 for u in doc["units"]) == 1
    (dup,) = doc["duplicates"]
    assert dup["reasons"] == ["同名", "数字完全相同"] and dup["units"] == ["石桥镇人民政府"] * 2
    left = {Path(e["file"]).name: e["message"] for e in doc["left_out"]}
    assert set(left) == {"unit0002.gkbg.json", "bad.gkbg.json"}  # copy.gkbg.json sorts first and is kept
    assert "只计一次" in left["unit0002.gkbg.json"] and "不完整" in left["bad.gkbg.json"]


def test_duplicates_refused_until_the_user_decides(units, tmp_path):
    (units / "copy.gkbg.json").write_bytes((units / "unit0002.gkbg.json").read_bytes())
    out = tmp_path / "s.gkbg.json"
    refused = run(units, "-o", out)
    assert refused.returncode == 2 and not out.exists()
    assert "发现1组可能重复的单位" in refused.stderr and "--once" in refused.stderr
    assert "--keep-duplicates" in refused.stderr
    once = run(units, "-o", out, "--once")
    assert once.returncode == 1 and len(sources_of(load_draft(out)).units) == 6
    both = run(units, "-o", out, "--keep-duplicates")
    assert both.returncode == 1 and len(sources_of(load_draft(out)).units) == 7


def test_unreadable_files_need_confirmation(units, tmp_path):
    (units / "bad.gkbg.json").write_text("{", "utf-8")
    out = tmp_path / "s.gkbg.json"
    refused = run(units, "-o", out)
    assert refused.returncode == 2 and not out.exists()
    assert "无法读取：" in refused.stdout and "bad.gkbg.json" in refused.stdout
    assert "--skip-unreadable" in refused.stderr
    made = run(units, "-o", out, "--skip-unreadable")
    assert made.returncode == 1 and out.exists()


def test_a_fifo_among_the_reports_is_listed_unreadable_not_waited_for(units, tmp_path):
    """A pipe named like a draft in a folder once blocked the reading for ever (it was opened and read)."""
    os.mkfifo(units / "pipe.gkbg.json")
    result = run(units, "--json")
    left_out = {Path(e["file"]).name: e["message"] for e in json.loads(result.stdout)["left_out"]}
    assert "是管道（FIFO），不是普通文件" in left_out["pipe.gkbg.json"], left_out
    assert len(json.loads(result.stdout)["units"]) == 6


def test_mixed_years_refused_naming_the_odd_file(tmp_path):
    write_units(tmp_path / "a", 2, year=2021)
    write_units(tmp_path / "b", 1, year=2022, seed=3)
    result = run(tmp_path / "a", tmp_path / "b", "-o", tmp_path / "s.gkbg.json")
    assert result.returncode == 2
    assert "多数为2021年度" in result.stderr and str(tmp_path / "b" / "unit0000.gkbg.json") in result.stderr
    (tmp_path / "b" / "unit0000.gkbg.json").rename(tmp_path / "b" / "u\x1b[2J.gkbg.json")  # a file name to escape
    result = run(tmp_path / "a", tmp_path / "b", "-o", tmp_path / "s.gkbg.json")
    assert result.returncode == 2 and "u\\x1b[2J.gkbg.json" in result.stderr and "\x1b" not in result.stderr


def test_nothing_to_sum(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "readme.txt").write_text("x")
    result = run(tmp_path / "empty", "-o", tmp_path / "s.gkbg.json")
    assert result.returncode == 2 and "没有可汇总的报告" in result.stderr
    assert "另有 1 个文件不是草稿或报告文件" in result.stdout
    nothing = run()
    assert nothing.returncode == 2 and "请给出要汇总的" in nothing.stderr


def test_an_existing_file_that_is_not_a_summary_is_kept(units, tmp_path, sample_report):
    target = tmp_path / "mine.gkbg.json"
    save_draft(sample_report, target)
    before = target.read_bytes()
    result = run(units, "-o", target)
    assert result.returncode == 2 and "不是汇总报告" in result.stderr and target.read_bytes() == before
    assert run(units, "-o", target, "--force").returncode == 1
    assert len(sources_of(load_draft(target)).units) == 6  # now the summary of the six units


def test_check_says_which_inputs_changed_and_remaking_keeps_the_texts(units, tmp_path):
    out = tmp_path / "summary.gkbg.json"
    assert run(units, "-o", out, "--unit", "某县").returncode == 1
    same = run("--check", out)
    assert same.returncode == 0 and "所有 6 个来源文件自汇总以来均未变化" in same.stdout
    summary = load_draft(out)
    summary.set_text("overview", "本县……")
    save_draft(summary, out)
    bad = units / "unit0004.gkbg.json"
    report = load_draft(bad)
    ref = CellRef("applications", "new", "natural")
    report.set_value(ref, report.count(ref) - 1)  # the unit corrects its report
    save_draft(report, bad)
    changed = run("--check", out)
    assert changed.returncode == 1
    assert f"已修改：东湖镇人民政府  {bad}  文件内容已改变，现有0个错误" in changed.stdout
    assert f"aggregate {units} -o {out}" in changed.stdout
    doc = json.loads(run("--check", out, "--json").stdout)
    assert doc["unchanged"] == 5 and [c["file"] for c in doc["changed"]] == [str(bad)]
    remade = run(units, "-o", out)  # the same command again
    assert remade.returncode == 0, remade.stderr
    again = load_draft(out)
    assert again.texts["overview"] == "本县……" and again.unit_name == "某县"
    assert run("--check", out).returncode == 0


def test_check_finds_inputs_moved_with_the_summary_and_prints_a_command_that_works(tmp_path):
    """The office keeps 各单位/ and the summary in one folder and moves it (another disk, another PC): --check
    compares the files where they are now, and the re-make command it prints is accepted as it is."""
    office = tmp_path / "2024 年报"
    write_units(office / "各单位", 4, errors=(2,))
    (office / "各单位" / "坏文件.gkbg.json").write_text("{", "utf-8")
    out = office / "汇总.gkbg.json"
    assert run(office / "各单位", "-o", out, "--skip-unreadable").returncode == 1
    moved = tmp_path / "移动后" / "县 汇总"
    moved.parent.mkdir()
    office.rename(moved)
    same = run("--check", moved / "汇总.gkbg.json")
    assert same.returncode == 0, same.stdout
    assert f"已移动：{office / '各单位'}  现在：{moved / '各单位'}" in same.stdout
    assert "所有 5 个来源文件自汇总以来均未变化" in same.stdout
    fixed = load_draft(moved / "各单位" / "unit0002.gkbg.json")
    ref = CellRef("applications", "new", "natural")
    fixed.set_value(ref, fixed.count(ref) - 1)
    save_draft(fixed, moved / "各单位" / "unit0002.gkbg.json")
    changed = run("--check", moved / "汇总.gkbg.json")
    assert changed.returncode == 1
    assert f"已修改：石桥镇人民政府  {moved / '各单位' / 'unit0002.gkbg.json'}" in changed.stdout
    doc = json.loads(run("--check", moved / "汇总.gkbg.json", "--json").stdout)
    assert doc["moved"] == [{"recorded": str(office / "各单位"), "now": str(moved / "各单位")}]
    command = next(line.strip() for line in changed.stdout.splitlines() if " aggregate " in line)
    assert command.startswith("python main.py aggregate ") and command.endswith(" --skip-unreadable")
    import shlex

    remade = subprocess.run([sys.executable, *shlex.split(command)[1:]], capture_output=True, text=True,
                            encoding="utf-8", cwd=ROOT)
    assert remade.returncode == 0, remade.stderr  # the unit's correction summed; the bad file still skipped
    assert run("--check", moved / "汇总.gkbg.json").returncode == 0


def test_the_bundle_prints_its_own_program_name_in_commands(monkeypatch):
    from cli.common import command_line

    assert command_line() == "python main.py"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", r"C:\Users\张三\AppData\Local\Programs\gkbg\gkbg.exe")
    assert command_line() == r"C:\Users\张三\AppData\Local\Programs\gkbg\gkbg.exe"  # not on PATH: in full
    monkeypatch.setattr(sys, "executable", "/opt/年报 助手/gkbg/gkbg")
    assert command_line() == '"/opt/年报 助手/gkbg/gkbg"'


def test_a_sum_out_of_range_is_refused_in_json_too(tmp_path):
    from model.formats.definition import MAX_COUNT

    (tmp_path / "units").mkdir()
    for name in ("甲镇", "乙镇"):
        report = Report.for_year(2024, name)
        report.set_value(CellRef("item5", "licensing", "decisions"), MAX_COUNT)
        save_draft(report, tmp_path / "units" / f"{name}.gkbg.json")
    result = run(tmp_path / "units", "-o", tmp_path / "s.gkbg.json", "--keep-duplicates", "--json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    doc = json.loads(result.stdout)  # programs still get their answer
    assert "合计超出范围" in doc["refused"] and doc["summary"] is None
    assert not (tmp_path / "s.gkbg.json").exists()


def test_check_refuses_a_draft_that_is_not_a_summary(sample_path):
    result = run("--check", sample_path)
    assert result.returncode == 2 and "不是汇总报告" in result.stderr


def test_breakdown_workbook_from_the_command_line(units, tmp_path):
    from openpyxl import load_workbook

    result = run(units, "--xlsx", tmp_path / "b.xlsx")
    assert result.returncode == 1 and "已另存各单位明细表" in result.stdout
    assert load_workbook(tmp_path / "b.xlsx").sheetnames == ["二、主动公开", "三、依申请公开", "四、复议诉讼", "检查结果"]


def test_a_large_folder_is_announced(units, monkeypatch, capsys):
    import argparse

    import cli.aggregate as command
    import model.aggregate_inputs as inputs

    monkeypatch.setattr(inputs, "LARGE_BATCH", 3)
    args = argparse.Namespace(inputs=[str(units)], output=None, unit=None, xlsx=None, json=False, check=None,
                              once=False, keep_duplicates=False, skip_unreadable=False, force=False)
    assert command.run(args) == 1
    err = capsys.readouterr().err
    assert "共 6 个文件待读取，可能需要一些时间（按 Ctrl+C 取消）" in err and "已读取 6 个文件" in err


def test_summing_a_2021_year_from_the_command_line(tmp_path):
    for name, amount in (("甲局", "1.5"), ("乙局", "0.000001")):
        report = Report.for_year(2022, name)
        from decimal import Decimal

        from model.cells import Money

        report.set_value(CellRef("item8", "fees", "amount"), Money(Decimal(amount), "万元"))
        report.set_value(CellRef("item5", "licensing", "decisions"), 3 if name == "甲局" else 4)
        report.set_text("overview", "全年工作情况。")
        report.set_text("problems", "公开及时性有待提高，将加强培训。")
        save_draft(report, tmp_path / f"{name}.gkbg.json")
    result = run(tmp_path, "-o", tmp_path / "out" / "s.gkbg.json")
    assert result.returncode == 2  # the folder for -o does not exist: a clear error, nothing written
    (tmp_path / "out").mkdir()
    assert run(tmp_path, "-o", tmp_path / "out" / "s.gkbg.json").returncode == 0
    doc = json.loads((tmp_path / "out" / "s.gkbg.json").read_text("utf-8"))
    assert doc["tables"]["item8"]["fees"]["amount"] == {"amount": "1.500001", "unit": "万元"}
    assert doc["tables"]["item5"]["licensing"]["decisions"] == 7
