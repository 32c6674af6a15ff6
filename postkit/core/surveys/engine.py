"""The runtime of a form being filled in: answers, skip logic, calculations and validation.

Qt-free, so the form view only renders what a `FormSession` says and the services validate a
submitted response with the very same rules. As in ODK, a question that is not relevant counts as
unanswered in every expression, and its answer is not stored when the response is submitted.

Inside a repeat each instance has its own answers. The session names an answer by a *slot*: the
question's name outside repeats, else `name@2` (the second instance) or `name@2.1` (the first
instance of a repeat inside the second instance of the outer one); see `slot()`. Expressions
resolve `${x}` as pyxform and JavaRosa do: inside a repeat, the same instance's x; from outside
it, the answers of every instance (a nodeset for sum(), count() …). Answers go out (`answers`,
`answers_for_storage`) as JSON-ready dicts in which a repeat is a list of its instances' dicts.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from postkit.core.errors import ValidationError
from postkit.core.surveys.expressions import (
    EvaluationError,
    Expression,
    ExpressionError,
    Nodes,
    RepeatScope,
    evaluate,
    is_true,
    parse,
    to_number,
    to_string,
)
from postkit.core.surveys.files import parse_file_answer
from postkit.core.surveys.forms import (
    FILE_TYPES,
    GEO_TYPES,
    Choice,
    Form,
    Group,
    Item,
    Question,
    Texts,
)
from postkit.core.surveys.xlsform import is_dynamic_default

ACKNOWLEDGED = "OK"
# A repeat_count beyond this is a mistake in the form, not a questionnaire anyone fills in.
MAX_INSTANCES = 500
_OUTPUT = re.compile(r"\$\{([^}]*)\}")
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?")

_MESSAGES: Mapping[str, Mapping[str, str]] = {
    "required": {
        "en": "This question is required.",
        "nl": "Deze vraag is verplicht.",
    },
    "constraint": {
        "en": "This answer is not allowed.",
        "nl": "Dit antwoord is niet toegestaan.",
    },
    "not_a_choice": {
        "en": "Choose one of the options shown.",
        "nl": "Kies een van de getoonde opties.",
    },
    "integer": {
        "en": "Enter a whole number.",
        "nl": "Vul een geheel getal in.",
    },
    "decimal": {
        "en": "Enter a number.",
        "nl": "Vul een getal in.",
    },
    "date": {
        "en": "Enter a date as YYYY-MM-DD.",
        "nl": "Vul een datum in als JJJJ-MM-DD.",
    },
    "unknown_choice": {
        "en": "'{value}' is not one of the options.",
        "nl": "'{value}' is geen van de opties.",
    },
    "time": {
        "en": "Enter a time as HH:MM.",
        "nl": "Vul een tijd in als UU:MM.",
    },
    "datetime": {
        "en": "Enter a date and time as YYYY-MM-DD HH:MM.",
        "nl": "Vul een datum en tijd in als JJJJ-MM-DD UU:MM.",
    },
    "range": {
        "en": "Enter a number within the range.",
        "nl": "Vul een getal binnen het bereik in.",
    },
    "geopoint": {
        "en": "Enter a latitude and longitude, e.g. 52.08 4.31.",
        "nl": "Vul een breedte- en lengtegraad in, bijv. 52.08 4.31.",
    },
    "geotrace": {
        "en": "Enter points as 'latitude longitude', separated by ';'.",
        "nl": "Vul punten in als 'breedte lengte', gescheiden door ';'.",
    },
    "geoshape": {
        "en": "Enter points as 'latitude longitude', separated by ';'.",
        "nl": "Vul punten in als 'breedte lengte', gescheiden door ';'.",
    },
    "rank": {
        "en": "Put every option in order.",
        "nl": "Zet alle opties op volgorde.",
    },
    "repeat": {
        "en": "A repeat's answers are a list of its instances.",
        "nl": "De antwoorden van een herhaling zijn een lijst van de herhalingen.",
    },
    "file": {
        "en": "Attach a file with 'Choose file…'.",
        "nl": "Voeg een bestand toe met 'Bestand kiezen…'.",
    },
    "fixed": {
        "en": "This answer comes from the post's profile and cannot be changed here.",
        "nl": "Dit antwoord komt uit het profiel van de post en kan hier niet worden gewijzigd.",
    },
}


def slot(name: str, positions: tuple[int, ...] = ()) -> str:
    """The key of one answer: `name` outside repeats, `name@2.1` in instance 1 of instance 2."""
    if not positions:
        return name
    return f"{name}@{'.'.join(str(position) for position in positions)}"


def split_slot(key: str) -> tuple[str, tuple[int, ...]]:
    """A slot's question (or group) name and its instance positions, outermost first."""
    name, _, positions = key.partition("@")
    if not positions:
        return name, ()
    return name, tuple(int(position) for position in positions.split("."))


def message(key: str, language: str | None, **data: object) -> str:
    """A built-in message in `language` (Dutch for 'nl…', English otherwise)."""
    texts = _MESSAGES[key]
    code = "nl" if (language or "").lower().startswith("nl") else "en"
    return texts[code].format(**data)


# A group with one of these appearances is one page; ODK Collect shows the questions of any other
# group one per screen.
PAGE_APPEARANCES = frozenset({"field-list", "table-list"})


@dataclass(frozen=True)
class Page:
    """What the form view shows at once: a `field-list` group, a repeat, or one question.

    `group` is the page's group, or for a question of a plain group that group (its title).
    A repeat is one page whose `steps` the respondent goes through as ODK Collect pages a
    repeat: postkit's pages are fixed when the session starts, a repeat's instances are not.
    """

    index: int
    name: str
    group: Group | None
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Step:
    """One screen of a repeat's page, as ODK Collect shows it.

    Each instance's questions are a step each, as a plain group's are pages (a field-list
    group inside the instance, or the whole instance of a field-list repeat, is one step), and
    a repeat the respondent fills ends with its prompt ("add another?", `prompt`). `key` is the
    slot of the step's question or group, or of the repeat for a prompt; `questions` the slots
    of the questions on it; `repeats` the repeat slots whose instances it can add to.
    """

    key: str
    questions: tuple[str, ...]
    repeats: tuple[str, ...] = ()
    prompt: bool = False


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0


