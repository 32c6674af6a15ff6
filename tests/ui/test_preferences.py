from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from postkit.ui import settings as keys
from postkit.ui.actions import ActionId
from postkit.ui.i18n import apply_locale
from postkit.ui.main_window import MainWindow
from postkit.ui.preferences_dialog import PreferencesDialog


def test_choosing_another_language_says_it_applies_on_restart(qtbot: QtBot) -> None:
    dialog = PreferencesDialog("en")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.restart_note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    assert dialog.restart_note.isVisible()
    assert dialog.chosen_language == "nl"


def test_the_language_is_stored_in_the_settings(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def choose_dutch(dialog: PreferencesDialog) -> int:
        dialog.language.setCurrentIndex(dialog.language.findData("nl"))
        return PreferencesDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", choose_dutch)
    window.actions[ActionId.PREFERENCES].trigger()
    assert window.settings.get(keys.LANGUAGE) == "nl"
    assert "starts again" in window.statusBar().currentMessage()


def test_dates_follow_the_language() -> None:
    apply_locale("nl")
    assert QLocale().toString(QLocale().toDate("2025-05-14", "yyyy-MM-dd"), "MMMM") == "mei"
    apply_locale("en")
    assert QLocale().toString(QLocale().toDate("2025-05-14", "yyyy-MM-dd"), "MMMM") == "May"
