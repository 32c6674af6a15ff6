"""What a support request and its decision must hold before they are stored.

Each check raises ValidationError naming the first field that is wrong, so the editor can
point at it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from postkit.core import reference
from postkit.core.csv_files import iso_date_text
from postkit.core.errors import ValidationError
from postkit.core.screening import reference as screening_reference
from postkit.core.screening.records import Decision, DirectorDetails, Outcome, RequestInput

COMPANY_NAME_MAX = 300
KVK_NUMBER_MAX = 20
NAME_MAX = 120
_LINK = re.compile(r"^(https?://|mailto:|www\.)\S+$", re.IGNORECASE)
_FIGURES = ("employees", "turnover_eur", "balance_sheet_eur")
_BIRTH_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def normalised(data: RequestInput) -> RequestInput:
    directors = tuple(
        dict.fromkeys(" ".join(name.split()) for name in data.directors if name.strip())
    )
    return replace(
        data,
        company_name=data.company_name.strip(),
        kvk_number=data.kvk_number.strip(),
        company_country=(data.company_country or "").strip().upper() or None,
        company_sector=(data.company_sector or "").strip() or None,
        operating_country=(data.operating_country or "").strip().upper() or None,
        operating_sector=(data.operating_sector or "").strip() or None,
        directors=directors,
        director_details=tuple(
            details
            for details in (
                DirectorDetails(
                    " ".join(d.name.split()),
                    iso_date_text(d.birth_date.strip()),
                    d.nationality.strip().upper(),
                )
                for d in data.director_details
            )
            # Kept for the directors only, and only where something is known.
            if details.name in directors and (details.birth_date or details.nationality)
        ),
        handled_by=data.handled_by.strip(),
        description=data.description.strip(),
    )


def validate_request(data: RequestInput) -> None:
    """Raise ValidationError naming the first field that is wrong."""
    if not data.company_name:
        raise ValidationError("company_name", "the company's name is required")
    if len(data.company_name) > COMPANY_NAME_MAX:
        raise ValidationError("company_name", f"at most {COMPANY_NAME_MAX} characters")
    if len(data.kvk_number) > KVK_NUMBER_MAX:
        raise ValidationError("kvk_number", f"at most {KVK_NUMBER_MAX} characters")
    if data.support_kind not in screening_reference.support_kinds():
        raise ValidationError("support_kind", f"unknown kind of support {data.support_kind!r}")
    for name in ("company_country", "operating_country"):
        code = getattr(data, name)
        if code is not None and code not in reference.countries():
            raise ValidationError(name, f"unknown country code {code!r}")
    for name in ("company_sector", "operating_sector"):
        code = getattr(data, name)
        if code is not None and code not in reference.sectors():
            raise ValidationError(name, f"unknown sector {code!r}")
    for name in _FIGURES:
        value = getattr(data, name)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 0
        ):
            raise ValidationError(name, "must be a whole number of 0 or more")
    if data.needed_by is not None and data.needed_by < data.requested_on:
        raise ValidationError("needed_by", "lies before the date of the request")
    for director in data.directors:
        if len(director) > COMPANY_NAME_MAX:
            raise ValidationError("directors", f"at most {COMPANY_NAME_MAX} characters a name")
    for details in data.director_details:
        _validate_director_details(details)
    if len(data.handled_by) > NAME_MAX:
        raise ValidationError("handled_by", f"at most {NAME_MAX} characters")


def _validate_director_details(details: DirectorDetails) -> None:
    if details.birth_date and not (
        _BIRTH_DATE.fullmatch(details.birth_date) and _is_date(details.birth_date)
    ):
        raise ValidationError(
            "director_details",
            f"{details.name}: date of birth {details.birth_date!r} is no date (write "
            "1970-05-31, 31-05-1970, 1970-05 or 1970)",
        )
    if details.nationality and details.nationality not in reference.countries():
        raise ValidationError(
            "director_details",
            f"{details.name}: unknown country code {details.nationality!r} for the nationality",
        )


def _is_date(text: str) -> bool:
    """Whether ISO text of a year, a month or a day names one that exists, and has been."""
    parts = [int(part) for part in text.split("-")]
    try:
        day = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return day <= date.today()


def checked_item(item: str) -> str:
    if item not in screening_reference.checklist_codes():
        raise ValidationError("item", f"unknown checklist item {item!r}")
    return item


def checked_links(links: Iterable[str]) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(link.strip() for link in links if link.strip()))
    for link in cleaned:
        if not _LINK.match(link):
            raise ValidationError("links", f"not a web or e-mail link: {link!r}")
    return cleaned


def checked_actor(actor: str) -> str:
    """The name of who makes a change, required."""
    actor = actor.strip()
    if not actor:
        raise ValidationError("actor", "who makes the change is required")
    return actor[:NAME_MAX]


def validate_decision(decision: Decision) -> Decision:
    """The decision with its texts trimmed; ValidationError naming the first wrong field."""
    try:
        outcome = Outcome(decision.outcome)
    except ValueError:
        raise ValidationError("outcome", f"unknown outcome {decision.outcome!r}") from None
    decision = replace(
        decision,
        outcome=outcome,
        rationale=decision.rationale.strip(),
        conditions=decision.conditions.strip(),
        open_steps_reason=decision.open_steps_reason.strip(),
    )
    if not decision.rationale:
        raise ValidationError("rationale", "a rationale is required: say why you decided so")
    if outcome is Outcome.SUPPORT_WITH_CONDITIONS:
        if not decision.conditions:
            raise ValidationError("conditions", "say what the company agrees to do")
        if decision.conditions_due is None:
            raise ValidationError("conditions_due", "say by when the conditions are to be met")
        if decision.follow_up_on is None:
            raise ValidationError("follow_up_on", "set a date to follow the conditions up")
    elif decision.conditions or decision.conditions_due is not None:
        raise ValidationError(
            "conditions", "conditions belong only to the outcome support with conditions"
        )
    return decision
