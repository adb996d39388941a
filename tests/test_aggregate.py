"""汇总 model: exact sums against an independent computation, money units, duplicates, odd years, bad files,
the sources block of the summary draft and the detection of inputs changed since."""
from __future__ import annotations

import json
import sys
import types
from decimal import Decimal
from pathlib import Path

import pytest

from aggregate_units import random_report, write_units
from model import aggregate_inputs
from model.aggregate import (
    ALL, ONCE, AggregateRefused, Batch, choose, find_duplicates, keep_office_work, make_summary,
    refusal, suggestion,
)
from model.aggregate_check import changes_since
from model.aggregate_record import SOURCE_ERROR_RULE, sources_of
from model.cells import Money
from model.draft import dumps, load_draft, parse_draft, save_draft
from model.errors import DraftError, ReportError
from model.formats.definition import MAX_COUNT
from model.report import CellRef, Report, unit_key
from model.rules import Severity, check

FACTORS = {"元": Decimal(1), "万元": Decimal(10000)}


def read_batch(*inputs, exclude=()) -> Batch:
    batch = Batch()
    batch.add(inputs, exclude)
    batch.read_all()
    return batch


def summary_of(batch: Batch, policy: str = "", unit: str = "某县人民政府办公室") -> Report:
    return make_summary(batch, choose(batch.units, find_duplicates(batch.units), policy), unit, policy)


def independent_sums(paths: list[Path]) -> dict[tuple[str, str, str], object]:
    """Sums read straight from the JSON files: counts as ints, money as Decimal in 元 (or None when unfilled)."""
    sums: dict[tuple[str, str, str], object] = {}
    for path in paths:
        doc = json.loads(path.read_text("utf-8"))
        for table, rows in doc["tables"].items():
            for row, cells in rows.items():
                for column, value in cells.items():
                    key = (table, row, column)
                    if isinstance(value, dict):
                        amount = Decimal(value["amount"]) * FACTORS[value["unit"]]
                        sums[key] = (sums.get(key) or Decimal(0)) + amount
                    elif value is None:
                        sums.setdefault(key, None)
                    else:
                        sums[key] = sums.get(key, 0) + value
    return sums


def assert_sums(summary: Report, paths: list[Path]) -> None:
    expected = independent_sums(paths)
    assert len(expected) == len(list(summary.input_cells()))
    for ref, _column in summary.input_cells():
        want = expected[tuple(ref)]
        got = summary.value(ref)
        if isinstance(got, Money):
            assert got.amount * FACTORS[got.unit] == want, ref
        else:
            assert got == want, ref


@pytest.mark.parametrize("year, money_units", [(2019, ("元", "万元")), (2019, ("万元",)), (2020, ("元",)),
                                                (2023, ())], ids=["2019-mixed", "2019-wan", "2020-yuan", "2021"])
def test_sums_equal_an_independent_computation(tmp_path, year, money_units):
    paths = write_units(tmp_path / "units", 40, year=year, seed=year, money_units=money_units)
    batch = read_batch(tmp_path / "units")
    assert len(batch.units) == 40 and not batch.unreadable
    summary = summary_of(batch)
    assert (summary.year, summary.unit_name) == (year, "某县人民政府办公室")
    assert_sums(summary, paths)
    # totals are computed from the summed parts, and balanced units make a balanced summary (its only
    # errors: sections 一 and 五, left for the office to write)
    assert summary.count(CellRef("applications", "new", "total")) == sum(u.received for u in batch.units)
    errors = [f.rule for f in check(summary) if f.severity is Severity.ERROR]
    assert sorted(errors) == ["R12.overview", "R12.problems"], errors


def test_money_in_the_columns_unit_exactly(tmp_path):
    def unit(name, amount, money_unit):
        report = Report.for_year(2019, name)
        report.set_value(CellRef("item9", "procurement", "amount"), Money(Decimal(amount), money_unit))
        save_draft(report, tmp_path / f"{name}.gkbg.json")

    unit("甲镇", "251000", "元")
    unit("乙镇", "0.000001", "万元")  # 0.01 元
    unit("丙镇", "7539.443252", "万元")
    ref = CellRef("item9", "procurement", "amount")
    mixed = summary_of(read_batch(tmp_path)).value(ref)
    assert mixed == Money(Decimal("75645432.53"), "元")  # 251000 + 0.01 + 75394432.52, in the column's unit 元
    (tmp_path / "甲镇.gkbg.json").unlink()
    same = summary_of(read_batch(tmp_path)).value(ref)
    assert same == Money(Decimal("7539.443253"), "万元")  # one unit throughout: kept, no conversion
    saved = tmp_path / "out" / "s.gkbg.json"
    saved.parent.mkdir()
    summary = summary_of(read_batch(tmp_path))
    save_draft(summary, saved)
    assert json.loads(saved.read_text("utf-8"))["tables"]["item9"]["procurement"]["amount"] == {
        "amount": "7539.443253", "unit": "万元"}


