"""The Headquarters page's view of the survey as the letter reads it, on the hand-counted set."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.hq.summary import Summary, build_summary
from postkit.core.surveys.forms import Form
from postkit.core.surveys.service import shipped_surveys_dir
from postkit.core.surveys.xlsform import load_form
from postkit.ui.hq.summary_view import LetterBreakdown, LetterView
from tests.core.test_hq_letter import _store


@pytest.fixture(scope="module")
def form() -> Form:
    return load_form(shipped_surveys_dir() / "imvo_guidelines_evaluation.xlsx")


@pytest.fixture
def summary(hq_database: Database, form: Form) -> Summary:
    _store(hq_database, form)
    with hq_database.session() as session:
        return build_summary(session, form, expected_posts=["Embassy A", "Embassy B"])


def _rows(view: LetterView) -> list[list[str]]:
    table = view.qualities_table
    return [
        [table.topLevelItem(row).text(column) for column in range(table.columnCount())]
        for row in range(table.topLevelItemCount())
    ]


def test_the_view_shows_the_three_together_and_breaks_them_down_by_role(
    qtbot: QtBot, summary: Summary, tmp_path: Path
) -> None:
    view = LetterView()
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.set_summary(summary, "en")
    view.show()
    assert "60%" in view.headline.text() and "3 of the 5" in view.headline.text()
    assert [row[:4] for row in _rows(view)] == [
        ["Clear", "6", "5", "83%"],
        ["Workable", "5", "4", "80%"],
        ["User-friendly", "6", "6", "100%"],
        ["Clear, workable and user-friendly together", "5", "3", "60%"],
    ]
    assert "skipped one of the" in view.note.text()
    # The person picks "Role" in the combo by keyboard, as from the break-down label.
    view.breakdown_combo.setFocus()
    for _step in range(3):
        qtbot.keyClick(view.breakdown_combo, Qt.Key.Key_Down)
    assert view.breakdown is LetterBreakdown.ROLE
    header = view.qualities_table.headerItem()
    roles = [header.text(c).replace("\n", " ") for c in range(4, header.columnCount())]
    assert roles == [
        "Head of mission",
        "Economic policy officer",
        "Locally employed staff",
        "Unknown",
    ]
    assert _rows(view)[3][4:] == ["0%", "100%", "0%", "100%"]
    # The policy officers (5 4 4, 4 - 5, 5 5 5) agree on all they answered; the head of
    # mission (3 4 4) is neutral on clarity.
    assert view.qualities_chart.series[1] == ("Economic policy officer", (100, 100, 100, 100))
    assert view.qualities_chart.series[0] == ("Head of mission", (0, 100, 100, 0))
    # Activity per core task: task 1 active among 2 of 3 with low business, 1 of 2 with high.
    activity = view.activity_table
    first = activity.topLevelItem(0)
    assert [first.text(c) for c in range(activity.columnCount())][1:] == ["60%", "67%", "50%"]
    view.grab().save(str(tmp_path / "letter_view.png"))


def test_a_form_marking_nothing_says_how_to_mark_it(qtbot: QtBot, summary: Summary) -> None:
    view = LetterView()
    qtbot.addWidget(view)
    view.set_summary(replace(summary, letter=None), "en")
    assert "postkit::measure" in view.headline.text()
    assert view.qualities_table.topLevelItemCount() == 0
    assert view.activity_table.isHidden()
