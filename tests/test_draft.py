"""Draft files: round trip, atomic save, and a clear error for every kind of bad file."""
from __future__ import annotations

import copy
import errno
import json
from decimal import Decimal
from pathlib import Path

import pytest

import model.draft as draft
from model.cells import Money
from model.draft import dumps, load_draft, parse_draft, report_to_dict, save_draft
from model.errors import DraftError
from model.report import CellRef, Report


def all_values(report: Report) -> dict:
    values = {ref: report.value(ref) for ref, _ in report.input_cells()}
    header = (report.format.id, report.year, report.unit_name, report.attachment_label, report.report_date)
    return {"header": header, "texts": dict(report.texts), "values": values}


def test_sample_has_the_seed_content(sample_report):
    r = sample_report
    assert (r.format.id, r.year, r.unit_name, r.attachment_label) == ("2019", 2019, "火花镇人民政府", "附件2")
    assert r.texts["overview"].startswith("(一)总体情况：2019年，我镇积极贯彻落实")
    assert "九是2019年度，我镇没有接到群众主动要求公开政府信息的申请" in r.texts["overview"]
    assert r.texts["problems"].endswith("继续加强政府信息公开的载体建设。")
    assert r.texts["other"] == "无"
    assert r.value(CellRef("item1", "normative", "made")) == 198
    assert r.value(CellRef("item1", "normative", "public_total")) == 198
    assert r.value(CellRef("item5", "other_services", "previous")) == 50
    assert r.value(CellRef("item5", "other_services", "change")) == -2
    assert r.value(CellRef("item6", "coercion", "previous")) == 4
    assert r.value(CellRef("item9", "procurement", "amount")) == Money(Decimal(0), "元")
    assert all(r.count(CellRef("applications", row.key, "total")) == 0
               for row in r.format.table("applications").leaf_rows())


def test_round_trip_keeps_every_value(sample_report, tmp_path):
    target = tmp_path / "copy.gkbg.json"
    save_draft(sample_report, target)
    again = load_draft(target)
    assert all_values(again) == all_values(sample_report)
    assert target.read_bytes() == dumps(sample_report)


def test_round_trip_2021_with_money_and_dates(tmp_path):
    r = Report.for_year(2022, "某某县教育局")
    r.set_field("report_date", "2023-01-20")
    r.set_field("attachment_label", "附件3")
    r.set_value(CellRef("item8", "fees", "amount"), Money(Decimal("5949.088667"), "万元"))
    r.set_value(CellRef("applications", "other_no_fee", "natural"), 7)
    r.set_text("problems", "多行\n文字，含“引号”与\t制表符")
    target = tmp_path / "d.gkbg.json"
    save_draft(r, target)
    again = load_draft(target)
    assert all_values(again) == all_values(r)
    assert again.value(CellRef("item8", "fees", "amount")).amount == Decimal("5949.088667")


def test_saved_file_is_plain_utf8_json(sample_report, tmp_path):
    target = tmp_path / "d.gkbg.json"
    save_draft(sample_report, target)
    raw = target.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    doc = json.loads(raw.decode("utf-8"))
    assert doc["marker"] == draft.MARKER and doc["schema_version"] == draft.SCHEMA_VERSION
    assert "火花镇人民政府" in raw.decode("utf-8")  # not \u-escaped
    assert "total" not in doc["tables"]["applications"]["new"]
    assert "results_total" not in doc["tables"]["applications"]


