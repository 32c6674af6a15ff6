from __future__ import annotations

import json

import pytest

from postkit.cli import main
from postkit.core.paths import user_data_dir


def test_headquarters_copies_the_list_of_posts_and_its_edits_count(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["survey", "posts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("resources/reference/posts.json: 142 posts")
    assert "embassy-nairobi\tEmbassy Nairobi\tAmbassade Nairobi\tembassy\tKE\tafrica" in lines

    assert main(["survey", "posts", "--copy"]) == 0
    own = user_data_dir() / "reference" / "posts.json"
    assert capsys.readouterr().out.startswith(f"{own}: edit this copy")
    posts = json.loads(own.read_text(encoding="utf-8"))
    posts[0]["region"] = "north_america"  # headquarters counts it elsewhere
    own.write_text(json.dumps(posts), encoding="utf-8")
    assert main(["survey", "posts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{own}: 142 posts"
    assert lines[1].endswith("\tnorth_america")

    assert main(["survey", "posts", "--copy"]) == 1  # an edited copy is never overwritten
    assert "exists already" in capsys.readouterr().err
