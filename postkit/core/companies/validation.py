"""The rules a company record must satisfy, its size class, and the name used to find it."""

from __future__ import annotations

import re
import unicodedata

from postkit.core import reference
from postkit.core.companies.records import CompanyData, SizeClass
from postkit.core.errors import ValidationError

NAME_MAX = 300
# The letter's target group: more than 500 employees and a balance sheet total over EUR 20 million
# or a turnover over EUR 40 million, operating internationally.
LARGE_EMPLOYEES = 500
LARGE_BALANCE_SHEET_EUR = 20_000_000
LARGE_TURNOVER_EUR = 40_000_000

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Legal forms and organisation types, Dutch and foreign, ignored when names are compared.
_LEGAL_FORMS = frozenset(
    """
    bv nv vof cv bvba sprl ag gmbh kg ohg se sa sas sarl sl slu spa srl ltd limited plc llc
    llp inc incorporated corp corporation co company pte pty pvt oy ab as asa aps kft zrt sro
    spzoo stichting vereniging foundation association cooperative cooperatie ua holding
    holdings group
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_NOT_WORD = re.compile(r"[^\w]+")


def normalize_kvk(text: str) -> str | None:
    """A Chamber of Commerce number as its 8 digits; empty text is None."""
    digits = re.sub(r"[\s.\-]", "", text or "")
    if not digits:
        return None
    if not (digits.isdigit() and len(digits) == 8):
        raise ValidationError("kvk_number", "a KvK number has 8 digits")
    return digits


def normalized_name(name: str) -> str:
    """Lower case, without accents, punctuation or legal forms: 'Groenveld Water B.V.' and
    'groenveld water bv' are the same name."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    # "B.V." and "b.v" are one token once their dots go.
    plain = re.sub(r"(?<=\b\w)\.(?=\w\b)", "", plain).replace(".", " ")
    words = [word for word in _NOT_WORD.split(plain) if word]
    kept = [word for word in words if word not in _LEGAL_FORMS]
    return " ".join(kept or words)


def size_class(
    employees: int | None,
    turnover_eur: int | None,
    balance_sheet_eur: int | None,
    operates_internationally: bool,
) -> SizeClass:
    """Large when every part of the letter's threshold is met; SME when the known figures
    show it is not; unknown when the figures that would decide are missing."""
    if employees is not None and employees <= LARGE_EMPLOYEES:
        return SizeClass.SME
    money = [
        value > limit
        for value, limit in (
            (balance_sheet_eur, LARGE_BALANCE_SHEET_EUR),
            (turnover_eur, LARGE_TURNOVER_EUR),
        )
        if value is not None
    ]
    if employees is None:
        if money and not any(money) and len(money) == 2:
            return SizeClass.SME
        return SizeClass.UNKNOWN
    if any(money):
        return SizeClass.LARGE if operates_internationally else SizeClass.SME
    if len(money) == 2:
        return SizeClass.SME
    return SizeClass.UNKNOWN


def validate_company(data: CompanyData) -> None:
    """Raise ValidationError naming the first field that is wrong."""
    name = data.name.strip()
    if not name:
        raise ValidationError("name", "a name is required")
    if len(name) > NAME_MAX:
        raise ValidationError("name", f"at most {NAME_MAX} characters")
    if data.kvk_number is not None:
        normalize_kvk(data.kvk_number)
    if data.country and data.country not in reference.countries():
        raise ValidationError("country", f"unknown country code {data.country!r}")
    if data.sector and data.sector not in reference.sectors():
        raise ValidationError("sector", f"unknown sector {data.sector!r}")
    for field in ("employees", "turnover_eur", "balance_sheet_eur"):
        value = getattr(data, field)
        if value is not None and (not isinstance(value, int) or value < 0):
            raise ValidationError(field, "must be a whole number of 0 or more")
    for contact in data.contacts:
        if not contact.name.strip():
            raise ValidationError("contacts", "every contact person needs a name")
        if contact.email and not _EMAIL.match(contact.email.strip()):
            raise ValidationError("contacts", f"{contact.email!r} is not an e-mail address")


# What a lookup key says about the match, best first: the name starts with what was typed, a
# trade name does, or a later word of either does.
KEY_NAME, KEY_TRADE_NAME, KEY_WORD = 0, 1, 2


def lookup_keys(name: str, trade_names: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    """The (kind, key) pairs a lookup-as-you-type finds a company by: its normalised name and
    trade names whole, and from each later word on ("water technologies" for "Groenveld Water
    Technologies"), so a prefix match on one indexed column finds any word start."""
    keys: dict[str, int] = {}
    for kind, text in [(KEY_NAME, name), *((KEY_TRADE_NAME, t) for t in trade_names)]:
        normal = normalized_name(text)
        if not normal:
            continue
        keys.setdefault(normal, kind)
        words = normal.split(" ")
        for start in range(1, len(words)):
            keys.setdefault(" ".join(words[start:]), KEY_WORD)
    return sorted((kind, key) for key, kind in keys.items())
