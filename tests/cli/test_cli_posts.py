from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from postkit.cli import main
from postkit.core.paths import user_data_dir
from postkit.core.reference import own_posts_file, shipped_posts_file

ROOT = Path(__file__).resolve().parents[2]


def test_headquarters_copies_the_list_of_posts_and_its_edits_count(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["survey", "posts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("resources/reference/posts.json: 150 posts")
    assert "embassy-nairobi\tEmbassy Nairobi\tAmbassade Nairobi\tembassy\tKE\tafrica" in lines

    assert main(["survey", "posts", "--copy"]) == 0
    own = user_data_dir() / "reference" / "posts.json"
    assert capsys.readouterr().out.startswith(f"{own}: edit this copy")
    posts = json.loads(own.read_text(encoding="utf-8"))
    posts[0]["region"] = "north_america"  # headquarters counts it elsewhere
    own.write_text(json.dumps(posts), encoding="utf-8")
    assert main(["survey", "posts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{own}: 150 posts"
    assert lines[1].endswith("\tnorth_america")

    assert main(["survey", "posts", "--copy"]) == 1  # an edited copy is never overwritten
    assert "exists already" in capsys.readouterr().err


def _broken_copy(data: bytes = b"") -> Path:
    """Headquarters' copy of the list of posts, empty as a killed write once left it."""
    own = own_posts_file()
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_bytes(data)
    return own


@pytest.mark.parametrize("data", [b"", b"[{", b'{"posts": []}'])
def test_a_broken_copy_of_the_list_is_reported_in_one_line_saying_how_to_fix_it(
    capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    own = _broken_copy(data)

    assert main(["survey", "posts"]) == 1

    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"postkit: error: {own}: ")
    assert "delete it to use the shipped list" in line
    assert "postkit survey posts --copy" in line


def test_a_broken_copy_of_the_list_is_reported_by_the_aggregate_that_uses_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from postkit.core.hq.demo_exports import write_demo_exports

    own = _broken_copy()
    write_demo_exports(tmp_path / "in", posts=2, responses=3)
    database = str(tmp_path / "hq.sqlite3")

    code = main(
        [
            "--db",
            database,
            "survey",
            "aggregate",
            str(tmp_path / "in"),
            "--out",
            str(tmp_path / "s.xlsx"),
        ]
    )

    assert code == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    [line] = [line for line in err.splitlines() if line.startswith("postkit: error")]
    assert line.startswith(f"postkit: error: {own}: ")
    assert "postkit survey posts --copy" in line


def test_a_broken_copy_of_the_list_does_not_break_commands_that_do_not_use_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _broken_copy()
    database = str(tmp_path / "post.sqlite3")

    assert main(["--db", database, "demo", "seed", "--activities", "5"]) == 0
    assert main(["--db", database, "activities", "export", str(tmp_path / "a.csv")]) == 0
    assert main(["--db", database, "backup"]) == 0
    assert "posts.json" not in capsys.readouterr().err


def test_a_copy_of_the_list_cut_short_while_written_leaves_no_copy(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A write cut short must not leave an empty or half copy that would then replace the
    shipped list: the child may write only 8 KB to any file, so the kernel stops it in the
    middle of writing the 34 KB list (as a full disk or a kill would)."""

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(ROOT)}
    cut_short = subprocess.run(
        [sys.executable, "-m", "postkit", "survey", "posts", "--copy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        preexec_fn=limit_file_size,
        check=False,
    )

    assert cut_short.returncode == 1, cut_short.stderr
    assert cut_short.stderr.startswith(b"postkit: error: cannot write ")
    assert not own_posts_file().exists()
    assert main(["survey", "posts"]) == 0  # the shipped list, as before
    assert main(["survey", "posts", "--copy"]) == 0
    assert own_posts_file().read_bytes() == shipped_posts_file().read_bytes()
    capsys.readouterr()


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
