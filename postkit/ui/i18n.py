"""The interface language: Qt translators for postkit's own strings and Qt's dialogs.

The `.ts` sources live in resources/translations; the compiled `.qm` files are made by the
build (build.spec) or by `postkit translations build`, never edited by hand. A source checkout
without them compiles them on first use with the lrelease that ships with PySide6.

postkit_nl.ts holds every message; postkit_en.ts only the plural (`%n`) ones, whose English
forms ("1 activity", "2 activities") the source text alone cannot give. An unfinished message
is left out of the `.qm`, so it shows the (English) source text until it is translated.
`update_translation_sources()` (`postkit translations update`) extracts the messages anew.
"""

from __future__ import annotations

import logging
import os
import sys
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
    return Path(PySide6.__file__).parent / (f"{name}.exe" if sys.platform == "win32" else name)


def ui_sources() -> list[Path]:
    """The Python files whose `tr()` strings make up postkit's messages."""
    return sorted((Path(__file__).resolve().parent).rglob("*.py"))


def run_lupdate(ts_file: Path, *, plurals_only: bool = False, keep_obsolete: bool = False) -> str:
    """Extract the messages of postkit/ui into `ts_file` (created or merged); lupdate's report."""
    language = ts_file.stem.rpartition("_")[2] or SOURCE_LANGUAGE
    command = [
        str(qt_tool("lupdate")),
        *(str(path) for path in ui_sources()),
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        language,
    ]
    if plurals_only:
        command.append("-pluralonly")
    if not keep_obsolete:
        command.append("-no-obsolete")
    command += ["-ts", str(ts_file)]
    import subprocess  # only for the translations commands; not loaded at every start

    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return result.stdout + result.stderr


def update_translation_sources() -> list[Path]:
    """Bring every `.ts` in resources/translations up to date with the sources (for
    `postkit translations update`): new messages come in unfinished, dropped ones go. The
    source language's file keeps the plural messages only. Returns the files updated."""
    updated = []
    for language in LANGUAGES:
        ts_file = translations_dir() / f"postkit_{language}.ts"
        report = run_lupdate(ts_file, plurals_only=language == SOURCE_LANGUAGE)
        log.info("%s: %s", ts_file.name, " ".join(report.split()))
        updated.append(ts_file)
    return updated


def compile_translations(target_dir: Path | None = None) -> list[Path]:
    """Compile every `.ts` in resources/translations to `.qm` (for `postkit translations
    build`), leaving unfinished messages out; returns the files written."""
    target_dir = target_dir or translations_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    import subprocess  # only when compiling; not loaded at every start

    written = []
    for source in sorted(translations_dir().glob("*.ts")):
        target = target_dir / source.with_suffix(".qm").name
        subprocess.run(
            [str(qt_tool("lrelease")), "-silent", "-nounfinished", str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
        )
        written.append(target)
    return written


def _compiled(language: str) -> Path | None:
    """The `.qm` for `language`, compiling it when only the source is there (or newer).

    Compiled next to the sources when the folder can be written (a checkout, as `postkit
    translations build` does), so later starts find it there; else into the user's folder.
    """
    name = f"postkit_{language}"
    shipped = translations_dir() / f"{name}.qm"
    source = translations_dir() / f"{name}.ts"
    if not source.exists():
        return shipped if shipped.exists() else None
    if _is_current(shipped, source):
        return shipped
    if os.access(translations_dir(), os.W_OK) and _compiles_into(translations_dir(), language):
        return shipped
    cache = user_data_dir() / "translations"
    cached = cache / f"{name}.qm"
    if _is_current(cached, source) or _compiles_into(cache, language):
        return cached
    return None


def _is_current(compiled: Path, source: Path) -> bool:
    return compiled.exists() and compiled.stat().st_mtime >= source.stat().st_mtime


def _compiles_into(folder: Path, language: str) -> bool:
    from subprocess import CalledProcessError

    try:
        compile_translations(folder)
    except (OSError, CalledProcessError) as error:
        log.warning("cannot compile the %s translation into %s: %s", language, folder, error)
        return False
    return (folder / f"postkit_{language}.qm").exists()


def apply_locale(language: str) -> None:
    """Dates and numbers as the user's language writes them."""
    QLocale.setDefault(
        QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
        if language == "nl"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install postkit's and Qt's translators for `language`. English, the source language,
    takes postkit's translator for its plural forms only."""
    apply_locale(language)
    installed = []
    qt_own = QTranslator(app)
    if language != SOURCE_LANGUAGE and qt_own.load(
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
