"""Benchmark: export the sample and the 9-digit draft to PDF and DOCX in one process, against LibreOffice
converting the sample's DOCX."""
from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the 9-digit draft the export tests print

SAMPLE = ROOT / "resources" / "samples" / "huohua-2019.gkbg.json"
PDF_LIMIT = 0.3  # seconds
SPEED_UP = 15  # times faster than LibreOffice


def median_time(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    from export_drafts import nine_digit_report

    from export import export_report
    from model.draft import load_draft

    report = load_draft(SAMPLE)
    nine = nine_digit_report(2023)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pdf, docx = folder / "sample.pdf", folder / "sample.docx"
        start = time.perf_counter()
        export_report(report, pdf)  # first export: imports reportlab, finds and loads the fonts
        first = time.perf_counter() - start
        pdf_median = median_time(lambda: export_report(report, pdf), 15)
        docx_median = median_time(lambda: export_report(report, docx), 15)
        nine_pdf = median_time(lambda: export_report(nine, folder / "nine.pdf"), 5)
        nine_docx = median_time(lambda: export_report(nine, folder / "nine.docx"), 5)
        print(f"first PDF export in a fresh process (imports, font discovery): {first:.3f} s")
        print(f"PDF export  median of 15: {pdf_median:.3f} s  ({pdf.stat().st_size // 1024} KB)")
        print(f"DOCX export median of 15: {docx_median:.3f} s  ({docx.stat().st_size // 1024} KB)")
        print(f"9-digit draft (every cell 9 digits, 100-character unit): PDF median of 5: {nine_pdf:.3f} s, "
              f"DOCX median of 5: {nine_docx:.3f} s")
        soffice = shutil.which("soffice")
        if soffice is None:
            print("soffice not found: LibreOffice comparison skipped")
            return 0 if pdf_median < PDF_LIMIT else 1
        profile = (folder / "profile").as_uri()
        out = folder / "lo"

        def convert() -> None:
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", str(out), str(docx)], check=True, capture_output=True, timeout=300)

        convert()  # creates the LibreOffice profile once
        lo_median = median_time(convert, 5)
    ratio = lo_median / pdf_median
    print(f"soffice --headless --convert-to pdf median of 5: {lo_median:.3f} s")
    ok = pdf_median < PDF_LIMIT and ratio >= SPEED_UP
    print(f"PDF export is {ratio:.0f}x faster than LibreOffice "
          f"(needs < {PDF_LIMIT} s and >= {SPEED_UP}x): {'OK' if ok else 'TOO SLOW'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
