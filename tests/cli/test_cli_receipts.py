from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from postkit.cli import main
from postkit.core.db import Database
from postkit.core.receipt_format import receipt_digest
from postkit.core.surveys.demo import seed_survey_demo
from postkit.core.surveys.receipts import list_sent_exports
from tests.conftest import TEST_PROFILE

POST = TEST_PROFILE.post_name
FORM = "imvo_guidelines_evaluation"


@pytest.fixture
def post_db(database: Database) -> str:
    """The post's database file, with submitted responses to the evaluation survey."""
    with database.session() as session:
        seed_survey_demo(session, [POST], respondents_per_post=3)
    return str(database.engine.url.database)


def _corrupt(path: Path) -> None:
    workbook = load_workbook(path)
    sheet = workbook["responses"]
    sheet.cell(2, 2).value = "2020-01-01T00:00:00Z"  # _submitted_at
    workbook.save(path)


def test_round_trip_post_exports_hq_refuses_one_and_the_receipt_tells_the_post(
    post_db: str, database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outbox, receipts = tmp_path / "outbox", tmp_path / "receipts"
    outbox.mkdir()
    hq_db = str(tmp_path / "hq.sqlite3")
    march, april = outbox / "march.xlsx", outbox / "april.xlsx"
    for path in (march, april):
        assert main(["--db", post_db, "survey", "export", FORM, str(path)]) == 0
    _corrupt(march)

    aggregate = ["--db", hq_db, "survey", "aggregate", str(outbox)]
    assert main([*aggregate, "--out", str(tmp_path / "summary.xlsx")]) == 1
    capsys.readouterr()
    assert main(["--db", hq_db, "survey", "receipts", str(receipts)]) == 0
    out = capsys.readouterr().out
    [receipt] = receipts.glob("*.postkit-receipt.json")
    assert receipt.name.startswith("receipt-embassy-testland-")
    assert f"{receipt}: {POST}, 2 file(s): 1 accepted, 1 refused" in out

    assert main(["--db", post_db, "receipt", "import", str(receipt)]) == 0
    out = capsys.readouterr().out
    assert "2 export(s) updated, 0 unchanged" in out
    assert "april.xlsx\taccepted\n" in out
    assert "march.xlsx\trefused (the checksum does not match" in out
    with database.session() as session:
        shown = {sent.file_name: (sent.status, sent.counted) for sent in list_sent_exports(session)}
    assert shown == {"april.xlsx": ("accepted", 3), "march.xlsx": ("refused", 0)}

    assert main(["--db", post_db, "receipt", "import", str(receipt)]) == 0
    assert "0 export(s) updated, 2 unchanged" in capsys.readouterr().out


def test_a_damaged_receipt_fails_naming_the_file_and_stores_nothing(
    post_db: str, database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.xlsx"
    assert main(["--db", post_db, "survey", "export", FORM, str(export)]) == 0
    hq_db = str(tmp_path / "hq.sqlite3")
    assert (
        main(["--db", hq_db, "survey", "aggregate", str(export), "--out", str(tmp_path / "s.xlsx")])
        == 0
    )
    assert main(["--db", hq_db, "survey", "receipts", str(tmp_path)]) == 0
    [receipt] = tmp_path.glob("*.postkit-receipt.json")
    content = json.loads(receipt.read_text(encoding="utf-8"))
    content["files"][0]["status"] = "refused"
    receipt.write_text(json.dumps(content), encoding="utf-8")
    capsys.readouterr()

    assert main(["--db", post_db, "receipt", "import", str(receipt)]) == 1
    err = capsys.readouterr().err
    assert f"postkit: error: {receipt.name}: the receipt does not match its SHA-256" in err
    with database.session() as session:
        assert [sent.status for sent in list_sent_exports(session)] == [""]


def test_receipts_without_anything_received_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hq_db = str(tmp_path / "hq.sqlite3")
    assert main(["--db", hq_db, "survey", "receipts", str(tmp_path / "receipts")]) == 0
    assert "no files received from any post yet" in capsys.readouterr().out
    assert list((tmp_path / "receipts").iterdir()) == []


def test_the_post_checks_headquarters_signature_with_the_key_it_imported(
    post_db: str, database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.xlsx"
    assert main(["--db", post_db, "survey", "export", FORM, str(export)]) == 0
    hq_db = str(tmp_path / "hq.sqlite3")
    out = str(tmp_path / "s.xlsx")
    assert main(["--db", hq_db, "survey", "aggregate", str(export), "--out", out]) == 0
    assert main(["--db", hq_db, "survey", "receipts", str(tmp_path / "r")]) == 0
    [receipt] = (tmp_path / "r").glob("*.postkit-receipt.json")
    assert main(["--db", hq_db, "survey", "receipt-key", str(tmp_path / "hq.postkit-key")]) == 0
    shown = capsys.readouterr().out
    short = shown.split("headquarters' receipt key ")[1].split(";")[0]
    assert f"signed with headquarters' key {short}" in shown

    # Before the post has the key, it cannot tell the signature from a forger's.
    assert main(["--db", post_db, "receipt", "import", str(receipt)]) == 0
    assert "signed by a key this post has not imported" in capsys.readouterr().out
    assert main(["--db", post_db, "receipt", "import-key", str(tmp_path / "hq.postkit-key")]) == 0
    assert f"headquarters' receipt key {short} stored" in capsys.readouterr().out
    assert main(["--db", post_db, "receipt", "import", str(receipt)]) == 0
    assert "signed by headquarters (key " in capsys.readouterr().out

    # An edit with the SHA-256 computed again no longer passes.
    content = json.loads(receipt.read_text(encoding="utf-8"))
    content["files"][0]["responses"] = 99
    content["sha256"] = receipt_digest(content)
    receipt.write_text(json.dumps(content), encoding="utf-8")
    assert main(["--db", post_db, "receipt", "import", str(receipt)]) == 1
    err = capsys.readouterr().err
    assert "the signature does not match" in err and len(err.splitlines()) == 1

    # Without its signature the receipt is taken, and said to be unsigned.
    del content["signature"]
    content["sha256"] = receipt_digest(content)
    receipt.write_text(json.dumps(content), encoding="utf-8")
    assert main(["--db", post_db, "receipt", "import", str(receipt)]) == 0
    assert "NOT SIGNED: anybody could have written it" in capsys.readouterr().out
