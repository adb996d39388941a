"""Report output: one neutral page layout rendered to DOCX and PDF; atomic file export."""
from __future__ import annotations

from pathlib import Path

from model.errors import ReportError
from model.report import Report

from .layout import PageLayout, build_layout, printable
from .options import ExportOptions

__all__ = ["ExportOptions", "SUFFIXES", "docx_bytes", "export_report", "pdf_bytes"]

SUFFIXES = (".docx", ".pdf")


def _prepare(report: Report, options: ExportOptions | None):
    """Layout and fonts; raises ReportError naming characters no font can draw, before anything is written."""
    from .fonts import PdfFonts, check_glyphs

    options = options or ExportOptions()
    layout: PageLayout = build_layout(report, approval_block=options.approval_block,
                                       watermark=options.watermark, explanations_page=options.explanations_page)
    fonts = PdfFonts(options.pdf_font_files, options.system_fonts)
    check_glyphs(fonts, layout.texts_by_role())
    return options, layout, fonts


def pdf_bytes(report: Report, options: ExportOptions | None = None) -> bytes:
    """The PDF of the report (the print preview shows exactly these bytes)."""
    from .pdf_render import render_pdf

    _options, layout, fonts = _prepare(report, options)
    return render_pdf(layout, fonts, title=printable(report.title(), one_line=True),
                      author=printable(report.unit_name, one_line=True))


def docx_bytes(report: Report, options: ExportOptions | None = None) -> bytes:
    from .docx_render import render_docx

    options, layout, _fonts = _prepare(report, options)
    return render_docx(layout, options, title=printable(report.title(), one_line=True),
                       author=printable(report.unit_name, one_line=True))


def export_report(report: Report, path: Path | str, options: ExportOptions | None = None) -> None:
    """Write a .docx or .pdf by the path's suffix, atomically; raises ReportError with a Chinese message."""
    from model.draft import atomic_write

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReportError(f"无法导出为“{path.name}”：文件扩展名应为 .docx（Word）或 .pdf")
    data = docx_bytes(report, options) if suffix == ".docx" else pdf_bytes(report, options)
    atomic_write(path, data)

