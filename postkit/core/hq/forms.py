"""Which survey the exports headquarters receives are of, and the form to count them by.

Posts may send exports of any survey imported at headquarters (the shipped ones are imported
on first use). The files are sorted by the form and version their meta sheet names; one such
group is aggregated at a time (by default the one with the most files), against the form
stored in the database, never a form named in the code.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core.errors import NotFoundError, PostkitError
from postkit.core.hq.models import ReceivedExportRow
from postkit.core.hq.reading import ExportRejected, read_form_of
from postkit.core.hq.service import ACCEPTED, Progress, find_export_files
from postkit.core.surveys.forms import Form
from postkit.core.surveys.service import (
    ensure_shipped_forms,
    find_form,
    list_forms,
    load_definition,
)


@dataclass(frozen=True)
class FormFiles:
    """The exports of one form and version among the files given."""

    form_id: str
    version: str
    title: str  # as the first file's meta sheet gives it
    paths: tuple[Path, ...]


@dataclass(frozen=True)
class SortedExports:
    forms: tuple[FormFiles, ...]  # the form with the most files first
    unreadable: tuple[Path, ...]  # no form can be told; collecting refuses them with the reason

    @property
    def files(self) -> int:
        return sum(len(group.paths) for group in self.forms) + len(self.unreadable)


def sort_by_form(
    paths: Iterable[str | os.PathLike[str]], progress: Progress | None = None
) -> SortedExports:
    """The export files under `paths` (files or folders), grouped by form and version."""
    files = find_export_files(paths)
    groups: dict[tuple[str, str], list[Path]] = {}
    titles: dict[tuple[str, str], str] = {}
    unreadable: list[Path] = []
    for done, path in enumerate(files, 1):
        try:
            form_id, version, title = read_form_of(path)
        except ExportRejected:
            unreadable.append(path)
        else:
            groups.setdefault((form_id, version), []).append(path)
            titles.setdefault((form_id, version), title)
        if progress:
            progress(done, len(files))
    forms = [
        FormFiles(form_id, version, titles[form_id, version], tuple(found))
        for (form_id, version), found in groups.items()
    ]
    forms.sort(key=lambda group: (-len(group.paths), group.form_id, group.version))
    return SortedExports(tuple(forms), tuple(unreadable))


def form_of(session: Session, form_id: str, version: str) -> Form:
    """The imported form these exports are of; a clear refusal when headquarters lacks it."""
    ensure_shipped_forms(session)
    try:
        info = find_form(session, form_id, version)
    except NotFoundError as error:
        raise PostkitError(
            f"the exports are of survey {form_id} version {version}, which is not imported "
            "here: import that XLSForm on the Surveys page first"
        ) from error
    return load_definition(session, info.id)


def last_aggregated_form(session: Session) -> Form | None:
    """The form of the export accepted last, or None before any was."""
    table = ReceivedExportRow.__table__
    row = session.execute(
        select(table.c.form_id, table.c.version)
        .where(table.c.status == ACCEPTED)
        .order_by(table.c.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    try:
        return form_of(session, row.form_id, row.version)
    except PostkitError:
        return None  # the form was imported then, and is gone


def any_form(session: Session) -> Form:
    """A form to check files against that name none: each is refused whichever form it is."""
    form = last_aggregated_form(session)
    if form is not None:
        return form
    ensure_shipped_forms(session)
    forms = list_forms(session)
    if not forms:
        raise PostkitError("no survey is imported here; import an XLSForm on the Surveys page")
    return load_definition(session, forms[0].id)
