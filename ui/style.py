"""Colours and fonts shared by the grids and panels (chosen for contrast on white and for colour-blind readers)."""
from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

HEADER_BG = QBrush(QColor("#dfe6ee"))  # official header cells and block titles
TOTAL_BG = QBrush(QColor("#eceff1"))  # computed totals (read-only)
ERROR_ROW_BG = QBrush(QColor("#f9d3d3"))  # a row concerned by an error
ERROR_CELL_BG = QBrush(QColor("#ef9a9a"))  # a cell concerned by an error
WARNING_ROW_BG = QBrush(QColor("#fff4cc"))
WARNING_CELL_BG = QBrush(QColor("#ffe08a"))
TEXT_FG = QBrush(QColor("#1a1a1a"))
TOTAL_FG = QBrush(QColor("#17375e"))
ERROR_TEXT = "#b71c1c"
WARNING_TEXT = "#8a5a00"
HINT_TEXT = "#455a64"
