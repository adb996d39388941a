"""说明警告: the dialog in which the clerk writes why a warning is right as it is (已说明)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from model.explanations import MAX_TEXT
from model.rules import Finding

from .. import style
from ..dialogs import ok_cancel_buttons
from ..screen_fit import fit_dialog


class ExplainDialog(QDialog):
    """The warning, where to look first, and an editor for the explanation; 确定 only with some text."""

    def __init__(self, finding: Finding, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("修改说明" if finding.explained else "说明警告")
        place = "／".join(p for p in (finding.section, finding.row, finding.column) if p)
        warning = QLabel(f"【{place}】{finding.message}", self)
        warning.setWordWrap(True)
        note = QLabel("写明这一警告为什么不需改正（如统计口径不同）。说明保存在草稿中，可打印在“检查说明”页；"
                      "警告涉及的数字改变或警告消失后，说明自动失效。", self)
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {style.HINT_TEXT};")
        self.editor = QPlainTextEdit(finding.explanation, self)
        self.editor.setPlaceholderText("说明（不超过1000字）")
        self.editor.setTabChangesFocus(True)
        self.buttons = ok_cancel_buttons(self)
        self.count = QLabel(self)
        layout = QVBoxLayout(self)
        for widget in (warning, note, self.editor, self.count, self.buttons):
            layout.addWidget(widget)
        self.editor.textChanged.connect(self._changed)
        self._changed()
        fit_dialog(self, 560, 320)

    def text(self) -> str:
        return self.editor.toPlainText().strip()

    def _changed(self) -> None:
        n = len(self.text())
        ok = 0 < n <= MAX_TEXT
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.count.setText(f"{n} 字" + ("" if n <= MAX_TEXT else f"，超过{MAX_TEXT}字"))
