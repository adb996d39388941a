"""Starts the Qt application (placeholder until the main-window issue lands)."""
from __future__ import annotations


def run_gui(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(["gkbg"])
    window = QMainWindow()
    window.setWindowTitle("政府信息公开工作年度报告")
    window.setCentralWidget(QLabel("正在建设中"))
    window.show()
    return app.exec()
