"""The table model of the support requests: a post has tens or hundreds of them, so the rows
are all kept and sorted in memory; the columns are declared once, in `COLUMNS`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor, QFont

from postkit.core.screening.records import Outcome, RequestRow, Status
from postkit.ui.overrides import override
from postkit.ui.screening import labels
from postkit.ui.screening.colors import OUTCOME_TONES
from postkit.ui.widgets.table_model import RIGHT, Column, SortedRowTableModel
from postkit.ui.widgets.tones import tone_color


def _date(value: date | None) -> str:
    return QLocale().toString(value, QLocale.FormatType.ShortFormat) if value else ""


def _status_text(row: RequestRow, language: str) -> str:
    if row.status is Status.DECIDED and row.outcome is not None:
        return labels.outcome_label(row.outcome, language)
    return labels.status_label(row.status)


COLUMNS: tuple[Column[RequestRow], ...] = (
    Column(
        QT_TRANSLATE_NOOP("RequestTableModel", "Company"),
        lambda r, _: r.company_name,
        lambda r: r.company_name.casefold(),
    ),
    Column(
        QT_TRANSLATE_NOOP("RequestTableModel", "Support"),
        lambda r, lang: labels.support_kind_label(r.support_kind, lang),
        lambda r: r.support_kind,
    ),
    Column(
        QT_TRANSLATE_NOOP("RequestTableModel", "Requested"),
        lambda r, _: _date(r.requested_on),
        lambda r: r.requested_on,
    ),
    Column(
        QT_TRANSLATE_NOOP("RequestTableModel", "Status"),
        _status_text,
        lambda r: (r.status is Status.DECIDED, str(r.outcome or "")),
    ),
    Column(
        QT_TRANSLATE_NOOP("RequestTableModel", "Handled by"),
        lambda r, _: r.handled_by,
        lambda r: r.handled_by.casefold(),
    ),
    Column(
        QT_TRANSLATE_NOOP("RequestTableModel", "Follow-up"),
        lambda r, _: _date(r.follow_up_on),
        lambda r: r.follow_up_on or date.max,
    ),
    Column(
        QT_TRANSLATE_NOOP("RequestTableModel", "To judge"),
        lambda r, _: r.open_matches if r.open_matches else "",
        lambda r: r.open_matches,
        RIGHT,
    ),
)
SUPPORT_COLUMN = 1
STATUS_COLUMN = 3
HANDLED_BY_COLUMN = 4
FOLLOW_UP_COLUMN = 5
CANDIDATES_COLUMN = 6
# Shown in the request's heading; the header's menu brings them into the list.
HIDDEN_COLUMNS = (SUPPORT_COLUMN, HANDLED_BY_COLUMN)

RequestIdRole = Qt.ItemDataRole.UserRole + 1


class RequestTableModel(SortedRowTableModel[RequestRow]):
    """Rows of `list_requests`; a post has tens or hundreds of requests, so all are kept."""

    context = "RequestTableModel"
    columns = COLUMNS
    id_role = RequestIdRole

    def __init__(self, language: str = "en", parent: Any = None) -> None:
        super().__init__(language, parent, sort_column=2, descending=True)
        self._today = date.today()

    @override
    def role_data(self, row: RequestRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.FontRole and column in (STATUS_COLUMN, CANDIDATES_COLUMN):
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _foreground(self, row: RequestRow, column: int) -> QColor | None:
        if column == STATUS_COLUMN and row.outcome is not None:
            return tone_color(OUTCOME_TONES[row.outcome])
        if column == CANDIDATES_COLUMN and row.open_matches:
            return tone_color("warning")
        if column == FOLLOW_UP_COLUMN and self._is_follow_up_due(row):
            return tone_color("warning")
        return None

    def _tooltip(self, row: RequestRow, column: int) -> str | None:
        if column == STATUS_COLUMN and row.outcome is not None:
            return labels.outcome_label(row.outcome, self.language)
        if column == CANDIDATES_COLUMN and row.open_matches:
            return QCoreApplication.translate(
                "RequestTableModel", "Sanctions candidates still to judge: {0}"
            ).format(row.open_matches)
        if column == FOLLOW_UP_COLUMN and self._is_follow_up_due(row):
            return QCoreApplication.translate("RequestTableModel", "The follow-up is due")
        if column == 0:
            return row.company_name
        return None

    def _is_follow_up_due(self, row: RequestRow) -> bool:
        return (
            row.outcome is Outcome.SUPPORT_WITH_CONDITIONS
            and row.follow_up_on is not None
            and row.follow_up_on <= self._today
        )

    # -- what the list asks ------------------------------------------------------------

    @override
    def set_rows(self, rows: Sequence[RequestRow], today: date | None = None) -> None:
        self._today = today or date.today()
        super().set_rows(rows)
