"""Conditions agreed in a decision: each its own due date and owner, stored as follow-ups."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.followups.records import FollowUpStatus
from postkit.core.followups.service import follow_ups
from postkit.core.screening.records import Outcome
from postkit.ui.ops import Runner
from postkit.ui.screening.page import ScreeningPage
from tests.conftest import TEST_PROFILE
from tests.ui.test_screening import _add, _settle


@pytest.fixture
def page(qtbot: QtBot, runner: Runner) -> ScreeningPage:
    screening = ScreeningPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(screening)
    screening.resize(1200, 800)
    screening.show()
    qtbot.waitExposed(screening)
    assert screening.runner.wait_idle()
    return screening


def test_each_condition_gets_its_own_due_date_and_owner_and_becomes_a_follow_up(
    page: ScreeningPage,
    database: Database,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    request_id = _add(database)
    page.reload(request_id)
    _settle(page)
    page.show_tab(3)
    _settle(page)
    decision = page.decision
    monkeypatch.setattr(decision, "confirm_decision", lambda _decision: True)
    monkeypatch.setattr(decision, "ask_open_steps_reason", lambda _d, _s: "It cannot wait.")
    decision.outcome_buttons[Outcome.SUPPORT_WITH_CONDITIONS].click()
    qtbot.keyClicks(decision.rationale, "Young but serious due diligence.")
    qtbot.keyClicks(decision.conditions, "Sign the IMVO declaration")
    qtbot.keyClick(decision.conditions, "\r")
    qtbot.keyClicks(decision.conditions, "Hand in the supplier audit")
    first_due = date.today() + timedelta(days=14)
    decision.conditions_due.set_value(first_due)
    table = decision.conditions_table
    assert table.isVisibleTo(decision)
    assert table.rowCount() == 2
    assert table.due_edit(1).value() == first_due
    later = date.today() + timedelta(days=120)
    table.due_edit(1).clear()
    qtbot.keyClicks(table.due_edit(1), later.isoformat())
    assert table.due_edit(1).value() == later
    table.owner_edit(1).clear()
    qtbot.keyClicks(table.owner_edit(1), "Piet Planner")
    decision.follow_up_on.set_value(first_due)
    assert decision.decide_button.isEnabled()
    decision.decide_button.click()
    _settle(page)

    with database.session() as session:
        found = follow_ups(session, request_id=request_id)
    assert [(f.data.description, f.data.due_on, f.data.owner, f.status) for f in found] == [
        ("Sign the IMVO declaration", first_due, "Tess Tester", FollowUpStatus.OPEN),
        ("Hand in the supplier audit", later, "Piet Planner", FollowUpStatus.OPEN),
    ]


def test_a_condition_without_a_due_date_keeps_decide_off(
    page: ScreeningPage,
    database: Database,
    qtbot: QtBot,
) -> None:
    request_id = _add(database)
    page.reload(request_id)
    _settle(page)
    page.show_tab(3)
    _settle(page)
    decision = page.decision
    decision.outcome_buttons[Outcome.SUPPORT_WITH_CONDITIONS].click()
    qtbot.keyClicks(decision.rationale, "Why.")
    qtbot.keyClicks(decision.conditions, "Audit")
    decision.conditions_due.set_value(date.today() + timedelta(days=14))
    decision.follow_up_on.set_value(date.today() + timedelta(days=14))
    assert decision.decide_button.isEnabled()
    due = decision.conditions_table.due_edit(0)
    due.selectAll()
    qtbot.keyClick(due, Qt.Key.Key_Backspace)
    assert not decision.decide_button.isEnabled()
    assert "each condition" in decision.due_error.text()
