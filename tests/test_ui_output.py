"""Export and print from the window: 导出 Word/PDF (asking first when there are errors), 打印预览, 打印."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel

import ui.output.printing as printing_module
from model.report import CellRef
from test_ui_support import OFFSCREEN_NOISE, answer, make_window  # noqa: F401  (fixtures)

pytestmark = OFFSCREEN_NOISE


def break_balance(window) -> None:
    window.session.set_cells([(CellRef("applications", "new", "natural"), 5)])


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_export_from_the_menu(qtbot, make_window, sample_report, tmp_path, monkeypatch, suffix):
    window = make_window(sample_report)
    target = tmp_path / f"报告{suffix}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    action = window.outputs.export_pdf if suffix == ".pdf" else window.outputs.export_docx
    assert action in window.actions.file_menu.actions()
    action.trigger()
    assert target.exists() and target.stat().st_size > 10_000
    assert target.read_bytes()[:4] == (b"%PDF" if suffix == ".pdf" else b"PK\x03\x04")
    assert "已导出" in window.statusBar().currentMessage()


def test_export_with_errors_asks_first_naming_the_count(qtbot, make_window, sample_report, tmp_path, answer):
    window = make_window(sample_report)
    break_balance(window)
    target = tmp_path / "out.pdf"
    answers = answer("否")
    assert not window.outputs.export(".pdf", target)
    assert "尚有 2 个错误" in answers.seen[0][1] and not target.exists()
    answer("是")
    assert window.outputs.export(".pdf", target)
    assert target.exists()


def test_export_failure_is_a_clear_message(qtbot, make_window, sample_report, tmp_path, answer):
    window = make_window(sample_report)
    answers = answer("确定")
    assert not window.outputs.export(".pdf", tmp_path / "no-such-folder" / "out.pdf")
    assert answers.seen[0][0] == "导出失败" and "文件夹不存在" in answers.seen[0][1]
    assert not (tmp_path / "no-such-folder").exists()


def test_print_without_a_printer_says_so(qtbot, make_window, sample_report, answer, monkeypatch):
    monkeypatch.setattr(printing_module, "has_printer", lambda: False)
    window = make_window(sample_report)
    answers = answer("确定")
    window.outputs.print.trigger()
    assert answers.seen == [("没有打印机", answers.seen[0][1])] and "打印预览" in answers.seen[0][1]


def test_preview_from_the_menu_shows_the_exported_pages(qtbot, make_window, sample_report, answer):
    from export import pdf_bytes

    window = make_window(sample_report)
    expected = printing_module.PdfPages(pdf_bytes(sample_report)).page_count()
    seen = {}

    def look(dialog):
        seen["pages"] = dialog.pages.page_count()
        seen["title"] = dialog.windowTitle()
        dialog.next_page()
        seen["print_enabled"] = dialog.print_button.isEnabled()
        dialog.reject()

    answers = answer("确定", look)
    window.outputs.preview.trigger()
    assert answers.seen[0][0] == "打印选项"
    assert seen["pages"] == expected and "火花镇人民政府" in seen["title"] and seen["print_enabled"]


def test_print_dialog_names_the_errors(qtbot, make_window, sample_report, answer, monkeypatch):
    monkeypatch.setattr(printing_module, "has_printer", lambda: True)
    window = make_window(sample_report)
    break_balance(window)
    seen = {}

    def options(dialog):
        assert dialog.errors == 2 and "尚有 2 个错误" in dialog.findChild(QLabel).text()
        dialog.accept()

    def print_dialog(dialog):
        seen["title"] = dialog.windowTitle()
        dialog.reject()

    answers = answer(options, print_dialog)
    window.outputs.print.trigger()
    assert answers.done and "2 个错误" in seen["title"]


def test_print_sends_the_exported_pages_to_the_printer(qtbot, make_window, sample_report, answer,
                                                        monkeypatch, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from export import ExportOptions, pdf_bytes

    monkeypatch.setattr(printing_module, "has_printer", lambda: True)
    window = make_window(sample_report)
    out = tmp_path / "printed.pdf"

    def pdf_printer(_pages):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(100)
        printing_module.prepare_printer(printer)
        return printer

    monkeypatch.setattr(window.outputs, "choose_printer", pdf_printer)

    def with_approval(dialog):
        dialog.approval.setChecked(True)
        dialog.accept()

    answer(with_approval)
    window.outputs.print.trigger()
    expected = printing_module.PdfPages(pdf_bytes(sample_report, ExportOptions(approval_block=True)))
    assert printing_module.PdfPages(out.read_bytes()).page_count() == expected.page_count()
    assert "已送打印机" in window.statusBar().currentMessage()


def docx_style_fonts(path) -> set[str]:
    """The East-Asian font of every paragraph style the document uses."""
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document(str(path))
    used = {p.style.style_id for p in doc.paragraphs}
    return {doc.styles.element.get_by_id(sid).rPr.rFonts.get(qn("w:eastAsia")) for sid in used}


def test_docx_fonts_changeable_in_settings(qtbot, make_window, sample_report, tmp_path, answer):
    window = make_window(sample_report)

    def choose(dialog):
        dialog.boxes["export/body_font"].setCurrentText("仿宋")
        dialog.boxes["export/title_font"].setCurrentText("小标宋")
        dialog.boxes["export/subheading_font"].setCurrentText("楷体")
        dialog.accept()

    answer(choose)
    window.outputs.fonts.trigger()
    target = tmp_path / "fonts.docx"
    assert window.outputs.export(".docx", target)
    fonts = docx_style_fonts(target)
    assert {"仿宋", "小标宋", "黑体"} <= fonts and "仿宋_GB2312" not in fonts

    def restore(dialog):
        dialog.restore_defaults()
        dialog.accept()

    answer(restore)
    window.outputs.fonts.trigger()
    assert window.outputs.export(".docx", target)
    assert {"仿宋_GB2312", "方正小标宋简体"} <= docx_style_fonts(target)


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_unexpected_renderer_failure_is_a_chinese_message(qtbot, make_window, sample_report, tmp_path, answer,
                                                           monkeypatch, suffix):
    import export.docx_render as docx_render
    import export.pdf_render as pdf_render

    def broken(*_args, **_kwargs):
        raise TypeError("'>' not supported between instances of 'NoneType' and 'float'")

    monkeypatch.setattr(pdf_render, "render_pdf", broken)
    monkeypatch.setattr(docx_render, "render_docx", broken)
    window = make_window(sample_report)
    answers = answer("确定")
    target = tmp_path / f"out{suffix}"
    assert not window.outputs.export(suffix, target)
    title, text = answers.seen[0]
    assert title == "导出失败" and "意外错误" in text and "TypeError" in text and "Traceback" not in text
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_any_failure_while_exporting_is_a_chinese_message(qtbot, make_window, sample_report, tmp_path, answer,
                                                          monkeypatch):
    import export

    monkeypatch.setattr(export, "export_report", lambda *_a: (_ for _ in ()).throw(RuntimeError("boom")))
    window = make_window(sample_report)
    answers = answer("确定")
    assert not window.outputs.export(".pdf", tmp_path / "out.pdf")
    assert answers.seen[0][0] == "导出失败" and "意外错误" in answers.seen[0][1]


def test_preview_failure_is_a_chinese_message(qtbot, make_window, sample_report, answer, monkeypatch):
    import export.pdf_render as pdf_render

    monkeypatch.setattr(pdf_render, "render_pdf", lambda *_a: (_ for _ in ()).throw(KeyError("frame")))
    window = make_window(sample_report)
    answers = answer("确定", "确定")  # 打印选项, then the failure
    window.outputs.preview.trigger()
    assert answers.seen[-1][0] == "无法预览" and "意外错误" in answers.seen[-1][1]
