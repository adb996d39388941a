"""Last year's report in the window: 基于上年报告新建, 关联/取消关联上年报告 (undoable), 视图 ▸ 显示上年数."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject

from model.errors import ReportError
from model.last_year import LastYear, cross_year_rules, read_last_year, unit_warning

from .. import settings as cfg
from ..actions import insert_after, window_action

SHOW_KEY = "view/show_last_year"


class LastYearActions(QObject):
    """文件 ▸ 基于上年报告新建… / 关联上年报告… / 取消关联上年报告, 视图 ▸ 显示上年数."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        files = window.files
        menu = window.actions.file_menu
        self.new_from = window_action(window, "基于上年报告新建…", self.new_from_last_year)
        self.link = window_action(window, "关联上年报告…", self.link_dialog)
        self.unlink = window_action(window, "取消关联上年报告", self.remove_link)
        menu.insertAction(files.open, self.new_from)
        insert_after(menu, files.recent_menu.menuAction(), [self.link, self.unlink])
        menu.aboutToShow.connect(self.update_actions)
        self.show = window_action(window, "显示上年数", self.set_shown)
        self.show.setCheckable(True)
        self.show.setChecked(self.shown())
        self.show.setToolTip("在有上年数的格子里用淡色第二行显示上年报告的数")
        view = window.actions.view_menu
        toggle = window.findings_dock.toggleViewAction()
        view.insertAction(toggle if toggle in view.actions() else None, self.show)

    # ---- the open report ----

    def attach(self) -> None:
        """The window shows a new report, or new tabs of another format: apply 显示上年数 to its grids."""
        self._show_on_grids(self.shown())
        self.update_actions()

    def update_actions(self) -> None:
        session = self.window.session
        linked = session is not None and session.report.last_year is not None
        self.link.setEnabled(session is not None)
        self.unlink.setEnabled(linked)
        self.link.setText("更换上年报告…" if linked else "关联上年报告…")

    # ---- 视图 ▸ 显示上年数 ----

    def shown(self) -> bool:
        return bool(self.settings.value(SHOW_KEY, True, bool))

    def set_shown(self, on: bool) -> None:
        self.settings.setValue(SHOW_KEY, bool(on))
        self._show_on_grids(bool(on))
        self.window.show_message("显示上年数" if on else "不显示上年数（悬停在格子上仍可看到）")

    def _show_on_grids(self, on: bool) -> None:
        for page in self.window.pages:
            if hasattr(page, "set_show_last_year"):
                page.set_show_last_year(on)

    # ---- picking last year's file ----

    def _pick(self, title: str) -> Path | None:
        from ..file_dialogs import DRAFTS, file_to_open

        return file_to_open(self.window, title, self.settings, DRAFTS)

    def _refuse(self, title: str, text: str) -> None:
        from ..dialogs import warn

        warn(self.window, title, text)

    # ---- 基于上年报告新建 ----

    def new_from_last_year(self, _checked: bool = False, path: Path | None = None, asked: bool = False) -> bool:
        """Pick last year's draft, show what will be carried, and start this year's report from it.

        A refused file or a cancelled dialog leaves the open report alone; unsaved changes are asked about
        only when the new report is about to replace it (not again when the caller has asked already).
        """
        path = path or self._pick("选择上年报告（基于它新建本年报告）")
        if path is None:
            return False
        from model.draft import load_draft
        from model.last_year_carry import plan_carry

        title = "无法基于上年报告新建"
        try:
            last = load_draft(path)
            year = last.year + 1
            if year > date.today().year:
                raise ReportError(f"“{path.name}”是{last.year}年度的报告，据此新建的应是{year}年度报告，"
                                  f"但现在还是{date.today().year}年。请选择{date.today().year - 1}年度或更早的报告")
            plan = plan_carry(last, year, path.name, last.unit_name or None)
        except ReportError as exc:
            self._refuse(title, exc.message)
            return False
        from PySide6.QtWidgets import QDialog

        from .last_year_dialog import NewFromLastYearDialog

        dialog = NewFromLastYearDialog(last, path, plan, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or not (asked or self.window.files.maybe_save()):
            return False
        plan = dialog.plan
        from model.report import Report

        from .last_year_commands import CarryOverCommand

        self.window.set_report(Report(plan.format, plan.year), None)
        self.window.undo_stack.push(CarryOverCommand(self.window.session, plan))
        cfg.remember_folder(self.settings, path)
        self.window.show_message(f"已从上年报告带入 {len(plan.cells)} 个数（已标出，修改后不再标出；"
                                 f"编辑 ▸ 撤销 可取消带入）")
        return True

    # ---- 关联 / 取消关联 ----

    def link_dialog(self, _checked: bool = False, path: Path | None = None) -> bool:
        """Pick last year's draft and keep its figures in this report (one undo step); bad input changes nothing."""
        session = self.window.session
        if session is None:
            return False
        path = path or self._pick("关联上年报告")
        if path is None:
            return False
        report = session.report
        try:
            last = read_last_year(path, report.year)
        except ReportError as exc:
            self._refuse("无法关联上年报告", exc.message)
            return False
        warning = unit_warning(last.unit_name, report.unit_name)
        if warning:
            from ..dialogs import ask_yes_no

            if not ask_yes_no(self.window, "填报单位不同", f"{warning}。\n\n仍要关联“{path.name}”吗？",
                              default_yes=True):
                return False
        link = LastYear.from_report(last, report.format, path.name)
        if link == report.last_year:
            self.window.show_message(f"已关联这份上年报告：{link.describe()}")
            return True
        from .last_year_commands import SetLastYearCommand

        text = "更换上年报告" if report.last_year is not None else "关联上年报告"
        self.window.undo_stack.push(SetLastYearCommand(session, link, text))
        cfg.remember_folder(self.settings, path)
        rules = cross_year_rules(report.format)
        cross = sum(1 for f in session.findings if f.rule in rules)
        self.window.show_message(f"已关联上年报告：{link.describe()}；跨年度检查发现 {cross} 个警告")
        self.update_actions()
        return True

    def remove_link(self) -> bool:
        session = self.window.session
        if session is None or session.report.last_year is None:
            return False
        from .last_year_commands import SetLastYearCommand

        old = session.report.last_year
        self.window.undo_stack.push(SetLastYearCommand(session, None, "取消关联上年报告"))
        self.window.show_message(f"已取消关联上年报告：{old.describe()}（编辑 ▸ 撤销 可恢复）")
        self.update_actions()
        return True
