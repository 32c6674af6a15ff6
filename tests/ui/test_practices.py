from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.db import Database
from postkit.core.db.database import connect
from postkit.core.practices.exchange import export_practices, import_practices
from postkit.core.practices.records import PracticeInput
from postkit.core.practices.service import (
    create_practice,
    get_practice,
    list_conflicts,
    list_practices,
    update_practice,
)
from postkit.core.profile import PostProfile, save_profile
from postkit.ui.ops import Runner
from postkit.ui.practices import page as page_module
from postkit.ui.practices import presentation as presentation_module
from postkit.ui.practices import reader
from postkit.ui.practices.page import PracticesPage
from postkit.ui.practices.presentation import PresentationView
from postkit.ui.practices.table_model import PracticeListModel, PracticeTableModel
from tests.conftest import TEST_PROFILE

LIVING_WAGE = PracticeInput(
    title="Living-wage roundtable with flower growers",
    core_tasks=(2, 3),
    post_name="Embassy Nairobi",
    country="KE",
    year=2024,
    summary="Growers compared **wage data** with *unions*.",
    what_was_done="- Mapped the gap\n- Hosted two roundtables",
    lessons="Bring data.",
    language="en",
    status="published",
    themes=("living_wage",),
    sectors=(),
)
GENDER = replace(
    LIVING_WAGE,
    title="Gender-responsive due diligence training",
    core_tasks=(1,),
    country="VN",
    summary="A training for agri-food exporters on women's rights in supply chains.",
    what_was_done="Two workshops.",
    lessons="",
    language="nl",
    status="draft",
    themes=("gender",),
)


def _add(database: Database, data: PracticeInput = LIVING_WAGE, **changes: object) -> int:
    with database.session() as session:
        return create_practice(session, replace(data, **changes), "Tess").id  # type: ignore[arg-type]


def _titles(page: PracticesPage) -> list[str]:
    page.runner.wait_idle()  # the rows are read off the GUI thread
    model = page.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.fixture
def page(qtbot: QtBot, database: Database, runner: Runner) -> Iterator[PracticesPage]:
    widget = PracticesPage(runner, TEST_PROFILE, "en")
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    if widget.job is not None:
        widget.job.wait()


@pytest.fixture
def other_post(template_database: Path, tmp_path: Path) -> Iterator[Database]:
    """A second database standing in for another post."""
    path = tmp_path / "other" / "postkit.sqlite3"
    path.parent.mkdir()
    shutil.copy(template_database, path)
    database = connect(path)
    with database.session() as session:
        save_profile(session, PostProfile("Embassy Hanoi", ("VN",), "Hoa"))
    yield database
    database.dispose()


def _wait_for_job(qtbot: QtBot, page: PracticesPage) -> None:
    qtbot.waitUntil(lambda: page.job is None, timeout=10000)
    page.runner.wait_idle()  # and what the job's end asked the database


# -- models ------------------------------------------------------------------------------


def test_the_models_pass_the_model_tester(
    qtmodeltester, database: Database, runner: Runner
) -> None:  # type: ignore[no-untyped-def]
    _add(database)
    _add(database, GENDER)
    model = PracticeListModel(runner)
    qtmodeltester.check(model)
    qtmodeltester.check(PracticeTableModel(model))


# -- browsing ----------------------------------------------------------------------------


def test_filters_and_search_narrow_the_cards(
    qtbot: QtBot, page: PracticesPage, database: Database
) -> None:
    _add(database)
    _add(database, GENDER)
    page.reload()
    assert sorted(_titles(page)) == sorted([LIVING_WAGE.title, GENDER.title])
    assert page.results.currentWidget() is page.cards
    assert page.count_label.text() == "2 practices"

    page.theme.setCurrentIndex(page.theme.findData("gender"))
    assert _titles(page) == [GENDER.title]
    page.theme.setCurrentIndex(0)
    page.core_task.setCurrentIndex(page.core_task.findData(3))
    assert _titles(page) == [LIVING_WAGE.title]
    page.core_task.setCurrentIndex(0)
    page.region.setCurrentIndex(page.region.findData("asia"))
    assert _titles(page) == [GENDER.title]
    page.region.setCurrentIndex(0)
    page.language.setCurrentIndex(page.language.findData("nl"))
    assert _titles(page) == [GENDER.title]
    page.language.setCurrentIndex(0)
    page.status.setCurrentIndex(page.status.findData("published"))
    assert _titles(page) == [LIVING_WAGE.title]
    page.status.setCurrentIndex(0)

    qtbot.keyClicks(page.search, "roundtable")
    assert _titles(page) == [LIVING_WAGE.title]
    qtbot.keyClicks(page.search, " zzz")
    assert _titles(page) == []
    assert page.results.currentWidget() is page.empty_label
    assert "No practice matches" in page.empty_label.text()
    page.clear_filters()
    assert len(_titles(page)) == 2


