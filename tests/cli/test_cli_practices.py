"""Two databases on one machine stand in for two posts exchanging good practices."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from postkit.cli import main


def _lines(capsys: pytest.CaptureFixture[str]) -> list[list[str]]:
    return [line.split("\t") for line in capsys.readouterr().out.splitlines()]


def test_practices_travel_from_one_post_to_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post_a, post_b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert main(["--db", str(post_a), "demo", "seed", "--activities", "5"]) == 0
    capsys.readouterr()
    assert main(["--db", str(post_a), "practices", "list"]) == 0
    listed = _lines(capsys)
    assert len(listed) == 12 and all(len(row) == 3 for row in listed)

    exchange = tmp_path / "from-a.postkit"
    assert main(["--db", str(post_a), "practices", "export", str(exchange)]) == 0
    assert "12 practices" in capsys.readouterr().out
    assert main(["--db", str(post_b), "practices", "import", str(exchange)]) == 0
    assert capsys.readouterr().out.startswith("added 12, updated 0")
    assert main(["--db", str(post_b), "practices", "import", str(exchange)]) == 0
    assert capsys.readouterr().out.startswith("added 0, updated 0, skipped 12")
    assert main(["--db", str(post_b), "practices", "list"]) == 0
    assert sorted(row[0] for row in _lines(capsys)) == sorted(row[0] for row in listed)


def test_a_tampered_file_is_refused_and_the_command_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post_a, post_b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert main(["--db", str(post_a), "demo", "seed", "--activities", "5"]) == 0
    exchange = tmp_path / "from-a.postkit"
    assert main(["--db", str(post_a), "practices", "export", str(exchange)]) == 0
    tampered = tmp_path / "tampered.postkit"
    with zipfile.ZipFile(exchange) as source, zipfile.ZipFile(tampered, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "practices.json":
                data = data.replace(b"Nairobi", b"Nairobo")
            target.writestr(item, data)
    capsys.readouterr()
    assert main(["--db", str(post_b), "practices", "import", str(tampered)]) == 1
    captured = capsys.readouterr()
    assert "tampered.postkit" in captured.err
    assert captured.out.startswith("added 0")
