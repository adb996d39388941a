"""Every table cell found by its row and column labels, across tables split, pasted in pieces or drawn in blocks."""
from __future__ import annotations

from dataclasses import dataclass, field

from model.cells import CellValue
from model.formats.definition import CellKind, Column, ReportFormat, Row, Table, TableSection
from model.printed_totals import total_cells
from model.report import CellRef, cell_kind

from .document import RawTable, Slot
from .labels import LabelIndex, fold, section_labels
from .outline import Outline, heading_of
from .result import Note, Notes
from .values import header_unit, looks_like_value, read_input, read_total


@dataclass
class HeaderCell:
    """A cell of a header as printed: the grid columns it spans, its text, the header row it sits in."""

    first: int
    last: int
    text: str
    level: int  # row of the header it sits in (0 = top)


@dataclass
class Header:
    """Column labels of a piece of table, as printed: the cells of one or more consecutive header rows."""

    cells: list[HeaderCell] = field(default_factory=list)
    width: int = 0  # grid columns of the piece it was read in
    resolved: dict[str, dict[str, HeaderCell]] = field(default_factory=dict)  # table key → column key → cell


@dataclass
class TableReading:
    """What was read for the whole report: input values, printed totals, and the pieces used per section."""

    values: dict[CellRef, CellValue] = field(default_factory=dict)
    totals: dict[CellRef, int | None] = field(default_factory=dict)
    pieces: dict[str, list[str]] = field(default_factory=dict)  # section key → where its tables were


def read_tables(fmt: ReportFormat, tables: list[tuple[int, RawTable]], outline: Outline,
                notes: Notes) -> TableReading:
    """Each piece of table given to the section whose labels it carries (else the one it is under or runs on
    from) and read there; what no section claims is noted as left out."""
    reading = TableReading()
    readers = {s.key: _SectionReader(fmt, s, reading, notes) for s in fmt.table_sections()}
    previous: str | None = None
    for index, piece in tables:
        scores = {key: reader.labels.score(piece) for key, reader in readers.items()}
        under = outline.section_at(index)
        best = max(scores, key=lambda k: (scores[k], k == under, k == previous))
        if scores[best] < 2 and best != under:  # a label or two in common is chance (其他, 总计)
            scores[best] = 0
        if scores[best] == 0:  # no labels: the part of a table run on from the piece before, if it may be one
            best = under if under in readers else (previous if not under else None)
            if best is None:
                notes.ignored.append(Note("", "", "", f"{piece.where}不是年度报告的统计表格，未导入"))
                continue
        readers[best].read(piece, continuing=best == previous)
        reading.pieces.setdefault(best, []).append(piece.where)
        previous = best
    for reader in readers.values():
        reader.finish()
    return reading


