"""Where to save or open a file: one question everywhere, remembering the last folder per
kind of file ("practices", "booklet", "survey-responses", …) in the settings, so an export
of one kind opens where the last one of that kind went."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from postkit.ui.settings import Setting, Settings


def _folder_setting(kind: str) -> Setting[str]:
    return Setting[str](f"files/last_folder/{kind}", str, "")


def _settings_for(parent: QWidget | None) -> Settings:
    """The settings of the main window `parent` sits in (each test window has its own file);
    a window of its own, like trainer mode, takes the main window's; else the app's."""
    windows = [parent.window()] if parent is not None else []
    windows += QApplication.topLevelWidgets()
    for window in windows:
        settings = getattr(window, "settings", None)
        if isinstance(settings, Settings):
            return settings
    return Settings()


def last_folder(parent: QWidget | None, kind: str) -> Path:
    """The folder the last file of `kind` was saved to or opened from (home at first)."""
    folder = _settings_for(parent).get(_folder_setting(kind))
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def remember_folder(parent: QWidget | None, kind: str, folder: Path) -> None:
    _settings_for(parent).set(_folder_setting(kind), str(folder))


def ask_save_path(
    parent: QWidget | None, kind: str, title: str, suggested_name: str, file_filter: str
) -> Path | None:
    """Ask where to write a file of `kind`; None when the user cancels."""
    name, _ = QFileDialog.getSaveFileName(
        parent, title, str(last_folder(parent, kind) / suggested_name), file_filter
    )
    if not name:
        return None
    path = Path(name)
    remember_folder(parent, kind, path.parent)
    return path


def ask_open_paths(parent: QWidget | None, kind: str, title: str, file_filter: str) -> list[Path]:
    """Ask for files of `kind` to read; empty when the user cancels."""
    names, _ = QFileDialog.getOpenFileNames(
        parent, title, str(last_folder(parent, kind)), file_filter
    )
    paths = [Path(name) for name in names]
    if paths:
        remember_folder(parent, kind, paths[0].parent)
    return paths


def ask_open_path(parent: QWidget | None, kind: str, title: str, file_filter: str) -> Path | None:
    """Ask for one file of `kind` to read; None when the user cancels."""
    name, _ = QFileDialog.getOpenFileName(
        parent, title, str(last_folder(parent, kind)), file_filter
    )
    if not name:
        return None
    path = Path(name)
    remember_folder(parent, kind, path.parent)
    return path


def ask_folder(parent: QWidget | None, kind: str, title: str) -> Path | None:
    """Ask for a folder of `kind` files; None when the user cancels."""
    name = QFileDialog.getExistingDirectory(parent, title, str(last_folder(parent, kind)))
    if not name:
        return None
    folder = Path(name)
    remember_folder(parent, kind, folder)
    return folder
