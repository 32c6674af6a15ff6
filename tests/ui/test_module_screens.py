"""Each module brings its own toolbar, has a View menu entry, and Help opens at its section."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from postkit.ui.actions import ActionId
from postkit.ui.help import MODULE_SECTIONS, UserGuideDialog
from postkit.ui.hq.module import HeadquartersModule
from postkit.ui.main_window import MODULES, MainWindow
from postkit.ui.preferences_dialog import PreferencesDialog


def _toolbar_texts(window: MainWindow) -> list[str]:
    return [action.text() for action in window.toolbar.actions() if not action.isSeparator()]


def test_each_module_brings_its_own_toolbar_actions(window: MainWindow) -> None:
    new_activity = window.actions[ActionId.NEW_ACTIVITY].text()
    for module in MODULES:
        window.show_module(module)
        declared = window.modules[module].toolbar
        expected = [window.actions[a].text() for a in declared if a is not None]
        assert _toolbar_texts(window) == expected, module
    window.show_module("hq")
    assert new_activity not in _toolbar_texts(window)
    assert window.actions[ActionId.HQ_AGGREGATE].text() in _toolbar_texts(window)


def test_the_view_menu_shows_every_module_with_its_key(window: MainWindow) -> None:
    [view] = [m for m in window.menuBar().actions() if m.text() == "&View"]
    entries = {action.text(): action.shortcut().toString() for action in view.menu().actions()}
    assert entries[window.actions[ActionId.SHOW_HQ].text()] == "Ctrl+6"
    assert len(entries) == len(MODULES)
    assert HeadquartersModule.show_spec.shortcut == "Ctrl+6"


@pytest.mark.parametrize("module", MODULES)
def test_help_opens_at_the_current_modules_section(
    window: MainWindow, qtbot: QtBot, module: str
) -> None:
    window.show_module(module)
    window.actions[ActionId.USER_GUIDE].trigger()
    [guide] = window.findChildren(UserGuideDialog)
    qtbot.waitExposed(guide)
    current = guide.contents.currentItem()
    assert current is not None and current.text(0) == MODULE_SECTIONS[module]["en"]
    if module != "activities":  # the first sections are short enough to show with the title
        assert guide.browser.verticalScrollBar().value() > 0
    guide.close()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_guides_contents_are_not_cut_off(qtbot: QtBot, language: str) -> None:
    guide = UserGuideDialog(language)
    qtbot.addWidget(guide)
    guide.show()
    qtbot.waitExposed(guide)
    tree = guide.contents
    items = [tree.topLevelItem(row) for row in range(tree.topLevelItemCount())]
    items += [item.child(index) for item in list(items) for index in range(item.childCount())]
    for item in items:
        rect = tree.visualItemRect(item)
        needed = tree.fontMetrics().horizontalAdvance(item.text(0))
        assert rect.left() + needed <= tree.viewport().width(), item.text(0)


def test_the_preferences_restart_note_is_shown_whole(qtbot: QtBot) -> None:
    dialog = PreferencesDialog("en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    combo = dialog.findChild(QComboBox)
    combo.setCurrentIndex(combo.findData("nl"))
    QApplication.processEvents()
    note = dialog.restart_note
    assert note.isVisible()
    needed = note.heightForWidth(note.width())
    assert note.height() >= needed
    assert note.geometry().bottom() <= dialog.rect().bottom()
    lines = note.fontMetrics().boundingRect(
        0, 0, note.width(), 10_000, note.alignment() | 0x1000, note.text()
    )
    assert lines.height() <= note.height()
