"""文件 ▸ 汇总… in the window: the table of units, leaving units out, duplicates, progress and stopping,
the summary opening as a new unsaved draft, the workbook, and the chart exported as PNG."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from aggregate_units import write_units
from conftest import run_main
from model.aggregate_record import SOURCE_ERROR_RULE, sources_of
from model.draft import load_draft, save_draft
from model.report import CellRef
from test_ui_support import OFFSCREEN_NOISE, answer, make_window  # noqa: F401  (fixtures)

pytestmark = OFFSCREEN_NOISE
RECEIVED = CellRef("applications", "new", "total")


@pytest.fixture
def units(tmp_path) -> Path:
    write_units(tmp_path / "units", 6, errors=(4,))
    return tmp_path / "units"


def open_dialog(window, answer, *steps):
    """Open 文件 ▸ 汇总… and run steps(dialog) inside it; returns what the steps saw."""
    seen = {}

    def run(dialog):
        seen["dialog"] = dialog
        try:
            for step in steps:
                step(dialog)
        except BaseException as exc:  # a failed check closes the dialog, then fails the test
            seen["failed"] = exc
            dialog.reject()

    answers = answer(run)
    window.aggregates.aggregate.trigger()
    assert answers.done
    if "failed" in seen:
        raise seen["failed"]
    return seen


def read(qtbot, dialog, *paths):
    dialog.add_paths([Path(p) for p in paths])
    qtbot.waitUntil(lambda: not dialog.reading(), timeout=20000)


def test_menu_has_the_aggregate_actions(make_window, sample_report):
    window = make_window(sample_report)
    texts = [a.text() for a in window.actions.file_menu.actions()]
    assert texts.index("汇总…") < texts.index("导出 Word…") and "汇总图表…" in texts
    window.aggregates._update()
    assert not window.aggregates.chart.isEnabled()  # the open report is not a summary


def test_units_listed_left_out_and_summed_into_a_new_draft(qtbot, make_window, sample_report, answer, units):
    window = make_window(sample_report)

    def look(dialog):
        read(qtbot, dialog, units)
        model = dialog.model
        assert model.rowCount() == 6
        assert [model.data(model.index(r, 1)) for r in range(6)][:2] == ["火花乡人民政府", "青山镇人民政府"]
        assert model.data(model.index(4, 3)) == "有错误" and model.data(model.index(4, 4)) == "2"
        assert model.data(model.index(0, 3)) == "检查通过"
        assert model.data(model.index(0, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        assert "共 6 份报告，计入 6 份" in dialog.summary_line.text() and "1 份有错误" in dialog.summary_line.text()
        model.setData(model.index(1, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
        assert model.data(model.index(1, 3)) == "未计入" and "计入 5 份" in dialog.summary_line.text()
        dialog.unit.setText("某县人民政府办公室")
        qtbot.mouseClick(dialog.sum_button, Qt.MouseButton.LeftButton)

    seen = open_dialog(window, answer, look)
    report = window.report
    assert report is not sample_report and window.path is None and window.isWindowModified()
    assert report.unit_name == "某县人民政府办公室"
    sources = sources_of(report)
    assert [Path(u.path).name for u in sources.units] == [f"unit000{i}.gkbg.json" for i in (0, 2, 3, 4, 5)]
    assert [Path(u.path).name for u in sources.left_out] == ["unit0001.gkbg.json"]
    expected = sum(load_draft(units / f"unit000{i}.gkbg.json").count(RECEIVED) for i in (0, 2, 3, 4, 5))
    assert report.count(RECEIVED) == expected
    assert any(f.rule == SOURCE_ERROR_RULE for f in window.session.findings)
    assert window.session.counts()[0] > 0  # printing it puts the 草稿 watermark on
    assert "未保存的新报告" in window.windowTitle()
    assert seen["dialog"].summary is report
    window.aggregates._update()
    assert window.aggregates.chart.isEnabled()


def test_duplicates_flagged_and_summed_once_when_chosen(qtbot, make_window, sample_report, answer, units):
    (units / "again.gkbg.json").write_bytes((units / "unit0003.gkbg.json").read_bytes())
    window = make_window(sample_report)

    def look(dialog):
        read(qtbot, dialog, units)
        model = dialog.model
        assert model.data(model.index(0, 1)) == "白沙乡人民政府"  # again.gkbg.json sorts first
        assert model.data(model.index(0, 3)).startswith("可能重复（同名，数字完全相同：第5行")
        assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
        assert "1 组可能重复" in dialog.summary_line.text()
        answer("只计一次")
        qtbot.mouseClick(dialog.sum_button, Qt.MouseButton.LeftButton)

    seen = open_dialog(window, answer, look)
    dialog = seen["dialog"]
    assert dialog.once.isChecked()
    model = dialog.model  # the second file of the pair: unticked, its box locked, the reason in its tooltip
    assert model.data(model.index(4, 3)) == "未计入：重复，只计一次"
    assert model.data(model.index(4, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert not model.flags(model.index(4, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    tip = model.data(model.index(4, 3), Qt.ItemDataRole.ToolTipRole)
    assert "取消勾选先读到的那一份" in tip and "与“白沙乡人民政府”（again.gkbg.json）重复" in tip
    assert model.data(model.index(0, 3)) == "检查通过" and model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    model.set_included(0, False)  # untick the kept one: the other is kept instead
    assert model.choice().included == (1, 2, 3, 4, 5, 6)
    sources = sources_of(window.report)
    assert len(sources.units) == 6 and sources.policy == "once"
    assert [Path(u.path).name for u in sources.left_out] == ["unit0003.gkbg.json"]


def test_mixed_years_and_unreadable_files_in_the_dialog(qtbot, make_window, sample_report, answer, tmp_path, units):
    (later,) = write_units(tmp_path / "later", 1, year=2020, seed=4)
    report = load_draft(later)
    report.set_field("unit_name", "南山镇人民政府")
    save_draft(report, later)
    (units / "bad.gkbg.json").write_text("{", "utf-8")
    window = make_window(sample_report)

    def look(dialog):
        read(qtbot, dialog, units, tmp_path / "later")
        model = dialog.model
        assert model.rowCount() == 8
        assert model.data(model.index(6, 3)) == "年度不符：2020年度（多数为2019年度）"
        assert model.data(model.index(7, 3)).startswith("无法读取：文件不完整")
        assert not model.flags(model.index(7, 0)) & Qt.ItemFlag.ItemIsUserCheckable
        answers = answer("确定")
        dialog.make()
        assert answers.done and "年度或格式不一致" in answers.seen[0][1] and "请取消勾选年度不符" in answers.seen[0][1]
        assert dialog.result() == 0 and dialog.summary is None
        model.set_included(6, False)
        answers = answer("否")
        dialog.make()  # asked about the unreadable file first: 否 keeps the dialog open
        assert answers.done and "1 个文件无法读取" in answers.seen[0][1] and dialog.summary is None
        answer("是")
        dialog.make()

    open_dialog(window, answer, look)
    sources = sources_of(window.report)
    assert len(sources.units) == 6 and [Path(e.path).name for e in sources.unreadable] == ["bad.gkbg.json"]


def test_a_large_batch_asks_first_shows_progress_and_can_be_stopped(qtbot, make_window, sample_report, answer,
                                                                     tmp_path, monkeypatch):
    import ui.aggregate.dialog as dialog_module
    import ui.aggregate.reader as reader_module

    write_units(tmp_path / "many", 40)
    monkeypatch.setattr(dialog_module, "LARGE_BATCH", 30)
    monkeypatch.setattr(reader_module, "SLICE_SECONDS", 0)  # one file per turn of the event loop
    window = make_window(sample_report)

    def look(dialog):
        answers = answer("否")
        dialog.add_paths([tmp_path / "many"])
        assert answers.done and "找到 40 个报告文件" in answers.seen[0][1]
        assert dialog.model.rowCount() == 0 and not dialog.batch.pending
        answer("是")
        dialog.add_paths([tmp_path / "many"])
        assert dialog.reading() and dialog.progress.isVisible() and dialog.cancel_reading.isVisible()
        assert not dialog.sum_button.isEnabled()
        qtbot.waitUntil(lambda: dialog.progress.value() >= 5)
        stopped = answer("确定")
        qtbot.mouseClick(dialog.cancel_reading, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: stopped.done)
        assert "其余的未读取" in stopped.seen[0][1]
        assert not dialog.reading() and not dialog.progress.isVisible()
        assert 5 <= dialog.model.rowCount() < 40 and dialog.progress.maximum() == 40
        assert dialog.sum_button.isEnabled()
        dialog.reject()

    open_dialog(window, answer, look)


def test_workbook_and_chart_from_the_dialog(qtbot, make_window, sample_report, answer, units, tmp_path):
    from openpyxl import load_workbook

    window = make_window(sample_report)

    def look(dialog):
        read(qtbot, dialog, units)
        choice = dialog.model.choice()
        assert dialog.write_workbook(tmp_path / "明细", choice)
        book = load_workbook(tmp_path / "明细.xlsx")
        assert book["检查结果"].max_row > 6

        def chart(chart_dialog):
            figures = chart_dialog.chart.figures
            assert len(figures.received) == 6 and figures.year == 2019
            assert figures.total_received == sum(u.received for u in dialog.model.units)
            assert [label for label, _ in figures.results] == ["予以公开", "部分公开", "不予公开", "无法提供",
                                                              "不予处理", "其他处理"]
            assert chart_dialog.export_png(tmp_path / "chart")
            chart_dialog.accept()

        answer(chart)
        qtbot.mouseClick(dialog.chart, Qt.MouseButton.LeftButton)
        dialog.reject()

    open_dialog(window, answer, look)
    image = QImage(str(tmp_path / "chart.png"))
    assert (image.width(), image.height()) == (1600, 1000)
    from model.version import VERSION

    assert VERSION in image.text("Software")  # the version that made it
    colours = {image.pixelColor(x, y).name() for x in range(0, 1600, 8) for y in range(0, 1000, 8)}
    assert "#0072b2" in colours and "#d55e00" in colours  # the bars and a slice of the ring were painted
    assert window.report.unit_name == "火花镇人民政府"  # closing the dialog left the open report alone


def test_chart_of_an_open_summary(qtbot, make_window, answer, units, tmp_path):
    out = tmp_path / "s.gkbg.json"
    run_main("aggregate", units, "-o", out)
    summary = load_draft(out)
    window = make_window(summary, out)
    window.aggregates._update()
    assert window.aggregates.chart.isEnabled()

    def chart(dialog):
        figures = dialog.chart.figures
        assert figures.total_received == summary.count(RECEIVED)
        assert figures.total_results == summary.count(CellRef("applications", "results_total", "total"))
        dialog.accept()

    answers = answer(chart)
    window.aggregates.chart.trigger()
    assert answers.done


def test_remaking_the_open_summary_marks_changes_and_keeps_the_texts(qtbot, make_window, sample_report, answer,
                                                                     units, tmp_path):
    window = make_window(sample_report)

    def first(dialog):
        read(qtbot, dialog, units)
        dialog.model.set_included(1, False)
        dialog.unit.setText("某县")
        dialog.make()

    open_dialog(window, answer, first)
    window.report.set_text("overview", "本县全年……")
    assert window.save_as(units / "summary.gkbg.json")  # saved among its own inputs: not read as one of them
    fixed = load_draft(units / "unit0004.gkbg.json")
    ref = CellRef("applications", "new", "natural")
    fixed.set_value(ref, fixed.count(ref) - 1)
    save_draft(fixed, units / "unit0004.gkbg.json")
    write_units(units / "late", 1, seed=11)

    def again(dialog):
        assert dialog.windowTitle() == "重新汇总" and dialog.unit.text() == "某县"
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 7 and not dialog.reading(), timeout=20000)
        model = dialog.model
        assert model.data(model.index(4, 3)) == "检查通过（上次汇总后已修改）"
        assert model.data(model.index(1, 3)) == "未计入"  # left out again, as last time
        assert model.data(model.index(6, 3)).endswith("（上次汇总后新增）")
        assert "1 个文件已修改，1 个新增" in dialog.summary_line.text()
        model.set_included(6, False)
        dialog.make()

    open_dialog(window, answer, again)
    report = window.report
    assert report.texts["overview"] == "本县全年……" and report.unit_name == "某县"
    assert window.path is None and not [f for f in window.session.findings if f.rule == SOURCE_ERROR_RULE]


def test_remaking_a_summary_moved_with_its_units_folder(qtbot, make_window, answer, tmp_path):
    """The summary and 各单位/ moved together: 汇总… reads the folder where it is now, and sees what changed."""
    office = tmp_path / "年报"
    write_units(office / "各单位", 3)
    made = run_main("aggregate", office / "各单位", "-o", office / "汇总.gkbg.json")
    assert made.returncode == 0
    moved = tmp_path / "新电脑" / "年报"
    moved.parent.mkdir()
    office.rename(moved)
    fixed = load_draft(moved / "各单位" / "unit0001.gkbg.json")
    fixed.set_text("problems", "改正后的文字。")
    save_draft(fixed, moved / "各单位" / "unit0001.gkbg.json")
    window = make_window(load_draft(moved / "汇总.gkbg.json"), moved / "汇总.gkbg.json")

    def again(dialog):
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 3 and not dialog.reading(), timeout=20000)
        model = dialog.model
        assert not model.unreadable  # not 找不到这个文件或文件夹 at the old place
        states = [model.data(model.index(r, 3)) for r in range(3)]
        assert states[1].endswith("（上次汇总后已修改）") and "上次汇总后" not in states[0] + states[2]
        dialog.reject()

    open_dialog(window, answer, again)


def test_space_ticks_and_unticks_the_selected_units(qtbot, make_window, sample_report, answer, units):
    window = make_window(sample_report)

    def keys(dialog):
        read(qtbot, dialog, units)
        view, model = dialog.table, dialog.model
        view.setFocus()
        view.selectRow(1)
        view.selectionModel().select(model.index(3, 2), view.selectionModel().SelectionFlag.Select
                                     | view.selectionModel().SelectionFlag.Rows)
        qtbot.keyClick(view, Qt.Key.Key_Space)
        assert model.excluded == {1, 3} and "计入 4 份" in dialog.summary_line.text()
        qtbot.keyClick(view, Qt.Key.Key_Space)
        assert model.excluded == set()
        dialog.reject()

    open_dialog(window, answer, keys)


def test_chart_of_200_units_keeps_the_units_bars_readable(qtbot, tmp_path):
    """Beyond 30 units the smallest are summed up in one line of words: their total (here 170 units' worth)
    does not set the scale, so the largest unit's bar spans the plot."""
    from model.aggregate_figures import Figures
    from ui.aggregate.chart import BAR, MAX_BARS, ChartWidget, bar_lengths

    received = tuple((f"第{i}单位", 300 + (i * 37) % 600) for i in range(200))
    figures = Figures(2023, received, (("予以公开", 500), ("不予公开", 300)))
    lines = bar_lengths(figures)
    assert len(lines) == MAX_BARS and lines[0][2] == 1.0 and all(s is not None for _, _, s in lines[:-1])
    rest_count = 200 - (MAX_BARS - 1)
    assert lines[-1][0] == f"其余{rest_count}个单位" and lines[-1][2] is None
    assert lines[-1][1] == sum(n for _, n in received) - sum(n for _, n, _ in lines[:-1])
    widget = ChartWidget(figures)
    qtbot.addWidget(widget)
    image = widget.image()
    bar = BAR.name()
    longest = 0
    for y in range(0, image.height(), 2):
        run = 0
        for x in range(image.width()):
            run = run + 1 if image.pixelColor(x, y).name() == bar else 0
            longest = max(longest, run)
    assert longest > image.width() * 0.3  # the largest unit's bar, not a sliver beside a huge 其余 bar


def test_the_units_table_repaints_only_the_rows_that_change(tmp_path):
    """Unticking a unit repaints its row; unticking one of a pair of duplicates repaints the pair (both statuses
    change), not the whole table."""
    from model.aggregate import Batch
    from ui.aggregate.units_model import UnitsModel

    folder = tmp_path / "units"
    write_units(folder, 6)
    (folder / "again.gkbg.json").write_bytes((folder / "unit0003.gkbg.json").read_bytes())
    batch = Batch()
    batch.add([folder])
    units = []
    while (unit := batch.read_next()) is not None:
        units.append(unit)
    model = UnitsModel()
    model.append(units, [])
    assert model.data(model.index(0, 3)).startswith("可能重复") and model.data(model.index(4, 3)).startswith("可能重复")
    painted = []
    model.dataChanged.connect(lambda first, last, *_: painted.append((first.row(), last.row(), last.column())))
    model.set_included(2, False)
    assert painted == [(2, 2, 5)]
    painted.clear()
    model.set_included(0, False)  # again.gkbg.json, the copy of unit0003 (row 4): no longer a duplicate summed
    assert painted == [(0, 0, 5), (4, 4, 5)] and model.data(model.index(4, 3)) == "检查通过"
    painted.clear()
    model.set_once(True)  # nothing a row shows changes
    assert painted == []


def test_a_large_group_of_duplicates_names_a_few_rows_and_the_count(qtbot):
    """A folder holding the same unit hundreds of times: each row's status names five of the others and how many
    there are (listing every other row would make each refresh grow with the square of the group)."""
    from model.aggregate_inputs import UnitFile
    from ui.aggregate.units_model import UnitsModel

    model = UnitsModel()
    model.append([UnitFile(Path(f"/报告/{i}.gkbg.json"), 1, f"{i:064x}", "草稿", "同一单位", 2023, "2021", (), (), 0, 0, 0)
                  for i in range(300)], [])
    assert model.data(model.index(0, 3)) == "可能重复（同名：第2行、第3行、第4行、第5行、第6行等299行）"
    assert model.data(model.index(3, 3)) == "可能重复（同名：第1行、第2行、第3行、第5行、第6行等299行）"
    model.append([UnitFile(Path("/报告/乙.gkbg.json"), 1, "0" * 64, "草稿", "乙单位", 2023, "2021", (), (), 0, 0, 0),
                  UnitFile(Path("/报告/乙2.gkbg.json"), 1, "1" * 64, "草稿", "乙单位", 2023, "2021", (), (), 0, 0, 0)], [])
    assert model.data(model.index(301, 3)) == "可能重复（同名：第301行）"
