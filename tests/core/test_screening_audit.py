from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from postkit.core.screening import audit
from postkit.core.screening.audit import (
    GENESIS_HASH,
    ChainMemo,
    append_entry,
    canonical_json,
    entries_for,
    verify_chain,
)


def _fill(session: Session) -> None:
    append_entry(session, 1, "Tess", "created", {"company_name": "Zuidwind B.V."})
    append_entry(session, 1, "Tess", "answered", {"item": "gender", "note": "één"})
    append_entry(session, 2, "Ann", "created", {"company_name": "Noordster B.V."})
    append_entry(session, None, "Ann", "sanctions_list_imported", {"entry_count": 3})
    session.commit()


def _insert_raw(session: Session, previous_hash: str, entry_hash: str) -> int:
    session.execute(
        text(
            "INSERT INTO screening_audit_log "
            "(request_id, at, actor, action, details, previous_hash, entry_hash) "
            "VALUES (1, '2026-01-01 10:00:00.000000', 'Mallory', 'decided', "
            '\'{"outcome":"support"}\', :previous, :hash)'
        ),
        {"previous": previous_hash, "hash": entry_hash},
    )
    session.commit()
    return session.scalar(text("SELECT max(id) FROM screening_audit_log"))


def test_entries_chain_from_the_genesis_hash_over_canonical_json(session: Session) -> None:
    first = append_entry(session, 7, "Tess", "created", {"b": 1, "a": "ü"})
    second = append_entry(session, 7, "Tess", "updated", {"changes": {}})
    session.commit()

    assert first.previous_hash == GENESIS_HASH == "0" * 64
    assert second.previous_hash == first.entry_hash
    payload = {
        "previous_hash": GENESIS_HASH,
        "request_id": 7,
        "at": first.at.isoformat(timespec="microseconds"),
        "actor": "Tess",
        "action": "created",
        "details": {"a": "ü", "b": 1},
    }
    text_form = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert first.entry_hash == hashlib.sha256(text_form.encode()).hexdigest()
    assert first.at.utcoffset() is not None


def test_the_entry_joins_the_callers_transaction(session: Session) -> None:
    append_entry(session, 1, "Tess", "created", {})
    session.rollback()

    assert verify_chain(session).entries == 0


def test_dates_and_enums_in_details_are_stored_as_text(session: Session) -> None:
    from datetime import date

    from postkit.core.screening.records import Answer

    entry = append_entry(session, 1, "Tess", "answered", {"on": date(2026, 3, 1), "a": Answer.NO})
    session.commit()

    assert entry.details == {"on": "2026-03-01", "a": "no"}
    assert entries_for(session, 1)[0].details == entry.details
    assert canonical_json({"b": [1], "a": None}) == '{"a":null,"b":[1]}'


def test_entries_for_gives_one_requests_log_oldest_first(session: Session) -> None:
    _fill(session)

    entries = entries_for(session, 1)

    assert [entry.action for entry in entries] == ["created", "answered"]
    assert entries[1].details == {"item": "gender", "note": "één"}
    assert entries_for(session, 99) == []


def test_an_untouched_log_verifies(session: Session) -> None:
    assert verify_chain(session).is_intact
    _fill(session)

    check = verify_chain(session)

    assert check.is_intact
    assert check.entries == 4
    assert check.problem == ""


def test_the_database_refuses_to_change_or_delete_an_entry(session: Session) -> None:
    _fill(session)

    with pytest.raises(DBAPIError, match="append-only"):
        session.execute(text("UPDATE screening_audit_log SET actor = 'Mallory'"))
    session.rollback()
    with pytest.raises(DBAPIError, match="append-only"):
        session.execute(text("DELETE FROM screening_audit_log WHERE id = 2"))
    session.rollback()
    assert verify_chain(session).is_intact


