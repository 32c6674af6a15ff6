"""Survey forms imported into the database, and the responses collected with them.

A form version is stored as its XLSForm workbook, so it runs the same on every machine that has
it. A response is a draft, saved on every change so closing the app loses nothing, until it is
submitted; an anonymous one stores no name at all.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from pathlib import Path
from threading import Lock
from types import ModuleType

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from postkit.core.db.base import utc_now
from postkit.core.db.rows import get_row, record_of
from postkit.core.errors import NotFoundError, PostkitError, ValidationError
from postkit.core.paths import installation_id, resources_dir
from postkit.core.surveys.engine import FormSession, coerce_answer
from postkit.core.surveys.forms import Form, Group, Item
from postkit.core.surveys.models import SurveyFormRow, SurveyResponseRow

log = logging.getLogger(__name__)

DRAFT = "draft"
SUBMITTED = "submitted"
STATUSES = (DRAFT, SUBMITTED)
MAX_RESPONDENT_LENGTH = 200  # the survey_responses column
# Read-only questions with these names are filled from the post profile: a response's post is
# the post whose database holds it, never what a respondent typed.
POST_QUESTION = "post"
REGION_QUESTION = "region"
REFERENCE_REGIONS_COLUMN = "reference_regions"
_CACHE_SIZE = 16


@dataclass(frozen=True)
class FormInfo:
    """One imported version of a survey form."""

    id: int
    form_id: str
    version: str
    title: Mapping[str, str]  # language code -> title
    default_language: str
    file_name: str
    sha256: str
    imported_at: datetime
    imported_by: str

    def title_in(self, language: str | None) -> str:
        """The title in `language`, else the default language, else any, else the form_id."""
        for code in (language, self.default_language):
            if code and self.title.get(code):
                return self.title[code]
        return next((text for text in self.title.values() if text), self.form_id)


@dataclass(frozen=True)
class ResponseInfo:
    """A response without its answers: enough to list drafts and submissions."""

    id: int
    uuid: str
    form_pk: int
    status: str
    is_anonymous: bool
    respondent: str
    post_name: str
    language: str
    page: int
    started_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    # What the form's instance_name makes of the answers; empty when the form has none.
    title: str = field(default="", kw_only=True)

    @property
    def is_submitted(self) -> bool:
        return self.status == SUBMITTED


@dataclass(frozen=True)
class ResponseRecord(ResponseInfo):
    """A response with its answers, each as its question's type (dates as `date`, …)."""

    answers: Mapping[str, object]


# Forms


def _xlsform() -> ModuleType:
    """The XLSForm reader, imported when a form is read (in a worker): it loads pyxform and
    openpyxl (~250 ms), which the pages listing forms and responses do not need."""
    from postkit.core.surveys import xlsform

    return xlsform


def shipped_surveys_dir() -> Path:
    """The shipped `surveys/` folder, beside `resources/` in a checkout and in a build."""
    return resources_dir().parent / "surveys"


def import_form(session: Session, path: str | Path, actor: str) -> FormInfo:
    """Validate an XLSForm workbook and store it as a version of its form.

    Importing the same form_id and version again with the same content changes nothing and
    returns the stored one; with other content it is refused.
    """
    from postkit.core.surveys.xlsform import MAX_FILE_BYTES

    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:  # refused before it is read into memory
            raise PostkitError(
                f"{path.name}: the file is {size / 2**20:.1f} MB, over the "
                f"{MAX_FILE_BYTES // 2**20} MB a form may be"
            )
        data = path.read_bytes()
    except OSError as error:
        raise PostkitError(f"cannot read {path}: {error.strerror or error}") from error
    return import_form_bytes(session, data, path.name, actor)


def import_form_bytes(session: Session, data: bytes, file_name: str, actor: str) -> FormInfo:
    """As import_form, for a workbook held in memory."""
    form = _xlsform().load_form_bytes(data, file_name)
    digest = hashlib.sha256(data).hexdigest()
    existing = session.scalars(
        select(SurveyFormRow).where(
            SurveyFormRow.form_id == form.form_id, SurveyFormRow.version == form.version
        )
    ).one_or_none()
    if existing is not None:
        if existing.sha256 == digest:
            return _form_info(existing)
        raise PostkitError(
            f"{file_name}: form {form.form_id} version {form.version} is already imported "
            "with different content; raise the version"
        )
    row = SurveyFormRow(
        form_id=form.form_id,
        version=form.version,
        title=json.dumps(form.title, ensure_ascii=False, sort_keys=True),
        default_language=form.default_language,
        file_name=file_name[:255],
        sha256=digest,
        workbook=data,
        imported_at=utc_now(),
        imported_by=actor,
    )
    session.add(row)
    session.commit()
    _remember(digest, form)
    return _form_info(row)


