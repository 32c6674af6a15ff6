from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget
from pytestqt.qtbot import QtBot

import postkit.ui
from postkit.ui import style
from postkit.ui.actions import ActionId, Actions
from postkit.ui.glyphs import GLYPHS
from postkit.ui.help import UserGuideDialog, guide_path, show_user_guide
from postkit.ui.icons import MODULE_ICONS, app_icon, icon, icon_font_dir
from postkit.ui.main_window import declared_actions

GUIDE_SECTIONS = {
    "en": [
        "Getting started",
        "The activity log",
        "The dashboard",
        "IMVO conditions screening",
        "Follow-up",
        "Good practices",
        "Surveys",
        "Headquarters",
        "Companies",
        "Backups",
        "Keyboard shortcuts",
    ],
    "nl": [
        "Aan de slag",
        "Het activiteitenlogboek",
        "Het dashboard",
        "Toetsing aan de IMVO-voorwaarden",
        "Opvolging",
        "Goede voorbeelden",
        "Enquêtes",
        "Departement",
        "Bedrijven",
        "Back-ups",
        "Sneltoetsen",
    ],
}


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application, with the style and palette it had put back afterwards."""
    style_name = qapp.style().name()
    palette = QPalette(qapp.palette())
    yield qapp
    qapp.setStyle(style_name)
    qapp.setPalette(palette)


def painted_colors(image: QImage) -> set[str]:
    """The colours of the opaque pixels, as #rrggbb (anti-aliased edges left out)."""
    return {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


def test_every_action_has_an_icon_that_paints(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    actions = Actions(window, declared_actions())
    for action_id in ActionId:
        action_icon = actions[action_id].icon()
        assert not action_icon.isNull(), action_id
        assert painted_colors(action_icon.pixmap(24, 24).toImage()), action_id


def test_every_module_has_an_icon(qapp: QApplication) -> None:
    for name in ("activities", "dashboard", "screening", "practices", "surveys", "help"):
        assert not icon(MODULE_ICONS[name]).isNull()


def test_an_unknown_icon_name_is_an_error(qapp: QApplication) -> None:
    with pytest.raises(KeyError, match="no-such-icon"):
        icon("no-such-icon")


def test_the_listed_glyphs_are_the_fonts_own_and_cover_the_main_window() -> None:
    charmap = json.loads(
        next(icon_font_dir().glob("materialdesignicons6-webfont-charmap-*.json")).read_text()
    )
    assert {name: int(charmap[name], 16) for name in GLYPHS} == GLYPHS
    shown_at_start = {spec.icon for _id, spec in declared_actions() if spec.icon} | set(
        MODULE_ICONS.values()
    )
    assert shown_at_start <= set(GLYPHS), sorted(shown_at_start - set(GLYPHS))


def test_every_icon_named_in_the_code_is_listed() -> None:
    """An icon name written anywhere in postkit/ui (a page's button, a list's line) needs no
    charmap: reading it while a person works stalled the window (the headquarters queue)."""
    charmap = json.loads(
        next(icon_font_dir().glob("materialdesignicons6-webfont-charmap-*.json")).read_text()
    )
    named = {
        node.value
        for path in Path(postkit.ui.__file__).parent.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        # Icon names are hyphenated; single words ("text", "note") are mostly other text.
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and "-" in node.value and node.value in charmap
    }  # fmt: skip
    assert {"folder-outline", "file-document-outline", "chart-bar"} <= named
    assert named <= set(GLYPHS), sorted(named - set(GLYPHS))


def test_an_icon_not_listed_comes_from_the_charmap(qapp: QApplication) -> None:
    assert "weather-sunny" not in GLYPHS
    sunny = icon("weather-sunny")
    assert painted_colors(sunny.pixmap(24, 24).toImage())


def test_icons_draw_in_the_palettes_text_colours(app: QApplication) -> None:
    style.apply_scheme(app, Qt.ColorScheme.Dark)
    palette = app.palette()
    pencil = icon("pencil-outline")
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText).name()
    assert painted_colors(pencil.pixmap(32, 32).toImage()) == {normal}
    image = pencil.pixmap(QSize(32, 32), QIcon.Mode.Disabled).toImage()
    assert painted_colors(image) == {disabled}

    style.apply_scheme(app, Qt.ColorScheme.Light)
    light_text = app.palette().color(QPalette.ColorRole.ButtonText).name()
    assert painted_colors(pencil.pixmap(32, 32).toImage()) == {light_text}


def test_icons_are_drawn_at_device_resolution(qapp: QApplication) -> None:
    pixmap = icon("magnify").pixmap(QSize(24, 24), 2.0)
    assert pixmap.size() == QSize(48, 48)
    assert pixmap.devicePixelRatio() == 2.0


def test_app_icon_has_every_size(qapp: QApplication) -> None:
    mark = app_icon()
    assert not mark.isNull()
    assert {QSize(16, 16), QSize(32, 32), QSize(256, 256)} <= set(mark.availableSizes())
    assert painted_colors(mark.pixmap(16, 16).toImage())


def test_dark_scheme_gives_a_dark_window(app: QApplication) -> None:
    style.apply_scheme(app, Qt.ColorScheme.Dark)
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert style.is_dark()
    style.apply_scheme(app, Qt.ColorScheme.Light)
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200
    assert not style.is_dark()


def test_an_unknown_scheme_is_light(app: QApplication) -> None:
    style.apply_scheme(app, Qt.ColorScheme.Unknown)
    assert not style.is_dark()


def test_the_look_follows_the_system_scheme_live(app: QApplication) -> None:
    style.apply_look(app)
    style.apply_look(app)  # a second call neither fails nor connects twice
    assert app.style().name().lower() == "fusion"
    app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert style.is_dark()
    app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not style.is_dark()


def test_the_light_palette_is_fusions_own_with_the_accent(qapp: QApplication) -> None:
    fusion = QStyleFactory.create("Fusion").standardPalette()
    ours = style.light_palette()
    roles = [role for role in QPalette.ColorRole if role not in _NO_COLOR_ROLES]
    # Fusion's placeholder and visited-link text fall short of AA contrast (test_contrast.py).
    darkened_for_contrast = {QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.LinkVisited}
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role in roles:
            expected = fusion.color(group, role)
            if role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.Accent):
                expected = QColor(style.ACCENT)
            elif role in darkened_for_contrast:
                expected = QColor(style.LIGHT_COLORS[role])
            assert ours.color(group, role).rgba() == expected.rgba(), (group, role)
    for role in roles:
        disabled = QPalette.ColorGroup.Disabled
        expected = fusion.color(disabled, role)
        if role in darkened_for_contrast:
            expected = QColor(style.LIGHT_COLORS[role])
        assert ours.color(disabled, role).rgba() == expected.rgba(), role


