"""Follow-up as a module: the view of what falls due, its actions, and the notice at start."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QPushButton

from postkit.ui.actions import ActionId, ActionSpec
from postkit.ui.module import Module, ModuleContext, action

if TYPE_CHECKING:
    from postkit.core.profile import PostProfile
    from postkit.ui.followups.page import FollowUpsPage
    from postkit.ui.ops import Changes


class FollowUpsModule(Module):
    name = "followups"
    page_module = "postkit.ui.followups.page"
    title = QT_TRANSLATE_NOOP("MainWindow", "Follow-up")
    menu_title = QT_TRANSLATE_NOOP("MainWindow", "F&ollow-up")
    show_id = ActionId.SHOW_FOLLOW_UPS
    show_spec = ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Follow-up"),
        QT_TRANSLATE_NOOP("Actions", "Conditions and actions that fall due, and what is overdue"),
        "Ctrl+8",
    )
    toolbar = (ActionId.FOLLOW_UP_MET, ActionId.FOLLOW_UP_NOT_MET, ActionId.FOLLOW_UP_DROP)

    page: FollowUpsPage | None

    def attach(self, ctx: ModuleContext) -> None:
        super().attach(ctx)
        # The start notice: a button in the status bar that opens the view.
        self.notice = QPushButton(ctx.window)
        self.notice.setFlat(True)
        self.notice.setObjectName("follow_up_notice")
        self.notice.hide()
        self.notice.clicked.connect(lambda: self.window.show_module(self.name))
        ctx.window.statusBar().addPermanentWidget(self.notice)
        self.due_this_week = 0
        # The status bar's message speaks once, at start; the button stays while any are due.
        self._announced = False
        self._count_due()

    def _count_due(self) -> None:
        from postkit.core.followups.service import due_this_week_count

        assert self.ctx is not None
        today = date.today()

        def shown(count: int) -> None:
            self.due_this_week = count
            text = self.tr("%n follow-up(s) due this week", "", count)
            self.notice.setText(text)
            self.notice.setToolTip(self.tr("Open the follow-up view"))
            self.notice.setVisible(count > 0)
            if not self._announced:
                self._announced = True
                if count > 0 and self.ctx is not None:
                    self.ctx.status_message(text)

        self.ctx.runner.query(
            lambda session: due_this_week_count(session, today), shown, owner=self
        )

    def build_page(self, ctx: ModuleContext) -> FollowUpsPage:
        from postkit.ui.followups.page import FollowUpsPage

        page = FollowUpsPage(
            ctx.runner, ctx.acting_profile(), ctx.language, ctx.window, undo_stack=ctx.undo_stack
        )
        page.status_message.connect(ctx.status_message)
        page.selection_changed.connect(self.state_changed)
        page.reloaded.connect(self.state_changed)
        return page

    def on_changed(self, changes: Changes) -> None:
        from postkit.ui.followups.page import WATCHED

        if changes.touches(*WATCHED):
            self._count_due()

    @property
    def _page(self) -> FollowUpsPage:
        assert self.page is not None
        return self.page

    @action(
        ActionId.FOLLOW_UP_MET,
        QT_TRANSLATE_NOOP("Actions", "&Met"),
        QT_TRANSLATE_NOOP("Actions", "The selected follow-up was met"),
        None,
        "check-circle-outline",
        menu="followups",
    )
    def mark_met(self) -> None:
        self._page.mark_met()

    @action(
        ActionId.FOLLOW_UP_NOT_MET,
        QT_TRANSLATE_NOOP("Actions", "&Not met…"),
        QT_TRANSLATE_NOOP(
            "Actions", "The selected follow-up was not met: record it and plan the next step"
        ),
        None,
        "close-circle-outline",
        menu="followups",
    )
    def mark_not_met(self) -> None:
        self._page.mark_not_met()

    @action(
        ActionId.FOLLOW_UP_DROP,
        QT_TRANSLATE_NOOP("Actions", "&Drop…"),
        QT_TRANSLATE_NOOP("Actions", "Drop the selected follow-up, with a reason"),
        None,
        "cancel",
        menu="followups",
    )
    def drop(self) -> None:
        self._page.drop()

    def update_page_actions(self) -> None:
        page = self._page
        selected = page.selected()
        is_open = selected is not None and selected.status.value == "open"
        for action_id in (
            ActionId.FOLLOW_UP_MET,
            ActionId.FOLLOW_UP_NOT_MET,
            ActionId.FOLLOW_UP_DROP,
        ):
            self.enable(action_id, is_open)

    def profile_changed(self, profile: PostProfile) -> None:
        if self.page is not None:
            self.page.set_profile(profile)
