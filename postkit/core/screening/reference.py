"""The screening's reference data in `resources/screening/`: checklist, support kinds, outcomes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from postkit.core.paths import resources_dir
from postkit.core.reference import ReferenceItem, ReferenceList
from postkit.core.screening.records import Answer

RISK_KINDS = ("country", "sector")
# Whom an element of due diligence is expected of: proportionality lives here, not in the risk.
EXPECTED_OF_ALL = "all"
EXPECTED_OF_LARGE = "large"
EXPECTED_OF_LARGE_OR_HIGH_RISK = "large_or_high_risk"
SEVERE = "severe"


@dataclass(frozen=True)
class ChecklistItem:
    """One condition of the guided checklist; `red_flag` is the answer that is one (or None).

    `expected_of` says whom a due-diligence element is expected of ("all", "large" or
    "large_or_high_risk"); `severity` "severe" marks a red flag that is high whatever the size.
    """

    code: str
    en: str
    nl: str
    help_en: str = ""
    help_nl: str = ""
    red_flag: Answer | None = None
    group: str = ""
    expected_of: str = ""
    severity: str = ""

    @property
    def is_severe(self) -> bool:
        return self.severity == SEVERE

    def question(self, language: str = "en") -> str:
        return self.nl if language == "nl" else self.en

    def help(self, language: str = "en") -> str:
        return self.help_nl if language == "nl" else self.help_en


def screening_dir() -> Path:
    return resources_dir() / "screening"


def _read_json(name: str) -> Any:
    with (screening_dir() / name).open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def checklist() -> tuple[ChecklistItem, ...]:
    """The checklist items in the order the officer walks through them."""
    return tuple(
        ChecklistItem(
            code=raw["code"],
            en=raw["en"],
            nl=raw["nl"],
            help_en=raw.get("help_en", ""),
            help_nl=raw.get("help_nl", ""),
            red_flag=Answer(raw["red_flag"]) if raw.get("red_flag") else None,
            group=raw.get("group", ""),
            expected_of=raw.get("expected_of", ""),
            severity=raw.get("severity", ""),
        )
        for raw in _read_json("checklist.json")
    )


@cache
def checklist_codes() -> tuple[str, ...]:
    return tuple(item.code for item in checklist())


def checklist_item(code: str) -> ChecklistItem | None:
    return next((item for item in checklist() if item.code == code), None)


@cache
def _reference_list(name: str) -> ReferenceList:
    items = tuple(
        ReferenceItem(str(raw["code"]), raw["nl"], raw["en"]) for raw in _read_json(f"{name}.json")
    )
    return ReferenceList(name, items)


def support_kinds() -> ReferenceList:
    return _reference_list("support_kinds")


def outcomes() -> ReferenceList:
    return _reference_list("outcomes")


def shipped_risk_table(kind: str) -> Path:
    """The indicative risk table shipped for `kind` ("country" or "sector")."""
    return screening_dir() / f"{kind}_risk.csv"
