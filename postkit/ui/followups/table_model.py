"""Follow-ups as a table: due date, status, what, where from, owner."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush

from postkit.core.followups.records import FollowUpKind, FollowUpRecord, FollowUpStatus
from postkit.ui.widgets.table_model import Column, SortedRowTableModel
from postkit.ui.widgets.tones import tone_color

CONTEXT = "FollowUps"

_STATUSES = {
    FollowUpStatus.OPEN: QT_TRANSLATE_NOOP("FollowUps", "Open"),
    FollowUpStatus.MET: QT_TRANSLATE_NOOP("FollowUps", "Met"),
    FollowUpStatus.NOT_MET: QT_TRANSLATE_NOOP("FollowUps", "Not met"),
    FollowUpStatus.DROPPED: QT_TRANSLATE_NOOP("FollowUps", "Dropped"),
}
_KINDS = {
    FollowUpKind.CONDITION: QT_TRANSLATE_NOOP("FollowUps", "Condition"),
    FollowUpKind.ACTION: QT_TRANSLATE_NOOP("FollowUps", "Action"),
}


def status_label(status: FollowUpStatus) -> str:
    return QCoreApplication.translate(CONTEXT, _STATUSES[status])


def kind_label(kind: str) -> str:
    return QCoreApplication.translate(CONTEXT, _KINDS[FollowUpKind(kind)])


def _due(row: FollowUpRecord, _language: str) -> str:
    if row.data.due_on is None:
        return "–"
    return QLocale().toString(row.data.due_on, QLocale.FormatType.ShortFormat)


def _status(row: FollowUpRecord, _language: str) -> str:
    text = status_label(row.status)
    if row.status_note:
        text += f" — {row.status_note}"
    return text


def _source(row: FollowUpRecord, _language: str) -> str:
    return row.company_name or row.source_title


class FollowUpTableModel(SortedRowTableModel[FollowUpRecord]):
    context = CONTEXT
    columns = (
        Column(
            QT_TRANSLATE_NOOP("FollowUps", "Due"),
            _due,
            lambda r: r.data.due_on or date.max,
        ),
        Column(QT_TRANSLATE_NOOP("FollowUps", "Status"), _status, lambda r: r.status.value),
        Column(
            QT_TRANSLATE_NOOP("FollowUps", "Kind"),
            lambda r, _l: kind_label(r.data.kind),
            lambda r: r.data.kind,
        ),
        Column(
            QT_TRANSLATE_NOOP("FollowUps", "What"),
            lambda r, _l: r.data.description,
            lambda r: r.data.description.casefold(),
        ),
        Column(
            QT_TRANSLATE_NOOP("FollowUps", "Company or activity"),
            _source,
            lambda r: _source(r, "").casefold(),
        ),
        Column(
            QT_TRANSLATE_NOOP("FollowUps", "Owner"),
            lambda r, _l: r.data.owner,
            lambda r: r.data.owner.casefold(),
        ),
    )
    DESCRIPTION = 3
    SOURCE = 4

    def __init__(self, language: str = "en", parent: Any = None) -> None:
        super().__init__(language, parent)
        self.today = date.today()

    def role_data(self, row: FollowUpRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.is_overdue(self.today) and column < 2:
            # The warning tone at AA contrast on the light or dark background in use.
            return QBrush(tone_color("warning"))
        if role == Qt.ItemDataRole.ToolTipRole:
            # Free text may be cut off in its column: the whole of it on hover.
            if column == self.SOURCE:
                return _source(row, "")
            if row.is_overdue(self.today):
                return QCoreApplication.translate(CONTEXT, "Overdue: {0}").format(
                    row.data.description
                )
            return row.data.description
        return None