def test_units_without_money_leave_the_sum_empty(tmp_path):
    for name in ("甲镇", "乙镇"):
        save_draft(Report.for_year(2024, name), tmp_path / f"{name}.gkbg.json")
    summary = summary_of(read_batch(tmp_path))
    assert summary.value(CellRef("item8", "fees", "amount")) is None


def test_a_sum_beyond_the_largest_count_is_refused(tmp_path):
    for name in ("甲镇", "乙镇"):
        report = Report.for_year(2024, name)
        report.set_value(CellRef("item5", "licensing", "decisions"), MAX_COUNT)
        save_draft(report, tmp_path / f"{name}.gkbg.json")
    with pytest.raises(AggregateRefused, match="合计超出范围.*行政许可"):
        summary_of(read_batch(tmp_path), ALL)  # (identical numbers: both kept on purpose)


# ---------------------------------------------------------------- duplicates


def test_unit_names_normalised_for_duplicates():
    assert unit_key("火花镇 人民政府") == unit_key("火花镇\u3000人民政府 ") == unit_key("火花镇人民政府")
    assert unit_key("ＸＸ县（教育局）") == unit_key("xx县(教育局)")
    assert unit_key("火花镇") != unit_key("火花乡")


def test_same_unit_twice_is_flagged_and_summed_once_only_when_asked(tmp_path, sample_report):
    sample_report.set_field("unit_name", "火花镇人民政府")
    save_draft(sample_report, tmp_path / "a.gkbg.json")
    sample_report.set_field("unit_name", "火花镇\u3000人民政府")  # full-width space, numbers changed too
    sample_report.set_value(CellRef("item5", "licensing", "decisions"), 77)
    save_draft(sample_report, tmp_path / "b.gkbg.json")
    other = Report.for_year(2019, "青山乡人民政府")
    other.set_value(CellRef("item5", "licensing", "decisions"), 5)
    save_draft(other, tmp_path / "c.gkbg.json")
    batch = read_batch(tmp_path)
    (dup,) = find_duplicates(batch.units)
    assert dup.members == (0, 1) and dup.reasons == ("同名",)
    assert "火花镇人民政府（a.gkbg.json）" in dup.describe(batch.units)
    undecided = choose(batch.units, [dup])
    assert undecided.undecided == (dup,)
    why = refusal(batch.units, undecided)
    assert "1组可能重复" in why and "a.gkbg.json" in why and "b.gkbg.json" in why
    with pytest.raises(AggregateRefused):
        make_summary(batch, undecided)
    once = choose(batch.units, [dup], ONCE)
    assert once.included == (0, 2) and once.left_out == ((1, "与“火花镇人民政府”（a.gkbg.json）重复，只计一次"),)
    summary = make_summary(batch, once, policy=ONCE)
    ref = CellRef("item5", "licensing", "decisions")
    assert summary.value(ref) == load_draft(tmp_path / "a.gkbg.json").value(ref) + 5
    sources = sources_of(summary)
    assert [Path(u.path).name for u in sources.units] == ["a.gkbg.json", "c.gkbg.json"]
    assert [(Path(u.path).name, u.reason) for u in sources.left_out] == [("b.gkbg.json", once.left_out[0][1])]
    every = make_summary(batch, choose(batch.units, [dup], ALL), policy=ALL)
    assert every.value(ref) == summary.value(ref) + 77
    # leaving one of the pair out by hand settles it without a policy
    assert not choose(batch.units, [dup], excluded=[1]).undecided


