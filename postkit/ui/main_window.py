"""The main window: it hosts the modules (navigation, menus, toolbar, status bar, undo).

It knows no feature: each module (postkit.ui.module) declares its actions with the code that
runs them and sets their enabled-state from its own page; the window builds the menus, the
View menu, the toolbar and the shortcut list from those declarations. Modules load lazily:
nothing of the database (SQLAlchemy) before attach(), and a module's page only when it is
first shown or one of its actions first runs, so the window and then its first page show fast.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from postkit.ui import settings as keys
from postkit.ui.actions import Actions, ActionSpec
from postkit.ui.activities.module import ActivitiesModule, DashboardModule
from postkit.ui.companies.module import CompaniesModule
from postkit.ui.database_commands import DatabaseCommands
from postkit.ui.followups.module import FollowUpsModule
from postkit.ui.hq.module import HeadquartersModule
from postkit.ui.i18n import apply_locale
from postkit.ui.icons import MODULE_ICONS, icon
from postkit.ui.module import EDIT, FILE, HELP, VIEW, Commands, Module, ModuleContext
from postkit.ui.overrides import override
from postkit.ui.post_commands import AppCommands, PostCommands
from postkit.ui.practices.module import PracticesModule
from postkit.ui.preload import PagePreloader
from postkit.ui.screening.module import ScreeningModule
from postkit.ui.settings import Settings
from postkit.ui.surveys.module import SurveysModule

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtGui import QCloseEvent
    from sqlalchemy.orm import Session

    from postkit.core.activities.first_screen import FirstScreen
    from postkit.core.db import Database
    from postkit.core.profile import PostProfile
    from postkit.ui.ops import Runner

# The modules in navigation order, then the command sets without a page; menus follow it.
COMMAND_SETS: tuple[type[Commands], ...] = (
    ActivitiesModule,
    DashboardModule,
    ScreeningModule,
    FollowUpsModule,
    PracticesModule,
    SurveysModule,
    HeadquartersModule,
    CompaniesModule,
    PostCommands,
    DatabaseCommands,
    AppCommands,
)
MODULES = tuple(c.name for c in COMMAND_SETS if issubclass(c, Module))


def declared_actions(
    command_sets: tuple[type[Commands], ...] = COMMAND_SETS,
) -> list[tuple[Enum, ActionSpec]]:
    """Every action the command sets declare, with the modules' View-menu actions."""
    specs = [(d.id, d.spec) for c in command_sets for d in c.declared()]
    specs += [(c.show_id, c.show_spec) for c in command_sets if issubclass(c, Module)]
    return specs


