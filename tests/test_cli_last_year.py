"""The command line with last year's report: `new --from`, `link`, `check` with the stored block; a 2019 → 2025 chain."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_main as run
from model.draft import load_draft, save_draft
from model.last_year import carry_cells
from model.report import CellRef

from test_last_year import APPLICANTS, A, full_report

ROOT = Path(__file__).resolve().parent.parent


def fill_year(path: Path, year: int) -> None:
    """What a clerk does over the year: this year's numbers, consistent with what was carried."""
    report = load_draft(path)
    report.set_field("report_date", f"{year + 1}-01-20")
    report.set_text("overview", f"{year}年度政府信息公开工作总体情况。")
    report.set_text("problems", f"{year}年的问题：栏目更新不及时（{year}）。改进：建立{year}年周检制度，按期更新。")
    report.set_text("other", f"{year}年度未收取信息处理费。")
    for i, col in enumerate(APPLICANTS, start=1):
        carried = report.count(A("carried_over", col))
        new, forward = year % 100 + i, (year + i) % 4
        report.set_value(A("new", col), new)
        report.set_value(A("disclosed", col), new + carried - forward)
        report.set_value(A("carry_forward", col), forward)
    if report.format.id == "2019":
        for table, row in [("item5", "licensing"), ("item6", "penalty"), ("item8", "fees")]:
            report.set_value(CellRef(table, row, "change"), 2 if year % 2 else 1)
    else:
        base = report.last_year.values.get(CellRef("item1", "rules", "in_force")) if report.last_year else None
        report.set_value(CellRef("item1", "rules", "issued"), 3)
        report.set_value(CellRef("item1", "rules", "repealed"), 1)
        report.set_value(CellRef("item1", "rules", "in_force"), (base if base is not None else 10) + 2)
    save_draft(report, path)


def test_chain_of_years_2019_to_2025_each_from_the_last(sample_path, tmp_path):
    """Each year's draft made with `new --from` the year before, filled, checked clean; across 2020 → 2021."""
    last = tmp_path / "2019.gkbg.json"
    last.write_bytes(sample_path.read_bytes())
    for year in range(2020, 2026):
        target = tmp_path / f"{year}.gkbg.json"
        result = run("new", "--year", year, "--from", last, "-o", target)
        assert result.returncode == 0, result.stderr
        assert "已基于上年报告新建" in result.stdout
        made = load_draft(target)
        previous = load_draft(last)
        assert (made.year, made.unit_name, made.last_year.year) == (year, "火花镇人民政府", year - 1)
        assert made.format.id == ("2019" if year == 2020 else "2021")
        assert made.carried == set(carry_cells(made.format))  # marked until edited, kept in the draft
        for col in APPLICANTS:
            assert made.value(A("carried_over", col)) == previous.value(A("carry_forward", col))
        fill_year(target, year)
        result = run("check", target, "--json")
        assert result.returncode == 0, result.stdout + result.stderr
        assert json.loads(result.stdout) == [], (year, result.stdout)
        # the stored block and the old file agree
        assert run("check", target, "--previous", last, "--json").stdout == result.stdout
        last = target
        if year == 2020:  # 上一年项目数量 ← the sample's 上一年项目数量 + 本年增/减
            assert made.value(CellRef("item5", "other_services", "previous")) == 50 - 2
    final = load_draft(last)
    assert final.value(CellRef("item1", "rules", "in_force")) == 20  # 2021: 12, then 3 made − 1 repealed a year
    assert final.last_year.values[CellRef("item1", "rules", "in_force")] == 18


def test_new_from_with_unit_and_summary(tmp_path):
    last = tmp_path / "2020.gkbg.json"
    save_draft(full_report(2020), last)
    target = tmp_path / "2021.gkbg.json"
    result = run("new", "--year", 2021, "--from", last, "--unit", "火花镇（新）", "-o", target)
    assert result.returncode == 0, result.stderr
    assert "从上年报告带入 6 个数" in result.stdout and "对外公开总数量" in result.stdout
    assert "注意：上年报告的填报单位是“火花镇人民政府”" in result.stderr
    assert load_draft(target).unit_name == "火花镇（新）"


