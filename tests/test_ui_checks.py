"""The reviewer's checks in the window: explained warnings (undoable), 提交前检查, completeness in the prompts,
the quoted figure selected on a jump, help on every label and in 帮助 ▸ 填报说明, the 检查说明 page."""
from __future__ import annotations

import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from conftest import fresh_report
from model.report import CellRef
from model.rules import Severity, check
from test_ui_support import OFFSCREEN_NOISE, answer, grid_page, make_window  # noqa: F401  (fixtures)

pytestmark = OFFSCREEN_NOISE
NOTE = "表三含上级转办的申请，正文只写本局直接收到的。"


def warned(year: int = 2023):
    """A report whose 一 says 收到申请3件 while 表三 says 4 (one R10 warning)."""
    report = fresh_report(year, "某某县教育局")
    report.set_text("overview", "本年度共收到政府信息公开申请3件，全部予以公开。")
    report.set_text("other", "本年度未收取信息处理费。")
    for row in ("new", "disclosed"):
        report.set_value(CellRef("applications", row, "natural"), 4)
    return report


def explain_with(text: str):
    def write(dialog):
        dialog.editor.setPlainText(text)
        dialog.accept()
    return write


def test_explain_a_warning_greys_it_and_undo_takes_it_back(qtbot, make_window, answer):
    report = warned()
    window = make_window(report)
    table = window.findings_dock.table
    assert table.rowCount() == 1 and table.item(0, 0).text() == "警告"
    assert "提示：先核对表中数字" in table.item(0, 2).text()
    grid = grid_page(window, "applications").model
    assert "收到的政府信息公开申请3件" in grid.data(grid.index_of(CellRef("applications", "new", "total")),
                                                 Qt.ItemDataRole.ToolTipRole)
    table.setFocus()
    table.setCurrentCell(0, 2)
    answers = answer(explain_with(NOTE))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert answers.done and answers.seen[0][0] == "说明警告"
    assert report.explanations == {window.session.findings[0].key: NOTE}
    assert table.item(0, 0).text() == "已说明" and f"（说明：{NOTE}）" in table.item(0, 2).text()
    assert table.item(0, 2).foreground().color().name() == "#8a8f94"
    assert "0 个错误 · 1 个警告（1 个已说明）" in window.progress.text()
    assert 2 not in window.tabs.marks  # nothing more to do in 一: no mark
    assert window.isWindowModified() and window.undo_stack.undoText() == "说明警告"
    # the grid no longer marks the row: the clerk has dealt with it
    assert grid.data(grid.index_of(CellRef("applications", "new", "total")), Qt.ItemDataRole.ToolTipRole) is None \
        or "收到的政府信息公开申请" not in grid.data(grid.index_of(CellRef("applications", "new", "total")),
                                                 Qt.ItemDataRole.ToolTipRole)
    window.undo_stack.undo()
    assert report.explanations == {} and table.item(0, 0).text() == "警告"
    window.undo_stack.redo()
    window.activateWindow()  # the dialog has closed
    qtbot.waitUntil(window.isActiveWindow)
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # 撤销说明
    assert report.explanations == {} and window.undo_stack.undoText() == "撤销说明"


def test_an_explanation_expires_with_its_numbers(qtbot, make_window):
    report = warned()
    window = make_window(report)
    window.session.set_explanation(window.session.findings[0], NOTE)
    assert window.session.findings[0].explained
    window.session.set_cells([(CellRef("applications", "new", "commercial"), 1),
                              (CellRef("applications", "disclosed", "commercial"), 1)])
    (finding,) = window.session.findings
    assert not finding.explained and window.findings_dock.table.item(0, 0).text() == "警告"


def test_errors_cannot_be_explained(qtbot, make_window, answer):
    report = warned()
    window = make_window(report)
    window.session.set_cells([(CellRef("applications", "new", "natural"), 9)])
    table = window.findings_dock.table
    row = next(i for i, f in enumerate(window.session.findings) if f.severity is Severity.ERROR)
    table.setCurrentCell(row, 0)
    assert not table.explain_action.isEnabled() and not table.withdraw_action.isEnabled()
    answers = answer("确定")
    assert not window.checks.explain(window.session.findings[row])
    assert answers.seen[0][0] == "不能说明" and report.explanations == {}


