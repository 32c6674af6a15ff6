from __future__ import annotations

import re
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
from tests.pdf_text import pdf_lines, pdf_text

SEMINAR = ActivityInput(
    core_task=2,
    title="Seminar on living wage for cocoa exporters",
    start_date=date(2025, 5, 14),
    activity_type="seminar_event",
    country="GH",
    themes=("living_wage",),
    unnamed_companies=9,
    participants_women=14,
    participants_men=11,
    participants_other=1,
)


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
    assert "2. Raising IMVO awareness among businesses" in " ".join(lines)  # table cells may wrap
    assert (
        "In 2025 the post recorded 3 activities, reaching 27 companies and 78 participants."
        in lines
    )
    assert "Activities in 2025" in lines
    assert "Seminar on living wage for cocoa exporters" in " ".join(lines)  # table cells may wrap
    assert "Advice to a <cocoa> exporter & importer" in " ".join(lines)  # table cells may wrap
    assert "Staff training in 2024" not in lines
    assert "Living wage" in lines  # top themes
    assert "Women" in lines and "Men" in lines and "Other or unknown" in lines


# reportlab draws its bullet as WinAnsi 0x7f when the font is a TrueType one.
BULLETS = ("•", "\x7f")


def _listed_after(lines: list[str], heading: str) -> list[str]:
    """The bulleted items that follow `heading` (an item may wrap onto more lines)."""
    listed: list[str] = []
    for line in lines[lines.index(heading) + 1 :]:
        if line[:1] in BULLETS:
            listed.append(line[1:].strip())
        elif listed and not line.endswith(":") and line[:1].islower():
            listed[-1] += " " + line
        else:
            break
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
    assert "2. Bewustwording van IMVO creëren bij het bedrijfsleven" in " ".join(
        lines
    )  # table cells may wrap
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


def test_the_text_reads_back_as_written(year_2025: Session, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    write_annual_report(year_2025, 2025, out)
    text = " ".join(pdf_text(out).split())
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
