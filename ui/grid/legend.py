"""The legend above a grid: what the cell colours mean (input, computed total, carried from last year, error)."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QPainter, QPolygon
from PySide6.QtWidgets import QSizePolicy, QWidget

from .. import style

# (colour name in ui.style, label, tooltip)
ENTRIES = (
    (None, "可填写", "白色格：在此填写数字（可从 Excel 粘贴）"),
    ("TOTAL_BG", "自动计算", "灰色格：总计，由各分项自动计算，不能填写"),
    ("CARRIED_BG", "上年带入", "浅蓝色格、左上角蓝色小三角：基于上年报告新建时带入的数字，修改后恢复为白色"),
    ("ERROR_CELL_BG", "有错误", "红色格：数字不符合勾稽关系或总计，见下方“检查结果”"),
    ("WARNING_CELL_BG", "有警告", "黄色格：请核对的数字，见下方“检查结果”"),
)
GAP, SWATCH_GAP = 14, 4  # px between entries; between a swatch and its label


class CellLegend(QWidget):
    """A row of small swatches and labels; entries that do not fit the width given are left out."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setToolTip("\n".join(tip for _, _, tip in ENTRIES))

    def _swatch(self) -> int:
        return self.fontMetrics().height() - 4

    def _widths(self) -> list[int]:
        fm, swatch = self.fontMetrics(), self._swatch()
        return [swatch + SWATCH_GAP + fm.horizontalAdvance(label) for _, label, _ in ENTRIES]

    def sizeHint(self) -> QSize:
        widths = self._widths()
        return QSize(sum(widths) + GAP * (len(widths) - 1), self.fontMetrics().height() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._widths()[0], self.fontMetrics().height() + 4)

    def shown_entries(self) -> int:
        """How many entries fit the present width."""
        total, count = 0, 0
        for width in self._widths():
            total += width + (GAP if count else 0)
            if total > self.width():
                break
            count += 1
        return count

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        fm, swatch = self.fontMetrics(), self._swatch()
        x, top = 0, (self.height() - swatch) // 2
        border = QColor("#90a4ae")
        for (colour, label, _), width in zip(ENTRIES[:self.shown_entries()], self._widths()):
            painter.setPen(border)
            painter.setBrush(QColor("#ffffff") if colour is None else getattr(style, colour).color())
            painter.drawRect(x, top, swatch - 1, swatch - 1)
            if colour == "CARRIED_BG":  # the corner mark the grid draws on such a cell
                painter.setPen(QColor(style.CARRIED_MARK))
                painter.setBrush(QColor(style.CARRIED_MARK))
                corner = max(3, swatch // 2)
                painter.drawPolygon(QPolygon([QPoint(x, top), QPoint(x + corner, top), QPoint(x, top + corner)]))
            painter.setPen(self.palette().windowText().color())
            text = QRect(x + swatch + SWATCH_GAP, 0, width - swatch - SWATCH_GAP, self.height())
            painter.drawText(text, 0x0081, label)  # AlignLeft | AlignVCenter, without Qt's namespace
            x += width + GAP
        painter.end()
