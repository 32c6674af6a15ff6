"""Finding and removing personal data in a good practice before it leaves the post.

What goes: the whole contact field; e-mail addresses and phone numbers in every text; and the
names of the people in the contact field wherever else they appear (the full name, the
surname with its particles, and the given and family name as words on their own). Each is
replaced by "[removed]".

What stays, on purpose: years and year ranges, dates, amounts ("EUR 20,000,000", "€ 1.5
million"), percentages, times, postal codes, IBANs, KvK numbers (eight digits; a company
register is public and names no person), and the names of organisations and posts. Names that appear
only in the running text, not in the contact field, are not found: telling "Anna" the person
from "Anna Paulowna" the town needs more than patterns. Attached files are not changed. The
"created by" and "changed by" user names (people at the post) are replaced by the post's name
when the practice is exported (see exchange), and listed with the rest; a post's name there
(a practice received from another post) stays.

A number counts as a phone number when it starts with "+" or "00" (8 to 15 digits), with the
trunk prefix 0 (9 to 12 digits, so "06-12345678", "020 - 123 45 67", "(070) 348 6486"), or
with an area code in brackets ("(202) 555-0143"), spaces, dashes, dots, slashes and brackets
between the digits; after a word such as "tel", "phone", "mobiel" or "T:" any 6 to 15 digits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from postkit.core.practices.records import TEXT_FIELDS, PracticeInput

REMOVED = "[removed]"
CONTACT_FIELD = "contact"
STAFF_FIELD = "created_or_changed_by"  # where a Removal of a colleague's user name was
# The title and every text field except the contact, which goes as a whole.
SCANNED_FIELDS = ("title", *(name for name in TEXT_FIELDS if name != CONTACT_FIELD))


class PersonalDataKind(StrEnum):
    CONTACT = "contact"  # the whole contact field
    NAME = "name"
    EMAIL = "email"
    PHONE = "phone"
    USER = "user"  # a user name in "created by" or "changed by"


@dataclass(frozen=True)
class Removal:
    """One piece of personal data left out of a practice: where, what kind, and the text."""

    practice_uuid: str
    practice_title: str
    field: str
    kind: PersonalDataKind
    text: str


_EMAIL = re.compile(
    r"(?<![\w.+-])(?:mailto:)?[\w.+-]+(?:@|\s?[\[(]at[\])]\s?)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}"
    r"(?![\w-])",
    re.IGNORECASE,
)
_PHONE_CANDIDATE = re.compile(
    r"(?<![\w+/.,-])"  # not the tail of a word, a number, a date or an amount
    r"(?:\+\s?|00)?"
    r"(?:\(\s?\+?\d{1,4}\s?\)\s?)?"
    r"\d(?:[ \t]?[-./]?[ \t]?(?:\(\s?\d{1,4}\s?\)|\d)){5,18}"
    r"(?!\w)"
)
_PHONE_WORD = re.compile(
    r"(?:(?<!\w)(?:tel|telephone|telefoon|phone|mobile|mobiel|mob|gsm|whatsapp|fax|cell|call|bel)"
    r"\.?\s*(?:nr\.?|no\.?|number|nummer)?\s*:?|(?<!\w)[tm]\s*:)\s*$",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(
    r"(?:€|\$|£|\b(?:eur|euro|euros|usd|gbp|kes|ghs|ngn|zar|inr|idr|cny|xof|bdt))\s*$",
    re.IGNORECASE,
)
_IBAN_START = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}\s?$")
_DATE = re.compile(r"\d{1,4}[-./]\d{1,2}[-./]\d{1,4}")
_NAME_SEPARATORS = re.compile(r"[,;\n/|•·()\[\]<>:]|\s[-–—]\s")
_INITIAL = re.compile(r"^[A-Z]\.?$|^(?:[A-Z]\.){2,}$")
_PARTICLES = frozenset(
    {
        "van", "de", "der", "den", "het", "'t", "ten", "ter", "te", "op", "in", "von", "zu",
        "da", "das", "do", "dos", "di", "del", "della", "du", "le", "la", "el", "al", "bin",
        "ben", "ibn", "bint", "abu", "y", "e",
    }
)  # fmt: skip
_HONORIFICS = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "drs", "ir", "ing", "prof", "sir", "madam",
        "mevrouw", "mevr", "mw", "meneer", "dhr", "heer", "h.e.", "he",
    }
)  # fmt: skip
# A part of the contact field with one of these words is a role or an organisation, not a name.
_POST_WORDS = frozenset(
    {
        "embassy", "ambassade", "consulate", "consulaat", "consulate-general",
        "consulaat-generaal", "mission", "missie", "representation", "vertegenwoordiging",
        "post", "nbso", "headquarters", "hq", "ministry", "ministerie",
    }
)  # fmt: skip
_NOT_NAME_WORDS = frozenset(
    {
        "embassy", "ambassade", "consulate", "consulaat", "mission", "post", "department",
        "afdeling", "team", "section", "sectie", "desk", "office", "bureau", "unit", "staff",
        "officer", "adviser", "advisor", "adviseur", "attaché", "attache", "counsellor",
        "counselor", "raad", "head", "hoofd", "ambassador", "ambassadeur", "consul",
        "secretary", "secretaris", "manager", "coordinator", "coördinator", "director",
        "directeur", "minister", "ministry", "ministerie", "deputy", "senior", "junior",
        "policy", "beleidsmedewerker", "medewerker", "trade", "economic", "economische",
        "agricultural", "agriculture", "landbouw", "innovation", "press", "political",
        "cultural", "netherlands", "nederland", "nederlandse", "dutch", "holland", "rvo",
        "nbso", "minbuza", "hq", "headquarters", "affairs", "zaken", "foreign", "buitenlandse",
        "agency", "programme", "program", "project", "network", "netwerk", "initiative",
        "foundation", "stichting", "association", "vereniging", "chamber", "kamer", "council",
        "group", "groep", "company", "bv", "b.v.", "ltd", "ngo", "institute", "instituut",
        "university", "universiteit", "centre", "center", "centrum", "partnership", "platform",
        "email", "e-mail", "mail", "phone", "tel", "telephone", "telefoon", "mobile", "mobiel",
        "contact", "via", "and", "en", "or", "of", "the", "at", "for", "voor", "with", "met",
        "info", "general", "algemeen", "please", "graag", "ask", "vraag",
    }
)  # fmt: skip


def remove_personal_data(
    data: PracticeInput, practice_uuid: str = ""
) -> tuple[PracticeInput, tuple[Removal, ...]]:
    """The practice without personal data, and what was removed (in field order)."""
    removals: list[Removal] = []

    def removed(field: str, kind: PersonalDataKind, text: str) -> None:
        removal = Removal(practice_uuid, data.title, field, kind, text)
        if removal not in removals:
            removals.append(removal)

    names = _name_pattern(contact_names(data.contact))

    def cleaned(field: str, text: str) -> str:
        def found(kind: PersonalDataKind) -> Callable[[str], None]:
            return lambda text: removed(field, kind, text)

        # E-mail addresses first: their local parts often hold a name.
        text = _replace(_EMAIL, text, found(PersonalDataKind.EMAIL))
        text = _replace_phones(text, found(PersonalDataKind.PHONE))
        return _replace(names, text, found(PersonalDataKind.NAME)) if names else text

    changes: dict[str, str] = {}
    for field in SCANNED_FIELDS:
        text = getattr(data, field)
        if (new_text := cleaned(field, text)) != text:
            changes[field] = new_text
    if data.contact.strip() and data.contact.strip() != REMOVED:
        changes[CONTACT_FIELD] = REMOVED
        removed(CONTACT_FIELD, PersonalDataKind.CONTACT, data.contact.strip())
    return replace(data, **changes), tuple(removals)


def is_post_name(name: str) -> bool:
    """Whether a "created by" or "changed by" name is a post's (as another post shared the
    practice), not a person's."""
    return any(word.strip(".,()").lower() in _POST_WORDS for word in name.split())


