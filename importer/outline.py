"""The report's outline in a document: 附件 label, title (unit, year), section headings, text sections, 落款."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from model.formats import FORMATS
from model.formats.common import APPLICATIONS_NOTE
from model.formats.definition import TextSection
from model.report import MAX_UNIT_NAME

from .document import Para, RawTable, SourceDocument
from .labels import core, fold
from .result import Note, Notes

# the six headings are the same in both formats
SECTIONS = [(s.key, s.heading, isinstance(s, TextSection)) for s in FORMATS[0].sections]
_HEADING_CORES = {core(heading.split("、", 1)[1]): i for i, (_k, heading, _t) in enumerate(SECTIONS)}
_NUMBERS = "一二三四五六"
_HEADING = re.compile(r"^(?:第([一二三四五六])部分[、.,:]?|([一二三四五六])[、.,:]?|([1-6])[、.])?(.+?)[:。.]?$")
_ATTACHMENT = re.compile(r"^附件\s*[\d一二三四五六七八九十]*\s*[:：]?$")
_PHRASE = re.compile(r"信息公开(?:工作)?年度报告")
_YEAR = re.compile(r"((?:19|20)\d{2})年度?")
_YEAR_ONLY = re.compile(r"^[(（]?((?:19|20)\d{2})年度?[)）]?$")
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_NOTE_CORE = core(APPLICATIONS_NOTE, numbered=False)
# table titles a clerk may type as a paragraph above each table of 二 (第二十条第（一）项 …): layout, not content
_TITLE_CORES = {core(t.title, numbered=False) for f in FORMATS for s in f.table_sections() for t in s.tables if t.title}
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}
_DATE = re.compile(r"^(?:日期[:：]\s*)?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$|^(\d{4})-(\d{1,2})-(\d{1,2})$")
_CN_DATE = re.compile(r"^([〇○零一二三四五六七八九O]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$")
_SIGN_OFF = re.compile(r"^(?:(?:填报)?单位[(（]盖章[)）]|负责人[(（]签字[)）]|[(（]?盖章[)）]?|日期)[:：]?.*$")


@dataclass
class Outline:
    """Where the report's parts are among a document's blocks, and what its title, 落款 and text sections hold."""

    attachment_label: str = ""
    title: str = ""
    unit: str = ""
    year: int | None = None
    report_date: str = ""
    headings: dict[str, int] = field(default_factory=dict)  # section key → block index
    texts: dict[str, list[str]] = field(default_factory=dict)  # text section key → its lines
    run_in: dict[str, str] = field(default_factory=dict)  # section key → text after its heading, same paragraph
    end: int = 0  # block index where the report ends (a 检查说明 page after it is not part of it)

    def section_at(self, index: int) -> str:
        """Key of the section whose heading last precedes block index ("" before the first)."""
        key, at = "", -1
        for k, i in self.headings.items():
            if at < i < index:
                key, at = k, i
        return key


def heading_of(text: str) -> int | None:
    """Index in SECTIONS of the section a paragraph heads (一、总体情况, 二．…, 第三部分 …), or None."""
    folded = fold(text)
    if not folded or len(folded) > 40:
        return None
    match = _HEADING.match(folded)
    if not match:
        return None
    index = _HEADING_CORES.get(core(match.group(4), numbered=False))
    if index is None:
        return None
    number = match.group(1) or match.group(2)
    if number and _NUMBERS.index(number) != index:
        return None
    if match.group(3) and int(match.group(3)) != index + 1:
        return None
    return index


_RUN_IN = re.compile(r"^(\S{2,40}?[：:])\s*(\S.*)$", re.S)


def run_in_heading(text: str) -> tuple[int, str] | None:
    """A numbered heading that begins a paragraph of its own text (一、总体情况：2019年，我镇…): its index and
    the text after it."""
    match = _RUN_IN.match(text.strip(" \t\u3000"))
    if not match:
        return None
    index = heading_of(match.group(1))
    if index is None or not re.match(r"^(第?[一二三四五六]部分|[一二三四五六]|[1-6][、.．])", fold(match.group(1))):
        return None
    return index, match.group(2).strip()


def read_outline(doc: SourceDocument, notes: Notes) -> Outline:
    """The section headings (in order), then the front matter, the text sections and the 落款."""
    out = Outline()
    blocks = doc.blocks
    last = -1
    for i, block in enumerate(blocks):
        if isinstance(block, Para):
            index, rest = heading_of(block.text), ""
            if index is None:
                index, rest = run_in_heading(block.text) or (None, "")
            if index is not None and index > last:
                out.headings[SECTIONS[index][0]] = i
                if rest:
                    out.run_in[SECTIONS[index][0]] = rest
                last = index
    out.end = _end_of_report(blocks, max(out.headings.values(), default=len(blocks)), notes)
    preamble = _front_matter(out, blocks[:min(out.headings.values(), default=len(blocks))], notes)
    _texts(out, blocks, preamble, notes)
    return out


# ---------------------------------------------------------------- front matter: 附件, title, preamble


def _lines(blocks) -> list[tuple[str, Para]]:
    return [(line.strip(" \t\u3000"), b) for b in blocks if isinstance(b, Para)
            for line in b.text.split("\n") if line.strip(" \t\u3000")]


def _front_matter(out: Outline, blocks, notes: Notes) -> list[str]:
    lines = _lines(blocks)
    if lines and _ATTACHMENT.match(fold(lines[0][0])):
        out.attachment_label = lines.pop(0)[0][:20]
        notes.read.append(f"附件标注“{out.attachment_label}”")
    found = _find_title(lines)
    if found is None:
        notes.not_found.append(Note("标题", "", "", "没有找到“…政府信息公开工作年度报告”标题，填报单位需手工填写"))
        return [text for text, _ in lines]
    start, end = found
    if end < len(lines) and _YEAR_ONLY.match(fold(lines[end][0])):
        end += 1  # （2019年度） under the title
    for text, _ in lines[:start]:
        notes.ignored.append(Note("标题之前", "", "", f"“{_short(text)}”"))
    out.title = "".join(text for text, _ in lines[start:end])
    _title(out, notes)
    return [text for text, _ in lines[end:]]


TITLE_LINES = 7  # a 100-character unit name and the rest of the title, 20 二号 characters a line
TITLE_CHARS = MAX_UNIT_NAME + 40  # the unit name, its year and 政府信息公开工作年度报告 with room to spare


def _find_title(lines: list[tuple[str, Para]]) -> tuple[int, int] | None:
    """(first, stop) of the title's lines among the first lines: one line, or a few short ones (the unit name on
    lines of its own — up to 100 characters, five lines of 二号 —, a title broken in the middle), holding
    政府信息公开工作年度报告."""
    for first in range(min(12, len(lines))):
        for count in range(1, TITLE_LINES + 1):
            part = [fold(text) for text, _ in lines[first:first + count]]
            if len(part) < count or not _PHRASE.search("".join(part)):
                continue
            if len("".join(part)) > TITLE_CHARS or (count > 1 and not all(_title_part(t) for t in part)):
                break
            return first, first + count
    return None


def _title_part(folded: str) -> bool:
    """A line that may be part of a title broken over lines (a long unit name's lines may come joined into one):
    not a sentence or a labelled field."""
    return (len(folded) <= TITLE_CHARS and not re.search(r"[。，；,;:]", folded) and heading_of(folded) is None
            and not _ATTACHMENT.match(folded))


def _title(out: Outline, notes: Notes) -> None:
    compact = re.sub(r"\s+", "", out.title).translate(_DIGITS)
    compact = re.sub(r"([〇○零O一二三四五六七八九]{4})(?=年)",
                     lambda m: "".join(str(_CN_DIGITS[c]) for c in m.group(1)), compact)  # 二〇二三年
    phrase = _PHRASE.search(compact)
    assert phrase is not None  # _find_title found it on the NFKC form; the phrase's look-alikes are plain() already
    prefix = compact[:phrase.start()]
    year = _YEAR.search(compact)
    if year:
        out.year = int(year.group(1))
    if prefix.endswith("政府") and not prefix[:-2].endswith("人民"):
        prefix = prefix[:-2]  # the 政府 of 政府信息公开, not of the unit's name
    unit = _YEAR.sub("", prefix) if year else prefix
    out.unit = _unwrapped(re.sub(r"^关于|关于$|的$", "", unit))[:100]
    notes.read.append(f"标题“{out.title}”：填报单位“{out.unit or '（无）'}”"
                      + (f"，{out.year}年度" if out.year else "，标题中没有年度"))


_BRACKETS = {"（": "）", "(": ")", "【": "】", "[": "]", "《": "》", "“": "”", '"': '"'}


def _unwrapped(unit: str) -> str:
    """The unit without the brackets left at its ends by the title around it (《…, …）, “…”), keeping those of its own
    name: 青山乡人民政府（第1片）, 县委办公室(县政府办公室)."""
    while unit:
        first, last = unit[0], unit[-1]
        if first in _BRACKETS and last == _BRACKETS[first] and len(unit) > 1 and _wraps(unit):
            unit = unit[1:-1]
            continue
        if first in _BRACKETS and _BRACKETS[first] not in unit[1:]:
            unit = unit[1:]  # opened, never closed
        elif last in _BRACKETS.values() and not any(o in unit[:-1] for o, c in _BRACKETS.items() if c == last):
            unit = unit[:-1]  # closed, never opened
        elif last in _BRACKETS or first in _BRACKETS.values():
            unit = unit[:-1] if last in _BRACKETS else unit[1:]  # opened at the end, closed at the start
        else:
            return unit
    return unit


def _wraps(text: str) -> bool:
    """The bracket opening text is the one closing it: （甲）乙（丙） is not wrapped, （甲（乙））is."""
    opening, closing = text[0], text[-1]
    if opening == closing:
        return True
    depth = 0
    for i, char in enumerate(text):
        depth += (char == opening) - (char == closing)
        if depth == 0:
            return i == len(text) - 1
    return False


def find_year_in_text(outline: Outline) -> int | None:
    """The year most often written in the text before the tables (一、总体情况 and the preamble)."""
    counts: Counter[int] = Counter()
    for line in outline.texts.get("overview", []):
        counts.update(int(y) for y in _YEAR.findall(line.translate(_DIGITS)))
    return counts.most_common(1)[0][0] if counts else None


# ---------------------------------------------------------------- text sections and the 落款


def _texts(out: Outline, blocks, preamble: list[str], notes: Notes) -> None:
    order = sorted(out.headings.items(), key=lambda kv: kv[1])
    bounds = {key: (i + 1, order[n + 1][1] if n + 1 < len(order) else out.end) for n, (key, i) in enumerate(order)}
    last_key = order[-1][0] if order else ""
    for key, heading, is_text in SECTIONS:
        if key not in bounds:
            notes.not_found.append(Note(heading, "", "", "没有找到这一部分的标题"
                                        + ("，内容为空" if is_text else "（表格按行列标签查找）")))
            continue
        first, stop = bounds[key]
        lines = _lines(blocks[first:stop])
        if key in out.run_in:
            lines = _lines([Para(out.run_in[key], page=getattr(blocks[first - 1], "page", 0))]) + lines
        if key == last_key:
            lines = _sign_off(out, lines, notes)
        if is_text:
            out.texts[key] = [text.replace("\t", " ") for text, _ in lines]
        else:
            for text, para in lines:
                if core(text, numbered=False) not in (_NOTE_CORE, *_TITLE_CORES):
                    where = f"（第{para.page}页）" if para.page else ""
                    notes.ignored.append(Note(heading, "", "", f"表格外的文字{where}“{_short(text)}”"))
        tables = sum(1 for b in blocks[first:stop] if isinstance(b, RawTable))
        if is_text:
            pages = sorted({b.page for b in blocks[first:stop] if isinstance(b, Para) and b.page})
            where = f"（第{pages[0]}页）" if len(pages) == 1 else (f"（第{pages[0]}–{pages[-1]}页）" if pages else "")
            notes.read.append(f"{heading}：{len(out.texts[key])}段{where}"
                              + (f"；其中的{tables}个表格不属于此部分" if tables else ""))
    if preamble:  # kept: at the head of 一、总体情况
        out.texts["overview"] = preamble + out.texts.get("overview", [])
        notes.interpreted.append(Note("一、总体情况", "", "", f"标题与“一、总体情况”之间的{len(preamble)}段文字"
                                      "放在了“一、总体情况”的开头"))


def _end_of_report(blocks, last_heading: int, notes: Notes) -> int:
    """Index of the 检查说明 page this program may print after the report (the warnings explained), else the end."""
    for i in range(last_heading + 1, len(blocks)):
        block = blocks[i]
        if isinstance(block, Para) and fold(block.text) == "检查说明":
            rest = sum(1 for b in blocks[i:] if isinstance(b, Para) and b.text.strip())
            notes.ignored.append(Note("检查说明", "", "", f"报告之后的“检查说明”页（{rest}段）是给审核单位的附页，未导入："
                                                          f"其中的说明请在“检查结果”中对相应警告重新填写"))
            return i
    return len(blocks)


def _sign_off(out: Outline, lines: list[tuple[str, Para]], notes: Notes) -> list[tuple[str, Para]]:
    """Drop the 落款 (unit, date, 盖章/签字 lines) at the end of the last section; its date is the report date."""
    dropped: list[str] = []
    unit, unit_tail = fold(out.unit), ""  # a long unit name wraps: its lines come last to first
    while lines:
        text, para = lines[-1]
        folded = fold(text)
        date = _date(folded)
        if date is not None:
            if date and not out.report_date:
                out.report_date = date
        elif unit and len(folded) >= 2 and unit.endswith(folded + unit_tail):
            unit_tail = folded + unit_tail
        elif not (_SIGN_OFF.match(folded)
                  or (para.align == "right" and len(folded) <= 40 and not re.search(r"[。；;]", folded))):
            break
        dropped.insert(0, text)
        lines = lines[:-1]
    if dropped:
        notes.read.append("落款“" + " ".join(dropped) + "”" + (f"：报告日期{out.report_date}" if out.report_date else ""))
    return lines


def _date(folded: str) -> str | None:
    """ISO date of a dated line (2020年1月15日, 二〇二〇年一月十五日, 2020-01-15), "" for 日期： left blank; the
    patterns say which lines are dates, model.dates reads them."""
    from model.dates import parse_date
    from model.errors import InputError

    match = _DATE.match(folded)
    if match:
        text = "-".join(g for g in match.groups() if g)
    elif _CN_DATE.match(folded):
        text = folded.replace("O", "〇")  # a Latin O typed for 〇
    else:
        return "" if re.fullmatch(r"日期[:：]?(?:年月日)?", folded) else None
    try:
        return parse_date(text).isoformat()
    except InputError:
        return None


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
