from __future__ import annotations

import hashlib
import json
import shutil
import struct
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from postkit.core.attachments import attachment_path
from postkit.core.db import Database
from postkit.core.db.database import connect
from postkit.core.errors import PostkitError
from postkit.core.practices import exchange
from postkit.core.practices.exchange import (
    ExchangeFileError,
    export_practices,
    import_practices,
    read_exchange_file,
)
from postkit.core.practices.records import PracticeInput, SkipReason
from postkit.core.practices.service import (
    add_attachment,
    create_practice,
    get_practice_by_uuid,
    list_conflicts,
    list_practices,
    receive_practice,
    resolve_conflict,
    update_practice,
)

GENDER = PracticeInput(
    title="Women-led cooperatives in the cocoa due diligence dialogue",
    core_tasks=(5,),
    post_name="Ambassade Accra",
    country="GH",
    year=2024,
    summary="Cooperatives led by women joined the *national* dialogue.",
    what_worked="Holding meetings in the cooperatives.",
    language="nl",
    status="published",
    themes=("gender", "child_labour"),
    sectors=("cocoa",),
)
WAGES = replace(
    GENDER,
    title="Living wage benchmark for garment exporters",
    core_tasks=(2,),
    country="BD",
    language="en",
    themes=("living_wage",),
    sectors=("textiles_garments",),
)
DRAFT = replace(GENDER, title="Half-written idea", status="draft")


@pytest.fixture
def other_post(template_database: Path, tmp_path: Path) -> Iterator[Database]:
    """A second database on the same machine, standing in for another post."""
    path = tmp_path / "post-b" / "postkit.sqlite3"
    path.parent.mkdir()
    shutil.copy(template_database, path)
    database = connect(path)
    yield database
    database.dispose()


