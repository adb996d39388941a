"""One table section of a report as a Qt table model, laid out from the printed grid (model.grid)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from model.cells import CellValue, Money, display_text, parse_cell_text
from model.errors import InputError
from model.formats.definition import CellKind, TableSection
from model.grid import GridCell, Role, section_grid
from model.report import CellRef
from model.rules import Finding, Severity

from .. import style
from .highlights import Highlights

CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # the GridCell anchored at an index
LAST_YEAR_ROLE = Qt.ItemDataRole.UserRole + 2  # last year's figure for the cell ("上年 5"), or None
CARRIED_ROLE = Qt.ItemDataRole.UserRole + 3  # True for a cell 基于上年报告 filled, until edited
_HEADER_ROLES = (Role.TITLE, Role.CORNER, Role.HEADER)
_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_R = Qt.ItemDataRole
# the roles data() answers; a delegate also asks for others (decoration, check state) on every paint
_ROLES = frozenset(int(r) for r in (_R.DisplayRole, _R.EditRole, CELL_ROLE, _R.TextAlignmentRole, _R.BackgroundRole,
                                    _R.ForegroundRole, _R.FontRole, _R.ToolTipRole, LAST_YEAR_ROLE,
                                    CARRIED_ROLE))


class GridModel(QAbstractTableModel):
    """Read-through adapter: values come from the Report; edits go to the session as undo commands."""

    rejected = Signal(str)  # a refused input, with the reason, for the status bar
    last_year_changed = Signal()  # the cells with a last-year figure changed (the view refits its rows)

    def __init__(self, session, section: TableSection, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.report = session.report
        self.section = section
        self.grid = section_grid(section)
        self.tables = {t.key: t for t in section.tables}
        self._row_of = {(c.ref.table, c.ref.row): c.row for c in self.grid.value_cells()}
        self._anchored = {(c.row, c.col): c for c in self.grid.cells}
        self._dependents = _total_dependents(self.grid, self.report)
        self.highlights = Highlights(session.findings, set(self.tables))
        self._bold = QFont()
        self._bold.setBold(True)
        self.last_year = self._counterparts()
        session.changed.connect(self._on_change)
        session.findings_changed.connect(self.set_findings)
        session.marks_changed.connect(self._marks_changed)

    # ---- shape ----

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.grid.rows

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.grid.cols

    def cell(self, index: QModelIndex | QPersistentModelIndex) -> GridCell | None:
        """The grid cell anchored at index (None where a span covers it or nothing is)."""
        return self._anchored.get((index.row(), index.column()))  # an invalid index has row -1

    def index_of(self, ref: CellRef) -> QModelIndex:
        cell = self.grid.cell_of(ref)
        return self.index(cell.row, cell.col)

    def is_editable(self, cell: GridCell | None) -> bool:
        return cell is not None and cell.role is Role.VALUE and cell.kind in (
            CellKind.COUNT, CellKind.SIGNED, CellKind.MONEY)

    def flags(self, index):
        cell = self.cell(index)
        if cell is None or cell.role is not Role.VALUE:
            return Qt.ItemFlag.ItemIsEnabled if index.isValid() else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(cell):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # ---- data ----

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES:
            return None
        cell = self.cell(index)
        if cell is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.text(cell)
        if role == CELL_ROLE:
            return cell
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if cell.role is Role.VALUE:
                return _ALIGN_RIGHT
            if cell.role is Role.LABEL:  # a group label stays in view at the top of its rows
                return _ALIGN_TOP_LEFT if cell.rowspan > 3 else _ALIGN_LEFT
            return _ALIGN_CENTER
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(cell)
        if role == Qt.ItemDataRole.ForegroundRole:
            return style.TOTAL_FG if cell.kind is CellKind.TOTAL else style.TEXT_FG
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if cell.kind is CellKind.TOTAL or cell.role is Role.TITLE else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell)
        if role == CARRIED_ROLE:
            return cell.ref is not None and cell.ref in self.session.carried
        if role == LAST_YEAR_ROLE:
            part = self.last_year.get(cell.ref) if cell.ref is not None else None
            return f"上年 {part.value}" if part is not None else None
        return None

    def text(self, cell: GridCell) -> str:
        if cell.role is not Role.VALUE:
            return cell.text
        if cell.kind is CellKind.BLANK:
            return ""
        return display_text(self.report.value(cell.ref), cell.column)

    def _row_key(self, cell: GridCell):
        if cell.ref is not None:
            return (cell.ref.table, cell.ref.row)
        if cell.role is Role.LABEL and cell.rowspan == 1:
            value = self.grid.at(cell.row, self.grid.cols - 1)
            if value is not None and value.ref is not None:
                return (value.ref.table, value.ref.row)
        return None

    def _background(self, cell: GridCell):
        if cell.role in _HEADER_ROLES:
            return style.HEADER_BG
        key = self._row_key(cell)
        hl = self.highlights
        cell_sev = hl.cell_severity.get(cell.ref) if cell.ref is not None else None
        if cell_sev is Severity.ERROR:
            return style.ERROR_CELL_BG
        row_sev = hl.row_severity.get(key) if key else None
        if row_sev is Severity.ERROR:
            return style.ERROR_ROW_BG
        if cell_sev is Severity.WARNING:
            return style.WARNING_CELL_BG
        if row_sev is Severity.WARNING:
            return style.WARNING_ROW_BG
        if cell.ref is not None and cell.ref in self.session.carried:
            return style.CARRIED_BG
        return style.TOTAL_BG if cell.kind is CellKind.TOTAL else None

    def _tooltip(self, cell: GridCell):
        lines = []
        if cell.kind is CellKind.TOTAL:
            lines.append("总计：由各分项自动计算，不能填写")
        elif cell.kind is CellKind.MONEY and len(cell.column.units) > 1:
            lines.append("金额：可输入“251000元”或“25.1万元”，也可右键选择单位")
        part = self.last_year.get(cell.ref) if cell.ref is not None else None
        if part is not None:
            lines.append(f"上年数 {part.value}：{part.note}（{self.report.last_year.describe()}）")
        if cell.ref is not None and cell.ref in self.session.carried:
            lines.append("此数从上年报告带入（修改后不再标出）")
        key = self._row_key(cell)
        if key:
            lines += self.highlights.row_messages.get(key, [])
        if cell.role in (Role.LABEL, Role.HEADER) and cell.key:
            return label_tooltip(self.report.format.id, self.section, cell, lines)
        if cell.role in (Role.LABEL, Role.CORNER, Role.HEADER) and not lines:
            lines.append(cell.text)
        return "\n".join(lines) or None

    # ---- editing ----

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        cell = self.cell(index)
        if role != Qt.ItemDataRole.EditRole or not self.is_editable(cell):
            return False
        try:
            parsed = self.parse(cell, "" if value is None else str(value))
        except InputError as exc:
            self.rejected.emit(f"{self.place(cell)}：{exc.message}，未填入")
            return False
        self.session.set_cells([(cell.ref, parsed)], f"填写 {self.place(cell)}")
        return True

    def parse(self, cell: GridCell, text: str) -> CellValue:
        current = self.report.value(cell.ref)
        unit = current.unit if isinstance(current, Money) else None
        return parse_cell_text(text, cell.column, unit)

    def place(self, cell: GridCell) -> str:
        """The cell named as a clerk reads it: row label / column label."""
        table = self.tables[cell.ref.table]
        parts = [table.row(cell.ref.row).label, table.column_label(cell.ref.column)]
        return "／".join(p for p in parts if p)

    def cleared(self, cell: GridCell) -> CellValue:
        return None if cell.kind is CellKind.MONEY else 0

    # ---- change notifications (thin: only the cells that changed) ----

    def _counterparts(self) -> dict:
        from model.last_year import counterparts
        from model.rules import last_year_for

        last = last_year_for(self.report)  # None when not linked, or linked before the year was changed
        if last is None:
            return {}

        return {ref: part for ref, part in counterparts(self.report.format, last).items() if ref.table in self.tables}

    def _last_year_linked(self) -> None:
        old, self.last_year = self.last_year, self._counterparts()
        for ref in set(old) | set(self.last_year):
            if old.get(ref) != self.last_year.get(ref):
                index = self.index_of(ref)
                self.dataChanged.emit(index, index, [LAST_YEAR_ROLE, Qt.ItemDataRole.ToolTipRole])
        self.last_year_changed.emit()

    def _marks_changed(self, refs) -> None:
        for ref in refs:
            if ref.table in self.tables:
                index = self.index_of(ref)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.BackgroundRole, CARRIED_ROLE])

    def last_year_rows(self) -> set[int]:
        """The grid rows holding a cell with last year's figure (they need room for a second line)."""
        return {self.grid.cell_of(ref).row for ref in self.last_year}

    def _on_change(self, what) -> None:
        if what == "last_year":
            self._last_year_linked()
            return
        if not isinstance(what, CellRef) or what.table not in self.tables:
            return
        anchor = self.grid.cell_of(what)
        for row, col in [(anchor.row, anchor.col)] + self._dependents.get(what, []):
            index = self.index(row, col)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])

    def set_findings(self, findings: list[Finding]) -> None:
        new = Highlights(findings, set(self.tables))
        old, self.highlights = self.highlights, new
        keys = set(old.row_severity) | set(new.row_severity)
        for key in keys:
            if old.row_state(key) != new.row_state(key) and key in self._row_of:
                row = self._row_of[key]
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.grid.cols - 1),
                                      [Qt.ItemDataRole.BackgroundRole])


