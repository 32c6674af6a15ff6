"""Full-text search: what a user types in a search field, as an SQLite FTS5 query.

Shared by the searchable lists (activities, good practices); each keeps its own FTS5 table.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text_query: str) -> str | None:
    """An FTS5 MATCH expression: every word must occur, the last may be a prefix (typing)."""
    words = _WORD.findall(text_query)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)
