"""Preferences: the interface language (applied when postkit starts again, and it says so)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from postkit.ui.i18n import LANGUAGES


class PreferencesDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._initial = language
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.restart_note = QLabel(
            self.tr("The new language applies when postkit starts again."), self
        )
        self.restart_note.setWordWrap(True)
        self.restart_note.setVisible(False)
        self.language.currentIndexChanged.connect(self._show_restart_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.restart_note)
        form.addRow(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)

    def _show_restart_note(self) -> None:
        self.restart_note.setVisible(self.chosen_language != self._initial)
        # A wrapped label that appears needs the dialog to grow for its lines.
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    @property
    def chosen_language(self) -> str:
        return str(self.language.currentData())
