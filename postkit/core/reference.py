"""Reference lists shipped in `resources/reference/`, each label in Dutch and English.

The list of posts (`posts.json`) is the one headquarters edits: it keeps its own in its database
(`postkit.core.hq.posts`), and this shipped one serves until it imports one.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from postkit.core.errors import PostkitError, ValidationError
from postkit.core.paths import resources_dir, user_data_dir
from postkit.core.untrusted import UntrustedFileError, load_json

MAX_POSTS_BYTES = 5 * 1024 * 1024  # some 300 posts take 100 kB

LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class ReferenceItem:
    code: str
    nl: str
    en: str
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def label(self, language: str = "en") -> str:
        return self.nl if language == "nl" else self.en


@dataclass(frozen=True)
class ReferenceList:
    name: str
    items: tuple[ReferenceItem, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {item.code: item for item in self.items})

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.items)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code  # type: ignore[attr-defined]

    def get(self, code: str) -> ReferenceItem | None:
        return self._by_code.get(code)  # type: ignore[attr-defined,no-any-return]

    def label(self, code: str | None, language: str = "en") -> str:
        """The label of `code`, or the code itself when the list does not know it."""
        if not code:
            return ""
        item = self.get(code)
        return item.label(language) if item else code


@cache
def load(name: str) -> ReferenceList:
    """Load `resources/reference/<name>.json` once."""
    path = resources_dir() / "reference" / f"{name}.json"
    with path.open(encoding="utf-8") as handle:
        raw = json.load(handle)
    items = []
    for entry in raw:
        extra = {k: str(v) for k, v in entry.items() if k not in ("code", "nl", "en")}
        items.append(ReferenceItem(str(entry["code"]), entry["nl"], entry["en"], extra))
    return ReferenceList(name, tuple(items))


def core_tasks() -> ReferenceList:
    return load("core_tasks")


def activity_types() -> ReferenceList:
    return load("activity_types")


def themes() -> ReferenceList:
    return load("themes")


def sectors() -> ReferenceList:
    return load("sectors")


def countries() -> ReferenceList:
    return load("countries")


def regions() -> ReferenceList:
    return load("regions")


def refuse_unknown_codes(field: str, codes: Iterable[str], known: ReferenceList, what: str) -> None:
    """Raise ValidationError(`field`) naming the first of `codes` that `known` lacks (`what`
    names one item of the list in the message: "unknown theme 'x'")."""
    for code in codes:
        if code not in known:
            raise ValidationError(field, f"unknown {what} {code!r}")


def business_levels() -> ReferenceList:
    """The amounts of Dutch business activity a country is rated at (low, medium, high)."""
    return load("business_levels")


def dutch_business(country: str) -> str:
    """The amount of Dutch business activity in `country` (countries.json), "" if unknown."""
    item = countries().get(country)
    return item.extra.get("dutch_business", "") if item else ""


def activity_statuses() -> ReferenceList:
    """Planned, done, cancelled: what a post planned for its year against what it did."""
    return load("activity_statuses")


def core_task_label(task: int, language: str = "en", short: bool = False) -> str:
    item = core_tasks().get(str(task))
    if item is None:
        return str(task)
    if short:
        return item.extra.get(f"short_{language}", item.label(language))
    return item.label(language)


# The posts

POSTS_FILE = "posts.json"
POST_KINDS = ("embassy", "consulate_general", "permanent_representation", "representative_office")
# Words a post's name may carry or leave out without naming another post: "Embassy of the
# Kingdom of the Netherlands in Nairobi" is "Embassy Nairobi".
_FILLER_WORDS = frozenset(
    {"the", "of", "in", "to", "at", "kingdom", "netherlands", "nederland", "nederlanden"}
    | {"nederlandse", "koninkrijk", "der", "bij", "te", "van", "de", "het"}
)


@dataclass(frozen=True)
class Post:
    """A Dutch post abroad: its names, kind, country (ISO code), region (regions.json) and the
    amount of Dutch business activity in its country (business_levels.json; "" for a
    permanent representation, which does not work with companies in a country)."""

    code: str
    nl: str
    en: str
    kind: str
    country: str
    region: str
    city_nl: str
    city_en: str
    business: str = ""

    def label(self, language: str = "en") -> str:
        return self.nl if language == "nl" else self.en


@dataclass(frozen=True)
class PostList:
    """The posts headquarters knows, found by any of their names (see `post_name_key`)."""

    path: Path
    posts: tuple[Post, ...]

    def __post_init__(self) -> None:
        by_name: dict[str, Post] = {}
        by_city: dict[str, list[Post]] = {}
        for post in self.posts:
            for name in dict.fromkeys((post.nl, post.en)):
                by_name.setdefault(post_name_key(name), post)
            for city in dict.fromkeys((post.city_nl, post.city_en)):
                by_city.setdefault(post_name_key(city), []).append(post)
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_by_city", by_city)

    def find(self, name: str) -> Post | None:
        """The post called `name` in Dutch or English, or by its city alone when only one post
        is there; case, accents, hyphens, word order and "of the Netherlands" do not matter."""
        key = post_name_key(name)
        post: Post | None = self._by_name.get(key)  # type: ignore[attr-defined]
        if post is None:
            in_city: list[Post] = self._by_city.get(key, [])  # type: ignore[attr-defined]
            post = in_city[0] if len(in_city) == 1 else None
        return post


def default_business(kind: str, country: str) -> str:
    """A post's amount of Dutch business: its country's, none for a permanent representation."""
    return "" if kind == "permanent_representation" else dutch_business(country)


def post_name_key(name: str) -> str:
    """What is left of a post's name to compare: its plain lower-case words, sorted, no filler."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    words = [word for word in re.split(r"[^a-z0-9]+", plain) if word]
    return " ".join(sorted(word for word in words if word not in _FILLER_WORDS))


