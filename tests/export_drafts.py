"""Drafts the export tests print (9-digit values, 100-character unit, 20,000-character sections) and the checks
they run on printed text: numbers unbroken, no forbidden line starts or ends, 28 characters per full line."""
from __future__ import annotations

import collections
import os
import random
import shutil
import subprocess
import unicodedata
from pathlib import Path

from model.cells import MAX_MONEY, Money
from model.formats.definition import MAX_COUNT, CellKind
from model.report import Report

# what the issue forbids at a line start and end (and the ellipsis, per the 禁则 lists)
FORBIDDEN_START = set("，。、；：？！）》」』”’")
FORBIDDEN_END = set("（《「『“‘")


def nine_digit_report(year: int = 2023, with_texts: bool = False) -> Report:
    """Every input cell at (nearly) the 9-digit maximum, the largest money amount, a 100-character unit."""
    report = Report.for_year(year, "某" * 99 + "局")
    report.set_field("attachment_label", "附件1")
    report.set_field("report_date", "2024-01-20")
    for i, (ref, column) in enumerate(report.input_cells()):
        if column.kind is CellKind.MONEY:
            report.set_value(ref, Money(MAX_MONEY, column.units[0]))
        elif column.kind is CellKind.SIGNED:
            report.set_value(ref, -MAX_COUNT + i if i % 2 else MAX_COUNT - i)
        else:
            report.set_value(ref, MAX_COUNT - i)
    if with_texts:
        for key in report.texts:
            report.set_text(key, long_text(20000, seed=len(key)))
    return report


SENTENCES = (
    "本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。",
    "一是加强组织领导；二是完善工作制度；三是强化监督考核！",
    "全年主动公开政府信息1286条，其中通过政府网站公开980条，占比76.2%。",
    "依法依规做好政府信息公开申请办理工作，办理答复率达到100%（含转办件）。",
    "认真落实《中华人民共和国政府信息公开条例》和《政府信息公开信息处理费管理办法》的规定。",
    "群众满意度明显提升，“互联网+政务服务”取得新进展……",
    "下一步，我们将继续深化政务公开——进一步提高工作质量？",
    "收取信息处理费0元，收到申请人投诉0件，行政复议0件，行政诉讼0件。",
)


def long_text(length: int, seed: int = 0, numbers: bool = True) -> str:
    """Realistic report prose of about `length` characters, in paragraphs, with （一）… headings."""
    rnd = random.Random(seed)
    pool = SENTENCES if numbers else tuple(s for s in SENTENCES if not any(c.isascii() for c in s))
    paragraphs, size, n = [], 0, 0
    while size < length:
        n += 1
        body = "".join(rnd.choice(pool) for _ in range(rnd.randint(2, 9)))
        if n % 7 == 1:
            body = f"（{'一二三四五六七八九'[(n // 7) % 9]}）工作开展情况：{body}"
        paragraphs.append(body)
        size += len(body) + 1
    text = "\n".join(paragraphs)[:length]
    return text[: max(text.rfind("。"), text.rfind("！"), text.rfind("？")) + 1]  # whole sentences


def plain_text(length: int, seed: int = 0) -> str:
    """Prose of Chinese characters and full-width marks only: every full line must hold 28 characters."""
    return long_text(length, seed, numbers=False)


def typeset_drafts(plain_length: int) -> dict[str, Report]:
    """The drafts whose printed lines the typesetting checks read: the sample, the 9-digit drafts (one with
    20,000-character sections) and plain prose of plain_length characters a section."""
    from conftest import SAMPLE
    from model.draft import load_draft

    sample = load_draft(SAMPLE)
    sample.set_field("report_date", "2020-01-15")
    plain = nine_digit_report(2019)
    for key in plain.texts:
        plain.set_text(key, plain_text(plain_length, seed=len(key)))
    return {"sample": sample, "nine": nine_digit_report(2019), "long": nine_digit_report(2023, with_texts=True),
            "plain": plain}


def printed_numbers(layout) -> list[str]:
    """Every number printed in the tables, as printed (增N/减N keep their prefix out)."""
    out = []
    for table in layout.tables():
        for cell in table.cells:
            if cell.role.value == "value" and cell.text:
                out.append(cell.text.lstrip("增减").rstrip("元"))
    return out


