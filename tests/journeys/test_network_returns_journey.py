"""Journey of issue 17: three posts write their annual returns, headquarters sees the network.

Three posts of the list, each with its own database of demo data (as `postkit demo seed` fills
it), write their return of last year in their own window: File ▸ Write annual return…, the
narrative typed in its dialog, the file saved in the folder headquarters receives. Beside them
lie the demo returns of other posts (`postkit demo returns`; a few posts left out, so some are
missing) and one return edited after it was written. Headquarters reads the folder in the
Network tab, sees the three among the posts reporting, the missing posts named and the edited
file refused, writes the network report and sends receipts; a post imports its receipt and sees
its return confirmed. The report's figures are compared with the posts' own dashboards and
returns.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
import subprocess
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from postkit.core import reference
from postkit.core.activities.demo import seed_demo
from postkit.core.activities.models import Activity
from postkit.core.db import Database, open_database
from postkit.core.demo_seed import seed_everything
from postkit.core.practices.models import PracticeRow
from postkit.core.profile import PostProfile, save_profile
from postkit.core.returns.demo import demo_posts, write_demo_returns
from postkit.core.returns.format import read_return, return_file_name
from postkit.core.returns.records import AnnualReturn
from postkit.ui.actions import ActionId
from postkit.ui.main_window import MainWindow
from tests.journeys.conftest import (
    EventLoopWatch,
    answering,
    choose_folder,
    choose_item,
    click_button,
    menu_command,
    open_main_window,
    pick_files,
    type_file_name,
)
from tests.pdf_text import pdf_text

YEAR = date.today().year - 1
# Three posts of the list in different regions, with different amounts of Dutch business.
OUR_POSTS = ("embassy-nairobi", "embassy-beijing", "embassy-lima")
DEMO_RETURNS = 144  # of the other 147 posts: three are left out (missing), one is edited
NARRATIVE = {
    "results": "Round tables on living wages in {0}; more companies asked about risks.",
    "obstacles": "Elections slowed the dialogue with the ministry in {0}.",
    "plans": "A sector session with the IMVO-steunpunt in {0}.",
}
TASK_LABELS = ("1. Expertise", "2. Awareness", "3. Support", "4. Conditions", "5. Agenda-setting")


def _profile(post: reference.Post) -> PostProfile:
    return PostProfile(post.en, (post.country,), f"Officer {post.city_en}")


def _demo_database(folder: Path) -> Path:
    """A database filled as `postkit demo seed` fills it (the demo post's log, register,
    screenings, survey and practices): what each post's own database starts from."""
    database = open_database(folder / "demo.sqlite3")
    seed_everything(database, activities=120)
    database.dispose()
    return folder / "demo.sqlite3"


def _post_database(template: Path, folder: Path, post: reference.Post, seed: int) -> Database:
    """The post's own database: the demo data made its own, and activities of its own."""
    folder.mkdir()
    shutil.copy(template, folder / "postkit.sqlite3")
    database = open_database(folder / "postkit.sqlite3")
    with database.session() as session:
        save_profile(session, _profile(post))
        seed_demo(session, activities=40 * seed, seed=seed)
        # The demo's log is the demo post's; this post keeps it as its own.
        session.execute(update(Activity).values(post_name=post.en))
        session.execute(update(PracticeRow).values(post_name=post.en))
        session.commit()
    return database


def write_narrative(post: reference.Post) -> object:
    """A handler that types the post's results, obstacles and plans and clicks Next…."""

    def handler(dialog: QWidget) -> None:
        boxes = {box.objectName(): box for box in dialog.findChildren(QPlainTextEdit)}
        for section, text in NARRATIVE.items():
            box = boxes[f"narrative-{section}"]
            box.clear()
            QTest.keyClicks(box, text.format(post.city_en))
        click_button("Next…")(dialog)

    return handler


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """Ctrl+`key` as a person presses it: to the widget with the focus in the window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(QApplication.focusWidget() or window, key, Qt.KeyboardModifier.ControlModifier)


def _dashboard(qtbot: QtBot, window: MainWindow) -> tuple[str, str]:
    """The Activities and Women figures the post's dashboard shows for YEAR."""
    press(qtbot, window, Qt.Key.Key_2)
    page = window.modules["dashboard"].page
    assert page is not None
    qtbot.waitUntil(lambda: page.isVisible() and not page.is_loading)
    combo = page.year_combo
    combo.setCurrentIndex(combo.findText(str(YEAR)))
    qtbot.waitUntil(lambda: page.year == YEAR and not page.is_loading, timeout=20000)
    window.runner.wait_idle()
    return page.activities_tile.value_label.text(), page.women_tile.value_label.text()


