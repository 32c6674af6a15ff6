from __future__ import annotations

from pathlib import Path

import pytest

from postkit.cli import main
from postkit.core.paths import resources_dir

SAMPLE = resources_dir() / "sanctions" / "sample-targets.simple.csv"


def _lines(capsys: pytest.CaptureFixture[str]) -> list[list[str]]:
    return [line.split("\t") for line in capsys.readouterr().out.splitlines()]


def test_match_prints_candidates_best_first_as_tab_separated_lines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["screening", "match", "kvasnikov evgeniy", "--list", str(SAMPLE)]) == 0
    rows = _lines(capsys)
    assert rows, "a transliterated, reordered name must be found"
    _score, name, entry_id = rows[0]
    assert (name, entry_id) == ("Yevgeny Borisovich Kvasnikov", "pk-sample-001")
    scores = [float(row[0]) for row in rows]
    assert scores == sorted(scores, reverse=True)
    assert all(len(row) == 3 for row in rows)


def test_match_with_no_candidates_prints_nothing_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["screening", "match", "Zzyzx Qwertyuiop", "--list", str(SAMPLE)]) == 0
    assert capsys.readouterr().out == ""


def test_match_with_a_file_that_is_not_a_list_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "people.csv"
    bad.write_text("first,last\nAna,Lima\n", encoding="utf-8")
    assert main(["screening", "match", "Ana Lima", "--list", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("postkit: error: people.csv") and len(err.splitlines()) == 1


def _seeded(tmp_path: Path) -> Path:
    db = tmp_path / "post.sqlite3"
    assert main(["--db", str(db), "demo", "seed", "--activities", "10"]) == 0
    return db


def test_verify_passes_on_an_intact_log_and_fails_on_a_forged_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    db = _seeded(tmp_path)
    capsys.readouterr()
    assert main(["--db", str(db), "screening", "verify"]) == 0
    assert "chain is intact" in capsys.readouterr().out
    with sqlite3.connect(db) as connection:
        last_hash = connection.execute(
            "SELECT entry_hash FROM screening_audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
        connection.execute(
            "INSERT INTO screening_audit_log (request_id, at, actor, action, details, "
            "previous_hash, entry_hash) VALUES (3, '2026-01-01 00:00:00', 'Mallory', "
            "'decided', '{\"outcome\": \"support\"}', ?, ?)",
            (last_hash, "0" * 64),
        )
    connection.close()
    assert main(["--db", str(db), "screening", "verify"]) == 1
    err = capsys.readouterr().err
    assert "broken at entry" in err and len(err.splitlines()) == 1


def test_the_match_command_uses_the_imported_list_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "post.sqlite3"
    assert main(["--db", str(db), "screening", "match", "Kvasnikov"]) == 1
    assert "no sanctions list imported yet" in capsys.readouterr().err
    assert main(["--db", str(db), "screening", "import-list", str(SAMPLE)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "screening", "match", "Jewgeni Kwasnikow"]) == 0
    assert _lines(capsys)[0][2] == "pk-sample-001"


def test_the_decision_record_prints_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.pdf_text import pdf_text

    db = _seeded(tmp_path)
    out = tmp_path / "record.pdf"
    assert main(["--db", str(db), "screening", "record", "3", str(out)]) == 0
    text = " ".join(pdf_text(out).split())
    assert "Decision record: IMVO conditions" in text
    assert "Oranje Delta Agro B.V." in text
    assert main(["--db", str(db), "screening", "record", "99", str(out)]) == 1