class FormSession:
    """One respondent's pass through a form: set answers, ask what to show and what is wrong."""

    def __init__(
        self,
        form: Form,
        answers: Mapping[str, object] | None = None,
        language: str | None = None,
        today: date | None = None,
        *,
        strict: bool = False,
        fixed: Mapping[str, object] | None = None,
        metadata: Mapping[str, object] | None = None,
        now: datetime | None = None,
    ) -> None:
        """Start from `answers` (a draft) or, when None, from the form's defaults.

        With `strict`, an answer that does not fit its question raises ValidationError instead
        of being left out, and so does a name that is not a question of the form. `fixed`
        answers (the post profile's, see responses.profile_answers) replace what `answers` say
        and cannot be changed. `metadata` gives the values of metadata questions by type
        (`deviceid`, `username`); a new response also gets its `start` and `today` from `now`.
        """
        self.form = form
        self._language = language or form.default_language or next(iter(form.languages), "")
        self._today = today
        self._fields = {question.name: question for question in form.fields()}
        self._items: dict[str, Item] = {item.name: item for item in form.walk()}
        self._repeat_path: dict[str, tuple[str, ...]] = {}
        self._index_repeats(form.items, ())
        self._has_repeats = any(self._repeat_path.values())
        # The questions outside any repeat: each has one answer, keyed by its name.
        self._top_fields = [q for q in self._fields.values() if not self._repeat_path[q.name]]
        self._ancestors: dict[str, tuple[Group, ...]] = {}
        self._index_ancestors(form.items, ())
        self._pages = _make_pages(form)
        self._page_by_name: dict[str, Page] = {}
        for page in self._pages:
            first = page.items[0].name
            for item in (*self._ancestors[first], *page.items, *_walk_items(page.items)):
                self._page_by_name.setdefault(item.name, page)
        self._values: dict[str, object] = {q.name: None for q in self._top_fields}
        self._visible: dict[str, bool] = {}
        self._seen: dict[str, object] = {}
        self._required: dict[str, Expression | bool] = {}
        self._once: dict[str, bool] = {}
        self._triggered: dict[str, tuple[object, ...]] = {}
        # Instances per repeat slot (the repeat's name with the positions of the repeats around
        # it), and the instance slots whose defaults are in.
        self._counts: dict[str, int] = {}
        self._created: set[str] = set()
        self._metadata = dict(metadata or {})
        # The audit event going on: (event, node, start in ms since the epoch).
        self._audit_open: tuple[str, str, int] | None = None
        if answers is None:
            self._apply_defaults()
        else:
            self._load(answers, (), strict)
        self._fixed: dict[str, object] = {}
        for name, value in (fixed or {}).items():
            self._fixed[name] = self.coerce(self.question(name), value)
        self._values.update(self._fixed)
        self._fill_metadata(now or datetime.now().astimezone(), is_new=answers is None)
        self._refresh()
        if answers is None:
            self._apply_dynamic_defaults()

    # Structure

    def pages(self) -> list[Page]:
        """Every page, shown or not; see `visible_pages` for the ones the respondent sees."""
        return list(self._pages)

    def visible_pages(self) -> list[Page]:
        return [page for page in self._pages if self.visible(page)]

    def page_of(self, name: str) -> Page | None:
        """The page a question or group (or one of its slots) is on (a plain group's: its
        first); None for what is never shown, such as a calculate outside any field-list group."""
        name = split_slot(name)[0]
        self._item(name)
        return self._page_by_name.get(name)

    def steps(self, page: Page) -> list[Step]:
        """The screens of a page as the answers stand: a repeat's page steps through its
        instances (see `Step`); any other page is one step holding all its questions."""
        group = page.group
        if group is None or not group.is_repeat or page.items != (group,):
            questions = self._shown_slots(page.items, ())
            return [Step(page.name, questions, self._inner_repeats(page.items, ()))]
        found: list[Step] = []
        self._repeat_steps(group, (), found)
        return found

    def step_of(self, page: Page, key: str) -> int | None:
        """The number of the step of `page` a question slot (or a prompt's repeat slot) is on."""
        for number, step in enumerate(self.steps(page)):
            if key in step.questions or (step.prompt and step.key == key):
                return number
        return None

    def _repeat_steps(self, repeat: Group, positions: tuple[int, ...], found: list[Step]) -> None:
        key = slot(repeat.name, positions)
        if not self._shows(repeat, positions):
            return
        whole = _has_page_appearance(repeat)
        for number in range(1, self._counts.get(key, 0) + 1):
            inner = (*positions, number)
            instance = slot(repeat.name, inner)
            if not self._visible.get(instance, False):
                continue
            if whole:
                questions = self._shown_slots(repeat.items, inner)
                found.append(Step(instance, questions, self._inner_repeats(repeat.items, inner)))
            else:
                self._item_steps(repeat.items, inner, found)
        if self.can_change_instances(key):
            found.append(Step(key, (), (key,), prompt=True))

    def _item_steps(
        self, items: tuple[Item, ...], positions: tuple[int, ...], found: list[Step]
    ) -> None:
        for item in items:
            key = slot(item.name, positions)
            if isinstance(item, Group) and item.is_repeat:
                self._repeat_steps(item, positions, found)
            elif isinstance(item, Group) and _has_page_appearance(item):
                if self._shows(item, positions):
                    questions = self._shown_slots(item.items, positions)
                    repeats = self._inner_repeats(item.items, positions)
                    found.append(Step(key, questions, repeats))
            elif isinstance(item, Group):
                if self._visible.get(key, False):
                    self._item_steps(item.items, positions, found)
            elif item.is_shown and self._visible.get(key, False):
                found.append(Step(key, (key,)))

    def _shown_slots(self, items: Iterable[Item], positions: tuple[int, ...]) -> tuple[str, ...]:
        """The slots of the questions shown among `items`, in their instances that exist now."""
        found: list[str] = []
        for item in items:
            if isinstance(item, Group) and item.is_repeat:
                repeat = slot(item.name, positions)
                for number in range(1, self._counts.get(repeat, 0) + 1):
                    found.extend(self._shown_slots(item.items, (*positions, number)))
            elif isinstance(item, Group):
                found.extend(self._shown_slots(item.items, positions))
            elif item.is_shown:
                found.append(slot(item.name, positions))
        return tuple(found)

    def _inner_repeats(self, items: Iterable[Item], positions: tuple[int, ...]) -> tuple[str, ...]:
        """The slots of the repeats the respondent fills among `items` (nested ones too)."""
        found: list[str] = []
        for item in items:
            if isinstance(item, Group) and item.is_repeat:
                repeat = slot(item.name, positions)
                if self.can_change_instances(repeat):
                    found.append(repeat)
                for number in range(1, self._counts.get(repeat, 0) + 1):
                    found.extend(self._inner_repeats(item.items, (*positions, number)))
            elif isinstance(item, Group):
                found.extend(self._inner_repeats(item.items, positions))
        return tuple(found)

    def visible(self, item: Item | Page | str) -> bool:
        """Whether an item (or page, or slot) is shown: its `relevant` and its groups' hold.

        A page is shown when its group is and at least one item on it is.
        """
        if isinstance(item, Page):
            if item.group is not None and not self._visible.get(item.group.name, False):
                return False
            return any(self._shows(child) for child in item.items)
        key = item if isinstance(item, str) else item.name
        return self._visible.get(key, False)

    def _shows(self, item: Item, positions: tuple[int, ...] = ()) -> bool:
        """Whether anything of `item` appears on screen (a calculate never does)."""
        if not self._visible.get(slot(item.name, positions), False):
            return False
        if isinstance(item, Group):
            if item.is_repeat:
                # A repeat_count of 0 leaves nothing to show, not even 'Add another …' (the
                # form sets the number): ODK Collect skips it, and so does the page.
                if item.repeat_count is not None and not self._counts.get(
                    slot(item.name, positions), 0
                ):
                    return False
                return _has_shown_questions(item)
            return any(self._shows(child, positions) for child in item.items)
        return item.is_shown

    @property
    def language(self) -> str:
        """The form language the response is shown and answered in."""
        return self._language

    @language.setter
    def language(self, code: str) -> None:
        # Calculations may name months and days (format-date) in the language: recompute.
        if code != self._language:
            self._language = code
            self._refresh()

    def question(self, name: str) -> Question:
        """The question of a name or slot."""
        try:
            return self._fields[split_slot(name)[0]]
        except (KeyError, ValueError):
            raise KeyError(f"{name!r} is not a question of form {self.form.form_id}") from None

    def _item(self, name: str) -> Item:
        item = self._items.get(name)
        if item is None:
            raise KeyError(f"{name!r} is not a question or group of form {self.form.form_id}")
        return item

    # Repeats

    def repeat_path(self, name: str) -> tuple[str, ...]:
        """The repeats around a question or group, outermost first."""
        return self._repeat_path[split_slot(name)[0]]

    def instance_count(self, repeat: str) -> int:
        """How many instances a repeat slot (`visit`, or `contact@2` inside visit 2) has now."""
        return self._counts.get(repeat, 0)

    def can_change_instances(self, repeat: str) -> bool:
        """False where the form's repeat_count sets the number of instances."""
        group = self._item(split_slot(repeat)[0])
        return isinstance(group, Group) and group.is_repeat and group.repeat_count is None

    def add_instance(self, repeat: str, when: datetime | None = None) -> str:
        """Add an instance at the end of a repeat slot; return the new instance's slot."""
        name, positions = split_slot(repeat)
        if not self.can_change_instances(repeat):
            raise ValueError(f"the form sets how many times {name!r} is asked")
        count = self._counts.get(repeat, 0)
        if count >= MAX_INSTANCES:
            raise ValueError(f"{name!r} has {MAX_INSTANCES} instances already")
        self._counts[repeat] = count + 1
        instance = slot(name, (*positions, count + 1))
        self._drop_instance(instance)
        self._refresh()
        self.leave(when)
        self._audit_write("add repeat", self.node_path(instance), when, None)
        return instance

    def remove_instance(self, instance: str, when: datetime | None = None) -> None:
        """Remove an instance of a repeat with its answers; later instances move up."""
        name, positions = split_slot(instance)
        repeat = slot(name, positions[:-1])
        if not self.can_change_instances(repeat):
            raise ValueError(f"the form sets how many times {name!r} is asked")
        if not 1 <= positions[-1] <= self._counts.get(repeat, 0):
            raise KeyError(f"{instance!r} is not an instance of {name!r}")
        self.leave(when)
        self._audit_write("delete repeat", self.node_path(instance), when, None)
        self._drop_instance(instance)
        self._counts[repeat] -= 1
        self._refresh()

    def _drop_instance(self, instance: str) -> None:
        """Forget an instance's answers and renumber the instances after it."""
        name, positions = split_slot(instance)
        depth, index, prefix = len(positions) - 1, positions[-1], positions[:-1]

        def moved(key: str) -> str | None:
            item, at = split_slot(key)
            path = self._repeat_path.get(item, ())
            if len(at) > len(path):
                path = (*path, item)  # an instance of repeat `item` itself
            if len(at) <= depth or path[depth] != name or at[:depth] != prefix:
                return key
            if at[depth] == index:
                return None
            if at[depth] < index:
                return key
            return slot(item, (*at[:depth], at[depth] - 1, *at[depth + 1 :]))

        for table in (self._values, self._visible, self._seen, self._triggered, self._counts):
            kept = {}
            for key, value in table.items():
                new = moved(key)
                if new is not None:
                    kept[new] = value
            table.clear()
            table.update(kept)  # type: ignore[arg-type]
        self._created = {new for key in self._created if (new := moved(key)) is not None}

    def _slots(self, question: Question) -> list[str]:
        """Every slot of a question in the instances that exist now, in form order."""
        path = self._repeat_path[question.name]
        if not path:
            return [question.name]
        return [slot(question.name, at) for at in self._instance_positions(path, ())]

    def _instance_positions(
        self, path: tuple[str, ...], fixed: tuple[int, ...]
    ) -> list[tuple[int, ...]]:
        found = [fixed]
        for depth in range(len(fixed), len(path)):
            found = [
                (*at, number)
                for at in found
                for number in range(1, self._counts.get(slot(path[depth], at), 0) + 1)
            ]
        return found

    # Texts

    def label(self, item: Item | Choice | Page, key: str | None = None) -> str:
        """The label in the session's language, else the default language, else any.

        `key` is the slot shown, for a label that names answers in the same instance.
        """
        if isinstance(item, Page):
            if item.group is None:
                return ""
            item = item.group
        return self._filled(self.form.text(item.label, self.language), key)

    def hint(self, item: Question, key: str | None = None) -> str:
        return self._filled(self.form.text(item.hint, self.language), key)

    def _filled(self, text: str, key: str | None = None) -> str:
        """The text with each `${name}` replaced by that answer, as ODK shows it."""
        if "${" not in text:
            return text
        return _OUTPUT.sub(lambda found: self._shown_value(found.group(1), key), text)

    def shown_value(self, name: str, key: str | None = None) -> str:
        """What `${name}` shows in a label at slot `key`: a choice's label, else the text."""
        return self._shown_value(name, key)

    def _shown_value(self, name: str, key: str | None = None) -> str:
        question = self._fields.get(name)
        if question is None:
            return "${" + name + "}"
        value = self._scope(key).get(name) if self._has_repeats else self._seen.get(name)
        values = value.values if isinstance(value, Nodes) else (value,)
        shown = []
        for one in values:
            if question.is_select and one is not None:
                labels = {c.name: self.label(c) for c in self.form.choices(question)}
                chosen = one if isinstance(one, tuple) else (one,)
                shown.append(", ".join(labels.get(choice, choice) for choice in chosen))
            else:
                shown.append(to_string(one))
        return ", ".join(text for text in shown if text)

    def choice_label(self, question: str, choice: str) -> str:
        """The label of a choice of a select question, as jr:choice-name() shows it; '' if none."""
        field = self._fields.get(question)
        if field is None or not field.is_select:
            return ""
        found = next((c for c in self.form.choices(field) if c.name == choice), None)
        return "" if found is None else self.label(found)

    def _text(self, texts: Texts, fallback: str) -> str:
        return self.form.text(texts, self.language) or message(fallback, self.language)

    # Answers

    def value(self, name: str) -> object:
        """The answer (or calculated value) of a question or slot; None when unanswered."""
        self.question(name)
        return self._values.get(name)

    def set_answer(self, name: str, value: object) -> None:
        """Set an answer (by name or slot), converted to its question's type.

        Raise ValidationError if it can't be. None, empty text or an empty selection clears
        the answer.
        """
        self.set_answers({name: value})

    def is_fixed(self, name: str) -> bool:
        """True for an answer from the post profile, which the respondent cannot change."""
        return name in self._fixed

    def _check_not_fixed(self, name: str, value: object) -> None:
        if name in self._fixed and value != self._fixed[name]:
            raise ValidationError(name, message("fixed", self.language))

    def set_answers(self, answers: Mapping[str, object]) -> None:
        """Set several answers, recomputing once; if one does not fit, none is set."""
        converted = {}
        repeated = []
        for name, value in answers.items():
            question = self.question(name)
            if not question.is_answerable:
                raise ValueError(f"{name!r} is a {question.type}; it cannot be answered")
            positions = split_slot(name)[1]
            if len(positions) != len(self._repeat_path[question.name]):
                raise KeyError(f"{name!r}: {question.name!r} is asked per repeat instance")
            if positions:
                repeated.append((name, question))
            converted[name] = self.coerce(question, value)
            self._check_not_fixed(name, converted[name])
        # An instance may come with an answer set here (a repeat_count), so check after.
        saved = (dict(self._values), dict(self._counts), set(self._created))
        self._values.update(converted)
        self._refresh()
        missing = [name for name, question in repeated if name not in self._slots(question)]
        if missing:
            self._values, self._counts, self._created = saved
            self._refresh()
            raise KeyError(f"{missing[0]!r}: that repeat instance does not exist")

    def coerce(self, question: Question, value: object) -> object:
        """`value` as the type of `question` stores it; raise ValidationError if it is not one."""
        return coerce_answer(self.form, question, value, self.language)

    def choices(self, question: Question | str, key: str | None = None) -> tuple[Choice, ...]:
        """The choices to offer: the question's list, narrowed by its `choice_filter`."""
        if isinstance(question, str):
            key = key or question
            question = self.question(question)
        choices = self.form.choices(question)
        expression = question.choice_filter
        if expression is None:
            return choices
        context = self._scope(key or question.name)
        offered = []
        for choice in choices:
            columns = {"name": choice.name, "list_name": choice.list_name, **choice.extra}
            try:
                keep = is_true(
                    evaluate(
                        expression,
                        context,
                        today=self._today,
                        columns=columns,
                        choice_label=self.choice_label,
                        language=self.language,
                    )
                )
            except EvaluationError:
                keep = True
            if keep:
                offered.append(choice)
        return tuple(offered)

    def answers(self) -> dict[str, object]:
        """Every answer given, shown or not: what a draft keeps so going back restores it.

        A repeat is a list with a dict per instance (an empty instance is an empty dict).
        """
        return self._nested(self.form.items, (), stored=False)

    # The audit: ODK Collect's audit.csv, `event,node,start,end` with times in milliseconds
    # since the epoch. Events are written when they end; the one going on is kept aside.

    def begin_audit(self, when: datetime | None = None) -> None:
        """The respondent opened the response: `form start`, or `form resume` for a draft.

        Not done on construction: the services build sessions to check a response too.
        """
        log = self._audit_text()
        self._audit_write("form resume" if log else "form start", "", when, None)

    def focus(self, key: str | None, when: datetime | None = None) -> None:
        """The respondent is now on the question at slot `key` (None: on none of them)."""
        node = self.node_path(key) if key is not None else None
        if self._audit_open is not None and self._audit_open[:2] == ("question", node):
            return
        self.leave(when)
        if node is not None:
            self._audit_open = ("question", node, _epoch_ms(when))

    def show_end_screen(self, when: datetime | None = None) -> None:
        """The respondent is on the review of the answers (ODK's end screen)."""
        if self._audit_open is not None and self._audit_open[0] == "end screen":
            return
        self.leave(when)
        self._audit_open = ("end screen", "", _epoch_ms(when))

    def leave(self, when: datetime | None = None) -> bool:
        """End the event going on (a question, the end screen); False when none was."""
        if self._audit_open is None:
            return False
        event, node, start = self._audit_open
        self._audit_open = None
        self._audit_write(event, node, start, _epoch_ms(when))
        return True

    def node_path(self, key: str) -> str:
        """A slot's path in the form's instance as ODK writes it: /data/group/visit[2]/name."""
        name, positions = split_slot(key)
        steps = [*self._ancestors.get(name, ()), self._item(name)]
        parts = ["", "data"]
        depth = 0
        for item in steps:
            part = item.name
            if isinstance(item, Group) and item.is_repeat and depth < len(positions):
                part += f"[{positions[depth]}]"
                depth += 1
            parts.append(part)
        return "/".join(parts)

    def _audit_text(self) -> str:
        audit = next((q.name for q in self._top_fields if q.type == "audit"), None)
        log = self._values.get(audit) if audit is not None else None
        return log if isinstance(log, str) else ""

    def _audit_write(
        self, event: str, node: str, start: datetime | int | None, end: int | None
    ) -> None:
        audits = [q.name for q in self._top_fields if q.type == "audit"]
        if not audits:
            return
        begun = start if isinstance(start, int) else _epoch_ms(start)
        text = self._audit_text() or "event,node,start,end"
        text += f"\n{event},{node},{begun},{'' if end is None else end}"
        for audit in audits:
            self._values[audit] = text

    def finish(self, now: datetime | None = None) -> None:
        """Stamp the `end` metadata: the respondent submits the response now."""
        now = now or datetime.now().astimezone()
        self.leave(now)
        if not self._audit_text().rsplit("\n", 1)[-1].startswith("form finalize,"):
            # The form view finishes a response before the service checks and finishes it.
            self._audit_write("form finalize", "", now, None)
        stamp = now.isoformat(timespec="seconds")
        for question in self._top_fields:
            if question.type == "end":
                self._values[question.name] = stamp
        self._refresh()

    def instance_title(self) -> str | None:
        """The response's title as the settings' instance_name computes it, or None."""
        if self.form.instance_name is None:
            return None
        result = self._evaluate(self.form.instance_name, None, default=None)
        return to_string(result) or None if result is not None else None

    def answers_for_storage(self) -> dict[str, object]:
        """The answers a submitted response keeps: shown questions and calculated values."""
        return self._nested(self.form.items, (), stored=True)

    def _nested(
        self, items: tuple[Item, ...], positions: tuple[int, ...], *, stored: bool
    ) -> dict[str, object]:
        found: dict[str, object] = {}
        for item in items:
            key = slot(item.name, positions)
            if isinstance(item, Group) and item.is_repeat:
                if stored and not self._visible.get(key, False):
                    continue
                instances = []
                for number in range(1, self._counts.get(key, 0) + 1):
                    inner = (*positions, number)
                    if stored and not self._visible.get(slot(item.name, inner), False):
                        continue
                    instances.append(self._nested(item.items, inner, stored=stored))
                found[item.name] = instances
            elif isinstance(item, Group):
                found.update(self._nested(item.items, positions, stored=stored))
            else:
                value = self._values.get(key)
                if value is None:
                    continue
                if stored and (item.type == "note" or not self._visible.get(key, False)):
                    continue
                if not stored and not item.is_answerable:
                    continue
                found[item.name] = value
        return found

    # Validation

    def errors(self, page: Page | int | None = None) -> dict[str, str]:
        """What is wrong, per slot, on one page or (None) in the whole form.

        Only questions that are shown are checked.
        """
        if page is None:
            questions: Iterable[Question] = self._fields.values()
        else:
            if isinstance(page, int):
                page = self._pages[page]
            questions = _questions(page.items)
        found: dict[str, str] = {}
        for question in questions:
            if not question.is_answerable:
                continue
            for key in self._slots(question):
                if not self._visible.get(key, False):
                    continue
                problem = self._problem(question, key)
                if problem is not None:
                    found[key] = problem
        return found

    def first_error(self) -> tuple[str, str] | None:
        """The first problem in form order, as (slot, message)."""
        return next(iter(self.errors().items()), None)

    def is_required(self, question: Question, key: str | None = None) -> bool:
        """Whether the question (at slot `key`) must be answered now (`required` may be an
        expression)."""
        rule = self._required_rule(question)
        if isinstance(rule, bool):
            return rule
        return is_true(self._evaluate(rule, None, default=True, key=key or question.name))

    def _problem(self, question: Question, key: str) -> str | None:
        value = self._values.get(key)
        if value is None:
            if self.is_required(question, key):
                return self._text(question.required_message, "required")
            return None
        if question.is_select:
            offered = {choice.name for choice in self.choices(question, key)}
            chosen = value if isinstance(value, tuple) else (value,)
            if any(name not in offered for name in chosen):
                return message("not_a_choice", self.language)
        if question.constraint is not None:
            try:
                result = evaluate(
                    question.constraint,
                    self._scope(key),
                    value,
                    self._today,
                    choice_label=self.choice_label,
                    language=self.language,
                )
            except EvaluationError as error:
                return error.message
            if not is_true(result):
                return self._text(question.constraint_message, "constraint")
        return None

    def _required_rule(self, question: Question) -> Expression | bool:
        rule = self._required.get(question.name)
        if rule is None:
            if isinstance(question.required, bool):
                rule = question.required
            else:
                try:
                    rule = parse(question.required)
                except ExpressionError:
                    # The form check reports it; meanwhile, asking too much is the safe side.
                    rule = True
            self._required[question.name] = rule
        return rule

    # Progress

    def progress(self, current_page: int | None = None) -> Progress:
        """Pages done out of the pages shown.

        A page is done when nothing on it is wrong and it has an answer or lies before
        `current_page` (the index of the page the respondent is on).
        """
        pages = self.visible_pages()
        errors = self.errors()
        done = 0
        for page in pages:
            slots = [
                key for q in _questions(page.items) if q.is_answerable for key in self._slots(q)
            ]
            if any(key in errors for key in slots):
                continue
            passed = current_page is not None and page.index < current_page
            if passed or any(self._values.get(key) is not None for key in slots):
                done += 1
        return Progress(done, len(pages))

    # Internals

    def _index_ancestors(self, items: tuple[Item, ...], ancestors: tuple[Group, ...]) -> None:
        for item in items:
            self._ancestors[item.name] = ancestors
            if isinstance(item, Group):
                self._index_ancestors(item.items, (*ancestors, item))

    def _index_repeats(self, items: tuple[Item, ...], path: tuple[str, ...]) -> None:
        for item in items:
            self._repeat_path[item.name] = path
            if isinstance(item, Group):
                self._index_repeats(item.items, (*path, item.name) if item.is_repeat else path)

    def _default_value(self, question: Question) -> object:
        """A question's literal default as its type stores it; None when it has none."""
        if question.default in (None, "") or not question.is_answerable:
            return None
        default: object = question.default
        if question.type == "date" and question.default.strip() == "today()":
            default = self._today or date.today()
        elif is_dynamic_default(question.default):
            return None  # computed once the other defaults are in
        try:
            return self.coerce(question, default)
        except ValidationError:
            return None  # the form check reports a default that does not fit

    def _apply_defaults(self) -> None:
        for question in self._top_fields:
            value = self._default_value(question)
            if value is not None:
                self._values[question.name] = value

    def _dynamic_default(self, question: Question, key: str) -> object:
        default = question.default
        if not default or not question.is_answerable or not is_dynamic_default(default):
            return None
        if question.type == "date" and default.strip() == "today()":
            return None
        try:
            result = calculated_value(self._evaluate(parse(default), None, None, key=key))
            return self.coerce(question, result)
        except (ExpressionError, ValidationError):
            return None  # the form check reports a default that does not parse

    def _apply_dynamic_defaults(self) -> None:
        """Defaults such as ${other} + 1, computed once when the response is started."""
        changed = False
        for question in self._top_fields:
            if question.name in self._fixed:
                continue
            value = self._dynamic_default(question, question.name)
            if value is not None:
                self._values[question.name] = value
                changed = True
        if changed:
            self._refresh()

    def _create_instance(self, repeat: Group, positions: tuple[int, ...]) -> None:
        """A new instance's defaults, static and (as ODK computes them then) dynamic."""
        self._created.add(slot(repeat.name, positions))
        own = [question for item in repeat.items for question in _own_questions(item)]
        for question in own:
            key = slot(question.name, positions)
            value = self._default_value(question)
            if value is not None and self._values.get(key) is None:
                self._values[key] = value
        for question in own:
            key = slot(question.name, positions)
            self._seen[key] = self._values.get(key)
        for question in own:
            key = slot(question.name, positions)
            value = self._dynamic_default(question, key)
            if value is not None and self._values.get(key) is None:
                self._values[key] = value

    def _fill_metadata(self, now: datetime, *, is_new: bool) -> None:
        for question in self._top_fields:
            kind = question.type
            if not question.is_metadata or question.name in self._fixed:
                continue
            if kind == "start" and (is_new or self._values[question.name] is None):
                self._values[question.name] = now.isoformat(timespec="seconds")
            elif kind == "today" and (is_new or self._values[question.name] is None):
                self._values[question.name] = (self._today or now.date()).isoformat()
            elif kind in self._metadata and self._values[question.name] is None:
                self._values[question.name] = to_string(self._metadata[kind]) or None

    def _load(
        self, answers: Mapping[str, object], positions: tuple[int, ...], strict: bool
    ) -> None:
        for name, value in answers.items():
            item = self._items.get(name)
            if item is None or len(self._repeat_path[name]) != len(positions):
                if strict:
                    raise ValidationError(name, "not a question of this form")
                continue
            if isinstance(item, Group):
                if not item.is_repeat:
                    continue
                if not isinstance(value, list | tuple):
                    if strict:
                        raise ValidationError(name, message("repeat", self.language))
                    continue
                self._counts[slot(name, positions)] = min(len(value), MAX_INSTANCES)
                for number, instance in enumerate(value[:MAX_INSTANCES], 1):
                    inner = (*positions, number)
                    self._created.add(slot(name, inner))
                    if isinstance(instance, Mapping):
                        self._load(instance, inner, strict)
                    elif strict:
                        raise ValidationError(name, message("repeat", self.language))
                continue
            if not item.is_answerable:
                continue  # notes have no answer; calculates are computed again
            try:
                self._values[slot(name, positions)] = self.coerce(item, value)
            except ValidationError:
                if strict:
                    raise

    def _computed_once(self, question: Question) -> bool:
        """A calculate of uuid() or now() alone: ODK computes it when the form opens, once."""
        once = self._once.get(question.name)
        if once is None:
            expression = question.calculation
            once = expression is not None and _depends_on_nothing_but_the_clock_or_chance(
                expression
            )
            self._once[question.name] = once
        return once

    def _scope(self, key: str | None) -> Mapping[str, object]:
        """The answers an expression at slot `key` sees; a question not shown counts as empty."""
        if not self._has_repeats:
            return self._seen
        name, positions = split_slot(key or "")
        path = self._repeat_path.get(name, ())
        if len(positions) > len(path):
            path = (*path, name)  # the slot of a repeat instance: its relevant
        return _Scope(self, path[: len(positions)], positions, name)

    def _lookup(self, name: str, path: tuple[str, ...], positions: tuple[int, ...]) -> object:
        """`${name}` seen from the instance `positions` of the repeats `path`."""
        item = self._items.get(name)
        if item is None:
            raise KeyError(name)
        target = self._repeat_path[name]
        if isinstance(item, Group) and item.is_repeat:
            target = (*target, name)
        elif isinstance(item, Group):
            return None
        shared = 0
        while shared < min(len(target), len(path)) and target[shared] == path[shared]:
            shared += 1
        fixed = positions[:shared]
        if isinstance(item, Group):
            # A repeat itself, as in count(${visit}): one empty node per instance.
            return Nodes(("",) * len(self._instance_positions(target, fixed)))
        if shared == len(target):
            return self._seen.get(slot(name, fixed))
        return Nodes(
            tuple(self._seen.get(slot(name, at)) for at in self._instance_positions(target, fixed))
        )

    def _indexed(
        self,
        name: str,
        steps: tuple[tuple[str, int], ...],
        path: tuple[str, ...],
        positions: tuple[int, ...],
    ) -> object:
        if name not in self._fields:
            raise KeyError(f"${{{name}}} is not a question of this form")
        target = self._repeat_path[name]
        chosen = dict(steps)
        for repeat in chosen:
            if repeat not in target:
                raise KeyError(f"${{{name}}} is not inside repeat ${{{repeat}}}")
        at = []
        for depth, repeat in enumerate(target):
            if repeat in chosen:
                at.append(chosen[repeat])
            elif depth < len(path) and path[depth] == repeat:
                at.append(positions[depth])
            else:
                at.append(1)
        return self._seen.get(slot(name, tuple(at)))

    def _evaluate(
        self, expression: Expression, current: object, default: object, key: str | None = None
    ) -> object:
        try:
            return evaluate(
                expression,
                self._scope(key),
                current,
                self._today,
                choice_label=self.choice_label,
                language=self.language,
            )
        except EvaluationError:
            return default

    def _refresh(self) -> None:
        """Recompute visibility and calculations until they settle (forward references)."""
        for _ in range(len(self._fields) + 2):
            before = (self._visible, dict(self._values), dict(self._counts))
            # Items not reached yet in this pass keep the visibility of the last one.
            self._seen = {
                key: value if before[0].get(key, True) else None
                for key, value in self._values.items()
            }
            self._visible = {}
            self._walk_refresh(self.form.items, True, ())
            if (self._visible, self._values, self._counts) == before:
                return

    def _walk_refresh(
        self, items: tuple[Item, ...], parent_visible: bool, positions: tuple[int, ...]
    ) -> None:
        for item in items:
            key = slot(item.name, positions)
            if isinstance(item, Group) and item.is_repeat:
                self._refresh_repeat(item, parent_visible, positions)
                continue
            shown = parent_visible
            if shown and item.relevant is not None:
                shown = is_true(self._evaluate(item.relevant, None, default=True, key=key))
            self._visible[key] = shown
            if isinstance(item, Group):
                self._walk_refresh(item.items, shown, positions)
                continue
            if item.calculation is not None and item.trigger:
                # Recomputed when a trigger's answer changes; the respondent may then edit it.
                scope = self._scope(key)
                pulled = tuple(_single(scope.get(name)) for name in item.trigger)
                before_pull = self._triggered.get(key)
                self._triggered[key] = pulled
                if shown and before_pull is not None and before_pull != pulled:
                    result = self._evaluate(item.calculation, self._values.get(key), None, key)
                    self._values[key] = self._calculated(item, result)
            elif item.calculation is not None:
                result = None
                if shown:
                    result = self._values.get(key)
                    if result is None or not self._computed_once(item):
                        result = self._evaluate(item.calculation, result, None, key)
                self._values[key] = self._calculated(item, result)
            self._seen[key] = self._values.get(key) if shown else None

    def _refresh_repeat(
        self, repeat: Group, parent_visible: bool, positions: tuple[int, ...]
    ) -> None:
        key = slot(repeat.name, positions)
        if repeat.repeat_count is not None:
            number = to_number(self._evaluate(repeat.repeat_count, None, None, key=key))
            count = int(min(max(number, 0), MAX_INSTANCES)) if math.isfinite(number) else 0
        else:
            count = self._counts.get(key, 1)
        self._counts[key] = count
        self._visible[key] = parent_visible
        for number in range(1, count + 1):
            inner = (*positions, number)
            instance = slot(repeat.name, inner)
            if instance not in self._created:
                self._create_instance(repeat, inner)
            shown = parent_visible
            if shown and repeat.relevant is not None:
                shown = is_true(self._evaluate(repeat.relevant, None, default=True, key=instance))
            self._visible[instance] = shown
            self._walk_refresh(repeat.items, shown, inner)

    def _calculated(self, question: Question, result: object) -> object:
        """A calculation's result as its question stores it (a calculate keeps what it gets)."""
        value = calculated_value(result)
        if question.type in ("calculate", "hidden") or value is None:
            return value
        try:
            return self.coerce(question, value)
        except ValidationError:
            return None


