"""The XLSForm expression language of `relevant`, `constraint`, `calculation` and `choice_filter`.

A tokenizer and a precedence-climbing parser build a small tree that an evaluator walks as
ODK Collect's engine, JavaRosa, does (tests/core/odk_expression_table.py lists its results and
where they come from). Nothing here hands text to Python's `eval`: a name that is not a
supported function or an operator is a parse error.

Values: text is `str`, integer `int`, decimal `float`, date `datetime.date`, a moment (now(),
date-time()) a naive local `datetime.datetime`, select_one the chosen name as `str`,
select_multiple a `tuple[str, ...]` of names (a space-separated `str` works too), and an
unanswered question `None`. Numbers computed here are `float`, as in XPath.

Inside repeats a name can stand for many answers: the answers mapping then gives `Nodes`, the
answers of every instance in form order, which sum(), count(), max(), min() and join() take
whole and anything else takes only when there is at most one (JavaRosa's XPathNodeset.unpack).
A `RepeatScope` mapping also answers position(..) and indexed-repeat().
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
import secrets
import uuid
from abc import abstractmethod
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import ROUND_HALF_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache
from types import MappingProxyType

from postkit.core.errors import PostkitError

__all__ = [
    "SUPPORTED_FUNCTIONS",
    "EvaluationError",
    "Expression",
    "ExpressionError",
    "Nodes",
    "RepeatScope",
    "evaluate",
    "is_true",
    "parse",
    "to_number",
    "to_string",
]

SUPPORTED_FUNCTIONS: Mapping[str, tuple[int, int | None]] = MappingProxyType(
    {
        "abs": (1, 1),
        "acos": (1, 1),
        "asin": (1, 1),
        "atan": (1, 1),
        "atan2": (2, 2),
        "boolean": (1, 1),
        "boolean-from-string": (1, 1),
        "ceiling": (1, 1),
        "coalesce": (2, 2),
        "concat": (0, None),
        "contains": (2, 2),
        "cos": (1, 1),
        "count": (1, 1),
        "count-selected": (1, 1),
        "date": (1, 1),
        "date-time": (1, 1),
        "decimal-date-time": (1, 1),
        "decimal-time": (1, 1),
        "digest": (2, 3),
        "ends-with": (2, 2),
        "exp": (1, 1),
        "exp10": (1, 1),
        "false": (0, 0),
        "floor": (1, 1),
        "format-date": (2, 2),
        "format-date-time": (2, 2),
        "if": (3, 3),
        "indexed-repeat": (3, None),
        "int": (1, 1),
        "join": (1, None),
        "jr:choice-name": (2, 2),
        "log": (1, 1),
        "log10": (1, 1),
        "max": (1, None),
        "min": (1, None),
        "normalize-space": (0, 1),
        "not": (1, 1),
        "now": (0, 0),
        "number": (1, 1),
        "once": (1, 1),
        "pi": (0, 0),
        "position": (1, 1),
        "pow": (2, 2),
        "random": (0, 0),
        "regex": (2, 2),
        "round": (1, 2),
        "selected": (2, 2),
        "selected-at": (2, 2),
        "sin": (1, 1),
        "sqrt": (1, 1),
        "starts-with": (2, 2),
        "string": (1, 1),
        "string-length": (0, 1),
        "substr": (2, 3),
        "substring-after": (2, 2),
        "substring-before": (2, 2),
        "sum": (1, 1),
        "tan": (1, 1),
        "today": (0, 0),
        "translate": (3, 3),
        "true": (0, 0),
        "uuid": (0, 1),
    }
)
"""Each function the engine knows, with its (minimum, maximum) number of arguments; None: any."""

MAX_DEPTH = 64
"""How deeply an expression may nest; far beyond any real form, well within Python's stack."""

_EPOCH = date(1970, 1, 1)
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
class Parent:
    """`..` (or `../..`, `levels` steps up) from the question, as position(..) takes it."""

    position: int
    levels: int = 1


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


Node = (
    Literal
    | Reference
    | Current
    | Parent
    | ColumnReference
    | Negation
    | BinaryOperation
    | FunctionCall
)


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
        found = set()
        for node in _walk(self.root):
            if isinstance(node, Reference):
                found.add(node.name)
            elif isinstance(node, FunctionCall) and node.name == "jr:choice-name":
                # jr:choice-name(${q}, '${q}') names its question in quotes.
                label = node.arguments[1]
                if isinstance(label, Literal) and isinstance(label.value, str):
                    name = _choice_question(label.value)
                    if name is not None:
                        found.add(name)
        return frozenset(found)

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
                # `..`, `../..` …: only ever the argument of position(), see _check_parents.
                end = i + 2
                while text.startswith("/..", end):
                    end += 3
                tokens.append(_Token("parent", text[i:end], i))
                i = end
                continue
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
    _check_parents(root)
    return Expression(text, root)