def test_failed_save_keeps_old_file_and_leaves_no_temp(sample_report, tmp_path, monkeypatch):
    target = tmp_path / "d.gkbg.json"
    save_draft(sample_report, target)
    before = target.read_bytes()
    sample_report.set_field("unit_name", "改过的名字")

    def full_disk(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(draft.os, "fsync", full_disk)
    with pytest.raises(DraftError, match="磁盘空间已满.*原文件未被改动"):
        save_draft(sample_report, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.gkbg.json"]


def test_failed_replace_keeps_old_file(sample_report, tmp_path, monkeypatch):
    target = tmp_path / "d.gkbg.json"
    save_draft(sample_report, target)
    before = target.read_bytes()

    def locked(*_args):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(draft.os, "replace", locked)
    with pytest.raises(DraftError, match="没有写入权限"):
        save_draft(sample_report, target)
    assert target.read_bytes() == before
    assert len(list(tmp_path.iterdir())) == 1


def test_save_into_missing_folder(sample_report, tmp_path):
    with pytest.raises(DraftError, match="文件夹不存在"):
        save_draft(sample_report, tmp_path / "gone" / "d.gkbg.json")


# ------------------------------------------------------------------ bad files

def sample_doc(sample_path: Path) -> dict:
    return json.loads(sample_path.read_text("utf-8"))


def doc_with(sample_path, change):
    doc = copy.deepcopy(sample_doc(sample_path))
    change(doc)
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _set(path, value):
    def change(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


def _delete(path):
    def change(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
    return change


APP = ["tables", "applications"]
BAD_DOCS = {
    "negative count": (_set(APP + ["carried_over", "natural"], -3),
                       "第三部分“二、上年结转政府信息公开申请数量”行“自然人”列：应为非负整数，实际为“-3”"),
    "fraction count": (_set(APP + ["new", "research"], 1.5), "“科研机构”列：应为非负整数，实际为“1.5”"),
    "count as text": (_set(APP + ["new", "natural"], "5"), "“自然人”列：应为非负整数，实际为“\"5\"（文字）”"),
    "count as bool": (_set(APP + ["new", "natural"], True), "实际为“true”"),
    "count null": (_set(APP + ["new", "natural"], None), "实际为“空值”"),
    "count too large": (_set(APP + ["new", "natural"], 1_000_000_000), "不能超过999,999,999"),
    "signed too small": (_set(["tables", "item5", "licensing", "change"], -1_000_000_000),
                         "第二部分“第二十条第（五）项”“行政许可”行“本年增/减”列"),
    "unknown row": (_set(APP + ["bogus"], {}), "行“bogus”是未知的行"),
    "missing row": (_delete(APP + ["carry_forward"]), "缺少“四、结转下年度继续办理”行"),
    "total row stored": (_set(APP + ["results_total"], {}), "自动计算的总计行"),
    "total column stored": (_set(APP + ["new", "total"], 1), "自动计算的总计列"),
    "unknown column": (_set(APP + ["new", "aliens"], 1), "列“aliens”是未知的列"),
    "missing column": (_delete(APP + ["new", "natural"]), "缺少“自然人”列"),
    "unknown table": (_set(["tables", "item7"], {}), "未知的表“item7”"),
    "missing table": (_delete(["tables", "review"]), "第四部分缺少"),
    "row not object": (_set(APP + ["new"], [1, 2]), "应为 JSON 对象"),
    "money as number": (_set(["tables", "item9", "procurement", "amount"], {"amount": 5, "unit": "元"}),
                        "金额应为写成文字的非负数"),
    "money bad unit": (_set(["tables", "item9", "procurement", "amount"], {"amount": "5", "unit": "美元"}),
                       "金额单位应为元或万元"),
    "money too precise": (_set(["tables", "item9", "procurement", "amount"],
                               {"amount": "1.1234567", "unit": "元"}), "最多保留6位小数"),
    "money negative": (_set(["tables", "item9", "procurement", "amount"], {"amount": "-5", "unit": "元"}),
                       "金额应为写成文字的非负数"),
    "wrong marker": (_set(["marker"], "something-else"), "不是年度报告草稿文件"),
    "missing marker": (_delete(["marker"]), "不是年度报告草稿文件"),
    "newer schema": (_set(["schema_version"], 99), "更新版本的程序保存（草稿格式版本99），本程序只能打开版本2"),
    "schema as text": (_set(["schema_version"], "1"), "schema_version"),
    "unknown format": (_set(["format"], "2030"), "未知的报告格式“2030”"),
    "year mismatch": (_set(["year"], 2022), "2022年度的报告应使用2021年版格式"),
    "year too early": (_set(["year"], 2018), "报告年度"),
    "year as text": (_set(["year"], "2019"), "报告年度"),
    "unit not text": (_set(["unit_name"], 12), "填报单位"),
    "bad date": (_set(["report_date"], "2020-1"), "“2020-1”不是日期：应写成 2025-01-15 或 2025年1月15日"),
    "impossible date": (_set(["report_date"], "2020-02-30"), "没有2020年2月30日这一天"),
    "text not string": (_set(["texts", "overview"], ["a"]), "“一、总体情况”应为文字"),
    "missing text": (_delete(["texts", "problems"]), "缺少“五、存在的主要问题及改进情况”"),
    "unknown text": (_set(["texts", "seventh"], ""), "未知的项“seventh”"),
    "unknown top key": (_set(["extra"], 1), "未知的项“extra”"),
    "texts not object": (_set(["texts"], "x"), "文字部分“texts”应为 JSON 对象"),
    "tables not object": (_set(["tables"], []), "表格部分“tables”应为 JSON 对象"),
}


@pytest.mark.parametrize("name", list(BAD_DOCS))
def test_bad_document_gives_clear_error(name, sample_path):
    change, expected = BAD_DOCS[name]
    with pytest.raises(DraftError) as info:
        parse_draft(doc_with(sample_path, change))
    assert expected in info.value.message


BAD_BYTES = {
    "empty": (b"", "文件是空的"),
    "only spaces": (b"  \n ", "文件是空的"),
    "bom": (b"\xef\xbb\xbf{}", "BOM"),
    "gbk encoded": ('{"unit_name": "火花镇"}'.encode("gbk"), "不是 UTF-8 编码"),
    "not json": (b"hello", "不是有效的 JSON"),
    "json array": (b"[1, 2]", "内容不是 JSON 对象"),
    "json number": (b"42", "内容不是 JSON 对象"),
    "nan": (b'{"x": NaN}', "非法数值“NaN”"),
    "deep nesting": (b"[" * 100000 + b"]" * 100000, "嵌套过深"),
}


@pytest.mark.parametrize("name", list(BAD_BYTES))
def test_bad_bytes_give_clear_error(name):
    data, expected = BAD_BYTES[name]
    with pytest.raises(DraftError) as info:
        parse_draft(data)
    assert expected in info.value.message


def test_truncated_file(sample_path, tmp_path):
    data = sample_path.read_bytes()
    for cut in (len(data) // 3, len(data) - 5):
        target = tmp_path / "cut.gkbg.json"
        target.write_bytes(data[:cut])
        with pytest.raises(DraftError) as info:
            load_draft(target)
        assert "文件不完整" in info.value.message and "cut.gkbg.json" in info.value.message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DraftError, match="找不到文件"):
        load_draft(tmp_path / "nope.gkbg.json")
    with pytest.raises(DraftError, match="是文件夹"):
        load_draft(tmp_path)


def test_every_input_cell_is_in_the_saved_file(report_2021):
    doc = report_to_dict(report_2021)
    for ref, _ in report_2021.input_cells():
        assert ref.column in doc["tables"][ref.table][ref.row]


def test_file_is_not_a_draft_at_all(tmp_path):
    target = tmp_path / "photo.png"
    target.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(DraftError, match="不是 UTF-8 编码"):
        load_draft(target)


def test_format_doc_names_every_key():
    """docs/draft-format.md stays complete enough for another program to write a draft."""
    from model.formats import FORMATS

    doc = (Path(__file__).resolve().parent.parent / "docs" / "draft-format.md").read_text("utf-8")
    assert f'"marker": "{draft.MARKER}"' in doc and f"schema version {draft.SCHEMA_VERSION}" in doc
    for fmt in FORMATS:
        report = Report(fmt, fmt.first_year)
        for ref, _ in report.input_cells():
            for key in ref:
                assert f"`{key}`" in doc or f'`"{key}"`' in doc, key
        for key in report.texts:
            assert f"`{key}`" in doc


def test_longest_text_the_editor_allows_loads_again_and_one_more_is_refused(sample_report, tmp_path):
    from model.report import MAX_TEXT_CHARS

    text = ("很长的总体情况。" * MAX_TEXT_CHARS)[:MAX_TEXT_CHARS]
    sample_report.set_text("overview", text)
    target = tmp_path / "long.gkbg.json"
    save_draft(sample_report, target)
    assert load_draft(target).texts["overview"] == text
    doc = json.loads(target.read_text("utf-8"))
    doc["texts"]["overview"] = text + "字"
    target.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    with pytest.raises(DraftError, match=f"“一、总体情况”有{MAX_TEXT_CHARS + 1}个字.*超过了本程序{MAX_TEXT_CHARS}字的上限"):
        load_draft(target)


def test_version_1_draft_still_loads_and_is_saved_as_the_current_version(sample_path, tmp_path):
    doc = json.loads(sample_path.read_text("utf-8"))
    assert doc["schema_version"] == 1 and "generator" not in doc  # the shipped sample is a version-1 file
    report = load_draft(sample_path)
    target = tmp_path / "again.gkbg.json"
    save_draft(report, target)
    saved = json.loads(target.read_text("utf-8"))
    assert saved["schema_version"] == draft.SCHEMA_VERSION == 2
    from model.version import generator

    assert saved["generator"] == generator()
    assert load_draft(target).unit_name == report.unit_name


def test_version_1_draft_may_not_carry_version_2_keys(sample_path):
    doc = json.loads(sample_path.read_text("utf-8"))
    doc["generator"] = "gkbg 0.2.0"
    with pytest.raises(DraftError, match="未知的项“generator”"):
        parse_draft(json.dumps(doc, ensure_ascii=False).encode())
    doc["schema_version"] = 2
    assert parse_draft(json.dumps(doc, ensure_ascii=False).encode()).year == 2019


@pytest.mark.parametrize("value", [5, None, "x" * 201])
def test_generator_must_be_short_text(sample_path, value):
    doc = {**json.loads(sample_path.read_text("utf-8")), "schema_version": 2, "generator": value}
    with pytest.raises(DraftError, match="generator"):
        parse_draft(json.dumps(doc, ensure_ascii=False).encode())
