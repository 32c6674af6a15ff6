from __future__ import annotations

from sqlalchemy.orm import Session

from postkit.core.paths import resources_dir
from postkit.core.screening import sanctions_store
from postkit.core.screening.list_import import import_sanctions_list
from postkit.core.screening.name_index import ListEntries, index_file
from postkit.core.screening.sanctions_store import list_entries, matcher_for

SAMPLE = resources_dir() / "sanctions" / "sample-targets.simple.csv"
QUERIES = ("Evgeni Kvasnikov", "ACME EXAMPLE TRADING LTD", "Alexander Petrovarski")


def answers(matcher) -> list[list[tuple[str, float, str, tuple[str, ...]]]]:  # type: ignore[no-untyped-def]
    return [
        [(c.entry.id, c.score, c.matched_name, c.explanation) for c in matcher.match(query)]
        for query in QUERIES
    ]


def test_a_list_index_is_kept_beside_the_database_and_read_back(session: Session) -> None:
    info = import_sanctions_list(session, SAMPLE, "Tess Tester")
    sanctions_store.clear_matcher_cache()
    built = matcher_for(session, info.id)
    path = index_file(session.get_bind().engine, info.sha256)
    assert path is not None and path.is_file()

    sanctions_store.clear_matcher_cache()
    read = matcher_for(session, info.id)

    assert read is not built
    assert isinstance(read._entries, ListEntries)  # read from the file, not built again
    assert answers(read) == answers(built)
    assert [read._entries[i] for i in range(read.entry_count)] == list_entries(session, info.id)


def test_an_unreadable_index_file_is_built_again(session: Session) -> None:
    info = import_sanctions_list(session, SAMPLE, "Tess Tester")
    sanctions_store.clear_matcher_cache()
    built = matcher_for(session, info.id)
    path = index_file(session.get_bind().engine, info.sha256)
    assert path is not None
    path.write_bytes(b"not an index")
    sanctions_store.clear_matcher_cache()

    rebuilt = matcher_for(session, info.id)

    assert not isinstance(rebuilt._entries, ListEntries)
    assert answers(rebuilt) == answers(built)
    assert path.read_bytes() != b"not an index"
