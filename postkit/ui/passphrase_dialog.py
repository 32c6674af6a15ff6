"""The passphrase of a protected database: to open it, to protect it, to change it."""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from postkit.core.db.encryption import MIN_PASSPHRASE_LENGTH
from postkit.ui.dialogs import CheckedDialog, error_label


class PassphraseMode(Enum):
    UNLOCK = auto()
    PROTECT = auto()
    CHANGE = auto()


class PassphraseDialog(CheckedDialog):
    """Asks for the passphrase (UNLOCK), a new one twice (PROTECT), or both (CHANGE)."""

    def __init__(
        self,
        mode: PassphraseMode,
        parent: QWidget | None = None,
        database_name: str = "",
        problem: str = "",
    ) -> None:
        super().__init__(parent)
        self.mode = mode
        self.setMinimumWidth(460)
        self.current = self._password_field()
        self.new = self._password_field()
        self.repeat = self._password_field()
        self.show_text = QCheckBox(self.tr("&Show the characters"), self)
        self.show_text.toggled.connect(self._show_characters)
        self.rotate = QCheckBox(
            self.tr("Also give the attached files a new &key"),
            self,
        )
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.error_label = error_label(self, problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        if mode is PassphraseMode.UNLOCK:
            self.setWindowTitle(self.tr("Protected database"))
            self.intro.setText(
                self.tr(
                    "The post's database {0} is protected with a passphrase. Enter the "
                    "passphrase to open it."
                ).format(database_name)
            )
            self.ok_button.setText(self.tr("&Open"))
            self.cancel_button.setText(self.tr("&Quit"))
            form.addRow(self.tr("&Passphrase:"), self.current)
        else:
            warning = self.tr(
                "Nobody can open the post's data without the passphrase: not a colleague, "
                "not headquarters, not the makers of postkit. Write it down and keep it in a "
                "safe place. Backups are encrypted with it too."
            )
            if mode is PassphraseMode.PROTECT:
                self.setWindowTitle(self.tr("Protect with a passphrase"))
                self.intro.setText(
                    self.tr(
                        "The database is encrypted on this computer. postkit asks for the "
                        "passphrase each time it starts."
                    )
                    + " "
                    + warning
                )
                self.ok_button.setText(self.tr("&Protect"))
            else:
                self.setWindowTitle(self.tr("Change passphrase"))
                self.intro.setText(warning)
                self.ok_button.setText(self.tr("&Change"))
                form.addRow(self.tr("&Current passphrase:"), self.current)
            form.addRow(self.tr("&New passphrase:"), self.new)
            form.addRow(self.tr("&Repeat it:"), self.repeat)
        form.addRow("", self.show_text)
        if mode is PassphraseMode.CHANGE:
            self.rotate.setToolTip(
                self.tr(
                    "Every attached file is sealed again under a new key, which takes longer. "
                    "Do it when the old passphrase may be known; without it, the files keep "
                    "their key and only the passphrase that unlocks it changes."
                )
            )
            form.addRow("", self.rotate)
        else:
            self.rotate.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        for field in (self.current, self.new, self.repeat):
            field.textChanged.connect(self._validate)
        self._problem = problem
        self._validate()
        (self.current if mode is not PassphraseMode.PROTECT else self.new).setFocus()

    def _password_field(self) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _show_characters(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in (self.current, self.new, self.repeat):
            field.setEchoMode(mode)

    def passphrase(self) -> str:
        """The passphrase typed to open the database (or the current one, when changing)."""
        return self.current.text()

    def new_passphrase(self) -> str:
        return self.new.text()

    def rotate_file_key(self) -> bool:
        """Whether the attached files are to be sealed again under a new key."""
        return self.mode is PassphraseMode.CHANGE and self.rotate.isChecked()

    def _validate(self) -> bool:
        problem = ""
        if self.mode is not PassphraseMode.PROTECT and not self.current.text():
            # The reason the dialog was shown again (a wrong passphrase) stays until typing.
            problem = self._problem if self.mode is PassphraseMode.UNLOCK else ""
            self.error_label.setText(problem)
            self.ok_button.setEnabled(False)
            return False
        self._problem = ""
        if self.mode is not PassphraseMode.UNLOCK:
            new = self.new.text()
            if len(new) < MIN_PASSPHRASE_LENGTH:
                problem = self.tr(
                    "The new passphrase needs at least %n characters.", "", MIN_PASSPHRASE_LENGTH
                )
            elif new != new.strip():
                problem = self.tr("The passphrase cannot start or end with a space.")
            elif self.repeat.text() != new:
                problem = self.tr("The two new passphrases differ.")
            elif self.mode is PassphraseMode.CHANGE and new == self.current.text():
                problem = self.tr("The new passphrase is the same as the current one.")
        return self.say_problem(problem)
