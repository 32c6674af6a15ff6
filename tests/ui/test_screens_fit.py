"""Every main page at 1366×768 in Dutch, on demo data: no text cut off, no English left."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QHeaderView,
    QLabel,
    QStyle,
    QTabBar,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from postkit.core.db import Database, open_database
from postkit.core.demo_seed import seed_everything
from postkit.core.hq.demo_exports import write_demo_exports
from postkit.core.hq.service import collect_exports
from postkit.core.paths import DATA_DIR_ENV_VAR
from postkit.core.profile import load_profile
from postkit.core.surveys.service import shipped_surveys_dir
from postkit.core.surveys.xlsform import load_form
from postkit.ui.i18n import apply_locale, install_translators, translations_dir
from postkit.ui.main_window import MODULES, MainWindow
from postkit.ui.settings import Settings
from postkit.ui.widgets.bar_chart import BarChart

SIZE = (1366, 768)
# Columns of free text (titles, descriptions): they are meant to end in "…" when long.
# Free text, cut off in its column when long and shown whole in the cell's tooltip.
FREE_TEXT_COLUMNS = {
    "Titel", "Title", "Omschrijving", "Description", "Bedrijf", "Company", "Item",
    "Wat", "What", "Bedrijf of activiteit", "Company or activity",
}  # fmt: skip
# A chart label this long is a sentence (a Likert item): the table beside it shows it whole.
SENTENCE = 40


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("demo")
    # Built before the per-test isolation applies: keep the user's data folder out of it too.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV_VAR, str(folder / "user-data"))
        database = open_database(str(folder / "demo.sqlite3"))
        seed_everything(database, activities=120)
        form = load_form(shipped_surveys_dir() / "imvo_guidelines_evaluation.xlsx")
        exports = write_demo_exports(folder / "exports", posts=20, responses=3)
        with database.session() as session:
            collect_exports(session, exports, form)
            session.commit()
    yield database
    database.dispose()


def open_demo_window(
    qtbot: QtBot,
    database: Database,
    tmp_path: Path,
    size: tuple[int, int],
    language: str | None = None,
) -> MainWindow:
    """The main window over the demo database, shown at `size` (settings of its own)."""
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    if language is not None:
        store.setValue("ui/language", language)
    with database.session() as session:
        profile = load_profile(session)
    window = MainWindow(Settings(store), is_demo=True)
    qtbot.addWidget(window)
    window.show()
    window.attach(database, profile)
    window.resize(*size)
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def dutch_window(
    qtbot: QtBot, demo_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    app = QCoreApplication.instance()
    translators = install_translators(app, "nl")
    window = open_demo_window(qtbot, demo_database, tmp_path, SIZE, "nl")
    yield window
    for page in (window.screening_page, window.surveys_page, window.hq_page):
        if page.job is not None:
            page.job.wait()
    for translator in translators:
        app.removeTranslator(translator)
    apply_locale("en")


def _show(window: MainWindow, qtbot: QtBot, module: str) -> None:
    window.show_module(module)
    page = window.pages.currentWidget()
    qtbot.waitUntil(lambda: getattr(page, "job", None) is None, timeout=30000)
    if module == "hq":
        qtbot.waitUntil(lambda: window.hq_page.summary is not None, timeout=30000)
    runner = getattr(window, "runner", None)
    if runner is not None:  # pages that read through the runner show its answer
        assert runner.wait_idle()
    qtbot.wait(50)


def _shown_widgets(window: MainWindow) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if w.isVisible() and w.window() is window]


def _is_rich(label: QLabel) -> bool:
    # Qt's own guess (Qt::mightBeRichText) is not in PySide6: a tag is what it looks for.
    return label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText
        and re.search(r"<\w+[^>]*>", label.text()) is not None
    )


def _plain(widget: QLabel) -> str:
    text = widget.text()
    if _is_rich(widget):
        document = QTextDocument()
        document.setDefaultFont(widget.font())
        document.setHtml(text)
        return document.toPlainText()
    return text


def _label_problem(label: QLabel) -> str | None:
    if not label.text() or not label.pixmap().isNull():
        return None
    room = label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            return f"label {_plain(label)!r} needs {needed} px high, has {label.height()}"
        return None
    metrics = QFontMetrics(label.font())
    if _is_rich(label):
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(label.text())
        needed = int(document.idealWidth())
    else:
        # A mnemonic's "&" is drawn as an underline, not as a character.
        shown = re.sub(r"&(.)", r"\1", label.text())
        needed = max(metrics.horizontalAdvance(line) for line in shown.splitlines())
    available = room.width() - 2 * label.margin()
    if needed > available + 1:
        return f"label {_plain(label)!r} needs {needed} px, has {available}"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    if button.sizeHint().width() > button.width() + 1:
        text = button.text().replace("&", "")
        return f"button {text!r} needs {button.sizeHint().width()} px, has {button.width()}"
    return None


def _tab_problems(bar: QTabBar) -> list[str]:
    return [
        f"tab {bar.tabText(i)!r} needs {bar.tabSizeHint(i).width()} px"
        for i in range(bar.count())
        if bar.isTabVisible(i) and bar.tabRect(i).width() < bar.tabSizeHint(i).width() - 1
    ]


def _header_problems(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    style = header.style()
    metrics = QFontMetrics(header.font())
    margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    problems = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        needed = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            needed += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        if needed > header.sectionSize(section) + 1:
            problems.append(f"header {text!r} needs {needed} px, has {header.sectionSize(section)}")
        elif header.textElideMode() != Qt.TextElideMode.ElideNone and "\n" in text:
            # Qt elides a heading as one line: a two-line one ends in "…" though each fits.
            shown = metrics.elidedText(text, header.textElideMode(), header.sectionSize(section))
            if shown != text:
                problems.append(f"header {text!r} shows as {shown!r}")
    return problems


def _cell_problems(view: QAbstractItemView) -> list[str]:
    model = view.model()
    header = getattr(view, "horizontalHeader", getattr(view, "header", lambda: None))()
    if model is None or header is None:
        return []
    metrics = QFontMetrics(view.font())
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    problems = []
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        if header.isSectionHidden(column) or title in FREE_TEXT_COLUMNS:
            continue
        for row in range(min(model.rowCount(), 40)):
            index = model.index(row, column)
            rect = view.visualRect(index)
            if not rect.isValid() or not view.viewport().rect().intersects(rect):
                continue
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            font = index.data(Qt.ItemDataRole.FontRole)
            cell_metrics = QFontMetrics(font) if font is not None else metrics
            needed = cell_metrics.horizontalAdvance(text) + margin
            if column == 0 and isinstance(view, QTreeView) and view.rootIsDecorated():
                needed += view.indentation()
            if needed > rect.width() + 1:
                problems.append(f"cell {text!r} in {title!r} needs {needed} px, has {rect.width()}")
                break
    return problems


def _scrolls_sideways(widget: QWidget) -> bool:
    # Tables may scroll sideways when their columns need it; a page or a chart should not.
    return (
        isinstance(widget, QAbstractScrollArea)
        and not isinstance(widget, QAbstractItemView)
        and widget.horizontalScrollBar().maximum() > 0
    )


def _fit_problems(window: MainWindow) -> list[str]:
    problems: list[str] = []
    for widget in _shown_widgets(window):
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
            problems += [problem] if problem else []
        elif isinstance(widget, QAbstractButton):
            problem = _button_problem(widget)
            problems += [problem] if problem else []
        elif isinstance(widget, QTabBar):
            problems += _tab_problems(widget)
        elif isinstance(widget, QHeaderView):
            problems += _header_problems(widget)
        elif isinstance(widget, QAbstractItemView):
            problems += _cell_problems(widget)
        elif isinstance(widget, BarChart):
            problems += [
                f"chart label {text!r} shows as {shown!r}"
                for text, shown in zip(widget.categories, widget.shown_labels(), strict=True)
                if shown.replace(" ", "") != text.replace(" ", "") and len(text) < SENTENCE
            ]
        elif _scrolls_sideways(widget):
            name = widget.accessibleName() or widget.objectName() or type(widget).__name__
            problems.append(f"{name} scrolls sideways")
    return problems


@pytest.mark.slow
def test_no_text_of_a_main_page_is_cut_off_in_dutch_at_1366_by_768(
    dutch_window: MainWindow, qtbot: QtBot
) -> None:
    found = {}
    for module in MODULES:
        _show(dutch_window, qtbot, module)
        problems = _fit_problems(dutch_window)
        if problems:
            found[module] = problems
    hq = dutch_window.hq_page
    hq.tabs.setCurrentWidget(hq.likert_view)
    for breakdown in range(hq.likert_view.breakdown_combo.count()):
        hq.likert_view.breakdown_combo.setCurrentIndex(breakdown)
        qtbot.wait(20)
        problems = _fit_problems(dutch_window)
        if problems:
            found[f"hq likert {breakdown}"] = problems
    assert found == {}, "\n".join(f"{k}: {p}" for k, v in found.items() for p in v)


def _untranslated_sources() -> set[str]:
    """English source texts that have a Dutch translation that differs from them."""
    tree = ET.parse(translations_dir() / "postkit_nl.ts")
    sources = set()
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        if text.strip() and _normal(text) != _normal(source):
            sources.add(_normal(source))
    return sources


def _normal(text: str) -> str:
    text = re.sub(r"&(?=\w)", "", text).replace("&&", "&")
    return " ".join(text.replace("…", "").split()).strip(" :")


def _visible_texts(window: MainWindow) -> set[str]:
    texts: set[str] = set()
    for widget in _shown_widgets(window):
        if isinstance(widget, QLabel):
            texts.add(_plain(widget))
        elif isinstance(widget, QAbstractButton):
            texts.add(widget.text())
        elif isinstance(widget, QTabBar):
            texts.update(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            texts.update(
                str(model.headerData(s, widget.orientation()) or "") for s in range(widget.count())
            )
    for menu_action in window.menuBar().actions():
        texts.add(menu_action.text())
        texts.update(action.text() for action in menu_action.menu().actions())
    texts.update(action.text() for action in window.toolbar.actions())
    return {_normal(text) for text in texts if text.strip()}


@pytest.mark.slow
def test_every_visible_string_of_the_main_pages_is_dutch(
    dutch_window: MainWindow, qtbot: QtBot
) -> None:
    english = _untranslated_sources()
    found = {}
    for module in MODULES:
        _show(dutch_window, qtbot, module)
        left = sorted(_visible_texts(dutch_window) & english)
        if left:
            found[module] = left
    assert found == {}, "\n".join(f"{k}: {p}" for k, v in found.items() for p in v)
    status = " ".join(label.text() for label in dutch_window.statusBar().findChildren(QLabel))
    assert "Demo user" not in status


def test_the_helpers_find_a_clipped_label(qtbot: QtBot) -> None:
    label = QLabel("Een behoorlijk lange tekst die niet past")
    qtbot.addWidget(label)
    label.setFixedWidth(40)
    label.show()
    assert _label_problem(label) is not None
    label.setFixedWidth(label.sizeHint().width())
    assert _label_problem(label) is None
    assert QApplication.instance() is not None


# A 1366×768 screen at 125% and 150% scale: the window has 1366/f × 768/f logical pixels.
SCALES = {"125%": (1093, 614), "150%": (911, 512)}


@pytest.mark.slow
@pytest.mark.parametrize("scale", SCALES)
def test_no_text_of_a_main_page_is_cut_off_in_dutch_at_125_and_150_percent_scale(
    dutch_window: MainWindow, qtbot: QtBot, scale: str
) -> None:
    dutch_window.resize(*SCALES[scale])
    qtbot.wait(50)
    assert (dutch_window.width(), dutch_window.height()) == SCALES[scale]
    found = {}
    for module in MODULES:
        _show(dutch_window, qtbot, module)
        problems = _fit_problems(dutch_window)
        if problems:
            found[module] = problems
    assert found == {}, "\n".join(f"{k}: {p}" for k, v in found.items() for p in v)


# Large system text: the application font 1.5 times its size, on a 1600×1000 window.
LARGE_TEXT = 1.5
LARGE_TEXT_SIZE = (1600, 1000)


@pytest.fixture
def large_text_window(
    qtbot: QtBot, demo_database: Database, tmp_path: Path
) -> Iterator[MainWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    normal = app.font()
    large = QFont(normal)
    large.setPointSizeF(normal.pointSizeF() * LARGE_TEXT)
    app.setFont(large)
    translators = install_translators(app, "nl")
    window = open_demo_window(qtbot, demo_database, tmp_path, LARGE_TEXT_SIZE, "nl")
    yield window
    for translator in translators:
        app.removeTranslator(translator)
    apply_locale("en")
    app.setFont(normal)


@pytest.mark.slow
@pytest.mark.parametrize("module", ["activities", "dashboard"])
def test_the_activity_pages_fit_with_large_text_at_1600_by_1000(
    large_text_window: MainWindow, qtbot: QtBot, module: str, tmp_path: Path
) -> None:
    window = large_text_window
    _show(window, qtbot, module)
    # What a person sees: the page drawn at the larger font, not only its geometry.
    image = window.grab().toImage()
    assert image.width() >= LARGE_TEXT_SIZE[0] and not image.isNull()
    assert window.activities_page.model.rowCount() > 0
    problems = _fit_problems(window)
    assert problems == [], "\n".join(problems)


@pytest.mark.slow
def test_the_hq_page_fits_with_large_text_at_1600_by_1000(
    large_text_window: MainWindow, qtbot: QtBot
) -> None:
    window = large_text_window
    _show(window, qtbot, "hq")
    hq = window.hq_page
    assert hq.summary is not None and hq.summary.posts
    found = {"posts": _fit_problems(window)}
    hq.tabs.setCurrentWidget(hq.likert_view)
    for breakdown in range(hq.likert_view.breakdown_combo.count()):
        hq.likert_view.breakdown_combo.setCurrentIndex(breakdown)
        qtbot.wait(20)
        found[f"likert {breakdown}"] = _fit_problems(window)
        # The items' texts may end in "…", but some words of them stay readable.
        header = hq.likert_view.table.header()
        words = 20 * header.fontMetrics().averageCharWidth()
        if header.sectionSize(hq.likert_view.ITEM) < words:
            found[f"likert {breakdown}"].append(
                f"Item column {header.sectionSize(hq.likert_view.ITEM)} px, under {words}"
            )
    found = {key: problems for key, problems in found.items() if problems}
    assert found == {}, "\n".join(f"{k}: {p}" for k, v in found.items() for p in v)


@pytest.mark.slow
def test_the_module_names_fit_in_the_navigation_with_large_text(
    large_text_window: MainWindow,
) -> None:
    navigation = large_text_window.navigation
    metrics = QFontMetrics(navigation.font())
    # The icon, the gap Fusion leaves beside it and the item's margins, then the text.
    room_for_icon = navigation.iconSize().width() + 4 * metrics.averageCharWidth()
    cut = [
        f"{item.text()!r} needs {metrics.horizontalAdvance(item.text()) + room_for_icon} px, "
        f"has {navigation.viewport().width()}"
        for item in (navigation.item(row) for row in range(navigation.count()))
        if metrics.horizontalAdvance(item.text()) + room_for_icon > navigation.viewport().width()
    ]
    assert cut == []