def test_search_ranks_a_title_hit_above_a_hit_in_the_text(
    qtbot: QtBot, page: PracticesPage, database: Database
) -> None:
    _add(database, title="Supplier visits", summary="We discussed a living wage at length.")
    _add(database, title="Living wage benchmark for cut flowers", summary="Benchmarks.")
    page.reload()
    qtbot.keyClicks(page.search, "living wage")
    assert _titles(page)[0] == "Living wage benchmark for cut flowers"


def test_an_empty_library_says_how_to_start(page: PracticesPage) -> None:
    assert page.results.currentWidget() is page.empty_label
    assert "No good practices yet" in page.empty_label.text()


def test_the_list_view_keeps_the_selection(page: PracticesPage, database: Database) -> None:
    first = _add(database)
    second = _add(database, GENDER)
    page.reload(select_ids=[second])
    page.runner.wait_idle()
    assert page.selected_ids() == [second]
    page.list_button.click()
    assert page.results.currentWidget() is page.table
    assert page.selected_ids() == [second]
    assert page.table.model().index(0, 0).data() in (LIVING_WAGE.title, GENDER.title)
    page.select_ids([first])
    page.card_button.click()
    assert page.results.currentWidget() is page.cards
    assert page.selected_ids() == [first]


# -- reading -----------------------------------------------------------------------------


