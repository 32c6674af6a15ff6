"""What sealing promises against someone with the files folder: a sealed file opens only as
the file of its own record, the folder tells nothing about the files, keys survive a move
between systems, and no plain copy touches the folder or outlives a crash."""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import struct
import tempfile
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity, get_activity
from postkit.core.attachments import (
    AttachmentRecord,
    attachment_path,
    readable_attachment,
    store_attachment,
)
from postkit.core.db import Database, open_database
from postkit.core.errors import PostkitError
from postkit.core.sealed_files import KEY_FILE, OPENED_PREFIX, load_file_key, unseal

PASSPHRASE = "kilimanjaro at dawn"
ACCENTED = "Café für Ålesund"  # decomposed on a Mac, composed on Windows
KIVU = b"Due diligence findings on Kivu Cobalt Ltd: child labour at two sites.\n"
KATANGA = b"Katanga Mining plc: no findings; audit by an accredited body in 2024.\n"


def _attach(database: Database, folder: Path, name: str, content: bytes) -> AttachmentRecord:
    source = folder / name
    source.write_bytes(content)
    stored = store_attachment(database.files_dir, source)
    data = ActivityInput(
        core_task=4, title=name, start_date=date(2025, 3, 4), activity_type="other"
    )
    with database.session() as session:
        activity_id = create_activity(session, data, "Tess", attachments=(stored,)).id
        (record,) = get_activity(session, activity_id).attachments
    return record


@pytest.fixture
def protected(tmp_path: Path):  # type: ignore[no-untyped-def]
    database = open_database(tmp_path / "post" / "post.sqlite3", PASSPHRASE)
    yield database
    database.dispose()


def test_a_sealed_file_copied_over_another_records_file_does_not_open_as_it(
    protected: Database, tmp_path: Path
) -> None:
    kivu = _attach(protected, tmp_path, "kivu-findings.txt", KIVU)
    katanga = _attach(protected, tmp_path, "katanga-audit.txt", KATANGA)

    shutil.copyfile(
        attachment_path(protected.files_dir, katanga), attachment_path(protected.files_dir, kivu)
    )

    with pytest.raises(PostkitError, match="another record"):
        readable_attachment(protected.files_dir, kivu)
    assert readable_attachment(protected.files_dir, katanga).read_bytes() == KATANGA


def test_a_plain_file_put_in_place_of_a_sealed_one_is_refused(
    protected: Database, tmp_path: Path
) -> None:
    kivu = _attach(protected, tmp_path, "kivu-findings.txt", KIVU)
    sealed = attachment_path(protected.files_dir, kivu)

    sealed.write_bytes(b"Nothing to see: Kivu Cobalt Ltd is clean.\n")

    with pytest.raises(PostkitError, match="not sealed"):
        readable_attachment(protected.files_dir, kivu)


def test_a_plain_file_dropped_under_the_records_own_name_is_refused(
    protected: Database, tmp_path: Path
) -> None:
    kivu = _attach(protected, tmp_path, "kivu-findings.txt", KIVU)
    attachment_path(protected.files_dir, kivu).unlink()
    plain = protected.files_dir / "attachments" / kivu.stored_name
    plain.parent.mkdir(parents=True, exist_ok=True)
    plain.write_bytes(b"Nothing to see: Kivu Cobalt Ltd is clean.\n")

    with pytest.raises(PostkitError, match="not sealed"):
        readable_attachment(protected.files_dir, kivu)


def test_a_file_sealed_the_old_way_still_opens(protected: Database, tmp_path: Path) -> None:
    # Sealed by postkit before files were bound to their record: no associated data, and
    # stored beside the plain name under an unkeyed hash of the file name.
    digest = hashlib.sha256(KIVU).hexdigest()
    record = AttachmentRecord(
        "kivu-findings.txt",
        f"{digest[:2]}/{digest}/kivu-findings.txt",
        digest,
        len(KIVU),
        None,  # type: ignore[arg-type]
    )
    key = load_file_key(protected.files_dir, PASSPHRASE)
    assert key is not None
    plain = protected.files_dir / "attachments" / record.stored_name
    old_name = hashlib.sha256(plain.name.encode()).hexdigest()[:24] + ".sealed"
    plain.parent.mkdir(parents=True)
    (plain.parent / old_name).write_bytes(_sealed_version_1(key, KIVU))

    assert readable_attachment(protected.files_dir, record).read_bytes() == KIVU


