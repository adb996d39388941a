"""Windows and dialogs sized to fit the screen they open on (a 1366×768 office PC, a laptop at 150–200 %)."""
from __future__ import annotations

SCREEN_MARGIN, TITLE_BAR = 16, 32  # px kept free around a window; a title bar's height


def available_size(widget) -> tuple[int, int]:
    """The largest outer size a window may take on widget's screen: the available area (without the
    taskbar) less a margin all round and the title bar."""
    area = widget.screen().availableGeometry()
    return area.width() - 2 * SCREEN_MARGIN, area.height() - 2 * SCREEN_MARGIN - TITLE_BAR


def fitted_size(widget, width: int, height: int) -> tuple[int, int]:
    """width×height, each made smaller where it exceeds what widget's screen allows."""
    most_w, most_h = available_size(widget)
    return min(width, most_w), min(height, most_h)


def fit_window(window, width: int, height: int) -> None:
    """Resize a main window to width×height, made smaller to fit its screen, and centre it there."""
    area = window.screen().availableGeometry()
    width, height = fitted_size(window, width, height)
    window.resize(width, height)
    window.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height - TITLE_BAR) // 2)


def fit_dialog(dialog, width: int | None = None, height: int | None = None) -> None:
    """Give a dialog width×height (default: what its layout asks for), made smaller to fit the screen;
    Qt then centres it over its parent window, within the screen."""
    hint = dialog.sizeHint()
    dialog.resize(*fitted_size(dialog, width or hint.width(), height or hint.height()))
