"""How practice fields read on screen: reference codes turned into labels, one line of facts."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from postkit.core import reference

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


def core_task_short(task: int, language: str) -> str:
    return reference.core_task_label(task, language, short=True)


def country_label(code: str | None, language: str) -> str:
    return reference.countries().label(code, language)


def region_label(country: str | None, language: str) -> str:
    item = reference.countries().get(country) if country else None
    region = item.extra.get("region") if item else None
    return reference.regions().label(region, language)


def labels(items: reference.ReferenceList, codes: Iterable[str], language: str) -> list[str]:
    return [items.label(code, language) for code in codes]


def status_label(status: str) -> str:
    return (
        QCoreApplication.translate("PracticeLabels", "Published")
        if status == "published"
        else QCoreApplication.translate("PracticeLabels", "Draft")
    )


def facts_line(post_name: str, country: str | None, year: int | None, language: str) -> str:
    """ "Embassy Nairobi · Kenya · 2024", leaving out what is not known."""
    parts = [post_name.strip(), country_label(country, language), str(year) if year else ""]
    return " · ".join(part for part in parts if part)


def used_by_text(posts: int) -> str:
    # Separate sentences for one and many: both of postkit's languages need no more forms.
    if posts == 0:
        return QCoreApplication.translate("PracticeLabels", "Not marked as used yet")
    if posts == 1:
        return QCoreApplication.translate("PracticeLabels", "Used by one post")
    return QCoreApplication.translate("PracticeLabels", "Used by {0} posts").format(posts)


def counted(count: int, one: str, many: str) -> str:
    """`one` (already translated) for a count of one, else `many` with the count in {0}.

    Both of postkit's languages have just these two forms, so no numerus table is needed.
    """
    return one if count == 1 else many.format(count)


def practices_text(count: int) -> str:
    return counted(
        count,
        QCoreApplication.translate("PracticeLabels", "1 practice"),
        QCoreApplication.translate("PracticeLabels", "{0} practices"),
    )