def ensure_shipped_forms(
    session: Session, actor: str = "postkit", folder: Path | None = None
) -> list[FormInfo]:
    """Import each shipped form (surveys/*.xlsx) not in the database yet; return those imported.

    The versions a shipped form replaced (surveys/previous/*.xlsx) are imported too: posts may
    still send exports of them, and headquarters aggregates an export only with its version.
    A shipped file that cannot be imported is logged and skipped, so the app still starts.
    """
    folder = shipped_surveys_dir() if folder is None else folder
    known = set(session.scalars(select(SurveyFormRow.sha256)))
    imported: list[FormInfo] = []
    for path in [*sorted(folder.glob("*.xlsx")), *sorted(folder.glob("previous/*.xlsx"))]:
        if path.name.startswith(("~$", ".")):
            continue  # Excel's lock files, hidden files
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() in known:
            continue
        try:
            imported.append(import_form_bytes(session, data, path.name, actor))
        except PostkitError as error:
            log.warning("shipped survey %s not imported: %s", path.name, error)
    return imported


def list_forms(session: Session) -> list[FormInfo]:
    """Every imported form version, by form_id and newest version first."""
    rows = session.scalars(select(SurveyFormRow).order_by(SurveyFormRow.form_id))
    infos = [_form_info(row) for row in rows]
    infos.sort(key=lambda info: _version_key(info.version), reverse=True)
    infos.sort(key=lambda info: info.form_id)
    return infos


def get_form(session: Session, form_pk: int) -> FormInfo:
    return _form_info(_form_row(session, form_pk))


def find_form(session: Session, form_id: str, version: str | None = None) -> FormInfo:
    """The imported form with this form_id: the given version, or the newest one."""
    versions = [info for info in list_forms(session) if info.form_id == form_id]
    if version is not None:
        versions = [info for info in versions if info.version == version]
    if not versions:
        which = f"form {form_id}" + (f" version {version}" if version else "")
        raise NotFoundError(f"{which} is not imported")
    return versions[0]


def load_definition(session: Session, form_pk: int) -> Form:
    """The form of an imported version, read from its stored workbook (cached per content)."""
    row = session.execute(
        select(SurveyFormRow.sha256, SurveyFormRow.file_name).where(SurveyFormRow.id == form_pk)
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"survey form {form_pk} does not exist")
    digest, file_name = row
    with _cache_lock:
        form = _definitions.get(digest)
    if form is None:
        data = session.scalars(
            select(SurveyFormRow.workbook).where(SurveyFormRow.id == form_pk)
        ).one()
        form = _xlsform().load_form_bytes(data, file_name)
        _remember(digest, form)
    return form


_definitions: dict[str, Form] = {}
_cache_lock = Lock()  # services run on a worker thread while the UI may read too


def _remember(digest: str, form: Form) -> None:
    with _cache_lock:
        _definitions.pop(digest, None)
        _definitions[digest] = form
        while len(_definitions) > _CACHE_SIZE:
            del _definitions[next(iter(_definitions))]


def _form_row(session: Session, form_pk: int) -> SurveyFormRow:
    return get_row(session, SurveyFormRow, form_pk, f"survey form {form_pk} does not exist")


def _form_info(row: SurveyFormRow) -> FormInfo:
    return record_of(FormInfo, row, title=json.loads(row.title))


def _version_key(version: str) -> tuple[object, ...]:
    """Versions compared as numbers where they are digits: '2026010102' > '202512' > '9'."""
    return tuple(
        (1, int(part), "") if part.isdigit() else (0, 0, part)
        for part in re.findall(r"\d+|\D+", version)
    )


# Responses


