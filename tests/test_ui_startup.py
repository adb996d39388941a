"""Start-up kept cheap without changing behaviour: what waits until it is used, and the shortcuts made for it."""
from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401  (PySide's import hook)

from ui.qt_compat import quick_pyside_scan


def test_quick_pyside_scan_answers_as_pyside_does():
    """The cheaper scan of imported modules gives PySide's own answer: uses PySide or not."""
    feature = sys.modules["shibokensupport.feature"]
    quick_pyside_scan()
    quick = feature._mod_uses_pyside
    assert getattr(quick, "quick", False)
    quick_pyside_scan()  # a second call keeps it (no scan wrapped in a scan)
    assert feature._mod_uses_pyside is quick
    original = quick.__closure__[0].cell_contents
    import json

    import model.report
    import ui.actions
    import ui.qt_compat

    modules = [ui.actions, model.report, ui.qt_compat, json, sys, feature]
    assert [quick(m) for m in modules] == [original(m) for m in modules]
    assert quick(ui.actions) and not quick(model.report)