class _Scope(RepeatScope):
    """The answers as an expression in one repeat instance sees them."""

    def __init__(
        self,
        session: FormSession,
        path: tuple[str, ...],
        positions: tuple[int, ...],
        context: str = "",
    ) -> None:
        self._session = session
        self._path = path
        self._positions = positions
        self._context = context  # the question (or group) the expression belongs to

    def __getitem__(self, name: str) -> object:
        return self._session._lookup(name, self._path, self._positions)

    def __iter__(self) -> Iterator[str]:
        return iter(self._session._items)

    def __len__(self) -> int:
        return len(self._session._items)

    def position(self, levels: int = 1) -> int:
        # As JavaRosa: the position of the node `levels` steps up among its siblings of the
        # same name, so a repeat instance's number, but 1 for a plain group (even one inside a
        # repeat) and for the root.
        ancestors = self._session._ancestors.get(self._context, ())
        if levels > len(ancestors):
            return 1
        node = ancestors[-levels]
        if not node.is_repeat:
            return 1
        depth = sum(1 for group in ancestors[: len(ancestors) - levels + 1] if group.is_repeat)
        return self._positions[depth - 1] if depth <= len(self._positions) else 1

    def indexed(self, name: str, steps: tuple[tuple[str, int], ...]) -> object:
        return self._session._indexed(name, steps, self._path, self._positions)


