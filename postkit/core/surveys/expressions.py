"""The XLSForm expression language of `relevant`, `constraint`, `calculation` and `choice_filter`.

A tokenizer and a precedence-climbing parser build a small tree that an evaluator walks with the
XPath semantics ODK Collect and Enketo use. Nothing here hands text to Python's `eval`: a name
that is not a supported function or an operator is a parse error.

Values: text is `str`, integer `int`, decimal `float`, date `datetime.date`, select_one the chosen
name as `str`, select_multiple a `tuple[str, ...]` of names (a space-separated `str` works too),
and an unanswered question `None`. Numbers computed here are `float`, as in XPath.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from types import MappingProxyType

from postkit.core.errors import PostkitError

__all__ = [
    "SUPPORTED_FUNCTIONS",
    "EvaluationError",
    "Expression",
    "ExpressionError",
    "evaluate",
    "is_true",
    "parse",
    "to_number",
    "to_string",
]

SUPPORTED_FUNCTIONS: Mapping[str, tuple[int, int | None]] = MappingProxyType(
    {
        "abs": (1, 1),
        "boolean": (1, 1),
        "boolean-from-string": (1, 1),
        "coalesce": (2, 2),
        "concat": (1, None),
        "contains": (2, 2),
        "count-selected": (1, 1),
        "date": (1, 1),
        "ends-with": (2, 2),
        "false": (0, 0),
        "if": (3, 3),
        "int": (1, 1),
        "normalize-space": (1, 1),
        "not": (1, 1),
        "number": (1, 1),
        "regex": (2, 2),
        "round": (1, 2),
        "selected": (2, 2),
        "selected-at": (2, 2),
        "starts-with": (2, 2),
        "string": (1, 1),
        "string-length": (1, 1),
        "substr": (2, 3),
        "today": (0, 0),
        "true": (0, 0),
    }
)
"""Each function the engine knows, with its (minimum, maximum) number of arguments; None: any."""

MAX_DEPTH = 64
"""How deeply an expression may nest; far beyond any real form, well within Python's stack."""

_EPOCH = date(1970, 1, 1)
_NUMBER_TEXT = re.compile(r"\s*-?(?:\d+(?:\.\d*)?|\.\d+)\s*")
_DATE_TEXT = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:T[0-9:.+\-Z]*)?\s*")
_NAME = re.compile(r"[^\W\d][\w.\-]*")
_WORD = re.compile(r"[^\W\d][\w.\-]*(?::[^\W\d][\w.\-]*)?")
_NUMBER = re.compile(r"\d+(?:\.\d*)?|\.\d+")
_KEYWORDS = frozenset({"and", "or", "div", "mod"})
_SYMBOLS = ("!=", "<=", ">=", "=", "<", ">", "+", "-", "*", "(", ")", ",")


class ExpressionError(PostkitError):
    """An expression cannot be parsed; `position` is the 0-based offset of the culprit.

    The text counts characters from 1, as a person reading the expression would.
    """

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} at character {position + 1}")
        self.message = message
        self.position = position