def _post_writes_its_return(
    qtbot: QtBot, window: MainWindow, post: reference.Post, out: Path
) -> None:
    commands = window.modules["activities"].commands
    with answering(qtbot, choose_item(str(YEAR)), write_narrative(post), type_file_name(out)):
        menu_command(window, "File", "Write annual return…")
    qtbot.waitUntil(lambda: commands.job is None and window.runner.is_idle, timeout=30000)
    qtbot.waitUntil(out.exists, timeout=30000)
    assert "Annual return written to" in window.statusBar().currentMessage()


def _edit(path: Path) -> None:
    """A return changed after it was written: core task 1's first figure, by hand in Excel."""
    workbook = load_workbook(path)
    cell = workbook["core_tasks"]["C2"]
    cell.value = int(cell.value) + 5  # type: ignore[arg-type]
    workbook.save(path)


def _tree_rows(tree: object) -> list[list[str]]:
    return [
        [tree.topLevelItem(row).text(col) for col in range(tree.columnCount())]  # type: ignore[attr-defined]
        for row in range(tree.topLevelItemCount())  # type: ignore[attr-defined]
    ]


def _task_lines(returns: Sequence[AnnualReturn]) -> list[tuple[int, int, int]]:
    """Per core task: posts with an activity done, activities done, unique companies."""
    return [
        (
            sum(1 for r in returns if r.figures(task).activities_done > 0),
            sum(r.figures(task).activities_done for r in returns),
            sum(r.figures(task).unique_companies for r in returns),
        )
        for task in range(1, 6)
    ]


