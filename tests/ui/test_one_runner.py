"""Every database call from the UI goes through the runner (postkit/ui/ops.py): a source scan.

The start-up reads and writes that run before the window has a runner say so in a comment
starting "Before the runner:" on the line above; nothing else may open a session.
"""

from __future__ import annotations

import re
from pathlib import Path

import postkit.ui

UI = Path(postkit.ui.__file__).parent
RUNNER = UI / "ops.py"
# The first screen's plain sqlite3 read (core.activities.first_screen) counts as a session.
OPENS_A_SESSION = re.compile(r"\.session\(\)|\bmake_session\(|\bSession\(|\bread_first_screen\(")
JUSTIFIED = "# Before the runner:"


def sessions_opened_outside_the_runner(root: Path) -> list[str]:
    """`file:line: text` of each session the UI opens itself, unless justified."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if path == RUNNER:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if not OPENS_A_SESSION.search(line):
                continue
            above = lines[number - 2].strip() if number > 1 else ""
            if not above.startswith(JUSTIFIED):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return found


def test_the_ui_opens_no_database_session_outside_the_runner() -> None:
    assert sessions_opened_outside_the_runner(UI) == []


def test_the_scan_finds_a_session_opened_in_a_page(tmp_path: Path) -> None:
    (tmp_path / "page.py").write_text(
        "def reload(self):\n"
        "    with self.runner.database.session() as session:\n"
        "        return session\n"
        "    # Before the runner: start-up\n"
        "    with database.session() as session:\n"
        "        pass\n"
        "    maker = database.make_session()\n",
        encoding="utf-8",
    )
    assert sessions_opened_outside_the_runner(tmp_path) == [
        "page.py:2: with self.runner.database.session() as session:",
        "page.py:7: maker = database.make_session()",
    ]
