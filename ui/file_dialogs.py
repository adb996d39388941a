"""The file dialogs of the window and its dialogs: a file to open, a name to save under, both starting in the
folder last used; their Chinese file-type filters."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from model.draft import SUFFIX

from . import settings as cfg

ALL_FILES = "所有文件 (*)"
DRAFTS = f"年度报告草稿 (*{SUFFIX} *.json);;{ALL_FILES}"
DOCUMENTS = f"Word 或 PDF 报告 (*.docx *.pdf);;Word 文档 (*.docx);;PDF 文件 (*.pdf);;{ALL_FILES}"
UNIT_REPORTS = f"年度报告草稿或报告 (*.json *.docx *.pdf);;年度报告草稿 (*.json);;{ALL_FILES}"
SAVED_AS = {".docx": "Word 文档 (*.docx)", ".pdf": "PDF 文件 (*.pdf)", ".png": "PNG 图片 (*.png)",
            ".xlsx": "Excel 工作簿 (*.xlsx)"}


def file_to_open(parent, title: str, settings, file_filter: str) -> Path | None:
    """The file chosen in an open dialog that starts in the folder last used; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, cfg.last_folder(settings), file_filter)
    return Path(path) if path else None


def name_to_save(parent, title: str, settings, stem: str, suffix: str) -> Path | None:
    """The name chosen in a save dialog that offers stem+suffix in the folder last used (suffix added when the
    clerk leaves it out); None when cancelled."""
    start = str(Path(cfg.last_folder(settings)) / f"{stem}{suffix}")
    path, _ = QFileDialog.getSaveFileName(parent, title, start, SAVED_AS[suffix])
    return with_suffix(path, suffix) if path else None


def with_suffix(path: str | Path, suffix: str) -> Path:
    """path, with suffix added when it does not end with it (in any case)."""
    path = Path(path)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
