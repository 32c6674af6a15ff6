"""Text and icons meet WCAG 2.1 AA contrast in the light and the dark palette."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from postkit.ui import style
from postkit.ui.icons import MODULE_ICONS, icon
from postkit.ui.screening.colors import OUTCOME_COLORS, RISK_COLORS
from postkit.ui.widgets import colors
from postkit.ui.widgets.badge import Badge
from postkit.ui.widgets.notice import Notice
from postkit.ui.widgets.tones import TONES, follow_scheme, set_tone, tone_color
from tests.ui.contrast import AA_NON_TEXT, AA_TEXT, contrast_ratio, drawn_text_contrast, over

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


@pytest.mark.parametrize("scheme", PALETTES)
def test_icons_reach_the_non_text_contrast_on_every_background_they_sit_on(
    qapp: QApplication, scheme: str
) -> None:
    # WCAG 1.4.11: graphics a person needs to understand the control, 3:1 to what is next
    # to them. Disabled icons are exempt, as disabled text is.
    qapp.setPalette(PALETTES[scheme]())
    try:
        palette = qapp.palette()
        shown = {
            QIcon.Mode.Normal: (Role.Window, Role.Base, Role.AlternateBase, Role.Button),
            QIcon.Mode.Active: (Role.Window, Role.Base, Role.Button),
            QIcon.Mode.Selected: (Role.Highlight,),
        }
        for name in ("pencil-outline", *MODULE_ICONS.values()):
            for mode, backgrounds in shown.items():
                image = icon(name).pixmap(QSize(32, 32), mode).toImage()
                ink = _opaquest_pixel(image)
                for background in backgrounds:
                    ratio = contrast_ratio(ink, palette.color(background))
                    assert ratio >= AA_NON_TEXT, (
                        f"{name} ({mode.name}) on {background.name}: {ratio:.2f}:1"
                    )
    finally:
        style.apply_scheme(qapp, Qt.ColorScheme.Light)


def _opaquest_pixel(image: QImage) -> QColor:
    """The glyph's core colour: its most opaque pixel (the edges are antialiased)."""
    best = QColor(0, 0, 0, 0)
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > best.alpha():
                best = pixel
    assert best.alpha() == 255, "the icon drew nothing opaque"
    best.setAlpha(255)
    return best


BADGE_FILLS = sorted(
    {
        *OUTCOME_COLORS.values(),
        *RISK_COLORS.values(),
        colors.POSITIVE,
        colors.WARNING,
        colors.DANGER,
        colors.NEUTRAL,
        colors.INFO,
    }
)


@pytest.mark.parametrize("fill", BADGE_FILLS)
def test_badge_text_reaches_aa_on_every_fill_the_pages_use(qtbot: QtBot, fill: str) -> None:
    # A badge draws its own fill, so the scheme does not matter: its text must read on it.
    badge = Badge()
    qtbot.addWidget(badge)
    badge.set_badge("Ondersteunen met voorwaarden", fill)
    badge.resize(badge.sizeHint())
    badge.show()
    qtbot.waitExposed(badge)
    ratio = drawn_text_contrast(badge)
    assert ratio >= AA_TEXT, f"badge on {fill}: {ratio:.2f}:1"


SWITCHES = {
    "light to dark": (Qt.ColorScheme.Light, Qt.ColorScheme.Dark),
    "dark to light": (Qt.ColorScheme.Dark, Qt.ColorScheme.Light),
}


@pytest.mark.parametrize("switch", SWITCHES)
@pytest.mark.parametrize("color", [colors.POSITIVE, colors.WARNING, colors.DANGER, colors.INFO])
def test_a_notice_band_reads_in_both_schemes_and_after_a_live_switch(
    qtbot: QtBot, qapp: QApplication, color: str, switch: str
) -> None:
    first, then = SWITCHES[switch]
    style.apply_scheme(qapp, first)
    notice = Notice()
    qtbot.addWidget(notice)
    notice.show_text("Deze lijst is ouder dan dertig dagen", color)
    notice.resize(420, notice.sizeHint().height())
    qtbot.waitExposed(notice)
    try:
        before = drawn_text_contrast(notice)
        style.apply_scheme(qapp, then)
        qtbot.wait(20)
        after = drawn_text_contrast(notice)
    finally:
        style.apply_scheme(qapp, Qt.ColorScheme.Light)
    assert before >= AA_TEXT, f"{first.name}: {before:.2f}:1"
    assert after >= AA_TEXT, f"{then.name} after the switch: {after:.2f}:1"


def test_toned_and_restyled_widgets_inside_a_window_follow_a_live_switch(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # Qt tells windows, not the widgets inside them, that the application palette changed.
    style.apply_scheme(qapp, Qt.ColorScheme.Light)
    window = QWidget()
    qtbot.addWidget(window)
    label = QLabel("Dit verzoek heeft een rode vlag", window)
    set_tone(label, "danger")
    restyled: list[str] = []
    inner = QWidget(window)
    follow_scheme(inner, lambda: restyled.append(tone_color("info").name()))
    window.show()
    qtbot.waitExposed(window)
    try:
        style.apply_scheme(qapp, Qt.ColorScheme.Dark)
        qtbot.wait(10)
        assert TONES["danger"][1] in label.styleSheet()
        assert restyled == [TONES["info"][0], TONES["info"][1]]
    finally:
        style.apply_scheme(qapp, Qt.ColorScheme.Light)
    assert TONES["danger"][0] in label.styleSheet()


def test_widgets_with_a_style_sheet_take_the_new_palette_after_a_live_switch(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # Qt polishes a widget with a style sheet once, with the palette of that moment.
    style.apply_scheme(qapp, Qt.ColorScheme.Light)
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    heading = QLabel("Departement", window)
    heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
    tree = QTreeWidget(window)
    tree.setStyleSheet("QTreeView::item { padding: 3px 8px 3px 0; }")
    tree.addTopLevelItem(QTreeWidgetItem(["Ambassade Nairobi"]))
    layout.addWidget(heading)
    layout.addWidget(tree)
    window.show()
    qtbot.waitExposed(window)
    try:
        style.apply_scheme(qapp, Qt.ColorScheme.Dark)
        qtbot.wait(10)
        dark = style.dark_palette()
        assert tree.viewport().palette().color(Role.Base) == dark.color(Role.Base)
        assert heading.palette().color(Role.WindowText) == dark.color(Role.WindowText)
        ratio = drawn_text_contrast(heading)
    finally:
        style.apply_scheme(qapp, Qt.ColorScheme.Light)
    assert ratio >= AA_TEXT, f"{ratio:.2f}:1"


# The survey form's text colours over the backgrounds it draws them on (its own style sheet).
FORM_TEXT_ON = {
    "muted": ("body", "card", "note", "error_row", "hover"),
    "danger": ("body", "card", "note", "error_row", "hover"),
    "heading": ("body", "card"),
    "scale": ("card", "hover"),
    "accent": ("card", "hover"),
    "link": ("body", "card", "note"),
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_survey_forms_own_colours_reach_aa(qapp: QApplication, scheme: str) -> None:
    from postkit.ui.surveys.form_view import DARK, LIGHT

    colors = LIGHT if scheme == "light" else DARK
    base = PALETTES[scheme]().color(Role.Base)
    problems = []
    for text, backgrounds in FORM_TEXT_ON.items():
        for background in backgrounds:
            behind = base if colors[background] == "palette(base)" else QColor(colors[background])
            ratio = contrast_ratio(QColor(colors[text]), behind)
            if ratio < AA_TEXT:
                problems.append(f"{text} on {background}: {ratio:.2f}:1")
    assert problems == []
