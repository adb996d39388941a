"""Benchmark: import the sample report from DOCX and from PDF, against LibreOffice opening the same file
(`soffice --headless --convert-to txt`); then the time and peak memory of refusing oversized and hostile files."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_export import median_time  # noqa: E402  (bench/ is the script's own folder)

SAMPLE = ROOT / "resources" / "samples" / "huohua-2019.gkbg.json"
LIMIT = 0.3  # seconds per import
BAD_LIMIT = (5.0, 300)  # seconds, MB for a refused file


def fresh_process(path: Path) -> tuple[float, int, str]:
    """Import path in a new interpreter: (seconds including imports, peak memory in MB, outcome)."""
    code = ("import time\nt = time.perf_counter()\nfrom importer import import_file\n"
            "from model.errors import ImportRefused\n"
            f"try:\n    r = import_file({str(path)!r}); outcome = 'imported'\n"
            "except ImportRefused as e:\n    outcome = 'refused: ' + e.message\n"
            "print(time.perf_counter() - t)\n"
            "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))\n"
            "print(outcome)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    seconds, peak_kb, outcome = out.stdout.strip().split("\n", 2)
    return float(seconds), int(peak_kb) // 1024, outcome


def bad_files(folder: Path) -> list[Path]:
    """A zip bomb, 10,000 table rows (DOCX and PDF), a 500-page DOCX and PDF, a PDF page inflating to 200 MB."""
    sys.path.insert(0, str(ROOT / "tests"))
    from hostile_documents import body, bomb, docx_with, minimal_pdf, para, table_pdf

    rows = b"".join(b"<w:tr><w:tc><w:p><w:r><w:t>%d</w:t></w:r></w:p></w:tc></w:tr>" % i for i in range(10_000))
    text = para("某镇政府信息公开工作。" * 40)
    files = {
        "zip-bomb-1GB.docx": bomb(1 << 30),
        "10000-rows.docx": docx_with(body(b"<w:tbl>" + rows + b"</w:tbl>")),
        "500-pages.docx": docx_with(body((text + b'<w:p><w:r><w:br w:type="page"/></w:r></w:p>') * 499 + text)),
        "500-pages.pdf": minimal_pdf(b"BT /F1 12 Tf 72 720 Td (page) Tj ET", pages=500),
        "10000-rows.pdf": table_pdf(10_000),
        "6000-rows-45-pages.pdf": table_pdf(6_000),
        "inflating-page.pdf": minimal_pdf(b" " * (200 << 20)),
    }
    out = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        out.append(path)
    return out


def main() -> int:
    from export import export_report
    from importer import import_file
    from model.draft import load_draft

    report = load_draft(SAMPLE)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        soffice = shutil.which("soffice")
        profile = (folder / "profile").as_uri()
        for suffix in (".docx", ".pdf"):
            path = folder / f"sample{suffix}"
            export_report(report, path)
            first, peak, _ = fresh_process(path)
            import_file(path)
            median = median_time(lambda: import_file(path), 15)
            ok &= median < LIMIT
            print(f"import {suffix[1:].upper():4}: median of 15 {median:.3f} s; in a fresh process with the imports "
                  f"{first:.3f} s, peak memory {peak} MB  (target < {LIMIT} s)")
            if soffice is None:
                print("   soffice not found: LibreOffice comparison skipped")
                continue

            def convert() -> None:
                subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "txt",
                                "--outdir", str(folder / "lo"), str(path)], check=True, capture_output=True,
                               timeout=300)

            convert()  # creates the LibreOffice profile once
            lo = median_time(convert, 5)
            print(f"   soffice --headless --convert-to txt on the same file, median of 5: {lo:.3f} s "
                  f"({lo / median:.0f}x the import)")
        print("refusing hostile or oversized files (fresh process each, imports included):")
        for path in bad_files(folder):
            seconds, peak, outcome = fresh_process(path)
            good = seconds < BAD_LIMIT[0] and peak < BAD_LIMIT[1] and outcome.startswith("refused")
            ok &= good
            print(f"   {path.name:24} {path.stat().st_size // 1024:6} KB  {seconds:.3f} s  peak {peak} MB  "
                  f"{'OK' if good else 'FAIL'}  {outcome}")
    print("all within targets" if ok else "SOME TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
