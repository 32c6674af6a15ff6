"""Start-up: `postkit` to its main window shown and idle, against a bare PySide6 QMainWindow.

Both start as fresh processes; each prints a marker from a zero-delay timer, which fires at
the first moment the shown window waits for input. The time from launching the process to
reading the marker is taken; each postkit run is divided by the bare run just before it and
the ratios' median is reported (the times printed are medians too). postkit shows its window
first and opens the database on a worker thread, so it reports two moments: the window shown
and idle (the target: within 1.5× the bare window) and the list ready over the database
(target: under 3×; only the first module's page is built then, the others when first shown).

`--runs N` sets the number of runs (15); `--against DIR` starts the postkit of another
checkout (say an exported copy of main) in the same runs, each against the same bare run, so
the two compare under the same load.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import seeded_database

BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
def idle():
    print("shown-idle", flush=True)
    window.close()
QTimer.singleShot(0, idle)
app.exec()
"""

RUNS = 15


def _markers(command: list[str], env: dict[str, str], cwd: Path | None = None) -> dict[str, float]:
    """Seconds from launch to each marker line the process prints."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env, cwd=cwd)
    seen: dict[str, float] = {}
    assert process.stdout is not None
    for line in process.stdout:
        seen[line.strip()] = time.perf_counter() - start
    if process.wait() != 0:
        raise SystemExit(f"{command[:3]} exited with {process.returncode}")
    return seen


def _report(name: str, shown: list[float], ready: list[float], bare: list[float]) -> bool:
    """Print one postkit's medians and ratios; whether the window showed within 1.5×."""
    ratio = statistics.median(s / b for s, b in zip(shown, bare, strict=True))
    ready_ratio = statistics.median(r / b for r, b in zip(ready, bare, strict=True))
    print(
        f"{name} main window shown and idle  {statistics.median(shown) * 1000:7.1f} ms  "
        f"ratio {ratio:4.2f} (≤ 1.5) {'ok' if ratio <= 1.5 else 'OVER'}"
    )
    print(
        f"{name} list ready over the database {statistics.median(ready) * 1000:7.1f} ms  "
        f"ratio {ready_ratio:4.2f} (< 3, issue 15) {'ok' if ready_ratio < 3 else 'OVER'}"
    )
    return ratio <= 1.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--against", type=Path, help="another checkout to run alongside")
    options = parser.parse_args()
    database = seeded_database(600)
    home = tempfile.mkdtemp(prefix="postkit-bench-home-")
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "POSTKIT_DATA_DIR": home,
        "HOME": home,
        "XDG_CONFIG_HOME": home,
        "PATH": "/usr/bin:/bin",
    }
    bare_command = [sys.executable, "-c", BARE_WINDOW]
    postkit_command = [sys.executable, "-m", "postkit", "--db", str(database), "--report-startup"]
    # Each postkit by the folder it is started in (python -m finds the package there).
    checkouts = {"postkit": Path(__file__).resolve().parents[2]}
    if options.against is not None:
        checkouts["against"] = options.against.resolve()

    _markers(bare_command, env)  # warm the OS file cache for all
    for folder in checkouts.values():
        _markers(postkit_command, env, folder)
    bare: list[float] = []
    shown: dict[str, list[float]] = {name: [] for name in checkouts}
    ready: dict[str, list[float]] = {name: [] for name in checkouts}
    for _ in range(options.runs):
        # Each run against the bare window just before it: on a shared machine the load
        # changes between runs, and a ratio of two medians would mix different loads.
        bare.append(_markers(bare_command, env)["shown-idle"])
        for name, folder in checkouts.items():
            marks = _markers(postkit_command, env, folder)
            shown[name].append(marks["shown-idle"])
            ready[name].append(marks["ready-idle"])
    print(f"bare QMainWindow shown and idle      {statistics.median(bare) * 1000:7.1f} ms (floor)")
    results = [_report(f"{name:8}", shown[name], ready[name], bare) for name in checkouts]
    return 0 if results[0] else 1


if __name__ == "__main__":
    raise SystemExit(main())
