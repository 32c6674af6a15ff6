"""The colours of the screening's levels, outcomes and judgements (the shared ones are in
ui/widgets/colors.py)."""

from __future__ import annotations

from postkit.core.screening.records import Judgement, Outcome, RiskLevel
from postkit.ui.widgets.colors import DANGER, INFO, POSITIVE
from postkit.ui.widgets.tones import Tone

RISK_COLORS = {RiskLevel.LOW: "#009E73", RiskLevel.MEDIUM: "#E69F00", RiskLevel.HIGH: "#D55E00"}
OUTCOME_COLORS = {
    Outcome.SUPPORT: POSITIVE,
    Outcome.SUPPORT_WITH_CONDITIONS: INFO,
    Outcome.DECLINE: DANGER,
    Outcome.REFER_TO_HQ: "#8e44ad",
}
# The text of an outcome or a judgement: a tone, so it reads on a light and a dark page.
OUTCOME_TONES: dict[Outcome, Tone] = {
    Outcome.SUPPORT: "positive",
    Outcome.SUPPORT_WITH_CONDITIONS: "info",
    Outcome.DECLINE: "danger",
    Outcome.REFER_TO_HQ: "referral",
}
JUDGEMENT_TONES: dict[Judgement, Tone] = {
    Judgement.OPEN: "warning",
    Judgement.CONFIRMED: "danger",
    Judgement.DISMISSED: "neutral",
}
