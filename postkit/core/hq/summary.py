"""The evaluation's results from the collected responses, and the summary workbook.

Where a response counts:
- its post is the one named in the export's meta sheet (the file the post sent), not the free
  text a respondent typed;
- a post's region and amount of Dutch business are what most of its respondents answered to
  the survey's own questions (`region`, `business_activity`; a tie goes to the choice listed
  first in the form). Where a form has no region question (or nobody at the post answered
  it), the region is the one headquarters' list of posts gives (`posts.hq_posts`, names
  matched whatever their case, spacing or language); with a region question, only if that
  region is one of the question's choices, so one breakdown never mixes two sets of regions.
  The amount of Dutch business likewise: a post whose respondents gave none takes its
  country's from the list.
- the questions marked `region` and `business_activity` in the form's `postkit::measure`
  column give these; an unmarked form is read by the names above. The letter's reading
  (letter.py) takes its questions from the same column.

A Likert item is a select_one on a 5-point agreement scale: a list named like `agree5`
(agree…, likert…) whose choices are 1 to 5, or any list whose five labels, in one of the form's
languages, run from strongly disagree to strongly agree (or back), e.g. KoboToolbox's "Strongly
disagree … Strongly agree" or "Helemaal oneens … Helemaal eens"; its choices then count as
points 1 to 5 in that order. "Agree" is 4 or 5, the share agreeing is those over the answers
to the item, and the mean is over the same answers. Every other select question gets counts
and shares of the respondents who answered it (a select_multiple's shares add up past 100%).
Text answers are listed per question, except those that name a person (`PERSONAL_QUESTIONS`).

A question inside a repeat is counted over every instance (each instance's answer is one
answer), and each repeat is summarised by how many responses have instances and how many
there are. Metadata (start, end, today, deviceid, username, audit, phonenumber, simserial,
email) and hidden questions are listed with how many responses hold them, never charted.
"""

from __future__ import annotations

import dataclasses
import os
import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from itertools import compress
from itertools import repeat as repeated
from pathlib import Path
from xml.sax.saxutils import escape

import orjson
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from sqlalchemy import case, select
from sqlalchemy.orm import Session

from postkit.core import reference
from postkit.core.cycles import cycle_collector_paused
from postkit.core.db.base import utc_now
from postkit.core.files import atomic_output
from postkit.core.hq.forms import (
    FormFiles,
    SortedExports,
    any_form,
    form_of,
    last_aggregated_form,
    sort_by_form,
)
from postkit.core.hq.letter import (
    LetterReading,
    Respondents,
    borrow_marks,
    marked,
    marked_names,
    read_as_letter,
)
from postkit.core.hq.models import CollectedResponseRow, ReceivedExportRow
from postkit.core.hq.posts import hq_posts
from postkit.core.hq.service import (
    ACCEPTED,
    REFUSED,
    CollectReport,
    Progress,
    StoredAnswers,
    collect_exports,
)
from postkit.core.i18n import LANGUAGES, N_, translator
from postkit.core.surveys.forms import Form, Group, Item, Question, Texts
from postkit.core.surveys.measures import BUSINESS_ACTIVITY, REGION, ROLE
from postkit.core.surveys.service import list_forms, load_definition

# The questions a form marks `region` and `business_activity` (postkit::measure) give a
# post's region and business; a form that marks none is read by these names.
REGION_QUESTION = "region"
BUSINESS_QUESTION = "business_activity"
PERSONAL_QUESTIONS = frozenset({"respondent_name", "contact_email", "post"})
LIKERT_POINTS = ("1", "2", "3", "4", "5")
AGREE_POINTS = frozenset({"4", "5"})
UNKNOWN = "unknown"
_LIKERT_LIST = re.compile(r"(agree|agreement|likert)\w*", re.IGNORECASE)
# The words of 5-point agreement scales, in the languages forms are written in here; a label
# is neutral, else disagreeing, else agreeing (a neutral label names both, a disagreeing one
# often contains the agreeing word), and strong when it also has a word of degree.
_NEUTRAL_WORDS = (
    "neither",
    "neutral",
    "undecided",
    "neutraal",
    "niet eens",
    "noch",
    "neutre",
    "ni d'accord",
    "ni de acuerdo",
    "neutro",
)
_DISAGREE_WORDS = ("disagree", "oneens", "pas d'accord", "pas du tout", "desacuerdo")
_AGREE_WORDS = ("agree", "eens", "d'accord", "de acuerdo")
_STRONG_WORDS = (
    "strongly", "completely", "totally", "fully", "helemaal", "volledig", "zeer", "geheel",
    "tout à fait", "tout a fait", "pas du tout", "totalmente", "muy",
)  # fmt: skip
_SCALE = (-2, -1, 0, 1, 2)
METADATA_SHOWN_TYPES = frozenset({"hidden"})


@dataclass(frozen=True)
class Distribution:
    """The answers to one Likert item among some respondents."""

    counts: tuple[int, int, int, int, int]  # of 1, 2, 3, 4, 5

    @property
    def answered(self) -> int:
        return sum(self.counts)

    @property
    def agree(self) -> int:
        return self.counts[3] + self.counts[4]

    @property
    def share_agreeing(self) -> float | None:
        return self.agree / self.answered if self.answered else None

    @property
    def mean(self) -> float | None:
        if not self.answered:
            return None
        return sum(point * count for point, count in enumerate(self.counts, 1)) / self.answered


@dataclass(frozen=True)
class LikertItem:
    name: str
    label: Texts
    group: str  # the enclosing top-level group's name, e.g. "clarity"
    group_label: Texts
    overall: Distribution
    by_region: dict[str, Distribution]
    by_business: dict[str, Distribution]


@dataclass(frozen=True)
class ChoiceCount:
    name: str
    label: Texts
    count: int
    share: float | None  # of the respondents who answered the question


@dataclass(frozen=True)
class SelectSummary:
    name: str
    label: Texts
    type: str
    answered: int
    choices: tuple[ChoiceCount, ...]