def _check_parents(root: Node) -> None:
    allowed = {
        id(node.arguments[0])
        for node in _walk(root)
        if isinstance(node, FunctionCall) and node.name == "position"
    }
    for node in _walk(root):
        if isinstance(node, Parent) and id(node) not in allowed:
            raise ExpressionError("'..' is only read as position(..)", node.position)


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
            case "parent", text:
                return Parent(token.position, text.count(".."))
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
    if call.name == "position" and not isinstance(call.arguments[0], Parent):
        raise ExpressionError("write position(..) for the number of the repeat", call.position)
    if call.name == "indexed-repeat":
        arguments = call.arguments
        if (
            count % 2 == 0
            or count > 7
            or not all(isinstance(argument, Reference) for argument in arguments[:-1:2])
        ):
            raise ExpressionError(
                "write indexed-repeat(${question}, ${repeat}, number[, ${repeat}, number…])",
                call.position,
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


# Conversions, as JavaRosa's XPathFuncExpr.toNumeric(), toString() and toBoolean() do them.
# ODK Collect runs JavaRosa; a form is tried there before it reaches postkit, so where XPath 1.0
# and JavaRosa part ways, postkit follows JavaRosa (see tests/core/odk_expression_table.py).

_JAVA_BLANK = "".join(chr(code) for code in range(0x21))  # what Java's String.trim() strips
_JAVA_SPACES = re.compile(r"[ \t\n\x0b\f\r]+")  # Java's \s
_NUMBER_CHARACTERS = frozenset("-.0123456789")
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1
_LONG_MIN, _LONG_MAX = -(2**63), 2**63 - 1
_DOUBLE_MIN_VALUE = 5e-324  # Java's Double.MIN_VALUE: the smallest positive double
_DOUBLE_MAX_VALUE = 1.7976931348623157e308
_DAY_SECONDS = 86400.0


class _TypeMismatch(Exception):  # an internal signal, reported as EvaluationError
    """A value JavaRosa refuses to convert (XPathTypeMismatchException and the like)."""


def to_number(value: object) -> float:
    """Convert a value to a number as JavaRosa does; NaN if it is none.

    Text counts only when it is digits, '-' and '.' ('1,5' reads as 1.5); dates count days
    since 1970-01-01, but date *text* such as '2024-01-01' is NaN, as in ODK Collect.
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
            return _text_number(value)
        case tuple() | list():
            return _text_number(to_string(value))
    return math.nan


def _text_number(text: str) -> float:
    text = text.replace(",", ".").strip(_JAVA_BLANK)
    if not text or not _NUMBER_CHARACTERS.issuperset(text):
        return math.nan
    try:
        return float(text)
    except ValueError:  # '-', '.', '1-2': Java's Double.parseDouble refuses them too
        return math.nan


def to_string(value: object) -> str:
    """Convert a value to text as JavaRosa does: 3.0 → '3', 1e-4 → '1.0E-4', a date → its date."""
    match value:
        case None:
            return ""
        case str():
            return value
        case bool():
            return "true" if value else "false"
        case int() | float() | Decimal():
            return _number_text(float(value))
        case date():
            return _as_date(value).isoformat()
        case tuple() | list():
            return " ".join(to_string(item) for item in value)
    return str(value)


def is_true(value: object) -> bool:
    """Convert a value to a boolean as JavaRosa does (numbers within 1e-12 of 0 are false)."""
    match value:
        case None:
            return False
        case bool():
            return value
        case int() | float() | Decimal():
            number = float(value)
            return abs(number) > 1e-12 and not math.isnan(number)
        case str() | tuple() | list():
            return len(value) > 0
    return True


def _number_text(number: float) -> str:
    if math.isnan(number):
        return "NaN"
    if abs(number) < 1e-12:
        return "0"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    whole = _java_int(number)  # Java's (int) cast: 3e9 does not fit, so it prints as 3.0E9
    if abs(number - whole) < 1e-12:
        return str(whole)
    return _java_double_text(number)


def _java_double_text(number: float) -> str:
    """Java's Double.toString: plain from 0.001 up to 10^7, else 'd.dddE±n'."""
    sign = "-" if number < 0 else ""
    number = abs(number)
    exact = Decimal(repr(number))
    if 1e-3 <= number < 1e7:
        text = format(exact, "f")
        return sign + (text if "." in text else text + ".0")
    digits = "".join(str(digit) for digit in exact.as_tuple().digits)
    exponent = int(exact.as_tuple().exponent) + len(digits) - 1
    significant = digits.rstrip("0") or "0"
    return f"{sign}{significant[0]}.{significant[1:] or '0'}E{exponent}"


def _java_int(number: float) -> int:
    """Java's (int) cast of a double: NaN is 0, out-of-range values stick at the ends."""
    if math.isnan(number):
        return 0
    if math.isinf(number):
        return _INT_MAX if number > 0 else _INT_MIN
    return max(_INT_MIN, min(math.trunc(number), _INT_MAX))


def _java_long(number: float) -> int:
    if math.isnan(number):
        return 0
    if math.isinf(number):
        return _LONG_MAX if number > 0 else _LONG_MIN
    return max(_LONG_MIN, min(math.trunc(number), _LONG_MAX))


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _to_double(value: object) -> float:
    """JavaRosa's toDouble, used by the math functions: a date-time counts fractional days."""
    if isinstance(value, datetime):
        return (value - datetime(1970, 1, 1)).total_seconds() / _DAY_SECONDS
    return to_number(value)


_DIGITS = re.compile(r"[+-]?[0-9]+")


def _parse_date_time(text: str) -> date | datetime | None:
    """JavaRosa's DateUtils.parseDateTime: 'Y-M-D', optionally 'THH:MM[:SS[.sss]]' and an offset.

    A time with an offset is moved to local time, as a phone does.
    """
    day_text, has_time, time_text = text.partition("T")
    pieces = day_text.split("-")
    if len(pieces) != 3 or not all(_DIGITS.fullmatch(piece) for piece in pieces):
        return None
    try:
        day = date(int(pieces[0]), int(pieces[1]), int(pieces[2]))
    except ValueError:
        return None
    if not has_time:
        return day
    return _parse_time(day, time_text)


def _parse_time(day: date, text: str) -> datetime | None:
    offset: timedelta | None = None
    if text.endswith("Z"):
        text, offset = text[:-1], timedelta(0)
    elif "+" in text or "-" in text:
        sign = 1 if "+" in text else -1
        text, _, zone = text.partition("+" if sign > 0 else "-")
        hours, _, minutes = zone.partition(":")
        if not _DIGITS.fullmatch(hours) or (minutes and not _DIGITS.fullmatch(minutes)):
            return None
        offset = sign * timedelta(hours=int(hours), minutes=int(minutes or 0))
    pieces = text.split(":")
    if len(pieces) not in (2, 3) or not all(_DIGITS.fullmatch(p) for p in pieces[:2]):
        return None
    seconds = 0.0
    if len(pieces) == 3:
        kept = re.match(r"[0-9.]*", pieces[2]).group()  # type: ignore[union-attr]
        try:
            seconds = float(kept) if kept else 0.0
        except ValueError:
            return None
    hour, minute = int(pieces[0]), int(pieces[1])
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= seconds < 60):
        return None
    whole = int(seconds)
    moment = datetime(day.year, day.month, day.day, hour, minute, whole,
                      round((seconds - whole) * 1000) * 1000)  # fmt: skip
    if offset is None:
        return moment
    try:
        aware = moment.replace(tzinfo=timezone(offset))
        return aware.astimezone().replace(tzinfo=None)
    except (ValueError, OverflowError, OSError):
        return None