def test_a_forged_entry_with_a_wrong_hash_breaks_the_chain(session: Session) -> None:
    _fill(session)
    last_hash = session.scalar(text("SELECT entry_hash FROM screening_audit_log WHERE id = 4"))

    forged = _insert_raw(session, last_hash, "f" * 64)

    check = verify_chain(session)
    assert not check.is_intact
    assert check.broken_at == forged
    assert check.entries == 5
    assert f"entry {forged}" in check.problem
    assert "stored hash does not match" in check.problem


def test_an_entry_slipped_in_with_a_wrong_previous_hash_breaks_the_chain(
    session: Session,
) -> None:
    _fill(session)

    forged = _insert_raw(session, "0" * 64, "e" * 64)

    check = verify_chain(session)
    assert check.broken_at == forged
    assert "previous hash does not match the hash of entry 4" in check.problem


def test_changing_an_entry_behind_the_triggers_back_breaks_the_chain(session: Session) -> None:
    _fill(session)
    session.execute(text("DROP TRIGGER screening_audit_log_no_update"))
    session.execute(
        text("UPDATE screening_audit_log SET details = :details WHERE id = 2"),
        {"details": '{"item":"gender","note":"twee"}'},
    )
    session.commit()

    check = verify_chain(session)

    assert check.broken_at == 2
    assert "entry 2" in check.problem and "changed" in check.problem


def test_an_entry_changed_and_rehashed_is_caught_by_the_next_one(session: Session) -> None:
    from postkit.core.screening.audit import entry_hash

    _fill(session)
    second = entries_for(session, 1)[1]
    details = {"item": "gender", "note": "twee"}
    new_hash = entry_hash(second.previous_hash, 1, second.at, second.actor, second.action, details)
    session.execute(text("DROP TRIGGER screening_audit_log_no_update"))
    session.execute(
        text("UPDATE screening_audit_log SET details = :details, entry_hash = :hash WHERE id = 2"),
        {"details": canonical_json(details), "hash": new_hash},
    )
    session.commit()

    check = verify_chain(session)

    assert check.broken_at == 3
    assert "previous hash does not match the hash of entry 2" in check.problem


def _counting_hashes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    hashed: list[str] = []
    real = audit.entry_hash

    def counted(previous_hash: str, *args: object) -> str:
        hashed.append(previous_hash)
        return real(previous_hash, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(audit, "entry_hash", counted)
    return hashed


def test_a_memo_hashes_only_what_the_log_gained_and_finds_what_the_whole_check_finds(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(session)
    memo = ChainMemo()
    hashed = _counting_hashes(monkeypatch)
    first = verify_chain(session, memo=memo)
    assert first.is_intact and len(hashed) == 4
    anchor = first.anchor

    append_entry(session, 2, "Ann", "answered", {"item": "wages", "note": "ok"})
    session.commit()
    hashed.clear()
    again = verify_chain(session, [anchor], memo=memo)

    assert len(hashed) == 1, "the four rows found sound before are not hashed again"
    assert again == verify_chain(session, [anchor])
    assert again.is_intact and again.entries == 5 and again.anchors_matched == 1


def test_a_memo_never_hides_an_entry_changed_behind_the_triggers_back(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(session)
    memo = ChainMemo()
    assert verify_chain(session, memo=memo).is_intact
    session.execute(text("DROP TRIGGER screening_audit_log_no_update"))
    session.execute(
        text("UPDATE screening_audit_log SET details = :details WHERE id = 2"),
        {"details": '{"item":"gender","note":"twee"}'},
    )
    session.commit()
    first_hash = session.scalar(text("SELECT entry_hash FROM screening_audit_log WHERE id = 1"))
    hashed = _counting_hashes(monkeypatch)

    check = verify_chain(session, memo=memo)

    assert hashed == [first_hash], "the first entry is as found before; the changed one is hashed"
    assert check == verify_chain(session)
    assert check.broken_at == 2 and "changed" in check.problem
    assert verify_chain(session, memo=memo).broken_at == 2, "and found again the next time"
