"""Journey: screen a company's request for support against the IMVO conditions.

The officer records the request in the dialog, walks the checklist (answering the sanctions
step "No" before any screening), imports the sample sanctions list through the Screening menu,
screens, dismisses the one candidate with a reason, confirms the sanctions answer now that the
result is known, decides "support with conditions", writes the decision record through the
menu, and checks the log. Then the filed PDF is read back and held against what was typed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabBar
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.paths import resources_dir
from postkit.core.screening.records import Answer, Outcome
from postkit.ui.actions import ActionId
from postkit.ui.i18n import install_translators
from postkit.ui.main_window import MainWindow
from postkit.ui.screening.page import (
    CHECKLIST_TAB,
    DECISION_TAB,
    LOG_TAB,
    SANCTIONS_TAB,
    ScreeningPage,
)
from tests.conftest import TEST_PROFILE
from tests.journeys.conftest import (
    EventLoopWatch,
    answering,
    click_button,
    type_file_name,
    type_lines,
)
from tests.pdf_text import pdf_text

SAMPLE_LIST = resources_dir() / "sanctions" / "sample-targets.simple.csv"
COMPANY = "Nordfiction Metals Nederland B.V."  # the sample list holds "Nordfiction Metals GmbH"
DIRECTOR = "Anna Visser"
SANCTIONS_NOTE = "Checked the EU consolidated list by hand"
DISMISSAL = "Other company: registered in Rotterdam in 2015, no link to the GmbH"
RATIONALE = "Due diligence is young but serious; the company agreed to close the gaps."
CONDITIONS = "Add a gender analysis to the risk assessment and report on it."
VERIFY = ("screening", "verify")
NOTES = {
    "imvo_declaration": "Signed declaration received on 2 May",
    "dd_identify": "Risk analysis covers the smelters in its chain",
}


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
    """Click the button once it is there to click, as a person waits for it."""
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled(), timeout=5000)
    button.click()


def _open_tab(qtbot: QtBot, page: ScreeningPage, index: int) -> None:
    bar: QTabBar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.tabs.currentIndex() == index


def _wait_idle(qtbot: QtBot, page: ScreeningPage) -> None:
    """Until the page's jobs, reads and writes are done (what is stored is then shown)."""
    qtbot.waitUntil(lambda: page.job is None and page.runner.is_idle, timeout=20000)


def _record_the_request(qtbot: QtBot, window: MainWindow, page: ScreeningPage) -> None:
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.company_name, COMPANY)
    qtbot.keyClicks(dialog.kvk_number, "90001234")
    qtbot.keyClicks(dialog.directors, DIRECTOR)
    qtbot.keyClicks(dialog.employees, "45")
    dialog.support_kind.setCurrentIndex(dialog.support_kind.findData("trade_mission"))
    dialog.operating_country.setCurrentIndex(dialog.operating_country.findData("KE"))
    assert dialog.ok_button.isEnabled(), dialog.error_label.text()
    _click(qtbot, dialog.ok_button)
    # The page shows the request just recorded (on a post with requests, another may be shown).
    qtbot.waitUntil(
        lambda: page.current_record is not None and page.current_record.data.company_name == COMPANY
    )


def _work_the_checklist(qtbot: QtBot, page: ScreeningPage) -> dict[str, Answer]:
    """Answer every step as the officer found it; the sanctions step "No" before screening."""
    checklist = page.checklist
    assert page.tabs.currentIndex() == CHECKLIST_TAB
    given: dict[str, Answer] = {}
    # The officer works on the step shown, as it comes: asking the panel for all its steps
    # at the start made the twelve not shown yet in one go (a stall of the test's making).
    total = len(checklist.step_buttons)
    for number in range(1, total + 1):
        step = checklist.current_step
        assert step.number == number
        assert checklist.progress_label.text() == f"Step {number} of {total}"
        code = step.item.code
        # Clean answers, but one open point the conditions will address.
        answer = Answer.NO if step.item.red_flag is Answer.YES or code == "gender" else Answer.YES
        _click(qtbot, {Answer.YES: step.yes, Answer.NO: step.no}[answer])
        note = SANCTIONS_NOTE if code == "sanctions" else NOTES.get(code, "")
        if note:
            qtbot.keyClicks(step.note, note)
        given[code] = answer
        _click(qtbot, checklist.next_button)
    assert given["sanctions"] is Answer.NO
    assert page.tabs.currentIndex() == DECISION_TAB, "Finish goes on to the decision"
    _wait_idle(qtbot, page)
    assert page.tabs.tabText(CHECKLIST_TAB) == f"Chec&klist ({total}/{total})"
    return given


def _screen_and_dismiss(qtbot: QtBot, window: MainWindow, page: ScreeningPage) -> None:
    with answering(qtbot, type_file_name(SAMPLE_LIST)):
        window.actions[ActionId.IMPORT_SANCTIONS_LIST].trigger()
    _wait_idle(qtbot, page)
    assert "sample-targets.simple.csv" in page.list_info.text()
    _open_tab(qtbot, page, SANCTIONS_TAB)
    sanctions = page.sanctions
    _click(qtbot, sanctions.screen_button)
    _wait_idle(qtbot, page)
    assert sanctions.model.rowCount() == 1
    sanctions.table.selectRow(0)
    assert sanctions.current_match() is not None
    assert sanctions.current_match().entry_name == "Nordfiction Metals GmbH"  # type: ignore[union-attr]
    with answering(qtbot, type_lines(DISMISSAL)):
        _click(qtbot, sanctions.dismiss_button)
    _wait_idle(qtbot, page)
    assert page.tabs.tabText(SANCTIONS_TAB) == "S&anctions"


