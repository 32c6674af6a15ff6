"""The Request tab: what the company asked, its figures and who handles it, read-only."""

from __future__ import annotations

import html

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.screening.records import RequestRecord
from postkit.core.screening.risk import is_large_company
from postkit.ui.screening import labels
from postkit.ui.screening.cards import Card
from postkit.ui.widgets.amount_edit import format_amount
from postkit.ui.widgets.badge import Badge
from postkit.ui.widgets.colors import INFO, NEUTRAL, WARNING
from postkit.ui.widgets.notice import Notice
from postkit.ui.widgets.tones import set_tone


def _value(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RequestView(QWidget):
    """Shows the request's data; `edit_requested` asks the owner to open the dialog."""

    edit_requested = Signal()

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self.notice = Notice(self)
        self.edit_button = QPushButton(self.tr("&Edit request…"), self)
        self.edit_button.clicked.connect(self.edit_requested)

        company = Card(self.tr("Company"), self)
        form = QFormLayout()
        self.company_name = _value(company)
        self.kvk_number = _value(company)
        self.company_country = _value(company)
        self.company_sector = _value(company)
        self.directors = _value(company)
        form.addRow(self.tr("Name:"), self.company_name)
        form.addRow(self.tr("KvK number:"), self.kvk_number)
        form.addRow(self.tr("Country:"), self.company_country)
        form.addRow(self.tr("Sector:"), self.company_sector)
        form.addRow(self.tr("Directors:"), self.directors)
        company.body.addLayout(form)

        size = Card(self.tr("Size"), self)
        size_form = QFormLayout()
        self.employees = _value(size)
        self.turnover = _value(size)
        self.balance_sheet = _value(size)
        self.large_badge = Badge(size)
        size_form.addRow(self.tr("Employees:"), self.employees)
        size_form.addRow(self.tr("Turnover:"), self.turnover)
        size_form.addRow(self.tr("Balance sheet total:"), self.balance_sheet)
        size_form.addRow(self.tr("Large company:"), self.large_badge)
        self.expected = _value(size)
        set_tone(self.expected, "neutral")
        size.body.addLayout(size_form)
        size.body.addWidget(self.expected)

        support = Card(self.tr("Support asked"), self)
        support_form = QFormLayout()
        self.support_kind = _value(support)
        self.operating = _value(support)
        self.dates = _value(support)
        self.handled_by = _value(support)
        self.description = _value(support)
        self.recorded = _value(support)
        set_tone(self.recorded, "neutral")
        support_form.addRow(self.tr("Kind:"), self.support_kind)
        support_form.addRow(self.tr("Operating in:"), self.operating)
        support_form.addRow(self.tr("Dates:"), self.dates)
        support_form.addRow(self.tr("Handled by:"), self.handled_by)
        support_form.addRow(self.tr("Description:"), self.description)
        support.body.addLayout(support_form)
        support.body.addWidget(self.recorded)

        content = QWidget(self)
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        grid.addWidget(company, 0, 0)
        grid.addWidget(size, 1, 0)
        grid.addWidget(support, 0, 1, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        scroll = QScrollArea(self)
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        top = QHBoxLayout()
        top.addWidget(self.notice, 1)
        top.addStretch()
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def set_record(self, record: RequestRecord | None) -> None:
        if record is None:
            return
        data, language, locale = record.data, self._language, QLocale()
        countries, sectors = reference.countries(), reference.sectors()
        self.company_name.setText(data.company_name)
        self.kvk_number.setText(data.kvk_number or "–")
        self.company_country.setText(countries.label(data.company_country, language) or "–")
        self.company_sector.setText(sectors.label(data.company_sector, language) or "–")
        self.directors.setText("\n".join(data.directors) or "–")
        unknown = self.tr("unknown")
        self.employees.setText(
            format_amount(data.employees) if data.employees is not None else unknown
        )
        for label, amount in (
            (self.turnover, data.turnover_eur),
            (self.balance_sheet, data.balance_sheet_eur),
        ):
            label.setText(f"EUR {format_amount(amount)}" if amount is not None else unknown)
        large = is_large_company(data)
        # Size sets what is expected of the company, never its risk level.
        if large is None:
            self.large_badge.set_badge(self.tr("Unknown"), NEUTRAL)
            expected = self.tr("What is expected follows from the size: complete the figures.")
        elif large:
            self.large_badge.set_badge(self.tr("Large company"), INFO)
            expected = self.tr(
                "Expected: every element of due diligence, including public reporting. "
                "Size does not raise the risk."
            )
        else:
            self.large_badge.set_badge(self.tr("Not large"), NEUTRAL)
            expected = self.tr(
                "Expected: lighter due diligence, in proportion to its size, the country and "
                "sector and its position in the chain. Size does not lower the risk."
            )
        self.expected.setText(expected)
        self.support_kind.setText(labels.support_kind_label(data.support_kind, language))
        where = [
            countries.label(data.operating_country, language),
            sectors.label(data.operating_sector, language),
        ]
        self.operating.setText(" · ".join(part for part in where if part) or "–")
        short = QLocale.FormatType.ShortFormat
        dates = self.tr("requested {0}").format(locale.toString(data.requested_on, short))
        if data.needed_by:
            dates += ", " + self.tr("needed by {0}").format(locale.toString(data.needed_by, short))
        self.dates.setText(dates)
        self.handled_by.setText(data.handled_by or "–")
        self.description.setText(data.description or "–")
        if record.created_at is not None:
            self.recorded.setText(
                self.tr("Recorded {0} by {1}").format(
                    locale.toString(record.created_at.astimezone(), short),
                    html.escape(record.created_by or "–"),
                )
            )
        self.edit_button.setEnabled(not record.is_decided)
        if record.is_decided:
            self.notice.show_text(
                self.tr(
                    "Decided, so read-only: reopen the request on the Decision tab to change it."
                ),
                WARNING,
            )
        else:
            self.notice.show_text("", NEUTRAL)
