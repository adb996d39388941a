"""Work-arounds for PySide6: None, True and False kept from being freed (6.12 wheels on CPython 3.11); a
cheaper scan of each module imported after PySide (start-up time).

The PySide6 6.12 abi3 wheels return None/True/False to Python without a new reference (harmless on 3.12+, where
the singletons are immortal). On 3.11 every call of a void method (setText, undo, …) or a signal's
emit() takes one reference away; after a few thousand calls CPython aborts with "none_dealloc:
deallocating None". Giving the singletons a huge reference count, as 3.12 does, makes that drift harmless.
"""
from __future__ import annotations

import os
import sys

IMMORTAL_REFS = 1 << 40


def immortalize_singletons() -> None:
    """Raise the reference counts of None, True and False far beyond reach (CPython < 3.12 only)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    ssize_t = _ssize_t()
    for obj in (None, True, False):
        refcnt = ssize_t.from_address(id(obj))  # ob_refcnt is PyObject's first field
        if refcnt.value < IMMORTAL_REFS:
            refcnt.value += IMMORTAL_REFS


def _ssize_t() -> type:
    """ctypes' c_ssize_t made from the _ctypes core alone: the ctypes package costs start-up time."""
    from _ctypes import _SimpleCData

    class SSizeT(_SimpleCData):
        _type_ = "q" if sys.maxsize > 2 ** 32 else "i"

    return SSizeT


def quick_pyside_scan() -> None:
    """Answer the question PySide's import hook asks of every module imported after PySide, without
    inspect.getsource.

    To know whether a module uses PySide (for `from __feature__ import …`), the hook reads the module's source
    through inspect and linecache (decoding, splitting into lines, caching them) and looks for "PySide6": about
    0.3 ms per module, 70 modules at start-up. Here the application's own modules are answered by where they
    live: ui/ adapts the model to Qt (yes), the other packages are Qt-free (no: tests/test_boundaries); the
    answer only tells PySide how to switch `__feature__` sets, which this application never selects. The
    standard library does not use PySide (no). Any other module is answered by the same test on the file's
    bytes (the same answer for a UTF-8 source file; no source file, or a failure, goes to PySide's own
    function). Does nothing on a PySide without that hook.
    """
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "quick", False):
        return
    ui_dir = os.path.dirname(os.path.abspath(__file__)) + os.sep
    core_dirs = tuple(os.path.join(os.path.dirname(ui_dir[:-1]), name) + os.sep
                      for name in ("model", "export", "importer", "cli"))
    stdlib_dir = os.path.dirname(os.path.abspath(os.__file__)) + os.sep

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if path is None:  # a built-in module: no source (PySide's function says no too)
            return False
        if not isinstance(path, str):
            return original(module)
        if path.startswith(ui_dir):
            return True
        if path.startswith(core_dirs) or (path.startswith(stdlib_dir) and not path.startswith(
                ("site-packages", "dist-packages"), len(stdlib_dir))):
            return False
        if not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.quick = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside
