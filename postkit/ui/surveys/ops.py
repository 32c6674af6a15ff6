"""The surveys page's reads that the runner does off the GUI thread, each gathering what one
screen needs (the slow jobs are core functions run in a process of their own)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from postkit.core.surveys.forms import Form
from postkit.core.surveys.service import (
    FormInfo,
    ResponseInfo,
    ResponseRecord,
    get_response,
    list_forms,
    list_responses,
    load_definition,
    open_drafts,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


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
