"""The shape every module has: its page, its actions with the code they run, its enabled-state.

How to add a command (Picard's way: declared with the code that runs it): in the module the
command belongs to, write the method and put `@action(...)` over it, naming the text, tip,
key, icon and the menu it goes in; add it to the module's `toolbar` if it belongs there; set
when it is enabled in the module's `update_actions`. Then run `postkit translations update`.
Nothing in the main window changes: it builds menus, toolbar and the shortcut list from what
the modules declare.

A `Commands` set has actions but no page (the post's profile, backups, help); a `Module` adds
a page, a navigation entry with its View-menu action, and a toolbar of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from postkit.ui.actions import ActionId, ActionSpec, Key
from postkit.ui.icons import MODULE_ICONS
from postkit.ui.widgets import save_paths

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QUndoStack

    from postkit.core.profile import PostProfile
    from postkit.ui.main_window import MainWindow
    from postkit.ui.ops import Changes, Runner
    from postkit.ui.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])

# The window's own menus; a module's own menu is named by the module's `name`.
FILE, EDIT, VIEW, HELP = "file", "edit", "view", "help"

# How long an action of a page not yet built waits for the page's first read to decide.
FIRST_READ_WAIT_MS = 3000


class Declared(NamedTuple):
    """One action as a module declares it: what it looks like, where it goes, what it runs."""

    id: Enum
    spec: ActionSpec
    method: str
    menu: str | None
    separator: bool  # a separator before it in its menu


def action(
    action_id: Enum,
    text: str,
    tip: str,
    shortcut: Key | str | None = None,
    icon: str | None = None,
    *,
    menu: str | None = None,
    separator: bool = False,
) -> Callable[[F], F]:
    """Declare the decorated method as the command `action_id` (texts: QT_TRANSLATE_NOOP
    in the "Actions" context, which the window translates)."""

    def mark(method: F) -> F:
        method._postkit_action = (  # type: ignore[attr-defined]
            action_id,
            ActionSpec(text, tip, shortcut, icon),
            menu,
            separator,
        )
        return method

    return mark


class ModuleContext:
    """What a module gets from the window once the database is open; no more than this."""

    def __init__(
        self,
        window: MainWindow,
        runner: Runner,
        settings: Settings,
        language: str,
        undo_stack: QUndoStack,
        acting_profile: Callable[[], PostProfile],
        status_message: Callable[[str], None],
        show_summary: Callable[[str], None],
    ) -> None:
        self.window = window
        self.runner = runner
        self.settings = settings
        self.language = language
        self.undo_stack = undo_stack
        self.acting_profile = acting_profile
        self.status_message = status_message
        # The status bar's standing line (the activity count).
        self.show_summary = show_summary

    def ask_save_path(
        self,
        kind: str,
        title: str,
        suggested_name: str,
        file_filter: str,
        parent: QWidget | None = None,
    ) -> Path | None:
        """Ask where to save a file of `kind`, in the folder the last one of it went to."""
        return save_paths.ask_save_path(
            parent or self.window, kind, title, suggested_name, file_filter
        )


@cache
def _declared(cls: type[Commands]) -> tuple[Declared, ...]:
    found: dict[str, Declared] = {}
    for klass in reversed(cls.__mro__):
        if not issubclass(klass, Commands):  # QObject's own members declare nothing
            continue
        for attribute, value in vars(klass).items():
            mark = getattr(value, "_postkit_action", None)
            if mark is not None:
                action_id, spec, menu, separator = mark
                found[attribute] = Declared(action_id, spec, attribute, menu, separator)
    return tuple(found.values())


class Commands(QObject):
    """A set of commands: actions declared with `@action` on the methods that run them.

    `state_changed` tells the window that what enables the actions changed; the window then
    asks every set to `update_actions()`.
    """

    name: str = ""
    # The title of the module's own menu (QT_TRANSLATE_NOOP "MainWindow"), or None.
    menu_title: str | None = None

    state_changed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx: ModuleContext | None = None

    @classmethod
    def declared(cls) -> tuple[Declared, ...]:
        """The actions of this set, in the order their methods are written."""
        return _declared(cls)

    def connect_actions(self) -> None:
        for declared in self.declared():
            self.action(declared.id).triggered.connect(
                lambda _checked=False, method=declared.method: self.run(method)
            )

    def run(self, method: str) -> None:
        getattr(self, method)()

    def action(self, action_id: Enum) -> QAction:
        return self.window.actions[action_id]

    def enable(self, action_id: Enum, enabled: bool) -> None:
        self.action(action_id).setEnabled(bool(enabled))

    @property
    def is_attached(self) -> bool:
        return self.ctx is not None

    def attach(self, ctx: ModuleContext) -> None:
        """The database is open: build what needs it, listen to the runner."""
        self.ctx = ctx
        ctx.runner.changed.connect(self.on_changed)

    def update_actions(self) -> None:
        """Enable this set's actions from its state (all off until the database is open)."""
        for declared in self.declared():
            self.enable(declared.id, self.is_attached)

    def on_changed(self, changes: Changes) -> None:
        """A write went through the runner; refresh what shows the records it changed."""

    # Whether Find (Ctrl+F) searches this module's page while it is current.
    searchable = False

    def focus_search(self) -> None:
        """Put the cursor in the page's search field."""

    def save_state(self, settings: Settings) -> None:
        """Keep what the window should look like next time (column widths…)."""

    def profile_changed(self, profile: PostProfile) -> None:
        """The post's profile or the person working changed."""

    def leave(self) -> None:
        """Store what is unsaved before the database is quieted or the module is left."""

    def close(self) -> None:
        """The window closes: stop what this set runs."""