def body_numbers(report: Report) -> list[str]:
    import re

    return [n for text in report.texts.values() for n in re.findall(r"\d+(?:\.\d+)?", text)]


def pdftotext(path: Path, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def unbroken(text: str, numbers: list[str]) -> list[str]:
    """Numbers that do not appear whole (as one run of digits) in the extracted text."""
    import re

    runs = set(re.findall(r"\d+(?:\.\d+)?", text))
    return sorted({n for n in numbers if n not in runs})


def bad_line_edges(text: str) -> list[str]:
    """Lines of extracted text that start with a closing mark or end with an opening one."""
    out = []
    for line in text.splitlines():
        line = line.strip(" \u3000")
        if line and (line[0] in FORBIDDEN_START or line[-1] in FORBIDDEN_END):
            out.append(line)
    return out


def check_printed_lines(report: Report, text: str) -> None:
    """In the text of the printed report, every number of the tables and of the text sections whole, and no line
    starting or ending with a forbidden mark."""
    from export.report_layout import build_layout

    numbers = printed_numbers(build_layout(report)) + body_numbers(report)
    broken, edges = unbroken(text, numbers), bad_line_edges(text)
    assert numbers and broken == [], f"numbers broken over lines: {broken}"
    assert edges == [], f"lines starting or ending with a forbidden mark: {edges}"


def units(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" or ch in "“”‘’…—" else 0.5


def body_lines(path: Path, heights: tuple[float, float] = (15.5, 16.5)) -> list[tuple[int, float, str, float, float]]:
    """(page, top, text, x0, x1) of every line whose height says 三号 (16 pt in our PDF, 20.8 pt in
    LibreOffice's with WenQuanYi's line height), as poppler (the engine of most viewers) places it."""
    import xml.etree.ElementTree as ET

    xml = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    out = []
    for number, page in enumerate(ET.fromstring(xml).iter("{http://www.w3.org/1999/xhtml}page"), start=1):
        for line in page.iterfind(".//x:line", ns):
            top, bottom = float(line.get("yMin")), float(line.get("yMax"))
            if heights[0] <= bottom - top <= heights[1]:
                words = line.findall("x:word", ns)
                text = "".join(w.text or "" for w in words)
                out.append((number, top, text, float(line.get("xMin")), float(line.get("xMax"))))
    return out


def full_line_units(path: Path, left: float, width: float, heights: tuple[float, float] = (15.5, 16.5),
                    hanging: str = "，。、；：？！）》」』”’") -> list[float]:
    """Characters (half-width counting one half, the indent included) on every line reaching the right
    edge of the text block, a hanging mark left out."""
    out = []
    right = left + width
    for _page, _y, text, x0, x1 in body_lines(path, heights):
        hang = text[-1] in hanging and x1 > right + 2
        if abs(x1 - right) < 2.5 or hang:
            body = text[:-1] if hang else text
            out.append(sum(units(c) for c in body) + round((x0 - left) / 16 * 2) / 2)
    return out


def lines_per_page(path: Path, heights: tuple[float, float] = (15.5, 16.5)) -> collections.Counter:
    """Body lines (三号) on each page."""
    return collections.Counter(page for page, *_ in body_lines(path, heights))


def soffice_pdfs(docx_files: list[Path], out: Path) -> list[Path]:
    """DOCX files converted by LibreOffice, in one run (its own profile, so it never meets a user's)."""
    soffice = shutil.which("soffice")
    assert soffice
    profile = out / "lo-profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *map(str, docx_files)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(out)},
    )
    assert result.returncode == 0, result.stderr
    return [out / (p.stem + ".pdf") for p in docx_files]


def pages_with(path: Path, *texts: str) -> list[set[int]]:
    """For each text, the pages (from 1) whose extracted text holds it (spaces and line breaks left out)."""
    pages = pdftotext(path).split("\f")
    flat = ["".join(page.split()) for page in pages]
    return [{n for n, page in enumerate(flat, start=1) if "".join(text.split()) in page} for text in texts]
