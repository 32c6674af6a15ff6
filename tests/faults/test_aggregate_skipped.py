"""`survey aggregate DIR` names the files in DIR it does not read."""

from __future__ import annotations

from pathlib import Path

import pytest

from postkit.cli import main


def test_files_in_the_folder_that_are_no_xlsx_are_named_as_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exports = tmp_path / "exports"
    assert main(["demo", "exports", str(exports), "--posts", "2", "--responses", "3"]) == 0
    (exports / "Embassy Lima.xls").write_bytes(b"\xd0\xcf\x11\xe0old excel")
    (exports / "notes").mkdir()
    (exports / "notes" / "answers.csv").write_text("a,b\n", encoding="utf-8")
    (exports / ".DS_Store").write_bytes(b"\x00")  # hidden: not the user's file
    capsys.readouterr()

    code = main(
        [
            "--db",
            str(tmp_path / "hq.sqlite3"),
            "survey",
            "aggregate",
            str(exports),
            "--out",
            str(tmp_path / "summary.xlsx"),
        ]
    )

    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "2 exports accepted" in captured.out
    skipped = [line for line in captured.err.splitlines() if "skipped" in line]
    assert skipped == ["postkit: 2 files skipped (not .xlsx): Embassy Lima.xls, notes/answers.csv"]
