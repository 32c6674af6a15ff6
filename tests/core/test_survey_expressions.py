from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path

import pytest

from postkit.core.errors import PostkitError
from postkit.core.surveys.expressions import (
    SUPPORTED_FUNCTIONS,
    EvaluationError,
    Expression,
    ExpressionError,
    evaluate,
    is_dynamic_default,
    is_true,
    parse,
    to_number,
    to_string,
)

TODAY = date(2024, 3, 15)
ANSWERS: dict[str, object] = {
    "age": 34,
    "height": 1.75,
    "name": "Anna",
    "empty": None,
    "role": "ambassador",
    "tasks": ("csr", "trade", "network"),
    "tasks_text": "csr trade network",
    "no_tasks": (),
    "born": date(1990, 6, 1),
    "visit": date(2024, 3, 15),
    "zero": 0,
    "digits": "42",
}


def run(text: str, current: object = None, **values: object) -> object:
    return evaluate(parse(text), {**ANSWERS, **values}, current=current, today=TODAY)


def same(result: object, expected: object) -> bool:
    if isinstance(expected, float) and math.isnan(expected):
        return isinstance(result, float) and math.isnan(result)
    return result == expected and type(result) is type(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 + 2", 3.0),
        ("5 - 7", -2.0),
        ("3 * 4", 12.0),
        ("7 div 2", 3.5),
        ("7 mod 3", 1.0),
        ("-7 mod 3", -1.0),
        ("7 mod -3", 1.0),
        ("1 div 0", math.inf),
        ("-1 div 0", -math.inf),
        ("0 div 0", math.nan),
        ("5 mod 0", math.nan),
        ("-3", -3.0),
        ("--3", 3.0),
        ("-${age}", -34.0),
        ("${age} + ${height}", 35.75),
        ("${digits} + 1", 43.0),
        ("${name} + 1", math.nan),
        ("${empty} + 1", math.nan),
        ("1.5 * 2", 3.0),
        (".5 + 1.", 1.5),
        ("${visit} - ${born}", 12341.0),
        ("today() - ${visit}", 0.0),
    ],
)
def test_arithmetic_follows_xpath_numbers(text: str, expected: float) -> None:
    assert same(run(text), expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 = 1", True),
        ("1 = 2", False),
        ("1 != 2", True),
        ("2 != 2", False),
        ("1 < 2", True),
        ("2 < 2", False),
        ("2 <= 2", True),
        ("3 <= 2", False),
        ("3 > 2", True),
        ("2 > 2", False),
        ("2 >= 2", True),
        ("1 >= 2", False),
        ("${age} = 34", True),
        ("${age} = '34'", True),
        ("${age} = 34.0", True),
        ("${name} = 'Anna'", True),
        ('${name} = "Anna"', True),
        ("${name} = 'anna'", False),
        ("${name} != 'Bob'", True),
        ("${role} = 'ambassador'", True),
        ("${digits} = 42", True),
        ("${digits} > 41", True),
        ("${name} > 1", False),
        ("${name} < 1", False),
        ("1 = true()", True),
        ("0 = false()", True),
        ("'' = false()", True),
        ("'x' = true()", True),
    ],
)
def test_comparisons_of_numbers_and_text(text: str, expected: bool) -> None:
    assert run(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("${born} = '1990-06-01'", True),
        ("'1990-06-01' = ${born}", True),
        ("${born} != '1990-06-01'", False),
        ("${born} = '1990-06-02'", False),
        ("${born} < '2000-01-01'", False),
        ("${born} > '2000-01-01'", False),
        ("${born} >= '1990-06-01'", False),
        ("${born} <= '1990-05-31'", False),
        ("${visit} = today()", True),
        ("${born} < today()", True),
        ("'2024-03-14' < today()", False),
        ("date('2024-03-14') < today()", True),
        ("${visit} > ${born}", True),
        ("${born} = ''", False),
        ("${born} != ''", True),
        ("${born} = 'not a date'", False),
        ("${born} < 'not a date'", False),
        ("date('2024-03-15') = ${visit}", True),
        ("'2024-01-01' < '2024-02-01'", False),
    ],
)
def test_dates_equal_their_iso_text_but_order_only_with_dates(text: str, expected: bool) -> None:
    assert run(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("${empty} = ''", True),
        ("${empty} != ''", False),
        ("${name} = ''", False),
        ("${name} != ''", True),
        ("${age} = ''", False),
        ("${age} != ''", True),
        ("${empty} = 0", False),
        ("${empty} > 0", False),
        ("${empty} < 0", False),
        ("${empty} <= 0", False),
        ("${empty} + 1 > 0", False),
        ("${empty} + 1 < 0", False),
        ("${empty} = 'x'", False),
        ("string-length(${empty}) = 0", True),
        ("count-selected(${empty}) = 0", True),
        ("selected(${empty}, 'csr')", False),
        ("not(${empty})", True),
        ("${empty} = ${empty}", True),
        ("${empty} and true()", False),
        ("${empty} or true()", True),
    ],
)
def test_an_unanswered_question_is_empty_text_and_nan_in_arithmetic(
    text: str, expected: bool
) -> None:
    assert run(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true() and true()", True),
        ("true() and false()", False),
        ("false() and true()", False),
        ("false() or true()", True),
        ("false() or false()", False),
        ("not(true())", False),
        ("not(false())", True),
        ("not(0)", True),
        ("not('')", True),
        ("not('0')", False),
        ("not(0 div 0)", True),
        ("1 and 'x'", True),
        ("0 or ''", False),
        ("${tasks} and ${name}", True),
        ("${no_tasks} or ${zero}", False),
    ],
)
def test_boolean_operators_and_conversion(text: str, expected: bool) -> None:
    assert run(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 + 2 * 3", 7.0),
        ("(1 + 2) * 3", 9.0),
        ("10 - 4 - 3", 3.0),
        ("10 - (4 - 3)", 9.0),
        ("12 div 3 div 2", 2.0),
        ("2 * 3 mod 4", 2.0),
        ("1 + 7 mod 4", 4.0),
        ("-2 * 3", -6.0),
        ("- 2 + 5", 3.0),
        ("-(2 + 5)", -7.0),
        ("1 < 2 = 1", True),
        ("1 + 1 = 2", True),
        ("3 > 2 > 1", False),
        ("1 = 1 and 2 = 3", False),
        ("1 = 2 or 2 = 2", True),
        ("true() or true() and false()", True),
        ("(true() or true()) and false()", False),
        ("false() and true() or true()", True),
        ("1 = 1 = 1", True),
        ("0 = 1 < 2", False),
        ("2 = 1 < 2", True),
        ("${age} > 18 and ${age} < 65 or ${role} = 'ambassador'", True),
    ],
)
def test_operator_precedence_is_that_of_xpath(text: str, expected: object) -> None:
    assert same(run(text), expected)


