"""Headquarters' list of posts: the shipped network, its Dutch business per country, and the
list kept in headquarters' database, exported and imported again all or nothing."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from postkit.core import reference
from postkit.core.db import Database
from postkit.core.hq.models import CollectedResponseRow
from postkit.core.hq.posts import PostListError, export_posts, hq_posts, import_posts
from postkit.core.hq.summary import build_summary
from postkit.core.surveys.service import shipped_surveys_dir
from postkit.core.surveys.xlsform import load_form


def test_the_shipped_network_has_some_150_posts_each_bilateral_one_rated_for_dutch_business() -> (
    None
):
    posts = reference.posts().posts
    assert 145 <= len(posts) <= 160
    names = {post.en for post in posts}
    for representation in (
        "Permanent Representation to the European Union",
        "Permanent Mission to the United Nations in New York",
        "Permanent Representation to the United Nations in Geneva",
        "Permanent Representation to the OECD",
    ):
        assert representation in names
    kinds = Counter(post.kind for post in posts)
    assert kinds["embassy"] > 100 and kinds["consulate_general"] > 20
    for post in posts:
        if post.kind == "permanent_representation":
            assert post.business == "", post.code
        else:
            assert post.business in ("low", "medium", "high"), post.code
            assert post.business == reference.dutch_business(post.country)
    levels = Counter(post.business for post in posts if post.business)
    assert min(levels.values()) >= 20  # every level is a real part of the network
    assert reference.dutch_business("DE") == "high"
    assert reference.business_levels().label("high", "nl") == "Veel"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_exported_list_imports_again_unchanged(
    hq_database: Database, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"posts{suffix}"
    with hq_database.session() as session:
        export_posts(hq_posts(session), path)
        result = import_posts(session, path)
        stored = hq_posts(session)
    assert result.posts == len(reference.posts().posts)
    assert (result.added, result.removed, result.changed) == ((), (), ())
    assert stored.posts == reference.posts().posts


def _edit(path: Path, edits: dict[str, str], append: list[str] | None = None) -> None:
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    for cell, value in edits.items():
        sheet[cell] = value
    if append:
        sheet.append(append)
    book.save(path)


def test_an_edited_list_replaces_the_stored_one_and_gives_missing_posts_and_business(
    hq_database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "posts.xlsx"
    with hq_database.session() as session:
        export_posts(hq_posts(session), path)
    book = load_workbook(path, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))  # type: ignore[union-attr]
    book.close()
    row_of = {row[0]: number for number, row in enumerate(rows, 1)}
    nairobi = row_of["embassy-nairobi"]
    # Headquarters rates Kenya high, and opens an embassy in Gaborone.
    _edit(
        path,
        {f"I{nairobi}": "High"},
        ["embassy-gaborone", "Ambassade Gaborone", "Embassy Gaborone", "embassy", "bw",
         "africa", "Gaborone", "Gaborone", ""],
    )  # fmt: skip
    with hq_database.session() as session:
        result = import_posts(session, path)
        stored = hq_posts(session)
    assert result.added == ("embassy-gaborone",)
    assert result.changed == ("embassy-nairobi",)
    gaborone = stored.find("Embassy Gaborone")
    assert gaborone is not None and (gaborone.country, gaborone.business) == ("BW", "low")

    # A survey of a form without region or business questions: both come from the list.
    checkin_form = load_form(_check_in_form(tmp_path))
    with hq_database.session() as session:
        for number, post in enumerate(("Embassy Nairobi", "Ambassade Gaborone")):
            uuid = f"00000000-0000-4000-8000-{number:012d}"
            session.add(
                CollectedResponseRow(
                    uuid=uuid,
                    form_id=checkin_form.form_id,
                    version=checkin_form.version,
                    post_name=post,
                    values=json.dumps({"_uuid": uuid, "mood": "good"}),
                )
            )
        session.commit()
        summary = build_summary(session, checkin_form)
    assert {(p.post, p.region, p.business) for p in summary.posts} == {
        ("Embassy Nairobi", "africa", "high"),
        ("Ambassade Gaborone", "africa", "low"),
    }
    assert summary.business_label("high", "nl") == "Veel"
    # Missing: the bilateral posts of the imported list that sent nothing (Gaborone sent).
    bilateral = [p for p in stored.posts if p.kind != "permanent_representation"]
    assert len(summary.missing_posts) == len(bilateral) - 2
    assert "Embassy Gaborone" not in summary.missing_posts
    assert "Embassy Vienna" in summary.missing_posts


def _check_in_form(folder: Path) -> Path:
    from tests.hq_exports import write_check_in_form

    return write_check_in_form(folder)


def test_a_list_with_wrong_rows_changes_nothing_and_names_every_row_and_field(
    hq_database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "posts.xlsx"
    with hq_database.session() as session:
        export_posts(hq_posts(session), path)
        import_posts(session, path)
    book = load_workbook(path, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))  # type: ignore[union-attr]
    book.close()
    row_of = {row[0]: number for number, row in enumerate(rows, 1)}
    vienna, sofia = row_of["embassy-vienna"], row_of["embassy-sofia"]
    brussels, antwerp = row_of["embassy-brussels"], row_of["consulate-general-antwerp"]
    _edit(
        path,
        {
            f"F{vienna}": "oceana",
            f"I{sofia}": "huge",
            f"A{sofia}": "embassy-vienna",
            f"E{brussels}": "XX",
            f"C{brussels}": "",
            # The Brussels row fails, so Antwerp alone rates Belgium; Ghent below clashes.
            f"I{antwerp}": "low",
        },
        ["consulate-general-ghent", "Consulaat-generaal Gent", "Consulate-General Ghent",
         "consulate_general", "BE", "europe", "Gent", "Ghent", "medium"],
    )  # fmt: skip
    with hq_database.session() as session:
        before = hq_posts(session).posts
        with pytest.raises(PostListError) as refused:
            import_posts(session, path)
        assert hq_posts(session).posts == before
    last = len(rows) + 1
    expected = [
        f"row {vienna}, column F (region): oceana is not one of africa, asia, europe, "
        "latin_america_caribbean, middle_east_north_africa, north_america, oceania",
        f"row {sofia}, column I (dutch_business): huge is not one of low, medium, high "
        "(or empty: the country's)",
        f"row {sofia}, column A (code): embassy-vienna is also the code on row {vienna}",
        f"row {brussels}, column C (en): empty",
        f"row {brussels}, column E (country): XX is not an ISO country code postkit knows",
        f"row {last}, column I (dutch_business): medium, but row {antwerp} rates Belgium low; "
        "a country has one amount of Dutch business",
    ]
    # Every problem, row by row (each row's in the order of its checks).
    assert refused.value.problems == sorted(expected, key=lambda text: int(text.split()[1][:-1]))
    assert str(refused.value).startswith("posts.xlsx: not imported, the list of posts is unchanged")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"code,nl,en\nx,y,z\n", "row 1: no column kind, country, region, city_nl, city_en"),
        (b"", "row 1: the header row is missing"),
    ],
)
def test_a_file_that_is_no_list_of_posts_is_refused(
    hq_database: Database, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(content)
    with hq_database.session() as session, pytest.raises(PostListError, match=message):
        import_posts(session, path)


def test_the_shipped_evaluation_is_still_read_with_the_list_in_use(hq_database: Database) -> None:
    form = load_form(shipped_surveys_dir() / "imvo_guidelines_evaluation.xlsx")
    with hq_database.session() as session:
        summary = build_summary(session, form)
    # No responses: every bilateral post of the shipped list is missing.
    expected = [p for p in reference.posts().posts if p.kind != "permanent_representation"]
    assert len(summary.missing_posts) == len(expected)


def test_demo_posts_answer_with_the_dutch_business_of_their_country() -> None:
    from postkit.core.hq.demo_exports import demo_posts

    listed = reference.posts()
    profiles = demo_posts(60)
    for profile in profiles:
        post = listed.find(profile.name)
        assert post is not None, profile.name
        assert profile.business == reference.dutch_business(post.country), profile.name
    assert {profile.business for profile in profiles} == {"low", "medium", "high"}


def _missing_both_ways(session, form) -> tuple[set[str], set[str]]:  # type: ignore[no-untyped-def]
    """The posts missing from the survey's summary and from the network picture (bilateral
    ones: permanent representations are not asked the survey), with nothing received."""
    from postkit.core.hq.network import network_picture

    summary = build_summary(session, form)
    picture = network_picture(session, 2026)
    network = {p.en for p in picture.missing if p.kind != "permanent_representation"}
    return set(summary.missing_posts), network


def test_the_survey_and_the_network_name_the_posts_missing_from_one_list(
    hq_database: Database, tmp_path: Path
) -> None:
    """The shipped list until headquarters imports its own, then that one, for both; a copy
    left by the retired `survey posts --copy` in the user data folder is not read."""
    own = reference.own_posts_file()
    own.parent.mkdir(parents=True, exist_ok=True)
    shipped = json.loads(reference.shipped_posts_file().read_text(encoding="utf-8"))
    own.write_text(json.dumps(shipped[:20]), encoding="utf-8")
    form = load_form(shipped_surveys_dir() / "imvo_guidelines_evaluation.xlsx")
    listed = reference.load_posts(reference.shipped_posts_file()).posts
    bilateral = {p.en for p in listed if p.kind != "permanent_representation"}

    with hq_database.session() as session:
        survey, network = _missing_both_ways(session, form)
    assert survey == network == bilateral

    path = tmp_path / "posts.xlsx"
    with hq_database.session() as session:
        export_posts(hq_posts(session), path)
        _edit(
            path,
            {},
            ["embassy-gaborone", "Ambassade Gaborone", "Embassy Gaborone", "embassy", "bw",
             "africa", "Gaborone", "Gaborone", ""],
        )  # fmt: skip
        import_posts(session, path)
        survey, network = _missing_both_ways(session, form)
    assert survey == network == bilateral | {"Embassy Gaborone"}