class Module(Commands):
    """A module: a page in the window's navigation, with its own toolbar and actions.

    A module declares its `name`, `page_module`, `title`, the text, tip and key of its
    View-menu action (`show_spec`, no icon), its `toolbar`, and `build_page`. The View-menu
    action is `ActionId.SHOW_<NAME>` unless `show_id` says otherwise, and its icon, like the
    navigation's, is `MODULE_ICONS[name]`, so neither is written again in the module.
    """

    # Navigation text (QT_TRANSLATE_NOOP "MainWindow"); the icon is MODULE_ICONS[name].
    title: str = ""
    # The View menu's action that shows this module (show_id and the icon are derived).
    show_id: Enum
    show_spec: ActionSpec
    # What the toolbar shows while this module is current (None: a separator); a module whose
    # page has parts with commands of their own makes it a property, and calls
    # `toolbar_changed` when the part shown changes.
    toolbar: tuple[Enum | None, ...] = ()
    # Commands of this module's own menu show the module before they run.
    runs_in_module: bool = True
    # Where the page's class is: imported off the GUI thread before the page is needed.
    page_module: str = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "show_id" not in vars(cls):
            cls.show_id = ActionId[f"SHOW_{cls.name.upper()}"]
        spec = vars(cls).get("show_spec")
        if spec is not None and spec.icon is None:
            cls.show_spec = spec._replace(icon=MODULE_ICONS.get(cls.name))

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        # Built when first shown or first needed (ensure_page), not in attach: building every
        # page at start (and importing what they use) kept the first one waiting.
        self.page: QWidget | None = None

    def build_page(self, ctx: ModuleContext) -> QWidget:
        raise NotImplementedError

    def ensure_page(self) -> QWidget:
        """The module's page, built (and handed to the window) the first time it is asked for."""
        if self.page is None:
            assert self.ctx is not None, "the page needs the database: attach first"
            self.page = self.build_page(self.ctx)
            self.window.host_page(self.page)
            self.page_built()
        return self.page

    def connect_page(self, page: QWidget) -> QWidget:
        """Connect what every page says: `status_message` (a line for the status bar) and
        `state_changed` (what enables this module's actions changed). Returns `page`."""
        assert self.ctx is not None
        page.status_message.connect(self.ctx.status_message)  # type: ignore[attr-defined]
        page.state_changed.connect(self.state_changed)  # type: ignore[attr-defined]
        return page

    def page_built(self) -> None:
        """The page was just built (load what it shows, connect it to the other modules)."""

    def toolbar_changed(self) -> None:
        """What `toolbar` gives changed (the page shows another part): the window shows it."""
        if self.is_current:
            self.window.fill_toolbar(self)

    @property
    def is_current(self) -> bool:
        return self.is_attached and self.window.current_module == self.name

    def run(self, method: str) -> None:
        if self.page is None:
            self.ensure_page()
            # Asked before the module is shown: what enables some actions is where one is.
            if not self._applies(method):
                return
        if self.runs_in_module:
            self.window.show_module(self.name)
        super().run(method)

    def _applies(self, method: str) -> bool:
        """Whether `method`'s action is on, as the page just built says. Before the page
        existed every action was; one the page turns off may only wait for what the page
        reads first (the forms a survey can start from), so that is let in, briefly."""
        self.window.update_actions()
        if self._enabled(method):
            return True
        assert self.ctx is not None
        self.ctx.runner.wait_idle(FIRST_READ_WAIT_MS)
        self.window.update_actions()
        return self._enabled(method)

    def _enabled(self, method: str) -> bool:
        for declared in self.declared():
            if declared.method == method:
                return self.action(declared.id).isEnabled()
        return True

    def update_actions(self) -> None:
        if self.page is None:
            super().update_actions()
        else:
            self.update_page_actions()

    def update_page_actions(self) -> None:
        """Enable the actions from the page's public state (the page exists)."""
        for declared in self.declared():
            self.enable(declared.id, True)
