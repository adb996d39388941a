"""The 汇总 dialog: add files and folders, see every unit's state, leave units out, then sum into a new draft."""
from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QProgressBar, QPushButton, QTableView, QVBoxLayout,
)

from model.aggregate import (
    ALL, NOT_CHOSEN, ONCE, AggregateRefused, Batch, keep_office_work, make_summary, refusal, year_conflict,
)
from model.aggregate import choose as choose_units
from model.aggregate_inputs import LARGE_BATCH, path_key
from model.aggregate_record import sources_of
from model.errors import ReportError
from model.report import MAX_UNIT_NAME

from .. import settings as cfg
from .. import style
from ..dialogs import Button, Icon, ask_yes_no, fail, inform, message_box, warn
from ..file_dialogs import UNIT_REPORTS, name_to_save, with_suffix
from ..screen_fit import fit_dialog
from ..wait_cursor import wait_cursor
from .reader import BatchReader
from .units_model import CHECK, ERRORS, FILE, STATUS, UNIT, WARNINGS, UnitsModel

SUMMARY_UNIT_KEY = "aggregate/summary_unit"
SIZE = (1000, 620)  # fits a 1366×768 screen with the taskbar and title bar
REFRESH_SECONDS = 0.5


class UnitsView(QTableView):
    """The units table; Space ticks or unticks every selected unit at once (keyboard, several rows)."""

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            model = self.model()
            rows = sorted({i.row() for i in self.selectionModel().selectedRows()} or {self.currentIndex().row()})
            rows = [r for r in rows if 0 <= r and model.is_file_row(r)]
            if rows:
                model.set_rows_included(rows, any(r in model.excluded for r in rows))
                event.accept()
                return
        super().keyPressEvent(event)


