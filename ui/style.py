"""Colours shared by the grids, panels and dialogs (chosen for contrast on white and for colour-blind readers)."""
from __future__ import annotations

# brushes for the grid cells, made on first use (see __getattr__): the first window shows no grid
BRUSH_COLOURS = {
    "HEADER_BG": "#dfe6ee",  # official header cells and block titles
    "TOTAL_BG": "#eceff1",  # computed totals (read-only)
    "ERROR_ROW_BG": "#f9d3d3",  # a row concerned by an error
    "ERROR_CELL_BG": "#ef9a9a",  # a cell concerned by an error
    "WARNING_ROW_BG": "#fff4cc",
    "WARNING_CELL_BG": "#ffe08a",
    "CARRIED_BG": "#dcecfa",  # a cell 基于上年报告 filled, until edited
    "TEXT_FG": "#1a1a1a",
    "TOTAL_FG": "#17375e",
}
ERROR_TEXT = "#b71c1c"
WARNING_TEXT = "#8a5a00"
HINT_TEXT = "#455a64"
DONE_TEXT = "#1b5e20"  # all is well: checks passed, nothing left to do
CARRIED_MARK = "#1565c0"  # the corner triangle of a carried cell
LAST_YEAR_TEXT = "#5f7381"  # last year's figure, the faint second line of a grid cell
EXPLAINED_TEXT = "#8a8f94"  # a warning the clerk has explained (已说明), greyed in the 检查结果 panel
PANEL_TEXT = "#1a1a1a"


def __getattr__(name: str):
    """style.HEADER_BG and the other brushes: a QBrush made once, when first asked for."""
    if name not in BRUSH_COLOURS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from PySide6.QtGui import QBrush, QColor

    brush = globals()[name] = QBrush(QColor(BRUSH_COLOURS[name]))
    return brush
