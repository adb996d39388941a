"""Benchmark: load + full check of the sample and of a report with a 3,000-character 一, one re-check (medians, ms)."""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model import text_figures, text_years  # noqa: E402
from model.draft import load_draft, save_draft  # noqa: E402
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


def cpu_ms(fn, runs: int = 300) -> float:
    """Processor time per run (mean): what the check costs, without the time other programs take the CPU."""
    fn()
    start = time.process_time()
    for _ in range(runs):
        fn()
    return (time.process_time() - start) / runs * 1000


def long_overview_draft(folder: Path) -> Path:
    """The sample with a 一、总体情况 of 3,000 characters that quotes figures and years, as real reports do."""
    report = load_draft(SAMPLE)
    paragraph = (
        "2019年，我镇共收到政府信息公开申请0件，上年结转0件，办结0件，结转下年度继续办理0件。其中，予以公开0件，"
        "部分公开0件，不予公开0件，无法提供0件，不予处理0件，其他处理0件。全年未发生政府信息公开行政复议和行政诉讼。"
        "制定扶贫、教育、医疗等方面的规范性文件198个，通过政府网站、政务公开宣传栏等全面公开。自2008年《条例》施行以来，"
        "我镇持续推进政务公开，与2018年相比公开数量增长明显，作出行政处罚决定0件，政府集中采购项目0个，采购总金额0元。\n"
    )
    text = ""
    while len(text) < 3000:
        text += paragraph
    report.set_text("overview", text[:3000])
    path = folder / "long.gkbg.json"
    save_draft(report, path)
    return path


def cold_check(path: Path):
    """Load and check with the text rules' caches emptied first: the text is read anew, as after opening."""
    text_figures._CACHE.clear()
    text_years._CACHE.clear()
    return check(load_draft(path))


def main() -> None:
    load_check = median_ms(lambda: check(load_draft(SAMPLE)))
    with tempfile.TemporaryDirectory() as folder:
        long_path = long_overview_draft(Path(folder))
        assert cold_check(long_path) == [], cold_check(long_path)
        long_check = median_ms(lambda: cold_check(long_path))
        long_cpu = cpu_ms(lambda: cold_check(long_path))
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
    print(f"load + full check, 3,000-char 一:  {long_check:.3f} ms, processor time {long_cpu:.3f} ms (limit 5 ms; "
          "text rules' caches emptied each run)")
    print(f"one full re-check:               {recheck:.3f} ms (limit 1 ms)")
    print(f"one edit + re-check:             {edit:.3f} ms")


if __name__ == "__main__":
    main()
