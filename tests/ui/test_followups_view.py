"""The follow-up view: not met offers the guidelines' next step, dropping asks a reason, and
the start notice counts this week's follow-ups in good English and Dutch."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.followups.records import FollowUpInput, FollowUpStatus
from postkit.core.followups.service import decide_with_conditions, follow_ups
from postkit.core.screening.audit import entries_for
from postkit.core.screening.records import Decision, Outcome, RequestInput
from postkit.core.screening.service import create_request
from postkit.ui.followups.page import FollowUpsPage, NotMetDialog
from postkit.ui.i18n import install_translators
from postkit.ui.ops import Runner
from tests.conftest import TEST_PROFILE
from tests.journeys.conftest import answering, open_main_window, type_text

TODAY = date.today()


def _decide(database: Database, *conditions: tuple[str, date]) -> int:
    with database.session() as session:
        request_id = create_request(
            session, RequestInput("Zuidwind B.V.", "trade_mission", TODAY), "Tess"
        ).id
        decide_with_conditions(
            session,
            request_id,
            Decision(Outcome.SUPPORT_WITH_CONDITIONS, "Gaps", open_steps_reason="Now"),
            [FollowUpInput("condition", text, due, "Anna") for text, due in conditions],
            "Tess",
        )
        return request_id


@pytest.fixture
def page(qtbot: QtBot, runner: Runner) -> FollowUpsPage:
    from PySide6.QtGui import QUndoStack

    view = FollowUpsPage(runner, TEST_PROFILE, "en", undo_stack=QUndoStack())
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    assert runner.wait_idle()
    return view


def _not_met(note: str, plan: bool, advice: list[str]):  # type: ignore[no-untyped-def]
    def handler(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, NotMetDialog)
        label = dialog.findChild(QLabel, "next_step")
        advice.append(label.text() if label is not None else "")
        dialog.note_edit.setText(note)
        dialog.plan_check.setChecked(plan)
        dialog.ok_button.click()

    return handler


def test_not_met_plans_a_dialogue_first_then_offers_reconsidering_support(
    qtbot: QtBot, page: FollowUpsPage, database: Database
) -> None:
    request_id = _decide(database, ("Audit", TODAY + timedelta(days=1)), ("Declaration", TODAY))
    page.reload()
    assert page.runner.wait_idle()
    assert page.model.rowCount() == 2
    advice: list[str] = []

    assert page.model.row_at(0).data.description == "Declaration"  # due first
    page.select(page.model.ids()[0])
    with answering(qtbot, _not_met("Not signed after two reminders", True, advice)):
        page.not_met_button.click()
    assert page.runner.wait_idle()
    page.select(
        next(
            i
            for i in page.model.ids()
            if page.model.row_at(page.model.row_of(i)).data.description == "Audit"
        )
    )
    with answering(qtbot, _not_met("No audit either", False, advice)):
        page.not_met_button.click()
    assert page.runner.wait_idle()

    assert "talk with the company" in advice[0]
    assert "reconsider the support" in advice[1]
    with database.session() as session:
        found = {f.data.description: f for f in follow_ups(session, request_id=request_id)}
        logged = [
            e.details for e in entries_for(session, request_id) if e.action == "condition_status"
        ]
    assert found["Declaration"].status is FollowUpStatus.NOT_MET
    assert found["Declaration"].status_note == "Not signed after two reminders"
    planned = found["Dialogue with the company: Declaration"]
    assert (planned.status, planned.data.due_on, planned.data.owner) == (
        FollowUpStatus.OPEN,
        TODAY + timedelta(days=14),
        "Anna",
    )
    assert found["Audit"].status is FollowUpStatus.NOT_MET
    assert [d["next_step"] for d in logged] == ["dialogue", "reconsider"]

    # Undo takes back the second judgement.
    page.undo_stack.undo()
    assert page.runner.wait_idle()
    with database.session() as session:
        audit = next(
            f for f in follow_ups(session, request_id=request_id) if f.data.description == "Audit"
        )
    assert audit.status is FollowUpStatus.OPEN


def test_dropping_asks_for_a_reason(qtbot: QtBot, page: FollowUpsPage, database: Database) -> None:
    request_id = _decide(database, ("Audit", TODAY))
    page.reload()
    assert page.runner.wait_idle()
    page.select(page.model.ids()[0])

    def empty_then_reason(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("   ")
        dialog.accept()

    with answering(qtbot, empty_then_reason, type_text("The company left the market")):
        page.drop_button.click()
    assert page.runner.wait_idle()

    with database.session() as session:
        [audit] = follow_ups(session, request_id=request_id)
    assert (audit.status, audit.status_note) == (
        FollowUpStatus.DROPPED,
        "The company left the market",
    )
    assert page.model.index(0, 1).data() == "Dropped — The company left the market"
    # Free text cut off in its column is whole in the tooltip.
    shown = page.model.index(0, page.model.SOURCE).data()
    assert shown
    assert page.model.index(0, page.model.SOURCE).data(Qt.ItemDataRole.ToolTipRole) == shown


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("en", 1, "1 follow-up due this week"),
        ("en", 3, "3 follow-ups due this week"),
        ("nl", 1, "1 opvolging vervalt deze week"),
        ("nl", 3, "3 opvolgingen vervallen deze week"),
    ],
)
def test_the_start_notice_counts_this_weeks_follow_ups_in_the_language(
    qtbot: QtBot, database: Database, tmp_path, language: str, count: int, expected: str
) -> None:
    monday = TODAY - timedelta(days=TODAY.weekday())
    sunday = monday + timedelta(days=6)
    _decide(
        database,
        *((f"Condition {n}", sunday) for n in range(count)),
        ("Later", sunday + timedelta(days=1)),
    )
    app = QApplication.instance()
    english = install_translators(app, "en") if language == "en" else []
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    try:
        window = open_main_window(qtbot, database, store, language)
        notice = window.modules["followups"].notice  # type: ignore[attr-defined]
        qtbot.waitUntil(notice.isVisible)
        assert notice.text() == expected
        assert window.statusBar().currentMessage() == expected
    finally:
        for translator in english:
            app.removeTranslator(translator)