@pytest.mark.parametrize("year, expected", [
    (2022, "与本报告的2022年度相隔2年（中间缺少2021年度的报告）"),
    (2020, "与本报告同一年度"),
    (2019, "晚于本报告的2019年度"),
])
def test_new_from_wrong_year_refused(tmp_path, year, expected):
    last = tmp_path / "2020.gkbg.json"
    save_draft(full_report(2020), last)
    target = tmp_path / "new.gkbg.json"
    result = run("new", "--year", year, "--from", last, "-o", target)
    assert result.returncode == 2
    assert "“2020.gkbg.json”是2020年度的报告" in result.stderr and expected in result.stderr
    assert not target.exists()


def test_new_from_unreadable_or_newer_schema_refused(tmp_path):
    newer = tmp_path / "newer.gkbg.json"
    doc = json.loads((ROOT / "resources" / "samples" / "huohua-2019.gkbg.json").read_text("utf-8"))
    doc["schema_version"] = 99
    newer.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    result = run("new", "--year", 2020, "--from", newer, "-o", tmp_path / "a.json")
    assert result.returncode == 2 and "newer.gkbg.json" in result.stderr and "更新版本的程序" in result.stderr
    result = run("new", "--year", 2020, "--from", tmp_path / "none.json", "-o", tmp_path / "a.json")
    assert result.returncode == 2 and "找不到文件" in result.stderr
    result = run("new", "--year", 2020, "-o", tmp_path / "a.json")
    assert result.returncode == 2 and "--unit" in result.stderr
    assert not (tmp_path / "a.json").exists()


def test_link_replace_and_remove(tmp_path):
    last, other = tmp_path / "2022.gkbg.json", tmp_path / "2022b.gkbg.json"
    save_draft(full_report(2022), last)
    save_draft(full_report(2022, seed=4), other)
    this = tmp_path / "2023.gkbg.json"
    save_draft(full_report(2023), this)
    assert run("check", this, "--json").stdout.strip() == "[]"
    result = run("link", this, "--previous", last)
    assert result.returncode == 0, result.stderr
    assert "已关联上年报告：火花镇人民政府2022年度报告（2022.gkbg.json）" in result.stdout
    linked = run("check", this, "--json")
    rules = {f["rule"] for f in json.loads(linked.stdout)}
    assert rules == {"R6"} and linked.returncode == 0
    text = run("check", this).stdout
    assert "跨年度检查依据：草稿中关联的上年报告 火花镇人民政府2022年度报告（2022.gkbg.json）" in text
    assert run("check", this, "--previous", other).stdout != text  # --previous wins
    assert "--previous 指定的上年报告" in run("check", this, "--previous", other).stdout
    result = run("link", this, "--previous", other)  # replace
    assert result.returncode == 0 and load_draft(this).last_year.source == "2022b.gkbg.json"
    result = run("link", this, "--remove")
    assert result.returncode == 0 and "已取消关联上年报告" in result.stdout
    assert load_draft(this).last_year is None
    assert run("check", this, "--json").stdout.strip() == "[]"


def test_link_wrong_year_changes_nothing(tmp_path):
    this = tmp_path / "2023.gkbg.json"
    save_draft(full_report(2023), this)
    before = this.read_bytes()
    wrong = tmp_path / "2021.gkbg.json"
    save_draft(full_report(2021), wrong)
    result = run("link", this, "--previous", wrong)
    assert result.returncode == 2
    assert "“2021.gkbg.json”是2021年度的报告" in result.stderr and "缺少2022年度" in result.stderr
    assert this.read_bytes() == before
    result = run("link", this)
    assert result.returncode == 2 and "--previous" in result.stderr
