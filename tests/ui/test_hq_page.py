from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QInputDialog
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from postkit.core import reference
from postkit.core.db import Database
from postkit.core.hq import summary as hq_summary
from postkit.core.hq.demo_exports import write_demo_exports
from postkit.core.hq.models import CollectedResponseRow, ReceivedExportRow
from postkit.ui.hq.page import HeadquartersPage
from postkit.ui.hq.summary_view import MISSING, Breakdown
from postkit.ui.ops import Job, Runner
from tests.conftest import TEST_PROFILE
from tests.ui.threads import functions_of, process_jobs


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Four posts' demo exports of five responses each, and a text file named like one."""
    folder = tmp_path_factory.mktemp("exports")
    files = write_demo_exports(folder, posts=4, responses=5)
    bad = folder / "notes.xlsx"
    bad.write_text("the minutes of the meeting, not an export")
    return [*files, bad]


@pytest.fixture
def page(qtbot: QtBot, database: Database, runner: Runner) -> Iterator[HeadquartersPage]:
    widget = HeadquartersPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(widget)
    yield widget
    if widget.job is not None:
        widget.job.wait()


def finish(qtbot: QtBot, job: Job | None) -> None:
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=60000):
        pass


def stored_counts(database: Database) -> tuple[int, int]:
    with database.session() as session:
        responses = session.scalar(select(func.count()).select_from(CollectedResponseRow))
        receipts = session.scalar(select(func.count()).select_from(ReceivedExportRow))
    return responses or 0, receipts or 0


def test_an_empty_store_explains_what_to_do(page: HeadquartersPage) -> None:
    assert page.stack.currentWidget() is page.empty_state
    assert "Add export files" in page.empty_label.text()
    assert not page.aggregate_button.isEnabled()
    assert not page.save_summary_button.isEnabled()


