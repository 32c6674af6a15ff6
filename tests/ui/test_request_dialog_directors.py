"""A director's date of birth and nationality, typed after the name in the request dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from postkit.core.screening.records import DirectorDetails, RequestInput
from postkit.ui.i18n import install_translators
from postkit.ui.screening.editor import RequestDialog

DATA = RequestInput(
    company_name="Oranje Delta Agro B.V.",
    support_kind="letter_of_support",
    requested_on=date(2026, 3, 2),
    directors=("Anton Orlovsky", "Erik Jansen"),
    director_details=(DirectorDetails("Anton Orlovsky", "1970-01-31", "RU"),),
)


_installed: list[QTranslator] = []


@pytest.fixture(autouse=True)
def _locale() -> Iterator[None]:
    previous = QLocale()
    yield
    QLocale.setDefault(previous)
    app = QApplication.instance()
    assert app is not None
    while _installed:
        app.removeTranslator(_installed.pop())


def _dialog(qtbot: QtBot, language: str, data: RequestInput | None = None) -> RequestDialog:
    app = QApplication.instance()
    assert app is not None
    _installed.extend(install_translators(app, language))
    dialog = RequestDialog(language, data)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_date_of_birth_and_nationality_typed_after_a_directors_name_are_kept(
    qtbot: QtBot,
) -> None:
    dialog = _dialog(qtbot, "en")
    qtbot.keyClicks(dialog.company_name, "Oranje Delta Agro B.V.")
    dialog.support_kind.setCurrentIndex(0)
    dialog.directors.setFocus()
    qtbot.keyClicks(dialog.directors, "Anton  Orlovsky; 1970-01-31; RU")
    qtbot.keyClick(dialog.directors, "\r")
    qtbot.keyClicks(dialog.directors, "Erik Jansen;; Netherlands")

    data = dialog.request_input()

    assert dialog.ok_button.isEnabled()
    assert data.directors == ("Anton Orlovsky", "Erik Jansen")
    assert data.director_details == (
        DirectorDetails("Anton Orlovsky", "1970-01-31", "RU"),
        DirectorDetails("Erik Jansen", "", "NL"),
    )


def test_the_dutch_dialog_reads_a_dutch_date_and_country_and_says_what_is_wrong(
    qtbot: QtBot,
) -> None:
    dialog = _dialog(qtbot, "nl", DATA)
    assert dialog.directors.toPlainText() == "Anton Orlovsky; 1970-01-31; RU\nErik Jansen"

    dialog.directors.setPlainText("Anton Orlovsky; 31-01-1970; Rusland\nErik Jansen; 1961-02-30")

    assert not dialog.ok_button.isEnabled()
    error = dialog.directors_field.error.text()
    assert "Erik Jansen" in error and "1961-02-30" in error
    assert "geboortedatum" in error
    dialog.directors.setPlainText("Anton Orlovsky; 31-01-1970; Rusland\nErik Jansen; 1961")
    assert dialog.ok_button.isEnabled()
    assert dialog.request_input().director_details == (
        DirectorDetails("Anton Orlovsky", "1970-01-31", "RU"),
        DirectorDetails("Erik Jansen", "1961", ""),
    )
    dialog.directors.setPlainText("Erik Jansen; Atlantis")
    assert "Atlantis" in dialog.directors_field.error.text()