def profile_answers(form: Form, post_name: str, region: str | None) -> dict[str, object]:
    """The answers the post profile gives to the form's read-only `post` and `region` questions.

    `region` is a code of the reference regions (profile.post_region); a `region` question takes
    the choice named so, or the choice whose `reference_regions` column lists it. A question
    the profile cannot answer is left out, so the respondent answers it.
    """
    answers: dict[str, object] = {}
    for question in form.fields():
        if not question.read_only:
            continue
        if question.name == POST_QUESTION and post_name.strip():
            answers[question.name] = post_name.strip()
        elif question.name == REGION_QUESTION and region and question.type == "select_one":
            for choice in form.choices(question):
                covered = choice.extra.get(REFERENCE_REGIONS_COLUMN, "").split()
                if region == choice.name or region in covered:
                    answers[question.name] = choice.name
                    break
    return answers


def session_metadata(user_name: str) -> dict[str, object]:
    """What a form's metadata questions say about this response: who and on which install."""
    return {"username": user_name, "deviceid": installation_id()}


def start_response(
    session: Session,
    form_pk: int,
    post_name: str,
    language: str,
    anonymous: bool,
    respondent: str = "",
    region: str | None = None,
    metadata: Mapping[str, object] | None = None,
) -> ResponseInfo:
    """Create a draft response, with the form's defaults and the post profile's answers.

    The respondent's name is stored only when the response is not anonymous. `region` is the
    post's reference region (profile.post_region), for a read-only `region` question.
    `metadata` fills the form's metadata questions (see session_metadata).
    """
    form = load_definition(session, form_pk)
    respondent = "" if anonymous else " ".join(respondent.split())
    if not anonymous and not respondent:
        raise ValidationError("respondent", "a response that is not anonymous needs a name")
    if len(respondent) > MAX_RESPONDENT_LENGTH:
        raise ValidationError(
            "respondent", f"the name is longer than {MAX_RESPONDENT_LENGTH} characters"
        )
    if language not in form.languages:
        language = form.default_language
    now = utc_now()
    row = SurveyResponseRow(
        form_pk=form_pk,
        status=DRAFT,
        is_anonymous=anonymous,
        respondent=respondent,
        post_name=post_name.strip(),
        language=language,
        answers=encode_answers(
            FormSession(
                form,
                language=language,
                fixed=profile_answers(form, post_name, region),
                metadata=metadata,
            ).answers()
        ),
        page=0,
        started_at=now,
        updated_at=now,
    )
    session.add(row)
    session.commit()
    return _response_info(row)


def save_draft(
    session: Session, response_id: int, answers: Mapping[str, object], page: int
) -> None:
    """Store a draft's answers and the page it is on: one UPDATE, cheap on every change."""
    result = session.execute(
        update(SurveyResponseRow)
        .where(SurveyResponseRow.id == response_id, SurveyResponseRow.status == DRAFT)
        .values(answers=encode_answers(answers), page=max(page, 0), updated_at=utc_now())
    )
    if result.rowcount == 0:  # type: ignore[attr-defined]
        session.rollback()
        _draft_row(session, response_id)  # raises the reason
    session.commit()


def set_language(session: Session, response_id: int, language: str) -> None:
    """Remember the language a draft is being filled in, when the respondent switches."""
    row = _draft_row(session, response_id)
    row.language = language
    row.updated_at = utc_now()
    session.commit()


def open_drafts(session: Session, form_pk: int) -> list[ResponseInfo]:
    """The unfinished responses of a form, last changed first: to offer on return."""
    rows = session.scalars(
        select(SurveyResponseRow)
        .where(SurveyResponseRow.form_pk == form_pk, SurveyResponseRow.status == DRAFT)
        .order_by(SurveyResponseRow.updated_at.desc(), SurveyResponseRow.id.desc())
    )
    return [_response_info(row) for row in rows]


