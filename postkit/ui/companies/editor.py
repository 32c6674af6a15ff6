"""The dialog to add a company to the register or edit one: its fields, its size class as
the figures make it, and its contact persons. A field's error shows once the user leaves
it, or when Save is pressed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.companies.records import CompanyData, CompanyRecord, ContactData, SizeClass
from postkit.core.companies.validation import NAME_MAX, size_class, validate_company
from postkit.core.errors import ValidationError
from postkit.ui.companies.table_model import size_label
from postkit.ui.overrides import override
from postkit.ui.widgets.editor import EditorDialog, choice_box, country_box, text_box
from postkit.ui.widgets.field import FieldWithError
from postkit.ui.widgets.size_edits import SizeEdits

CONTACT_COLUMNS = 4  # name, role, e-mail, phone
_FIELDS = ("name", "kvk_number", "employees", "turnover_eur", "balance_sheet_eur", "contacts")


class CompanyDialog(EditorDialog):
    """Edits one company; `company_data()` gives the result once Save is enabled."""

    def __init__(
        self,
        language: str = "en",
        record: CompanyRecord | None = None,
        parent: QWidget | None = None,
        name: str = "",
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._save_pressed = False
        self.setWindowTitle(self.tr("Edit company") if record else self.tr("New company"))
        self.setMinimumSize(620, 520)
        self.lay_out(
            [
                (self._build_company_tab(), self.tr("&Company")),
                (self._build_size_tab(), self.tr("&Size")),
                (self._build_contacts_tab(), self.tr("C&ontacts")),
            ],
            self.tr("Save"),
        )
        if record is not None:
            self._load(record.data)
        else:
            self.name_edit.setText(name)
        self._connect_validation()
        self._validate()
        self.name_edit.setFocus()

    # -- building ----------------------------------------------------------------------

    def _build_company_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.name_edit = QLineEdit(page)
        self.name_edit.setMaxLength(NAME_MAX)
        self.name_edit.setPlaceholderText(self.tr("Registered name, e.g. Tulip Trading B.V."))
        self.trade_names = text_box(page, 2, grows=False)
        self.trade_names.setPlaceholderText(self.tr("Other names it trades under, one per line"))
        self.kvk_edit = QLineEdit(page)
        self.kvk_edit.setMaxLength(12)
        self.kvk_edit.setPlaceholderText(self.tr("8 digits"))
        self.foreign_registration = QLineEdit(page)
        self.foreign_registration.setPlaceholderText(
            self.tr("Registration abroad, e.g. a company number")
        )
        self.country = country_box(page, self._language, self.tr("(unknown)"))
        self.sector = choice_box(page, reference.sectors(), self._language, self.tr("(unknown)"))
        self.website = QLineEdit(page)
        self.website.setPlaceholderText("https://")
        self.notes = text_box(page, 3)
        self.name_field = FieldWithError(self.name_edit, page)
        self.kvk_field = FieldWithError(self.kvk_edit, page)
        form.addRow(self.tr("&Name:"), self.name_field)
        form.addRow(self.tr("&Trade names:"), self.trade_names)
        form.addRow(self.tr("&KvK number:"), self.kvk_field)
        form.addRow(self.tr("&Foreign registration:"), self.foreign_registration)
        form.addRow(self.tr("Co&untry:"), self.country)
        form.addRow(self.tr("S&ector:"), self.sector)
        form.addRow(self.tr("&Website:"), self.website)
        form.addRow(self.tr("No&tes:"), self.notes)
        self.name_field.name_fields(self.tr("Name"))
        self.kvk_field.name_fields(self.tr("KvK number"))
        return page

    def _build_size_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.sizes = SizeEdits(page, 10_000_000)
        self.employees, self.turnover, self.balance_sheet = self.sizes.edits
        self.international = QCheckBox(self.tr("Operates &internationally"), page)
        self.employees_field = FieldWithError(self.employees, page)
        self.turnover_field = FieldWithError(self.turnover, page)
        self.balance_field = FieldWithError(self.balance_sheet, page)
        self.size_text = QLabel(page)
        self.size_text.setWordWrap(True)
        self.size_text.setAccessibleName(self.tr("Size class"))
        form.addRow(self.tr("&Employees:"), self.employees_field)
        form.addRow(self.tr("Tu&rnover (EUR):"), self.turnover_field)
        form.addRow(self.tr("&Balance sheet total (EUR):"), self.balance_field)
        form.addRow("", self.international)
        form.addRow(self.tr("Size class:"), self.size_text)
        return page

    def _build_contacts_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        note = QLabel(
            self.tr(
                "Contact persons are personal data: they stay at the post and leave with no export."
            ),
            page,
        )
        note.setWordWrap(True)
        self.contacts = QTableWidget(0, CONTACT_COLUMNS, page)
        self.contacts.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("E-mail"), self.tr("Phone")]
        )
        self.contacts.setAccessibleName(self.tr("Contact persons"))
        self.contacts.verticalHeader().hide()
        self.contacts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.contacts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts.setTabKeyNavigation(False)
        self.add_contact_button = QPushButton(self.tr("&Add contact"), page)
        self.remove_contact_button = QPushButton(self.tr("&Remove contact"), page)
        self.add_contact_button.clicked.connect(lambda: self.add_contact())
        self.remove_contact_button.clicked.connect(self.remove_contact)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_contact_button)
        buttons.addWidget(self.remove_contact_button)
        buttons.addStretch()
        layout.addWidget(note)
        layout.addWidget(self.contacts, 1)
        layout.addLayout(buttons)
        self.contacts.itemSelectionChanged.connect(self._update_contact_buttons)
        self._update_contact_buttons()
        return page

    # -- contacts ----------------------------------------------------------------------

    def add_contact(self, contact: ContactData | None = None) -> int:
        """Add a line for a contact person (empty: the cursor goes to its name)."""
        row = self.contacts.rowCount()
        self.contacts.insertRow(row)
        values = (
            (contact.name, contact.role, contact.email, contact.phone) if contact else ("",) * 4
        )
        for column, value in enumerate(values):
            self.contacts.setItem(row, column, QTableWidgetItem(value))
        if contact is None:
            self.contacts.setCurrentCell(row, 0)
            self.contacts.setFocus()
            self.contacts.editItem(self.contacts.item(row, 0))
        return row

    def remove_contact(self) -> None:
        rows = sorted({index.row() for index in self.contacts.selectedIndexes()}, reverse=True)
        if not rows and self.contacts.currentRow() >= 0:
            rows = [self.contacts.currentRow()]
        for row in rows:
            self.contacts.removeRow(row)
        self._touch("contacts")

    def _update_contact_buttons(self) -> None:
        self.remove_contact_button.setEnabled(self.contacts.currentRow() >= 0)

    def contact_list(self) -> tuple[ContactData, ...]:
        contacts = []
        for row in range(self.contacts.rowCount()):
            cells = [
                (item.text().strip() if (item := self.contacts.item(row, column)) else "")
                for column in range(CONTACT_COLUMNS)
            ]
            if any(cells):
                contacts.append(ContactData(*cells))
        return tuple(contacts)

    # -- loading and reading -----------------------------------------------------------

    def _load(self, data: CompanyData) -> None:
        self.name_edit.setText(data.name)
        self.trade_names.setPlainText("\n".join(data.trade_names))
        self.kvk_edit.setText(data.kvk_number or "")
        self.foreign_registration.setText(data.foreign_registration)
        self.country.setCurrentIndex(max(self.country.findData(data.country), 0))
        self.sector.setCurrentIndex(max(self.sector.findData(data.sector), 0))
        self.sizes.set_values(data.employees, data.turnover_eur, data.balance_sheet_eur)
        self.international.setChecked(data.operates_internationally)
        self.website.setText(data.website)
        self.notes.setPlainText(data.notes)
        for contact in data.contacts:
            self.add_contact(contact)

    def company_data(self) -> CompanyData:
        return CompanyData(
            name=" ".join(self.name_edit.text().split()),
            trade_names=tuple(
                line.strip() for line in self.trade_names.toPlainText().splitlines() if line.strip()
            ),
            kvk_number=self.kvk_edit.text().strip() or None,
            foreign_registration=self.foreign_registration.text().strip(),
            sector=self.sector.currentData(),
            country=self.country.currentData(),
            employees=self.employees.value(),
            turnover_eur=self.turnover.value(),
            balance_sheet_eur=self.balance_sheet.value(),
            operates_internationally=self.international.isChecked(),
            website=self.website.text().strip(),
            notes=self.notes.toPlainText().strip(),
            contacts=self.contact_list(),
        )

    # -- validation --------------------------------------------------------------------

    def _connect_validation(self) -> None:
        self.name_edit.textChanged.connect(self._validate)
        self.kvk_edit.textChanged.connect(self._validate)
        for edit in self.sizes.edits:
            edit.value_changed.connect(self._validate)
        self.international.toggled.connect(self._validate)
        self.contacts.itemChanged.connect(self._validate)
        # A field's error shows once the user has left it, never while typing the first time.
        self.name_edit.editingFinished.connect(lambda: self._touch("name"))
        self.kvk_edit.editingFinished.connect(lambda: self._touch("kvk_number"))
        self.employees.editingFinished.connect(lambda: self._touch("employees"))
        self.turnover.editingFinished.connect(lambda: self._touch("turnover_eur"))
        self.balance_sheet.editingFinished.connect(lambda: self._touch("balance_sheet_eur"))
        self.contacts.installEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.contacts and event.type() == QEvent.Type.FocusOut:
            self._touch("contacts")
        return super().eventFilter(watched, event)

    def _messages(self) -> dict[str, str]:
        return {
            "name": self.tr("Enter the company's name."),
            "kvk_number": self.tr("A KvK number has 8 digits."),
            "contacts": self.tr("Every contact person needs a name and a valid e-mail address."),
            "employees": self.tr("Enter a whole number of employees."),
            "turnover_eur": self.tr("Enter the turnover in whole euros."),
            "balance_sheet_eur": self.tr("Enter the balance sheet total in whole euros."),
        }

    def field_errors(self) -> dict[str, str]:
        """What is wrong, by field; empty when the company can be saved."""
        messages = self._messages()
        errors: dict[str, str] = {}
        for field, edit in (
            ("employees", self.employees),
            ("turnover_eur", self.turnover),
            ("balance_sheet_eur", self.balance_sheet),
        ):
            if not edit.is_valid():
                errors[field] = messages[field]
        data = self.company_data()
        # The core names the first wrong field only: each one found is set right in a copy,
        # so every further field gets its own say.
        fixes: dict[str, object] = {"name": "-", "kvk_number": None, "contacts": ()}
        for _round in range(len(fixes) + 1):
            try:
                validate_company(data)
            except ValidationError as error:
                errors.setdefault(error.field, messages.get(error.field, error.reason))
                if error.field not in fixes:
                    break
                data = replace(data, **{error.field: fixes[error.field]})
            else:
                break
        return errors

    @override
    def _validate(self) -> bool:
        errors = self.field_errors()

        def shown(field: str) -> str:
            visible = field in self._touched or self._save_pressed
            return errors.get(field, "") if visible else ""

        for field, widget in (
            ("name", self.name_field),
            ("kvk_number", self.kvk_field),
            ("employees", self.employees_field),
            ("turnover_eur", self.turnover_field),
            ("balance_sheet_eur", self.balance_field),
        ):
            widget.set_error(shown(field))
        # Contacts sit on their own tab: their error shows in the line above the buttons.
        below = [shown("contacts")] if shown("contacts") else []
        self._update_size_class()
        return self.show_errors(below, can_save=not errors)

    def _update_size_class(self) -> None:
        if not self.sizes.is_valid():
            size = SizeClass.UNKNOWN
        else:
            size = size_class(*self.sizes.values(), self.international.isChecked())
        explained = {
            SizeClass.LARGE: self.tr(
                "More than 500 employees and over EUR 20 million balance sheet or EUR 40 "
                "million turnover, operating internationally: the letter's large companies."
            ),
            SizeClass.SME: self.tr("Below the letter's threshold for large companies."),
            SizeClass.UNKNOWN: self.tr(
                "Enter the employees and the turnover or balance sheet total to tell."
            ),
        }[size]
        self.size_text.setText(f"<b>{size_label(size)}</b> – {explained}")
        self.size_class = size

    @override
    def accept(self) -> None:
        self._save_pressed = True
        if self._validate():
            super().accept()
