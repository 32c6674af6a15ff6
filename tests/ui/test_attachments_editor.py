"""The file list shared by the activity and good-practice editors."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from postkit.core.attachments import AttachmentRecord
from postkit.ui.widgets.attachments_editor import AttachmentsEditor

STORED = AttachmentRecord(
    "agenda.pdf", "ab/abcd/agenda.pdf", "abcd", 10, datetime(2025, 1, 1, tzinfo=UTC)
)


def test_stored_and_new_files_are_told_apart_and_removed_by_selection(
    qtbot: QtBot, tmp_path: Path
) -> None:
    editor = AttachmentsEditor(tmp_path)
    qtbot.addWidget(editor)
    new = [tmp_path / "template.docx", tmp_path / "photo.jpg"]

    editor.add_stored([STORED])
    editor.add_files(new)

    assert editor.attachments() == [STORED, *new]
    assert (editor.kept(), editor.new_files()) == ([STORED], new)
    assert [editor.list.item(row).text() for row in range(3)] == [
        "agenda.pdf",
        "template.docx",
        "photo.jpg",
    ]

    editor.list.setCurrentRow(0, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    editor.remove_button.click()

    assert editor.kept() == []
    assert editor.new_files() == new
