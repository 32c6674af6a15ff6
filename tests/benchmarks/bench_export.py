"""Exporting 100,000 activities to .xlsx against bare openpyxl writing the same rows.

Target: export_activities_xlsx (querying, labelling, streaming, styling) takes at most 1.3× the
floor, which is openpyxl's write-only mode appending the very same values from ready-made lists.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import report, seeded_database

ACTIVITIES = 100_000
REPEAT = 3
LIMIT = 1.3


def _rows(db_path: Path) -> tuple[list[str], list[list[object]]]:
    """The header and rows the export writes, fetched once and untimed."""
    from openpyxl import Workbook

    from postkit.core.activities.export import COLUMNS, row_batches
    from postkit.core.activities.records import ActivityFilter
    from postkit.core.db import open_database

    scratch = Workbook(write_only=True).create_sheet()
    database = open_database(db_path)
    with database.session() as session:
        batches = row_batches(session, ActivityFilter(), "en", scratch)
        rows = [row for batch in batches for row in batch]
    database.dispose()
    return [column.en for column in COLUMNS], rows


def _bare_openpyxl(header: list[str], rows: list[list[object]], out: Path) -> float:
    from openpyxl import Workbook

    start = time.perf_counter()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("activities")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(out)
    return time.perf_counter() - start


def _export(db_path: Path, out: Path) -> float:
    from postkit.core.activities.export import export_activities_xlsx
    from postkit.core.db import open_database

    database = open_database(db_path)
    with database.session() as session:
        start = time.perf_counter()
        count = export_activities_xlsx(session, out, progress=lambda done, total: None)
        elapsed = time.perf_counter() - start
    database.dispose()
    assert count == ACTIVITIES, count
    return elapsed


def main() -> int:
    db_path = seeded_database(ACTIVITIES)
    header, rows = _rows(db_path)
    # The floor's 2.4 million ready-made values must not make the collector slower for either.
    gc.collect()
    gc.freeze()
    floors, exports = [], []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(REPEAT):
            floors.append(_bare_openpyxl(header, rows, Path(folder) / "floor.xlsx"))
            exports.append(_export(db_path, Path(folder) / "export.xlsx"))
        sizes = [(Path(folder) / name).stat().st_size for name in ("floor.xlsx", "export.xlsx")]
    floor, export = statistics.median(floors), statistics.median(exports)
    print(f"{ACTIVITIES:,} activities, {len(header)} columns, median of {REPEAT} runs")
    print(f"files: floor {sizes[0] / 1e6:.1f} MB, export {sizes[1] / 1e6:.1f} MB")
    ok = report("export_activities_xlsx vs bare openpyxl", export, floor, LIMIT)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
