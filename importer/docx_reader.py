"""Reads a .docx (WordprocessingML, Word or WPS) into paragraphs and tables, with lxml and no entity resolution."""
from __future__ import annotations

from pathlib import Path

from model.errors import ImportRefused

from . import guard
from .document import Cell, Para, RawTable, SourceDocument

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def read_docx(data: bytes, name: str) -> SourceDocument:
    """The paragraphs and tables of a .docx (its bytes, as the guard read them); raises ImportRefused."""
    with guard.open_zip(data, name) as zf:
        data = guard.read_member(zf, guard.main_part(zf, name), name)
    guard.check_document_xml(data, name)
    from lxml import etree

    try:
        root = etree.fromstring(data, guard.xml_parser())
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():
            raise ImportRefused(f"“{name}”的正文嵌套层次过深，正常的 Word 文档不会这样，可能是恶意构造的文件，"
                                f"未导入") from None
        raise ImportRefused(f"“{name}”的正文已损坏（XML 格式错误），无法读取") from None
    return _Walker(etree.QName(root).namespace or "").document(root)


class _Walker:
    """Walks the body in order; the tags are those of the document's own WordprocessingML namespace."""

    def __init__(self, ns: str) -> None:
        w = "{%s}" % ns
        self.w = w
        self.P, self.TBL, self.TR, self.TC, self.R = w + "p", w + "tbl", w + "tr", w + "tc", w + "r"
        self.T, self.TAB, self.BR, self.CR = w + "t", w + "tab", w + "br", w + "cr"
        self.SDT, self.SDT_CONTENT, self.CUSTOM = w + "sdt", w + "sdtContent", w + "customXml"
        # never text: deleted revisions, field codes, properties, text boxes, the duplicate of mc:Choice
        self.SKIP = {w + n for n in ("del", "moveFrom", "instrText", "delText", "pPr", "rPr", "tblPr", "trPr",
                                     "tcPr", "txbxContent", "footnoteReference", "endnoteReference",
                                     "commentReference")} | {"{%s}Fallback" % _MC}
        self.tables = 0

    def document(self, root) -> SourceDocument:
        body = root.find(self.w + "body")
        out = SourceDocument("Word")
        if body is not None:
            self.blocks(body, out.blocks)
        return out

    def blocks(self, parent, out: list) -> None:
        for child in parent:
            tag = child.tag
            if tag == self.P:
                out.append(Para(self.text(child), self.align(child)))
            elif tag == self.TBL:
                rows = self._flat(child, self.TR)
                cells = self._flat(rows[0], self.TC) if len(rows) == 1 else []
                if len(cells) == 1:  # a one-cell table drawn round the text (a border): its content is the body
                    self.blocks(cells[0], out)
                    continue
                self.tables += 1
                out.append(self.table(child, f"第{self.tables}个表格"))
            elif tag in (self.SDT, self.SDT_CONTENT, self.CUSTOM):
                self.blocks(child, out)

    # ---- paragraphs ----

    def text(self, p) -> str:
        parts: list[str] = []
        self._collect(p, parts)
        return "".join(parts)

    def _collect(self, element, parts: list[str]) -> None:
        for child in element:
            tag = child.tag
            if tag == self.T:
                parts.append(child.text or "")
            elif tag == self.TAB:
                parts.append("\t")
            elif tag == self.BR:
                if child.get(self.w + "type") != "page":
                    parts.append("\n")
            elif tag == self.CR:
                parts.append("\n")
            elif tag in self.SKIP or not isinstance(tag, str):
                continue
            elif tag == self.R and self._hidden(child):
                continue
            else:
                self._collect(child, parts)

    def _hidden(self, run) -> bool:
        rpr = run.find(self.w + "rPr")
        if rpr is None:
            return False
        vanish = rpr.find(self.w + "vanish")
        return vanish is not None and vanish.get(self.w + "val", "true") not in ("false", "0", "off")

    def align(self, p) -> str:
        ppr = p.find(self.w + "pPr")
        jc = ppr.find(self.w + "jc") if ppr is not None else None
        value = jc.get(self.w + "val", "") if jc is not None else ""
        return {"center": "center", "right": "right", "end": "right"}.get(value, "")

    # ---- tables ----

    def _flat(self, parent, tag: str) -> list:
        """Children with tag, looking through content controls and custom XML wrappers."""
        found = []
        for child in parent:
            if child.tag == tag:
                found.append(child)
            elif child.tag in (self.SDT, self.SDT_CONTENT, self.CUSTOM):
                found.extend(self._flat(child, tag))
        return found

    def _val(self, props, name: str) -> str | None:
        if props is None:
            return None
        element = props.find(self.w + name)
        if element is None:
            return None
        return element.get(self.w + "val", "")

    def table(self, tbl, where: str) -> RawTable:
        cells: list[list] = []  # [row, col, rowspan, colspan, text]
        below: dict[int, list] = {}  # grid column → the vertically merged cell open there
        width = 0
        rows = self._flat(tbl, self.TR)
        for r, tr in enumerate(rows):
            trpr = tr.find(self.w + "trPr")
            col = _int(self._val(trpr, "gridBefore"), 0)
            previous = None
            for tc in self._flat(tr, self.TC):
                tcpr = tc.find(self.w + "tcPr")
                span = max(1, _int(self._val(tcpr, "gridSpan"), 1))
                vmerge = self._val(tcpr, "vMerge")
                hmerge = self._val(tcpr, "hMerge")
                if hmerge is not None and hmerge != "restart" and previous is not None:
                    previous[3] += span  # legacy horizontal merge: widen the cell on the left
                    col += span
                    continue
                above = below.get(col)
                if vmerge is not None and vmerge != "restart" and above is not None and above[3] == span:
                    above[2] = r - above[0] + 1
                    previous = above
                else:
                    cell = [r, col, 1, span, self.cell_text(tc)]
                    cells.append(cell)
                    previous = cell
                    for c in range(col, col + span):
                        below.pop(c, None)
                    if vmerge is not None:
                        below[col] = cell
                col += span
            width = max(width, col)
            for c in [c for c, cell in below.items() if cell[0] + cell[2] - 1 < r]:
                del below[c]  # a merge ends where a row has no continuation under it
        return RawTable([Cell(*c) for c in cells], len(rows), width, where)

    def cell_text(self, tc) -> str:
        lines = []
        for child in tc:
            if child.tag == self.P:
                lines.append(self.text(child))
            elif child.tag == self.TBL:  # a nested table: its text, cell by cell
                nested = self.table(child, "")
                lines.extend(c.text for c in nested.cells if c.text)
            elif child.tag in (self.SDT, self.SDT_CONTENT, self.CUSTOM):
                lines.append(self.cell_text(child))
        return "\n".join(lines)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text else default
    except ValueError:
        return default