class EvaluationError(PostkitError):
    """An expression parsed but cannot be evaluated: an invalid regex or an unknown question."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} at character {position + 1}")
        self.message = message
        self.position = position


# The tree


@dataclass(frozen=True, slots=True)
class Literal:
    value: float | str
    position: int


@dataclass(frozen=True, slots=True)
class Reference:
    """`${name}`: the answer to another question."""

    name: str
    position: int


@dataclass(frozen=True, slots=True)
class Current:
    """`.`: the answer to the question the expression belongs to."""

    position: int


@dataclass(frozen=True, slots=True)
class ColumnReference:
    """A bare name in a `choice_filter`: a column of the choice being filtered."""

    name: str
    position: int


@dataclass(frozen=True, slots=True)
class Negation:
    operand: Node
    position: int


@dataclass(frozen=True, slots=True)
class BinaryOperation:
    operator: str
    left: Node
    right: Node
    position: int


@dataclass(frozen=True, slots=True)
class FunctionCall:
    name: str
    arguments: tuple[Node, ...]
    position: int


Node = Literal | Reference | Current | ColumnReference | Negation | BinaryOperation | FunctionCall


def _children(node: Node) -> tuple[Node, ...]:
    match node:
        case Negation(operand=operand):
            return (operand,)
        case BinaryOperation(left=left, right=right):
            return (left, right)
        case FunctionCall(arguments=arguments):
            return arguments
    return ()


def _walk(node: Node) -> Iterator[Node]:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(_children(current))


@dataclass(frozen=True, slots=True)
class Expression:
    """A parsed expression: its source text and its tree."""

    source: str
    root: Node

    def names(self) -> frozenset[str]:
        """The question names the expression refers to as `${name}`."""
        return frozenset(node.name for node in _walk(self.root) if isinstance(node, Reference))

    def columns(self) -> frozenset[str]:
        """The choice columns a `choice_filter` refers to by bare name."""
        return frozenset(
            node.name for node in _walk(self.root) if isinstance(node, ColumnReference)
        )

    def uses_current(self) -> bool:
        """Whether the expression uses `.`, the answer to its own question."""
        return any(isinstance(node, Current) for node in _walk(self.root))

    def functions(self) -> frozenset[str]:
        """The names of the functions the expression calls."""
        return frozenset(node.name for node in _walk(self.root) if isinstance(node, FunctionCall))

    def __str__(self) -> str:
        return self.source


# Tokens


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # number, string, reference, current, word, symbol, end
    text: str
    position: int


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    length = len(text)
    while i < length:
        char = text[i]
        if char.isspace():
            i += 1
        elif text.startswith("${", i):
            name, end = _reference(text, i)
            tokens.append(_Token("reference", name, i))
            i = end
        elif char in "'\"":
            end = text.find(char, i + 1)
            if end < 0:
                raise ExpressionError("text in quotes is never closed", i)
            tokens.append(_Token("string", text[i + 1 : end], i))
            i = end + 1
        elif number := _NUMBER.match(text, i):
            tokens.append(_Token("number", number.group(), i))
            i = number.end()
        elif char == ".":
            if text.startswith("..", i):
                raise ExpressionError("'..' (the parent group) is not supported", i)
            tokens.append(_Token("current", ".", i))
            i += 1
        elif word := _WORD.match(text, i):
            kind = "symbol" if word.group() in _KEYWORDS else "word"
            tokens.append(_Token(kind, word.group(), i))
            i = word.end()
        else:
            symbol = next((s for s in _SYMBOLS if text.startswith(s, i)), None)
            if symbol is None:
                raise ExpressionError(_unexpected_character(char), i)
            tokens.append(_Token("symbol", symbol, i))
            i += len(symbol)
    tokens.append(_Token("end", "", length))
    return tokens


def _reference(text: str, start: int) -> tuple[str, int]:
    """Read `${name}` at start; return the name and the offset after the `}`."""
    closing = text.find("}", start + 2)
    if closing < 0:
        raise ExpressionError("'${' is never closed with '}'", start)
    if closing == start + 2:
        raise ExpressionError("'${}' names no question", start)
    name = _NAME.match(text, start + 2)
    end = name.end() if name else start + 2
    if end != closing:
        bad = text[end]
        raise ExpressionError(f"{_describe_character(bad)} is not allowed in a name", end)
    return text[start + 2 : closing], closing + 1


def _describe_character(char: str) -> str:
    return "a space" if char.isspace() else f"'{char}'"


def _unexpected_character(char: str) -> str:
    if char == "/":
        return "unexpected '/': paths are not supported, write ${name} for a question"
    if char == "$":
        return "unexpected '$': write ${name} for a question"
    return f"unexpected {_describe_character(char)}"


# Parser

_BINDING_POWER = {
    "or": 1,
    "and": 2,
    "=": 3,
    "!=": 3,
    "<": 4,
    "<=": 4,
    ">": 4,
    ">=": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "div": 6,
    "mod": 6,
}
_UNARY_BINDING_POWER = 7


def parse(text: str, *, allow_columns: bool = False) -> Expression:
    """Parse an XLSForm expression; raise ExpressionError saying where it goes wrong.

    With allow_columns, bare names are choice columns, as in a `choice_filter`.
    """
    if not text.strip():
        raise ExpressionError("the expression is empty", 0)
    parser = _Parser(_tokens(text), allow_columns)
    root = parser.expression(0, 0)
    parser.expect_end()
    _check_depth(root)
    return Expression(text, root)


class _Parser:
    def __init__(self, tokens: list[_Token], allow_columns: bool) -> None:
        self._tokens = tokens
        self._index = 0
        self._allow_columns = allow_columns

    def _peek(self) -> _Token:
        return self._tokens[self._index]

    def _next(self) -> _Token:
        token = self._tokens[self._index]
        if token.kind != "end":
            self._index += 1
        return token

    def expect_end(self) -> None:
        token = self._peek()
        if token.kind != "end":
            raise _unexpected(token)

    def expression(self, min_power: int, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise ExpressionError("the expression is nested too deeply", self._peek().position)
        left = self._prefix(depth)
        while True:
            token = self._peek()
            power = _BINDING_POWER.get(token.text) if token.kind == "symbol" else None
            if power is None or power <= min_power:
                return left
            self._next()
            right = self.expression(power, depth + 1)
            left = BinaryOperation(token.text, left, right, token.position)

    def _prefix(self, depth: int) -> Node:
        token = self._next()
        match token.kind, token.text:
            case "number", text:
                return Literal(float(text), token.position)
            case "string", text:
                return Literal(text, token.position)
            case "reference", name:
                return Reference(name, token.position)
            case "current", _:
                return Current(token.position)
            case "symbol", "-":
                operand = self.expression(_UNARY_BINDING_POWER, depth + 1)
                return Negation(operand, token.position)
            case "symbol", "(":
                inner = self.expression(0, depth + 1)
                self._close(token)
                return inner
            case "word", name:
                return self._word(token, name, depth)
        raise _unexpected(token)

    def _close(self, opening: _Token) -> None:
        token = self._next()
        if token.kind == "end":
            raise ExpressionError("'(' is never closed", opening.position)
        if token.text != ")" or token.kind != "symbol":
            raise _unexpected(token)

    def _word(self, token: _Token, name: str, depth: int) -> Node:
        following = self._peek()
        if following.kind == "symbol" and following.text == "(":
            if name not in SUPPORTED_FUNCTIONS:
                raise ExpressionError(f"unknown function '{name}'", token.position)
            opening = self._next()
            arguments: list[Node] = []
            if self._peek().text == ")" and self._peek().kind == "symbol":
                self._next()
            else:
                arguments.append(self.expression(0, depth + 1))
                while self._peek().kind == "symbol" and self._peek().text == ",":
                    self._next()
                    arguments.append(self.expression(0, depth + 1))
                self._close(opening)
            return _checked_call(FunctionCall(name, tuple(arguments), token.position))
        if self._allow_columns:
            return ColumnReference(name, token.position)
        if name in SUPPORTED_FUNCTIONS:
            raise ExpressionError(f"function '{name}' needs parentheses: {name}(…)", token.position)
        raise ExpressionError(
            f"unknown name '{name}': write ${{{name}}} for a question or '{name}' for text",
            token.position,
        )


def _unexpected(token: _Token) -> ExpressionError:
    match token.kind:
        case "end":
            return ExpressionError("unexpected end of the expression", token.position)
        case "number":
            return ExpressionError(f"unexpected number {token.text}", token.position)
        case "string":
            return ExpressionError("unexpected text in quotes", token.position)
        case "reference":
            return ExpressionError(f"unexpected ${{{token.text}}}", token.position)
    return ExpressionError(f"unexpected '{token.text}'", token.position)


def _checked_call(call: FunctionCall) -> FunctionCall:
    least, most = SUPPORTED_FUNCTIONS[call.name]
    count = len(call.arguments)
    if count < least or (most is not None and count > most):
        raise ExpressionError(
            f"{call.name}() takes {_argument_count(least, most)}, not {count}", call.position
        )
    if call.name == "regex" and isinstance(pattern := call.arguments[1], Literal):
        try:
            _compiled(to_string(pattern.value))
        except re.error as error:
            raise ExpressionError(
                f"invalid regular expression: {error.msg}", pattern.position
            ) from None
    return call


def _argument_count(least: int, most: int | None) -> str:
    if most is None:
        return f"at least {least} argument{'s' if least != 1 else ''}"
    if least == most:
        return f"{least} argument{'s' if least != 1 else ''}"
    return f"{least} to {most} arguments"


def _check_depth(root: Node) -> None:
    # Operator chains such as 1+1+1+… nest without recursion in the parser, but the evaluator
    # recurses through them.
    stack: list[tuple[Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExpressionError("the expression is nested too deeply", node.position)
        stack.extend((child, depth + 1) for child in _children(node))


# Conversions, as XPath's number(), string() and boolean()


def to_number(value: object) -> float:
    """Convert an answer or an intermediate value to a number as XPath does; NaN if it is none.

    Dates and 'YYYY-MM-DD' text count days since 1970-01-01, as in ODK.
    """
    match value:
        case None:
            return math.nan
        case bool():
            return 1.0 if value else 0.0
        case int() | float() | Decimal():
            return float(value)
        case date():
            return float((_as_date(value) - _EPOCH).days)
        case str():
            if _NUMBER_TEXT.fullmatch(value):
                return float(value)
            day = _parse_date(value)
            return math.nan if day is None else float((day - _EPOCH).days)
        case tuple() | list():
            return to_number(to_string(value))
    return math.nan


def to_string(value: object) -> str:
    """Convert a value to text as XPath's string() does (3.0 → '3', a date → 'YYYY-MM-DD')."""
    match value:
        case None:
            return ""
        case str():
            return value
        case bool():
            return "true" if value else "false"
        case int():
            return str(value)
        case float() | Decimal():
            return _number_text(float(value))
        case date():
            return _as_date(value).isoformat()
        case tuple() | list():
            return " ".join(to_string(item) for item in value)
    return str(value)


