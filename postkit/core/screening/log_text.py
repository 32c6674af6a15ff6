"""The screening log in words for the decision record: "Field: old → new" in the record's language.

The log in the database stays as it is (canonical JSON in a hash chain, UTC times, codes);
this only reads it for people: checklist items by their step number, answers, judgements and
outcomes by their labels, countries and sectors by name, times in local time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from postkit.core import reference
from postkit.core.screening import reference as screening_reference
from postkit.core.screening.records import AuditEntry

VALUE_LENGTH = 300
ARROW = "→"
NONE = "–"

_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
}

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "created": "Request recorded",
        "updated": "Request changed",
        "answered": "Checklist answered",
        "confirmed": "Answer confirmed",
        "evidence_added": "Evidence added",
        "evidence_removed": "Evidence removed",
        "screened": "Sanctions screening",
        "judged": "Candidate judged",
        "decided": "Decided",
        "reopened": "Reopened",
        "rescreened": "Screened again on a newer list",
        "step": "Step {n}",
        "answer": "Answer",
        "note": "Note",
        "links": "Links",
        "yes": "Yes",
        "no": "No",
        "unknown": "Unknown",
        "file": "File",
        "list": "Sanctions list",
        "threshold": "Threshold",
        "names": "Names screened",
        "candidates": "Candidates",
        "none": "none",
        "candidate": "Candidate",
        "candidate_for": "{listed} for {subject}",
        "score": "score {score}",
        "judgement": "Judgement",
        "judgement_open": "Not judged",
        "judgement_confirmed": "Confirmed",
        "judgement_dismissed": "Dismissed",
        "judged_before": "Judged before",
        "new_candidates": "New candidates",
        "sanctions_answer": "Sanctions answer filled in by the screening",
        "screening_voided": "The names changed: the earlier screening no longer counts",
        "outcome": "Outcome",
        "rationale": "Rationale",
        "conditions": "Conditions",
        "conditions_due": "Conditions due",
        "follow_up_on": "Follow-up on",
        "reason": "Reason",
        "earlier_outcome": "Earlier outcome",
        "company_name": "Company",
        "kvk_number": "KvK number",
        "company_country": "Country of the company",
        "company_sector": "Sector of the company",
        "employees": "Employees",
        "turnover_eur": "Turnover (EUR)",
        "balance_sheet_eur": "Balance sheet total (EUR)",
        "directors": "Directors",
        "support_kind": "Support asked",
        "operating_country": "Country of operation",
        "operating_sector": "Sector of operation",
        "requested_on": "Requested on",
        "needed_by": "Needed by",
        "handled_by": "Handled by",
        "description": "Description",
    },
    "nl": {
        "created": "Verzoek vastgelegd",
        "updated": "Verzoek gewijzigd",
        "answered": "Checklist beantwoord",
        "confirmed": "Antwoord bevestigd",
        "evidence_added": "Bewijs toegevoegd",
        "evidence_removed": "Bewijs verwijderd",
        "screened": "Sanctiescreening",
        "judged": "Kandidaat beoordeeld",
        "decided": "Besloten",
        "reopened": "Heropend",
        "rescreened": "Opnieuw gescreend op een nieuwere lijst",
        "step": "Stap {n}",
        "answer": "Antwoord",
        "note": "Toelichting",
        "links": "Links",
        "yes": "Ja",
        "no": "Nee",
        "unknown": "Onbekend",
        "file": "Bestand",
        "list": "Sanctielijst",
        "threshold": "Drempel",
        "names": "Gescreende namen",
        "candidates": "Kandidaten",
        "none": "geen",
        "candidate": "Kandidaat",
        "candidate_for": "{listed} voor {subject}",
        "score": "score {score}",
        "judgement": "Oordeel",
        "judgement_open": "Niet beoordeeld",
        "judgement_confirmed": "Bevestigd",
        "judgement_dismissed": "Verworpen",
        "judged_before": "Eerder beoordeeld",
        "new_candidates": "Nieuwe kandidaten",
        "sanctions_answer": "Sanctieantwoord ingevuld door de screening",
        "screening_voided": "De namen zijn gewijzigd: de eerdere screening telt niet meer",
        "outcome": "Uitkomst",
        "rationale": "Motivering",
        "conditions": "Voorwaarden",
        "conditions_due": "Voorwaarden uiterlijk",
        "follow_up_on": "Opvolging op",
        "reason": "Reden",
        "earlier_outcome": "Eerdere uitkomst",
        "company_name": "Bedrijf",
        "kvk_number": "KvK-nummer",
        "company_country": "Land van het bedrijf",
        "company_sector": "Sector van het bedrijf",
        "employees": "Werknemers",
        "turnover_eur": "Omzet (EUR)",
        "balance_sheet_eur": "Balanstotaal (EUR)",
        "directors": "Bestuurders",
        "support_kind": "Gevraagde steun",
        "operating_country": "Land van de activiteit",
        "operating_sector": "Sector van de activiteit",
        "requested_on": "Aangevraagd op",
        "needed_by": "Nodig vóór",
        "handled_by": "Behandeld door",
        "description": "Omschrijving",
    },
}
_REQUEST_FIELDS = (
    "company_name",
    "kvk_number",
    "company_country",
    "company_sector",
    "employees",
    "turnover_eur",
    "balance_sheet_eur",
    "directors",
    "support_kind",
    "operating_country",
    "operating_sector",
    "requested_on",
    "needed_by",
    "handled_by",
    "description",
)
_DATES = ("requested_on", "needed_by", "conditions_due", "follow_up_on")


def long_day(value: date, language: str = "en") -> str:
    """A day as the language writes it in full: "2 April 2025", "2 april 2025"."""
    months = _MONTHS.get(language, _MONTHS["en"])
    return f"{value.day} {months[value.month - 1]} {value.year}"


def local_moment(value: datetime, language: str = "en") -> str:
    """A moment in this computer's local time, as the language writes it."""
    local = value.astimezone()
    return f"{long_day(local.date(), language)}, {local:%H:%M}"


