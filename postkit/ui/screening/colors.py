"""The colours the screening uses for levels, outcomes and red flags (Okabe-Ito based)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from postkit.core.screening.records import Judgement, Outcome, RiskLevel
from postkit.ui.widgets.bar_chart import mix

POSITIVE = "#1b7f5b"
WARNING = "#b45309"
DANGER = "#c62828"
NEUTRAL = "#4b5563"
INFO = "#0072B2"

RISK_COLORS = {RiskLevel.LOW: "#009E73", RiskLevel.MEDIUM: "#E69F00", RiskLevel.HIGH: "#D55E00"}
OUTCOME_COLORS = {
    Outcome.SUPPORT: POSITIVE,
    Outcome.SUPPORT_WITH_CONDITIONS: INFO,
    Outcome.DECLINE: DANGER,
    Outcome.REFER_TO_HQ: "#8e44ad",
}
JUDGEMENT_COLORS = {
    Judgement.OPEN: WARNING,
    Judgement.CONFIRMED: DANGER,
    Judgement.DISMISSED: NEUTRAL,
}


def tint(color: str, towards_white: float) -> str:
    """`color` lightened the fraction `towards_white` of the way to white, as #rrggbb."""
    return mix(QColor(color), QColor("#ffffff"), towards_white).name()
