"""Counts read as English and Dutch write them: one step, never "steps 1"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.paths import resources_dir
from postkit.core.screening.list_import import import_sanctions_list
from postkit.core.screening.records import Answer, Judgement, RequestInput
from postkit.core.screening.reference import checklist
from postkit.core.screening.sanctions_store import judge_match, screen_request
from postkit.core.screening.service import answer_item, create_request
from postkit.ui.i18n import apply_locale, install_translators
from postkit.ui.ops import Runner
from postkit.ui.screening.page import ScreeningPage
from postkit.ui.screening.sanctions_panel import SanctionsPanel
from tests.conftest import TEST_PROFILE

SAMPLES = resources_dir() / "sanctions"
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
    qtbot: QtBot, database: Database, runner: Runner, language: str
) -> None:
    items = checklist()
    with database.session() as session:
        request_id = create_request(session, REQUEST, "Tess").id
        for item in items[:-1]:
            answer_item(session, request_id, item.code, Answer.YES, actor="Tess")
    page = ScreeningPage(runner, TEST_PROFILE, language)
    qtbot.addWidget(page)
    page.reload(request_id)
    assert page.runner.wait_idle()
    text = page.decision.open_items_label.text()
    expected = {"en": "1 open step of the checklist:", "nl": "1 open stap van de checklist:"}
    assert expected[language] in text
    if page.job is not None:
        page.job.wait()


def test_one_sanctions_candidate_is_named_in_the_singular(
    qtbot: QtBot, database: Database, runner: Runner, language: str
) -> None:
    with database.session() as session:
        import_sanctions_list(session, SAMPLES / "sample-eu-fsf.xml", "Tess")
        data = replace(REQUEST, company_name="Severnaya Kvarta")
        record = screen_request(session, create_request(session, data, "Tess").id, "Tess")
    panel = SanctionsPanel(language)
    qtbot.addWidget(panel)
    (match,) = record.matches

    panel.set_record(record)
    to_judge = panel.notice.text()
    with database.session() as session:
        confirmed = judge_match(session, match.id, Judgement.CONFIRMED, "Same register", "Tess")
    panel.set_record(confirmed)

    expected = {
        "en": ("1 candidate to judge.", "Confirmed as a sanctions match: 1 candidate."),
        "nl": (
            "1 mogelijke treffer te beoordelen.",
            "Bevestigd als treffer op de sanctielijst: 1 mogelijke treffer.",
        ),
    }[language]
    assert to_judge.startswith(expected[0])
    assert panel.notice.text() == expected[1]
    entries = {"en": "of 20/11/2026, 4 entries)", "nl": "van 20-11-2026, 4 vermeldingen)"}
    assert entries[language] in panel.list_label.text()