def utc_offset(value: datetime) -> str:
    """The local time's offset from UTC at `value`, as "UTC+03:00"."""
    offset = value.astimezone().strftime("%z") or "+0000"
    return f"UTC{offset[:3]}:{offset[3:]}"


def step_number(item: str) -> int | None:
    """The checklist item's number on screen and in the record (1-based, checklist order)."""
    codes = screening_reference.checklist_codes()
    return codes.index(item) + 1 if item in codes else None


class _Writer:
    def __init__(self, language: str) -> None:
        self.language = language if language in WORDS else "en"

    def word(self, key: str, **values: object) -> str:
        return WORDS[self.language][key].format(**values)

    def label(self, key: str) -> str:
        return WORDS[self.language].get(key, key.replace("_", " ").capitalize())

    def step(self, item: object) -> str:
        number = step_number(str(item))
        return self.word("step", n=number) if number is not None else str(item)

    def number(self, value: int | float) -> str:
        text = f"{value:,}" if isinstance(value, int) else f"{value:,.1f}".removesuffix(".0")
        if self.language == "nl":
            text = text.replace(",", "_").replace(".", ",").replace("_", ".")
        return text

    def value(self, field: str, value: Any) -> str:
        """One value as a reader wants it: labels for codes, dates in words, lists joined."""
        if value is None or value == "" or value == [] or value == ():
            return NONE
        if isinstance(value, list | tuple):
            return "; ".join(self.value(field, part) for part in value) or NONE
        if field in ("answer", "sanctions_answer") and value in ("yes", "no", "unknown"):
            return self.word(str(value))
        if field == "judgement" and f"judgement_{value}" in WORDS[self.language]:
            return self.word(f"judgement_{value}")
        if field in ("outcome", "earlier_outcome"):
            return screening_reference.outcomes().label(str(value), self.language)
        if field == "support_kind":
            return screening_reference.support_kinds().label(str(value), self.language)
        if field in ("company_country", "operating_country"):
            return reference.countries().label(str(value), self.language)
        if field in ("company_sector", "operating_sector"):
            return reference.sectors().label(str(value), self.language)
        if field in _DATES:
            try:
                return long_day(date.fromisoformat(str(value)[:10]), self.language)
            except ValueError:
                return str(value)
        if isinstance(value, bool):
            return self.word("yes" if value else "no")
        if isinstance(value, int | float):
            return self.number(value)
        text = " ".join(str(value).split())
        return text if len(text) <= VALUE_LENGTH else text[: VALUE_LENGTH - 1] + "…"

    def field(self, field: str, value: Any, label: str | None = None) -> str:
        return f"{label or self.label(field)}: {self.value(field, value)}"

    def change(self, field: str, change: Any, label: str | None = None) -> str:
        """ "Field: old → new" for an {"old", "new"} change; "Field: value" for a plain value."""
        if isinstance(change, dict) and "new" in change:
            old, new = self.value(field, change.get("old")), self.value(field, change["new"])
            return f"{label or self.label(field)}: {old} {ARROW} {new}"
        return self.field(field, change, label)

    def item_changes(self, details: dict[str, Any]) -> list[str]:
        step = self.step(details.get("item", ""))
        return [
            f"{step} – {self.change(key, details[key])}"
            for key in ("answer", "note", "links")
            if key in details
        ]

    def candidate(self, candidate: dict[str, Any]) -> str:
        listed = str(candidate.get("entry_name") or candidate.get("entry_id") or NONE)
        if candidate.get("entry_name") and candidate.get("entry_id"):
            listed += f" ({candidate['entry_id']})"
        text = self.word("candidate_for", listed=listed, subject=candidate.get("subject", NONE))
        if "score" in candidate:
            text += ", " + self.word("score", score=self.number(candidate["score"]))
        judgement = candidate.get("judgement")
        if isinstance(judgement, str) and judgement != "open":
            text += f" – {self.value('judgement', judgement)}"
        return text

    def candidates(self, key: str, candidates: Iterable[dict[str, Any]]) -> list[str]:
        texts = [self.candidate(candidate) for candidate in candidates]
        if not texts:
            return [f"{self.label(key)}: {self.word('none')}"]
        return [f"{self.label(key)}: {texts[0]}", *texts[1:]]

    def lines(self, entry: AuditEntry) -> list[str]:
        details, action = entry.details, entry.action
        if action == "created":
            return [
                self.field(name, details.get(name))
                for name in _REQUEST_FIELDS
                if details.get(name) not in (None, "", [], ())
            ]
        if action == "updated":
            lines = [
                self.change(name, change) for name, change in details.get("changes", {}).items()
            ]
            if details.get("screening_voided"):
                lines.append(self.word("screening_voided"))
            return lines
        if action == "answered":
            return self.item_changes(details)
        if action == "confirmed":
            answer = self.value("answer", details.get("answer"))
            lines = [f"{self.step(details.get('item', ''))} – {self.label('answer')}: {answer}"]
            if details.get("reason"):
                lines.append(self.field("reason", details["reason"]))
            return lines
        if action in ("evidence_added", "evidence_removed"):
            items = details.get("items") or [details.get("item", "")]
            steps = ", ".join(self.step(item) for item in items)
            return [f"{steps} – {self.field('file', details.get('file_name'))}"]
        if action == "screened":
            lines = [
                self.field("list", _list_files(details)),
                self.field("names", details.get("subjects")),
                *self.candidates("candidates", details.get("candidates", [])),
            ]
            if "sanctions_answer" in details:
                lines.append(self.field("sanctions_answer", details["sanctions_answer"]))
            return lines
        if action == "judged":
            lines = [
                f"{self.label('candidate')}: {self.candidate(details)}",
                self.change("judgement", details.get("judgement")),
            ]
            if "note" in details:
                lines.append(self.change("note", details["note"]))
            if "sanctions_answer" in details:
                lines.append(self.field("sanctions_answer", details["sanctions_answer"]))
            return lines
        if action == "decided":
            names = ("outcome", "rationale", "conditions", "conditions_due", "follow_up_on")
            return [
                self.field(name, details.get(name))
                for name in names
                if name in ("outcome", "rationale") or details.get(name)
            ]
        if action == "reopened":
            earlier = details.get("earlier_decision") or {}
            return [
                self.field("reason", details.get("reason")),
                self.field("earlier_outcome", earlier.get("outcome")),
            ]
        if action == "rescreened":
            return [
                self.field("list", details.get("file_name")),
                *self.candidates("new_candidates", details.get("new_candidates", [])),
                *self.candidates("judged_before", details.get("already_judged", [])),
            ]
        return [self.field(key, value) for key, value in details.items()]


def _list_files(details: dict[str, Any]) -> object:
    """The list file a screening used, or the lists with their dates (several since 0010)."""
    if "lists" not in details:
        return details.get("file_name")
    return ", ".join(
        f"{listing.get('file_name', '')} ({listing.get('list_date')})"
        if listing.get("list_date")
        else str(listing.get("file_name", ""))
        for listing in details["lists"]
    )


def action_label(action: str, language: str = "en") -> str:
    """The log entry's action in words, or the action's code when it has none."""
    words = WORDS.get(language, WORDS["en"])
    return words.get(action, action) if action in _ACTIONS else action


def detail_lines(entry: AuditEntry, language: str = "en") -> list[str]:
    """What the entry records, one "Field: old → new" or "Field: value" a line."""
    return _Writer(language).lines(entry)


_ACTIONS = frozenset(
    (
        "created",
        "updated",
        "answered",
        "confirmed",
        "evidence_added",
        "evidence_removed",
        "screened",
        "judged",
        "decided",
        "reopened",
        "rescreened",
    )
)
