"""The surveys page's work that the runner does off the GUI thread: reads that gather what one
screen needs, and the slow jobs (importing a form, exporting responses, reading receipts)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from postkit.core.errors import PostkitError
from postkit.core.surveys.forms import Form
from postkit.core.surveys.receipts import ReceiptImport, import_receipt
from postkit.core.surveys.service import (
    FormInfo,
    ResponseInfo,
    ResponseRecord,
    get_response,
    import_form,
    list_forms,
    list_responses,
    load_definition,
    open_drafts,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from postkit.core.db import Database

Progress = Callable[[int, int], None]


class FormList(NamedTuple):
    forms: list[FormInfo]
    counts: dict[int, tuple[int, int]]  # form pk -> (submitted, drafts)


class FormResponses(NamedTuple):
    form_pk: int
    responses: list[ResponseInfo]
    drafts: list[ResponseInfo]  # the open drafts, latest first


class OpenedResponse(NamedTuple):
    record: ResponseRecord
    form: Form


def counts(responses: Sequence[ResponseInfo]) -> tuple[int, int]:
    submitted = sum(1 for response in responses if response.is_submitted)
    return submitted, len(responses) - submitted


def read_form_list(session: Session) -> FormList:
    forms = list_forms(session)
    return FormList(
        forms,
        {info.id: counts(list_responses(session, info.id, post_name=None)) for info in forms},
    )


def read_form_responses(session: Session, form_pk: int) -> FormResponses:
    return FormResponses(form_pk, list_responses(session, form_pk), open_drafts(session, form_pk))


def read_all_drafts(session: Session) -> list[ResponseInfo]:
    """The open drafts of every form (a form with drafts is always listed)."""
    return [draft for info in list_forms(session) for draft in open_drafts(session, info.id)]


def read_response(session: Session, response_id: int) -> OpenedResponse:
    record = get_response(session, response_id)
    return OpenedResponse(record, load_definition(session, record.form_pk))


def import_form_file(database: Database, path: Path, actor: str) -> Callable[[Progress], FormInfo]:
    def work(_progress: Progress) -> FormInfo:
        with database.session() as session:
            return import_form(session, path, actor)

    return work


def export_responses_file(
    database: Database, form_pk: int, path: Path, post: str, region: str | None
) -> Callable[[Progress], tuple[int, list[Path]]]:
    def work(_progress: Progress) -> tuple[int, list[Path]]:
        # openpyxl loads only when needed: it would slow every start-up.
        from postkit.core.surveys.export import (
            export_responses_csv,
            export_responses_xlsx,
            repeat_csv_paths,
        )

        as_csv = path.suffix.lower() == ".csv"
        export = export_responses_csv if as_csv else export_responses_xlsx
        with database.session() as session:
            count = export(session, form_pk, path, post, region)
            beside: list[Path] = []
            if as_csv:
                form = load_definition(session, form_pk)
                beside = list(repeat_csv_paths(path, form).values())
            return count, beside

    return work


def import_receipt_files(
    database: Database, paths: Sequence[Path], post: str
) -> Callable[[Progress], tuple[list[ReceiptImport], list[PostkitError]]]:
    def work(_progress: Progress) -> tuple[list[ReceiptImport], list[PostkitError]]:
        results: list[ReceiptImport] = []
        errors: list[PostkitError] = []
        with database.session() as session:
            for path in paths:
                try:
                    results.append(import_receipt(session, path, post))
                except PostkitError as error:
                    errors.append(error)
        return results, errors

    return work