@pytest.mark.slow
def test_three_posts_returns_reach_headquarters_and_their_receipts_return(
    qtbot: QtBot,
    main_window: MainWindow,
    event_loop_watch: EventLoopWatch,
    tmp_path: Path,
) -> None:
    posts = reference.posts()
    by_code = {post.code: post for post in posts.posts}
    ours = [by_code[code] for code in OUR_POSTS]
    folder = tmp_path / "to-hq"
    folder.mkdir()
    # The other posts' returns, as `postkit demo returns` writes them, written meanwhile in
    # two processes (as other posts write theirs far away): the first half of the demo's
    # posts, then the rest (the same posts and files as one run of it writes).
    half = [post.code for post in demo_posts(DEMO_RETURNS // 2, exclude=OUR_POSTS)]
    spawn = multiprocessing.get_context("spawn")
    others = [
        spawn.Process(
            target=write_demo_returns,
            args=(folder, DEMO_RETURNS // 2, YEAR),
            kwargs={"exclude": exclude},
        )
        for exclude in (OUR_POSTS, (*OUR_POSTS, *half))
    ]
    for process in others:
        process.start()
    with event_loop_watch.paused():
        template = _demo_database(tmp_path)

    # Each post, in its own window over its own database, writes its return.
    windows: list[MainWindow] = []
    dashboards: list[tuple[str, str]] = []
    for seed, post in enumerate(ours, 1):
        with event_loop_watch.paused():
            database = _post_database(template, tmp_path / post.code, post, seed)
        store = QSettings(str(tmp_path / f"{post.code}.ini"), QSettings.Format.IniFormat)
        window = open_main_window(qtbot, database, store, profile=_profile(post))
        windows.append(window)
        _post_writes_its_return(qtbot, window, post, folder / return_file_name(post.en, YEAR))
        dashboards.append(_dashboard(qtbot, window))

    with event_loop_watch.paused():
        for process in others:
            process.join(120)
            assert process.exitcode == 0
        demo = sorted(
            set(folder.glob("*.xlsx")) - {folder / return_file_name(p.en, YEAR) for p in ours}
        )
        assert len(demo) == DEMO_RETURNS
        edited = demo[0]
        counted = [read_return(path) for path in folder.glob("*.xlsx") if path != edited]
        _edit(edited)

    # Headquarters: the Network tab of the Headquarters page reads the folder for YEAR.
    hq_window = main_window
    press(qtbot, hq_window, Qt.Key.Key_6)
    hq = hq_window.hq_page
    qtbot.waitUntil(hq.isVisible)
    tab_bar = hq.page_tabs.tabBar()
    qtbot.mouseClick(tab_bar, Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(1).center())
    view = hq.network_view
    qtbot.waitUntil(view.isVisible)
    hq_window.runner.wait_idle()
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

    # The three among the posts reporting; the posts without a counted return named.
    listed = len(posts.posts)
    reporting = {posts.find(r.post).code for r in counted}  # type: ignore[union-attr]
    assert len(reporting) == len(counted) == DEMO_RETURNS - 1 + 3 and set(OUR_POSTS) <= reporting
    missing = [post for post in posts.posts if post.code not in reporting]
    text = view.totals_label.text()
    assert f"<b>{YEAR}</b>: returns of <b>{len(counted)}</b> of the {listed} posts" in text
    assert f"<b>{len(missing)}</b> missing; 1 refused files" in text
    named = {row[0] for row in _tree_rows(view.missing_tree)}
    assert named == {post.en for post in missing} and len(named) == 4
    assert not named & {post.en for post in ours}
    ((file_name, _post, reason),) = _tree_rows(view.refused_tree)
    assert file_name == edited.name and "checksum does not match" in reason
    lines = _task_lines(counted)
    assert [row[1:4] for row in _tree_rows(view.tasks_tree)] == [
        [f"{active} ({100 * active / len(counted):.0f}%)", f"{done:,}", f"{unique:,}"]
        for active, done, unique in lines
    ]

    # The network report: figures as the returns add up, the posts missing named.
    report = tmp_path / "network.pdf"
    with answering(qtbot, type_file_name(report)):
        qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.job is None and report.exists(), timeout=20000)
    with event_loop_watch.paused():
        pdf = pdf_text(report)
        # Looked at: tmp_path/page-1.png … (charts, tables, lists within the page).
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", str(report), str(tmp_path / "page")], check=True
        )
    flat = " ".join(pdf.split())
    assert (
        f"{len(counted)} of the {listed} posts on the list sent their annual return for {YEAR}. "
        f"Together they report {sum(done for _a, done, _u in lines)} activities and "
        f"{sum(unique for _a, _d, unique in lines)} companies supported" in flat
    )
    for label, (active, done, unique) in zip(TASK_LABELS, lines, strict=True):
        assert f"{label} {active} ({100 * active / len(counted):.0f}%) {done} {unique}" in flat
    assert f"Posts missing ({len(missing)})" in flat
    assert all(post.en in flat for post in missing)
    assert f"Files refused (1) file reason {edited.name[:20]}" in flat

    # The posts' own figures are what the network counts of them: the dashboard's activities
    # of the year are the return's (done, planned, cancelled), its women the return's.
    mine = {r.post: r for r in counted if r.post in {p.en for p in ours}}
    for post, (activities, women) in zip(ours, dashboards, strict=True):
        read = mine[post.en]
        assert activities == f"{sum(read.figures(t).activities for t in range(1, 6)):,}"
        assert women == f"{sum(read.figures(t).participants_women for t in range(1, 6)):,}"
        assert read.narrative == {k: v.format(post.city_en) for k, v in NARRATIVE.items()}
        assert read.post_code == post.code
    assert len({dashboard for dashboard in dashboards}) == 3  # each post its own year

    # Receipts: headquarters writes them and hands out its key once.
    receipts = tmp_path / "receipts"
    receipts.mkdir()
    with answering(qtbot, choose_folder(receipts)):
        hq_window.actions[ActionId.HQ_WRITE_RECEIPTS].trigger()
    qtbot.waitUntil(lambda: hq_window.runner.is_idle, timeout=20000)
    key_file = tmp_path / "headquarters.postkit-key"
    with answering(qtbot, type_file_name(key_file)):
        hq_window.actions[ActionId.HQ_EXPORT_RECEIPT_KEY].trigger()
    assert key_file.is_file()
    with event_loop_watch.paused():
        written = {json.loads(path.read_text("utf-8"))["post"]: path for path in receipts.iterdir()}
    assert len(written) == len(counted) + 1  # the edited file's post gets its refusal

    # Back at the first post: it stores headquarters' key and imports its receipt.
    post_window, post = windows[0], ours[0]
    press(qtbot, post_window, Qt.Key.Key_5)
    page = post_window.surveys_page
    qtbot.waitUntil(page.isVisible)
    tree = page.receipts_view.tree
    qtbot.waitUntil(lambda: page.receipts_view.job is None and tree.topLevelItemCount() == 1)
    status = tree.topLevelItem(0)
    assert status.text(4) == "Exported, not yet confirmed by headquarters"
    with answering(qtbot, pick_files([key_file])):
        post_window.actions[ActionId.IMPORT_RECEIPT_KEY].trigger()
    qtbot.waitUntil(lambda: post_window.runner.is_idle, timeout=20000)
    with answering(qtbot, pick_files([written[post.en]])):
        post_window.actions[ActionId.IMPORT_RECEIPT].trigger()
    qtbot.waitUntil(lambda: page.receipts_view.job is None, timeout=20000)
    post_window.runner.wait_idle()
    status = page.receipts_view.tree.topLevelItem(0)
    assert status.text(0) == return_file_name(post.en, YEAR)
    assert status.text(1) == f"Annual return {YEAR}"
    assert status.text(4) == "Confirmed by headquarters"
