"""The name index of an imported sanctions list, kept in a file beside the database.

Indexing a million names takes the matcher minutes in Python; reading the index back
takes a second or two. So the first screening against a list builds its index and writes it
to `<database>-name-index/<sha256>-<INDEX_KEY>.idx`, and later sessions read it. The file
is derived data: deleting it costs one rebuild, a matcher that reads names otherwise writes
its own, and a file that cannot be read is rebuilt. The entries themselves stay in the
database; a matcher read from a file fetches only those of its candidates (see ListEntries).

Only plain SQLite databases get the file: a protected (encrypted) database keeps nothing
readable beside it, and a server database has no folder of its own.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import overload

from sqlalchemy import Engine

from postkit.core.screening import matching, name_variants
from postkit.core.screening.matching import MATCHER_VERSION, NameMatcher
from postkit.core.screening.sanctions import SanctionsEntry

INDEX_FORMAT = 2


def _reading_rules() -> str:
    """A digest of what decides how names are read into the index, so that a change of those
    tables writes a new file even where MATCHER_VERSION stayed the same."""
    rules = (
        MATCHER_VERSION,
        sorted(matching.LEGAL_FORMS),
        sorted(matching.LEGAL_FORM_PHRASES),
        sorted(matching.COMMON_WORDS),
        sorted(matching.PARTICLES),
        sorted(matching.PERSON_SCHEMAS),
        name_variants.GIVEN_NAME_GROUPS,
        name_variants._FEMININE_ENDINGS,
    )
    return hashlib.sha256(repr(rules).encode()).hexdigest()[:16]


INDEX_KEY = _reading_rules()
_SQLITE_HEADER = b"SQLite format 3\x00"
_FETCH_CHUNK = 500

# (engine, row ids) -> entries in that order; sanctions_store gives it.
EntryFetcher = Callable[[Engine, Sequence[int]], list[SanctionsEntry]]


class ListEntries(Sequence[SanctionsEntry]):
    """The entries of one stored list, by position, fetched from the database when needed.

    The rows of a list are inserted together, so their ids run from `first_row` on; a list
    whose ids do not gets them as `row_ids`.
    """

    def __init__(self, engine: Engine, fetch: EntryFetcher, row_ids: Sequence[int] | range) -> None:
        self._engine = engine
        self._fetch = fetch
        self._row_ids = row_ids
        self._cache: dict[int, SanctionsEntry] = {}

    def __len__(self) -> int:
        return len(self._row_ids)

    @overload
    def __getitem__(self, index: int) -> SanctionsEntry: ...
    @overload
    def __getitem__(self, index: slice) -> list[SanctionsEntry]: ...
    def __getitem__(self, index: int | slice) -> SanctionsEntry | list[SanctionsEntry]:
        if isinstance(index, slice):
            positions = range(len(self))[index]
            self.prefetch(positions)
            return [self._cache[position] for position in positions]
        if index < 0:
            index += len(self)
        if index not in self._cache:
            self.prefetch((index,))
        return self._cache[index]

    def prefetch(self, positions: Iterable[int]) -> None:
        """Fetch the entries at `positions` that are not fetched yet, in few queries."""
        missing = sorted({p for p in positions if p not in self._cache})
        for start in range(0, len(missing), _FETCH_CHUNK):
            chunk = missing[start : start + _FETCH_CHUNK]
            entries = self._fetch(self._engine, [self._row_ids[p] for p in chunk])
            self._cache.update(zip(chunk, entries, strict=True))


def index_file(engine: Engine, sha256: str) -> Path | None:
    """Where the index of the list `sha256` is kept for this database; None when it is not."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    database = Path(url.database)
    try:
        with database.open("rb") as file:
            if file.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
                return None  # protected: SQLCipher encrypts the header too
    except OSError:
        return None
    return database.parent / f"{database.stem}-name-index" / f"{sha256}-{INDEX_KEY}.idx"


def write_index(path: Path, matcher: NameMatcher) -> None:
    """Write the matcher's index; a file that cannot be written is left out, not an error."""
    data = marshal.dumps((INDEX_FORMAT, INDEX_KEY, matcher.entry_count, matcher.index_state()))
    partial = path.with_suffix(".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)


def read_index(path: Path, entries: Sequence[SanctionsEntry]) -> NameMatcher | None:
    """The matcher kept in `path` over `entries` (the list's, in file order); None when there
    is no usable file."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    # Reading creates millions of objects none of which can be garbage: a collection pass
    # every few thousand of them would double the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        version, key, entry_count, state = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    finally:
        if collecting:
            gc.enable()
    if (version, key, entry_count) != (INDEX_FORMAT, INDEX_KEY, len(entries)):
        return None
    return NameMatcher.from_index_state(state, entries)
