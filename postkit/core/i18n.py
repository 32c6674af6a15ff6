"""The language of what core writes for people (PDF records, their messages): gettext catalogs.

English is the source language: the code holds the English text (`_("Reference")`), and
resources/locale/<language>/LC_MESSAGES/postkit.mo holds its translations, read by the standard
library's `gettext`. A message without a translation reads in English. There is no global
language: each record asks `translator(language)` for its own, so a Dutch and an English
record can be written side by side whatever language the interface speaks.

The catalogs are made by `postkit translations update` (`update_catalogs()`, with Babel, a
development tool the app itself does not need): it extracts the messages of postkit/core into
resources/locale/postkit.pot as resources/locale/babel.cfg says, merges them into each
language's .po (new messages come in untranslated, changed ones fuzzy) and compiles the .mo.
Qt's .ts/.qm files in resources/translations serve the interface in the same way.

In code: `_ = translator(language)`, then `_("Text {name}", name=...)`,
`_.ngettext("{n} file", "{n} files", n, n=n)`, `_.pgettext("month", "May")`. Text that is
chosen by a code is listed with `N_("…")` (marked for extraction, translated when shown).
Extraction reads string literals in calls only: a `_("…")` inside an f-string is not seen
(Python 3.11 tokenizes an f-string whole), so translate into a name first and put that in.
"""

from __future__ import annotations

import gettext as _gettext
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from postkit.core.paths import resources_dir

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

DOMAIN = "postkit"
SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "nl")


def locale_dir() -> Path:
    return resources_dir() / "locale"


def N_(message: str) -> str:
    """Marks `message` for extraction; it is translated where it is shown."""
    return message


class Translator:
    """The messages of one language. Called as `_`; `{name}` placeholders are filled from the
    keywords given (none given: the text as it stands, braces and all)."""

    def __init__(self, language: str, catalog: _gettext.NullTranslations) -> None:
        self.language = language
        self._catalog = catalog

    def __call__(self, message: str, /, **values: object) -> str:
        return _filled(self._catalog.gettext(message), values)

    gettext = __call__

    def ngettext(self, singular: str, plural: str, n: int, /, **values: object) -> str:
        return _filled(self._catalog.ngettext(singular, plural, n), values)

    def pgettext(self, context: str, message: str, /, **values: object) -> str:
        """For one English text that means two things (a month "May", a column "Type")."""
        return _filled(self._catalog.pgettext(context, message), values)


def _filled(text: str, values: dict[str, object]) -> str:
    return text.format(**values) if values else text


@cache
def translator(language: str) -> Translator:
    """The messages in `language`; English (the source text) for a language without a catalog."""
    catalog = _gettext.translation(
        DOMAIN, localedir=locale_dir(), languages=[language], fallback=True
    )
    return Translator(language, catalog)


def month_name(month: int, language: str) -> str:
    """The month's name as written in a date ("April", "april")."""
    _ = translator(language)
    names = (
        _.pgettext("month", "January"),
        _.pgettext("month", "February"),
        _.pgettext("month", "March"),
        _.pgettext("month", "April"),
        _.pgettext("month", "May"),
        _.pgettext("month", "June"),
        _.pgettext("month", "July"),
        _.pgettext("month", "August"),
        _.pgettext("month", "September"),
        _.pgettext("month", "October"),
        _.pgettext("month", "November"),
        _.pgettext("month", "December"),
    )
    return names[month - 1]


def long_day(value: date, language: str = SOURCE_LANGUAGE) -> str:
    """A day as the language writes it in full: "2 April 2025", "2 april 2025"."""
    return f"{value.day} {month_name(value.month, language)} {value.year}"


HEADER_COMMENT = """\
# The messages of postkit's core: PDF records and their messages, in English (the source).
# Made by `postkit translations update` from the sources; translate in the language's .po."""

# --- making the catalogs (development only: needs Babel, from the `test` extra) ---------------


def catalog_path(language: str) -> Path:
    return locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def template_path() -> Path:
    return locale_dir() / f"{DOMAIN}.pot"


def extract_messages() -> Catalog:
    """The messages of postkit/core as a Babel catalog (the .pot's content)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    root = resources_dir().parent
    with (locale_dir() / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    template = Catalog(domain=DOMAIN, fuzzy=False)
    for file_name, line, message, comments, context in extract_from_dir(
        str(root), method_map, options_map, comment_tags=("Translators:",), strip_comment_tags=True
    ):
        template.add(
            message,
            None,
            [(file_name.replace("\\", "/"), line)],
            auto_comments=comments,
            context=context,
        )
    return template


def update_catalogs() -> list[Path]:
    """Bring postkit.pot, every language's .po and its .mo up to date with the sources (for
    `postkit translations update`); returns the files written. New messages come in without a
    translation, changed ones marked fuzzy; neither goes into the .mo until translated."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    template = extract_messages()
    written = [_write_po(template, template_path())]
    for language in LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        path = catalog_path(language)
        if path.exists():
            with path.open("rb") as source:
                catalog = read_po(source, locale=language, domain=DOMAIN)
        else:
            catalog = Catalog(locale=language, domain=DOMAIN, fuzzy=False)
        catalog.update(template)
        written.append(_write_po(catalog, path))
        written.append(compile_catalog(language))
    return written


def compiled_catalog(language: str) -> bytes:
    """The .mo that the language's .po compiles to (fuzzy and untranslated messages left out)."""
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalog_path(language).open("rb") as source:
        catalog = read_po(source, locale=language, domain=DOMAIN)
    # The .po keeps no dates, so Babel would stamp the .mo with the time of compiling: a fixed
    # one makes the same .po compile to the same bytes (and a test can see a stale .mo).
    catalog.creation_date = catalog.revision_date = datetime(2000, 1, 1, tzinfo=UTC)
    out = BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def compile_catalog(language: str) -> Path:
    target = catalog_path(language).with_suffix(".mo")
    target.write_bytes(compiled_catalog(language))
    return target


def _write_po(catalog: Catalog, path: Path) -> Path:
    from io import BytesIO

    from babel.messages.pofile import write_po

    # No line numbers, dates or tool versions: an update without new messages leaves the files
    # as they were, and two branches adding messages merge without conflicts over numbers.
    catalog.header_comment = HEADER_COMMENT
    catalog.project, catalog.version = "postkit", ""
    catalog.msgid_bugs_address = ""
    catalog.last_translator = catalog.language_team = "postkit"
    out = BytesIO()
    write_po(out, catalog, width=100, include_lineno=False, ignore_obsolete=True, omit_header=False)
    text = b"\n".join(
        line
        for line in out.getvalue().split(b"\n")
        if not line.startswith((b'"POT-Creation-Date:', b'"PO-Revision-Date:', b'"Generated-By:'))
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text)
    return path