@dataclass(frozen=True)
class OpenAnswer:
    post: str
    region: str
    language: str
    text: str


@dataclass(frozen=True)
class OpenQuestion:
    name: str
    label: Texts
    answers: tuple[OpenAnswer, ...]


@dataclass(frozen=True)
class RepeatSummary:
    """A repeat: how many responses have instances of it, and how many instances there are."""

    name: str
    label: Texts
    responses_with_instances: int
    instances: int
    questions: tuple[str, ...]  # summarised with the other questions, over every instance

    @property
    def mean_per_response(self) -> float | None:
        if not self.responses_with_instances:
            return None
        return self.instances / self.responses_with_instances


@dataclass(frozen=True)
class MetadataColumn:
    """A metadata or hidden question: listed with how many responses hold it, not charted."""

    name: str
    type: str
    answered: int


@dataclass(frozen=True)
class PostCount:
    post: str
    region: str
    business: str
    responses: int
    exported_at: str  # of the newest export received from the post


@dataclass(frozen=True)
class RegionCount:
    region: str
    posts: int
    responses: int


@dataclass(frozen=True)
class RefusedReceipt:
    file: str
    post: str
    reason: str
    received_at: datetime


@dataclass(frozen=True)
class Summary:
    """Everything headquarters reports, as plain values; labels in every form language."""

    form_id: str
    version: str
    title: Texts
    languages: tuple[str, ...]
    built_at: datetime
    responses: int
    posts: tuple[PostCount, ...]
    regions: tuple[RegionCount, ...]
    missing_posts: tuple[str, ...]
    likert: tuple[LikertItem, ...]
    selects: tuple[SelectSummary, ...]
    open_questions: tuple[OpenQuestion, ...]
    refused_files: tuple[RefusedReceipt, ...]
    region_labels: dict[str, Texts]
    business_labels: dict[str, Texts]
    repeats: tuple[RepeatSummary, ...] = ()
    metadata: tuple[MetadataColumn, ...] = ()
    letter: LetterReading | None = None  # from the questions the form marks for it
    post_list: reference.PostList | None = None  # the list `missing_posts` was read from

    def region_label(self, code: str, language: str = "en") -> str:
        return _text(self.region_labels.get(code), language) or code

    def role_label(self, code: str, language: str = "en") -> str:
        labels = self.letter.role_labels if self.letter else {}
        if code == UNKNOWN and code not in labels:
            return translator(language)(N_("Unknown"))
        return _text(labels.get(code), language) or code

    def business_label(self, code: str, language: str = "en") -> str:
        return _text(self.business_labels.get(code), language) or code


def collect_and_summarise(
    session: Session,
    paths: Iterable[str | os.PathLike[str]],
    form: Form,
    progress: Progress | None = None,
) -> tuple[CollectReport, Summary]:
    """Collect the exports under `paths` (see aggregate.collect_exports), then summarise
    every stored response, taking the answers just read from the reading processes."""
    report = collect_exports(session, paths, form, progress, answers_of=summary_columns(form))
    summary = build_summary(session, form, stored_answers=report.answers)
    return replace(report, answers=None), summary


def stored_summary(session: Session) -> Summary | None:
    """The summary of the survey aggregated last, from what is stored (None: nothing yet)."""
    form = last_aggregated_form(session)
    return None if form is None else build_summary(session, form)


def aggregate_exports(
    session: Session,
    paths: Sequence[str | os.PathLike[str]],
    progress: Progress | None = None,
) -> SortedExports | tuple[SortedExports, CollectReport, Summary]:
    """Sort the exports under `paths` by survey and, when they are of one survey (or of
    none that can be told), collect and summarise them; of several, only the sorting comes
    back, for the user to choose one (`collect_chosen_exports`)."""
    found = sort_by_form(paths, progress)
    if len(found.forms) > 1:
        return found
    chosen = found.forms[0] if found.forms else None
    return found, *collect_chosen_exports(session, found, chosen, progress)


def collect_chosen_exports(
    session: Session,
    found: SortedExports,
    chosen: FormFiles | None,
    progress: Progress | None = None,
) -> tuple[CollectReport, Summary]:
    """Collect the chosen survey's exports and the files no survey can be told of (each
    refused with its reason), then summarise the survey."""
    form = any_form(session) if chosen is None else form_of(session, chosen.form_id, chosen.version)
    paths = [*(chosen.paths if chosen else ()), *found.unreadable]
    return collect_and_summarise(session, paths, form, progress)


def build_summary(
    session: Session,
    form: Form,
    expected_posts: Sequence[str] | None = None,
    posts: reference.PostList | None = None,
    stored_answers: StoredAnswers | None = None,
) -> Summary:
    """The summary of every collected response to this form and version.

    `expected_posts` are the posts that should have answered; by default every post that
    sent an export (so a post whose only file was refused shows as missing). `posts` give
    the region and Dutch business of a post its respondents did not (by default headquarters'
    list of posts, `hq_posts`).
    `stored_answers`, from a collect run in this transaction, spare reading those again.
    """
    with cycle_collector_paused():
        return _build_summary(session, form, expected_posts, posts, stored_answers)


def summary_columns(form: Form) -> tuple[str, ...]:
    """The columns of a response the summary counts or lists."""
    return _columns_of(form, *_summarised_questions(form))


def _columns_of(form: Form, *questions: list[Question]) -> tuple[str, ...]:
    names = [question.name for group in questions for question in group]
    listed = [item.name for item in [*form.repeats(), *_metadata_questions(form)]]
    attributes = (region_question(form), business_question(form))
    return tuple(dict.fromkeys([*names, *listed, *marked_names(form), *attributes, "_language"]))


def region_question(form: Form) -> str:
    """The name of the question that gives a post's region: the one marked so, else 'region'."""
    return next((q.name for q in marked(form, REGION)), REGION_QUESTION)