@pytest.mark.parametrize(
    "tasks", [("csr", "trade", "network"), "csr trade network", ["csr", "trade"]]
)
def test_select_multiple_works_as_a_tuple_and_as_text(tasks: object) -> None:
    assert run("selected(${t}, 'csr')", t=tasks) is True
    assert run("selected(${t}, 'trade')", t=tasks) is True
    assert run("selected(${t}, 'cs')", t=tasks) is False
    assert run("selected(${t}, 'other')", t=tasks) is False
    assert run("count-selected(${t}) >= 2", t=tasks) is True
    assert run("selected-at(${t}, 0)", t=tasks) == "csr"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("selected(${tasks}, 'network')", True),
        ("selected(${tasks}, ' network ')", True),
        ("selected(${tasks_text}, 'network')", True),
        ("selected(${role}, 'ambassador')", True),
        ("selected(${role}, 'amb')", False),
        ("selected(${no_tasks}, 'csr')", False),
        ("count-selected(${tasks})", 3.0),
        ("count-selected(${tasks_text})", 3.0),
        ("count-selected(${no_tasks})", 0.0),
        ("count-selected('  a   b ')", 2.0),
        ("count-selected(${role})", 1.0),
        ("selected-at(${tasks}, 2)", "network"),
        ("selected-at(${tasks}, 3)", ""),
        ("selected-at(${tasks}, -1)", ""),
        ("string-length(${name})", 4.0),
        ("string-length('')", 0.0),
        ("string-length(${age})", 2.0),
        ("string-length(${tasks})", 17.0),
        ("string-length('été')", 3.0),
        ("regex(${name}, '[A-Z][a-z]+')", True),
        ("regex(${name}, '[a-z]+')", False),
        ("regex(${name}, 'An')", False),
        ("regex('0612345678', '0[0-9]{9}')", True),
        ("regex(${age}, '[0-9]+')", True),
        ("regex(${empty}, '.*')", True),
        ("if(${age} > 18, 'adult', 'minor')", "adult"),
        ("if(${age} < 18, 'adult', 'minor')", "minor"),
        ("if(${empty}, 1, 2)", 2.0),
        ("if(true(), ${age}, 0)", 34),
        ("today()", TODAY),
        ("concat(${name}, ' (', ${age}, ')')", "Anna (34)"),
        ("concat(${empty})", ""),
        ("concat(1.50, '/', 2.25, '/', 1 div 3)", "1.5/2.25/0.3333333333333333"),
        ("concat(${born}, ' ', true())", "1990-06-01 true"),
        ("concat(${tasks})", "csr trade network"),
        ("number('12.5')", 12.5),
        ("number(' -3 ')", -3.0),
        ("number('12abc')", math.nan),
        ("number('')", math.nan),
        ("number(true())", 1.0),
        ("int(3.7)", 3.0),
        ("int(-3.7)", -3.0),
        ("int('x')", math.nan),
        ("round(2.5)", 3.0),
        ("round(-2.5)", -2.0),
        ("round(2.345, 2)", 2.35),
        ("round(1234.5, -2)", 1200.0),
        ("round(1 div 3, 3)", 0.333),
        ("round('x', 1)", math.nan),
        ("round(1.5, 'x')", 2.0),
        ("coalesce(${empty}, 'fallback')", "fallback"),
        ("coalesce(${name}, 'fallback')", "Anna"),
        ("coalesce('', ${empty})", None),
        ("true()", True),
        ("false()", False),
        ("boolean('x')", True),
        ("boolean(0)", False),
        ("boolean-from-string('true')", True),
        ("boolean-from-string('1')", True),
        ("boolean-from-string('yes')", False),
        ("boolean-from-string('false')", False),
        ("contains(${name}, 'nn')", True),
        ("contains(${name}, 'x')", False),
        ("contains(${name}, '')", True),
        ("starts-with(${role}, 'amb')", True),
        ("starts-with(${role}, 'sador')", False),
        ("ends-with(${role}, 'sador')", True),
        ("string(3.0)", "3"),
        ("string(0 div 0)", "NaN"),
        ("string(${empty})", ""),
        ("substr('hello', 1, 3)", "el"),
        ("substr('hello', 2)", "llo"),
        ("substr('hello', -2)", "lo"),
        ("substr('hello', 'x')", "hello"),
        ("normalize-space('  a   b  ')", "a b"),
        ("abs(-2.5)", 2.5),
        ("date(0)", date(1970, 1, 1)),
        ("date('2024-03-15T09:00') - date('2024-03-14')", 1.0),
        ("date-time('2024-03-15T09:00')", datetime(2024, 3, 15, 9, 0)),
        ("floor(2.5)", 2.0),
        ("ceiling(-2.5)", -2.0),
        ("round(sin(pi() div 2) + cos(0) + tan(0), 6)", 2.0),
        ("round(asin(1) + acos(1) + atan(0) + atan2(0, 1), 6)", 1.570796),
        ("exp10(2)", 100.0),
        ("string-length(uuid())", 36.0),
        ("string-length(uuid(12))", 12.0),
        ("once(${age})", 34),
        ("now() > ${visit}", True),
    ],
)
def test_each_function(text: str, expected: object) -> None:
    assert same(run(text), expected)