def _to_date(value: object, keep_time: bool) -> date | datetime | float | str:
    """JavaRosa's toDate: a date, NaN or '' (no value), or _TypeMismatch for anything else."""
    match value:
        case None:
            return ""
        case bool():
            raise _TypeMismatch(f"{to_string(value)} cannot be converted to a date")
        case int() | float() | Decimal():
            return _date_of_number(float(value), keep_time)
        case datetime():
            return value if keep_time else value.date()
        case date():
            return value
        case str() | tuple() | list():
            text = to_string(value)
            if text == "":
                return ""
            parsed = _parse_date_time(text)
            if parsed is None:
                raise _TypeMismatch(f"the value '{text}' cannot be converted to a date")
            return parsed
    raise _TypeMismatch(f"the value '{value}' cannot be converted to a date")


def _date_of_number(number: float, keep_time: bool) -> date | datetime | float:
    if not keep_time:
        number = _int(number)
    if math.isnan(number):
        return number
    if math.isinf(number) or not _INT_MIN <= number <= _INT_MAX:
        raise _TypeMismatch(f"the value {_number_text(number)} is out of range for a date")
    try:
        if not keep_time:
            return _EPOCH + timedelta(days=int(number))
        instant = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(days=number)
        moment = instant.astimezone().replace(tzinfo=None)
        return moment.replace(microsecond=moment.microsecond // 1000 * 1000)
    except (OverflowError, ValueError, OSError):
        raise _TypeMismatch(
            f"the value {_number_text(number)} is out of range for a date"
        ) from None


def _instant_days(moment: date) -> float:
    """Days since 1970-01-01T00:00Z of a local date or date-time (JavaRosa's Date.getTime())."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    try:
        return moment.astimezone(UTC).timestamp() / _DAY_SECONDS
    except (OverflowError, ValueError, OSError):
        return (moment - datetime(1970, 1, 1)).total_seconds() / _DAY_SECONDS


def _selection(value: object, function: str) -> str:
    """A select answer as JavaRosa sees it: space-separated text, nothing else."""
    match value:
        case None:
            return ""
        case str():
            return value
        case tuple() | list():
            return to_string(value)
    raise _TypeMismatch(f"{function}() needs the answer to a select question")


def _items(value: object, function: str) -> list[str]:
    return [name for name in _selection(value, function).split(" ") if name]


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    # Java's \d, \w and \s match ASCII only.
    return re.compile(pattern, re.ASCII)


_CHOICE_REFERENCE = re.compile(r"\$\{([^}]*)\}")


def _choice_question(reference: str) -> str | None:
    """The question named by jr:choice-name()'s second argument: '${name}' or '/data/name'."""
    found = _CHOICE_REFERENCE.search(reference)
    if found:
        return found.group(1).strip() or None
    name = reference.strip().rstrip("/").rpartition("/")[2]
    return name or None


# Evaluation


@dataclass(frozen=True, slots=True)
class Nodes:
    """The answers a name stands for inside repeats: one per instance, in form order."""

    values: tuple[object, ...]


class RepeatScope(Mapping[str, object]):
    """The answers as one repeat instance sees them (its own instance's, else every one's)."""

    @abstractmethod
    def position(self, levels: int = 1) -> int:
        """position(..) with `levels` steps up from the expression's question: the number
        (from 1) of the repeat instance reached, 1 for a plain group or the form's root."""

    @abstractmethod
    def indexed(self, name: str, steps: tuple[tuple[str, int], ...]) -> object:
        """indexed-repeat(): the answer of `name` in the instances (repeat, number) pick."""


_NODESET_FUNCTIONS = frozenset({"sum", "count", "max", "min", "join"})


def evaluate(
    expression: Expression,
    values: Mapping[str, object],
    current: object = None,
    today: date | None = None,
    *,
    columns: Mapping[str, object] | None = None,
    now: datetime | None = None,
    choice_label: Callable[[str, str], str] | None = None,
    language: str | None = None,
) -> object:
    """Evaluate a parsed expression against the answers so far.

    `current` is the value of `.`, `today` and `now` what today() and now() return (the real
    date and time if None), `columns` the choice's columns for a `choice_filter`, and
    `choice_label(question, choice)` the label jr:choice-name() shows, `language` the form
    language the response is answered in (format-date's month and day names). Data problems
    give NaN, '' or false as in ODK; EvaluationError is raised where ODK Collect stops with an
    error (an invalid date or regex, a number given to selected()) and for a name missing
    from `values`.
    """
    evaluator = _Evaluator(values, current, today, now, columns or {}, choice_label, language)
    return evaluator.value(expression.root)


def _normalized(value: object) -> object:
    match value:
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
        now: datetime | None,
        columns: Mapping[str, object],
        choice_label: Callable[[str, str], str] | None,
        language: str | None = None,
    ) -> None:
        self._language = language
        self._values = values
        self._current = _normalized(current)
        self._today = today
        self._now = now
        self._columns = columns
        self._choice_label = choice_label

    def value(self, node: Node) -> object:
        match node:
            case Literal(value=value):
                return value
            case Reference(name=name):
                value = self._lookup(node)
                if isinstance(value, Nodes):
                    return self._unpacked(value, node)
                return value
            case Current():
                return self._current
            case Parent():
                raise EvaluationError("'..' is only read as position(..)", node.position)
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
                try:
                    return self._call(node)
                except _TypeMismatch as error:
                    raise EvaluationError(str(error), node.position) from None
        raise TypeError(f"not an expression node: {node!r}")

    def _lookup(self, node: Reference) -> object:
        try:
            value = self._values[node.name]
        except KeyError:
            raise EvaluationError(
                f"${{{node.name}}} is not a question of this form", node.position
            ) from None
        if isinstance(value, Nodes):
            return Nodes(tuple(_normalized(item) for item in value.values))
        return _normalized(value)

    def _unpacked(self, nodes: Nodes, node: Reference) -> object:
        # XPathNodeset.unpack(): none is '', one is its value, more are an error.
        if len(nodes.values) > 1:
            raise EvaluationError(
                f"${{{node.name}}} is repeated: pick one with indexed-repeat() or take them "
                "all with sum(), count(), max(), min() or join()",
                node.position,
            )
        return nodes.values[0] if nodes.values else ""

    def _nodes(self, node: Node, function: str) -> tuple[object, ...]:
        """The answers a name stands for, as a nodeset; one for a question outside repeats."""
        if not isinstance(node, Reference):
            raise _TypeMismatch(f"{function}() needs a question, written ${{name}}")
        value = self._lookup(node)
        return value.values if isinstance(value, Nodes) else (value,)

    def _nodeset_call(self, call: FunctionCall) -> object:
        arguments = call.arguments
        match call.name:
            case "count":
                return float(len(self._nodes(arguments[0], "count")))
            case "sum":
                # JavaRosa's sum() passes over values that are not numbers, '' among them.
                numbers = (to_number(value) for value in self._nodes(arguments[0], "sum"))
                return math.fsum(number for number in numbers if not math.isnan(number))
            case "max" | "min" if len(arguments) == 1 and isinstance(arguments[0], Reference):
                return _FUNCTIONS[call.name](*self._nodes(arguments[0], call.name))
            case "join" if len(arguments) == 2 and isinstance(arguments[1], Reference):
                return _join(self.value(arguments[0]), *self._nodes(arguments[1], "join"))
        return _FUNCTIONS[call.name](*(self.value(argument) for argument in arguments))

    def _indexed_repeat(self, call: FunctionCall) -> object:
        arguments = call.arguments
        if not isinstance(self._values, RepeatScope):
            raise EvaluationError("indexed-repeat() needs a form with repeats", call.position)
        target = arguments[0]
        assert isinstance(target, Reference)  # the parser checked
        steps = []
        for repeat, number in zip(arguments[1::2], arguments[2::2], strict=True):
            assert isinstance(repeat, Reference)
            steps.append((repeat.name, _java_int(to_number(self.value(number)))))
        try:
            value = self._values.indexed(target.name, tuple(steps))
        except KeyError as error:
            raise EvaluationError(str(error.args[0]), call.position) from None
        # JavaRosa hands back the answer's text, as the instance holds it.
        return to_string(_normalized(value))

    def _call(self, call: FunctionCall) -> object:
        arguments = call.arguments
        match call.name:
            case name if name in _NODESET_FUNCTIONS:
                return self._nodeset_call(call)
            case "position":
                if isinstance(self._values, RepeatScope):
                    parent = arguments[0]
                    assert isinstance(parent, Parent)
                    return float(self._values.position(parent.levels))
                return 1.0  # the form's root is the only one of its kind
            case "indexed-repeat":
                return self._indexed_repeat(call)
            case "if":
                chosen = arguments[1] if is_true(self.value(arguments[0])) else arguments[2]
                return self.value(chosen)
            case "coalesce":
                first = self.value(arguments[0])
                return self.value(arguments[1]) if _is_empty(first) else first
            case "today":
                return self._today if self._today is not None else date.today()
            case "format-date" | "format-date-time":
                value, pattern = (self.value(argument) for argument in arguments)
                return _format_date(value, pattern, self._language)
            case "now":
                moment = self._now if self._now is not None else datetime.now()
                return moment.replace(microsecond=moment.microsecond // 1000 * 1000)
            case "once":
                value = self.value(arguments[0])
                return value if _is_empty(self._current) else self._current
            case "string-length" | "normalize-space" if not arguments:
                return _FUNCTIONS[call.name](self._current)
            case "jr:choice-name":
                return self._choice_name(call)
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

    def _choice_name(self, call: FunctionCall) -> str:
        choice = to_string(self.value(call.arguments[0]))
        question = _choice_question(to_string(self.value(call.arguments[1])))
        if question is None:
            raise EvaluationError(
                "jr:choice-name() needs the question as its second argument, e.g. '${name}'",
                call.position,
            )
        if self._choice_label is None:
            raise EvaluationError("jr:choice-name() needs the form's choices", call.position)
        if choice == "":
            return ""
        return self._choice_label(question, choice)


def _is_empty(value: object) -> bool:
    """JavaRosa's isNull, which coalesce() and once() use: no value, '' or NaN."""
    match value:
        case None:
            return True
        case str() | tuple() | list():
            return len(value) == 0
        case float():
            return math.isnan(value)
    return False


def _equals(left: object, right: object) -> bool:
    # XPathEqExpr: booleans first, then numbers (to within 1e-12), else the text; a date
    # therefore equals its 'YYYY-MM-DD' text but never compares as less or more than it.
    if isinstance(left, bool) or isinstance(right, bool):
        return is_true(left) == is_true(right)
    if _is_number(left) or _is_number(right):
        return abs(to_number(left) - to_number(right)) < 1e-12
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
    if not math.isfinite(number) or not _LONG_MIN < number < _LONG_MAX:
        return number
    whole = float(math.trunc(number))
    return -0.0 if whole == 0 and number < 0 else whole


def _round(value: object, digits: object = 0.0) -> float:
    # JavaRosa rounds halves away from zero for positive numbers but towards zero for
    # negative ones (round(-2.5) = -2), and truncates when rounding to tens or more.
    number, places = to_number(value), _java_int(to_number(digits))
    if not math.isfinite(number):
        return number
    if not -30 <= places <= 30:
        return math.nan
    exact = Decimal(repr(number))
    if places >= 0:
        method = ROUND_HALF_DOWN if number < 0 else ROUND_HALF_UP
        return float(exact.quantize(Decimal(1).scaleb(-places), rounding=method))
    scaled = float(exact.scaleb(places))
    return float(Decimal(_java_long(scaled + 0.5)).scaleb(-places))


def _real(function: Callable[..., float]) -> Callable[..., float]:
    """A math function with Java's answers where Python raises: NaN or infinity."""

    def wrapped(*values: object) -> float:
        numbers = [_to_double(value) for value in values]
        try:
            return function(*numbers)
        except ValueError:
            return math.nan
        except OverflowError:
            return math.inf

    return wrapped


def _log(function: Callable[[float], float]) -> Callable[[float], float]:
    return lambda number: -math.inf if number == 0 else function(number)


def _pow(base: float, exponent: float) -> float:
    # Java's Math.pow where Python's differs: NaN exponents, ±1 to an infinite power, 0 to a
    # negative power.
    if math.isnan(exponent):
        return math.nan
    if exponent == 0:
        return 1.0
    if math.isnan(base) or (abs(base) == 1 and math.isinf(exponent)):
        return math.nan
    odd = exponent.is_integer() and exponent % 2 == 1
    if base == 0 and exponent < 0:
        return -math.inf if odd and math.copysign(1.0, base) < 0 else math.inf
    try:
        return math.pow(base, exponent)
    except OverflowError:
        return -math.inf if odd and base < 0 else math.inf


def _rounded(function: Callable[[float], int]) -> Callable[[object], float]:
    def wrapped(value: object) -> float:
        number = to_number(value)
        return float(function(number)) if math.isfinite(number) else number

    return wrapped


def _max(*values: object) -> float:
    # As JavaRosa: it starts from Double.MIN_VALUE, the smallest *positive* double, so the
    # maximum of negative numbers comes out as 4.9E-324 (shown as 0).
    numbers = [number for value in values if not math.isnan(number := to_number(value))]
    return max([_DOUBLE_MIN_VALUE, *numbers]) if numbers else math.nan


def _min(*values: object) -> float:
    numbers = [number for value in values if not math.isnan(number := to_number(value))]
    return min([_DOUBLE_MAX_VALUE, *numbers]) if numbers else math.nan


def _selected(value: object, choice: object) -> bool:
    if not isinstance(choice, str) and choice is not None and not isinstance(choice, tuple):
        raise _TypeMismatch("the second argument of selected() must be in quotes, like '1'")
    wanted = to_string(choice).strip(_JAVA_BLANK)
    return f" {wanted} " in f" {_selection(value, 'selected')} "


def _selected_at(value: object, index: object) -> str:
    items, position = _items(value, "selected-at"), _java_int(_int(index))
    return items[position] if 0 <= position < len(items) else ""


def _substring(text: object, start: object, end: object = None) -> str:
    string = to_string(text)
    length = len(string)
    first = _java_int(_int(start))
    last = length if end is None else _java_int(_int(end))
    if first < 0:
        first += length
    if last < 0:
        last += length
    first, last = min(max(0, first), length), min(max(0, last), length)
    return string[first:last] if first <= last else ""


def _substring_before(text: object, part: object) -> str:
    whole = to_string(text)
    found = whole.find(to_string(part))
    return whole[:found] if found >= 0 else ""


def _substring_after(text: object, part: object) -> str:
    whole, wanted = to_string(text), to_string(part)
    found = whole.find(wanted)
    return whole[found + len(wanted) :] if found >= 0 else ""


def _translate(text: object, source: object, target: object) -> str:
    letters, replacements = to_string(source), to_string(target)
    result = []
    for letter in to_string(text):
        found = letters.find(letter)
        if found < 0:
            result.append(letter)
        elif found < len(replacements):
            result.append(replacements[found])
    return "".join(result)


def _string_length(value: object) -> float:
    # Java counts UTF-16 units: an emoji is 2.
    return float(len(to_string(value).encode("utf-16-le")) // 2)


def _normalize_space(value: object) -> str:
    return _JAVA_SPACES.sub(" ", to_string(value).strip(_JAVA_BLANK))


def _boolean_from_string(value: object) -> bool:
    text = to_string(value)
    return text.lower() == "true" or text == "1"


def _join(separator: object, *parts: object) -> str:
    return to_string(separator).join(to_string(part) for part in parts)


_DIGESTS = {
    "MD5": "md5",
    "SHA1": "sha1",
    "SHA256": "sha256",
    "SHA384": "sha384",
    "SHA512": "sha512",
}


def _digest(text: object, algorithm: object, encoding: object = "base64") -> str:
    name = _DIGESTS.get(to_string(algorithm).upper().replace("-", ""))
    if name is None:
        raise _TypeMismatch(f"digest() does not know the algorithm '{to_string(algorithm)}'")
    digest = hashlib.new(name, to_string(text).encode("utf-8")).digest()
    match to_string(encoding).lower():
        case "base64":
            return base64.b64encode(digest).decode("ascii")
        case "hex":
            return digest.hex()
    raise _TypeMismatch(f"digest() does not know the encoding '{to_string(encoding)}'")


_GUID_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _uuid(length: object = None) -> str:
    if length is None:
        return str(uuid.uuid4())
    size = max(0, _java_int(_int(length)))
    return "".join(secrets.choice(_GUID_LETTERS) for _ in range(size))


def _date(value: object) -> object:
    return _to_date(value, keep_time=False)


def _date_time(value: object) -> object:
    return _to_date(value, keep_time=True)


def _decimal_date_time(value: object) -> object:
    if _is_number(value):
        number = to_number(value)
        if math.isinf(number) or not (math.isnan(number) or _INT_MIN <= number <= _INT_MAX):
            raise _TypeMismatch(f"the value {_number_text(number)} is out of range for a date")
        return number
    moment = _to_date(value, keep_time=True)
    return moment if isinstance(moment, str) else _instant_days(moment)  # type: ignore[arg-type]


def _decimal_time(value: object) -> object:
    """JavaRosa's decimal-time: the fraction of the local day (0.5 at noon); a number's
    fraction as it is. JavaRosa shifts the instant by the zone's offset of today
    (DateUtils.decimalTimeOfLocalDay), not of the date's own day, and so does postkit."""
    if _is_number(value):
        number = _decimal_date_time(value)
        return number if math.isnan(number) else number - math.floor(number)  # type: ignore[arg-type]
    moment = _to_date(value, keep_time=True)
    if isinstance(moment, str):
        return moment
    if isinstance(moment, float):
        return moment
    offset = datetime.now().astimezone().utcoffset() or timedelta()
    days = _instant_days(moment) + offset.total_seconds() / _DAY_SECONDS
    return days - math.floor(days)


_RANDOM = secrets.SystemRandom()


# %b and %a of format-date. JavaRosa formats them with Joda's MMM and EEE in the device's
# locale; postkit, which has no device locale per respondent, takes the language the response
# is answered in: these are the names Java (CLDR) gives in that locale, English for the others.
_DATE_NAMES: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
        ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    ),
    "nl": (
        ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.",
         "dec."),
        ("ma", "di", "wo", "do", "vr", "za", "zo"),
    ),
    "fr": (
        ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
         "nov.", "déc."),
        ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
    ),
    "de": (
        ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.",
         "Nov.", "Dez."),
        ("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."),
    ),
    "es": (
        ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"),
        ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
    ),
    "pt": (
        ("jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.",
         "nov.", "dez."),
        ("seg.", "ter.", "qua.", "qui.", "sex.", "sáb.", "dom."),
    ),
}  # fmt: skip


