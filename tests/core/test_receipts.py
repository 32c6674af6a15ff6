"""Receipts from headquarters, and export files that survive Excel in Dutch or English locale.

Where imports read numbers: the risk tables (`code,level,note`) and the sanctions list (ids,
names, dates kept as text) read none; the XLSForm reads them in the `default` column of integer
and decimal questions (expressions are XPath, where a comma separates arguments, so they keep
the point), and headquarters reads them in the responses sheet of an export.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core import receipt_format
from postkit.core.db import Database, open_database
from postkit.core.hq.reading import ExportRejected, read_export
from postkit.core.hq.receipts import build_receipts, write_receipts
from postkit.core.hq.service import ACCEPTED, REFUSED, collect_exports
from postkit.core.receipt_format import (
    RECEIPT_FORMAT,
    Receipt,
    ReceiptEntry,
    post_slug,
    receipt_digest,
)
from postkit.core.receipt_signing import (
    export_public_key,
    hq_signing_key,
    key_fingerprint,
    signing_key_file,
)
from postkit.core.surveys.export import export_responses_csv, export_responses_xlsx
from postkit.core.surveys.forms import Form
from postkit.core.surveys.receipts import (
    SIGNED,
    UNCONFIRMED_AFTER_DAYS,
    UNKNOWN_KEY,
    UNSIGNED,
    ReceiptError,
    import_hq_key,
    import_receipt,
    import_receipts,
    list_sent_exports,
    read_receipt,
    record_sent_export,
)
from postkit.core.surveys.sent_exports import SentExportRow
from postkit.core.surveys.service import import_form, start_response, submit_response
from postkit.core.surveys.xlsform import load_form
from postkit.core.untrusted import load_json
from tests.conftest import TEST_PROFILE
from tests.core.test_survey_engine import SURVEY, TODAY, write_form

POST = TEST_PROFILE.post_name
DIGEST_REFUSAL = (
    "the checksum does not match: the responses differ from the SHA-256 in the meta sheet"
    " (the file was damaged or edited after the export)"
)


@dataclass
class RoundTrip:
    """A post and headquarters on one machine, with the receipt headquarters wrote."""

    post_db: Database
    hq_db: Database
    form: Form
    first: Path  # refused by headquarters: changed after it was exported
    second: Path  # accepted
    receipt: Path


def submit(session: Session, form_pk: int, post: str = POST, **changes: object) -> None:
    answers: dict[str, object] = {
        "role": "other",
        "role_other": "Consul",
        "years": 4,
        "share": 0.1 + 0.2,
        "visited": date(2026, 2, 1),
        "done": ("t1", "t3"),
        "why": "Two tasks",
        "region": "africa",
        "country": "KE",
        "consent": "OK",
    }
    answers.update(changes)
    draft = start_response(session, form_pk, post, "en", True, "")
    submit_response(session, draft.id, answers, today=TODAY)


def edit_cell(path: Path, column: str, value: object, target: Path | None = None) -> Path:
    """Change one cell of the first response, as somebody at the post might in Excel."""
    workbook = load_workbook(path)
    sheet = workbook["responses"]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(2, header.index(column) + 1).value = value
    target = target or path
    workbook.save(target)
    return target


@pytest.fixture
def form_file(tmp_path: Path) -> Path:
    return write_form(tmp_path / "engine_test.xlsx")


@pytest.fixture
def form_pk(session: Session, form_file: Path) -> int:
    return import_form(session, form_file, TEST_PROFILE.user_name).id


@pytest.fixture
def hq_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "hq" / "hq.sqlite3")
    yield database
    database.dispose()


@pytest.fixture
def round_trip(
    database: Database, hq_db: Database, form_pk: int, form_file: Path, tmp_path: Path
) -> RoundTrip:
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    first, second = outbox / "engine_test-march.xlsx", outbox / "engine_test-april.xlsx"
    with database.session() as session:
        submit(session, form_pk)
        export_responses_xlsx(session, form_pk, first, POST)
        submit(session, form_pk, years=9)
        export_responses_xlsx(session, form_pk, second, POST)
    edit_cell(first, "years", 40)
    form = load_form(form_file)
    with hq_db.session() as session:
        report = collect_exports(session, [outbox], form)
        assert (len(report.accepted), len(report.refused)) == (1, 1)
        batch = build_receipts(session)
    [(receipt, _)] = write_receipts(batch, tmp_path / "receipts")
    return RoundTrip(database, hq_db, form, first, second, receipt)


def statuses(database: Database) -> dict[str, tuple[str, str, int | None]]:
    with database.session() as session:
        return {
            sent.file_name: (sent.status, sent.reason, sent.counted)
            for sent in list_sent_exports(session)
        }


def rewrite_receipt(path: Path, change: Callable[[dict], None], reseal: bool = True) -> Path:
    content = json.loads(path.read_text(encoding="utf-8"))
    change(content)
    if reseal:
        content["sha256"] = receipt_digest(content)
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


# The post records what it sends


def test_an_xlsx_export_is_recorded_with_the_hash_of_the_written_file(
    session: Session, form_pk: int, tmp_path: Path
) -> None:
    submit(session, form_pk)
    submit(session, form_pk)
    path = tmp_path / "out" / "export.xlsx"
    path.parent.mkdir()
    export_responses_xlsx(session, form_pk, path, POST)
    export_responses_csv(session, form_pk, tmp_path / "out" / "export.csv", POST)
    [sent] = list_sent_exports(session)
    assert sent.file_name == "export.xlsx"
    assert sent.file_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (sent.form_id, sent.version, sent.post_name, sent.responses) == (
        "engine_test",
        "2026031501",
        POST,
        2,
    )
    assert not sent.is_confirmed
    meta = dict(load_workbook(path, read_only=True)["meta"].iter_rows(values_only=True))
    assert meta["exported_at"] == sent.exported_at.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_an_export_never_confirmed_is_overdue_after_the_set_days(
    session: Session, form_pk: int, tmp_path: Path
) -> None:
    export_responses_xlsx(session, form_pk, tmp_path / "export.xlsx", POST)
    [sent] = list_sent_exports(session)
    days = timedelta(days=UNCONFIRMED_AFTER_DAYS)
    assert UNCONFIRMED_AFTER_DAYS == 14
    assert not sent.is_overdue(sent.exported_at + days - timedelta(minutes=1))
    assert sent.is_overdue(sent.exported_at + days)
    assert not sent.is_overdue(sent.exported_at + days, days=30)


# Headquarters writes receipts


def test_the_statuses_headquarters_stores_are_the_ones_a_receipt_knows() -> None:
    assert (receipt_format.ACCEPTED, receipt_format.REFUSED) == (ACCEPTED, REFUSED)


def test_a_receipt_names_every_file_of_the_post_with_its_outcome_and_hash(
    round_trip: RoundTrip,
) -> None:
    path = round_trip.receipt
    assert re.fullmatch(
        r"receipt-embassy-testland-\d{4}-\d{2}-\d{2}\.postkit-receipt\.json", path.name
    )
    content = json.loads(path.read_text(encoding="utf-8"))
    assert content["format"] == RECEIPT_FORMAT
    assert content["post"] == POST
    assert content["sha256"] == receipt_digest(content)
    files = {entry["file_name"]: entry for entry in content["files"]}
    assert files.keys() == {round_trip.first.name, round_trip.second.name}
    accepted, refused = files[round_trip.second.name], files[round_trip.first.name]
    assert accepted["status"] == "accepted" and accepted["reason"] == ""
    assert accepted["responses"] == 2
    assert accepted["file_sha256"] == hashlib.sha256(round_trip.second.read_bytes()).hexdigest()
    assert (accepted["form_id"], accepted["version"]) == ("engine_test", "2026031501")
    assert refused["status"] == "refused" and refused["reason"] == DIGEST_REFUSAL
    assert refused["responses"] == 0
    # The refused file's hash is of the file headquarters got, not of the one the post wrote.
    assert refused["file_sha256"] == hashlib.sha256(round_trip.first.read_bytes()).hexdigest()
    assert datetime.fromisoformat(refused["received_at"]).tzinfo is not None


def test_a_file_received_twice_is_on_the_receipt_once_with_its_latest_outcome(
    round_trip: RoundTrip,
) -> None:
    with round_trip.hq_db.session() as session:
        collect_exports(session, [round_trip.second], round_trip.form)
        [receipt] = build_receipts(session).receipts
    assert sorted(entry.file_name for entry in receipt.entries) == sorted(
        [round_trip.first.name, round_trip.second.name]
    )
    assert receipt.entries[-1].file_name == round_trip.second.name


def test_a_refused_file_that_names_no_post_is_listed_apart(
    hq_db: Database, tmp_path: Path, form_file: Path
) -> None:
    junk = tmp_path / "notes.xlsx"
    junk.write_text("not a workbook", encoding="utf-8")
    with hq_db.session() as session:
        collect_exports(session, [junk], load_form(form_file))
        batch = build_receipts(session)
    assert batch.receipts == ()
    assert [(file.file_name, file.reason) for file in batch.unattributed] == [
        ("notes.xlsx", "not an .xlsx workbook")
    ]


def test_posts_whose_names_make_the_same_file_name_get_a_receipt_each(
    hq_db: Database, tmp_path: Path
) -> None:
    from postkit.core.hq.models import ReceivedExportRow

    with hq_db.session() as session:
        for post in ("Embassy Curaçao", "Embassy curacao"):
            session.add(
                ReceivedExportRow(
                    file_name="a.xlsx",
                    file_sha256="",
                    post_name=post,
                    status="refused",
                    reason="no",
                )
            )
        session.commit()
        written = write_receipts(build_receipts(session), tmp_path)
    names = [path.name for path, _ in written]
    assert len(set(names)) == 2 and all(
        name.startswith("receipt-embassy-curacao-") for name in names
    )
    assert post_slug("  Ambassade Den Haag / NL ") == "ambassade-den-haag-nl"


# The post imports its receipt: the round trip


def test_the_post_sees_both_statuses_after_importing_its_receipt(round_trip: RoundTrip) -> None:
    with round_trip.post_db.session() as session:
        result = import_receipt(session, round_trip.receipt, POST)
    assert result.post == POST and result.unknown == ()
    assert {sent.file_name for sent in result.updated} == {
        round_trip.first.name,
        round_trip.second.name,
    }
    assert statuses(round_trip.post_db) == {
        round_trip.second.name: ("accepted", "", 2),
        round_trip.first.name: ("refused", DIGEST_REFUSAL, 0),
    }
    with round_trip.post_db.session() as session:
        assert all(sent.received_at is not None for sent in list_sent_exports(session))


def test_importing_several_receipts_takes_the_good_and_lists_the_refused(
    round_trip: RoundTrip, tmp_path: Path
) -> None:
    gone = tmp_path / "gone.postkit-receipt.json"
    with round_trip.post_db.session() as session:
        results, errors = import_receipts(session, [gone, round_trip.receipt], POST)
    assert [result.path for result in results] == [round_trip.receipt]
    assert [type(error) for error in errors] == [ReceiptError]
    assert str(errors[0]).startswith("gone.postkit-receipt.json: cannot read the file")
    assert statuses(round_trip.post_db)[round_trip.second.name] == ("accepted", "", 2)


def test_reimporting_the_same_receipt_changes_nothing(round_trip: RoundTrip) -> None:
    with round_trip.post_db.session() as session:
        import_receipt(session, round_trip.receipt, POST)
        before = _rows(session)
        again = import_receipt(session, round_trip.receipt, POST)
        after = _rows(session)
    assert again.updated == () and len(again.unchanged) == 2
    assert before == after


def test_an_older_receipt_imported_after_a_newer_one_changes_nothing(
    round_trip: RoundTrip, tmp_path: Path
) -> None:
    older = tmp_path / "older.postkit-receipt.json"
    shutil.copy(round_trip.receipt, older)
    rewrite_receipt(
        older,
        lambda content: [
            entry.update(status="refused", reason="earlier", received_at="2020-01-01T00:00:00Z")
            for entry in content["files"]
        ],
    )
    with round_trip.post_db.session() as session:
        import_receipt(session, round_trip.receipt, POST)
        result = import_receipt(session, older, POST)
    assert result.updated == ()
    assert statuses(round_trip.post_db)[round_trip.second.name][0] == "accepted"


def test_files_the_post_never_sent_are_reported(round_trip: RoundTrip) -> None:
    def add_stranger(content: dict) -> None:
        content["files"].append(
            {
                "file_name": "someone-else.xlsx",
                "file_sha256": "ab" * 32,
                "received_at": "2026-03-01T09:00:00Z",
                "status": "accepted",
                "reason": "",
                "responses": 3,
            }
        )

    rewrite_receipt(round_trip.receipt, add_stranger)
    with round_trip.post_db.session() as session:
        result = import_receipt(session, round_trip.receipt, POST)
    assert [entry.file_name for entry in result.unknown] == ["someone-else.xlsx"]
    assert len(result.updated) == 2


def test_two_exports_with_the_same_bytes_are_told_apart_by_their_names(
    session: Session, tmp_path: Path
) -> None:
    moment = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    for name in ("a.xlsx", "b.xlsx"):
        record_sent_export(session, tmp_path / name, "cd" * 32, "f", "1", POST, 2, moment)
    entries = [
        ReceiptEntry(name, "cd" * 32, moment + timedelta(days=1), status, reason, count)
        for name, status, reason, count in (
            ("a.xlsx", "accepted", "", 2),
            ("b.xlsx", "refused", "late", 0),
        )
    ]
    path = tmp_path / "r.postkit-receipt.json"
    path.write_text(json.dumps(Receipt(POST, moment, tuple(entries)).as_json()), encoding="utf-8")
    result = import_receipt(session, path, POST)
    assert len(result.updated) == 2
    assert {sent.file_name: sent.status for sent in list_sent_exports(session)} == {
        "a.xlsx": "accepted",
        "b.xlsx": "refused",
    }


def test_a_receipt_under_a_former_post_name_is_still_the_posts(round_trip: RoundTrip) -> None:
    with round_trip.post_db.session() as session:
        result = import_receipt(session, round_trip.receipt, "Embassy Testland (renamed)")
    assert len(result.updated) == 2


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda path: path.write_text("{not json", encoding="utf-8"), "not JSON text"),
        (lambda path: path.write_bytes(b"\xff\xfe\x00garbage"), "not JSON text"),
        (
            lambda path: rewrite_receipt(path, lambda c: c.update(format="something/1")),
            "format something/1, expected postkit-survey-receipt/1",
        ),
        (
            lambda path: rewrite_receipt(
                path, lambda c: c["files"][0].update(responses=99), reseal=False
            ),
            "does not match its SHA-256",
        ),
        (
            lambda path: rewrite_receipt(path, lambda c: c.update(post="Embassy Elsewhere")),
            "a receipt for Embassy Elsewhere, not for this post (Embassy Testland)",
        ),
        (
            lambda path: rewrite_receipt(path, lambda c: c["files"][0].update(status="lost")),
            "has status 'lost', not accepted or refused",
        ),
        (
            lambda path: rewrite_receipt(path, lambda c: c["files"][1].update(received_at="")),
            "received_at is not a date and time in UTC",
        ),
        (
            # Sealed again: a count no database holds (SQLite raised OverflowError storing it).
            lambda path: rewrite_receipt(path, lambda c: c["files"][0].update(responses=10**30)),
            "has no count of responses",
        ),
        (
            # Half a character, escaped as JSON allows (SQLite raised UnicodeEncodeError).
            lambda path: rewrite_receipt(
                path, lambda c: c["files"][0].update(reason="\ud800"), reseal=False
            ),
            "holds half a character (\\ud800, a lone surrogate), which is not text",
        ),
    ],
    ids=[
        "not-json",
        "not-text",
        "format",
        "checksum",
        "other-post",
        "status",
        "moment",
        "huge-count",
        "lone-surrogate",
    ],
)
def test_a_bad_receipt_is_refused_naming_the_file_and_nothing_is_stored(
    round_trip: RoundTrip, damage: Callable[[Path], object], reason: str
) -> None:
    damage(round_trip.receipt)
    with round_trip.post_db.session() as session, pytest.raises(ReceiptError) as caught:
        import_receipt(session, round_trip.receipt, POST)
    assert str(caught.value).startswith(f"{round_trip.receipt.name}: ")
    assert reason in str(caught.value)
    assert {status for status, _, _ in statuses(round_trip.post_db).values()} == {""}


def test_a_missing_receipt_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReceiptError, match=r"^gone\.postkit-receipt\.json: cannot read the file"):
        read_receipt(tmp_path / "gone.postkit-receipt.json")


def _rows(session: Session) -> list[tuple[object, ...]]:
    return [
        (
            row.id,
            row.receipt_status,
            row.receipt_reason,
            row.receipt_counted,
            row.receipt_received_at,
        )
        for row in session.scalars(select(SentExportRow).order_by(SentExportRow.id))
    ]


# Locale-safe files: an export opened and saved again in Excel


@pytest.fixture
def exported(session: Session, form_pk: int, tmp_path: Path) -> Path:
    submit(session, form_pk, share=0.1 + 0.2, years=7)
    path = tmp_path / "export.xlsx"
    export_responses_xlsx(session, form_pk, path, POST)
    return path


def excel_resave(source: Path, target: Path, date_format: str | int) -> Path:
    """The export as Excel saves it again: shared strings, its own date format, 17 digits."""
    workbook = load_workbook(source)
    sheet = workbook["responses"]
    header = [cell.value for cell in sheet[1]]
    cell = sheet.cell(2, header.index("visited") + 1)
    assert isinstance(cell.value, datetime)
    # A built-in format (14: the short date, shown d-m-yyyy in Dutch, m/d/yyyy in English) or
    # a locale's own.
    cell.number_format = "mm-dd-yy" if date_format == 14 else date_format
    workbook.save(target)
    with zipfile.ZipFile(target) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet_xml = members["xl/worksheets/sheet1.xml"].decode("utf-8")
    # Excel keeps 17 significant digits where Python writes the shortest form.
    sheet_xml = sheet_xml.replace("<v>0.3</v>", "<v>0.30000000000000004</v>")
    assert "0.30000000000000004" in sheet_xml
    members["xl/worksheets/sheet1.xml"] = sheet_xml.encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


@pytest.mark.parametrize(
    "date_format",
    [14, "d-m-yyyy", "[$-413]d mmmm yyyy", "m/d/yyyy", "[$-409]mmmm d, yyyy", "dd/mm/yyyy;@"],
    ids=["builtin-short-date", "nl", "nl-long", "en-us", "en-us-long", "en-gb"],
)
def test_headquarters_accepts_an_export_saved_again_in_excel_in_either_locale(
    exported: Path, tmp_path: Path, form_file: Path, date_format: str | int
) -> None:
    form = load_form(form_file)
    original = read_export(exported, form)
    resaved = read_export(excel_resave(exported, tmp_path / "resaved.xlsx", date_format), form)
    assert resaved.rows == original.rows
    record = resaved.records()[0]
    assert (record["visited"], record["share"], record["years"]) == ("2026-02-01", 0.3, 7)


def test_a_date_typed_over_as_iso_text_is_the_same_answer(
    exported: Path, tmp_path: Path, form_file: Path
) -> None:
    form = load_form(form_file)
    edited = edit_cell(exported, "visited", "2026-02-01", tmp_path / "iso.xlsx")
    assert read_export(edited, form).rows == read_export(exported, form).rows


@pytest.mark.parametrize("text", ["0,3", "0.3"], ids=["decimal-comma", "decimal-point"])
def test_a_number_turned_into_text_is_refused_as_an_edit(
    exported: Path, tmp_path: Path, form_file: Path, text: str
) -> None:
    edited = edit_cell(exported, "share", text, tmp_path / "text.xlsx")
    with pytest.raises(ExportRejected) as caught:
        read_export(edited, load_form(form_file))
    assert caught.value.reason == DIGEST_REFUSAL
    assert caught.value.post == POST


def test_an_xlsform_default_typed_in_dutch_excel_is_a_number_cell_and_loads(
    tmp_path: Path,
) -> None:
    # Excel in Dutch stores "2,5" typed in a cell as the number 2.5; the file has no locale.
    survey = [dict(row, default=2.5) if row.get("name") == "share" else row for row in SURVEY]
    form = load_form(write_form(tmp_path / "nl.xlsx", survey=survey))
    assert form.find("share").default == "2.5"  # type: ignore[union-attr]


def test_an_xlsform_default_kept_as_text_with_a_decimal_comma_loads(tmp_path: Path) -> None:
    survey = [dict(row, default="2,5") if row.get("name") == "share" else row for row in SURVEY]
    form = load_form(write_form(tmp_path / "nl-text.xlsx", survey=survey))
    assert form.find("share").default == "2.5"  # type: ignore[union-attr]


def test_receipt_times_are_utc(round_trip: RoundTrip) -> None:
    receipt = read_receipt(round_trip.receipt)
    assert receipt.issued_at.utcoffset() == timedelta(0)
    assert all(entry.received_at.tzinfo is not None for entry in receipt.entries)
    assert receipt.issued_at <= datetime.now(UTC)


# Signatures (Ed25519): headquarters signs, the post checks with headquarters' public key.


def _import_key(trip: RoundTrip, tmp_path: Path) -> str:
    key_file = export_public_key(tmp_path / "hq.postkit-key")
    with trip.post_db.session() as session:
        return import_hq_key(session, key_file, "Tess Tester").fingerprint


def _reseal(path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """The receipt with `change` applied and its SHA-256 recomputed, as a forger would."""
    content = json.loads(path.read_text(encoding="utf-8"))
    change(content)
    content["sha256"] = receipt_digest(content)
    path.write_text(json.dumps(content, indent=2), encoding="utf-8")
    return path


def test_headquarters_signs_each_receipt_with_a_key_made_on_first_use(
    round_trip: RoundTrip,
) -> None:
    content = json.loads(round_trip.receipt.read_text(encoding="utf-8"))
    signature = content["signature"]
    assert signature["algorithm"] == "Ed25519"
    assert signature["key"] == key_fingerprint(hq_signing_key().public_key())
    assert signing_key_file().is_file()
    assert signing_key_file().stat().st_mode & 0o077 == 0
    # Posts on an older postkit check only the SHA-256, which covers the signature too.
    assert content["sha256"] == receipt_digest(content)


def test_a_post_with_headquarters_key_sees_a_signed_receipt(
    round_trip: RoundTrip,
    tmp_path: Path,
) -> None:
    fingerprint = _import_key(round_trip, tmp_path)
    with round_trip.post_db.session() as session:
        result = import_receipt(session, round_trip.receipt, POST)
        exports = list_sent_exports(session)
    assert (result.signature, result.key_fingerprint) == (SIGNED, fingerprint)
    assert {sent.receipt_signature for sent in exports} == {SIGNED}


def test_an_edited_receipt_with_a_recomputed_sha256_is_refused(
    round_trip: RoundTrip,
    tmp_path: Path,
) -> None:
    _import_key(round_trip, tmp_path)

    def accept_everything(content: dict) -> None:  # type: ignore[type-arg]
        for entry in content["files"]:
            entry["status"], entry["reason"] = "accepted", ""

    _reseal(round_trip.receipt, accept_everything)
    with (
        round_trip.post_db.session() as session,
        pytest.raises(ReceiptError, match="the signature does not match"),
    ):
        import_receipt(session, round_trip.receipt, POST)
    with round_trip.post_db.session() as session:
        assert {sent.status for sent in list_sent_exports(session)} == {""}


def test_an_unsigned_receipt_is_taken_but_flagged_in_the_result_and_the_status(
    round_trip: RoundTrip,
    tmp_path: Path,
) -> None:
    _import_key(round_trip, tmp_path)
    _reseal(round_trip.receipt, lambda content: content.pop("signature"))
    with round_trip.post_db.session() as session:
        result = import_receipt(session, round_trip.receipt, POST)
        exports = list_sent_exports(session)
    assert result.signature == UNSIGNED
    assert {sent.receipt_signature for sent in exports} == {UNSIGNED}
    assert not any(sent.is_receipt_verified for sent in exports)


def test_a_receipt_signed_with_another_key_is_flagged(
    round_trip: RoundTrip,
    tmp_path: Path,
) -> None:
    """Without headquarters' key the post cannot tell a signature from a forger's."""
    with round_trip.post_db.session() as session:
        result = import_receipt(session, round_trip.receipt, POST)
    assert result.signature == UNKNOWN_KEY


def test_the_public_key_file_is_json_a_post_reads_with_the_guarded_reader(
    tmp_path: Path,
) -> None:
    path = export_public_key(tmp_path / "hq.postkit-key")
    content = load_json(path.read_bytes())
    assert content["format"] == "postkit-receipt-key/1"
    assert content["algorithm"] == "Ed25519"
    assert content["fingerprint"] == key_fingerprint(hq_signing_key().public_key())
    assert "PRIVATE" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("not json", "not a receipt key from headquarters"),
        ('{"format": "postkit-receipt-key/1", "algorithm": "RSA"}', "not an Ed25519 key"),
        (
            '{"format": "postkit-receipt-key/1", "algorithm": "Ed25519", "public_key": "AAAA"}',
            "not an Ed25519 public key",
        ),
    ],
)
def test_a_bad_key_file_is_refused_and_nothing_is_stored(
    round_trip: RoundTrip,
    tmp_path: Path,
    text: str,
    reason: str,
) -> None:
    path = tmp_path / "bad.postkit-key"
    path.write_text(text, encoding="utf-8")
    with round_trip.post_db.session() as session:
        with pytest.raises(ReceiptError, match=reason):
            import_hq_key(session, path, "Tess Tester")
        result = import_receipt(session, round_trip.receipt, POST)
    assert result.signature == UNKNOWN_KEY
