from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.core.errors import PostkitError
from postkit.core.receipt_format import Receipt, ReceiptEntry
from postkit.core.receipt_signing import export_public_key, hq_signing_key
from postkit.core.surveys.demo import seed_survey_demo
from postkit.core.surveys.receipts import import_hq_key, list_sent_exports, record_sent_export
from postkit.ui.ops import Runner
from postkit.ui.surveys.page import SurveysPage
from postkit.ui.surveys.receipts_view import FILE, STATUS, ReceiptsView
from tests.conftest import TEST_PROFILE

POST = TEST_PROFILE.post_name
WAITING = "Exported, not yet confirmed by headquarters"
NOW = datetime.now(UTC).replace(microsecond=0)
SHA = {name: name[0] * 64 for name in ("a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx")}


@pytest.fixture
def sent(database: Database, tmp_path: Path) -> None:
    """Four exports: three written 20 days ago, one yesterday."""
    with database.session() as session:
        for name, age in (("a.xlsx", 20), ("b.xlsx", 20), ("c.xlsx", 20), ("d.xlsx", 1)):
            written = NOW - timedelta(days=age)
            record_sent_export(session, tmp_path / name, SHA[name], "form", "1", POST, 5, written)


def write_receipt(folder: Path, post: str = POST, signed: bool = False) -> Path:
    received = NOW - timedelta(days=19)
    entries = (
        ReceiptEntry("a.xlsx", SHA["a.xlsx"], received, "accepted", "", 5),
        ReceiptEntry("b.xlsx", SHA["b.xlsx"], received, "refused", "the file was changed", 0),
        ReceiptEntry("z.xlsx", "f" * 64, received, "accepted", "", 2),
    )
    path = folder / "receipt-embassy-testland-2026-03-01.postkit-receipt.json"
    key = hq_signing_key() if signed else None
    path.write_text(json.dumps(Receipt(post, NOW, entries).as_json(key)), encoding="utf-8")
    return path


@pytest.fixture
def view(qtbot: QtBot, runner: Runner, sent: None) -> ReceiptsView:
    widget = ReceiptsView(runner, TEST_PROFILE)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def rows(view: ReceiptsView) -> dict[str, tuple[str, str]]:
    view.runner.wait_idle()  # the list is read off the GUI thread
    tree = view.tree
    return {
        tree.topLevelItem(i).text(FILE): (
            tree.topLevelItem(i).data(STATUS, Qt.ItemDataRole.UserRole),
            tree.topLevelItem(i).text(STATUS),
        )
        for i in range(tree.topLevelItemCount())
    }


