"""Tab pages built on first show or request: titles, jumps, focus and zoom before then; marks and findings
repainted cheaply."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QTabWidget

from model.report import CellRef
from ui import style
from test_ui_support import OFFSCREEN_NOISE, grid_page, make_window, type_into  # noqa: F401  (fixture)

pytestmark = OFFSCREEN_NOISE
CTRL = Qt.KeyboardModifier.ControlModifier
NEW = CellRef("applications", "new", "natural")
APPLICATIONS = 3  # tab index of section 三


def test_start_builds_only_the_first_tab_and_marks_the_others_with_errors(make_window, report_2019):
    report_2019.set_value(NEW, 5)  # the balance of 三 is broken before the window opens
    report_2019.set_text("problems", "无")  # and 五 says nothing: a warning
    window = make_window(report_2019)
    marks = window.tabs.marks
    assert [page.built for page in window.pages] == [True] + [False] * 6
    assert window.tabs.tabText(APPLICATIONS) == "三、依申请公开" and marks[APPLICATIONS] == "error"
    assert window.tabs.tabToolTip(APPLICATIONS) == "三、收到和处理政府信息公开申请情况\n2 个错误"
    assert marks[5] == "warning" and 4 not in marks  # 五 is empty; 四 has nothing to report
    window.session.set_cells([(NEW, 0)])  # an undoable edit of the unbuilt tab's section
    assert APPLICATIONS not in marks and window.tabs.tabToolTip(APPLICATIONS) == "三、收到和处理政府信息公开申请情况"
    window.undo_stack.undo()
    assert marks[APPLICATIONS] == "error"
    assert not window.pages[APPLICATIONS].built


def test_jump_to_a_finding_builds_its_tab_with_highlights_and_cursor(qtbot, make_window, report_2019):
    report_2019.set_value(NEW, 5)
    window = make_window(report_2019)
    finding = next(f for f in window.findings_dock.findings if f.section_key == "applications")
    window.findings_dock.activated.emit(finding)
    page = window.tabs.currentWidget()
    assert page is window.pages[APPLICATIONS] and page.built
    assert page.view.isVisible() and page.heading.isVisible()
    assert page.view.currentIndex() == page.model.index_of(finding.ref)
    assert page.view.hasFocus()
    assert page.model.data(page.model.index_of(NEW), Qt.ItemDataRole.BackgroundRole) == style.ERROR_CELL_BG


def test_keyboard_to_an_unbuilt_text_tab_focuses_its_editor(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_PageDown, CTRL)
    page = window.tabs.currentWidget()
    assert page is window.pages[1] and page.built
    assert window.focusWidget() is page.editor
    assert page.editor.toPlainText() == sample_report.texts["overview"]


def test_zoom_set_before_a_tab_is_built_applies_when_it_is(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    normal = QApplication.font().pointSizeF()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Equal, CTRL)
    assert not window.pages[APPLICATIONS].built
    page = window.page_for("applications")
    assert page.view.font().pointSizeF() == window.zoom_font().pointSizeF() > normal
    assert page.heading.font().bold() and page.heading.font().pointSizeF() > page.view.font().pointSizeF()
    assert window.page_for("overview").editor.font().pointSizeF() > normal


def settle(qtbot, widget) -> None:
    """Wait until widget has painted what its first show and layout asked for (no paint for 60 ms)."""
    paints = _Paints()
    widget.installEventFilter(paints)
    seen = -1
    while paints.count != seen:
        seen = paints.count
        qtbot.wait(60)
    widget.removeEventFilter(paints)


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_tab_mark_moves_no_tab(qtbot, make_window, report_2019):
    report_2019.set_text("problems", "无")
    window = make_window(report_2019)  # the warning for 五 marks its tab: every tab has room for a mark
    tabs, bar = window.tabs, window.tabs.tabBar()
    page = grid_page(window, "applications")
    settle(qtbot, page)  # the page's first paints
    place, rects = page.geometry(), [bar.tabRect(i) for i in range(tabs.count())]
    paints = _Paints()
    page.installEventFilter(paints)
    type_into(qtbot, page.view, page.model.index_of(NEW), "5")
    qtbot.waitUntil(lambda: tabs.marks.get(APPLICATIONS) == "error")
    QApplication.processEvents()
    assert [bar.tabRect(i) for i in range(tabs.count())] == rects and page.geometry() == place
    assert tabs.tabText(APPLICATIONS) == "三、依申请公开"
    mark = tabs.mark_label(APPLICATIONS)
    assert mark.text() == "●" and style.ERROR_TEXT in mark.styleSheet() and mark.isVisible()
    assert bar.tabRect(APPLICATIONS).contains(mark.geometry())  # the dot lies in the tab, right of its title
    title_right = bar.tabRect(APPLICATIONS).left() + bar.fontMetrics().horizontalAdvance("三、依申请公开")
    assert mark.geometry().left() > title_right
    assert tabs.marks[5] == "warning" and style.WARNING_TEXT in tabs.mark_label(5).styleSheet()
    page.removeEventFilter(paints)


def test_a_report_that_checks_clean_opens_without_marks(qtbot, make_window, sample_report):
    window = make_window(sample_report)
    tabs = window.tabs
    assert tabs.marks == {} and tabs.tabBar().tabButton(3, tabs.tabBar().ButtonPosition.RightSide) is None
    widths = [tabs.tabBar().tabRect(i).width() for i in range(tabs.count())]
    window.session.set_cells([(NEW, 5)])  # the first mark gives every tab its room, once
    QApplication.processEvents()
    grown = [tabs.tabBar().tabRect(i).width() for i in range(tabs.count())]
    assert all(g > w for g, w in zip(grown, widths)) and tabs.marks == {APPLICATIONS: "error"}
    window.undo_stack.undo()
    QApplication.processEvents()
    assert tabs.marks == {} and [tabs.tabBar().tabRect(i).width() for i in range(tabs.count())] == grown


def test_a_changed_tab_title_repaints_the_tab_bar_not_the_page(qtbot, make_window, report_2019):
    """Titles keep their width now, but one that does change (another feature may rename a tab) still
    re-lays the tab bar alone."""
    window = make_window(report_2019)
    tabs, bar = window.tabs, window.tabs.tabBar()
    page = grid_page(window, "applications")
    settle(qtbot, page)  # the page's first paints
    place = page.geometry()
    paints = _Paints()
    page.installEventFilter(paints)
    tabs.setTabText(APPLICATIONS, "三、依申请公开（改）")
    QApplication.processEvents()
    assert paints.count == 0 and page.geometry() == place
    assert bar.tabRect(APPLICATIONS).width() > bar.fontMetrics().horizontalAdvance("三、依申请公开（改）")
    laid_out = bar.geometry(), [bar.tabRect(i) for i in range(tabs.count())]
    QTabWidget.setTabText(tabs, APPLICATIONS, tabs.tabText(APPLICATIONS))  # QTabWidget's own full layout
    QApplication.processEvents()
    assert (bar.geometry(), [bar.tabRect(i) for i in range(tabs.count())]) == laid_out
    assert paints.count > 0  # the full layout does repaint the page: the count above could fail
    page.removeEventFilter(paints)


def test_findings_table_is_built_with_the_first_finding(qtbot, make_window, sample_report):
    window = make_window(sample_report)  # the sample checks clean
    dock = window.findings_dock
    assert dock._table is None and dock.widget() is dock.clean and dock.is_compact()
    assert "没有发现错误或警告" in dock.clean_label.text()
    window.session.set_cells([(NEW, 5)])
    assert dock.widget() is dock.table and dock.table.rowCount() == 2
    qtbot.waitUntil(dock.table.isVisible)
    assert not dock.clean_label.isVisible() and not dock.empty_label.isVisible()
    window.undo_stack.undo()  # the table stays, empty, with the line inside it
    assert dock.widget() is dock.table and dock.table.rowCount() == 0
    qtbot.waitUntil(dock.empty_label.isVisible)
    assert dock.empty_label.parent() is dock.table.viewport()
    assert dock.empty_label.width() >= dock.empty_label.sizeHint().width()


def test_findings_columns_keep_their_width_and_name_the_section_short(qtbot, make_window, report_2019):
    from ui.findings.table import HEADERS

    report_2019.set_text("problems", "无")
    report_2019.set_text("other", "")
    window = make_window(report_2019)  # warnings for the token section 五 and the empty 六
    table = window.findings_dock.table
    header = table.horizontalHeader()
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == list(HEADERS)
    widths = [table.columnWidth(c) for c in range(table.columnCount())]
    assert table.rowCount() >= 1 and {table.item(r, 1).text() for r in range(table.rowCount())} <= {"一", "五", "六"}
    assert table.item(0, 1).toolTip().startswith(table.item(0, 1).text() + "、")  # the heading in full
    window.session.set_cells([(NEW, 5), (CellRef("applications", "carried_over", "other_org"), 123456)])
    QApplication.processEvents()
    assert table.item(0, 1).text() == "三" and table.item(0, 4).text() == "自然人"
    assert [table.columnWidth(c) for c in range(table.columnCount())] == widths
    assert header.sectionResizeMode(2) == header.ResizeMode.Stretch  # the message takes what is left
    message = table.visualItemRect(table.item(0, 2))
    assert message.left() < table.visualItemRect(table.item(0, 3)).left()  # the message before row and column


def test_a_changed_finding_repaints_the_list_not_the_panel(qtbot, make_window, sample_report):
    window = make_window(sample_report)  # checks clean
    page = grid_page(window, "applications")
    window.session.set_cells([(NEW, 5)])  # the balance breaks: two findings listed
    dock = window.findings_dock
    table = dock.table
    qtbot.waitUntil(lambda: dock.widget() is table and table.rowCount() == 2 and table.isVisible())
    settle(qtbot, dock)  # the panel's first paints
    before = [table.item(r, 2).text() for r in range(2)]
    panel, cells = _Paints(), _Paints()
    dock.installEventFilter(panel)
    table.viewport().installEventFilter(cells)
    page.model.setData(page.model.index_of(NEW), "6")  # still broken: only the numbers in a message change
    QApplication.processEvents()
    assert [table.item(r, 2).text() for r in range(2)] != before
    assert cells.count > 0 and panel.count == 0
    for value in ("0", "5"):  # mended, then broken again: the list empties and fills inside the table
        page.model.setData(page.model.index_of(NEW), value)
        QApplication.processEvents()
        assert dock.empty_label.isVisible() == (value == "0") and panel.count == 0
    table.viewport().removeEventFilter(cells)
    dock.removeEventFilter(panel)