def _epoch_ms(when: datetime | None) -> int:
    moment = when or datetime.now().astimezone()
    return round(moment.timestamp() * 1000)


def _single(value: object) -> object:
    return value.values if isinstance(value, Nodes) else value


def _own_questions(item: Item) -> list[Question]:
    """The questions of an item asked once per instance of its repeat (not nested repeats')."""
    if isinstance(item, Group):
        if item.is_repeat:
            return []
        return [question for child in item.items for question in _own_questions(child)]
    return [item]


def _has_shown_questions(group: Group) -> bool:
    return any(
        _has_shown_questions(item) if isinstance(item, Group) else item.is_shown
        for item in group.items
    )


_CHANGING_FUNCTIONS = frozenset({"uuid", "now"})


def _depends_on_nothing_but_the_clock_or_chance(expression: Expression) -> bool:
    return (
        not expression.names()
        and not expression.uses_current()
        and bool(expression.functions() & _CHANGING_FUNCTIONS)
    )


def calculated_value(result: object) -> object:
    """An expression's result as a calculate stores it: numbers whole where they can be."""
    match result:
        case bool():
            return "true" if result else "false"
        case float() if not math.isfinite(result):
            return None
        case float() if result.is_integer() and abs(result) < 1e15:
            return int(result)
        case str() if result == "":
            return None
        case tuple() | list():
            return to_string(result) or None
    return result


