"""Attached files of a protected database: sealed on disk, readable through postkit."""

from __future__ import annotations

import os
import secrets
from datetime import date
from pathlib import Path

import pytest

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity, get_activity
from postkit.core.attachments import (
    attachment_path,
    readable_attachment,
    store_attachment,
)
from postkit.core.db import Database, open_database
from postkit.core.db.encryption import change_passphrase, protect_database
from postkit.core.paths import files_dir_for
from postkit.core.practices.exchange import export_practices, read_exchange_file
from postkit.core.practices.records import PracticeInput
from postkit.core.practices.service import create_practice
from postkit.core.sealed_files import (
    KEY_FILE,
    OPENED_PREFIX,
    SealedFileError,
    create_file_key,
    is_sealed,
    key_for,
    load_file_key,
    remove_left_behind,
    rewrap_file_key,
    seal_file,
    unseal,
)

PASSPHRASE = "kilimanjaro at dawn"
NEW_PASSPHRASE = "tsavo-east-2026"
EVIDENCE = b"Due diligence findings on Kivu Cobalt Ltd: child labour at two sites.\n"
MIB = 1 << 20


def _sealed_copy(tmp_path: Path, content: bytes, key: bytes) -> Path:
    plain, sealed = tmp_path / "plain.bin", tmp_path / "sealed.bin"
    plain.write_bytes(content)
    seal_file(key, plain, sealed)
    return sealed


@pytest.mark.parametrize("size", [0, 1, MIB - 1, MIB, MIB + 1, 2 * MIB + 12345])
def test_a_sealed_file_opens_to_its_content_whatever_its_size(tmp_path: Path, size: int) -> None:
    key = secrets.token_bytes(32)
    content = secrets.token_bytes(size)

    sealed = _sealed_copy(tmp_path, content, key)

    assert is_sealed(sealed)
    assert b"".join(unseal(key, sealed)) == content
    if size > 64:
        assert content[:64] not in sealed.read_bytes()


@pytest.mark.parametrize("damage", ["flipped byte", "last chunk cut off", "chunks swapped"])
def test_a_damaged_sealed_file_is_refused(tmp_path: Path, damage: str) -> None:
    key = secrets.token_bytes(32)
    sealed = _sealed_copy(tmp_path, secrets.token_bytes(3 * MIB), key)
    data = bytearray(sealed.read_bytes())
    header, block = 24, MIB + 16
    if damage == "flipped byte":
        data[header + 100] ^= 1
    elif damage == "last chunk cut off":
        del data[header + 2 * block :]
    else:
        first = data[header : header + block]
        data[header : header + block] = data[header + block : header + 2 * block]
        data[header + block : header + 2 * block] = first
    sealed.write_bytes(bytes(data))

    with pytest.raises(SealedFileError, match="damaged"):
        b"".join(unseal(key, sealed))


def test_another_key_does_not_open_a_sealed_file(tmp_path: Path) -> None:
    sealed = _sealed_copy(tmp_path, EVIDENCE, secrets.token_bytes(32))
    with pytest.raises(SealedFileError):
        b"".join(unseal(secrets.token_bytes(32), sealed))


def test_the_file_key_opens_with_its_passphrase_only_and_follows_a_new_one(
    tmp_path: Path,
) -> None:
    key = create_file_key(tmp_path, PASSPHRASE)

    assert load_file_key(tmp_path, PASSPHRASE) == key
    assert key not in (tmp_path / KEY_FILE).read_bytes()
    with pytest.raises(SealedFileError, match="passphrase"):
        load_file_key(tmp_path, NEW_PASSPHRASE)
    with pytest.raises(SealedFileError, match="exists already"):
        create_file_key(tmp_path, PASSPHRASE)

    assert rewrap_file_key(tmp_path, PASSPHRASE, NEW_PASSPHRASE)

    assert load_file_key(tmp_path, NEW_PASSPHRASE) == key
    with pytest.raises(SealedFileError):
        load_file_key(tmp_path, PASSPHRASE)
    assert load_file_key(tmp_path / "elsewhere", PASSPHRASE) is None


def _names_in(folder: Path) -> list[str]:
    return [path.name.lower() for path in folder.rglob("*")]


def _activity_with_file(database: Database, tmp_path: Path) -> int:
    source = tmp_path / "kivu-findings.txt"
    source.write_bytes(EVIDENCE)
    stored = store_attachment(database.files_dir, source)
    data = ActivityInput(
        core_task=4, title="Screening", start_date=date(2025, 3, 4), activity_type="other"
    )
    with database.session() as session:
        return create_activity(session, data, "Tess", attachments=(stored,)).id


