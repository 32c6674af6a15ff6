"""The files of a record being edited: the ones stored with it and the ones newly chosen.

Used by the activity and the good-practice editors. Double-clicking a file opens it with the
system's viewer; new files are only paths until the editor's owner stores them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from postkit.core.attachments import AttachmentRecord, readable_attachment
from postkit.core.errors import PostkitError
from postkit.ui.dialogs import show_error

Attachment = AttachmentRecord | Path  # stored already, or chosen and not stored yet


class AttachmentsEditor(QWidget):
    """A list of files with Attach file… and Remove buttons under it."""

    def __init__(self, files_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._files_dir = files_dir
        self.list = QListWidget(self)
        self.list.itemDoubleClicked.connect(self._open)
        self.add_button = QPushButton(self.tr("Attach &file…"), self)
        self.add_button.clicked.connect(self._choose_files)
        self.remove_button = QPushButton(self.tr("Remo&ve"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def add_stored(self, records: list[AttachmentRecord] | tuple[AttachmentRecord, ...]) -> None:
        for record in records:
            self._add(record.file_name, record)

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            self._add(path.name, path)

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def attachments(self) -> list[Attachment]:
        """Every file in the list, in its order."""
        return [
            self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())
        ]

    def kept(self) -> list[AttachmentRecord]:
        return [a for a in self.attachments() if isinstance(a, AttachmentRecord)]

    def new_files(self) -> list[Path]:
        return [a for a in self.attachments() if isinstance(a, Path)]

    def _add(self, name: str, payload: Attachment) -> None:
        item = QListWidgetItem(name, self.list)
        item.setData(Qt.ItemDataRole.UserRole, payload)
        item.setToolTip(str(payload) if isinstance(payload, Path) else name)

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        self.add_files([Path(name) for name in names])

    def _open(self, item: QListWidgetItem) -> None:
        payload = item.data(Qt.ItemDataRole.UserRole)
        try:
            path = (
                payload
                if isinstance(payload, Path)
                else readable_attachment(self._files_dir, payload)
            )
        except PostkitError as error:
            show_error(self, error)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
