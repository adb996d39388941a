"""Hostile drafts, built by code (no binary files in git): each case and the message it must give.

Run as a script to write the corpus into a folder for manual trials (`python tests/hostile_corpus.py DIR`);
tests/test_hostile_drafts.py loads every case through the loader, the command line and the window.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "huohua-2019.gkbg.json"
MAX_TEXT = 20_000  # model.report.MAX_TEXT_CHARS; written out so that a change of the limit is a decision
MAX_FILE = 20 * 1024 * 1024  # model.draft.MAX_FILE_BYTES


class Case(NamedTuple):
    name: str
    make: Callable[[Path], None]  # writes the case at the given path (a file, a FIFO, a link…)
    message: str  # must appear in the error message
    special: bool = False  # not a regular file: would hang or exhaust memory if mishandled


def sample_text() -> str:
    return SAMPLE.read_text("utf-8")


def text_with(old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    """The sample's JSON text with old replaced by new (raw JSON text, so escapes stay as written)."""
    def make(path: Path) -> None:
        text = sample_text()
        assert old in text, old
        path.write_bytes(text.replace(old, new, count).encode("utf-8"))
    return make


def doc_with(change: Callable[[dict], None]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        doc = json.loads(sample_text())
        change(doc)
        path.write_bytes(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    return make


def set_key(*keys_and_value) -> Callable[[dict], None]:
    *keys, value = keys_and_value

    def change(doc: dict) -> None:
        node = doc
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
    return change


def with_block(key: str, value, **fields) -> Callable[[dict], None]:
    """The sample as a schema-2 draft with an optional block (and other top-level fields changed)."""
    return lambda doc: doc.update(schema_version=2, **fields, **{key: value})


def raw(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def fifo(path: Path) -> None:
    os.mkfifo(path)


def link_to(target: str) -> Callable[[Path], None]:
    return lambda path: os.symlink(target, path)


def link_loop(path: Path) -> None:
    other = path.with_name(path.name + ".other")
    os.symlink(other.name, path)
    os.symlink(path.name, other)


def folder(path: Path) -> None:
    path.mkdir()


def too_large(path: Path) -> None:
    with open(path, "wb") as handle:
        handle.write(b"{" + b" " * MAX_FILE + b"}")


UNIT = '"unit_name": "火花镇人民政府"'
NEW_NATURAL = '"new": {\n    "natural": 0'
AMOUNT = '"amount": "0"'

CASES: list[Case] = [
    # ---- characters that cannot be written, or must not be printed
    Case("lone surrogate in the unit name", text_with(UNIT, '"unit_name": "\\ud800镇"'),
         "填报单位第1个字处含有无效字符 U+D800"),
    Case("lone low surrogate in a text", text_with('"other": "无"', '"other": "无\\udc00"'),
         "“六、其他需要报告的事项”第2个字处含有无效字符 U+DC00"),
    Case("lone surrogate in an unknown key", text_with('"texts": {', '"\\udfff": 1, "texts": {'),
         "未知的项“\\udfff”"),
    Case("escape sequence in the unit name", text_with(UNIT, '"unit_name": "火花\\u001b[2J镇"'),
         "填报单位第3个字处含有控制字符 U+001B（转义符）"),
    # (the optional blocks name keys and values as the rest of the draft does: escaped)
    Case("escape sequence in a cell of printed_totals",
         doc_with(with_block("printed_totals", {"source": "", "accepted": "", "totals": {"\x1b[2J": {"r": {"c": 1}}}})),
         "填报的总计“printed_totals”中的“\\x1b[2J/r/c”不是2019年版格式的总计格"),
    Case("escape sequence in a key of explanations", doc_with(with_block("explanations", {"\x1b[2J": "说明"})),
         "检查说明中的“\\x1b[2J”不是检查结果的标识"),
    Case("escape sequence in a table of carried", doc_with(with_block("carried", {"\x1b[2J": {}}, year=2020)),
         "上年带入的数“carried”中的表“\\x1b[2J”没有从上年报告带入的数"),
    Case("escape sequence in the policy of aggregate",
         doc_with(with_block("aggregate", {"made": "", "inputs": [], "duplicates": "\x1b[2J", "units": [],
                                           "left_out": [], "unreadable": []})),
         "实际为“\"\\x1b[2J\"（文字）”"),
    Case("NUL in the attachment label", text_with('"attachment_label": "附件2"', '"attachment_label": "附件\\u00002"'),
         "附件标注第3个字处含有控制字符 U+0000（空字符）"),
    Case("non-character in a text", text_with('"other": "无"', '"other": "\\uffff"'), "无效字符 U+FFFF（非字符）"),
    # ---- values the window would refuse
    Case("year after the last one", doc_with(set_key("year", 2101)), "报告年度“year”应为2019至2100之间的年份，实际为“2101”"),
    Case("unit name too long", doc_with(set_key("unit_name", "镇" * 101)), "填报单位名称不能超过100个字"),
    Case("text one character over the limit", doc_with(set_key("texts", "overview", "字" * (MAX_TEXT + 1))),
         f"超过了本程序{MAX_TEXT}字的上限"),
    Case("year written as a string", doc_with(set_key("year", "2020")), "实际为“\"2020\"（文字）”"),
    Case("count written as a string", doc_with(set_key("tables", "applications", "new", "natural", "5")),
         "应为非负整数，实际为“\"5\"（文字）”"),
    # ---- JSON that parses but must not be trusted
    Case("duplicate top-level key", text_with(UNIT, UNIT + ', "unit_name": "另一个单位"'),
         "“unit_name”出现了不止一次"),
    Case("duplicate key in a row", text_with(NEW_NATURAL, NEW_NATURAL + ', "natural": 99'),
         "“natural”出现了不止一次"),
    Case("full-width digits in money", text_with(AMOUNT, '"amount": "１２３"'), "只用半角数字0–9"),
    Case("Arabic-Indic digits in money", text_with(AMOUNT, '"amount": "١٢٣"'), "只用半角数字0–9"),
    Case("integer of 5000 digits", text_with(NEW_NATURAL, '"new": {\n    "natural": ' + "7" * 5000),
         "有5000位，过长"),
    Case("decimal of 500 digits", text_with(NEW_NATURAL, '"new": {\n    "natural": 1.' + "5" * 500), "过长"),
    Case("invalid escape", text_with(UNIT, '"unit_name": "\\x41"'), "无效的转义字符"),
    Case("NaN", text_with(NEW_NATURAL, '"new": {\n    "natural": NaN'), "非法数值“NaN”"),
    # ---- not a draft at all
    Case("empty file", raw(b""), "文件是空的"),
    Case("UTF-16 with BOM", raw("{}".encode("utf-16")), "不是 UTF-8 编码"),
    Case("larger than the size limit", too_large, "太大（超过20 MB）"),
    # ---- special files: must neither block nor read forever
    Case("a FIFO", fifo, "是管道（FIFO），不是普通文件", special=True),
    Case("link to /dev/zero", link_to("/dev/zero"), "是设备文件，不是普通文件", special=True),
    Case("link to /dev/urandom", link_to("/dev/urandom"), "是设备文件，不是普通文件", special=True),
    Case("symbolic-link loop", link_loop, "符号链接过多或形成循环", special=True),
    Case("dangling link", link_to("gone.gkbg.json"), "找不到文件", special=True),
    Case("a folder", folder, "是文件夹", special=True),
]


def file_name(case: Case) -> str:
    return case.name.replace(" ", "-").replace("/", "") + ".gkbg.json"


def build(folder_: Path) -> list[tuple[Case, Path]]:
    """Write every case into folder_; returns (case, path) pairs."""
    folder_.mkdir(parents=True, exist_ok=True)
    made = []
    for case in CASES:
        path = folder_ / file_name(case)
        case.make(path)
        made.append((case, path))
    return made


if __name__ == "__main__":
    for case, path in build(Path(sys.argv[1])):
        print(f"{path.name}\t{case.message}")