def test_identical_numbers_under_two_names_are_flagged_but_empty_reports_are_not(tmp_path, sample_report):
    sample_report.set_field("unit_name", "火花镇人民政府")
    save_draft(sample_report, tmp_path / "a.gkbg.json")
    sample_report.set_field("unit_name", "石桥镇人民政府")
    save_draft(sample_report, tmp_path / "b.gkbg.json")
    for name in ("白沙乡人民政府", "东湖镇人民政府"):  # nothing to report: identical zeros prove nothing
        save_draft(Report.for_year(2019, name), tmp_path / f"{name}.gkbg.json")
    batch = read_batch(tmp_path)
    (dup,) = find_duplicates(batch.units)
    assert dup.reasons == ("数字完全相同",)
    assert {batch.units[i].unit for i in dup.members} == {"火花镇人民政府", "石桥镇人民政府"}


def test_identical_numbers_compare_money_across_units(tmp_path):
    for name, amount, unit in (("甲镇", "10000", "元"), ("乙镇", "1", "万元")):
        report = Report.for_year(2019, name)
        report.set_value(CellRef("item9", "procurement", "amount"), Money(Decimal(amount), unit))
        save_draft(report, tmp_path / f"{name}.gkbg.json")
    (dup,) = find_duplicates(read_batch(tmp_path).units)
    assert dup.reasons == ("数字完全相同",)


def test_a_summary_among_the_inputs_that_holds_another_input_is_a_duplicate(tmp_path):
    paths = write_units(tmp_path / "county", 3)
    summary = summary_of(read_batch(tmp_path / "county"))
    save_draft(summary, tmp_path / "county-summary.gkbg.json")
    batch = read_batch(tmp_path / "county-summary.gkbg.json", paths[0])
    (dup,) = find_duplicates(batch.units)
    assert "已含在汇总中" in dup.reasons
    assert batch.units[0].sources is not None and len(batch.units[0].sources.units) == 3


# ---------------------------------------------------------------- refusals and bad input


def test_two_years_one_report_each_is_not_called_a_majority(tmp_path):
    write_units(tmp_path / "a", 1, year=2019)
    write_units(tmp_path / "b", 1, year=2020, seed=3)
    batch = read_batch(tmp_path / "a", tmp_path / "b")
    why = refusal(batch.units, choose(batch.units, find_duplicates(batch.units), ALL))
    assert "多数" not in why and "1份为2020年度（2019年版格式），以下1个文件不是" in why


def test_mixed_years_are_refused_naming_the_odd_files(tmp_path):
    write_units(tmp_path / "a", 3, year=2019, seed=1)
    write_units(tmp_path / "b", 1, year=2020, seed=2)
    write_units(tmp_path / "c", 1, year=2022, seed=3)
    batch = read_batch(tmp_path)
    why = refusal(batch.units, choose(batch.units, find_duplicates(batch.units)))
    assert "多数为2019年度（2019年版格式）" in why and "以下2个文件不是" in why
    assert str(tmp_path / "b" / "unit0000.gkbg.json") in why and "2020年度（2019年版格式）" in why
    assert "2022年度（2021年版格式）" in why
    with pytest.raises(AggregateRefused):
        summary_of(batch)
    odd = [i for i, u in enumerate(batch.units) if u.year != 2019]
    assert refusal(batch.units, choose(batch.units, [], excluded=odd)) is None


def test_no_reports_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    batch = read_batch(tmp_path)
    assert batch.ignored == 1 and not batch.units
    assert "没有可汇总的报告" in refusal(batch.units, choose(batch.units, []))


def test_unreadable_files_are_listed_with_their_message_and_left_out(tmp_path, sample_report):
    save_draft(sample_report, tmp_path / "good.gkbg.json")
    (tmp_path / "broken.gkbg.json").write_text('{"marker": ', "utf-8")
    (tmp_path / "other.json").write_text('{"name": "not a report"}', "utf-8")
    (tmp_path / "empty.gkbg.json").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "~$report.docx").write_bytes(b"lock")  # Word's lock file: not a report
    (tmp_path / "sub").mkdir()
    save_draft(sample_report, tmp_path / "sub" / "again.gkbg.json")
    batch = read_batch(tmp_path, tmp_path / "missing-folder", tmp_path / "notes.txt")
    assert [u.path.name for u in batch.units] == ["good.gkbg.json", "again.gkbg.json"]
    messages = {e.path.name: e.message for e in batch.unreadable}
    assert messages["missing-folder"] == "找不到这个文件或文件夹"
    assert "不完整" in messages["broken.gkbg.json"]
    assert "不是年度报告草稿文件" in messages["other.json"]
    assert messages["empty.gkbg.json"] == "文件是空的"
    assert "不是年度报告草稿" in messages["notes.txt"]  # named explicitly: read and refused with the reason
    assert batch.ignored == 2  # notes.txt and the lock file, met in the folder
    assert messages["broken.gkbg.json"] and next(
        e for e in batch.unreadable if e.path.name == "broken.gkbg.json").size == len('{"marker": ')
    summary = summary_of(batch, ALL)
    assert [Path(e.path).name for e in sources_of(summary).unreadable] == [e.path.name for e in batch.unreadable]


