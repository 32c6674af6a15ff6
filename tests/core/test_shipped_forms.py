"""The forms postkit ships are ordinary XLSForms: pyxform (the reference implementation)
converts each to an XForm, and postkit reads their translated titles."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyxform.xls2xform import convert

from postkit.core.surveys.service import shipped_surveys_dir
from postkit.core.surveys.xlsform import load_form

SHIPPED = sorted(shipped_surveys_dir().glob("*.xlsx"))


def test_forms_are_shipped() -> None:
    assert len(SHIPPED) >= 2


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_pyxform_converts_each_shipped_form(path: Path) -> None:
    result = convert(xlsform=str(path), validate=False)
    assert "<h:title>" in result.xform


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_each_shipped_form_has_its_title_in_dutch_and_english(path: Path) -> None:
    title = load_form(path).title
    assert set(title) >= {"en", "nl"}
    assert title["en"] != title["nl"]