def test_every_supported_function_is_exercised_by_the_tests() -> None:
    # The table of ODK Collect's results exercises them too.
    table = Path(__file__).with_name("odk_expression_table.py")
    source = Path(__file__).read_text(encoding="utf-8") + table.read_text(encoding="utf-8")
    missing = [name for name in SUPPORTED_FUNCTIONS if f"{name}(" not in source]
    assert missing == []


def test_if_evaluates_only_the_branch_it_takes() -> None:
    expression = parse("if(${age} > 18, 'adult', regex('x', ${pattern}))")
    assert evaluate(expression, {"age": 30, "pattern": "["}) == "adult"
    with pytest.raises(EvaluationError):
        evaluate(expression, {"age": 3, "pattern": "["})


def test_today_is_the_real_date_unless_given() -> None:
    assert evaluate(parse("today()"), {}) == date.today()
    assert evaluate(parse("today()"), {}, today=TODAY) == TODAY


@pytest.mark.parametrize(
    ("text", "current", "expected"),
    [
        (". >= 18", 34, True),
        (". >= 18", 12, False),
        (". >= 18", None, False),
        (". = ''", None, True),
        ("string-length(.) <= 5", "Anna", True),
        ("regex(., '[0-9]{4}[A-Z]{2}')", "1234AB", True),
        ("regex(., '[0-9]{4}[A-Z]{2}')", "1234 AB", False),
        (". <= today()", date(2024, 3, 15), True),
        (". <= today()", date(2024, 3, 16), False),
        ("count-selected(.) <= 2", ("a", "b"), True),
        ("selected(., 'b')", "a b", True),
        (". + 1", 1.5, 2.5),
        (". > ${age}", 35, True),
    ],
)
def test_dot_is_the_current_answer(text: str, current: object, expected: object) -> None:
    assert same(run(text, current=current), expected)


