"""What postkit says about who did what and about its log must be what it can stand behind:
user names are labels anyone at the laptop can pick, and the log's hash chain shows edits
that do not recompute it (a rewrite shows only against an anchor kept outside)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from postkit.core.paths import resources_dir
from postkit.ui.ops import Runner
from postkit.ui.screening.audit_log import AuditLogView
from postkit.ui.users_dialog import UsersDialog

README = Path(__file__).resolve().parents[2] / "README.md"
GUIDES = {
    "en": resources_dir() / "help" / "user-guide.en.md",
    "nl": resources_dir() / "help" / "user-guide.nl.md",
}


def _labels(widget: object) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel))  # type: ignore[attr-defined]


def test_the_users_dialog_says_a_name_is_a_label_not_a_login(qtbot: QtBot, runner: Runner) -> None:
    dialog = UsersDialog(runner)
    qtbot.addWidget(dialog)
    runner.wait_idle()

    text = _labels(dialog)

    assert "not a login" in text
    assert "does not check" in text


def test_the_audit_log_does_not_promise_entries_cannot_be_edited(qtbot: QtBot) -> None:
    view = AuditLogView("en")
    qtbot.addWidget(view)

    text = _labels(view)

    assert "cannot be edited" not in text
    assert "recompute" in text and "decision record" in text


def test_the_readme_claims_no_more_than_postkit_can_stand_behind() -> None:
    text = " ".join(README.read_text(encoding="utf-8").split())

    assert "every record keeps who created and changed it)" not in text
    assert "not a login" in text
    assert "tamper-evident against edits that do not recompute" in text
    assert "--anchor" in text


@pytest.mark.parametrize(
    ("language", "label", "chain"),
    [
        ("en", "not a login", "do not recompute"),
        ("nl", "geen inlog", "niet opnieuw berekent"),
    ],
)
def test_the_user_guide_says_what_names_and_the_log_prove(
    language: str, label: str, chain: str
) -> None:
    text = " ".join(GUIDES[language].read_text(encoding="utf-8").split())

    assert label in text
    assert chain in text
    assert "--anchor" in text
