"""Exports of a second survey, besides the evaluation's demo exports, for headquarters tests."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from postkit.core.hq.demo_exports import write_demo_exports
from postkit.core.surveys.forms import Form
from postkit.core.surveys.xlsform import load_form

CHECK_IN_ID = "post_check_in"
CHECK_IN_TITLE = "Post check-in"


def write_check_in_form(folder: Path) -> Path:
    """A small survey without a region question: a rating and a comment."""
    workbook = Workbook()
    survey = workbook.active
    assert survey is not None
    survey.title = "survey"
    for row in (
        ["type", "name", "label::English (en)", "label::Nederlands (nl)", "required"],
        ["select_one mood", "mood", "How is IMVO work going?", "Hoe gaat het IMVO-werk?", "yes"],
        ["text", "remarks", "Remarks", "Opmerkingen", ""],
    ):
        survey.append(row)
    choices = workbook.create_sheet("choices")
    for row in (
        ["list_name", "name", "label::English (en)", "label::Nederlands (nl)"],
        ["mood", "good", "Good", "Goed"],
        ["mood", "mixed", "Mixed", "Wisselend"],
        ["mood", "poor", "Poor", "Slecht"],
    ):
        choices.append(row)
    settings = workbook.create_sheet("settings")
    settings.append(["form_id", "form_title", "version", "default_language"])
    settings.append([CHECK_IN_ID, CHECK_IN_TITLE, "2026120101", "en"])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{CHECK_IN_ID}.xlsx"
    workbook.save(path)
    return path


def write_check_in_exports(folder: Path, form_path: Path, posts: int) -> list[Path]:
    """`posts` posts' exports of the check-in survey, three responses each."""
    form: Form = load_form(form_path)
    return write_demo_exports(folder, posts=posts, responses=3, seed=11, form=form)
