"""Every command of the main window as one QAction, keyed by an enum (menus take them from here)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from postkit.ui.icons import MODULE_ICONS, icon


class ActionId(Enum):
    NEW_ACTIVITY = auto()
    EDIT_ACTIVITY = auto()
    DUPLICATE_ACTIVITY = auto()
    DELETE_ACTIVITIES = auto()
    EXPORT_ACTIVITIES = auto()
    ANNUAL_REPORT = auto()
    FIND = auto()
    CLEAR_FILTERS = auto()
    SHOW_ACTIVITIES = auto()
    SHOW_DASHBOARD = auto()
    EDIT_PROFILE = auto()
    PREFERENCES = auto()
    BACKUP = auto()
    RESTORE = auto()
    QUIT = auto()
    ABOUT = auto()
    SHORTCUTS = auto()
    USER_GUIDE = auto()


Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    text: str
    tip: str
    shortcut: Key | str | None = None
    icon: str | None = None  # a Material Design Icons name, see postkit.ui.icons


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_ACTIVITY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&New activity…"),
        QT_TRANSLATE_NOOP("Actions", "Log a new activity"),
        Key.New,
        "file-document-plus-outline",
    ),
    ActionId.EDIT_ACTIVITY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Edit activity…"),
        QT_TRANSLATE_NOOP("Actions", "Edit the selected activity"),
        "Return",
        "pencil-outline",
    ),
    ActionId.DUPLICATE_ACTIVITY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "D&uplicate activity"),
        QT_TRANSLATE_NOOP("Actions", "Copy the selected activity as a new one"),
        "Ctrl+D",
        "content-copy",
    ),
    ActionId.DELETE_ACTIVITIES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Delete…"),
        QT_TRANSLATE_NOOP("Actions", "Delete the selected activities"),
        Key.Delete,
        "delete-outline",
    ),
    ActionId.EXPORT_ACTIVITIES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Export list to Excel…"),
        QT_TRANSLATE_NOOP("Actions", "Export the activities shown to an .xlsx file"),
        "Ctrl+E",
        "file-excel-outline",
    ),
    ActionId.ANNUAL_REPORT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Annual &report (PDF)…"),
        QT_TRANSLATE_NOOP("Actions", "Write the annual report of a year as PDF"),
        "Ctrl+Shift+R",
        "file-chart-outline",
    ),
    ActionId.FIND: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Search"),
        QT_TRANSLATE_NOOP("Actions", "Search the activities"),
        Key.Find,
        "magnify",
    ),
    ActionId.CLEAR_FILTERS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Clear filters"),
        QT_TRANSLATE_NOOP("Actions", "Show all activities"),
        "Ctrl+Shift+L",
        "filter-remove-outline",
    ),
    ActionId.SHOW_ACTIVITIES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Activities"),
        QT_TRANSLATE_NOOP("Actions", "The activity log"),
        "Ctrl+1",
        MODULE_ICONS["activities"],
    ),
    ActionId.SHOW_DASHBOARD: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Dashboard"),
        QT_TRANSLATE_NOOP("Actions", "The post's year at a glance"),
        "Ctrl+2",
        MODULE_ICONS["dashboard"],
    ),
    ActionId.EDIT_PROFILE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Post profile…"),
        QT_TRANSLATE_NOOP("Actions", "The post, its countries and your name"),
        None,
        "home-city-outline",
    ),
    ActionId.QUIT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        QT_TRANSLATE_NOOP("Actions", "Close postkit"),
        Key.Quit,
        "exit-to-app",
    ),
    ActionId.ABOUT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&About postkit"),
        QT_TRANSLATE_NOOP("Actions", "Version and purpose"),
        None,
        "information-outline",
    ),
    ActionId.PREFERENCES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "P&references…"),
        QT_TRANSLATE_NOOP("Actions", "The interface language"),
        Key.Preferences,
        "cog-outline",
    ),
    ActionId.BACKUP: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Back up now"),
        QT_TRANSLATE_NOOP("Actions", "Write a backup copy of the post's database"),
        None,
        "database-export-outline",
    ),
    ActionId.RESTORE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Re&store from backup…"),
        QT_TRANSLATE_NOOP("Actions", "Replace the database by a backup (the current one is kept)"),
        None,
        "backup-restore",
    ),
    ActionId.SHORTCUTS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"),
        QT_TRANSLATE_NOOP("Actions", "The keys for common actions"),
        "Ctrl+/",
        "keyboard-outline",
    ),
    ActionId.USER_GUIDE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&User guide"),
        QT_TRANSLATE_NOOP("Actions", "A short guide to postkit's tasks"),
        Key.HelpContents,
        MODULE_ICONS["help"],
    ),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


class Actions(QObject):
    """Creates each QAction once; `[ActionId.X]` gives it to menus, toolbars and tests."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in SPECS.items():
            action = QAction(_tr(spec.text), window)
            action.setStatusTip(_tr(spec.tip))
            action.setToolTip(_tr(spec.tip))
            if spec.icon is not None:
                action.setIcon(icon(spec.icon))
            if isinstance(spec.shortcut, Key):
                action.setShortcuts(spec.shortcut)
            elif spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            window.addAction(action)
            self._actions[action_id] = action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(action text, shortcut) for every action that has a key."""
        rows = []
        for action in self._actions.values():
            keys = ", ".join(
                key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
            )
            if keys:
                rows.append((action.text().replace("&", "").rstrip("…"), keys))
        return rows
