"""Where postkit keeps its data and finds its shipped resources."""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

APP_NAME = "postkit"
DB_ENV_VAR = "POSTKIT_DB"
DATA_DIR_ENV_VAR = "POSTKIT_DATA_DIR"


def resources_dir() -> Path:
    """The shipped `resources/` folder, in a source checkout or a PyInstaller build."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def surveys_dir() -> Path:
    """The shipped `surveys/` folder of XLSForm workbooks."""
    return resources_dir().parent / "surveys"


def user_data_dir() -> Path:
    """The per-user data folder (overridable for tests and portable installs)."""
    override = os.environ.get(DATA_DIR_ENV_VAR)
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def installation_id() -> str:
    """A stable id of this installation, as ODK Collect's `deviceid` is: made once, then kept."""
    path = user_data_dir() / "installation-id"
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        text = ""
    if not text:
        text = f"postkit:{uuid.uuid4().hex}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
    return text


def default_database_path() -> Path:
    return user_data_dir() / "postkit.sqlite3"


def files_dir_for(database_file: Path) -> Path:
    """The folder the attached files of a SQLite database file are copied into."""
    return database_file.parent / f"{database_file.stem}-files"
