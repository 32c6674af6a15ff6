"""Headquarters reads a folder of the posts' annual returns in the app's Network tab (one file
in it changed after writing), sees the year's figures and the posts missing named, writes the
network report and sends receipts that name each return it received.

The returns are written to DESIGN17's format by tests/hq_returns_files.py; once the post side
(returns17) is merged, the journey of issue 17 writes three of them from posts' own databases.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from postkit.core import reference
from postkit.ui.actions import ActionId
from postkit.ui.main_window import MainWindow
from tests.hq_returns_files import write_network_returns, write_return_file
from tests.journeys.conftest import EventLoopWatch, answering, choose_folder, type_file_name
from tests.pdf_text import pdf_text

YEAR = 2026
REPORTING = 40  # of the 150 posts on the list


@pytest.mark.slow
def test_headquarters_reads_the_returns_sees_the_network_and_sends_receipts(
    qtbot: QtBot, main_window: MainWindow, event_loop_watch: EventLoopWatch, tmp_path: Path
) -> None:
    window = main_window
    posts = reference.posts().posts
    folder = tmp_path / "returns"
    with event_loop_watch.paused():
        write_network_returns(folder, YEAR, posts[:REPORTING])
        changed = write_return_file(
            folder / "quito-changed.xlsx", posts[REPORTING].en, YEAR, sha256="4" * 64
        )

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier
    )
    hq = window.hq_page
    qtbot.waitUntil(hq.isVisible)
    tab_bar = hq.page_tabs.tabBar()
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(1).center())
    view = hq.network_view
    qtbot.waitUntil(view.isVisible)
    window.runner.wait_idle()  # the tab reads the returns held when first shown
    qtbot.waitUntil(lambda: view.job is None and view.year_box.isEnabled())
    year = view.year_box.lineEdit()
    year.setFocus()
    QTest.keyClick(year, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(year, str(YEAR))
    QTest.keyClick(year, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.job is None and view.year_box.value() == YEAR)

    with answering(qtbot, choose_folder(folder)):
        qtbot.mouseClick(view.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.job is None and view.picture is not None, timeout=60000)

    text = view.totals_label.text()
    missing = len(posts) - REPORTING
    assert f"<b>{YEAR}</b>: returns of <b>{REPORTING}</b> of the {len(posts)} posts" in text
    assert f"<b>{missing}</b> missing; 1 refused files" in text
    missing_tree = view.missing_tree
    named = {
        missing_tree.topLevelItem(row).text(0) for row in range(missing_tree.topLevelItemCount())
    }
    assert posts[REPORTING].en in named and posts[0].en not in named and len(named) == missing
    refused = view.refused_tree.topLevelItem(0)
    assert (refused.text(0), refused.text(1)) == ("quito-changed.xlsx", posts[REPORTING].en)

    report = tmp_path / "network.pdf"
    with answering(qtbot, type_file_name(report)):
        qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.job is None and report.exists(), timeout=20000)
    with event_loop_watch.paused():
        pdf = pdf_text(report)
    assert f"The network's IMVO work in {YEAR}" in pdf
    assert f"Posts missing ({missing})" in pdf
    assert f"{REPORTING} of the {len(posts)} posts on the list sent their annual return" in pdf

    receipts = tmp_path / "receipts"
    receipts.mkdir()
    with answering(qtbot, choose_folder(receipts)):
        window.actions[ActionId.HQ_WRITE_RECEIPTS].trigger()
    qtbot.waitUntil(lambda: window.runner.is_idle, timeout=20000)
    with event_loop_watch.paused():
        written = [json.loads(path.read_text("utf-8")) for path in receipts.iterdir()]
        first = folder / f"return-{YEAR}-{posts[0].code}.xlsx"
        digest = hashlib.sha256(first.read_bytes()).hexdigest()
        changed_digest = hashlib.sha256(changed.read_bytes()).hexdigest()
    assert len(written) == REPORTING + 1
    entries = {entry["file_sha256"]: entry for receipt in written for entry in receipt["files"]}
    assert entries[digest]["status"] == "accepted"
    assert entries[changed_digest]["status"] == "refused"