@pytest.fixture
def exported(session: Session, database: Database, tmp_path: Path) -> Path:
    """A valid exchange file with two practices, one with an attached file."""
    tool = tmp_path / "dialogue agenda.txt"
    tool.write_text("Agenda of the dialogue", encoding="utf-8")
    first = create_practice(session, GENDER, "Ama")
    add_attachment(session, database.files_dir, first.id, tool, "Ama")
    create_practice(session, WAGES, "Ama")
    path = tmp_path / "accra.postkit"
    export_practices(session, database.files_dir, path, exporting_post="Ambassade Accra")
    return path


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write_zip(
    path: Path,
    members: dict[str, bytes],
    manifest: dict[str, Any] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """Write members and a manifest listing their true hashes (changed by `manifest`)."""
    content = {
        "format": "postkit-practices",
        "format_version": 1,
        "exporting_post": "Somewhere",
        "exported_at": "2025-06-01T10:00:00+00:00",
        "members": {
            name: hashlib.sha256(data).hexdigest()
            for name, data in members.items()
            if name != "manifest.json"
        },
        **(manifest or {}),
    }
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        for name, data in members.items():
            if name != "manifest.json":
                archive.writestr(name, data)
        archive.writestr("manifest.json", json.dumps(content))
    return path


def _practices(members: dict[str, bytes]) -> list[dict[str, Any]]:
    return json.loads(members["practices.json"])  # type: ignore[no-any-return]


def _with_practices(members: dict[str, bytes], practices: list[dict[str, Any]]) -> dict:
    return {**members, "practices.json": json.dumps(practices).encode()}


def _import_into(database: Database, *paths: Path) -> Any:
    with database.session() as session:
        return import_practices(session, database.files_dir, paths)


def _titles(database: Database) -> list[str]:
    with database.session() as session:
        return sorted(row.title for row in list_practices(session))


# --- the file --------------------------------------------------------------------------------


def test_export_writes_a_manifest_with_the_hash_of_every_member(exported: Path) -> None:
    members = _members(exported)
    manifest = json.loads(members.pop("manifest.json"))
    assert manifest["format"] == "postkit-practices"
    assert manifest["format_version"] == 1
    assert manifest["exporting_post"] == "Ambassade Accra"
    assert manifest["exported_at"].endswith("+00:00")
    assert manifest["members"] == {
        name: hashlib.sha256(data).hexdigest() for name, data in members.items()
    }
    practices = _practices(members)
    assert [p["title"] for p in practices] == [GENDER.title, WAGES.title]
    (attachment,) = practices[0]["attachments"]
    assert attachment["file_name"] == "dialogue agenda.txt"
    assert attachment["path"] == f"attachments/{attachment['sha256']}/dialogue agenda.txt"
    assert members[attachment["path"]] == b"Agenda of the dialogue"
    assert not list(exported.parent.glob("*.part"))


def test_export_leaves_drafts_out_unless_asked(
    session: Session, database: Database, tmp_path: Path
) -> None:
    create_practice(session, GENDER, "Ama")
    create_practice(session, DRAFT, "Ama")
    path = tmp_path / "out.postkit"
    assert export_practices(session, database.files_dir, path) == 1
    assert export_practices(session, database.files_dir, path, include_drafts=True) == 2
    draft_id = next(row.id for row in list_practices(session) if row.status == "draft")
    assert export_practices(session, database.files_dir, path, [draft_id]) == 1
    assert _practices(_members(path))[0]["title"] == DRAFT.title


def test_exporting_post_defaults_to_the_profile(
    session: Session, database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "out.postkit"
    export_practices(session, database.files_dir, path)
    assert json.loads(_members(path)["manifest.json"])["exporting_post"] == "Embassy Testland"


def test_importing_adds_unknown_practices_with_their_attachments(
    exported: Path, other_post: Database
) -> None:
    summary = _import_into(other_post, exported)
    assert [title for _uuid, title in summary.added] == [GENDER.title, WAGES.title]
    assert not (summary.updated or summary.skipped or summary.conflicts or summary.failed)
    with other_post.session() as session:
        record = get_practice_by_uuid(session, summary.added[0][0])
        (attachment,) = record.attachments
        stored = attachment_path(other_post.files_dir, attachment)
        assert stored.read_text(encoding="utf-8") == "Agenda of the dialogue"
        assert record.data.themes == ("child_labour", "gender")
        # the person who wrote it stays at home; the practice names the post it came from
        assert record.created_by == record.updated_by == "Ambassade Accra"


def test_reimporting_the_same_file_changes_nothing(exported: Path, other_post: Database) -> None:
    _import_into(other_post, exported)
    with other_post.session() as session:
        before = [get_practice_by_uuid(session, row.uuid) for row in list_practices(session)]
    summary = _import_into(other_post, exported)
    assert not summary.changed_anything
    assert {s.reason for s in summary.skipped} == {SkipReason.SAME_VERSION}
    with other_post.session() as session:
        after = [get_practice_by_uuid(session, row.uuid) for row in list_practices(session)]
    assert after == before


# --- two posts -------------------------------------------------------------------------------


def test_two_posts_share_edits_and_see_conflicts_without_losing_any(
    exported: Path, database: Database, other_post: Database, tmp_path: Path
) -> None:
    post_a, post_b = database, other_post

    def export(post: Database, name: str) -> Path:
        path = tmp_path / name
        with post.session() as session:
            export_practices(session, post.files_dir, path)
        return path

    def edit(post: Database, uuid: str, **changes: object) -> None:
        with post.session() as session:
            record = get_practice_by_uuid(session, uuid)
            update_practice(session, record.id, replace(record.data, **changes), post.url)  # type: ignore[arg-type]

    def lessons(post: Database, uuid: str) -> str:
        with post.session() as session:
            return get_practice_by_uuid(session, uuid).data.lessons

    # B takes A's practices in, edits one, and sends them back: A sees the change.
    gender_uuid = _import_into(post_b, exported).added[0][0]
    edit(post_b, gender_uuid, lessons="Meet where the women work.")
    summary = _import_into(post_a, export(post_b, "b1.postkit"))
    assert summary.updated == ((gender_uuid, GENDER.title),)
    assert [s.reason for s in summary.skipped] == [SkipReason.SAME_VERSION]
    assert lessons(post_a, gender_uuid) == "Meet where the women work."

    # A's older file comes back to B: B has a newer version, so nothing changes.
    summary = _import_into(post_b, exported)
    assert {s.reason for s in summary.skipped} == {
        SkipReason.NEWER_LOCALLY,
        SkipReason.SAME_VERSION,
    }
    assert lessons(post_b, gender_uuid) == "Meet where the women work."

    # Both edit the same practice before sharing: each side keeps its own and records theirs.
    edit(post_a, gender_uuid, lessons="A's lesson")
    edit(post_b, gender_uuid, lessons="B's lesson")
    from_a, from_b = export(post_a, "a2.postkit"), export(post_b, "b2.postkit")
    assert _import_into(post_b, from_a).conflicts == ((gender_uuid, GENDER.title),)
    assert _import_into(post_a, from_b).conflicts == ((gender_uuid, GENDER.title),)
    assert lessons(post_a, gender_uuid) == "A's lesson"
    assert lessons(post_b, gender_uuid) == "B's lesson"
    with post_a.session() as session:
        (conflict,) = list_conflicts(session)
        assert conflict.incoming.lessons == "B's lesson"
        assert conflict.local.data.lessons == "A's lesson"
        assert conflict.source_post == "Embassy Testland"
        assert conflict.source_file == "b2.postkit"

    # The same conflicting file again records no second conflict.
    again = _import_into(post_b, from_a)
    assert SkipReason.CONFLICT_PENDING in {s.reason for s in again.skipped}
    assert not again.changed_anything
    with post_b.session() as session:
        assert len(list_conflicts(session)) == 1

    # A keeps B's text, B keeps its own: the same content, so the next exchanges settle it.
    with post_a.session() as session:
        resolve_conflict(session, list_conflicts(session)[0].id, "incoming", "Ama")
    with post_b.session() as session:
        resolve_conflict(session, list_conflicts(session)[0].id, "local", "Bo")
    assert lessons(post_a, gender_uuid) == lessons(post_b, gender_uuid) == "B's lesson"
    summary = _import_into(post_a, export(post_b, "b3.postkit"))
    assert [s.reason for s in summary.skipped if s.uuid == gender_uuid] == [SkipReason.SAME_CONTENT]
    summary = _import_into(post_b, export(post_a, "a3.postkit"))
    assert summary.updated == ((gender_uuid, GENDER.title),)
    summary = _import_into(post_a, export(post_b, "b4.postkit"))
    assert not summary.changed_anything
    assert {s.reason for s in summary.skipped} == {SkipReason.SAME_VERSION}


def test_a_resolved_conflict_travels_as_the_newer_version(
    exported: Path, database: Database, other_post: Database, tmp_path: Path
) -> None:
    post_a, post_b = database, other_post
    gender_uuid = _import_into(post_b, exported).added[0][0]
    for post, lesson in ((post_a, "from A"), (post_b, "from B")):
        with post.session() as session:
            record = get_practice_by_uuid(session, gender_uuid)
            update_practice(session, record.id, replace(record.data, lessons=lesson), "x")
    with post_b.session() as session:
        export_practices(session, post_b.files_dir, tmp_path / "b.postkit")
    assert _import_into(post_a, tmp_path / "b.postkit").conflicts
    with post_a.session() as session:
        kept = resolve_conflict(session, list_conflicts(session)[0].id, "local", "Ama")
        export_practices(session, post_a.files_dir, tmp_path / "a.postkit")
    assert kept.data.lessons == "from A"
    # B never saw A's edit as a conflict; A's choice is simply newer than B's version.
    summary = _import_into(post_b, tmp_path / "a.postkit")
    assert summary.updated == ((gender_uuid, GENDER.title),)
    with post_b.session() as session:
        assert get_practice_by_uuid(session, gender_uuid).data.lessons == "from A"
        assert list_conflicts(session) == []


def test_keeping_the_incoming_version_brings_its_attachments(
    database: Database, other_post: Database, tmp_path: Path
) -> None:
    with database.session() as session:
        record = create_practice(session, GENDER, "Ama")
        export_practices(session, database.files_dir, tmp_path / "a1.postkit")
        tool = tmp_path / "form.txt"
        tool.write_text("form", encoding="utf-8")
        add_attachment(session, database.files_dir, record.id, tool, "Ama")
        export_practices(session, database.files_dir, tmp_path / "a2.postkit")
    _import_into(other_post, tmp_path / "a1.postkit")
    with other_post.session() as session:
        local = get_practice_by_uuid(session, record.uuid)
        update_practice(session, local.id, replace(local.data, lessons="B"), "Bo")
    assert _import_into(other_post, tmp_path / "a2.postkit").conflicts
    with other_post.session() as session:
        (conflict,) = list_conflicts(session)
        assert [a.file_name for a in conflict.incoming_attachments] == ["form.txt"]
        kept = resolve_conflict(session, conflict.id, "incoming", "Bo")
    (attachment,) = kept.attachments
    assert attachment_path(other_post.files_dir, attachment).read_text(encoding="utf-8") == "form"
    assert kept.data.lessons == ""


def test_a_conflict_shows_the_incoming_version_as_taking_it_would_file_it(
    database: Database, other_post: Database, tmp_path: Path
) -> None:
    contact = "Ama Mensah, ama.mensah@minbuza.nl"
    with database.session() as session:
        record = create_practice(session, replace(GENDER, contact=contact), "Ama")
        export_practices(session, database.files_dir, tmp_path / "a.postkit")
        update_practice(
            session, record.id, replace(record.data, contact=contact, lessons="A"), "Ama"
        )
    _import_into(other_post, tmp_path / "a.postkit")
    with other_post.session() as session:
        theirs = get_practice_by_uuid(session, record.uuid)
        update_practice(session, theirs.id, replace(theirs.data, summary="From B."), "Bo")
        export_practices(session, other_post.files_dir, tmp_path / "b.postkit")
    assert _import_into(database, tmp_path / "b.postkit").conflicts

    with database.session() as session:
        (conflict,) = list_conflicts(session)
        # B left out the contact only to protect it; taking B's version keeps this post's.
        assert conflict.incoming.contact == contact
        assert conflict.incoming.summary == "From B."
        taken = resolve_conflict(session, conflict.id, "incoming", "Ama")
    assert taken.data == conflict.incoming


# --- bad files -------------------------------------------------------------------------------


def _assert_refused(database: Database, path: Path, *fragments: str) -> None:
    with pytest.raises(ExchangeFileError) as caught, read_exchange_file(path):
        pass
    message = str(caught.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message
    summary = _import_into(database, path)
    assert [failure.path for failure in summary.failed] == [str(path)]
    assert not summary.changed_anything
    assert _titles(database) == []


def test_a_file_that_is_not_a_zip_is_refused(other_post: Database, tmp_path: Path) -> None:
    path = tmp_path / "letter.postkit"
    path.write_text("Dear colleagues, ...", encoding="utf-8")
    _assert_refused(other_post, path, "not a .postkit exchange file")


def test_a_truncated_file_is_refused(exported: Path, other_post: Database, tmp_path: Path) -> None:
    path = tmp_path / "cut.postkit"
    data = exported.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    _assert_refused(other_post, path, "truncated")


def test_a_damaged_member_is_refused(exported: Path, other_post: Database, tmp_path: Path) -> None:
    path = _write_zip(tmp_path / "crc.postkit", _members(exported), compression=zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    at = data.index(b'"title"')
    data[at + 2] ^= 0x20
    path.write_bytes(bytes(data))
    _assert_refused(other_post, path, "damaged")


def test_a_file_without_manifest_is_refused(
    exported: Path, other_post: Database, tmp_path: Path
) -> None:
    path = tmp_path / "bare.postkit"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in _members(exported).items():
            if name != "manifest.json":
                archive.writestr(name, data)
    _assert_refused(other_post, path, "no manifest.json")


def test_a_tampered_member_is_refused(exported: Path, other_post: Database, tmp_path: Path) -> None:
    members = _members(exported)
    manifest = json.loads(members["manifest.json"])
    practices = _practices(members)
    practices[1]["title"] = "A title someone changed"
    path = _write_zip(
        tmp_path / "tampered.postkit",
        _with_practices(members, practices),
        {"members": manifest["members"]},
    )
    _assert_refused(other_post, path, "practices.json does not match its SHA-256")


def test_a_tampered_attachment_is_refused(
    exported: Path, other_post: Database, tmp_path: Path
) -> None:
    members = _members(exported)
    manifest = json.loads(members["manifest.json"])
    name = next(n for n in members if n.startswith("attachments/"))
    members[name] = b"Something else entirely"
    path = _write_zip(tmp_path / "tampered.postkit", members, {"members": manifest["members"]})
    _assert_refused(other_post, path, name, "does not match")


def test_a_member_missing_from_the_manifest_is_refused(
    exported: Path, other_post: Database, tmp_path: Path
) -> None:
    members = _members(exported)
    manifest = json.loads(members["manifest.json"])
    members["notes.txt"] = b"not listed"
    path = _write_zip(tmp_path / "extra.postkit", members, {"members": manifest["members"]})
    _assert_refused(other_post, path, "notes.txt is not listed in the manifest")


def test_a_listed_member_missing_from_the_file_is_refused(
    exported: Path, other_post: Database, tmp_path: Path
) -> None:
    members = _members(exported)
    name = next(n for n in members if n.startswith("attachments/"))
    manifest = json.loads(members.pop("manifest.json"))
    del members[name]
    path = _write_zip(tmp_path / "missing.postkit", members, {"members": manifest["members"]})
    _assert_refused(other_post, path, f"lists {name}, which is not in the file")


def test_a_future_format_version_is_refused(
    exported: Path, other_post: Database, tmp_path: Path
) -> None:
    path = _write_zip(tmp_path / "v2.postkit", _members(exported), {"format_version": 2})
    _assert_refused(other_post, path, "newer postkit", "format version 2")


def test_a_manifest_of_another_format_is_refused(
    exported: Path, other_post: Database, tmp_path: Path
) -> None:
    path = _write_zip(tmp_path / "other.postkit", _members(exported), {"format": "recipes"})
    _assert_refused(other_post, path, "manifest.json: format: expected")


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../outside.txt", "'..'"),
        ("attachments/../../outside.txt", "'..'"),
        ("/etc/passwd", "absolute path"),
        ("C:/Windows/win.ini", "drive letter"),
        ("attachments\\..\\outside.txt", "backslash"),
    ],
)
def test_members_that_could_escape_a_folder_are_refused(
    exported: Path, other_post: Database, tmp_path: Path, name: str, why: str
) -> None:
    members = {**_members(exported), name: b"gotcha"}
    path = _write_zip(tmp_path / "slip.postkit", members)
    _assert_refused(other_post, path, "unsafe member name", why)
    assert not (tmp_path / "outside.txt").exists()


def test_an_archive_that_unpacks_beyond_the_limit_is_refused(
    exported: Path, other_post: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exchange, "MAX_TOTAL_BYTES", 64 * 1024)
    members = {**_members(exported), "attachments/" + "0" * 64 + "/big.txt": b"x" * 100_000}
    path = _write_zip(tmp_path / "big.postkit", members)
    _assert_refused(other_post, path, "more than the")


def test_the_size_limit_holds_while_reading_even_past_the_header_check(
    exported: Path, other_post: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exchange, "_check_sizes", lambda infos, bad: None)
    monkeypatch.setattr(exchange, "MAX_TOTAL_BYTES", 64 * 1024)
    members = {**_members(exported), "attachments/" + "0" * 64 + "/big.txt": b"x" * 100_000}
    path = _write_zip(tmp_path / "big.postkit", members)
    _assert_refused(other_post, path, "unpacks to more than the 64 kB allowed")


def test_a_member_compressed_a_thousandfold_is_refused(
    exported: Path, other_post: Database, tmp_path: Path
) -> None:
    members = {**_members(exported), "attachments/" + "0" * 64 + "/zeros.bin": bytes(5 << 20)}
    path = _write_zip(tmp_path / "bomb.postkit", members)
    _assert_refused(other_post, path, "zip bomb")


def test_a_member_larger_than_its_header_says_is_refused(
    exported: Path, other_post: Database, tmp_path: Path
) -> None:
    path = _write_zip(tmp_path / "liar.postkit", _members(exported))
    data = bytearray(path.read_bytes())
    # Shrink the uncompressed size of practices.json in its local and central headers.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + 14] == b"practices.json":
                struct.pack_into("<I", data, start + offset, 10)
            start += 4
    path.write_bytes(bytes(data))
    _assert_refused(other_post, path)


def test_too_many_members_are_refused(
    exported: Path, other_post: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exchange, "MAX_MEMBERS", 2)
    _assert_refused(other_post, exported, "more than 2 members")


def test_a_member_twice_is_refused(exported: Path, other_post: Database, tmp_path: Path) -> None:
    path = tmp_path / "twice.postkit"
    shutil.copy(exported, path)
    with pytest.warns(UserWarning), zipfile.ZipFile(path, "a") as archive:
        archive.writestr("practices.json", b"[]")
    _assert_refused(other_post, path, "occurs twice")


def _set(key: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(practice: dict[str, Any]) -> None:
        practice[key] = value

    return change


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    def change(practice: dict[str, Any]) -> None:
        del practice[key]

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set("title", 42), "practices[1].title: expected text"),
        (_set("title", ""), "practices[1].title: must not be empty"),
        (_drop("uuid"), "practices[1].uuid: missing"),
        (_set("version", "not-a-uuid"), "practices[1].version: expected a UUID"),
        (_set("lineage", "v1"), "practices[1].lineage: expected a list"),
        (_set("core_tasks", [1, 9]), "practices[1].core_tasks[1]: expected a whole number"),
        (_set("year", "2024"), "practices[1].year: expected a whole number"),
        (_set("themes", ["gender", "astro"]), "practices[1].themes[1]: unknown theme 'astro'"),
        (_set("country", "XX"), "practices[1].country: unknown country"),
        (_set("country", {"code": "KE"}), "practices[1].country: unknown country"),  # TypeError
        (_set("title", "\ud800"), "holds half a character (\\ud800, a lone surrogate)"),
        (_set("language", "de"), "practices[1].language: expected one of nl, en"),
        (_set("updated_at", "yesterday"), "practices[1].updated_at: expected a date"),
        (_set("attachments", [{"file_name": "x"}]), "practices[1].attachments[0].sha256"),
    ],
)
def test_practices_that_do_not_match_the_schema_are_refused_with_the_field_path(
    exported: Path,
    other_post: Database,
    tmp_path: Path,
    change: Callable[[dict[str, Any]], None],
    message: str,
) -> None:
    members = _members(exported)
    practices = _practices(members)
    change(practices[1])
    path = _write_zip(tmp_path / "schema.postkit", _with_practices(members, practices))
    _assert_refused(other_post, path, "practices.json: " + message)