def submit_response(
    session: Session,
    response_id: int,
    answers: Mapping[str, object],
    today: date | None = None,
    fixed: Mapping[str, object] | None = None,
    metadata: Mapping[str, object] | None = None,
) -> ResponseInfo:
    """Validate the answers against the form and store them as submitted.

    Raise ValidationError naming the first question (in form order) that is not answered
    as it must be; the draft is left as it was. Answers to questions that are not shown are
    not stored; calculated values are. `fixed` (profile_answers) replace what `answers` say.
    """
    row = _draft_row(session, response_id)
    form = load_definition(session, row.form_pk)
    form_session = FormSession(
        form,
        answers,
        language=row.language,
        today=today,
        strict=True,
        fixed=fixed,
        metadata=metadata,
    )
    form_session.finish()
    problem = form_session.first_error()
    if problem is not None:
        raise ValidationError(*problem)
    now = utc_now()
    row.answers = encode_answers(form_session.answers_for_storage())
    row.status = SUBMITTED
    row.submitted_at = now
    row.updated_at = now
    session.commit()
    return _response_info(row)


def discard_draft(session: Session, response_id: int) -> None:
    """Delete a draft; a submitted response cannot be discarded."""
    session.delete(_draft_row(session, response_id))
    session.commit()


def list_responses(
    session: Session, form_pk: int, status: str | None = None, post_name: str | None = None
) -> list[ResponseInfo]:
    """The responses of a form version in the order they were started."""
    statement = select(SurveyResponseRow).where(SurveyResponseRow.form_pk == form_pk)
    if status is not None:
        statement = statement.where(SurveyResponseRow.status == status)
    if post_name is not None:
        statement = statement.where(SurveyResponseRow.post_name == post_name)
    rows = list(
        session.scalars(statement.order_by(SurveyResponseRow.started_at, SurveyResponseRow.id))
    )
    form = load_definition(session, form_pk) if rows else None
    if form is None or form.instance_name is None:
        return [_response_info(row) for row in rows]
    return [replace(_response_info(row), title=_instance_title(form, row.answers)) for row in rows]


def _instance_title(form: Form, answers: str) -> str:
    """A response's title as the form's instance_name computes it from the stored answers."""
    return FormSession(form, decode_answers(form, answers)).instance_title() or ""


def count_responses(session: Session, form_pk: int, status: str = SUBMITTED) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(SurveyResponseRow)
            .where(SurveyResponseRow.form_pk == form_pk, SurveyResponseRow.status == status)
        )
        or 0
    )


def get_response(session: Session, response_id: int) -> ResponseRecord:
    """A response with its answers decoded to their questions' types."""
    row = _response_row(session, response_id)
    form = load_definition(session, row.form_pk)
    info = _response_info(row)
    values = {field.name: getattr(info, field.name) for field in fields(info)}
    return ResponseRecord(**values, answers=decode_answers(form, row.answers))


def encode_answers(answers: Mapping[str, object]) -> str:
    """Answers as stored: JSON, dates as 'YYYY-MM-DD', selections as lists of names."""
    return json.dumps(dict(answers), ensure_ascii=False, allow_nan=False, default=_json_default)


def decode_answers(form: Form, text: str) -> dict[str, object]:
    """Stored answers back as their questions' types; names the form lacks are left out.

    A repeat's answers are a list with a dict per instance, decoded the same way.
    """
    items = {item.name: item for item in form.walk()}
    return _decoded(form, items, json.loads(text))


def _decoded(form: Form, items: Mapping[str, Item], raw: object) -> dict[str, object]:
    answers: dict[str, object] = {}
    if not isinstance(raw, dict):
        return answers
    for name, value in raw.items():
        item = items.get(name)
        if item is None or value is None:
            continue
        if isinstance(item, Group):
            if item.is_repeat and isinstance(value, list):
                answers[name] = [_decoded(form, items, instance) for instance in value]
            continue
        try:
            answers[name] = coerce_answer(form, item, value, form.default_language)
        except ValidationError:
            log.warning("stored answer to %s does not fit the question: %r", name, value)
    return answers


def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return sorted(value)
    raise TypeError(f"an answer cannot be {type(value).__name__}: {value!r}")


def _response_row(session: Session, response_id: int) -> SurveyResponseRow:
    row = get_row(
        session, SurveyResponseRow, response_id, f"survey response {response_id} no longer exists"
    )
    return row


def _draft_row(session: Session, response_id: int) -> SurveyResponseRow:
    row = _response_row(session, response_id)
    if row.status != DRAFT:
        raise PostkitError(f"survey response {row.uuid} is already submitted")
    return row


def _response_info(row: SurveyResponseRow) -> ResponseInfo:
    return record_of(ResponseInfo, row, title="")  # the title is made from the answers
