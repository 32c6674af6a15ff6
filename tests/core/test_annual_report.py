from __future__ import annotations

import base64
import re
import shutil
import subprocess
import zlib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.report import write_annual_report
from postkit.core.activities.service import create_activity
from postkit.core.errors import PostkitError
from postkit.core.profile import PostProfile

SEMINAR = ActivityInput(
    core_task=2,
    title="Seminar on living wage for cocoa exporters",
    start_date=date(2025, 5, 14),
    activity_type="seminar_event",
    country="GH",
    themes=("living_wage",),
    companies_reached=9,
    participants_women=14,
    participants_men=11,
    participants_other=1,
)

_STREAM = re.compile(rb"<<(.*?)>>\s*stream\r?\n(.*?)endstream", re.S)
_STRING = rb"\(((?:\\.|[^\\)])*)\)\s*Tj\s*"
_LINE = re.compile(rb"(?:" + _STRING + rb")+", re.S)
_SHOWN = re.compile(_STRING, re.S)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def pdf_lines(path: Path) -> list[str]:
    """The lines of text the PDF's pages show, in drawing order.

    reportlab draws each line of a paragraph or cell as consecutive `(...) Tj` strings.
    """
    lines = []
    for header, data in _STREAM.findall(path.read_bytes()):
        if b"/ASCII85Decode" in header:
            data = base64.a85decode(data.strip().removesuffix(b"~>"))
        if b"/FlateDecode" in header:
            data = zlib.decompress(data)
        for line in _LINE.finditer(data):
            raw = b"".join(_SHOWN.findall(line.group(0)))
            text = _ESCAPE.sub(lambda m: _unescape(m.group(1)), raw)
            # reportlab's WinAnsi puts the bullet at 0x7f as well as at 0x95.
            lines.append(text.replace(b"\x7f", b"\x95").decode("cp1252"))
    return lines


def _unescape(code: bytes) -> bytes:
    if code[:1].isdigit():
        return bytes([int(code, 8)])
    return _ESCAPES.get(code, code)


def _add(session: Session, **changes: object) -> None:
    create_activity(session, replace(SEMINAR, **changes), "Tess")  # type: ignore[arg-type]


@pytest.fixture
def year_2025(session: Session) -> Session:
    _add(session)
    _add(
        session,
        core_task=3,
        title="Advice to a <cocoa> exporter & importer",
        start_date=date(2025, 9, 2),
    )
    _add(session, core_task=2, title="Newsletter on living wage", start_date=date(2025, 11, 20))
    _add(session, core_task=1, title="Staff training in 2024", start_date=date(2024, 12, 31))
    return session