def label_tooltip(format_id: str, section: TableSection, cell: GridCell, findings: list[str]) -> str:
    """A row or column label's tooltip: the findings on its row, the label, and the official explanation."""
    from html import escape

    from model.formats.help_texts import TIP, label_help

    table = next(t for t in section.tables if t.key == cell.table)
    entries = label_help(format_id, section.key, table, cell.key, cell.role is Role.HEADER)
    parts = [f"<p style='color:{style.ERROR_TEXT}'>{escape(line)}</p>" for line in findings]
    parts.append(f"<p><b>{escape(cell.text)}</b></p>")
    for source, text in entries:
        quoted = f"{escape(TIP)}：{escape(text)}" if source == TIP else f"{escape(source)}：“{escape(text)}”"
        parts.append(f"<p>{quoted}</p>")
    return "<qt>" + "".join(parts) + "</qt>"


def _total_dependents(grid, report) -> dict[CellRef, list[tuple[int, int]]]:
    """For each input cell, the grid positions of the total cells computed from it."""
    inputs: dict[CellRef, set[CellRef]] = {}

    def parts(ref: CellRef) -> set[CellRef]:
        if report.kind(ref) is not CellKind.TOTAL:
            return {ref}
        if ref not in inputs:
            table = report.table(ref.table)
            column, row = table.column(ref.column), table.row(ref.row)
            if column.total_of:
                keys = [CellRef(ref.table, ref.row, k) for k in column.total_of]
            else:
                keys = [CellRef(ref.table, k, ref.column) for k in row.total_of]
            inputs[ref] = set().union(*(parts(k) for k in keys)) if keys else set()
        return inputs[ref]

    dependents: dict[CellRef, list[tuple[int, int]]] = {}
    for cell in grid.value_cells():
        if cell.kind is CellKind.TOTAL:
            for part in parts(cell.ref):
                dependents.setdefault(part, []).append((cell.row, cell.col))
    return dependents
