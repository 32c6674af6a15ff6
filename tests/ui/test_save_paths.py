"""The one save-path question remembers the last folder per kind of file in the settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from postkit.ui.settings import Settings
from postkit.ui.widgets import save_paths


class _Window(QWidget):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> _Window:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    widget = _Window(Settings(store))
    qtbot.addWidget(widget)
    return widget


def test_each_kind_of_file_opens_where_the_last_one_of_its_kind_went(
    window: _Window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    booklets, exports = tmp_path / "booklets", tmp_path / "exports"
    booklets.mkdir()
    exports.mkdir()
    started_in: list[str] = []
    answers = iter([booklets / "one.pdf", exports / "x.postkit", ""])

    def fake_save(_parent: QWidget, _title: str, start: str, _filter: str) -> tuple[str, str]:
        started_in.append(start)
        return str(next(answers)), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    child = QWidget(window)  # asked from inside the window: the window's settings count
    assert save_paths.ask_save_path(child, "booklet", "T", "b.pdf", "PDF (*.pdf)") == (
        booklets / "one.pdf"
    )
    assert save_paths.ask_save_path(child, "practices", "T", "p.postkit", "") == (
        exports / "x.postkit"
    )
    assert save_paths.ask_save_path(child, "booklet", "T", "c.pdf", "PDF (*.pdf)") is None
    assert started_in == [
        str(Path.home() / "b.pdf"),
        str(Path.home() / "p.postkit"),
        str(booklets / "c.pdf"),
    ]
    assert save_paths.last_folder(window, "practices") == exports


def test_opening_files_remembers_their_folder_too(
    window: _Window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda *_args: ([str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx")], ""),
    )
    paths = save_paths.ask_open_paths(window, "hq-exports", "T", "")
    assert paths == [tmp_path / "a.xlsx", tmp_path / "b.xlsx"]
    assert save_paths.last_folder(window, "hq-exports") == tmp_path
    assert save_paths.last_folder(window, "booklet") == Path.home()
