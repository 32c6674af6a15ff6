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


def test_aggregate_takes_the_survey_with_most_files_and_names_the_one_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from postkit.core.db import open_database
    from postkit.core.surveys.service import import_form
    from tests.hq_exports import write_check_in_exports, write_check_in_form

    exports = tmp_path / "exports"
    assert main(["demo", "exports", str(exports), "--posts", "3", "--responses", "2"]) == 0
    form_file = write_check_in_form(tmp_path / "forms")
    write_check_in_exports(exports / "check-in", form_file, 2)
    capsys.readouterr()
    db, out = tmp_path / "hq.sqlite3", tmp_path / "summary.xlsx"
    aggregate = ["--db", str(db), "survey", "aggregate", str(exports), "--out", str(out)]

    assert main(aggregate) == 0
    captured = capsys.readouterr()
    assert "3 exports accepted, 0 refused" in captured.out
    assert "left out 2 export(s) of survey post_check_in" in captured.err
    assert "--form post_check_in" in captured.err

    assert main([*aggregate, "--form", "post_check_in"]) == 1
    assert "post_check_in version 2026120101, which is not imported here" in (
        capsys.readouterr().err
    )
    database = open_database(db)
    with database.session() as session:
        import_form(session, form_file, "hq")
    database.dispose()
    assert main([*aggregate, "--form", "post_check_in"]) == 0
    assert "2 exports accepted, 0 refused; responses 6 added" in capsys.readouterr().out
    overview = openpyxl.load_workbook(out, read_only=True)["overview"]
    assert ("form_id", "post_check_in") in list(overview.iter_rows(values_only=True))
