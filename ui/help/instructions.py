"""填报说明: the official explanations of the report's format, section by section, row by row (model/formats/help_texts)."""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QLabel, QTextBrowser, QVBoxLayout

from model.formats.definition import ReportFormat
from model.formats.help_texts import TIP, help_outline

from .. import style
from ..screen_fit import fit_dialog


def instructions_html(fmt: ReportFormat) -> str:
    """The whole 填报说明 of a format as HTML: a contents line, then each section with its rows and columns."""
    outline = help_outline(fmt)
    contents = " · ".join(f'<a href="#{key}">{escape(title)}</a>' for level, key, title, _ in outline if level == 1)
    parts = [f"<h2>{escape(fmt.name)}填报说明</h2>",
             f"<p style='color:{style.HINT_TEXT}'>依据{escape(fmt.issued_by)}及《中华人民共和国政府信息公开条例》，"
             f"引文照录原文；“{TIP}”是本程序的填写提示。</p>",
             f"<p>{contents}</p>"]
    for level, key, title, entries in outline:
        tag = {1: "h3", 2: "h4", 3: "p"}[level]
        heading = f"<b>{escape(title)}</b>" if level == 3 else escape(title)
        parts.append(f'<{tag}><a name="{key}"></a>{heading}</{tag}>')
        for source, text in entries:
            if source == TIP:
                parts.append(f"<p style='margin-left:2em; color:{style.HINT_TEXT}'>{escape(TIP)}：{escape(text)}</p>")
            else:
                parts.append(f"<p style='margin-left:2em'>{escape(source)}：“{escape(text)}”</p>")
    return "\n".join(parts)


class InstructionsWindow(QDialog):
    """Not modal: the clerk reads it beside the form."""

    def __init__(self, fmt: ReportFormat, parent=None) -> None:
        super().__init__(parent)
        self.format = fmt
        self.setWindowTitle(f"填报说明 – {fmt.name}")
        self.setModal(False)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(lambda url: self.browser.scrollToAnchor(url.fragment()))
        self.browser.setHtml(instructions_html(fmt))
        note = QLabel("表格中每一行、每一列的名称上停留鼠标，也可看到对应的说明。", self)
        note.setStyleSheet(f"color: {style.HINT_TEXT};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(note)
        fit_dialog(self, 760, 640)

    def show_section(self, key: str) -> None:
        if key:
            self.browser.scrollToAnchor(key)
        else:
            self.browser.verticalScrollBar().setValue(0)
