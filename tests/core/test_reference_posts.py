"""Headquarters' list of posts: shipped, checked, found by any of a post's names, replaceable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postkit.core import reference
from postkit.core.errors import PostkitError
from postkit.core.paths import user_data_dir


def test_the_shipped_posts_are_real_missions_with_a_country_and_its_region() -> None:
    posts = reference.posts()
    assert posts.path == reference.resources_dir() / "reference" / "posts.json"
    assert len(posts.posts) >= 140
    assert {post.kind for post in posts.posts} >= {
        "embassy",
        "consulate_general",
        "permanent_representation",
    }
    countries = reference.countries()
    for post in posts.posts:
        country = countries.get(post.country)
        assert country is not None, post.code
        assert post.region == country.extra["region"], post.code
    assert {post.region for post in posts.posts} == set(reference.regions().codes)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Embassy Nairobi", "embassy-nairobi"),
        ("Ambassade Nairobi", "embassy-nairobi"),
        ("  EMBASSY   nairobi ", "embassy-nairobi"),
        ("Embassy of the Kingdom of the Netherlands in Nairobi", "embassy-nairobi"),
        ("Ambassade van het Koninkrijk der Nederlanden te Nairobi", "embassy-nairobi"),
        ("Nairobi Embassy", "embassy-nairobi"),
        ("Embassy Bogota", "embassy-bogota"),
        ("Ambassade Bogotá", "embassy-bogota"),
        ("Consulate General Sao Paulo", "consulate-general-sao-paulo"),
        ("consulaat-generaal São Paulo", "consulate-general-sao-paulo"),
        ("Ambassade Peking", "embassy-beijing"),
        ("Shanghai", "consulate-general-shanghai"),  # the only post there
        ("Permanente Vertegenwoordiging bij de NAVO", "permanent-representation-nato"),
    ],
)
def test_a_post_is_found_by_any_of_its_names(name: str, code: str) -> None:
    post = reference.posts().find(name)
    assert post is not None and post.code == code


@pytest.mark.parametrize("name", ["Brussels", "Embassy Testland", "", "Embassy"])
def test_a_name_that_is_no_post_or_several_finds_none(name: str) -> None:
    assert reference.posts().find(name) is None  # Brussels: an embassy and two representations


def _write(entries: list[dict[str, str]]) -> Path:
    path = user_data_dir() / "reference" / "posts.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path


def _post(**changes: str) -> dict[str, str]:
    entry = {
        "code": "embassy-testland",
        "nl": "Ambassade Testland",
        "en": "Embassy Testland",
        "kind": "embassy",
        "country": "KE",
        "region": "africa",
        "city_nl": "Testland",
        "city_en": "Testland",
    }
    return {**entry, **changes}


def test_a_copy_left_in_the_user_data_folder_no_longer_replaces_the_shipped_list() -> None:
    """Headquarters' own list is imported into its database (`postkit hq posts import`); a
    copy the retired `survey posts --copy` made is not read behind its back."""
    _write([_post()])
    posts = reference.posts()
    assert posts.path == reference.shipped_posts_file()
    assert reference.posts().find("Embassy Nairobi") is not None
    assert reference.posts().find("Embassy Testland") is None


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([_post(region="atlantis")], "post 1 (Embassy Testland): region atlantis is not one of"),
        ([_post(country="XX")], "post 1 (Embassy Testland): country XX is not an ISO code"),
        ([_post(kind="palace")], "post 1 (Embassy Testland): kind palace is not one of"),
        ([_post(en="")], "post 1: field en is missing or empty"),
        ([_post(), _post(code="other")], "name Ambassade Testland is also the name of post"),
        ([_post(), _post(nl="A", en="B")], "code embassy-testland is used twice"),
    ],
)
def test_a_bad_list_is_refused_naming_the_post_and_field(
    entries: list[dict[str, str]], message: str
) -> None:
    path = _write(entries)
    with pytest.raises(PostkitError, match=r"posts\.json") as caught:
        reference.load_posts(path)
    assert message in str(caught.value)


def test_a_list_that_is_not_json_is_refused_with_its_file_name() -> None:
    path = user_data_dir() / "reference" / "posts.json"
    path.parent.mkdir(parents=True)
    path.write_text("[{", encoding="utf-8")
    with pytest.raises(PostkitError, match=r"posts\.json: not valid JSON"):
        reference.load_posts(path)
