"""Report output: one neutral page layout rendered to DOCX and PDF; atomic file export."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from model.errors import ReportError
from model.report import Report

from .layout import PageLayout
from .options import ExportOptions

__all__ = ["ExportOptions", "SUFFIXES", "docx_bytes", "export_report", "failure_message", "pdf_bytes"]

SUFFIXES = (".docx", ".pdf")


def _prepare(report: Report, options: ExportOptions | None):
    """Layout and fonts; raises ReportError naming characters no font can draw, before anything is written."""
    from .fonts import PdfFonts, check_glyphs
    from .report_layout import build_layout

    options = options or ExportOptions()
    layout: PageLayout = build_layout(report, approval_block=options.approval_block,
                                       watermark=options.watermark, explanations_page=options.explanations_page)
    fonts = PdfFonts(options.pdf_font_files, options.system_fonts)
    check_glyphs(fonts, layout.texts_by_role())
    return options, layout, fonts


def failure_message(exc: BaseException, kind: str = "文件") -> str:
    """What the clerk reads when making an output failed: the project's own message, else a Chinese summary
    with the technical detail for support (never a traceback)."""
    if isinstance(exc, ReportError):
        return exc.message
    if isinstance(exc, MemoryError):
        return f"生成{kind}时内存不足。请关闭其他程序后再试。"
    detail = f"{type(exc).__name__}: {exc}"[:200]
    return f"生成{kind}时出现意外错误，文件没有写出。请把报告草稿和下面的信息发给技术支持：\n{detail}"


def _guarded(kind: str, make: Callable[[], bytes]) -> bytes:
    """Run a renderer; any failure it did not foresee becomes a ReportError in Chinese."""
    try:
        return make()
    except ReportError:
        raise
    except Exception as exc:  # noqa: BLE001 - the boundary where every unforeseen failure gets a message
        raise ReportError(failure_message(exc, kind)) from exc


def pdf_bytes(report: Report, options: ExportOptions | None = None) -> bytes:
    """The PDF of the report (the print preview shows exactly these bytes)."""

    def make() -> bytes:
        from .pdf_render import render_pdf

        _options, layout, fonts = _prepare(report, options)
        return render_pdf(layout, fonts)

    return _guarded(" PDF ", make)


def docx_bytes(report: Report, options: ExportOptions | None = None) -> bytes:
    """The DOCX of the report (Word font names from options)."""

    def make() -> bytes:
        from .docx_render import render_docx

        chosen, layout, _fonts = _prepare(report, options)
        return render_docx(layout, chosen)

    return _guarded(" Word 文档", make)


def export_report(report: Report, path: Path | str, options: ExportOptions | None = None) -> None:
    """Write a .docx or .pdf by the path's suffix, atomically; raises ReportError with a Chinese message."""
    from model.atomic import atomic_write

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReportError(f"无法导出为“{path.name}”：文件扩展名应为 .docx（Word）或 .pdf")
    data = docx_bytes(report, options) if suffix == ".docx" else pdf_bytes(report, options)
    atomic_write(path, data)
