"""A spreadsheet cell as a digest sees it: the same value whether written or read back.

Survey exports and annual returns carry a SHA-256 over their sheets' cells (see the formats in
core/surveys/export.py and core/returns/format.py); both normalise each cell here first, so a
file read back with openpyxl or calamine gives the digest it was written with.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time

# Whole numbers below this stay exact in a spreadsheet's double; larger ones are rounded.
_EXACT_INTEGER_LIMIT = 10**15


def canonical_value(value: object) -> object:
    """A cell's value as the digest sees it: the same whether written or read back."""
    match value:
        case None:
            return None
        case bool():
            return int(value)
        case int() | float():
            return canonical_number(value)
        case datetime():
            if value.time() == time() and value.tzinfo is None:
                return value.date().isoformat()
            return value.isoformat()
        case date():
            return value.isoformat()
        case str():
            return value.replace("\r\n", "\n").replace("\r", "\n") or None
    raise TypeError(f"a responses cell cannot hold {type(value).__name__}: {value!r}")


def canonical_number(value: int | float) -> int | float | None:
    """A number as a spreadsheet keeps it: 15 significant digits, whole ones as integers."""
    if isinstance(value, int) and abs(value) < _EXACT_INTEGER_LIMIT:
        return value
    number = float("%.15g" % value)  # noqa: UP031  (the digest is defined by this format)
    if not math.isfinite(number):
        return None
    if number.is_integer() and abs(number) < _EXACT_INTEGER_LIMIT:
        return int(number)
    return number
