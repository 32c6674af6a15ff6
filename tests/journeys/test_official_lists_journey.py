"""Journey: screen a request against the official EU and UN lists, side by side.

The officer imports the (fictional) EU Financial Sanctions Files XML and the UN Security
Council consolidated list XML through the Screening menu, records a request whose company
name is typed in Cyrillic as it stands on the registration extract, screens it, and sees
candidates from both lists, each with its list, regulation and listing date. One candidate is
dismissed with a reason. Then a newer EU list arrives: importing it screens the request again
and the page says which request has new candidates. The decision record is filed and read
back: both lists with their dates and hashes, each candidate's regulation and listing date,
and the reason for the dismissal.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabBar
from pytestqt.qtbot import QtBot

from postkit.core.paths import resources_dir
from postkit.ui.actions import ActionId
from postkit.ui.i18n import install_translators
from postkit.ui.main_window import MainWindow
from postkit.ui.screening.page import SANCTIONS_TAB, ScreeningPage
from tests.journeys.conftest import (
    EventLoopWatch,
    answering,
    type_any_script,
    type_file_name,
    type_lines,
)
from tests.pdf_text import pdf_text

SAMPLES = resources_dir() / "sanctions"
EU_LIST = SAMPLES / "sample-eu-fsf.xml"
UN_LIST = SAMPLES / "sample-un-consolidated.xml"
# As on the company's Russian registration extract; the lists spell it "Severnaya Kvarta".
COMPANY = "ООО «Северная Кварта»"
DIRECTOR = "Lin Haoxiang"
DISMISSAL = "Other person: the director was born in 1991 according to his Dutch passport"
# The newer EU list adds this person, who matches the director.
ADDED_TO_EU = """
  <sanctionEntity euReferenceNumber="EU.9009.99" logicalId="909999" designationDate="2026-12-01">
    <regulation regulationType="regulation" organisationType="council"
      publicationDate="2026-12-01" entryIntoForceDate="2026-12-02"
      numberTitle="2099/999 (OJ L 9999, fictional)" programme="SAMPLE-DPRK" logicalId="919999">
      <publicationUrl>https://example.invalid/eu/2099-999</publicationUrl>
    </regulation>
    <subjectType code="person" classificationCode="P"/>
    <nameAlias firstName="Haoxiang" lastName="Lin" wholeName="Haoxiang Lin" strong="true"
      logicalId="929999"/>
  </sanctionEntity>
</export>"""


@pytest.fixture(autouse=True)
def _translators_as_at_start() -> Iterator[None]:
    app = QApplication.instance()
    assert app is not None
    installed = install_translators(app, "en")
    yield
    for translator in installed:
        app.removeTranslator(translator)


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled(), timeout=5000)
    button.click()


def _wait_idle(qtbot: QtBot, page: ScreeningPage) -> None:
    """Until the page's jobs, reads and writes are done (what is stored is then shown)."""
    qtbot.waitUntil(lambda: page.job is None and page.runner.is_idle, timeout=30000)


def _import(qtbot: QtBot, window: MainWindow, page: ScreeningPage, path: Path) -> None:
    with answering(qtbot, type_file_name(path)):
        window.actions[ActionId.IMPORT_SANCTIONS_LIST].trigger()
    _wait_idle(qtbot, page)


def _record_the_request(qtbot: QtBot, window: MainWindow, page: ScreeningPage) -> None:
    # After the file dialogs the window may not hold the focus for a shortcut: use the menu.
    window.actions[ActionId.NEW_REQUEST].trigger()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog is not None
    dialog.company_name.setFocus()
    type_any_script(dialog.company_name, COMPANY)
    assert dialog.company_name.text() == COMPANY
    qtbot.keyClicks(dialog.directors, DIRECTOR)
    dialog.support_kind.setCurrentIndex(dialog.support_kind.findData("trade_mission"))
    dialog.operating_country.setCurrentIndex(dialog.operating_country.findData("KE"))
    assert dialog.ok_button.isEnabled(), dialog.error_label.text()
    _click(qtbot, dialog.ok_button)
    # The page shows the request just recorded (on a post with requests, another was shown).
    qtbot.waitUntil(
        lambda: page.current_record is not None and page.current_record.data.company_name == COMPANY
    )


def _details(page: ScreeningPage) -> dict[str, str]:
    """The candidate's details as the panel shows them, label → value."""
    form = page.sanctions.details_form
    shown = {}
    for row in range(form.rowCount()):
        label = form.itemAt(row, form.ItemRole.LabelRole).widget()
        value = form.itemAt(row, form.ItemRole.FieldRole).widget()
        assert isinstance(label, QLabel) and isinstance(value, QLabel)
        shown[label.text().rstrip(":")] = value.text()
    return shown


def _row_of(page: ScreeningPage, listed_name: str) -> int:
    model = page.sanctions.model
    for row in range(model.rowCount()):
        if model.index(row, 1).data() == listed_name:
            return row
    raise AssertionError(f"{listed_name} is not among the candidates")