def business_question(form: Form) -> str:
    """The name of the question that gives the amount of Dutch business in a post's country."""
    return next((q.name for q in marked(form, BUSINESS_ACTIVITY)), BUSINESS_QUESTION)


def _summarised_questions(
    form: Form,
) -> tuple[list[Question], list[Question], list[Question]]:
    """The Likert items, the other select questions and the open questions summarised."""
    asked = [q for q in form.questions() if q.is_shown]
    likert = [q for q in asked if is_likert(form, q)]
    selects = [q for q in asked if q.is_select and not is_likert(form, q)]
    texts = [q for q in asked if q.type == "text" and q.name not in PERSONAL_QUESTIONS]
    return likert, selects, texts


def _metadata_questions(form: Form) -> list[Question]:
    return [q for q in form.fields() if q.is_metadata or q.type in METADATA_SHOWN_TYPES]


def _build_summary(
    session: Session,
    form: Form,
    expected_posts: Sequence[str] | None,
    posts: reference.PostList | None,
    stored_answers: StoredAnswers | None,
) -> Summary:
    marks_from = ""
    if not marked_names(form) and (newer := _newest_marked_version(session, form)) is not None:
        form, marks_from = borrow_marks(form, newer), newer.version
    likert_questions, select_questions, open_questions = _summarised_questions(form)
    names = list(_columns_of(form, likert_questions, select_questions, open_questions))
    records = _records(session, form, names, stored_answers)
    by_post: dict[str, list[tuple[object, ...]]] = defaultdict(list)
    for post, answers in records:
        by_post[post].append(answers)
    region_name, business_name = region_question(form), business_question(form)
    post_list = posts or hq_posts(session)
    regions = _post_attribute(form, by_post, region_name, names.index(region_name))
    regions = _regions_from_list(form, region_name, by_post, regions, post_list)
    business = _post_attribute(form, by_post, business_name, names.index(business_name))
    business = _business_from_list(form, business_name, by_post, business, post_list)
    latest = _latest_exports(session, form)
    counts = tuple(
        PostCount(
            post,
            regions.get(post, UNKNOWN),
            business.get(post, UNKNOWN),
            len(by_post[post]),
            latest.get(post, ""),
        )
        for post in sorted(by_post, key=str.casefold)
    )
    # From the counted posts, so a post in no region shows under 'unknown' too.
    region_order = _choice_order(
        form, region_name, [post.region for post in counts], reference.regions().codes
    )
    business_order = _choice_order(
        form, business_name, [post.business for post in counts], reference.business_levels().codes
    )
    region_counts = tuple(
        RegionCount(
            code,
            sum(1 for post in counts if post.region == code),
            sum(post.responses for post in counts if post.region == code),
        )
        for code in region_order
    )
    counted = {post.post for post in counts}
    expected = (
        _expected_posts(session, post_list, counted)
        if expected_posts is None
        else list(expected_posts)
    )
    missing = tuple(sorted({p for p in expected if p not in counted}, key=str.casefold))
    table = _Columns(records, regions, business, names)
    return Summary(
        form_id=form.form_id,
        version=form.version,
        title=dict(form.title),
        languages=form.languages,
        built_at=utc_now(),
        responses=len(records),
        posts=counts,
        regions=region_counts,
        missing_posts=missing,
        likert=tuple(
            _likert_item(form, question, table, region_order, business_order)
            for question in likert_questions
        ),
        selects=tuple(_select_summary(form, question, table) for question in select_questions),
        open_questions=tuple(_open_question(question, table) for question in open_questions),
        refused_files=_refused_receipts(session),
        region_labels=_labels(form, region_name, region_order, reference.regions()),
        business_labels=_labels(form, business_name, business_order, reference.business_levels()),
        repeats=tuple(_repeat_summary(form, repeat, table) for repeat in form.repeats()),
        metadata=tuple(
            MetadataColumn(
                question.name,
                question.type,
                sum(1 for value in table.column(question.name) if value not in (None, "")),
            )
            for question in _metadata_questions(form)
        ),
        letter=_letter(form, table, business, region_order, business_order, marks_from),
        post_list=post_list,
    )


def _newest_marked_version(session: Session, form: Form) -> Form | None:
    """The newest version of `form`'s survey held here that marks questions for the letter."""
    for info in list_forms(session):  # newest version first
        if info.form_id != form.form_id or info.version == form.version:
            continue
        newer = load_definition(session, info.id)
        if marked_names(newer):
            return newer
    return None


def _letter(
    form: Form,
    table: _Columns,
    business: Mapping[str, str],
    region_order: Sequence[str],
    business_order: Sequence[str],
    marks_from: str = "",
) -> LetterReading | None:
    """The letter's reading (see letter.py), when the form marks any question for it."""
    if not marked_names(form):
        return None
    role = next((q.name for q in marked(form, ROLE)), None)
    roles = (
        [value if isinstance(value, str) and value else UNKNOWN for value in table.raw(role)]
        if role
        else [UNKNOWN] * len(table.posts)
    )
    respondents = Respondents(
        table.regions, [business.get(post, UNKNOWN) for post in table.posts], roles
    )
    reading = read_as_letter(
        form,
        respondents,
        table.raw,
        lambda question: likert_points(form, question),
        region_order,
        business_order,
        lambda name: _top_group(form, name)[1],
    )
    return dataclasses.replace(reading, marks_from=marks_from) if marks_from else reading


def _repeat_summary(form: Form, repeat: Group, table: _Columns) -> RepeatSummary:
    counts = [value for value in table.raw(repeat.name) if isinstance(value, int)]
    return RepeatSummary(
        repeat.name,
        dict(repeat.label),
        sum(1 for count in counts if count > 0),
        sum(counts),
        tuple(
            question.name
            for question in form.fields()
            if question.is_shown and repeat.name in form.repeat_path(question.name)
        ),
    )


def is_likert(form: Form, question: Question) -> bool:
    """A select_one on a 5-point agreement scale (see the module's docstring)."""
    return likert_points(form, question) is not None


