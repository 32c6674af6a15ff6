"""The network picture: 150 annual returns aggregated, ten years held and compared, the report.

Targets (issue 17):
- aggregate 150 returns (read and check every file, hold it in a fresh SQLite database, build
  the year's picture) in under 5 s, and within 2× the floor (the workbook written after it is
  timed and printed too):
  python-calamine (the fastest .xlsx reader on PyPI) reading every sheet of the same files;
- 10 years × 150 posts held (1,500 returns stored) and the latest year's picture built against
  all of them (year against last year, every year's totals) in under 10 s;
- the network report PDF in under 5 s.
"""

from __future__ import annotations

import dataclasses
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import tests.benchmarks.common  # noqa: F401  (sets the offscreen platform)

YEAR = 2026
YEARS = 10
REPEAT = 5
LIMIT = 2.0


def _floor(files: list[Path]) -> float:
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    for path in files:
        workbook = CalamineWorkbook.from_path(str(path))
        for name in workbook.sheet_names:
            workbook.get_sheet_by_name(name).to_python()
        workbook.close()
    return time.perf_counter() - start


def _safety_check(files: list[Path]) -> float:
    """The shared guard every .xlsx importer runs first (core/untrusted.py), timed alone."""
    from postkit.core.untrusted import check_xlsx_package

    start = time.perf_counter()
    for path in files:
        check_xlsx_package(path.read_bytes())
    return time.perf_counter() - start


def _aggregate(folder: Path, scratch: Path, run: int) -> tuple[float, float]:
    from postkit.core.db import open_database
    from postkit.core.hq.network import collect_returns, network_picture
    from postkit.core.hq.network_report import write_network_xlsx

    database = open_database(scratch / f"hq-{run}.sqlite3")
    try:
        with database.session() as session:
            start = time.perf_counter()
            report = collect_returns(session, [folder])
            picture = network_picture(session, YEAR, report.refused)
            total = time.perf_counter() - start
            write_network_xlsx(picture, scratch / f"network-{run}.xlsx")
            written = time.perf_counter() - start
    finally:
        database.dispose()
    assert len(report.accepted) == 150 and not report.refused, report.refused[:3]
    return total, written


def _ten_years(files: list[Path], scratch: Path) -> tuple[float, object]:
    from postkit.core.db import open_database
    from postkit.core.hq.network import hold_returns, network_picture
    from postkit.core.hq.posts import hq_posts
    from postkit.core.returns.format import read_return

    returns = [read_return(path) for path in files]  # read once, untimed: held ten times
    database = open_database(scratch / "hq-years.sqlite3")
    try:
        with database.session() as session:
            start = time.perf_counter()
            posts = hq_posts(session)
            for year in range(YEAR - YEARS + 1, YEAR + 1):
                hold_returns(session, [dataclasses.replace(r, year=year) for r in returns], posts)
            session.commit()
            picture = network_picture(session, YEAR)
            total = time.perf_counter() - start
    finally:
        database.dispose()
    assert len(picture.years) == YEARS and picture.returns_before == 150
    return total, picture


def main() -> int:
    from postkit.core import reference
    from postkit.core.hq.network_report import write_network_pdf
    from tests.hq_returns_files import write_network_returns

    with tempfile.TemporaryDirectory(prefix="postkit-bench-network-") as temp:
        scratch = Path(temp)
        started = time.perf_counter()
        files = write_network_returns(scratch / "returns", YEAR, reference.posts().posts)
        print(f"wrote {len(files)} returns in {time.perf_counter() - started:.1f} s (untimed)")
        _floor(files)
        _aggregate(scratch / "returns", scratch, -1)
        floors, totals, writes = [], [], []
        for run in range(REPEAT):
            gc.collect()
            floors.append(_floor(files))
            gc.collect()
            total, written = _aggregate(scratch / "returns", scratch, run)
            totals.append(total)
            writes.append(written)
        check = statistics.median(_safety_check(files) for _ in range(REPEAT))
        years, picture = _ten_years(files, scratch)
        pdf_times = []
        for run in range(REPEAT):
            start = time.perf_counter()
            write_network_pdf(picture, scratch / f"network-{run}.pdf")  # type: ignore[arg-type]
            pdf_times.append(time.perf_counter() - start)
    floor, total, pdf = statistics.median(floors), statistics.median(totals), min(pdf_times)
    written = statistics.median(writes)
    ratio = total / floor
    checks = [total < 5.0 and ratio <= LIMIT, years < 10.0, pdf < 5.0]
    print(f"floor (calamine reads every sheet)  {floor * 1000:8.1f} ms")
    print(f"aggregate 150 returns               {total * 1000:8.1f} ms  ratio {ratio:5.2f} "
          f"(≤ {LIMIT}, < 5 s)  {'ok' if checks[0] else 'OVER'}")  # fmt: skip
    print(f"  of which the .xlsx safety check   {check * 1000:8.1f} ms  ratio {check / floor:5.2f}")
    print(f"  and the network workbook written  {written * 1000:8.1f} ms  ratio "
          f"{written / floor:5.2f}")  # fmt: skip
    print(f"{YEARS} years × 150 held and compared    {years * 1000:8.1f} ms  (< 10 s)  "
          f"{'ok' if checks[1] else 'OVER'}")  # fmt: skip
    print(f"network report PDF                  {pdf * 1000:8.1f} ms  (< 5 s)  "
          f"{'ok' if checks[2] else 'OVER'}")  # fmt: skip
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
