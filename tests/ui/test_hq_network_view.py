"""The headquarters page's Network tab, driven through its widgets: a folder of returns read,
the year's figures shown, a cancel holding nothing, the workbook and report written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from postkit.core import reference
from postkit.core.db import Database
from postkit.core.hq.models import NetworkReturnRow
from postkit.ui.hq.network_view import NetworkView
from postkit.ui.hq.page import HeadquartersPage
from postkit.ui.ops import Job, Runner
from tests.conftest import TEST_PROFILE
from tests.hq_returns_files import write_network_returns, write_return_file
from tests.pdf_text import pdf_text
from tests.ui.threads import functions_of, process_jobs


@pytest.fixture
def page(qtbot: QtBot, database: Database, runner: Runner) -> Iterator[HeadquartersPage]:
    widget = HeadquartersPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(widget)
    widget.page_tabs.setCurrentWidget(widget.network_view)
    yield widget
    if widget.network_view.job is not None:
        widget.network_view.job.wait()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Returns of 2025 from the first four posts of the list, and one changed file."""
    folder = tmp_path / "returns"
    write_network_returns(folder, 2025, reference.posts().posts[:4])
    write_return_file(folder / "changed.xlsx", "Embassy Lima", 2025, sha256="2" * 64)
    return folder


def finish(qtbot: QtBot, job: Job | None) -> None:
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=60000):
        pass


def rows(tree) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
        for i in range(tree.topLevelItemCount())
    ]


def test_a_folder_of_returns_is_read_and_the_year_shown_with_the_missing_posts(
    qtbot: QtBot, page: HeadquartersPage, folder: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    view = page.network_view
    assert "No annual returns held yet" in view.totals_label.text()
    assert not view.pdf_button.isEnabled()
    view.year_box.setValue(2025)
    if view.job is not None:  # the year changed: the picture of what is held (nothing)
        finish(qtbot, view.job)
    monkeypatch.setattr(view, "ask_folder", lambda: folder)
    messages: list[str] = []
    view.status_message.connect(messages.append)
    jobs = process_jobs(monkeypatch)

    view.read_button.click()
    finish(qtbot, view.job)

    assert messages == ["4 returns read, 1 refused"]
    text = view.totals_label.text()
    assert "<b>2025</b>: returns of <b>4</b> of the 150 posts on the list" in text
    assert "<b>146</b> missing" in text
    assert len(rows(view.tasks_tree)) == 5
    missing = [row[0] for row in rows(view.missing_tree)]
    assert len(missing) == 146 and reference.posts().posts[0].en not in missing
    assert rows(view.refused_tree)[0][:2] == ["changed.xlsx", "Embassy Lima"]
    assert view.tabs.tabText(4) == "Missing (146)"

    monkeypatch.setattr(view, "ask_save_path", lambda *args: tmp_path / "net.pdf")
    view.pdf_button.click()
    finish(qtbot, view.job)
    assert "Posts missing (146)" in pdf_text(tmp_path / "net.pdf")
    monkeypatch.setattr(view, "ask_save_path", lambda *args: tmp_path / "net")
    finish(qtbot, view.save_tables())
    assert "missing" in load_workbook(tmp_path / "net.xlsx", read_only=True).sheetnames
    # Each in a process of its own: on a thread they hold the interpreter the GUI needs.
    assert functions_of(jobs) == ["read_returns", "save_network_pdf", "save_network_xlsx"]


def _cancelled_as_it_reads(view: NetworkView, monkeypatch: pytest.MonkeyPatch) -> None:
    """The view's next reading is cancelled as it reads its first batch (on a thread: a fault
    injected into the work is seen there)."""
    from postkit.core.hq import network

    reading = network._read_batch

    def read_then_cancel(paths: list[Path]):  # type: ignore[no-untyped-def]
        assert view.job is not None
        view.job.cancel()
        return reading(paths)

    monkeypatch.setattr(network, "_read_batch", read_then_cancel)
    view.runner.isolate_jobs = False


def test_cancelling_the_reading_holds_no_return(
    qtbot: QtBot, page: HeadquartersPage, folder: Path, database: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    view = page.network_view
    _cancelled_as_it_reads(view, monkeypatch)
    messages: list[str] = []
    view.status_message.connect(messages.append)
    finish(qtbot, view.read_folder(folder))

    assert messages == ["Reading cancelled; no return was held."]
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(NetworkReturnRow)) == 0
    assert view.read_button.isEnabled()


def test_a_reading_asked_for_as_the_tab_is_first_shown_and_cancelled_shows_what_is_held(
    qtbot: QtBot, page: HeadquartersPage, folder: Path, database: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The tab loads what is held when first shown; a reading started in the same turn (the
    menu's command) goes first, and the load follows once the reading showed nothing."""
    from postkit.core.hq import network

    with database.session() as session:
        network.collect_returns(session, [folder])
    view = page.network_view
    _cancelled_as_it_reads(view, monkeypatch)
    page.show()  # the tab's first load is queued
    job = view.read_folder(folder)
    finish(qtbot, job)

    qtbot.waitUntil(lambda: view.job is None and view.picture is not None, timeout=20000)
    assert "returns of <b>4</b> of the 150 posts" in view.totals_label.text()
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(NetworkReturnRow)) == 4
