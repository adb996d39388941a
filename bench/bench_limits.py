"""Benchmark: a draft at every accepted limit stays fast — under 100 ms per keystroke in the text tab and
under 2 s per PDF export (exit 1 when not).

The worst drafts the loader accepts: every text section at MAX_TEXT_CHARS as one paragraph (reportlab
re-wraps the rest of a paragraph at each page break) in four kinds of text — Chinese with punctuation,
Chinese without any, full stops only (no break the 禁则 rules allow) and one unbreakable Latin "word"
(Qt's line breaking is quadratic in a paragraph without a break opportunity) — or as the most paragraphs
(one character a line, a second-level heading a line: each kept with the next); the unit name and 附件
label at their limits; every count at 999,999,999.
Keystrokes are typed into the middle of each text in the real window (offscreen Qt), one by one, each
timed until the event loop is idle again (the rule check, the undo step and Qt's relayout included).
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.draft import load_draft, save_draft  # noqa: E402
from model.formats.definition import MAX_COUNT, CellKind  # noqa: E402
from model.report import MAX_LABEL, MAX_TEXT_CHARS, MAX_UNIT_NAME, Report  # noqa: E402

KEY_LIMIT_MS = 100
PDF_LIMIT_S = 2.0
KEYSTROKES = 15
TEXTS = {
    "Chinese with punctuation": "政府信息公开工作稳步推进，",
    "Chinese without punctuation": "政府信息公开工作稳步推进",
    "one unbreakable Latin word": "x",
    "one character a line": "政\n",  # 10,000 paragraphs a section: the most flowables
    "a heading a line": "（一）\n",  # every paragraph kept with the next one
    "full stops only": "。",  # no break the 禁则 rules allow
}


def worst_report(year: int, unit: str, max_counts: bool) -> Report:
    report = Report.for_year(year, "单" * MAX_UNIT_NAME)
    report.set_field("attachment_label", "附" * MAX_LABEL)
    text = (unit * MAX_TEXT_CHARS)[:MAX_TEXT_CHARS]
    for key in report.texts:
        report.set_text(key, text)
    for i, (ref, column) in enumerate(report.input_cells()):
        if column.kind is not CellKind.MONEY:
            report.set_value(ref, MAX_COUNT if max_counts else i % 50)
    return report


def through_a_file(report: Report, folder: Path) -> Report:
    """Saved and loaded again: what is measured is an accepted draft, not only an accepted report."""
    path = folder / "worst.gkbg.json"
    save_draft(report, path)
    return load_draft(path)


def keystrokes_ms(report: Report) -> list[float]:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.ask_before_close = False
        window.set_report(report, None)
        window.show()
        times = []
        for key in list(report.texts):
            page = window.page_for(key)
            window.tabs.setCurrentWidget(page)
            app.processEvents()
            editor = page.editor
            editor.setFocus()
            cursor = editor.textCursor()
            cursor.setPosition(MAX_TEXT_CHARS // 2)
            editor.setTextCursor(cursor)
            QTest.keyClick(editor, Qt.Key.Key_Backspace)  # room for the keystrokes: typing past the limit is refused
            for _ in range(KEYSTROKES // 3):
                QTest.keyClick(editor, Qt.Key.Key_Backspace)
            app.processEvents()
            for i in range(KEYSTROKES // 3):
                start = time.perf_counter()
                QTest.keyClick(editor, "abc"[i % 3])
                app.processEvents()
                times.append((time.perf_counter() - start) * 1000)
        window.close()
        window.deleteLater()
        app.processEvents()
    return times


def export_s(report: Report, runs: int = 3) -> tuple[float, float, str]:
    """Worst of runs PDF exports and one DOCX export, in seconds, or an error text."""
    from export import docx_bytes, pdf_bytes
    from model.errors import ReportError

    try:
        pdf = max(_timed(lambda: pdf_bytes(report)) for _ in range(runs))
        docx = _timed(lambda: docx_bytes(report))
    except ReportError as exc:
        return -1.0, -1.0, f"refused: {exc.message}"
    except Exception as exc:  # noqa: BLE001 - a benchmark reports a crash instead of stopping
        return -1.0, -1.0, f"failed: {type(exc).__name__}: {exc}"
    return pdf, docx, ""


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    from export import pdf_bytes

    pdf_bytes(Report.for_year(2023, "热身"))  # imports and font loading are not what is measured here
    failed = False
    print(f"limits: {MAX_TEXT_CHARS} characters per text section, unit name {MAX_UNIT_NAME}, "
          f"label {MAX_LABEL}, counts up to {MAX_COUNT:,}")
    with tempfile.TemporaryDirectory() as tmp:
        for year in (2020, 2023):
            for kind, unit in TEXTS.items():
                for max_counts in (False, True):
                    report = through_a_file(worst_report(year, unit, max_counts), Path(tmp))
                    keys = keystrokes_ms(report)
                    pdf, docx, error = export_s(report)
                    key_median, key_max = statistics.median(keys), max(keys)
                    ok = key_max < KEY_LIMIT_MS and not error and pdf < PDF_LIMIT_S
                    failed |= not ok
                    result = f"PDF {pdf:.2f} s, DOCX {docx:.2f} s" if not error else f"export {error}"
                    counts = f"counts {MAX_COUNT:,}" if max_counts else "counts 0–49"
                    print(f"{'ok  ' if ok else 'FAIL'} {year} (format {report.format.id}), 3 × {MAX_TEXT_CHARS} "
                          f"{kind}, {counts}: keystroke median {key_median:.1f} ms, max {key_max:.1f} ms; {result}",
                          flush=True)
    print(f"limits: < {KEY_LIMIT_MS} ms per keystroke, < {PDF_LIMIT_S} s per PDF export")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
