"""The colours of the screening's levels, outcomes and judgements (the shared ones are in
ui/widgets/colors.py)."""

from __future__ import annotations

from postkit.core.screening.records import Judgement, Outcome, RiskLevel
from postkit.ui.widgets.colors import DANGER, INFO, NEUTRAL, POSITIVE, WARNING

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
