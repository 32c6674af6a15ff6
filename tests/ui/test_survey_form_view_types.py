"""The form view's widgets for the question types of KoboToolbox-style forms, driven by keys."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from postkit.core.surveys.engine import FormSession
from postkit.core.surveys.files import store_survey_file
from postkit.core.surveys.xlsform import load_form
from postkit.ui.surveys.form_view import FormView
from postkit.ui.surveys.inputs import (
    FileInput,
    PatternInput,
    RangeInput,
    RankInput,
    TextInput,
)

CORPUS = Path(__file__).resolve().parents[1] / "data" / "xlsforms"
NOW = datetime(2027, 3, 1, 9, 30).astimezone()


def _view(qtbot: QtBot, name: str) -> FormView:
    session = FormSession(load_form(CORPUS / name), now=NOW, metadata={"username": "Tess"})
    view = FormView(session, 0)
    qtbot.addWidget(view)
    view.resize(900, 760)
    view.show()
    qtbot.waitExposed(view)
    view.complete()  # every page's questions made, as the turns after the first page make them
    return view


def test_each_new_type_gets_a_widget_and_metadata_none(qtbot: QtBot) -> None:
    view = _view(qtbot, "all_new_types.xlsx")
    kinds = {name: type(card.input) for name, card in view.cards.items()}
    assert kinds == {
        "meeting_time": PatternInput,
        "sent_at": PatternInput,
        "satisfaction": RangeInput,
        "priorities": RankInput,
        "office": PatternInput,
        "route": PatternInput,
        "site": PatternInput,
        "photo": FileInput,
        "recording": FileInput,
        "clip": FileInput,
        "report": FileInput,
        "badge": TextInput,
        "share": type(view.cards["share"].input),
    }
    for unshown in ("source", "share_pct", "phonenumber", "simserial", "email"):
        assert unshown not in view.cards


def test_typed_answers_reach_the_session(qtbot: QtBot) -> None:
    view = _view(qtbot, "all_new_types.xlsx")
    session = view.session
    for name, typed, stored in [
        ("meeting_time", "14:05", "14:05"),
        ("sent_at", "2027-03-01 14:30", "2027-03-01T14:30"),
        ("office", "52.08 4.31", "52.08 4.31 0 0"),
        ("badge", "NL-77", "NL-77"),
    ]:
        view.go_to_question(name)
        edit = view.cards[name].input.edit  # type: ignore[union-attr]
        qtbot.keyClicks(edit, typed)
        assert session.value(name) == stored, name


def test_a_wrong_time_is_shown_next_to_the_field(qtbot: QtBot) -> None:
    view = _view(qtbot, "all_new_types.xlsx")
    view.go_to_question("meeting_time")
    qtbot.keyClicks(view.cards["meeting_time"].input.edit, "99:99")  # type: ignore[union-attr]
    assert not view.next_page()
    assert view.cards["meeting_time"].message.text() == "Enter a time as HH:MM."


def test_the_range_slider_moves_by_its_steps_with_the_arrow_keys(qtbot: QtBot) -> None:
    view = _view(qtbot, "all_new_types.xlsx")
    view.go_to_question("satisfaction")
    slider = view.cards["satisfaction"].input.slider  # type: ignore[union-attr]
    assert view.session.value("satisfaction") is None
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert view.session.value("satisfaction") == 4  # start=0 step=2


def test_a_rank_is_put_in_order_with_alt_arrows(qtbot: QtBot) -> None:
    view = _view(qtbot, "all_new_types.xlsx")
    view.go_to_question("priorities")
    rank = view.cards["priorities"].input
    assert isinstance(rank, RankInput)
    assert view.session.value("priorities") is None
    rank.list.setCurrentRow(2)  # land rights
    qtbot.keyClick(rank.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(rank.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert view.session.value("priorities") == ("land", "wages", "climate")
    assert rank.list.item(0).text() == "Land rights"


def test_a_file_is_stored_and_answered_by_name_and_hash_not_by_its_path(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    photo = tmp_path / "laptop" / "site.jpg"
    photo.parent.mkdir()
    photo.write_bytes(b"\xff\xd8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (str(photo), ""))
    view = _view(qtbot, "all_new_types.xlsx")
    files = tmp_path / "files"
    view.store_file = lambda path: store_survey_file(files, path)
    view.go_to_question("photo")
    file_input = view.cards["photo"].input
    qtbot.mouseClick(file_input.choose_button, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    sha = hashlib.sha256(b"\xff\xd8").hexdigest()
    assert view.session.value("photo") == f"site.jpg (sha256:{sha})"
    assert file_input.edit.text() == "site.jpg"  # type: ignore[union-attr]
    assert (files / "attachments" / sha[:2] / sha / "site.jpg").read_bytes() == b"\xff\xd8"
    qtbot.mouseClick(file_input.clear_button, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    assert view.session.value("photo") is None


def test_a_kobo_form_runs_with_calculated_questions_read_only(qtbot: QtBot) -> None:
    view = _view(qtbot, "kobo_due_diligence.xlsx")
    assert {"start", "end", "today", "deviceid", "username", "audit"}.isdisjoint(view.cards)
    assert not view.cards["companies_twice"].input.isEnabled()  # type: ignore[union-attr]
    assert view.cards["estimate"].input.isEnabled()  # type: ignore[union-attr]
    view.go_to_question("companies")
    qtbot.keyClicks(view.cards["companies"].input.edit, "3")  # type: ignore[union-attr]
    assert view.session.value("companies_twice") == 6
    view.go_to_question("estimate")
    events = [line.split(",") for line in str(view.session.value("audit")).splitlines()]
    assert events[0] == ["event", "node", "start", "end"]
    assert events[1][:2] == ["form start", ""]
    # The question had the focus from when its page showed until the next one took it.
    (companies,) = [row for row in events if row[:2] == ["question", "/data/activity/companies"]]
    assert int(companies[2]) <= int(companies[3])
    view.session.set_answers({"role": "head", "region": "africa", "consent": "OK"})
    submitted: list[dict[str, object]] = []
    view.submit_requested.connect(submitted.append)
    assert view.submit()
    assert submitted[0]["username"] == "Tess"
    assert submitted[0]["end"]


def test_the_audit_follows_the_focus_from_question_to_question(qtbot: QtBot) -> None:
    """On a field-list page each question is an event of its own from when it takes the focus
    until the next one does, as ODK Collect's audit.csv has them."""
    view = _view(qtbot, "kobo_due_diligence.xlsx")
    view.activateWindow()
    qtbot.waitActive(view)
    view.go_to_question("role")  # the 'about' page: a field-list group
    for name in ("region", "role"):
        card = view.cards[name]
        card.input.focus_input()  # type: ignore[union-attr]
        qtbot.waitUntil(lambda card=card: card.isAncestorOf(QApplication.focusWidget()))
    view.hide()  # leaving the form ends the event going on
    events = [line.split(",") for line in str(view.session.value("audit")).splitlines()]
    questions = [row[1] for row in events if row[0] == "question"]
    assert questions[-3:] == ["/data/about/role", "/data/about/region", "/data/about/role"]
    assert all(row[3] for row in events if row[0] == "question")


def test_the_follow_up_form_runs_and_submits_with_its_defaults(qtbot: QtBot) -> None:
    """The corpus form holding every function: its screens open and a response goes out."""
    view = _view(qtbot, "kobo_follow_up.xlsx")
    pages = 0
    while not view.is_reviewing and pages < 40:
        assert view.next_page(), view.page_errors(view.current_page())
        pages += 1
    submitted: list[dict[str, object]] = []
    view.submit_requested.connect(submitted.append)
    assert view.submit()
    assert submitted[0]["c_pow"] == 144
    assert submitted[0]["themes"] == ("wages", "climate")
