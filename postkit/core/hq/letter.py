"""The survey read as the Minister's letter reads it, from the questions a form marks for it.

The letter reports the share of respondents who found the guidelines clear, workable *and*
user-friendly ("almost 80%"), how active posts are on each core task by the amount of Dutch
business in their country, and differences by role and region. A form says which questions
give these by its `postkit::measure` column (see `postkit.core.surveys.measures`), so any
survey marked for it is read the same way; question names play no part.

- A respondent agrees on a quality (clarity, workability, user-friendliness) when they answer
  4 or 5 on every Likert item marked with it; one who left any of those items open is not
  counted for it. Agreeing on all three together counts those who answered every marked item
  of the three: a respondent who skipped one is out of that share's denominator too.
- A core task's activity counts the answers to each choice of its question; "active" is one of
  the list's two last choices (4 "active" and 5 "very active" on a 1–5 scale).
- Each share is broken down by the post's region and amount of Dutch business (as the summary
  settles them per post) and by the respondent's own role; who gave no role is 'unknown'.
- A version of a form that marks nothing (a released file keeps its bytes, so one released
  before the marks came has none) borrows the marks of the newest version of the same form_id
  held at headquarters, for its questions of the same name and type (`borrow_marks`); the
  reading says which version they came from, and the report says so.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from postkit.core.surveys.forms import Form, Group, Item, Question, Texts
from postkit.core.surveys.measures import (
    ALL_QUALITIES,
    CORE_TASK_ACTIVITY,
    GUIDELINE_QUALITIES,
    ROLE,
)

ValueT = TypeVar("ValueT")

AGREE_POINTS = frozenset({"4", "5"})
ACTIVE_CHOICES = 2  # the last choices of an activity question that count as active
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Share:
    """How many of those who answered agree (or are active)."""

    agreeing: int
    answered: int

    @property
    def share(self) -> float | None:
        return self.agreeing / self.answered if self.answered else None


@dataclass(frozen=True)
class QualityShares:
    """The share agreeing on one quality of the guidelines, or on all three together."""

    measure: str  # clarity, workability, user_friendliness or all_three
    items: tuple[str, ...]  # the questions marked with it
    label: Texts  # of the one item, or of the group the items share
    overall: Share
    by_region: dict[str, Share]
    by_business: dict[str, Share]
    by_role: dict[str, Share]


@dataclass(frozen=True)
class ActivityCounts:
    counts: tuple[int, ...]  # one per choice of the question, in the form's order
    active: int

    @property
    def answered(self) -> int:
        return sum(self.counts)

    @property
    def share_active(self) -> float | None:
        return self.active / self.answered if self.answered else None


@dataclass(frozen=True)
class CoreTaskActivity:
    """The answers to one core task's activity question, overall and by Dutch business."""

    name: str
    label: Texts
    choices: tuple[tuple[str, Texts], ...]
    active_choices: tuple[str, ...]
    overall: ActivityCounts
    by_business: dict[str, ActivityCounts]
    by_region: dict[str, ActivityCounts]


@dataclass(frozen=True)
class LetterReading:
    """What the letter reports, from the marked questions; empty parts when none are marked."""

    qualities: tuple[QualityShares, ...]
    activity: tuple[CoreTaskActivity, ...]
    roles: tuple[str, ...]  # the role codes in the form's order, 'unknown' last
    role_labels: dict[str, Texts]
    marks_from: str = ""  # the version whose marks an unmarked version borrowed, else ""

    @property
    def all_three(self) -> QualityShares | None:
        return next((q for q in self.qualities if q.measure == ALL_QUALITIES), None)


@dataclass(frozen=True)
class Respondents:
    """Per response, in one order: the post's region and business, and the role given."""

    regions: Sequence[str]
    business: Sequence[str]
    roles: Sequence[str]


def marked(form: Form, measure: str) -> list[Question]:
    """The form's shown questions marked with `measure`, in form order."""
    return [q for q in form.questions() if q.measure == measure and q.is_shown]


def marked_names(form: Form) -> tuple[str, ...]:
    """Every question the letter's reading needs the answers of."""
    return tuple(q.name for q in form.questions() if q.measure and q.is_shown)


def borrow_marks(form: Form, newer: Form) -> Form:
    """`form` with the marks of `newer` on its unmarked questions of the same name and type
    (`form` itself when nothing matches)."""
    marks = {(q.name, q.type): q.measure for q in newer.fields() if q.measure}
    if not marks:
        return form

    def marked_items(items: tuple[Item, ...]) -> tuple[Item, ...]:
        return tuple(
            dataclasses.replace(item, items=marked_items(item.items))
            if isinstance(item, Group)
            else dataclasses.replace(item, measure=marks[item.name, item.type])
            if not item.measure and (item.name, item.type) in marks
            else item
            for item in items
        )

    borrowed = dataclasses.replace(form, items=marked_items(form.items))
    return borrowed if marked_names(borrowed) else form


