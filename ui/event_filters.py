"""Event filters of the window's widgets, held back while the window starts up until it has been shown.

A Python event filter (or event handler) makes PySide build its QEvent types the first time it is called:
about 2.5 ms, spent before the window first appears if a filter sees the events that lay out and paint it.
The filters here only act on the clerk's keys and right-clicks, so start-up (ui.app) installs them one turn
of the event loop after the window is shown; outside start-up they are installed at once.
"""
from __future__ import annotations

import shiboken6

_held: list | None = None  # (widget, filter) pairs waiting for the window to be shown; None: not starting up


def install_filter(widget, event_filter) -> None:
    """widget.installEventFilter(event_filter), now or, while the window starts up, once it is shown."""
    if _held is None:
        widget.installEventFilter(event_filter)
    else:
        _held.append((widget, event_filter))


def hold_filters() -> None:
    """Start-up: filters asked for from now on wait for release_filters()."""
    global _held
    if _held is None:
        _held = []


def release_filters() -> None:
    """Install the filters held back (on the widgets still alive); from now on filters go in at once."""
    global _held
    held, _held = _held or [], None
    for widget, event_filter in held:
        if shiboken6.isValid(widget) and shiboken6.isValid(event_filter):
            widget.installEventFilter(event_filter)


def filters_held() -> bool:
    return _held is not None
