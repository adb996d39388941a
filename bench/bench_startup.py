"""Start-up and edit latency: window with the sample vs a bare PySide6 window with Qt's Chinese translations
(floor); one cell edit checked and repainted; the bundled executable (dist/gkbg, when built) against the source
start-up."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "huohua-2019.gkbg.json"
RUNS = 31
MAX_RATIO = 1.4
BUNDLE = ROOT / "dist" / "gkbg" / "gkbg"
BUNDLE_RUNS = 11


def child_floor() -> dict:
    """A bare window, speaking Chinese as the application does: Qt's zh_CN catalogue loaded."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget

    app = QApplication([])
    translator = QTranslator(app)
    if translator.load(QLocale("zh_CN"), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    window = QMainWindow()
    window.setCentralWidget(QTabWidget())
    window.show()
    app.processEvents()
    return {"shown": time.time()}


def child_app() -> dict:
    """What `python main.py SAMPLE` does up to the window shown (main.py adds only an argv check)."""
    sys.path.insert(0, str(ROOT))
    from ui.app import start_gui

    app, _window = start_gui([str(SAMPLE)])
    app.processEvents()
    shown = time.time()
    from PySide6.QtWidgets import QApplication

    return {"shown": shown, "docx": "docx" in sys.modules, "reportlab": "reportlab" in sys.modules,
            "chinese": QApplication.translate("QPlatformTheme", "Cancel") == "取消"}


def run_child(kind: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               GKBG_DATA_DIR=str(Path(tempfile.gettempdir()) / "gkbg-bench-data"))
    # an installed app starts from cached bytecode; this sandbox sets PYTHONDONTWRITEBYTECODE
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.time()
    out = subprocess.run([sys.executable, __file__, "--child", kind], env=env, check=True,
                         capture_output=True, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["seconds"] = result["shown"] - start
    return result


# a balanced section 三 as a clerk types it, row by row, then the 15 numbers of section 四
FILL = {"new": 5, "carried_over": 1, "disclosed": 3, "partial": 1, "refused_secret": 1, "carry_forward": 1}
APPLICANTS = ("natural", "commercial", "research", "public_welfare", "legal_service", "other_org")


def edit_latency(rounds: int = 6) -> tuple[list[float], list[float]]:
    """In-process: a typed value stored, rules re-run, highlights and panel updated, grid repainted.

    Returns the times of a realistic filling sequence, and of edits that each flip the balance
    (error appears or disappears: tab title, status bar and panel change too), the worst case.
    """
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import ui  # noqa: F401  (guards the PySide6 reference-count defect)
    from model.draft import load_draft
    from model.report import CellRef
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    ini = Path(tempfile.gettempdir()) / "gkbg-bench-settings.ini"
    window = MainWindow(QSettings(str(ini), QSettings.Format.IniFormat))
    window.set_report(load_draft(SAMPLE), None)
    window.show()
    app.processEvents()

    def timed(page, ref: CellRef, text: str) -> float:
        start = time.perf_counter()
        page.model.setData(page.model.index_of(ref), text)
        app.processEvents()  # paints what the edit made dirty
        return time.perf_counter() - start

    fill, flips = [], []
    for _ in range(rounds):
        for key, text in (("applications", None), ("review", "2")):
            page = window.page_for(key)
            window.tabs.setCurrentWidget(page)
            app.processEvents()
            if key == "applications":
                refs = [(CellRef(key, row, col), str(n)) for row, n in FILL.items() for col in APPLICANTS]
            else:
                refs = [(c.ref, text) for c in page.model.grid.value_cells() if page.model.is_editable(c)]
            fill += [timed(page, ref, value) for ref, value in refs]
            window.session.set_cells([(ref, 0) for ref, _ in refs])
            app.processEvents()
        page = window.page_for("applications")
        window.tabs.setCurrentWidget(page)
        ref = CellRef("applications", "new", "natural")
        flips += [timed(page, ref, str(i % 2 * 5)) for i in range(40)]
    return fill, flips


def whole_run(command: list[str]) -> float:
    """Seconds from process start to exit of a window that shows the sample, then closes itself."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               GKBG_DATA_DIR=str(Path(tempfile.gettempdir()) / "gkbg-bench-data"), GKBG_QUIT_AFTER_START="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    out = subprocess.run([*command, str(SAMPLE)], env=env, check=True, capture_output=True, text=True).stdout
    seconds = time.perf_counter() - start
    assert "window shown" in out, out
    return seconds


def bundle_vs_source() -> tuple[float, float] | None:
    """Median start-to-exit seconds of dist/gkbg/gkbg and of `python main.py`; None when no bundle is built."""
    if not BUNDLE.exists():
        return None
    source = [sys.executable, str(ROOT / "main.py")]
    whole_run([str(BUNDLE)]), whole_run(source)  # warm-up: the OS file cache
    bundled, from_source = [], []
    for _ in range(BUNDLE_RUNS):
        bundled.append(whole_run([str(BUNDLE)]))
        from_source.append(whole_run(source))
    return statistics.median(bundled), statistics.median(from_source)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(child_app() if sys.argv[2] == "app" else child_floor()))
        return 0
    run_child("floor"), run_child("app")  # warm-up: bytecode caches and the OS file cache
    floor, apps = [], []
    for _ in range(RUNS):  # alternated, so that a burst of load on the machine hits both alike
        floor.append(run_child("floor")["seconds"])
        apps.append(run_child("app"))
    assert not any(r["docx"] or r["reportlab"] for r in apps), "python-docx/reportlab imported at start-up"
    assert all(r["chinese"] for r in apps), "Qt's Chinese translations not loaded at start-up"
    app_median, floor_median = statistics.median(r["seconds"] for r in apps), statistics.median(floor)
    ratio = app_median / floor_median
    fill, flips = edit_latency()
    edit_ms, flip_ms = statistics.median(fill) * 1000, statistics.median(flips) * 1000
    print(f"start-up, window shown with the sample: median {app_median * 1000:.0f} ms ({RUNS} runs)")
    print(f"floor, bare QMainWindow + QTabWidget + zh_CN translations: median {floor_median * 1000:.0f} ms ({RUNS} runs)")
    print(f"ratio: {ratio:.2f} (must stay < {MAX_RATIO})")
    print("python-docx / reportlab imported at start-up: no")
    print(f"one grid cell edit checked and repainted: median {edit_ms:.2f} ms ({len(fill)} edits filling 三 and 四;"
          " must be < 5 ms)")
    print(f"  worst case, each edit flips the balance error on/off: median {flip_ms:.2f} ms ({len(flips)} edits;"
          " must be < 5 ms)")
    packaged = bundle_vs_source()
    if packaged is None:
        print("bundled executable: not built (python packaging/build.py makes dist/gkbg)")
    else:
        print(f"start to exit, window shown with the sample then closed: bundled dist/gkbg {packaged[0] * 1000:.0f} ms,"
              f" python main.py {packaged[1] * 1000:.0f} ms (medians of {BUNDLE_RUNS} runs each)")
    ok = ratio < MAX_RATIO and edit_ms < 5 and flip_ms < 5
    print("OK" if ok else "TOO SLOW")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