class MainWindow(QMainWindow):
    """Shows at once; `attach()` then adds the pages over an opened database.

    Opening the database (and importing SQLAlchemy) takes longer than showing a window, so
    the app shows this window first and attaches the database when it is ready.
    `reset_demo_data(session, files_dir)`, given only by the demo's entry point, puts the demo's
    good practices back for trainer mode; the window itself knows no demo data.
    `modules` holds every command set by name; the pages' modules come first, in order.
    """

    def __init__(
        self,
        settings: Settings,
        is_demo: bool = False,
        parent: QWidget | None = None,
        command_sets: tuple[type[Commands], ...] = COMMAND_SETS,
        reset_demo_data: Callable[[Session, Path], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.is_demo = is_demo
        self.reset_demo_data = reset_demo_data
        self.language = settings.language
        apply_locale(self.language)
        self.runner: Runner | None = None
        # The runner of the first screen start-up showed before the database opened.
        self._first_runner: Runner | None = None
        self.profile: PostProfile | None = None
        # Who is working now (picked at start or by Switch user); None: the profile's user.
        self.user_name: str | None = None
        self.undo_stack = QUndoStack(self)
        self.modules: dict[str, Commands] = {c.name: c(self) for c in command_sets}
        self.page_modules = [m for m in self.modules.values() if isinstance(m, Module)]
        self.actions = Actions(self, declared_actions(command_sets))

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
        splitter.setSizes([max(170, self.navigation.minimumWidth()), 1100])
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self._build_menus()
        self.toolbar = QToolBar(self.tr("Main toolbar"), self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.fill_toolbar(self.page_modules[0])
        self.count_label = QLabel(self)
        self.profile_label = QLabel(self)
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.profile_label)
        for commands in self.modules.values():
            commands.connect_actions()
            commands.state_changed.connect(self.update_actions)
        self.setWindowTitle("postkit")
        self._restore_geometry()
        self.update_actions()

    def attach(self, database: Database, profile: PostProfile) -> None:
        """Create the one runner, attach every module to it, and show the last module (whose
        page is built now; the others' when first shown)."""
        from postkit.ui.ops import Runner

        if self._first_runner is not None:
            self.runner, self._first_runner = self._first_runner, None
            self.runner.open(database)
        else:
            self.runner = Runner(database, self)
        self.profile = profile
        context = ModuleContext(
            self,
            self.runner,
            self.settings,
            self.language,
            self.undo_stack,
            lambda: self.acting_profile,
            lambda text: self.statusBar().showMessage(text, 10000),
            self.count_label.setText,
        )
        self.pages.removeWidget(self.loading_label)
        self.loading_label.deleteLater()
        for commands in self.modules.values():
            commands.attach(context)
        self._update_title()
        self.navigation.setEnabled(True)
        self.show_module(self.first_module.name)
        self.update_actions()

        def unbuilt() -> list[str]:
            return [m.page_module for m in self.page_modules if m.page is None and m.page_module]

        PagePreloader(self.runner, unbuilt, self).start()

    def show_first_screen(self, first: FirstScreen) -> bool:
        """Show the activity list over what start-up read before the database opened (the
        activities are the first module); what the list asks meanwhile waits for `attach`."""
        module = self.first_module
        if self.is_attached or not isinstance(module, ActivitiesModule) or module.page:
            return False
        from postkit.ui.ops import Runner

        self._first_runner = Runner(None, self)
        page = module.build_first_page(self._first_runner, first)
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        return True

    @property
    def first_module(self) -> Module:
        """The module shown when the database opens: the one shown last time."""
        named = {module.name: module for module in self.page_modules}
        return named.get(self.settings.get(keys.LAST_MODULE), self.page_modules[0])

    def host_page(self, page: QWidget) -> None:
        """Take a module's page, just built, into the window's stack of pages."""
        if self.pages.indexOf(page) < 0:  # the first screen's page is there already
            self.pages.addWidget(page)

    def _page(self, name: str) -> QWidget:
        module = self.modules[name]
        assert isinstance(module, Module)
        return module.ensure_page()

    # Each module's page, by name, built if not yet (tests and journeys reach pages so).
    activities_page = property(lambda self: self._page("activities"))
    dashboard_page = property(lambda self: self._page("dashboard"))
    screening_page = property(lambda self: self._page("screening"))
    practices_page = property(lambda self: self._page("practices"))
    surveys_page = property(lambda self: self._page("surveys"))
    hq_page = property(lambda self: self._page("hq"))
    followups_page = property(lambda self: self._page("followups"))

    @property
    def database(self) -> Database | None:
        return self.runner.database if self.runner is not None else None

    @property
    def is_attached(self) -> bool:
        return self.runner is not None

    @property
    def actor(self) -> str:
        """The name that records created and changed from here carry."""
        assert self.profile is not None
        return self.user_name or self.profile.user_name

    @property
    def acting_profile(self) -> PostProfile:
        """The post's profile with the person working now as its user (what pages act as)."""
        from dataclasses import replace  # loading dataclasses at start costs ~1.5 ms

        assert self.profile is not None
        return replace(self.profile, user_name=self.actor)

    def set_profile(self, profile: PostProfile) -> None:
        """The post's profile changed (Edit ▸ Post profile)."""
        self.profile = profile
        self._share_profile()

    def set_user(self, name: str) -> None:
        """Work as `name` from now on: new and changed records carry it."""
        self.user_name = name
        if self.is_attached:
            self._share_profile()

    def _share_profile(self) -> None:
        acting = self.acting_profile
        for commands in self.modules.values():
            commands.profile_changed(acting)
        self._update_title()

    # -- building ----------------------------------------------------------------------

    def _build_navigation(self) -> QListWidget:
        navigation = QListWidget(self)
        navigation.setAccessibleName(self.tr("Modules"))
        navigation.setIconSize(QSize(24, 24))
        for module in self.page_modules:
            text = QCoreApplication.translate("MainWindow", module.title)
            item = QListWidgetItem(text, navigation)
            if module.name in MODULE_ICONS:
                item.setIcon(icon(MODULE_ICONS[module.name]))
        # As wide as its longest module name at the font in use (large system text too).
        metrics = navigation.fontMetrics()
        longest = max(
            metrics.horizontalAdvance(navigation.item(row).text())
            for row in range(navigation.count())
        )
        icon_room = navigation.iconSize().width() + 4 * metrics.averageCharWidth()
        navigation.setMinimumWidth(longest + icon_room + 2 * navigation.frameWidth())
        navigation.currentRowChanged.connect(self._show_page)
        navigation.setEnabled(False)
        return navigation

    def _build_menus(self) -> None:
        menus: dict[str, QMenu] = {}
        for name, title in ((FILE, self.tr("&File")), (EDIT, self.tr("&Edit"))):
            menus[name] = self.menuBar().addMenu(title)
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        self.undo_action, self.redo_action = undo, redo
        menus[EDIT].addActions([undo, redo])
        menus[VIEW] = self.menuBar().addMenu(self.tr("&View"))
        for module in self.page_modules:
            action = self.actions[module.show_id]
            action.triggered.connect(lambda _=False, name=module.name: self.show_module(name))
            menus[VIEW].addAction(action)
        for commands in self.modules.values():
            if commands.menu_title is not None:
                title = QCoreApplication.translate("MainWindow", commands.menu_title)
                menus[commands.name] = self.menuBar().addMenu(title)
        menus[HELP] = self.menuBar().addMenu(self.tr("&Help"))
        for commands in self.modules.values():
            for declared in commands.declared():
                if declared.menu is None:
                    continue
                menu = menus[declared.menu]
                if declared.separator and not menu.isEmpty():
                    menu.addSeparator()
                menu.addAction(self.actions[declared.id])

    def fill_toolbar(self, module: Module) -> None:
        """The current module's own commands (the pages keep theirs beside what they act on)."""
        self.toolbar.clear()
        for action_id in module.toolbar:
            if action_id is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(self.actions[action_id])

    # -- state -------------------------------------------------------------------------

    def update_actions(self) -> None:
        for module in self.page_modules:
            self.actions[module.show_id].setEnabled(self.is_attached)
        for commands in self.modules.values():
            commands.update_actions()

    @property
    def current(self) -> Module:
        return self.page_modules[max(self.navigation.currentRow(), 0)]

    @property
    def current_module(self) -> str:
        return self.current.name

    def show_module(self, name: str) -> None:
        names = [module.name for module in self.page_modules]
        row = names.index(name) if name in names else 0
        if self.navigation.currentRow() == row:
            self._show_page(row)  # chosen before attach: its page is built now
        else:
            self.navigation.setCurrentRow(row)

    def _show_page(self, row: int) -> None:
        if self.is_attached:
            module = self.page_modules[row]
            leaving = self.pages.currentWidget()
            for each in self.page_modules:
                if each.page is leaving and each is not module:
                    each.leave()
            self.pages.setCurrentWidget(module.ensure_page())
            self.fill_toolbar(module)
        self.update_actions()

    def _update_title(self) -> None:
        assert self.profile is not None
        title = f"postkit — {self.profile.post_name}"
        if self.is_demo:
            title += " " + self.tr("(demo data)")
        self.setWindowTitle(title)
        self.profile_label.setText(f"{self.profile.post_name} · {self.actor}")

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
            for commands in self.modules.values():
                commands.save_state(self.settings)
            self.settings.set(keys.LAST_MODULE, self.current_module)
        self.settings.sync()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner is not None:
            for commands in self.modules.values():
                commands.close()
            self.runner.cancel_jobs()
            self.runner.close()
        self.save_state()
        super().closeEvent(event)
