"""The `carried` draft block: cells 基于上年报告 filled stay marked until edited, across save and reopen."""
from __future__ import annotations

import json

import pytest

from model.draft import dumps, load_draft, parse_draft, report_to_dict
from model.last_year import carry_cells
from model.last_year_carry import plan_carry
from model.report import CellRef
from test_last_year import APPLICANTS, A, full_report, refused

ITEMS = [CellRef(t, r, "previous") for t, r in [("item5", "licensing"), ("item5", "other_services"),
                                                  ("item6", "penalty"), ("item6", "coercion"), ("item8", "fees")]]


@pytest.mark.parametrize("last_year, marked", [
    (2019, ITEMS + [A("carried_over", c) for c in APPLICANTS]),  # 2019 format: 11 cells
    (2020, [A("carried_over", c) for c in APPLICANTS]),  # across the format change
    (2022, [A("carried_over", c) for c in APPLICANTS]),  # 2021 format
])
def test_carried_cells_are_marked_and_the_marks_survive_save_and_reopen(last_year, marked):
    now = plan_carry(full_report(last_year), last_year + 1, "上年.gkbg.json").new_report()
    assert now.carried == set(marked)
    again = parse_draft(dumps(now))
    assert again.carried == set(marked)
    assert dumps(again) == dumps(now)


def test_an_edit_drops_the_mark_of_that_cell_only_and_it_stays_dropped_after_reopen():
    now = plan_carry(full_report(2019), 2020, "上年.gkbg.json").new_report()
    licensing = ITEMS[0]
    now.set_value(licensing, now.count(licensing))  # the same figure typed again: still last year's
    assert licensing in now.carried
    now.set_value(licensing, now.count(licensing) + 1)
    assert licensing not in now.carried and len(now.carried) == 10
    block = report_to_dict(now)["carried"]
    assert block["item5"] == {"other_services": ["previous"]}
    again = parse_draft(dumps(now))
    assert again.carried == now.carried
    for ref in list(again.carried):
        again.set_value(ref, again.count(ref) + 1)
    assert "carried" not in report_to_dict(again)  # nothing marked: no block


def test_unlinking_keeps_the_marks_and_a_new_year_drops_them():
    now = plan_carry(full_report(2020), 2021, "上年.gkbg.json").new_report()
    now.set_last_year(None)
    assert parse_draft(dumps(now)).carried == {A("carried_over", c) for c in APPLICANTS}
    for c in APPLICANTS:
        now.set_value(A("carried_over", c), 0)  # no numbers: the year may change
    now.set_carried({A("carried_over", "natural")})
    now.set_year(2022)
    assert now.carried == set() and "carried" not in report_to_dict(now)


def test_new_from_on_the_command_line_keeps_the_marks(tmp_path):
    from main import main

    last = tmp_path / "2019.gkbg.json"
    last.write_bytes(dumps(full_report(2019)))
    out = tmp_path / "2020.gkbg.json"
    assert main(["new", "--year", "2020", "--from", str(last), "-o", str(out)]) == 0
    assert load_draft(out).carried == set(carry_cells(load_draft(out).format))


def test_carry_cells_follow_the_rules():
    f19, f21 = full_report(2019).format, full_report(2021).format
    assert carry_cells(f19) == tuple(ITEMS + [A("carried_over", c) for c in APPLICANTS])
    assert carry_cells(f21) == tuple(A("carried_over", c) for c in APPLICANTS)


def marked_doc() -> dict:
    return json.loads(dumps(plan_carry(full_report(2019), 2020, "a.json").new_report()))


@pytest.mark.parametrize("change, expected", [
    (lambda d: d.update(carried=[]), "上年带入的数“carried”应为 JSON 对象"),
    (lambda d: d["carried"].update(review={}), "上年带入的数“carried”中的表“review”没有从上年报告带入的数"),
    (lambda d: d["carried"]["applications"].update(new=["natural"]),
     "上年带入的数“carried”中“applications/new”不是从上年报告带入数字的行"),
    (lambda d: d["carried"]["applications"].update(carried_over=["total"]),
     "“applications/carried_over”中的“total”不是从上年报告带入数字的列"),
    (lambda d: d["carried"]["item5"].update(licensing=["change"]), "“item5/licensing”中的“change”不是"),
    (lambda d: d["carried"]["item5"].update(licensing=["previous", "previous"]), "中的列“previous”重复出现"),
    (lambda d: d["carried"]["item5"].update(licensing=[]), "应为列名的列表（至少一项）"),
    (lambda d: d["carried"]["item5"].update(licensing="previous"), "应为列名的列表"),
    (lambda d: d["carried"]["item5"].update(licensing=[1]), "中的“1”不是从上年报告带入数字的列"),
    (lambda d: d["carried"].update(item5=["licensing"]), "中表“item5”应为 JSON 对象"),
])
def test_malformed_block_refused_naming_the_place(change, expected):
    doc = marked_doc()
    change(doc)
    assert expected in refused(doc)


def test_no_block_in_a_2019_report_or_a_version_1_draft():
    doc = json.loads(dumps(full_report(2019)))
    doc["carried"] = {"applications": {"carried_over": ["natural"]}}
    assert "2019年度的报告没有可带入数字的上年报告" in refused(doc)
    doc = marked_doc()
    doc["schema_version"] = 1
    for key in ("generator", "last_year"):
        del doc[key]
    assert "未知的项“carried”" in refused(doc)


def test_format_doc_describes_the_block():
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "draft-format.md").read_text("utf-8")
    section = doc[doc.index("### `carried`"):]
    for words in ("until edited", "`previous`", "`carried_over`", "reopened"):
        assert words in doc[doc.index("### `last_year`"):], words
    assert "不是从上年报告带入数字的行" in section
