"""The window on the screens clerks have: on_screen_ui.py run in a child pytest whose offscreen platform is a
1366×768 screen, or a 1920×1080 one at 150 % and at 200 % scaling."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

SCREENS = {"1366x768": ((1366, 768), "1"), "1080p-150%": ((1920, 1080), "1.5"), "1080p-200%": ((1920, 1080), "2")}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_window_on_a_screen(tmp_path, screen):
    (width, height), scale = SCREENS[screen]
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": scale,
           "GKBG_TEST_SCREEN": screen, "GKBG_DATA_DIR": str(tmp_path / "data")}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                          str(ROOT / "tests" / "on_screen_ui.py")], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=280)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-1000:]
    assert " passed" in run.stdout.splitlines()[-1]
