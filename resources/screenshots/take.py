"""Grab every module of the demo at 1366×768, in English and Dutch, light and dark.

Run from the repository root (offscreen, no display needed):

    QT_QPA_PLATFORM=offscreen python resources/screenshots/take.py

The files land beside this script as `<module>-<language>[-dark].png`, except the activity
log in English, light, which is `activities.png`, the name the README shows, and the
Headquarters module's second tab, `hq-network-<language>[-dark].png`. The demo is seeded
afresh, with the survey exports of 20 posts collected and the annual returns of 149 held
for the Headquarters module.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

SIZE = (1366, 768)
SETTLE_MS = 400
RETURNS_YEAR = 2026


def _seed(folder: Path) -> str:
    """A demo database as `postkit --demo` opens, with the survey exports of many posts
    collected and their annual returns held for the Headquarters module."""
    from postkit.cli import DEMO_ACTIVITIES
    from postkit.core.db import open_database
    from postkit.core.demo_seed import seed_everything
    from postkit.core.hq.demo_exports import write_demo_exports
    from postkit.core.hq.network import collect_returns
    from postkit.core.hq.service import collect_exports
    from postkit.core.returns.demo import write_demo_returns
    from postkit.core.surveys.service import shipped_surveys_dir
    from postkit.core.surveys.xlsform import load_form

    location = str(folder / "demo.sqlite3")
    database = open_database(location)
    seed_everything(database, activities=DEMO_ACTIVITIES)
    form = load_form(shipped_surveys_dir() / "imvo_guidelines_evaluation.xlsx")
    exports = write_demo_exports(folder / "exports", posts=20, responses=6)
    returns = write_demo_returns(folder / "returns", posts=149, year=RETURNS_YEAR)
    with database.session() as session:
        collect_exports(session, exports, form)
        session.commit()
        collect_returns(session, returns)
    database.dispose()
    return location


def take(out: Path, languages: list[str], schemes: list[str]) -> list[Path]:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from postkit.core.db import open_database
    from postkit.core.paths import DATA_DIR_ENV_VAR
    from postkit.core.profile import load_profile
    from postkit.ui.app import create_application
    from postkit.ui.i18n import install_translators
    from postkit.ui.main_window import MODULES, MainWindow
    from postkit.ui.settings import Settings
    from postkit.ui.style import apply_scheme

    app = create_application()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="postkit-shots-") as temp:
        # The user's own data (headquarters' list of posts, say) stays out of the pictures.
        os.environ[DATA_DIR_ENV_VAR] = str(Path(temp) / "user-data")
        location = _seed(Path(temp))
        for language in languages:
            translators = install_translators(app, language)
            for scheme in schemes:
                apply_scheme(app, Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
                store = QSettings(str(Path(temp) / f"{language}.ini"), QSettings.Format.IniFormat)
                store.setValue("ui/language", language)
                database = open_database(location)
                with database.session() as session:
                    profile = load_profile(session)
                window = MainWindow(Settings(store), is_demo=True)
                window.show()
                window.attach(database, profile)
                window.resize(*SIZE)
                for module in MODULES:
                    window.show_module(module)
                    QTest.qWait(SETTLE_MS)
                    # Pages read off the GUI thread: the picture waits for their figures.
                    window.runner.wait_idle()
                    QTest.qWait(SETTLE_MS)
                    page = window.pages.currentWidget()
                    _wait_for_job(page)
                    suffix = "-dark" if scheme == "dark" else ""
                    name = f"{module}-{language}{suffix}.png"
                    if (module, language, scheme) == ("activities", "en", "light"):
                        name = "activities.png"  # the README's picture
                    path = out / name
                    written.append(_grab(window, path))
                    if module == "hq":
                        page.page_tabs.setCurrentWidget(page.network_view)
                        _wait_for_job(page.network_view)
                        written.append(_grab(window, out / f"hq-network-{language}{suffix}.png"))
                        page.page_tabs.setCurrentIndex(0)
                window.close()
                window.deleteLater()
                QTest.qWait(50)
                database.dispose()
            for translator in translators:
                app.removeTranslator(translator)
    return written


def _wait_for_job(page: object) -> None:
    """Until the page's job (if any, or one it starts once shown) is done and shown."""
    from PySide6.QtTest import QTest

    QTest.qWait(SETTLE_MS)
    job = getattr(page, "job", None)
    if job is not None:
        job.wait()
        QTest.qWait(SETTLE_MS)


def _grab(window: object, path: Path) -> Path:
    if not window.grab().save(str(path)):  # type: ignore[attr-defined]
        raise OSError(f"cannot write {path}")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--languages", nargs="+", default=["en", "nl"])
    parser.add_argument("--schemes", nargs="+", default=["light", "dark"])
    args = parser.parse_args()
    for path in take(args.out, args.languages, args.schemes):
        print(path)


if __name__ == "__main__":
    main()
