"""Text and icons meet WCAG 2.1 AA contrast in the light and the dark palette."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from postkit.ui import style
from postkit.ui.widgets.tones import TONES, set_tone, tone_color
from tests.ui.contrast import AA_TEXT, contrast_ratio, drawn_text_contrast, over

Role = QPalette.ColorRole
PALETTES = {"light": style.light_palette, "dark": style.dark_palette}
# Text role drawn over background role, as the Fusion style pairs them.
TEXT_PAIRS = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.Window),
    (Role.Link, Role.Base),
    (Role.LinkVisited, Role.Base),
    (Role.ToolTipText, Role.ToolTipBase),
)


@pytest.mark.parametrize("scheme", PALETTES)
@pytest.mark.parametrize(("text", "background"), TEXT_PAIRS, ids=lambda role: role.name)
def test_every_text_role_of_the_palette_reaches_aa(
    scheme: str, text: Role, background: Role
) -> None:
    palette = PALETTES[scheme]()
    behind = palette.color(QPalette.ColorGroup.Active, background)
    drawn = over(palette.color(QPalette.ColorGroup.Active, text), behind)
    ratio = contrast_ratio(drawn, behind)
    assert ratio >= AA_TEXT, f"{text.name} on {background.name}: {ratio:.2f}:1"


@pytest.mark.parametrize("scheme", PALETTES)
@pytest.mark.parametrize("tone", TONES)
def test_every_tone_reaches_aa_on_every_background_it_is_drawn_on(
    qapp: QApplication, scheme: str, tone: str
) -> None:
    palette = PALETTES[scheme]()
    color = tone_color(tone, palette)  # type: ignore[arg-type]
    for background in (Role.Window, Role.Base, Role.AlternateBase, Role.Button):
        ratio = contrast_ratio(color, palette.color(background))
        assert ratio >= AA_TEXT, f"{tone} on {background.name}: {ratio:.2f}:1"


def test_a_toned_label_follows_a_live_switch_to_dark_and_stays_readable(
    qtbot: QtBot, qapp: QApplication
) -> None:
    style.apply_scheme(qapp, Qt.ColorScheme.Light)
    label = QLabel("Dit verzoek heeft een rode vlag")
    qtbot.addWidget(label)
    set_tone(label, "danger", bold=True)
    label.show()
    qtbot.waitExposed(label)
    try:
        light = drawn_text_contrast(label)
        style.apply_scheme(qapp, Qt.ColorScheme.Dark)
        qtbot.waitUntil(lambda: TONES["danger"][1] in label.styleSheet(), timeout=2000)
        dark = drawn_text_contrast(label)
    finally:
        style.apply_scheme(qapp, Qt.ColorScheme.Light)
    assert light >= AA_TEXT, light
    assert dark >= AA_TEXT, dark
    assert "font-weight: 600" in label.styleSheet()
