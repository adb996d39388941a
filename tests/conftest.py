"""Shared test set-up: offscreen Qt, the shipped sample, fresh reports."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "resources" / "samples" / "huohua-2019.gkbg.json"


@pytest.fixture(autouse=True)
def chinese_qt(request):
    """Qt tests run with Qt's Chinese texts, as the application does (ui.app installs them at start)."""
    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        from ui.translations import install_translations

        install_translations(request.getfixturevalue("qapp"))


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def sample_report():
    from model.draft import load_draft

    return load_draft(SAMPLE)


@pytest.fixture
def report_2019():
    from model.report import Report

    return Report.for_year(2019, "测试镇人民政府")


@pytest.fixture
def report_2021():
    from model.report import Report

    return Report.for_year(2023, "测试县教育局")
