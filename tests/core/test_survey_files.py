"""File questions: the chosen file is stored as an attachment and the answer names it by hash."""

from __future__ import annotations

import hashlib
import secrets
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from postkit.core.errors import ValidationError
from postkit.core.sealed_files import forget_key, is_sealed, remember_key
from postkit.core.surveys.engine import FormSession
from postkit.core.surveys.export import export_responses_xlsx
from postkit.core.surveys.files import parse_file_answer, store_survey_file, stored_file
from postkit.core.surveys.service import import_form, start_response, submit_response
from postkit.core.surveys.xlsform import load_form
from tests.core.test_survey_engine import EN, write_form

CORPUS = Path(__file__).resolve().parents[1] / "data" / "xlsforms"
CONTENT = b"\xff\xd8 a photo of the site visit"
SHA = hashlib.sha256(CONTENT).hexdigest()


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "laptop" / "Users" / "anna" / "site visit.jpg"
    path.parent.mkdir(parents=True)
    path.write_bytes(CONTENT)
    return path


def test_a_chosen_file_is_stored_by_content_and_the_answer_keeps_name_and_hash(
    tmp_path: Path, photo: Path
) -> None:
    files = tmp_path / "files"
    attached = store_survey_file(files, photo)
    assert attached.answer == f"site visit.jpg (sha256:{SHA})"
    assert parse_file_answer(attached.answer) == attached
    assert stored_file(files, attached).read_bytes() == CONTENT
    assert str(photo.parent) not in attached.answer


def test_in_a_protected_post_the_stored_copy_is_sealed(tmp_path: Path, photo: Path) -> None:
    files = tmp_path / "files"
    remember_key(files, secrets.token_bytes(32))
    try:
        attached = store_survey_file(files, photo)
        stored = list((files / "attachments").rglob("*.sealed"))
        assert len(stored) == 1 and is_sealed(stored[0])
        assert CONTENT not in stored[0].read_bytes()
        assert stored_file(files, attached).read_bytes() == CONTENT
    finally:
        forget_key(files)


def test_a_path_is_not_a_file_answer(tmp_path: Path, photo: Path) -> None:
    session = FormSession(load_form(CORPUS / "all_new_types.xlsx"))
    with pytest.raises(ValidationError):
        session.set_answer("photo", str(photo))
    answer = store_survey_file(tmp_path / "files", photo).answer
    session.set_answer("photo", answer)
    assert session.value("photo") == answer


def test_the_export_names_the_file_by_name_and_hash_not_by_its_path(
    session: Session, tmp_path: Path, photo: Path
) -> None:
    survey = [{"type": "image", "name": "photo", EN: "Photo of the site"}]
    form_pk = import_form(session, write_form(tmp_path / "f.xlsx", survey=survey), "Tess").id
    answer = store_survey_file(tmp_path / "files", photo).answer
    draft = start_response(session, form_pk, "Embassy Testland", "en", True)
    submit_response(session, draft.id, {"photo": answer})
    out = tmp_path / "export.xlsx"
    export_responses_xlsx(session, form_pk, out, "Embassy Testland")
    workbook = load_workbook(out, read_only=True)
    header, row = list(workbook["responses"].iter_rows(values_only=True))[:2]
    workbook.close()
    assert dict(zip(header, row, strict=True))["photo"] == f"site visit.jpg (sha256:{SHA})"
    with zipfile.ZipFile(out) as archive:
        text = "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    assert "laptop" not in text and "anna" not in text
