"""导出 Word/PDF (its fonts, its 检查说明 page), 打印预览 and 打印 (Ctrl+P): all from the one PDF/DOCX export of the
report."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from .. import settings as cfg
from ..actions import window_action
from ..settings import EXPLANATIONS_KEY

APPROVAL_KEY = "print/approval_block"
WATERMARK_KEY = "print/draft_watermark"


class OutputActions(QObject):
    """Adds 导出 and 打印 to the 文件 menu; every output is built by export/ from the model."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        menu = window.actions.file_menu
        before = window.actions.quit
        self.export_docx = self._action("导出 Word…", lambda: self.export(".docx"))
        self.export_pdf = self._action("导出 PDF…", lambda: self.export(".pdf"))
        self.preview = self._action("打印预览…", self.print_preview)
        self.print = self._action("打印…", self.print_report, QKeySequence.StandardKey.Print)
        self.fonts = self._action("导出字体设置…", self.choose_fonts)
        self.explanations_page = self._action("导出时附“检查说明”页", self.set_explanations_page)
        self.explanations_page.setCheckable(True)
        self.explanations_page.setChecked(self.with_explanations_page())
        menu.aboutToShow.connect(lambda: self.explanations_page.setChecked(self.with_explanations_page()))
        menu.insertActions(before, [self.export_docx, self.export_pdf, self.fonts, self.explanations_page])
        menu.insertSeparator(before)
        menu.insertActions(before, [self.preview, self.print])
        menu.insertSeparator(before)

    def _action(self, text, slot, *keys) -> QAction:
        return window_action(self.window, text, slot, *keys)

    def errors(self) -> int:
        return self.window.session.counts()[0]

    def missing(self) -> tuple[str, ...]:
        """What the report still lacks (填报单位, 一, 五): named in the prompts, not only counted."""
        from model.rules import missing_parts

        return tuple(missing_parts(self.window.session.findings))

    # ---- export ----

    def export(self, suffix: str, path: str | Path | None = None) -> bool:
        from ..dialogs import ask_yes_no, fail
        from ..file_dialogs import name_to_save, with_suffix

        report = self.window.report
        errors = self.errors()
        missing = self.missing()
        lacking = f"\n其中：{'；'.join(missing)}。" if missing else ""
        if errors and not ask_yes_no(self.window, "报告尚有错误",
                                     f"报告尚有 {errors} 个错误（见“检查结果”）。{lacking}\n仍要导出吗？"):
            return False
        path = (with_suffix(path, suffix) if path
                else name_to_save(self.window, "导出", self.settings, report.title(), suffix))
        if path is None:
            return False
        from export import export_report, failure_message

        from ..wait_cursor import wait_cursor
        from .export_settings import export_options

        try:
            with wait_cursor():
                export_report(report, path, export_options(self.settings))
        except Exception as exc:  # noqa: BLE001 - every failure is told in Chinese, never a traceback
            fail(self.window, "导出失败", failure_message(exc))
            return False
        cfg.remember_folder(self.settings, path)
        self.window.show_message(f"已导出：{path}")
        return True

    def choose_fonts(self) -> None:
        from .export_settings import ExportFontsDialog

        ExportFontsDialog(self.settings, self.window).exec()

    def with_explanations_page(self) -> bool:
        """导出时附“检查说明”页: exports and prints end with the explained warnings (a setting; 打印选项 shares it)."""
        return bool(self.settings.value(EXPLANATIONS_KEY, False, bool))

    def set_explanations_page(self, on: bool) -> None:
        self.settings.setValue(EXPLANATIONS_KEY, bool(on))

    # ---- print ----

    def ask_options(self):
        from .print_options import PrintOptionsDialog

        dialog = PrintOptionsDialog(self.errors(), bool(self.settings.value(APPROVAL_KEY, False, bool)),
                                    bool(self.settings.value(WATERMARK_KEY, True, bool)), self.window,
                                    self.with_explanations_page(), self.missing(),
                                    undated=not self.window.report.report_date)
        if not dialog.exec():  # Rejected (0)
            return None
        self.settings.setValue(APPROVAL_KEY, dialog.approval.isChecked())
        self.settings.setValue(WATERMARK_KEY, dialog.watermark.isChecked())
        self.settings.setValue(EXPLANATIONS_KEY, dialog.explanations.isChecked())
        return dialog.options(self.settings)

    def pages(self, options):
        """The exported PDF's pages (what is previewed is what prints and what is exported)."""
        from export import pdf_bytes

        from ..wait_cursor import wait_cursor
        from .printing import PdfPages

        with wait_cursor():
            return PdfPages(pdf_bytes(self.window.report, options), self)

    def ask_pages(self, failure_title: str):
        """Print options, then the pages built with them; None when cancelled or impossible."""
        options = self.ask_options()
        if options is None:
            return None
        try:
            return self.pages(options)
        except Exception as exc:  # noqa: BLE001 - every failure is told in Chinese, never a traceback
            from export import failure_message

            from ..dialogs import fail

            fail(self.window, failure_title, failure_message(exc))
            return None

    def print_preview(self) -> None:
        pages = self.ask_pages("无法预览")
        if pages is None:
            return
        from .print_preview import PrintPreviewDialog

        PrintPreviewDialog(pages, self.window.report.title(), lambda: self.send_to_printer(pages), self.window).exec()
        pages.deleteLater()

    def print_report(self) -> None:
        from .printing import has_printer

        if not has_printer():
            self.no_printer()
            return
        pages = self.ask_pages("无法打印")
        if pages is not None:
            self.send_to_printer(pages)
            pages.deleteLater()

    def no_printer(self) -> None:
        from ..dialogs import inform

        inform(self.window, "没有打印机",
               "这台电脑没有安装打印机。\n可以用“打印预览”查看，或“导出 PDF”后在有打印机的电脑上打印。")

    def choose_printer(self, pages):
        """The system print dialog (printer, copies, page range), titled with the errors that remain."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from .printing import prepare_printer

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer)
        printer.setDocName(self.window.report.title())
        dialog = QPrintDialog(printer, self.window)
        errors = self.errors()
        dialog.setWindowTitle(f"打印（报告尚有 {errors} 个错误）" if errors else "打印")
        dialog.setMinMax(1, pages.page_count())
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        from ..screen_fit import fit_dialog

        fit_dialog(dialog)
        if not dialog.exec():  # Rejected (0)
            return None
        return printer

    def send_to_printer(self, pages) -> bool:
        from .printing import has_printer, page_range, print_pages

        if not has_printer():
            self.no_printer()
            return False
        printer = self.choose_printer(pages)
        if printer is None:
            return False
        try:
            printed = print_pages(pages, printer, page_range(printer, pages.page_count()))
        except RuntimeError:
            from ..dialogs import fail

            fail(self.window, "打印失败", "无法连接打印机，请检查打印机是否开启。")
            return False
        self.window.show_message(f"已送打印机：{printed} 页")
        return True
