"""Counts read as English and Dutch write them: one step, never "steps 1"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.screening.records import Answer, RequestInput
from postkit.core.screening.reference import checklist
from postkit.core.screening.requests import answer_item, create_request
from postkit.ui.i18n import apply_locale, install_translators
from postkit.ui.screening.page import ScreeningPage
from tests.conftest import TEST_PROFILE

REQUEST = RequestInput(
    company_name="Tulip Trading B.V.", support_kind="trade_mission", requested_on=date(2025, 5, 1)
)


@pytest.fixture(params=["en", "nl"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QCoreApplication.instance()
    translators = install_translators(app, request.param)
    yield request.param
    for translator in translators:
        app.removeTranslator(translator)
    apply_locale("en")


def test_one_open_step_of_the_checklist_is_named_in_the_singular(
    qtbot: QtBot, database: Database, language: str
) -> None:
    items = checklist()
    with database.session() as session:
        request_id = create_request(session, REQUEST, "Tess").id
        for item in items[:-1]:
            answer_item(session, request_id, item.code, Answer.YES, actor="Tess")
    page = ScreeningPage(database, TEST_PROFILE, language)
    qtbot.addWidget(page)
    page.reload(request_id)
    text = page.decision.open_items_label.text()
    expected = {"en": "1 open step of the checklist:", "nl": "1 open stap van de checklist:"}
    assert expected[language] in text
    if page.job is not None:
        page.job.wait()