def test_the_reading_view_renders_markdown_and_marks_the_practice_used(
    qtbot: QtBot, page: PracticesPage, database: Database
) -> None:
    practice_id = _add(database)
    page.reload()
    page.runner.wait_idle()
    index = page.model.index(0, 0)
    rect = page.cards.visualRect(index)
    qtbot.mouseClick(page.cards.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.cards.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page.runner.wait_idle()
    assert page.is_reading
    document = page.reader.text.document()
    plain = document.toPlainText()
    assert "wage data" in plain and "**" not in plain and "- Mapped" not in plain
    html = document.toHtml()
    assert "font-weight:700" in html and "font-style:italic" in html
    assert "Lessons for other posts" in plain
    assert "Kenya" in page.reader.facts.text() and "Africa" in page.reader.facts.text()

    assert page.reader.mark_used_button.isEnabled()
    qtbot.mouseClick(page.reader.mark_used_button, Qt.MouseButton.LeftButton)
    page.runner.wait_idle()
    with database.session() as session:
        uses = get_practice(session, practice_id).uses
    assert [(u.post_name, u.user_name) for u in uses] == [
        (TEST_PROFILE.post_name, TEST_PROFILE.user_name)
    ]
    assert not page.reader.mark_used_button.isEnabled()
    assert TEST_PROFILE.post_name in page.reader.facts.text()
    assert page.model.row_at(0).uses == 1

    qtbot.keyClick(page.reader.text, Qt.Key.Key_Escape)
    assert not page.is_reading
    assert page.selected_ids() == [practice_id]


def test_an_attachment_opens_with_one_click(
    page: PracticesPage, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from postkit.core.practices.service import add_attachment

    source = tmp_path / "checklist.txt"
    source.write_text("due diligence checklist")
    practice_id = _add(database)
    with database.session() as session:
        add_attachment(session, database.files_dir, practice_id, source, "Tess")
    opened: list[QUrl] = []
    monkeypatch.setattr(reader.QDesktopServices, "openUrl", lambda url: opened.append(url))
    page.open_practice(practice_id)
    page.runner.wait_idle()
    facts = page.reader.facts.text()
    assert "checklist.txt" in facts
    href = facts.split("href='", 1)[1].split("'", 1)[0]
    page.reader.facts.linkActivated.emit(href)
    [url] = opened
    path = Path(url.toLocalFile())
    assert path.read_text() == "due diligence checklist"
    assert database.files_dir in path.parents


# -- editing -----------------------------------------------------------------------------


def test_a_new_practice_is_validated_as_it_is_typed_then_saved(
    qtbot: QtBot, page: PracticesPage, database: Database
) -> None:
    dialog = page.new_practice()
    assert dialog.year.value() == date.today().year
    assert not dialog.ok_button.isEnabled()
    assert "title" in dialog.error_label.text()
    qtbot.keyClicks(dialog.title_edit, "Cocoa sector dialogue")
    assert not dialog.ok_button.isEnabled()
    assert "core task" in dialog.error_label.text()
    dialog.core_task_boxes[4].setChecked(True)
    assert dialog.ok_button.isEnabled()
    dialog.summary.setPlainText("Three *cocoa* traders met NGOs.")
    dialog.themes.set_checked_codes(["child_labour"])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert _titles(page) == ["Cocoa sector dialogue"]
    with database.session() as session:
        [row] = list_practices(session)
        record = get_practice(session, row.id)
    assert record.data.core_tasks == (4,)
    assert record.data.post_name == TEST_PROFILE.post_name
    assert record.data.country == TEST_PROFILE.countries[0]
    assert record.data.themes == ("child_labour",)
    assert record.data.status == "draft"
    assert page.selected_ids() == [row.id]


def test_editing_from_the_reading_view_updates_it(
    qtbot: QtBot, page: PracticesPage, database: Database
) -> None:
    practice_id = _add(database)
    page.reload()
    page.open_practice(practice_id)
    page.runner.wait_idle()
    qtbot.mouseClick(page.reader.edit_button, Qt.MouseButton.LeftButton)
    page.runner.wait_idle()
    dialog = page.editor
    assert dialog is not None and dialog.title_edit.text() == LIVING_WAGE.title
    dialog.title_edit.setText("Living-wage roundtable, second round")
    dialog.lessons.setPlainText("**Start small.**")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    page.runner.wait_idle()
    assert page.reader.title_label.text() == "Living-wage roundtable, second round"
    assert "Start small." in page.reader.text.document().toPlainText()
    assert _titles(page) == ["Living-wage roundtable, second round"]


def test_an_edit_is_undone_and_redone_as_new_versions(
    qtbot: QtBot, page: PracticesPage, database: Database
) -> None:
    practice_id = _add(database)
    page.reload()
    page.open_practice(practice_id)
    page.runner.wait_idle()
    with database.session() as session:
        first = get_practice(session, practice_id)
    qtbot.mouseClick(page.reader.edit_button, Qt.MouseButton.LeftButton)
    page.runner.wait_idle()
    dialog = page.editor
    assert dialog is not None
    dialog.title_edit.setText("Living-wage roundtable, second round")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    page.runner.wait_idle()
    assert page.undo_stack.undoText() == "Edit practice “Living-wage roundtable, second round”"

    page.undo_stack.undo()
    page.runner.wait_idle()

    assert page.reader.title_label.text() == LIVING_WAGE.title
    assert _titles(page) == [LIVING_WAGE.title]
    with database.session() as session:
        undone = get_practice(session, practice_id)
    assert undone.data == first.data
    assert undone.version != first.version, "an undo travels to other posts as a newer version"

    page.undo_stack.redo()
    page.runner.wait_idle()

    assert page.reader.title_label.text() == "Living-wage roundtable, second round"
    assert _titles(page) == ["Living-wage roundtable, second round"]


def test_promoting_an_activity_opens_its_draft_in_the_editor(
    page: PracticesPage, database: Database
) -> None:
    with database.session() as session:
        activity = create_activity(
            session,
            ActivityInput(
                core_task=3,
                title="Trade mission on circular textiles",
                start_date=date(2024, 9, 12),
                activity_type="trade_mission",
                description="Ten companies visited recyclers.",
                themes=("circular_economy",),
            ),
            "Tess",
        )
    page.promote_activity(activity.id)
    page.runner.wait_idle()
    dialog = page.editor
    assert dialog is not None
    assert dialog.title_edit.text() == "Trade mission on circular textiles"
    assert dialog.what_was_done.toPlainText() == "Ten companies visited recyclers."
    assert dialog.core_task_boxes[3].isChecked()
    assert dialog.year.value() == 2024
    assert _titles(page) == ["Trade mission on circular textiles"]
    dialog.reject()


def test_delete_asks_first(
    page: PracticesPage, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = _add(database)
    gone = _add(database, GENDER)
    page.reload(select_ids=[gone])
    page.runner.wait_idle()
    questions: list[str] = []

    def refuse(_parent, _title, text, _action):  # type: ignore[no-untyped-def]
        questions.append(text)
        return False

    monkeypatch.setattr(page_module, "confirm", refuse)
    assert not page.delete_selected()
    assert questions and len(_titles(page)) == 2
    monkeypatch.setattr(page_module, "confirm", lambda *args: True)
    assert page.delete_selected()
    assert _titles(page) == [LIVING_WAGE.title]
    with database.session() as session:
        assert [row.id for row in list_practices(session)] == [keep]


# -- sharing -----------------------------------------------------------------------------


def test_importing_a_file_from_another_post_shows_what_was_added(
    qtbot: QtBot, page: PracticesPage, database: Database, other_post: Database, tmp_path: Path
) -> None:
    _add(other_post, title="Hanoi garment dialogue", country="VN")
    exchange = tmp_path / "hanoi.postkit"
    with other_post.session() as session:
        assert export_practices(session, other_post.files_dir, exchange) == 1

    page.import_files([exchange])
    _wait_for_job(qtbot, page)
    dialog = page.summary_dialog
    assert dialog is not None
    assert dialog.headline.text().startswith("1 added")
    assert "Hanoi garment dialogue" in dialog.details.text()
    assert dialog.resolve_button is None
    assert _titles(page) == ["Hanoi garment dialogue"]
    dialog.reject()

    page.import_files([exchange])
    _wait_for_job(qtbot, page)
    assert page.summary_dialog is not None
    assert page.summary_dialog.headline.text().startswith("0 added, 0 updated, 1 unchanged")
    assert "already here" in page.summary_dialog.details.text()


def test_a_bad_file_is_named_with_its_problem(
    qtbot: QtBot, page: PracticesPage, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.postkit"
    bad.write_bytes(b"this is not a zip")
    page.import_files([bad])
    _wait_for_job(qtbot, page)
    assert page.summary_dialog is not None
    details = page.summary_dialog.details.text()
    assert "broken.postkit" in details
    assert "not imported" in page.summary_dialog.headline.text()


def _conflicting_file(database: Database, other_post: Database, tmp_path: Path) -> tuple[int, Path]:
    """A practice shared with the other post, then edited at both; returns our id and the
    other post's export."""
    practice_id = _add(database)
    first = tmp_path / "first.postkit"
    with database.session() as session:
        export_practices(session, database.files_dir, first)
    with other_post.session() as session:
        import_practices(session, other_post.files_dir, [first])
        [theirs] = list_practices(session)
        update_practice(
            session, theirs.id, replace(LIVING_WAGE, title="Their title", lessons="Theirs."), "Hoa"
        )
    back = tmp_path / "back.postkit"
    with other_post.session() as session:
        export_practices(session, other_post.files_dir, back)
    with database.session() as session:
        update_practice(session, practice_id, replace(LIVING_WAGE, title="Our title"), "Tess")
    return practice_id, back


@pytest.mark.parametrize(("button", "kept_title"), [("take", "Their title"), ("keep", "Our title")])
def test_a_conflict_shows_both_versions_and_keeps_the_chosen_one(
    qtbot: QtBot,
    page: PracticesPage,
    database: Database,
    other_post: Database,
    tmp_path: Path,
    button: str,
    kept_title: str,
) -> None:
    practice_id, back = _conflicting_file(database, other_post, tmp_path)
    page.reload()
    page.import_files([back])
    _wait_for_job(qtbot, page)
    summary = page.summary_dialog
    assert summary is not None and "1 in conflict" in summary.headline.text()
    assert summary.resolve_button is not None
    assert page.resolve_button.isVisible()
    qtbot.mouseClick(summary.resolve_button, Qt.MouseButton.LeftButton)
    page.runner.wait_idle()

    dialog = page.conflict_dialog
    assert dialog is not None
    assert "Title" in dialog.changed and "Lessons for other posts" in dialog.changed
    assert "Summary" not in dialog.changed
    ours, theirs = dialog.cells["Title"]
    assert (ours.text(), theirs.text()) == ("Our title", "Their title")
    assert ours.property("changed") and not dialog.cells["Summary"][0].property("changed")
    target = dialog.take_theirs_button if button == "take" else dialog.keep_ours_button
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    page.runner.wait_idle()

    assert page.conflict_dialog is None
    with database.session() as session:
        assert get_practice(session, practice_id).data.title == kept_title
    assert _titles(page) == [kept_title]
    assert not page.resolve_button.isVisible()


def test_deciding_later_keeps_the_conflict_waiting(
    qtbot: QtBot, page: PracticesPage, database: Database, other_post: Database, tmp_path: Path
) -> None:
    _practice_id, back = _conflicting_file(database, other_post, tmp_path)
    with database.session() as session:
        import_practices(session, database.files_dir, [back])
    page.reload()
    page.runner.wait_idle()
    assert page.resolve_button.isVisible()
    assert "An imported practice was also edited here" in page.conflict_notice.text()
    page.resolve_conflicts()
    page.runner.wait_idle()
    dialog = page.conflict_dialog
    assert dialog is not None
    dialog.reject()
    page.runner.wait_idle()
    assert page.conflicts_pending == 1
    with database.session() as session:
        assert len(list_conflicts(session)) == 1
    assert page.resolve_button.isVisible()


def test_dropping_a_postkit_file_imports_it(
    qtbot: QtBot, page: PracticesPage, other_post: Database, tmp_path: Path
) -> None:
    _add(other_post, title="Dropped practice")
    exchange = tmp_path / "drop.postkit"
    with other_post.session() as session:
        export_practices(session, other_post.files_dir, exchange)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(exchange)), QUrl.fromLocalFile(str(tmp_path / "x.txt"))])
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dropEvent(drop)
    assert drop.isAccepted()
    _wait_for_job(qtbot, page)
    assert _titles(page) == ["Dropped practice"]


def test_files_dropped_on_the_main_window_reach_the_page(
    qtbot: QtBot, page: PracticesPage, other_post: Database, tmp_path: Path
) -> None:
    _add(other_post, title="Dropped on the window")
    exchange = tmp_path / "window.postkit"
    with other_post.session() as session:
        export_practices(session, other_post.files_dir, exchange)
    window = QWidget()
    qtbot.addWidget(window)
    page.accept_drops_on(window)
    window.show()
    qtbot.waitExposed(window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(exchange))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers a Drop only inside a real drag, so the installed filter gets it directly.
    [forwarder] = page._drop_forwarders
    assert forwarder.eventFilter(window, drop)
    _wait_for_job(qtbot, page)
    assert _titles(page) == ["Dropped on the window"]


def test_export_writes_the_selection_to_a_postkit_file(
    qtbot: QtBot, database: Database, runner: Runner, tmp_path: Path
) -> None:
    chosen = tmp_path / "out" / "ours"
    chosen.parent.mkdir()
    page = PracticesPage(runner, TEST_PROFILE, "en", ask_path=lambda *args: chosen)
    qtbot.addWidget(page)
    first = _add(database)
    _add(database, GENDER, status="published")
    page.reload(select_ids=[first])
    page.runner.wait_idle()
    page.export_to_file(page.selected_ids())
    _wait_for_job(qtbot, page)
    assert page.last_export == (chosen.with_suffix(".postkit"), 1)
    assert chosen.with_suffix(".postkit").is_file()


# -- trainer mode ------------------------------------------------------------------------


@pytest.fixture
def presentation(qtbot: QtBot, database: Database, runner: Runner) -> Iterator[PresentationView]:
    _add(database)
    _add(database, GENDER)
    _add(
        database, title="Child labour in cocoa", core_tasks=(5,), themes=("gender", "child_labour")
    )
    view = PresentationView(runner, "en")
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    runner.wait_idle()
    view.setFocus()
    yield view
    if view.job is not None:
        view.job.wait()


def test_the_presentation_moves_with_the_keys(qtbot: QtBot, presentation: PresentationView) -> None:
    view = presentation
    assert view.counter_label.text() == "1 / 3"
    assert view.toolbar.isVisible()
    first = view.title_label.text()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.counter_label.text() == "2 / 3"
    assert view.title_label.text() != first
    assert not view.toolbar.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.position == 2
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.position == 2
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.position == 1
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.title_label.text() == first
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.counter_label.text() == "3 / 3"
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.position == 1


def test_the_presentation_filter_narrows_the_set(presentation: PresentationView) -> None:
    view = presentation
    view.choose_set("theme", "gender")
    view.runner.wait_idle()
    assert view.counter_label.text() == "1 / 2"
    assert view.set_combo.currentText() == "Theme: Gender"
    titles = set()
    for _ in view.practice_ids:
        titles.add(view.title_label.text())
        view.go_to(view.position + 1)
    assert titles == {GENDER.title, "Child labour in cocoa"}
    view.choose_set("core_task", 3)
    view.runner.wait_idle()
    assert view.counter_label.text() == "1 / 1"
    assert view.title_label.text() == LIVING_WAGE.title
    view.choose_set("core_task", 4)
    view.runner.wait_idle()
    assert view.counter_label.text() == "0 / 0"
    assert "No practice" in view.title_label.text()
    view.choose_set(None)
    view.runner.wait_idle()
    assert len(view.practice_ids) == 3


def test_escape_leaves_the_presentation(qtbot: QtBot, presentation: PresentationView) -> None:
    with qtbot.waitSignal(presentation.closed):
        qtbot.keyClick(presentation, Qt.Key.Key_Escape)
    assert not presentation.isVisible()


def test_the_presentation_shows_large_markdown_type(presentation: PresentationView) -> None:
    view = presentation
    view.choose_set("core_task", 3)
    view.runner.wait_idle()
    document = view.body.document()
    assert "wage data" in document.toPlainText() and "**" not in document.toPlainText()
    assert "font-weight:700" in document.toHtml()
    assert document.defaultFont().pixelSize() >= 16
    assert view.title_label.font().pixelSize() > 2 * view.hint_label.font().pixelSize()


def test_reset_demo_is_offered_only_in_demo_mode_and_says_what_it_does(
    qtbot: QtBot, database: Database, runner: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = PresentationView(runner, "en")
    qtbot.addWidget(plain)
    assert plain.reset_button.isHidden()
    calls: list[str] = []

    def reset() -> None:
        calls.append("reset")
        _add(database, title="Seeded again")

    demo = PresentationView(runner, "en", reset_demo=reset)
    qtbot.addWidget(demo)
    runner.wait_idle()
    assert not demo.reset_button.isHidden()
    assert demo.practice_ids == []
    asked: list[str] = []
    answer = [False]

    def ask(_parent: object, _title: str, text: str, _action: str) -> bool:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(presentation_module, "confirm", ask)
    qtbot.mouseClick(demo.reset_button, Qt.MouseButton.LeftButton)
    assert calls == []  # cancelled: the reset first says what it does
    assert "as they were" in asked[0] and "own database is never touched" in asked[0]
    answer[0] = True
    qtbot.mouseClick(demo.reset_button, Qt.MouseButton.LeftButton)
    runner.wait_idle()
    assert calls == ["reset"]
    assert demo.title_label.text() == "Seeded again"


def test_the_presentation_opens_on_the_chosen_practice(
    qtbot: QtBot, page: PracticesPage, database: Database
) -> None:
    ids = [_add(database, title=title) for title in ("First", "Second", "Third")]
    page.reload()
    page.runner.wait_idle()
    page.select_ids([ids[0]])  # the oldest: shown last, newest first
    view = page.present()
    qtbot.addWidget(view)
    page.runner.wait_idle()
    assert view.title_label.text() == "First"
    assert view.counter_label.text() == "3 / 3"
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.title_label.text() == "Second"
    view.close()
    page.show_library()
    page.select_ids([ids[1]])
    page.open_practice(ids[1])
    page.runner.wait_idle()
    view = page.present()
    qtbot.addWidget(view)
    page.runner.wait_idle()
    assert view.title_label.text() == "Second", "the practice being read is the chosen one"
    view.close()


def test_the_page_opens_the_presentation_full_screen(
    qtbot: QtBot, page: PracticesPage, database: Database
) -> None:
    _add(database)
    view = page.present()
    qtbot.addWidget(view)
    page.runner.wait_idle()
    assert view.isFullScreen() or view.windowState() & Qt.WindowState.WindowFullScreen
    assert view.reset_button.isHidden()
    view.close()
    assert page.presentation is None


def test_the_booklet_button_writes_a_pdf_of_the_set(
    qtbot: QtBot, database: Database, runner: Runner, tmp_path: Path
) -> None:
    _add(database)
    _add(database, GENDER)
    asked: list[str] = []

    def ask_path(_parent, kind, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(kind)
        asked.append(suggested)
        return tmp_path / "handout"

    view = PresentationView(runner, "en", ask_path=ask_path)
    qtbot.addWidget(view)
    view.choose_set("theme", "gender")
    runner.wait_idle()
    qtbot.mouseClick(view.booklet_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.job is None, timeout=20000)
    pdf = tmp_path / "handout.pdf"
    assert asked == ["booklet", "good-practices.pdf"]
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_library_booklet_takes_the_selection(
    qtbot: QtBot, database: Database, runner: Runner, tmp_path: Path
) -> None:
    target = tmp_path / "selection.pdf"
    page = PracticesPage(runner, TEST_PROFILE, "en", ask_path=lambda *args: target)
    qtbot.addWidget(page)
    messages: list[str] = []
    page.status_message.connect(messages.append)
    chosen = _add(database)
    _add(database, GENDER)
    page.reload(select_ids=[chosen])
    page.runner.wait_idle()
    assert page.booklet_ids() == [chosen]
    page.export_booklet()
    _wait_for_job(qtbot, page)
    assert target.read_bytes().startswith(b"%PDF")
    assert messages == [f"Booklet written to {target}"]


def test_the_demo_library_browses_reads_and_presents(
    qtbot: QtBot, page: PracticesPage, database: Database
) -> None:
    from postkit.core.practices.demo import seed_practices_demo

    with database.session() as session:
        count = seed_practices_demo(session, database.files_dir)
    page.reload()
    page.runner.wait_idle()
    assert page.model.rowCount() == count > 0
    page.theme.setCurrentIndex(page.theme.findData("gender"))
    page.runner.wait_idle()
    on_gender = page.model.rowCount()
    assert 0 < on_gender < count
    page.language.setCurrentIndex(page.language.findData("nl"))
    page.runner.wait_idle()
    assert all(row.language == "nl" for row in page.model.rows())
    page.clear_filters()
    page.runner.wait_idle()

    practice_id = page.model.id_at(0)
    page.open_practice(practice_id)
    page.runner.wait_idle()
    record = page.reader.record
    assert record is not None and record.id == practice_id
    assert record.data.summary.split("**")[0].strip()[:20] in page.reader.text.toPlainText()

    view = page.present()
    qtbot.addWidget(view)
    view.choose_set("theme", "gender")
    page.runner.wait_idle()
    assert len(view.practice_ids) == on_gender
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.counter_label.text() == f"{on_gender} / {on_gender}"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert page.presentation is None


def test_trainer_mode_in_a_demo_window_resets_through_the_demo_entry_points_reset(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings

    from postkit.ui.actions import ActionId
    from postkit.ui.main_window import MainWindow
    from postkit.ui.settings import Settings

    resets: list[Path] = []

    def reset_demo_data(session: object, files_dir: Path) -> None:
        resets.append(files_dir)
        create_practice(session, replace(LIVING_WAGE, title="Seeded again"), "Demo")  # type: ignore[arg-type]
        session.commit()  # type: ignore[attr-defined]

    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Settings(store), is_demo=True, reset_demo_data=reset_demo_data)
    qtbot.addWidget(window)
    window.attach(database, TEST_PROFILE)
    window.show()
    assert window.runner is not None and window.runner.wait_idle()
    window.actions[ActionId.PRESENT_PRACTICES].trigger()
    assert window.runner.wait_idle()
    view = window.practices_page.presentation
    assert view is not None and not view.reset_button.isHidden()
    monkeypatch.setattr(presentation_module, "confirm", lambda *_args: True)
    qtbot.mouseClick(view.reset_button, Qt.MouseButton.LeftButton)
    assert window.runner.wait_idle()
    assert resets == [database.files_dir]
    assert view.title_label.text() == "Seeded again"
    view.close()