@pytest.mark.parametrize(
    ("text", "names", "uses_current"),
    [
        ("1 + 1", set(), False),
        ("${a} = 'x'", {"a"}, False),
        ("${a} > ${b} and selected(${c}, 'x') or ${a} = 1", {"a", "b", "c"}, False),
        (". > ${min_age}", {"min_age"}, True),
        ("if(${q.1} = '', ., concat(${q-2}, ${_q3}))", {"q.1", "q-2", "_q3"}, True),
        ("'${not_a_reference}' = '.'", set(), False),
        ("0.5 + .5", set(), False),
    ],
)
def test_names_and_current_are_known_without_evaluating(
    text: str, names: set[str], uses_current: bool
) -> None:
    expression = parse(text)
    assert expression.names() == frozenset(names)
    assert expression.uses_current() is uses_current
    assert expression.source == text


def test_an_expression_is_an_immutable_value() -> None:
    expression = parse("${a} + 1")
    assert isinstance(expression, Expression)
    assert expression == parse("${a} + 1")
    assert hash(expression) == hash(parse("${a} + 1"))
    with pytest.raises(AttributeError):
        expression.source = "2"  # type: ignore[misc]
    assert str(expression) == "${a} + 1"
    assert parse("concat(${a}, today())").functions() == {"concat", "today"}


def test_a_name_missing_from_the_values_is_a_bug_that_shows() -> None:
    with pytest.raises(EvaluationError) as raised:
        evaluate(parse("1 + ${nope}"), {"yes": 1})
    assert isinstance(raised.value, PostkitError)
    assert raised.value.position == 4
    assert "${nope}" in raised.value.message


def test_an_invalid_regex_built_at_run_time_raises_evaluation_error() -> None:
    with pytest.raises(EvaluationError) as raised:
        evaluate(parse("regex('abc', ${pattern})"), {"pattern": "(unclosed"})
    assert "regular expression" in raised.value.message
    assert raised.value.position == 0


