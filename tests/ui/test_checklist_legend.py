"""The checklist's strip of steps says what its colours mean."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.screening.records import Answer, RequestInput
from postkit.core.screening.reference import checklist
from postkit.core.screening.service import answer_item, create_request
from postkit.ui import style
from postkit.ui.ops import Runner
from postkit.ui.screening.checklist import STATE_COLORS
from postkit.ui.screening.page import CHECKLIST_TAB, ScreeningPage
from tests.conftest import TEST_PROFILE
from tests.ui.contrast import AA_NON_TEXT, contrast_ratio

REQUEST = RequestInput(
    company_name="Tulip Trading B.V.", support_kind="trade_mission", requested_on=date(2025, 5, 1)
)


@pytest.mark.parametrize("scheme", [Qt.ColorScheme.Light, Qt.ColorScheme.Dark], ids=str)
def test_the_legend_names_each_colour_the_steps_show(
    qtbot: QtBot, qapp: QApplication, database: Database, runner: Runner, scheme: Qt.ColorScheme
) -> None:
    style.apply_scheme(qapp, scheme)
    try:
        _check_legend(qtbot, database, runner)
    finally:
        style.apply_scheme(qapp, Qt.ColorScheme.Light)


def _check_legend(qtbot: QtBot, database: Database, runner: Runner) -> None:
    first = checklist()[0]
    with database.session() as session:
        request_id = create_request(session, REQUEST, "Tess").id
        answer_item(
            session, request_id, first.code, Answer.UNKNOWN, "Asked; no reply yet.", actor="Tess"
        )
    page = ScreeningPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.reload(request_id)
    assert page.runner.wait_idle()
    qtbot.waitUntil(lambda: page.current_record is not None and bool(page.current_record.answers))
    page.show_tab(CHECKLIST_TAB)
    panel = page.checklist
    assert panel.legend.isVisible()
    legend = panel.legend.text()
    shown_states = {button.state for button in panel.step_buttons}
    assert {"unknown", "open"} <= shown_states
    # Each symbol in a colour rich text can draw (it knows no palette(…)) that stands out
    # from the page by 3:1, as WCAG asks of graphics that carry meaning.
    symbols = re.findall(r"color:([^;']+)[^>]*>([○●◎])<", legend)
    assert len(symbols) == len(STATE_COLORS) + 1, legend
    behind = panel.legend.palette().color(QPalette.ColorRole.Window)
    for color, symbol in symbols:
        assert QColor(color).isValid(), f"{symbol} in {color!r}"
        if symbol != "●":  # a filled dot matches its step's fill, which has its own ring
            assert contrast_ratio(QColor(color), behind) >= AA_NON_TEXT, f"{symbol} {color}"
    for state in shown_states:
        fill, _text, _border = STATE_COLORS[state]
        assert fill == "transparent" or fill in legend
        assert panel.step_buttons[0].accessibleDescription() == "not known"
    for words in ("answered", "not known", "red flag", "not answered yet", "the step shown"):
        assert words in legend
    if page.job is not None:
        page.job.wait()
