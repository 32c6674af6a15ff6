from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor, QFontMetricsF, QPalette
from PySide6.QtWidgets import QToolTip

from postkit.core import reference
from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity
from postkit.core.db import Database
from postkit.ui.activities.dashboard import DashboardPage
from postkit.ui.ops import Runner
from postkit.ui.widgets.bar_chart import BarChart, nice_ticks, wrap_label

THIS_YEAR = date.today().year


def add_activity(
    database: Database,
    core_task: int,
    start: date,
    *,
    themes: tuple[str, ...] = (),
    companies: int = 0,
    women: int = 0,
    men: int = 0,
    other: int = 0,
) -> None:
    data = ActivityInput(
        core_task=core_task,
        title=f"Activity for core task {core_task}",
        start_date=start,
        activity_type="meeting",
        themes=themes,
        unnamed_companies=companies,
        participants_women=women,
        participants_men=men,
        participants_other=other,
    )
    with database.session() as session:
        create_activity(session, data, actor="Tess")


_RUNNERS: list[Runner] = []


@pytest.fixture(autouse=True)
def _close_runners() -> Iterator[None]:
    yield
    while _RUNNERS:
        _RUNNERS.pop().close()


def make_page(qtbot, database: Database, language: str = "en") -> DashboardPage:  # type: ignore[no-untyped-def]
    runner = Runner(database)
    _RUNNERS.append(runner)
    page = DashboardPage(runner, language)
    qtbot.addWidget(page)
    page.resize(1100, 750)
    page.show()
    qtbot.waitExposed(page)
    assert runner.wait_idle()  # the figures are read off the GUI thread
    return page


@pytest.fixture
def year_with_two_tasks(database: Database) -> Database:
    """Three activities this year, in core tasks 1 and 2 only."""
    add_activity(
        database,
        1,
        date(THIS_YEAR, 2, 10),
        themes=("child_labour", "living_wage"),
        companies=4,
        women=6,
        men=3,
        other=1,
    )
    add_activity(
        database, 2, date(THIS_YEAR, 5, 3), themes=("child_labour",), companies=10, women=2, men=8
    )
    add_activity(database, 2, date(THIS_YEAR, 8, 20), companies=1)
    return database


# -- dashboard page --------------------------------------------------------------------------


def test_tiles_show_the_key_figures_of_the_year(qtbot, year_with_two_tasks: Database) -> None:
    page = make_page(qtbot, year_with_two_tasks)

    assert page.year == THIS_YEAR
    assert page.activities_tile.value_label.text() == "3"
    assert page.activities_tile.detail_label.text() == "2 of 5 core tasks covered"
    assert page.companies_tile.value_label.text() == "15"
    assert page.participants_tile.value_label.text() == "20"
    assert page.participants_tile.detail_label.text() == "6.7 per activity on average"
    assert page.women_tile.value_label.text() == "8"
    assert page.women_tile.detail_label.text() == "40% of participants"
    assert page.men_tile.value_label.text() == "11"
    assert page.men_tile.detail_label.text() == "55% of participants"
    assert page.other_tile.value_label.text() == "1"
    assert page.other_tile.detail_label.text() == "5% of participants"


def test_quarter_chart_counts_activities_per_core_task_and_quarter(
    qtbot, year_with_two_tasks: Database
) -> None:
    page = make_page(qtbot, year_with_two_tasks)
    chart = page.quarter_chart

    assert chart.categories == ("Expertise", "Awareness", "Support", "Conditions", "Agenda-setting")
    assert not chart.is_stacked
    assert chart.series == (
        ("Q1", (1, 0, 0, 0, 0)),
        ("Q2", (0, 1, 0, 0, 0)),
        ("Q3", (0, 1, 0, 0, 0)),
        ("Q4", (0, 0, 0, 0, 0)),
    )


def test_gender_companies_and_theme_charts_show_the_year(
    qtbot, year_with_two_tasks: Database
) -> None:
    page = make_page(qtbot, year_with_two_tasks)

    assert page.gender_chart.is_stacked
    assert page.gender_chart.series == (
        ("Women", (6, 2, 0, 0, 0)),
        ("Men", (3, 8, 0, 0, 0)),
        ("Other", (1, 0, 0, 0, 0)),
    )
    assert page.companies_chart.series == (("Companies", (4, 11, 0, 0, 0)),)
    assert page.themes_chart.is_horizontal
    assert page.themes_chart.categories == ("Child labour", "Living wage")
    assert page.themes_chart.series == (("Activities", (2, 1)),)