def test_choice_filter_columns_are_bare_names_when_allowed() -> None:
    expression = parse("country = ${country} and selected(${sectors}, sector)", allow_columns=True)
    assert expression.columns() == {"country", "sector"}
    assert expression.names() == {"country", "sectors"}
    values = {"country": "nl", "sectors": ("agri", "textile")}
    assert evaluate(expression, values, columns={"country": "nl", "sector": "agri"}) is True
    assert evaluate(expression, values, columns={"country": "be", "sector": "agri"}) is False
    with pytest.raises(EvaluationError):
        evaluate(expression, values, columns={"country": "nl"})
    with pytest.raises(ExpressionError):
        parse("country = ${country}")


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("", 0),
        ("   ", 0),
        ("(", 1),
        ("(1 + 2", 0),
        ("((1 + 2)", 0),
        ("1 + 2)", 5),
        ("(1 + 2))", 7),
        (")", 0),
        ("()", 1),
        ("1 +", 3),
        ("1 + * 2", 4),
        ("* 2", 0),
        ("1 =", 3),
        ("= 1", 0),
        ("1 = = 1", 4),
        ("1 and", 5),
        ("and 1", 0),
        ("${a} or or ${b}", 8),
        ("1 2", 2),
        ("${a} ${b}", 5),
        ("'a' 'b'", 4),
        ("${a", 0),
        ("1 + ${a", 4),
        ("${}", 0),
        ("${a b}", 3),
        ("${a+b}", 3),
        ("${1a}", 2),
        ("${a$}", 3),
        ("'unterminated", 0),
        ('1 = "unterminated', 4),
        ("'mixed\"", 0),
        ("foo(1)", 0),
        ("1 + nope(2)", 4),
        ("selected(${a})", 0),
        ("selected(${a}, 'x', 'y')", 0),
        ("today(1)", 0),
        ("if(1, 2)", 0),
        ("round()", 0),
        ("true(1)", 0),
        ("not()", 0),
        ("round(1, 2, 3)", 0),
        ("selected(${a}, )", 15),
        ("selected(, 'x')", 9),
        ("concat('a',, 'b')", 11),
        ("selected(${a} 'x')", 14),
        ("not(1", 3),
        ("yes", 0),
        ("${a} = yes", 7),
        ("not ${a}", 0),
        ("true", 0),
        ("1 ! 2", 2),
        ("1 == 2", 3),
        ("1 <> 2", 3),
        ("${a} & ${b}", 5),
        ("$a", 0),
        ("/data/a = 1", 0),
        ("../a", 2),
        ("..", 0),
        ("position(.)", 0),
        ("indexed-repeat(1, ${r}, 1)", 0),
        ("1 + position(..) + ..", 19),
        ("${a}[1]", 4),
        ("@id", 0),
        ("1 | 2", 2),
        ("1;2", 1),
        ("regex(., '[a-')", 9),
        ("regex(., '(?P<')", 9),
        ("1.2.3", 3),
        ("(" * 200 + "1" + ")" * 200, None),
        ("-" * 500 + "1", None),
        ("+".join(["1"] * 500), None),
    ],
)
def test_a_malformed_expression_raises_expression_error_with_its_position(
    text: str, position: int | None
) -> None:
    with pytest.raises(ExpressionError) as raised:
        parse(text)
    error = raised.value
    assert isinstance(error, PostkitError)
    assert error.message
    assert 0 <= error.position <= len(text)
    if position is not None:
        assert error.position == position, error.message
        assert str(error) == f"{error.message} at character {position + 1}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("(1 + 2", "'(' is never closed"),
        ("1 + 2)", "unexpected ')'"),
        ("1 +", "unexpected end of the expression"),
        ("${a", "'${' is never closed with '}'"),
        ("${a b}", "a space is not allowed in a name"),
        ("'abc", "text in quotes is never closed"),
        ("foo(1)", "unknown function 'foo'"),
        ("selected(${a})", "selected() takes 2 arguments, not 1"),
        ("round()", "round() takes 1 to 2 arguments, not 0"),
        ("round()", "round() takes 1 to 2 arguments, not 0"),
        ("yes", "unknown name 'yes': write ${yes} for a question or 'yes' for text"),
        ("", "the expression is empty"),
    ],
)
def test_error_messages_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ExpressionError) as raised:
        parse(text)
    assert raised.value.message == message


