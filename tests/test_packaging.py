"""Packaging without building: the version, the resource path helper, 帮助 ▸ 关于, icons and desktop integration files."""
from __future__ import annotations

import ast
import configparser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import run_main
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from model.draft import SUFFIX
from model.formats import FORMATS
from model.resources import resource_path
from model.version import APP_NAME, VERSION
from test_ui_support import OFFSCREEN_NOISE, make_window  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons"


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_option(flag):
    result = run_main(flag)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"gkbg {VERSION}（{APP_NAME}）"


def test_help_lists_the_version_option():
    result = run_main("-h")
    assert result.returncode == 0 and "--version" in result.stdout


def test_window_quits_by_itself_for_tests(tmp_path):
    result = run_main(str(resource_path("samples", "huohua-2019.gkbg.json")),
                      env={"GKBG_QUIT_AFTER_START": "1", "GKBG_DATA_DIR": str(tmp_path),
                           "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "window shown: 火花镇人民政府" in result.stdout
    assert f"recovery copies: {tmp_path / 'recovery'}" in result.stdout
    assert (tmp_path / "settings.ini").is_file()  # closed like a user closes it: the layout was saved


GLYPHS_DRAWN = r"""
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from ui.app import CHINESE_FONT_PROPERTY, make_application

app = make_application()

def drawn(text):
    image = QImage(48, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(app.font())
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image

# two different characters drawn as two different pictures: not the same empty box twice, not nothing
zheng, fu, blank = drawn("政"), drawn("府"), drawn("")
print(app.property(CHINESE_FONT_PROPERTY) or "system", zheng != fu and zheng != blank and fu != blank, sep="\n")
"""


def empty_fontconfig(tmp_path) -> dict[str, str]:
    """Environment of a machine without any font that Qt can find (fontconfig reads an empty configuration)."""
    conf = tmp_path / "empty-fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n', "utf-8")
    return {"FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen", "GKBG_DATA_DIR": str(tmp_path)}


def test_window_draws_chinese_with_the_shipped_font_on_a_machine_without_fonts(tmp_path):
    env = empty_fontconfig(tmp_path)
    result = subprocess.run([sys.executable, "-c", GLYPHS_DRAWN], capture_output=True, text=True,
                            encoding="utf-8", cwd=ROOT, env={**os.environ, **env}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["AR PL SungtiL GB", "True"]
    window = run_main(str(resource_path("samples", "huohua-2019.gkbg.json")),
                      env={**env, "GKBG_QUIT_AFTER_START": "1"})
    assert window.returncode == 0, window.stderr
    assert "chinese font: AR PL SungtiL GB" in window.stdout


def test_the_machines_chinese_font_is_kept_when_there_is_one(tmp_path):
    result = subprocess.run([sys.executable, "-c", GLYPHS_DRAWN], capture_output=True, text=True, encoding="utf-8",
                            cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["system", "True"]  # this machine has CJK fonts (.ci/run installs them)


def test_resource_path_in_the_source_tree():
    assert resource_path("fonts", "gbsn00lp-gb2312.ttf") == ROOT / "resources" / "fonts" / "gbsn00lp-gb2312.ttf"
    assert resource_path("samples", "huohua-2019.gkbg.json").is_file()
    from export.fonts import BUNDLED

    assert BUNDLED == resource_path("fonts", "gbsn00lp-gb2312.ttf") and BUNDLED.is_file()


def test_resource_path_in_a_bundle(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("icons", "gkbg-16.png") == tmp_path / "resources" / "icons" / "gkbg-16.png"


def test_resources_are_found_only_through_the_helper():
    """No module builds a path to resources/ itself (it would break in the bundle): only model/resources.py."""
    offenders = []
    for package in ("model", "export", "importer", "cli", "ui"):
        for path in sorted((ROOT / package).rglob("*.py")) if (ROOT / package).is_dir() else []:
            if path == ROOT / "model" / "resources.py":
                continue
            tree = ast.parse(path.read_text("utf-8"))
            if any(isinstance(n, ast.Constant) and n.value == "resources" for n in ast.walk(tree)):
                offenders.append(str(path.relative_to(ROOT)))
    main_tree = ast.parse((ROOT / "main.py").read_text("utf-8"))
    if any(isinstance(n, ast.Constant) and n.value == "resources" for n in ast.walk(main_tree)):
        offenders.append("main.py")
    assert offenders == []


@OFFSCREEN_NOISE
def test_about_dialog_from_the_help_menu(qtbot, make_window, sample_report, tmp_path):
    from ui.help.about import AboutDialog

    window = make_window(sample_report)
    actions = window.actions
    assert actions.about in actions.help_menu.actions()
    assert window.menuBar().actions()[-1] is actions.help_menu.menuAction()  # 帮助 is the last menu
    seen = []

    def inspect_and_close():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        if dialog is not None:
            dialog.copy_button.click()
            dialog.reject()

    QTimer.singleShot(0, inspect_and_close)
    actions.about.trigger()
    assert isinstance(seen[0], AboutDialog)
    text = seen[0].text.text()
    assert VERSION in text
    for fmt in FORMATS:
        assert fmt.name in text and fmt.issued_by in text
    assert "2019—2020年度" in text and "2021年度起" in text
    assert str(tmp_path / "settings.ini") in text  # where make_window keeps the settings
    assert str(tmp_path / "recovery") in text  # recovery copies beside an INI settings file
    clipboard = QApplication.clipboard().text()
    assert clipboard.startswith(APP_NAME) and f"设置保存在：{tmp_path / 'settings.ini'}" in clipboard


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_icons_every_size_and_the_windows_ico():
    sizes = (16, 24, 32, 48, 64, 128, 256)
    for size in sizes:
        image = QImage(str(ICONS / f"gkbg-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(0, 0).alpha() == 0 and image.pixelColor(size // 2, size // 2).alpha() == 255
    ico = (ICONS / "gkbg.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(sizes))
    found = []
    for i in range(count):
        width, height, _c, _r, _planes, _bits, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i:22 + 16 * i])
        assert png_size(ico[offset:offset + length]) == ((width or 256), (height or 256))
        found.append(width or 256)
    assert sorted(found) == list(sizes)
    assert ET.parse(ICONS / "gkbg.svg").getroot().tag.endswith("svg")


def test_desktop_entry_and_draft_type_agree():
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str
    entry.read(LINUX / "gkbg.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Icon"] == "gkbg"
    assert desktop["Exec"] == "gkbg %f" and desktop["Name[zh_CN]"] == APP_NAME
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(LINUX / "gkbg-draft.xml").getroot().find("m:mime-type", ns)
    assert desktop["MimeType"] == f"{mime.get('type')};"
    assert mime.find("m:glob", ns).get("pattern") == f"*{SUFFIX}"


@pytest.mark.skipif(sys.platform != "linux", reason="Linux desktop integration")
def test_linux_install_registers_drafts_and_uninstall_removes_it(tmp_path):
    """install.sh into a temporary HOME, from a fake bundle folder: files in place, the draft type known to Qt."""
    bundle = tmp_path / "dist" / "gkbg"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    (bundle / "gkbg").write_text("#!/bin/sh\n", "utf-8")
    (bundle / "gkbg").chmod(0o755)
    (bundle / "_internal" / "resources" / "icons").symlink_to(ICONS)
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": os.environ["PATH"], "XDG_DATA_HOME": str(home / ".local" / "share"),
           "XDG_CONFIG_HOME": str(home / ".config")}
    install = ["sh", str(LINUX / "install.sh"), str(bundle)]
    result = subprocess.run(install, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    share = home / ".local" / "share"
    program = home / ".local" / "opt" / "gkbg" / "gkbg"
    assert program.is_file() and (home / ".local" / "bin" / "gkbg").resolve() == program.resolve()
    desktop = (share / "applications" / "gkbg.desktop").read_text("utf-8")
    assert f'Exec="{program}" %f' in desktop
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / "gkbg.png").is_file()
    assert (share / "icons" / "hicolor" / "48x48" / "mimetypes" / "application-x-gkbg-draft.png").is_file()
    assert (share / "mime" / "packages" / "gkbg-draft.xml").is_file()
    draft = tmp_path / "某某镇 2023.gkbg.json"
    draft.write_text("{}", "utf-8")
    probe = ("from PySide6.QtCore import QCoreApplication, QMimeDatabase\napp = QCoreApplication([])\n"
             f"print(QMimeDatabase().mimeTypeForFile({str(draft)!r}).name())")
    if shutil.which("update-mime-database"):  # shared-mime-info (installed by .ci/run)
        seen = subprocess.run([sys.executable, "-c", probe], env={**os.environ, **env}, capture_output=True,
                              text=True)
        assert seen.stdout.strip() == "application/x-gkbg-draft", seen.stderr
    result = subprocess.run([*install, "--uninstall"], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not program.exists() and not (share / "applications" / "gkbg.desktop").exists()
    assert not (share / "mime" / "packages" / "gkbg-draft.xml").exists()


def test_about_names_the_windows_registry_for_native_settings(monkeypatch):
    from PySide6.QtCore import QSettings

    from ui.help.about import settings_location

    class RegistrySettings:
        def fileName(self):
            return "\\HKEY_CURRENT_USER\\Software\\gkbg\\gkbg"

        def format(self):
            return QSettings.Format.NativeFormat

    monkeypatch.setattr(sys, "platform", "win32")
    assert settings_location(RegistrySettings()) == "Windows 注册表 HKEY_CURRENT_USER\\Software\\gkbg\\gkbg"
