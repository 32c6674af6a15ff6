from __future__ import annotations

from pytestqt.qtbot import QtBot

from postkit.core.profile import PostProfile
from postkit.ui.profile_dialog import ProfileDialog


def test_first_run_profile_needs_post_name_and_country(qtbot: QtBot) -> None:
    dialog = ProfileDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.post_name, "Embassy Lima")
    qtbot.keyClicks(dialog.user_name, "Ana Quispe")
    assert not dialog.ok_button.isEnabled()
    assert "country" in dialog.error_label.text()
    dialog.countries.set_checked_codes(["PE", "BO"])
    assert dialog.ok_button.isEnabled()
    assert dialog.profile() == PostProfile("Embassy Lima", ("BO", "PE"), "Ana Quispe")


def test_country_filter_hides_other_countries(qtbot: QtBot) -> None:
    dialog = ProfileDialog(language="nl")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.countries.filter_box, "kenia")
    visible = [
        dialog.countries.list.item(row).text()
        for row in range(dialog.countries.list.count())
        if not dialog.countries.list.item(row).isHidden()
    ]
    assert visible == ["Kenia"]


def test_editing_an_existing_profile_starts_from_it(qtbot: QtBot) -> None:
    dialog = ProfileDialog(PostProfile("Embassy Accra", ("GH",), "Kofi"))
    qtbot.addWidget(dialog)
    assert dialog.post_name.text() == "Embassy Accra"
    assert dialog.countries.checked_codes() == ("GH",)
    assert dialog.ok_button.isEnabled()
