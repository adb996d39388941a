"""The report laid out as the printed form: title, sections (text paragraphs, tables), 落款, 检查说明 page."""
from __future__ import annotations

import re
from dataclasses import replace

from model.chars import clean_text
from model.formats.definition import TextSection
from model.report import Report

from .layout import (
    APPROVAL, ATTACHMENT, BODY, HEADING_1, HEADING_2, NOTE_SUBTITLE, NOTE_TITLE, SIGNATURE, TITLE, PageLayout,
    PageSetup, Paragraph,
)
from .table_layout import table_blocks
from .typeset import text_ems


def build_layout(report: Report, approval_block: bool = False, watermark: str = "",
                 explanations_page: bool = False) -> PageLayout:
    """Lay the report out as the official printed form (and, when asked, a 检查说明 page after it)."""
    page = PageSetup()
    blocks: list = []
    label = printable(report.attachment_label, one_line=True).strip()
    if label:
        blocks.append(Paragraph(label, ATTACHMENT))
    blocks.append(Paragraph(title_lines(report), TITLE, space_before=1 if label else 0, space_after=1))
    for section in report.format.sections:
        after_table = not isinstance(blocks[-1], Paragraph)  # half a line more under a table
        blocks.append(Paragraph(section.heading, HEADING_1, space_before=0.5 if after_table else 0))
        if isinstance(section, TextSection):
            blocks.extend(text_paragraphs(report.texts.get(section.key, "")))
        else:
            # the heading shares the page with the table (with its half line of space before, which Word
            # may keep at the top of a page)
            first = page.text_height_pt - 1.5 * page.line_pitch
            blocks.extend(table_blocks(report, section, page.text_width_pt, first, page.text_height_pt))
    if approval_block:
        closing = approval_paragraphs(report)
    else:
        closing = signature_paragraphs(report) if report.report_date else []
    if closing and isinstance(blocks[-1], Paragraph):  # the 落款 never stands alone on a page
        blocks[-1] = replace(blocks[-1], keep_with_next=True)
    blocks.extend(closing)
    if explanations_page:
        blocks.extend(explanation_paragraphs(report))
    return PageLayout(page, tuple(blocks), watermark.strip(), printable(report.title(), one_line=True),
                      printable(report.unit_name, one_line=True).strip())


TITLE_CHARS_PER_LINE = 20  # 二号 characters on the text width


def title_lines(report: Report) -> str:
    """The title; too long for one line, it breaks after the unit name, as printed reports do."""
    title = printable(report.title(), one_line=True)
    unit_name = printable(report.unit_name, one_line=True)
    unit = unit_name.strip()
    if len(title) > TITLE_CHARS_PER_LINE and unit and len(unit) <= TITLE_CHARS_PER_LINE:
        return f"{unit}\n{title[len(unit_name):]}"
    return title


# a second-level heading: （一） or (一) at the start of a paragraph
SUBHEADING = re.compile(r"[（(][一二三四五六七八九十]{1,3}[）)]")
_RUN_IN_END = re.compile(r"[。：:]")
SUBHEADING_MAX = 40  # characters: a longer paragraph without a stop is body text, not a heading


def text_paragraphs(text: str) -> list[Paragraph]:
    """Each non-empty line of a text section is a paragraph; `（一）…` lines are second-level headings."""
    out = []
    for line in printable(text).split("\n"):
        line = line.strip(" \t\u3000").replace("\t", " ")
        if line:
            out.append(classify(line))
    return out


def classify(line: str) -> Paragraph:
    """A body paragraph, a 楷体 second-level heading, or a body paragraph led by a run-in heading."""
    if not SUBHEADING.match(line):
        return Paragraph(line, BODY)
    stop = _RUN_IN_END.search(line)
    if stop is None:
        return Paragraph(line, HEADING_2) if len(line) <= SUBHEADING_MAX else Paragraph(line, BODY)
    if stop.end() >= len(line.rstrip()):
        return Paragraph(line, HEADING_2)  # 「（一）加强组织领导。」 alone on its line
    return Paragraph(line, BODY, lead=stop.end())


# the invisible zero-width characters text copied from web pages carries (a draft keeps them)
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")


def printable(text: str, one_line: bool = False) -> str:
    """Text as printed: cleaned as a draft stores it (model.chars.clean_text: pasted line breaks become new
    lines, other control characters, which DOCX (XML) cannot hold and PDF fonts cannot draw, are dropped), and
    without zero-width characters; a one-line field loses its line breaks."""
    text = _INVISIBLE.sub("", clean_text(text))
    return text.replace("\n", "") if one_line else text


def date_text(iso: str) -> str:
    """2020-01-15 as 2020年1月15日 (GB/T 9704: Arabic numerals, no leading zeros)."""
    y, m, d = (int(p) for p in iso.split("-"))
    return f"{y}年{m}月{d}日"


SIGNATURE_RIGHT_CHARS = 4  # the date stands four characters in from the right edge


def signature_paragraphs(report: Report) -> list[Paragraph]:
    """落款 (GB/T 9704 7.3.5.1): one blank line under the text, the unit centred over the date, the date
    right-aligned four characters in."""
    date = date_text(report.report_date)
    unit = printable(report.unit_name, one_line=True).strip()
    centre = SIGNATURE_RIGHT_CHARS + text_ems(date) / 2
    out = []
    if unit:
        right = max(0.0, centre - text_ems(unit) / 2)
        out.append(Paragraph(unit, SIGNATURE, space_before=1, right_chars=round(right * 4) / 4))
    out.append(Paragraph(date, SIGNATURE, space_before=0 if unit else 1, right_chars=SIGNATURE_RIGHT_CHARS,
                         keep_with_next=False))
    return out


def approval_paragraphs(report: Report) -> list[Paragraph]:
    """单位（盖章）, 负责人（签字）, 日期 in the right half of the last page, with room to stamp and sign."""
    date = date_text(report.report_date) if report.report_date else "    年  月  日"
    unit = printable(report.unit_name, one_line=True).strip()
    return [
        Paragraph(f"单位（盖章）：{unit}", APPROVAL, space_before=2),
        Paragraph("负责人（签字）：", APPROVAL, space_before=2),
        Paragraph(f"日期：{date}", APPROVAL, space_before=1, keep_with_next=False),
    ]


def explanation_paragraphs(report: Report) -> list[Paragraph]:
    """The 检查说明 page: every warning the unit has explained, with its explanation (for the county office)."""
    from model.rules import check

    explained = [f for f in check(report) if f.explained]
    unit = printable(report.unit_name, one_line=True).strip() or "（未填写填报单位）"
    heading = [Paragraph("检查说明", NOTE_TITLE, page_break_before=True),
               Paragraph(f"{unit}　{report.year}年度", NOTE_SUBTITLE, space_after=1)]
    if not explained:
        return heading + [Paragraph("本报告没有已说明的检查警告。", BODY)]
    out = heading + [Paragraph(f"以下{len(explained)}项检查警告，填报单位已逐项说明：", BODY)]
    for n, f in enumerate(explained, 1):
        place = "／".join(p for p in (f.section, f.row, f.column) if p)
        out.append(Paragraph(printable(f"{n}. 【{place}】{f.message}"), BODY, keep_with_next=True))
        out.append(Paragraph(printable(f"说明：{f.explanation}"), BODY))
    return out
