"""Journey: the post fills the evaluation survey in Dutch, exports it; headquarters aggregates it
with other posts' exports and writes receipts; the post imports its receipt.

Driven through the real main window in Dutch: keys, menu actions, buttons and the answers'
own widgets; every dialog is answered through its widgets. At the end the export workbook and
headquarters' summary workbook are read and compared with what was typed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.ui.actions import ActionId
from postkit.ui.main_window import MainWindow
from postkit.ui.surveys.form_view import FormView
from postkit.ui.surveys.page import SurveysPage
from tests.conftest import TEST_PROFILE
from tests.journeys.conftest import (
    EventLoopWatch,
    answering,
    choose_folder,
    click_button,
    open_main_window,
    pick_files,
    type_file_name,
)

EVALUATION = "imvo_guidelines_evaluation"
POST = TEST_PROFILE.post_name  # accredited to Kenya: region Africa
OTHER_POSTS = 3
OTHER_RESPONSES = 4
ROOT = Path(__file__).resolve().parents[2]


def start_dialog(name: str | None) -> object:
    """Answer the Start a response dialog: anonymous, or with `name`; in Dutch; Start."""

    def handler(dialog: QWidget) -> None:
        radios = {
            radio.objectName() or radio.text(): radio for radio in dialog.findChildren(QRadioButton)
        }
        anonymous, named = list(radios.values())
        if name is None:
            anonymous.click()
        else:
            named.click()
            edit = dialog.findChild(QLineEdit)
            assert edit is not None and edit.isEnabled()
            QTest.keyClicks(edit, name)
        combo = dialog.findChild(QComboBox)
        assert combo is not None
        combo.setCurrentIndex(combo.findData("nl"))
        click_button("Beginnen")(dialog)

    return handler


class Filling:
    """A respondent's hands on the form view: clicks on choices, typing in fields."""

    def __init__(self, qtbot: QtBot, view: FormView) -> None:
        self.qtbot = qtbot
        self.view = view

    def choose(self, name: str, choice: str) -> None:
        button = self.view.cards[name].input.button(choice)  # type: ignore[union-attr]
        assert button.isVisible() and button.isEnabled(), (name, choice)
        was_checked = button.isChecked()
        # On its indicator: a stretched button takes clicks only on its indicator and text.
        indicator = QPoint(8, button.height() // 2)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=indicator)
        assert button.isChecked() != was_checked or button.autoExclusive(), (name, choice)

    def type(self, name: str, text: str) -> None:
        edit = self.view.cards[name].input.edit  # type: ignore[union-attr]
        edit.selectAll()
        self.qtbot.keyClicks(edit, text)

    def tick(self, name: str) -> None:
        box = self.view.cards[name].input.box  # type: ignore[union-attr]
        self.qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        assert box.isChecked()

    def next(self) -> None:
        """Next page; it must open (nothing on this page is wrong)."""
        page = self.view.current_page()
        self.qtbot.mouseClick(self.view.next_button, Qt.MouseButton.LeftButton)
        assert self.view.is_reviewing or self.view.current_page() > page, self.view.page_errors(
            page
        )

    def rate(self, first: str, keys: str) -> None:
        """Answer statements of a Likert table by keyboard: click the first statement, then a
        number key per statement (each goes on to the next one)."""
        row = self.view.cards[first]
        self.qtbot.mouseClick(row.title, Qt.MouseButton.LeftButton)
        for key in keys:
            focused = self.view.focusWidget()
            assert focused is not None
            self.qtbot.keyClick(focused, key)

    def shown(self, name: str) -> bool:
        return self.view.cards[name].isVisible()


def _surveys(window: MainWindow) -> SurveysPage:
    return window.surveys_page


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    """A key as a person presses it: to the widget with the focus in the active window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(QApplication.focusWidget() or window, key, modifier)


def _select_evaluation(qtbot: QtBot, page: SurveysPage) -> None:
    page.runner.wait_idle()  # the list of surveys is read off the GUI thread
    tree = page.form_list
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        if EVALUATION in item.toolTip(0):
            rect = tree.visualItemRect(item)
            qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            page.runner.wait_idle()
            assert page.selected_form() is not None
            assert page.selected_form().form_id == EVALUATION  # type: ignore[union-attr]
            return
    raise AssertionError("the evaluation survey is not listed")


def _first_pages(fill: Filling, role_other: str, years: str) -> None:
    """The introduction with the skip logic on the name, then About you."""
    view = fill.view
    assert view.current_page() == 0
    # Anonymous or not was asked as the response started: the introduction does not ask again.
    assert [name for name, card in view.cards.items() if card.isVisible()] == ["intro_note"]
    fill.next()
    assert view.current_page() == 1
    # Post and region come from the post's profile: shown, filled in, not for typing.
    post = view.cards["post"].input
    assert post.edit.text() == POST and not post.isEnabled()  # type: ignore[union-attr]
    region = view.cards["region"].input
    assert region.button("africa").isChecked() and not region.isEnabled()  # type: ignore[union-attr]
    fill.choose("role", "other")
    assert fill.shown("role_other")
    fill.type("role_other", role_other)
    fill.choose("business_activity", "medium")
    fill.type("years_imvo", years)
    fill.next()
    assert view.current_page() == 2


def _remaining_pages(fill: Filling, clarity: str, email: str | None) -> None:
    view = fill.view
    fill.next()
    fill.choose("clarity_overall", clarity)
    fill.next()
    fill.choose("work_overall", "4")
    fill.next()
    fill.choose("user_overall", "4")
    fill.next()
    fill.choose("tools_used", "oecd_guidelines")
    fill.next()
    assert not fill.shown("actions_other")
    fill.choose("actions_taken", "other")  # opens the "which other action" question
    assert fill.shown("actions_other")
    fill.type("actions_other", "Webinar met de EU-delegatie")
    fill.next()
    fill.next()
    if email is None:
        fill.choose("interview", "no")
        assert not fill.shown("contact_email")
    else:
        fill.choose("interview", "yes")
        assert fill.shown("contact_email")
        fill.type("contact_email", email)
    fill.tick("confirm")
    fill.next()
    assert view.is_reviewing, view.all_errors()
    fill.qtbot.mouseClick(view.submit_button, Qt.MouseButton.LeftButton)


def test_a_survey_filled_in_dutch_reaches_headquarters_and_its_receipt_returns(
    qtbot: QtBot,
    database: Database,
    journey_settings: QSettings,
    event_loop_watch: EventLoopWatch,
    tmp_path: Path,
) -> None:
    window = open_main_window(qtbot, database, journey_settings, language="nl")
    actions = window.actions
    press(qtbot, window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = _surveys(window)
    qtbot.waitUntil(page.isVisible)
    _select_evaluation(qtbot, page)
    # What the post had (POSTKIT_JOURNEY_DATA): submitted responses and drafts of the form.
    window.runner.wait_idle()
    submitted_before = int(page.form_list.currentItem().text(2))
    drafts_before = int(page.form_list.currentItem().text(3))
    submitted = submitted_before + 2

    # The first response: named, closed mid-way, resumed, submitted.
    with answering(qtbot, start_dialog("Anna de Vries")):
        actions[ActionId.START_RESPONSE].trigger()
    window.runner.wait_idle()
    assert page.view is not None
    fill = Filling(qtbot, page.view)
    assert page.view._page_views[0].title.text() == "Inleiding"  # the form speaks Dutch
    _first_pages(fill, "Handelsattache", "4")
    fill.rate("task1_activity", "45")
    qtbot.mouseClick(page.view.close_button, Qt.MouseButton.LeftButton)  # mid-way
    window.runner.wait_idle()
    assert page.view is None
    assert page.form_list.currentItem().text(3) == str(drafts_before + 1)  # one draft more

    actions[ActionId.CONTINUE_DRAFT].trigger()
    window.runner.wait_idle()
    assert page.view is not None
    fill = Filling(qtbot, page.view)
    assert page.view.current_page() == 2  # where it was left, with its answers
    assert page.view.cards["task2_activity"].input.button("5").isChecked()  # type: ignore[union-attr]
    page.view.previous_page()
    assert page.view.cards["role_other"].input.edit.text() == "Handelsattache"  # type: ignore[union-attr]
    fill.next()
    fill.choose("task3_activity", "3")  # a click in the table
    fill.rate("task4_activity", "24")
    _remaining_pages(fill, clarity="5", email="anna@example.org")
    window.runner.wait_idle()
    assert page.view is None and page.banner.isVisible()

    # The second response: anonymous.
    with answering(qtbot, start_dialog(None)):
        actions[ActionId.START_RESPONSE].trigger()
    window.runner.wait_idle()
    assert page.view is not None
    fill = Filling(qtbot, page.view)
    _first_pages(fill, "Consul", "7")
    fill.rate("task1_activity", "11111")
    _remaining_pages(fill, clarity="2", email=None)
    window.runner.wait_idle()
    assert page.form_list.currentItem().text(2) == str(submitted)

    # Export: the count is confirmed before the file is written.
    export = tmp_path / "exports" / "embassy-testland.xlsx"
    export.parent.mkdir()
    confirmation: list[str] = []

    def confirm(dialog: QWidget) -> None:
        confirmation.append(dialog.text())  # type: ignore[attr-defined]
        confirmation.append(dialog.informativeText())  # type: ignore[attr-defined]
        click_button("Exporteren…")(dialog)

    with answering(qtbot, confirm, type_file_name(export)):
        actions[ActionId.EXPORT_RESPONSES].trigger()
    qtbot.waitUntil(lambda: page.job is None, timeout=20000)
    window.runner.wait_idle()
    assert f"De export bevat {submitted} ingezonden inzendingen" in confirmation[0]
    assert POST in confirmation[0]
    assert confirmation[1] == "Er wordt geen inzending weggelaten."
    status = page.receipts_view.tree.topLevelItem(0)
    assert status.text(4) == "Geëxporteerd, nog niet bevestigd door het departement"

    # Headquarters, in the same app: this export with other posts' exports.
    with event_loop_watch.paused():
        subprocess.run(
            [
                sys.executable, "-m", "postkit", "demo", "exports", str(export.parent),
                "--posts", str(OTHER_POSTS), "--responses", str(OTHER_RESPONSES),
            ],
            check=True, cwd=ROOT, capture_output=True, timeout=300,
        )  # fmt: skip
    files = sorted(export.parent.glob("*.xlsx"))
    assert len(files) == OTHER_POSTS + 1
    press(qtbot, window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    hq = window.hq_page
    qtbot.waitUntil(hq.isVisible)
    with answering(qtbot, pick_files(files)):
        actions[ActionId.HQ_ADD_FILES].trigger()
    assert len(hq.paths) == len(files)
    qtbot.waitUntil(hq.aggregate_button.isEnabled)  # once the page has read what it holds
    qtbot.mouseClick(hq.aggregate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hq.job is None and hq.last_report is not None, timeout=60000)
    report = hq.last_report
    assert report is not None and not report.refused, report.refused
    assert hq.save_summary_button.isEnabled() and hq.save_summary_button.isVisible()
    summary_path = tmp_path / "summary.xlsx"
    with answering(qtbot, type_file_name(summary_path)):
        qtbot.mouseClick(hq.save_summary_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hq.job is None and summary_path.exists(), timeout=20000)
    receipts = tmp_path / "receipts"
    receipts.mkdir()
    with answering(qtbot, choose_folder(receipts)):
        actions[ActionId.HQ_WRITE_RECEIPTS].trigger()
    qtbot.waitUntil(lambda: window.runner.is_idle, timeout=20000)
    written = sorted(receipts.iterdir())
    assert len(written) == OTHER_POSTS + 1
    with event_loop_watch.paused():
        ours = [p for p in written if json.loads(p.read_text("utf-8"))["post"] == POST]
    assert len(ours) == 1

    # Headquarters gives the posts its receipt key once; the post stores it.
    key_file = tmp_path / "headquarters.postkit-key"
    with answering(qtbot, type_file_name(key_file)):
        actions[ActionId.HQ_EXPORT_RECEIPT_KEY].trigger()
    assert key_file.is_file()

    # Back at the post: its receipt, signed with that key, confirms the export.
    press(qtbot, window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.isVisible)
    with answering(qtbot, pick_files([key_file])):
        actions[ActionId.IMPORT_RECEIPT_KEY].trigger()
    qtbot.waitUntil(lambda: window.runner.is_idle, timeout=20000)
    with answering(qtbot, pick_files(ours)):
        actions[ActionId.IMPORT_RECEIPT].trigger()
    qtbot.waitUntil(lambda: page.receipts_view.job is None, timeout=20000)
    window.runner.wait_idle()
    status = page.receipts_view.tree.topLevelItem(0)
    assert status.text(0) == export.name
    assert status.text(4) == (f"Bevestigd door het departement (getelde inzendingen: {submitted})")

    # What was filed agrees with what was typed.
    with event_loop_watch.paused():
        workbook = load_workbook(export, read_only=True)
        rows = list(workbook["responses"].iter_rows(values_only=True))
        meta = dict(list(workbook["meta"].iter_rows(values_only=True))[1:])
        workbook.close()
        summary = load_workbook(summary_path, read_only=True)
        overview = dict(list(summary["overview"].iter_rows(values_only=True))[1:])
        posts = list(summary["posts"].iter_rows(values_only=True))
        open_answers = list(summary["open_answers"].iter_rows(values_only=True))
        summary.close()
    header, *records = rows
    every = [dict(zip(header, row, strict=True)) for row in records]
    assert len(every) == submitted
    # The journey's two, found by what was typed for "other role"; in the order filled in.
    responses = [r for r in every if r["role_other"] in ("Handelsattache", "Consul")]
    assert meta["post"] == POST and meta["form_id"] == EVALUATION
    assert meta["responses"] == submitted
    assert [r["_respondent"] for r in responses] == ["Anna de Vries", None]
    assert [r["_language"] for r in responses] == ["nl", "nl"]
    assert [r["post"] for r in responses] == [POST, POST]
    assert [r["region"] for r in responses] == ["africa", "africa"]
    assert [r["role"] for r in responses] == ["other", "other"]
    assert [r["role_other"] for r in responses] == ["Handelsattache", "Consul"]
    assert [r["years_imvo"] for r in responses] == [4, 7]
    assert [r["clarity_overall"] for r in responses] == ["5", "2"]
    assert [r["contact_email"] for r in responses] == ["anna@example.org", None]
    assert [r["actions_other"] for r in responses] == ["Webinar met de EU-delegatie"] * 2
    assert [responses[0][f"task{n}_activity"] for n in range(1, 6)] == ["4", "5", "3", "2", "4"]
    assert [responses[1][f"task{n}_activity"] for n in range(1, 6)] == ["1"] * 5

    assert overview["responses"] == submitted + OTHER_POSTS * OTHER_RESPONSES
    assert overview["posts"] == OTHER_POSTS + 1
    post_rows = {row[0]: row for row in posts[1:]}
    assert post_rows[POST][1] == "africa" and post_rows[POST][4] == submitted
    ours_open = [row for row in open_answers[1:] if row[1] == POST]
    assert ("actions_other", POST, "africa", "nl", "Webinar met de EU-delegatie") in ours_open