def likert_points(form: Form, question: Question) -> dict[str, str] | None:
    """The point (LIKERT_POINTS) each choice of a Likert item stands for; None if not one."""
    if question.type != "select_one" or not question.list_name:
        return None
    choices = form.choices(question)
    names = tuple(choice.name for choice in choices)
    if _LIKERT_LIST.fullmatch(question.list_name) and names == LIKERT_POINTS:
        return dict(zip(names, LIKERT_POINTS, strict=True))
    if len(choices) != len(LIKERT_POINTS):
        return None
    for language in form.languages:
        scale = tuple(_agreement(choice.label.get(language, "")) for choice in choices)
        if scale == _SCALE:
            return dict(zip(names, LIKERT_POINTS, strict=True))
        if scale == _SCALE[::-1]:
            return dict(zip(names, LIKERT_POINTS[::-1], strict=True))
    return None


def _agreement(label: str) -> int | None:
    """Where a label stands on an agreement scale, from -2 to 2; None for another label."""
    text = " ".join(label.casefold().replace("’", "'").split())
    strength = 2 if any(word in text for word in _STRONG_WORDS) else 1
    if any(word in text for word in _NEUTRAL_WORDS):
        return 0
    if any(word in text for word in _DISAGREE_WORDS):
        return -strength
    if any(word in text for word in _AGREE_WORDS):
        return strength
    return None


def distribution(values: Iterable[object]) -> Distribution:
    """The 1–5 counts of some answers to a Likert item; other values are not counted."""
    counts = Counter(values)
    return Distribution(tuple(counts.get(point, 0) for point in LIKERT_POINTS))  # type: ignore[arg-type]


# Reading the store


def _records(
    session: Session, form: Form, names: Sequence[str], stored_answers: StoredAnswers | None
) -> list[tuple[str, tuple[object, ...]]]:
    """Every response as (post, its answers to `names`), by post, submission time and UUID.

    Sorted here rather than by the database: the same order on SQLite and PostgreSQL
    (whatever its collation), and the sort moves no JSON text. Each stored response is
    parsed and reduced to the answers the summary counts at once, while it is in the cache;
    those `stored_answers` hold are taken from there, and their JSON is not even read.
    """
    table = CollectedResponseRow.__table__
    # A stored answer inside a repeat is read from the response's JSON (the reading
    # processes pick only the responses sheet's columns).
    known = (
        stored_answers.by_export
        if stored_answers is not None
        and stored_answers.columns == tuple(names)
        and not form.repeats()
        else {}
    )
    pick = _picker(form, names)
    values = table.c["values"]
    if known:
        values = case((table.c.export_id.in_(list(known)), None), else_=values)
    statement = select(
        table.c.post_name, table.c.submitted_at, table.c.uuid, table.c.export_id, values
    ).where(table.c.form_id == form.form_id, table.c.version == form.version)
    rows = sorted(session.execute(statement), key=lambda row: tuple(row[:3]))
    loads = orjson.loads
    no_answers: dict[str, tuple[object, ...]] = {}
    records: list[tuple[str, tuple[object, ...]]] = []
    unread: list[tuple[int, str]] = []
    for post, _submitted, uuid, export_id, text in rows:
        if text is not None:
            answers = pick(loads(text))
        else:
            answers = known.get(export_id, no_answers).get(uuid, ())
            if not answers:  # not among the answers kept after all: read it below
                unread.append((len(records), uuid))
        records.append((post, answers))
    if unread:
        texts = dict(
            session.execute(
                select(table.c.uuid, table.c["values"]).where(
                    table.c.uuid.in_([uuid for _at, uuid in unread])
                )
            ).all()
        )
        for at, uuid in unread:
            records[at] = (records[at][0], pick(loads(texts[uuid])))
    return records


def _picker(form: Form, names: Sequence[str]) -> Callable[[dict[str, object]], tuple[object, ...]]:
    """What a stored response answers to `names`: a question inside a repeat gives a tuple of
    every instance's answer, a repeat how many instances it has."""
    repeats = {repeat.name for repeat in form.repeats()}
    paths = {name: form.repeat_path(name) for name in names}
    if not any(paths.values()) and not repeats & set(names):
        return lambda values: tuple(map(values.get, names))

    def pick(values: dict[str, object]) -> tuple[object, ...]:
        picked: list[object] = []
        for name in names:
            path = paths[name]
            if name in repeats:
                picked.append(
                    sum(_instance_count(instance, name) for instance in _instances(values, path))
                )
            elif path:
                picked.append(tuple(instance.get(name) for instance in _instances(values, path)))
            else:
                picked.append(values.get(name))
        return tuple(picked)

    return pick


def _instances(values: dict[str, object], path: Sequence[str]) -> list[dict[str, object]]:
    """The instances of the innermost repeat of `path`, in every instance around it."""
    found = [values]
    for repeat in path:
        found = [
            instance
            for outer in found
            for instance in (outer.get(repeat) if isinstance(outer.get(repeat), list) else ())  # type: ignore[union-attr]
            if isinstance(instance, dict)
        ]
    return found


def _instance_count(values: dict[str, object], repeat: str) -> int:
    instances = values.get(repeat)
    return len(instances) if isinstance(instances, list) else 0


def _latest_exports(session: Session, form: Form) -> dict[str, str]:
    table = ReceivedExportRow.__table__
    statement = select(table.c.post_name, table.c.exported_at).where(
        table.c.status == ACCEPTED,
        table.c.form_id == form.form_id,
        table.c.version == form.version,
    )
    latest: dict[str, str] = {}
    for post, exported_at in session.execute(statement):
        latest[post] = max(latest.get(post, ""), exported_at)
    return latest


