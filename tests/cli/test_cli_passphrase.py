"""How a headless run takes its passphrase: never from a file others can read, never left for
child processes, never in a form SQLCipher takes for a raw key."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from postkit.cli import main
from postkit.core.db import open_database
from postkit.core.db.encryption import (
    check_new_passphrase,
    cipher_dbapi,
    is_protected,
    protect_database,
    verify_passphrase,
)
from postkit.core.errors import ValidationError

PASSPHRASE = "kilimanjaro at dawn"
NEW_PASSPHRASE = "tsavo-east-2026"


def _protected(tmp_path: Path) -> Path:
    db = tmp_path / "post.sqlite3"
    open_database(db).dispose()
    protect_database(db, PASSPHRASE)
    return db


@pytest.mark.skipif(os.name == "nt", reason="file modes are POSIX")
def test_a_passphrase_file_other_users_can_read_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _protected(tmp_path)
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    secret.chmod(0o644)

    assert main(["--db", str(db), "--passphrase-file", str(secret), "practices", "list"]) == 1
    err = capsys.readouterr().err
    assert "other users" in err and "chmod 600" in err and len(err.splitlines()) == 1

    secret.chmod(0o600)
    assert main(["--db", str(db), "--passphrase-file", str(secret), "practices", "list"]) == 0


def test_the_passphrase_does_not_stay_in_the_environment_of_child_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _protected(tmp_path)
    monkeypatch.setenv("POSTKIT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("POSTKIT_NEW_PASSPHRASE", NEW_PASSPHRASE)

    assert main(["--db", str(db), "db", "change-passphrase"]) == 0

    assert "POSTKIT_PASSPHRASE" not in os.environ
    assert "POSTKIT_NEW_PASSPHRASE" not in os.environ
    verify_passphrase(db, NEW_PASSPHRASE)


def test_a_passphrase_sqlcipher_would_take_for_a_raw_key_is_refused(tmp_path: Path) -> None:
    raw_key = "x'" + "2f" * 32 + "'"
    with pytest.raises(ValidationError, match="raw key"):
        check_new_passphrase(raw_key)
    db = tmp_path / "post.sqlite3"
    open_database(db).dispose()

    with pytest.raises(ValidationError, match="raw key"):
        protect_database(db, raw_key)

    assert not is_protected(db)


def test_a_database_keeps_opening_when_sqlcipher_changes_its_defaults(tmp_path: Path) -> None:
    # A later SQLCipher (or one built with other defaults) must not stop a post's database
    # from opening: postkit pins the settings its databases are written with.
    db = _protected(tmp_path)
    module = cipher_dbapi()
    connection = module.connect(":memory:")
    connection.execute("PRAGMA cipher_default_compatibility = 3")
    try:
        verify_passphrase(db, PASSPHRASE)
        database = open_database(db, PASSPHRASE)
        database.dispose()
    finally:
        connection.execute("PRAGMA cipher_default_compatibility = 4")
        connection.close()
