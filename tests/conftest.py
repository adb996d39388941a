"""Shared test set-up: offscreen Qt, the shipped sample, fresh reports, `python main.py` in a child process."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "resources" / "samples" / "huohua-2019.gkbg.json"


def run_main(*args, cwd: Path = ROOT, env: dict[str, str] | None = None,
             timeout: float = 120) -> subprocess.CompletedProcess:
    """`python main.py args…` in a child process (env: variables added to this one's), output read as UTF-8."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, env=None if env is None else {**os.environ, **env},
                          timeout=timeout)


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


# the two text sections every report must have (an empty one is an error of its own, tested in test_text_years)
OVERVIEW = "本年度政府信息公开工作总体情况良好。"
PROBLEMS = "一是公开内容不够全面；二是培训不足。下一步将加强培训，完善制度，按期更新栏目。"


def fresh_report(year: int, unit: str):
    """A new report with its required texts written and no number filled in."""
    from model.report import Report

    report = Report.for_year(year, unit)
    report.set_text("overview", OVERVIEW)
    report.set_text("problems", PROBLEMS)
    return report


@pytest.fixture
def report_2019():
    return fresh_report(2019, "测试镇人民政府")


@pytest.fixture
def report_2021():
    return fresh_report(2023, "测试县教育局")
