"""Report output: one neutral page layout rendered to DOCX and PDF (placeholder until the export issue)."""
from __future__ import annotations

from pathlib import Path

from model.errors import ReportError


def export_report(report, path: Path) -> None:
    raise ReportError("导出功能尚未完成")