def test_protecting_seals_the_attached_files_and_postkit_still_reads_them(
    database: Database, tmp_path: Path
) -> None:
    activity_id = _activity_with_file(database, tmp_path)
    with database.session() as session:
        (record,) = get_activity(session, activity_id).attachments
    stored = attachment_path(database.files_dir, record)
    assert stored.read_bytes() == EVIDENCE
    path = Path(str(database.engine.url.database))
    database.dispose()

    protect_database(path, PASSPHRASE)

    assert not stored.exists()
    assert not any("kivu" in part for part in _names_in(files_dir_for(path)))
    protected = open_database(path, PASSPHRASE)
    try:
        sealed = attachment_path(protected.files_dir, record)
        assert is_sealed(sealed) and EVIDENCE not in sealed.read_bytes()
        assert readable_attachment(protected.files_dir, record).read_bytes() == EVIDENCE
    finally:
        protected.dispose()
    assert key_for(files_dir_for(path)) is None, "the key is forgotten once the database closes"
    with pytest.raises(SealedFileError, match="not open"):
        readable_attachment(files_dir_for(path), record)


def test_a_file_attached_in_a_protected_database_is_sealed_from_the_start(
    tmp_path: Path,
) -> None:
    database = open_database(tmp_path / "post.sqlite3", PASSPHRASE)
    try:
        activity_id = _activity_with_file(database, tmp_path)
        with database.session() as session:
            (record,) = get_activity(session, activity_id).attachments
        stored = attachment_path(database.files_dir, record)
        assert is_sealed(stored) and EVIDENCE not in stored.read_bytes()
        assert not any("kivu" in name for name in _names_in(database.files_dir))
        assert not list(database.files_dir.rglob("*.partial"))
        assert readable_attachment(database.files_dir, record).read_bytes() == EVIDENCE
    finally:
        database.dispose()


def test_attached_files_stay_readable_after_the_passphrase_changes(
    database: Database, tmp_path: Path
) -> None:
    activity_id = _activity_with_file(database, tmp_path)
    path = Path(str(database.engine.url.database))
    database.dispose()
    protect_database(path, PASSPHRASE)

    change_passphrase(path, PASSPHRASE, NEW_PASSPHRASE)

    reopened = open_database(path, NEW_PASSPHRASE)
    try:
        with reopened.session() as session:
            (record,) = get_activity(session, activity_id).attachments
        assert readable_attachment(reopened.files_dir, record).read_bytes() == EVIDENCE
    finally:
        reopened.dispose()


def test_a_practice_shared_from_a_protected_post_carries_its_files_readable(
    tmp_path: Path,
) -> None:
    database = open_database(tmp_path / "post.sqlite3", PASSPHRASE)
    source = tmp_path / "template.txt"
    source.write_bytes(EVIDENCE)
    try:
        stored = store_attachment(database.files_dir, source)
        practice = PracticeInput(
            title="Screening template",
            core_tasks=(4,),
            post_name="Embassy Kinshasa",
            country="CD",
            year=2025,
            summary="A template.",
            language="en",
            status="published",
        )
        with database.session() as session:
            create_practice(session, practice, "Tess", [stored])
            out = tmp_path / "kinshasa.postkit"
            export_practices(session, database.files_dir, out, exporting_post="Kinshasa")
    finally:
        database.dispose()

    with read_exchange_file(out) as exchange:
        (copy,) = exchange.attachment_files.values()
        assert copy.read_bytes() == EVIDENCE


def test_an_open_database_keeps_sealing_after_its_passphrase_changes(
    database: Database, tmp_path: Path
) -> None:
    # As the app does: close the connections, re-key, go on with the same Database.
    path = Path(str(database.engine.url.database))
    database.dispose()
    protect_database(path, PASSPHRASE)
    live = open_database(path, PASSPHRASE)
    try:
        live.close_connections()
        change_passphrase(path, PASSPHRASE, NEW_PASSPHRASE)
        assert live.key is not None
        live.key.replace(NEW_PASSPHRASE)

        activity_id = _activity_with_file(live, tmp_path)

        with live.session() as session:
            (record,) = get_activity(session, activity_id).attachments
        assert is_sealed(attachment_path(live.files_dir, record))
        assert readable_attachment(live.files_dir, record).read_bytes() == EVIDENCE
    finally:
        live.dispose()


def test_opened_copies_left_by_a_postkit_that_crashed_are_removed(tmp_path: Path) -> None:
    left = tmp_path / f"{OPENED_PREFIX}{_a_pid_not_running()}-x1"
    ours = tmp_path / f"{OPENED_PREFIX}{os.getpid()}-x2"
    other = tmp_path / "someone-elses-folder"
    for folder in (left, ours, other):
        (folder / "abcd").mkdir(parents=True)
        (folder / "abcd" / "findings.txt").write_bytes(EVIDENCE)

    assert remove_left_behind(tmp_path) == 1

    assert not left.exists()
    assert ours.exists() and other.exists()


def _a_pid_not_running() -> int:
    pid = 4_000_000  # above Linux's default pid_max
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid += 1
