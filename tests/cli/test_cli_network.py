"""`postkit hq network`: returns held, the network's workbook and report written, the posts
missing named and refused files reported with the exit code."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from postkit.cli import main
from postkit.core import reference
from tests.hq_returns_files import write_network_returns, write_return_file
from tests.pdf_text import pdf_text


def test_the_network_of_a_year_is_written_with_the_posts_missing_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posts = reference.posts().posts
    folder = tmp_path / "returns"
    write_network_returns(folder, 2026, posts[:3])
    write_network_returns(tmp_path / "last", 2025, posts[:2])
    out, pdf = tmp_path / "network.xlsx", tmp_path / "network.pdf"

    code = main(["hq", "network", str(folder), str(tmp_path / "last"), "--year", "2026",
                 "--out", str(out), "--pdf", str(pdf)])  # fmt: skip

    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        f"{out}: 2026: returns of 3 posts held (5 added, 0 replaced, 0 unchanged, 0 outdated "
        "in this run), 147 of the 150 posts on the list missing"
    )
    assert lines[1].startswith("missing: ") and posts[3].en in lines[1]
    assert posts[0].en not in lines[1]
    workbook = load_workbook(out, read_only=True)
    assert {"core_tasks", "regions", "dutch_business", "themes", "year_on_year", "missing",
            "no_activity", "refused"} <= set(workbook.sheetnames)  # fmt: skip
    missing = [row[0] for row in workbook["missing"].iter_rows(min_row=2, values_only=True)]
    assert len(missing) == 147 and posts[0].code not in missing
    rows = list(workbook["core_tasks"].iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in rows] == [3] * 5  # posts reporting, each core task
    text = pdf_text(pdf)
    assert "The network's IMVO work in 2026" in text
    assert "Posts missing (147)" in text


def test_a_refused_file_is_named_and_fails_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_return_file(tmp_path / "lima.xlsx", "Embassy Lima", 2026, done={2: [1]})
    bad = write_return_file(tmp_path / "bad.xlsx", "Embassy Quito", 2026, sha256="1" * 64)
    out = tmp_path / "n.xlsx"

    assert main(["hq", "network", str(good), str(bad), "--year", "2026", "--out", str(out)]) == 1

    captured = capsys.readouterr()
    assert "returns of 1 posts held" in captured.out
    assert f"refused {bad}: the checksum does not match" in captured.err
    refused = list(load_workbook(out)["refused"].iter_rows(min_row=2, values_only=True))
    assert refused[0][:2] == ("bad.xlsx", "Embassy Quito")