def _expected_posts(
    session: Session, posts: reference.PostList, counted: Iterable[str]
) -> list[str]:
    """Every post that sent an export, and every bilateral post on headquarters' list that
    nothing was heard from (under any of its names); permanent representations do not
    work with companies in a country and are not expected to answer."""
    table = ReceivedExportRow.__table__
    statement = select(table.c.post_name).where(table.c.post_name != "").distinct()
    senders = list(session.scalars(statement))
    heard = {post for name in (*senders, *counted) if (post := posts.find(name)) is not None}
    listed = [
        post.en
        for post in posts.posts
        if post.kind != "permanent_representation" and post not in heard
    ]
    return [*senders, *listed]


def _refused_receipts(session: Session) -> tuple[RefusedReceipt, ...]:
    """Refused files not put right since: no later accepted file of that name or post."""
    table = ReceivedExportRow.__table__
    rows = session.execute(
        select(
            table.c.id,
            table.c.file_name,
            table.c.post_name,
            table.c.status,
            table.c.reason,
            table.c.received_at,
        ).order_by(table.c.id)
    ).all()
    last_accepted: dict[str, int] = {}
    for row in rows:
        if row.status == ACCEPTED:
            last_accepted[f"file:{row.file_name}"] = row.id
            last_accepted[f"post:{row.post_name}"] = row.id
    refused: dict[str, RefusedReceipt] = {}
    for row in rows:
        if row.status != REFUSED:
            continue
        fixed_by = max(
            last_accepted.get(f"file:{row.file_name}", 0),
            last_accepted.get(f"post:{row.post_name}", 0) if row.post_name else 0,
        )
        if fixed_by > row.id:
            continue
        received = row.received_at
        refused[row.file_name] = RefusedReceipt(row.file_name, row.post_name, row.reason, received)
    return tuple(sorted(refused.values(), key=lambda receipt: receipt.file))


# Posts and their attributes


def _question(form: Form, name: str) -> Question | None:
    item = form.find(name)
    return item if isinstance(item, Question) and item.type == "select_one" else None


def _post_attribute(
    form: Form, by_post: Mapping[str, list[tuple[object, ...]]], name: str, index: int
) -> dict[str, str]:
    """Each post's most given answer to `name` (the answer at `index` of each response)."""
    question = _question(form, name)
    if question is None:
        return {}
    order = {choice.name: index for index, choice in enumerate(form.choices(question))}
    attributes: dict[str, str] = {}
    for post, responses in by_post.items():
        counts = Counter(value for answers in responses if isinstance(value := answers[index], str))
        if counts:
            attributes[post] = min(counts, key=lambda code: (-counts[code], order.get(code, 99)))
    return attributes


def _regions_from_list(
    form: Form,
    name: str,
    by_post: Iterable[str],
    answered: Mapping[str, str],
    posts: reference.PostList,
) -> dict[str, str]:
    """The answered regions, and for the other posts the region the list of posts gives."""
    question = _question(form, name)
    allowed = {choice.name for choice in form.choices(question)} if question else None
    regions = dict(answered)
    for name in by_post:
        if name in regions:
            continue
        post = posts.find(name)
        if post is not None and (allowed is None or post.region in allowed):
            regions[name] = post.region
    return regions


def _business_from_list(
    form: Form,
    name: str,
    by_post: Iterable[str],
    answered: Mapping[str, str],
    posts: reference.PostList,
) -> dict[str, str]:
    """The answered amounts of Dutch business, and for the other posts the amount the list of
    posts gives their country; with a business question, only a level among its choices."""
    question = _question(form, name)
    allowed = {choice.name for choice in form.choices(question)} if question else None
    business = dict(answered)
    for post_name in by_post:
        if post_name in business:
            continue
        post = posts.find(post_name)
        level = post.business if post is not None else ""
        if level and (allowed is None or level in allowed):
            business[post_name] = level
    return business


def _choice_order(
    form: Form, name: str, seen: Iterable[str], default: Sequence[str] = ()
) -> list[str]:
    """The codes in the form's choice order (else `default`), then others met, then 'unknown'."""
    question = _question(form, name)
    order = [choice.name for choice in form.choices(question)] if question else list(default)
    used = set(seen)
    extra = sorted(code for code in used if code not in order and code != UNKNOWN)
    codes = [code for code in order if code in used] + extra
    return [*codes, UNKNOWN] if UNKNOWN in used else codes


def _labels(
    form: Form, name: str, codes: Sequence[str], fallback: reference.ReferenceList | None
) -> dict[str, Texts]:
    question = _question(form, name)
    labels: dict[str, Texts] = {}
    if question is not None:
        labels = {choice.name: dict(choice.label) for choice in form.choices(question)}
    for code in codes:
        if code not in labels and fallback is not None and code in fallback:
            item = fallback.get(code)
            assert item is not None
            labels[code] = {"en": item.en, "nl": item.nl}
    unknown = N_("Unknown")
    labels.setdefault(UNKNOWN, {language: translator(language)(unknown) for language in LANGUAGES})
    return labels


# The parts


