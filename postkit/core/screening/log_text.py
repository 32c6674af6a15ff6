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
from postkit.core.i18n import N_, long_day, translator
from postkit.core.screening import reference as screening_reference
from postkit.core.screening.records import AuditEntry

VALUE_LENGTH = 300
ARROW = "→"
NONE = "–"

# The log's actions, as the decision record's audit trail names them.
ACTIONS = {
    "created": N_("Request recorded"),
    "updated": N_("Request changed"),
    "answered": N_("Checklist answered"),
    "confirmed": N_("Answer confirmed"),
    "evidence_added": N_("Evidence added"),
    "evidence_removed": N_("Evidence removed"),
    "screened": N_("Sanctions screening"),
    "judged": N_("Candidate judged"),
    "decided": N_("Decided"),
    "reopened": N_("Reopened"),
    "rescreened": N_("Screened again on a newer list"),
    "condition_status": N_("Condition followed up"),
}
# A request's fields, named the same in the log and on the decision record.
REQUEST_FIELDS = {
    "company_name": N_("Company"),
    "kvk_number": N_("KvK number"),
    "company_country": N_("Country of the company"),
    "company_sector": N_("Sector of the company"),
    "employees": N_("Employees"),
    "turnover_eur": N_("Turnover (EUR)"),
    "balance_sheet_eur": N_("Balance sheet total (EUR)"),
    "directors": N_("Directors"),
    "support_kind": N_("Support asked"),
    "operating_country": N_("Country of operation"),
    "operating_sector": N_("Sector of operation"),
    "requested_on": N_("Requested on"),
    "needed_by": N_("Needed by"),
    "handled_by": N_("Handled by"),
    "description": N_("Description"),
}
# The checklist's answers, as the log and the decision record write them.
ANSWERS = {"yes": N_("Yes"), "no": N_("No"), "unknown": N_("Unknown")}
_JUDGEMENTS = {
    "open": N_("Not judged"),
    "confirmed": N_("Confirmed"),
    "dismissed": N_("Dismissed"),
}
# The other names of the details an entry holds.
_LABELS = {
    **ACTIONS,
    **REQUEST_FIELDS,
    **ANSWERS,
    "answer": N_("Answer"),
    "note": N_("Note"),
    "links": N_("Links"),
    "file": N_("File"),
    "list": N_("Sanctions list"),
    "threshold": N_("Threshold"),
    "names": N_("Names screened"),
    "candidates": N_("Candidates"),
    "candidate": N_("Candidate"),
    "judgement": N_("Judgement"),
    "judged_before": N_("Judged before"),
    "new_candidates": N_("New candidates"),
    "sanctions_answer": N_("Sanctions answer filled in by the screening"),
    "outcome": N_("Outcome"),
    "rationale": N_("Rationale"),
    "conditions": N_("Conditions"),
    "conditions_due": N_("Conditions due"),
    "follow_up_on": N_("Follow-up on"),
    "reason": N_("Reason"),
    "earlier_outcome": N_("Earlier outcome"),
    "condition": N_("Condition"),
    "status": N_("Status"),
    "next_step": N_("Next step"),
}
# A follow-up's status and, when a condition is not met, the step the guidelines describe.
FOLLOW_UP_STATUSES = {
    "open": N_("Open"),
    "met": N_("Met"),
    "not_met": N_("Not met"),
    "dropped": N_("Dropped"),
}
NEXT_STEPS = {
    "dialogue": N_("Talk with the company and ask what it does about it"),
    "reconsider": N_("Reconsider the support"),
}
_DATES = ("requested_on", "needed_by", "conditions_due", "follow_up_on")


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


def step_label(number: int, language: str = "en") -> str:
    """A checklist item by its number, as the screen, the log and the record name it."""
    _ = translator(language)
    return _("Step {n}", n=number)


class _Writer:
    def __init__(self, language: str) -> None:
        self.language = language
        self._ = translator(language)

    def label(self, key: str) -> str:
        return self._(_LABELS[key]) if key in _LABELS else key.replace("_", " ").capitalize()

    def step(self, item: object) -> str:
        number = step_number(str(item))
        return step_label(number, self.language) if number is not None else str(item)

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
        if field in ("answer", "sanctions_answer") and value in ANSWERS:
            return self._(ANSWERS[value])
        if field == "status" and value in FOLLOW_UP_STATUSES:
            return self._(FOLLOW_UP_STATUSES[value])
        if field == "next_step" and value in NEXT_STEPS:
            return self._(NEXT_STEPS[value])
        if field == "judgement" and value in _JUDGEMENTS:
            return self._(_JUDGEMENTS[value])
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
            return self._(ANSWERS["yes" if value else "no"])
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
        text = self._(
            "{listed} for {subject}", listed=listed, subject=candidate.get("subject", NONE)
        )
        if "score" in candidate:
            text += ", " + self._("score {score}", score=self.number(candidate["score"]))
        judgement = candidate.get("judgement")
        if isinstance(judgement, str) and judgement != "open":
            text += f" – {self.value('judgement', judgement)}"
        return text

    def candidates(self, key: str, candidates: Iterable[dict[str, Any]]) -> list[str]:
        texts = [self.candidate(candidate) for candidate in candidates]
        if not texts:
            none = self._("none")
            return [f"{self.label(key)}: {none}"]
        return [f"{self.label(key)}: {texts[0]}", *texts[1:]]

    def lines(self, entry: AuditEntry) -> list[str]:
        details, action = entry.details, entry.action
        if action == "created":
            return [
                self.field(name, details.get(name))
                for name in REQUEST_FIELDS
                if details.get(name) not in (None, "", [], ())
            ]
        if action == "updated":
            lines = [
                self.change(name, change) for name, change in details.get("changes", {}).items()
            ]
            if details.get("screening_voided"):
                lines.append(self._("The names changed: the earlier screening no longer counts"))
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
        if action == "condition_status":
            lines = [
                self.field("condition", details.get("condition")),
                self.change("status", details.get("status")),
            ]
            lines += [
                self.field(key, details[key]) for key in ("note", "next_step") if details.get(key)
            ]
            return lines
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
    return translator(language)(ACTIONS[action]) if action in ACTIONS else action


def detail_lines(entry: AuditEntry, language: str = "en") -> list[str]:
    """What the entry records, one "Field: old → new" or "Field: value" a line."""
    return _Writer(language).lines(entry)
