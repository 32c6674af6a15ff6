"""The screening log checked against anchors kept outside the database: a decision record, or
the head hash and entry count `verify` prints. Someone with the database can recompute every
hash, but cannot change what was printed and filed before."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from postkit.cli import main
from postkit.core.screening.audit import GENESIS_HASH, entry_hash

ANCHOR = re.compile(r"([0-9a-f]{64}):(\d+)")


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "post.sqlite3"
    assert main(["--db", str(db), "demo", "seed", "--activities", "10"]) == 0
    return db


def _anchor(db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["--db", str(db), "screening", "verify"]) == 0
    found = ANCHOR.search(capsys.readouterr().out)
    assert found, "verify prints the chain's anchor"
    return found.group(0)


def _rewrite(db: Path) -> None:
    """As an attacker with the file would: drop the triggers, change who did what, remove an
    entry, and recompute every hash so the chain holds together again."""
    with sqlite3.connect(db) as connection:
        connection.execute("DROP TRIGGER screening_audit_log_no_update")
        connection.execute("DROP TRIGGER screening_audit_log_no_delete")
        ids = [row[0] for row in connection.execute("SELECT id FROM screening_audit_log")]
        connection.execute(
            "UPDATE screening_audit_log SET actor = 'Mallory' WHERE id <= ?", (ids[2],)
        )
        connection.execute("DELETE FROM screening_audit_log WHERE id = ?", (ids[3],))
        previous = GENESIS_HASH
        rows = connection.execute(
            "SELECT id, request_id, at, actor, action, details FROM screening_audit_log ORDER BY id"
        ).fetchall()
        for row_id, request_id, at, actor, action, details in rows:
            moment = datetime.fromisoformat(at)
            if moment.tzinfo is None:
                from datetime import UTC

                moment = moment.replace(tzinfo=UTC)
            new = entry_hash(previous, request_id, moment, actor, action, json.loads(details))
            connection.execute(
                "UPDATE screening_audit_log SET previous_hash = ?, entry_hash = ? WHERE id = ?",
                (previous, new, row_id),
            )
            previous = new
    connection.close()


def test_a_rewritten_log_passes_on_its_own_but_not_against_a_decision_record(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = tmp_path / "record.pdf"
    assert main(["--db", str(seeded), "screening", "record", "3", str(record)]) == 0

    _rewrite(seeded)

    capsys.readouterr()
    assert main(["--db", str(seeded), "screening", "verify"]) == 0, (
        "a chain with recomputed hashes holds together: only an anchor shows the rewrite"
    )
    assert main(["--db", str(seeded), "screening", "verify", "--anchor", str(record)]) == 1
    err = capsys.readouterr().err
    assert "rewritten" in err and record.name in err


def test_a_log_cut_back_is_reported_as_a_rollback(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    anchor = _anchor(seeded, capsys)
    with sqlite3.connect(seeded) as connection:
        connection.execute("DROP TRIGGER screening_audit_log_no_delete")
        connection.execute(
            "DELETE FROM screening_audit_log WHERE id = (SELECT max(id) FROM screening_audit_log)"
        )
    connection.close()

    assert main(["--db", str(seeded), "screening", "verify"]) == 0
    capsys.readouterr()
    assert main(["--db", str(seeded), "screening", "verify", "--anchor", anchor]) == 1
    err = capsys.readouterr().err
    assert "rolled back" in err and anchor.split(":")[1] in err


def test_an_anchor_the_log_still_holds_passes(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _anchor(seeded, capsys)
    assert (
        main(["--db", str(seeded), "screening", "import-list", str(_newer_list(seeded.parent))])
        == 0
    )
    second = _anchor(seeded, capsys)
    assert first != second

    assert (
        main(["--db", str(seeded), "screening", "verify", "--anchor", first, "--anchor", second])
        == 0
    )
    assert "2 anchors match" in capsys.readouterr().out


def test_an_anchor_that_is_not_one_is_refused_in_one_line(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("nothing here\n", encoding="utf-8")
    capsys.readouterr()
    for given in ("abc:12", str(notes)):
        assert main(["--db", str(seeded), "screening", "verify", "--anchor", given]) == 1
        err = capsys.readouterr().err
        assert "anchor" in err and len(err.splitlines()) == 1


def test_a_restore_is_written_in_the_log_and_an_older_backup_shows_against_an_anchor(
    seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(seeded), "backup"]) == 0
    backup = Path(capsys.readouterr().out.strip())
    assert (
        main(["--db", str(seeded), "screening", "import-list", str(_newer_list(seeded.parent))])
        == 0
    )
    anchor = _anchor(seeded, capsys)

    assert main(["--db", str(seeded), "restore", str(backup)]) == 0

    with sqlite3.connect(seeded) as connection:
        action, details = connection.execute(
            "SELECT action, details FROM screening_audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    connection.close()
    assert action == "database_restored"
    replaced = json.loads(details)
    assert f"{replaced['replaced_head']}:{replaced['replaced_entries']}" == anchor
    assert replaced["backup"] == backup.name
    capsys.readouterr()
    assert main(["--db", str(seeded), "screening", "verify", "--anchor", anchor]) == 1
    assert "rewritten" in capsys.readouterr().err


def test_protecting_and_changing_the_passphrase_are_written_in_the_log(
    seeded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from postkit.core.db import open_database
    from postkit.core.screening.audit import verify_chain
    from postkit.core.screening.models import AuditEntryRow

    monkeypatch.setenv("POSTKIT_PASSPHRASE", "kilimanjaro at dawn")
    assert main(["--db", str(seeded), "db", "protect"]) == 0
    monkeypatch.setenv("POSTKIT_PASSPHRASE", "kilimanjaro at dawn")
    monkeypatch.setenv("POSTKIT_NEW_PASSPHRASE", "tsavo-east-2026")
    assert main(["--db", str(seeded), "db", "change-passphrase"]) == 0

    database = open_database(seeded, "tsavo-east-2026")
    try:
        with database.session() as session:
            from sqlalchemy import select

            actions = session.scalars(
                select(AuditEntryRow.action).order_by(AuditEntryRow.id.desc()).limit(2)
            ).all()
            assert verify_chain(session).is_intact
    finally:
        database.dispose()
    assert actions == ["passphrase_changed", "database_protected"]


def test_the_decision_record_carries_the_chains_head_and_entry_count(
    seeded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.pdf_text import pdf_text

    anchor = _anchor(seeded, capsys)
    record = tmp_path / "record.pdf"
    assert main(["--db", str(seeded), "screening", "record", "3", str(record)]) == 0

    text = "".join(pdf_text(record).split())
    head, count = anchor.split(":")
    assert head in text
    assert f"{count}entries" in text


def _newer_list(folder: Path) -> Path:
    """A list other than the one the demo imported, so importing it writes to the log."""
    from postkit.core.paths import resources_dir

    sample = resources_dir() / "sanctions" / "sample-targets.simple.csv"
    newer = folder / "newer-targets.simple.csv"
    newer.write_text(sample.read_text(encoding="utf-8").replace("Kvasnikov", "Kvasnikova"))
    return newer
