"""Appearances in the form view, and the form view's layout, driven through the real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from postkit.core.surveys.engine import FormSession
from postkit.core.surveys.forms import Form
from postkit.core.surveys.xlsform import load_form
from postkit.ui.surveys.form_view import FormView
from tests.ui.test_survey_form_view import write_form


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Form:
    return load_form(write_form(tmp_path_factory.mktemp("forms") / "mini.xlsx"))


def _show(qtbot: QtBot, form: Form, language: str = "en") -> FormView:
    view = FormView(FormSession(form, language=language))
    qtbot.addWidget(view)
    view.resize(900, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def _click(qtbot: QtBot, button: QWidget) -> None:
    """Click a radio button or check box on its indicator, where a person clicks."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _where(widget: QWidget, view: QWidget) -> QPoint:
    return widget.mapTo(view, QPoint(0, 0))


def test_answering_moves_nothing_so_a_second_click_lands_where_aimed(
    qtbot: QtBot, mini: Form
) -> None:
    view = _show(qtbot, mini)
    role = view.cards["role"].input
    before = {name: _where(button, view) for name, button in role.buttons.items()}  # type: ignore[union-attr]
    height = view.cards["role"].height()
    _click(qtbot, role.button("head"))  # type: ignore[union-attr]
    qtbot.wait(20)
    assert role.clear_button.isVisible()  # type: ignore[union-attr]
    after = {name: _where(button, view) for name, button in role.buttons.items()}  # type: ignore[union-attr]
    assert after == before
    assert view.cards["role"].height() == height
