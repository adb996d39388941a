"""Help for every section, row and column: quoted verbatim from the notices; hints for every rule."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from model.formats import FORMATS
from model.formats import help_texts as H
from model.formats.definition import TableSection

OFFICIAL = Path(__file__).resolve().parent / "data" / "official"
NOTICES = {H.NOTICE_2019: "2019_format_guobangongkaibanhan_2019_60.txt",
           H.NOTICE_2021: "2021_format_guobangongkaibanhan_2021_30.txt"}


def squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def help_text(entries: H.Help) -> str:
    """Entries as lines: 《…》第十六条第一款：“…”; 填写提示：…"""
    return "\n".join(f"{source}：{text}" if source == H.TIP else f"{source}：“{text}”" for source, text in entries)


def all_entries():
    yield from H.SECTION_HELP.values()
    yield from H.ROW_HELP.values()
    yield from H.COLUMN_HELP.values()
    for table in (H.FORMAT_SECTION_HELP, H.FORMAT_ROW_HELP, H.FORMAT_COLUMN_HELP):
        for entries in table.values():
            yield from entries.values()


def test_every_quote_of_a_notice_is_verbatim():
    texts = {source: squeeze((OFFICIAL / name).read_text("utf-8")) for source, name in NOTICES.items()}
    checked = 0
    for entries in all_entries():
        for source, words in entries:
            if source in texts:
                assert squeeze(words) in texts[source], (source, words)
            elif source == H.NOTICE:  # said alike by both notices
                assert squeeze(words) in texts[H.NOTICE_2019] and squeeze(words) in texts[H.NOTICE_2021], words
            elif source == H.TEMPLATE:  # the label of a template
                assert squeeze(words) in texts[H.NOTICE_2019] + texts[H.NOTICE_2021], words
            else:
                assert source.startswith(H.REGULATION) or source == H.TIP, source
                continue
            checked += 1
    assert checked >= 25


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.id)
def test_every_section_row_and_column_has_official_help(fmt):
    for section in fmt.sections:
        entries = H.section_help(fmt.id, section.key)
        assert any(source != H.TIP for source, _ in entries), section.key
        if not isinstance(section, TableSection):
            continue
        for table in section.tables:
            for kind, nodes in (("row", table.rows), ("column", table.columns)):
                stack = list(nodes)
                while stack:
                    node = stack.pop()
                    stack.extend(node.children)
                    if kind == "row" and not node.label:
                        continue  # section 四's single unlabelled row
                    entries = H.label_help(fmt.id, section.key, table, node.key, kind == "column")
                    assert any(source != H.TIP for source, _ in entries), (table.key, node.key)


def test_the_issue_asks_for_these_explanations():
    text = help_text(H.row_help("2021", "applications", "partial"))
    assert "区分处理的，只计这一情形，不计其他情形" in text and "第三十七条" in text
    internal = help_text(H.row_help("2021", "applications", "refused_internal"))
    assert "人事管理、后勤管理、内部工作流程" in internal
    assert "包括已公开和依法未公开的全部处理决定" in help_text(H.row_help("2021", "item6", "penalty"))
    assert "包括已公开" not in help_text(H.row_help("2019", "item6", "penalty"))  # a 2021 rule only
    # words both notices say are shown as the notice of the report's own format
    assert H.row_help("2021", "applications", "results")[0][0] == H.NOTICE_2021
    assert H.row_help("2019", "applications", "results")[0][0] == H.NOTICE_2019


def test_every_rule_has_a_hint():
    from model.rules import warning_rules

    for fmt in FORMATS:
        ids = warning_rules(fmt) | {"R1.more", "R1.less", "R2", "R3", "R4", "R12.unit_name", "R12.overview",
                                    "R12.problems", "R12.report_date"}
        assert ids <= set(H.RULE_HINTS), ids - set(H.RULE_HINTS)
