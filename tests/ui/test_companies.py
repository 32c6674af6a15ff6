"""The company register's module, driven through its real widgets: the list with lookup as
you type, the editor, the company page and merging two records with undo."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from postkit.core.companies.models import CompanyRow
from postkit.core.companies.records import CompanyData, ContactData, HistoryEntry
from postkit.core.companies.service import create_company, get_company
from postkit.core.db import Database
from postkit.ui.actions import ActionId
from postkit.ui.companies import ops
from postkit.ui.companies.editor import CompanyDialog
from postkit.ui.companies.module import CompanyAction
from postkit.ui.companies.ops import OpenFollowUp
from postkit.ui.companies.page import CompaniesPage
from postkit.ui.companies.table_model import ACTIVITIES, COUNTRY, KVK, NAME, SCREENINGS, SIZE
from postkit.ui.main_window import MainWindow

TULIP = CompanyData(
    name="Tulip Trading B.V.",
    kvk_number="12345678",
    country="NL",
    sector="agriculture_food",
    employees=900,
    turnover_eur=60_000_000,
    operates_internationally=True,
)
DELTA = CompanyData(name="Delta Dredging", country="NL", employees=40)


def _add(database: Database, data: CompanyData) -> int:
    with database.session() as session:
        return create_company(session, data, "Tess").id


def _settle(window: MainWindow) -> None:
    assert window.runner is not None and window.runner.wait_idle()


def _open_register(window: MainWindow) -> CompaniesPage:
    window.actions[CompanyAction.SHOW_COMPANIES].trigger()
    _settle(window)
    page = window.modules["companies"].page
    assert isinstance(page, CompaniesPage)
    assert window.current_module == "companies"
    return page


def _active(qtbot: QtBot, dialog: CompanyDialog) -> CompanyDialog:
    """The editor as the user has it: shown and active, so leaving a field is noticed."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _names(window: MainWindow, page: CompaniesPage) -> list[str]:
    _settle(window)
    return [page.model.index(row, NAME).data() for row in range(page.model.rowCount())]


class FakeHistory:
    """Stands in for postkit.core.companies.history: a timeline given by the test."""

    def __init__(self, entries: list[HistoryEntry], counts: dict[int, tuple[int, int]]):
        self.entries = entries
        self.counts = counts

    def company_history(self, _session: object, _company_id: int) -> list[HistoryEntry]:
        return list(self.entries)

    def usage_counts(self, _session: object) -> dict[int, tuple[int, int]]:
        return dict(self.counts)


def test_the_register_lists_companies_and_narrows_as_one_types(
    qtbot: QtBot, window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    tulip = _add(database, TULIP)
    _add(database, DELTA)
    monkeypatch.setattr(ops, "history", FakeHistory([], {tulip: (3, 1)}))
    page = _open_register(window)
    assert _names(window, page) == ["Delta Dredging", "Tulip Trading B.V."]
    row = page.model.row_of(tulip)
    assert row is not None
    cells = {c: page.model.index(row, c).data() for c in (KVK, COUNTRY, SIZE)}
    assert cells == {KVK: "12345678", COUNTRY: "Netherlands", SIZE: "Large, international"}
    assert page.model.index(row, ACTIVITIES).data() == 3
    assert page.model.index(row, SCREENINGS).data() == 1

    window.actions[ActionId.FIND].trigger()
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "tul")
    assert _names(window, page) == ["Tulip Trading B.V."]
    page.search.clear()
    qtbot.keyClicks(page.search, "1234")  # the KvK number
    assert _names(window, page) == ["Tulip Trading B.V."]


def test_empty_states_say_what_to_do(qtbot: QtBot, window: MainWindow, database: Database) -> None:
    page = _open_register(window)
    assert page.results.currentWidget() is page.empty_label
    assert "No companies yet" in page.empty_label.text()
    assert "Choose a company" in page.history.none_chosen.text()
    _add(database, DELTA)
    page.reload()
    _settle(window)
    assert page.results.currentWidget() is page.table
    qtbot.keyClicks(page.search, "zzz")
    _settle(window)
    assert page.results.currentWidget() is page.empty_label
    assert "No company matches “zzz”" in page.empty_label.text()