def coerce_answer(form: Form, question: Question, value: object, language: str | None) -> object:
    """`value` as `question` stores it, or ValidationError naming the question.

    text → str, integer → int, decimal → float, date → date, select_one → the choice's name,
    select_multiple → a tuple of choice names in list order, acknowledge → 'OK', a file →
    'name (sha256:…)' (see surveys.files); nothing → None.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    kind = question.type
    try:
        match kind:
            case "integer":
                return _integer(value)
            case "decimal":
                return _decimal(value)
            case "date":
                return _date(value)
            case "select_one":
                return _select_one(form, question, value, language)
            case "select_multiple":
                return _select_multiple(form, question, value, language)
            case "acknowledge":
                return ACKNOWLEDGED if _acknowledged(value) else None
            case "calculate":
                return value
            case "time":
                return _time(value)
            case "datetime":
                return _datetime(value)
            case "range":
                return _range(question, value)
            case "rank":
                return _rank(form, question, value, language)
            case kind if kind in GEO_TYPES:
                return _geo(kind, value)
            case kind if kind in FILE_TYPES:
                return _file(value)
    except (TypeError, ValueError, OverflowError, ArithmeticError):
        key = "file" if kind in FILE_TYPES else kind
        raise ValidationError(question.name, message(key, language)) from None
    if isinstance(value, Choice):
        return value.name
    return value if isinstance(value, str) else to_string(value)


def _time(value: object) -> str:
    """A time of day as 'HH:MM' (or 'HH:MM:SS' when it has seconds)."""
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    if isinstance(value, str):
        found = _TIME.fullmatch(value.strip())
        if found is None:
            raise ValueError("not a time")
        hour, minute, second = (int(part or 0) for part in found.groups())
        return _time(time(hour, minute, second))
    raise TypeError(type(value).__name__)


def _datetime(value: object) -> str:
    """A date and time as 'YYYY-MM-DDTHH:MM[:SS]' (a space for the T is read too)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.strip())
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    if isinstance(value, date):
        return datetime.combine(value, time()).isoformat(timespec="minutes")
    raise TypeError(type(value).__name__)


