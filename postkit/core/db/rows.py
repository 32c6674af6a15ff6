"""How services read rows: fetch one by key or say it is gone, and hand it out as a record.

A service never hands an ORM object to the UI; it copies what the UI may see into a frozen
dataclass of its feature's `records`. Where the record's fields carry the row's column names,
`record_of` copies them, and the service names only what it computes or renames.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from postkit.core.errors import NotFoundError

RowT = TypeVar("RowT")
RecordT = TypeVar("RecordT")
ItemT = TypeVar("ItemT")

# Keys or rows per statement: within every database's limit on bound parameters.
BATCH = 500


def in_batches(items: Sequence[ItemT], size: int = BATCH) -> Iterator[Sequence[ItemT]]:
    """`items` in slices of `size`, in order: one statement each."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def get_row(session: Session, model: type[RowT], key: object, missing: str) -> RowT:
    """The row of `model` with primary key `key`; NotFoundError(`missing`) when there is none
    (deleted meanwhile by another window or the undo of its creation)."""
    row = session.get(model, key)
    if row is None:
        raise NotFoundError(missing)
    return row


@cache
def _field_names(record_type: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(record_type))


def record_of(record_type: type[RecordT], row: object, **values: Any) -> RecordT:
    """A `record_type` dataclass of `row`: each field not given in `values` is the row's
    attribute of the same name."""
    for name in _field_names(record_type):
        if name not in values:
            values[name] = getattr(row, name)
    return record_type(**values)
