"""Every command of the main window as one QAction, keyed by an enum (menus take them from here)."""

from __future__ import annotations

from enum import Enum, auto
from typing import NamedTuple

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
    HQ_WRITE_RECEIPTS = auto()
    IMPORT_RECEIPT_KEY = auto()
    HQ_EXPORT_RECEIPT_KEY = auto()


Key = QKeySequence.StandardKey


class ActionSpec(NamedTuple):  # a NamedTuple: loading dataclasses at start costs ~1.5 ms
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
    ActionId.SHOW_SCREENING: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&IMVO conditions"),
        QT_TRANSLATE_NOOP("Actions", "Screening of companies' requests for support"),
        "Ctrl+3",
        MODULE_ICONS["screening"],
    ),
    ActionId.NEW_REQUEST: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "New support &request…"),
        QT_TRANSLATE_NOOP("Actions", "Record a company's request for support"),
        "Ctrl+Shift+N",
        "file-plus-outline",
    ),
    ActionId.EDIT_REQUEST: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Edit request…"),
        QT_TRANSLATE_NOOP("Actions", "Edit the company and support data of the request"),
        None,
        "file-document-edit-outline",
    ),
    ActionId.SCREEN_REQUEST: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Screen against the &sanctions list"),
        QT_TRANSLATE_NOOP("Actions", "Match the company and its directors against the list"),
        "Ctrl+Shift+K",
        "account-search-outline",
    ),
    ActionId.PRINT_DECISION_RECORD: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Print decision record (PDF)…"),
        QT_TRANSLATE_NOOP("Actions", "Write the request's decision record as PDF"),
        Key.Print,
        "printer-outline",
    ),
    ActionId.IMPORT_SANCTIONS_LIST: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Import &sanctions list…"),
        QT_TRANSLATE_NOOP("Actions", "Import a sanctions list (targets.simple.csv)"),
        None,
        "database-import-outline",
    ),
    ActionId.IMPORT_RISK_TABLE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Import risk &table…"),
        QT_TRANSLATE_NOOP("Actions", "Import a country or sector risk table"),
        None,
        "scale-balance",
    ),
    ActionId.SHOW_PRACTICES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Good practices"),
        QT_TRANSLATE_NOOP("Actions", "The library of good practices"),
        "Ctrl+4",
        MODULE_ICONS["practices"],
    ),
    ActionId.NEW_PRACTICE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "New &good practice…"),
        QT_TRANSLATE_NOOP("Actions", "Write up a good practice"),
        "Ctrl+Alt+N",
        "lightbulb-on-outline",
    ),
    ActionId.PROMOTE_ACTIVITY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Promote to good practice…"),
        QT_TRANSLATE_NOOP("Actions", "Make a good practice of the selected activity"),
        "Ctrl+Shift+G",
        "arrow-up-bold-box-outline",
    ),
    ActionId.IMPORT_PRACTICES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Import good practices…"),
        QT_TRANSLATE_NOOP("Actions", "Import .postkit files from other posts"),
        "Ctrl+I",
        "tray-arrow-down",
    ),
    ActionId.EXPORT_PRACTICES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "E&xport good practices…"),
        QT_TRANSLATE_NOOP("Actions", "Export practices to a .postkit file to share"),
        "Ctrl+Shift+E",
        "tray-arrow-up",
    ),
    ActionId.PRACTICE_BOOKLET: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "PDF &booklet…"),
        QT_TRANSLATE_NOOP("Actions", "A booklet of the practices shown, to hand out"),
        "Ctrl+Shift+B",
        "book-open-page-variant-outline",
    ),
    ActionId.PRESENT_PRACTICES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Pre&sent (trainer mode)"),
        QT_TRANSLATE_NOOP("Actions", "Show the practices full screen, one per page"),
        "F5",
        "presentation-play",
    ),
    ActionId.SHOW_SURVEYS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Surveys"),
        QT_TRANSLATE_NOOP("Actions", "The evaluation survey and other surveys"),
        "Ctrl+5",
        MODULE_ICONS["surveys"],
    ),
    ActionId.START_RESPONSE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Start a survey &response…"),
        QT_TRANSLATE_NOOP("Actions", "Answer the selected survey"),
        None,
        "clipboard-play-outline",
    ),
    ActionId.CONTINUE_DRAFT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Continue survey draft"),
        QT_TRANSLATE_NOOP("Actions", "Go on with a response that was not submitted yet"),
        None,
        "clipboard-edit-outline",
    ),
    ActionId.IMPORT_SURVEY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Import a survey (&XLSForm)…"),
        QT_TRANSLATE_NOOP("Actions", "Add a survey designed as an XLSForm workbook"),
        None,
        "file-import-outline",
    ),
    ActionId.EXPORT_RESPONSES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Export survey r&esponses…"),
        QT_TRANSLATE_NOOP("Actions", "Export the post's responses for headquarters"),
        None,
        "file-export-outline",
    ),
    ActionId.PROTECT_DATABASE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Pro&tect with a passphrase…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Encrypt the post's database, its backups and its attached files"
        ),
        None,
        "lock-outline",
    ),
    ActionId.CHANGE_PASSPHRASE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Change passphrase…"),
        QT_TRANSLATE_NOOP("Actions", "Re-key the database and its backups with a new passphrase"),
        None,
        "lock-reset",
    ),
    ActionId.MANAGE_USERS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Users…"),
        QT_TRANSLATE_NOOP("Actions", "The people at the post who use postkit"),
        None,
        "account-multiple-outline",
    ),
    ActionId.SWITCH_USER: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "S&witch user…"),
        QT_TRANSLATE_NOOP("Actions", "Let another person at the post work under their own name"),
        None,
        "account-switch-outline",
    ),
    ActionId.IMPORT_RECEIPT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Import a &receipt…"),
        QT_TRANSLATE_NOOP("Actions", "Import headquarters' receipt of the exports the post sent"),
        None,
        "receipt-text-check-outline",
    ),
    ActionId.SHOW_HQ: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Headquarters"),
        QT_TRANSLATE_NOOP("Actions", "Aggregate the survey exports of the posts"),
        "Ctrl+6",
        MODULE_ICONS["hq"],
    ),
    ActionId.HQ_ADD_FILES: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Add export &files…"),
        QT_TRANSLATE_NOOP("Actions", "Add post export files to aggregate"),
        None,
        "file-plus-outline",
    ),
    ActionId.HQ_ADD_FOLDER: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Add a f&older of exports…"),
        QT_TRANSLATE_NOOP("Actions", "Add every export file in a folder"),
        None,
        "folder-plus-outline",
    ),
    ActionId.HQ_AGGREGATE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Aggregate"),
        QT_TRANSLATE_NOOP("Actions", "Check and store the listed exports and build the summary"),
        "Ctrl+Shift+A",
        "sigma",
    ),
    ActionId.HQ_SAVE_SUMMARY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Save &summary (.xlsx)…"),
        QT_TRANSLATE_NOOP("Actions", "Write the summary workbook"),
        None,
        "file-excel-outline",
    ),
    ActionId.HQ_SAVE_REPORT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Save &report (PDF)…"),
        QT_TRANSLATE_NOOP("Actions", "Write the report with charts"),
        None,
        "file-pdf-box",
    ),
    ActionId.HQ_WRITE_RECEIPTS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Write &receipts…"),
        QT_TRANSLATE_NOOP("Actions", "Write a receipt file for each post whose files arrived"),
        None,
        "receipt-text-outline",
    ),
    ActionId.IMPORT_RECEIPT_KEY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Import headquarters' receipt &key…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Store the key that shows a receipt really comes from headquarters"
        ),
        None,
        "shield-check-outline",
    ),
    ActionId.HQ_EXPORT_RECEIPT_KEY: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Export the receipt &key…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Write the public key the posts check headquarters' receipts with"
        ),
        None,
        "file-export-outline",
    ),
}