def test_word_and_pdf_reports_go_through_the_importer(tmp_path, monkeypatch, sample_report):
    (tmp_path / "a.docx").write_bytes(b"PK fake docx")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4 fake")
    monkeypatch.setitem(sys.modules, "importer", None)  # the importer package is not there
    batch = read_batch(tmp_path)
    assert not batch.units and {e.path.name for e in batch.unreadable} == {"a.docx", "b.pdf"}
    assert all("不能读取 Word/PDF 报告" in e.message and "另存为草稿" in e.message for e in batch.unreadable)

    calls = []

    def import_file(path, data=None):
        calls.append(Path(path).name)
        assert data == path.read_bytes()  # read once, by the batch
        if path.suffix == ".pdf":
            raise ReportError("PDF 中找不到表格")
        return types.SimpleNamespace(report=sample_report, warnings=[])

    monkeypatch.setitem(sys.modules, "importer", types.SimpleNamespace(import_file=import_file, MAX_FILE_BYTES=1000))
    batch = read_batch(tmp_path)
    assert calls == ["a.docx", "b.pdf"]
    (unit,) = batch.units
    assert (unit.kind, unit.unit, unit.size) == ("Word", "火花镇人民政府", len(b"PK fake docx"))
    assert [(e.path.name, e.message) for e in batch.unreadable] == [("b.pdf", "PDF 中找不到表格")]


def test_a_folder_chosen_by_mistake_is_refused_with_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setattr(aggregate_inputs, "MAX_WALK", 50)
    for i in range(60):
        (tmp_path / f"photo{i}.jpg").write_bytes(b"")
    batch = read_batch(tmp_path)
    (entry,) = batch.unreadable
    assert "文件夹中的文件超过50个，可能选错了文件夹" in entry.message


def test_a_symbolic_link_loop_among_the_reports_is_listed_unreadable(tmp_path, sample_report):
    """(Path.resolve raised RuntimeError on the loop: the whole 汇总 stopped with a traceback.)"""
    save_draft(sample_report, tmp_path / "a.gkbg.json")
    (tmp_path / "b.gkbg.json").symlink_to("c.gkbg.json")
    (tmp_path / "c.gkbg.json").symlink_to("b.gkbg.json")
    batch = read_batch(tmp_path)
    assert [u.path.name for u in batch.units] == ["a.gkbg.json"]
    assert {e.path.name: e.message for e in batch.unreadable} == {
        name: "符号链接过多或形成循环" for name in ("b.gkbg.json", "c.gkbg.json")}


def test_a_folder_that_cannot_be_listed_is_told_in_chinese(tmp_path, monkeypatch):
    """(The tests run as root, who may list any folder: the refusal of os.walk is simulated.)"""
    def walk(folder, onerror):
        onerror(PermissionError(13, "Permission denied", str(folder)))
        return iter(())

    monkeypatch.setattr(aggregate_inputs.os, "walk", walk)
    (entry,) = read_batch(tmp_path).unreadable
    assert entry.message == "无法打开文件夹：没有读取权限"


def test_the_output_file_and_a_file_named_twice_are_read_once(tmp_path):
    paths = write_units(tmp_path, 3)
    batch = read_batch(tmp_path, paths[0], tmp_path / "." / paths[1].name, exclude=[paths[2]])
    assert [u.path.name for u in batch.units] == ["unit0000.gkbg.json", "unit0001.gkbg.json"]
    assert batch.inputs == [str(tmp_path), str(paths[0]), str(tmp_path / "." / paths[1].name)]


# ---------------------------------------------------------------- the summary draft