def is_true(value: object) -> bool:
    """Convert a value to a boolean as XPath's boolean() does."""
    match value:
        case None:
            return False
        case bool():
            return value
        case int() | float() | Decimal():
            number = float(value)
            return number != 0 and not math.isnan(number)
        case str() | tuple() | list():
            return len(value) > 0
    return True


def _number_text(number: float) -> str:
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == int(number) and abs(number) < 1e15:
        return str(int(number))
    text = repr(number)
    return format(Decimal(text), "f") if "e" in text else text


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _parse_date(text: str) -> date | None:
    found = _DATE_TEXT.fullmatch(text)
    if found is None:
        return None
    try:
        return date.fromisoformat(found.group(1))
    except ValueError:
        return None


def _to_date(value: object) -> date | None:
    match value:
        case date():
            return _as_date(value)
        case str():
            return _parse_date(value)
        case int() | float() if not isinstance(value, bool) and math.isfinite(value):
            try:
                return _EPOCH + timedelta(days=math.floor(value))
            except OverflowError:
                return None
    return None


def _items(value: object) -> tuple[str, ...]:
    """The choice names of a select_multiple answer, given as a tuple or as 'a b c'."""
    if isinstance(value, tuple | list):
        return tuple(name for item in value if (name := to_string(item).strip()))
    return tuple(to_string(value).split())


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# Evaluation


