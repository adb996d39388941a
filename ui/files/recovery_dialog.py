"""At start-up: offer to restore each draft that a crash, power cut or kill left unsaved."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
)

from model.recovery import RecoveryEntry, RecoveryStore

from ..dialogs import ask_yes_no
from ..screen_fit import fit_dialog


class RecoveryDialog(QDialog):
    """Lists pending entries; 恢复 returns the chosen entry (accept), 丢弃 deletes one, 以后再说 closes."""

    def __init__(self, store: RecoveryStore, entries: list[RecoveryEntry], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("恢复未保存的报告")
        self.store = store
        self.chosen: RecoveryEntry | None = None
        intro = QLabel("上次程序没有正常关闭（如断电、死机或被强行结束）。以下报告有自动保存的修改，"
                       "可以恢复后继续编辑：", self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        for entry in entries:
            text = entry.describe() + (f"\n  无法恢复：{entry.problem}" if entry.problem else "")
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, entry)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.restore())
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton("恢复", self)
        self.discard_button = QPushButton("丢弃", self)
        self.later_button = QPushButton("以后再说", self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.restore)
        self.discard_button.clicked.connect(lambda: self.discard())
        self.later_button.clicked.connect(self.reject)
        self.restore_button.setDefault(True)
        self.list.currentItemChanged.connect(self._selection_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        fit_dialog(self, 640, 300)
        self._selection_changed()

    def current(self) -> RecoveryEntry | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _selection_changed(self, *_args) -> None:
        entry = self.current()
        self.restore_button.setEnabled(entry is not None and not entry.problem)
        self.discard_button.setEnabled(entry is not None)

    def restore(self) -> None:
        entry = self.current()
        if entry is not None and not entry.problem:
            self.chosen = entry
            self.accept()

    def discard(self, confirm: bool = True) -> None:
        entry = self.current()
        if entry is None:
            return
        if confirm and not ask_yes_no(self, "丢弃自动保存的修改",
                                      f"丢弃后无法找回：\n{entry.describe()}\n\n确定丢弃吗？"):
            return
        self.store.discard(entry)
        self.list.takeItem(self.list.currentRow())
        if self.list.count() == 0:
            self.reject()