def test_a_new_company_through_the_editor(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    page = _open_register(window)
    window.actions[CompanyAction.NEW_COMPANY].trigger()
    editor = page.editor
    assert isinstance(editor, CompanyDialog)
    _active(qtbot, editor)
    qtbot.keyClicks(editor.name_edit, "Groenveld Water B.V.")
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Tab)  # on to trade names
    qtbot.keyClick(editor.trade_names, Qt.Key.Key_Tab)
    assert editor.kvk_edit.hasFocus()
    qtbot.keyClicks(editor.kvk_edit, "1234 567")
    # No error while typing; it shows once the field is left.
    assert editor.kvk_field.error.isHidden()
    qtbot.keyClick(editor.kvk_edit, Qt.Key.Key_Tab)
    assert not editor.kvk_field.error.isHidden()
    assert editor.kvk_field.error.text() == "A KvK number has 8 digits."
    assert not editor.ok_button.isEnabled()
    editor.kvk_edit.setFocus()
    qtbot.keyClicks(editor.kvk_edit, "8")
    assert editor.kvk_field.error.isHidden()

    editor.tabs.setCurrentIndex(1)
    qtbot.keyClicks(editor.employees, "650")
    qtbot.keyClicks(editor.turnover, "45000000")
    assert "SME" in editor.size_text.text()
    editor.international.setFocus()
    qtbot.keyClick(editor.international, Qt.Key.Key_Space)
    assert "Large" in editor.size_text.text()

    editor.tabs.setCurrentIndex(2)
    qtbot.mouseClick(editor.add_contact_button, Qt.MouseButton.LeftButton)
    editor.contacts.item(0, 0).setText("Anna Visser")
    editor.contacts.item(0, 2).setText("anna@groenveld.example")
    qtbot.mouseClick(editor.add_contact_button, Qt.MouseButton.LeftButton)
    editor.contacts.item(1, 0).setText("Bram")
    editor.contacts.setCurrentCell(1, 0)
    qtbot.mouseClick(editor.remove_contact_button, Qt.MouseButton.LeftButton)
    assert editor.contacts.rowCount() == 1
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    _settle(window)

    with database.session() as session:
        [company_id] = session.scalars(select(CompanyRow.id)).all()
        record = get_company(session, company_id)
    assert record.data.kvk_number == "12345678"
    assert record.data.employees == 650
    assert record.data.operates_internationally
    assert record.data.contacts == (ContactData("Anna Visser", "", "anna@groenveld.example"),)
    assert record.size_class == "large"
    assert _names(window, page) == ["Groenveld Water B.V."]
    assert page.selected_ids() == [company_id]


def test_a_wrong_contact_e_mail_is_said_on_save(qtbot: QtBot) -> None:
    editor = CompanyDialog("en", None, name="Delta")
    qtbot.addWidget(editor)
    editor.add_contact(ContactData("Anna", email="not an address"))
    assert editor.error_label.text() == ""
    assert not editor.ok_button.isEnabled()
    editor.accept()
    assert "valid e-mail address" in editor.error_label.text()
    assert editor.result() == 0


