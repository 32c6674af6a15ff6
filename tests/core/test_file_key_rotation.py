"""Changing the passphrase can replace the file key too (a rotation): every attached file is
sealed again under a new key, those only a backup still names included, and none is lost."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from postkit.cli import main
from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity, delete_activities, get_activity
from postkit.core.attachments import AttachmentRecord, readable_attachment, store_attachment
from postkit.core.db import open_database
from postkit.core.db.backup import backup_database, restore_database
from postkit.core.db.encryption import change_passphrase
from postkit.core.sealed_files import SealedFileError, load_file_key, unseal

PASSPHRASE = "kilimanjaro at dawn"
NEW_PASSPHRASE = "tsavo-east-2026"
KIVU = b"Due diligence findings on Kivu Cobalt Ltd: child labour at two sites.\n"
KATANGA = b"Katanga Mining plc: no findings; audit by an accredited body in 2024.\n"


def _attach(path: Path, folder: Path, name: str, content: bytes) -> tuple[int, AttachmentRecord]:
    database = open_database(path, PASSPHRASE)
    try:
        source = folder / name
        source.write_bytes(content)
        stored = store_attachment(database.files_dir, source)
        data = ActivityInput(
            core_task=4, title=name, start_date=date(2025, 3, 4), activity_type="other"
        )
        with database.session() as session:
            activity_id = create_activity(session, data, "Tess", attachments=(stored,)).id
            (record,) = get_activity(session, activity_id).attachments
        return activity_id, record
    finally:
        database.dispose()


def _read(path: Path, passphrase: str, record: AttachmentRecord) -> bytes:
    database = open_database(path, passphrase)
    try:
        return readable_attachment(database.files_dir, record).read_bytes()
    finally:
        database.dispose()


def test_rotating_the_file_key_reseals_every_file_and_loses_none(tmp_path: Path) -> None:
    path = tmp_path / "post" / "post.sqlite3"
    path.parent.mkdir()
    _, kivu = _attach(path, tmp_path, "kivu-findings.txt", KIVU)
    katanga_id, katanga = _attach(path, tmp_path, "katanga-audit.txt", KATANGA)
    backup = backup_database(path, passphrase=PASSPHRASE)
    database = open_database(path, PASSPHRASE)
    with database.session() as session:
        delete_activities(session, [katanga_id])  # only the backup names Katanga's file now
        session.commit()
    files_dir = database.files_dir
    database.dispose()
    old_key = load_file_key(files_dir, PASSPHRASE)
    old_files = {p: p.read_bytes() for p in files_dir.joinpath("attachments").rglob("*.sealed")}

    change_passphrase(path, PASSPHRASE, NEW_PASSPHRASE, rotate_file_key=True)

    assert load_file_key(files_dir, NEW_PASSPHRASE) != old_key
    assert _read(path, NEW_PASSPHRASE, kivu) == KIVU
    assert old_files and not any(p.exists() for p in old_files), "the old sealed copies go"
    for sealed in files_dir.joinpath("attachments").rglob("*.sealed"):
        with pytest.raises(SealedFileError):
            b"".join(unseal(old_key, sealed))  # type: ignore[arg-type]
    restore_database(path, backup, NEW_PASSPHRASE)
    assert _read(path, NEW_PASSPHRASE, katanga) == KATANGA


def test_the_change_passphrase_command_rotates_the_file_key_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "post.sqlite3"
    _, kivu = _attach(path, tmp_path, "kivu-findings.txt", KIVU)
    files_dir = path.with_name("post-files")
    old_key = load_file_key(files_dir, PASSPHRASE)
    monkeypatch.setenv("POSTKIT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("POSTKIT_NEW_PASSPHRASE", NEW_PASSPHRASE)

    command = ["--db", str(path), "db", "change-passphrase", "--rotate-file-key"]
    assert main(command) == 0

    assert "1 attached files sealed under a new key" in capsys.readouterr().out
    assert load_file_key(files_dir, NEW_PASSPHRASE) != old_key
    assert hashlib.sha256(_read(path, NEW_PASSPHRASE, kivu)).hexdigest() == kivu.sha256
