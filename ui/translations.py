"""Chinese for Qt's own texts: the qtbase_zh_CN catalogue of the PySide6 wheel, its few gaps filled here."""
from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

# Qt texts the window can show that qtbase_zh_CN.qm (Qt 6.12) leaves in English: source text → Chinese
MISSING = {
    "&Look in:": "查找范围(&I)：",  # QFileDialog
    "Files of &type:": "文件类型(&T)：",  # QFileDialog
    "Page &Set:": "打印页面(&S)：",  # QPrintDialog, 选项: all / odd / even pages
}

_INSTALLED: list[QTranslator] = []  # kept alive as long as the application


class _Gaps(QTranslator):
    """Answers only what the catalogue installed after it does not know (Qt asks the newest first)."""

    def translate(self, context, source, disambiguation=None, n=-1) -> str:  # noqa: ARG002
        return MISSING.get(source, "")

    def isEmpty(self) -> bool:
        return False


def chinese_locale() -> QLocale:
    return QLocale("zh_CN")  # (QLocale.Language.Chinese would build PySide's enum of ~350 languages: start-up time)


def install_translations(app) -> bool:
    """Qt's standard texts (file dialogs, message-box buttons, text-field menus…) in Chinese, and Chinese
    month and day names; once per application. False when the catalogue is missing (texts stay English)."""
    if _INSTALLED:
        return True
    QLocale.setDefault(chinese_locale())
    gaps = _Gaps(app)
    app.installTranslator(gaps)
    _INSTALLED.append(gaps)
    catalogue = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not catalogue.load(chinese_locale(), "qtbase", "_", folder):
        return False
    app.installTranslator(catalogue)
    _INSTALLED.append(catalogue)
    return True
