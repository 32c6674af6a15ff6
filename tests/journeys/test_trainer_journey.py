"""Journey: a trainer writes up good practices, presents a chosen one and prints a booklet.

The officer enters three practices in the editor, selects one and presses F5: trainer mode
opens on that practice, the arrow keys move through the set, Esc leaves. Then two practices
are selected for Practices ▸ PDF booklet; the booklet is read back with pypdf (their titles
and summaries as typed, in the order the library shows them) and a page is rendered.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.practices.records import PUBLISHED
from postkit.ui.main_window import MainWindow
from postkit.ui.practices.page import PracticesPage
from tests.journeys.conftest import (
    EventLoopWatch,
    answering,
    menu_command,
    open_main_window,
    type_file_name,
)
from tests.pdf_text import pdf_lines

# (title, core task, summary, lessons), in the order the officer enters them.
PRACTICES = (
    (
        "Living wage roundtable with Kenyan tea estates",
        5,
        "The post brought estates, unions and buyers together on a living wage benchmark.",
        "Start with the buyers: they set the price that pays the wage.",
    ),
    (
        "Sanctions check before a trade mission to Somalia",
        4,
        "Every company on the mission list was screened against the EU list first.",
        "Screen early; a late match delays the whole mission.",
    ),
    (
        "Webinar on the OECD guidelines for flower exporters",
        2,
        "Forty exporters learnt the six steps of due diligence in one hour.",
        "Record it: most exporters watched it afterwards.",
    ),
)


def _write_practice(
    qtbot: QtBot, window: MainWindow, title: str, task: int, summary: str, lessons: str
) -> None:
    """Practices ▸ New good practice, typed into the editor and saved."""
    menu_command(window, "Practices", "New good practice…")
    page = window.practices_page
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
    dialog = page.editor
    assert dialog is not None
    qtbot.keyClicks(dialog.title_edit, title)
    qtbot.mouseClick(dialog.core_task_boxes[task], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.summary, summary)
    dialog.status.setCurrentIndex(dialog.status.findData(PUBLISHED))
    dialog.tabs.setCurrentIndex(1)
    qtbot.keyClicks(dialog.lessons, lessons)
    assert dialog.ok_button.isEnabled(), dialog.error_label.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor is None)
    page.runner.wait_idle()  # saved and shown in the list
    # The offscreen platform leaves no window active once the closed editor's window is
    # destroyed (a desktop gives the focus back), and shortcuts need an active window.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _shown_titles(page: PracticesPage) -> list[str]:
    page.runner.wait_idle()
    model = page.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _click_card(qtbot: QtBot, page: PracticesPage, title: str, *, add: bool = False) -> None:
    row = _shown_titles(page).index(title)
    index = page.model.index(row, 0)
    page.cards.scrollTo(index)  # as a person scrolls to it
    rect = page.cards.visualRect(index)
    modifier = Qt.KeyboardModifier.ControlModifier if add else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(page.cards.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


@pytest.fixture
def window(
    qtbot: QtBot,
    database: Database,
    journey_settings: QSettings,
    event_loop_watch: EventLoopWatch,
) -> MainWindow:
    return open_main_window(qtbot, database, journey_settings)


def test_trainer_mode_opens_on_the_chosen_practice_and_the_booklet_holds_what_was_typed(
    qtbot: QtBot,
    window: MainWindow,
    event_loop_watch: EventLoopWatch,
    tmp_path: Path,
) -> None:
    window.activateWindow()
    # The practices the post had before (POSTKIT_JOURNEY_DATA), as the library shows them.
    window.show_module("practices")
    page = window.practices_page
    before = _shown_titles(page)
    for title, task, summary, lessons in PRACTICES:
        _write_practice(qtbot, window, title, task, summary, lessons)
    shown = _shown_titles(page)
    assert Counter(shown) == Counter(before) + Counter(title for title, *_rest in PRACTICES)

    # Trainer mode on the chosen practice: select it, F5, move with the keys, Esc to leave.
    chosen = PRACTICES[1][0]
    _click_card(qtbot, page, chosen)
    assert len(page.selected_ids()) == 1
    qtbot.keyClick(page.cards, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.presentation is not None and page.presentation.isVisible())
    page.runner.wait_idle()  # the set is read off the GUI thread
    view = page.presentation
    assert view is not None
    assert view.title_label.text() == chosen
    assert PRACTICES[1][2] in view.body.toPlainText()
    assert view.lessons_label.text() == PRACTICES[1][3]  # in the lower part of the slide
    position = shown.index(chosen)
    assert view.counter_label.text() == f"{position + 1} / {len(shown)}"
    with event_loop_watch.paused():
        view.grab().save(str(tmp_path / "trainer-mode.png"))
    visited = [view.title_label.text()]
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_Left):
        qtbot.keyClick(view, key)
        visited.append(view.title_label.text())
    last = len(shown) - 1
    assert visited == [
        shown[position],
        shown[min(position + 1, last)],
        shown[min(position + 2, last)],
        shown[0],
        shown[0],
    ]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.presentation is None)
    assert window.isVisible()

    # The booklet of two chosen practices.
    first, third = PRACTICES[0][0], PRACTICES[2][0]
    _click_card(qtbot, page, first)
    _click_card(qtbot, page, third, add=True)
    assert len(page.selected_ids()) == 2
    chosen_in_order = [title for title in _shown_titles(page) if title in (first, third)]
    booklet = tmp_path / "out" / "trainer-booklet.pdf"
    booklet.parent.mkdir()
    with answering(qtbot, type_file_name(booklet)):
        menu_command(window, "Practices", "PDF booklet…")
    qtbot.waitUntil(lambda: page.job is None and booklet.exists(), timeout=20000)
    assert str(booklet) in window.statusBar().currentMessage()

    with event_loop_watch.paused():
        reader = PdfReader(booklet)
        pages = [page_.extract_text() for page_ in reader.pages]
        lines = pdf_lines(booklet)
        outline = [entry.title for entry in reader.outline]
        if shutil.which("pdftoppm"):
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-f", "3", "-l", "3", booklet, tmp_path / "p"],
                check=True,
            )
    assert outline == chosen_in_order
    assert "2 good practices" in pages[0]
    contents = pages[1]
    assert contents.index(chosen_in_order[0]) < contents.index(chosen_in_order[1])
    by_title = {title: (summary, lessons) for title, _task, summary, lessons in PRACTICES}
    for number, title in enumerate(chosen_in_order, start=2):
        text = " ".join(pages[number].split())
        summary, lessons = by_title[title]
        assert title in text and summary in text and lessons in text, text
        assert text.index(title) < text.index(summary) < text.index(lessons)
    assert PRACTICES[1][0] not in " ".join(lines), "only the chosen practices go in"
    assert len(pages) == 4
