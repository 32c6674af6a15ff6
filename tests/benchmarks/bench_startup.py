"""Start-up: `postkit` to its main window shown and idle, against a bare PySide6 QMainWindow.

Both run as fresh processes (python start, imports, window shown, event loop idle, exit);
the median of several runs each. Target: postkit within 1.5× the bare window.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import median_seconds, report, seeded_database

BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, window.close)
app.exec()
"""

RUNS = 9


def main() -> int:
    database = seeded_database(600)
    env_dir = tempfile.mkdtemp(prefix="postkit-bench-home-")
    env = {"QT_QPA_PLATFORM": "offscreen", "POSTKIT_DATA_DIR": env_dir, "HOME": env_dir,
           "XDG_CONFIG_HOME": env_dir, "PATH": "/usr/bin:/bin"}

    def bare() -> None:
        subprocess.run([sys.executable, "-c", BARE_WINDOW], check=True, env=env)

    def postkit() -> None:
        subprocess.run(
            [sys.executable, "-m", "postkit", "--db", str(database), "--quit-when-idle"],
            check=True, env=env,
        )

    postkit()  # first run migrates nothing but warms the OS file cache for both
    bare()
    floor = median_seconds(bare, RUNS)
    value = median_seconds(postkit, RUNS)
    ok = report("start to main window idle (600 activities)", value, floor, 1.5)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
