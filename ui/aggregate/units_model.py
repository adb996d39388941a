"""The table of files found for a 汇总: unit, file, status, errors, warnings; a checkbox leaves a unit out."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from model.aggregate import ONCE, Choice, Duplicate, choose, find_duplicates, year_conflict
from model.aggregate_inputs import Unreadable, UnitFile, path_key

from .. import style

HEADERS = ("计入", "单位", "文件", "状态", "错误", "警告")
CHECK, UNIT, FILE, STATUS, ERRORS, WARNINGS = range(len(HEADERS))
_Index = QModelIndex | QPersistentModelIndex


class UnitsModel(QAbstractTableModel):
    """Rows: every unit read (checkable), then every file that could not be read (not checkable)."""

    refreshed = Signal()  # duplicates, odd years and the choice looked at again (the rows that changed repainted)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.units: list[UnitFile] = []
        self.unreadable: list[Unreadable] = []
        self.excluded: set[int] = set()
        self.once = False
        self.duplicates: list[Duplicate] = []
        self._dup_of: dict[int, Duplicate] = {}  # unit index → its group, for the units still summed more than once
        self._odd: dict[int, int] = {}  # unit index → the year most reports are of
        self._choice = Choice((), (), ())
        self.recorded: dict[str, str] = {}  # re-making a summary: its files (path key → SHA-256) last time
        self.left_out_before: set[str] = set()  # … and the files the clerk left out last time
        self.changes: dict[int, str] = {}  # unit index → 已修改 / 新增 since the summary re-made
        self._included: set[int] = set()
        self._reasons: dict[int, str] = {}
        self._shown: list[tuple] = []  # each unit row's state as last refreshed (to repaint only the rows that change)
        self._brushes = {"error": QBrush(QColor(style.ERROR_TEXT)), "warning": QBrush(QColor(style.WARNING_TEXT)),
                         "ok": QBrush(QColor(style.DONE_TEXT)), "muted": QBrush(QColor(style.HINT_TEXT)),
                         "dup": style.WARNING_ROW_BG, "bad": style.ERROR_ROW_BG}

    # ---- content ----

    def append(self, units: list[UnitFile], unreadable: list[Unreadable], refresh: bool = True) -> None:
        """Rows for files just read (units go before the unreadable files). Without refresh the new units
        count as included until the next refresh() (which a large batch does now and then, and at the end)."""
        if units:
            at = len(self.units)
            self.beginInsertRows(QModelIndex(), at, at + len(units) - 1)
            self.units.extend(units)
            self.endInsertRows()
            if self.recorded:
                self._compare(at)
            self._included.update(i for i in range(at, len(self.units)) if i not in self.excluded)
        if unreadable:
            at = self.rowCount()
            self.beginInsertRows(QModelIndex(), at, at + len(unreadable) - 1)
            self.unreadable.extend(unreadable)
            self.endInsertRows()
        if refresh:
            self.refresh()

    def remember(self, recorded: dict[str, str], left_out: set[str]) -> None:
        """Re-making a summary: mark files changed or new since, and leave out again what was left out."""
        self.recorded, self.left_out_before = recorded, left_out

    def _compare(self, start: int) -> None:
        for i in range(start, len(self.units)):
            key = path_key(self.units[i].path)
            if key not in self.recorded:
                self.changes[i] = "新增"
            elif self.recorded[key] != self.units[i].sha256:
                self.changes[i] = "已修改"
            if key in self.left_out_before:
                self.excluded.add(i)

    def clear(self) -> None:
        self.beginResetModel()
        self.units, self.unreadable, self.excluded, self.once = [], [], set(), False
        self.recorded, self.left_out_before, self.changes = {}, set(), {}
        self._shown = []
        self.endResetModel()
        self.refresh()

    def refresh(self) -> None:
        """Recompute duplicates, odd years and the choice; repaint the unit rows whose state changed."""
        self.duplicates = find_duplicates(self.units)
        self._choice = choose(self.units, self.duplicates, ONCE if self.once else "", self.excluded)
        self._included, self._reasons = set(self._choice.included), dict(self._choice.left_out)
        # without ONCE the groups summed more than once are the undecided ones; with it there are none
        self._dup_of = {i: d for d in self._choice.undecided for i in d.members if i in self._included}
        conflict = year_conflict(self.units, self._choice.included)
        self._odd = {i: conflict[0] for i in conflict[1]} if conflict else {}
        shown, self._shown = self._shown, [self._state(row) for row in range(len(self.units))]
        changed = [row for row, state in enumerate(self._shown) if row >= len(shown) or shown[row] != state]
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(HEADERS) - 1))
        self.refreshed.emit()

    def _state(self, row: int) -> tuple:
        """What a unit row shows that a refresh can change: tick, lock, status and its colours."""
        return (self._left_out(row), self._summed_once(row), self.status(row), self._tone(row), row in self._odd,
                self._duplicated(row))

    def choice(self) -> Choice:
        return self._choice

    def set_once(self, once: bool) -> None:
        self.once = once
        self.refresh()

    def set_included(self, row: int, included: bool) -> None:
        self.set_rows_included([row], included)

    def set_rows_included(self, rows: list[int], included: bool) -> None:
        for row in rows:
            if row >= len(self.units):
                continue
            if included:
                self.excluded.discard(row)
            else:
                self.excluded.add(row)
        self.refresh()

    def is_file_row(self, row: int) -> bool:
        return row < len(self.units)

    # ---- Qt model ----

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.units) + len(self.unreadable)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)
        return None

    def flags(self, index: _Index):
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == CHECK and index.row() < len(self.units) and not self._summed_once(index.row()):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != CHECK or index.row() >= len(self.units):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        self.set_included(index.row(), checked)
        return True

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        row, col = index.row(), index.column()
        if row >= len(self.units):
            return self._unreadable_data(self.unreadable[row - len(self.units)], col, role)
        unit = self.units[row]
        if role == Qt.ItemDataRole.CheckStateRole and col == CHECK:
            return Qt.CheckState.Unchecked if self._left_out(row) else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.DisplayRole:
            return {UNIT: unit.name, FILE: unit.path.name, STATUS: self.status(row),
                    ERRORS: str(unit.errors), WARNINGS: str(unit.warnings)}.get(col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == FILE:
                return str(unit.path)
            if col == STATUS:
                return self.status_tip(row)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == ERRORS and unit.errors:
                return self._brushes["error"]
            if col == WARNINGS and unit.warnings:
                return self._brushes["warning"]
            if col == STATUS:
                return self._brushes[self._tone(row)]
            return self._brushes["muted"] if self._left_out(row) else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if row in self._odd:
                return self._brushes["bad"]
            if self._duplicated(row):
                return self._brushes["dup"]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (ERRORS, WARNINGS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _unreadable_data(self, entry: Unreadable, col: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return {FILE: entry.path.name, STATUS: f"无法读取：{entry.message}", UNIT: "—"}.get(col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.path}\n{entry.message}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._brushes["error"] if col == STATUS else self._brushes["muted"]
        return None

    # ---- status texts ----

    def _left_out(self, row: int) -> bool:
        return row not in self._included

    def _duplicated(self, row: int) -> bool:
        """A unit still summed together with another that looks like the same unit."""
        return row in self._dup_of

    def _summed_once(self, row: int) -> bool:
        """Left out as the second of a duplicate (以“只计一次”): untick the kept one to keep this one instead."""
        return row in self._reasons and row not in self.excluded

    def _tone(self, row: int) -> str:
        if row in self._odd or self._duplicated(row):
            return "error"
        if self._left_out(row):
            return "muted"
        unit = self.units[row]
        return "error" if unit.errors else ("warning" if unit.warnings else "ok")

    def status(self, row: int) -> str:
        change = self.changes.get(row)
        text = self._status(row)
        return f"{text}（上次汇总后{change}）" if change else text

    def _status(self, row: int) -> str:
        unit = self.units[row]
        if row in self._reasons:
            return "未计入：重复，只计一次" if self._summed_once(row) else "未计入"
        if row in self._odd:
            return f"年度不符：{unit.year}年度（多数为{self._odd[row]}年度）"
        duplicate = self._dup_of.get(row)
        if duplicate is not None:
            return f"可能重复（{'，'.join(duplicate.reasons)}：{_other_rows(duplicate.members, row)}）"
        if unit.sources is not None:
            return f"汇总报告（{len(unit.sources.units)}个单位）"
        if unit.errors:
            return "有错误"
        return "有警告" if unit.warnings else "检查通过"

    def status_tip(self, row: int) -> str:
        unit = self.units[row]
        lines = [self.status(row)]
        if self._summed_once(row):  # the reason names the file kept
            lines += [self._reasons[row], "要改为保留这一份，请取消勾选先读到的那一份。"]
        lines += [f"{f.severity.label}：{f.message}" for f in unit.findings[:12]]
        if len(unit.findings) > 12:
            lines.append(f"……共{len(unit.findings)}条")
        return "\n".join(lines)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


SHOWN_ROWS = 5  # a row's status names this many of its possible duplicates (a folder may hold hundreds)


def _other_rows(members: tuple[int, ...], row: int) -> str:
    """第2行、第3行… of the other members (the first SHOWN_ROWS, then how many in all)."""
    others = [i for i in members[:SHOWN_ROWS + 1] if i != row][:SHOWN_ROWS]
    rows = "、".join(f"第{i + 1}行" for i in others)
    return rows if len(members) - 1 <= SHOWN_ROWS else f"{rows}等{len(members) - 1}行"
