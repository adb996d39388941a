"""Work-around for the PySide6 6.12 wheels on CPython 3.11: keep None, True and False from being freed.

These abi3 wheels return None/True/False to Python without a new reference (harmless on 3.12+, where
the singletons are immortal). On 3.11 every call of a void method (setText, undo, …) or a signal's
emit() takes one reference away; after a few thousand calls CPython aborts with "none_dealloc:
deallocating None". Giving the singletons a huge reference count, as 3.12 does, makes that drift harmless.
"""
from __future__ import annotations

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
