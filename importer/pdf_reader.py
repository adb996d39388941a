"""Reads a PDF with a text layer (pdfplumber) into paragraphs and ruled tables, in reading order."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from model.errors import ImportRefused

from . import guard
from .document import Para, RawTable, SourceDocument
from .labels import section_of
from .outline import heading_of
from .page_breaks import join_broken_rows
from .pdf_tables import Fragment, build_table, inside, page_fragments, row_count, stitch

MAX_STREAM_BYTES = 20 * 1024 * 1024  # a page's content, decompressed (a report page has 10–100 KB)
MAX_PAGE_CHARS = 20_000  # a dense page of a report holds about 1,500
MAX_PAGE_EDGES = 4_000  # ruling lines and rectangles on one page (table 三: about 600)
MAX_TABLE_ROWS = 400  # rows of all tables read so far (a report's: about 80, with repeated headers about 100)
WATERMARK_SIZE = 40.0  # points: larger text is a watermark or decoration, not content
SCAN = ("没有文字层（可能是扫描件或图片），无法读取其中的文字和数字：请改用原始的 Word 文件导入，"
        "或新建报告后手工录入")
_PAGE_NUMBER = re.compile(r"^(?:[—–\-－~～\s]*\d{1,4}[—–\-－~～\s]*|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?"
                          r"|\d+\s*/\s*\d+)$")


@dataclass
class _Line:
    """A line of text on a page: where it is, its most common type size."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int


def read_pdf(data: bytes, name: str) -> SourceDocument:
    """The paragraphs and ruled tables of a PDF with a text layer (its bytes, as the guard read them); raises
    ImportRefused."""
    import io

    import pdfplumber

    with io.BytesIO(data) as stream:
        try:
            pdf = pdfplumber.open(stream)
        except Exception as exc:  # pdfminer wraps every parse failure; tell a password from damage
            raise ImportRefused(_open_failure(name, exc)) from None
        try:
            return _read(pdf, name)
        except ImportRefused:
            raise
        except Exception as exc:  # a damaged page, an unsupported filter: never a traceback for the clerk
            raise ImportRefused(f"“{name}”已损坏或无法解析（{type(exc).__name__}），无法导入") from None
        finally:
            pdf.close()


def _open_failure(name: str, exc: Exception) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if "Password" in type(inner).__name__ or "Encrypt" in type(inner).__name__:
        return f"“{name}”设有打开密码（已加密），无法读取：请取消密码后再导入，或改用原始的 Word 文件"
    return f"“{name}”已损坏或不是有效的 PDF 文件，无法读取"


def _read(pdf, name: str) -> SourceDocument:
    count = _page_count(pdf)
    if count > guard.MAX_PAGES:
        raise ImportRefused(f"“{name}”共有{count}页，年度报告通常不超过30页：这不像是一份年度报告，未导入")
    out = SourceDocument("PDF", pages=count)
    items: list[tuple[int, float, object]] = []  # (page, top, line or table)
    dropped: set[int] = set()  # ids of the lines that are page numbers
    total_chars = unreadable = 0
    images = 0
    table_rows = 0
    heights: dict[int, float] = {}
    pages: list[tuple[list[Fragment], list[_Line]]] = []
    for number, page in enumerate(pdf.pages, start=1):
        heights[number] = float(page.height)
        _check_streams(page, name, number)
        chars = [c for c in page.chars if c.get("upright", True) and c["size"] < WATERMARK_SIZE]
        if len(chars) > MAX_PAGE_CHARS:
            raise ImportRefused(f"“{name}”第{number}页有{len(chars)}个字符，远超年度报告的一页，未导入")
        if len(page.edges) > MAX_PAGE_EDGES:
            raise ImportRefused(f"“{name}”第{number}页的表格线过多（{len(page.edges)}条），不像是年度报告，未导入")
        total_chars += len(chars)
        unreadable += sum(1 for c in chars if c["text"].startswith("(cid:"))
        images += len(page.images)
        # a frame around the page or a box around a paragraph is no table: a table has rows and columns
        fragments = page_fragments(page, number, chars)
        boxes = [f.bbox for f in fragments]
        page_lines = _lines([c for c in chars if not any(inside(c, box) for box in boxes)], number)
        numbers = _drop_page_numbers(page_lines, heights)
        dropped |= numbers
        pages.append((fragments, [line for line in page_lines if id(line) not in numbers]))
        items += [(number, line.top, line) for line in page_lines]
        table_rows += sum(row_count(f) for f in fragments if not f.small)
        page.close()  # what pdfplumber keeps of a page read is not needed again
        if table_rows > MAX_TABLE_ROWS:
            raise ImportRefused(f"“{name}”到第{number}页为止的表格已有{table_rows}行，年度报告的表格只有约80行："
                                f"这不像是一份年度报告，未导入")
    for chain in stitch(pages, _apart):
        first = chain[0]
        if len(chain) == 1 and first.small:  # not a table: its text is running text
            small = _lines(first.chars, first.page)
            dropped |= _drop_page_numbers(small, heights)
            items += [(first.page, line.top, line) for line in small]
            continue
        items.append((first.page, first.bbox[1], join_broken_rows(build_table(chain, _lines))))
    if total_chars - unreadable < 20:
        raise ImportRefused(f"“{name}”{SCAN}" if images or total_chars == 0 else f"“{name}”中几乎没有文字，无法导入")
    if unreadable > total_chars * 0.3:
        raise ImportRefused(f"“{name}”中的文字无法识别（字体缺少编码信息），无法导入：请改用原始的 Word 文件")
    items.sort(key=lambda item: (item[0], item[1]))
    out.blocks = _paragraphs(items, dropped)
    return out


def _apart(a: Fragment, b: Fragment) -> bool:
    """Two tables of different parts of the report (二 and 三 …), though one ends a page and the other begins the
    next with the same edges: each has labels of its own part."""
    first, second = (section_of(build_table([f], _lines)) for f in (a, b))
    return first is not None and second is not None and first != second


def _page_count(pdf) -> int:
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
        if isinstance(count, int):
            return count
    except Exception:  # a broken page tree: count the pages pdfminer finds
        pass
    return len(pdf.pages)


def _check_streams(page, name: str, number: int) -> None:
    """Refuse a page whose content streams inflate beyond any real page (a PDF compression bomb)."""
    import zlib

    from pdfminer.pdftypes import resolve1

    contents = resolve1(page.page_obj.attrs.get("Contents"))
    streams = contents if isinstance(contents, list) else [contents]
    total = 0
    for stream in streams:
        stream = resolve1(stream)
        raw = getattr(stream, "rawdata", None)
        if raw is None:
            continue
        filters = resolve1(stream.attrs.get("Filter"))
        first = filters[0] if isinstance(filters, list) and filters else filters
        if getattr(first, "name", None) != "FlateDecode":
            total += len(raw)
            continue
        inflater = zlib.decompressobj()
        try:
            total += len(inflater.decompress(raw, MAX_STREAM_BYTES + 1))
        except zlib.error:
            continue  # pdfminer reports a damaged stream in its own way
        if total > MAX_STREAM_BYTES or inflater.unconsumed_tail:
            raise ImportRefused(f"“{name}”第{number}页的内容解压后过大，可能是恶意构造的文件，未导入")


def _lines(chars: list[dict], page: int) -> list[_Line]:
    """Characters grouped into lines (by their vertical middle), left to right."""
    out: list[_Line] = []
    rows: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"])):
        middle = (char["top"] + char["bottom"]) / 2
        if rows:
            last = rows[-1]
            last_middle = (last[0]["top"] + last[0]["bottom"]) / 2
            if abs(middle - last_middle) <= max(2.0, 0.4 * char["size"]):
                last.append(char)
                continue
        rows.append([char])
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        text = _join(row).strip()
        if text:
            size = Counter(round(c["size"], 1) for c in row).most_common(1)[0][0]
            out.append(_Line(text, row[0]["x0"], row[-1]["x1"], min(c["top"] for c in row),
                             max(c["bottom"] for c in row), size, page))
    return out


