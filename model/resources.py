"""Where the shipped files (fonts, sample, icons) are: resources/ of the source tree, or of the PyInstaller bundle."""
from __future__ import annotations

import sys
from pathlib import Path

# the folder beside the packages in the source tree; PyInstaller's spec copies it to the same place in the bundle
_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def frozen() -> bool:
    """True when running from the PyInstaller bundle (dist/gkbg/), not from Python sources."""
    return bool(getattr(sys, "frozen", False))


def app_root() -> Path:
    """The folder holding the packages and resources/: the bundle's contents folder, or the source tree."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if frozen() and bundle else _SOURCE_ROOT


def resource_path(*parts: str) -> Path:
    """A shipped file or folder under resources/, e.g. resource_path("fonts", "gbsn00lp-gb2312.ttf")."""
    return app_root().joinpath("resources", *parts)
