"""The figures of the 汇总 chart: applications received per unit, and the share of each result (予以公开 …)."""
from __future__ import annotations

from .aggregate_inputs import RECEIVED, UnitFile
from .aggregate_record import sources_of
from .formats import format_by_id
from .formats.definition import ReportFormat
from .frozen import frozen
from .lazy_re import LazyPattern
from .report import CellRef, Report, input_cells_of

TABLE, RESULTS = "applications", "results"  # section 三's table and its row group 三、本年度办理结果
_NUMBER = LazyPattern(r"^（[一二三四五六七八九十]+）")


@frozen
class Figures:
    """What the 汇总 chart shows: applications received per unit and the count of each result."""

    year: int
    received: tuple[tuple[str, int], ...]  # (unit, 本年新收 总计), in the order summed
    results: tuple[tuple[str, int], ...]  # (result, count over all units), in printed order, （七）总计 left out

    @property
    def total_received(self) -> int:
        return sum(n for _, n in self.received)

    @property
    def total_results(self) -> int:
        return sum(n for _, n in self.results)


def result_rows(fmt: ReportFormat) -> list[tuple[str, list[str]]]:
    """(short label, leaf row keys) of each result: （一）予以公开 → 予以公开; （二）部分公开（…） → 部分公开."""
    table = fmt.table(TABLE)
    group = next(r for r in table.rows if r.key == RESULTS)
    out = []
    for part in group.children:
        if part.total_of:  # （七）总计
            continue
        label = _NUMBER.sub("", part.label).split("（")[0]
        out.append((label, [leaf.key for leaf in part.leaves()]))
    return out


def _results(fmt: ReportFormat, count) -> tuple[tuple[str, int], ...]:
    return tuple((label, sum(count(CellRef(TABLE, row, RECEIVED.column)) for row in rows))
                 for label, rows in result_rows(fmt))


def figures_of_units(units: list[UnitFile]) -> Figures:
    """From units read in a batch (all of one year and format)."""
    fmt = format_by_id(units[0].format_id)
    index = {ref: i for i, (ref, _) in enumerate(input_cells_of(fmt))}
    columns = [c.key for c in fmt.table(TABLE).leaf_columns() if not c.total_of]

    def count(ref: CellRef) -> int:
        cells = [index[CellRef(ref.table, ref.row, c)] for c in columns]
        return sum(u.values[i] for u in units for i in cells)  # type: ignore[misc]

    return Figures(units[0].year, tuple((u.name, u.received) for u in units), _results(fmt, count))


def figures_of_summary(report: Report) -> Figures | None:
    """From a summary draft: units as recorded in its sources, results from its own (summed) numbers."""
    sources = sources_of(report)
    if sources is None:
        return None
    received = tuple((u.name, u.received) for u in sources.units)
    return Figures(report.year, received, _results(report.format, report.count))
