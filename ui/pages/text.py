"""A text section tab: the heading, the official guidance as a hint, a plain-text editor and a live count."""
from __future__ import annotations

from model.errors import InputError
from model.formats.definition import TextLengthRule, TextSection
from model.report import MAX_TEXT_CHARS
from model.rules import text_length

from .. import style
from ..window_undo import use_window_undo
from .lazy import LazyPage

WARNING_STYLE = f"color: {style.WARNING_TEXT}; font-weight: bold;"


class TextPage(LazyPage):
    """Typing goes to the session as merged undo steps; undo/redo put the text back here."""

    def __init__(self, session, section: TextSection, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.section = section

    def build(self) -> None:
        from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout  # (the text tabs wait to be shown)

        session, section = self.session, self.section
        self.heading = QLabel(section.heading)
        self.heading.setObjectName("heading")
        self.hint = QLabel(f"填写要求：{section.guidance}")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {style.HINT_TEXT};")
        self.editor = QPlainTextEdit()
        self.editor.setUndoRedoEnabled(False)
        self.editor.setPlaceholderText(f"在此填写“{section.heading}”")
        use_window_undo(self.editor)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.hint, self.editor, self.count):
            layout.addWidget(widget)
        self.editor.setPlainText(session.report.texts[section.key])
        self._update_count()
        self.editor.textChanged.connect(self._typed)
        session.changed.connect(self._on_change)

    def _typed(self) -> None:
        typed = self.editor.toPlainText()
        try:
            stored = self.session.set_text(self.section.key, typed)
        except InputError as exc:  # too long: the editor goes back to the stored text
            self._show_stored()
            self.message.emit(f"{exc.message}，这次输入或粘贴未保存")
            return
        if stored != typed:  # control characters removed (pasted from another program)
            self._show_stored()
            self.message.emit(f"“{self.section.heading}”：粘贴的文字中含有控制字符，已删除或改为换行")
        self._update_count()

    def _on_change(self, what) -> None:
        if what == self.section.key:
            self._show_stored()

    def _show_stored(self) -> None:
        """Undo/redo or a refused edit: show the stored text, the cursor near where it differs."""
        text = self.session.report.texts[self.section.key]
        old = self.editor.toPlainText()
        if text != old:
            same = next((i for i, (a, b) in enumerate(zip(old, text)) if a != b), min(len(old), len(text)))
            self.editor.blockSignals(True)
            self.editor.setPlainText(text)
            self.editor.blockSignals(False)
            cursor = self.editor.textCursor()
            cursor.setPosition(min(same, len(text)))  # moves the anchor too: no selection
            self.editor.setTextCursor(cursor)
            self._update_count()

    def _update_count(self) -> None:
        text = self.editor.toPlainText()
        n = text_length(text)
        sheet = WARNING_STYLE
        if len(text) >= MAX_TEXT_CHARS * 0.9:  # near the limit: say it before the clerk reaches it
            self.count.setText(f"共 {n} 字 —— 本部分最多 {MAX_TEXT_CHARS} 字（含空格和换行），已用 {len(text)}")
        elif 0 < (limit := self._length_limit()) < n:  # 2021 format, 一: 篇幅原则上不超过一千字
            self.count.setText(f"共 {n} 字 —— 超过{limit}字，篇幅原则上不超过一千字")
        else:
            self.count.setText(f"共 {n} 字")
            sheet = ""
        if self.count.styleSheet() != sheet:  # (a style sheet set again re-styles the label: only on a change)
            self.count.setStyleSheet(sheet)

    def _length_limit(self) -> int:
        """The length the report's format sets for this section (0: none)."""
        return next((rule.max_chars for rule in self.session.report.format.rules
                     if isinstance(rule, TextLengthRule) and rule.section == self.section.key), 0)

    def set_zoom_font(self, font) -> None:
        self.setFont(font)  # hint, count and editor alike

    def focus_first(self) -> None:
        self.ensure_built().editor.setFocus()

    def select(self, start: int, end: int) -> None:
        """Select the words a finding quotes (a figure, a year) and show them."""
        self.ensure_built()
        cursor = self.editor.textCursor()
        length = len(self.editor.toPlainText())
        cursor.setPosition(min(start, length))
        cursor.setPosition(min(end, length), cursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self.editor.setFocus()
