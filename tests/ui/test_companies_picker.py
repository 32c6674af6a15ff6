"""The company picker as a user drives it: typing looks the register up, the list follows the
last text typed, Enter takes a match or creates the company; the activity editor uses it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from postkit.core.activities.listing import activity_ids
from postkit.core.activities.service import get_activity
from postkit.core.companies.models import CompanyRow
from postkit.core.companies.records import CompanyData
from postkit.core.companies.service import (
    company_lines,
    create_company,
    find_or_create_company,
    lookup_companies,
)
from postkit.core.db import Database
from postkit.ui.actions import ActionId
from postkit.ui.main_window import MainWindow
from postkit.ui.ops import Runner
from postkit.ui.widgets.company_picker import CompanyPicker, CompanySource


def _add(database: Database, name: str, kvk: str | None = None) -> int:
    with database.session() as session:
        return create_company(session, CompanyData(name=name, kvk_number=kvk), "Tess").id


@pytest.fixture
def source(runner: Runner) -> CompanySource:
    return CompanySource(
        runner,
        lookup_companies,
        company_lines,
        lambda session, name: find_or_create_company(session, name, "Tess"),
    )


@pytest.fixture
def picker(qtbot: QtBot, source: CompanySource) -> Iterator[CompanyPicker]:
    widget = CompanyPicker(source)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.search.setFocus()
    yield widget
    source.runner.wait_idle()


def _hits(picker: CompanyPicker) -> list[str]:
    return [picker.hits.item(row).text() for row in range(picker.hits.rowCount())]


def _type(qtbot: QtBot, picker: CompanyPicker, text: str) -> None:
    qtbot.keyClicks(picker.search, text)
    assert picker._source.runner.wait_idle()


def _take(qtbot: QtBot, picker: CompanyPicker, row: int) -> None:
    popup = picker.completer.popup()
    assert popup.isVisible()
    for _ in range(row + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker._source.runner.wait_idle()


def test_typing_shows_the_matches_of_the_last_text_and_enter_takes_one(
    qtbot: QtBot, picker: CompanyPicker, database: Database
) -> None:
    tulip = _add(database, "Tulip Trading B.V.", "12345678")
    _add(database, "Delta Dredging")
    _type(qtbot, picker, "d")
    assert _hits(picker) == ["Delta Dredging", "Create new company “d”"]
    picker.search.clear()
    _type(qtbot, picker, "t")
    assert _hits(picker) == ["Tulip Trading B.V. · KvK 12345678", "Create new company “t”"]
    # Each keystroke asks anew; the list shows the answer to the last text only.
    _type(qtbot, picker, "ul")
    assert _hits(picker) == ["Tulip Trading B.V. · KvK 12345678", "Create new company “tul”"]
    _take(qtbot, picker, 0)
    assert picker.ids() == (tulip,)
    assert picker.names() == ["Tulip Trading B.V."]
    assert picker.search.text() == ""
    # The KvK number finds it too; a company already chosen is not added twice.
    _type(qtbot, picker, "1234")
    _take(qtbot, picker, 0)
    assert picker.ids() == (tulip,)


def test_create_new_company_when_nothing_fits_adds_it_only_when_the_host_saves(
    qtbot: QtBot, picker: CompanyPicker, database: Database
) -> None:
    _type(qtbot, picker, "Nieuw Handelshuis")
    assert _hits(picker) == ["Create new company “Nieuw Handelshuis”"]
    _take(qtbot, picker, 0)
    assert _register(database) == []
    assert picker.ids() == ()
    assert picker.names() == ["Nieuw Handelshuis"]
    saved: list[tuple[int, ...]] = []
    picker.create_pending(lambda: saved.append(picker.ids()))
    assert picker._source.runner.wait_idle()
    [(new_id, name)] = _register(database)
    assert name == "Nieuw Handelshuis"
    assert saved == [(new_id,)]
    assert picker.names() == ["Nieuw Handelshuis"]


def _register(database: Database) -> list[tuple[int, str]]:
    with database.session() as session:
        return [tuple(row) for row in session.execute(select(CompanyRow.id, CompanyRow.name))]


def _create_in_activity_editor(qtbot: QtBot, window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    window.actions[ActionId.NEW_ACTIVITY].trigger()
    editor = window.modules["activities"].editor
    assert editor is not None and editor.company_picker is not None
    editor.core_task.setCurrentIndex(editor.core_task.findData(3))
    qtbot.keyClicks(editor.title_edit, "Advice on the supply chain")
    editor.tabs.setCurrentIndex(2)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.company_picker.search.setFocus()
    _type(qtbot, editor.company_picker, name)
    _take(qtbot, editor.company_picker, 0)
    return editor


def test_a_company_created_in_a_cancelled_activity_editor_is_not_kept(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    editor = _create_in_activity_editor(qtbot, window, "Kericho Tea Estates")
    assert editor.company_picker.names() == ["Kericho Tea Estates"]
    qtbot.mouseClick(
        editor.buttons.button(editor.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert window.runner is not None and window.runner.wait_idle()
    assert _register(database) == []

    editor = _create_in_activity_editor(qtbot, window, "Kericho Tea Estates")
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.modules["activities"].editor is None)
    assert window.runner.wait_idle()
    [(kericho, _name)] = _register(database)
    with database.session() as session:
        [activity_id] = activity_ids(session)
        assert get_activity(session, activity_id).data.company_ids == (kericho,)


def test_removing_a_chosen_company(qtbot: QtBot, picker: CompanyPicker, database: Database) -> None:
    first, second = _add(database, "Alpha Agro"), _add(database, "Beta Bank")
    picker.set_ids([first, second])
    assert picker._source.runner.wait_idle()
    assert picker.names() == ["Alpha Agro", "Beta Bank"]
    assert not picker.remove_button.isEnabled()
    picker.chosen.setCurrentRow(0)
    qtbot.mouseClick(picker.remove_button, Qt.MouseButton.LeftButton)
    assert picker.ids() == (second,)


def test_the_activity_editor_links_named_companies_and_counts_the_unnamed(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    tulip = _add(database, "Tulip Trading B.V.")
    window.actions[ActionId.NEW_ACTIVITY].trigger()
    editor = window.modules["activities"].editor
    assert editor is not None and editor.company_picker is not None
    editor.core_task.setCurrentIndex(editor.core_task.findData(3))
    qtbot.keyClicks(editor.title_edit, "Round table on due diligence")
    editor.tabs.setCurrentIndex(2)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.company_picker.search.setFocus()
    _type(qtbot, editor.company_picker, "tulip")
    _take(qtbot, editor.company_picker, 0)
    editor.companies.setValue(5)
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert window.runner is not None and window.runner.wait_idle()
    with database.session() as session:
        [activity_id] = activity_ids(session)
        record = get_activity(session, activity_id)
    assert record.data.company_ids == (tulip,)
    assert record.data.unnamed_companies == 5

    # Editing shows the linked company by name.
    window.modules["activities"].commands.open_editor(activity_id)
    assert window.runner.wait_idle()
    editor = window.modules["activities"].editor
    assert editor.company_picker.names() == ["Tulip Trading B.V."]
    editor.reject()


def test_the_request_dialog_fills_the_company_from_the_register(
    qtbot: QtBot, runner: Runner, database: Database
) -> None:
    from postkit.ui.screening.page import ScreeningPage
    from tests.conftest import TEST_PROFILE

    with database.session() as session:
        tulip = create_company(
            session,
            CompanyData(
                name="Tulip Trading B.V.",
                kvk_number="12345678",
                country="KE",
                sector="floriculture",
                employees=650,
                turnover_eur=45_000_000,
            ),
            "Tess",
        ).id
    page = ScreeningPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(page)
    page.show()
    assert runner.wait_idle()
    dialog = page.new_request()
    assert dialog.company_picker is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.company_picker.search.setFocus()
    _type(qtbot, dialog.company_picker, "tulip")
    _take(qtbot, dialog.company_picker, 0)
    assert dialog.company_id == tulip
    data = dialog.request_input()
    assert (data.company_name, data.kvk_number, data.company_country, data.company_sector) == (
        "Tulip Trading B.V.",
        "12345678",
        "KE",
        "floriculture",
    )
    assert (data.employees, data.turnover_eur) == (650, 45_000_000)
    # Searching again lets go of the company until another is picked.
    qtbot.keyClicks(dialog.company_picker.search, "x")
    assert dialog.company_id is None
    dialog.reject()
    assert runner.wait_idle()


def test_the_practice_editor_names_the_companies_involved(
    qtbot: QtBot, source: CompanySource, database: Database, tmp_path: Path
) -> None:
    from postkit.ui.practices.editor import PracticeDialog

    tulip = _add(database, "Tulip Trading B.V.")
    dialog = PracticeDialog(tmp_path, "en", companies=source)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.tabs.setCurrentIndex(3)
    assert dialog.company_picker is not None
    dialog.company_picker.search.setFocus()
    _type(qtbot, dialog.company_picker, "tulip")
    _take(qtbot, dialog.company_picker, 0)
    assert dialog.company_ids() == (tulip,)
    # Delete in the list of chosen companies takes one off.
    dialog.company_picker.chosen.setCurrentRow(0)
    dialog.company_picker.chosen.setFocus()
    qtbot.keyClick(dialog.company_picker.chosen, Qt.Key.Key_Delete)
    assert dialog.company_ids() == ()


def test_a_company_created_in_the_request_dialog_is_added_only_when_the_request_is_saved(
    qtbot: QtBot, runner: Runner, database: Database
) -> None:
    from postkit.core.screening.models import SupportRequestRow
    from postkit.ui.screening.page import ScreeningPage
    from tests.conftest import TEST_PROFILE

    page = ScreeningPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(page)
    page.show()
    assert runner.wait_idle()

    def create(name: str):  # type: ignore[no-untyped-def]
        dialog = page.new_request()
        assert dialog.company_picker is not None
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.company_picker.search.setFocus()
        _type(qtbot, dialog.company_picker, name)
        _take(qtbot, dialog.company_picker, 0)
        assert dialog.company_name.text() == name
        dialog.support_kind.setCurrentIndex(dialog.support_kind.findData("trade_mission"))
        return dialog

    dialog = create("Zonnepark Nederland B.V.")
    dialog.reject()
    assert runner.wait_idle()
    assert _register(database) == []

    dialog = create("Zonnepark Nederland B.V.")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.current_record is not None)
    assert runner.wait_idle()
    [(zonnepark, name)] = _register(database)
    assert name == "Zonnepark Nederland B.V."
    with database.session() as session:
        [linked] = session.scalars(select(SupportRequestRow.company_id)).all()
    assert linked == zonnepark


def test_picking_a_company_shows_its_earlier_requests_and_decisions(
    qtbot: QtBot, runner: Runner, database: Database
) -> None:
    from datetime import date

    from postkit.core.screening.records import Decision, Outcome, RequestInput
    from postkit.core.screening.service import create_request, decide
    from postkit.ui.screening.page import ScreeningPage
    from tests.conftest import TEST_PROFILE

    tulip = _add(database, "Tulip Trading B.V.", "12345678")
    with database.session() as session:
        for on, kind in ((date(2025, 3, 1), "trade_mission"), (date(2026, 2, 2), "matchmaking")):
            request = create_request(
                session,
                RequestInput(
                    company_name="Tulip Trading B.V.",
                    support_kind=kind,
                    requested_on=on,
                    company_id=tulip,
                ),
                "Ana",
            )
            if kind == "trade_mission":
                decide(
                    session,
                    request.id,
                    Decision(
                        Outcome.SUPPORT_WITH_CONDITIONS,
                        "One gap in the chain.",
                        conditions="Share the due diligence plan",
                        conditions_due=date(2025, 6, 1),
                        follow_up_on=date(2025, 6, 1),
                        open_steps_reason="Checked in person",
                    ),
                    "Ana",
                )
    page = ScreeningPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(page)
    page.show()
    assert runner.wait_idle()
    dialog = page.new_request()
    assert dialog.company_picker is not None
    qtbot.waitExposed(dialog)
    assert not dialog.earlier.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.company_picker.search.setFocus()
    _type(qtbot, dialog.company_picker, "tulip")
    _take(qtbot, dialog.company_picker, 0)
    assert runner.wait_idle()
    qtbot.waitUntil(dialog.earlier.isVisible)
    lines = [dialog.earlier.item(row).text() for row in range(dialog.earlier.count())]
    assert len(lines) == 2
    assert lines[0].startswith("2026-02-02") and "Matchmaking" in lines[0] and "Open" in lines[0]
    assert lines[1].startswith("2025-03-01") and "Support with conditions" in lines[1]
    assert "Share the due diligence plan" in lines[1]
    # Searching again lets go of the company, and of its history.
    qtbot.keyClicks(dialog.company_picker.search, "x")
    assert not dialog.earlier.isVisible()
    dialog.reject()
    assert runner.wait_idle()
