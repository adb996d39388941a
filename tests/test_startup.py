"""Start-up kept cheap without changing behaviour: what waits until it is used, and the shortcuts made for it."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import PySide6.QtCore  # noqa: F401  (PySide's import hook)
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT
from model import chars
from model.lazy_re import LazyPattern
from ui.qt_compat import quick_pyside_scan


def test_quick_pyside_scan_answers_as_pyside_does():
    """The cheaper scan of imported modules: the application's ui/ modules use PySide, its other packages do
    not; any other module gets PySide's own answer."""
    feature = sys.modules["shibokensupport.feature"]
    quick_pyside_scan()
    quick = feature._mod_uses_pyside
    assert getattr(quick, "quick", False)
    quick_pyside_scan()  # a second call keeps it (no scan wrapped in a scan)
    assert feature._mod_uses_pyside is quick
    original = quick.original
    import json

    import cli.common
    import model.report
    import ui.actions
    import ui.screen_fit

    assert [quick(m) for m in (ui.actions, ui.screen_fit, model.report, cli.common)] == [True, True, False, False]
    import hypothesis
    import pwd

    import PySide6.QtWidgets

    others = [json, sys, pwd, feature, hypothesis, PySide6.QtWidgets, re]
    assert [quick(m) for m in others] == [original(m) for m in others]


def test_the_application_selects_no_pyside_feature_set():
    """quick_pyside_scan's answer for the application's modules only matters to `from __feature__ import`,
    which no module of the application uses."""
    selects = re.compile(r"^\s*(?:from\s+__feature__\s+import|import\s+__feature__)", re.M)
    paths = [ROOT / "main.py", *(p for folder in ("ui", "model", "export", "importer", "cli")
                                 for p in (ROOT / folder).rglob("*.py"))]
    assert len(paths) > 100 and not [p for p in paths if selects.search(p.read_text(encoding="utf-8"))]
    assert selects.search("x = 1\n    from __feature__ import snake_case\n")


def test_a_lazy_pattern_compiles_on_first_use_and_then_is_the_pattern():
    pattern = LazyPattern(r"(?P<n>\d+)年", re.ASCII)
    assert "compiled" not in vars(pattern)
    assert pattern.search("２０２３年 2023年").group("n") == "2023"  # ASCII digits only, as the flag says
    assert vars(pattern)["compiled"] == re.compile(r"(?P<n>\d+)年", re.ASCII)
    assert pattern.sub("", "1年2年") == "" and pattern.groupindex == {"n": 1}
    assert [m.span() for m in pattern.finditer("1年 22年")] == [(0, 2), (3, 6)]


# characters near every boundary of the refused ranges, and ordinary Chinese text
CHARS = st.text(alphabet=st.sampled_from(
    "\x00\x08\t\n\x0b\x0c\r\x1f \x7e\x7f\x85\x9f\xa0\u2027\u2028\u2029\u3000\ud7ff\ud800\udbff\udc00\udfff"
    "\ue000\ufffd\ufffe\uffff\U00010000a，。年一"), max_size=12)


@given(CHARS)
def test_the_quick_character_checks_agree_with_the_full_patterns(text):
    """refused_char, clean_text and clean_line skip the patterns that name every refused character when
    nothing is refused; their answers stay those of the patterns."""
    for one_line, pattern in ((False, chars._REFUSED_IN_TEXT), (True, chars._REFUSED_IN_LINE)):
        match = pattern.search(text)
        assert chars.refused_char(text, one_line) == ((match.start(), match.group()) if match else None)
    expected_text = (text if chars._REFUSED_IN_TEXT.search(text) is None and not set("\r\u2028\u2029") & set(text)
                     else chars._CONTROL.sub("", chars._BREAKS.sub("\n", chars.normalize_line_ends(text))))
    assert chars.clean_text(text) == expected_text
    expected_line = (text if chars._REFUSED_IN_LINE.search(text) is None and "\r" not in text
                     else chars._BREAKS.sub("", text.replace("\r", "").replace("\n", "")).replace("\t", " "))
    assert chars.clean_line(text) == expected_line


def test_every_draft_block_is_listed_under_its_own_key():
    from model.draft_blocks import BLOCK_MODULES, block, blocks

    assert [b.key for b in blocks()] == list(BLOCK_MODULES)
    assert all(block(key).key == key for key in BLOCK_MODULES)


