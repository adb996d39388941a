"""Starts the Qt application: opens the draft named on the command line, or a new blank report."""
from __future__ import annotations

import gc
import os
import sys
from datetime import date
from pathlib import Path

# tests and benchmarks of the packaged application: show the window, then close it as a user would and exit
QUIT_AFTER_START_ENV = "GKBG_QUIT_AFTER_START"
ICON_SIZES = (16, 24, 32, 48, 64, 128)  # of the window (X11 copies every size into the window: 256 px costs 10 ms)


def initial_report(argv: list[str], unit_name: str = ""):
    """(report, path, error message or None) for the command line; a new blank report when none/unreadable."""
    return initial_draft(argv, unit_name)[:3]


def initial_draft(argv: list[str], unit_name: str = ""):
    """initial_report and the draft file's state as read (None for a new report)."""
    from model.draft import open_draft
    from model.errors import ReportError
    from model.report import Report

    if argv:
        path = Path(argv[0])
        try:
            report, state = open_draft(path)
            return report, path, None, state
        except ReportError as exc:
            error = exc.message
    else:
        error = None
    return Report.for_year(date.today().year - 1, unit_name), None, error, None


def start_gui(argv: list[str]):
    """Show the window with the draft of argv (or a new report); returns (app, window).

    The draft is read before Qt is imported (the model's modules then skip PySide's import hook),
    and the garbage collector waits until the window is shown: both make the window appear sooner.
    """
    gc.disable()
    report, path, error, state = initial_draft(argv)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow
    from .settings import default_unit, open_settings

    from model.version import APP_ID, VERSION

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_ID])
    app.setApplicationName("政府信息公开工作年度报告")
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(VERSION)
    app.setDesktopFileName(APP_ID)  # Linux: the window belongs to gkbg.desktop (its name and icon in the panel)
    settings = open_settings()
    if path is None and not report.unit_name:
        report.set_field("unit_name", default_unit(settings))
    window = MainWindow(settings)
    window.set_report(report, path, state)
    window.show()

    def after_start() -> None:
        gc.enable()
        gc.freeze()  # what start-up built lives as long as the window: keep it out of later collections
        # the icon one turn of the event loop later: building PySide's QIcon type alone takes ~15 ms under X11,
        # not to be spent before the window first appears
        QTimer.singleShot(0, lambda: app.setWindowIcon(app_icon()))
        if os.environ.get(QUIT_AFTER_START_ENV):
            print(f"window shown: {window.windowTitle()}\nsettings: {settings.fileName()}\n"
                  f"recovery copies: {window.files.store.folder}", flush=True)
            QTimer.singleShot(0, window.close)
            return
        if error:
            from .dialogs import warn

            warn(window, "无法打开草稿", f"{error}\n\n已新建一份空白报告。")
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
    app, _window = start_gui(argv)
    return app.exec()