def test_the_report_has_a_cover_the_figures_and_the_activities(
    year_2025: Session, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    write_annual_report(year_2025, 2025, out)
    assert out.read_bytes().startswith(b"%PDF-")
    lines = pdf_lines(out)
    assert "Annual IMVO report 2025" in lines
    assert "Embassy Testland" in lines
    assert "Countries of accreditation: Kenya" in lines
    assert any(line.startswith("Printed on ") for line in lines)
    assert "Summary per core task" in lines
    assert "2. Raising IMVO awareness among businesses" in lines
    assert (
        "In 2025 the post recorded 3 activities, reaching 27 companies and 78 participants."
        in lines
    )
    assert "Activities in 2025" in lines
    assert "Seminar on living wage for cocoa exporters" in lines
    assert "Advice to a <cocoa> exporter & importer" in lines
    assert "Staff training in 2024" not in lines
    assert "Living wage" in lines  # top themes
    assert "Women" in lines and "Men" in lines and "Other or unknown" in lines


def _listed_after(lines: list[str], heading: str) -> list[str]:
    """The bulleted lines that follow `heading`."""
    start = lines.index(heading) + 1
    listed = []
    while lines[start] == "•":
        listed.append(lines[start + 1])
        start += 2
    return listed


def test_core_tasks_without_activity_are_named(year_2025: Session, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    write_annual_report(year_2025, 2025, out)
    assert _listed_after(pdf_lines(out), "Core tasks without any activity in 2025:") == [
        "1. Building IMVO expertise at the post",
        "4. Applying IMVO conditions when supporting companies",
        "5. Putting IMVO on the agenda in the country of accreditation",
    ]


def test_a_year_with_every_core_task_says_so(year_2025: Session, tmp_path: Path) -> None:
    for task in (1, 4, 5):
        _add(year_2025, core_task=task, activity_type="meeting")
    out = tmp_path / "report.pdf"
    write_annual_report(year_2025, 2025, out)
    lines = pdf_lines(out)
    assert "Every core task had at least one activity in 2025." in lines
    assert "Core tasks without any activity in 2025:" not in lines


def test_every_page_but_the_cover_is_numbered(year_2025: Session, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    write_annual_report(year_2025, 2025, out)
    numbers = [line for line in pdf_lines(out) if re.fullmatch(r"page \d+ of \d+", line)]
    pages = len(numbers) + 1
    assert numbers == [f"page {n} of {pages}" for n in range(2, pages + 1)]


def test_a_year_without_activities_says_so(session: Session, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    write_annual_report(session, 2030, out)
    assert out.read_bytes().startswith(b"%PDF-")
    lines = pdf_lines(out)
    assert "Annual IMVO report 2030" in lines
    assert "No activities were recorded in 2030." in lines
    assert len(_listed_after(lines, "Core tasks without any activity in 2030:")) == 5
    assert "No participants were recorded in 2030." in lines
    assert "Activities in 2030" not in lines


def test_the_report_can_be_in_dutch(year_2025: Session, tmp_path: Path) -> None:
    out = tmp_path / "jaarverslag.pdf"
    write_annual_report(year_2025, 2025, out, language="nl")
    lines = pdf_lines(out)
    assert "IMVO-jaarverslag 2025" in lines
    assert "Landen van accreditatie: Kenia" in lines
    assert "2. Bewustwording van IMVO creëren bij het bedrijfsleven" in lines
    assert "Kerntaken zonder enige activiteit in 2025:" in lines
    assert "Leefbaar loon" in lines
    assert "Annual IMVO report 2025" not in lines


def test_a_given_profile_is_used_instead_of_the_stored_one(
    year_2025: Session, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    profile = PostProfile("Ambassade Lima", ("PE", "BO"), "Tess")
    write_annual_report(year_2025, 2025, out, profile=profile)
    lines = pdf_lines(out)
    assert "Ambassade Lima" in lines
    assert "Countries of accreditation: Peru, Bolivia" in lines
    assert "Embassy Testland" not in lines


@pytest.mark.parametrize("where", ["missing-folder/report.pdf", "a-folder"])
def test_an_unwritable_path_is_a_postkit_error_naming_it(
    session: Session, tmp_path: Path, where: str
) -> None:
    (tmp_path / "a-folder").mkdir()
    target = tmp_path / where
    with pytest.raises(PostkitError, match="cannot write") as caught:
        write_annual_report(session, 2025, target)
    assert str(target) in str(caught.value)
    assert not list(tmp_path.rglob("*.part"))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext not installed")
def test_poppler_reads_the_same_text(year_2025: Session, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    write_annual_report(year_2025, 2025, out)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, check=True, text=True
    ).stdout
    for expected in (
        "Annual IMVO report 2025",
        "Raising IMVO awareness among businesses",
        "Core tasks without any activity in 2025:",
        "Advice to a <cocoa> exporter & importer",
    ):
        assert expected in text


def test_a_single_activity_reads_as_one(session: Session, tmp_path: Path) -> None:
    _add(session)
    out = tmp_path / "report.pdf"
    write_annual_report(session, 2025, out)
    summary = "In 2025 the post recorded one activity, reaching 9 companies and 26 participants."
    assert summary in pdf_lines(out)