def test_jump_selects_the_quoted_figure(qtbot, make_window):
    report = warned()
    window = make_window(report)
    window.findings_dock.activated.emit(window.session.findings[0])
    page = window.page_for("overview")
    assert window.tabs.currentWidget() is page
    assert page.editor.textCursor().selectedText().startswith("收到政府信息公开申请3件")


def test_missing_unit_and_texts_are_errors_named_in_the_export_prompt(qtbot, make_window, answer, tmp_path):
    report = fresh_report(2020, "")
    report.set_text("overview", "")
    window = make_window(report)
    assert "2 个错误 · 0 个警告" in window.progress.text()
    assert window.tabs.tabText(0) == "基本信息" and window.tabs.tabText(1) == "一、总体情况"
    assert window.tabs.marks[0] == window.tabs.marks[1] == "error"
    assert window.tabs.tabToolTip(0).endswith("1 个错误")
    answers = answer("否")
    assert not window.outputs.export(".pdf", tmp_path / "out.pdf")
    assert "尚有 2 个错误" in answers.seen[0][1]
    assert "其中：填报单位未填写；“一、总体情况”未填写。" in answers.seen[0][1]
    header = next(f for f in window.session.findings if f.section_key == "header")
    window.jump_to(header)
    assert window.tabs.currentIndex() == 0 and window.focusWidget() is window.pages[0].edits["unit_name"]


