"""`postkit return write` and `postkit demo returns`."""

from __future__ import annotations

from pathlib import Path

import pytest

from postkit.cli import main
from postkit.core import reference
from postkit.core.returns.demo import demo_posts, write_demo_returns
from postkit.core.returns.format import read_return


def test_return_write_writes_a_return_of_the_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "post.sqlite3"
    assert main(["--db", str(db), "demo", "seed", "--activities", "120"]) == 0
    out = tmp_path / "return.xlsx"
    assert main(["--db", str(db), "return", "write", "--year", "2025", str(out)]) == 0
    read = read_return(out)
    assert read.year == 2025 and read.post == "Embassy Nairobi"
    assert f"{out}: annual return 2025 of Embassy Nairobi, sha256 {read.sha256}" in (
        capsys.readouterr().out
    )


def test_return_write_needs_a_year(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["--db", str(tmp_path / "p.sqlite3"), "return", "write", str(tmp_path / "r.xlsx")])


def test_demo_returns_are_valid_and_differ_as_posts_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["demo", "returns", str(tmp_path / "returns"), "--posts", "40", "--year", "2024"]) == 0
    )
    assert f"{tmp_path / 'returns'}: 40 annual returns of 2024" in capsys.readouterr().out
    paths = sorted((tmp_path / "returns").glob("*.xlsx"))
    assert len(paths) == 40
    posts = {post.code: post for post in reference.load_posts(reference.shipped_posts_file()).posts}
    returns = [read_return(path) for path in paths]
    assert {r.year for r in returns} == {2024}
    assert len({r.post_code for r in returns}) == 40
    assert all(
        posts[r.post_code].label("nl") == r.post or posts[r.post_code].label() == r.post
        for r in returns
    )
    assert len({posts[r.post_code].region for r in returns}) >= 6  # the regions take turns

    def support(level: str) -> float:
        chosen = [
            r
            for r in returns
            if posts[r.post_code].business == level
            and posts[r.post_code].kind != "permanent_representation"
        ]
        assert chosen, level
        return sum(
            r.figures(3).activities_done + r.figures(4).activities_done for r in chosen
        ) / len(chosen)

    # Where there is more Dutch business, posts support more companies and screen more.
    assert support("high") > support("medium") > support("low")
    for r in returns:
        if posts[r.post_code].kind == "permanent_representation":
            assert r.figures(3).activities_done == r.screening_of().requests_received == 0


def test_demo_returns_are_the_same_each_time_and_can_leave_posts_out(tmp_path: Path) -> None:
    first = write_demo_returns(tmp_path / "a", posts=5, year=2025)
    second = write_demo_returns(tmp_path / "b", posts=5, year=2025)
    # The same content (a workbook's zip stamps the moment it was saved).
    assert [(r.sha256, r.written_at) for r in map(read_return, first)] == [
        (r.sha256, r.written_at) for r in map(read_return, second)
    ]
    assert [p.name for p in first] == [p.name for p in second]
    everyone = demo_posts()
    assert len(everyone) == 150
    rest = demo_posts(exclude=("embassy-nairobi", "Ambassade Lima", "Embassy Hanoi"))
    assert len(rest) == 147
    assert not {"embassy-nairobi", "embassy-lima", "embassy-hanoi"} & {post.code for post in rest}
