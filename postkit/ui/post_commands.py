"""The post-wide commands: the profile, who works, preferences; and help, about, quit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMessageBox

from postkit import __version__
from postkit.ui import settings as keys
from postkit.ui.actions import ActionId, Key
from postkit.ui.icons import MODULE_ICONS
from postkit.ui.module import FILE, HELP, Commands, action
from postkit.ui.ops import Changes

if TYPE_CHECKING:
    from postkit.core.profile import PostProfile


class PostCommands(Commands):
    name = "post"

    @action(
        ActionId.EDIT_PROFILE,
        QT_TRANSLATE_NOOP("Actions", "&Post profile…"),
        QT_TRANSLATE_NOOP("Actions", "The post, its countries and your name"),
        None,
        "home-city-outline",
        menu=FILE,
        separator=True,
    )
    def edit_profile(self) -> None:
        from postkit.core.profile import save_profile
        from postkit.ui.profile_dialog import ProfileDialog

        assert self.ctx is not None
        dialog = ProfileDialog(self.window.profile, self.ctx.language, self.window)
        if dialog.exec() != ProfileDialog.DialogCode.Accepted:
            return
        profile = dialog.profile()
        self.ctx.runner.write(
            lambda session: save_profile(session, profile),
            self._saved,
            changes=Changes.of("profile"),
            owner=self.window,
        )

    def _saved(self, profile: PostProfile) -> None:
        self.window.set_profile(profile)

    @action(
        ActionId.MANAGE_USERS,
        QT_TRANSLATE_NOOP("Actions", "&Users…"),
        QT_TRANSLATE_NOOP("Actions", "The people at the post who use postkit"),
        None,
        "account-multiple-outline",
        menu=FILE,
    )
    def manage_users(self) -> None:
        from postkit.ui.users_dialog import UsersDialog

        assert self.ctx is not None
        UsersDialog(self.ctx.runner, self.window).exec()

    @action(
        ActionId.SWITCH_USER,
        QT_TRANSLATE_NOOP("Actions", "S&witch user…"),
        QT_TRANSLATE_NOOP("Actions", "Let another person at the post work under their own name"),
        None,
        "account-switch-outline",
        menu=FILE,
    )
    def switch_user(self) -> None:
        from postkit.core.users import list_users

        assert self.ctx is not None
        self.ctx.runner.query(
            lambda session: [user.name for user in list_users(session)],
            self._pick_user,
            owner=self.window,
        )

    def _pick_user(self, names: list[str]) -> None:
        from postkit.ui.users_dialog import UserPickDialog

        actor = self.window.actor
        if actor not in names:
            names.append(actor)
        dialog = UserPickDialog(names, actor, self.window)
        if dialog.exec() != UserPickDialog.DialogCode.Accepted or not dialog.chosen_name():
            return
        self.window.set_user(dialog.chosen_name())
        self.window.statusBar().showMessage(
            self.tr("Working as {0}").format(self.window.actor), 10000
        )

    @action(
        ActionId.PREFERENCES,
        QT_TRANSLATE_NOOP("Actions", "Pre&ferences…"),
        QT_TRANSLATE_NOOP("Actions", "The interface language"),
        Key.Preferences,
        "cog-outline",
        menu=FILE,
    )
    def edit_preferences(self) -> None:
        from postkit.ui.preferences_dialog import PreferencesDialog

        settings = self.window.settings
        dialog = PreferencesDialog(settings.language, self.window)
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        if dialog.chosen_language != settings.language:
            settings.set(keys.LANGUAGE, dialog.chosen_language)
            self.window.statusBar().showMessage(
                self.tr("The new language applies when postkit starts again."), 15000
            )

    def update_actions(self) -> None:
        for action_id in (ActionId.EDIT_PROFILE, ActionId.MANAGE_USERS, ActionId.SWITCH_USER):
            self.enable(action_id, self.is_attached)
        self.enable(ActionId.PREFERENCES, True)


class AppCommands(Commands):
    """Help, about, the shortcut list and quit: there before the database is open."""

    name = "app"

    @action(
        ActionId.QUIT,
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        QT_TRANSLATE_NOOP("Actions", "Close postkit"),
        Key.Quit,
        "exit-to-app",
        menu=FILE,
        separator=True,
    )
    def quit(self) -> None:
        self.window.close()

    @action(
        ActionId.USER_GUIDE,
        QT_TRANSLATE_NOOP("Actions", "&User guide"),
        QT_TRANSLATE_NOOP("Actions", "A short guide to postkit's tasks"),
        Key.HelpContents,
        MODULE_ICONS["help"],
        menu=HELP,
    )
    def user_guide(self) -> None:
        from postkit.ui.help import show_user_guide

        module = self.window.current_module if self.window.is_attached else None
        show_user_guide(self.window, self.window.language, module)

    @action(
        ActionId.SHORTCUTS,
        QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"),
        QT_TRANSLATE_NOOP("Actions", "The keys for common actions"),
        "Ctrl+/",
        "keyboard-outline",
        menu=HELP,
    )
    def shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td>{text}</td><td><b>{keys_text}</b></td></tr>"
            for text, keys_text in self.window.actions.shortcut_list()
        )
        QMessageBox.information(
            self.window, self.tr("Keyboard shortcuts"), f"<table cellpadding='3'>{rows}</table>"
        )

    @action(
        ActionId.ABOUT,
        QT_TRANSLATE_NOOP("Actions", "&About postkit"),
        QT_TRANSLATE_NOOP("Actions", "Version and purpose"),
        None,
        "information-outline",
        menu=HELP,
    )
    def about(self) -> None:
        database = self.ctx.runner.database if self.ctx is not None else None
        QMessageBox.about(
            self.window,
            self.tr("About postkit"),
            self.tr(
                "<h3>postkit {0}</h3><p>The IMVO toolkit for Dutch embassies and consulates: "
                "log the post's work on international responsible business conduct against the "
                "five core tasks, and report on it.</p><p>Database: {1}</p>"
            ).format(__version__, database.url if database else "–"),
        )

    def update_actions(self) -> None:
        for declared in self.declared():
            self.enable(declared.id, True)