class AggregateDialog(QDialog):
    """After exec(): `summary` holds the new summary report when 汇总 was chosen, else None.

    Given the summary open in the window (previous), the dialog re-makes it: the files and folders it was
    made from are read again, files changed or added since are marked, and the office's texts are kept."""

    def __init__(self, settings: QSettings, parent=None, previous=None, previous_path: Path | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.exclude = [previous_path] if previous_path is not None else []  # a summary saved among its inputs
        self.summary = None
        self.previous = previous if previous is not None and sources_of(previous) is not None else None
        self.setWindowTitle("重新汇总" if self.previous else "汇总各单位报告")
        self.batch = Batch()
        self.reader: BatchReader | None = None
        self._refreshed = 0.0  # when the table last looked for duplicates and odd years while reading
        self.model = UnitsModel(self)
        self._build()
        self.model.refreshed.connect(self._update)
        self.model.rowsInserted.connect(self._update)
        self.model.modelReset.connect(self._update)
        self._update()
        if self.previous is not None:
            self._remake_from(self.previous)

    def _remake_from(self, previous) -> None:
        from model.aggregate_check import Relocation

        sources = sources_of(previous)
        place = Relocation(sources, self.exclude[0] if self.exclude else None)  # folders moved with the summary
        self.unit.setText(previous.unit_name)
        self.once.setChecked(sources.policy == ONCE)
        self.model.remember({path_key(place.of(f.path)): f.sha256 for f in sources.files()},
                            {path_key(place.of(f.path)) for f in sources.left_out if f.reason == NOT_CHOSEN})
        inputs = place.inputs()
        QTimer.singleShot(0, lambda: self.add_paths(inputs))  # once the dialog shows

    # ---- layout ----

    def _build(self) -> None:
        self.add_files = QPushButton("添加文件…", self)
        self.add_folder = QPushButton("添加文件夹…", self)
        self.clear = QPushButton("清空列表", self)
        self.add_files.clicked.connect(self.choose_files)
        self.add_folder.clicked.connect(self.choose_folder)
        self.clear.clicked.connect(self.clear_list)
        hint = QLabel("各单位的报告（草稿 .gkbg.json，Word 或 PDF），或整个文件夹（含子文件夹）；取消勾选的单位不计入。", self)
        hint.setStyleSheet(f"color: {style.HINT_TEXT};")
        top = QHBoxLayout()
        for widget in (self.add_files, self.add_folder, self.clear):
            top.addWidget(widget)
        top.addWidget(hint, 1)

        self.table = UnitsView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for col, mode in ((CHECK, QHeaderView.ResizeMode.ResizeToContents),
                          (UNIT, QHeaderView.ResizeMode.Interactive), (FILE, QHeaderView.ResizeMode.Interactive),
                          (STATUS, QHeaderView.ResizeMode.Stretch),
                          (ERRORS, QHeaderView.ResizeMode.ResizeToContents),
                          (WARNINGS, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(col, mode)
        header.resizeSection(UNIT, 220)
        header.resizeSection(FILE, 200)

        self.summary_line = QLabel(self)
        self.summary_line.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setFormat("已读取 %v / %m 个文件")
        self.cancel_reading = QPushButton("停止读取", self)
        self.cancel_reading.clicked.connect(self.stop_reading)
        reading = QHBoxLayout()
        reading.addWidget(self.progress, 1)
        reading.addWidget(self.cancel_reading)

        self.unit = QLineEdit(self.settings.value(SUMMARY_UNIT_KEY, "", str) or "", self)
        self.unit.setMaxLength(MAX_UNIT_NAME)
        self.unit.setPlaceholderText("如：某某县人民政府办公室")
        self.once = QCheckBox("重复的单位只计一次（保留先读到的文件）", self)
        self.once.toggled.connect(self.model.set_once)
        options = QHBoxLayout()
        options.addWidget(QLabel("汇总报告的填报单位：", self))
        options.addWidget(self.unit, 1)
        options.addSpacing(16)
        options.addWidget(self.once)

        self.chart = QPushButton("图表…", self)
        self.chart.clicked.connect(self.show_chart)
        self.workbook = QPushButton("导出明细表…", self)
        self.workbook.clicked.connect(self.export_workbook)
        self.sum_button = QPushButton("汇总", self)
        self.sum_button.setDefault(True)
        self.sum_button.clicked.connect(self.make)
        self.close_button = QPushButton("关闭", self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.chart)
        buttons.addWidget(self.workbook)
        buttons.addStretch(1)
        buttons.addWidget(self.sum_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_line)
        layout.addLayout(reading)
        layout.addLayout(options)
        layout.addLayout(buttons)
        self._show_reading(False)
        fit_dialog(self, *SIZE)

    def _show_reading(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.cancel_reading.setVisible(on)

    # ---- adding files ----

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "添加各单位的报告", cfg.last_folder(self.settings), UNIT_REPORTS)
        if paths:
            cfg.remember_folder(self.settings, Path(paths[0]))
            self.add_paths([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "添加文件夹（含各单位的报告）", cfg.last_folder(self.settings))
        if folder:
            self.settings.setValue(cfg.LAST_FOLDER_KEY, folder)
            self.add_paths([Path(folder)])

    def add_paths(self, paths: list[Path]) -> None:
        """Queue the report files of paths (files or folders) and start reading them."""
        before = len(self.batch.pending)
        found = self.batch.add(paths, self.exclude)
        if found.unreadable:
            self.model.append([], list(found.unreadable))
        added = len(self.batch.pending) - before
        if added > LARGE_BATCH and not ask_yes_no(
                self, "文件很多", f"找到 {added:,} 个报告文件，读取需要一些时间（可随时停止）。\n"
                "一个县通常只有几十个单位：请确认选的是各单位报告所在的文件夹。\n\n仍要读取吗？", default_yes=True):
            self.batch.drop_pending(added)
            return
        if not added:
            self._note_nothing_found(found)
            return
        if self.reader is None:
            self.reader = BatchReader(self.batch, self)
            self.reader.read.connect(self._rows_read)
            self.reader.progress.connect(self._progress)
            self.reader.finished.connect(self._finished)
        self._show_reading(True)
        self.reader.start()
        self._update()

    def _rows_read(self, units, unreadable) -> None:
        """Rows for the files of one slice; duplicates and odd years are looked for again at most every
        REFRESH_SECONDS while reading (each look goes over every unit read so far), and at the end."""
        now = time.monotonic()
        refresh = now - self._refreshed > REFRESH_SECONDS
        if refresh:
            self._refreshed = now
        self.model.append(units, unreadable, refresh)

    def _note_nothing_found(self, found) -> None:
        if found.unreadable:
            return  # listed in the table with its reason
        extra = f"（另有 {found.ignored} 个其他文件，不是草稿或报告）" if found.ignored else ""
        inform(self, "没有找到报告",
               f"所选位置没有新的年度报告草稿（.gkbg.json）或报告文件（.docx、.pdf）{extra}。")

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _finished(self, complete: bool) -> None:
        self._show_reading(False)
        self.model.refresh()
        self._update()
        if not complete:
            inform(self, "已停止读取",
                   f"已读取 {self.batch.read_count} 个文件，其余的未读取，不会计入汇总。")

    def stop_reading(self) -> None:
        if self.reader is not None:
            self.reader.cancel()

    def reading(self) -> bool:
        return self.reader is not None and self.reader.running

    def clear_list(self) -> None:
        """Start again with an empty list (a wrong folder added by mistake)."""
        self.stop_reading()
        if self.reader is not None:
            self.reader.deleteLater()
            self.reader = None
        self.batch = Batch()
        self.model.clear()
        self.once.setChecked(False)

    # ---- state ----

    def _update(self, *_args) -> None:
        model = self.model
        choice = model.choice()
        busy = self.reading()
        parts = [f"共 {len(model.units)} 份报告，计入 {len(choice.included)} 份"]
        with_errors = sum(1 for i in choice.included if model.units[i].errors)
        if with_errors:
            parts.append(f"<span style='color:{style.ERROR_TEXT}'>{with_errors} 份有错误</span>")
        if model.unreadable:
            parts.append(f"<span style='color:{style.ERROR_TEXT}'>{len(model.unreadable)} 个文件无法读取</span>")
        if choice.undecided:  # the groups summed more than once
            parts.append(f"<span style='color:{style.ERROR_TEXT}'>{len(choice.undecided)} 组可能重复</span>")
        if self.batch.ignored:
            parts.append(f"另有 {self.batch.ignored} 个其他文件已忽略")
        if model.changes:
            changed = sum(1 for c in model.changes.values() if c == "已修改")
            parts.append(f"<span style='color:{style.WARNING_TEXT}'>与上次汇总相比：{changed} 个文件已修改，"
                         f"{len(model.changes) - changed} 个新增</span>")
        self.summary_line.setText("；".join(parts) + "。")
        for widget in (self.sum_button, self.chart, self.workbook):
            widget.setEnabled(not busy and bool(choice.included))
        self.clear.setEnabled(not busy and bool(model.rowCount()))

    # ---- summing ----

    def _selection(self, purpose: str):
        """(choice, policy) ready to sum, after asking about unreadable files and duplicates; None if refused."""
        model = self.model
        if self.reading():
            return None
        choice = model.choice()
        policy = ONCE if model.once else ""
        if choice.undecided:
            groups = "\n".join(d.describe(model.units) for d in choice.undecided)
            box = message_box(self, Icon.Warning, "可能重复的单位",
                              f"以下单位可能重复：\n{groups}\n\n“只计一次”保留每组先读到的文件；"
                              "确认确是不同单位请选“全部计入”。", Button.Cancel)
            once = box.addButton("只计一次", QMessageBox.ButtonRole.AcceptRole)
            every = box.addButton("全部计入", QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(once)
            box.exec()
            if box.clickedButton() is once:
                self.once.setChecked(True)
                choice, policy = model.choice(), ONCE
            elif box.clickedButton() is every:
                policy = ALL
                choice = choose_units(model.units, model.duplicates, ALL, model.excluded)
            else:
                return None
        why = refusal(model.units, choice)
        if why is not None:
            if year_conflict(model.units, choice.included) is not None:
                why += "\n\n请取消勾选年度不符的文件后再试。"
            warn(self, "无法汇总", why)
            return None
        if model.unreadable and not ask_yes_no(
                self, "有文件无法读取", f"{len(model.unreadable)} 个文件无法读取（见表格中的红字），不会计入{purpose}。\n\n"
                f"只{purpose}可读取的 {len(choice.included)} 份报告吗？", default_yes=True):
            return None
        return choice, policy

    def make(self) -> None:
        selection = self._selection("汇总")
        if selection is None:
            return
        choice, policy = selection
        self.settings.setValue(SUMMARY_UNIT_KEY, self.unit.text().strip())
        try:
            self.summary = make_summary(self.batch, choice, self.unit.text(), policy)
            if self.previous is not None:
                keep_office_work(self.previous, self.summary)
        except (AggregateRefused, ReportError) as exc:
            warn(self, "无法汇总", exc.message)
            return
        self.accept()

    def show_chart(self) -> None:
        selection = self._selection("图表")
        if selection is None:
            return
        choice, _ = selection
        from model.aggregate_figures import figures_of_units

        from .chart import ChartDialog

        ChartDialog(figures_of_units([self.model.units[i] for i in choice.included]), self.settings, self).exec()

    def export_workbook(self) -> None:
        selection = self._selection("明细表")
        if selection is None:
            return
        choice, policy = selection
        path = name_to_save(self, "导出明细表", self.settings, "各单位明细", ".xlsx")
        if path is not None:
            self.write_workbook(path, choice, policy)

    def write_workbook(self, path: Path, choice, policy: str = "") -> bool:
        path = with_suffix(path, ".xlsx")
        model = self.model
        try:
            with wait_cursor():
                from export.breakdown_xlsx import write_breakdown

                summary = make_summary(self.batch, choice, self.unit.text(), policy)
                write_breakdown(path, summary, [model.units[i] for i in choice.included],
                                [(model.units[i], reason) for i, reason in choice.left_out], model.unreadable)
        except ReportError as exc:
            fail(self, "导出失败", exc.message)
            return False
        cfg.remember_folder(self.settings, path)
        self.summary_line.setText(f"已导出明细表：{path}")
        return True

    # ---- closing ----

    def reject(self) -> None:
        self.stop_reading()
        super().reject()