class _Columns:
    """The answers to the summarised questions by column, with each post's region and
    business beside every answer.

    `records` hold each response's answers to `names` (read once, for all the questions
    together). The responses are kept ordered by (region, business), so the answers of one
    group to a question are one slice of its column; `positions` keeps their order as given.
    """

    def __init__(
        self,
        records: Sequence[tuple[str, tuple[object, ...]]],
        regions: Mapping[str, str],
        business: Mapping[str, str],
        names: Sequence[str],
    ) -> None:
        pairs = [(regions.get(post, UNKNOWN), business.get(post, UNKNOWN)) for post, _ in records]
        self.positions = sorted(range(len(records)), key=pairs.__getitem__)  # stable
        self.posts = [records[index][0] for index in self.positions]
        self.regions = [pairs[index][0] for index in self.positions]
        rows = [records[index][1] for index in self.positions]
        columns = zip(*rows, strict=True) if rows else ((),) * len(names)
        self._columns = dict(zip(names, map(list, columns), strict=True))
        self.languages = [str(value or "") for value in self._columns["_language"]]
        self._groups: list[tuple[tuple[str, str], int, int]] = []
        for at, index in enumerate(self.positions):
            if self._groups and self._groups[-1][0] == pairs[index]:
                key, first, _end = self._groups[-1]
                self._groups[-1] = (key, first, at + 1)
            else:
                self._groups.append((pairs[index], at, at + 1))

    def raw(self, name: str) -> list[object]:
        """Each response's value, a question in a repeat giving a tuple of its instances'."""
        return self._columns[name]

    def column(self, name: str) -> list[object]:
        """The answers to `name`: one per response, or per instance inside a repeat."""
        return _flat(self._columns[name])

    def rows(self, name: str) -> Iterator[tuple[int, str, str, str, object]]:
        """(position, post, region, language, answer) of each answer to `name`."""
        for at, value in enumerate(self._columns[name]):
            answers = value if isinstance(value, tuple) else (value,)
            for answer in answers:
                yield (
                    self.positions[at],
                    self.posts[at],
                    self.regions[at],
                    self.languages[at],
                    answer,
                )

    def by_group(self, name: str) -> Iterator[tuple[tuple[str, str], list[object]]]:
        """(region, business) and the answers of that group's responses to `name`."""
        column = self._columns[name]
        for key, first, end in self._groups:
            yield key, _flat(column[first:end])


def _flat(values: list[object]) -> list[object]:
    # The kinds found in C (a column of 5,200 answers, asked often), then looked at.
    if not any(issubclass(kind, tuple) for kind in set(map(type, values))):
        return values
    flat: list[object] = []
    for value in values:
        if isinstance(value, tuple):
            flat.extend(value)
        else:
            flat.append(value)
    return flat


def _likert_item(
    form: Form,
    question: Question,
    table: _Columns,
    region_order: Sequence[str],
    business_order: Sequence[str],
) -> LikertItem:
    name = question.name
    by_region: dict[str, Counter[object]] = {code: Counter() for code in region_order}
    by_business: dict[str, Counter[object]] = {code: Counter() for code in business_order}
    everyone: Counter[object] = Counter()
    points = likert_points(form, question) or {}
    for (region, business), answers in table.by_group(name):
        # The text answers counted as they are (in C), then each distinct one mapped to its
        # point: not a call an answer.
        counts: Counter[object] = Counter()
        texts = compress(answers, map(isinstance, answers, repeated(str)))
        for answer, count in Counter(texts).items():
            counts[points.get(answer, answer)] += count
        everyone.update(counts)
        by_region.setdefault(region, Counter()).update(counts)
        by_business.setdefault(business, Counter()).update(counts)
    group = _top_group(form, name)
    return LikertItem(
        name=name,
        label=dict(question.label),
        group=group[0],
        group_label=group[1],
        overall=_distribution_of(everyone),
        by_region={code: _distribution_of(counter) for code, counter in by_region.items()},
        by_business={code: _distribution_of(counter) for code, counter in by_business.items()},
    )


def _distribution_of(counts: Mapping[object, int]) -> Distribution:
    return Distribution(tuple(counts.get(point, 0) for point in LIKERT_POINTS))  # type: ignore[arg-type]


def _top_group(form: Form, name: str) -> tuple[str, Texts]:
    for item in form.items:
        if isinstance(item, Group) and any(inner.name == name for inner in _descendants(item)):
            return item.name, dict(item.label)
    return "", {}


def _descendants(group: Group) -> Iterator[Item]:
    for item in group.items:
        yield item
        if isinstance(item, Group):
            yield from _descendants(item)


def _select_summary(form: Form, question: Question, table: _Columns) -> SelectSummary:
    answers = Counter(table.column(question.name))
    answers.pop(None, None)
    answered = sum(answers.values())
    counts: Counter[object] = Counter()
    if question.type == "select_multiple":
        for value, count in answers.items():
            for name in set(str(value).split()):
                counts[name] += count
    else:
        counts = answers
    choices = tuple(
        ChoiceCount(
            choice.name,
            dict(choice.label),
            counts.get(choice.name, 0),
            counts.get(choice.name, 0) / answered if answered else None,
        )
        for choice in form.choices(question)
    )
    return SelectSummary(question.name, dict(question.label), question.type, answered, choices)


def _open_question(question: Question, table: _Columns) -> OpenQuestion:
    answered = sorted(
        (position, post, region, language, text)
        for position, post, region, language, text in table.rows(question.name)
        if isinstance(text, str) and text.strip()
    )
    answers = tuple(OpenAnswer(*answer) for _position, *answer in answered)
    return OpenQuestion(question.name, dict(question.label), answers)


def _text(texts: Mapping[str, str] | None, language: str) -> str:
    if not texts:
        return ""
    return texts.get(language) or texts.get("en") or next(iter(texts.values()), "")


# The workbook


def write_summary_xlsx(
    summary: Summary, path: str | os.PathLike[str], language: str = "en"
) -> None:
    """Write the summary as an .xlsx with one sheet per part, replacing `path` when complete."""
    with atomic_output(Path(path)) as temp, _XlsxWriter(temp) as writer:
        for title, columns, rows in _summary_sheets(summary, language):
            writer.add_sheet(title, columns, rows)


def save_summary_xlsx(
    _session: Session, summary: Summary, path: str | os.PathLike[str], language: str
) -> Path:
    """`write_summary_xlsx` as a job's work (core/processes.py); the session goes unused."""
    write_summary_xlsx(summary, path, language)
    return Path(path)


_SheetColumns = list[tuple[str, int]]