# What each module puts on the toolbar (None: a separator); the menus keep every command.
MODULE_TOOLBARS: dict[str, tuple[ActionId | None, ...]] = {
    "activities": (
        ActionId.NEW_ACTIVITY,
        ActionId.EDIT_ACTIVITY,
        ActionId.DELETE_ACTIVITIES,
        None,
        ActionId.EXPORT_ACTIVITIES,
        ActionId.ANNUAL_REPORT,
    ),
    "dashboard": (ActionId.ANNUAL_REPORT, ActionId.EXPORT_ACTIVITIES),
    "screening": (
        ActionId.NEW_REQUEST,
        ActionId.EDIT_REQUEST,
        ActionId.SCREEN_REQUEST,
        None,
        ActionId.PRINT_DECISION_RECORD,
    ),
    "practices": (
        ActionId.NEW_PRACTICE,
        None,
        ActionId.IMPORT_PRACTICES,
        ActionId.EXPORT_PRACTICES,
        ActionId.PRACTICE_BOOKLET,
        None,
        ActionId.PRESENT_PRACTICES,
    ),
    "surveys": (
        ActionId.START_RESPONSE,
        ActionId.CONTINUE_DRAFT,
        None,
        ActionId.EXPORT_RESPONSES,
        ActionId.IMPORT_RECEIPT,
    ),
    "hq": (
        ActionId.HQ_ADD_FILES,
        ActionId.HQ_ADD_FOLDER,
        ActionId.HQ_AGGREGATE,
        None,
        ActionId.HQ_SAVE_SUMMARY,
        ActionId.HQ_SAVE_REPORT,
    ),
}


def platform_key_bindings(key: Key) -> list[QKeySequence]:
    """The keys this platform gives a standard action (tests emulate other platforms here)."""
    return QKeySequence.keyBindings(key)


def _portable(key: QKeySequence) -> str:
    return key.toString(QKeySequence.SequenceFormat.PortableText)


# Keys postkit gives its own commands. A platform's extra binding for a standard key yields
# to them: on Linux desktops Delete is also Ctrl+D, which is Duplicate here.
_OWN_KEYS = frozenset(
    _portable(QKeySequence(spec.shortcut))
    for spec in SPECS.values()
    if isinstance(spec.shortcut, str)
)


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
                action.setShortcuts(
                    [
                        key
                        for key in platform_key_bindings(spec.shortcut)
                        if _portable(key) not in _OWN_KEYS
                    ]
                )
            elif spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            window.addAction(action)
            self._actions[action_id] = action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

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
