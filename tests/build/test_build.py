"""The PyInstaller build: it builds, and the built app runs without the development environment."""

from __future__ import annotations

import importlib.util
import os
import struct
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from postkit import __version__
from postkit.core.db.database import database_url
from postkit.core.db.migrate import HEAD_REVISION, current_revision, upgrade
from tests.pdf_text import pdf_text

ROOT = Path(__file__).resolve().parents[2]
BINARY_NAME = "postkit.exe" if sys.platform == "win32" else "postkit"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Collected only when POSTKIT_TEST_BUILD=1 (see tests/conftest.py): the build is slow.
pytestmark = [pytest.mark.build]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built binary, from one build per test run."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail(
            f"PyInstaller is not installed in {sys.executable}: "
            f"install it with `{sys.executable} -m pip install -e '.[build]'`"
        )
    build_dir = tmp_path_factory.mktemp("build")
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(ROOT / "build.spec"),
        "--noconfirm",
        "--distpath",
        str(build_dir / "dist"),
        "--workpath",
        str(build_dir / "work"),
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"PyInstaller failed:\n{result.stderr[-4000:]}"
    binary = build_dir / "dist" / "postkit" / BINARY_NAME
    assert binary.is_file(), f"the build made no {binary}"
    return binary


def _clean_environment(home: Path) -> dict[str, str]:
    """What a user's session has: no Python variables, no venv on PATH, fresh user folders."""
    home.mkdir(parents=True, exist_ok=True)
    environment = {
        "PATH": os.pathsep.join(["/usr/bin", "/bin"]),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    if sys.platform == "win32":
        environment.update(
            PATH=os.environ.get("SYSTEMROOT", r"C:\Windows") + r"\System32",
            SYSTEMROOT=os.environ.get("SYSTEMROOT", r"C:\Windows"),
            USERPROFILE=str(home),
            APPDATA=str(home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(home / "AppData" / "Local"),
        )
    return environment


def _run(app: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(app), *args],
        cwd=tmp_path,
        env=_clean_environment(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, (
        f"postkit {' '.join(args)} exited {result.returncode}:\n{result.stderr[-4000:]}"
    )
    return result


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_built_app_prints_its_version(app: Path, tmp_path: Path) -> None:
    assert _run(app, tmp_path, "--version").stdout.strip() == f"postkit {__version__}"


def test_built_app_opens_the_main_window_on_demo_data(app: Path, tmp_path: Path) -> None:
    screenshot = tmp_path / "main-window.png"
    _run(app, tmp_path, "--demo", "--screenshot", str(screenshot))
    width, height = _png_size(screenshot)
    assert width >= 800 and height >= 500, f"the screenshot is only {width}×{height}"


def test_built_app_migrates_seeds_and_exports_without_a_window(app: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "post.sqlite3")
    seeded = _run(app, tmp_path, "--db", db, "demo", "seed", "--activities", "50")
    assert "added 50 demo activities" in seeded.stdout
    out = tmp_path / "activities.xlsx"
    exported = _run(app, tmp_path, "--db", db, "activities", "export", str(out))
    assert "50 activities" in exported.stdout
    with zipfile.ZipFile(out) as workbook:
        assert "xl/workbook.xml" in workbook.namelist()
    pdf = tmp_path / "annual.pdf"
    _run(app, tmp_path, "--db", db, "report", "annual", "--year", str(date.today().year), str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    # In Dutch only when core's catalog (resources/locale/nl/LC_MESSAGES/postkit.mo) shipped.
    dutch = tmp_path / "jaarverslag.pdf"
    year = str(date.today().year)
    _run(
        app,
        tmp_path,
        "--db",
        db,
        "report",
        "annual",
        "--year",
        year,
        "--language",
        "nl",
        str(dutch),
    )
    assert f"IMVO-jaarverslag {year}" in pdf_text(dutch)


def test_built_app_runs_a_slow_job_in_a_process_of_its_own(app: Path, tmp_path: Path) -> None:
    # The window runs every export, report and import in a child process (core/processes.py),
    # which the frozen app starts by running itself (PyInstaller's multiprocessing hook, and
    # the freeze_support of postkit/__main__.py): `check` starts one as the window does.
    db = str(tmp_path / "post.sqlite3")
    _run(app, tmp_path, "--db", db, "demo", "seed", "--activities", "12")
    checked = _run(app, tmp_path, "--db", db, "check").stdout.splitlines()
    assert "12 activities" in checked[1], checked
    started = "spawned" if sys.platform == "win32" else "from the fork server"
    assert f"a job's process ({started}) opened the database and answered" in checked[2], checked


def test_built_app_upgrades_a_database_of_the_first_schema(app: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(database_url(path))
    upgrade(engine, "0001")
    engine.dispose()

    result = _run(app, tmp_path, "--db", str(path), "db", "upgrade")

    assert result.stdout.strip().endswith(f"schema {HEAD_REVISION}")
    engine = create_engine(database_url(path))
    assert current_revision(engine) == HEAD_REVISION
    engine.dispose()


def test_built_app_protects_a_database_and_its_files_and_still_reads_them(
    app: Path, tmp_path: Path
) -> None:
    db = tmp_path / "post.sqlite3"
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text("kilimanjaro at dawn\n", encoding="utf-8")
    passphrase.chmod(0o600)
    _run(app, tmp_path, "--db", str(db), "demo", "seed", "--activities", "5")
    files = [path for path in (tmp_path / "post-files").rglob("*") if path.is_file()]
    assert files, "the demo data attaches files to practices"

    _run(app, tmp_path, "--db", str(db), "--passphrase-file", str(passphrase), "db", "protect")

    sealed = [
        path for path in (tmp_path / "post-files" / "attachments").rglob("*") if path.is_file()
    ]
    assert len(sealed) == len(files)
    assert all(path.read_bytes().startswith(b"postkit-sealed-2\n") for path in sealed)
    assert not any(path.exists() for path in files), "no plain copy is left behind"
    out = tmp_path / "shared.postkit"
    _run(
        app, tmp_path, "--db", str(db), "--passphrase-file", str(passphrase),
        "practices", "export", str(out), "--all",
    )  # fmt: skip
    with zipfile.ZipFile(out) as exchange:
        attached = [name for name in exchange.namelist() if name.startswith("attachments/")]
        assert attached
        assert not exchange.read(attached[0]).startswith(b"postkit-sealed-")