def range_bounds(question: Question) -> tuple[float, float, float]:
    """A range question's start, end and step (XLSForm's defaults: 1, 10, 1)."""
    parameters = question.parameters
    start = float(parameters.get("start", 1))
    end = float(parameters.get("end", 10))
    step = abs(float(parameters.get("step", 1))) or 1.0
    return start, end, step


def _range(question: Question, value: object) -> int | float:
    number = _decimal(value)
    start, end, step = range_bounds(question)
    low, high = min(start, end), max(start, end)
    steps = (number - start) / step
    if not low <= number <= high or abs(steps - round(steps)) > 1e-9:
        raise ValueError("outside the range")
    whole = all(float(x).is_integer() for x in (start, step))
    return round(number) if whole else number


def _rank(
    form: Form, question: Question, value: object, language: str | None
) -> tuple[str, ...] | None:
    """Every choice of the list, most important first."""
    if isinstance(value, str):
        names = value.split()
    elif isinstance(value, Iterable):
        names = [_choice_name(item) for item in value]
    else:
        raise TypeError(type(value).__name__)
    names = [name for name in names if name]
    if not names:
        return None
    order = [choice.name for choice in form.choices(question)]
    unknown = sorted(set(names) - set(order))
    if unknown:
        raise ValidationError(question.name, message("unknown_choice", language, value=unknown[0]))
    if len(set(names)) != len(names) or len(names) != len(order):
        raise ValueError("not every option in order")
    return tuple(names)


