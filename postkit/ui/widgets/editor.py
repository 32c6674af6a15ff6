"""What the record editors share: tabs of fields, the validation message under them, and a
Save button enabled only while the input is valid; text boxes, a country choice and a list of
attached files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.ui.dialogs import error_label
from postkit.ui.widgets.attachments_editor import AttachmentsEditor
from postkit.ui.widgets.check_list import ThemesAndSectors


def text_box(
    parent: QWidget, lines: int, placeholder: str = "", *, grows: bool = True
) -> QPlainTextEdit:
    """A text box `lines` high where Tab moves on; one that does not grow stays a few lines
    high instead of taking the whole form."""
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    edit.setPlaceholderText(placeholder)
    if not grows:
        edit.setMaximumHeight(edit.minimumHeight() + edit.fontMetrics().lineSpacing() * 2)
    return edit


def choice_box(
    parent: QWidget, choices: reference.ReferenceList, language: str, none_label: str
) -> QComboBox:
    """The reference list's items by label in `language` (data: the code), after
    `none_label` for none (data None)."""
    box = QComboBox(parent)
    box.addItem(none_label, None)
    for item in sorted(choices.items, key=lambda i: i.label(language)):
        box.addItem(item.label(language), item.code)
    return box


def country_box(parent: QWidget, language: str, none_label: str) -> QComboBox:
    """The countries by name in `language`, after `none_label` for no country."""
    return choice_box(parent, reference.countries(), language, none_label)


def open_editor(
    owner: QObject, dialog: QDialog, save: Callable[[], object] | None = None, name: str = "editor"
) -> None:
    """Opens `dialog` window-modal, to be deleted once closed, and keeps it as `owner.<name>`
    while it is open (where the module's actions and the tests find it); `save` runs on OK."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if save is not None:
        dialog.accepted.connect(save)
    dialog.finished.connect(lambda: setattr(owner, name, None))
    setattr(owner, name, dialog)
    dialog.open()


class EditorDialog(QDialog):
    """A record's editor. A subclass builds its tabs (each a `form_tab`), then `lay_out` adds
    the message line and the buttons; `show_errors` says what is wrong and enables Save only
    when nothing is. An editor whose record has files passes `files_dir` and puts
    `files_field` on one of its tabs."""

    # Set by `files_field`: the attached files of an editor that has them.
    files: AttachmentsEditor

    def __init__(
        self, language: str, parent: QWidget | None = None, *, files_dir: Path | None = None
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._files_dir = files_dir
        # Made before the subclass's fields, so Tab reaches the tab bar before them.
        self.tabs = QTabWidget(self)
        self._touched: set[str] = set()  # fields whose error shows: the user has left them

    def form_tab(self) -> tuple[QWidget, QFormLayout]:
        """A page for one tab with the form its labelled fields go in."""
        page = QWidget(self)
        return page, QFormLayout(page)

    def files_field(self, page: QWidget) -> AttachmentsEditor:
        """The list of attached files, kept as `files` (the editor was given `files_dir`)."""
        assert self._files_dir is not None, "an editor with files is given files_dir"
        self.files = AttachmentsEditor(self._files_dir, page)
        return self.files

    def add_files(self, paths: list[Path]) -> None:
        """Attach the files at `paths` (dropped on the editor, or picked by a test)."""
        self.files.add_files(paths)

    def select_country(self, code: str | None) -> None:
        """Choose the country `code` in `country`, or none when it is not in the list."""
        index = self.country.findData(code) if code else 0
        self.country.setCurrentIndex(max(index, 0))

    def lay_out(self, tabs: Sequence[tuple[QWidget, str]], ok_text: str, *below: QWidget) -> None:
        """The tabs (page, title), then the widgets `below` them, the message line, buttons."""
        for page, title in tabs:
            self.tabs.addTab(page, title)
        self.error_label = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        for widget in below:
            layout.addWidget(widget)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    # Set by an editor that has a country choice (a `country_box`).
    country: QComboBox

    def build_topics_tab(self, language: str) -> QWidget:
        """The themes and sectors tab; its lists become `themes` and `sectors`."""
        page = ThemesAndSectors(language, self)
        self.themes, self.sectors = page.themes, page.sectors
        return page

    def _touch(self, field: str) -> None:
        """Show `field`'s error from now on (the user has left it, or picked in it)."""
        if not (shiboken6.isValid(self.tabs) and shiboken6.isValid(self.ok_button)):
            # Qt is deleting the editor (the window closed over it): a field deleted with the
            # focus still says it was left, after widgets its check uses are gone.
            return
        self._touched.add(field)
        self._validate()

    def _validate(self) -> bool:
        """Show what is wrong with the input (of the fields touched, or all once Save was
        pressed); whether it can be saved."""
        raise NotImplementedError

    def show_errors(self, shown: Sequence[str], *, can_save: bool) -> bool:
        """Show the messages `shown`; Save is enabled when the input `can_save`."""
        self.error_label.setText("\n".join(shown))
        self.ok_button.setEnabled(can_save)
        return can_save
