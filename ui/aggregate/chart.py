"""The 汇总 chart, painted with QPainter: applications received per unit (bars) and the share of each result
(a ring with its legend); shown in a dialog and saved as PNG for the office's own report."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSettings, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from model.aggregate_figures import Figures

from .. import settings as cfg
from .. import style
from ..file_dialogs import name_to_save, with_suffix
from ..screen_fit import fit_dialog

# colour-blind-safe palette (Okabe–Ito), one colour per result in printed order
PALETTE = ("#0072B2", "#56B4E9", "#D55E00", "#E69F00", "#CC79A7", "#009E73", "#999999")
BAR = QColor("#0072B2")
TEXT, MUTED, GRID = QColor("#1a1a1a"), QColor("#546e7a"), QColor("#dfe3e8")
MAX_BARS = 30  # more units than this: the smallest are summed up in one line 其余N个单位 (no bar)
PNG_SIZE = (1600, 1000)


def bar_lengths(figures: Figures, limit: int = MAX_BARS) -> list[tuple[str, int, float | None]]:
    """(label, count, length as a share of the plot's width) per line: units by applications received, most
    first, scaled to the largest; beyond limit the rest as one line 其余N个单位 (its total) with no length
    (None): as a bar, the sum of 170 units would squash every unit's bar."""
    ranked = sorted(figures.received, key=lambda item: -item[1])
    units, rest = (ranked, []) if len(ranked) <= limit else (ranked[: limit - 1], ranked[limit - 1:])
    most = max((n for _, n in units), default=0) or 1
    lines: list[tuple[str, int, float | None]] = [(name, n, n / most) for name, n in units]
    if rest:
        lines.append((f"其余{len(rest)}个单位", sum(n for _, n in rest), None))
    return lines


def paint_chart(painter: QPainter, rect: QRectF, figures: Figures, font: QFont) -> None:
    """Draw the whole chart into rect (the window and the PNG share this)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, QColor("white"))
    unit = max(8.0, min(rect.width() / 90, rect.height() / 48))  # a text size that scales with the picture
    title_font = QFont(font)
    title_font.setPixelSize(round(unit * 1.5))
    title_font.setBold(True)
    painter.setFont(title_font)
    painter.setPen(TEXT)
    title = f"{figures.year}年度政府信息公开申请情况（{len(figures.received)}个单位）"
    title_h = QFontMetricsF(title_font).height() * 1.6
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_h), Qt.AlignmentFlag.AlignCenter, title)
    body = QRectF(rect.left() + unit, rect.top() + title_h, rect.width() - 2 * unit, rect.height() - title_h - unit)
    split = body.left() + body.width() * 0.58
    text_font = QFont(font)
    text_font.setPixelSize(round(unit))
    _paint_bars(painter, QRectF(body.left(), body.top(), split - body.left() - unit, body.height()),
                figures, text_font, unit)
    _paint_ring(painter, QRectF(split + unit, body.top(), body.right() - split - unit, body.height()),
                figures, text_font, unit)
    painter.restore()


def _heading(painter: QPainter, rect: QRectF, text: str, font: QFont, unit: float) -> QRectF:
    bold = QFont(font)
    bold.setBold(True)
    bold.setPixelSize(round(unit * 1.15))
    painter.setFont(bold)
    painter.setPen(TEXT)
    height = QFontMetricsF(bold).height() * 1.5
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), height),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
    return QRectF(rect.left(), rect.top() + height, rect.width(), rect.height() - height)


def _paint_bars(painter: QPainter, rect: QRectF, figures: Figures, font: QFont, unit: float) -> None:
    area = _heading(painter, rect, f"各单位本年新收申请数量（合计 {figures.total_received:,} 件）", font, unit)
    items = bar_lengths(figures)
    if not items:
        return
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    label_w = min(area.width() * 0.42, max(metrics.horizontalAdvance(name) for name, _, _ in items) + unit)
    value_w = metrics.horizontalAdvance(f"{max(n for _, n, share in items if share is not None):,}") + unit
    row_h = min(area.height() / len(items), unit * 2.2)
    top = area.top()
    plot_left, plot_w = area.left() + label_w, max(area.width() - label_w - value_w, unit)
    painter.setPen(QPen(GRID, 1))
    for step in range(1, 5):  # light grid lines at quarters of the longest bar
        x = plot_left + plot_w * step / 4
        painter.drawLine(QPointF(x, top), QPointF(x, top + row_h * len(items)))
    bar_font = QFont(font)
    if row_h < metrics.height() * 1.05:
        bar_font.setPixelSize(max(6, round(row_h / 1.3)))
    painter.setFont(bar_font)
    for i, (name, n, share) in enumerate(items):
        y = top + i * row_h
        painter.setPen(TEXT if share is not None else MUTED)
        painter.drawText(QRectF(area.left(), y, label_w - unit * 0.5, row_h),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetricsF(bar_font).elidedText(name, Qt.TextElideMode.ElideMiddle, label_w - unit * 0.5))
        if share is None:  # 其余N个单位: their total and average, in words
            count = len(figures.received) - (len(items) - 1)
            painter.drawText(QRectF(plot_left, y, plot_w + value_w, row_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"合计 {n:,} 件，平均每个单位 {n / count:,.0f} 件")
            continue
        width = plot_w * share
        painter.fillRect(QRectF(plot_left, y + row_h * 0.15, width, row_h * 0.7), BAR)
        painter.drawText(QRectF(plot_left + width + unit * 0.3, y, value_w, row_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{n:,}")


def _paint_ring(painter: QPainter, rect: QRectF, figures: Figures, font: QFont, unit: float) -> None:
    total = figures.total_results
    area = _heading(painter, rect, f"办理结果构成（共 {total:,} 件）", font, unit)
    metrics = QFontMetricsF(font)
    legend_h = len(figures.results) * metrics.height() * 1.5
    side = max(min(area.width(), area.height() - legend_h - unit) * 0.9, unit * 4)
    circle = QRectF(area.left() + (area.width() - side) / 2, area.top(), side, side)
    if total:
        start = 90 * 16
        for i, (_, n) in enumerate(figures.results):
            span = -round(360 * 16 * n / total)
            painter.setPen(QPen(QColor("white"), 2))
            painter.setBrush(QColor(PALETTE[i % len(PALETTE)]))
            painter.drawPie(circle, start, span)
            start += span
    else:
        painter.setPen(QPen(GRID, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle)
    hole = circle.adjusted(side * 0.28, side * 0.28, -side * 0.28, -side * 0.28)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    painter.drawEllipse(hole)
    painter.setPen(TEXT)
    painter.setFont(font)
    painter.drawText(hole, Qt.AlignmentFlag.AlignCenter, f"{total:,}\n件" if total else "无申请")
    y = circle.bottom() + unit
    for i, (label, n) in enumerate(figures.results):
        share = f"{n / total:.1%}" if total else "—"
        swatch = QRectF(area.left(), y + metrics.height() * 0.2, metrics.height() * 0.8, metrics.height() * 0.8)
        painter.fillRect(swatch, QColor(PALETTE[i % len(PALETTE)]))
        painter.setPen(TEXT)
        painter.drawText(QRectF(swatch.right() + unit * 0.5, y, area.width(), metrics.height() * 1.2),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{label}  {n:,} 件  {share}")
        y += metrics.height() * 1.5


class ChartWidget(QWidget):
    """The chart of figures, painted to fit the widget; image() and png_bytes() paint it at PNG_SIZE."""

    def __init__(self, figures: Figures, parent=None) -> None:
        super().__init__(parent)
        self.figures = figures
        self.setMinimumSize(640, 400)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        paint_chart(painter, QRectF(self.rect()), self.figures, self.font())
        painter.end()

    def image(self, width: int = PNG_SIZE[0], height: int = PNG_SIZE[1]) -> QImage:
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        paint_chart(painter, QRectF(0, 0, width, height), self.figures, self.font())
        painter.end()
        return image

    def png_bytes(self) -> bytes:
        from model.version import APP_NAME, VERSION

        image = self.image()
        image.setText("Title", f"{self.figures.year}年度政府信息公开申请情况")
        image.setText("Software", f"{APP_NAME} {VERSION}")  # the version that made it (PNG text chunks)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())


class ChartDialog(QDialog):
    """The chart, and 导出 PNG… to save it (in the folder last used)."""

    def __init__(self, figures: Figures, settings: QSettings, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("汇总图表")
        self.settings = settings
        self.chart = ChartWidget(figures, self)
        note = QLabel(f"可导出为 PNG 图片（{PNG_SIZE[0]}×{PNG_SIZE[1]}），插入汇总报告。", self)
        note.setStyleSheet(f"color: {style.HINT_TEXT};")
        self.save_button = QPushButton("导出 PNG…", self)
        self.save_button.clicked.connect(lambda: self.export_png())
        close = QPushButton("关闭", self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(note, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart, 1)
        layout.addLayout(buttons)
        fit_dialog(self, 1000, 640)

    def export_png(self, path: str | Path | None = None) -> bool:
        path = (with_suffix(path, ".png") if path
                else name_to_save(self, "导出图表", self.settings, f"{self.chart.figures.year}年度汇总图表", ".png"))
        if path is None:
            return False
        from model.atomic import atomic_write
        from model.errors import ReportError

        try:
            atomic_write(path, self.chart.png_bytes())
        except ReportError as exc:
            from ..dialogs import fail

            fail(self, "导出失败", exc.message)
            return False
        cfg.remember_folder(self.settings, path)
        return True
