from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from postkit import __version__
from postkit.cli import main
from postkit.core.activities.listing import count_activities
from postkit.core.db import open_database
from postkit.core.db.migrate import HEAD_REVISION
from postkit.core.paths import DB_ENV_VAR
from postkit.core.profile import load_profile
from postkit.core.screening.service import list_requests
from postkit.core.surveys.service import (
    SUBMITTED,
    find_form,
    list_responses,
    start_response,
)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"postkit {__version__}"


def test_demo_seed_fills_the_chosen_database(tmp_path: Path) -> None:
    db = tmp_path / "seeded.sqlite3"
    assert main(["--db", str(db), "demo", "seed", "--activities", "120"]) == 0
    database = open_database(db)
    with database.session() as session:
        assert count_activities(session) == 120
        assert load_profile(session) is not None
        statuses = sorted(row.status for row in list_requests(session))
        assert statuses == ["decided", "decided", "decided", "open"]


def test_database_from_the_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv(DB_ENV_VAR, str(db))
    assert main(["db", "upgrade"]) == 0
    assert f"from-env.sqlite3: schema {HEAD_REVISION}" in capsys.readouterr().out
    assert db.exists()


def test_default_database_lives_in_the_user_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    assert (tmp_path / "user-data" / "postkit.sqlite3").exists()


def test_a_user_error_is_one_line_on_stderr_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_postkit = tmp_path / "other.sqlite3"
    import sqlite3

    with sqlite3.connect(not_postkit) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    assert main(["--db", str(not_postkit), "demo", "seed"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("postkit: error: ") and "not postkit's" in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_console_script_runs_as_a_module(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "postkit", "--db", "nonsense://", "db", "upgrade"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("postkit: error:")
    assert "Traceback" not in result.stderr


def test_demo_opens_the_main_window_and_saves_a_screenshot(tmp_path: Path) -> None:
    png = tmp_path / "demo.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "postkit", "--demo", "--screenshot", str(png)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert png.read_bytes().startswith(b"\x89PNG")


def test_survey_export_writes_the_posts_responses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    db = tmp_path / "post.sqlite3"
    assert main(["--db", str(db), "demo", "seed", "--activities", "5"]) == 0
    out = tmp_path / "export.xlsx"
    database = open_database(db)
    with database.session() as session:
        form = find_form(session, "imvo_guidelines_evaluation")
        submitted = len(list_responses(session, form.id, SUBMITTED))
        profile = load_profile(session)
        assert profile is not None
        start_response(session, form.id, profile.post_name, "en", False, "Ann Vos")
    capsys.readouterr()  # what the seeding said
    assert main(["--db", str(db), "survey", "export", "imvo_guidelines_evaluation", str(out)]) == 0
    plan, written = capsys.readouterr().out.splitlines()
    # Before writing: how many it holds, and which are left out and why.
    assert plan.startswith(f"exporting {submitted} submitted responses to ")
    assert f"as {profile.post_name}; left out: 1 draft(s) not submitted yet: Ann Vos" in plan
    assert (
        written
        == f"{out}: {submitted} responses to {form.form_id} {form.version} from {profile.post_name}"
    )
    workbook = openpyxl.load_workbook(out, read_only=True)
    assert {"responses", "labels", "meta"} <= set(workbook.sheetnames)
    assert workbook["meta"]["B10"].value == submitted  # the `responses` key
    workbook.close()
    assert main(["--db", str(db), "survey", "export", "no_such_form", str(out)]) == 1
    assert "no_such_form" in capsys.readouterr().err


def test_translations_build_compiles_every_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["translations", "build"]) == 0
    compiled = [line.split(":")[0] for line in capsys.readouterr().out.splitlines()]
    assert {Path(path).name for path in compiled} == {"postkit_en.qm", "postkit_nl.qm"}
    assert all(Path(path).stat().st_size > 0 for path in compiled)


def test_opening_the_app_reads_the_options_without_building_every_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from postkit import cli

    opened: list[object] = []
    monkeypatch.setattr(cli, "_open_app", lambda args: opened.append(args) or 0)
    monkeypatch.setattr(cli, "_parser", lambda: pytest.fail("the command parsers were built"))

    assert cli.main(["--db", "post.sqlite3", "--demo"]) == 0

    (args,) = opened
    assert (args.db, args.demo) == ("post.sqlite3", True)  # type: ignore[attr-defined]


def test_help_and_commands_still_go_through_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as help_exit:
        main(["--db", "post.sqlite3", "--help"])
    assert help_exit.value.code == 0
    assert "screening" in capsys.readouterr().out
    with pytest.raises(SystemExit) as unknown:
        main(["--db", "post.sqlite3", "no-such-command"])
    assert unknown.value.code == 2
    assert "invalid choice: 'no-such-command'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (bytes(range(128, 256)), "not a passphrase file (not UTF-8 text)"),
        (b"x" * 100_000, "too large to be a passphrase file"),
    ],
)
def test_a_passphrase_file_that_is_no_text_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, reason: str
) -> None:
    file = tmp_path / "pass.txt"
    file.write_bytes(data)
    file.chmod(0o600)  # private, as a passphrase file must be
    db = str(tmp_path / "p.sqlite3")
    assert main(["--db", db, "--passphrase-file", str(file), "db", "upgrade"]) == 1
    err = capsys.readouterr().err
    assert err == f"postkit: error: {file}: {reason}\n"