def test_aggregating_lists_the_refused_file_and_summarises_the_posts(
    qtbot: QtBot,
    page: HeadquartersPage,
    exports: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.add_paths(exports)
    assert page.queue_list.count() == 5
    assert page.aggregate_button.isEnabled()

    finish(qtbot, page.aggregate())

    assert page.stack.currentWidget() is page.results
    assert page.paths == []
    refused = page.refused_files()
    assert [name for name, _reason in refused] == ["notes.xlsx"]
    assert "not an .xlsx workbook" in refused[0][1]
    assert page.refused_box.isVisibleTo(page)
    report = page.last_report
    assert report is not None
    assert (len(report.accepted), report.added, report.replaced) == (4, 20, 0)
    assert "files accepted 4, refused 1" in page.run_label.text()

    assert len(page.posts_view.post_names()) == 4
    # Missing: the bilateral posts on headquarters' list that sent nothing.
    missing = page.posts_view.post_names(MISSING)
    bilateral = [p for p in reference.posts().posts if p.kind != "permanent_representation"]
    assert len(missing) == len(bilateral) - 4
    assert not set(missing) & set(page.posts_view.post_names())
    assert not page.posts_view.region_chart.is_empty

    likert = page.likert_view
    chart = likert.chart
    assert not chart.is_empty
    assert len(chart.categories) == len(page.summary.likert) > 0  # type: ignore[union-attr]
    assert chart.series[0][1][0] == round(page.summary.likert[0].overall.share_agreeing * 100)  # type: ignore[union-attr,operator]

    target = tmp_path / "out" / "summary"
    target.parent.mkdir()
    page.ask_save_path = lambda *_args: target  # type: ignore[method-assign]
    jobs = process_jobs(monkeypatch)
    finish(qtbot, page.save_summary())
    assert functions_of(jobs) == ["save_summary_xlsx"]  # written in a process of its own
    written = target.with_suffix(".xlsx")
    workbook = CalamineWorkbook.from_path(str(written))
    assert "posts" in workbook.sheet_names
    rows = workbook.get_sheet_by_name("posts").to_python()
    assert rows[0][:5] == ["post", "region", "region_label", "business", "responses"]
    assert len(rows) == 5 and all(row[4] == 5 for row in rows[1:])


def test_the_likert_chart_breaks_down_by_region_and_by_business(
    qtbot: QtBot, page: HeadquartersPage, exports: list[Path]
) -> None:
    page.add_paths(exports[:4])
    finish(qtbot, page.aggregate())
    likert = page.likert_view
    summary = page.summary
    assert summary is not None

    likert.set_group("clarity")
    likert.set_breakdown(Breakdown.REGION)
    chart = likert.chart
    assert chart is likert.breakdown_chart and not chart.is_empty
    regions = [summary.region_label(region.region) for region in summary.regions]
    assert [name for name, _values in chart.series] == regions
    clarity = [item for item in summary.likert if item.group == "clarity"]
    assert len(chart.categories) == len(clarity)
    assert likert.table.columnCount() == 6 + len(regions)

    likert.set_breakdown(Breakdown.BUSINESS)
    assert {name for name, _values in likert.chart.series} <= {"Low", "Medium", "High"}

    likert.set_breakdown(Breakdown.OVERALL)
    assert likert.chart is likert.overall_chart
    assert len(likert.chart.series) == 1
    bar = likert.chart.bars()[0]
    share = likert.chart.series[0][1][0]
    assert likert.chart.tooltip_text(bar).endswith(f": {share}%")  # a share says it is one


def test_cancelling_mid_run_stores_nothing(
    qtbot: QtBot,
    page: HeadquartersPage,
    exports: list[Path],
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.runner.isolate_jobs = False  # a fault injected into the work: on a thread, seen
    real_collect = hq_summary.collect_and_summarise

    def collect_then_cancel(session, paths, form, progress=None, **kwargs):  # type: ignore[no-untyped-def]
        def report(done: int, total: int) -> None:
            if done == 2:  # as if the user pressed Cancel after the second file
                assert page.job is not None
                page.job.cancel()
            progress(done, total)

        return real_collect(session, paths, form, report, **kwargs)

    monkeypatch.setattr(hq_summary, "collect_and_summarise", collect_then_cancel)
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.add_paths(exports)

    finish(qtbot, page.aggregate())

    assert stored_counts(database) == (0, 0)
    assert page.last_report is None
    assert page.stack.currentWidget() is page.empty_state
    assert len(page.paths) == 5  # the list stays, to try again
    assert page.aggregate_button.isEnabled()
    assert messages == ["Aggregation cancelled; nothing was stored."]


def test_aggregating_again_replaces_nothing_and_counts_once(
    qtbot: QtBot, page: HeadquartersPage, exports: list[Path], database: Database
) -> None:
    page.add_paths(exports[:4])
    finish(qtbot, page.aggregate())
    page.add_paths(exports[:4])
    finish(qtbot, page.aggregate())

    report = page.last_report
    assert report is not None
    assert (report.added, report.replaced, report.unchanged) == (0, 0, 20)
    assert page.summary is not None and page.summary.responses == 20
    assert stored_counts(database)[0] == 20
    assert page.tabs.indexOf(page.replaced_table) == -1


def test_showing_the_page_reads_what_is_stored(
    qtbot: QtBot, database: Database, runner: Runner, exports: list[Path]
) -> None:
    first = HeadquartersPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(first)
    first.add_paths(exports)
    finish(qtbot, first.aggregate())

    second = HeadquartersPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: second.summary is not None and second.job is None, timeout=30000)
    assert len(second.posts_view.post_names()) == 4
    assert [name for name, _reason in second.refused_files()] == ["notes.xlsx"]
    assert not second.run_label.isVisibleTo(second)


def test_files_and_folders_are_listed_once_and_can_be_taken_off(
    page: HeadquartersPage, exports: list[Path]
) -> None:
    page.ask_open_paths = lambda: exports[:2]  # type: ignore[method-assign]
    page.ask_folder = lambda: exports[0].parent  # type: ignore[method-assign]
    page.add_files()
    page.add_files()
    page.add_folder()
    assert page.paths == [*exports[:2], exports[0].parent]
    assert page.queue_title.text() == "To aggregate — files: 2, folders: 1"

    page.queue_list.item(0).setSelected(True)
    page.remove_selected_paths()
    assert page.paths == [exports[1], exports[0].parent]
    page.clear_paths()
    assert page.paths == [] and not page.queue_box.isVisibleTo(page)


def test_dropping_exports_and_folders_lists_them(
    page: HeadquartersPage, exports: list[Path], tmp_path: Path
) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("not an export")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (exports[0], exports[0].parent, other)])
    position = QPointF(10, 10)
    enter = QDragEnterEvent(
        position.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        position,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page, drop)
    assert page.paths == [exports[0], exports[0].parent]


