"""Starting the desktop app: QApplication, database, first-run profile and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from postkit import __version__
from postkit.core.errors import PostkitError

SCREENSHOT_DELAY_MS = 300


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("postkit")
    app.setApplicationName("postkit")
    app.setApplicationVersion(__version__)
    return app


def run_app(
    location: str | None,
    is_demo: bool = False,
    screenshot: str | None = None,
    quit_when_idle: bool = False,
) -> int:
    """Open the main window on the database at `location`; returns the exit code."""
    app = create_application()
    from postkit.core.db import open_database
    from postkit.core.profile import load_profile, save_profile
    from postkit.ui.main_window import MainWindow
    from postkit.ui.profile_dialog import ProfileDialog
    from postkit.ui.settings import Settings

    # The demo keeps its window state apart so it never disturbs the post's own settings.
    store = (
        QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "postkit", "postkit-demo")
        if is_demo
        else QSettings()
    )
    settings = Settings(store)
    try:
        database = open_database(location)
        with database.session() as session:
            profile = load_profile(session)
            if profile is None:
                dialog = ProfileDialog(None, settings.language)
                if dialog.exec() != ProfileDialog.DialogCode.Accepted:
                    return 0
                profile = save_profile(session, dialog.profile())
    except PostkitError as error:
        QMessageBox.critical(None, "postkit", str(error))
        return 1
    window = MainWindow(database, profile, settings, is_demo)
    window.show()
    if screenshot:
        QTimer.singleShot(SCREENSHOT_DELAY_MS, lambda: _save_screenshot(window, Path(screenshot)))
    elif quit_when_idle:
        QTimer.singleShot(0, window.close)
    code = app.exec()
    database.dispose()
    return code


def _save_screenshot(window: object, path: Path) -> None:
    from postkit.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.grab().save(str(path))
    window.close()