def test_summary_marks_units_with_errors_and_keeps_them_through_save(tmp_path):
    write_units(tmp_path / "units", 5, errors=(1,))
    batch = read_batch(tmp_path / "units")
    summary = summary_of(batch)
    bad = batch.units[1]
    assert bad.errors == 2
    own = [f for f in check(summary) if f.rule == SOURCE_ERROR_RULE]
    assert len(own) == 2 and all(f.severity is Severity.ERROR for f in own)
    assert own[0].message.startswith(f"“{bad.unit}”的报告有错误（R1）：自然人：一+二＝")
    assert own[0].ref == CellRef("applications", "new", "natural") and own[0].section_key == "applications"
    path = tmp_path / "summary.gkbg.json"
    save_draft(summary, path)
    again = load_draft(path)
    assert [f for f in check(again) if f.rule == SOURCE_ERROR_RULE] == own
    assert sources_of(again) == sources_of(summary)
    block = json.loads(path.read_text("utf-8"))["aggregate"]
    assert set(block) == {"made", "inputs", "duplicates", "units", "left_out", "unreadable"}
    first = block["units"][0]
    assert set(first) == {"file", "size", "sha256", "unit", "errors", "warnings", "received", "findings"}
    raw = (tmp_path / "units" / "unit0000.gkbg.json").read_bytes()
    import hashlib

    assert (first["size"], first["sha256"]) == (len(raw), hashlib.sha256(raw).hexdigest())
    assert block["units"][1]["findings"][0] == {
        "rule": "R1", "section": "applications", "message": bad.findings[0].message,
        "cells": [["applications", row, "natural"] for row in ("new", "carried_over", "results_total", "carry_forward")]}


def test_a_unit_without_its_name_is_summed_and_the_summary_reopens(tmp_path, sample_report):
    """(A unit's R12 error sits in the 基本信息, not a section of the format: the saved summary was refused.)"""
    save_draft(sample_report, tmp_path / "a.gkbg.json")
    sample_report.set_field("unit_name", "")
    save_draft(sample_report, tmp_path / "b.gkbg.json")
    summary = summary_of(read_batch(tmp_path), ALL)
    own = [f for f in check(summary) if f.rule == SOURCE_ERROR_RULE]
    assert [(f.section, f.section_key) for f in own] == [("基本信息", "header")]
    assert own[0].message.startswith("“b.gkbg.json”的报告有错误（R12.unit_name）：")
    save_draft(summary, tmp_path / "summary.gkbg.json")
    again = load_draft(tmp_path / "summary.gkbg.json")
    assert [f for f in check(again) if f.rule == SOURCE_ERROR_RULE] == own


def test_summary_texts_are_left_for_the_office_with_the_units_suggested_in_six(tmp_path):
    write_units(tmp_path, 3)
    summary = summary_of(read_batch(tmp_path))
    assert summary.texts["overview"] == "" and summary.texts["problems"] == ""
    assert summary.texts["other"] == suggestion(["火花乡人民政府", "青山镇人民政府", "石桥镇人民政府"])
    assert summary.texts["other"].startswith("本报告由以下3个单位的政府信息公开工作年度报告汇总而成：火花乡人民政府、")


def test_remaking_keeps_the_office_work(tmp_path):
    write_units(tmp_path / "u", 3)
    old = summary_of(read_batch(tmp_path / "u"), unit="某县政府办")
    old.set_text("overview", "本县全年……")
    old.set_field("report_date", "2020-01-20")
    write_units(tmp_path / "u2", 4, seed=9)
    new = summary_of(read_batch(tmp_path / "u2"), unit="")
    keep_office_work(old, new)
    assert (new.unit_name, new.report_date, new.texts["overview"]) == ("某县政府办", "2020-01-20", "本县全年……")
    assert new.texts["other"].startswith("本报告由以下4个单位")  # the old suggestion was replaced
    old.set_text("other", "本县未收取信息处理费。")
    keep_office_work(old, new)
    assert new.texts["other"] == "本县未收取信息处理费。"


