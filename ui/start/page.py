"""The start page: 新建 (unit, year), 打开, 最近打开; other features add a button with add_action()."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QVBoxLayout, QWidget,
)

from model.report import MAX_UNIT_NAME

from .. import style
from ..pages.header import format_text, year_choices

TITLE = "政府信息公开工作年度报告 填报助手"
INTRO = ("按国务院办公厅规定的格式填写本单位的年度报告：三部分文字、三张数字表格。"
         "填写时自动核对表格的勾稽关系和总计，可保存草稿、打印，并导出 Word 或 PDF。")
STEPS = ("1. 新建报告（填写单位名称，选择报告年度），或打开保存过的草稿；\n"
         "2. 依次填写“基本信息”和一至六部分：数字可直接输入，也可从 Excel 复制粘贴；\n"
         "3. 看窗口下方的“检查结果”：双击一条即转到要改的格，状态栏的“下一步”也会带您过去；\n"
         "4. 随时保存（Ctrl+S）；完成后打印（Ctrl+P）或导出 Word、PDF。")
MAX_WIDTH = 1100  # px: on a wide screen the page stays readable in the middle


class StartPage(QWidget):
    """Signals the window acts on: create(unit, year), open_file(), open_recent(path)."""

    create = Signal(str, int)
    open_file = Signal()
    open_recent = Signal(object)

    def __init__(self, default_unit: str, default_year: int, parent=None) -> None:
        super().__init__(parent)
        title = QLabel(TITLE, self)
        title.setObjectName("heading")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(INTRO, self)
        intro.setWordWrap(True)
        intro.setStyleSheet(f"color: {style.HINT_TEXT};")

        new_box = QGroupBox("新建报告", self)
        self.unit = QLineEdit(default_unit, new_box)
        self.unit.setMaxLength(MAX_UNIT_NAME)
        self.unit.setPlaceholderText("如：某某镇人民政府")
        self.year = QComboBox(new_box)
        self.years = year_choices(default_year)
        self.year.addItems([f"{y}年" for y in self.years])
        self.year.setCurrentIndex(self.years.index(default_year))
        self.format_label = QLabel(new_box)
        self.format_label.setWordWrap(True)
        self.new_button = QPushButton("新建", new_box)
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(self._create)
        self.unit.returnPressed.connect(self._create)
        form = QFormLayout(new_box)
        form.addRow("填报单位：", self.unit)
        form.addRow("报告年度：", self.year)
        form.addRow("适用格式：", self.format_label)
        form.addRow("", self.new_button)
        self.unit.setToolTip("填报单位的全称，如“某某镇人民政府”（印在报告标题中）")
        self.new_button.setToolTip("先填写填报单位")

        steps_box = QGroupBox("怎样填报", self)
        steps = QLabel(STEPS, steps_box)
        steps.setWordWrap(True)
        QVBoxLayout(steps_box).addWidget(steps)

        open_box = QGroupBox("打开已有的报告", self)
        self.buttons = QVBoxLayout()
        self.add_action("打开草稿…", self.open_file.emit, "打开保存过的草稿（.gkbg.json）")
        self.recent = QListWidget(open_box)
        self.recent.itemActivated.connect(self._recent_chosen)
        recent_label = QLabel("最近打开（双击打开）：", open_box)
        recent_label.setBuddy(self.recent)
        column = QVBoxLayout(open_box)
        column.addLayout(self.buttons)
        column.addWidget(recent_label)
        column.addWidget(self.recent, 1)

        content = QWidget(self)
        content.setMaximumWidth(MAX_WIDTH)
        grid = QGridLayout(content)
        grid.setContentsMargins(24, 16, 24, 16)
        grid.setHorizontalSpacing(24)
        grid.addWidget(title, 0, 0, 1, 2)
        grid.addWidget(intro, 1, 0, 1, 2)
        grid.addWidget(new_box, 2, 0)
        grid.addWidget(steps_box, 3, 0)
        grid.addWidget(open_box, 2, 1, 3, 1)
        grid.setRowStretch(4, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(1)
        outer.addWidget(content, 20)
        outer.addStretch(1)
        self.unit.textChanged.connect(self._update)
        self.year.currentIndexChanged.connect(self._update)
        self._update()

    def add_action(self, text: str, slot, tooltip: str = "") -> QPushButton:
        """One more way to start (打开草稿…, 基于上年报告…, 导入 Word/PDF…): a button in the right column."""
        button = QPushButton(text, self)
        if tooltip:
            button.setToolTip(tooltip)
        button.clicked.connect(lambda _=False: slot())
        self.buttons.addWidget(button)
        return button

    def show_recent(self, files: list[Path]) -> None:
        self.recent.clear()
        for path in files:
            missing = not path.exists()
            item = QListWidgetItem(f"{path.name}{'（文件已不存在）' if missing else ''}\n    {path.parent}", self.recent)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(str(path))
        if not files:
            item = QListWidgetItem("（还没有打开过草稿）", self.recent)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _recent_chosen(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path is not None:
            self.open_recent.emit(path)

    def chosen_year(self) -> int:
        return self.years[self.year.currentIndex()]

    def _update(self, *_args) -> None:
        self.format_label.setText(format_text(self.chosen_year()))
        named = bool(self.unit.text().strip())
        self.new_button.setEnabled(named)
        self.new_button.setToolTip(f"新建{self.chosen_year()}年度的报告" if named else "先填写填报单位")

    def _create(self) -> None:
        if self.unit.text().strip():
            self.create.emit(self.unit.text().strip(), self.chosen_year())
        else:
            self.unit.setFocus()
