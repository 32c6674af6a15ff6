"""Trainer mode at 1366×768 uses the height of the screen: large text, the lessons and the
contact in the lower part, nothing cut off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.practices.records import PracticeInput
from postkit.core.practices.service import create_practice
from postkit.ui.ops import Runner
from postkit.ui.practices.presentation import PresentationView

LESSONS = "Find allies: as the EU you stand stronger than as one embassy."
CONTACT = "Sanne Visser, economic affairs, +233 30 221 0000"


@pytest.fixture
def view(qtbot: QtBot, database: Database, runner: Runner) -> Iterator[PresentationView]:
    with database.session() as session:
        create_practice(
            session,
            PracticeInput(
                title="Child labour in artisanal gold mining",
                core_tasks=(1, 5),
                post_name="Embassy Accra",
                year=2023,
                summary="With EU embassies the post put child labour in small-scale gold mining "
                "on the agenda of the ministry of mines.",
                what_was_done="A joint EU statement, a site visit by the minister.",
                what_worked="Acting together with other EU member states carried more weight.",
                lessons=LESSONS,
                contact=CONTACT,
                themes=("child_labour",),
            ),
            "Tess Tester",
        )
        session.commit()
    presentation = PresentationView(runner, "en")
    qtbot.addWidget(presentation)
    presentation.resize(1366, 768)
    presentation.show()
    qtbot.waitExposed(presentation)
    runner.wait_idle()
    qtbot.wait(20)
    yield presentation


def _top(view: PresentationView, widget) -> int:  # type: ignore[no-untyped-def]
    return widget.mapTo(view, QPoint(0, 0)).y()


def test_the_lessons_and_the_contact_fill_the_lower_part_in_large_type(
    view: PresentationView,
) -> None:
    height = view.height()
    assert view.lessons_label.text() == LESSONS and view.contact_label.text() == CONTACT
    assert LESSONS not in view.body.toPlainText()
    # The lower part holds the lessons and the contact, down to the footer.
    lower = view.lower_panel
    assert lower.isVisible()
    assert _top(view, lower) > height * 0.4
    assert _top(view, lower) + lower.height() > height * 0.8
    # Type a room can read: the body at least 1/32 of the height, lessons larger still.
    assert view.body.font().pixelSize() >= height / 32
    assert view.lessons_label.font().pixelSize() > view.body.font().pixelSize()
    # Nothing cut off: the body's text fits its box, the lessons their label.
    document = view.body.document()
    assert document.size().height() <= view.body.viewport().height()
    lessons = view.lessons_label
    assert lessons.heightForWidth(lessons.width()) <= lessons.height()


def test_a_practice_without_lessons_or_contact_has_no_empty_panel(
    qtbot: QtBot, database: Database, runner: Runner
) -> None:
    with database.session() as session:
        create_practice(session, PracticeInput(title="Short", core_tasks=(2,)), "Tess Tester")
        session.commit()
    presentation = PresentationView(runner, "en")
    qtbot.addWidget(presentation)
    presentation.resize(1366, 768)
    presentation.show()
    qtbot.waitExposed(presentation)
    runner.wait_idle()
    assert presentation.title_label.text() == "Short"
    assert not presentation.lower_panel.isVisible()