def evaluate(
    expression: Expression,
    values: Mapping[str, object],
    current: object = None,
    today: date | None = None,
    *,
    columns: Mapping[str, object] | None = None,
) -> object:
    """Evaluate a parsed expression against the answers so far.

    `current` is the value of `.`, `today` what today() returns (the real date if None) and
    `columns` the choice's columns for a `choice_filter`. Data problems give NaN or false as in
    ODK; only an invalid regex and a name missing from `values` raise EvaluationError.
    """
    return _Evaluator(values, current, today, columns or {}).value(expression.root)


def _normalized(value: object) -> object:
    match value:
        case datetime():
            return value.date()
        case list():
            return tuple(value)
        case Decimal():
            return float(value)
    return value


class _Evaluator:
    def __init__(
        self,
        values: Mapping[str, object],
        current: object,
        today: date | None,
        columns: Mapping[str, object],
    ) -> None:
        self._values = values
        self._current = _normalized(current)
        self._today = today
        self._columns = columns

    def value(self, node: Node) -> object:
        match node:
            case Literal(value=value):
                return value
            case Reference(name=name):
                try:
                    return _normalized(self._values[name])
                except KeyError:
                    raise EvaluationError(
                        f"${{{name}}} is not a question of this form", node.position
                    ) from None
            case Current():
                return self._current
            case ColumnReference(name=name):
                try:
                    return _normalized(self._columns[name])
                except KeyError:
                    raise EvaluationError(
                        f"'{name}' is not a column of the choices", node.position
                    ) from None
            case Negation(operand=operand):
                return -to_number(self.value(operand))
            case BinaryOperation(operator="and", left=left, right=right):
                return is_true(self.value(left)) and is_true(self.value(right))
            case BinaryOperation(operator="or", left=left, right=right):
                return is_true(self.value(left)) or is_true(self.value(right))
            case BinaryOperation(operator=operator, left=left, right=right):
                return _OPERATORS[operator](self.value(left), self.value(right))
            case FunctionCall():
                return self._call(node)
        raise TypeError(f"not an expression node: {node!r}")

    def _call(self, call: FunctionCall) -> object:
        arguments = call.arguments
        match call.name:
            case "if":
                chosen = arguments[1] if is_true(self.value(arguments[0])) else arguments[2]
                return self.value(chosen)
            case "coalesce":
                first = self.value(arguments[0])
                return first if to_string(first) != "" else self.value(arguments[1])
            case "today":
                return self._today if self._today is not None else date.today()
            case "regex":
                text, pattern = (to_string(self.value(argument)) for argument in arguments)
                try:
                    compiled = _compiled(pattern)
                except re.error as error:
                    raise EvaluationError(
                        f"invalid regular expression {pattern!r}: {error.msg}", call.position
                    ) from None
                return compiled.fullmatch(text) is not None
        return _FUNCTIONS[call.name](*(self.value(argument) for argument in arguments))


