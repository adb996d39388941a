"""Grid cell painting for last year's report: its figure as a faint second line (视图 ▸ 显示上年数), the carried mark."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette, QPolygon
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .. import style
from .model import CARRIED_ROLE, LAST_YEAR_ROLE

NOTE_SCALE = 0.85  # the second line's font, relative to the cell's
PADDING = 4
MARK_SIZE = 7  # px: the blue corner triangle of a carried cell


def note_font(font: QFont) -> QFont:
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(font.pointSizeF() * NOTE_SCALE)
    else:
        small.setPixelSize(max(6, round(font.pixelSize() * NOTE_SCALE)))
    return small


class LastYearDelegate(QStyledItemDelegate):
    """A cell with a last-year figure shows its number on the upper line and 上年 N below, when shown."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.show_last_year = False

    def note_height(self, font: QFont) -> int:
        return QFontMetrics(note_font(font)).height()

    def paint(self, painter, option, index) -> None:
        note = index.data(LAST_YEAR_ROLE) if self.show_last_year else None
        if note:
            self._paint_two_lines(painter, option, index, note)
        else:
            super().paint(painter, option, index)
        if index.data(CARRIED_ROLE):  # seen whatever the background (a carried cell may be in a finding)
            r = option.rect
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.CARRIED_MARK))
            painter.drawPolygon(QPolygon([r.topLeft(), r.topLeft() + QPoint(MARK_SIZE, 0),
                                          r.topLeft() + QPoint(0, MARK_SIZE)]))
            painter.restore()

    def _paint_two_lines(self, painter, option, index, note: str) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        (widget.style() if widget else QApplication.style()).drawControl(
            QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)  # background, selection, focus
        small = note_font(opt.font)
        below = QFontMetrics(small).height()
        rect = opt.rect.adjusted(PADDING, 2, -PADDING - 1, -3)
        upper = QRect(rect.left(), rect.top(), rect.width(), rect.height() - below)
        lower = QRect(rect.left(), rect.bottom() - below + 1, rect.width(), below)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        ink = opt.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(ink)
        painter.drawText(upper, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
        painter.setFont(small)
        painter.setPen(ink if selected else QColor(style.LAST_YEAR_TEXT))
        painter.drawText(lower, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), note)
        painter.restore()
