"""position(..) as JavaRosa computes it: the position of the node `..` names among its
siblings of the same name. In a repeat instance that is the instance's number; in a plain group
(inside a repeat or not) it is 1, since a group has no siblings of its name; `../..` climbs
one more step. JavaRosa's own results are checked by the oracle test below."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from postkit.core.surveys.engine import FormSession, slot
from postkit.core.surveys.expressions import ExpressionError, parse
from postkit.core.surveys.xlsform import load_form
from tests.core.test_survey_odk_semantics import HARNESS, _javarosa_value, _odk_validate_jar
from tests.core.test_survey_repeats import _form

# type, name, label, relevant, required, constraint, calculation, repeat_count
SURVEY = [
    ["begin repeat", "rounds", "Round", "", "", "", "", "3"],
    ["calculate", "in_repeat", "", "", "", "", "position(..)"],
    ["begin group", "part", "Part"],
    ["calculate", "in_group", "", "", "", "", "position(..)"],
    ["calculate", "up_two", "", "", "", "", "position(../..)"],
    ["begin repeat", "inner", "Inner", "", "", "", "", "2"],
    ["calculate", "in_inner", "", "", "", "", "position(..)"],
    ["calculate", "inner_up_two", "", "", "", "", "position(../..)"],
    ["calculate", "inner_up_three", "", "", "", "", "position(../../..)"],
    ["end repeat"],
    ["end group"],
    ["end repeat"],
    ["begin group", "top", "Top"],
    ["calculate", "in_top_group", "", "", "", "", "position(..)"],
    ["end group"],
    ["calculate", "at_root", "", "", "", "", "position(..)"],
]
# Each calculation's slot and the value JavaRosa gives it (see the oracle test).
EXPECTED = {
    **{slot("in_repeat", (n,)): n for n in (1, 2, 3)},
    **{slot("in_group", (n,)): 1 for n in (1, 2, 3)},
    **{slot("up_two", (n,)): n for n in (1, 2, 3)},
    **{slot("in_inner", (n, m)): m for n in (1, 2, 3) for m in (1, 2)},
    **{slot("inner_up_two", (n, m)): 1 for n in (1, 2, 3) for m in (1, 2)},
    **{slot("inner_up_three", (n, m)): n for n in (1, 2, 3) for m in (1, 2)},
    "in_top_group": 1,
    "at_root": 1,
}


def _session(tmp_path: Path) -> FormSession:
    return FormSession(load_form(_form(tmp_path, SURVEY)))


def test_position_of_the_parent_is_the_parent_s_own_position(tmp_path: Path) -> None:
    session = _session(tmp_path)
    found = {key: session.value(key) for key in EXPECTED}
    assert found == {key: float(value) for key, value in EXPECTED.items()}


def test_position_takes_only_parent_steps() -> None:
    parse("position(../..)")
    for text in ("position(../x)", "position(.././..)", "../.. + 1"):
        with pytest.raises(ExpressionError):
            parse(text)


def _javarosa_path(key: str) -> str:
    """indexed-repeat() of a slot, as the oracle reads an answer inside repeats."""
    from postkit.core.surveys.engine import split_slot

    name, positions = split_slot(key)
    paths = {
        "in_repeat": "/data/rounds/in_repeat",
        "in_group": "/data/rounds/part/in_group",
        "up_two": "/data/rounds/part/up_two",
        "in_inner": "/data/rounds/part/inner/in_inner",
        "inner_up_two": "/data/rounds/part/inner/inner_up_two",
        "inner_up_three": "/data/rounds/part/inner/inner_up_three",
        "in_top_group": "/data/top/in_top_group",
        "at_root": "/data/at_root",
    }
    repeats = ["/data/rounds", "/data/rounds/part/inner"]
    if not positions:
        return paths[name]
    steps = ", ".join(f"{repeats[d]}, {p}" for d, p in enumerate(positions))
    return f"indexed-repeat({paths[name]}, {steps})"


@pytest.mark.slow
def test_javarosa_gives_each_position_the_test_expects(tmp_path: Path) -> None:
    from pyxform.xls2xform import convert

    java = shutil.which("java")
    assert java, "the oracle needs Java: install a JDK (default-jdk-headless)"
    xml = tmp_path / "form.xml"
    xml.write_text(convert(str(_form(tmp_path, SURVEY)), form_name="data").xform, "utf-8")
    keys = list(EXPECTED)
    finished = subprocess.run(
        [java, "-Djava.awt.headless=true", "-cp", str(_odk_validate_jar()), str(HARNESS), str(xml)],
        input="".join(_javarosa_path(key) + "\n" for key in keys),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=True,
    )
    found = {
        key: _javarosa_value(line)
        for key, line in zip(keys, finished.stdout.splitlines(), strict=True)
    }
    assert found == {key: float(value) for key, value in EXPECTED.items()}
