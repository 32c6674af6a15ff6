"""Coloured text that stays readable: each tone has a light-scheme and a dark-scheme colour.

A colour picked for a white page (a red error, a grey hint) is unreadable on a dark one, so
widgets ask for a tone, not a colour: `set_tone(label, "danger")`. The colour follows the
palette, also when the system switches between light and dark while the app runs. Every
tone reaches WCAG 2.1 AA (4.5:1) against the window, base and alternate-base colours of both
of postkit's palettes (tests/ui/test_contrast.py measures it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import shiboken6
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from postkit.ui.style import is_dark
from postkit.ui.widgets.bar_chart import mix

Tone = Literal["neutral", "muted", "danger", "warning", "positive", "info", "referral"]

# (on light, on dark)
TONES: dict[str, tuple[str, str]] = {
    "neutral": ("#4b5563", "#b4bac3"),  # secondary text: hints, labels of groups
    "muted": ("#5b6572", "#a9afb8"),  # empty states and meta lines
    "danger": ("#c62828", "#ff8f85"),  # errors, red flags, declined
    "warning": ("#9a4608", "#f2b05c"),  # open questions, old lists
    "positive": ("#17714f", "#62d0a2"),  # done, supported
    "info": ("#00669f", "#74bdf0"),  # support with conditions, notes
    "referral": ("#8e44ad", "#c9a0f0"),  # referred to headquarters
}

_TONE_PROPERTY = "postkit_tone"
_EXTRA_PROPERTY = "postkit_tone_css"


def tone_color(tone: Tone, palette: QPalette | None = None) -> QColor:
    """The colour of `tone` for `palette` (the application's when not given)."""
    light, dark = TONES[tone]
    return QColor(dark if is_dark(palette or QGuiApplication.palette()) else light)


def set_tone(widget: QWidget, tone: Tone, *, bold: bool = False, css: str = "") -> None:
    """Draw `widget`'s text in `tone` (and `css`, further declarations such as padding)."""
    declarations = css + (" font-weight: 600;" if bold else "")
    widget.setProperty(_TONE_PROPERTY, tone)
    widget.setProperty(_EXTRA_PROPERTY, declarations.strip())
    _apply(widget)
    _follow(widget, "tone", lambda: _apply(widget))


def band_color(color: str, palette: QPalette | None = None) -> str:
    """A band behind normal text that hints at `color`: pale on a light page, deep on a dark
    one, so the palette's text colour stays readable on it in both schemes."""
    palette = palette or QGuiApplication.palette()
    if is_dark(palette):
        return mix(QColor(color), palette.color(QPalette.ColorRole.Base), 0.78).name()
    return mix(QColor(color), QColor("#ffffff"), 0.88).name()


def follow_scheme(widget: QWidget, restyle: Callable[[], None]) -> None:
    """Run `restyle` now and again whenever the palette changes (colours a widget picks
    itself: item foregrounds, tinted bands, tones in rich text)."""
    restyle()
    _follow(widget, "restyle", restyle)


def _apply(widget: QWidget) -> None:
    tone = widget.property(_TONE_PROPERTY)
    if tone is None:
        return
    color = tone_color(tone).name()
    widget.setStyleSheet(f"color: {color}; {widget.property(_EXTRA_PROPERTY) or ''}".strip())


# What each widget re-runs when the palette changes, until it is destroyed. Qt sends
# ApplicationPaletteChange to windows only, not to the widgets inside them, so the
# application's paletteChanged signal drives them all.
_FOLLOWERS: dict[QWidget, dict[str, Callable[[], None]]] = {}


def _follow(widget: QWidget, kind: str, restyle: Callable[[], None]) -> None:
    if widget not in _FOLLOWERS:
        _FOLLOWERS[widget] = {}
        widget.destroyed.connect(lambda: _FOLLOWERS.pop(widget, None))
    _FOLLOWERS[widget][kind] = restyle
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication) and not app.property(_FOLLOWING):
        app.setProperty(_FOLLOWING, True)
        app.paletteChanged.connect(_restyle_all)


_FOLLOWING = "postkit_tones_follow_palette"


def _restyle_all() -> None:
    for widget, restyles in list(_FOLLOWERS.items()):
        if not shiboken6.isValid(widget):
            _FOLLOWERS.pop(widget, None)
            continue
        for restyle in list(restyles.values()):
            restyle()
