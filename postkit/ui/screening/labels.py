"""Texts for the screening's values in the user's language: kinds, outcomes, answers, levels."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from postkit.core.screening import reference
from postkit.core.screening.records import Answer, Judgement, Outcome, RiskLevel, Status


def support_kind_label(code: str | None, language: str = "en") -> str:
    return reference.support_kinds().label(code, language)


def outcome_label(outcome: Outcome | str | None, language: str = "en") -> str:
    return reference.outcomes().label(str(outcome) if outcome else None, language)


def checklist_question(code: str, language: str = "en") -> str:
    item = reference.checklist_item(code)
    return item.question(language) if item else code


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScreeningLabels", text)


_ANSWERS = {
    Answer.YES: QT_TRANSLATE_NOOP("ScreeningLabels", "Yes"),
    Answer.NO: QT_TRANSLATE_NOOP("ScreeningLabels", "No"),
    Answer.UNKNOWN: QT_TRANSLATE_NOOP("ScreeningLabels", "Unknown"),
}
_STATUSES = {
    Status.OPEN: QT_TRANSLATE_NOOP("ScreeningLabels", "Open"),
    Status.DECIDED: QT_TRANSLATE_NOOP("ScreeningLabels", "Decided"),
}
_JUDGEMENTS = {
    Judgement.OPEN: QT_TRANSLATE_NOOP("ScreeningLabels", "To judge"),
    Judgement.CONFIRMED: QT_TRANSLATE_NOOP("ScreeningLabels", "Confirmed"),
    Judgement.DISMISSED: QT_TRANSLATE_NOOP("ScreeningLabels", "Dismissed"),
}
_LEVELS = {
    RiskLevel.LOW: QT_TRANSLATE_NOOP("ScreeningLabels", "Low risk"),
    RiskLevel.MEDIUM: QT_TRANSLATE_NOOP("ScreeningLabels", "Medium risk"),
    RiskLevel.HIGH: QT_TRANSLATE_NOOP("ScreeningLabels", "High risk"),
}


_LIST_SOURCES = {
    "eu-fsf": QT_TRANSLATE_NOOP("ScreeningLabels", "EU sanctions list"),
    "un-sc": QT_TRANSLATE_NOOP("ScreeningLabels", "UN sanctions list"),
    "nl-terrorism": QT_TRANSLATE_NOOP("ScreeningLabels", "Dutch terrorism sanctions list"),
    "opensanctions": QT_TRANSLATE_NOOP(
        "ScreeningLabels", "OpenSanctions list (non-commercial use only)"
    ),
}


# Kinds of list entry, as the lists' importers name them (OpenSanctions' schemata).
_ENTRY_KINDS = {
    "Person": QT_TRANSLATE_NOOP("ScreeningLabels", "Person"),
    "Organization": QT_TRANSLATE_NOOP("ScreeningLabels", "Organisation"),
    "Company": QT_TRANSLATE_NOOP("ScreeningLabels", "Company"),
    "LegalEntity": QT_TRANSLATE_NOOP("ScreeningLabels", "Legal entity"),
    "Vessel": QT_TRANSLATE_NOOP("ScreeningLabels", "Vessel"),
    "Airplane": QT_TRANSLATE_NOOP("ScreeningLabels", "Aircraft"),
}


def entry_kind_label(schema: str) -> str:
    """What a list entry is (person, organisation, vessel…); an unknown kind as the list has it."""
    return _tr(_ENTRY_KINDS[schema]) if schema in _ENTRY_KINDS else schema


def list_source_label(source: str) -> str:
    """Which list: EU, UN, Dutch national or OpenSanctions ("" for a list no longer stored)."""
    return _tr(_LIST_SOURCES[source]) if source in _LIST_SOURCES else source


def answer_label(answer: Answer) -> str:
    return _tr(_ANSWERS[answer])


def status_label(status: Status) -> str:
    return _tr(_STATUSES[status])


def judgement_label(judgement: Judgement) -> str:
    return _tr(_JUDGEMENTS[judgement])


def risk_level_label(level: RiskLevel) -> str:
    return _tr(_LEVELS[level])


def list_date_text(list_date: str) -> str:
    """A list's date as the locale writes it (the files give an ISO timestamp)."""
    from datetime import date

    from PySide6.QtCore import QLocale

    try:
        day = date.fromisoformat(list_date[:10])
    except ValueError:
        return list_date or "–"
    return QLocale().toString(day, QLocale.FormatType.ShortFormat)
