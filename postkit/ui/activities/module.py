"""The activity log and its dashboard as modules: their actions, toolbars and enabled-state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal

from postkit.ui import settings as keys
from postkit.ui.actions import ActionId, ActionSpec, Key
from postkit.ui.module import EDIT, FILE, Module, ModuleContext, action

if TYPE_CHECKING:
    from postkit.core.activities.first_screen import FirstScreen
    from postkit.core.profile import PostProfile
    from postkit.ui.activities.commands import ActivityCommands
    from postkit.ui.activities.dashboard import DashboardPage
    from postkit.ui.activities.list_page import ActivitiesPage
    from postkit.ui.ops import Changes, Runner
    from postkit.ui.settings import Settings


class ActivitiesModule(Module):
    """The activity log: the list, the editor, duplicate/delete with undo, export, report.

    `data_changed` fires after the list reloaded on changed data (the dashboard follows it).
    """

    name = "activities"
    page_module = "postkit.ui.activities.list_page"
    title = QT_TRANSLATE_NOOP("MainWindow", "Activities")
    show_spec = ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Activities"),
        QT_TRANSLATE_NOOP("Actions", "The activity log"),
        "Ctrl+1",
    )
    toolbar = (
        ActionId.NEW_ACTIVITY,
        ActionId.EDIT_ACTIVITY,
        ActionId.DELETE_ACTIVITIES,
        None,
        ActionId.EXPORT_ACTIVITIES,
        ActionId.ANNUAL_REPORT,
    )
    runs_in_module = False  # new, export and report work from the dashboard too

    data_changed = Signal()

    page: ActivitiesPage | None
    commands: ActivityCommands

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        super().__init__(window)
        self._total = 0
        # The page start-up built before the database opened, and the activity a double
        # click asked to edit meanwhile (opened once the editor can load it).
        self._first_page: ActivitiesPage | None = None
        self._edit_waiting: int | None = None

    def build_first_page(self, runner: Runner, first: FirstScreen) -> ActivitiesPage:
        """The page over the first screenful start-up read before the database opened; its
        runner answers the rest once it is open, and `build_page` then takes this page."""
        page = self._make_page(runner, first.post_name, first)
        page.edit_requested.connect(self._wait_to_edit)
        self._first_page = page
        return page

    def _wait_to_edit(self, activity_id: int) -> None:
        self._edit_waiting = activity_id

    def _make_page(
        self, runner: Runner, post_name: str, first: FirstScreen | None = None
    ) -> ActivitiesPage:
        from postkit.ui.activities.list_page import ActivitiesPage

        window = self.window
        page = ActivitiesPage(runner, window.language, window, post_name=post_name, first=first)
        table = page.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action_id in (
            ActionId.EDIT_ACTIVITY,
            ActionId.DUPLICATE_ACTIVITY,
            ActionId.DELETE_ACTIVITIES,
            ActionId.PROMOTE_ACTIVITY,
        ):
            table.addAction(self.action(action_id))
        header = window.settings.get(keys.ACTIVITY_COLUMNS)
        if not header.isEmpty():
            table.horizontalHeader().restoreState(header)
        return page

    def build_page(self, ctx: ModuleContext) -> ActivitiesPage:
        from postkit.ui.activities.commands import ActivityCommands

        post_name = ctx.acting_profile().post_name
        page = self._first_page
        if page is None:
            page = self._make_page(ctx.runner, post_name)
        else:
            self._first_page = None
            page.edit_requested.disconnect(self._wait_to_edit)
            page.set_post(post_name)  # the same post, unless the profile changed meanwhile
        self.commands = ActivityCommands(ctx, page)
        self.commands.busy_changed.connect(self.state_changed)
        page.edit_requested.connect(self.commands.open_editor)
        if self._edit_waiting is not None:
            waiting, self._edit_waiting = self._edit_waiting, None
            QTimer.singleShot(0, lambda: self.commands.open_editor(waiting))
        page.selection_changed.connect(self.state_changed)
        page.filter_changed.connect(self._show_count)
        page.reloaded.connect(self._reloaded)
        return page

    def attach(self, ctx: ModuleContext) -> None:
        super().attach(ctx)
        self._count_all()

    @property
    def editor(self):  # type: ignore[no-untyped-def]
        """The activity editor while it is open (tests and journeys fill it in)."""
        return self.commands.editor if self.page is not None else None

    # -- actions -------------------------------------------------------------------------

    @action(
        ActionId.NEW_ACTIVITY,
        QT_TRANSLATE_NOOP("Actions", "&New activity…"),
        QT_TRANSLATE_NOOP("Actions", "Log a new activity"),
        Key.New,
        "file-document-plus-outline",
        menu=FILE,
    )
    def new_activity(self) -> None:
        self.commands.open_editor(None)

    @action(
        ActionId.EXPORT_ACTIVITIES,
        QT_TRANSLATE_NOOP("Actions", "&Export list to Excel…"),
        QT_TRANSLATE_NOOP("Actions", "Export the activities shown to an .xlsx file"),
        "Ctrl+E",
        "file-excel-outline",
        menu=FILE,
        separator=True,
    )
    def export_activities(self) -> None:
        self.commands.export_activities()

    @action(
        ActionId.IMPORT_ACTIVITIES,
        QT_TRANSLATE_NOOP("Actions", "&Import from Excel…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Bring in an activity list kept in Excel, or a postkit export"
        ),
        None,
        "file-import-outline",
        menu=FILE,
    )
    def import_activities(self) -> None:
        self.commands.import_from_spreadsheet()

    @action(
        ActionId.ANNUAL_REPORT,
        QT_TRANSLATE_NOOP("Actions", "Annual &report (PDF)…"),
        QT_TRANSLATE_NOOP("Actions", "Write the annual report of a year as PDF"),
        "Ctrl+Shift+R",
        "file-chart-outline",
        menu=FILE,
    )
    def annual_report(self) -> None:
        self.commands.write_annual_report()

    @action(
        ActionId.ANNUAL_RETURN,
        QT_TRANSLATE_NOOP("Actions", "Write annual re&turn…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Write the year's figures and narrative for headquarters as an .xlsx file"
        ),
        None,
        "file-export-outline",
        menu=FILE,
    )
    def annual_return(self) -> None:
        self.commands.write_annual_return()

    @action(
        ActionId.EDIT_ACTIVITY,
        QT_TRANSLATE_NOOP("Actions", "&Edit activity…"),
        QT_TRANSLATE_NOOP("Actions", "Edit the selected activity"),
        "Return",
        "pencil-outline",
        menu=EDIT,
        separator=True,
    )
    def edit_activity(self) -> None:
        self.commands.edit_selected()

    @action(
        ActionId.DUPLICATE_ACTIVITY,
        QT_TRANSLATE_NOOP("Actions", "Dup&licate activity"),
        QT_TRANSLATE_NOOP("Actions", "Copy the selected activity as a new one"),
        "Ctrl+D",
        "content-copy",
        menu=EDIT,
    )
    def duplicate_activity(self) -> None:
        self.commands.duplicate_selected()

    @action(
        ActionId.DELETE_ACTIVITIES,
        QT_TRANSLATE_NOOP("Actions", "&Delete…"),
        QT_TRANSLATE_NOOP("Actions", "Delete the selected activities"),
        Key.Delete,
        "delete-outline",
        menu=EDIT,
    )
    def delete_activities(self) -> None:
        self.commands.delete_selected()

    @action(
        ActionId.FIND,
        QT_TRANSLATE_NOOP("Actions", "&Search"),
        QT_TRANSLATE_NOOP("Actions", "Search the activities"),
        Key.Find,
        "magnify",
        menu=EDIT,
        separator=True,
    )
    def find(self) -> None:
        current = self.window.current
        if current is not self and current.searchable:
            current.focus_search()
            return
        self.window.show_module(self.name)
        self.focus_search()

    @action(
        ActionId.CLEAR_FILTERS,
        QT_TRANSLATE_NOOP("Actions", "&Clear filters"),
        QT_TRANSLATE_NOOP("Actions", "Show all activities"),
        "Ctrl+Shift+L",
        "filter-remove-outline",
        menu=EDIT,
    )
    def clear_filters(self) -> None:
        assert self.page is not None
        self.page.clear_filters()

    def update_page_actions(self) -> None:
        assert self.page is not None
        on_list = self.is_current
        selected = len(self.page.selected_ids()) if on_list else 0
        idle = not self.commands.is_busy
        self.enable(ActionId.NEW_ACTIVITY, True)
        self.enable(ActionId.EDIT_ACTIVITY, selected == 1)
        self.enable(ActionId.DUPLICATE_ACTIVITY, selected == 1)
        self.enable(ActionId.DELETE_ACTIVITIES, selected > 0)
        self.enable(ActionId.FIND, on_list or self.window.current.searchable)
        self.enable(ActionId.CLEAR_FILTERS, on_list)
        self.enable(ActionId.EXPORT_ACTIVITIES, idle)
        self.enable(ActionId.ANNUAL_REPORT, idle)
        self.enable(ActionId.ANNUAL_RETURN, idle)
        self.enable(ActionId.IMPORT_ACTIVITIES, idle)

    # -- state ---------------------------------------------------------------------------

    searchable = True

    def focus_search(self) -> None:
        assert self.page is not None
        self.page.focus_search()

    def on_changed(self, changes: Changes) -> None:
        if self.page is None or not changes.touches("activities"):
            return
        mine = changes.origin is self.commands
        self.page.reload(select_ids=list(changes.ids) if mine else None)

    def profile_changed(self, profile: PostProfile) -> None:
        if self.page is not None:
            self.page.set_post(profile.post_name)
            self._count_all()

    def save_state(self, settings: Settings) -> None:
        if self.page is not None:
            settings.set(keys.ACTIVITY_COLUMNS, self.page.table.horizontalHeader().saveState())

    def close(self) -> None:
        if self.page is not None and self.commands.job is not None:
            self.commands.job.cancel()

    def _reloaded(self) -> None:
        self._count_all()
        self.data_changed.emit()
        self.state_changed.emit()

    def _count_all(self) -> None:
        """Recount the whole log; only needed when data changed, not when a filter did."""
        from postkit.core.activities.listing import count_activities
        from postkit.core.activities.records import ActivityFilter

        assert self.ctx is not None
        activity_filter = ActivityFilter(post_name=self.ctx.acting_profile().post_name)

        def counted(total: int) -> None:
            self._total = total
            self._show_count()

        self.ctx.runner.query(
            lambda session: count_activities(session, activity_filter),
            counted,
            owner=self,
            key="activities.count",
        )

    def _show_count(self) -> None:
        assert self.ctx is not None
        total = self._total
        # The status line counts the log even while another module's page is the first shown.
        shown = self.page.shown_count if self.page is not None else total
        if shown == total:
            text = self.tr("%n activities", "", total)
        else:
            text = self.tr("{shown} of {total} activities").format(shown=shown, total=total)
        self.ctx.show_summary(text)


class DashboardModule(Module):
    """The post's year at a glance; it follows the activity log's changes."""

    name = "dashboard"
    page_module = "postkit.ui.activities.dashboard"
    title = QT_TRANSLATE_NOOP("MainWindow", "Dashboard")
    show_spec = ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Dashboard"),
        QT_TRANSLATE_NOOP("Actions", "The post's year at a glance"),
        "Ctrl+2",
    )
    toolbar = (ActionId.ANNUAL_REPORT, ActionId.EXPORT_ACTIVITIES)

    page: DashboardPage | None

    def build_page(self, ctx: ModuleContext) -> DashboardPage:
        from postkit.ui.activities.dashboard import DashboardPage

        self.window.modules["activities"].data_changed.connect(self._refresh)
        return DashboardPage(
            ctx.runner,
            ctx.language,
            ctx.window,
            post_name=ctx.acting_profile().post_name,
        )

    def _refresh(self) -> None:
        if self.page is not None:
            self.page.refresh()

    def profile_changed(self, profile: PostProfile) -> None:
        if self.page is not None:
            self.page.set_post(profile.post_name)