def test_saving_the_report_writes_a_pdf(
    qtbot: QtBot,
    page: HeadquartersPage,
    exports: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.add_paths(exports)
    finish(qtbot, page.aggregate())
    page.ask_save_path = lambda *_args: tmp_path / "report.pdf"  # type: ignore[method-assign]
    messages: list[str] = []
    page.status_message.connect(messages.append)
    jobs = process_jobs(monkeypatch)
    finish(qtbot, page.save_report())
    assert functions_of(jobs) == ["save_aggregate_report"]  # written in a process of its own
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert messages == [f"Report written to {tmp_path / 'report.pdf'}"]


def _choose_in_dialog(qtbot: QtBot, starts_with: str, offered: list[list[str]]) -> QTimer:
    """Answer the survey question as a person does: pick the item in the dialog's list, OK."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog) or not dialog.isVisible():
            return
        timer.stop()
        box = dialog.findChild(QComboBox)
        assert box is not None
        items = [box.itemText(index) for index in range(box.count())]
        offered.append(items)
        box.setCurrentIndex(next(i for i, text in enumerate(items) if text.startswith(starts_with)))
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        qtbot.mouseClick(
            buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(answer)
    timer.start()
    return timer


def test_exports_of_several_surveys_are_aggregated_one_survey_at_a_time(
    qtbot: QtBot,
    page: HeadquartersPage,
    exports: list[Path],
    database: Database,
    runner: Runner,
    tmp_path: Path,
) -> None:
    from postkit.core.surveys.service import import_form
    from tests.hq_exports import write_check_in_exports, write_check_in_form

    form_file = write_check_in_form(tmp_path / "forms")
    with database.session() as session:
        import_form(session, form_file, "hq")
    check_ins = write_check_in_exports(tmp_path / "check-in", form_file, 2)
    page.add_paths([*exports[:4], *check_ins])

    offered: list[list[str]] = []
    timer = _choose_in_dialog(qtbot, "Post check-in", offered)
    finish(qtbot, page.aggregate())
    qtbot.waitUntil(lambda: page.job is None and page.last_report is not None, timeout=30000)
    timer.stop()
    # The survey with the most files is offered first.
    assert [item.split(" (")[0] for item in offered[0]] == [
        "Evaluation of the IMVO guidelines for posts",
        "Post check-in",
    ]
    assert offered[0][1].endswith("version 2026120101): 2 file(s)")
    summary = page.summary
    assert summary is not None and summary.form_id == "post_check_in"
    assert summary.responses == 6 and not page.refused_files()
    assert all(post.region != "unknown" for post in summary.posts)  # real posts, listed
    assert "Post check-in" in page.subtitle.text()
    assert page.paths == exports[:4]  # the evaluation's exports wait for their turn

    finish(qtbot, page.aggregate())  # one survey left: no question
    assert page.summary is not None
    assert page.summary.form_id == "imvo_guidelines_evaluation"
    assert page.summary.responses == 20 and page.paths == []

    again = HeadquartersPage(runner, TEST_PROFILE, "en")  # opening the page later
    qtbot.addWidget(again)
    finish(qtbot, again.refresh())
    assert again.summary is not None and again.summary.form_id == "imvo_guidelines_evaluation"