def test_a_fresh_start_is_in_fusion_without_asking_the_style(tmp_path: Path) -> None:
    script = (
        "from postkit.ui.app import create_application\n"
        "app = create_application()\n"
        "highlight = app.palette().color(app.palette().ColorRole.Highlight)\n"
        "print(app.style().name().lower(), highlight.name())"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)},
        timeout=60,
    )
    assert result.stdout.split() == ["fusion", style.ACCENT], result.stderr


_NO_COLOR_ROLES = (QPalette.ColorRole.NoRole, QPalette.ColorRole.NColorRoles)


def test_scaled_font_grows_by_the_factor(qapp: QApplication) -> None:
    font = qapp.font()
    assert style.scaled_font(font, 2.0).pointSizeF() == pytest.approx(font.pointSizeF() * 2)
    assert font.pointSizeF() == qapp.font().pointSizeF()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_user_guide_opens_with_its_sections(qtbot: QtBot, language: str) -> None:
    dialog = UserGuideDialog(language)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    sections = [text for level, text in dialog.headings() if level == 2]
    assert sections == GUIDE_SECTIONS[language]
    contents = [
        dialog.contents.topLevelItem(row).text(0)
        for row in range(dialog.contents.topLevelItemCount())
    ]
    assert contents == GUIDE_SECTIONS[language]

    last = dialog.contents.topLevelItem(dialog.contents.topLevelItemCount() - 1)
    dialog.contents.setCurrentItem(last)
    assert dialog.browser.verticalScrollBar().value() > 0


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_guide_lists_the_key_of_every_action(qtbot: QtBot, language: str) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    actions = Actions(window, declared_actions())
    guide = guide_path(language).read_text(encoding="utf-8")
    for action_id in ActionId:
        shortcuts = actions[action_id].shortcuts()
        if shortcuts:
            key = shortcuts[0].toString(QKeySequence.SequenceFormat.PortableText)
            key = {"Return": "Enter"}.get(key, key)
            assert f"| {key} |" in guide, (action_id, key)


def test_a_language_without_a_guide_gets_the_english_one() -> None:
    assert guide_path("fr") == guide_path("en")


def test_showing_the_guide_twice_raises_the_open_one(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    first = show_user_guide(parent, "en")
    qtbot.waitExposed(first)
    assert show_user_guide(parent, "en") is first
    assert first.windowIcon().cacheKey() == app_icon().cacheKey()


def test_the_dark_palette_sets_every_role_it_names() -> None:
    palette = style.dark_palette()
    for role, color in style.DARK_COLORS.items():
        assert palette.color(QPalette.ColorGroup.Active, role) == QColor(color)
