from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.practices.exchange import read_exchange_file
from postkit.core.practices.privacy import REMOVED, remove_personal_data
from postkit.core.practices.records import PracticeInput
from postkit.core.practices.service import create_practice
from postkit.ui.ops import Runner
from postkit.ui.practices.page import PracticesPage
from postkit.ui.practices.sharing import ExportDialog
from tests.conftest import TEST_PROFILE

CONTACT = "Anna de Vries, trade officer, anna.devries@minbuza.nl, +31 70 348 6486"
ROUNDTABLE = PracticeInput(
    title="Living-wage roundtable with flower growers",
    core_tasks=(2,),
    country="KE",
    year=2024,
    summary="In 2024 Anna de Vries brought 14 growers together; budget EUR 20,000,000.",
    contact=CONTACT,
    language="en",
    status="published",
)
PLAIN = replace(ROUNDTABLE, title="Cocoa dialogue", summary="No people named.", contact="")


@pytest.fixture
def exported_to(tmp_path: Path) -> Path:
    return tmp_path / "shared.postkit"


@pytest.fixture
def page(qtbot: QtBot, database: Database, runner: Runner, exported_to: Path) -> PracticesPage:
    with database.session() as session:
        create_practice(session, ROUNDTABLE, "Tess")
        create_practice(session, PLAIN, "Tess")
    widget = PracticesPage(runner, TEST_PROFILE, "en", ask_path=lambda *_args: exported_to)
    qtbot.addWidget(widget)
    return widget


def _accepting(keep: bool, seen: list[ExportDialog]) -> Callable[[ExportDialog], int]:
    def exec_(dialog: ExportDialog) -> int:
        seen.append(dialog)
        dialog.published_button.setChecked(True)
        dialog.keep_personal_data.setChecked(keep)
        return ExportDialog.DialogCode.Accepted.value

    return exec_


def _written(qtbot: QtBot, page: PracticesPage, path: Path) -> dict[str, PracticeInput]:
    page.runner.wait_idle()
    qtbot.waitUntil(lambda: page.job is None, timeout=10000)
    with read_exchange_file(path) as exchange:
        return {practice.data.title: practice.data for practice in exchange.practices}


def test_the_export_dialog_lists_what_it_leaves_out_and_the_file_has_none_of_it(
    qtbot: QtBot, page: PracticesPage, exported_to: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[ExportDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", _accepting(False, seen))

    page.export_practices()
    page.runner.wait_idle()  # what the dialog tells is read first

    (dialog,) = seen
    user = "user name (the post's name goes instead) “Tess”"
    assert dialog.removal_lines() == [
        f"{ROUNDTABLE.title} — Summary: name “Anna de Vries”",
        f"{ROUNDTABLE.title} — Contact: the whole contact “{CONTACT}”",
        f"{ROUNDTABLE.title} — Created or changed by: {user}",
        f"{PLAIN.title} — Created or changed by: {user}",
    ]
    assert "Left out to protect privacy" in dialog.removals_label.text()
    written = _written(qtbot, page, exported_to)
    assert written[ROUNDTABLE.title].contact == REMOVED
    assert written[ROUNDTABLE.title].summary == (
        "In 2024 [removed] brought 14 growers together; budget EUR 20,000,000."
    )
    assert written[PLAIN.title] == PLAIN


def test_keeping_personal_data_on_purpose_exports_it_unchanged(
    qtbot: QtBot, page: PracticesPage, exported_to: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[ExportDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", _accepting(True, seen))

    page.export_practices()
    page.runner.wait_idle()  # what the dialog tells is read first

    (dialog,) = seen
    assert dialog.keeps_personal_data
    assert not dialog.removals.isEnabled()
    assert "make sure the people agreed" in dialog.removals_label.text()
    assert _written(qtbot, page, exported_to)[ROUNDTABLE.title] == ROUNDTABLE


def test_the_list_follows_the_choice_of_practices(qtbot: QtBot) -> None:
    dialog = ExportDialog(
        1, 2, None, lambda selection: () if selection else remove_personal_data(ROUNDTABLE)[1]
    )
    qtbot.addWidget(dialog)
    assert dialog.exports_selection
    assert dialog.removal_lines() == []
    assert "No names, e-mail addresses or phone numbers" in dialog.removals_label.text()
    assert not dialog.keep_personal_data.isEnabled()

    dialog.published_button.setChecked(True)

    assert len(dialog.removal_lines()) == 2
    assert dialog.keep_personal_data.isEnabled()
