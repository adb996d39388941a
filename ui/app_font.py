"""The window's Chinese font: the machine's own, or the shipped one when the machine has no Chinese font."""
from __future__ import annotations

SHIPPED_FONT = ("fonts", "gbsn00lp-gb2312.ttf")  # AR PL SungtiL GB, also the PDF export's last fallback


def ensure_chinese_font(app) -> str:
    """Nothing ("") when Qt finds a font for Simplified Chinese on the machine; else the shipped font is
    added and made the application's font (a bundle on a desktop without Chinese fonts, where every label
    would be drawn as empty boxes), and its family is returned.

    The check populates Qt's font database, which the first painted text does anyway (~4 ms, not added)."""
    from PySide6.QtGui import QFont, QFontDatabase

    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return ""
    from model.resources import resource_path

    font_id = QFontDatabase.addApplicationFont(str(resource_path(*SHIPPED_FONT)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return ""
    font = QFont(app.font())
    font.setFamilies([families[0]])
    app.setFont(font)
    return families[0]