def _newer_eu_list(tmp_path: Path) -> Path:
    """The EU list of 1 December: one person added, the company EU.9001.01 delisted."""
    path = tmp_path / "downloads" / "xmlFullSanctionsList_1_1.xml"
    path.parent.mkdir()
    text = EU_LIST.read_text(encoding="utf-8").replace("2026-11-20T18", "2026-12-01T18")
    start = text.index(
        '<sanctionEntity designationDetails="" unitedNationId="" euReferenceNumber="EU.9001.01"'
    )
    end = text.index("</sanctionEntity>", start) + len("</sanctionEntity>")
    text = text[:start] + text[end:]
    path.write_text(text.replace("</export>", ADDED_TO_EU), encoding="utf-8")
    return path


def test_screening_against_the_eu_and_un_lists_files_both_and_rescreens_on_a_newer_list(
    main_window: MainWindow, qtbot: QtBot, tmp_path: Path, event_loop_watch: EventLoopWatch
) -> None:
    window = main_window
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.screening_page

    _import(qtbot, window, page, EU_LIST)
    _import(qtbot, window, page, UN_LIST)
    lists_section = page.list_info.text()
    assert "EU sanctions list: sample-eu-fsf.xml" in lists_section
    assert "UN sanctions list: sample-un-consolidated.xml" in lists_section

    _record_the_request(qtbot, window, page)
    bar: QTabBar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(SANCTIONS_TAB).center())
    sanctions = page.sanctions
    _click(qtbot, sanctions.screen_button)
    _wait_idle(qtbot, page)

    model = sanctions.model
    by_list = {
        model.index(row, 1).data(): model.index(row, 4).data() for row in range(model.rowCount())
    }
    assert by_list["Severnaya Kvarta OOO"] == "EU sanctions list"
    assert by_list["SEVERNAYA KVARTA"] == "UN sanctions list"
    assert by_list["LIN HAOXIANG"] == "UN sanctions list"
    assert "EU sanctions list" in sanctions.list_label.text()
    assert "UN sanctions list" in sanctions.list_label.text()

    sanctions.table.selectRow(_row_of(page, "Severnaya Kvarta OOO"))
    shown = _details(page)
    assert shown["List"].startswith("EU sanctions list of ")
    assert shown["List id"] == "EU.9001.01"
    assert "2099/101 (OJ L 901, fictional)" in shown["Regulation"]
    assert shown["Programmes"] == "SAMPLE-RUS"
    assert shown["Listed on"]  # 15 March 2024, as the locale writes it
    sanctions.table.selectRow(_row_of(page, "SEVERNAYA KVARTA"))
    shown = _details(page)
    assert shown["List"].startswith("UN sanctions list of ")
    assert shown["List id"] == "SKe.071"
    assert "SAMPLE-DPRK" in shown["Regulation"]

    sanctions.table.selectRow(_row_of(page, "LIN HAOXIANG"))
    with answering(qtbot, type_lines(DISMISSAL)):
        _click(qtbot, sanctions.dismiss_button)
    qtbot.waitUntil(lambda: model.index(_row_of(page, "LIN HAOXIANG"), 3).data() == "Dismissed")

    assert not page.rescreen_notice.isVisible()
    _import(qtbot, window, page, _newer_eu_list(tmp_path))
    qtbot.waitUntil(page.rescreen_notice.isVisible)
    notice = page.rescreen_notice.text()
    assert "new candidates to judge" in notice and COMPANY in notice
    assert "xmlFullSanctionsList_1_1.xml" in page.list_info.text()
    assert "sample-eu-fsf.xml" not in page.list_info.text(), "the newer EU list replaced it"
    new_row = _row_of(page, "Haoxiang Lin")
    assert model.index(new_row, 3).data() == "To judge · new"
    assert model.index(new_row, 4).data() == "EU sanctions list"
    assert model.index(_row_of(page, "LIN HAOXIANG"), 3).data().startswith("Dismissed")
    # The company the newer list no longer holds stays a candidate, marked as removed.
    removed_row = _row_of(page, "Severnaya Kvarta OOO")
    assert model.index(removed_row, 3).data() == "To judge · removed from the list"

    target = tmp_path / "filed" / "decision-record.pdf"
    target.parent.mkdir()
    with answering(qtbot, type_file_name(target)):
        window.actions[ActionId.PRINT_DECISION_RECORD].trigger()
    qtbot.waitUntil(target.exists, timeout=20000)
    _wait_idle(qtbot, page)

    with event_loop_watch.paused():
        text = " ".join(pdf_text(target).split())
    sanctions_part = text[text.index("4. Sanctions screening") : text.index("5. Decision")]
    for expected in (
        COMPANY,
        "EU sanctions list (Financial Sanctions Files) xmlFullSanctionsList_1_1.xml",
        "2026-12-01",
        "UN Security Council consolidated list sample-un-consolidated.xml",
        "2026-11-18",
        "Severnaya Kvarta OOO",
        "Regulation 2099/101 (OJ L 901, fictional) of 2024-03-15",
        "Listed on: 2024-03-15",
        "SEVERNAYA KVARTA",
        "Listed on: 2022-11-14",
        "Haoxiang Lin",
        "Listed on: 2026-12-01",
        DISMISSAL,
    ):
        assert expected in sanctions_part, expected
    assert date.today().year >= 2026