def _confirm_the_sanctions_answer(qtbot: QtBot, page: ScreeningPage) -> None:
    _open_tab(qtbot, page, CHECKLIST_TAB)
    checklist = page.checklist
    step = next(step for step in checklist.steps if step.item.code == "sanctions")
    _click(qtbot, checklist.step_buttons[step.number - 1])
    assert checklist.current_step is step
    assert (step.chosen_answer(), step.note.toPlainText()) == (Answer.NO, SANCTIONS_NOTE)
    assert "1 candidate dismissed" in step.hint.text()
    assert "before this result" in step.hint.text()
    _click(qtbot, step.confirm_button)
    _wait_idle(qtbot, page)
    assert not step.confirm_button.isVisible()
    assert step.chosen_answer() is Answer.NO


def _decide(qtbot: QtBot, page: ScreeningPage) -> None:
    _open_tab(qtbot, page, DECISION_TAB)
    decision = page.decision
    _click(qtbot, decision.outcome_buttons[Outcome.SUPPORT_WITH_CONDITIONS])
    qtbot.keyClicks(decision.rationale, RATIONALE)
    qtbot.keyClicks(decision.conditions, CONDITIONS)
    decision.conditions_due.setDate(QDate(date.today() + timedelta(days=90)))
    decision.follow_up_on.setDate(QDate(date.today() + timedelta(days=100)))
    assert decision.decide_button.isEnabled(), decision.decide_notice.text()
    with answering(qtbot, click_button("Decide")):
        _click(qtbot, decision.decide_button)
    qtbot.waitUntil(lambda: page.current_record is not None and page.current_record.is_decided)
    total = len(page.checklist.steps)
    assert page.tabs.tabText(CHECKLIST_TAB) == f"Chec&klist ({total}/{total})"


def _verify_the_log(
    qtbot: QtBot, page: ScreeningPage, database: Database, watch: EventLoopWatch
) -> None:
    _open_tab(qtbot, page, LOG_TAB)
    qtbot.waitUntil(lambda: "hash chain is intact" in page.log_view.chain_notice.text())
    assert page.log_view.entry_count() >= len(page.checklist.steps) + 5
    # The app shows the chain's state on the Log tab; the CLI checks the whole log too.
    with watch.paused():  # the test's own check, not the app's work
        result = subprocess.run(
            [sys.executable, "-m", "postkit", "--db", str(database.engine.url.database), *VERIFY],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
            check=False,
        )
    assert result.returncode == 0, result.stderr
    assert "the chain is intact" in result.stdout


def test_screening_a_request_files_the_record_the_officer_entered(
    main_window: MainWindow,
    qtbot: QtBot,
    database: Database,
    tmp_path: Path,
    event_loop_watch: EventLoopWatch,
) -> None:
    window = main_window
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.screening_page
    assert window.pages.currentWidget() is page

    _record_the_request(qtbot, window, page)
    given = _work_the_checklist(qtbot, page)
    _screen_and_dismiss(qtbot, window, page)
    _confirm_the_sanctions_answer(qtbot, page)
    _decide(qtbot, page)
    target = tmp_path / "filed" / "decision-record.pdf"
    target.parent.mkdir()
    with answering(qtbot, type_file_name(target)):
        window.actions[ActionId.PRINT_DECISION_RECORD].trigger()
    _wait_idle(qtbot, page)
    assert target.read_bytes().startswith(b"%PDF")
    _verify_the_log(qtbot, page, database, event_loop_watch)

    with event_loop_watch.paused():
        text = " ".join(pdf_text(target).split())
    checklist_part = text[text.index("2. Checklist") : text.index("3. Risk summary")]
    sanctions_part = text[text.index("4. Sanctions screening") : text.index("5. Decision")]
    decision_part = text[text.index("5. Decision") : text.index("6. Audit trail")]
    log_part = text[text.index("6. Audit trail") :]
    for expected in (COMPANY, "90001234", DIRECTOR, "Place on a trade mission", "Kenya"):
        assert expected in text, expected
    questions = [" ".join(step.item.question("en").split()) for step in page.checklist.steps]
    starts = [checklist_part.index(question) for question in questions]
    for code, start, end in zip(given, starts, [*starts[1:], len(checklist_part)], strict=True):
        row = checklist_part[start:end]
        label = {Answer.YES: "Yes", Answer.NO: "No"}[given[code]]
        assert re.search(rf"\b{label}\b", row), (code, row)
    assert f"Note: {SANCTIONS_NOTE}" in checklist_part
    assert "Sanctions screening on" in checklist_part and "1 candidate dismissed" in checklist_part
    assert f"by {TEST_PROFILE.user_name}" in checklist_part
    assert "Unknown" not in checklist_part, "no answer was rewritten"
    for note in NOTES.values():
        assert note in checklist_part
    for expected in ("Nordfiction Metals GmbH", "Dismissed: not the same party", DISMISSAL):
        assert expected in sanctions_part, expected
    for expected in ("Support with conditions", RATIONALE, CONDITIONS, TEST_PROFILE.user_name):
        assert expected in decision_part, expected
    for expected in (
        "Answer: Unknown → No",
        f"Note: – → {SANCTIONS_NOTE}",
        "Judgement: Not judged → Dismissed",
        f"Note: – → {DISMISSAL}",
        "Answer confirmed",
        "Outcome: Support with conditions",
    ):
        assert expected in log_part, expected
    assert '{"' not in log_part and "support_with_conditions" not in log_part