def test_editing_keeps_what_was_stored(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    tulip = _add(database, TULIP)
    page = _open_register(window)
    assert page.select_id(tulip)
    window.actions[CompanyAction.EDIT_COMPANY].trigger()
    _settle(window)
    editor = page.editor
    assert isinstance(editor, CompanyDialog)
    assert editor.company_data() == replace_contacts(TULIP)
    editor.website.setText("https://tulip.example")
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    _settle(window)
    with database.session() as session:
        assert get_company(session, tulip).data.website == "https://tulip.example"


def replace_contacts(data: CompanyData) -> CompanyData:
    return data  # TULIP has no contacts: what is loaded is what is read back


def test_the_company_page_shows_its_history_in_time_order_and_open_follow_ups(
    qtbot: QtBot, window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    tulip = _add(database, TULIP)
    entries = [
        HistoryEntry(date(2025, 6, 2), "decision", 7, "Support approved", "with conditions"),
        HistoryEntry(date(2025, 3, 14), "activity", 4, "Seminar on living wage"),
        HistoryEntry(date(2025, 5, 20), "request", 7, "Trade mission Kenya"),
    ]
    monkeypatch.setattr(ops, "history", FakeHistory(entries, {tulip: (1, 1)}))
    overdue = date.today() - timedelta(days=3)
    monkeypatch.setattr(
        ops,
        "read_open_follow_ups",
        lambda _session, company_id: (
            [OpenFollowUp(1, "Publish a due diligence plan", overdue, "Tess")]
            if company_id == tulip
            else []
        ),
    )
    page = _open_register(window)
    qtbot.keyClicks(page.search, "tulip")
    _settle(window)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter goes to the list's first match
    _settle(window)
    assert page.history.shows_company
    assert page.history.title.text() == "Tulip Trading B.V."
    assert "KvK 12345678" in page.history.facts.text()
    assert [line[2] for line in page.history.history_lines()] == [
        "Seminar on living wage",
        "Trade mission Kenya",
        "Support approved",
    ]
    assert [line[1] for line in page.history.history_lines()] == [
        "Activity",
        "Support request",
        "Decision",
    ]
    [follow_up] = page.history.follow_up_lines()
    assert follow_up[1:] == ("Publish a due diligence plan", "Tess")
    assert "(overdue)" in follow_up[0]


def test_the_company_page_names_kinds_outcomes_and_statuses_and_puts_a_request_before_its_decision(
    qtbot: QtBot, window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    tulip = _add(database, TULIP)
    day = date(2025, 6, 2)
    entries = [
        HistoryEntry(day, "decision", 7, "support_with_conditions", "One gap.",
                     codes=("support_with_conditions",)),
        HistoryEntry(day, "request", 7, "Tulip Trading B.V.", codes=("trade_mission",)),
        HistoryEntry(date(2025, 3, 14), "activity", 4, "Seminar", codes=("seminar_event", "done")),
        HistoryEntry(date(2025, 7, 1), "follow_up", 3, "Share the plan", codes=("met",)),
    ]  # fmt: skip
    monkeypatch.setattr(ops, "history", FakeHistory(entries, {tulip: (1, 1)}))
    monkeypatch.setattr(ops, "read_open_follow_ups", lambda _session, _company_id: [])
    page = _open_register(window)
    qtbot.keyClicks(page.search, "tulip")
    _settle(window)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    _settle(window)
    assert page.history.shows_company
    assert [line[1:] for line in page.history.history_lines()] == [
        ("Activity", "Seminar", "Seminar or event; Done"),
        ("Support request", "Tulip Trading B.V.", "Place on a trade mission"),
        ("Decision", "Support with conditions", "One gap."),
        ("Follow-up", "Share the plan", "Met"),
    ]


def test_a_company_without_history_says_so(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    _add(database, DELTA)
    page = _open_register(window)
    page.select_id(page.model.id_at(0))
    _settle(window)
    assert page.history.history_stack.currentWidget() is page.history.no_history
    assert not page.history.no_follow_ups.isHidden()


def _fake_merge(monkeypatch: pytest.MonkeyPatch) -> None:
    """The register's merge, as far as this page needs it: the merged record is hidden."""
    from postkit.core.companies import service

    def merge(session, keep_id, merge_id, actor):  # type: ignore[no-untyped-def]
        session.get(CompanyRow, merge_id).merged_into_id = keep_id
        session.flush()
        return SimpleNamespace(keep_id=keep_id, merge_id=merge_id)

    def undo(session, undo, actor):  # type: ignore[no-untyped-def]
        session.get(CompanyRow, undo.merge_id).merged_into_id = None
        session.flush()

    monkeypatch.setattr(service, "merge_companies", merge, raising=False)
    monkeypatch.setattr(service, "undo_merge", undo, raising=False)


def test_merging_two_records_with_undo(
    qtbot: QtBot, window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_merge(monkeypatch)
    first = _add(database, TULIP)
    second = _add(database, CompanyData(name="Tulip Trading", country="NL"))
    page = _open_register(window)
    assert not window.actions[CompanyAction.MERGE_COMPANIES].isEnabled()
    page.table.selectAll()
    assert window.actions[CompanyAction.MERGE_COMPANIES].isEnabled()
    window.actions[CompanyAction.MERGE_COMPANIES].trigger()
    _settle(window)
    dialog = page.merge_dialog
    assert dialog is not None
    # The list shows both under one normalised name: find the record the user keeps.
    keep = next(b for b in dialog.keep_buttons if "B.V." in b.text())
    other = next(b for b in dialog.keep_buttons if b is not keep)
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)
    assert "“Tulip Trading B.V.” is merged into “Tulip Trading”" in dialog.moves.text()
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert "“Tulip Trading” is merged into “Tulip Trading B.V.”" in dialog.moves.text()
    assert "KvK 12345678" in keep.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    _settle(window)
    assert _names(window, page) == ["Tulip Trading B.V."]
    assert page.selected_ids() == [first]

    window.undo_stack.undo()
    _settle(window)
    assert sorted(page.model.ids) == sorted([first, second])
    window.undo_stack.redo()
    _settle(window)
    assert page.model.ids == [first]


def test_duplicates_are_listed_and_a_pair_merged(
    qtbot: QtBot, window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from postkit.core.companies import service
    from postkit.core.companies.records import DuplicatePair

    _fake_merge(monkeypatch)
    first = _add(database, TULIP)
    second = _add(database, CompanyData(name="TULIP trading", kvk_number="12345678"))
    _add(database, DELTA)

    def duplicates(session):  # type: ignore[no-untyped-def]
        first_line, second_line = service.company_lines(session, [first, second])
        return [DuplicatePair(first_line, second_line, "kvk")]

    monkeypatch.setattr(service, "find_duplicates", duplicates, raising=False)
    page = _open_register(window)
    window.actions[CompanyAction.FIND_DUPLICATES].trigger()
    _settle(window)
    dialog = page.duplicates_dialog
    assert dialog is not None
    item = dialog.list.topLevelItem(0)
    assert [item.text(c) for c in range(3)] == [
        "Tulip Trading B.V.",
        "TULIP trading",
        "same KvK number",
    ]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    _settle(window)
    merge = page.merge_dialog
    assert merge is not None
    qtbot.mouseClick(merge.ok_button, Qt.MouseButton.LeftButton)
    _settle(window)
    assert _names(window, page) == ["Delta Dredging", "Tulip Trading B.V."]


def test_no_duplicates_says_so(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from postkit.core.companies import service

    monkeypatch.setattr(service, "find_duplicates", lambda _session: [], raising=False)
    page = _open_register(window)
    window.actions[CompanyAction.FIND_DUPLICATES].trigger()
    _settle(window)
    dialog = page.duplicates_dialog
    assert dialog is not None
    assert not dialog.empty.isHidden()
    assert not dialog.ok_button.isEnabled()
    dialog.reject()
