"""The dialog for a support request: the company, its size and the support it asks for."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.companies.records import CompanyRecord
from postkit.core.csv_files import iso_date_text
from postkit.core.screening import reference as screening_reference
from postkit.core.screening.records import CompanyRequest, DirectorDetails, RequestInput, Status
from postkit.core.screening.risk import is_large_company
from postkit.ui.screening.labels import outcome_label, status_label, support_kind_label
from postkit.ui.widgets.badge import Badge
from postkit.ui.widgets.colors import INFO, NEUTRAL
from postkit.ui.widgets.company_picker import CompanyPicker, CompanySource
from postkit.ui.widgets.date_edit import (
    ISO_FORMAT,
    DateEdit,
    OptionalDate,
    display_format,
    parse_date,
)
from postkit.ui.widgets.editor import choice_box, country_box, text_box
from postkit.ui.widgets.field import FieldWithError as _Field
from postkit.ui.widgets.size_edits import SizeEdits
from postkit.ui.widgets.tones import set_tone

_MAX_EMPLOYEES = 10_000_000
_MAX_NAME = 300
_MAX_DIRECTOR = 200


_BIRTH_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _is_birth_date(text: str) -> bool:
    """Whether ISO text of a year, a month or a day names one that has been."""
    if not _BIRTH_DATE.fullmatch(text):
        return False
    parts = [int(part) for part in text.split("-")] + [1, 1]
    try:
        return date(parts[0], parts[1], parts[2]) <= date.today()
    except ValueError:
        return False


def _country_code(text: str) -> str:
    """The code of a country typed as its code or its English or Dutch name; "" if none."""
    countries = reference.countries()
    if text.upper() in countries:
        return text.upper()
    wanted = text.casefold()
    for code in countries.codes:
        if any(countries.label(code, language).casefold() == wanted for language in ("en", "nl")):
            return code
    return ""


def _shown_birth_date(text: str) -> str:
    """A stored (ISO) day of birth in the locale's format, as the officer typed it; a year or
    a month alone as stored."""
    day = QDate.fromString(text, ISO_FORMAT)
    return QLocale().toString(day, display_format()) if day.isValid() else text


def _read_birth_date(text: str) -> str:
    """A typed date of birth as ISO text: the locale's format, ISO or a Dutch date; a year
    or a month alone, or what is not a date, as typed."""
    day = parse_date(text)
    return day.toString(ISO_FORMAT) if day.isValid() else iso_date_text(text)


def _director_line(details: DirectorDetails) -> str:
    """A director's line as the officer types it: the name, then what is known."""
    birth_date = _shown_birth_date(details.birth_date)
    if details.nationality:
        return f"{details.name}; {birth_date}; {details.nationality}"
    if details.birth_date:
        return f"{details.name}; {birth_date}"
    return details.name


def _linked(data: RequestInput, company_id: int | None) -> RequestInput:
    """The request linked to the register's company (None: as typed, not in the register)."""
    if company_id is None:
        return data
    return replace(data, company_id=company_id)


def _select(combo: QComboBox, code: str | None) -> None:
    combo.setCurrentIndex(max(combo.findData(code), 0) if code else 0)


def _sector_box(parent: QWidget, language: str, none_label: str) -> QComboBox:
    return choice_box(parent, reference.sectors(), language, none_label)


