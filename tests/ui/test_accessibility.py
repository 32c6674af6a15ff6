"""Every page of the main window and every main dialog, read as a screen reader reads them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from postkit.ui.activities.editor import ActivityDialog
from postkit.ui.main_window import MODULES, MainWindow
from postkit.ui.ops import Runner
from postkit.ui.practices.sharing import ExportDialog
from postkit.ui.preferences_dialog import PreferencesDialog
from postkit.ui.profile_dialog import ProfileDialog
from postkit.ui.screening.decision_panel import OpenStepsDialog
from postkit.ui.screening.editor import RequestDialog
from postkit.ui.surveys.dialogs import StartResponseDialog
from postkit.ui.users_dialog import UsersDialog
from tests.ui import test_screens_fit as fit
from tests.ui.accessibility import accessibility_problems

# The Dutch main window over demo data, shared with the check that no text is cut off.
demo_database = fit.demo_database
dutch_window = fit.dutch_window
_show = fit._show


def _page_problems(window: MainWindow) -> list[str]:
    checked: list[QWidget] = []
    problems = accessibility_problems(window, checked)
    assert len(checked) > 3, "the walk reached the page's widgets"
    return problems


@pytest.mark.slow
def test_every_interactive_widget_of_a_main_page_has_a_name_and_role(
    dutch_window: MainWindow, qtbot: QtBot
) -> None:
    found = {}
    for module in MODULES:
        _show(dutch_window, qtbot, module)
        if problems := _page_problems(dutch_window):
            found[module] = problems
    screening = dutch_window.screening_page
    _show(dutch_window, qtbot, "screening")
    screening.select_request(screening.request_list.model.id_at(0))
    for tab in range(screening.tabs.count()):
        screening.show_tab(tab)
        qtbot.wait(20)
        if problems := _page_problems(dutch_window):
            found[f"screening tab {tab}"] = problems
    assert found == {}, "\n".join(f"{k}: {p}" for k, v in found.items() for p in v)


DIALOGS: dict[str, Callable[[Path, Runner], QDialog]] = {
    "activity editor": lambda folder, _: ActivityDialog(folder, "nl"),
    "request": lambda _, __: RequestDialog("nl"),
    "decision with open steps": lambda _, __: OpenStepsDialog(
        "Geen bezwaar", "Groenveld BV", ["1.1", "2.3"], "nl"
    ),
    "survey start": lambda _, __: StartResponseDialog("Evaluatie", {"nl": "Nederlands"}, "nl"),
    "preferences": lambda _, __: PreferencesDialog("nl"),
    "profile": lambda _, __: ProfileDialog(language="nl"),
    "users": lambda _, runner: UsersDialog(runner),
    "export practices": lambda _, __: ExportDialog(2, 5),
}


@pytest.mark.parametrize("name", DIALOGS)
def test_every_interactive_widget_of_a_dialog_has_a_name_and_role(
    name: str, qtbot: QtBot, tmp_path: Path, runner: Runner
) -> None:
    dialog = DIALOGS[name](tmp_path, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    runner.wait_idle()
    checked: list[QWidget] = []
    problems = accessibility_problems(dialog, checked)
    assert problems == [], "\n".join(problems)
    assert len(checked) >= 3


def test_the_walk_finds_a_field_without_a_name_and_a_wrong_role(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    edit = QLineEdit(dialog)
    edit.setPlaceholderText("Name")
    layout.addWidget(edit)
    layout.addWidget(QPushButton("OK", dialog))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert len(accessibility_problems(dialog)) == 1
    edit.setAccessibleName("Name")
    assert accessibility_problems(dialog) == []
