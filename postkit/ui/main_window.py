"""The main window: module navigation, menus, toolbar, status bar and the undo stack."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from postkit import __version__
from postkit.core.errors import PostkitError
from postkit.ui import settings as keys
from postkit.ui.actions import MODULE_TOOLBARS, ActionId, Actions
from postkit.ui.dialogs import confirm, show_error
from postkit.ui.i18n import apply_locale
from postkit.ui.icons import MODULE_ICONS, icon
from postkit.ui.ops import Job, run_job
from postkit.ui.overrides import override
from postkit.ui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    # The pages pull in SQLAlchemy; they load in attach() so the window can show first.
    from postkit.core.db import Database
    from postkit.core.profile import PostProfile
    from postkit.ui.activities.editor import ActivityDialog
    from postkit.ui.undo import CoreCommand

MODULES = ("activities", "dashboard", "screening", "practices", "surveys", "hq")


class MainWindow(QMainWindow):
    """Shows at once; `attach()` then adds the pages over an opened database.

    Opening the database (and importing SQLAlchemy) takes longer than showing a window, so
    the app shows this window first and attaches the database when it is ready.
    """

    def __init__(
        self, settings: Settings, is_demo: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.is_demo = is_demo
        self.language = settings.language
        apply_locale(self.language)
        self.database: Database | None = None
        self.profile: PostProfile | None = None
        # Who is working now (picked at start or by Switch user); None: the profile's user.
        self.user_name: str | None = None
        self.editor: ActivityDialog | None = None
        self.job: Job | None = None
        self._total_activities = 0
        self.undo_stack = QUndoStack(self)
        self.actions = Actions(self)

        self.loading_label = QLabel(self.tr("Opening the post's database…"), self)
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.loading_label)
        self.navigation = self._build_navigation()
        splitter = QSplitter(self)
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([170, 1100])
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self._build_menus()
        self._build_toolbar()
        self.count_label = QLabel(self)
        self.profile_label = QLabel(self)
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.profile_label)
        self._connect_actions()
        self.setWindowTitle("postkit")
        self._restore_geometry()
        self.update_actions()

    def attach(self, database: Database, profile: PostProfile) -> None:
        """Build the pages over the opened database."""
        from postkit.ui.activities.dashboard import DashboardPage
        from postkit.ui.activities.list_page import ActivitiesPage
        from postkit.ui.hq.page import HeadquartersPage
        from postkit.ui.ops import Runner
        from postkit.ui.practices.page import PracticesPage
        from postkit.ui.screening.page import ScreeningPage
        from postkit.ui.surveys.page import SurveysPage

        self.database = database
        self.profile = profile
        self.runner = Runner(database, self)
        acting = self.acting_profile
        self.activities_page = ActivitiesPage(
            self.runner, self.language, self, post_name=profile.post_name
        )
        self.dashboard_page = DashboardPage(
            self.runner, self.language, self, post_name=profile.post_name
        )
        self.screening_page = ScreeningPage(self.runner, acting, self.language, self)
        self.screening_page.set_max_list_age_days(self.settings.get(keys.LIST_MAX_AGE_DAYS))
        self.practices_page = PracticesPage(
            self.runner, acting, self.language, self, undo_stack=self.undo_stack
        )
        self.surveys_page = SurveysPage(self.runner, acting, self.language, self)
        self.hq_page = HeadquartersPage(self.runner, acting, self.language, self)
        self.pages.removeWidget(self.loading_label)
        self.loading_label.deleteLater()
        for page in (
            self.activities_page,
            self.dashboard_page,
            self.screening_page,
            self.practices_page,
            self.surveys_page,
            self.hq_page,
        ):
            self.pages.addWidget(page)
        for page in (self.screening_page, self.practices_page, self.surveys_page, self.hq_page):
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.screening_page.changed.connect(self.update_actions)
        self.screening_page.selection_changed.connect(self.update_actions)
        self.screening_page.state_changed.connect(self.update_actions)
        self.practices_page.selection_changed.connect(self.update_actions)
        self.practices_page.reloaded.connect(self.update_actions)
        self.surveys_page.state_changed.connect(self.update_actions)
        self.hq_page.state_changed.connect(self.update_actions)
        self.practices_page.accept_drops_on(self)
        table = self.activities_page.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action_id in (
            ActionId.EDIT_ACTIVITY,
            ActionId.DUPLICATE_ACTIVITY,
            ActionId.DELETE_ACTIVITIES,
            ActionId.PROMOTE_ACTIVITY,
        ):
            table.addAction(self.actions[action_id])
        self.activities_page.edit_requested.connect(self.open_editor)
        self.activities_page.selection_changed.connect(self.update_actions)
        self.activities_page.filter_changed.connect(self._update_counts)
        self.activities_page.reloaded.connect(self._data_changed)
        self._update_title()
        header = self.settings.get(keys.ACTIVITY_COLUMNS)
        if not header.isEmpty():
            table.horizontalHeader().restoreState(header)
        self.navigation.setEnabled(True)
        self.show_module(self.settings.get(keys.LAST_MODULE))
        self._count_all()
        self._update_counts()
        self.update_actions()

    @property
    def is_attached(self) -> bool:
        return self.database is not None

    @property
    def actor(self) -> str:
        """The name that records created and changed from here carry."""
        assert self.profile is not None
        return self.user_name or self.profile.user_name

    @property
    def acting_profile(self) -> PostProfile:
        """The post's profile with the person working now as its user (what pages act as)."""
        assert self.profile is not None
        from dataclasses import replace

        return replace(self.profile, user_name=self.actor)

    # -- building ----------------------------------------------------------------------

    def _build_navigation(self) -> QListWidget:
        navigation = QListWidget(self)
        navigation.setAccessibleName(self.tr("Modules"))
        navigation.setIconSize(QSize(24, 24))
        navigation.setMinimumWidth(120)
        for name, text in (
            ("activities", self.tr("Activities")),
            ("dashboard", self.tr("Dashboard")),
            ("screening", self.tr("IMVO conditions")),
            ("practices", self.tr("Good practices")),
            ("surveys", self.tr("Surveys")),
            ("hq", self.tr("Headquarters")),
        ):
            QListWidgetItem(icon(MODULE_ICONS[name]), text, navigation)
        navigation.currentRowChanged.connect(self._show_page)
        navigation.setEnabled(False)
        return navigation

    def _build_menus(self) -> None:
        a = self.actions
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        self.undo_action, self.redo_action = undo, redo
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.addAction(a[ActionId.NEW_ACTIVITY])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.EXPORT_ACTIVITIES])
        file_menu.addAction(a[ActionId.ANNUAL_REPORT])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.EDIT_PROFILE])
        file_menu.addAction(a[ActionId.MANAGE_USERS])
        file_menu.addAction(a[ActionId.SWITCH_USER])
        file_menu.addAction(a[ActionId.PREFERENCES])
        file_menu.addAction(a[ActionId.BACKUP])
        file_menu.addAction(a[ActionId.RESTORE])
        file_menu.addAction(a[ActionId.PROTECT_DATABASE])
        file_menu.addAction(a[ActionId.CHANGE_PASSPHRASE])
        file_menu.addSeparator()
        file_menu.addAction(a[ActionId.QUIT])
        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        for action_id in (
            ActionId.EDIT_ACTIVITY,
            ActionId.DUPLICATE_ACTIVITY,
            ActionId.DELETE_ACTIVITIES,
        ):
            edit_menu.addAction(a[action_id])
        edit_menu.addSeparator()
        edit_menu.addAction(a[ActionId.FIND])
        edit_menu.addAction(a[ActionId.CLEAR_FILTERS])
        view_menu = menu_bar.addMenu(self.tr("&View"))
        for action_id in (
            ActionId.SHOW_ACTIVITIES,
            ActionId.SHOW_DASHBOARD,
            ActionId.SHOW_SCREENING,
            ActionId.SHOW_PRACTICES,
            ActionId.SHOW_SURVEYS,
            ActionId.SHOW_HQ,
        ):
            view_menu.addAction(a[action_id])
        for title, action_ids in (
            (
                self.tr("&Screening"),
                (
                    ActionId.NEW_REQUEST,
                    ActionId.EDIT_REQUEST,
                    ActionId.SCREEN_REQUEST,
                    ActionId.PRINT_DECISION_RECORD,
                    None,
                    ActionId.IMPORT_SANCTIONS_LIST,
                    ActionId.IMPORT_RISK_TABLE,
                ),
            ),
            (
                self.tr("&Practices"),
                (
                    ActionId.NEW_PRACTICE,
                    ActionId.PROMOTE_ACTIVITY,
                    None,
                    ActionId.IMPORT_PRACTICES,
                    ActionId.EXPORT_PRACTICES,
                    ActionId.PRACTICE_BOOKLET,
                    None,
                    ActionId.PRESENT_PRACTICES,
                ),
            ),
            (
                self.tr("S&urveys"),
                (
                    ActionId.START_RESPONSE,
                    ActionId.CONTINUE_DRAFT,
                    None,
                    ActionId.IMPORT_SURVEY,
                    ActionId.EXPORT_RESPONSES,
                    ActionId.IMPORT_RECEIPT,
                    ActionId.IMPORT_RECEIPT_KEY,
                ),
            ),
            (
                self.tr("Head&quarters"),
                (
                    ActionId.HQ_ADD_FILES,
                    ActionId.HQ_ADD_FOLDER,
                    ActionId.HQ_AGGREGATE,
                    None,
                    ActionId.HQ_SAVE_SUMMARY,
                    ActionId.HQ_SAVE_REPORT,
                    ActionId.HQ_WRITE_RECEIPTS,
                    ActionId.HQ_EXPORT_RECEIPT_KEY,
                ),
            ),
        ):
            menu = menu_bar.addMenu(title)
            for action_id in action_ids:
                if action_id is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a[action_id])
        help_menu = menu_bar.addMenu(self.tr("&Help"))
        help_menu.addAction(a[ActionId.USER_GUIDE])
        help_menu.addAction(a[ActionId.SHORTCUTS])
        help_menu.addAction(a[ActionId.ABOUT])

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar = toolbar
        self.addToolBar(toolbar)
        self._fill_toolbar("activities")

    def _fill_toolbar(self, module: str) -> None:
        """The current module's own commands (the pages keep theirs beside what they act on)."""
        self.toolbar.clear()
        for action_id in MODULE_TOOLBARS[module]:
            if action_id is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(self.actions[action_id])

    def _connect_actions(self) -> None:
        a = self.actions
        a[ActionId.NEW_ACTIVITY].triggered.connect(lambda: self.open_editor(None))
        a[ActionId.EDIT_ACTIVITY].triggered.connect(self._edit_selected)
        a[ActionId.DUPLICATE_ACTIVITY].triggered.connect(self.duplicate_selected)
        a[ActionId.DELETE_ACTIVITIES].triggered.connect(self.delete_selected)
        a[ActionId.EXPORT_ACTIVITIES].triggered.connect(self.export_activities)
        a[ActionId.ANNUAL_REPORT].triggered.connect(self.write_annual_report)
        a[ActionId.FIND].triggered.connect(self._focus_search)
        a[ActionId.CLEAR_FILTERS].triggered.connect(lambda: self.activities_page.clear_filters())
        a[ActionId.SHOW_ACTIVITIES].triggered.connect(lambda: self.show_module("activities"))
        a[ActionId.SHOW_DASHBOARD].triggered.connect(lambda: self.show_module("dashboard"))
        a[ActionId.EDIT_PROFILE].triggered.connect(self.edit_profile)
        a[ActionId.PREFERENCES].triggered.connect(self.edit_preferences)
        a[ActionId.BACKUP].triggered.connect(self.back_up)
        a[ActionId.RESTORE].triggered.connect(self.restore_backup)
        a[ActionId.PROTECT_DATABASE].triggered.connect(self.protect_with_passphrase)
        a[ActionId.CHANGE_PASSPHRASE].triggered.connect(self.change_passphrase)
        a[ActionId.MANAGE_USERS].triggered.connect(self.manage_users)
        a[ActionId.SWITCH_USER].triggered.connect(self.switch_user)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.ABOUT].triggered.connect(self._show_about)
        a[ActionId.SHORTCUTS].triggered.connect(self._show_shortcuts)
        a[ActionId.USER_GUIDE].triggered.connect(self._show_user_guide)
        for action_id, module in (
            (ActionId.SHOW_SCREENING, "screening"),
            (ActionId.SHOW_PRACTICES, "practices"),
            (ActionId.SHOW_SURVEYS, "surveys"),
            (ActionId.SHOW_HQ, "hq"),
        ):
            a[action_id].triggered.connect(lambda _=False, m=module: self.show_module(m))
        module_commands = {
            ActionId.NEW_REQUEST: ("screening", lambda: self.screening_page.new_request()),
            ActionId.EDIT_REQUEST: ("screening", lambda: self.screening_page.edit_request()),
            ActionId.SCREEN_REQUEST: ("screening", lambda: self.screening_page.screen_current()),
            ActionId.PRINT_DECISION_RECORD: (
                "screening",
                lambda: self.screening_page.print_decision_record(),
            ),
            ActionId.IMPORT_SANCTIONS_LIST: (
                "screening",
                lambda: self.screening_page.import_sanctions_list(),
            ),
            ActionId.IMPORT_RISK_TABLE: (
                "screening",
                lambda: self.screening_page.import_risk_table(),
            ),
            ActionId.NEW_PRACTICE: ("practices", lambda: self.practices_page.new_practice()),
            ActionId.IMPORT_PRACTICES: ("practices", lambda: self.practices_page.import_dialog()),
            ActionId.EXPORT_PRACTICES: (
                "practices",
                lambda: self.practices_page.export_practices(),
            ),
            ActionId.PRACTICE_BOOKLET: ("practices", lambda: self.practices_page.export_booklet()),
            ActionId.PRESENT_PRACTICES: ("practices", self._present_practices),
            ActionId.START_RESPONSE: ("surveys", lambda: self.surveys_page.start_new_response()),
            ActionId.CONTINUE_DRAFT: ("surveys", lambda: self.surveys_page.continue_draft()),
            ActionId.IMPORT_SURVEY: ("surveys", lambda: self.surveys_page.import_survey()),
            ActionId.EXPORT_RESPONSES: ("surveys", lambda: self.surveys_page.export_responses()),
            ActionId.IMPORT_RECEIPT: (
                "surveys",
                lambda: self.surveys_page.receipts_view.choose_receipts(),
            ),
            ActionId.HQ_ADD_FILES: ("hq", lambda: self.hq_page.add_files()),
            ActionId.HQ_ADD_FOLDER: ("hq", lambda: self.hq_page.add_folder()),
            ActionId.HQ_AGGREGATE: ("hq", lambda: self.hq_page.aggregate()),
            ActionId.HQ_SAVE_SUMMARY: ("hq", lambda: self.hq_page.save_summary()),
            ActionId.HQ_SAVE_REPORT: ("hq", lambda: self.hq_page.save_report()),
            ActionId.HQ_WRITE_RECEIPTS: ("hq", self.write_receipts),
            ActionId.IMPORT_RECEIPT_KEY: ("surveys", self.import_receipt_key),
            ActionId.HQ_EXPORT_RECEIPT_KEY: ("hq", self.export_receipt_key),
        }
        for action_id, (module, command) in module_commands.items():
            a[action_id].triggered.connect(
                lambda _=False, m=module, run=command: self._run_in_module(m, run)
            )
        a[ActionId.PROMOTE_ACTIVITY].triggered.connect(self.promote_selected_activity)

    # -- state -------------------------------------------------------------------------

    def update_actions(self) -> None:
        a = self.actions
        attached = self.is_attached
        for action_id in (
            ActionId.NEW_ACTIVITY,
            ActionId.EXPORT_ACTIVITIES,
            ActionId.ANNUAL_REPORT,
            ActionId.EDIT_PROFILE,
            ActionId.SHOW_ACTIVITIES,
            ActionId.SHOW_DASHBOARD,
            ActionId.MANAGE_USERS,
            ActionId.SWITCH_USER,
        ):
            a[action_id].setEnabled(attached)
        is_protected = self.database is not None and self.database.is_protected
        can_key = attached and self.database_file is not None and self.job is None
        a[ActionId.PROTECT_DATABASE].setEnabled(can_key and not is_protected)
        a[ActionId.CHANGE_PASSPHRASE].setEnabled(can_key and is_protected)
        on_list = attached and self.pages.currentWidget() is self.activities_page
        selected = len(self.activities_page.selected_ids()) if on_list else 0
        a[ActionId.EDIT_ACTIVITY].setEnabled(selected == 1)
        a[ActionId.DUPLICATE_ACTIVITY].setEnabled(selected == 1)
        a[ActionId.DELETE_ACTIVITIES].setEnabled(selected > 0)
        a[ActionId.FIND].setEnabled(
            on_list or (attached and self.current_module in ("screening", "practices"))
        )
        a[ActionId.CLEAR_FILTERS].setEnabled(on_list)
        idle = attached and self.job is None
        a[ActionId.EXPORT_ACTIVITIES].setEnabled(idle)
        a[ActionId.ANNUAL_REPORT].setEnabled(idle)
        a[ActionId.PROMOTE_ACTIVITY].setEnabled(selected == 1)
        for action_id in (
            ActionId.SHOW_SCREENING,
            ActionId.SHOW_PRACTICES,
            ActionId.SHOW_SURVEYS,
            ActionId.SHOW_HQ,
            ActionId.NEW_REQUEST,
            ActionId.NEW_PRACTICE,
        ):
            a[action_id].setEnabled(attached)
        if not attached:
            for action_id in (
                ActionId.EDIT_REQUEST,
                ActionId.SCREEN_REQUEST,
                ActionId.PRINT_DECISION_RECORD,
                ActionId.IMPORT_SANCTIONS_LIST,
                ActionId.IMPORT_RISK_TABLE,
                ActionId.IMPORT_PRACTICES,
                ActionId.EXPORT_PRACTICES,
                ActionId.PRACTICE_BOOKLET,
                ActionId.PRESENT_PRACTICES,
                ActionId.START_RESPONSE,
                ActionId.CONTINUE_DRAFT,
                ActionId.IMPORT_SURVEY,
                ActionId.EXPORT_RESPONSES,
                ActionId.IMPORT_RECEIPT,
                ActionId.HQ_ADD_FILES,
                ActionId.HQ_ADD_FOLDER,
                ActionId.HQ_AGGREGATE,
                ActionId.HQ_SAVE_SUMMARY,
                ActionId.HQ_SAVE_REPORT,
                ActionId.HQ_WRITE_RECEIPTS,
                ActionId.IMPORT_RECEIPT_KEY,
                ActionId.HQ_EXPORT_RECEIPT_KEY,
            ):
                a[action_id].setEnabled(False)
            return
        screening = self.screening_page
        record = screening.current_record
        screening_idle = not screening.is_busy
        a[ActionId.EDIT_REQUEST].setEnabled(record is not None and not record.is_decided)
        a[ActionId.SCREEN_REQUEST].setEnabled(
            record is not None and not record.is_decided and screening_idle
        )
        a[ActionId.PRINT_DECISION_RECORD].setEnabled(record is not None)
        a[ActionId.IMPORT_SANCTIONS_LIST].setEnabled(screening_idle)
        a[ActionId.IMPORT_RISK_TABLE].setEnabled(screening_idle)
        practices_idle = self.practices_page.job is None
        for action_id in (
            ActionId.IMPORT_PRACTICES,
            ActionId.EXPORT_PRACTICES,
            ActionId.PRACTICE_BOOKLET,
            ActionId.PRESENT_PRACTICES,
        ):
            a[action_id].setEnabled(practices_idle)
        surveys = self.surveys_page
        a[ActionId.START_RESPONSE].setEnabled(surveys.can_start)
        a[ActionId.CONTINUE_DRAFT].setEnabled(surveys.can_continue)
        a[ActionId.IMPORT_SURVEY].setEnabled(surveys.job is None)
        a[ActionId.EXPORT_RESPONSES].setEnabled(surveys.can_export)
        a[ActionId.IMPORT_RECEIPT].setEnabled(True)
        hq = self.hq_page
        a[ActionId.HQ_ADD_FILES].setEnabled(not hq.is_busy)
        a[ActionId.HQ_ADD_FOLDER].setEnabled(not hq.is_busy)
        a[ActionId.HQ_AGGREGATE].setEnabled(hq.can_aggregate)
        a[ActionId.HQ_SAVE_SUMMARY].setEnabled(hq.can_save)
        a[ActionId.HQ_SAVE_REPORT].setEnabled(hq.can_save)
        a[ActionId.HQ_WRITE_RECEIPTS].setEnabled(not hq.is_busy)
        a[ActionId.IMPORT_RECEIPT_KEY].setEnabled(True)
        a[ActionId.HQ_EXPORT_RECEIPT_KEY].setEnabled(True)

    def _show_page(self, row: int) -> None:
        if self.is_attached:
            if self.pages.currentWidget() is self.screening_page:
                # Unsaved checklist notes are stored before the officer leaves the module.
                self.screening_page.commit_pending()
            self.pages.setCurrentIndex(row)
            self._fill_toolbar(self.current_module)
        self.update_actions()

    def show_module(self, name: str) -> None:
        self.navigation.setCurrentRow(MODULES.index(name) if name in MODULES else 0)

    @property
    def current_module(self) -> str:
        return MODULES[max(self.navigation.currentRow(), 0)]

    def _update_title(self) -> None:
        assert self.profile is not None
        title = f"postkit — {self.profile.post_name}"
        if self.is_demo:
            title += " " + self.tr("(demo data)")
        self.setWindowTitle(title)
        self.profile_label.setText(f"{self.profile.post_name} · {self.actor}")

    def _count_all(self) -> None:
        """Recount the whole log; only needed when data changed, not when a filter did."""
        from postkit.core.activities.listing import count_activities
        from postkit.core.activities.records import ActivityFilter

        assert self.database is not None and self.profile is not None
        with self.database.session() as session:
            self._total_activities = count_activities(
                session, ActivityFilter(post_name=self.profile.post_name)
            )

    def _update_counts(self) -> None:
        shown = self.activities_page.model.rowCount()
        total = self._total_activities
        if shown == total:
            text = self.tr("%n activities", "", total)
        else:
            text = self.tr("{shown} of {total} activities").format(shown=shown, total=total)
        self.count_label.setText(text)

    def _restore_geometry(self) -> None:
        geometry = self.settings.get(keys.GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = self.settings.get(keys.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)

    def save_state(self) -> None:
        self.settings.set(keys.GEOMETRY, self.saveGeometry())
        self.settings.set(keys.WINDOW_STATE, self.saveState())
        if self.is_attached:
            self.settings.set(
                keys.ACTIVITY_COLUMNS, self.activities_page.table.horizontalHeader().saveState()
            )
            self.settings.set(keys.LAST_MODULE, self.current_module)
        self.settings.sync()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job.wait()
        if self.is_attached:
            self.screening_page.commit_pending()
            self.surveys_page.flush()
            presentation = self.practices_page.presentation
            for page_job in (
                self.practices_page.job,
                presentation.job if presentation is not None else None,
                self.surveys_page.job,
                self.hq_page.job,
            ):
                if page_job is not None:
                    page_job.cancel()
                    page_job.wait()
            self.runner.close()
        self.save_state()
        super().closeEvent(event)

    # -- modules ----------------------------------------------------------------------

    def _run_in_module(self, module: str, command: object) -> None:
        """Show the module a menu command belongs to, then run the command there."""
        self.show_module(module)
        command()  # type: ignore[operator]

    def _ask_save_path_for_page(
        self, _parent: QWidget, title: str, suggested_name: str, file_filter: str
    ) -> Path | None:
        return self.ask_save_path(title, suggested_name, file_filter)

    def promote_selected_activity(self) -> None:
        ids = self.activities_page.selected_ids()
        if len(ids) != 1:
            return
        self.show_module("practices")
        self.practices_page.promote_activity(ids[0])

    def _present_practices(self) -> None:
        self.practices_page.present(self._reset_demo if self.is_demo else None)

    def ask_receipts_folder(self) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Write the receipts into"), self.settings.get(keys.LAST_EXPORT_FOLDER)
        )
        return Path(folder) if folder else None

    def write_receipts(self) -> list[Path]:
        """Headquarters: a receipt file for each post whose exports arrived."""
        from postkit.core.hq.receipts import build_receipts, write_receipts

        assert self.database is not None
        folder = self.ask_receipts_folder()
        if folder is None:
            return []
        try:
            with self.database.session() as session:
                written = write_receipts(build_receipts(session), folder)
        except PostkitError as error:
            show_error(self, error)
            return []
        self.statusBar().showMessage(
            self.tr("%n receipts written to {0}", "", len(written)).format(folder), 10000
        )
        return [path for path, _receipt in written]

    def ask_receipt_key_path(self, for_saving: bool) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        folder = self.settings.get(keys.LAST_EXPORT_FOLDER)
        filter_ = self.tr("Receipt keys (*.postkit-key)")
        if for_saving:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the receipt key"),
                str(Path(folder or "") / "headquarters.postkit-key"),
                filter_,
            )
        else:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import headquarters' receipt key"), folder, filter_
            )
        return Path(path) if path else None

    def export_receipt_key(self) -> Path | None:
        """Headquarters: write the public key the posts check receipts with."""
        from postkit.core.receipt_signing import export_public_key, hq_signing_key, public_key_of

        path = self.ask_receipt_key_path(for_saving=True)
        if path is None:
            return None
        try:
            export_public_key(path)
            short = public_key_of(hq_signing_key()).short
        except PostkitError as error:
            show_error(self, error)
            return None
        except OSError as error:
            show_error(self, PostkitError(f"{path}: {error.strerror or error}"))
            return None
        self.statusBar().showMessage(
            self.tr("Receipt key {0} written to {1}: give it to each post").format(short, path),
            10000,
        )
        return path

    def import_receipt_key(self) -> str | None:
        """The post: store headquarters' public key; its short fingerprint, to compare."""
        from postkit.core.surveys.receipts import import_hq_key

        assert self.database is not None
        path = self.ask_receipt_key_path(for_saving=False)
        if path is None:
            return None
        user = self.profile.user_name if self.profile else ""
        try:
            with self.database.session() as session:
                key = import_hq_key(session, path, user)
        except PostkitError as error:
            show_error(self, error)
            return None
        self.statusBar().showMessage(
            self.tr("Headquarters' receipt key {0} stored: compare it with headquarters'").format(
                key.short
            ),
            10000,
        )
        self.surveys_page.receipts_view.reload()
        return key.short

    def _reset_demo(self) -> None:
        """Trainer mode: put the demo's good practices back as they were seeded."""
        from postkit.core.practices.demo import seed_practices_demo

        assert self.database is not None
        with self.database.session() as session:
            seed_practices_demo(session, self.database.files_dir)

    # -- editing -----------------------------------------------------------------------

    def open_editor(self, activity_id: int | None = None) -> ActivityDialog | None:
        from postkit.core.activities.service import get_activity
        from postkit.ui.activities.editor import ActivityDialog

        assert self.database is not None and self.profile is not None
        record = None
        if activity_id is not None:
            try:
                with self.database.session() as session:
                    record = get_activity(session, activity_id)
            except PostkitError as error:
                show_error(self, error)
                self.activities_page.reload()
                return None
        default_country = self.profile.countries[0] if self.profile.countries else None
        dialog = ActivityDialog(
            self.database.files_dir, self.language, record, default_country, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save_from_editor(dialog, activity_id))
        dialog.finished.connect(self._forget_editor)
        self.editor = dialog
        dialog.open()
        return dialog

    def _forget_editor(self) -> None:
        self.editor = None

    def _save_from_editor(self, dialog: ActivityDialog, activity_id: int | None) -> None:
        from dataclasses import replace

        from postkit.core.activities.commands import CreateActivity, UpdateActivity

        assert self.profile is not None
        data = dialog.activity_input()
        actor = self.actor
        if activity_id is None:
            if not data.post_name:
                data = replace(data, post_name=self.profile.post_name)
            command: CoreCommand = CreateActivity(data, actor, dialog.attachments())
            text = self.tr("New activity “{0}”").format(data.title)
        else:
            command = UpdateActivity(activity_id, data, actor, dialog.attachments())
            text = self.tr("Edit “{0}”").format(data.title)
        self._perform(text, command)

    def _edit_selected(self) -> None:
        ids = self.activities_page.selected_ids()
        if len(ids) == 1:
            self.open_editor(ids[0])

    def duplicate_selected(self) -> None:
        from postkit.core.activities.commands import DuplicateActivity

        assert self.profile is not None
        ids = self.activities_page.selected_ids()
        if len(ids) != 1:
            return
        command = DuplicateActivity(ids[0], self.actor, " " + self.tr("(copy)"))
        self._perform(self.tr("Duplicate activity"), command)

    def delete_selected(self) -> None:
        from postkit.core.activities.commands import DeleteActivities

        ids = self.activities_page.selected_ids()
        if not ids:
            return
        question = self.tr("Delete %n activities? You can undo this with Ctrl+Z.", "", len(ids))
        if not confirm(self, self.tr("Delete activities"), question, self.tr("Delete")):
            return
        self._perform(self.tr("Delete %n activities", "", len(ids)), DeleteActivities(ids))

    def _perform(self, text: str, command: CoreCommand) -> None:
        from postkit.ui.undo import DatabaseUndoCommand

        assert self.database is not None
        undo_command = DatabaseUndoCommand(
            text, command, self.database, self._after_change, lambda e: show_error(self, e)
        )
        try:
            undo_command.perform()
        except PostkitError as error:
            show_error(self, error)
            self.activities_page.reload()
            return
        self.undo_stack.push(undo_command)

    def _after_change(self, ids: list[int], reverted: bool) -> None:
        self.activities_page.reload(select_ids=ids)

    def _data_changed(self) -> None:
        self._count_all()
        self._update_counts()
        self.dashboard_page.refresh()
        self.update_actions()

    def _focus_search(self) -> None:
        if self.current_module == "screening":
            self.screening_page.focus_search()
            return
        if self.current_module == "practices":
            self.practices_page.search.setFocus()
            self.practices_page.search.selectAll()
            return
        self.show_module("activities")
        self.activities_page.search.setFocus()
        self.activities_page.search.selectAll()

    def edit_profile(self) -> None:
        from postkit.core.profile import save_profile
        from postkit.ui.profile_dialog import ProfileDialog

        assert self.database is not None
        dialog = ProfileDialog(self.profile, self.language, self)
        if dialog.exec() != ProfileDialog.DialogCode.Accepted:
            return
        try:
            with self.database.session() as session:
                self.profile = save_profile(session, dialog.profile())
        except PostkitError as error:
            show_error(self, error)
            return
        self._share_profile()

    # -- users ------------------------------------------------------------------------

    def _share_profile(self) -> None:
        """After the profile or the person working changed: pages act as the new one."""
        acting = self.acting_profile
        self.screening_page.set_profile(acting)
        self.practices_page.set_profile(acting)
        self.surveys_page.set_profile(acting)
        self.activities_page.set_post(acting.post_name)
        self.dashboard_page.set_post(acting.post_name)
        self._count_all()
        self._update_counts()
        self._update_title()

    def set_user(self, name: str) -> None:
        """Work as `name` from now on: new and changed records carry it."""
        self.user_name = name
        if self.is_attached:
            self._share_profile()

    def manage_users(self) -> None:
        from postkit.ui.users_dialog import UsersDialog

        assert self.database is not None
        UsersDialog(self.runner, self).exec()

    def switch_user(self) -> None:
        from postkit.core.users import list_users
        from postkit.ui.users_dialog import UserPickDialog

        assert self.database is not None
        with self.database.session() as session:
            names = [user.name for user in list_users(session)]
        if self.actor not in names:
            names.append(self.actor)
        dialog = UserPickDialog(names, self.actor, self)
        if dialog.exec() != UserPickDialog.DialogCode.Accepted or not dialog.chosen_name():
            return
        self.set_user(dialog.chosen_name())
        self.statusBar().showMessage(self.tr("Working as {0}").format(self.actor), 10000)

    def edit_preferences(self) -> None:
        from postkit.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.settings.language, self)
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        if dialog.chosen_language != self.settings.language:
            self.settings.set(keys.LANGUAGE, dialog.chosen_language)
            self.statusBar().showMessage(
                self.tr("The new language applies when postkit starts again."), 15000
            )

    # -- backups ----------------------------------------------------------------------

    @property
    def database_file(self) -> Path | None:
        """The SQLite file behind the window, or None for a server database."""
        if self.database is None or not self.database.is_sqlite:
            return None
        name = self.database.engine.url.database
        return Path(name) if name else None

    def back_up(self) -> Path | None:
        from postkit.core.db.backup import backup_database

        assert self.database_file is not None and self.database is not None
        try:
            written = backup_database(self.database_file, passphrase=self.database.passphrase)
        except PostkitError as error:
            show_error(self, error)
            return None
        self.statusBar().showMessage(self.tr("Backup written to {0}").format(written), 10000)
        return written

    def ask_backup_file(self) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        from postkit.core.db.backup_files import backups_dir

        assert self.database_file is not None
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from backup"),
            str(backups_dir(self.database_file)),
            self.tr("postkit database (*.sqlite3)"),
        )
        return Path(name) if name else None

    def restore_backup(self) -> None:
        """Replace the database by a backup; postkit then closes, as the open data is stale."""
        from postkit.core.db.backup import restore_database
        from postkit.core.screening.audit import log_restore, read_anchor

        database_file = self.database_file
        assert database_file is not None and self.database is not None
        backup = self.ask_backup_file()
        if backup is None:
            return
        question = self.tr(
            "Replace the post's database by the backup {0}? The current database is backed up "
            "first. postkit closes afterwards; start it again to work on the restored data."
        ).format(backup.name)
        if not confirm(self, self.tr("Restore from backup"), question, self.tr("Restore")):
            return
        self.database.close_connections()
        passphrase = self.database.passphrase
        replaced = read_anchor(database_file, passphrase)
        try:
            safety = restore_database(database_file, backup, passphrase)
            # The restored log tells of the restore, and of the head of the log it replaced.
            log_restore(database_file, passphrase, backup, replaced, safety, self.actor)
        except PostkitError as error:
            show_error(self, error)
            return
        QMessageBox.information(
            self,
            self.tr("Restored"),
            self.tr("The backup was restored. The database as it was is kept in {0}.").format(
                safety
            ),
        )
        self.close()

    # -- passphrase -------------------------------------------------------------------

    def _quiet_database(self) -> None:
        """Save what pages hold unsaved and close every connection, before the file changes."""
        assert self.database is not None
        self.screening_page.commit_pending()
        self.surveys_page.flush()
        self.runner.wait_idle()  # the pages' reads and writes end on the file as it was
        self.database.close_connections()

    def protect_with_passphrase(self) -> None:
        """Encrypt the database and its backups; postkit then closes, to open it keyed."""
        from postkit.core.db.encryption import protect_database
        from postkit.core.screening.audit import log_database_event
        from postkit.ui.passphrase_dialog import PassphraseDialog, PassphraseMode

        database_file = self.database_file
        assert database_file is not None and self.database is not None
        dialog = PassphraseDialog(PassphraseMode.PROTECT, self)
        if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
            return
        self._quiet_database()
        try:
            encrypted = protect_database(database_file, dialog.new_passphrase())
            log_database_event(
                database_file,
                dialog.new_passphrase(),
                "database_protected",
                {"backups_encrypted": len(encrypted)},
                self.actor,
            )
        except PostkitError as error:
            show_error(self, error)
            return
        QMessageBox.information(
            self,
            self.tr("Protected"),
            self.tr(
                "The post's database and its backups are now encrypted. postkit closes; start "
                "it again and enter the passphrase."
            ),
        )
        self.close()

    def change_passphrase(self) -> None:
        """Re-key the database and its backups; work goes on with the new passphrase."""
        from postkit.core.db.encryption import WrongPassphraseError, change_passphrase
        from postkit.core.screening.audit import log_database_event
        from postkit.ui.passphrase_dialog import PassphraseDialog, PassphraseMode

        database_file = self.database_file
        assert database_file is not None and self.database is not None
        key = self.database.key
        assert key is not None
        dialog = PassphraseDialog(PassphraseMode.CHANGE, self)
        if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
            return
        if dialog.passphrase() != key.passphrase:
            QMessageBox.warning(
                self,
                self.tr("Change passphrase"),
                self.tr("The current passphrase is wrong; nothing was changed."),
            )
            return
        self._quiet_database()
        try:
            rekeyed = change_passphrase(
                database_file,
                dialog.passphrase(),
                dialog.new_passphrase(),
                rotate_file_key=dialog.rotate_file_key(),
            )
        except WrongPassphraseError:
            QMessageBox.warning(
                self,
                self.tr("Change passphrase"),
                self.tr("The current passphrase is wrong; nothing was changed."),
            )
            return
        except PostkitError as error:
            show_error(self, error)
            return
        key.replace(dialog.new_passphrase())
        try:
            log_database_event(
                database_file,
                dialog.new_passphrase(),
                "passphrase_changed",
                {"backups_rekeyed": len(rekeyed), "file_key_rotated": dialog.rotate_file_key()},
                self.actor,
            )
        except PostkitError as error:
            show_error(self, error)
        self.statusBar().showMessage(
            self.tr("The passphrase is changed; the backups use the new one too."), 10000
        )

    # -- files -------------------------------------------------------------------------

    def ask_save_path(self, title: str, suggested_name: str, file_filter: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        folder = self.settings.get(keys.LAST_EXPORT_FOLDER) or str(Path.home())
        name, _ = QFileDialog.getSaveFileName(
            self, title, str(Path(folder) / suggested_name), file_filter
        )
        if not name:
            return None
        self.settings.set(keys.LAST_EXPORT_FOLDER, str(Path(name).parent))
        return Path(name)

    def ask_report_year(self) -> int | None:
        from datetime import date

        from PySide6.QtWidgets import QInputDialog

        from postkit.core.activities.listing import activity_years

        assert self.database is not None and self.profile is not None
        with self.database.session() as session:
            years = activity_years(session, self.profile.post_name) or [date.today().year]
        choices = [str(year) for year in years]
        text, ok = QInputDialog.getItem(
            self, self.tr("Annual report"), self.tr("Year:"), choices, 0, False
        )
        return int(text) if ok else None

    def export_activities(self) -> None:
        assert self.database is not None
        database = self.database
        flt = self.activities_page.model.activity_filter
        path = self.ask_save_path(
            self.tr("Export activities"), "activities.xlsx", self.tr("Excel workbook (*.xlsx)")
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")

        def work(progress):  # type: ignore[no-untyped-def]
            # openpyxl loads only when needed: it would slow every start-up.
            from postkit.core.activities.export import export_activities_xlsx

            with database.session() as session:
                return export_activities_xlsx(session, path, flt, self.language, progress)

        self._start_job(
            self.tr("Exporting activities…"),
            work,
            lambda count: self.statusBar().showMessage(
                self.tr("Exported %n activities to {0}", "", count).format(path), 10000
            ),
        )

    def write_annual_report(self) -> None:
        assert self.database is not None
        database, profile = self.database, self.profile
        year = self.ask_report_year()
        if year is None:
            return
        path = self.ask_save_path(
            self.tr("Annual report"), f"imvo-annual-report-{year}.pdf", self.tr("PDF (*.pdf)")
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")

        def work(_progress):  # type: ignore[no-untyped-def]
            from postkit.core.activities.report import write_annual_report

            with database.session() as session:
                write_annual_report(session, year, path, self.language, profile)
            return path

        self._start_job(
            self.tr("Writing the annual report…"),
            work,
            lambda written: self.statusBar().showMessage(
                self.tr("Annual report written to {0}").format(written), 10000
            ),
        )

    def _start_job(self, label: str, work, on_success) -> None:  # type: ignore[no-untyped-def]
        self.job = run_job(self, label, work, on_success)
        self.job.finished.connect(self._job_done)
        self.update_actions()

    def _job_done(self) -> None:
        self.job = None
        self.update_actions()

    # -- help --------------------------------------------------------------------------

    def _show_user_guide(self) -> None:
        from postkit.ui.help import show_user_guide

        show_user_guide(self, self.language, self.current_module if self.is_attached else None)

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About postkit"),
            self.tr(
                "<h3>postkit {0}</h3><p>The IMVO toolkit for Dutch embassies and consulates: "
                "log the post's work on international responsible business conduct against the "
                "five core tasks, and report on it.</p><p>Database: {1}</p>"
            ).format(__version__, self.database.url if self.database else "–"),
        )

    def _show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td>{text}</td><td><b>{keys_text}</b></td></tr>"
            for text, keys_text in self.actions.shortcut_list()
        )
        QMessageBox.information(
            self, self.tr("Keyboard shortcuts"), f"<table cellpadding='3'>{rows}</table>"
        )
