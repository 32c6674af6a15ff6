"""A database may hold several posts' activities (headquarters): reports and lists are per post."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy.orm import Session

from postkit.core.activities.export import export_activities_xlsx
from postkit.core.activities.listing import activity_ids, activity_years, count_activities
from postkit.core.activities.records import ActivityFilter, ActivityInput
from postkit.core.activities.report import write_annual_report
from postkit.core.activities.service import create_activity, get_activity
from postkit.core.activities.statistics import year_summary
from postkit.core.profile import PostProfile, load_profile, save_profile
from tests.pdf_text import pdf_lines

OURS = ActivityInput(
    core_task=2,
    title="Seminar on living wage in Nairobi",
    start_date=date(2025, 5, 14),
    activity_type="seminar_event",
    country="KE",
    themes=("living_wage",),
    unnamed_companies=9,
    participants_women=14,
    participants_men=11,
    post_name="Embassy Testland",
)
THEIRS = replace(
    OURS,
    core_task=5,
    title="Dialogue with the ministry of labour in Lima",
    start_date=date(2023, 3, 1),
    country="PE",
    themes=("child_labour",),
    unnamed_companies=4,
    post_name="Ambassade Lima",
)


def _two_posts(session: Session) -> tuple[int, int]:
    ours = create_activity(session, OURS, "Tess").id
    theirs = create_activity(session, replace(THEIRS, start_date=date(2025, 6, 2)), "Ana").id
    create_activity(session, THEIRS, "Ana")
    return ours, theirs


def test_the_annual_report_of_a_database_with_two_posts_lists_only_the_profiles_post(
    session: Session, tmp_path: Path
) -> None:
    _two_posts(session)
    out = tmp_path / "report.pdf"
    write_annual_report(session, 2025, out)
    text = " ".join(pdf_lines(out))
    assert "Seminar on living wage in Nairobi" in text
    assert "Lima" not in text
    assert "Peru" not in text
    assert "In 2025 the post recorded one activity, reaching 9 companies" in text


def test_a_given_profile_reports_that_posts_activities(session: Session, tmp_path: Path) -> None:
    _two_posts(session)
    out = tmp_path / "report.pdf"
    write_annual_report(session, 2025, out, profile=PostProfile("Ambassade Lima", ("PE",), "Ana"))
    text = " ".join(pdf_lines(out))
    assert "Dialogue with the ministry of labour in Lima" in text
    assert "Nairobi" not in text


def test_figures_years_counts_and_lists_are_per_post(session: Session) -> None:
    ours, theirs = _two_posts(session)
    summary = year_summary(session, 2025, post_name="Embassy Testland")
    assert summary.activities == 1
    assert summary.companies_reached == 9
    assert summary.top_themes == (("living_wage", 1),)
    assert activity_years(session, "Embassy Testland") == [2025]
    assert activity_years(session, "Ambassade Lima") == [2025, 2024, 2023]
    assert activity_years(session) == [2025, 2024, 2023]
    assert count_activities(session, ActivityFilter(post_name="Embassy Testland")) == 1
    assert activity_ids(session, ActivityFilter(post_name="Embassy Testland")) == [ours]
    assert theirs in activity_ids(session, ActivityFilter(post_name="Ambassade Lima"))
    assert count_activities(session) == 3
    assert ActivityFilter(post_name="Embassy Testland").is_empty


def test_the_export_of_one_post_holds_only_its_activities(session: Session, tmp_path: Path) -> None:
    _two_posts(session)
    out = tmp_path / "activities.xlsx"
    written = export_activities_xlsx(session, out, ActivityFilter(post_name="Ambassade Lima"))
    titles = [row[4] for row in load_workbook(out).active.iter_rows(min_row=2, values_only=True)]
    assert written == 2
    assert titles == ["Dialogue with the ministry of labour in Lima"] * 2


def test_an_activity_entered_without_a_post_belongs_to_the_profiles_post(
    session: Session,
) -> None:
    created = create_activity(session, replace(OURS, post_name=""), "Tess")
    assert get_activity(session, created.id).data.post_name == "Embassy Testland"


def test_renaming_the_post_keeps_its_activities_with_it(session: Session) -> None:
    ours, theirs = _two_posts(session)
    profile = load_profile(session)
    assert profile is not None
    save_profile(session, replace(profile, post_name="Netherlands Embassy Testland"))
    assert get_activity(session, ours).data.post_name == "Netherlands Embassy Testland"
    assert get_activity(session, theirs).data.post_name == "Ambassade Lima"


def test_pointing_the_profile_at_another_post_relabels_nothing(session: Session) -> None:
    ours, theirs = _two_posts(session)
    profile = load_profile(session)
    assert profile is not None
    save_profile(session, replace(profile, post_name="Ambassade Lima"))
    assert get_activity(session, ours).data.post_name == "Embassy Testland"
    assert get_activity(session, theirs).data.post_name == "Ambassade Lima"
