"""Chinese throughout: Qt's own texts (file dialogs, message boxes, menus), every window and dialog walked for
English, the command line's help and errors, and one Chinese line when there is no display."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from conftest import ROOT, SAMPLE
from model.report import CellRef
from test_ui_support import (  # noqa: F401  (fixtures)
    answer, english_in, english_words, every_dialog, grid_page, make_window, open_and_look, plain, visible_texts,
)

# the offscreen platform cannot raise a popup or grab the keyboard for it, nor pass size hints on
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing",
                                       "This plugin does not support propagateSizeHints")


def test_the_english_detector_sees_english_and_lets_file_names_and_numbers_pass():
    assert english_words("&Look in:") == ["Look", "in"]
    assert english_words("Files of &type:") == ["Files", "of", "type"]
    assert english_words("已导出：/tmp/报告 draft/r.pdf") == []
    assert english_words("“火花镇.gkbg.json”已不存在 2019 Ctrl+S 导出 PDF… 仿宋_GB2312 (*.docx)") == []
    assert english_words("打开(&O)") == [] and english_words("Cancel") == ["Cancel"]


def test_qt_standard_texts_are_chinese(qtbot):
    from PySide6.QtWidgets import QLineEdit

    box = QMessageBox(QMessageBox.Icon.Question, "t", "x", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Ok)
    assert sorted(plain(b.text()) for b in box.buttons()) == sorted(["是", "否", "取消", "确定"])
    box.deleteLater()
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    assert [plain(a.text()) for a in menu.actions() if not a.isSeparator()][:3] == ["撤消", "重做", "剪切"]
    menu.deleteLater()
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(None, "打开草稿", str(ROOT), "年度报告草稿 (*.gkbg.json)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(mode)
        dialog.show()
        texts = [text for _, text in visible_texts(dialog)]
        assert "查找范围(&I)：" in texts and "文件类型(&T)：" in texts and "文件名称(&N)：" in texts
        assert not english_in(dialog), english_in(dialog)
        dialog.deleteLater()


def build_every_page(window) -> None:
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
    window.tabs.setCurrentIndex(0)


def test_no_english_in_the_main_window_its_menus_and_panels(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    build_every_page(window)
    window.session.set_cells([(CellRef("applications", "new", "natural"), 5)])  # the findings table too
    QApplication.processEvents()
    window.files._fill_recent()
    texts = visible_texts(window)
    assert any(t == "检查结果" for _, t in texts) and any("剪切" in t for _, t in texts)  # the walk reaches them
    assert not english_in(window), english_in(window)


def test_no_english_in_the_start_page(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show_start_page()
    assert not english_in(window), english_in(window)


def test_no_english_in_any_dialog_or_the_print_preview(qtbot, make_window, sample_report, tmp_path, monkeypatch):
    import ui.output.printing as printing

    monkeypatch.setattr(printing, "has_printer", printing.has_printer)  # every_dialog's printer sets it
    window = make_window(sample_report)
    english: dict[str, list] = {}
    dialogs = every_dialog(window, tmp_path)
    for name, opener in dialogs:
        open_and_look(opener, lambda dialog, n=name: english.setdefault(n, english_in(dialog)))
    assert set(english) == {name for name, _ in dialogs}
    assert all(not found for found in english.values()), {n: f for n, f in english.items() if f}


def run(*args: str, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environment.update(env)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, env=environment, timeout=120)


def test_command_line_help_is_chinese():
    from main import COMMANDS

    for args in [["-h"]] + [[command, "-h"] for command in COMMANDS]:
        result = run(*args)
        assert result.returncode == 0 and result.stdout.startswith("用法：main.py")
        assert "选项：" in result.stdout and "显示本帮助并退出" in result.stdout
        words = re.sub(r"--?[\w-]+|main\.py|\b(" + "|".join(COMMANDS) + r")\b", " ", result.stdout)
        assert not english_words(words), (args, english_words(words), result.stdout)


@pytest.mark.parametrize("args, message", [
    (["imprt", "x.docx"], "参数 命令：无效的选择 'imprt'（可选：'check', 'new', 'export', 'link', 'import', "
                          "'aggregate'）"),
    (["check"], "缺少必需的参数：草稿文件"),
    (["new", "--year", "abc", "--unit", "x", "-o", "y"], "参数 --year：“abc”不是整数"),
    (["check", "a.json", "--bogus"], "无法识别的参数：--bogus"),
    (["export", "a.json", "--to"], "参数 -o/--output/--to：需要一个值"),
])
def test_command_line_errors_are_chinese_and_exit_2(args, message):
    result = run(*args)
    assert result.returncode == 2 and message in result.stderr
    assert result.stderr.startswith("用法：main.py") and "main.py" in result.stderr.splitlines()[-1]


def test_a_file_opens_the_window_and_a_word_is_a_command():
    from main import is_command_line

    assert not is_command_line([]) and not is_command_line([str(SAMPLE)])
    assert not is_command_line(["新报告.gkbg.json"])  # a file name that does not exist yet: the window says so
    assert is_command_line(["imprt", "x.docx"]) and is_command_line(["check", "x"]) and is_command_line(["--help"])


@pytest.mark.parametrize("env, says", [
    ({"QT_QPA_PLATFORM": "xcb"}, "没有可用的图形显示（未设置 DISPLAY）"),
    ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":97"}, "无法连接图形显示“:97”"),
    ({}, "没有可用的图形显示（未设置 DISPLAY）"),
    ({"QT_QPA_PLATFORM": "wayland"}, "没有可用的 Wayland 显示"),
    ({"QT_QPA_PLATFORM": "nosuchplugin"}, "图形界面无法启动，无法打开窗口（找不到界面插件“nosuchplugin”）"),  # Qt's
])
def test_without_a_display_one_chinese_line_and_exit_2(tmp_path, env, says):
    if "QT_QPA_PLATFORM" not in env:
        env = {**env, "QT_QPA_PLATFORM": ""}
    result = run(str(SAMPLE), GKBG_DATA_DIR=str(tmp_path), **env)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith("错误：") and says in lines[0]
    assert "python main.py -h" in lines[0]