def test_practices_json_that_is_not_a_list_is_refused(
    exported: Path, other_post: Database, tmp_path: Path
) -> None:
    members = {**_members(exported), "practices.json": b'{"practices": []}'}
    path = _write_zip(tmp_path / "schema.postkit", members)
    _assert_refused(other_post, path, "practices: expected a list")


def test_an_attachment_path_other_than_its_hash_and_name_is_refused(
    exported: Path, other_post: Database, tmp_path: Path
) -> None:
    members = _members(exported)
    practices = _practices(members)
    practices[0]["attachments"][0]["file_name"] = "other.txt"
    path = _write_zip(tmp_path / "schema.postkit", _with_practices(members, practices))
    _assert_refused(other_post, path, "practices[0].attachments[0].path")


def test_a_failure_while_applying_a_file_leaves_nothing_of_it(
    exported: Path, other_post: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def failing_second(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        if len(calls) == 2:
            raise PostkitError("disk full")
        return receive_practice(*args, **kwargs)

    monkeypatch.setattr(exchange, "receive_practice", failing_second)
    summary = _import_into(other_post, exported)
    assert [(f.path, f.problem) for f in summary.failed] == [(str(exported), "disk full")]
    assert _titles(other_post) == []


def test_a_bad_file_does_not_stop_the_good_ones(
    exported: Path, other_post: Database, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.postkit"
    bad.write_bytes(b"PK\x03\x04 nonsense")
    summary = _import_into(other_post, bad, exported)
    assert [f.path for f in summary.failed] == [str(bad)]
    assert len(summary.added) == 2
