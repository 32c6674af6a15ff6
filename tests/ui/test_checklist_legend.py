"""The checklist's strip of steps says what its colours mean."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.screening.records import Answer, RequestInput
from postkit.core.screening.reference import checklist
from postkit.core.screening.service import answer_item, create_request
from postkit.ui.ops import Runner
from postkit.ui.screening.checklist import STATE_COLORS
from postkit.ui.screening.page import CHECKLIST_TAB, ScreeningPage
from tests.conftest import TEST_PROFILE

REQUEST = RequestInput(
    company_name="Tulip Trading B.V.", support_kind="trade_mission", requested_on=date(2025, 5, 1)
)


def test_the_legend_names_each_colour_the_steps_show(
    qtbot: QtBot, database: Database, runner: Runner
) -> None:
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
    for state in shown_states:
        fill, _text, border = STATE_COLORS[state]
        assert (border if fill == "transparent" else fill) in legend
        assert panel.step_buttons[0].accessibleDescription() == "not known"
    for words in ("answered", "not known", "red flag", "not answered yet", "the step shown"):
        assert words in legend
    if page.job is not None:
        page.job.wait()
