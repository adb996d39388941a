"""The multi-level column header of sections 三 and 四 stays in view while the grid scrolls."""
from __future__ import annotations

from model.report import CellRef
from test_ui_support import OFFSCREEN_NOISE, grid_page, make_window  # noqa: F401  (fixture)

pytestmark = OFFSCREEN_NOISE


def test_header_rows_stay_on_top_while_scrolling(qtbot, make_window, report_2021):
    window = make_window(report_2021)
    window.resize(900, 520)
    view = grid_page(window, "applications").view
    frozen = view.frozen
    assert frozen is not None and frozen.rows == 3
    assert frozen.isVisible() and not frozen.focusPolicy()
    assert frozen.height() == sum(view.rowHeight(r) for r in range(3))
    assert frozen.model().data(frozen.model().index(0, 3)) == "申请人情况"
    bottom = view.model().index_of(CellRef("applications", "carry_forward", "natural"))
    view.setCurrentIndex(bottom)
    assert view.verticalScrollBar().value() > 0  # the grid did scroll
    assert frozen.geometry().top() == view.viewport().geometry().top()  # the header did not
    top = view.model().index_of(CellRef("applications", "new", "natural"))
    view.setCurrentIndex(top)  # moving back up must not leave the cell under the header
    assert view.visualRect(top).top() >= frozen.height()
    assert view.visualRect(top).bottom() <= view.viewport().height()


def test_zoom_keeps_header_rows_matched(qtbot, make_window, report_2021):
    window = make_window(report_2021)
    view = grid_page(window, "review").view
    window.zoom(+2)
    assert [view.frozen.columnWidth(c) for c in range(15)] == [view.columnWidth(c) for c in range(15)]
    assert view.frozen.height() == sum(view.rowHeight(r) for r in range(3))


def test_section_two_has_no_frozen_rows(qtbot, make_window, report_2021):
    window = make_window(report_2021)
    assert grid_page(window, "proactive").view.frozen is None
