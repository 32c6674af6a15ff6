from __future__ import annotations

import ctypes
import importlib.abc
import re
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.errors import PostkitError
from postkit.core.paths import resources_dir
from postkit.core.screening import reference
from postkit.core.screening.audit import entries_for
from postkit.core.screening.list_import import import_sanctions_list
from postkit.core.screening.records import (
    Answer,
    Judgement,
    MatchRecord,
    Outcome,
    RequestInput,
    RequestRecord,
    RequestRow,
    Status,
)
from postkit.core.screening.service import answer_item, create_request, get_request
from postkit.ui.i18n import apply_locale, install_translators
from postkit.ui.ops import Runner
from postkit.ui.screening import page as page_module
from postkit.ui.screening.checklist import STATE_COLORS, ChecklistPanel, _StepButton
from postkit.ui.screening.editor import RequestDialog
from postkit.ui.screening.page import CHECKLIST_TAB, DECISION_TAB, LOG_TAB, ScreeningPage
from postkit.ui.screening.request_list import RequestList
from postkit.ui.screening.sanctions_panel import MatchTableModel
from postkit.ui.screening.table_model import RequestTableModel
from postkit.ui.widgets.tones import tone_color
from tests.conftest import TEST_PROFILE
from tests.ui.threads import functions_of, process_jobs

SAMPLE_LIST = resources_dir() / "sanctions" / "sample-targets.simple.csv"
TULIP = RequestInput(
    company_name="Tulip Trading B.V.",
    support_kind="trade_mission",
    requested_on=date(2025, 5, 1),
    directors=("Anna de Vries", "Pieter van der Fictiehoven"),
    operating_country="KE",
    operating_sector="floriculture",
    handled_by="Tess Tester",
)


def _void_call_drops_none() -> bool:
    """PySide6 6.12.0 on CPython 3.11 returns None from void calls without a reference to it.

    From CPython 3.12 None is immortal and the missing reference does no harm; on 3.11 the
    interpreter aborts once None's count reaches zero, usually while it shuts down.
    """
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(10):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


_DROPS_NONE = sys.version_info < (3, 12) and _void_call_drops_none()


@pytest.fixture(autouse=True)
def _references_pyside_dropped() -> Iterator[None]:
    """Give None and True back the references the page's many Qt calls take from them.

    Only with the bug above; None and True are never freed, so extra references cost
    nothing. Remove this once postkit runs on CPython 3.12+ or a fixed PySide6.
    """
    yield
    if _DROPS_NONE:
        for singleton in (None, True, False):
            for _ in range(_TOP_UP):
                ctypes.pythonapi.Py_IncRef(ctypes.py_object(singleton))


_TOP_UP = 20_000


@pytest.fixture(autouse=True)
def _british_english() -> Iterator[None]:
    """Dates and numbers as the main window sets them for English."""
    previous = QLocale()
    apply_locale("en")
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def page(qtbot: QtBot, runner: Runner) -> Iterator[ScreeningPage]:
    screening = ScreeningPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(screening)
    screening.resize(1200, 800)
    screening.show()
    qtbot.waitExposed(screening)
    assert screening.runner.wait_idle()
    screening.activateWindow()
    qtbot.waitActive(screening)
    yield screening
    if screening.job is not None:
        screening.job.wait()


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(page_module, "show_error", lambda _parent, error: shown.append(str(error)))
    return shown


def _add(database: Database, data: RequestInput = TULIP) -> int:
    with database.session() as session:
        return create_request(session, data, "Tess").id


def _stored(database: Database, request_id: int):  # type: ignore[no-untyped-def]
    with database.session() as session:
        return get_request(session, request_id)


def _settle(page: ScreeningPage) -> None:
    """Wait for the page's reads and writes: it shows what is stored once they are back."""
    assert page.runner.wait_idle()


def _on_its_checklist(page: ScreeningPage, database: Database) -> int:
    """A request added and shown on the checklist tab; its id."""
    request_id = _add(database)
    page.reload(request_id)
    _settle(page)
    page.show_tab(CHECKLIST_TAB)
    _settle(page)
    return request_id


def _screen(qtbot: QtBot, page: ScreeningPage) -> None:
    page.sanctions.screen_button.click()
    _settle(page)
    assert page.job is None


# -- list -----------------------------------------------------------------------------------


def test_an_empty_database_shows_how_to_start(page: ScreeningPage) -> None:
    assert page.detail_stack.currentWidget() is page.empty_label
    assert "No support requests yet" in page.empty_label.text()
    assert "Ctrl+Shift+N" in page.empty_label.text()
    assert page.request_list.stack.currentWidget() is page.request_list.empty_label


def test_the_request_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RequestTableModel("en")
    model.set_rows(
        [
            RequestRow(
                1, "Tulip", "trade_mission", date(2025, 5, 1), Status.OPEN, None, "T", None, 2
            ),
            RequestRow(
                2,
                "Acme",
                "matchmaking",
                date(2025, 4, 1),
                Status.DECIDED,
                Outcome.SUPPORT_WITH_CONDITIONS,
                "T",
                date(2025, 6, 1),
                0,
            ),
        ],
        today=date(2025, 7, 1),
    )
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data() == "Acme"
    assert model.index(0, 3).data() == "Support with conditions"
    assert model.index(1, 6).data() == 2
    assert model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole) == "The follow-up is due"


def test_the_candidates_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    def candidate(match_id: int, name: str, score: float, judgement: Judgement) -> MatchRecord:
        return MatchRecord(
            match_id,
            "Acme BV",
            "company",
            f"e{match_id}",
            name,
            "Company",
            {},
            score,
            name,
            (),
            judgement=judgement,
            list_source="eu",
        )

    model = MatchTableModel()
    model.set_matches(
        (
            candidate(7, "ACME B.V.", 96, Judgement.OPEN),
            candidate(9, "Acme Ltd", 81, Judgement.DISMISSED),
        ),
        new_ids=frozenset({9}),
    )
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "ACME B.V."
    assert model.index(0, 2).data() == "96"
    assert model.index(1, 3).data().endswith("· new")
    assert model.index(1, 0).data(Qt.ItemDataRole.UserRole) == 9
    assert model.row_of(9) == 1