def _summary_sheets(
    summary: Summary, lang: str
) -> Iterator[tuple[str, _SheetColumns, Iterable[Sequence[object]]]]:
    yield (
        "overview",
        [("key", 22), ("value", 60)],
        [
            ["form_id", summary.form_id],
            ["version", summary.version],
            ["title", _text(summary.title, lang)],
            ["built_at", summary.built_at],
            ["responses", summary.responses],
            ["posts", len(summary.posts)],
            ["missing_posts", len(summary.missing_posts)],
            ["refused_files", len(summary.refused_files)],
        ],
    )
    yield (
        "posts",
        [("post", 40), ("region", 16), ("region_label", 30), ("business", 10),
         ("responses", 11), ("exported_at", 22)],
        [
            [p.post, p.region, summary.region_label(p.region, lang), p.business, p.responses,
             p.exported_at]
            for p in summary.posts
        ],
    )  # fmt: skip
    yield (
        "regions",
        [("region", 16), ("region_label", 30), ("posts", 8), ("responses", 11)],
        [
            [r.region, summary.region_label(r.region, lang), r.posts, r.responses]
            for r in summary.regions
        ],
    )
    figures_columns = [
        ("answered", 10), *((f"n_{point}", 6) for point in LIKERT_POINTS),
        ("agree", 8), ("share_agreeing", 15), ("mean", 8),
    ]  # fmt: skip
    yield (
        "likert",
        [("item", 20), ("group", 14), ("label", 70), *figures_columns],
        [
            [item.name, item.group, _text(item.label, lang), *_figures(item.overall)]
            for item in summary.likert
        ],
    )
    for title, key, label in (
        ("likert_by_region", "region", summary.region_label),
        ("likert_by_business", "business", summary.business_label),
    ):
        yield (
            title,
            [("item", 20), (key, 16), (f"{key}_label", 28), *figures_columns],
            [
                [item.name, code, label(code, lang), *_figures(figures)]
                for item in summary.likert
                for code, figures in getattr(item, f"by_{key}").items()
            ],
        )
    yield (
        "selects",
        [("question", 20), ("type", 15), ("label", 60), ("choice", 20), ("choice_label", 40),
         ("count", 8), ("share", 9), ("answered", 10)],
        [
            [s.name, s.type, _text(s.label, lang), c.name, _text(c.label, lang), c.count,
             _Formatted(c.share, _PERCENT), s.answered]
            for s in summary.selects
            for c in s.choices
        ],
    )  # fmt: skip
    yield (
        "open_answers",
        [("question", 18), ("post", 32), ("region", 14), ("language", 9), ("answer", 100)],
        [
            [q.name, a.post, a.region, a.language, a.text]
            for q in summary.open_questions
            for a in q.answers
        ],
    )
    yield (
        "repeats",
        [("repeat", 20), ("label", 50), ("responses_with_instances", 14), ("instances", 11),
         ("mean_per_response", 12), ("questions", 60)],
        [
            [r.name, _text(r.label, lang), r.responses_with_instances, r.instances,
             _Formatted(None if r.mean_per_response is None else round(r.mean_per_response, 4),
                        _DECIMAL),
             " ".join(r.questions)]
            for r in summary.repeats
        ],
    )  # fmt: skip
    yield (
        "metadata",
        [("column", 20), ("type", 14), ("responses", 11)],
        [[m.name, m.type, m.answered] for m in summary.metadata],
    )
    yield ("missing_posts", [("post", 40)], [[post] for post in summary.missing_posts])
    yield (
        "refused_files",
        [("file", 60), ("post", 32), ("reason", 100), ("received_at", 20)],
        [[r.file, r.post, r.reason, r.received_at] for r in summary.refused_files],
    )
    # After the sheets above, whose names and order are a contract with those reading them.
    yield from _letter_sheets(summary, lang)


def _letter_sheets(
    summary: Summary, lang: str
) -> Iterator[tuple[str, _SheetColumns, Iterable[Sequence[object]]]]:
    """The letter's reading (letter.py): agreeing per quality and on all three together, and
    the activity per core task, each overall and by region, business and role."""
    letter = summary.letter
    qualities = letter.qualities if letter else ()
    activity = letter.activity if letter else ()
    labels = {
        "region": summary.region_label,
        "business": summary.business_label,
        "role": summary.role_label,
    }
    rows: list[list[object]] = []
    for quality in qualities:
        parts = [("overall", {"all": quality.overall}), ("region", quality.by_region),
                 ("business", quality.by_business), ("role", quality.by_role)]  # fmt: skip
        for breakdown, shares in parts:
            for code, share in shares.items():
                label = labels[breakdown](code, lang) if breakdown in labels else ""
                rows.append(
                    [quality.measure, breakdown, code, label, share.agreeing, share.answered,
                     _Formatted(share.share, _PERCENT), " ".join(quality.items)]
                )  # fmt: skip
    yield (
        "guidelines_reading",
        [("measure", 18), ("breakdown", 10), ("group", 16), ("group_label", 28),
         ("agreeing", 10), ("answered", 10), ("share", 9), ("items", 50)],
        rows,
    )  # fmt: skip
    points = list(dict.fromkeys(name for task in activity for name, _label in task.choices))
    activity_rows: list[list[object]] = []
    for task in activity:
        names = [name for name, _label in task.choices]
        parts = [("overall", {"all": task.overall}), ("business", task.by_business),
                 ("region", task.by_region)]  # fmt: skip
        for breakdown, counts in parts:
            for code, figures in counts.items():
                label = labels[breakdown](code, lang) if breakdown in labels else ""
                by_name = dict(zip(names, figures.counts, strict=True))
                activity_rows.append(
                    [task.name, breakdown, code, label, _text(task.label, lang),
                     figures.answered, *(by_name.get(point) for point in points), figures.active,
                     _Formatted(figures.share_active, _PERCENT)]
                )  # fmt: skip
    yield (
        "core_task_activity",
        [("question", 18), ("breakdown", 10), ("group", 16), ("group_label", 28),
         ("label", 60), ("answered", 10), *((f"n_{point}", 6) for point in points),
         ("active", 8), ("share_active", 12)],
        activity_rows,
    )  # fmt: skip


def _figures(figures: Distribution) -> list[object]:
    mean = figures.mean
    return [
        figures.answered,
        *figures.counts,
        figures.agree,
        _Formatted(figures.share_agreeing, _PERCENT),
        _Formatted(None if mean is None else round(mean, 4), _DECIMAL),
    ]