def _geo(kind: str, value: object) -> str:
    """Typed coordinates as ODK stores them: 'lat lon alt accuracy', points joined by ';'."""
    text = to_string(value).strip() if not isinstance(value, str) else value.strip()
    points = [point.strip() for point in text.split(";") if point.strip()]
    if not points or (kind == "geopoint" and len(points) != 1):
        raise ValueError("no point")
    if (kind == "geotrace" and len(points) < 2) or (kind == "geoshape" and len(points) < 3):
        raise ValueError("too few points")
    shown = []
    for point in points:
        numbers = [float(part) for part in point.replace(",", " ").split()]
        if not 2 <= len(numbers) <= 4 or not all(math.isfinite(n) for n in numbers):
            raise ValueError("not a point")
        if not (-90 <= numbers[0] <= 90 and -180 <= numbers[1] <= 180):
            raise ValueError("outside the globe")
        numbers += [0.0] * (4 - len(numbers))
        shown.append(" ".join(f"{n:g}" for n in numbers))
    if kind == "geoshape" and shown[0] != shown[-1]:
        shown.append(shown[0])  # ODK closes a shape on its first point
    return ";".join(shown)


def _integer(value: object) -> int:
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        if value != int(value):
            raise ValueError("not whole")
        return int(value)
    if isinstance(value, str):
        return int(value.strip())
    raise TypeError(type(value).__name__)