def test_the_error_text_gives_the_character_counting_from_one() -> None:
    with pytest.raises(ExpressionError) as raised:
        parse("(${a} + 1) = 2)")
    assert raised.value.position == 14
    assert str(raised.value) == "unexpected ')' at character 15"


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os')",
        "__import__('os').system('echo hacked')",
        "open('/etc/passwd')",
        "eval('1')",
        "exec('x = 1')",
        "().__class__",
        "${a}.__class__",
        "lambda: 1",
        "1; import os",
        "[x for x in ()]",
        "{'a': 1}",
        "getattr(1, 'real')",
        "os.system('ls')",
        "1 if 1 else 2",
        "1 ** 2",
    ],
)
def test_python_code_is_a_parse_error_and_is_never_run(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def forbidden(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("Python code was run")

    for name in ("eval", "exec", "compile", "open"):
        monkeypatch.setattr(f"builtins.{name}", forbidden)
    with pytest.raises(ExpressionError):
        parse(text)


def test_hostile_text_in_answers_is_only_data() -> None:
    values = {"a": "__import__('os').system('echo hacked')"}
    assert run("concat(${a}, '')", **values) == values["a"]
    assert run("${a} = '__import__'", **values) is False


@pytest.mark.parametrize(
    ("value", "number", "text", "truth"),
    [
        (None, math.nan, "", False),
        (True, 1.0, "true", True),
        (False, 0.0, "false", False),
        (0, 0.0, "0", False),
        (7, 7.0, "7", True),
        (2.5, 2.5, "2.5", True),
        (3.0, 3.0, "3", True),
        (1e-7, 1e-7, "1.0E-7", True),
        (math.nan, math.nan, "NaN", False),
        (math.inf, math.inf, "Infinity", True),
        ("", math.nan, "", False),
        ("0", 0.0, "0", True),
        (" 12 ", 12.0, " 12 ", True),
        ("abc", math.nan, "abc", True),
        ("1970-01-11", math.nan, "1970-01-11", True),
        ("1,5", 1.5, "1,5", True),
        (date(1970, 1, 2), 1.0, "1970-01-02", True),
        (("a", "b"), math.nan, "a b", True),
        ((), math.nan, "", False),
    ],
)
def test_conversions_follow_xpath(value: object, number: float, text: str, truth: bool) -> None:
    assert same(to_number(value), number)
    assert to_string(value) == text
    assert is_true(value) is truth


def test_supported_functions_list_their_argument_counts() -> None:
    for name, (least, most) in SUPPORTED_FUNCTIONS.items():
        assert least >= 0
        assert most is None or most >= least, name
    for name in ("selected", "count-selected", "string-length", "regex", "if", "today"):
        assert name in SUPPORTED_FUNCTIONS


def test_now_is_the_moment_given_to_the_millisecond() -> None:
    moment = datetime(2024, 3, 15, 10, 30, 5, 123456)
    result = evaluate(parse("now()"), {}, now=moment)
    assert result == datetime(2024, 3, 15, 10, 30, 5, 123000)
    assert evaluate(parse("format-date-time(now(), '%H:%M')"), {}, now=moment) == "10:30"
    assert isinstance(evaluate(parse("now()"), {}), datetime)


def test_once_keeps_the_current_value_and_fills_only_an_empty_one() -> None:
    assert run("once(${name})", current=None) == "Anna"
    assert run("once(${name})", current="") == "Anna"
    assert run("once(${name})", current="kept") == "kept"
    assert run("once(uuid())", current="1234") == "1234"


def test_uuid_differs_each_time() -> None:
    first, second = run("uuid()"), run("uuid()")
    assert isinstance(first, str) and first != second
    assert all(letter.isupper() or letter.isdigit() for letter in str(run("uuid(20)")))


def test_choice_name_asks_the_form_for_the_label_of_the_named_question() -> None:
    asked = []

    def label(question: str, choice: str) -> str:
        asked.append((question, choice))
        return choice.upper()

    expression = parse("jr:choice-name(${role}, '${role}')")
    assert expression.names() == frozenset({"role"})
    assert evaluate(expression, ANSWERS, choice_label=label) == "AMBASSADOR"
    assert evaluate(parse("jr:choice-name('x', ' /data/tasks ')"), {}, choice_label=label) == "X"
    assert asked == [("role", "ambassador"), ("tasks", "x")]


def test_choice_name_without_the_form_is_an_evaluation_error() -> None:
    with pytest.raises(EvaluationError, match="choices"):
        run("jr:choice-name(${role}, '${role}')")
    with pytest.raises(EvaluationError, match="second argument"):
        evaluate(parse("jr:choice-name(${role}, '')"), ANSWERS, choice_label=lambda q, c: c)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date('2024-02-30')", "cannot be converted to a date"),
        ("selected(${tasks}, 1)", "in quotes"),
        ("count-selected(${age})", "select question"),
        ("digest('x', 'md4')", "algorithm"),
        ("format-date(${born}, '%j')", "'%j'"),
    ],
)
def test_what_odk_collect_stops_at_is_an_evaluation_error_naming_the_problem(
    text: str, message: str
) -> None:
    with pytest.raises(EvaluationError, match=message) as raised:
        run(text)
    assert raised.value.position == 0


def test_telling_a_default_to_compute_takes_one_pass_over_a_long_cell() -> None:
    """A cell of 32,767 letters (Excel's limit) took 8 s: the search for a name before "("
    went over the rest of the word from each of its letters. It decides as that search did."""
    import random
    import re
    import time

    old = re.compile(r"[^\W\d][\w\-:]*\s*\(")
    alphabet = ["a", "Z", "_", "7", "-", ":", " ", "(", ")", "$", "{", "é", "\t", ".", "1"]
    chooser = random.Random(6)
    for _ in range(20_000):
        text = "".join(chooser.choices(alphabet, k=chooser.randint(0, 12)))
        assert is_dynamic_default(text) == ("${" in text or old.search(text) is not None), text
    started = time.perf_counter()
    long_cells = {
        "a" * 32_767: False, "a1-:" * 8_191: False, "7" * 32_766 + "(": False,
        "x " * 16_383: False, "a" * 32_766 + "(": True, "7" * 32_765 + "a(": True,
    }  # fmt: skip
    assert {text: is_dynamic_default(text) for text in long_cells} == long_cells
    assert time.perf_counter() - started < 0.5