def read_as_letter(
    form: Form,
    respondents: Respondents,
    answers: Callable[[str], Sequence[object]],
    points_of: Callable[[Question], Mapping[str, str] | None],
    region_order: Sequence[str],
    business_order: Sequence[str],
    group_label: Callable[[str], Texts],
) -> LetterReading:
    """The letter's figures: `answers(name)` gives each response's answer to a question (in the
    order of `respondents`), `points_of` a Likert item's choice → point (None: not one)."""
    role_question = next(iter(marked(form, ROLE)), None)
    role_order = _order(
        [c.name for c in form.choices(role_question)] if role_question else [],
        respondents.roles,
    )
    agreement: dict[str, list[bool | None]] = {}
    qualities: list[QualityShares] = []
    every_item: list[Question] = []
    for measure in GUIDELINE_QUALITIES:
        questions = marked(form, measure)
        scales = {q.name: points_of(q) for q in questions}
        items = [q for q in questions if scales[q.name] is not None]
        if not items:
            continue
        per_item = [_points(scales[item.name] or {}, answers(item.name)) for item in items]
        agrees = [
            None if None in points else all(point in AGREE_POINTS for point in points)
            for points in zip(*per_item, strict=True)
        ]
        agreement[measure] = agrees
        every_item += items
        label = dict(items[0].label) if len(items) == 1 else group_label(items[0].name)
        qualities.append(
            _quality(measure, items, label, agrees, respondents, region_order, business_order,
                     role_order)
        )  # fmt: skip
    if len(agreement) == len(GUIDELINE_QUALITIES):
        together = [
            None if None in each else all(each) for each in zip(*agreement.values(), strict=True)
        ]
        qualities.append(
            _quality(ALL_QUALITIES, every_item, {}, together, respondents, region_order,
                     business_order, role_order)
        )  # fmt: skip
    activity = tuple(
        _activity(form, question, answers(question.name), respondents, region_order,
                  business_order)
        for question in marked(form, CORE_TASK_ACTIVITY)
    )  # fmt: skip
    role_labels: dict[str, Texts] = (
        {c.name: dict(c.label) for c in form.choices(role_question)} if role_question else {}
    )
    return LetterReading(tuple(qualities), activity, tuple(role_order), role_labels)


def _points(points: Mapping[str, str], values: Sequence[object]) -> list[str | None]:
    """Each answer's point on the scale (None: no answer, or not on it)."""
    # A dict of every answer that stands for a point: one lookup an answer (5,200 responses
    # of a dozen items each at headquarters) instead of a call.
    scale = {choice: point for choice, point in points.items() if choice and point in _SCALE}
    scale.update({point: point for point in _SCALE if point not in points})
    return [scale.get(value) if type(value) is str else None for value in values]


_SCALE = ("1", "2", "3", "4", "5")


def _order(listed: Sequence[str], seen: Sequence[str]) -> list[str]:
    used = set(seen)
    extra = sorted(code for code in used if code not in listed and code != UNKNOWN)
    codes = [code for code in listed if code in used] + extra
    return [*codes, UNKNOWN] if UNKNOWN in used else codes


def _quality(
    measure: str,
    items: Sequence[Question],
    label: Texts,
    agrees: Sequence[bool | None],
    respondents: Respondents,
    region_order: Sequence[str],
    business_order: Sequence[str],
    role_order: Sequence[str],
) -> QualityShares:
    return QualityShares(
        measure=measure,
        items=tuple(item.name for item in items),
        label=label,
        overall=_share(agrees),
        by_region=_shares_by(agrees, respondents.regions, region_order),
        by_business=_shares_by(agrees, respondents.business, business_order),
        by_role=_shares_by(agrees, respondents.roles, role_order),
    )


def _share(agrees: Sequence[bool | None]) -> Share:
    answered = [agree for agree in agrees if agree is not None]
    return Share(sum(answered), len(answered))


def _shares_by(
    agrees: Sequence[bool | None], groups: Sequence[str], order: Sequence[str]
) -> dict[str, Share]:
    grouped = _grouped(agrees, groups)
    return {code: _share(grouped.get(code, [])) for code in order}


def _grouped(values: Sequence[ValueT], groups: Sequence[str]) -> dict[str, list[ValueT]]:
    """The values of each group, in order: one pass, not one a group (5,200 responses by
    region, business and role, for every measure and core task)."""
    grouped: dict[str, list[ValueT]] = {}
    for value, group in zip(values, groups, strict=True):
        grouped.setdefault(group, []).append(value)
    return grouped


def _activity(
    form: Form,
    question: Question,
    values: Sequence[object],
    respondents: Respondents,
    region_order: Sequence[str],
    business_order: Sequence[str],
) -> CoreTaskActivity:
    choices = form.choices(question)
    names = [choice.name for choice in choices]
    active = tuple(names[-ACTIVE_CHOICES:])

    def counts(picked: Sequence[object]) -> ActivityCounts:
        found = Counter(value for value in picked if isinstance(value, str) and value in names)
        return ActivityCounts(
            tuple(found[name] for name in names), sum(found[name] for name in active)
        )

    def by(groups: Sequence[str], order: Sequence[str]) -> dict[str, ActivityCounts]:
        grouped = _grouped(values, groups)
        return {code: counts(grouped.get(code, [])) for code in order}

    return CoreTaskActivity(
        name=question.name,
        label=dict(question.label),
        choices=tuple((choice.name, dict(choice.label)) for choice in choices),
        active_choices=active,
        overall=counts(values),
        by_business=by(respondents.business, business_order),
        by_region=by(respondents.regions, region_order),
    )
