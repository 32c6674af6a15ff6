"""The interface language: Qt translators for postkit's own strings and Qt's dialogs.

The `.ts` sources live in resources/translations; the compiled `.qm` files are made by the
build (build.spec) or by `postkit translations build`, never edited by hand. A source checkout
without them compiles them on first use with the lrelease that ships with PySide6.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from postkit.core.paths import resources_dir, user_data_dir

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "nl": "Nederlands"}
SOURCE_LANGUAGE = "en"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def qt_tool(name: str) -> Path:
    """A Qt tool (lupdate, lrelease) shipped inside the PySide6 package."""
    return Path(PySide6.__file__).parent / name


def compile_translations(target_dir: Path | None = None) -> list[Path]:
    """Compile every `.ts` in resources/translations to `.qm`; returns the files written."""
    target_dir = target_dir or translations_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(translations_dir().glob("*.ts")):
        target = target_dir / source.with_suffix(".qm").name
        subprocess.run(
            [str(qt_tool("lrelease")), "-silent", str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
        )
        written.append(target)
    return written


def _compiled(language: str) -> Path | None:
    """The `.qm` for `language`, compiling it when only the source is there (or newer)."""
    name = f"postkit_{language}"
    shipped = translations_dir() / f"{name}.qm"
    source = translations_dir() / f"{name}.ts"
    if not source.exists():
        return shipped if shipped.exists() else None
    if shipped.exists() and shipped.stat().st_mtime >= source.stat().st_mtime:
        return shipped
    cache = user_data_dir() / "translations"
    cached = cache / f"{name}.qm"
    if cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    try:
        compile_translations(cache)
    except (OSError, subprocess.CalledProcessError) as error:
        log.warning("cannot compile the %s translation: %s", language, error)
        return None
    return cached if cached.exists() else None


def apply_locale(language: str) -> None:
    """Dates and numbers as the user's language writes them."""
    QLocale.setDefault(
        QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
        if language == "nl"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install postkit's and Qt's translators for `language`; English needs none."""
    apply_locale(language)
    if language == SOURCE_LANGUAGE:
        return []
    installed = []
    qt_own = QTranslator(app)
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    compiled = _compiled(language)
    ours = QTranslator(app)
    if compiled is not None and ours.load(str(compiled)):
        app.installTranslator(ours)
        installed.append(ours)
    return installed
