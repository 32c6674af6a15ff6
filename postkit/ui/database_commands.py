"""The database's own commands: backups, restore, and the passphrase that encrypts it.

Each one that changes the file first quiets the runner (`wait_idle`) and closes every
connection, so no read or write is halfway when the file changes under it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFileDialog, QMessageBox

from postkit.core.errors import PostkitError
from postkit.ui.actions import ActionId
from postkit.ui.dialogs import confirm, show_error
from postkit.ui.module import FILE, Commands, action


class DatabaseCommands(Commands):
    name = "database"

    @property
    def database_file(self) -> Path | None:
        """The SQLite file behind the window, or None for a server database."""
        if self.ctx is None or not self.ctx.runner.database.is_sqlite:
            return None
        name = self.ctx.runner.database.engine.url.database
        return Path(name) if name else None

    def _quiet(self) -> None:
        """Store what pages hold unsaved, let the runner and its jobs finish (an export
        reading the file while it is re-keyed would be left half done), close every
        connection."""
        assert self.ctx is not None
        for commands in self.window.modules.values():
            commands.leave()
        self.ctx.runner.wait_idle()
        self.ctx.runner.database.close_connections()

    @action(
        ActionId.BACKUP,
        QT_TRANSLATE_NOOP("Actions", "&Back up now"),
        QT_TRANSLATE_NOOP("Actions", "Write a backup copy of the post's database"),
        None,
        "database-export-outline",
        menu=FILE,
    )
    def back_up(self) -> Path | None:
        """Write a backup copy (SQLite's online backup: it needs no quiet runner)."""
        from postkit.core.db.backup import backup_database

        assert self.ctx is not None and self.database_file is not None
        try:
            written = backup_database(
                self.database_file, passphrase=self.ctx.runner.database.passphrase
            )
        except PostkitError as error:
            show_error(self.window, error)
            return None
        self.ctx.status_message(self.tr("Backup written to {0}").format(written))
        return written

    def ask_backup_file(self) -> Path | None:
        from postkit.core.db.backup_files import backups_dir

        assert self.database_file is not None
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Restore from backup"),
            str(backups_dir(self.database_file)),
            self.tr("postkit database (*.sqlite3)"),
        )
        return Path(name) if name else None

    @action(
        ActionId.RESTORE,
        QT_TRANSLATE_NOOP("Actions", "Re&store from backup…"),
        QT_TRANSLATE_NOOP("Actions", "Replace the database by a backup (the current one is kept)"),
        None,
        "backup-restore",
        menu=FILE,
    )
    def restore_backup(self) -> None:
        """Replace the database by a backup; postkit then closes, as the open data is stale."""
        from postkit.core.db.backup import restore_database
        from postkit.core.db.restorable import check_restorable
        from postkit.core.screening.audit import log_restore, read_anchor

        database_file = self.database_file
        assert database_file is not None and self.ctx is not None
        backup = self.ask_backup_file()
        if backup is None:
            return
        question = self.tr(
            "Replace the post's database by the backup {0}? The current database is backed up "
            "first. postkit closes afterwards; start it again to work on the restored data."
        ).format(backup.name)
        if not confirm(self.window, self.tr("Restore from backup"), question, self.tr("Restore")):
            return
        self._quiet()
        passphrase = self.ctx.runner.database.passphrase
        replaced = read_anchor(database_file, passphrase)
        try:
            safety = restore_database(database_file, backup, passphrase, check=check_restorable)
            # The restored log tells of the restore, and of the head of the log it replaced.
            log_restore(database_file, passphrase, backup, replaced, safety, self.window.actor)
        except PostkitError as error:
            show_error(self.window, error)
            return
        QMessageBox.information(
            self.window,
            self.tr("Restored"),
            self.tr("The backup was restored. The database as it was is kept in {0}.").format(
                safety
            ),
        )
        self.window.close()

    @action(
        ActionId.PROTECT_DATABASE,
        QT_TRANSLATE_NOOP("Actions", "Protect with &a passphrase…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Encrypt the post's database, its backups and its attached files"
        ),
        None,
        "lock-outline",
        menu=FILE,
    )
    def protect_with_passphrase(self) -> None:
        """Encrypt the database and its backups; postkit then closes, to open it keyed."""
        from postkit.core.db.encryption import protect_database
        from postkit.core.screening.audit import log_database_event
        from postkit.ui.passphrase_dialog import PassphraseDialog, PassphraseMode

        database_file = self.database_file
        assert database_file is not None
        dialog = PassphraseDialog(PassphraseMode.PROTECT, self.window)
        if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
            return
        self._quiet()
        try:
            encrypted = protect_database(database_file, dialog.new_passphrase())
            log_database_event(
                database_file,
                dialog.new_passphrase(),
                "database_protected",
                {"backups_encrypted": len(encrypted)},
                self.window.actor,
            )
        except PostkitError as error:
            show_error(self.window, error)
            return
        QMessageBox.information(
            self.window,
            self.tr("Protected"),
            self.tr(
                "The post's database and its backups are now encrypted. postkit closes; start "
                "it again and enter the passphrase."
            ),
        )
        self.window.close()

    @action(
        ActionId.CHANGE_PASSPHRASE,
        QT_TRANSLATE_NOOP("Actions", "&Change passphrase…"),
        QT_TRANSLATE_NOOP("Actions", "Re-key the database and its backups with a new passphrase"),
        None,
        "lock-reset",
        menu=FILE,
    )
    def change_passphrase(self) -> None:
        """Re-key the database and its backups; work goes on with the new passphrase."""
        from postkit.core.db.encryption import WrongPassphraseError, change_passphrase
        from postkit.core.screening.audit import log_database_event
        from postkit.ui.passphrase_dialog import PassphraseDialog, PassphraseMode

        database_file = self.database_file
        assert database_file is not None and self.ctx is not None
        key = self.ctx.runner.database.key
        assert key is not None
        dialog = PassphraseDialog(PassphraseMode.CHANGE, self.window)
        if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
            return
        if dialog.passphrase() != key.passphrase:
            self._wrong_passphrase()
            return
        self._quiet()
        try:
            rekeyed = change_passphrase(
                database_file,
                dialog.passphrase(),
                dialog.new_passphrase(),
                rotate_file_key=dialog.rotate_file_key(),
            )
        except WrongPassphraseError:
            self._wrong_passphrase()
            return
        except PostkitError as error:
            show_error(self.window, error)
            return
        key.replace(dialog.new_passphrase())
        try:
            log_database_event(
                database_file,
                dialog.new_passphrase(),
                "passphrase_changed",
                {"backups_rekeyed": len(rekeyed), "file_key_rotated": dialog.rotate_file_key()},
                self.window.actor,
            )
        except PostkitError as error:
            show_error(self.window, error)
        self.ctx.status_message(
            self.tr("The passphrase is changed; the backups use the new one too.")
        )

    def _wrong_passphrase(self) -> None:
        QMessageBox.warning(
            self.window,
            self.tr("Change passphrase"),
            self.tr("The current passphrase is wrong; nothing was changed."),
        )

    def update_actions(self) -> None:
        file_db = self.database_file is not None
        protected = self.ctx is not None and self.ctx.runner.database.is_protected
        self.enable(ActionId.BACKUP, file_db)
        self.enable(ActionId.RESTORE, file_db)
        self.enable(ActionId.PROTECT_DATABASE, file_db and not protected)
        self.enable(ActionId.CHANGE_PASSPHRASE, file_db and protected)
