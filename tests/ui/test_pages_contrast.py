"""Every page on demo data, in the light and the dark palette: its text reaches AA contrast."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QLabel, QTabWidget
from pytestqt.qtbot import QtBot

from postkit.core.db import Database
from postkit.ui import style
from postkit.ui.main_window import MODULES, MainWindow
from tests.ui.contrast import (
    AA_LARGE_TEXT,
    AA_TEXT,
    contrast_ratio,
    drawn_background,
    drawn_text_contrast,
)
from tests.ui.test_screens_fit import _show, demo_database, open_demo_window  # noqa: F401 (a fixture)

SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


@pytest.fixture(params=SCHEMES)
def schemed_window(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    demo_database: Database,  # noqa: F811 (the imported fixture)
    tmp_path: Path,
) -> Iterator[MainWindow]:
    app = QCoreApplication.instance()
    assert isinstance(app, QApplication)
    style.apply_scheme(app, SCHEMES[request.param])
    window = open_demo_window(qtbot, demo_database, tmp_path, (1366, 768))
    try:
        yield window
    finally:
        style.apply_scheme(app, Qt.ColorScheme.Light)


def _needed(font: QFont) -> float:
    large = font.pointSizeF() >= 18 or (font.bold() and font.pointSizeF() >= 14)
    return AA_LARGE_TEXT if large else AA_TEXT


def _label_problems(window: MainWindow) -> list[str]:
    problems = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip() or not label.pixmap().isNull():
            continue
        if label.width() < 4 or label.height() < 4:
            continue
        ratio = drawn_text_contrast(label)
        if ratio < _needed(label.font()):
            problems.append(f"label {label.text()[:50]!r}: {ratio:.2f}:1")
        # A coloured word in rich text: the label's darkest-on-light pixel is its plain text,
        # so each coloured run is measured on its own (a lone symbol is a graphic, not text).
        runs = _COLORED_RUN.findall(label.text())
        if runs:
            behind = drawn_background(label)
            for color, words in runs:
                ratio = contrast_ratio(QColor(color), behind)
                if any(c.isalpha() for c in words) and ratio < _needed(label.font()):
                    problems.append(f"{words[:40]!r} in {label.text()[:30]!r}: {ratio:.2f}:1")
    return problems


_COLORED_RUN = re.compile(r"<\w+[^>]*color:\s*(#[0-9a-fA-F]{6})[^>]*>([^<]+)<")


def _cell_problems(window: MainWindow) -> list[str]:
    problems = []
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisible() or model is None or isinstance(view, QHeaderView):
            continue
        base = view.palette().color(QPalette.ColorRole.Base)
        root = view.rootIndex()
        try:
            columns = model.columnCount(root)
        except TypeError:  # a list widget's model keeps it private: one column
            columns = 1
        for row in range(min(model.rowCount(root), 30)):
            for column in range(columns):
                index = model.index(row, column, root)
                foreground = index.data(Qt.ItemDataRole.ForegroundRole)
                if foreground is None:
                    continue
                color = QColor(foreground.color() if hasattr(foreground, "color") else foreground)
                background = index.data(Qt.ItemDataRole.BackgroundRole)
                behind = (
                    QColor(background.color() if hasattr(background, "color") else background)
                    if background is not None
                    else base
                )
                ratio = contrast_ratio(color, behind)
                if ratio < AA_TEXT:
                    problems.append(
                        f"cell {index.data()!s:.40} in {type(view).__name__}: {ratio:.2f}:1"
                    )
    return problems


def _page_problems(window: MainWindow, qtbot: QtBot, module: str) -> list[str]:
    """The problems of `module`'s page, each of its tabs shown in turn (a screened
    request's sanctions and decision, headquarters' Likert items)."""
    _show(window, qtbot, module)
    problems = _label_problems(window) + _cell_problems(window)
    page = window.pages.currentWidget()
    for tabs in page.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        shown = tabs.currentIndex()
        for tab in range(tabs.count()):
            if tab != shown and tabs.isTabEnabled(tab):
                tabs.setCurrentIndex(tab)
                qtbot.wait(20)
                problems += _label_problems(window) + _cell_problems(window)
        tabs.setCurrentIndex(shown)
    return [f"{module}: {problem}" for problem in problems]


@pytest.mark.slow
def test_every_page_reads_at_aa_contrast(schemed_window: MainWindow, qtbot: QtBot) -> None:
    problems: list[str] = []
    for module in MODULES:
        problems += _page_problems(schemed_window, qtbot, module)
    assert not problems, "\n".join(sorted(set(problems)))


@pytest.mark.slow
def test_every_page_still_reads_after_a_live_switch_to_dark(
    qtbot: QtBot,
    demo_database: Database,  # noqa: F811 (the imported fixture)
    tmp_path: Path,
) -> None:
    # The colours a page picked while light (tones, item foregrounds, tinted bands) must
    # follow the system's switch to dark while the window is open.
    app = QCoreApplication.instance()
    assert isinstance(app, QApplication)
    style.apply_scheme(app, Qt.ColorScheme.Light)
    window = open_demo_window(qtbot, demo_database, tmp_path, (1366, 768))
    try:
        for module in MODULES:
            _show(window, qtbot, module)
        style.apply_scheme(app, Qt.ColorScheme.Dark)
        problems: list[str] = []
        for module in MODULES:
            problems += _page_problems(window, qtbot, module)
    finally:
        style.apply_scheme(app, Qt.ColorScheme.Light)
    assert not problems, "\n".join(sorted(set(problems)))
