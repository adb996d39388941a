"""打印预览: the exact pages of the PDF export, with zoom, page navigation and a 打印 button."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QToolButton, QVBoxLayout, QWidget,
)

from ..screen_fit import fit_dialog
from .printing import PdfPages

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
PREFERRED_SIZE = (900, 1000)  # a page's width at a readable size; made smaller to fit the screen


class PrintPreviewDialog(QDialog):
    """Shows PdfPages; on_print is called when the clerk presses 打印."""

    def __init__(self, pages: PdfPages, title: str, on_print: Callable[[], None] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"打印预览 — {title}")
        self.pages = pages
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(pages.document)
        self.view.setPageSpacing(16)

        self.page_box = QSpinBox(self)
        self.page_box.setRange(1, max(1, pages.page_count()))
        self.page_box.setAccessibleName("页码")
        self.page_box.valueChanged.connect(lambda n: self.go_to(n - 1))
        self.view.pageNavigator().currentPageChanged.connect(self._page_shown)
        self.zoom_label = QLabel(self)
        bar = QHBoxLayout()
        for text, tip, slot in (("上一页", "PgUp", self.previous_page), ("下一页", "PgDown", self.next_page)):
            bar.addWidget(self._button(text, tip, slot))
        bar.addWidget(QLabel("第", self))
        bar.addWidget(self.page_box)
        bar.addWidget(QLabel(f"页 / 共 {pages.page_count()} 页", self))
        bar.addSpacing(24)
        for text, tip, slot in (("缩小", "Ctrl+-", self.zoom_out), ("放大", "Ctrl+=", self.zoom_in),
                                ("适合宽度", "", self.fit_width), ("整页", "", self.fit_page)):
            bar.addWidget(self._button(text, tip, slot))
        bar.addWidget(self.zoom_label)
        bar.addStretch(1)
        self.print_button = QPushButton("打印…", self)
        self.print_button.setEnabled(on_print is not None)
        if on_print is not None:
            self.print_button.clicked.connect(on_print)
        bar.addWidget(self.print_button)
        close = QPushButton("关闭", self)
        close.clicked.connect(self.reject)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in), ("Ctrl+=", self.zoom_in),
                           (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
                           ("PgDown", self.next_page), ("PgUp", self.previous_page)):
            QShortcut(QKeySequence(keys), self, slot)
        fit_dialog(self, *PREFERRED_SIZE)
        self._update_zoom_label()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        if tip:
            button.setToolTip(f"{text}（{tip}）")
        button.clicked.connect(slot)
        return button

    # ---- navigation ----

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, index: int) -> None:
        index = max(0, min(index, self.pages.page_count() - 1))
        if index != self.current_page():
            self.view.pageNavigator().jump(index, QPointF(), self.view.pageNavigator().currentZoom())

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    def _page_shown(self, index: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)

    # ---- zoom ----

    def zoom(self) -> float:
        return self.view.zoomFactor()

    def zoom_in(self) -> None:
        self._set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom() + 1e-3), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self._set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom() - 1e-3), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_zoom_label()

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_zoom_label()

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._update_zoom_label()

    def _update_zoom_label(self) -> None:
        mode = self.view.zoomMode()
        if mode is QPdfView.ZoomMode.Custom:
            self.zoom_label.setText(f"{round(self.zoom() * 100)}%")
        else:
            self.zoom_label.setText("适合宽度" if mode is QPdfView.ZoomMode.FitToWidth else "整页")
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
