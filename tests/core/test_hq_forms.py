"""Headquarters aggregates whichever survey the exports are of, by the form it imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from postkit.core.db import Database
from postkit.core.errors import PostkitError
from postkit.core.hq.demo_exports import write_demo_exports
from postkit.core.hq.forms import any_form, form_of, last_aggregated_form, sort_by_form
from postkit.core.hq.summary import collect_and_summarise
from postkit.core.surveys.service import import_form, shipped_surveys_dir
from postkit.core.surveys.xlsform import load_form
from tests.hq_exports import (
    CHECK_IN_ID,
    CHECK_IN_TITLE,
    write_check_in_exports,
    write_check_in_form,
)

EVALUATION_ID = "imvo_guidelines_evaluation"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three evaluation exports, two of the check-in survey and a file that is no export."""
    exports = tmp_path / "inbox"
    write_demo_exports(exports / "evaluation", posts=3, responses=4)
    write_check_in_exports(exports / "check-in", write_check_in_form(tmp_path / "forms"), 2)
    (exports / "notes.xlsx").write_text("minutes of a meeting", encoding="utf-8")
    return exports


def test_the_files_are_sorted_by_the_survey_they_are_of_most_files_first(folder: Path) -> None:
    found = sort_by_form([folder])
    assert [(g.form_id, len(g.paths)) for g in found.forms] == [
        (EVALUATION_ID, 3),
        (CHECK_IN_ID, 2),
    ]
    assert found.forms[1].title == CHECK_IN_TITLE
    assert all(path.parent.name == "check-in" for path in found.forms[1].paths)
    assert [path.name for path in found.unreadable] == ["notes.xlsx"]
    assert found.files == 6


def test_a_survey_headquarters_has_not_imported_is_refused_by_name(
    hq_database: Database, tmp_path: Path
) -> None:
    with hq_database.session() as session, pytest.raises(PostkitError) as caught:
        form_of(session, CHECK_IN_ID, "2026120101")
    assert "survey post_check_in version 2026120101, which is not imported here" in str(
        caught.value
    )


def test_exports_of_an_imported_survey_are_aggregated_by_its_form(
    hq_database: Database, folder: Path, tmp_path: Path
) -> None:
    with hq_database.session() as session:
        import_form(session, tmp_path / "forms" / f"{CHECK_IN_ID}.xlsx", "hq")
        assert last_aggregated_form(session) is None
        check_in = next(g for g in sort_by_form([folder]).forms if g.form_id == CHECK_IN_ID)
        form = form_of(session, check_in.form_id, check_in.version)
        report, summary = collect_and_summarise(session, check_in.paths, form)
        assert (len(report.accepted), report.added, len(report.refused)) == (2, 6, 0)
        assert summary.form_id == CHECK_IN_ID and summary.responses == 6
        # No region question: each real post has its region from the list of posts.
        assert all(post.region != "unknown" for post in summary.posts)
        assert [s.name for s in summary.selects] == ["mood"]
        assert sum(c.count for c in summary.selects[0].choices) == 6
        assert last_aggregated_form(session).form_id == CHECK_IN_ID  # type: ignore[union-attr]
        assert any_form(session).form_id == CHECK_IN_ID


def test_with_nothing_aggregated_yet_a_shipped_survey_checks_the_files(
    hq_database: Database,
) -> None:
    with hq_database.session() as session:
        assert any_form(session).form_id in {EVALUATION_ID, "imvo_interview_guide"}


def test_exports_of_the_evaluation_version_before_the_current_one_are_still_aggregated(
    hq_database: Database, tmp_path: Path
) -> None:
    previous = shipped_surveys_dir() / "previous" / f"{EVALUATION_ID}-2026120501.xlsx"
    write_demo_exports(tmp_path / "old", posts=2, responses=3, form=load_form(previous))
    [group] = sort_by_form([tmp_path / "old"]).forms
    assert (group.form_id, group.version) == (EVALUATION_ID, "2026120501")
    with hq_database.session() as session:
        form = form_of(session, group.form_id, group.version)
        assert form.find("anonymous") is not None  # that version still asked it
        report, summary = collect_and_summarise(session, group.paths, form)
    assert (len(report.accepted), report.added, len(report.refused)) == (2, 6, 0)
    assert summary.responses == 6 and summary.likert