def test_search_and_status_filter_narrow_the_list(
    page: ScreeningPage, database: Database, qtbot: QtBot
) -> None:
    _add(database)
    _add(database, RequestInput("Acme Flowers", "matchmaking", date(2025, 4, 2)))
    page.reload()
    _settle(page)
    requests = page.request_list
    assert requests.model.rowCount() == 2
    qtbot.keyClicks(requests.search, "fictiehoven")
    _settle(page)
    assert [requests.model.row_at(r).company_name for r in range(requests.model.rowCount())] == [
        TULIP.company_name
    ]
    requests.search.clear()
    _settle(page)
    requests.status.setCurrentIndex(requests.status.findData(Status.DECIDED))
    _settle(page)
    assert requests.model.rowCount() == 0
    assert "No request matches" in requests.empty_label.text()


def test_the_list_sizes_its_columns_from_one_row_per_distinct_text_as_qt_would(
    qtbot: QtBot, runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Qt's resizeColumnToContents read up to a thousand rows through the model's Python
    # data() at every reload: ~110 ms on the GUI thread for a post with many requests.
    requests = RequestList(runner, "en")
    qtbot.addWidget(requests)
    requests.show()
    rows = [
        RequestRow(
            n,
            f"Company {n}",
            "trade_mission",
            date(2025, 1 + n % 12, 1 + n % 28),
            Status.DECIDED if n % 3 else Status.OPEN,
            Outcome.SUPPORT_WITH_CONDITIONS if n % 3 == 1 else Outcome.SUPPORT if n % 3 else None,
            "Tess",
            date(2025, 6, 1) if n % 3 == 1 else None,
            n % 4,
        )
        for n in range(1, 401)
    ]
    requests.model.set_rows(rows)
    header = requests.table.horizontalHeader()
    shown = [c for c in range(1, requests.model.columnCount()) if not header.isSectionHidden(c)]
    asked: list[int] = []
    data = RequestTableModel.data

    def counting(model: RequestTableModel, index: QModelIndex, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            asked.append(index.row())
        return data(model, index, role)

    monkeypatch.setattr(RequestTableModel, "data", counting)
    requests.fit_columns()
    company = requests.preferred_width()
    assert len(asked) < 20 * (len(shown) + 1)  # a few rows per column, not all 400
    fitted = [header.sectionSize(c) for c in shown]
    for column in shown:
        requests.table.resizeColumnToContents(column)
    assert fitted == [header.sectionSize(c) for c in shown]
    assert requests._content_width(0) == requests.table.sizeHintForColumn(0)
    assert requests.preferred_width() == company


def test_the_page_is_built_before_its_checklist_and_decision_which_follow_on_later_turns(
    qtbot: QtBot, runner: Runner, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Built with the page, the thirteen checklist steps and the decision panel held the
    # first visit to the module for a third of a second.
    request_id = _add(database)
    with database.session() as session:
        first = reference.checklist()[0].code
        answer_item(session, request_id, first, Answer.YES, "Seen.", actor="Tess")
    page = ScreeningPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(page)
    assert page._checklist is None and page._decision is None
    assert not page.parts_built
    page.show()
    qtbot.waitUntil(lambda: page.parts_built)
    assert page.tabs.widget(CHECKLIST_TAB).isAncestorOf(page.checklist)
    assert page.tabs.widget(DECISION_TAB).isAncestorOf(page.decision)

    # A record shown before its panel was built is in the panel once it is.
    monkeypatch.setattr(ScreeningPage, "_build_next_part", lambda _page: None)
    later = ScreeningPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(later)
    later.show()
    assert later.runner.wait_idle()
    qtbot.waitUntil(lambda: later.current_record is not None)
    assert later._checklist is None and later._decision is None
    assert later.checklist.steps[0].chosen_answer() is Answer.YES
    assert later.checklist.steps[0].note.toPlainText() == "Seen."
    assert later.decision._record == later.current_record
    assert "once the request is decided" in later.decision.print_hint.text()


# -- the request dialog ---------------------------------------------------------------------


def test_creating_a_request_through_the_dialog(
    page: ScreeningPage, database: Database, qtbot: QtBot
) -> None:
    dialog = page.new_request()
    assert isinstance(dialog, RequestDialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.company_name, "Tulip Trading B.V.")
    dialog.support_kind.setCurrentIndex(dialog.support_kind.findData("letter_of_support"))
    dialog.directors.setPlainText("Anna de Vries\n\n  Bram   Bos \nAnna de Vries")
    qtbot.keyClicks(dialog.employees, "650")
    qtbot.keyClicks(dialog.turnover, "45,000,000")
    assert dialog.large_badge.text() == "Large company"
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    _settle(page)

    [row] = page.request_list.model._rows
    record = _stored(database, row.id)
    assert record.data.company_name == "Tulip Trading B.V."
    assert record.data.directors == ("Anna de Vries", "Bram Bos")
    assert record.data.turnover_eur == 45_000_000
    assert record.data.operating_country == TEST_PROFILE.countries[0]
    assert record.created_by == TEST_PROFILE.user_name
    assert page.current_request_id() == row.id
    assert page.tabs.currentIndex() == CHECKLIST_TAB


def test_the_dialog_says_what_is_wrong_next_to_the_field(page: ScreeningPage, qtbot: QtBot) -> None:
    dialog = page.new_request()
    qtbot.keyClicks(dialog.company_name, "Tulip")
    dialog.support_kind.setCurrentIndex(0)
    qtbot.keyClicks(dialog.kvk_number, "1234")
    assert not dialog.ok_button.isEnabled()
    assert "8 digits" in dialog.kvk_field.error.text()
    assert dialog.kvk_field.error.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.kvk_number, "5678")
    qtbot.keyClicks(dialog.balance_sheet, "1.5")
    assert "whole euros" in dialog.balance_field.error.text()
    assert not dialog.ok_button.isEnabled()
    dialog.balance_sheet.clear()
    qtbot.keyClicks(dialog.employees, "120")
    assert dialog.large_badge.text() == "Not large"
    dialog.has_needed_by.setChecked(True)
    dialog.needed_by.setDate(dialog.requested_on.date().addDays(-3))
    assert "before the request" in dialog.needed_field.error.text()
    dialog.needed_by.setDate(dialog.requested_on.date().addDays(3))
    assert dialog.ok_button.isEnabled()
    dialog.turnover.setText("45000000")
    dialog.turnover.editingFinished.emit()
    assert dialog.turnover.text() == "45,000,000"
    dialog.reject()


# -- the checklist --------------------------------------------------------------------------


def test_walking_the_checklist_with_keys_and_buttons_stores_each_answer(
    page: ScreeningPage, database: Database, qtbot: QtBot
) -> None:
    request_id = _on_its_checklist(page, database)
    checklist = page.checklist
    items = reference.checklist()
    assert checklist.current_index == 0
    assert checklist.progress_label.text() == f"Step 1 of {len(items)}"

    qtbot.keyClick(checklist.current_step.yes, Qt.Key.Key_1)
    qtbot.keyClicks(checklist.current_step.note, "Signed on 2 May")
    checklist.next_button.click()
    _settle(page)
    assert _stored(database, request_id).answer("imvo_declaration").answer is Answer.YES
    assert _stored(database, request_id).answer("imvo_declaration").note == "Signed on 2 May"
    assert checklist.progress_label.text() == f"Step 2 of {len(items)}"

    step = checklist.current_step
    qtbot.keyClick(step.yes, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    # An access key clicks its button the way a mouse would: a moment later.
    qtbot.waitUntil(lambda: step.chosen_answer() is Answer.NO)
    assert step.red_flag_banner.isVisible()
    step.links.setPlainText("not a link")
    checklist.next_button.click()
    _settle(page)
    assert checklist.current_index == 1, "a bad link keeps the officer on the step"
    assert "Not a web or e-mail link" in step.links_error.text()
    step.links.setPlainText("https://example.org/policy")
    qtbot.keyClick(checklist, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    _settle(page)
    assert checklist.current_index == 2
    answer = _stored(database, request_id).answer("dd_embed")
    assert (answer.answer, answer.links) == (Answer.NO, ("https://example.org/policy",))

    qtbot.keyClick(checklist.current_step.yes, Qt.Key.Key_3)
    checklist.back_button.click()
    _settle(page)
    assert checklist.current_index == 1
    assert _stored(database, request_id).answer("dd_identify").answer is Answer.UNKNOWN
    assert checklist.summary_label.text().startswith("2 of")
    assert "red flags: 1" in checklist.summary_label.text()


def test_answers_and_evidence_read_neither_the_list_nor_the_lists_section_again(
    page: ScreeningPage, database: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Read again after every step, the whole list was shown and fitted again while the
    # officer typed the next note (a long turn at ten times the demo data); no line of it,
    # and no candidate to judge, depends on the checklist.
    request_id = _on_its_checklist(page, database)
    reloads: list[int] = []
    page.request_list.reloaded.connect(lambda: reloads.append(1))
    lists_read: list[int] = []
    read_lists = page_module.read_current_lists
    monkeypatch.setattr(
        page_module, "read_current_lists", lambda s: lists_read.append(1) or read_lists(s)
    )
    checklist = page.checklist

    qtbot.keyClick(checklist.current_step.yes, Qt.Key.Key_1)
    qtbot.keyClicks(checklist.current_step.note, "Signed on 2 May")
    checklist.next_button.click()
    _settle(page)
    evidence = database.files_dir.parent / "policy.txt"
    evidence.write_text("Our IMVO policy", encoding="utf-8")
    page._add_evidence("imvo_declaration", evidence)
    _settle(page)

    stored = _stored(database, request_id)
    assert stored.answer("imvo_declaration").note == "Signed on 2 May"
    assert [file.file_name for file in stored.answer("imvo_declaration").evidence] == ["policy.txt"]
    assert checklist.summary_label.text().startswith("1 of")
    assert (reloads, lists_read) == ([], [])

    dialog = RequestDialog("en", page.current_record.data)  # type: ignore[union-attr]
    qtbot.addWidget(dialog)
    dialog.company_name.setText("Tulip Trading Holding B.V.")
    page._update(request_id, dialog)
    _settle(page)
    assert (reloads, lists_read) == ([1], [1]), "a change the list shows reads it again"
    assert page.request_list.model.index(0, 0).data() == "Tulip Trading Holding B.V."


def test_an_answer_is_saved_when_the_officer_leaves_the_tab_or_the_request(
    page: ScreeningPage, database: Database, qtbot: QtBot
) -> None:
    first = _add(database)
    second = _add(database, RequestInput("Acme Flowers", "matchmaking", date(2025, 4, 2)))
    page.reload(first)
    _settle(page)
    page.show_tab(CHECKLIST_TAB)
    _settle(page)
    qtbot.keyClick(page.checklist.current_step.yes, Qt.Key.Key_2)
    page.show_tab(0)
    _settle(page)
    assert _stored(database, first).answer("imvo_declaration").answer is Answer.NO

    page.show_tab(CHECKLIST_TAB)
    _settle(page)
    page.checklist.go_to(9)
    _settle(page)
    qtbot.keyClick(page.checklist.current_step.yes, Qt.Key.Key_1)
    page.select_request(second)
    _settle(page)
    assert page.current_request_id() == second
    assert _stored(database, first).answer("ncp_allegations").answer is Answer.YES


def test_an_answer_that_could_not_be_stored_takes_the_officer_back_to_it(
    page: ScreeningPage,
    database: Database,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    request_id = _add(database)
    page.reload(request_id)
    _settle(page)
    page.show_tab(CHECKLIST_TAB)
    checklist = page.checklist
    first = checklist.current_step
    qtbot.keyClick(first.yes, Qt.Key.Key_1)
    qtbot.keyClicks(first.note, "Signed on 2 May")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PostkitError("The disk is full.")

    monkeypatch.setattr(page_module.service, "answer_item", refuse)
    checklist.next_button.click()
    _settle(page)

    assert errors == ["The disk is full."]
    assert checklist.current_step is first, "back on the step whose answer was not stored"
    assert (first.chosen_answer(), first.note.toPlainText()) == (Answer.YES, "Signed on 2 May")
    assert first.is_dirty
    assert _stored(database, request_id).answer(first.item.code).updated_at is None


def test_evidence_is_attached_and_removed(
    page: ScreeningPage, database: Database, tmp_path: Path
) -> None:
    request_id = _add(database)
    page.reload(request_id)
    _settle(page)
    declaration = tmp_path / "declaration.txt"
    declaration.write_text("signed", encoding="utf-8")
    step = page.checklist.current_step
    step.evidence_add_requested.emit(step.item.code, declaration)
    _settle(page)
    assert [f.file_name for f in step.evidence_files()] == ["declaration.txt"]
    assert [f.file_name for f in _stored(database, request_id).answer(step.item.code).evidence] == [
        "declaration.txt"
    ]
    step.evidence.setCurrentRow(0)
    step.remove_button.click()
    _settle(page)
    assert step.evidence_files() == []
    assert _stored(database, request_id).answer(step.item.code).evidence == ()


# -- sanctions ------------------------------------------------------------------------------


def test_importing_a_list_and_screening_run_in_a_process_of_their_own(
    page: ScreeningPage, database: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Storing a list's entries and matching names held the interpreter on a worker
    # thread, and the window with it, for up to a quarter of a second at 10x the demo data.
    request_id = _add(database)
    page.reload(request_id)
    _settle(page)
    works = process_jobs(monkeypatch)
    page.import_sanctions_list(SAMPLE_LIST)
    _settle(page)
    assert page.job is None
    assert "sample-targets.simple.csv" in page.list_info.text()
    _screen(qtbot, page)

    assert functions_of(works) == ["import_list_and_read_lists", "screen_request"]
    record = _stored(database, request_id)
    assert record.screened_at is not None
    assert page.sanctions.model.rowCount() == len(record.matches) > 0


def test_screening_against_the_sample_list_and_judging_candidates(
    page: ScreeningPage, database: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    request_id = _add(database)
    page.reload(request_id)
    _settle(page)
    assert not page.sanctions.screen_button.isEnabled(), "no list imported yet"
    with database.session() as session:
        import_sanctions_list(session, SAMPLE_LIST, "Tess")
    page.reload(request_id)
    _settle(page)
    assert "sample-targets.simple.csv" in page.list_info.text()
    _screen(qtbot, page)

    record = _stored(database, request_id)
    assert record.screened_at is not None
    hits = [m for m in record.matches if m.entry_name == "Pieter van der Fictiehoven"]
    assert hits and hits[0].judgement is Judgement.OPEN
    sanctions = page.sanctions
    assert sanctions.model.rowCount() == len(record.matches)
    assert "Screened" in sanctions.list_label.text()
    sanctions.select_match(hits[0].id)
    shown = [label.text() for label in sanctions.details.findChildren(QLabel)]
    assert "pk-sample-016" in shown
    assert sanctions.explanation.text()

    notes = iter(["Same name and date of birth as in the KvK extract", "Other person"])
    monkeypatch.setattr(sanctions, "ask_note", lambda _match, _judgement: next(notes))
    sanctions.confirm_button.click()
    _settle(page)
    confirmed = next(m for m in _stored(database, request_id).matches if m.id == hits[0].id)
    assert confirmed.judgement is Judgement.CONFIRMED
    assert confirmed.judgement_note.startswith("Same name")
    assert confirmed.judged_by == TEST_PROFILE.user_name

    sanctions.select_match(hits[0].id)
    sanctions.dismiss_button.click()
    _settle(page)
    dismissed = next(m for m in _stored(database, request_id).matches if m.id == hits[0].id)
    assert (dismissed.judgement, dismissed.judgement_note) == (Judgement.DISMISSED, "Other person")

    monkeypatch.setattr(sanctions, "ask_note", lambda _match, _judgement: None)
    sanctions.select_match(hits[0].id)
    sanctions.confirm_button.click()
    _settle(page)
    still = next(m for m in _stored(database, request_id).matches if m.id == hits[0].id)
    assert still.judgement is Judgement.DISMISSED, "cancelling the note changes nothing"


# -- decision -------------------------------------------------------------------------------


OPEN_STEPS_REASON = "The mission leaves tomorrow; the company sends its plan next week."


def _decide_with_conditions(page: ScreeningPage, qtbot: QtBot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    decision = page.decision
    monkeypatch.setattr(decision, "confirm_decision", lambda _decision: True)
    # TULIP's checklist is left open: the officer says why the decision cannot wait.
    monkeypatch.setattr(
        decision, "ask_open_steps_reason", lambda _decision, _steps: OPEN_STEPS_REASON
    )
    assert not decision.decide_button.isEnabled()
    decision.outcome_buttons[Outcome.SUPPORT_WITH_CONDITIONS].click()
    qtbot.keyClicks(decision.rationale, "Due diligence is young but serious.")
    assert decision.conditions_box.isVisibleTo(decision)
    assert not decision.decide_button.isEnabled()
    assert "follow the conditions up" in decision.follow_up_error.text()
    qtbot.keyClicks(decision.conditions, "Add a gender analysis to the risk assessment.")
    decision.conditions_due.set_value(date.today() + timedelta(days=90))
    decision.follow_up_on.set_value(date.today() + timedelta(days=100))
    assert decision.decide_button.isEnabled()
    decision.decide_button.click()
    _settle(page)


def test_deciding_with_conditions(
    page: ScreeningPage, database: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    request_id = _add(database)
    page.reload(request_id)
    _settle(page)
    page.show_tab(3)
    _settle(page)
    _decide_with_conditions(page, qtbot, monkeypatch)

    record = _stored(database, request_id)
    assert record.status is Status.DECIDED
    assert record.decision is not None
    assert record.decision.outcome is Outcome.SUPPORT_WITH_CONDITIONS
    assert record.decision.follow_up_on == date.today() + timedelta(days=100)
    assert record.decided_by == TEST_PROFILE.user_name
    assert page.decision.decided_card.isVisibleTo(page.decision)
    assert not page.decision.form_card.isVisibleTo(page.decision)
    assert page.status_badge.text() == "Support with conditions"
    assert page.request_list.model.row_at(0).outcome is Outcome.SUPPORT_WITH_CONDITIONS


def test_a_decision_waits_for_open_sanctions_candidates(
    page: ScreeningPage, database: Database, qtbot: QtBot
) -> None:
    with database.session() as session:
        import_sanctions_list(session, SAMPLE_LIST, "Tess")
    request_id = _add(database)
    page.reload(request_id)
    _settle(page)
    _screen(qtbot, page)
    decision = page.decision
    decision.outcome_buttons[Outcome.SUPPORT].click()
    qtbot.keyClicks(decision.rationale, "Fine")
    assert not decision.decide_button.isEnabled()
    assert "Sanctions tab" in decision.decide_notice.text()


def test_a_decided_request_is_read_only_until_reopened_with_a_reason(
    page: ScreeningPage,
    database: Database,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    request_id = _add(database)
    page.reload(request_id)
    _settle(page)
    _decide_with_conditions(page, qtbot, monkeypatch)

    step = page.checklist.current_step
    assert not step.yes.isEnabled()
    assert step.note.isReadOnly()
    assert not step.attach_button.isEnabled()
    assert page.checklist.notice.isVisibleTo(page.checklist)
    qtbot.keyClick(page.checklist, Qt.Key.Key_1)
    assert step.chosen_answer() is None
    assert not page.request_view.edit_button.isEnabled()
    assert not page.sanctions.screen_button.isEnabled()
    assert page.edit_request() is None
    assert errors and "reopen it first" in errors[0]

    monkeypatch.setattr(page.decision, "ask_reason", lambda: None)
    page.decision.reopen_button.click()
    _settle(page)
    assert _stored(database, request_id).is_decided, "cancelling keeps the decision"

    monkeypatch.setattr(page.decision, "ask_reason", lambda: "The company sent a new plan")
    page.decision.reopen_button.click()
    _settle(page)
    record = _stored(database, request_id)
    assert record.status is Status.OPEN
    with database.session() as session:
        last = entries_for(session, request_id)[-1]
    assert (last.action, last.details["reason"]) == ("reopened", "The company sent a new plan")
    assert page.checklist.current_step.yes.isEnabled()
    assert page.request_view.edit_button.isEnabled()
    assert page.log_view.tree.topLevelItem(page.log_view.entry_count() - 1).text(2) == "Reopened"


def test_the_decision_record_prints_to_a_pdf(
    page: ScreeningPage,
    database: Database,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    request_id = _add(database)
    page.reload(request_id)
    _settle(page)
    assert not page.decision.print_button.isEnabled()
    _decide_with_conditions(page, qtbot, monkeypatch)
    target = tmp_path / "out" / "record"
    target.parent.mkdir()
    asked: list[str] = []

    def ask(_title: str, suggested: str, _filter: str) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(page, "ask_save_path", ask)
    page.decision.print_button.click()
    _settle(page)
    written = target.with_suffix(".pdf")
    assert written.read_bytes().startswith(b"%PDF")
    assert asked[0].startswith(f"decision-record-{request_id}-tulip")


def test_the_decision_record_is_written_in_a_process_of_its_own(
    page: ScreeningPage,
    database: Database,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # Loading reportlab and reading the fonts blocked the window for a quarter of a second
    # the first time a record was printed; laying out a long log on a worker thread held
    # the interpreter, and the window with it, at ten times the demo data.
    request_id = _add(database)
    page.reload(request_id)
    _settle(page)
    _decide_with_conditions(page, qtbot, monkeypatch)
    module = "postkit.core.screening.decision_record"
    monkeypatch.delitem(sys.modules, module, raising=False)
    threads: list[threading.Thread] = []

    class Watch(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, *_args: object) -> None:
            if name == module:
                threads.append(threading.current_thread())

    monkeypatch.setattr(sys, "meta_path", [Watch(), *sys.meta_path])
    works = process_jobs(monkeypatch)
    monkeypatch.setattr(page, "ask_save_path", lambda *_args: tmp_path / "record.pdf")
    page.decision.print_button.click()
    _settle(page)
    assert (tmp_path / "record.pdf").read_bytes().startswith(b"%PDF")
    assert functions_of(works) == ["write_decision_record_file"]
    assert threads == []  # the writer was never loaded in the app's process


def test_a_tab_chosen_before_its_panel_was_built_shows_the_panel_at_once(
    qtbot: QtBot, runner: Runner, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(database)
    monkeypatch.setattr(ScreeningPage, "_build_next_part", lambda _page: None)
    page = ScreeningPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.current_record is not None)
    assert page._checklist is None and page._decision is None

    page.show_tab(DECISION_TAB)
    assert page._decision is not None and page._decision.isVisible()
    page.show_tab(CHECKLIST_TAB)
    assert page._checklist is not None and page._checklist.isVisible()
    assert page.checklist.current_step.isVisible()


def test_the_logs_chain_is_checked_when_the_log_tab_shows_it_and_not_with_every_request(
    page: ScreeningPage, database: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Checked with every request shown, its first check hashed the whole log on the runner
    # (18 ms at ten times the demo data), whose Python work delays the window.
    first = _add(database)
    second = _add(database, RequestInput("Acme Flowers", "matchmaking", date(2025, 4, 2)))
    checks: list[int] = []
    verify = page_module.verify_chain
    monkeypatch.setattr(
        page_module, "verify_chain", lambda *a, **k: checks.append(1) or verify(*a, **k)
    )
    page.reload(first)
    _settle(page)
    page.select_request(second)
    _settle(page)
    assert page.current_record is not None and page.current_record.id == second
    notice = page.log_view.chain_notice
    assert checks == [] and notice.text() == ""

    page.show_tab(LOG_TAB)
    _settle(page)
    assert checks == [1]
    assert notice.text() == "The log's hash chain is intact (2 entries checked)."
    page.select_request(first)  # on the Log tab: checked with the request read
    _settle(page)
    assert page.current_record is not None and page.current_record.id == first
    assert checks == [1, 1]
    assert notice.text() == "The log's hash chain is intact (2 entries checked)."

    page.show_tab(0)
    _settle(page)
    with database.session() as session:
        answer_item(session, first, "imvo_declaration", Answer.YES, "", (), actor="Tess")
    page.select_request(second)
    _settle(page)
    assert checks == [1, 1] and notice.text() == "", "no count left from before the change"
    page.show_tab(LOG_TAB)
    _settle(page)
    assert notice.text() == "The log's hash chain is intact (3 entries checked)."


def _answered(database: Database, answers: dict[str, tuple[Answer, str]]) -> RequestRecord:
    """A new request with `answers` (item code -> answer, note) stored, as read back."""
    request_id = _add(database)
    with database.session() as session:
        for code, (answer, note) in answers.items():
            answer_item(session, request_id, code, answer, note, actor="Tess")
    return _stored(database, request_id)


def _checklist_panel(qtbot: QtBot, tmp_path: Path) -> ChecklistPanel:
    panel = ChecklistPanel(tmp_path, "en")
    qtbot.addWidget(panel)
    return panel


def test_the_checklist_makes_the_shown_step_first_and_the_others_one_per_turn(
    qtbot: QtBot, tmp_path: Path, database: Database
) -> None:
    # Thirteen steps made at once held the screening page's first show.
    items = reference.checklist()
    record = _answered(database, {items[-1].code: (Answer.NO, "Not found.")})
    panel = _checklist_panel(qtbot, tmp_path)
    assert panel.stack.count() == 1  # the step shown
    panel.set_record(record)
    panel.set_hints({items[-1].code: "From the register"})
    panel.set_expectations([items[-1].code])
    # What the strip says of steps not made yet comes from the record.
    assert panel.step_buttons[-1].state == "answered"
    assert panel.answered_count() == 1
    made = []
    while panel.stack.count() < len(items) and len(made) < 2 * len(items):
        QApplication.processEvents()
        made.append(panel.stack.count())
    assert made == list(range(2, len(items) + 1))  # one more per turn
    last = panel.steps[-1]
    assert last.chosen_answer() is Answer.NO
    assert last.note.toPlainText() == "Not found."
    assert last.hint.text() == "From the register"
    assert not last.is_red_flag  # not expected of this company
    assert [step.number for step in panel.steps] == list(range(1, len(items) + 1))


def test_a_request_answered_far_makes_its_open_step_alone_and_the_others_in_order_later(
    qtbot: QtBot, tmp_path: Path, database: Database
) -> None:
    # Showing step 13 made the twelve before it in the same turn (a stall of ~100 ms).
    items = reference.checklist()
    record = _answered(database, {item.code: (Answer.YES, "") for item in items[:-1]})
    panel = _checklist_panel(qtbot, tmp_path)
    panel.set_record(record)

    assert panel.stack.count() == 2  # the first step, made with the panel, and the open one
    assert panel.current_index == len(items) - 1
    assert panel.current_step.number == len(items)
    assert panel.progress_label.text() == f"Step {len(items)} of {len(items)}"
    assert panel.answered_count() == len(items) - 1
    qtbot.waitUntil(lambda: panel.stack.count() == len(items))
    numbers = [panel.stack.widget(position).number for position in range(len(items))]
    assert numbers == list(range(1, len(items) + 1))
    assert panel.current_step.number == len(items)  # still the step shown
    assert panel.steps[5].chosen_answer() is Answer.YES
    panel.back()
    assert panel.current_step.number == len(items) - 1


def test_the_step_dots_are_painted_without_style_sheets_and_typing_repaints_none(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Thirteen dots with a style sheet each took most of the checklist's build, and every
    # keystroke in a note gave each dot a new sheet: typing a sentence blocked the window.
    panel = ChecklistPanel(tmp_path, "en")
    qtbot.addWidget(panel)
    panel.show()
    assert all(button.styleSheet() == "" for button in panel.step_buttons)
    repainted: list[int] = []
    update = _StepButton.update

    def counting(button: _StepButton, *args: object) -> None:
        if button in panel.step_buttons:  # not a panel an earlier test's page builds late
            repainted.append(panel.step_buttons.index(button))
        update(button, *args)

    monkeypatch.setattr(_StepButton, "update", counting)
    qtbot.keyClicks(panel.current_step.note, "Checked the register")
    assert repainted == []
    panel.current_step.yes.click()
    assert repainted == [0]  # its answer gives it a colour
    fill, _text, _ring = panel.step_buttons[0].colors()
    assert fill.name() == QColor(STATE_COLORS["answered"][0]).name()
    repainted.clear()
    panel.go_to(1, save=False)
    assert sorted(repainted) == [0, 1]  # the ring of the step shown moves
    assert panel.step_buttons[1].isChecked() and not panel.step_buttons[0].isChecked()
    assert panel.step_buttons[1].ring_width() == 3
    assert panel.step_buttons[0].ring_width() == 1
    assert panel.step_buttons[1].colors()[2] == tone_color("info")
    assert all(button.styleSheet() == "" for button in panel.step_buttons)


def test_the_cards_leave_their_fields_to_the_apps_style_and_draw_their_frame(
    qtbot: QtBot,
) -> None:
    # A style sheet on each card put every field of the decision form under Qt's
    # style-sheet style, several times slower to polish and paint.
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QPlainTextEdit

    from postkit.ui.screening.cards import Card
    from postkit.ui.screening.decision_panel import DecisionPanel

    panel = DecisionPanel("en")
    qtbot.addWidget(panel)
    panel.resize(700, 900)
    panel.show()
    qtbot.waitExposed(panel)
    fields = [
        widget
        for widget in panel.findChildren(QWidget)
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QAbstractButton, QAbstractItemView))
    ]
    assert len(fields) > 10
    styles = {widget.style().metaObject().className() for widget in fields}
    assert styles == {QApplication.style().metaObject().className()}
    card = panel.findChildren(Card)[0]
    assert card.styleSheet() == ""
    image = card.grab().toImage()
    middle = image.pixelColor(card.width() // 2, card.height() - 3)
    assert middle == card.palette().color(QPalette.ColorRole.Base)  # filled with the base
    edge = image.pixelColor(card.width() // 2, 0)
    assert edge != middle  # and framed


def test_the_risk_summary_reads_in_dutch_in_the_dutch_interface(
    qtbot: QtBot, database: Database
) -> None:
    from postkit.core.screening.risk import risk_summary
    from postkit.ui.screening.decision_panel import DecisionPanel

    request_id = _add(database, replace(TULIP, operating_country="SD"))
    with database.session() as session:
        record = get_request(session, request_id)
        summary = risk_summary(session, record)
    panel = DecisionPanel("nl")
    qtbot.addWidget(panel)

    panel.set_record(record, summary)

    assert "Landenrisico van Soedan: hoog" in panel.factors_label.text()
    assert "weegt hoog" in panel.factors_label.text()
    assert "country risk" not in panel.factors_label.text()
    assert panel.advice_label.text().startswith("Onvolledig: 13 stappen open.")


def test_deciding_with_open_steps_lists_them_and_keeps_the_reason(
    page: ScreeningPage, database: Database, qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from postkit.ui.screening.decision_panel import OpenStepsDialog
    from tests.journeys.conftest import answering, click_button
    from tests.pdf_text import pdf_text

    request_id = _on_its_checklist(page, database)
    qtbot.keyClick(page.checklist.current_step.yes, Qt.Key.Key_1)
    page.show_tab(3)
    _settle(page)
    decision = page.decision
    assert decision.level_badge.text() == "Incomplete"
    assert decision.advice_label.text().startswith("Incomplete: 12 steps open.")
    assert "2, 3, 4" in decision.open_items_label.text()
    decision.outcome_buttons[Outcome.SUPPORT].click()
    qtbot.keyClicks(decision.rationale, "A small grower with a good name.")
    shown: list[list[str]] = []

    def cancel_after_reading(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, OpenStepsDialog)
        shown.append([dialog.steps.item(row).text() for row in range(dialog.steps.count())])
        assert not dialog.decide_button.isEnabled(), "no reason yet"
        click_button("Cancel")(dialog)

    with answering(qtbot, cancel_after_reading):
        decision.decide_button.click()
        _settle(page)
    assert not _stored(database, request_id).is_decided
    [steps] = shown
    assert len(steps) == 12
    second = reference.checklist()[1]
    assert steps[0] == f"Step 2: {second.en}"
    assert steps[-1].startswith("Step 13: ")

    def give_a_reason(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.reason_edit, OPEN_STEPS_REASON)
        click_button("Decide anyway")(dialog)

    with answering(qtbot, give_a_reason):
        decision.decide_button.click()
        _settle(page)
    record = _stored(database, request_id)
    assert record.is_decided
    assert record.decision.open_steps_reason == OPEN_STEPS_REASON
    assert len(record.decision.open_steps) == 12

    target = tmp_path / "record.pdf"
    monkeypatch.setattr(page, "ask_save_path", lambda *_args: target)
    decision.print_button.click()
    _settle(page)
    text = " ".join(pdf_text(target).split())
    assert f"Reason to decide anyway {OPEN_STEPS_REASON}" in text
    assert "Decided with open steps Step 2, Step 3" in text


def test_a_complete_checklist_is_confirmed_without_asking_for_a_reason(
    page: ScreeningPage, database: Database, qtbot: QtBot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    with database.session() as session:
        import_sanctions_list(session, SAMPLE_LIST, "Tess")
    request_id = _add(database, replace(TULIP, directors=(), employees=30))
    page.reload(request_id)
    _settle(page)
    _screen(qtbot, page)
    page.show_tab(CHECKLIST_TAB)
    _settle(page)
    for index, item in enumerate(reference.checklist()):
        if item.code == "company_size":  # known from the figures
            continue
        page.checklist.go_to(index)
        _settle(page)
        key = Qt.Key.Key_2 if item.red_flag is Answer.YES else Qt.Key.Key_1
        qtbot.keyClick(page.checklist.current_step.yes, key)
    page.show_tab(3)
    _settle(page)
    decision = page.decision
    assert decision.open_items_label.text() == ""
    assert decision.level_badge.text() == "High risk"  # floriculture is a high-risk sector
    asked: list[str] = []
    monkeypatch.setattr(decision, "ask_open_steps_reason", lambda *_a: asked.append("x"))
    monkeypatch.setattr(decision, "confirm_decision", lambda _decision: True)
    decision.outcome_buttons[Outcome.SUPPORT].click()
    qtbot.keyClicks(decision.rationale, "Due diligence in place.")
    decision.decide_button.click()
    _settle(page)

    record = _stored(database, request_id)
    assert record.is_decided and asked == []
    assert (record.decision.open_steps, record.decision.open_steps_reason) == ((), "")


def test_one_step_numbering_on_the_checklist_and_in_the_risk_summary(
    page: ScreeningPage, database: Database, qtbot: QtBot
) -> None:
    _on_its_checklist(page, database)
    checklist = page.checklist
    index = reference.checklist_codes().index("dd_prevent")
    checklist.go_to(index)
    _settle(page)
    qtbot.keyClick(checklist.current_step.yes, Qt.Key.Key_2)
    page.show_tab(3)
    _settle(page)

    number = index + 1
    assert checklist.progress_label.text() == f"Step {number} of 13"
    question = checklist.current_step.question.text()
    assert f"Step {number}: {question}" in page.decision.factors_label.text()
    for item in reference.checklist():
        for text in (item.en, item.nl):
            assert not re.search(r"\b(step|stap) \d", text, re.IGNORECASE), text


def test_an_element_not_expected_of_an_sme_is_no_red_flag_on_the_checklist(
    page: ScreeningPage, database: Database, qtbot: QtBot
) -> None:
    small = replace(TULIP, employees=12, operating_country="NL", operating_sector="insurance")
    request_id = _add(database, small)
    page.reload(request_id)
    _settle(page)
    page.show_tab(CHECKLIST_TAB)
    _settle(page)
    checklist = page.checklist
    communicate = reference.checklist_codes().index("dd_communicate")
    identify = reference.checklist_codes().index("dd_identify")

    checklist.go_to(communicate)
    _settle(page)
    step = checklist.current_step
    qtbot.keyClick(step.yes, Qt.Key.Key_2)
    checklist.go_to(identify)
    _settle(page)
    qtbot.keyClick(checklist.current_step.yes, Qt.Key.Key_2)
    checklist.go_to(identify + 1)
    _settle(page)

    assert step.expectation.isVisibleTo(step)
    assert not step.red_flag_banner.isVisibleTo(step)
    assert not checklist.steps[identify].expectation.isVisibleTo(checklist.steps[identify])
    assert checklist.steps[identify].red_flag_banner.isVisibleTo(checklist.steps[identify])
    assert "red flags: 1" in checklist.summary_label.text()
    assert page.request_view.expected.text().startswith("Expected: lighter due diligence")


# -- the officer's answers stay the officer's ------------------------------------------------


def _answer_all_but_sanctions(page: ScreeningPage, qtbot: QtBot) -> None:
    checklist = page.checklist
    for index, step in enumerate(checklist.steps):
        if step.item.code == "sanctions":
            continue
        checklist.go_to(index)
        _settle(page)
        clean = Qt.Key.Key_2 if step.item.red_flag is Answer.YES else Qt.Key.Key_1
        qtbot.keyClick(step.yes, clean)
    checklist.go_to(len(checklist.steps) - 1)
    _settle(page)


def _dismiss_all(page: ScreeningPage, database: Database, request_id: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(page.sanctions, "ask_note", lambda _match, _judgement: "Other person")
    for match in _stored(database, request_id).matches:
        page.sanctions.select_match(match.id)
        page.sanctions.dismiss_button.click()
        _settle(page)


def test_deciding_leaves_every_answer_as_the_officer_left_it(
    page: ScreeningPage, database: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    with database.session() as session:
        import_sanctions_list(session, SAMPLE_LIST, "Tess")
    request_id = _on_its_checklist(page, database)
    _answer_all_but_sanctions(page, qtbot)
    assert page.checklist.current_step.item.code == "sanctions"
    page.show_tab(2)
    _settle(page)
    _screen(qtbot, page)
    _dismiss_all(page, database, request_id, monkeypatch)
    before = _stored(database, request_id).answers
    tab_title = page.tabs.tabText(CHECKLIST_TAB)

    page.show_tab(3)
    _settle(page)
    _decide_with_conditions(page, qtbot, monkeypatch)

    record = _stored(database, request_id)
    assert record.is_decided
    assert record.answers == before
    assert page.tabs.tabText(CHECKLIST_TAB) == tab_title


def test_an_answer_stored_since_it_was_shown_is_shown_not_saved_over(
    page: ScreeningPage, database: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    request_id = _on_its_checklist(page, database)
    page.checklist.go_to(len(page.checklist.steps) - 1)
    _settle(page)
    with database.session() as session:  # another window on the same post database
        answer_item(session, request_id, "sanctions", Answer.NO, "Seen by Ann", actor="Ann")

    page.reload(request_id)
    _settle(page)

    step = page.checklist.current_step
    assert (step.chosen_answer(), step.note.toPlainText()) == (Answer.NO, "Seen by Ann")
    page.show_tab(3)
    _settle(page)
    _decide_with_conditions(page, qtbot, monkeypatch)
    answer = _stored(database, request_id).answer("sanctions")
    assert (answer.answer, answer.note, answer.updated_by) == (Answer.NO, "Seen by Ann", "Ann")


@pytest.fixture
def english_plurals() -> Iterator[None]:
    """The main window's English translator, which gives the plural forms ("1 candidate")."""
    app = QApplication.instance()
    assert app is not None
    installed = install_translators(app, "en")
    yield
    for translator in installed:
        app.removeTranslator(translator)


@pytest.mark.usefixtures("english_plurals")
def test_the_sanctions_step_shows_the_screening_result_and_the_officer_confirms(
    page: ScreeningPage, database: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    with database.session() as session:
        import_sanctions_list(session, SAMPLE_LIST, "Tess")
    request_id = _on_its_checklist(page, database)
    checklist = page.checklist
    checklist.go_to(len(checklist.steps) - 1)
    _settle(page)
    step = checklist.current_step
    assert "Not screened yet" in step.hint.text()
    qtbot.keyClick(step.yes, Qt.Key.Key_2)
    qtbot.keyClicks(step.note, "Checked the EU list by hand")
    page.show_tab(2)
    _settle(page)
    _screen(qtbot, page)
    _dismiss_all(page, database, request_id, monkeypatch)
    page.show_tab(CHECKLIST_TAB)
    _settle(page)

    today = QLocale().toString(date.today(), QLocale.FormatType.LongFormat)
    assert f"Sanctions screening on {today}: 1 candidate dismissed." in step.hint.text()
    assert "“No”" in step.hint.text() and "before this result" in step.hint.text()
    assert (step.chosen_answer(), step.note.toPlainText()) == (
        Answer.NO,
        "Checked the EU list by hand",
    )
    assert step.confirm_button.isVisible()
    step.confirm_button.click()
    _settle(page)

    answer = _stored(database, request_id).answer("sanctions")
    assert (answer.answer, answer.note) == (Answer.NO, "Checked the EU list by hand")
    with database.session() as session:
        last = entries_for(session, request_id)[-1]
    assert (last.action, last.actor) == ("confirmed", TEST_PROFILE.user_name)
    assert not step.confirm_button.isVisible()
    assert "before this result" not in step.hint.text()