def test_notice_names_the_core_tasks_without_activity(qtbot, year_with_two_tasks: Database) -> None:
    page = make_page(qtbot, year_with_two_tasks)

    assert page.notice.is_warning
    assert page.notice.isVisible()
    assert page.notice.title_label.text() == f"No activity in {THIS_YEAR} for 3 core tasks"
    body = page.notice.body_label.text()
    for task in (3, 4, 5):
        assert reference.core_task_label(task, "en") in body
    for task in (1, 2):
        assert reference.core_task_label(task, "en") not in body


def test_notice_is_positive_when_all_five_core_tasks_had_activity(
    qtbot, database: Database
) -> None:
    for task in (1, 2, 3, 4, 5):
        add_activity(database, task, date(THIS_YEAR, 1, 15))
    page = make_page(qtbot, database)

    assert not page.notice.is_warning
    assert page.notice.title_label.text() == f"All five core tasks had activity in {THIS_YEAR}"
    assert not page.notice.body_label.isVisible()


def test_choosing_another_year_shows_its_figures(qtbot, year_with_two_tasks: Database) -> None:
    add_activity(year_with_two_tasks, 5, date(THIS_YEAR - 2, 11, 1), companies=7)
    page = make_page(qtbot, year_with_two_tasks)
    combo = page.year_combo
    years = [combo.itemData(i) for i in range(combo.count())]
    assert years == [THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 2]

    with qtbot.waitSignal(page.year_changed) as signal:
        combo.setCurrentIndex(combo.findData(THIS_YEAR - 2))

    assert signal.args == [THIS_YEAR - 2]
    assert page.runner.wait_idle()
    assert page.year == THIS_YEAR - 2
    assert page.activities_tile.value_label.text() == "1"
    assert page.companies_tile.value_label.text() == "7"
    assert page.quarter_chart.series[3] == ("Q4", (0, 0, 0, 0, 1))
    assert "Activities that started in " + str(THIS_YEAR - 2) == page.subtitle_label.text()
    body = page.notice.body_label.text()
    assert reference.core_task_label(1, "en") in body
    assert reference.core_task_label(5, "en") not in body


def test_set_year_selects_the_year_in_the_combo(qtbot, year_with_two_tasks: Database) -> None:
    page = make_page(qtbot, year_with_two_tasks)

    page.set_year(THIS_YEAR - 5)

    assert page.runner.wait_idle()

    assert page.year_combo.currentData() == THIS_YEAR - 5
    assert page.activities_tile.value_label.text() == "0"
    assert page.quarter_chart.is_empty
    assert page.notice.title_label.text() == (
        f"No activity in {THIS_YEAR - 5} for any of the five core tasks"
    )


def test_refresh_after_adding_an_activity_updates_the_figures(
    qtbot, year_with_two_tasks: Database
) -> None:
    page = make_page(qtbot, year_with_two_tasks)
    add_activity(year_with_two_tasks, 4, date(THIS_YEAR, 11, 30), companies=5, other=2)

    assert page.activities_tile.value_label.text() == "3"
    page.refresh()
    assert page.runner.wait_idle()

    assert page.activities_tile.value_label.text() == "4"
    assert page.companies_tile.value_label.text() == "20"
    assert page.quarter_chart.series[3] == ("Q4", (0, 0, 0, 1, 0))
    assert page.notice.title_label.text() == f"No activity in {THIS_YEAR} for 2 core tasks"
    assert reference.core_task_label(4, "en") not in page.notice.body_label.text()


def test_an_empty_database_shows_the_empty_state(qtbot, database: Database) -> None:
    page = make_page(qtbot, database)

    assert not page.has_activities
    assert page.stack.currentIndex() == 1
    assert page.empty_title.isVisible()
    assert not page.year_combo.isVisible()
    assert not page.notice.isVisible()

    add_activity(database, 3, date(THIS_YEAR, 3, 3))
    page.refresh()
    assert page.runner.wait_idle()

    assert page.stack.currentIndex() == 0
    assert page.notice.isVisible()
    assert page.year_combo.isVisible()


