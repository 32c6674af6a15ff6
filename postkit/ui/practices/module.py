"""The good-practice library as a module: its actions and their enabled-state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from postkit.ui.actions import ActionId, ActionSpec
from postkit.ui.module import Module, ModuleContext, action
from postkit.ui.ops import Changes
from postkit.ui.practices.drops import DropForwarder

if TYPE_CHECKING:
    from postkit.core.profile import PostProfile
    from postkit.ui.practices.page import PracticesPage


class PracticesModule(Module):
    name = "practices"
    page_module = "postkit.ui.practices.page"
    title = QT_TRANSLATE_NOOP("MainWindow", "Good practices")
    menu_title = QT_TRANSLATE_NOOP("MainWindow", "&Practices")
    show_spec = ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Good practices"),
        QT_TRANSLATE_NOOP("Actions", "The library of good practices"),
        "Ctrl+4",
    )
    toolbar = (
        ActionId.NEW_PRACTICE,
        None,
        ActionId.IMPORT_PRACTICES,
        ActionId.EXPORT_PRACTICES,
        ActionId.PRACTICE_BOOKLET,
        None,
        ActionId.PRESENT_PRACTICES,
    )
    searchable = True

    page: PracticesPage | None

    def build_page(self, ctx: ModuleContext) -> PracticesPage:
        from postkit.ui.practices.page import PracticesPage

        page = PracticesPage(
            ctx.runner,
            ctx.acting_profile(),
            ctx.language,
            ctx.window,
            undo_stack=ctx.undo_stack,
        )
        page.selection_changed.connect(self.state_changed)
        page.reloaded.connect(self.state_changed)
        self.connect_page(page)
        return page

    def attach(self, ctx: ModuleContext) -> None:
        super().attach(ctx)
        # Exchange files dropped anywhere on the window come here, the page built if need be.
        ctx.window.setAcceptDrops(True)
        self._drops = DropForwarder(lambda paths: self._built_page().import_files(paths), self)
        ctx.window.installEventFilter(self._drops)

    def _built_page(self) -> PracticesPage:
        self.ensure_page()
        return self._page

    @property
    def _page(self) -> PracticesPage:
        assert self.page is not None
        return self.page

    @action(
        ActionId.NEW_PRACTICE,
        QT_TRANSLATE_NOOP("Actions", "New &good practice…"),
        QT_TRANSLATE_NOOP("Actions", "Write up a good practice"),
        "Ctrl+Alt+N",
        "lightbulb-on-outline",
        menu="practices",
    )
    def new_practice(self) -> None:
        self._page.new_practice()

    @action(
        ActionId.PROMOTE_ACTIVITY,
        QT_TRANSLATE_NOOP("Actions", "&Promote to good practice…"),
        QT_TRANSLATE_NOOP("Actions", "Make a good practice of the selected activity"),
        "Ctrl+Shift+G",
        "arrow-up-bold-box-outline",
        menu="practices",
    )
    def promote_activity(self) -> None:
        ids = self._selected_activities()
        if len(ids) == 1:
            self._page.promote_activity(ids[0])

    @action(
        ActionId.IMPORT_PRACTICES,
        QT_TRANSLATE_NOOP("Actions", "&Import good practices…"),
        QT_TRANSLATE_NOOP("Actions", "Import .postkit files from other posts"),
        "Ctrl+I",
        "tray-arrow-down",
        menu="practices",
        separator=True,
    )
    def import_practices(self) -> None:
        self._page.import_dialog()

    @action(
        ActionId.EXPORT_PRACTICES,
        QT_TRANSLATE_NOOP("Actions", "E&xport good practices…"),
        QT_TRANSLATE_NOOP("Actions", "Export practices to a .postkit file to share"),
        "Ctrl+Shift+E",
        "tray-arrow-up",
        menu="practices",
    )
    def export_practices(self) -> None:
        self._page.export_practices()

    @action(
        ActionId.PRACTICE_BOOKLET,
        QT_TRANSLATE_NOOP("Actions", "PDF &booklet…"),
        QT_TRANSLATE_NOOP("Actions", "A booklet of the practices shown, to hand out"),
        "Ctrl+Shift+B",
        "book-open-page-variant-outline",
        menu="practices",
    )
    def practice_booklet(self) -> None:
        self._page.export_booklet()

    @action(
        ActionId.PRESENT_PRACTICES,
        QT_TRANSLATE_NOOP("Actions", "Pre&sent (trainer mode)"),
        QT_TRANSLATE_NOOP("Actions", "Show the practices full screen, one per page"),
        "F5",
        "presentation-play",
        menu="practices",
        separator=True,
    )
    def present_practices(self) -> None:
        self._page.present(self._reset_demo if self.window.reset_demo_data else None)

    def _selected_activities(self) -> list[int]:
        """The activities selected in the log (the list keeps its selection when hidden)."""
        page = self.window.modules["activities"].page
        return page.selected_ids() if page is not None else []

    def update_actions(self) -> None:
        # Promote follows the log's selection, built or not the library's page.
        if self.is_attached:
            self.update_page_actions()
        else:
            super().update_actions()

    def update_page_actions(self) -> None:
        idle = self.page is None or self.page.job is None
        self.enable(ActionId.NEW_PRACTICE, True)
        on_list = self.window.modules["activities"].is_current
        self.enable(ActionId.PROMOTE_ACTIVITY, on_list and len(self._selected_activities()) == 1)
        for action_id in (
            ActionId.IMPORT_PRACTICES,
            ActionId.EXPORT_PRACTICES,
            ActionId.PRACTICE_BOOKLET,
            ActionId.PRESENT_PRACTICES,
        ):
            self.enable(action_id, idle)

    def focus_search(self) -> None:
        self._page.focus_search()

    def profile_changed(self, profile: PostProfile) -> None:
        if self.page is not None:
            self.page.set_profile(profile)

    def close(self) -> None:
        if self.page is None:
            return
        presentation = self.page.presentation
        for job in (self.page.job, presentation.job if presentation is not None else None):
            if job is not None:
                job.cancel()
                job.wait()

    def _reset_demo(self) -> None:
        """Trainer mode: put the demo's good practices back as they were seeded."""
        reset = self.window.reset_demo_data
        assert self.ctx is not None and reset is not None
        runner = self.ctx.runner
        runner.write(
            lambda session: reset(session, runner.database.files_dir),
            changes=Changes.of("practices", origin=self),
            owner=self,
        )
        # No wait: the presentation's reload, asked next, runs after this write on the runner.
