"""A survey form as postkit runs it: questions, groups and choice lists, read from an XLSForm."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from postkit.core.surveys.expressions import Expression

# Language code -> text, e.g. {"nl": "Rol", "en": "Role"}.
Texts = dict[str, str]

# Filled in automatically, never shown: when the response was started and ended, on which
# installation and by whom, and (audit) which questions were visited when. A desktop has no phone
# number, SIM or account e-mail, so those stay empty.
METADATA_TYPES = frozenset(
    {
        "start",
        "end",
        "today",
        "deviceid",
        "username",
        "audit",
        "phonenumber",
        "simserial",
        "subscriberid",
        "email",
    }
)
# Attach a file; the answer is the stored file's name and content hash (see surveys.files).
FILE_TYPES = frozenset({"image", "audio", "video", "file"})
GEO_TYPES = frozenset({"geopoint", "geotrace", "geoshape"})
QUESTION_TYPES = (
    "text",
    "integer",
    "decimal",
    "date",
    "time",
    "datetime",
    "range",
    "select_one",
    "select_multiple",
    "rank",
    "note",
    "acknowledge",
    "calculate",
    "hidden",
    "barcode",
    *sorted(GEO_TYPES),
    *sorted(FILE_TYPES),
    *sorted(METADATA_TYPES),
)
# Shown but not answered (note) or computed, never shown (calculate).
UNANSWERED_TYPES = frozenset({"note", "calculate"})
# Kept with the response but never on screen.
UNSHOWN_TYPES = frozenset({"calculate", "hidden"}) | METADATA_TYPES


@dataclass(frozen=True)
class Choice:
    """One option of a choice list; `extra` holds the other columns, for a choice_filter."""

    list_name: str
    name: str
    label: Texts
    extra: dict[str, str] = field(default_factory=dict)
    row: int = 0


@dataclass(frozen=True)
class Question:
    """A row of the survey sheet that is not a group: asked, shown (note) or computed."""

    name: str
    type: str
    list_name: str | None
    label: Texts
    hint: Texts = field(default_factory=dict)
    # True/False, or the text of an expression that decides it (parse it with expressions.parse).
    required: bool | str = False
    required_message: Texts = field(default_factory=dict)
    relevant: Expression | None = None
    constraint: Expression | None = None
    constraint_message: Texts = field(default_factory=dict)
    calculation: Expression | None = None
    default: str | None = None
    appearance: str = ""
    choice_filter: Expression | None = None
    # Shown but not answered by the respondent: filled from its default or the post profile.
    read_only: bool = False
    row: int = 0
    # A calculation on an asked question is recomputed only when one of these answers changes.
    trigger: tuple[str, ...] = ()
    # The `parameters` column, e.g. {"start": "1", "end": "10", "step": "1"} for a range.
    parameters: dict[str, str] = field(default_factory=dict)
    # Media columns by kind ("image", "audio", "video"), each by language code.
    media: dict[str, Texts] = field(default_factory=dict)
    # What headquarters reads it for (`postkit::measure`, see surveys/measures.py), or "".
    measure: str = ""

    @property
    def is_answerable(self) -> bool:
        """True for a question the respondent answers (not a note, not a calculate)."""
        return self.type not in UNANSWERED_TYPES

    @property
    def is_select(self) -> bool:
        return self.type in ("select_one", "select_multiple")

    @property
    def has_choices(self) -> bool:
        """True for a question answered from a choice list: a select, or a rank that orders it."""
        return self.type in ("select_one", "select_multiple", "rank")

    @property
    def is_shown(self) -> bool:
        """False for what the respondent never sees: calculate, hidden and metadata."""
        return self.type not in UNSHOWN_TYPES

    @property
    def is_metadata(self) -> bool:
        return self.type in METADATA_TYPES

    @property
    def is_calculated(self) -> bool:
        """True when the calculation sets the answer (a question with a trigger can be edited)."""
        return self.calculation is not None and not self.trigger


@dataclass(frozen=True)
class Group:
    """A `begin group` … `end group` block; postkit shows a top-level group as a page.

    A `begin repeat` … `end repeat` block is a Group with `is_repeat`: its items are asked once
    per instance, as many times as `repeat_count` says or, without one, as the respondent adds.
    """

    name: str
    label: Texts
    relevant: Expression | None = None
    appearance: str = ""
    items: tuple[Item, ...] = ()
    row: int = 0
    is_repeat: bool = False
    repeat_count: Expression | None = None


Item = Question | Group


@dataclass(frozen=True)
class Form:
    """A whole survey form: settings, the tree of items and the choice lists."""

    form_id: str
    title: Texts
    version: str
    default_language: str
    languages: tuple[str, ...]
    items: tuple[Item, ...]
    choice_lists: dict[str, tuple[Choice, ...]]
    # Language code -> the name in the column header, e.g. {"nl": "Nederlands"}.
    language_names: dict[str, str] = field(default_factory=dict)
    # The settings' instance_name: an expression giving each response its title in lists.
    instance_name: Expression | None = None
    style: str = ""

    def walk(self) -> Iterator[Item]:
        """Every group and question, depth first, in the order of the survey sheet."""
        yield from _walk(self.items)

    def fields(self) -> list[Question]:
        """Every question, including notes and calculates, in form order."""
        return [item for item in self.walk() if isinstance(item, Question)]

    def questions(self) -> list[Question]:
        """The questions a respondent answers: no notes, calculates or groups."""
        return [item for item in self.fields() if item.is_answerable]

    def repeats(self) -> list[Group]:
        """Every repeat, nested ones included, in form order."""
        return [item for item in self.groups() if item.is_repeat]

    def repeat_path(self, name: str) -> tuple[str, ...]:
        """The names of the repeats around an item, outermost first; () outside any repeat."""
        return _repeat_paths(self.items, ()).get(name, ())

    def groups(self) -> list[Group]:
        """Every group, nested ones included, in form order."""
        return [item for item in self.walk() if isinstance(item, Group)]

    def find(self, name: str) -> Item | None:
        """The question or group with this name, or None."""
        return next((item for item in self.walk() if item.name == name), None)

    def choices(self, question: Question) -> tuple[Choice, ...]:
        """The choice list of a select question (empty for other types)."""
        if question.list_name is None:
            return ()
        return self.choice_lists.get(question.list_name, ())

    def text(self, texts: Texts, language: str | None = None) -> str:
        """The text in `language`, else in the default language, else in any language."""
        for code in (language, self.default_language):
            if code is not None and texts.get(code):
                return texts[code]
        return next((text for text in texts.values() if text), "")


def _repeat_paths(items: tuple[Item, ...], path: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for item in items:
        found[item.name] = path
        if isinstance(item, Group):
            inner = (*path, item.name) if item.is_repeat else path
            found.update(_repeat_paths(item.items, inner))
    return found


def _walk(items: tuple[Item, ...]) -> Iterator[Item]:
    for item in items:
        yield item
        if isinstance(item, Group):
            yield from _walk(item.items)
