"""The runtime of a form being filled in: answers, skip logic, calculations and validation.

Qt-free, so the form view only renders what a `FormSession` says and the services validate a
submitted response with the very same rules. As in ODK, a question that is not relevant counts as
unanswered in every expression, and its answer is not stored when the response is submitted.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from postkit.core.errors import ValidationError
from postkit.core.surveys.expressions import (
    EvaluationError,
    Expression,
    ExpressionError,
    evaluate,
    is_true,
    parse,
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
    "file": {
        "en": "Attach a file with 'Choose file…'.",
        "nl": "Voeg een bestand toe met 'Bestand kiezen…'.",
    },
    "fixed": {
        "en": "This answer comes from the post's profile and cannot be changed here.",
        "nl": "Dit antwoord komt uit het profiel van de post en kan hier niet worden gewijzigd.",
    },
}


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
    """What the form view shows at once: a `field-list` group, or one question.

    `group` is the page's group, or for a question of a plain group that group (its title).
    """

    index: int
    name: str
    group: Group | None
    items: tuple[Item, ...]


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
        self.language = language or form.default_language or next(iter(form.languages), "")
        self._today = today
        self._fields = {question.name: question for question in form.fields()}
        self._items: dict[str, Item] = {item.name: item for item in form.walk()}
        self._ancestors: dict[str, tuple[Group, ...]] = {}
        self._index_ancestors(form.items, ())
        self._pages = _make_pages(form)
        self._page_by_name: dict[str, Page] = {}
        for page in self._pages:
            first = page.items[0].name
            for item in (*self._ancestors[first], *page.items, *_walk_items(page.items)):
                self._page_by_name.setdefault(item.name, page)
        self._values: dict[str, object] = dict.fromkeys(self._fields)
        self._visible: dict[str, bool] = {}
        self._seen: dict[str, object] = {}
        self._required: dict[str, Expression | bool] = {}
        self._once: dict[str, bool] = {}
        self._triggered: dict[str, tuple[object, ...]] = {}
        self._metadata = dict(metadata or {})
        if answers is None:
            self._apply_defaults()
        else:
            self._load(answers, strict)
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
        """The page a question or group is on (a plain group's: its first); None for what is
        never shown outside a page, such as a calculate outside any field-list group."""
        self._item(name)
        return self._page_by_name.get(name)

    def visible(self, item: Item | Page | str) -> bool:
        """Whether an item (or page) is shown: its own `relevant` and that of its groups hold.

        A page is shown when its group is and at least one item on it is.
        """
        if isinstance(item, Page):
            if item.group is not None and not self._visible[item.group.name]:
                return False
            return any(self._shows(child) for child in item.items)
        name = item if isinstance(item, str) else item.name
        return self._visible[name]

    def _shows(self, item: Item) -> bool:
        """Whether anything of `item` appears on screen (a calculate never does)."""
        if not self._visible[item.name]:
            return False
        if isinstance(item, Group):
            return any(self._shows(child) for child in item.items)
        return item.is_shown

    def question(self, name: str) -> Question:
        try:
            return self._fields[name]
        except KeyError:
            raise KeyError(f"{name!r} is not a question of form {self.form.form_id}") from None

    def _item(self, name: str) -> Item:
        item = self._items.get(name)
        if item is None:
            raise KeyError(f"{name!r} is not a question or group of form {self.form.form_id}")
        return item

    # Texts

    def label(self, item: Item | Choice | Page) -> str:
        """The label in the session's language, else the default language, else any."""
        if isinstance(item, Page):
            if item.group is None:
                return ""
            item = item.group
        return self._filled(self.form.text(item.label, self.language))

    def hint(self, item: Question) -> str:
        return self._filled(self.form.text(item.hint, self.language))

    def _filled(self, text: str) -> str:
        """The text with each `${name}` replaced by that answer, as ODK shows it."""
        if "${" not in text:
            return text
        return _OUTPUT.sub(lambda found: self._shown_value(found.group(1)), text)

    def _shown_value(self, name: str) -> str:
        question = self._fields.get(name)
        if question is None:
            return "${" + name + "}"
        value = self._seen.get(name)
        if question.is_select and value is not None:
            labels = {c.name: self.label(c) for c in self.form.choices(question)}
            chosen = value if isinstance(value, tuple) else (value,)
            return ", ".join(labels.get(choice, choice) for choice in chosen)
        return to_string(value)

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
        """The answer (or calculated value) of a question; None when unanswered."""
        self.question(name)
        return self._values[name]

    def set_answer(self, name: str, value: object) -> None:
        """Set an answer, converted to its question's type; raise ValidationError if it can't be.

        None, empty text or an empty selection clears the answer.
        """
        question = self.question(name)
        if not question.is_answerable:
            raise ValueError(f"{name!r} is a {question.type}; it cannot be answered")
        converted = self.coerce(question, value)
        self._check_not_fixed(name, converted)
        self._values[name] = converted
        self._refresh()

    def is_fixed(self, name: str) -> bool:
        """True for an answer from the post profile, which the respondent cannot change."""
        return name in self._fixed

    def _check_not_fixed(self, name: str, value: object) -> None:
        if name in self._fixed and value != self._fixed[name]:
            raise ValidationError(name, message("fixed", self.language))

    def set_answers(self, answers: Mapping[str, object]) -> None:
        """Set several answers, recomputing once; if one does not fit, none is set."""
        converted = {}
        for name, value in answers.items():
            question = self.question(name)
            if not question.is_answerable:
                raise ValueError(f"{name!r} is a {question.type}; it cannot be answered")
            converted[name] = self.coerce(question, value)
            self._check_not_fixed(name, converted[name])
        self._values.update(converted)
        self._refresh()

    def coerce(self, question: Question, value: object) -> object:
        """`value` as the type of `question` stores it; raise ValidationError if it is not one."""
        return coerce_answer(self.form, question, value, self.language)

    def choices(self, question: Question | str) -> tuple[Choice, ...]:
        """The choices to offer: the question's list, narrowed by its `choice_filter`."""
        if isinstance(question, str):
            question = self.question(question)
        choices = self.form.choices(question)
        expression = question.choice_filter
        if expression is None:
            return choices
        context = self._context()
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
                    )
                )
            except EvaluationError:
                keep = True
            if keep:
                offered.append(choice)
        return tuple(offered)

    def answers(self) -> dict[str, object]:
        """Every answer given, shown or not: what a draft keeps so going back restores it."""
        return {
            name: value
            for name, value in self._values.items()
            if value is not None and self._fields[name].is_answerable
        }

    def record_visit(self, name: str, when: datetime | None = None) -> None:
        """Note that the respondent reached a question, for the form's `audit`."""
        audits = [q.name for q in self._fields.values() if q.type == "audit"]
        if not audits:
            return
        at = (when or datetime.now().astimezone()).isoformat(timespec="seconds")
        log = self._values.get(audits[0])
        text = log if isinstance(log, str) and log else "event,node,start"
        text += f"\nquestion,{name},{at}"
        for audit in audits:
            self._values[audit] = text

    def finish(self, now: datetime | None = None) -> None:
        """Stamp the `end` metadata: the respondent submits the response now."""
        stamp = (now or datetime.now().astimezone()).isoformat(timespec="seconds")
        for question in self._fields.values():
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
        return {
            name: value
            for name, value in self._values.items()
            if value is not None and self._fields[name].type != "note" and self._visible[name]
        }

    # Validation

    def errors(self, page: Page | int | None = None) -> dict[str, str]:
        """What is wrong, per question name, on one page or (None) in the whole form.

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
            if not question.is_answerable or not self._visible[question.name]:
                continue
            problem = self._problem(question)
            if problem is not None:
                found[question.name] = problem
        return found

    def first_error(self) -> tuple[str, str] | None:
        """The first problem in form order, as (question name, message)."""
        return next(iter(self.errors().items()), None)

    def is_required(self, question: Question) -> bool:
        """Whether the question must be answered now (`required` may be an expression)."""
        rule = self._required_rule(question)
        if isinstance(rule, bool):
            return rule
        return is_true(self._evaluate(rule, None, default=True))

    def _problem(self, question: Question) -> str | None:
        value = self._values[question.name]
        if value is None:
            if self.is_required(question):
                return self._text(question.required_message, "required")
            return None
        if question.is_select:
            offered = {choice.name for choice in self.choices(question)}
            chosen = value if isinstance(value, tuple) else (value,)
            if any(name not in offered for name in chosen):
                return message("not_a_choice", self.language)
        if question.constraint is not None:
            try:
                result = evaluate(
                    question.constraint,
                    self._context(),
                    value,
                    self._today,
                    choice_label=self.choice_label,
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
            questions = [q for q in _questions(page.items) if q.is_answerable]
            if any(q.name in errors for q in questions):
                continue
            passed = current_page is not None and page.index < current_page
            if passed or any(self._values[q.name] is not None for q in questions):
                done += 1
        return Progress(done, len(pages))

    # Internals

    def _index_ancestors(self, items: tuple[Item, ...], ancestors: tuple[Group, ...]) -> None:
        for item in items:
            self._ancestors[item.name] = ancestors
            if isinstance(item, Group):
                self._index_ancestors(item.items, (*ancestors, item))

    def _apply_defaults(self) -> None:
        for question in self._fields.values():
            if question.default in (None, "") or not question.is_answerable:
                continue
            default: object = question.default
            if question.type == "date" and question.default.strip() == "today()":
                default = self._today or date.today()
            elif is_dynamic_default(question.default):
                continue  # computed once the other defaults are in
            try:
                self._values[question.name] = self.coerce(question, default)
            except ValidationError:
                continue  # the form check reports a default that does not fit

    def _apply_dynamic_defaults(self) -> None:
        """Defaults such as ${other} + 1, computed once when the response is started."""
        changed = False
        for question in self._fields.values():
            default = question.default
            if not default or not question.is_answerable or not is_dynamic_default(default):
                continue
            if question.type == "date" and default.strip() == "today()":
                continue
            if question.name in self._fixed:
                continue
            try:
                result = calculated_value(self._evaluate(parse(default), None, None))
                self._values[question.name] = self.coerce(question, result)
            except (ExpressionError, ValidationError):
                continue  # the form check reports a default that does not parse
            changed = True
        if changed:
            self._refresh()

    def _fill_metadata(self, now: datetime, *, is_new: bool) -> None:
        for question in self._fields.values():
            kind = question.type
            if not question.is_metadata or question.name in self._fixed:
                continue
            if kind == "start" and (is_new or self._values[question.name] is None):
                self._values[question.name] = now.isoformat(timespec="seconds")
            elif kind == "today" and (is_new or self._values[question.name] is None):
                self._values[question.name] = (self._today or now.date()).isoformat()
            elif kind in self._metadata and self._values[question.name] is None:
                self._values[question.name] = to_string(self._metadata[kind]) or None

    def _load(self, answers: Mapping[str, object], strict: bool) -> None:
        for name, value in answers.items():
            question = self._fields.get(name)
            if question is None:
                if strict:
                    raise ValidationError(name, "not a question of this form")
                continue
            if not question.is_answerable:
                continue  # notes have no answer; calculates are computed again
            try:
                self._values[name] = self.coerce(question, value)
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

    def _context(self) -> dict[str, object]:
        """The values expressions see: a question that is not shown counts as unanswered."""
        return self._seen

    def _evaluate(self, expression: Expression, current: object, default: object) -> object:
        try:
            return evaluate(
                expression, self._context(), current, self._today, choice_label=self.choice_label
            )
        except EvaluationError:
            return default

    def _refresh(self) -> None:
        """Recompute visibility and calculations until they settle (forward references)."""
        for _ in range(len(self._fields) + 2):
            before = (self._visible, dict(self._values))
            # Items not reached yet in this pass keep the visibility of the last one.
            self._seen = {
                name: value if before[0].get(name, True) else None
                for name, value in self._values.items()
            }
            self._visible = {}
            self._walk_refresh(self.form.items, True)
            if (self._visible, self._values) == before:
                return

    def _walk_refresh(self, items: tuple[Item, ...], parent_visible: bool) -> None:
        for item in items:
            shown = parent_visible
            if shown and item.relevant is not None:
                shown = is_true(self._evaluate(item.relevant, None, default=True))
            self._visible[item.name] = shown
            if isinstance(item, Group):
                self._walk_refresh(item.items, shown)
                continue
            if item.calculation is not None and item.trigger:
                # Recomputed when a trigger's answer changes; the respondent may then edit it.
                pulled = tuple(self._values.get(name) for name in item.trigger)
                before_pull = self._triggered.get(item.name)
                self._triggered[item.name] = pulled
                if shown and before_pull is not None and before_pull != pulled:
                    result = self._evaluate(item.calculation, self._values[item.name], None)
                    self._values[item.name] = self._calculated(item, result)
            elif item.calculation is not None:
                result = None
                if shown:
                    result = self._values[item.name]
                    if result is None or not self._computed_once(item):
                        result = self._evaluate(item.calculation, result, None)
                self._values[item.name] = self._calculated(item, result)
            self._seen[item.name] = self._values[item.name] if shown else None

    def _calculated(self, question: Question, result: object) -> object:
        """A calculation's result as its question stores it (a calculate keeps what it gets)."""
        value = calculated_value(result)
        if question.type in ("calculate", "hidden") or value is None:
            return value
        try:
            return self.coerce(question, value)
        except ValidationError:
            return None


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
    """Whether a group is shown as one page (appearance `field-list` or `table-list`)."""
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