def date_names(language: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The month and weekday names of %b and %a for a form language (`nl`, `pt-BR`, or a name
    with its code such as `Nederlands (nl)`); English for a language without its own."""
    code = (language or "").strip().lower()
    if code.endswith(")") and "(" in code:
        code = code[code.rindex("(") + 1 : -1]
    return _DATE_NAMES.get(code.split("-")[0].split("_")[0], _DATE_NAMES["en"])


def _format_date(value: object, pattern: object, language: str | None = None) -> str:
    moment = _to_date(value, keep_time=True)
    if not isinstance(moment, date):
        return ""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    text, result, index = to_string(pattern), [], 0
    while index < len(text):
        letter = text[index]
        index += 1
        if letter != "%":
            result.append(letter)
            continue
        if index >= len(text):
            raise _TypeMismatch("the date format ends with '%'")
        result.append(_date_field(moment, text[index], language))
        index += 1
    return "".join(result)


def _date_field(moment: datetime, letter: str, language: str | None) -> str:
    # JavaRosa's DateUtils.format escapes; month and day names in the form's language.
    months, weekdays = date_names(language)
    year = f"{moment.year:04d}"
    fields = {
        "%": "%",
        "Y": year,
        "y": year[2:],
        "m": f"{moment.month:02d}",
        "n": str(moment.month),
        "b": months[moment.month - 1],
        "d": f"{moment.day:02d}",
        "e": str(moment.day),
        "H": f"{moment.hour:02d}",
        "h": str(moment.hour),
        "M": f"{moment.minute:02d}",
        "S": f"{moment.second:02d}",
        "3": f"{moment.microsecond // 1000:03d}",
        "a": weekdays[moment.weekday()],
        "W": str(moment.isocalendar()[1]),
    }
    if letter in fields:
        return fields[letter]
    if letter in "ZAB":
        raise _TypeMismatch(f"'%{letter}' is not supported in a date format")
    raise _TypeMismatch(f"'%{letter}' is not a date format escape")


_FUNCTIONS: Mapping[str, Callable[..., object]] = {
    "abs": _real(abs),
    "acos": _real(math.acos),
    "asin": _real(math.asin),
    "atan": _real(math.atan),
    "atan2": _real(math.atan2),
    "boolean": is_true,
    "boolean-from-string": _boolean_from_string,
    "ceiling": _rounded(math.ceil),
    "concat": lambda *parts: "".join(to_string(part) for part in parts),
    "contains": lambda text, part: to_string(part) in to_string(text),
    "cos": _real(math.cos),
    "count-selected": lambda value: float(len(_items(value, "count-selected"))),
    "date": _date,
    "date-time": _date_time,
    "decimal-date-time": _decimal_date_time,
    "decimal-time": _decimal_time,
    "digest": _digest,
    "ends-with": lambda text, end: to_string(text).endswith(to_string(end)),
    "exp": _real(math.exp),
    "exp10": _real(lambda number: _pow(10.0, number)),
    "false": lambda: False,
    "floor": _rounded(math.floor),
    "format-date": _format_date,
    "format-date-time": _format_date,
    "int": _int,
    "join": _join,
    "log": _real(_log(math.log)),
    "log10": _real(_log(math.log10)),
    "max": _max,
    "min": _min,
    "normalize-space": _normalize_space,
    "not": lambda value: not is_true(value),
    "number": to_number,
    "pi": lambda: math.pi,
    "pow": _real(_pow),
    "round": _round,
    "selected": _selected,
    "selected-at": _selected_at,
    "sin": _real(math.sin),
    "sqrt": _real(math.sqrt),
    "starts-with": lambda text, start: to_string(text).startswith(to_string(start)),
    "string": to_string,
    "string-length": _string_length,
    "substr": _substring,
    "substring-after": _substring_after,
    "substring-before": _substring_before,
    "random": _RANDOM.random,
    "tan": _real(math.tan),
    "translate": _translate,
    "true": lambda: True,
    "uuid": _uuid,
}


def is_dynamic_default(text: str) -> bool:
    """True when a default is an expression to compute (today(), ${a} + 1), not a value.

    Here, not in xlsform: the form engine asks it while filling in, and importing xlsform
    loads pyxform (~150 ms) on the GUI thread when the surveys page is first shown."""
    return "${" in text or _CALL.search(text) is not None


# A name followed by "(": a run of name characters (\w - :) holding a letter or "_", then
# "(". Tried once per run, from its start: the pattern tried from every letter,
# [^\W\d][\w\-:]*\s*\(, went over the rest of a long word each time (a cell of 32,767
# letters took 8 s). It finds what that pattern finds: its match ends where a run ends.
_CALL = re.compile(r"(?<![\w\-:])(?=[\w\-:]*?[^\W\d])[\w\-:]++\s*+\(")
