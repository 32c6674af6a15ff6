from __future__ import annotations

from pathlib import Path

import pytest

from postkit.cli import main
from postkit.core.paths import resources_dir

SAMPLE = resources_dir() / "sanctions" / "sample-targets.simple.csv"


def _lines(capsys: pytest.CaptureFixture[str]) -> list[list[str]]:
    return [line.split("\t") for line in capsys.readouterr().out.splitlines()]


def test_match_prints_candidates_best_first_as_tab_separated_lines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["screening", "match", "kvasnikov evgeniy", "--list", str(SAMPLE)]) == 0
    rows = _lines(capsys)
    assert rows, "a transliterated, reordered name must be found"
    _score, name, entry_id = rows[0]
    assert (name, entry_id) == ("Yevgeny Borisovich Kvasnikov", "pk-sample-001")
    scores = [float(row[0]) for row in rows]
    assert scores == sorted(scores, reverse=True)
    assert all(len(row) == 3 for row in rows)


def test_match_with_no_candidates_prints_nothing_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["screening", "match", "Zzyzx Qwertyuiop", "--list", str(SAMPLE)]) == 0
    assert capsys.readouterr().out == ""


def test_match_with_a_file_that_is_not_a_list_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "people.csv"
    bad.write_text("first,last\nAna,Lima\n", encoding="utf-8")
    assert main(["screening", "match", "Ana Lima", "--list", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("postkit: error: people.csv") and len(err.splitlines()) == 1
