"""Every hostile file against every importer: a one-line refusal, nothing changed, bounded cost.

Each (file, importer) pair runs `postkit.cli.main([...])` (or, for what only the window imports,
the core function the window calls) in a forked copy of this process: as fast as in-process,
yet a reader that aborts the process (calamine does on a sparse-cell bomb) or loops for minutes
fails one case instead of taking the suite down, and the kernel measures the copy's own time and
peak memory. The database is compared by its SQL dump before and after.
"""

from __future__ import annotations

import contextlib
import io
import os
import resource
import signal
import sqlite3
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from postkit.core.db import open_database
from postkit.core.paths import DATA_DIR_ENV_VAR
from postkit.core.profile import save_profile
from postkit.core.surveys.service import ensure_shipped_forms
from tests.conftest import TEST_PROFILE
from tests.faults.hostile_files import OVERSIZED, hostile_contents, write_oversized

TIME_LIMIT_S = 5.0
MEMORY_GROWTH_LIMIT_MB = 300
_CAPTURE_BYTES = 1 << 16


@dataclass(frozen=True)
class Importer:
    """One way postkit reads a user-given file: a name, the suffixes it is given under, how
    to run it (in the forked copy; returns the exit code), and whether it writes nothing."""

    name: str
    suffixes: tuple[str, ...]
    run: Callable[[Path, Path, Path], int]  # file, database, a scratch folder -> exit code


def _cli(*argv: str) -> Callable[[Path, Path, Path], int]:
    def run(file: Path, database: Path, scratch: Path) -> int:
        from postkit.cli import main

        arguments = [part.format(file=file, scratch=scratch, db=database) for part in argv]
        return main(["--db", str(database), *arguments])

    return run


