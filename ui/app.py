"""Starts the Qt application: opens the draft named on the command line, or a new blank report."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path


def initial_report(argv: list[str], unit_name: str = ""):
    """(report, path, error message or None) for the command line; a new blank report when none/unreadable."""
    from model.draft import load_draft
    from model.errors import ReportError
    from model.report import Report

    if argv:
        path = Path(argv[0])
        try:
            return load_draft(path), path, None
        except ReportError as exc:
            error = exc.message
        except OSError as exc:
            error = f"无法打开“{path}”：{exc.strerror or exc}"
    else:
        error = None
    return Report.for_year(date.today().year - 1, unit_name), None, error


def run_gui(argv: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .dialogs import warn
    from .main_window import MainWindow
    from .settings import default_unit, open_settings

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "gkbg"])
    app.setApplicationName("政府信息公开工作年度报告")
    app.setOrganizationName("gkbg")
    settings = open_settings()
    report, path, error = initial_report(argv, default_unit(settings))
    window = MainWindow(settings)
    window.set_report(report, path)
    window.show()

    def after_start() -> None:
        if error:
            warn(window, "无法打开草稿", f"{error}\n\n已新建一份空白报告。")
        window.files.offer_recovery()

    QTimer.singleShot(0, after_start)
    return app.exec()
