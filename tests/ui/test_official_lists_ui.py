"""The lists section and the sanctions panel with several lists, one of them too old."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.paths import resources_dir
from postkit.core.screening import rescreening, sanctions_store
from postkit.core.screening.records import RequestInput
from postkit.core.screening.requests import create_request
from postkit.core.screening.sanctions_store import import_sanctions_list, screen_request
from postkit.ui.screening.page import ScreeningPage
from tests.conftest import TEST_PROFILE
from tests.ui.test_screening import (  # noqa: F401  (autouse fixtures the page needs)
    _british_english,
    _references_pyside_dropped,
)

SAMPLES = resources_dir() / "sanctions"
EU = SAMPLES / "sample-eu-fsf.xml"
UN = SAMPLES / "sample-un-consolidated.xml"
REQUEST = RequestInput(
    company_name="Severnaya Kvarta",
    support_kind="letter_of_support",
    requested_on=date(2026, 11, 30),
)


@pytest.fixture(autouse=True)
def _fresh_matchers() -> Iterator[None]:
    sanctions_store.clear_matcher_cache()
    yield
    sanctions_store.clear_matcher_cache()


def _page(qtbot: QtBot, database: Database, max_age: int) -> ScreeningPage:
    page = ScreeningPage(database, TEST_PROFILE, "en")
    qtbot.addWidget(page)
    page.set_max_list_age_days(max_age)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.reload()
    qtbot.waitUntil(lambda: page.job is None, timeout=10000)
    return page


def test_a_list_older_than_the_setting_is_flagged_where_the_screening_starts(
    qtbot: QtBot, database: Database
) -> None:
    with database.session() as session:
        import_sanctions_list(session, EU, "Tess")
        import_sanctions_list(session, UN, "Tess")
        create_request(session, REQUEST, "Tess")
    age = (date.today() - date(2026, 11, 18)).days  # the UN sample's date

    page = _page(qtbot, database, max_age=age - 1)

    assert f"({age} days old)" in page.list_info.text()
    panel_text = page.sanctions.list_label.text()
    assert f"Older than {age - 1} days" in panel_text
    assert "UN sanctions list" in panel_text.split("Older than")[1]
    assert "EU sanctions list" not in panel_text.split("Older than")[1]  # 2 days younger


def test_no_list_is_flagged_within_the_allowed_age(qtbot: QtBot, database: Database) -> None:
    with database.session() as session:
        import_sanctions_list(session, EU, "Tess")
        create_request(session, REQUEST, "Tess")

    page = _page(qtbot, database, max_age=3650)

    assert "days old" not in page.list_info.text()
    assert "Older than" not in page.sanctions.list_label.text()


def test_opening_the_page_finishes_a_rescreening_left_unfinished(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with database.session() as session:
        import_sanctions_list(session, EU, "Tess")
        request_id = create_request(session, REQUEST, "Tess").id
        screen_request(session, request_id, "Tess")
        monkeypatch.setattr(rescreening, "rescreen_after_import", lambda *_args: None)
        un = import_sanctions_list(session, UN, "Tess")  # as if killed before re-screening
        monkeypatch.undo()

    page = _page(qtbot, database, max_age=3650)

    qtbot.waitUntil(lambda: page.job is None, timeout=10000)
    with database.session() as session:
        report = rescreening.rescreen_report(session, un.id)
    assert [request.request_id for request in report.requests] == [request_id]
    assert page.rescreen_notice.isVisible()
