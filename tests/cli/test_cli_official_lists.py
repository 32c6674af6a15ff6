"""`screening import-list` and `screening match` with each of the four list formats."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from postkit.cli import main
from postkit.core.paths import resources_dir

SAMPLES = resources_dir() / "sanctions"
# Each sample, a name on it and the list's own reference for that name.
FORMATS = [
    ("sample-eu-fsf.xml", "Северная Кварта", "EU.9001.01"),
    ("sample-un-consolidated.xml", "Lin Hao-Hsiang", "SKi.044"),
    ("sample-nl-terrorism.xlsx", "Dirk Jan Verzonnen", None),
    ("sample-targets.simple.csv", "Jewgeni Kwasnikow", "pk-sample-001"),
]


def _rows(capsys: pytest.CaptureFixture[str]) -> list[list[str]]:
    return [line.split("\t") for line in capsys.readouterr().out.splitlines()]


@pytest.mark.parametrize(("file_name", "name", "reference"), FORMATS)
def test_match_reads_each_format_whatever_the_file_is_called(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], file_name: str, name: str, reference: str
) -> None:
    renamed = shutil.copy(SAMPLES / file_name, tmp_path / "list.dat")

    assert main(["screening", "match", name, "--list", str(renamed)]) == 0

    rows = _rows(capsys)
    assert rows and all(len(row) == 3 for row in rows)
    if reference is not None:
        assert rows[0][2] == reference
    else:
        assert rows[0][2].startswith("NL-") and rows[0][1] == "Dirk Jan Verzonnen"


def test_import_list_takes_each_format_and_match_searches_them_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "post.sqlite3"
    for file_name, _name, _reference in FORMATS:
        assert main(["--db", str(db), "screening", "import-list", str(SAMPLES / file_name)]) == 0
        assert "entries imported" in capsys.readouterr().out

    assert main(["--db", str(db), "screening", "match", "Severnaya Kvarta"]) == 0
    references = {row[2] for row in _rows(capsys)}
    assert {"EU.9001.01", "SKe.071"} <= references


def test_importing_a_file_again_says_nothing_was_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "post.sqlite3"
    path = str(SAMPLES / "sample-un-consolidated.xml")
    assert main(["--db", str(db), "screening", "import-list", path]) == 0
    capsys.readouterr()

    assert main(["--db", str(db), "screening", "import-list", path]) == 0

    out = capsys.readouterr().out
    assert "already imported" in out and "nothing written" in out
    assert "entries imported" not in out


def test_match_warns_about_a_list_older_than_the_allowed_age(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "post.sqlite3"
    assert (
        main(["--db", str(db), "screening", "import-list", str(SAMPLES / "sample-eu-fsf.xml")]) == 0
    )
    capsys.readouterr()

    assert main(["--db", str(db), "screening", "match", "Kvarta", "--max-list-age", "1"]) == 0

    err = capsys.readouterr().err
    assert "sample-eu-fsf.xml was published 2026-11-20" in err


def test_a_hostile_xml_list_is_refused_in_one_line_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "post.sqlite3"
    hostile = tmp_path / "list.xml"
    hostile.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        "<CONSOLIDATED_LIST>&e;</CONSOLIDATED_LIST>"
    )
    assert main(["--db", str(db), "screening", "import-list", str(hostile)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("postkit: error: list.xml") and len(err.splitlines()) == 1
    assert main(["--db", str(db), "screening", "match", "Anyone"]) == 1
    assert "no sanctions list imported yet" in capsys.readouterr().err