def _decimal(value: object) -> float:
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, str):
        # Dutch respondents write a decimal comma.
        value = value.strip().replace(",", ".")
    if not isinstance(value, int | float | Decimal | str):
        raise TypeError(type(value).__name__)
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("not finite")
    return number


def _date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value.strip()[:10])
    raise TypeError(type(value).__name__)


def _choice_name(value: object) -> str:
    return value.name if isinstance(value, Choice) else to_string(value).strip()


def _select_one(form: Form, question: Question, value: object, language: str | None) -> str:
    name = _choice_name(value)
    if name not in {choice.name for choice in form.choices(question)}:
        raise ValidationError(question.name, message("unknown_choice", language, value=name))
    return name


def _select_multiple(
    form: Form, question: Question, value: object, language: str | None
) -> tuple[str, ...] | None:
    if isinstance(value, str):
        names = set(value.split())
    elif isinstance(value, Iterable):
        names = {_choice_name(item) for item in value}
    else:
        raise TypeError(type(value).__name__)
    names.discard("")
    order = [choice.name for choice in form.choices(question)]
    unknown = sorted(names - set(order))
    if unknown:
        raise ValidationError(question.name, message("unknown_choice", language, value=unknown[0]))
    return tuple(name for name in order if name in names) or None


def _file(value: object) -> str:
    """A file answer names a stored file and its hash (see surveys.files), never a path."""
    attached = parse_file_answer(value) if isinstance(value, str) else None
    if attached is None:
        raise ValueError("not an attached file")
    return attached.answer


def _acknowledged(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().upper() in (ACKNOWLEDGED, "TRUE", "1", "YES")
    return bool(value)


def _questions(items: Iterable[Item]) -> list[Question]:
    found: list[Question] = []
    for item in items:
        if isinstance(item, Group):
            found.extend(_questions(item.items))
        else:
            found.append(item)
    return found


def is_one_page(group: Group) -> bool:
    """Whether a group is shown as one page (appearance `field-list` or `table-list`); a repeat
    always is, see `Page`."""
    return group.is_repeat or _has_page_appearance(group)


def _has_page_appearance(group: Group) -> bool:
    """A group (or repeat) whose appearance makes it one screen: field-list or table-list."""
    return not PAGE_APPEARANCES.isdisjoint(group.appearance.lower().split())


def _walk_items(items: Iterable[Item]) -> Iterable[Item]:
    for item in items:
        if isinstance(item, Group):
            yield item
            yield from _walk_items(item.items)
        else:
            yield item


def _make_pages(form: Form) -> tuple[Page, ...]:
    pages: list[Page] = []

    def add(items: tuple[Item, ...], group: Group | None) -> None:
        for item in items:
            if isinstance(item, Group) and not is_one_page(item):
                add(item.items, item)
            elif isinstance(item, Group):
                pages.append(Page(len(pages), item.name, item, (item,)))
            elif item.is_shown:
                pages.append(Page(len(pages), item.name, group, (item,)))

    add(form.items, None)
    return tuple(pages)
