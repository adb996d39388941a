"""文件 ▸ 汇总… and 文件 ▸ 汇总图表…: the dialog and the chart are imported when first asked for."""
from __future__ import annotations

from PySide6.QtCore import QObject

from ..actions import window_action


class AggregateActions(QObject):
    """Adds 汇总… (sum many units' reports into a new draft) and 汇总图表… (of the open summary) to 文件."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        menu = window.actions.file_menu
        before = window.outputs.export_docx  # 汇总 sits between 另存为 and 导出
        self.aggregate = window_action(window, "汇总…", self.open_dialog)
        self.aggregate.setStatusTip("汇总各单位的年度报告：检查每份报告，找出重复和有错的单位，合计成一份新报告")
        self.chart = window_action(window, "汇总图表…", self.show_chart)
        menu.insertActions(before, [self.aggregate, self.chart])
        menu.insertSeparator(before)
        menu.aboutToShow.connect(self._update)

    def _update(self) -> None:
        from model.aggregate_record import sources_of

        report = self.window.report
        self.chart.setEnabled(report is not None and sources_of(report) is not None)

    def open_dialog(self) -> bool:
        """The 汇总 dialog; a summary made there opens as a new unsaved draft."""
        if not self.window.files.maybe_save():
            return False
        from .dialog import AggregateDialog

        dialog = AggregateDialog(self.window.settings, self.window, self.window.report, self.window.path)
        accepted = dialog.exec()
        summary = dialog.summary
        dialog.deleteLater()
        if not accepted or summary is None:
            return False
        self.window.set_report(summary, None)
        self.window.undo_stack.resetClean()  # a new summary is unsaved work
        self.window.update_title()
        from model.aggregate_record import sources_of

        self.window.show_message(f"已汇总 {len(sources_of(summary).units)} 个单位的报告，请写好文字部分后保存")
        return True

    def show_chart(self) -> None:
        from model.aggregate_figures import figures_of_summary

        report = self.window.report
        figures = figures_of_summary(report) if report is not None else None
        if figures is None:
            from ..dialogs import inform

            inform(self.window, "汇总图表", "当前报告不是汇总报告。请先用“文件 ▸ 汇总…”汇总各单位的报告。")
            return
        from .chart import ChartDialog

        ChartDialog(figures, self.window.settings, self.window).exec()
