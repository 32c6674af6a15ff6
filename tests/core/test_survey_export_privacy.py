from __future__ import annotations

import getpass
import platform
import re
import socket
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from postkit.core.surveys.export import export_responses_csv, export_responses_xlsx
from postkit.core.surveys.service import import_form, start_response, submit_response
from tests.conftest import TEST_PROFILE
from tests.core.test_survey_engine import TODAY, write_form

POST = "Embassy Testland"
RESPONDENT = "Marijke Oosterhuis"
NAMED_RESPONDENT = "Kees Boonstra"
FAKE_USER = "pkuser7731"
FAKE_HOST = "pkhost-5521"
# What a workbook's creator may say: a program, never a person or a machine.
NEUTRAL_AUTHORS = {None, "", "openpyxl", "postkit"}
ANSWERS: dict[str, object] = {
    "role": "other",
    "role_other": "Consul",
    "years": 4,
    "share": 0.3,
    "visited": date(2026, 2, 1),
    "done": ("t1", "t3"),
    "why": "Two tasks",
    "region": "africa",
    "country": "KE",
    "consent": "OK",
}
REAL_USER = getpass.getuser()
REAL_HOST = socket.gethostname()


@pytest.fixture
def form_pk(session: Session, tmp_path: Path) -> int:
    return import_form(session, write_form(tmp_path / "form.xlsx"), TEST_PROFILE.user_name).id


@pytest.fixture
def disguised_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """A user and a host name that could only come from the machine, wherever they are read."""
    for variable in ("USER", "LOGNAME", "USERNAME"):
        monkeypatch.setenv(variable, FAKE_USER)
    monkeypatch.setattr(getpass, "getuser", lambda: FAKE_USER)
    monkeypatch.setattr(socket, "gethostname", lambda: FAKE_HOST)
    monkeypatch.setattr(platform, "node", lambda: FAKE_HOST)


def _respond(session: Session, form_pk: int, anonymous: bool, respondent: str) -> None:
    draft = start_response(session, form_pk, POST, "en", anonymous, respondent)
    submit_response(session, draft.id, ANSWERS, today=TODAY)


def _parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def _occurs(value: str, text: str) -> bool:
    """Whether a name occurs as a word of its own (a short host name such as "vm" may well
    be part of an XML word)."""
    return re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text, re.IGNORECASE) is not None


def _personal_values() -> list[str]:
    values = [RESPONDENT, TEST_PROFILE.user_name, FAKE_USER, FAKE_HOST]
    values += [value for value in (REAL_USER, REAL_HOST) if len(value) >= 3]
    return values


@pytest.mark.usefixtures("disguised_machine")
def test_an_anonymous_response_leaves_no_name_user_or_device_in_any_part_of_the_xlsx(
    session: Session, form_pk: int, tmp_path: Path
) -> None:
    _respond(session, form_pk, anonymous=True, respondent=RESPONDENT)
    _respond(session, form_pk, anonymous=False, respondent=NAMED_RESPONDENT)
    path = tmp_path / "export.xlsx"

    assert export_responses_xlsx(session, form_pk, path, POST) == 2

    parts = _parts(path)
    assert "docProps/core.xml" in parts
    assert any(name.startswith("xl/worksheets/") for name in parts)
    assert any(NAMED_RESPONDENT in text for text in parts.values()), "the scan sees the cells"
    for name, text in parts.items():
        for value in _personal_values():
            assert not _occurs(value, text), f"{value!r} in {name}"
    workbook = load_workbook(path, read_only=True)
    properties = workbook.properties
    workbook.close()
    assert properties.creator in NEUTRAL_AUTHORS
    assert properties.lastModifiedBy in NEUTRAL_AUTHORS


@pytest.mark.usefixtures("disguised_machine")
def test_an_anonymous_response_leaves_no_name_user_or_device_in_the_csv(
    session: Session, form_pk: int, tmp_path: Path
) -> None:
    _respond(session, form_pk, anonymous=True, respondent=RESPONDENT)
    path = tmp_path / "export.csv"

    export_responses_csv(session, form_pk, path, POST)

    text = path.read_text(encoding="utf-8-sig")
    assert "Two tasks" in text
    for value in _personal_values():
        assert not _occurs(value, text), value
