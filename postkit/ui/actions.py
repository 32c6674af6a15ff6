"""The ids of the window's commands and the registry that makes one QAction of each.

What each action looks like, where it goes and what it runs is declared in the module that
owns it (postkit.ui.module, `@action`). The ids stay in one enum, as Picard's MainAction: menus,
tests and other modules name an action without importing the module that declares it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import Enum, auto
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from postkit.ui.icons import icon


class ActionId(Enum):
    NEW_ACTIVITY = auto()
    EDIT_ACTIVITY = auto()
    DUPLICATE_ACTIVITY = auto()
    DELETE_ACTIVITIES = auto()
    EXPORT_ACTIVITIES = auto()
    IMPORT_ACTIVITIES = auto()
    ANNUAL_REPORT = auto()
    ANNUAL_RETURN = auto()
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
    SHOW_SCREENING = auto()
    NEW_REQUEST = auto()
    EDIT_REQUEST = auto()
    SCREEN_REQUEST = auto()
    PRINT_DECISION_RECORD = auto()
    IMPORT_SANCTIONS_LIST = auto()
    IMPORT_RISK_TABLE = auto()
    SHOW_PRACTICES = auto()
    NEW_PRACTICE = auto()
    PROMOTE_ACTIVITY = auto()
    IMPORT_PRACTICES = auto()
    EXPORT_PRACTICES = auto()
    PRACTICE_BOOKLET = auto()
    PRESENT_PRACTICES = auto()
    SHOW_SURVEYS = auto()
    START_RESPONSE = auto()
    CONTINUE_DRAFT = auto()
    IMPORT_SURVEY = auto()
    EXPORT_RESPONSES = auto()
    PROTECT_DATABASE = auto()
    CHANGE_PASSPHRASE = auto()
    MANAGE_USERS = auto()
    SWITCH_USER = auto()
    IMPORT_RECEIPT = auto()
    SHOW_HQ = auto()
    HQ_ADD_FILES = auto()
    HQ_ADD_FOLDER = auto()
    HQ_AGGREGATE = auto()
    HQ_SAVE_SUMMARY = auto()
    HQ_SAVE_REPORT = auto()
    HQ_READ_RETURNS = auto()
    HQ_SAVE_NETWORK_TABLES = auto()
    HQ_SAVE_NETWORK_REPORT = auto()
    HQ_WRITE_RECEIPTS = auto()
    IMPORT_RECEIPT_KEY = auto()
    HQ_EXPORT_RECEIPT_KEY = auto()
    SHOW_FOLLOW_UPS = auto()
    FOLLOW_UP_MET = auto()
    FOLLOW_UP_NOT_MET = auto()
    FOLLOW_UP_DROP = auto()


Key = QKeySequence.StandardKey


class ActionSpec(NamedTuple):  # a NamedTuple: loading dataclasses at start costs ~1.5 ms
    text: str
    tip: str
    shortcut: Key | str | None = None
    icon: str | None = None  # a Material Design Icons name, see postkit.ui.icons


def platform_key_bindings(key: Key) -> list[QKeySequence]:
    """The keys this platform gives a standard action (tests emulate other platforms here)."""
    return QKeySequence.keyBindings(key)


def _portable(key: QKeySequence) -> str:
    return key.toString(QKeySequence.SequenceFormat.PortableText)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


class Actions(QObject):
    """Creates each declared QAction once; `[ActionId.X]` gives it to menus, toolbars, tests.

    The modules declare the actions (postkit.ui.module); an id is any Enum member, so a new
    module may bring its own. Two declarations of one id are a mistake caught at start.
    """

    def __init__(self, window: QWidget, specs: Iterable[tuple[Enum, ActionSpec]]) -> None:
        super().__init__(window)
        self._actions: dict[Enum, QAction] = {}
        specs = list(specs)
        # Keys postkit gives its own commands. A platform's extra binding for a standard key
        # yields to them: on Linux desktops Delete is also Ctrl+D, which is Duplicate here.
        own_keys = frozenset(
            _portable(QKeySequence(spec.shortcut))
            for _id, spec in specs
            if isinstance(spec.shortcut, str)
        )
        for action_id, spec in specs:
            if action_id in self._actions:
                raise ValueError(f"{action_id} is declared twice")
            action = QAction(_tr(spec.text), window)
            action.setStatusTip(_tr(spec.tip))
            action.setToolTip(_tr(spec.tip))
            if spec.icon is not None:
                action.setIcon(icon(spec.icon))
            if isinstance(spec.shortcut, Key):
                action.setShortcuts(
                    [
                        key
                        for key in platform_key_bindings(spec.shortcut)
                        if _portable(key) not in own_keys
                    ]
                )
            elif spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            window.addAction(action)
            self._actions[action_id] = action

    def __getitem__(self, action_id: Enum) -> QAction:
        return self._actions[action_id]

    def __iter__(self) -> Iterator[Enum]:
        return iter(self._actions)

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(action text, key) for every action that has a key: its first, the one to learn.

        Further keys are the platform's alternatives, often named hardware keys ("New",
        "Help") that read as words in a list and that few keyboards have.
        """
        rows = []
        for action in self._actions.values():
            keys = action.shortcuts()
            if keys:
                text = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
                rows.append((action.text().replace("&", "").rstrip("…"), text))
        return rows
