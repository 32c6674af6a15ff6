"""The dialog to log a new activity or edit one, validated as the user types."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from postkit.core import reference
from postkit.core.activities.records import ActivityInput, ActivityRecord
from postkit.core.activities.validation import validate_activity
from postkit.core.attachments import AttachmentRecord, store_attachment
from postkit.core.errors import PostkitError, ValidationError
from postkit.core.followups.records import FollowUpInput, FollowUpKind
from postkit.ui.overrides import override
from postkit.ui.widgets.company_picker import CompanyPicker, CompanySource
from postkit.ui.widgets.date_edit import DateEdit, OptionalDate
from postkit.ui.widgets.editor import EditorDialog, country_box, text_box
from postkit.ui.widgets.follow_up_table import FollowUpTable

_MAX_COUNT = 1_000_000


def _spin_box(parent: QWidget) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(0, _MAX_COUNT)
    box.setGroupSeparatorShown(True)
    return box


class ActivityDialog(EditorDialog):
    """Edits the fields of one activity; `activity_input()` and `attachments()` give the result."""

    def __init__(
        self,
        files_dir: Path,
        language: str = "en",
        record: ActivityRecord | None = None,
        default_country: str | None = None,
        parent: QWidget | None = None,
        actions: Sequence[FollowUpInput] = (),
        companies: CompanySource | None = None,
    ) -> None:
        super().__init__(language, parent, files_dir=files_dir)
        self._companies = companies
        self._record = record
        self._stored_attachments: tuple[AttachmentRecord, ...] = ()
        self._save_pressed = False
        self.setWindowTitle(self.tr("Edit activity") if record else self.tr("New activity"))
        self.setMinimumSize(640, 560)

        self.lay_out(
            [
                (self._build_general_tab(), self.tr("&Activity")),
                (self.build_topics_tab(self._language), self.tr("&Themes and sectors")),
                (self._build_reach_tab(), self.tr("&Reach")),
                (self._build_outcome_tab(), self.tr("&Outcome and files")),
            ],
            self.tr("Save"),
        )

        # Due dates and owners of the follow-up lines already planned as actions.
        self.actions_table.preset({a.description: (a.due_on, a.owner) for a in actions})
        if record is not None:
            self._load(record)
        else:
            # A new activity dated ahead is planned, until the user picks its status.
            self.start_date.dateChanged.connect(self._status_from_date)
            self.status.activated.connect(
                lambda _i: self.start_date.dateChanged.disconnect(self._status_from_date)
            )
            self.start_date.setDate(QDate.currentDate())
            self.select_country(default_country)
        self._connect_validation()
        self._validate()
        self.title_edit.setFocus()

    # -- building ----------------------------------------------------------------------

    def _build_general_tab(self) -> QWidget:
        page, form = self.form_tab()
        self.core_task = QComboBox(page)
        self.core_task.setPlaceholderText(self.tr("Choose a core task…"))
        for item in reference.core_tasks().items:
            self.core_task.addItem(f"{item.code}. {item.label(self._language)}", int(item.code))
        self.core_task.setCurrentIndex(-1)
        self.title_edit = QLineEdit(page)
        self.title_edit.setMaxLength(300)
        self.title_edit.setPlaceholderText(self.tr("What was done, in a few words"))
        self.start_date = DateEdit(page)
        self.has_end_date = QCheckBox(self.tr("Lasted more than one day, until"), page)
        self.end_date = DateEdit(page, placeholder="")
        OptionalDate(self.has_end_date, self.end_date, self.start_date, days_after=1)
        dates = QHBoxLayout()
        dates.addWidget(self.start_date)
        dates.addWidget(self.has_end_date)
        dates.addWidget(self.end_date)
        dates.addStretch()
        self.activity_type = QComboBox(page)
        for item in reference.activity_types().items:
            self.activity_type.addItem(item.label(self._language), item.code)
        self.status = QComboBox(page)
        for item in reference.activity_statuses().items:
            self.status.addItem(item.label(self._language), item.code)
        self.status.setCurrentIndex(self.status.findData("done"))
        self.country = country_box(page, self._language, self.tr("(none)"))
        self.description = text_box(page, 6)
        form.addRow(self.tr("Core &task:"), self.core_task)
        form.addRow(self.tr("T&itle:"), self.title_edit)
        date_label = QLabel(self.tr("&Date:"), page)
        date_label.setBuddy(self.start_date)
        form.addRow(date_label, dates)
        form.addRow(self.tr("T&ype:"), self.activity_type)
        form.addRow(self.tr("&Status:"), self.status)
        form.addRow(self.tr("&Country:"), self.country)
        form.addRow(self.tr("D&escription:"), self.description)
        return page

    def _build_reach_tab(self) -> QWidget:
        page, form = self.form_tab()
        self.partners = text_box(page, 3, grows=False)
        self.partners.setPlaceholderText(self.tr("Partners and stakeholders, separated by ;"))
        # The register's companies reached, picked by name (when the register is at hand).
        self.company_picker = CompanyPicker(self._companies, page) if self._companies else None
        self.companies = _spin_box(page)
        self.companies.setToolTip(self.tr("Companies reached whose names were not recorded"))
        self.women = _spin_box(page)
        self.men = _spin_box(page)
        self.other = _spin_box(page)
        self.participants_total = QLabel(page)
        # A label is as tall as the form gives it; top-aligned it stays on its row's line.
        self.participants_total.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for box in (self.women, self.men, self.other):
            box.valueChanged.connect(self._update_total)
        form.addRow(self.tr("&Partners and stakeholders:"), self.partners)
        if self.company_picker is not None:
            form.addRow(self.tr("&Companies reached:"), self.company_picker)
        form.addRow(self.tr("Ot&her (unnamed) companies:"), self.companies)
        form.addRow(self.tr("Participants – &women:"), self.women)
        form.addRow(self.tr("Participants – &men:"), self.men)
        form.addRow(self.tr("Participants – other or &unknown:"), self.other)
        form.addRow(self.tr("Participants in all:"), self.participants_total)
        self._update_total()
        return page

    def _build_outcome_tab(self) -> QWidget:
        page, form = self.form_tab()
        self.outcome = text_box(page, 3, grows=False)
        self.follow_up = text_box(page, 3, grows=False)
        self.links = text_box(page, 2, grows=False)
        self.links.setPlaceholderText(self.tr("One web address per line"))
        self.files_field(page).setMaximumHeight(150)
        form.addRow(self.tr("O&utcome:"), self.outcome)
        form.addRow(self.tr("&Follow-up:"), self.follow_up)
        # Lines of the follow-up given a due date are followed up in the follow-up view.
        self.actions_table = FollowUpTable(
            self.tr("Action"), self.tr("Due date and owner of each follow-up action"), page
        )
        self.actions_table.setToolTip(
            self.tr("Give a line of the follow-up a due date to see it in the follow-up view")
        )
        self.actions_table.hide()
        self.follow_up.textChanged.connect(self._sync_actions)
        form.addRow("", self.actions_table)
        form.addRow(self.tr("&Links:"), self.links)
        form.addRow(self.tr("Files:"), self.files)
        return page

    # -- loading and reading -----------------------------------------------------------

    def _load(self, record: ActivityRecord) -> None:
        data = record.data
        self.core_task.setCurrentIndex(self.core_task.findData(data.core_task))
        self.title_edit.setText(data.title)
        self.start_date.setDate(QDate(data.start_date))
        self.has_end_date.setChecked(data.end_date is not None)
        if data.end_date is not None:
            self.end_date.setDate(QDate(data.end_date))
        self.activity_type.setCurrentIndex(self.activity_type.findData(data.activity_type))
        self.status.setCurrentIndex(self.status.findData(data.status))
        self.select_country(data.country)
        self.description.setPlainText(data.description)
        self.themes.set_checked_codes(data.themes)
        self.sectors.set_checked_codes(data.sectors)
        self.partners.setPlainText(data.partners)
        self.companies.setValue(data.unnamed_companies)
        if self.company_picker is not None:
            self.company_picker.set_ids(data.company_ids)
        self.women.setValue(data.participants_women)
        self.men.setValue(data.participants_men)
        self.other.setValue(data.participants_other)
        self.outcome.setPlainText(data.outcome)
        self.follow_up.setPlainText(data.follow_up)
        self.links.setPlainText("\n".join(data.links))
        self.files.add_stored(record.attachments)

    def activity_input(self) -> ActivityInput:
        task = self.core_task.currentData()
        # An unreadable date keeps the dialog from saving (field_errors), so today stands in.
        start = self.start_date.value() or date.today()
        end = (self.end_date.value() or start) if self.has_end_date.isChecked() else None
        return ActivityInput(
            core_task=int(task) if task is not None else 0,
            title=self.title_edit.text(),
            start_date=start,
            end_date=end,
            activity_type=self.activity_type.currentData(),
            description=self.description.toPlainText().strip(),
            country=self.country.currentData(),
            sectors=self.sectors.checked_codes(),
            themes=self.themes.checked_codes(),
            partners=self.partners.toPlainText().strip(),
            unnamed_companies=self.companies.value(),
            company_ids=self._company_ids(),
            participants_women=self.women.value(),
            participants_men=self.men.value(),
            participants_other=self.other.value(),
            outcome=self.outcome.toPlainText().strip(),
            follow_up=self.follow_up.toPlainText().strip(),
            links=tuple(line for line in self.links.toPlainText().splitlines() if line.strip()),
            post_name=self._record.data.post_name if self._record else "",
            status=self.status.currentData(),
        )

    def actions(self) -> list[FollowUpInput]:
        """The follow-up lines given a due date: the activity's follow-up actions."""
        return [
            FollowUpInput(FollowUpKind.ACTION.value, text, due, owner)
            for text, due, owner in self.actions_table.lines()
            if due is not None
        ]

    def _status_from_date(self, day: QDate) -> None:
        ahead = day.isValid() and day > QDate.currentDate()
        self.status.setCurrentIndex(self.status.findData("planned" if ahead else "done"))

    def _sync_actions(self) -> None:
        lines = [line.strip() for line in self.follow_up.toPlainText().splitlines()]
        self.actions_table.set_lines([line for line in lines if line], None, "")
        self.actions_table.setVisible(self.actions_table.rowCount() > 0)

    def _company_ids(self) -> tuple[int, ...]:
        if self.company_picker is not None:
            return self.company_picker.ids()
        # Without the register at hand the links stay as they were.
        return self._record.data.company_ids if self._record else ()

    def attachments(self) -> tuple[AttachmentRecord, ...]:
        """The attached files, new ones copied into the files folder (valid after accept)."""
        return self._stored_attachments

    # -- validation --------------------------------------------------------------------

    def _connect_validation(self) -> None:
        self.core_task.currentIndexChanged.connect(self._validate)
        self.title_edit.textChanged.connect(self._validate)
        self.start_date.dateChanged.connect(self._validate)
        self.end_date.dateChanged.connect(self._validate)
        self.has_end_date.toggled.connect(self._validate)
        self.links.textChanged.connect(self._validate)
        self.actions_table.edited.connect(lambda: self._touch("follow_up"))
        # A field's error shows once the user has left it (or picked in it), never before.
        self.core_task.activated.connect(lambda _index: self._touch("core_task"))
        self.title_edit.editingFinished.connect(lambda: self._touch("title"))
        self.start_date.editingFinished.connect(lambda: self._touch("start_date"))
        self.end_date.editingFinished.connect(lambda: self._touch("end_date"))
        self.has_end_date.toggled.connect(lambda _checked: self._touch("end_date"))
        self.links.installEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.links and event.type() == QEvent.Type.FocusOut:
            self._touch("links")
        return super().eventFilter(watched, event)

    def _field_messages(self) -> dict[str, str]:
        return {
            "core_task": self.tr("Choose the core task this activity belongs to."),
            "title": self.tr("Give the activity a title."),
            "end_date": self.tr("The end date lies before the start date."),
            "links": self.tr("Each line under Links must be a web address (https://…)."),
        }

    def field_errors(self) -> dict[str, str]:
        """What is wrong, by field, in the order of the form; empty when it can be saved."""
        errors: dict[str, str] = {}
        example = self.start_date.format_date(QDate(2027, 4, 15))
        for field, edit in (("start_date", self.start_date), ("end_date", self.end_date)):
            if field == "end_date" and not self.has_end_date.isChecked():
                continue
            if edit.value() is None:
                errors[field] = self.tr("Type the date as {0}.").format(example)
        data = self.activity_input()
        messages = self._field_messages()
        # The core names the first wrong field only; fields found wrong are set right in a
        # copy so that each further field gets its own say.
        fixes: dict[str, object] = {"core_task": 1, "title": "-", "end_date": None, "links": ()}
        for _round in range(len(fixes) + 1):
            try:
                validate_activity(data)
            except ValidationError as error:
                errors.setdefault(error.field, messages.get(error.field, str(error)))
                if error.field not in fixes:
                    break
                data = replace(data, **{error.field: fixes[error.field]})
            else:
                break
        if not self.actions_table.all_due_dates_readable(required=False):
            errors["follow_up"] = self.tr("Type each follow-up action's due date as {0}.").format(
                example
            )
        return errors

    @override
    def _validate(self) -> bool:
        errors = self.field_errors()
        shown = [
            text for field, text in errors.items() if field in self._touched or self._save_pressed
        ]
        return self.show_errors(shown, can_save=not errors)

    def _update_total(self) -> None:
        total = self.women.value() + self.men.value() + self.other.value()
        self.participants_total.setText(f"{total:n}")

    # -- files -------------------------------------------------------------------------

    def accept(self) -> None:
        self._save_pressed = True
        if not self._validate():
            return
        if self.company_picker is not None and self.company_picker.pending_names():
            # New companies go into the register now, as the activity is saved; then again.
            self.company_picker.create_pending(self.accept)
            return
        assert self._files_dir is not None
        stored: list[AttachmentRecord] = []
        try:
            for payload in self.files.attachments():
                if isinstance(payload, Path):
                    payload = store_attachment(self._files_dir, payload)
                stored.append(payload)
        except PostkitError as error:
            self.tabs.setCurrentIndex(3)
            self.error_label.setText(str(error))
            return
        self._stored_attachments = tuple(stored)
        super().accept()
