"""Where the application keeps its settings (QSettings) and its data folder (recovery files)."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from model.file_read import real_path

DATA_DIR_ENV = "GKBG_DATA_DIR"  # tests and portable installs: keep settings and recovery files here
MAX_RECENT = 10

RECENT_KEY = "files/recent"
LAST_FOLDER_KEY = "files/last_folder"
UNIT_KEY = "report/default_unit"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
EXPLANATIONS_KEY = "output/explanations_page"  # a 检查说明 page at the end of exports and prints


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from PySide6.QtCore import QStandardPaths  # (its type costs start-up time where GKBG_DATA_DIR is set)

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location or Path.home() / ".gkbg")


def recovery_dir() -> Path:
    return data_dir() / "recovery"


def recovery_dir_for(settings: QSettings) -> Path:
    """Recovery files beside an INI settings file (tests, portable use), else in the data folder."""
    if settings.format() == QSettings.Format.IniFormat and settings.fileName():
        return Path(settings.fileName()).parent / "recovery"
    return recovery_dir()


def open_settings() -> QSettings:
    if os.environ.get(DATA_DIR_ENV):
        return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings("gkbg", "gkbg")


def recent_files(settings: QSettings) -> list[Path]:
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value] if value else []
    return [Path(v) for v in value or [] if isinstance(v, str) and v]


def add_recent(settings: QSettings, path: Path) -> list[Path]:
    path = real_path(path)
    files = [path] + [p for p in recent_files(settings) if p != path]
    return set_recent(settings, files)


def set_recent(settings: QSettings, files: list[Path]) -> list[Path]:
    files = files[:MAX_RECENT]
    settings.setValue(RECENT_KEY, [str(p) for p in files])
    return files


def last_folder(settings: QSettings) -> str:
    folder = settings.value(LAST_FOLDER_KEY, "")
    if isinstance(folder, str) and folder and Path(folder).is_dir():
        return folder
    return str(Path.home())


def remember_folder(settings: QSettings, path: Path) -> None:
    settings.setValue(LAST_FOLDER_KEY, str(real_path(path).parent))


def default_unit(settings: QSettings) -> str:
    """The unit name last used for 新建, if it is still one the report accepts (else "")."""
    from model.chars import clean_line
    from model.errors import InputError
    from model.report import check_field

    value = settings.value(UNIT_KEY, "")
    if not isinstance(value, str):
        return ""
    try:
        return check_field("unit_name", clean_line(value).strip())
    except InputError:
        return ""