def _equals(left: object, right: object) -> bool:
    if isinstance(left, bool) or isinstance(right, bool):
        return is_true(left) == is_true(right)
    if isinstance(left, date) or isinstance(right, date):
        left_day, right_day = _to_date(left), _to_date(right)
        if left_day is not None and right_day is not None:
            return left_day == right_day
        return to_string(left) == to_string(right)
    if _is_number(left) or _is_number(right):
        return to_number(left) == to_number(right)
    return to_string(left) == to_string(right)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _divide(left: object, right: object) -> float:
    dividend, divisor = to_number(left), to_number(right)
    if divisor == 0:
        if math.isnan(dividend) or dividend == 0:
            return math.nan
        return math.copysign(math.inf, dividend) * math.copysign(1.0, divisor)
    return dividend / divisor


def _modulo(left: object, right: object) -> float:
    try:
        return math.fmod(to_number(left), to_number(right))
    except ValueError:
        return math.nan


_OPERATORS: Mapping[str, Callable[[object, object], object]] = {
    "=": _equals,
    "!=": lambda left, right: not _equals(left, right),
    "<": lambda left, right: to_number(left) < to_number(right),
    "<=": lambda left, right: to_number(left) <= to_number(right),
    ">": lambda left, right: to_number(left) > to_number(right),
    ">=": lambda left, right: to_number(left) >= to_number(right),
    "+": lambda left, right: to_number(left) + to_number(right),
    "-": lambda left, right: to_number(left) - to_number(right),
    "*": lambda left, right: to_number(left) * to_number(right),
    "div": _divide,
    "mod": _modulo,
}


def _int(value: object) -> float:
    number = to_number(value)
    return float(math.trunc(number)) if math.isfinite(number) else number


def _round(value: object, digits: object = 0.0) -> float:
    number, places = to_number(value), to_number(digits)
    if math.isnan(places):
        return math.nan
    if not math.isfinite(number):
        return number
    places = max(-308, min(int(places), 308))
    try:
        exponent = Decimal(1).scaleb(-places)
        return float(Decimal(repr(number)).quantize(exponent, rounding=ROUND_HALF_UP))
    except InvalidOperation:
        return number


def _selected(value: object, choice: object) -> bool:
    return to_string(choice).strip() in _items(value)


def _selected_at(value: object, index: object) -> str:
    items, position = _items(value), to_number(index)
    if not math.isfinite(position) or not 0 <= int(position) < len(items):
        return ""
    return items[int(position)]


def _substring(text: object, start: object, end: object = None) -> str:
    string = to_string(text)
    first = to_number(start)
    last = len(string) if end is None else to_number(end)
    if math.isnan(first) or math.isnan(last):
        return ""
    bound = len(string) + 1
    first = max(-bound, min(first, bound))
    last = max(-bound, min(last, bound))
    return string[int(first) : int(last)]


def _date(value: object) -> object:
    day = _to_date(value)
    return math.nan if day is None else day


_FUNCTIONS: Mapping[str, Callable[..., object]] = {
    "abs": lambda value: abs(to_number(value)),
    "boolean": is_true,
    "boolean-from-string": lambda value: to_string(value).strip() in ("true", "1"),
    "concat": lambda *parts: "".join(to_string(part) for part in parts),
    "contains": lambda text, part: to_string(part) in to_string(text),
    "count-selected": lambda value: float(len(_items(value))),
    "date": _date,
    "ends-with": lambda text, end: to_string(text).endswith(to_string(end)),
    "false": lambda: False,
    "int": _int,
    "normalize-space": lambda text: " ".join(to_string(text).split()),
    "not": lambda value: not is_true(value),
    "number": to_number,
    "round": _round,
    "selected": _selected,
    "selected-at": _selected_at,
    "starts-with": lambda text, start: to_string(text).startswith(to_string(start)),
    "string": to_string,
    "string-length": lambda value: float(len(to_string(value))),
    "substr": _substring,
    "true": lambda: True,
}