def _join(row: list[dict]) -> str:
    """Characters of a line; a space only where one was drawn, or between Latin letters or digits apart."""
    parts: list[str] = []
    previous = None
    for char in row:
        text = char["text"]
        if previous is not None and text != " " and previous["text"] != " ":
            gap = char["x0"] - previous["x1"]
            if gap > 0.3 * char["size"] and _latin(previous["text"][-1:]) and _latin(text[:1]):
                parts.append(" ")
        parts.append(text)
        previous = char
    return "".join(parts)


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _drop_page_numbers(lines: list[_Line], heights: dict[int, float]) -> set[int]:
    """Ids of the lines that are page numbers (— 1 —, 第1页 共6页) at the top or foot of a page."""
    drop = set()
    for line in lines:
        height = heights.get(line.page, 842.0)
        if _PAGE_NUMBER.fullmatch(line.text) and (line.top > height * 0.85 or line.bottom < height * 0.15):
            drop.add(id(line))
    return drop


def _paragraphs(items: list, dropped: set[int]) -> list:
    """Lines joined into paragraphs: a paragraph starts indented, after a short line, a gap or a table; a
    section heading (一、总体情况 …) is a paragraph of its own (a short report may have no full line or no
    unindented line to tell paragraphs apart by)."""
    body = [item[2] for item in items if isinstance(item[2], _Line) and id(item[2]) not in dropped]
    if not body:
        return [item[2] for item in items if isinstance(item[2], RawTable)]
    left = min(line.x0 for line in body)
    right = _right_edge([line.x1 for line in body])
    pitches = [b.top - a.top for a, b in zip(body, body[1:]) if a.page == b.page and 0 < b.top - a.top < 60]
    pitch = sorted(pitches)[len(pitches) // 2] if pitches else 30.0
    blocks: list = []
    current: list[_Line] = []

    def flush() -> None:
        if current:
            text = ""
            for line in current:
                text += (" " if text and _latin(text[-1]) and _latin(line.text[0]) else "") + line.text
            blocks.append(Para(text, _align(current[0], left, right), current[0].page))
            current.clear()

    for _page, _top, item in items:
        if isinstance(item, RawTable):
            flush()
            blocks.append(item)
            continue
        if id(item) in dropped:
            continue
        heading = heading_of(item.text) is not None
        if current:
            last = current[-1]
            size = item.size
            starts = (heading or heading_of(last.text) is not None
                      or item.x0 > left + 0.5 * size
                      or last.x1 < right - 1.2 * last.size
                      or abs(item.size - last.size) > 1.5
                      or (item.page == last.page and item.top - last.top > pitch * 1.6))
            if starts:
                flush()
        current.append(item)
    flush()
    return blocks


def _right_edge(ends: list[float]) -> float:
    """The right edge of the text block: the furthest line end shared by two lines or more (a full line); a
    single line reaching further is a punctuation mark hanging over the margin."""
    counts = Counter(round(x / 2) for x in ends)
    shared = [k * 2 for k, n in counts.items() if n >= 2]
    return float(max(shared)) if shared else max(ends)


def _align(line: _Line, left: float, right: float) -> str:
    middle = (left + right) / 2
    if line.x0 > left + 1.5 * line.size and line.x1 < right - 1.5 * line.size \
            and abs((line.x0 + line.x1) / 2 - middle) < line.size:
        return "center"
    if line.x0 > left + 4 * line.size and abs(line.x1 - right) < line.size:
        return "right"
    return ""
