"""The `audit` metadata as ODK Collect writes audit.csv: `event,node,start,end`, a `question`
event per question the respondent is on (its path in the form's instance, /data/…, with [n] for
a repeat instance) with the milliseconds since the epoch it started and ended."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from postkit.core.surveys.engine import FormSession
from postkit.core.surveys.xlsform import load_form
from tests.core.test_survey_repeats import _form

SURVEY = [
    ["audit", "audit"],
    ["begin group", "about", "About"],
    ["text", "role", "Role"],
    ["end group"],
    ["begin repeat", "visit", "Visit"],
    ["text", "company", "Company"],
    ["end repeat"],
]
T0 = datetime(2027, 3, 1, 9, 30, tzinfo=UTC)


def _ms(seconds: float) -> str:
    return str(int((T0 + timedelta(seconds=seconds)).timestamp() * 1000))


def _rows(session: FormSession) -> list[list[str]]:
    return [line.split(",") for line in str(session.value("audit")).splitlines()]


def test_each_question_focused_is_an_event_with_its_path_start_and_end(tmp_path: Path) -> None:
    session = FormSession(load_form(_form(tmp_path, SURVEY)), now=T0)
    session.begin_audit(T0)
    session.focus("role", T0 + timedelta(seconds=1))
    session.focus("company@1", T0 + timedelta(seconds=4.5))
    session.add_instance("visit", T0 + timedelta(seconds=6))
    session.focus("company@2", T0 + timedelta(seconds=6))
    session.show_end_screen(T0 + timedelta(seconds=9))
    session.finish(T0 + timedelta(seconds=12))
    assert _rows(session) == [
        ["event", "node", "start", "end"],
        ["form start", "", _ms(0), ""],
        ["question", "/data/about/role", _ms(1), _ms(4.5)],
        ["question", "/data/visit[1]/company", _ms(4.5), _ms(6)],
        ["add repeat", "/data/visit[2]", _ms(6), ""],
        ["question", "/data/visit[2]/company", _ms(6), _ms(9)],
        ["end screen", "", _ms(9), _ms(12)],
        ["form finalize", "", _ms(12), ""],
    ]


def test_a_resumed_draft_adds_to_its_audit_and_an_open_event_ends_on_leaving(
    tmp_path: Path,
) -> None:
    form = load_form(_form(tmp_path, SURVEY))
    first = FormSession(form, now=T0)
    first.begin_audit(T0)
    first.focus("role", T0 + timedelta(seconds=2))
    first.focus("role", T0 + timedelta(seconds=3))  # the same question: one event
    first.leave(T0 + timedelta(seconds=5))
    later = FormSession(form, first.answers(), now=T0 + timedelta(seconds=60))
    assert _rows(later) == _rows(first)  # validating or loading a draft logs nothing
    later.begin_audit(T0 + timedelta(seconds=60))
    later.leave(T0 + timedelta(seconds=61))  # nothing open: nothing to end
    assert _rows(later)[1:] == [
        ["form start", "", _ms(0), ""],
        ["question", "/data/about/role", _ms(2), _ms(5)],
        ["form resume", "", _ms(60), ""],
    ]


def test_a_form_without_audit_logs_nothing(tmp_path: Path) -> None:
    session = FormSession(load_form(_form(tmp_path, SURVEY[1:])), now=T0)
    session.begin_audit(T0)
    session.focus("role", T0)
    session.finish(T0)
    assert "audit" not in session.answers()
