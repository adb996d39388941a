"""Starts the Qt application: opens the draft named on the command line, or the start page."""
from __future__ import annotations

import gc
import sys
from pathlib import Path


def initial_report(argv: list[str]):
    """(report or None, path, error message or None) for the command line; no report when no file is named
    or it cannot be read (the window then shows its start page)."""
    if not argv:
        return None, None, None
    from model.draft import load_draft
    from model.errors import ReportError

    path = Path(argv[0])
    try:
        return load_draft(path), path, None
    except ReportError as exc:
        error = exc.message
    except OSError as exc:
        error = f"无法打开“{path}”：{exc.strerror or exc}"
    return None, None, error


def make_application():
    """The QApplication, with Qt's own texts in Chinese; a fatal start-up failure of Qt exits with code 2."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from .display import StartupMessages
    from .translations import install_translations

    app = QApplication.instance()
    if app is None:
        messages = StartupMessages()
        previous = qInstallMessageHandler(messages)
        app = QApplication([sys.argv[0] if sys.argv else "gkbg"])
        qInstallMessageHandler(previous)
        messages.release()
    app.setApplicationName("政府信息公开工作年度报告")
    app.setOrganizationName("gkbg")
    install_translations(app)
    return app


def start_gui(argv: list[str]):
    """Show the window with the draft of argv (or the start page); returns (app, window).

    The draft is read before Qt is imported (the model's modules then skip PySide's import hook),
    and the garbage collector waits until the window is shown: both make the window appear sooner.
    """
    gc.disable()
    report, path, error = initial_report(argv)
    from PySide6.QtCore import QTimer

    from .main_window import MainWindow
    from .settings import open_settings

    app = make_application()
    window = MainWindow(open_settings())
    if report is not None:
        window.set_report(report, path)
    else:
        window.show_start_page()
    window.show_first()

    def after_start() -> None:
        gc.enable()
        gc.freeze()  # what start-up built lives as long as the window: keep it out of later collections
        if error:
            from .dialogs import warn

            warn(window, "无法打开草稿", error)
        window.files.offer_recovery()

    QTimer.singleShot(0, after_start)
    return app, window


def run_gui(argv: list[str]) -> int:
    from .display import display_problem

    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    app, _window = start_gui(argv)
    return app.exec()