def _sealed_version_1(key: bytes, content: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    prefix = secrets.token_bytes(7)
    nonce = prefix + struct.pack(">IB", 0, 1)
    return b"postkit-sealed-1\n" + prefix + AESGCM(key).encrypt(nonce, content, None)


def test_the_files_folder_shows_neither_the_files_digests_nor_their_names(
    protected: Database, tmp_path: Path
) -> None:
    kivu = _attach(protected, tmp_path, "kivu-findings.txt", KIVU)

    parts = {part for path in protected.files_dir.rglob("*") for part in path.parts}
    digest = hashlib.sha256(KIVU).hexdigest()
    unkeyed_name = hashlib.sha256(b"kivu-findings.txt").hexdigest()[:24]
    assert not any(digest in part or digest[:12] == part for part in parts)
    assert not any(unkeyed_name in part for part in parts)
    assert readable_attachment(protected.files_dir, kivu).read_bytes() == KIVU


def test_no_plain_copy_lies_in_the_files_folder_while_a_file_is_sealed(
    protected: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import postkit.core.sealed_files as sealed_files

    seen: list[Path] = []
    nonce = sealed_files._nonce

    def watching(prefix: bytes, number: int, last: bool) -> bytes:
        for path in protected.files_dir.rglob("*"):
            if path.is_file() and KIVU in path.read_bytes():
                seen.append(path)
        return nonce(prefix, number, last)

    monkeypatch.setattr(sealed_files, "_nonce", watching)

    _attach(protected, tmp_path, "kivu-findings.txt", KIVU)

    assert seen == []


def test_a_file_key_set_with_decomposed_accents_opens_with_composed_ones(
    tmp_path: Path,
) -> None:
    decomposed = unicodedata.normalize("NFD", ACCENTED)
    composed = unicodedata.normalize("NFC", ACCENTED)
    assert decomposed != composed
    # A key wrapped by an earlier postkit on a Mac, under the passphrase's bytes as typed.
    key = secrets.token_bytes(32)
    (tmp_path / KEY_FILE).write_bytes(_wrapped_version_1(key, decomposed))

    assert load_file_key(tmp_path, composed) == key


def test_a_new_file_key_opens_whichever_way_its_accents_are_typed(tmp_path: Path) -> None:
    from postkit.core.sealed_files import create_file_key

    key = create_file_key(tmp_path, unicodedata.normalize("NFD", ACCENTED))

    assert load_file_key(tmp_path, unicodedata.normalize("NFC", ACCENTED)) == key


def _wrapped_version_1(key: bytes, passphrase: str) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    magic = b"postkit-file-key-1\n"
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    kek = Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(passphrase.encode("utf-8"))
    return magic + salt + nonce + AESGCM(kek).encrypt(nonce, key, magic)


def test_a_new_file_key_is_derived_with_scrypt_at_owasps_minimum_or_more(
    tmp_path: Path,
) -> None:
    from postkit.core.sealed_files import create_file_key, key_parameters

    create_file_key(tmp_path, PASSPHRASE)

    n, r, p = key_parameters(tmp_path)
    assert n >= 2**17 and r >= 8 and p >= 1


def test_a_file_key_wrapped_with_the_old_parameters_still_opens(tmp_path: Path) -> None:
    from postkit.core.sealed_files import key_parameters

    key = secrets.token_bytes(32)
    (tmp_path / KEY_FILE).write_bytes(_wrapped_version_1(key, PASSPHRASE))

    assert load_file_key(tmp_path, PASSPHRASE) == key
    assert key_parameters(tmp_path) == (2**15, 8, 1)


def test_opened_copies_left_by_a_crash_go_when_a_protected_database_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    left = temp / f"{OPENED_PREFIX}{_a_pid_not_running()}-x1" / "abcd"
    left.mkdir(parents=True)
    (left / "kivu-findings.txt").write_bytes(KIVU)

    database = open_database(tmp_path / "post.sqlite3", PASSPHRASE)
    database.dispose()

    assert not left.exists()


def test_a_sealed_file_opens_with_its_binding_only(tmp_path: Path) -> None:
    from postkit.core.sealed_files import SealedFileError, seal_file

    key = secrets.token_bytes(32)
    plain, sealed = tmp_path / "plain.bin", tmp_path / "sealed.bin"
    plain.write_bytes(KIVU)
    seal_file(key, plain, sealed, binding=b"aa/aabb/kivu-findings.txt")

    assert b"".join(unseal(key, sealed, binding=b"aa/aabb/kivu-findings.txt")) == KIVU
    with pytest.raises(SealedFileError):
        b"".join(unseal(key, sealed, binding=b"cc/ccdd/katanga-audit.txt"))


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
