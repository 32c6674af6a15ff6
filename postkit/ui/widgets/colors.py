"""The colours the pages share for good, warning, danger, neutral and information (Okabe-Ito
based), and the tint that lightens one for a band behind text."""

from __future__ import annotations

from PySide6.QtGui import QColor

from postkit.ui.widgets.bar_chart import mix

POSITIVE = "#1b7f5b"
WARNING = "#b45309"
DANGER = "#c62828"
NEUTRAL = "#4b5563"
INFO = "#0072B2"


def tint(color: str, towards_white: float) -> str:
    """`color` lightened the fraction `towards_white` of the way to white, as #rrggbb."""
    return mix(QColor(color), QColor("#ffffff"), towards_white).name()
