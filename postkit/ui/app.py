"""Starting the desktop app: window first, then the database (opened off the GUI thread)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication

from postkit import __version__
from postkit.ui.collection import end_collection_as_app, pause_collection, resume_collection

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from postkit.ui.main_window import MainWindow

SCREENSHOT_DELAY_MS = 300
# How long the opener lets the GUI thread build the first screen alone before it imports
# SQLAlchemy beside it (the two share one interpreter lock).
FIRST_SCREEN_HEAD_START_S = 1.0


def lighten_pyside_import_check() -> None:
    """Make PySide6's look at each newly imported module cheap; the answer stays the same.

    PySide6 asks of every module imported after it whether its source mentions "PySide6"
    (for `from __feature__ import …`), through `inspect.getsource`, which walks all of
    `sys.modules` on each call: SQLAlchemy's hundreds of modules then cost 30-90 ms more to
    import in the app than alone, on the start-up's critical path. Reading the file answers
    the same question; anything but a plain .py file still goes to PySide6's own check.
    """
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if upstream is None or getattr(upstream, "lightened", False):
        return

    def mod_uses_pyside(module: Any) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(upstream(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(upstream(module))

    mod_uses_pyside.lightened = True  # type: ignore[attr-defined]
    mod_uses_pyside.upstream = upstream  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]


def create_application(argv: list[str] | None = None) -> QApplication:
    from postkit.ui.icons import app_icon
    from postkit.ui.style import STARTED_WITH_FUSION, apply_look

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        arguments = argv if argv is not None else sys.argv[:1]
        app = QApplication([*arguments, "-style", "fusion"])
        app.setProperty(STARTED_WITH_FUSION, True)
    app.setOrganizationName("postkit")
    app.setApplicationName("postkit")
    app.setApplicationVersion(__version__)
    apply_look(app)
    app.setWindowIcon(app_icon())
    return app


class DatabaseOpener(QThread):
    """Imports the data layer and opens (migrating if need be) the database in the background.

    On a slow laptop SQLAlchemy's import alone takes longer than showing the window, so the
    window shows first and stays responsive meanwhile. With `reads_first_screen` it first
    reads the activity list's first screenful with plain sqlite3 (`first_screen`), which
    the window shows while SQLAlchemy loads; it waits for `first_shown` before importing.
    """

    first_screen = Signal(object)  # FirstScreen
    opened = Signal(object, object, object)  # Database, PostProfile | None, user names | None
    failed = Signal(object)

    def __init__(
        self,
        location: str | None,
        parent: QObject,
        imports: list[str],
        reads_first_screen: bool = False,
    ) -> None:
        super().__init__(parent)
        self._location = location
        self._imports = imports
        self.reads_first_screen = reads_first_screen
        self.first_shown = threading.Event()
        # Set when the database is protected and the user has typed the passphrase.
        self.passphrase: str | None = None

    def _read_first_screen(self) -> None:
        from postkit.core.activities.first_screen import read_first_screen
        from postkit.ui.activities.table_model import COLUMNS, FIRST_SORT, PAGE_SIZE

        self.reads_first_screen = False  # once: not again after a passphrase
        # Before the runner: plain sqlite3, read-only, on an up-to-date plain file only.
        first = read_first_screen(self._location, COLUMNS, FIRST_SORT, PAGE_SIZE)
        if first is not None:
            self.first_screen.emit(first)
            self.first_shown.wait(FIRST_SCREEN_HEAD_START_S)

    def run(self) -> None:
        try:
            if self.reads_first_screen:
                self._read_first_screen()
            # The first page's code is loaded here too, so the GUI thread finds it ready;
            # only that page's: the others' (pyxform, openpyxl…) would hold the first one up.
            import importlib

            for name in self._imports:
                importlib.import_module(name)
            from postkit.core.db import open_database
            from postkit.core.profile import load_profile

            database = open_database(self._location, self.passphrase)
            if database.is_sqlite and database.engine.url.database:
                from pathlib import Path

                from postkit.core.db.backup import automatic_backup

                automatic_backup(Path(database.engine.url.database), passphrase=database.passphrase)
            from postkit.core.users import users_at_start

            names = None
            # Who may be working is read with the profile, so the GUI thread opens no session.
            # Before the runner: the window gets its runner only with the profile read here.
            with database.session() as session:
                profile = load_profile(session)
                if profile is not None:
                    names = [user.name for user in users_at_start(session, profile.user_name)]
        except BaseException as error:  # reported on the GUI thread
            self.failed.emit(error)
        else:
            self.opened.emit(database, profile, names)


class Startup(QObject):
    """Opens the database for a shown window, asks for the profile on first run, attaches.

    Parented to the window, so it and its thread live as long as the window does.
    """

    def __init__(
        self,
        window: MainWindow,
        location: str | None,
        screenshot: str | None,
        report_startup: bool,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.database: Any = None
        self.exit_code = 0
        self._screenshot = screenshot
        self._report_startup = report_startup
        first = window.first_module
        self._opener = DatabaseOpener(
            location,
            self,
            [first.page_module] if first.page_module else [],
            reads_first_screen=first.name == "activities",
        )
        self._opener.first_screen.connect(self._show_first_screen)
        self._opener.opened.connect(self._attach)
        self._opener.failed.connect(self._fail)

    def start(self) -> None:
        self._opener.start()

    def _show_first_screen(self, first: Any) -> None:
        """Show the list's first screenful, read before SQLAlchemy has loaded; the database
        attaches under it when open."""
        shown = False
        try:
            shown = self.window.show_first_screen(first)
        finally:
            if not shown:
                self._opener.first_shown.set()
        if shown:
            # The rows are painted by the next moment the window waits for input.
            QTimer.singleShot(0, self._first_screen_painted)

    def _first_screen_painted(self) -> None:
        self._opener.first_shown.set()  # SQLAlchemy may load now
        if self._report_startup and not self._screenshot:
            self._report_ready()

    def _report_ready(self) -> None:
        print("ready-idle", flush=True)
        self.window.close()

    def _attach(self, database: Any, profile: Any, names: list[str] | None) -> None:
        from postkit.core.errors import PostkitError

        self._opener.wait()
        self.database = database
        if profile is None:
            from postkit.core.profile import save_profile
            from postkit.ui.profile_dialog import ProfileDialog

            resume_collection()  # a person types now: start-up speed no longer counts
            dialog = ProfileDialog(None, self.window.language, self.window)
            if dialog.exec() != ProfileDialog.DialogCode.Accepted:
                self.window.close()
                return
            try:
                # Before the runner: first run, the window is attached with this profile.
                with database.session() as session:
                    profile = save_profile(session, dialog.profile())
            except PostkitError as error:
                self._fail(error)
                return
        try:
            user_name = self._pick_user(database, profile.user_name, names)
        except PostkitError as error:
            self._fail(error)
            return
        if user_name is None:
            self.window.close()
            return
        self.window.set_user(user_name)
        self.window.attach(database, profile)
        if self._screenshot:
            QTimer.singleShot(SCREENSHOT_DELAY_MS, self._save_screenshot)
        QTimer.singleShot(0, self._when_list_ready)

    def _pick_user(self, database: Any, profile_user: str, names: list[str] | None) -> str | None:
        """Who is working: asked when the post has more than one user; None when cancelled.

        `names` are the users the opener read; None on a first run (the profile was just
        typed), when they are read here."""
        if names is None:
            from postkit.core.users import users_at_start

            # Before the runner: who works decides what the attached window is allowed to do.
            with database.session() as session:
                names = [user.name for user in users_at_start(session, profile_user)]
        if len(names) < 2:
            return names[0] if names else profile_user
        from postkit.ui.users_dialog import UserPickDialog

        resume_collection()  # a person chooses now: start-up speed no longer counts
        dialog = UserPickDialog(names, profile_user, self.window)
        if dialog.exec() != UserPickDialog.DialogCode.Accepted or not dialog.chosen_name():
            return None
        return dialog.chosen_name()

    def _ask_passphrase(self, error: BaseException) -> None:
        """Ask for the passphrase of a protected database (again, after a wrong one)."""
        from postkit.core.db.encryption import PassphraseError, WrongPassphraseError
        from postkit.ui.passphrase_dialog import PassphraseDialog, PassphraseMode

        assert isinstance(error, PassphraseError)
        problem = (
            self.tr("That passphrase is wrong. Try again, or quit.")
            if isinstance(error, WrongPassphraseError)
            else ""
        )
        resume_collection()  # a person types now: start-up speed no longer counts
        dialog = PassphraseDialog(PassphraseMode.UNLOCK, self.window, error.path.name, problem)
        if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
            self.window.close()
            return
        self._opener.passphrase = dialog.passphrase()
        self._opener.start()

    def _when_list_ready(self) -> None:
        """Once the list shows its rows (the runner reads them off the GUI thread): collect
        garbage again, and say so to the start-up benchmark."""
        runner = self.window.runner
        if runner is not None and not runner.is_idle:

            def when_idle(idle: bool) -> None:
                if idle:
                    runner.idle_changed.disconnect(when_idle)
                    QTimer.singleShot(0, self._when_list_ready)

            runner.idle_changed.connect(when_idle)
            return
        resume_collection()
        if self._report_startup and not self._screenshot and self.window.isVisible():
            self._report_ready()

    def finish(self) -> None:
        """Wait for the opener, which may still run when the window closed early."""
        self._opener.wait()

    def _fail(self, error: BaseException) -> None:
        from postkit.core.db.encryption import PassphraseError
        from postkit.ui.dialogs import show_error

        self._opener.wait()
        if isinstance(error, PassphraseError):
            self._ask_passphrase(error)
            return
        self.exit_code = 1
        resume_collection()
        show_error(self.window, error)
        self.window.close()

    def _save_screenshot(self) -> None:
        assert self._screenshot is not None
        self.window.grab().save(str(Path(self._screenshot)))
        self.window.close()


def run_app(
    location: str | None,
    is_demo: bool = False,
    screenshot: str | None = None,
    report_startup: bool = False,
    reset_demo_data: Callable[[Session, Path], object] | None = None,
) -> int:
    """Open the main window on the database at `location`; returns the exit code.
    `reset_demo_data` (a demo only) lets trainer mode put the demo's practices back."""
    pause_collection()
    try:
        return _run_app(location, is_demo, screenshot, report_startup, reset_demo_data)
    finally:
        end_collection_as_app()


def _run_app(
    location: str | None,
    is_demo: bool,
    screenshot: str | None,
    report_startup: bool,
    reset_demo_data: Callable[[Session, Path], object] | None,
) -> int:
    lighten_pyside_import_check()
    app = create_application()
    from postkit.ui.main_window import MainWindow
    from postkit.ui.settings import Settings

    # The demo keeps its window state apart so it never disturbs the post's own settings.
    store = (
        QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "postkit", "postkit-demo")
        if is_demo
        else QSettings()
    )
    settings = Settings(store)
    from postkit.ui.i18n import install_translators

    install_translators(app, settings.language)
    window = MainWindow(settings, is_demo, reset_demo_data=reset_demo_data)
    window.show()
    if report_startup:
        # For the start-up benchmark: the first moment the shown window waits for input.
        QTimer.singleShot(0, lambda: print("shown-idle", flush=True))
    startup = Startup(window, location, screenshot, report_startup)
    # Start once the window has painted: the opener's imports would slow the first paint.
    QTimer.singleShot(0, startup.start)
    code = app.exec()
    startup.finish()
    if startup.database is not None:
        startup.database.dispose()
    return code or startup.exit_code
