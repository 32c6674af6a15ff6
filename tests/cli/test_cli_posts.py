from __future__ import annotations

import json
from pathlib import Path

import pytest

from postkit.cli import main
from postkit.core.reference import own_posts_file, shipped_posts_file

ROOT = Path(__file__).resolve().parents[2]


def test_survey_posts_shows_the_list_in_use_and_the_retired_copy_points_at_hq_posts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    database = str(tmp_path / "hq.sqlite3")
    assert main(["--db", database, "survey", "posts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("resources/reference/posts.json: 150 posts")
    assert "embassy-nairobi\tEmbassy Nairobi\tAmbassade Nairobi\tembassy\tKE\tafrica" in lines

    assert main(["--db", database, "survey", "posts", "--copy"]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert "'survey posts --copy' is retired" in line
    assert "postkit hq posts export" in line and "postkit hq posts import" in line
    assert not own_posts_file().exists()

    listed = tmp_path / "posts.csv"
    assert main(["--db", database, "hq", "posts", "export", str(listed)]) == 0
    edited = listed.read_text(encoding="utf-8").replace('"KE","africa"', '"KE","north_america"')
    listed.write_text(edited, encoding="utf-8")
    assert main(["--db", database, "hq", "posts", "import", str(listed)]) == 0
    capsys.readouterr()
    assert main(["--db", database, "survey", "posts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "headquarters database (imported from posts.csv): 150 posts"
    assert "embassy-nairobi\tEmbassy Nairobi\tAmbassade Nairobi\tembassy\tKE\tnorth_america" in (
        lines
    )


def test_an_own_copy_left_in_the_user_data_folder_is_named_and_can_be_imported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A copy `survey posts --copy` once made no longer replaces the list: `survey posts` says
    so, and `hq posts import` takes it as it is."""
    own = own_posts_file()
    own.parent.mkdir(parents=True, exist_ok=True)
    posts = json.loads(shipped_posts_file().read_text(encoding="utf-8"))
    posts[0]["region"] = "north_america"
    own.write_text(json.dumps(posts[:20]), encoding="utf-8")
    database = str(tmp_path / "hq.sqlite3")

    assert main(["--db", database, "survey", "posts"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0].endswith("resources/reference/posts.json: 150 posts")
    assert captured.err == (
        f"postkit: {own} is no longer read; to use it: postkit hq posts import {own}\n"
    )

    assert main(["--db", database, "hq", "posts", "import", str(own)]) == 0
    assert "20 posts imported (0 added, 130 removed, 1 changed)" in capsys.readouterr().out
    assert main(["--db", database, "survey", "posts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "headquarters database (imported from posts.json): 20 posts"
    assert lines[1].endswith("\tnorth_america")


@pytest.mark.parametrize("data", [b"", b"[{", b'{"posts": []}'])
def test_a_broken_own_copy_does_not_break_the_aggregate_and_is_refused_on_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes
) -> None:
    from postkit.core.hq.demo_exports import write_demo_exports

    own = own_posts_file()
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_bytes(data)
    write_demo_exports(tmp_path / "in", posts=2, responses=3)
    database = str(tmp_path / "hq.sqlite3")

    out = str(tmp_path / "s.xlsx")
    assert main(["--db", database, "survey", "aggregate", str(tmp_path / "in"), "--out", out]) == 0
    assert main(["--db", database, "hq", "posts", "import", str(own)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    [line] = [line for line in err.splitlines() if line.startswith("postkit: error")]
    assert line.startswith(f"postkit: error: {own}: ")


def test_headquarters_exports_edits_and_imports_its_list_of_posts_all_or_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    listed = tmp_path / "posts.csv"
    assert main(["hq", "posts", "export", str(listed)]) == 0
    assert capsys.readouterr().out.startswith(f"{listed}: 150 posts")
    lines = listed.read_text(encoding="utf-8").splitlines()
    assert (
        lines[0]
        == '"code","nl","en","kind","country","region","city_nl","city_en","dutch_business"'
    )
    nairobi = next(n for n, line in enumerate(lines) if line.startswith('"embassy-nairobi"'))
    assert lines[nairobi].endswith(',"KE","africa","Nairobi","Nairobi","medium"')

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "\n".join(
            [*lines, '"embassy-x","Ambassade X","Embassy X","embassy","KE","africa","X","X","low"']
        ),
        encoding="utf-8",
    )
    assert main(["hq", "posts", "import", str(bad)]) == 1
    error = capsys.readouterr().err
    assert (
        f"row {len(lines) + 1}, column I (dutch_business): low, but row {nairobi + 1} rates "
        "Kenya medium" in error
    )
    assert main(["hq", "posts", "list"]) == 0
    assert "posts.json: 150 posts" in capsys.readouterr().out.splitlines()[0]

    lines[nairobi] = lines[nairobi].replace('"medium"', '"high"')
    good = tmp_path / "good.csv"
    good.write_text("\n".join(lines), encoding="utf-8")
    assert main(["hq", "posts", "import", str(good)]) == 0
    assert "150 posts imported (0 added, 0 removed, 1 changed)" in capsys.readouterr().out
    assert main(["hq", "posts", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "headquarters database (imported from good.csv): 150 posts"
    assert "embassy-nairobi\tEmbassy Nairobi\tembassy\tKE\tafrica\thigh" in out