_PERCENT = 2  # the cell styles of _STYLES below
_DECIMAL = 3
_DATE_TIME = 4
_BOLD = 1


@dataclass(frozen=True)
class _Formatted:
    value: float | None
    style: int


class _XlsxWriter:
    """A lean streaming .xlsx writer for plain typed tables.

    openpyxl spends about 10 µs on a cell; thousands of open answers made it the slowest step
    of the aggregation. This writes each sheet's XML directly: text as inline strings (never
    a formula), numbers, UTC date-times, a bold frozen header row, column widths and a filter.
    """

    def __init__(self, path: Path) -> None:
        self.archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self.titles: list[str] = []
        self.filters: list[str] = []

    def __enter__(self) -> _XlsxWriter:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        try:
            if kind is None:
                self._finish()
        finally:
            self.archive.close()

    def add_sheet(
        self, title: str, columns: _SheetColumns, rows: Iterable[Sequence[object]]
    ) -> None:
        letters = [get_column_letter(index) for index in range(1, len(columns) + 1)]
        parts = [
            _XML_HEAD,
            f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetViews><sheetView '
            'workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
            'state="frozen"/></sheetView></sheetViews><cols>',
            *(
                f'<col min="{index}" max="{index}" width="{width}" customWidth="1"/>'
                for index, (_name, width) in enumerate(columns, 1)
            ),
            '</cols><sheetData><row r="1">',
            *(
                f'<c r="{letter}1" s="{_BOLD}" t="inlineStr"><is><t>{_escape(name)}</t></is></c>'
                for letter, (name, _width) in zip(letters, columns, strict=True)
            ),
            "</row>",
        ]
        number = 1
        append = parts.append
        for row in rows:
            number += 1
            append(f'<row r="{number}">')
            for letter, value in zip(letters, row, strict=True):
                # Text and whole numbers, most of the cells, without a call each.
                if type(value) is str:
                    if value:
                        append(
                            f'<c r="{letter}{number}" t="inlineStr"><is><t xml:space="preserve">'
                            f"{_escape(value)}</t></is></c>"
                        )
                elif type(value) is int:
                    append(f'<c r="{letter}{number}" s="0"><v>{value}</v></c>')
                elif value is not None:
                    append(_cell(f"{letter}{number}", value))
            append("</row>")
        parts.append("</sheetData>")
        reference = f"A1:{letters[-1]}{number}"
        if number > 1:
            parts.append(f'<autoFilter ref="{reference}"/>')
        parts.append("</worksheet>")
        self.titles.append(title)
        self.filters.append(reference if number > 1 else "")
        sheet = len(self.titles)
        self.archive.writestr(f"xl/worksheets/sheet{sheet}.xml", "".join(parts))

    def _finish(self) -> None:
        sheets = range(1, len(self.titles) + 1)
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index - 1}" hidden="1">'
            f"{_escape(_quoted(title))}!{_absolute(reference)}</definedName>"
            for index, title, reference in zip(sheets, self.titles, self.filters, strict=True)
            if reference
        )
        self.archive.writestr(
            "xl/workbook.xml",
            f'{_XML_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
            + "".join(
                f'<sheet name="{_escape(title)}" sheetId="{index}" r:id="rId{index}"/>'
                for index, title in zip(sheets, self.titles, strict=True)
            )
            + "</sheets>"
            + (f"<definedNames>{names}</definedNames>" if names else "")
            + "</workbook>",
        )
        self.archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{_XML_HEAD}<Relationships xmlns="{_PACKAGE_REL}">'
            + "".join(
                f'<Relationship Id="rId{index}" Type="{_REL}/worksheet" '
                f'Target="worksheets/sheet{index}.xml"/>'
                for index in sheets
            )
            + f'<Relationship Id="rId{len(sheets) + 1}" Type="{_REL}/styles" '
            'Target="styles.xml"/></Relationships>',
        )
        self.archive.writestr("xl/styles.xml", _STYLES)
        self.archive.writestr(
            "_rels/.rels",
            f'{_XML_HEAD}<Relationships xmlns="{_PACKAGE_REL}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        self.archive.writestr(
            "[Content_Types].xml",
            f'{_XML_HEAD}<Types xmlns="{_TYPES}">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_OFFICE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_OFFICE}.styles+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{index}.xml" '
                f'ContentType="{_OFFICE}.worksheet+xml"/>'
                for index in sheets
            )
            + "</Types>",
        )


def _cell(reference: str, value: object) -> str:
    style = 0
    if isinstance(value, _Formatted):
        if value.value is None:
            return ""
        style, value = value.style, value.value
    match value:
        case str():
            if not value:
                return ""
            return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{_escape(value)}</t></is></c>'  # noqa: E501
        case bool():
            return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
        case int() | float():
            text = repr(value) if isinstance(value, float) else str(value)
            return f'<c r="{reference}" s="{style}"><v>{text}</v></c>'
        case datetime():
            moment = value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
            serial = (moment - _EXCEL_EPOCH) / timedelta(days=1)
            return f'<c r="{reference}" s="{_DATE_TIME}"><v>{serial!r}</v></c>'
    raise TypeError(f"a summary cell cannot hold {type(value).__name__}")


def _escape(text: str) -> str:
    if not _NEEDS_ESCAPING.search(text):
        return text  # most cells: one scan instead of four
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return escape(text, _QUOTES)


def _quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def _absolute(reference: str) -> str:
    return ":".join(re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", part) for part in reference.split(":"))


_EXCEL_EPOCH = datetime(1899, 12, 30)
_NEEDS_ESCAPING = re.compile(f'[&<>"]|{ILLEGAL_CHARACTERS_RE.pattern}')
_QUOTES = {'"': "&quot;"}
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_STYLES = (
    f'{_XML_HEAD}<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0%"/>'
    '<numFmt numFmtId="165" formatCode="0.00"/>'
    '<numFmt numFmtId="166" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
