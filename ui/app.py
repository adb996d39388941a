"""Starts the Qt application: opens the draft named on the command line, or the start page."""
from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

# tests and benchmarks of the packaged application: show the window, then close it as a user would and exit
QUIT_AFTER_START_ENV = "GKBG_QUIT_AFTER_START"
CHINESE_FONT_PROPERTY = "gkbgChineseFont"  # the shipped font's family when the machine has no Chinese font, else ""
ICON_SIZES = (16, 24, 32, 48, 64, 128)  # of the window (X11 copies every size into the window: 256 px costs 10 ms)


def initial_draft(argv: list[str]):
    """(report or None, path, error message or None, the draft file's state as read) for the command line; no
    report when no file is named or it cannot be read (the window then shows its start page)."""
    if not argv:
        return None, None, None, None
    from model.draft import open_draft
    from model.errors import ReportError

    path = Path(argv[0])
    try:
        report, state = open_draft(path)
        return report, path, None, state
    except ReportError as exc:
        return None, None, exc.message, None


def make_application():
    """The QApplication, with Qt's own texts in Chinese; a fatal start-up failure of Qt exits with code 2."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from model.version import APP_ID, VERSION

    from .app_font import ensure_chinese_font
    from .display import StartupMessages
    from .translations import install_translations

    app = QApplication.instance()
    if app is None:
        messages = StartupMessages()
        previous = qInstallMessageHandler(messages)
        app = QApplication([sys.argv[0] if sys.argv else APP_ID])
        qInstallMessageHandler(previous)
        messages.release()
    app.setApplicationName("政府信息公开工作年度报告")
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(VERSION)
    app.setDesktopFileName(APP_ID)  # Linux: the window belongs to gkbg.desktop (its name and icon in the panel)
    install_translations(app)
    app.setProperty(CHINESE_FONT_PROPERTY, ensure_chinese_font(app))
    return app


def start_gui(argv: list[str]):
    """Show the window with the draft of argv (or the start page); returns (app, window).

    The draft is read before Qt is imported (the model's modules then skip PySide's import hook),
    and the garbage collector waits until the window is shown: both make the window appear sooner.
    """
    gc.disable()
    report, path, error, state = initial_draft(argv)
    from PySide6.QtCore import QTimer

    from .qt_compat import quick_pyside_scan

    quick_pyside_scan()  # before the window's modules are imported
    from .event_filters import hold_filters, release_filters
    from .main_window import MainWindow
    from .settings import open_settings

    app = make_application()
    settings = open_settings()
    hold_filters()  # until the window has been shown (see ui.event_filters)
    window = MainWindow(settings)
    if report is not None:
        window.set_report(report, path, state)
    else:
        window.show_start_page()
    window.show_first()

    def after_start() -> None:
        gc.enable()
        gc.freeze()  # what start-up built lives as long as the window: keep it out of later collections
        # the icon one turn of the event loop later: building PySide's QIcon type alone takes ~15 ms under X11,
        # not to be spent before the window first appears
        QTimer.singleShot(0, lambda: app.setWindowIcon(app_icon()))
        QTimer.singleShot(0, release_filters)  # shown now: the keys and right-clicks of its fields
        if os.environ.get(QUIT_AFTER_START_ENV):
            print(f"window shown: {window.windowTitle()}\nsettings: {settings.fileName()}\n"
                  f"recovery copies: {window.files.store.folder}\n"
                  f"chinese font: {app.property(CHINESE_FONT_PROPERTY) or 'system'}", flush=True)
            QTimer.singleShot(0, window.close)
            return
        if error:
            from .dialogs import warn

            warn(window, "无法打开草稿", error)
        if report is not None:
            window.files.confirm_open_elsewhere()
        window.files.offer_recovery()

    QTimer.singleShot(0, after_start)
    return app, window


def app_icon():
    """The application's icon in every shipped size (the window's title bar, task bar and Alt+Tab)."""
    from PySide6.QtGui import QIcon

    from model.resources import resource_path

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"gkbg-{size}.png")))
    return icon


def run_gui(argv: list[str]) -> int:
    """python main.py [FILE]: the window until it closes (exit code 2 without a display to open it on)."""
    from .display import display_problem

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    app, _window = start_gui(argv)
    return app.exec()
