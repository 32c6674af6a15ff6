from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.screening import sanctions_store
from postkit.core.screening.list_import import import_sanctions_list
from postkit.core.screening.records import Decision, Judgement, MatchRecord, Outcome
from postkit.core.screening.sanctions_store import judge_match, screen_request
from postkit.core.screening.service import create_request, decide, get_request
from postkit.ui.ops import Runner
from postkit.ui.screening.page import SANCTIONS_TAB, ScreeningPage
from tests.conftest import TEST_PROFILE
from tests.core.test_rescreening import (
    ADDED_ENTRY,
    DELTA,
    FIRST_LIST,
    NOTE,
    OPEN_REASON,
    _write_list,
)
from tests.ui.test_screening import (  # noqa: F401  (autouse fixtures the page needs)
    _british_english,
    _references_pyside_dropped,
    english_plurals,
)


@pytest.fixture(autouse=True)
def _fresh_matchers() -> Iterator[None]:
    sanctions_store.clear_matcher_cache()
    yield
    sanctions_store.clear_matcher_cache()


@pytest.fixture
def lists(tmp_path: Path) -> tuple[Path, Path]:
    return (
        _write_list(tmp_path / "targets-2025-01.csv", FIRST_LIST),
        _write_list(tmp_path / "targets-2025-02.csv", [*FIRST_LIST, ADDED_ENTRY]),
    )


def _screened_and_dismissed(database: Database, first: Path, decided: bool = False) -> int:
    with database.session() as session:
        import_sanctions_list(session, first, "Tess", today=date.today())
        request_id = create_request(session, DELTA, "Tess").id
        (candidate,) = screen_request(session, request_id, "Tess").matches
        judge_match(session, candidate.id, Judgement.DISMISSED, NOTE, "Ama Mensah")
        if decided:
            decide(
                session,
                request_id,
                Decision(Outcome.SUPPORT, "No risks.", open_steps_reason=OPEN_REASON),
                "Tess",
            )
    return request_id


@pytest.fixture
def page(qtbot: QtBot, runner: Runner) -> Iterator[ScreeningPage]:
    screening = ScreeningPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(screening)
    screening.resize(1200, 800)
    screening.show()
    qtbot.waitExposed(screening)
    assert screening.runner.wait_idle()
    yield screening
    if screening.job is not None:
        screening.job.wait()


def _import(qtbot: QtBot, page: ScreeningPage, path: Path) -> None:
    page.import_sanctions_list(path)
    assert page.runner.wait_idle()
    assert page.job is None


def _cells(page: ScreeningPage) -> dict[str, str]:
    model = page.sanctions.model
    return {
        model.match_at(row).entry_id: model.index(row, 3).data(Qt.ItemDataRole.DisplayRole)
        for row in range(model.rowCount())
    }


def _match(page: ScreeningPage, entry_id: str) -> MatchRecord:
    model = page.sanctions.model
    return next(
        model.match_at(row)
        for row in range(model.rowCount())
        if model.match_at(row).entry_id == entry_id
    )


@pytest.mark.usefixtures("english_plurals")
def test_after_importing_a_newer_list_the_page_shows_the_new_candidate_and_the_one_judged_before(
    page: ScreeningPage, database: Database, qtbot: QtBot, lists: tuple[Path, Path]
) -> None:
    request_id = _screened_and_dismissed(database, lists[0])
    page.reload(request_id)
    assert page.runner.wait_idle()
    assert not page.rescreen_notice.isVisibleTo(page)

    _import(qtbot, page, lists[1])

    notice = page.rescreen_notice
    assert notice.isVisibleTo(page)
    assert f"request:{request_id}'>Oranje Delta Agro B.V.</a> (1)" in notice.text()
    page.show_tab(0)
    notice.linkActivated.emit(f"request:{request_id}")
    assert page.runner.wait_idle()
    assert page.tabs.currentIndex() == SANCTIONS_TAB
    assert page.current_request_id() == request_id
    assert _cells(page) == {"nk-jansen": "To judge · new", "nk-fictiehoven": "Dismissed · earlier"}
    sanctions = page.sanctions
    assert "1 candidate to judge (1 new, from the newer sanctions list)" in sanctions.notice.text()

    dismissed = _match(page, "nk-fictiehoven")
    sanctions.select_match(dismissed.id)
    shown = sanctions.judgement_label.text()
    assert "Already judged before this screening, not asked again" in shown
    assert "Ama Mensah" in shown and "born 1972" in shown
    assert not sanctions.dismiss_button.isEnabled(), "not asked again"

    new = _match(page, "nk-jansen")
    with database.session() as session:
        record = judge_match(session, new.id, Judgement.DISMISSED, "Born 1961", "Tess")
    page._after_change(record)
    assert page.runner.wait_idle()
    assert not notice.isVisibleTo(page), "nothing new is left to judge"
    assert _cells(page)["nk-jansen"] == "Dismissed"


@pytest.mark.usefixtures("english_plurals")
def test_a_decided_request_says_that_new_candidates_wait_for_reopening(
    page: ScreeningPage, database: Database, qtbot: QtBot, lists: tuple[Path, Path]
) -> None:
    request_id = _screened_and_dismissed(database, lists[0], decided=True)
    page.reload(request_id)
    assert page.runner.wait_idle()

    _import(qtbot, page, lists[1])

    assert "(1, decided: reopen it to judge them)" in page.rescreen_notice.text()
    page.select_request(request_id)
    assert page.runner.wait_idle()
    assert "found 1 new candidate after the decision" in page.sanctions.notice.text()
    assert "reopen the request" in page.sanctions.notice.text()
    with database.session() as session:
        assert get_request(session, request_id).is_decided
