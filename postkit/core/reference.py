"""Reference lists shipped in `resources/reference/`, each label in Dutch and English."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache

from postkit.core.paths import resources_dir

LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class ReferenceItem:
    code: str
    nl: str
    en: str
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def label(self, language: str = "en") -> str:
        return self.nl if language == "nl" else self.en


@dataclass(frozen=True)
class ReferenceList:
    name: str
    items: tuple[ReferenceItem, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {item.code: item for item in self.items})

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.items)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code  # type: ignore[attr-defined]

    def get(self, code: str) -> ReferenceItem | None:
        return self._by_code.get(code)  # type: ignore[attr-defined,no-any-return]

    def label(self, code: str | None, language: str = "en") -> str:
        """The label of `code`, or the code itself when the list does not know it."""
        if not code:
            return ""
        item = self.get(code)
        return item.label(language) if item else code


@cache
def load(name: str) -> ReferenceList:
    """Load `resources/reference/<name>.json` once."""
    path = resources_dir() / "reference" / f"{name}.json"
    with path.open(encoding="utf-8") as handle:
        raw = json.load(handle)
    items = []
    for entry in raw:
        extra = {k: str(v) for k, v in entry.items() if k not in ("code", "nl", "en")}
        items.append(ReferenceItem(str(entry["code"]), entry["nl"], entry["en"], extra))
    return ReferenceList(name, tuple(items))


def core_tasks() -> ReferenceList:
    return load("core_tasks")


def activity_types() -> ReferenceList:
    return load("activity_types")


def themes() -> ReferenceList:
    return load("themes")


def sectors() -> ReferenceList:
    return load("sectors")


def countries() -> ReferenceList:
    return load("countries")


def regions() -> ReferenceList:
    return load("regions")


def core_task_label(task: int, language: str = "en", short: bool = False) -> str:
    item = core_tasks().get(str(task))
    if item is None:
        return str(task)
    if short:
        return item.extra.get(f"short_{language}", item.label(language))
    return item.label(language)
