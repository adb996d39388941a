"""Colours and fonts shared by the grids and panels (chosen for contrast on white and for colour-blind readers)."""
from __future__ import annotations

# brushes for the grid cells, made on first use (see __getattr__): the first window shows no grid
_BRUSH_COLOURS = {
    "HEADER_BG": "#dfe6ee",  # official header cells and block titles
    "TOTAL_BG": "#eceff1",  # computed totals (read-only)
    "CARRIED_BG": "#e3f0e3",  # numbers carried from last year's report (issue 12 marks such cells)
    "ERROR_ROW_BG": "#f9d3d3",  # a row concerned by an error
    "ERROR_CELL_BG": "#ef9a9a",  # a cell concerned by an error
    "WARNING_ROW_BG": "#fff4cc",
    "WARNING_CELL_BG": "#ffe08a",
    "TEXT_FG": "#1a1a1a",
    "TOTAL_FG": "#17375e",
}
ERROR_TEXT = "#b71c1c"
WARNING_TEXT = "#8a5a00"
HINT_TEXT = "#455a64"


def tint(widget, colour: str | None, bold: bool = False) -> None:
    """Text colour (None: the usual one) and weight of a label or button, through its palette and font: a
    style sheet would do the same at a start-up cost (Qt's style-sheet machinery)."""
    from PySide6.QtGui import QColor, QFont, QPalette
    from PySide6.QtWidgets import QApplication

    palette = widget.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(role, QColor(colour) if colour else QApplication.palette().color(role))
    widget.setPalette(palette)
    if widget.font().bold() != bold:
        font = QFont()  # only the weight is set: size and family still follow the parent (zoom)
        font.setBold(bold)
        widget.setFont(font)


def __getattr__(name: str):
    """style.HEADER_BG and the other brushes: a QBrush made once, when first asked for."""
    if name not in _BRUSH_COLOURS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from PySide6.QtGui import QBrush, QColor

    brush = globals()[name] = QBrush(QColor(_BRUSH_COLOURS[name]))
    return brush
