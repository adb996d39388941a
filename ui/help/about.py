"""帮助 ▸ 关于: the version, the report and draft formats it supports, and where settings and recovery copies live."""
from __future__ import annotations

import html
import platform
import sys
from pathlib import Path

from PySide6.QtCore import QDir, QSettings, Qt, qVersion
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout)

from model.draft import SUFFIX
from model.draft_reader import SCHEMA_VERSION
from model.formats import FORMATS
from model.resources import frozen, resource_path
from model.version import APP_NAME, VERSION, generator

from ..screen_fit import fit_dialog


def format_line(fmt) -> str:
    years = f"{fmt.first_year}—{fmt.last_year}年度" if fmt.last_year else f"{fmt.first_year}年度起"
    return f"{fmt.full_name}：{years}"


def settings_location(settings: QSettings) -> str:
    name = settings.fileName()
    if settings.format() == QSettings.Format.NativeFormat and sys.platform == "win32":
        return f"Windows 注册表 {name.lstrip(chr(92))}"  # \HKEY_CURRENT_USER\Software\gkbg\gkbg
    return QDir.toNativeSeparators(name)


def program_location() -> str:
    where = Path(sys.executable).parent if frozen() else Path(__file__).resolve().parents[2]
    return QDir.toNativeSeparators(str(where))


def about_items(settings: QSettings, recovery_folder: Path) -> list[tuple[str, str]]:
    """(label, text) pairs shown by the dialog, in order; also what 复制 puts on the clipboard."""
    from PySide6 import __version__ as pyside_version

    return [
        ("版本", f"{VERSION}（{generator()}）"),
        ("支持的报告格式", "\n".join(format_line(f) for f in FORMATS)),
        ("草稿文件", f"*{SUFFIX}，草稿格式第{SCHEMA_VERSION}版（也能打开更早的版本）"),
        ("设置保存在", settings_location(settings)),
        ("自动保存的恢复副本", QDir.toNativeSeparators(str(recovery_folder))),
        ("程序位置", program_location()),
        ("运行环境", f"Python {platform.python_version()}，Qt {qVersion()}（PySide6 {pyside_version}），"
                     f"{platform.system()} {platform.release()}"),
        ("PDF 备用字体", "文鼎ＰＬ简报宋（AR PL SungtiL GB），Arphic Public License"),
    ]


def as_text(items: list[tuple[str, str]]) -> str:
    return "\n".join([APP_NAME] + [f"{label}：{text}" for label, text in items])


class AboutDialog(QDialog):
    """The 关于 window: facts a clerk or a help desk needs, selectable and copyable."""

    def __init__(self, settings: QSettings, recovery_folder: Path, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"关于{APP_NAME}")
        self.items = about_items(settings, recovery_folder)
        icon = QLabel()
        icon.setPixmap(self._icon_pixmap())
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        rows = "".join(
            f"<tr><td style='padding:3px 12px 3px 0; white-space:nowrap; color:#555'>{html.escape(label)}</td>"
            f"<td style='padding:3px 0'>{html.escape(text).replace(chr(10), '<br>')}</td></tr>"
            for label, text in self.items)
        self.text = QLabel(f"<h3>{html.escape(APP_NAME)}</h3><table>{rows}</table>")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("复制以上信息")
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        fit_dialog(self, 680)

    @staticmethod
    def _icon_pixmap():
        from PySide6.QtGui import QPixmap

        return QPixmap(str(resource_path("icons", "gkbg-64.png")))

    def copy(self) -> None:
        QApplication.clipboard().setText(as_text(self.items))
        self.copy_button.setText("已复制")


def show_about(window) -> None:
    AboutDialog(window.settings, window.files.store.folder, window).exec()
