"""Shared pieces of the benchmark scripts."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SEED_DAY = date(2026, 6, 30)


def seeded_database(activities: int) -> Path:
    """A demo database with `activities` rows, made once and kept in the temp folder."""
    from postkit.core.activities.demo import seed_demo
    from postkit.core.db import open_database

    path = Path(tempfile.gettempdir()) / f"postkit-bench-{activities}.sqlite3"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in partial.parent.glob(partial.name + "*"):
            leftover.unlink()
        database = open_database(partial)
        with database.session() as session:
            seed_demo(session, activities=activities, today=SEED_DAY)
        database.dispose()
        partial.rename(path)
    return path


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, value: float, floor: float, limit: float) -> bool:
    ratio = value / floor
    verdict = "ok" if ratio <= limit else "OVER"
    print(
        f"{name:<44} {value * 1000:8.1f} ms  floor {floor * 1000:8.1f} ms  "
        f"ratio {ratio:5.2f} (≤ {limit})  {verdict}"
    )
    return ratio <= limit