def kept_personal_data(local: PracticeInput, incoming: PracticeInput) -> PracticeInput:
    """`incoming` with the personal data of `local` back where it left out only that.

    A practice shared without personal data comes back from the other post (edited there,
    say) with "[removed]" in place of names, addresses and numbers. A field that comes back
    exactly as it left here keeps this post's text; so does each line of a field the other
    post edited that comes back as it left (they added a lesson below ours, say). A line
    the other post changed is theirs, placeholders and all.
    """
    if REMOVED not in "".join(
        getattr(incoming, field) for field in (*SCANNED_FIELDS, CONTACT_FIELD)
    ):
        return incoming
    as_shared, _removals = remove_personal_data(local)
    changes = {}
    for field in (*SCANNED_FIELDS, CONTACT_FIELD):
        theirs, ours, shared = (getattr(data, field) for data in (incoming, local, as_shared))
        if REMOVED not in theirs or theirs == ours:
            continue
        kept = ours if theirs == shared else _kept_lines(ours, shared, theirs)
        if kept != theirs:
            changes[field] = kept
    return replace(incoming, **changes) if changes else incoming


def _kept_lines(ours: str, shared: str, theirs: str) -> str:
    """`theirs` with each line that left here with a placeholder, and came back unchanged,
    as this post wrote it."""
    our_lines, shared_lines = ours.split("\n"), shared.split("\n")
    if len(our_lines) != len(shared_lines):
        return theirs  # a name ran over a line break: the lines no longer pair up
    originals: dict[str, set[str]] = {}
    for our_line, shared_line in zip(our_lines, shared_lines, strict=True):
        if REMOVED in shared_line:
            originals.setdefault(shared_line, set()).add(our_line)
    return "\n".join(
        next(iter(found)) if len(found := originals.get(line, set())) == 1 else line
        for line in theirs.split("\n")
    )


