from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from postkit.cli import main


def test_aggregate_writes_the_summary_and_fails_after_a_refused_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exports = tmp_path / "exports"
    assert main(["demo", "exports", str(exports), "--posts", "4", "--responses", "5"]) == 0
    (exports / "broken.xlsx").write_text("not a workbook", encoding="utf-8")
    capsys.readouterr()
    db, out, pdf = tmp_path / "hq.sqlite3", tmp_path / "summary.xlsx", tmp_path / "report.pdf"
    code = main(
        ["--db", str(db), "survey", "aggregate", str(exports), "--out", str(out), "--pdf", str(pdf)]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert "4 exports accepted, 1 refused" in captured.out
    assert "broken.xlsx" in captured.err
    posts = openpyxl.load_workbook(out, read_only=True)["posts"]
    header, *rows = list(posts.iter_rows(values_only=True))
    responses = header.index("responses")
    assert len(rows) == 4 and all(row[responses] == 5 for row in rows)
    assert pdf.read_bytes().startswith(b"%PDF")

    (exports / "broken.xlsx").unlink()
    assert main(["--db", str(db), "survey", "aggregate", str(exports), "--out", str(out)]) == 0
    assert "0 added, 0 replaced, 20 unchanged" in capsys.readouterr().out