@pytest.mark.parametrize("change, message", [
    (lambda b: b.update(duplicates="twice"), "“duplicates”应为"),
    (lambda b: b["units"][0].update(sha256="xyz"), "“sha256”应为64位"),
    (lambda b: b["units"][0].update(size=-1), "“size”应为非负整数"),
    (lambda b: b["units"][0].update(extra=1), "未知的项“extra”"),
    (lambda b: b["units"][0].pop("errors"), "缺少“errors”"),
    (lambda b: b["units"][1]["findings"][0].update(cells=[["applications", "nope", "natural"]]), "“cells”中每一项"),
    (lambda b: b["units"][1]["findings"][0].update(section="x"), "“section”不是"),
    (lambda b: b.update(units="all"), "应为不超过"),
])
def test_a_damaged_sources_block_is_refused_naming_the_place(tmp_path, change, message):
    write_units(tmp_path / "u", 2, errors=(1,))
    doc = json.loads(dumps(summary_of(read_batch(tmp_path / "u"))))
    change(doc["aggregate"])
    with pytest.raises(DraftError, match=message) as info:
        parse_draft(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    assert "汇总来源“aggregate”" in info.value.message


def test_an_ordinary_draft_has_no_sources_block(sample_report):
    assert "aggregate" not in json.loads(dumps(sample_report))


# ---------------------------------------------------------------- changed since


def test_changes_since_the_summary_was_made(tmp_path):
    paths = write_units(tmp_path / "units", 4, errors=(2,))
    (tmp_path / "units" / "bad.gkbg.json").write_text("{", "utf-8")
    summary_path = tmp_path / "units" / "summary.gkbg.json"  # saved among its own inputs
    batch = read_batch(tmp_path / "units", exclude=[summary_path])
    summary = summary_of(batch)
    save_draft(summary, summary_path)
    report = load_draft(summary_path)
    nothing = changes_since(report, summary_path)
    assert (nothing.unchanged, nothing.any) == (5, False)

    fixed = load_draft(paths[2])  # the unit corrects its report
    fixed.set_value(CellRef("applications", "new", "natural"), fixed.count(CellRef("applications", "new", "natural")) - 1)
    save_draft(fixed, paths[2])
    paths[3].unlink()
    write_units(tmp_path / "units" / "late", 1, seed=5)
    changes = changes_since(report, summary_path)
    assert changes.unchanged == 3
    (changed,) = changes.changed
    assert changed.path == str(paths[2]) and changed.unit == batch.units[2].unit
    assert changed.detail == "文件内容已改变，现有0个错误、0个警告（汇总时2个错误、0个警告）"
    (missing,) = changes.missing
    assert missing.path == str(paths[3]) and "已不在原处" in missing.detail
    (new,) = changes.new
    assert new.path.endswith("late/unit0000.gkbg.json") and new.unit == "火花乡人民政府"


def test_inputs_recorded_on_another_machine_are_found_beside_the_summary(tmp_path):
    """Recorded paths of another drive or system (D:\\…\\各单位\\unit0000.gkbg.json) are looked for under the
    summary's folder by their last names; a file changed there is reported at its new place."""
    import hashlib

    from model.aggregate_check import Relocation
    from model.aggregate_record import SourceFile, SummarySources, attach

    paths = write_units(tmp_path / "年报" / "各单位", 2)
    sha = [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]
    sources = SummarySources(
        (r"D:\县政府\年报\各单位", r"D:\县政府\年报\单独.gkbg.json"), "", "2025-01-01T00:00:00",
        tuple(SourceFile(rf"D:\县政府\年报\各单位\{p.name}", p.stat().st_size, h, "x")
              for p, h in zip(paths, sha)))
    place = Relocation(sources, tmp_path / "年报" / "汇总.gkbg.json")
    assert place.moves == {r"D:\县政府\年报\各单位": tmp_path / "年报" / "各单位"}  # 单独.gkbg.json is gone
    assert place.of(rf"D:\县政府\年报\各单位\{paths[1].name}") == paths[1]
    assert place.of("/elsewhere/a.gkbg.json") == Path("/elsewhere/a.gkbg.json")
    assert Relocation(sources, None).moves == {}  # an unsaved summary: nothing to look beside
    report = Report.for_year(2019, "某县")
    attach(report, sources)
    paths[0].write_bytes(paths[0].read_bytes() + b" ")
    changes = changes_since(report, tmp_path / "年报" / "汇总.gkbg.json")
    assert changes.unchanged == 1 and [c.path for c in changes.changed] == [str(paths[0])]
    assert changes.moved == ((r"D:\县政府\年报\各单位", str(tmp_path / "年报" / "各单位")),)
    assert [SourceFile(r"D:\年报\单独.gkbg.json", 1, "").name, SourceFile("/年报/a.gkbg.json", 1, "", "乙").name] \
        == ["单独.gkbg.json", "乙"]  # a unit without a name is called by its file's name, wherever recorded


def test_thousands_of_units_are_summed_with_a_shortened_list_in_six(tmp_path):
    """A province sums thousands of units: the list proposed for 六 stops at SUGGESTION_CHARS with 等 (every name
    would pass the 20,000 characters a section may hold, and the summary would be refused)."""
    from model.aggregate import SUGGESTION_CHARS
    from model.aggregate_inputs import UnitFile

    (path,) = write_units(tmp_path / "units", 1)
    batch = read_batch(path)
    one = batch.units[0]
    fields = {name: getattr(one, name) for name in ("size", "kind", "year", "format_id", "values", "findings",
                                                     "errors", "warnings", "received")}
    batch.units = [UnitFile(path=tmp_path / f"u{i}.gkbg.json", sha256=f"{i:064x}", unit=f"某某县第{i}号单位",
                            **fields) for i in range(3000)]
    summary = make_summary(batch, choose(batch.units, [], ALL))
    text = summary.texts["other"]
    assert len(text) <= SUGGESTION_CHARS and text.endswith("等3000个单位。")
    assert text.startswith("本报告由3000个单位的政府信息公开工作年度报告汇总而成，包括某某县第0号单位、某某县第1号单位")
    assert len(sources_of(summary).units) == 3000
    assert summary.count(CellRef("applications", "new", "total")) == 3000 * one.received
    assert suggestion(["甲", "乙"]) == "本报告由以下2个单位的政府信息公开工作年度报告汇总而成：甲、乙。"


def test_changes_since_needs_a_summary(sample_report):
    with pytest.raises(ReportError, match="不是汇总报告"):
        changes_since(sample_report)


def test_random_report_generator_balances(tmp_path):
    import random

    report = random_report(2023, "测试", random.Random(3))
    assert not [f for f in check(report) if f.severity is Severity.ERROR]


def test_a_file_name_in_a_broken_encoding_does_not_stop_the_save(tmp_path):
    paths = write_units(tmp_path / "u", 2)
    odd = tmp_path / "u" / "bad\udcff\x1b.gkbg.json"  # a Linux file name that is not UTF-8, and an escape
    try:
        paths[1].rename(odd)
    except (UnicodeEncodeError, OSError):
        pytest.skip("the file system refuses such a name")
    summary = summary_of(read_batch(tmp_path / "u"))
    again = parse_draft(dumps(summary))
    files = [u.path for u in sources_of(again).units]
    assert any(f.endswith("/bad\ufffd\ufffd.gkbg.json") for f in files), files
    doc = json.loads(dumps(summary))
    doc["aggregate"]["units"][0]["unit"] = "火花\x1b镇"
    with pytest.raises(DraftError, match="控制字符 U\\+001B"):
        parse_draft(json.dumps(doc, ensure_ascii=False).encode("utf-8"))


def test_word_and_pdf_reports_summed_with_drafts(tmp_path, sample_report):
    """The real importer: the sample exported to DOCX and PDF reads back as the same unit (a duplicate of
    its draft), and sums with another unit's draft."""
    pytest.importorskip("importer")
    from export import export_report

    export_report(sample_report, tmp_path / "huohua.docx")
    export_report(sample_report, tmp_path / "huohua.pdf")
    save_draft(sample_report, tmp_path / "huohua.gkbg.json")
    other = write_units(tmp_path / "other", 1, seed=21)[0]
    batch = read_batch(tmp_path)
    assert [(u.path.name, u.kind) for u in batch.units] == [
        ("huohua.docx", "Word"), ("huohua.gkbg.json", "草稿"), ("huohua.pdf", "PDF"), ("unit0000.gkbg.json", "草稿")]
    assert not batch.unreadable
    (dup,) = find_duplicates(batch.units)
    assert dup.members == (0, 1, 2) and dup.reasons == ("同名", "数字完全相同")
    summary = summary_of(batch, ONCE)
    assert [Path(u.path).name for u in sources_of(summary).units] == ["huohua.docx", "unit0000.gkbg.json"]
    assert_sums(summary, [tmp_path / "huohua.gkbg.json", other])