def test_a_dutch_page_uses_dutch_labels_and_numbers(qtbot, database: Database) -> None:
    add_activity(database, 2, date(THIS_YEAR, 4, 1), themes=("living_wage",), companies=1234)
    page = make_page(qtbot, database, language="nl")

    assert page.quarter_chart.categories[:2] == ("Expertise", "Bewustwording")
    assert page.themes_chart.categories == ("Leefbaar loon",)
    assert page.companies_tile.value_label.text() == "1.234"
    assert reference.core_task_label(1, "nl") in page.notice.body_label.text()


def test_tiles_and_charts_reflow_in_a_narrow_window(qtbot, year_with_two_tasks: Database) -> None:
    page = make_page(qtbot, year_with_two_tasks)
    assert page.women_tile.y() == page.activities_tile.y()
    assert page.gender_chart.parentWidget().y() == page.quarter_chart.parentWidget().y()

    page.resize(700, 700)  # three tiles a row: at 600 px they would not show whole
    qtbot.waitUntil(lambda: page.women_tile.y() > page.activities_tile.y())

    assert page.women_tile.x() == page.activities_tile.x()
    assert page.participants_tile.y() == page.activities_tile.y()
    # The charts' grid settles once the scroll area has taken the taller content.
    qtbot.waitUntil(
        lambda: page.gender_chart.parentWidget().y() > page.quarter_chart.parentWidget().y()
    )


def test_tiles_never_need_more_width_than_the_page_has(
    qtbot, year_with_two_tasks: Database
) -> None:
    page = make_page(qtbot, year_with_two_tasks)
    for width in (1400, 1100, 800, 600):
        page.resize(width, 750)
        qtbot.wait(20)
        scroll = page.stack.widget(0)
        assert scroll.horizontalScrollBar().maximum() == 0, f"scrolls sideways at {width} px"
        for tile in (page.companies_tile, page.participants_tile):
            assert tile.width() >= tile.minimumSizeHint().width(), f"{tile.accessibleName()}"


def test_the_page_paints_in_a_dark_palette(qtbot, year_with_two_tasks: Database) -> None:
    page = make_page(qtbot, year_with_two_tasks)
    dark = QPalette(page.palette())
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#2b2c2f"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
    ):
        dark.setColor(role, QColor(colour))
    page.setPalette(dark)

    image = page.grab().toImage()

    assert not image.isNull()
    muted = page.activities_tile.detail_label.palette().color(QPalette.ColorRole.Text)
    assert muted.lightnessF() > 0.5


# -- bar chart ---------------------------------------------------------------------------------


@pytest.fixture
def chart(qtbot) -> BarChart:  # type: ignore[no-untyped-def]
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(500, 300)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def quarters(chart: BarChart, stacked: bool = False) -> None:
    chart.set_data(
        ["Expertise", "Awareness"],
        [("Q1", [2, 4]), ("Q2", [0, 7])],
        stacked=stacked,
    )


def test_set_data_stores_categories_and_series(chart: BarChart) -> None:
    quarters(chart, stacked=True)

    assert chart.categories == ("Expertise", "Awareness")
    assert chart.series == (("Q1", (2, 4)), ("Q2", (0, 7)))
    assert chart.is_stacked
    assert not chart.is_empty
    assert chart.accessibleDescription() == "Expertise: Q1 2, Q2 0; Awareness: Q1 4, Q2 7"


def test_set_data_refuses_a_series_of_the_wrong_length(chart: BarChart) -> None:
    with pytest.raises(ValueError, match="2 values for 3 categories"):
        chart.set_data(["a", "b", "c"], [("Q1", [1, 2])])


def test_all_zero_values_show_the_empty_state(chart: BarChart) -> None:
    chart.set_empty_text("Nothing this year")
    chart.set_data(["a", "b"], [("Q1", [0, 0])])

    assert chart.is_empty
    assert chart.bars() == []
    assert chart.bar_at(QPointF(250, 150)) is None
    assert chart.accessibleDescription() == "Nothing this year"
    assert not chart.grab().isNull()


