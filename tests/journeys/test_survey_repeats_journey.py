"""Journey: a post imports a KoboToolbox form with repeats, fills it screen by screen as ODK
Collect pages a repeat (each visit's questions, each contact's, 'Add another …'), exports it and
reads back the repeat sheets (tied by _index, _parent_index, _parent_table_name) and the audit.

Driven through the real main window in English: menu actions, the file dialog, the start
dialog, typing in the answers' own fields, clicks on choices and on Next.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.ui.actions import ActionId
from postkit.ui.surveys.form_view import FormView
from tests.journeys.conftest import (
    EventLoopWatch,
    answering,
    click_button,
    open_main_window,
    type_file_name,
)
from tests.journeys.test_survey_journey import press

VISITS = Path(__file__).resolve().parents[1] / "data" / "xlsforms" / "kobo_company_visits.xlsx"


class Respondent:
    """Hands on the form view: one screen at a time, typing and clicking what it shows."""

    def __init__(self, qtbot: QtBot, view: FormView) -> None:
        self.qtbot = qtbot
        self.view = view

    def screen(self) -> list[str]:
        page = self.view.current_page()
        return [
            name
            for name, card in self.view.cards.items()
            if self.view._page_index(name) == page and card.isVisible()
        ]

    def type(self, name: str, text: str) -> None:
        assert self.screen() == [name], (name, self.screen())
        edit = self.view.cards[name].input.edit  # type: ignore[union-attr]
        self.qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
        self.qtbot.keyClicks(edit, text)
        self.next()

    def choose(self, name: str, choice: str) -> None:
        assert self.screen() == [name], (name, self.screen())
        button = self.view.cards[name].input.button(choice)  # type: ignore[union-attr]
        self.qtbot.mouseClick(
            button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2)
        )
        assert button.isChecked(), (name, choice)
        self.next()

    def next(self) -> None:
        self.qtbot.mouseClick(self.view.next_button, Qt.MouseButton.LeftButton)

    def add_another(self, repeat: str) -> None:
        """On the repeat's prompt: add an instance (the cursor goes to its first question)."""
        assert self.screen() == [], self.screen()
        button = self.view.repeats[repeat].add_button
        assert button.isVisible() and button.text() == "Add another “Contact person”"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def do_not_add(self, repeat: str) -> None:
        assert self.screen() == [] and self.view.repeats[repeat].add_button.isVisible()
        self.next()


def _start(dialog: QWidget) -> None:
    click_button("Start")(dialog)


def _visit(
    who: Respondent, number: int, company: str, people: str, women: str | None, contacts: list[str]
) -> None:
    at = f"@{number}"
    heading = who.view.repeats["visit"].instances[number - 1].heading
    assert heading.isVisible() and heading.text() == f"Company visit {number} of 2"
    who.type("company" + at, company)
    who.choose("clear" + at, "a")
    who.type("participants" + at, people)
    if women is not None:
        who.type("women" + at, women)
    who.choose("topics" + at, "wages")  # a tick, then Next
    for index, name in enumerate(contacts, 1):
        if index > 1:
            who.add_another(f"contact{at}")
        who.type(f"contact_name{at}.{index}", name)
        who.choose(f"signed{at}.{index}", "yes" if index == 1 else "no")
    who.do_not_add(f"contact{at}")


def test_a_repeat_form_is_filled_screen_by_screen_and_exported_as_kobo_exports_it(
    qtbot: QtBot,
    database: Database,
    journey_settings: QSettings,
    event_loop_watch: EventLoopWatch,
    tmp_path: Path,
) -> None:
    window = open_main_window(qtbot, database, journey_settings, language="en")
    actions = window.actions
    press(qtbot, window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.surveys_page
    qtbot.waitUntil(page.isVisible)
    with answering(qtbot, type_file_name(VISITS)):
        actions[ActionId.IMPORT_SURVEY].trigger()
    assert window.runner.wait_idle(20000)
    assert page.selected_form().form_id == "company_visits"  # type: ignore[union-attr]

    with answering(qtbot, _start):
        actions[ActionId.START_RESPONSE].trigger()
    assert window.runner.wait_idle(20000)
    assert page.view is not None
    who = Respondent(qtbot, page.view)
    who.choose("useful", "sa")
    who.type("visit_count", "2")
    _visit(who, 1, "Acme Textiles", "10", "4", ["Ann Bakker", "Bob Smit"])
    _visit(who, 2, "Bolt Coffee", "0", None, ["Cas Jansen"])  # no participants: no women asked
    assert who.screen() == ["summary"]
    assert who.view.cards["summary"].label_text == (
        "You met 10 participants at Acme Textiles, Bolt Coffee."
    )
    who.next()
    assert who.view.is_reviewing, who.view.all_errors()
    qtbot.mouseClick(who.view.submit_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait_idle(20000)
    assert page.view is None

    export = tmp_path / "visits.xlsx"
    with answering(qtbot, click_button("Export…"), type_file_name(export)):
        actions[ActionId.EXPORT_RESPONSES].trigger()
    qtbot.waitUntil(lambda: page.job is None and export.exists(), timeout=20000)

    with event_loop_watch.paused():
        workbook = load_workbook(export, read_only=True)
        sheets = {
            title: [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]
            for title in workbook.sheetnames
            for rows in [list(workbook[title].iter_rows(values_only=True))]
        }
        workbook.close()
    (response,) = sheets["responses"]
    assert (response["useful"], response["visit_count"], response["_index"]) == ("sa", 2, 1)
    assert response["total_participants"] == 10 and response["audit"] == "audit.csv"
    visits = [
        (r["company"], r["clear"], r["participants"], r["women"], r["topics"], r["_index"])
        for r in sheets["visit"]
    ]
    assert visits == [
        ("Acme Textiles", "a", 10, 4, "wages", 1),
        ("Bolt Coffee", "a", 0, None, "wages", 2),
    ]
    assert {(r["_parent_index"], r["_parent_table_name"]) for r in sheets["visit"]} == {
        (1, "responses")
    }
    contacts = [
        (r["contact_name"], r["signed"], r["_index"], r["_parent_index"], r["_parent_table_name"])
        for r in sheets["contact"]
    ]
    assert contacts == [
        ("Ann Bakker", "yes", 1, 1, "visit"),
        ("Bob Smit", "no", 2, 1, "visit"),
        ("Cas Jansen", "yes", 3, 2, "visit"),
    ]
    uuid = response["_uuid"]
    assert all(r["_submission__uuid"] == uuid for r in [*sheets["visit"], *sheets["contact"]])
    # The audit: each screen's question, in the order they were on screen, with its times.
    events = sheets["audit"]
    assert events[0]["event"] == "form start" and events[-1]["event"] == "form finalize"
    questions = [e["node"] for e in events if e["event"] == "question"]
    assert questions[:4] == [
        "/data/useful",
        "/data/visit_count",
        "/data/visit[1]/company",
        "/data/visit[1]/clear",
    ]
    assert "/data/visit[1]/contact[2]/contact_name" in questions
    assert "/data/visit[2]/women" not in questions
    added = [e["node"] for e in events if e["event"] == "add repeat"]
    assert added == ["/data/visit[1]/contact[2]"]
    assert all(e["start"] <= e["end"] for e in events if e["event"] == "question")
    assert all(e["_submission__uuid"] == uuid for e in events)