def _import_form(file: Path, database: Path, scratch: Path) -> int:
    """What Surveys > Add survey calls (the window shows the error it raises)."""
    from postkit.core.errors import PostkitError
    from postkit.core.surveys.service import import_form

    db = open_database(database)
    try:
        with db.session() as session:
            import_form(session, file, "Tess Tester")
    except PostkitError as error:
        print(f"postkit: error: {error}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    return 0


IMPORTERS = (
    # Sanctions lists: whatever formats `import-list` reads (CSV, the EU and UN XML, the
    # Dutch national list's .xlsx), so the same files are given under each suffix.
    Importer(
        "screening import-list",
        (".csv", ".xml", ".xlsx"),
        _cli("screening", "import-list", "{file}"),
    ),
    Importer(
        "screening match --list", (".csv",), _cli("screening", "match", "Jan", "--list", "{file}")
    ),
    Importer(
        "screening import-risk",
        (".xlsx", ".csv"),
        _cli("screening", "import-risk", "{file}", "--kind", "country"),
    ),
    Importer("practices import", (".postkit",), _cli("practices", "import", "{file}")),
    Importer("receipt import", (".postkit-receipt.json",), _cli("receipt", "import", "{file}")),
    Importer("receipt import-key", (".postkit-key",), _cli("receipt", "import-key", "{file}")),
    Importer("survey validate", (".xlsx",), _cli("survey", "validate", "{file}")),
    Importer("survey add form", (".xlsx",), _import_form),
    Importer(
        "survey aggregate",
        (".xlsx",),
        _cli("survey", "aggregate", "{file}", "--out", "{scratch}/summary.xlsx"),
    ),
    Importer("activities import", (".xlsx", ".csv"), _cli("activities", "import", "{file}")),
    Importer("companies import", (".xlsx", ".csv"), _cli("companies", "import", "{file}")),
    Importer("restore", (".sqlite3",), _cli("restore", "{file}")),
    Importer(
        "hq posts import", (".xlsx", ".csv", ".json"), _cli("hq", "posts", "import", "{file}")
    ),
    Importer(
        "hq network",
        (".xlsx",),
        _cli("hq", "network", "{file}", "--year", "2026", "--out", "{scratch}/network.xlsx"),
    ),
)


@dataclass(frozen=True)
class Outcome:
    code: int | None  # None when the copy was killed
    signal: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float


def _run_forked(job: Callable[[], int], time_limit: float) -> Outcome:
    """Run `job` in a forked copy of this process; its exit code, output, time and peak RSS."""
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the copy: never returns into pytest
        code = 70
        try:
            os.close(out_read)
            os.close(err_read)
            signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the alarm kills, whatever runs
            signal.setitimer(signal.ITIMER_REAL, time_limit + 1)
            stdout, stderr = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                try:
                    code = int(job() or 0)
                except SystemExit as exit_:
                    code = exit_.code if isinstance(exit_.code, int) else 2
                except BaseException:  # the very thing this suite looks for
                    traceback.print_exc()
                    code = 99
            os.write(out_write, stdout.getvalue().encode()[-_CAPTURE_BYTES:])
            os.write(err_write, stderr.getvalue().encode()[-_CAPTURE_BYTES:])
        finally:
            os._exit(code)
    os.close(out_write)
    os.close(err_write)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.monotonic() - started
    stdout = _drain(out_read)
    stderr = _drain(err_read)
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    killed = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
    return Outcome(code, killed, stdout, stderr, seconds, usage.ru_maxrss / 1024)


def _drain(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")


def _dump(database: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _only_refusals_recorded(before: list[str], after: list[str]) -> bool:
    """Headquarters records a refused export or return (so the post's receipt can say why):
    allowed."""
    added = sorted(set(after) - set(before))
    return not (set(before) - set(after)) and all(
        line.startswith(('INSERT INTO "hq_received_exports"', 'INSERT INTO "hq_received_returns"'))
        and "'refused'" in line
        for line in added
    )


@pytest.fixture(scope="module")
def contents() -> dict[str, bytes]:
    return {name: make() for name, make in hostile_contents().items()}


@pytest.fixture(scope="module")
def post_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("faults") / "post.sqlite3"
    database = open_database(path)
    with database.session() as session:
        save_profile(session, TEST_PROFILE)
        # What a first run stores anyway, so the dump compares only what a file changed.
        ensure_shipped_forms(session, TEST_PROFILE.user_name)
    database.dispose()
    return path


@pytest.fixture(scope="module")
def warmed(post_template: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Run each importer once here on an empty file, so every forked copy starts with the
    modules imported and SQLAlchemy's mappers configured (a tenth of a second each, else)."""
    folder = tmp_path_factory.mktemp("warm")
    database = folder / "postkit.sqlite3"
    database.write_bytes(post_template.read_bytes())
    # A module fixture runs before each test's own user data folder is set: it gets a folder
    # of its own here, so nothing it writes there reaches the run's.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_ENV_VAR, str(folder / "user-data"))
        for importer in IMPORTERS:
            file = folder / f"empty{importer.suffixes[0]}"
            file.write_bytes(b"")
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
                contextlib.suppress(BaseException),
            ):
                importer.run(file, database, folder)


def _refusal_problem(
    importer: Importer, file: Path, database: Path, scratch: Path, base_rss: float
) -> str | None:
    """What is wrong with how `importer` met `file`, or None for a clean refusal."""
    before = _dump(database)
    outcome = _run_forked(lambda: importer.run(file, database, scratch), TIME_LIMIT_S)
    output = f"{outcome.stdout}{outcome.stderr}"[-2000:]
    if outcome.signal:
        return f"killed by signal {outcome.signal} after {outcome.seconds:.1f} s\n{output}"
    if "Traceback" in outcome.stderr:
        return f"a traceback\n{output}"
    if outcome.code != 1:
        return f"exit {outcome.code}\n{output}"
    # One refusal line; a form's check may list its problems on the lines after it.
    lines = outcome.stderr.strip().splitlines()
    if not lines or not lines[0].startswith("postkit: "):
        return f"no refusal line\n{output}"
    if any(len(line) > 600 for line in lines):
        return f"a refusal line of {max(len(line) for line in lines)} characters"
    if len([line for line in lines if line.startswith("postkit: error")]) != 1:
        return f"not one error line\n{output}"
    after = _dump(database)
    if after != before and not _only_refusals_recorded(before, after):
        return "the database changed"
    if outcome.seconds >= TIME_LIMIT_S:
        return f"took {outcome.seconds:.1f} s"
    growth = outcome.max_rss_mb - base_rss
    if growth >= MEMORY_GROWTH_LIMIT_MB:
        return f"grew by {growth:.0f} MB"
    if any(path.exists() for path in _ESCAPES) or (file.parent.parent / _SLIP_NAME).exists():
        return "a zip member was written outside any folder of postkit's"
    return None


_SLIP_NAME = "postkit-zip-slip.txt"
_ESCAPES = (Path("/tmp") / _SLIP_NAME, Path("/tmp/postkit-zip-slip-absolute.txt"))
CASES = [(importer, suffix) for importer in IMPORTERS for suffix in importer.suffixes]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("importer", "suffix"), CASES, ids=[f"{importer.name}{suffix}" for importer, suffix in CASES]
)
def test_every_hostile_file_is_refused_in_one_line_changing_nothing(
    importer: Importer,
    suffix: str,
    contents: dict[str, bytes],
    post_template: Path,
    warmed: None,
    tmp_path: Path,
) -> None:
    database = tmp_path / "db" / "postkit.sqlite3"
    database.parent.mkdir()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    problems = []
    for name in [*contents, *OVERSIZED]:
        database.write_bytes(post_template.read_bytes())
        for stale in database.parent.glob("postkit.sqlite3-*"):
            stale.unlink()
        file = tmp_path / "in" / f"{name}{suffix}"
        file.parent.mkdir(exist_ok=True)
        if name in OVERSIZED:
            write_oversized(file, name)
        else:
            file.write_bytes(contents[name])
        problem = _refusal_problem(importer, file, database, scratch, base_rss)
        if problem is not None:
            problems.append(f"{importer.name} on {file.name}: {problem}")
        file.unlink()
    assert not problems, "\n\n".join(problems)


def test_the_suite_covers_every_importer_with_many_kinds_of_file() -> None:
    assert len(hostile_contents()) >= 30
    assert {importer.name for importer, _suffix in CASES} == {i.name for i in IMPORTERS}


@pytest.mark.slow
def test_a_folder_of_hostile_exports_is_refused_file_by_file_beside_a_good_one(
    contents: dict[str, bytes], post_template: Path, warmed: None, tmp_path: Path
) -> None:
    """Headquarters aggregates a folder as posts send it: the good export is counted, each
    hostile one is named with its reason, and nothing takes the run down."""
    from postkit.core.hq.demo_exports import write_demo_exports

    folder = tmp_path / "inbox"
    [good] = write_demo_exports(folder, posts=1, responses=3)
    for name, data in contents.items():
        (folder / f"{name}.xlsx").write_bytes(data)
    database = tmp_path / "hq.sqlite3"
    database.write_bytes(post_template.read_bytes())
    summary = tmp_path / "summary.xlsx"

    outcome = _run_forked(
        lambda: _cli("survey", "aggregate", "{file}", "--out", str(summary))(
            folder, database, tmp_path
        ),
        TIME_LIMIT_S * 4,
    )

    assert outcome.signal == 0 and "Traceback" not in outcome.stderr, outcome.stderr
    assert outcome.code == 1, outcome.stdout + outcome.stderr
    assert "1 exports accepted" in outcome.stdout, outcome.stdout
    refused = [line for line in outcome.stderr.splitlines() if line.startswith("postkit: refused")]
    assert len(refused) == len(contents), outcome.stderr
    assert all(f"{name}.xlsx: " in outcome.stderr for name in contents)
    assert good.name not in outcome.stderr
    assert summary.is_file()
    assert outcome.seconds < TIME_LIMIT_S * 4