def find_emails(text: str) -> list[str]:
    return [match.group() for match in _EMAIL.finditer(text)]


def find_phone_numbers(text: str) -> list[str]:
    return [match.group() for match in _PHONE_CANDIDATE.finditer(text) if _is_phone(text, match)]


def contact_names(contact: str) -> list[str]:
    """The names of people in a contact field, leaving out roles, organisations, addresses."""
    text = _EMAIL.sub(" ; ", contact)
    text = _replace_phones(text, lambda _found: None, " ; ")
    names: list[str] = []
    for part in _NAME_SEPARATORS.split(text):
        words = part.split()
        while words and words[0].lower().rstrip(".") in _HONORIFICS:
            words.pop(0)
        if _is_name(words):
            name = " ".join(words)
            if name not in names:
                names.append(name)
    return names


def _is_name(words: list[str]) -> bool:
    if not 1 <= len(words) <= 6:
        return False
    significant = 0
    for word in words:
        lower = word.lower()
        if lower in _NOT_NAME_WORDS or any(char.isdigit() for char in word):
            return False
        if lower in _PARTICLES or _INITIAL.match(word):
            continue
        if not word[0].isupper() or not any(char.isalpha() for char in word):
            return False
        significant += 1
    return significant > 0


def _name_variants(name: str) -> list[tuple[str, bool]]:
    """The forms of a name to look for, each with whether case matters."""
    words = name.split()
    variants = [(name, False)]
    given = words[0]
    plain = [w for w in words if w.lower() not in _PARTICLES and not _INITIAL.match(w)]
    if len(words) > 1:
        start = 1
        while start < len(words) - 1 and _INITIAL.match(words[start]):
            start += 1
        variants.append((" ".join(words[start:]), False))
    for word in {given, *plain[-1:]}:
        if len(word) >= 3 and not _INITIAL.match(word) and word.lower() not in _PARTICLES:
            variants.append((word, True))
    return variants


def _name_pattern(names: list[str]) -> re.Pattern[str] | None:
    forms: dict[str, bool] = {}
    for name in names:
        for form, case_matters in _name_variants(name):
            forms[form] = forms.get(form, True) and case_matters
    if not forms:
        return None
    alternatives = []
    for form in sorted(forms, key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in form.split())
        alternatives.append(body if forms[form] else f"(?i:{body})")
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def _replace(pattern: re.Pattern[str], text: str, found: Callable[[str], None]) -> str:
    def substitute(match: re.Match[str]) -> str:
        found(match.group())
        return REMOVED

    return pattern.sub(substitute, text)


def _replace_phones(text: str, found: Callable[[str], None], by: str = REMOVED) -> str:
    parts = []
    end = 0
    for match in _PHONE_CANDIDATE.finditer(text):
        if not _is_phone(text, match):
            continue
        found(match.group())
        parts.append(text[end : match.start()])
        parts.append(by)
        end = match.end()
    parts.append(text[end:])
    return "".join(parts)


def _is_phone(text: str, match: re.Match[str]) -> bool:
    number = match.group()
    before = text[max(0, match.start() - 25) : match.start()]
    if _CURRENCY_BEFORE.search(before) or _IBAN_START.search(before):
        return False
    if _DATE.fullmatch(re.sub(r"\s", "", number)):
        return False
    digits = re.sub(r"\D", "", number)
    if number.startswith("+"):
        return 8 <= len(digits) <= 15
    if number.startswith("00"):
        return 10 <= len(digits) <= 17
    if digits.startswith("0"):
        return 9 <= len(digits) <= 12
    if number.startswith("(") and len(digits) == 10:
        return True
    return bool(_PHONE_WORD.search(before)) and 6 <= len(digits) <= 15
