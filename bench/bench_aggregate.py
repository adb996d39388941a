"""Benchmark: 1,000 generated drafts read, checked and summed (limit 1 s of CPU on one core), as a ratio to one
`check`; peak memory of `python main.py aggregate` over them (limit 200 MB)."""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from aggregate_units import write_units  # noqa: E402
from model.aggregate import Batch, choose, find_duplicates, make_summary  # noqa: E402
from model.draft import load_draft  # noqa: E402
from model.rules import check  # noqa: E402

UNITS = 1_000


def aggregate(folder: Path):
    batch = Batch()
    batch.add([folder])
    batch.read_all()
    choice = choose(batch.units, find_duplicates(batch.units))
    summary = make_summary(batch, choice, "某某县人民政府办公室")
    check(summary)
    return batch, summary


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "units"
        paths = write_units(folder, UNITS, year=2019, errors=(3, 500), money_units=("元", "万元"))
        one = [paths[0]]

        def one_check():
            start = time.process_time()
            check(load_draft(one[0]))
            return time.process_time() - start

        for _ in range(50):
            one_check()
        check_s = statistics.median(one_check() for _ in range(500))
        runs, cpu = [], []
        for _ in range(5):
            start, start_cpu = time.perf_counter(), time.process_time()
            batch, _summary = aggregate(folder)
            runs.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        assert len(batch.units) == UNITS
        total, total_cpu = statistics.median(runs), statistics.median(cpu)
        from export.breakdown_xlsx import breakdown_bytes

        start_cpu = time.process_time()
        workbook = breakdown_bytes(_summary, batch.units)
        workbook_cpu = time.process_time() - start_cpu
        cli_start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(paths[0])], capture_output=True,
                       check=False)
        check_cli = time.perf_counter() - cli_start
        start = time.perf_counter()
        run = subprocess.run([sys.executable, str(ROOT / "main.py"), "aggregate", str(folder), "-o",
                              str(Path(tmp) / "summary.gkbg.json")], capture_output=True, text=True)
        aggregate_cli = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        assert run.returncode == 1, run.stderr[-400:]  # two units have errors
    print(f"{UNITS} drafts read, checked and summed: {total_cpu:.3f} s of CPU on one core (limit 1 s; "
          f"{total:.3f} s elapsed; medians of {len(runs)})")
    print(f"one draft loaded and checked:          {check_s * 1000:.3f} ms of CPU → 汇总 = {total_cpu / check_s:.0f} × "
          "one check")
    print(f"`python main.py aggregate` over them:  {aggregate_cli:.3f} s = {aggregate_cli / check_cli:.1f} × "
          f"`python main.py check` of one ({check_cli:.3f} s)")
    print(f"peak memory of that process:           {peak_mb:.0f} MB (limit 200 MB)")
    print(f"breakdown workbook of the {UNITS}:        {workbook_cpu:.3f} s of CPU, {len(workbook) // 1024} KB")


if __name__ == "__main__":
    main()