def drop_events(paths: list[Path]) -> tuple[QDragEnterEvent, QDropEvent, QMimeData]:
    """The events of dragging `paths` in and dropping them; keep the mime data alive with them."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    action, button, modifier = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(QPoint(5, 5), action, mime, button, modifier)
    drop = QDropEvent(QPointF(5, 5), action, mime, button, modifier)
    enter.setAccepted(False)
    return enter, drop, mime


def test_unconfirmed_exports_are_flagged_only_after_the_set_days(view: ReceiptsView) -> None:
    assert rows(view) == {
        "a.xlsx": ("overdue", "Not confirmed after 14 days"),
        "b.xlsx": ("overdue", "Not confirmed after 14 days"),
        "c.xlsx": ("overdue", "Not confirmed after 14 days"),
        "d.xlsx": ("waiting", WAITING),
    }
    view.runner.wait_idle()
    assert view.overdue_count() == 3
    assert view.tree.topLevelItem(0).text(FILE) == "d.xlsx"  # the newest first


def test_a_dropped_receipt_shows_sent_received_and_the_outcome(
    qtbot: QtBot, view: ReceiptsView, database: Database, tmp_path: Path
) -> None:
    receipt = write_receipt(tmp_path, signed=True)
    with database.session() as session:
        import_hq_key(session, export_public_key(tmp_path / "hq.postkit-key"), "Tess Tester")
    enter, drop, _mime = drop_events([receipt])
    QApplication.sendEvent(view, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(view.status_message) as message:
        view.dropEvent(drop)
    qtbot.waitUntil(lambda: view.job is None)
    assert message.args == ["Receipt imported (exports updated: 2)"]
    assert rows(view) == {
        "a.xlsx": ("accepted", "Confirmed by headquarters (responses counted: 5)"),
        "b.xlsx": ("refused", "Refused (the file was changed)"),
        "c.xlsx": ("overdue", "Not confirmed after 14 days"),
        "d.xlsx": ("waiting", WAITING),
    }
    accepted = next(
        view.tree.topLevelItem(i)
        for i in range(4)
        if view.tree.topLevelItem(i).text(FILE) == "a.xlsx"
    )
    assert accepted.text(2) and accepted.text(3) != "–"  # sent and received, in local time
    assert "z.xlsx" in view.summary.text() and view.summary.isVisibleTo(view)


def test_an_unsigned_receipt_is_not_shown_as_confirmed(
    qtbot: QtBot, view: ReceiptsView, tmp_path: Path
) -> None:
    view.import_receipts([write_receipt(tmp_path)])
    qtbot.waitUntil(lambda: view.job is None)
    assert rows(view)["a.xlsx"] == (
        "accepted",
        "Accepted, but the receipt is not signed (responses counted: 5)",
    )
    assert "The receipt is not signed: anybody could have written it." in view.summary.text()


def test_other_files_are_not_taken_when_dropped(view: ReceiptsView, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    enter, _drop, _mime = drop_events([notes])
    QApplication.sendEvent(view, enter)
    assert not enter.isAccepted()


def test_a_bad_receipt_is_reported_by_name_and_changes_nothing(
    qtbot: QtBot,
    view: ReceiptsView,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    receipt = write_receipt(tmp_path, post="Embassy Elsewhere")
    reported: list[str] = []
    monkeypatch.setattr(
        ReceiptsView,
        "report_errors",
        lambda _view, errors: reported.extend(str(error) for error in errors),
    )
    monkeypatch.setattr(ReceiptsView, "ask_receipt_paths", lambda _view: [receipt])
    view.import_button.click()
    qtbot.waitUntil(lambda: view.job is None)
    view.runner.wait_idle()
    assert reported == [
        f"{receipt.name}: a receipt for Embassy Elsewhere, not for this post ({POST})"
    ]
    with database.session() as session:
        assert {export.status for export in list_sent_exports(session)} == {""}
    assert not view.summary.isVisibleTo(view)


def test_the_error_message_lists_each_failed_file(view: ReceiptsView, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(
        "postkit.ui.surveys.receipts_view.show_error",
        lambda _parent, error: shown.append(str(error)),
    )
    view.report_errors([PostkitError("one.json: bad"), PostkitError("two.json: worse")])
    assert shown == ["one.json: bad\ntwo.json: worse"]


def test_the_surveys_page_lists_an_export_it_just_wrote(
    qtbot: QtBot,
    database: Database,
    runner: Runner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with database.session() as session:
        seed_survey_demo(session, [POST], respondents_per_post=2)
    monkeypatch.setattr(SurveysPage, "offer_draft", lambda _page: None)
    page = SurveysPage(runner, TEST_PROFILE)
    qtbot.addWidget(page)
    page.show()
    runner.wait_idle()
    target = tmp_path / "export.xlsx"
    monkeypatch.setattr(SurveysPage, "confirm_export", lambda *_args: True)
    monkeypatch.setattr(SurveysPage, "ask_save_path", lambda *_args: target)
    assert page.receipts_view.tree.topLevelItemCount() == 0
    page.export_responses()
    runner.wait_idle()
    qtbot.waitUntil(lambda: page.job is None)
    assert rows(page.receipts_view) == {"export.xlsx": ("waiting", WAITING)}


def test_an_annual_return_is_listed_as_one_with_its_receipt(
    qtbot: QtBot, runner: Runner, database: Database, tmp_path: Path
) -> None:
    from postkit.core.returns.receipts import receipt_entry, record_sent_return

    with database.session() as session:
        record_sent_return(session, str(tmp_path / "r.xlsx"), "e" * 64, POST, 2025, NOW)
    path = tmp_path / "receipt.postkit-receipt.json"
    entry = receipt_entry("r.xlsx", "e" * 64, NOW, "accepted", year=2025)
    path.write_text(
        json.dumps(Receipt(POST, NOW, (entry,)).as_json(hq_signing_key())), encoding="utf-8"
    )
    with database.session() as session:
        import_hq_key(session, export_public_key(tmp_path / "hq.key"), "Tess")
    widget = ReceiptsView(runner, TEST_PROFILE)
    qtbot.addWidget(widget)
    widget.import_receipts([path])
    qtbot.waitUntil(lambda: rows(widget).get("r.xlsx", ("", ""))[1] != WAITING, timeout=10000)
    item = widget.tree.topLevelItem(0)
    assert item.text(1) == "Annual return 2025"
    assert rows(widget)["r.xlsx"][1] == "Confirmed by headquarters"