def test_the_findings_panel_shows_every_section_name_whole(qtbot, make_window):
    """The 部分 column is fixed in width: 基本信息 (the longest name it shows) fits, not “…”."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle

    report = fresh_report(2023, "")
    report.set_text("problems", "无")
    window = make_window(report)
    table = window.findings_dock.table
    shown = {table.item(row, 1).text() for row in range(table.rowCount())}
    assert shown == {"基本信息", "五", "六"}
    for zoom in (0, +1, +1, -1, -1, -1):
        window.zoom(zoom)
        margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
        for col, text in ((1, "基本信息"), (0, "已说明")):
            room = table.columnWidth(col) - 2 * margin
            assert QFontMetrics(table.font()).horizontalAdvance(text) <= room, (zoom, text)


def test_print_options_name_what_is_missing(qtbot, make_window, answer):
    window = make_window(fresh_report(2020, ""))
    seen = {}

    def look(dialog):
        seen["status"] = dialog.findChild(QLabel).text()
        dialog.reject()

    answer(look)
    assert window.outputs.ask_options() is None
    assert "尚有 1 个错误" in seen["status"] and "填报单位未填写" in seen["status"]
    window.session.set_field("unit_name", "测试镇人民政府")  # no error left: the missing date is still said
    answer(look)
    assert window.outputs.ask_options() is None
    assert seen["status"].startswith("检查通过") and "报告日期尚未填写，打印件不印落款日期" in seen["status"]
    window.session.set_field("report_date", "2021-01-20")
    answer(look)
    assert window.outputs.ask_options() is None
    assert seen["status"] == "检查通过：报告没有错误。"


def test_submission_check_wants_the_date_and_goes_to_it(qtbot, make_window, answer):
    report = warned()
    window = make_window(report)
    answers = answer("确定")
    window.checks.submission.trigger()
    title, text = answers.seen[0]
    assert title == "提交前检查" and "报告还不能提交" in text and "报告日期未填写" in text
    assert "另有 1 个警告未说明" in text
    assert window.tabs.currentIndex() == 0 and window.focusWidget() is window.pages[0].edits["report_date"]
    window.session.set_field("report_date", "2024-01-20")
    answers = answer("确定")
    findings = window.checks.check_submission()
    assert "提交前检查通过" in answers.seen[0][1] and not [f for f in findings if f.severity is Severity.ERROR]
    assert window.checks.submission in window.actions.file_menu.actions()


def test_labels_show_the_official_explanation(qtbot, make_window):
    window = make_window(warned())
    model = grid_page(window, "applications").model
    cells = {c.key: c for c in model.grid.cells if c.key}
    tip = model.data(model.index(cells["partial"].row, cells["partial"].col), Qt.ItemDataRole.ToolTipRole)
    assert "区分处理的，只计这一情形，不计其他情形" in tip and "第三十七条" in tip
    tip = model.data(model.index(cells["refused_internal"].row, cells["refused_internal"].col),
                     Qt.ItemDataRole.ToolTipRole)
    assert "人事管理、后勤管理、内部工作流程" in tip
    header = cells["natural"]
    assert "申请人的类别" in model.data(model.index(header.row, header.col), Qt.ItemDataRole.ToolTipRole)
    review = grid_page(window, "review").model
    leaf = next(c for c in review.grid.cells if c.key == "after_review_pending")
    assert "共同被告" in review.data(review.index(leaf.row, leaf.col), Qt.ItemDataRole.ToolTipRole)
    every = [c for c in model.grid.cells if c.role.name in ("LABEL", "HEADER")]
    assert all("“" in model.data(model.index(c.row, c.col), Qt.ItemDataRole.ToolTipRole) for c in every)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen; a desktop raises the window
def test_help_menu_opens_the_instructions_at_the_current_section(qtbot, make_window):
    window = make_window(warned())
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("帮助"))
    assert window.help.instructions in menu.actions()
    window.tabs.setCurrentWidget(window.page_for("applications"))
    qtbot.keyClick(window.tabs.currentWidget().view, Qt.Key.Key_F1)
    dialog = window.help.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    text = dialog.browser.toPlainText()
    assert "2021年版格式填报说明" in text and "属于三类内部事务信息" in text and "第十六条第一款" in text
    assert dialog.browser.verticalScrollBar().value() > 0  # opened at section 三
    dialog.close()


def test_help_menu_is_shared_with_whoever_made_it_first(make_window):
    window = make_window(warned())
    menus = [a.menu() for a in window.menuBar().actions() if a.text().startswith("帮助")]
    assert menus == [window.actions.help_menu]  # one 帮助 menu, the window's own
    assert menus[0].actions()[:2] == [window.help.instructions, window.actions.about]


def test_explanations_page_in_pdf_and_docx():
    import pdfplumber
    from docx import Document

    from export import ExportOptions, docx_bytes, pdf_bytes

    report = warned()
    report.set_explanation(check(report)[0].key, NOTE)
    with pdfplumber.open(io.BytesIO(pdf_bytes(report, ExportOptions(explanations_page=True)))) as pdf:
        last = pdf.pages[-1].extract_text().replace(" ", "")
        before = pdf.pages[-2].extract_text().replace(" ", "")
    assert last.startswith("检查说明") and "以下1项检查警告" in last and NOTE in last
    assert "检查说明" not in before  # a page of its own
    with pdfplumber.open(io.BytesIO(pdf_bytes(report))) as pdf:
        assert all("检查说明" not in (p.extract_text() or "") for p in pdf.pages)  # only when asked
    doc = Document(io.BytesIO(docx_bytes(report, ExportOptions(explanations_page=True))))
    heading = next(p for p in doc.paragraphs if p.text == "检查说明")
    assert heading.paragraph_format.page_break_before
    assert any(NOTE in p.text for p in doc.paragraphs)


def test_explanations_page_option_is_remembered(qtbot, make_window, answer):
    window = make_window(warned())
    assert not window.outputs.explanations_page.isChecked()
    window.outputs.explanations_page.trigger()
    from ui.output.export_settings import export_options

    assert export_options(window.settings).explanations_page

    def look(dialog):
        assert dialog.explanations.isChecked()
        dialog.explanations.setChecked(False)
        dialog.accept()

    answer(look)
    assert window.outputs.ask_options().explanations_page is False
    assert not export_options(window.settings).explanations_page