def test_bar_at_finds_the_bar_under_the_mouse(chart: BarChart) -> None:
    quarters(chart)

    for bar in chart.bars():
        if bar.value:
            found = chart.bar_at(bar.rect.center())
            assert found is not None
            assert (found.series, found.category, found.value) == (
                bar.series,
                bar.category,
                bar.value,
            )
    tallest = max(chart.bars(), key=lambda bar: bar.value)
    assert (tallest.series, tallest.category) == (1, 1)
    assert chart.tooltip_at(tallest.rect.center()) == "Awareness · Q2: 7"
    assert chart.tooltip_at(QPointF(1, 1)) == ""


def test_grouped_bar_heights_follow_their_values(chart: BarChart) -> None:
    quarters(chart)
    by_key = {(bar.series, bar.category): bar for bar in chart.bars()}

    assert by_key[(0, 1)].rect.height() == pytest.approx(2 * by_key[(0, 0)].rect.height())
    assert by_key[(1, 0)].rect.height() == 0
    assert by_key[(0, 0)].rect.bottom() == pytest.approx(by_key[(1, 1)].rect.bottom())
    assert by_key[(0, 0)].rect.right() <= by_key[(1, 0)].rect.left()


def test_stacked_bars_sit_on_each_other_and_show_the_total(chart: BarChart) -> None:
    quarters(chart, stacked=True)
    by_key = {(bar.series, bar.category): bar for bar in chart.bars()}

    lower, upper = by_key[(0, 1)], by_key[(1, 1)]
    assert upper.rect.bottom() == pytest.approx(lower.rect.top())
    assert upper.rect.left() == pytest.approx(lower.rect.left())
    assert chart.tooltip_at(upper.rect.center()) == "Awareness · Q2: 7\nTotal: 11"


def test_horizontal_bars_grow_to_the_right(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = BarChart(horizontal=True)
    qtbot.addWidget(chart)
    chart.set_data(["Child labour", "Living wage", "Water"], [("Activities", [8, 4, 2])])
    chart.resize(400, chart.sizeHint().height())
    chart.show()

    bars = chart.bars()
    assert [bar.value for bar in bars] == [8, 4, 2]
    assert bars[0].rect.width() == pytest.approx(2 * bars[1].rect.width())
    assert bars[0].rect.top() < bars[1].rect.top() < bars[2].rect.top()
    assert chart.tooltip_at(bars[2].rect.center()) == "Water · Activities: 2"
    assert chart.minimumSizeHint().height() <= chart.sizeHint().height()


def test_moving_the_mouse_over_a_bar_shows_its_tooltip(qtbot, chart: BarChart) -> None:
    quarters(chart)
    bar = next(b for b in chart.bars() if (b.series, b.category) == (0, 1))

    qtbot.mouseMove(chart, bar.rect.center().toPoint())

    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text() == "Awareness · Q1: 4"
    qtbot.mouseMove(chart, QPoint(1, 1))
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_chart_has_size_hints_and_an_accessible_name(chart: BarChart) -> None:
    assert chart.accessibleName() == "Bar chart"
    assert chart.minimumSizeHint().width() <= chart.sizeHint().width()
    assert chart.minimumSizeHint().height() <= chart.sizeHint().height()


def test_nice_ticks_are_round_and_cover_the_maximum() -> None:
    assert nice_ticks(0) == [0, 1]
    assert nice_ticks(3) == [0, 1, 2, 3]
    assert nice_ticks(37) == [0, 10, 20, 30, 40]
    assert nice_ticks(1862) == [0, 500, 1000, 1500, 2000]


def test_long_labels_wrap_and_elide_instead_of_clipping(chart: BarChart) -> None:
    metrics = QFontMetricsF(chart.font())
    width = metrics.horizontalAdvance("Agenda-")

    lines = wrap_label("Agenda-setting", metrics, width + 1)
    assert lines[0] == "Agenda-"
    assert len(lines) == 2
    single = wrap_label("Bewustwording", metrics, metrics.horizontalAdvance("Bewust"))
    assert len(single) == 1
    assert single[0].endswith("…")


def test_the_quarter_bars_show_their_values(qtbot, year_with_two_tasks: Database) -> None:
    page = make_page(qtbot, year_with_two_tasks)
    chart = page.quarter_chart
    qtbot.waitUntil(lambda: not chart.is_empty)
    # One activity in Q1 on expertise, one each in Q2 and Q3 on awareness: three bars of 1.
    assert chart.value_labels() == ["1", "1", "1"]