def own_posts_file() -> Path:
    """Where `postkit survey posts --copy` once kept headquarters' edited list; no longer read
    (headquarters imports its list into its database), only named to say so."""
    return user_data_dir() / "reference" / POSTS_FILE


def shipped_posts_file() -> Path:
    return resources_dir() / "reference" / POSTS_FILE


def posts() -> PostList:
    """The shipped list of posts (headquarters' own is in its database: `hq_posts`)."""
    path = shipped_posts_file()
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as error:
        raise PostkitError(f"cannot read {path}: {error.strerror or error}") from error
    return _posts_at(path, stamp)


@cache
def _posts_at(path: Path, _stamp: int) -> PostList:
    return load_posts(path)


def load_posts(path: Path) -> PostList:
    """Read and check a list of posts; a bad entry is refused naming the entry and field."""
    try:
        if path.stat().st_size > MAX_POSTS_BYTES:
            raise PostkitError(
                f"{path}: over {MAX_POSTS_BYTES // 2**20} MB; that is not a list of posts"
            )
        raw = load_json(path.read_bytes())
    except OSError as error:
        raise PostkitError(f"cannot read {path}: {error.strerror or error}") from error
    except UntrustedFileError as error:
        raise PostkitError(f"{path}: {error.reason}") from error
    if not isinstance(raw, list):
        raise PostkitError(f"{path}: expected a list of posts")
    known_countries, known_regions = countries(), regions()
    posts: list[Post] = []
    keys: dict[str, str] = {}
    for number, entry in enumerate(raw, 1):
        where = f"{path}, post {number}"
        if not isinstance(entry, dict):
            raise PostkitError(f"{where}: expected an object")
        values: dict[str, str] = {}
        for name in ("code", "nl", "en", "kind", "country", "region", "city_nl", "city_en"):
            value = entry.get(name)
            if not isinstance(value, str) or not value.strip():
                raise PostkitError(f"{where}: field {name} is missing or empty")
            values[name] = value.strip()
        where = f"{path}, post {number} ({values['en']})"
        if values["kind"] not in POST_KINDS:
            raise PostkitError(
                f"{where}: kind {values['kind']} is not one of {', '.join(POST_KINDS)}"
            )
        if values["country"] not in known_countries:
            raise PostkitError(f"{where}: country {values['country']} is not an ISO code we know")
        if values["region"] not in known_regions:
            raise PostkitError(
                f"{where}: region {values['region']} is not one of {', '.join(known_regions.codes)}"
            )
        for name in dict.fromkeys((values["nl"], values["en"])):
            other = keys.setdefault(post_name_key(name), values["code"])
            if other != values["code"]:
                raise PostkitError(f"{where}: name {name} is also the name of post {other}")
        business = entry.get("dutch_business")
        if business is None:
            business = default_business(values["kind"], values["country"])
        if not isinstance(business, str) or business not in ("", *business_levels().codes):
            levels = ", ".join(business_levels().codes)
            raise PostkitError(f"{where}: dutch_business {business} is not one of {levels}")
        posts.append(Post(**values, business=business))
    codes = [post.code for post in posts]
    if len(set(codes)) != len(codes):
        twice = sorted({code for code in codes if codes.count(code) > 1})
        raise PostkitError(f"{path}: code {', '.join(twice)} is used twice")
    return PostList(path, tuple(posts))