def test_a_draft_without_blocks_is_read_without_importing_their_modules(sample_path):
    """Reading the sample (no optional block) leaves the blocks' modules unimported; a draft with a block
    imports its module and reads it."""
    code = ("import sys, json\nfrom model.draft import load_draft\nfrom model.draft_blocks import BLOCK_MODULES\n"
            f"load_draft({str(sample_path)!r})\n"
            "print(json.dumps(sorted(m for m in BLOCK_MODULES.values() if m in sys.modules)))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-800:]
    assert json.loads(run.stdout) == []


def test_a_draft_block_is_read_when_the_draft_has_it(tmp_path, sample_report):
    from model.draft import load_draft, save_draft
    from model.printed_totals import attach, total_cells

    ref = total_cells(sample_report.format)[0]
    attach(sample_report, {ref: 7}, "报告.docx")
    save_draft(sample_report, tmp_path / "a.gkbg.json")
    loaded = load_draft(tmp_path / "a.gkbg.json")
    assert (loaded.stated_totals, loaded.stated_totals_source) == ({ref: 7}, "报告.docx")


START_AND_PROBE = """
import json, sys
sys.path.insert(0, {root!r})
from ui.app import start_gui
from ui import event_filters
app, window = start_gui([{sample!r}])
app.processEvents()
state = {{"event_types_at_first_paint": "QEvent" in vars(sys.modules["PySide6.QtCore"]),
          "held_at_first_paint": event_filters.filters_held()}}
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
field = window.pages[0].edits["unit_name"]

def ctrl_z_taken_by_field():
    event = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QCoreApplication.sendEvent(field, event)
    return event.isAccepted()

state["field_takes_ctrl_z_while_held"] = ctrl_z_taken_by_field()
for _ in range(5):
    app.processEvents()
state["held_after"] = event_filters.filters_held()
state["field_takes_ctrl_z_after"] = ctrl_z_taken_by_field()
print(json.dumps(state))
"""


def test_no_python_event_handler_runs_before_the_window_first_appears(tmp_path, sample_path):
    """The window's event filters wait one turn of the event loop after the window is shown (a Python event
    handler called earlier builds PySide's QEvent types: start-up time); then Ctrl+Z in a field of 基本信息
    goes to the window's undo stack, not to the field's own history."""
    code = START_AND_PROBE.format(root=str(ROOT), sample=str(sample_path))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GKBG_DATA_DIR": str(tmp_path / "data")}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0, run.stderr[-800:]
    assert json.loads(run.stdout.strip().splitlines()[-1]) == {
        "event_types_at_first_paint": False, "held_at_first_paint": True, "field_takes_ctrl_z_while_held": True,
        "held_after": False, "field_takes_ctrl_z_after": False}


def test_outside_start_up_filters_go_in_at_once(qtbot):
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QLineEdit

    from ui import event_filters

    class Seen(QObject):
        def __init__(self):
            super().__init__()
            self.events = 0

        def eventFilter(self, obj, event):
            self.events += 1
            return False

    seen, field = Seen(), QLineEdit()
    qtbot.addWidget(field)
    assert not event_filters.filters_held()
    event_filters.install_filter(field, seen)
    field.setText("x")
    field.show()
    qtbot.waitExposed(field)
    assert seen.events > 0


# ---- the figures quoted in the texts: the tail matched alone, then the number (model.text_figures) ----

def _phrases(figures=None):
    """(phrase, figure) of every distinct tail, money and units of figures (default: both formats')."""
    from model.formats.figures import FIGURES_2019, FIGURES_2021

    seen = {}
    for figure in figures or FIGURES_2019 + FIGURES_2021:
        for phrase in figure.phrases:
            seen.setdefault((phrase.tail, figure.money, figure.units), (phrase, figure))
    return list(seen.values())


def test_every_phrase_tail_stays_within_reach():
    from re import _parser

    from model.text_figures import TAIL_REACH

    widths = {phrase.tail: _parser.parse(phrase.tail).getwidth()[1] for phrase, _ in _phrases()}
    assert max(widths.values()) <= TAIL_REACH, widths


WORDS = ("数量", "总数", "数", "为", "共计", "共", "计", "达到", "达", "的", "申请", "案件", "行政", "规范性文件", "规章",
         "信息公开", "公开", "至本年", "度", "继续办理", "办理", "收入", "金额", "（区分处理）", "(一)", "约", "近", "超过",
         "不少于", "上百", "余", "多", "左右", "以上", "件", "件次", "个", "份", "部", "项", "元", "万元", "亿元", "三", "十",
         "两", "零", "百", "5", "12", "1,200", "3.5", " ", "，", "。", "年", "了")


@given(st.lists(st.sampled_from(WORDS), max_size=9))
def test_the_tail_then_the_number_reads_as_the_whole_pattern(words):
    """number_after (the tail alone, then the number) finds what the tail and the number as one pattern find,
    for every phrase of both formats, with its format's shared units (as find_quotes reads) or its own.
    (Another format's shared units may lack the figure's unit, 2021's lack 2019's 采购项目 项: not a reading.)"""
    from model.formats.figures import FIGURES_2019, FIGURES_2021
    from model.text_figures import _compiled, number_after, shared_count_units

    text = "".join(words)
    for figures in (FIGURES_2019, FIGURES_2021):
        for phrase, figure in _phrases(figures):
            for start in range(min(len(text), 3) + 1):
                whole = _compiled(phrase.tail, figure.money, figure.units).match(text, start)
                for units in (shared_count_units(figures), None):
                    mine = number_after(phrase, figure, text, start, units)
                    assert (mine is None) == (whole is None), (phrase.tail, text, start, units)
                    if whole is not None:
                        assert mine.end() == whole.end() and all(mine.group(g) == whole.group(g) for g in (
                            "pre", "num", "post", "unit", "tail")), (phrase.tail, text, units)


def test_the_units_of_all_figures_are_read_by_one_pattern():
    from model.formats.figures import FIGURES_2019
    from model.text_figures import shared_count_units

    units = shared_count_units(FIGURES_2019).split("|")
    assert units[0] == "件次" and {"件", "个", "份", "部", "项", "次"} <= set(units)
    assert all(len(a) >= len(b) for a, b in zip(units, units[1:]))


def test_a_tail_that_must_give_back_words_to_the_number_is_read_by_the_whole_pattern():
    """数5件 after a tail that may take 数5: the tail gives them back and the number is 约-like (数5件), as the
    whole pattern reads it; without a number within reach nothing is compiled for it."""
    from model.formats.definition import Phrase, Target, TextFigure
    from model.text_figures import _compiled, number_after

    phrase = Phrase("收到", "(?:数5)?")
    figure = TextFigure("test", "测试", (phrase,), (Target(("applications.new.total",), "测试"),))
    m = number_after(phrase, figure, "收到数5件", 2)
    assert (m.group("pre"), m.group("num"), m.group("unit"), m.end()) == ("数", "5", "件", 5)
    before = _compiled.cache_info().currsize
    assert number_after(Phrase("收到", "(?:数量)?"), figure, "收到数量不详。" + "说明" * 60 + "5件", 2) is None
    assert _compiled.cache_info().currsize == before


@given(st.text(alphabet=st.sampled_from("全县市各部门单位系统内所属下直统计期限以来已将拟明年曾经村社区级a.|()[]\\n "),
               max_size=16))
def test_word_lists_are_found_as_their_patterns_find_them(text):
    """mentions() answers plain word lists without compiling them, as the pattern would; other patterns too."""
    from model.formats import text_words as W
    from model.text_reading import mentions, plain_words

    for words in (W.OTHER_SCOPE, W.STATISTICS, W.PAST_WORDS, W.FUTURE_WORDS, W.PLAN_WORDS, W.TITLE_PAST, "a.|b",
                  "县(市)|x", r"村\(社区\)|各\.部", r"a\d|全"):
        assert mentions(words, text) == (re.search(words, text) is not None), (words, text)
    assert plain_words(W.OTHER_SCOPE) and plain_words(W.PLAN_WORDS) and plain_words(r"村\(社区\)") == ("村(社区)",)
    assert plain_words("a.|b") is None and plain_words("a||b") is None and plain_words(r"a\d") is None


NEEDS_ALPHABET = "上一年度结转至到下十二月份1 2019政府信息公开工作报告约大将近接超过同比以来季累计\n，"


@given(st.text(alphabet=st.sampled_from(NEEDS_ALPHABET), max_size=14))
def test_a_text_without_the_words_a_pattern_needs_has_no_match(text):
    """The words listed as needed by a text-check pattern are in every match: a text without them is skipped
    without compiling the pattern; the 约… clause words are found at the end as the pattern finds them."""
    from model.formats import text_words as W
    from model.text_reading import ends_with, find_all

    title = r"(?P<year>" + W.YEAR + r")\s*年度?\s*" + W.TITLE
    for pattern, needs in ((W.NEUTRAL_PERIOD, W.NEUTRAL_PERIOD_NEEDS), (W.MONTH, W.MONTH_NEEDS),
                           (W.OTHER_PERIOD, W.OTHER_PERIOD_NEEDS), (title, W.TITLE_NEEDS), (W.TITLE, W.TITLE_NEEDS)):
        assert [m.span() for m in find_all(pattern, needs, text)] == [m.span() for m in re.finditer(pattern, text)]
    approx_clause = "(?:" + "|".join(W.APPROX_CLAUSE_WORDS) + ")$"  # the pattern ends_with stands for
    assert ends_with(W.APPROX_CLAUSE_WORDS, text) == (re.search(approx_clause, text) is not None)


PERIOD_ALPHABET = ("年", "2019", "2020", " ", "二〇一九", "同比", "上年", "以来", "近三", "1", "月", "份", "结转", "下年度",
                   "《", "》", "收到", "申请", "。", "，", "\n", "共")


@given(st.lists(st.sampled_from(PERIOD_ALPHABET), max_size=12), st.integers(min_value=0, max_value=40))
def test_a_sentence_without_period_words_is_not_searched_for_them(words, at):
    """PeriodMarks.before skips a sentence without any word a period mark holds, with the answer it gives
    after finding every mark."""
    from bisect import bisect_left

    from model.text_figures import PeriodMarks
    from model.text_reading import Bounds

    text = "".join(words)
    pos = min(at, len(text))
    bounds = Bounds(text)
    marks = PeriodMarks(text, bounds, 2019)
    start = bounds.sentence(pos)[0]
    found = marks.marks
    i = bisect_left([a for a, _ in found], start)
    expected = False
    while i < len(found) and found[i][0] < pos:
        if found[i][1] <= pos:
            expected = True
            break
        i += 1
    assert PeriodMarks(text, bounds, 2019).before(pos) == expected, (text, pos)
