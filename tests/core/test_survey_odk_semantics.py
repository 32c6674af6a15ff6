"""postkit's evaluator against ODK Collect's (JavaRosa's): the table, and JavaRosa as the oracle.

The first test checks postkit against each row of tests/core/odk_expression_table.py; the
second hands every row to JavaRosa itself — the ODK_Validate.jar that pyxform ships, run with
the small Java program in tests/core/javarosa/ — and checks that the table says what JavaRosa
does. It needs a Java development kit (`java` able to run a source file: default-jdk-headless).
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from postkit.core.surveys.expressions import (
    EvaluationError,
    Nodes,
    RepeatScope,
    evaluate,
    parse,
)
from tests.core.odk_expression_table import (
    CHOICES,
    ERROR,
    QUESTIONS,
    REPEAT,
    REPEATED,
    ROWS,
    Row,
)

TODAY = date(2024, 3, 15)
ANSWERS: dict[str, object] = {name: value for _, name, value in QUESTIONS}
ANSWERS |= {name: Nodes(values) for _, name, values in REPEATED}
ANSWERS[REPEAT] = Nodes(("",) * len(REPEATED[0][2]))


class _TableScope(RepeatScope):
    """The table's answers seen from outside the repeat, as the form's root sees them."""

    def __getitem__(self, name: str) -> object:
        return ANSWERS[name]

    def __iter__(self) -> Iterator[str]:
        return iter(ANSWERS)

    def __len__(self) -> int:
        return len(ANSWERS)

    def position(self, levels: int = 1) -> int:
        return 1

    def indexed(self, name: str, steps: tuple[tuple[str, int], ...]) -> object:
        nodes = ANSWERS[name]
        assert isinstance(nodes, Nodes) and steps[0][0] == REPEAT
        number = steps[0][1]
        return nodes.values[number - 1] if 1 <= number <= len(nodes.values) else None


LABELS = {
    (name, choice): label
    for kind, name, _ in QUESTIONS
    if kind.startswith("select")
    for choice, label in CHOICES[kind.split()[1]]
}
HARNESS = Path(__file__).parent / "javarosa" / "Evaluate.java"


def _choice_label(question: str, choice: str) -> str:
    return LABELS.get((question, choice), "")


def postkit_result(expression: str) -> object:
    try:
        return evaluate(parse(expression), _TableScope(), today=TODAY, choice_label=_choice_label)
    except EvaluationError:
        return ERROR


def agrees(result: object, expected: object) -> bool:
    """Whether a result (postkit's or JavaRosa's) is the value the table records.

    JavaRosa has one date type for dates and date-times; a date is a date-time at midnight.
    An empty answer is '' in JavaRosa and None in postkit.
    """
    if expected == ERROR:
        return result == ERROR
    if isinstance(expected, bool):
        return result is expected
    if isinstance(expected, float):
        if isinstance(result, bool) or not isinstance(result, int | float):
            return False
        if math.isnan(expected):
            return math.isnan(result)
        return result == expected or math.isclose(result, expected, rel_tol=1e-12)
    if isinstance(expected, datetime):
        return isinstance(result, datetime) and result == expected
    if isinstance(expected, date):
        if isinstance(result, datetime):
            return result == datetime(expected.year, expected.month, expected.day)
        return isinstance(result, date) and result == expected
    if isinstance(expected, str):
        if result is None:
            return expected == ""
        if isinstance(result, tuple):
            return " ".join(result) == expected
        return isinstance(result, str) and result == expected
    raise AssertionError(f"the table holds a value of an unknown kind: {expected!r}")


@pytest.mark.parametrize("row", ROWS, ids=[row.expression for row in ROWS])
def test_postkit_evaluates_as_odk_collect_does(row: Row) -> None:
    result = postkit_result(row.expression)
    assert agrees(result, row.expected), f"{row.expression}: {result!r} ({row.source})"


def test_every_deliberate_difference_says_why() -> None:
    for row in ROWS:
        assert (row.postkit is None) == (row.why == ""), row.expression


def test_the_table_has_each_expression_once() -> None:
    expressions = [row.expression for row in ROWS]
    assert len(expressions) == len(set(expressions))


# The oracle


def _xlsform() -> dict[str, list[dict[str, str]]]:
    survey = []
    for kind, name, value in QUESTIONS:
        row = {"type": kind, "name": name, "label": name}
        if value is not None:
            row["default"] = _xml_text(value)
        survey.append(row)
    count = len(REPEATED[0][2])
    survey.append(
        {"type": "begin repeat", "name": REPEAT, "label": REPEAT, "repeat_count": str(count)}
    )
    for kind, name, values in REPEATED:
        # Each instance's answer, picked by its position, as JavaRosa computes it there.
        picked = "''"
        for number, value in reversed(list(enumerate(values, 1))):
            text = "''" if value is None else f"'{_xml_text(value)}'"
            picked = f"if(position(..) = {number}, {text}, {picked})"
        survey.append({"type": kind, "name": name, "label": name, "calculation": picked})
    survey.append({"type": "end repeat"})
    choices = [
        {"list_name": list_name, "name": name, "label": label}
        for list_name, items in CHOICES.items()
        for name, label in items
    ]
    return {"survey": survey, "choices": choices}


def _xml_text(value: object) -> str:
    match value:
        case datetime():
            return value.isoformat(timespec="seconds")
        case date():
            return value.isoformat()
        case tuple():
            return " ".join(value)
    return str(value)


def _xpath(expression: str) -> str:
    # pyxform writes ${name} as an absolute path, inside quotes too (jr:choice-name).
    repeated = {name for _, name, _ in REPEATED}

    def path(found: re.Match[str]) -> str:
        name = found.group(1)
        return f"/data/{REPEAT}/{name}" if name in repeated else f"/data/{name}"

    return re.sub(r"\$\{([^}]*)\}", path, expression)


def _javarosa_value(line: str) -> object:
    kind, _, text = line.partition("\t")
    text = text.replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\")
    match kind:
        case "Error":
            return ERROR
        case "Boolean":
            return text == "true"
        case "Double":
            return float(text)
        case "String":
            return text
        case "Date":
            return datetime.fromisoformat(text)
    raise AssertionError(f"JavaRosa gave a value of an unknown kind: {line!r}")


def _odk_validate_jar() -> Path:
    import pyxform

    jar = Path(pyxform.__file__).parent / "validators" / "odk_validate" / "bin"
    return jar / "ODK_Validate.jar"


def _run_javarosa(tmp_path: Path, expressions: list[str]) -> list[str]:
    """JavaRosa's result of each expression over the table's form, a line each; a line
    `#locale xx` among them sets the device's locale for those after it and gives none."""
    from pyxform.xls2xform import convert

    return _run_javarosa_form(tmp_path, convert(_xlsform(), form_name="data").xform, expressions)