class RequestDialog(QDialog):
    """New or edited request data; `request_input()` gives it once OK is enabled."""

    def __init__(
        self,
        language: str = "en",
        data: RequestInput | None = None,
        handled_by: str = "",
        default_country: str | None = None,
        parent: QWidget | None = None,
        companies: CompanySource | None = None,
        request_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._companies = companies
        self._request_id = request_id  # the request edited: not among its company's earlier
        self.company_id: int | None = getattr(data, "company_id", None) if data else None
        self.setWindowTitle(self.tr("Edit support request") if data else self.tr("New request"))
        self.setMinimumWidth(860)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._build_company_group())
        left.addWidget(self._build_size_group())
        left.addStretch()
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self._build_support_group())
        right.addStretch()
        columns.addLayout(right, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save") if data else self.tr("Create request"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.error_label = QLabel(self)
        set_tone(self.error_label, "danger", bold=True)
        self.error_label.setWordWrap(True)

        for form in self.findChildren(QFormLayout):
            for row in range(form.rowCount()):
                label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if label is not None and field is not None and isinstance(field.widget(), _Field):
                    field.widget().name_fields(label.widget().text())
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        if data is not None:
            self._load(data)
            if self.company_picker is not None and self.company_id is not None:
                self.company_picker.search.setText(data.company_name)
                self._show_earlier(self.company_id)
        else:
            self.requested_on.setDate(QDate.currentDate())
            self.handled_by.setText(handled_by)
            _select(self.operating_country, default_country)
        for signal in (
            self.company_name.textChanged,
            self.kvk_number.textChanged,
            self.support_kind.currentIndexChanged,
            self.requested_on.dateChanged,
            self.needed_by.dateChanged,
            self.has_needed_by.toggled,
            self.directors.textChanged,
            *(edit.value_changed for edit in self.sizes.edits),
        ):
            signal.connect(self._validate)
        self._validate()
        self.company_name.setFocus()

    # -- building ----------------------------------------------------------------------

    def _build_company_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Company"), self)
        form = QFormLayout(group)
        # Made first: Tab goes from the register's pick to the fields it fills.
        self.company_picker: CompanyPicker | None = None
        if self._companies is not None:
            self.company_picker = CompanyPicker(self._companies, group, multiple=False)
            self.company_picker.search.setPlaceholderText(
                self.tr("Pick the company from the register, or create it")
            )
            self.company_picker.picked.connect(self._company_picked)
            self.company_picker.named.connect(self._company_named)
            self.company_picker.created.connect(self._company_made)
            # Searching again undoes the link until another company is picked.
            self.company_picker.search.textEdited.connect(self._unlink)
        self.company_name = QLineEdit(group)
        self.company_name.setMaxLength(_MAX_NAME)
        self.company_name.setPlaceholderText(self.tr("Registered name, e.g. Tulip Trading B.V."))
        self.kvk_number = QLineEdit(group)
        self.kvk_number.setPlaceholderText(self.tr("8 digits"))
        self.kvk_number.setMaxLength(12)
        self.company_country = country_box(group, self._language, self.tr("(unknown)"))
        self.company_sector = _sector_box(group, self._language, self.tr("(unknown)"))
        self.directors = text_box(group, 3, grows=False)
        self.directors.setPlaceholderText(
            self.tr(
                "One name per line; screened for sanctions. A date of birth and nationality "
                "may follow: Anna Visser; 1970-05-31; NL"
            )
        )
        self.company_field = _Field(self.company_name, group)
        self.kvk_field = _Field(self.kvk_number, group)
        self.directors_field = _Field(self.directors, group)
        # The picked company's earlier requests and what was decided, shown once picked.
        self.earlier_box = QWidget(group)
        earlier_layout = QVBoxLayout(self.earlier_box)
        earlier_layout.setContentsMargins(0, 0, 0, 0)
        earlier_layout.addWidget(QLabel(self.tr("Earlier requests of this company:"), group))
        self.earlier = QListWidget(self.earlier_box)
        self.earlier.setAccessibleName(self.tr("Earlier requests of this company"))
        # Lines wrap rather than scroll sideways; room for two or three requests.
        self.earlier.setWordWrap(True)
        self.earlier.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.earlier.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 8)
        earlier_layout.addWidget(self.earlier)
        self.earlier_box.hide()
        if self.company_picker is not None:
            form.addRow(self.tr("From the re&gister:"), self.company_picker)
            form.addRow(self.earlier_box)
        form.addRow(self.tr("&Name:"), self.company_field)
        form.addRow(self.tr("&KvK number:"), self.kvk_field)
        form.addRow(self.tr("Co&untry:"), self.company_country)
        form.addRow(self.tr("&Sector:"), self.company_sector)
        form.addRow(self.tr("&Directors:"), self.directors_field)
        return group

    def _build_size_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Size"), self)
        form = QFormLayout(group)
        self.sizes = SizeEdits(group, _MAX_EMPLOYEES)
        self.employees, self.turnover, self.balance_sheet = self.sizes.edits
        self.employees_field = _Field(self.employees, group)
        self.turnover_field = _Field(self._with_unit(self.turnover, group), group)
        self.balance_field = _Field(self._with_unit(self.balance_sheet, group), group)
        self.large_badge = Badge(group)
        self.large_text = QLabel(group)
        self.large_text.setWordWrap(True)
        set_tone(self.large_text, "neutral")
        large = QHBoxLayout()
        large.addWidget(self.large_badge, 0, Qt.AlignmentFlag.AlignTop)
        large.addWidget(self.large_text, 1)
        form.addRow(self.tr("&Employees:"), self.employees_field)
        form.addRow(self.tr("&Turnover:"), self.turnover_field)
        form.addRow(self.tr("&Balance sheet total:"), self.balance_field)
        form.addRow(self.tr("Large company:"), large)
        return group

    def _with_unit(self, edit: QWidget, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(QLabel("EUR", parent))
        row.addWidget(edit, 1)
        return row

    def _build_support_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Support asked"), self)
        form = QFormLayout(group)
        self.support_kind = QComboBox(group)
        self.support_kind.setPlaceholderText(self.tr("Choose the kind of support…"))
        for item in screening_reference.support_kinds().items:
            self.support_kind.addItem(item.label(self._language), item.code)
        self.support_kind.setCurrentIndex(-1)
        self.operating_country = country_box(group, self._language, self.tr("(none)"))
        self.operating_sector = _sector_box(group, self._language, self.tr("(none)"))
        self.requested_on = DateEdit(group)
        self.has_needed_by = QCheckBox(self.tr("Needed by"), group)
        self.needed_by = DateEdit(group, placeholder="")
        OptionalDate(self.has_needed_by, self.needed_by, self.requested_on, days_after=30)
        needed = QHBoxLayout()
        needed.addWidget(self.has_needed_by)
        needed.addWidget(self.needed_by, 1)
        self.handled_by = QLineEdit(group)
        self.handled_by.setMaxLength(120)
        self.description = text_box(group, 5, grows=False)
        self.description.setPlaceholderText(
            self.tr("What the company asks for, and for which event or partner")
        )
        self.kind_field = _Field(self.support_kind, group)
        self.needed_field = _Field(needed, group)
        form.addRow(self.tr("&Kind:"), self.kind_field)
        form.addRow(self.tr("Country of &operation:"), self.operating_country)
        form.addRow(self.tr("Sector of o&peration:"), self.operating_sector)
        self.requested_field = _Field(self.requested_on, group)
        form.addRow(self.tr("&Requested on:"), self.requested_field)
        form.addRow("", self.needed_field)
        form.addRow(self.tr("&Handled by:"), self.handled_by)
        form.addRow(self.tr("Descr&iption:"), self.description)
        return group

    # -- the register ------------------------------------------------------------------

    def _company_picked(self, company_id: int) -> None:
        """Fill the company's fields from the register's record (a snapshot the request keeps)."""
        from postkit.core.companies.service import get_company

        assert self._companies is not None
        self.company_id = company_id
        self._companies.runner.query(
            lambda session: get_company(session, company_id), self._fill_company, owner=self
        )
        self._show_earlier(company_id)

    def _show_earlier(self, company_id: int) -> None:
        """List the company's earlier requests and decisions (read through the runner)."""
        from postkit.core.screening.service import company_requests

        assert self._companies is not None
        except_request = self._request_id
        self._companies.runner.query(
            lambda session: company_requests(session, company_id, except_request=except_request),
            lambda earlier: self._fill_earlier(company_id, earlier),
            owner=self,
        )

    def _fill_earlier(self, company_id: int, earlier: list[CompanyRequest]) -> None:
        if company_id != self.company_id:
            return  # another company was picked since
        self.earlier.clear()
        for request in earlier:
            self.earlier.addItem(self._earlier_line(request))
        self.earlier_box.setVisible(bool(earlier))

    def _earlier_line(self, request: CompanyRequest) -> QListWidgetItem:
        kind = support_kind_label(request.support_kind, self._language)
        if request.status is Status.DECIDED and request.outcome is not None:
            state = outcome_label(request.outcome, self._language)
            if request.decided_at is not None:
                state = self.tr("{0}, decided {1}").format(
                    state, request.decided_at.date().isoformat()
                )
        else:
            state = status_label(request.status)
        text = f"{request.requested_on.isoformat()} · {kind} · {state}"
        if request.conditions:
            conditions = "; ".join(request.conditions.split("\n"))
            text += " · " + self.tr("conditions: {0}").format(conditions)
        item = QListWidgetItem(text)
        item.setToolTip(request.rationale)
        return item

    def _fill_company(self, record: CompanyRecord) -> None:
        if record.id != self.company_id:
            return
        data = record.data
        self.company_name.setText(data.name)
        self.kvk_number.setText(data.kvk_number or "")
        _select(self.company_country, data.country)
        _select(self.company_sector, data.sector)
        self.sizes.set_values(data.employees, data.turnover_eur, data.balance_sheet_eur)
        self._validate()

    def _company_named(self, name: str) -> None:
        """A new company: its name fills the field; the register gets it when saved."""
        self._unlink()
        self.company_name.setText(name)
        self._validate()

    def _company_made(self, company_id: int) -> None:
        self.company_id = company_id

    def _unlink(self) -> None:
        self.company_id = None
        self.earlier.clear()
        self.earlier_box.hide()

    # -- data --------------------------------------------------------------------------

    def _load(self, data: RequestInput) -> None:
        self.company_name.setText(data.company_name)
        self.kvk_number.setText(data.kvk_number)
        _select(self.company_country, data.company_country)
        _select(self.company_sector, data.company_sector)
        self.directors.setPlainText(
            "\n".join(_director_line(data.details_of(name)) for name in data.directors)
        )
        self.sizes.set_values(data.employees, data.turnover_eur, data.balance_sheet_eur)
        self.support_kind.setCurrentIndex(self.support_kind.findData(data.support_kind))
        _select(self.operating_country, data.operating_country)
        _select(self.operating_sector, data.operating_sector)
        self.requested_on.setDate(QDate(data.requested_on))
        self.has_needed_by.setChecked(data.needed_by is not None)
        if data.needed_by is not None:
            self.needed_by.setDate(QDate(data.needed_by))
        self.handled_by.setText(data.handled_by)
        self.description.setPlainText(data.description)

    def directors_list(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(details.name for details, _ in self._director_lines()))

    def _director_lines(self) -> list[tuple[DirectorDetails, str]]:
        """Each director line read: the name, date of birth and nationality, and what in the
        line is neither (empty when all of it is read)."""
        read = []
        for line in self.directors.toPlainText().splitlines():
            name, *rest = line.split(";")
            name = " ".join(name.split())
            if not name:
                continue
            birth_date = nationality = unread = ""
            for part in (" ".join(part.split()) for part in rest):
                if not part:
                    continue
                if part[0].isdigit() and not birth_date:
                    birth_date = _read_birth_date(part)
                    if not _is_birth_date(birth_date):
                        unread = part
                elif not nationality and (code := _country_code(part)):
                    nationality = code
                else:
                    unread = unread or part
            read.append((DirectorDetails(name, birth_date, nationality), unread))
        return read

    def request_input(self) -> RequestInput:
        return _linked(self._typed_input(), self.company_id)

    def _typed_input(self) -> RequestInput:
        # An unreadable date keeps the dialog from saving (field_errors), so today stands in.
        requested = self.requested_on.value() or date.today()
        needed = self.needed_by.value() if self.has_needed_by.isChecked() else None
        return RequestInput(
            company_name=" ".join(self.company_name.text().split()),
            support_kind=self.support_kind.currentData() or "",
            requested_on=requested,
            kvk_number=self.kvk_number.text().strip().replace(" ", ""),
            company_country=self.company_country.currentData(),
            company_sector=self.company_sector.currentData(),
            employees=self.employees.value(),
            turnover_eur=self.turnover.value(),
            balance_sheet_eur=self.balance_sheet.value(),
            directors=self.directors_list(),
            director_details=tuple(
                details
                for details, _ in self._director_lines()
                if details.birth_date or details.nationality
            ),
            operating_country=self.operating_country.currentData(),
            operating_sector=self.operating_sector.currentData(),
            needed_by=needed,
            handled_by=self.handled_by.text().strip(),
            description=self.description.toPlainText().strip(),
        )

    # -- validation --------------------------------------------------------------------

    def field_errors(self) -> dict[str, str]:
        """What is wrong, by field; empty when the request can be saved."""
        data = self.request_input()
        errors: dict[str, str] = {}
        if not data.company_name:
            errors["company_name"] = self.tr("Enter the company's name.")
        if data.kvk_number and not (data.kvk_number.isdigit() and len(data.kvk_number) == 8):
            errors["kvk_number"] = self.tr("A KvK number has 8 digits.")
        if any(len(name) > _MAX_DIRECTOR for name in data.directors):
            errors["directors"] = self.tr("A director's name is longer than 200 characters.")
        unread = [(details.name, text) for details, text in self._director_lines() if text]
        if unread:
            errors["directors"] = self.tr(
                "{0}: '{1}' is no date of birth (1970-05-31 or 31-05-1970) or country."
            ).format(*unread[0])
        for key, edit, text in (
            ("employees", self.employees, self.tr("Enter a whole number of employees.")),
            ("turnover_eur", self.turnover, self.tr("Enter the turnover in whole euros.")),
            (
                "balance_sheet_eur",
                self.balance_sheet,
                self.tr("Enter the balance sheet total in whole euros."),
            ),
        ):
            if not edit.is_valid():
                errors[key] = text
        if not data.support_kind:
            errors["support_kind"] = self.tr("Choose the kind of support asked.")
        example = self.requested_on.format_date(QDate(2027, 4, 15))
        if self.requested_on.value() is None:
            errors["requested_on"] = self.tr("Type the date as {0}.").format(example)
        if self.has_needed_by.isChecked() and self.needed_by.value() is None:
            errors["needed_by"] = self.tr("Type the date as {0}.").format(example)
        elif data.needed_by is not None and data.needed_by < data.requested_on:
            errors["needed_by"] = self.tr("The date it is needed by lies before the request.")
        return errors

    def _validate(self) -> bool:
        errors = self.field_errors()
        for key, field in (
            ("company_name", self.company_field),
            ("kvk_number", self.kvk_field),
            ("directors", self.directors_field),
            ("employees", self.employees_field),
            ("turnover_eur", self.turnover_field),
            ("balance_sheet_eur", self.balance_field),
            ("support_kind", self.kind_field),
            ("requested_on", self.requested_field),
            ("needed_by", self.needed_field),
        ):
            # A required field left empty is said in the line above the buttons, not in red
            # next to a field the user has not reached yet.
            quiet = key in ("company_name", "support_kind") and not self._touched(key)
            field.set_error("" if quiet else errors.get(key, ""))
        # The line above the buttons says what no field shows (a required field left empty).
        unshown = [text for key, text in errors.items() if key in ("company_name", "support_kind")]
        self.error_label.setText(unshown[0] if unshown else "")
        self.ok_button.setEnabled(not errors)
        self._update_large_company()
        return not errors

    def _touched(self, key: str) -> bool:
        if key == "company_name":
            return self.company_name.isModified()
        return False

    def _update_large_company(self) -> None:
        employees, turnover, balance = self.sizes.values()
        large = is_large_company(self.request_input()) if self.sizes.is_valid() else None
        if large is None:
            self.large_badge.set_badge(self.tr("Unknown"), NEUTRAL)
            missing = employees is None or (turnover is None and balance is None)
            self.large_text.setText(
                self.tr("Enter the employees and the turnover or balance sheet total.")
                if missing
                else self.tr("The figures given are not enough to tell.")
            )
        elif large:
            self.large_badge.set_badge(self.tr("Large company"), INFO)
            self.large_text.setText(
                self.tr("500+ employees and over EUR 20M balance sheet or EUR 40M turnover.")
            )
        else:
            self.large_badge.set_badge(self.tr("Not large"), NEUTRAL)
            self.large_text.setText(
                self.tr("Below the threshold of 500 employees and EUR 20M / EUR 40M.")
            )

    def accept(self) -> None:
        if not self._validate():
            return
        if self.company_picker is not None and self.company_picker.pending_names():
            # A new company goes into the register now, as the request is saved; then again.
            self.company_picker.create_pending(self.accept)
            return
        super().accept()
