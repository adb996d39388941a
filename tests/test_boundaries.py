"""The core never imports Qt: every package but ui/ checked statically and at import time."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# every package but ui/ is pure Python (importer/ and other packages join as they are made)
CORE = [d for d in ("model", "export", "importer", "cli") if (ROOT / d).is_dir()]
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def core_files():
    return sorted(p for d in CORE for p in (ROOT / d).rglob("*.py"))


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_does_not_import_qt(path):
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        for name in names:
            assert not name.split(".")[0] in QT, f"{path.name} imports {name}"


def test_importing_the_core_loads_no_qt():
    modules = [".".join(p.relative_to(ROOT).with_suffix("").parts) for p in core_files()]
    modules = [m.removesuffix(".__init__") for m in modules]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "bad = [m for m in sys.modules if m.split('.')[0] in %r]\nprint(bad)\nsys.exit(1 if bad else 0)" % (QT,))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_module_has_a_docstring():
    for path in sorted(p for d in [*CORE, "ui"] for p in (ROOT / d).rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        assert ast.get_docstring(tree), f"{path.relative_to(ROOT)} has no module docstring"