class _SectionReader:
    """Reads one table section (二, 三 or 四) from every piece of table that belongs to it."""

    def __init__(self, fmt: ReportFormat, section: TableSection, reading: TableReading, notes: Notes) -> None:
        self.fmt, self.section, self.reading, self.notes = fmt, section, reading, notes
        self.tables = section.tables
        labels = self.labels = section_labels(section)
        self.rows, self.group_rows, self.vocabulary, self.titles = (
            labels.rows, labels.group_rows, labels.vocabulary, labels.titles)
        self.header: Header | None = None
        self.header_open = False  # the last row read was a header row: the next one may add to it
        self.carried = False  # the header was read in the piece before this one
        self.seen_rows: dict[tuple[str, str], str] = {}  # (table, row) → where first read
        self.noted_order: set[str] = set()

    # ---- reading a piece ----

    def read(self, piece: RawTable, continuing: bool) -> None:
        if not continuing or (self.header is not None and self.header.width != piece.cols):
            self.header = None  # a header read in another geometry cannot place this piece's cells
        self.carried = self.header is not None  # until this piece shows its own header rows
        self.header_open = False
        self.piece = piece
        for slots in piece.grid_rows():
            self._row(slots)

    def _row(self, slots: list[Slot]) -> None:
        texts = [s for s in slots if s.anchor and s.text.strip()]
        if not texts:
            if self.section.key == "review" and self.header is not None and not self.seen_rows:
                table = self.tables[0]  # 四's one row of numbers, left all blank
                self._values(slots, None, table, table.leaf_rows()[0])
            return  # an empty row, or one only covered by merges from above
        if len(texts) == 1 and heading_of(texts[0].text) is not None:
            return  # the section's heading drawn as a table row
        if len(texts) == 1 and self.titles.find(texts[0].text):
            self.header_open = False
            return  # a block title (第二十条第（一）项): the rows below name their own table
        if len(texts) >= 2 and all(self.vocabulary.find(s.text) for s in texts):
            self._header_row(slots)
            return
        self.header_open = False
        label, table, row = self._row_label(slots)
        if table is None and self.section.key == "review":
            table, row = self.tables[0], self.tables[0].leaf_rows()[0]
        if table is None:
            if self.group_rows.find(" ".join(s.text for s in texts)) or all(self.group_rows.find(s.cell.text)
                                                                                 for s in texts):
                return  # a group label on a row of its own
            self._note_ignored(texts)
            return
        self._values(slots, label, table, row)

    def _header_row(self, slots: list[Slot]) -> None:
        if not self.header_open or self.header is None:
            self.header = Header(width=self.piece.cols)
            self.level = 0
        else:
            self.level += 1
        for slot in slots:
            if slot.anchor and slot.text.strip():
                self.header.cells.append(HeaderCell(slot.first, slot.last, slot.text, self.level))
        self.header.resolved.clear()
        self.header_open = True
        self.carried = False

    def _row_label(self, slots: list[Slot]) -> tuple[Slot | None, Table | None, Row | None]:
        """The slot naming the row (the rightmost that is a leaf row's label), with its table and row."""
        for slot in reversed(slots):
            text = slot.cell.text
            if not text.strip() or (slot.anchor and looks_like_value(text)):
                continue
            found = self.rows.find(text) or self.rows.find_suffix(text)
            if found:
                table, row = found[0]
                return slot, table, row
        return None, None, None

    # ---- the values of a row ----

    def _values(self, slots: list[Slot], label: Slot | None, table: Table, row: Row) -> None:
        where = self.piece.where
        key = (table.key, row.key)
        if key in self.seen_rows:
            if any(s.anchor and s.text.strip() for s in slots if label is None or s.first > label.last):
                self.notes.ignored.append(Note(self.section.heading, row.label, "",
                                               f"在{where}再次出现，采用{self.seen_rows[key]}中的数字"))
            return
        if table.key == "review" and self.header is None:
            return  # 四's numbers without the column labels above them cannot be placed
        self.seen_rows[key] = where
        leaves = table.leaf_columns()
        after = [s for s in slots if label is None or s.first > label.last]
        placed = self._by_header(table, after)
        if placed is not None and self.carried:
            self._say_once(f"{where}没有表头，按上一表格的表头读取（续表）")
        if placed is None:
            placed = self._in_order(table, after)
        for column in leaves:
            ref = CellRef(table.key, row.key, column.key)
            slot = placed.get(column.key) if placed else None
            if slot is None:
                continue
            text = slot.text  # a cell merged down from the row above holds nothing for this row
            self._store(ref, table, row, column, text)

    def _by_header(self, table: Table, after: list[Slot]) -> dict[str, Slot] | None:
        """Cells under their column labels; None when there is no header or the row does not line up."""
        if self.header is None:
            return None
        columns = self._resolve(table)
        if not columns:
            return None
        placed: dict[str, Slot] = {}
        used: set[int] = set()
        for key, head in columns.items():
            slot = next((s for s in after if s.first <= head.first <= s.last), None)
            if slot is None or id(slot.cell) in used:
                return None
            used.add(id(slot.cell))
            placed[key] = slot
        return placed

    def _in_order(self, table: Table, after: list[Slot]) -> dict[str, Slot] | None:
        """No usable header: the row's cells after its label, one per column in the printed order."""
        columns = self._resolve(table) if self.header is not None else {}
        keys = ([k for k, _ in sorted(columns.items(), key=lambda kv: kv[1].first)]
                if len(columns) == len(table.leaf_columns()) else [c.key for c in table.leaf_columns()])
        if len(after) != len(keys):
            heading = self.section.heading
            for column in table.leaf_columns():
                self.notes.not_found.append(Note(heading, "", table.column_label(column.key),
                                                 f"{self.piece.where}中这一行的单元格与表头对不上，未读取"))
            return None
        why = "没有表头" if not columns else "单元格与表头未对齐"
        self._say_once(f"{self.piece.where}{why}，按各列的顺序读取")
        return dict(zip(keys, after))

    def _say_once(self, text: str) -> None:
        if text not in self.noted_order:
            self.noted_order.add(text)
            self.notes.interpreted.append(Note(self.section.heading, "", "", text))

    def _resolve(self, table: Table) -> dict[str, HeaderCell]:
        """Column key → the header cell with its label; repeated labels told apart by the groups above them."""
        header = self.header
        assert header is not None
        if table.key in header.resolved:
            return header.resolved[table.key]
        leaves = table.leaf_columns()
        index = LabelIndex((c.label, c) for c in leaves)
        groups = [h for h in header.cells if not index.find(h.text)]
        out: dict[str, HeaderCell] = {}
        for cell in sorted(header.cells, key=lambda h: (h.first, h.level)):
            candidates = [c for c in index.find(cell.text) if c.key not in out]
            if len(candidates) > 1:
                above = [g for g in groups if g.level < cell.level and g.first <= cell.first and cell.last <= g.last]
                narrowed = [c for c in candidates if all(
                    any(LabelIndex([(p, 0)], numbered=False).find(g.text) for p in table.column_path(c.key))
                    for g in above)]
                candidates = narrowed or candidates
            if candidates:
                out[candidates[0].key] = cell
        header.resolved[table.key] = out
        return out

    def _store(self, ref: CellRef, table: Table, row: Row, column: Column, text: str) -> None:
        label = table.column_label(column.key)
        if cell_kind(table, row, column) is CellKind.TOTAL:
            reading = read_total(text)
            if reading.problem:
                self.notes.not_found.append(Note(self.section.heading, row.label, label, reading.problem))
                return
            self.reading.totals[ref] = reading.value  # type: ignore[assignment]
        else:
            unit = None
            if column.kind is CellKind.MONEY and self.header is not None:
                head = self._resolve(table).get(column.key)
                unit = header_unit(head.text) if head is not None else None
            reading = read_input(text, column, unit)
            if reading.problem:
                self.notes.not_found.append(Note(self.section.heading, row.label, label,
                                                 reading.problem + "，按" + ("空白" if reading.value is None else "0")))
            self.reading.values[ref] = reading.value
        if reading.note:
            self.notes.interpreted.append(Note(self.section.heading, row.label, label, reading.note))

    def _note_ignored(self, texts: list[Slot]) -> None:
        shown = " | ".join(fold(s.text)[:30] for s in texts[:4])
        self.notes.ignored.append(Note(self.section.heading, "", "", f"{self.piece.where}中未识别的行“{shown}”"))

    # ---- after every piece ----

    def finish(self) -> None:
        heading = self.section.heading
        values, totals = self.reading.values, self.reading.totals
        for table in self.tables:
            for row in table.leaf_rows():
                missing = [c for c in table.leaf_columns() if cell_kind(table, row, c) is not CellKind.TOTAL
                           and CellRef(table.key, row.key, c.key) not in values]
                if (table.key, row.key) not in self.seen_rows:
                    what = row.label or "数字"
                    title = f"{table.title} / " if table.title else ""
                    if missing:
                        self.notes.not_found.append(Note(heading, "", "", f"{title}“{what}”行未找到，各格按0（金额为空）"
                                                         if row.label else "表格未找到，各格按0"))
                    continue
                for column in missing:
                    self.notes.not_found.append(Note(heading, row.label, table.column_label(column.key),
                                                     "未找到，按0" if column.kind is not CellKind.MONEY else "未找到，为空"))
        found = sum(1 for ref in values if ref.table in {t.key for t in self.tables})
        printed = sum(1 for ref in totals if ref.table in {t.key for t in self.tables})
        wanted = sum(1 for ref in total_cells(self.fmt) if ref.table in {t.key for t in self.tables})
        if found or printed:
            pieces = self.reading.pieces.get(self.section.key, [])
            self.notes.read.append(f"{heading}：{found}个数字" + (f"、{printed}个总计（共{wanted}个）" if wanted else "")
                                   + f"，来自{'、'.join(dict.fromkeys(pieces))}")


__all__ = ["TableReading", "read_tables"]
