"""The lists section and the sanctions panel with several lists, one of them too old."""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QFormLayout
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.paths import resources_dir
from postkit.core.screening import rescreening, sanctions_store
from postkit.core.screening.list_import import import_sanctions_list
from postkit.core.screening.records import RequestInput
from postkit.core.screening.sanctions_store import screen_request
from postkit.core.screening.service import create_request
from postkit.ui.i18n import apply_locale, install_translators
from postkit.ui.ops import Runner
from postkit.ui.screening.page import ScreeningPage
from postkit.ui.screening.sanctions_panel import SanctionsPanel
from tests.conftest import TEST_PROFILE
from tests.ui.test_screening import (  # noqa: F401  (autouse fixtures the page needs)
    _british_english,
    _references_pyside_dropped,
)
from tests.ui.threads import functions_of, process_jobs

SAMPLES = resources_dir() / "sanctions"
EU = SAMPLES / "sample-eu-fsf.xml"
UN = SAMPLES / "sample-un-consolidated.xml"
REQUEST = RequestInput(
    company_name="Severnaya Kvarta",
    support_kind="letter_of_support",
    requested_on=date(2026, 11, 30),
)


@pytest.fixture(autouse=True)
def _fresh_matchers() -> Iterator[None]:
    sanctions_store.clear_matcher_cache()
    yield
    sanctions_store.clear_matcher_cache()


def _page(qtbot: QtBot, runner: Runner, max_age: int) -> ScreeningPage:
    page = ScreeningPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(page)
    page.set_max_list_age_days(max_age)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.reload()
    assert page.runner.wait_idle()
    return page


def test_a_list_older_than_the_setting_is_flagged_where_the_screening_starts(
    qtbot: QtBot, database: Database, runner: Runner
) -> None:
    with database.session() as session:
        import_sanctions_list(session, EU, "Tess")
        import_sanctions_list(session, UN, "Tess")
        create_request(session, REQUEST, "Tess")
    age = (date.today() - date(2026, 11, 18)).days  # the UN sample's date

    page = _page(qtbot, runner, max_age=age - 1)

    assert f"({age} days old)" in page.list_info.text()
    panel_text = page.sanctions.list_label.text()
    assert f"Older than {age - 1} days" in panel_text
    assert "UN sanctions list" in panel_text.split("Older than")[1]
    assert "EU sanctions list" not in panel_text.split("Older than")[1]  # 2 days younger


def test_no_list_is_flagged_within_the_allowed_age(
    qtbot: QtBot, database: Database, runner: Runner
) -> None:
    with database.session() as session:
        import_sanctions_list(session, EU, "Tess")
        create_request(session, REQUEST, "Tess")

    page = _page(qtbot, runner, max_age=3650)

    assert "days old" not in page.list_info.text()
    assert "Older than" not in page.sanctions.list_label.text()


def test_opening_the_page_finishes_a_rescreening_left_unfinished(
    qtbot: QtBot, database: Database, runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    with database.session() as session:
        import_sanctions_list(session, EU, "Tess")
        request_id = create_request(session, REQUEST, "Tess").id
        screen_request(session, request_id, "Tess")
        monkeypatch.setattr(rescreening, "rescreen_after_import", lambda *_args: None)
        un = import_sanctions_list(session, UN, "Tess")  # as if killed before re-screening
        monkeypatch.undo()

    works = process_jobs(monkeypatch)
    page = _page(qtbot, runner, max_age=3650)

    qtbot.waitUntil(lambda: page.job is None, timeout=10000)
    assert functions_of(works) == ["finish_rescreening"]  # in a process of its own
    with database.session() as session:
        report = rescreening.rescreen_report(session, un.id)
    assert [request.request_id for request in report.requests] == [request_id]
    assert page.rescreen_notice.isVisible()


@pytest.fixture
def dutch() -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    installed = install_translators(app, "nl")
    yield
    for translator in installed:
        app.removeTranslator(translator)
    apply_locale("en")


def _dutch_panel(
    qtbot: QtBot, database: Database, company: str, directors: tuple[str, ...] = ()
) -> SanctionsPanel:
    data = replace(REQUEST, company_name=company, company_country="NL", directors=directors)
    with database.session() as session:
        import_sanctions_list(session, EU, "Tess")
        request_id = create_request(session, data, "Tess").id
        record = screen_request(session, request_id, "Tess")
    panel = SanctionsPanel("nl")
    qtbot.addWidget(panel)
    panel.set_record(record)
    return panel


def _details(panel: SanctionsPanel) -> dict[str, str]:
    form = panel.details_form
    shown = {}
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        value = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
        shown[label.text()] = value.text()
    return shown


@pytest.mark.usefixtures("dutch")
def test_a_candidates_explanation_list_regulation_and_listing_date_read_in_dutch(
    qtbot: QtBot, database: Database
) -> None:
    panel = _dutch_panel(qtbot, database, "Северная Кварта")

    assert panel.current_match() is not None
    assert panel.current_match().entry_id == "EU.9001.01"
    explanation = html.unescape(panel.explanation.text())
    assert "'Северная' gelezen als 'severnaya'" in explanation
    assert "genegeerd (rechtsvorm)" in explanation
    assert "land nl, vermeld ru (-10)" in explanation  # the company is Dutch, the entry Russian
    assert "read as" not in explanation
    assert "ignored" not in explanation
    details = _details(panel)
    assert details["Lijst:"] == "EU-sanctielijst van 20-11-2026"
    assert "2099/101 (OJ L 901, fictional)" in details["Verordening:"]
    assert details["Op de lijst sinds:"] == "15-03-2024"
    assert details["Landen:"] == "Rusland"


@pytest.mark.usefixtures("dutch")
def test_the_kind_of_a_listed_person_or_organisation_reads_in_dutch(
    qtbot: QtBot, database: Database
) -> None:
    panel = _dutch_panel(
        qtbot, database, "Severnaya Kvarta", directors=("Yaroslav Petrovich Fiktivov",)
    )
    kinds = {}
    for row in range(panel.model.rowCount()):
        panel.table.selectRow(row)
        kinds[panel.current_match().entry_id] = _details(panel)["Soort:"]

    assert kinds == {"EU.9001.01": "Organisatie", "EU.9001.02": "Persoon"}


def test_the_dismiss_dialog_leaves_the_candidate_it_asks_about_in_view(
    qtbot: QtBot, database: Database
) -> None:
    with database.session() as session:
        import_sanctions_list(session, EU, "Tess")
        request_id = create_request(session, REQUEST, "Tess").id
        record = screen_request(session, request_id, "Tess")
    panel = SanctionsPanel("en")
    qtbot.addWidget(panel)
    panel.set_record(record)
    panel.resize(640, 320)  # smaller than the dialog: centred on it, the dialog covers it all
    panel.show()
    qtbot.waitExposed(panel)
    index = panel.table.currentIndex()
    row = panel.table.visualRect(index)
    row.moveTopLeft(panel.table.viewport().mapToGlobal(row.topLeft()))
    seen = []

    def look_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, look_and_cancel)
            return
        seen.append((dialog.windowTitle(), dialog.frameGeometry()))
        dialog.reject()

    QTimer.singleShot(0, look_and_cancel)
    panel.dismiss_button.click()

    ((title, where),) = seen
    assert title == "Dismiss candidate"
    assert not where.intersects(row)
    assert where.height() > 100  # the dialog itself, not an empty frame
