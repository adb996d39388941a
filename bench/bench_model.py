"""Benchmark: load + full check of the sample, and one full re-check (medians, in ms)."""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.draft import load_draft  # noqa: E402
from model.report import CellRef  # noqa: E402
from model.rules import check  # noqa: E402

SAMPLE = ROOT / "resources" / "samples" / "huohua-2019.gkbg.json"


def median_ms(fn, runs: int = 300) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    load_check = median_ms(lambda: check(load_draft(SAMPLE)))
    report = load_draft(SAMPLE)
    ref = CellRef("applications", "new", "natural")
    flip = [0]

    def edit_and_recheck():
        flip[0] ^= 1
        report.set_value(ref, flip[0])
        check(report)

    recheck = median_ms(lambda: check(report), runs=1000)
    edit = median_ms(edit_and_recheck, runs=1000)
    print(f"load + full check of the sample: {load_check:.3f} ms (limit 5 ms)")
    print(f"one full re-check:               {recheck:.3f} ms (limit 1 ms)")
    print(f"one edit + re-check:             {edit:.3f} ms")


if __name__ == "__main__":
    main()
