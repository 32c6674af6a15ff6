"""Journey: a condition agreed in a screening decision is followed up.

The officer records a request, decides "support with conditions" with one condition due
this week and its owner, and closes the app. At the next start the status bar says that a
follow-up is due this week; a click on it opens the follow-up view, where the officer marks
the condition met (and tries Undo and Redo). What was filed is then read back: the
follow-up's status, and the screening log's entry for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.followups.records import FollowUpStatus
from postkit.core.followups.service import follow_ups
from postkit.core.screening.audit import entries_for
from postkit.core.screening.records import Outcome
from postkit.ui.actions import ActionId
from postkit.ui.i18n import install_translators
from postkit.ui.main_window import MainWindow
from postkit.ui.screening.page import DECISION_TAB, ScreeningPage
from tests.journeys.conftest import (
    EventLoopWatch,
    answering,
    open_main_window,
    type_text,
)

COMPANY = "Zonnepark Nederland B.V."
CONDITION = "Hand in the supplier audit of the panel factory"
OWNER = "Piet Planner"


@pytest.fixture(autouse=True)
def _translators_as_at_start() -> Iterator[None]:
    """The translators postkit.ui.app installs at start (English takes its plural forms)."""
    app = QApplication.instance()
    assert app is not None
    installed = install_translators(app, "en")
    yield
    for translator in installed:
        app.removeTranslator(translator)


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled(), timeout=5000)
    button.click()


def _record_and_decide(qtbot: QtBot, window: MainWindow) -> None:
    window.actions[ActionId.SHOW_SCREENING].trigger()
    page: ScreeningPage = window.screening_page
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.company_name, COMPANY)
    dialog.support_kind.setCurrentIndex(dialog.support_kind.findData("trade_mission"))
    _click(qtbot, dialog.ok_button)
    # The new request is shown once recorded (over demo data another is shown before).
    qtbot.waitUntil(
        lambda: (
            page.current_record is not None and page.current_record.data.company_name == COMPANY
        ),
        timeout=20000,
    )
    assert window.runner.wait_idle()
    page.tabs.setCurrentIndex(DECISION_TAB)
    decision = page.decision
    _click(qtbot, decision.outcome_buttons[Outcome.SUPPORT_WITH_CONDITIONS])
    qtbot.keyClicks(decision.rationale, "Serious company; one gap in its chain.")
    qtbot.keyClicks(decision.conditions, CONDITION)
    qtbot.keyClicks(decision.conditions_due, date.today().isoformat())
    qtbot.keyClicks(decision.follow_up_on, date.today().isoformat())
    owner = decision.conditions_table.owner_edit(0)
    owner.selectAll()
    qtbot.keyClicks(owner, OWNER)
    assert decision.decide_button.isEnabled(), decision.decide_notice.text()
    # The checklist is left open: the officer says why the decision cannot wait.
    with answering(qtbot, type_text("The mission leaves on Monday.", "Decide anyway")):
        _click(qtbot, decision.decide_button)
    qtbot.waitUntil(lambda: page.current_record is not None and page.current_record.is_decided)


@pytest.mark.slow
def test_a_condition_due_this_week_is_announced_at_start_and_marked_met(
    qtbot: QtBot,
    main_window: MainWindow,
    database: Database,
    journey_settings: QSettings,
    event_loop_watch: EventLoopWatch,
) -> None:
    _record_and_decide(qtbot, main_window)
    assert main_window.runner is not None and main_window.runner.wait_idle()
    main_window.close()

    window = open_main_window(qtbot, database, journey_settings)
    notice = window.modules["followups"].notice  # type: ignore[attr-defined]
    qtbot.waitUntil(notice.isVisible, timeout=5000)
    assert notice.text() == "1 follow-up due this week"
    qtbot.mouseClick(notice, Qt.MouseButton.LeftButton)
    assert window.current_module == "followups"
    page = window.followups_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    row = page.model.row_at(0)
    assert (row.data.description, row.data.owner, row.company_name) == (CONDITION, OWNER, COMPANY)
    assert page.model.index(0, 1).data() == "Open"

    table = page.table
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(page.model.index(0, 3)).center(),
    )
    assert window.actions[ActionId.FOLLOW_UP_MET].isEnabled()
    window.actions[ActionId.FOLLOW_UP_MET].trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.index(0, 1).data() == "Met")
    qtbot.waitUntil(lambda: not notice.isVisible())
    assert not window.actions[ActionId.FOLLOW_UP_MET].isEnabled()

    # Undo puts it back open (the notice with it), Redo marks it met again.
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.index(0, 1).data() == "Open")
    qtbot.waitUntil(notice.isVisible)
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: page.model.index(0, 1).data() == "Met")
    assert window.runner is not None and window.runner.wait_idle()

    with event_loop_watch.paused(), database.session() as session:
        [filed] = follow_ups(session)
        assert (filed.status, filed.data.due_on, filed.data.owner) == (
            FollowUpStatus.MET,
            date.today(),
            OWNER,
        )
        logged = [
            e.details["status"]["new"]
            for e in entries_for(session, filed.data.request_id or 0)
            if e.action == "condition_status"
        ]
    assert logged == ["met", "open", "met"]
