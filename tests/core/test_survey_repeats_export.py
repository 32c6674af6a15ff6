"""A form with repeats, end to end: imported, answered, exported as KoboToolbox exports repeats
(a sheet per repeat tied to its parent row), read and summarised at headquarters."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from postkit.core.db import Database
from postkit.core.hq.reading import ExportRejected, read_export
from postkit.core.hq.summary import build_summary, is_likert, write_summary_xlsx
from postkit.core.surveys.export import export_responses_file, export_responses_xlsx
from postkit.core.surveys.service import (
    import_form,
    start_response,
    submit_response,
)
from postkit.core.surveys.xlsform import load_form

CORPUS = Path(__file__).resolve().parents[1] / "data" / "xlsforms"
VISITS = CORPUS / "kobo_company_visits.xlsx"

FIRST = {
    "useful": "a",
    "visit_count": 2,
    "visit": [
        {
            "company": "Acme",
            "clear": "sa",
            "participants": 10,
            "women": 4,
            "topics": ("wages", "climate"),
            "contact": [{"contact_name": "Ann", "signed": "yes"}, {"contact_name": "Bob"}],
        },
        {"company": "Bolt", "clear": "d", "participants": 0, "contact": [{"contact_name": "Cas"}]},
    ],
}
SECOND = {
    "useful": "sd",
    "visit_count": 1,
    "visit": [{"company": "Crane", "clear": "a", "participants": 5, "contact": []}],
}


def _sheets(path: Path) -> dict[str, list[dict[str, object]]]:
    workbook = load_workbook(path, read_only=True)
    try:
        found = {}
        for sheet in workbook.worksheets:
            rows = list(sheet.values)
            found[sheet.title] = [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]
        return found
    finally:
        workbook.close()


def _export(session: Session, path: Path) -> Path:
    info = import_form(session, VISITS, "Tess Tester")
    for answers in (FIRST, SECOND):
        draft = start_response(session, info.id, "Embassy Testland", "en", True)
        submit_response(session, draft.id, answers)
    assert export_responses_xlsx(session, info.id, path, "Embassy Testland") == 2
    return path


def test_each_repeat_gets_a_sheet_tied_to_its_parent_rows(session: Session, tmp_path: Path) -> None:
    sheets = _sheets(_export(session, tmp_path / "visits.xlsx"))
    assert list(sheets) == ["responses", "visit", "contact", "audit", "labels", "meta"]
    responses = sheets["responses"]
    assert [row["_index"] for row in responses] == [1, 2]
    assert "company" not in responses[0]  # asked in the repeat: on its own sheet
    assert (responses[0]["total_participants"], responses[0]["visits_made"]) == (10, 2)
    assert responses[0]["companies"] == "Acme, Bolt"
    assert responses[0]["first_company"] == "Acme"
    visits = sheets["visit"]
    assert [(v["company"], v["_index"], v["_parent_index"]) for v in visits] == [
        ("Acme", 1, 1),
        ("Bolt", 2, 1),
        ("Crane", 3, 2),
    ]
    assert {v["_parent_table_name"] for v in visits} == {"responses"}
    assert [v["visit_number"] for v in visits] == [1, 2, 1]
    assert (visits[0]["topics"], visits[0]["topics/wages"], visits[2]["topics/wages"]) == (
        "wages climate",
        1,
        None,
    )
    assert visits[1]["women"] is None  # not asked: nobody took part
    assert visits[0]["_submission__uuid"] == responses[0]["_uuid"]
    contacts = sheets["contact"]
    assert [(c["contact_name"], c["_parent_index"], c["_parent_table_name"]) for c in contacts] == [
        ("Ann", 1, "visit"),
        ("Bob", 1, "visit"),
        ("Cas", 2, "visit"),
    ]
    meta = {row["key"]: row["value"] for row in sheets["meta"]}
    assert meta["repeats"] == "visit contact"
    assert meta["sha256:visit"] and meta["sha256:contact"]


def test_headquarters_reads_the_repeats_back_into_each_response(
    session: Session, tmp_path: Path
) -> None:
    path = _export(session, tmp_path / "visits.xlsx")
    export = read_export(path, load_form(VISITS))
    first = export.records()[0]
    assert first["useful"] == "a"
    import json

    nested = json.loads(export.values_json[0])
    assert [visit["company"] for visit in nested["visit"]] == ["Acme", "Bolt"]
    assert [c["contact_name"] for c in nested["visit"][0]["contact"]] == ["Ann", "Bob"]
    assert export.repeats["contact"][1][2][0] == "Cas"


def test_an_edited_repeat_sheet_is_refused(session: Session, tmp_path: Path) -> None:
    path = _export(session, tmp_path / "visits.xlsx")
    workbook = load_workbook(path)
    workbook["visit"]["A2"] = "Forged"  # a cell of the first visit
    edited = tmp_path / "edited.xlsx"
    workbook.save(edited)
    with pytest.raises(ExportRejected, match="sheet visit does not match the SHA-256"):
        read_export(edited, load_form(VISITS))


def test_likert_items_are_recognised_by_their_choices() -> None:
    form = load_form(VISITS)
    useful, clear = form.find("useful"), form.find("clear")
    signed = form.find("signed")
    assert is_likert(form, useful) and is_likert(form, clear)  # type: ignore[arg-type]
    assert not is_likert(form, signed)  # type: ignore[arg-type]


def test_headquarters_summarises_repeats_likert_items_and_lists_metadata(
    session: Session, hq_database: Database, tmp_path: Path
) -> None:
    from postkit.core.hq.service import collect_exports

    exports = tmp_path / "exports"
    exports.mkdir()
    _export(session, exports / "visits.xlsx")
    form = load_form(VISITS)
    with hq_database.session() as hq:
        report = collect_exports(hq, [exports], form)
        assert len(report.accepted) == 1
        summary = build_summary(hq, form, expected_posts=["Embassy Testland"])
    likert = {item.name: item for item in summary.likert}
    assert likert["useful"].overall.counts == (1, 0, 0, 1, 0)  # sd and a
    assert likert["clear"].overall.counts == (0, 1, 0, 1, 1)  # one per visit: d, a, sa
    repeats = {repeat.name: repeat for repeat in summary.repeats}
    assert (repeats["visit"].responses_with_instances, repeats["visit"].instances) == (2, 3)
    assert (repeats["contact"].responses_with_instances, repeats["contact"].instances) == (1, 3)
    assert "company" in repeats["visit"].questions
    opened = {question.name: question for question in summary.open_questions}
    # Per response in submission order, which within one second is by UUID: any order here.
    assert sorted(answer.text for answer in opened["company"].answers) == ["Acme", "Bolt", "Crane"]
    selects = {select.name: select for select in summary.selects}
    assert {c.name: c.count for c in selects["signed"].choices} == {"yes": 1, "no": 0}
    metadata = {column.name: column for column in summary.metadata}
    metadata_columns = {"start", "end", "today", "deviceid", "username", "audit", "campaign"}
    assert set(metadata) == metadata_columns
    assert metadata["start"].answered == 2 and metadata["campaign"].type == "hidden"
    assert "start" not in selects and "start" not in opened

    written = tmp_path / "summary.xlsx"
    write_summary_xlsx(summary, written)
    sheets = _sheets(written)
    rows = {row["repeat"]: row for row in sheets["repeats"]}
    assert (rows["visit"]["instances"], rows["visit"]["responses_with_instances"]) == (3, 2)
    assert rows["visit"]["mean_per_response"] == 1.5
    assert {row["column"] for row in sheets["metadata"]} == set(metadata)
    likert_rows = {row["item"]: row for row in sheets["likert"]}
    assert likert_rows["clear"]["answered"] == 3 and likert_rows["clear"]["agree"] == 2


def test_a_draft_keeps_its_instances_when_saved_and_opened_again(session: Session) -> None:
    from postkit.core.surveys.engine import FormSession
    from postkit.core.surveys.service import get_response, load_definition, save_draft

    info = import_form(session, VISITS, "Tess Tester")
    draft = start_response(session, info.id, "Embassy Testland", "en", True)
    form = load_definition(session, info.id)
    filling = FormSession(form, get_response(session, draft.id).answers)
    filling.set_answers({"visit_count": 1, "company@1": "Acme"})
    filling.add_instance("contact@1")
    filling.set_answer("contact_name@1.2", "Bob")
    save_draft(session, draft.id, filling.answers(), 2)
    again = FormSession(form, get_response(session, draft.id).answers)
    assert again.instance_count("contact@1") == 2
    assert (again.value("company@1"), again.value("contact_name@1.2")) == ("Acme", "Bob")


def test_the_headquarters_report_is_written_for_a_form_with_repeats(
    session: Session, hq_database: Database, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from postkit.core.hq.report import write_aggregate_report
    from postkit.core.hq.service import collect_exports

    exports = tmp_path / "exports"
    exports.mkdir()
    _export(session, exports / "visits.xlsx")
    form = load_form(VISITS)
    with hq_database.session() as hq:
        collect_exports(hq, [exports], form)
        summary = build_summary(hq, form)
    pdf = tmp_path / "report.pdf"
    write_aggregate_report(summary, pdf, language="en")
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "The guidelines were clear for this visit" in text
    text = " ".join(text.split())  # a table's cells come out a line each
    # Each repeat: responses with instances, instances, mean per response.
    assert "Repeats" in text
    assert "Company visit 2 3 1.50" in text
    assert "Contact person 1 3 3.00" in text
    # Metadata columns are listed (with how many responses hold them), not charted.
    assert "Metadata columns (listed, not charted)" in text
    assert "start start 2" in text and "campaign hidden 0" in text

    write_aggregate_report(summary, pdf, language="nl")
    dutch = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Herhaalde groepen" in dutch and "Bedrijfsbezoek 2 3 1.50" in dutch
    assert "Metadatakolommen (vermeld, niet in grafieken)" in dutch


def test_an_export_job_writes_as_the_suffix_says_and_names_the_files_beside_a_csv(
    session: Session, tmp_path: Path
) -> None:
    info = import_form(session, VISITS, "Tess Tester")
    draft = start_response(session, info.id, "Embassy Testland", "en", True)
    submit_response(session, draft.id, FIRST)
    csv_out, xlsx_out = tmp_path / "out.csv", tmp_path / "out.xlsx"
    assert export_responses_file(session, info.id, csv_out, "Embassy Testland") == (
        1,
        [tmp_path / "out-visit.csv", tmp_path / "out-contact.csv"],
        tmp_path / "out-audit.csv",
    )
    assert all(path.exists() for path in tmp_path.glob("out-*.csv"))
    assert export_responses_file(session, info.id, xlsx_out, "Embassy Testland") == (1, [], None)
    assert xlsx_out.read_bytes().startswith(b"PK")


def test_a_csv_export_writes_a_file_per_repeat_beside_the_main_one(
    session: Session, tmp_path: Path
) -> None:
    """As ODK Briefcase writes CSV (out.csv, out-<repeat>.csv) with KoboToolbox's columns, so
    no repeat answer is silently dropped; a formula-like answer stays text."""
    import csv

    from postkit.core.surveys.export import export_responses_csv

    info = import_form(session, VISITS, "Tess Tester")
    forged = {**SECOND, "visit": [{**SECOND["visit"][0], "company": "=HYPERLINK(1)"}]}
    for answers in (FIRST, forged):
        draft = start_response(session, info.id, "Embassy Testland", "en", True)
        submit_response(session, draft.id, answers)
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "out.csv"
    assert export_responses_csv(session, info.id, out, "Embassy Testland") == 2

    def rows(path: Path) -> list[dict[str, str]]:
        with path.open(encoding="utf-8-sig", newline="") as f:
            return list(csv.DictReader(f))

    assert sorted(p.name for p in folder.iterdir()) == [
        "out-audit.csv",
        "out-contact.csv",
        "out-visit.csv",
        "out.csv",
    ]
    responses = rows(out)
    assert [row["_index"] for row in responses] == ["1", "2"]
    visits = rows(folder / "out-visit.csv")
    assert [(v["company"], v["_index"], v["_parent_index"]) for v in visits] == [
        ("Acme", "1", "1"),
        ("Bolt", "2", "1"),
        ("'=HYPERLINK(1)", "3", "2"),
    ]
    assert {v["_parent_table_name"] for v in visits} == {"responses"}
    assert visits[2]["_submission__uuid"] == responses[1]["_uuid"]
    contacts = rows(folder / "out-contact.csv")
    assert [(c["contact_name"], c["_parent_index"], c["_parent_table_name"]) for c in contacts] == [
        ("Ann", "1", "visit"),
        ("Bob", "1", "visit"),
        ("Cas", "2", "visit"),
    ]