def _run_javarosa_form(tmp_path: Path, xform: str, expressions: list[str]) -> list[str]:
    """JavaRosa's result of each expression (a line each, see _run_javarosa) over an XForm."""
    java = shutil.which("java")
    assert java, "the oracle needs Java: install a JDK (default-jdk-headless)"
    form = tmp_path / "form.xml"
    form.write_text(xform, encoding="utf-8")
    finished = subprocess.run(
        [
            java,
            "-Djava.awt.headless=true",
            "-cp",
            str(_odk_validate_jar()),
            str(HARNESS),
            str(form),
        ],
        input="".join(_xpath(expression) + "\n" for expression in expressions),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    lines = finished.stdout.splitlines()
    asked = [expression for expression in expressions if not expression.startswith("#locale ")]
    assert len(lines) == len(asked), finished.stdout + finished.stderr
    return lines


@pytest.mark.slow
def test_javarosa_itself_gives_the_results_the_table_records(tmp_path: Path) -> None:
    lines = _run_javarosa(tmp_path, [row.expression for row in ROWS])
    wrong = [
        f"{row.expression}: JavaRosa gives {line!r}, the table says {row.javarosa!r}"
        for row, line in zip(ROWS, lines, strict=True)
        if not agrees(_javarosa_value(line), row.javarosa)
    ]
    assert not wrong, "\n".join(wrong)


# One date a month, whose weekdays cover the week (2024-01-15 is a Monday, 2024-09-15 a Sunday).
NAMED_DATES = [f"format-date('2024-{month:02d}-15', '%a %b')" for month in range(1, 13)]


@pytest.mark.slow
def test_format_date_names_as_javarosa_does_on_a_device_in_the_language(tmp_path: Path) -> None:
    """JavaRosa names months and days (%b, %a) in the device's locale; postkit in the form
    language answered, with the names Java gives in that locale."""
    languages = ["en", "nl", "fr", "de", "es", "pt"]
    asked = [line for code in languages for line in [f"#locale {code}", *NAMED_DATES]]
    lines = iter(_run_javarosa(tmp_path, asked))
    for code in languages:
        javarosa = [_javarosa_value(next(lines)) for _ in NAMED_DATES]
        postkit = [evaluate(parse(expression), {}, language=code) for expression in NAMED_DATES]
        assert postkit == javarosa, code
    # A language postkit has no names for is named in English, as the table's rows are.
    english = [evaluate(parse(expression), {}) for expression in NAMED_DATES]
    assert [evaluate(parse(e), {}, language="sw") for e in NAMED_DATES] == english
    assert english[0] == "Mon Jan"
