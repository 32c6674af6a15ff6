"""The dialog to write a good practice or edit one, validated as the user types."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.attachments import AttachmentRecord
from postkit.core.errors import ValidationError
from postkit.core.practices.records import (
    DRAFT,
    PUBLISHED,
    TEXT_FIELDS,
    PracticeInput,
    PracticeRecord,
)
from postkit.core.practices.validation import TITLE_MAX, YEARS, validate_practice
from postkit.ui.practices.labels import LANGUAGE_NAMES, status_label
from postkit.ui.widgets.company_picker import CompanyPicker, CompanySource
from postkit.ui.widgets.editor import EditorDialog, country_box, text_box

_NO_YEAR = YEARS[0] - 1


class PracticeDialog(EditorDialog):
    """Edits one practice; after accept, `practice_input()`, `kept_attachments()` and
    `new_files()` give the result for the page to store."""

    def __init__(
        self,
        files_dir: Path,
        language: str = "en",
        record: PracticeRecord | None = None,
        defaults: PracticeInput | None = None,
        parent: QWidget | None = None,
        companies: CompanySource | None = None,
    ) -> None:
        super().__init__(language, parent, files_dir=files_dir)
        self._companies = companies
        self._company_ids: tuple[int, ...] = ()
        self._record = record
        self.setWindowTitle(
            self.tr("Edit good practice") if record else self.tr("New good practice")
        )
        self.setMinimumSize(700, 600)

        tabs = [
            (self._build_practice_tab(), self.tr("&Practice")),
            (self._build_story_tab(), self.tr("&Story")),
            (self.build_topics_tab(self._language), self.tr("&Themes and sectors")),
            (self._build_files_tab(), self.tr("&Contact and files")),
        ]
        hint = QLabel(
            self.tr("Text fields take Markdown: **bold**, *italic*, lists with - or 1."), self
        )
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.lay_out(tabs, self.tr("Save"), hint)

        if record is not None:
            self._load(record.data)
            self.files.add_stored(record.attachments)
        elif defaults is not None:
            self._load(defaults)
        self._connect_validation()
        self._validate()
        self.title_edit.setFocus()

    # -- building ----------------------------------------------------------------------

    def _build_practice_tab(self) -> QWidget:
        page, form = self.form_tab()
        self.title_edit = QLineEdit(page)
        self.title_edit.setMaxLength(TITLE_MAX)
        self.title_edit.setPlaceholderText(self.tr("What the post did, in a few words"))
        tasks = QVBoxLayout()
        tasks.setSpacing(2)
        self.core_task_boxes: dict[int, QCheckBox] = {}
        for item in reference.core_tasks().items:
            box = QCheckBox(f"{item.code}. {item.label(self._language)}", page)
            self.core_task_boxes[int(item.code)] = box
            tasks.addWidget(box)
        self.post_edit = QLineEdit(page)
        self.post_edit.setPlaceholderText(self.tr("Embassy or consulate"))
        self.country = country_box(page, self._language, self.tr("(none)"))
        self.year = QSpinBox(page)
        self.year.setRange(_NO_YEAR, YEARS[-1])
        self.year.setSpecialValueText(self.tr("(unknown)"))
        self.year.setValue(date.today().year)
        self.language = QComboBox(page)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(self._language), 0))
        self.status = QComboBox(page)
        self.status.addItem(status_label(DRAFT), DRAFT)
        self.status.addItem(status_label(PUBLISHED), PUBLISHED)
        self.status.setToolTip(self.tr("Only published practices go out with “all published”"))
        self.summary = text_box(
            page, 5, self.tr("Two or three sentences other posts see on the card")
        )
        form.addRow(self.tr("T&itle:"), self.title_edit)
        tasks_label = QLabel(self.tr("Core tas&ks:"), page)
        tasks_label.setBuddy(self.core_task_boxes[1])
        form.addRow(tasks_label, tasks)
        form.addRow(self.tr("P&ost:"), self.post_edit)
        form.addRow(self.tr("Cou&ntry:"), self.country)
        form.addRow(self.tr("&Year:"), self.year)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("St&atus:"), self.status)
        form.addRow(self.tr("S&ummary:"), self.summary)
        return page

    def _build_story_tab(self) -> QWidget:
        page, form = self.form_tab()
        self.context = text_box(page, 3, self.tr("The situation and why the post acted"))
        self.what_was_done = text_box(page, 3)
        self.what_worked = text_box(page, 3)
        self.what_did_not = text_box(page, 3)
        self.lessons = text_box(page, 3, self.tr("What another post should know before trying"))
        form.addRow(self.tr("Conte&xt:"), self.context)
        form.addRow(self.tr("What was &done:"), self.what_was_done)
        form.addRow(self.tr("What &worked:"), self.what_worked)
        form.addRow(self.tr("What did &not work:"), self.what_did_not)
        form.addRow(self.tr("L&essons for other posts:"), self.lessons)
        return page

    def _build_files_tab(self) -> QWidget:
        page, form = self.form_tab()
        self.contact = text_box(page, 3, self.tr("Optional: who to ask at the post"))
        self.company_picker = CompanyPicker(self._companies, page) if self._companies else None
        form.addRow(self.tr("Con&tact:"), self.contact)
        if self.company_picker is not None:
            form.addRow(self.tr("Companies in&volved:"), self.company_picker)
        form.addRow(self.tr("Tools and templates:"), self.files_field(page))
        return page

    # -- loading and reading -----------------------------------------------------------

    def _load(self, data: PracticeInput) -> None:
        self.title_edit.setText(data.title)
        for task, box in self.core_task_boxes.items():
            box.setChecked(task in data.core_tasks)
        self.post_edit.setText(data.post_name)
        self.select_country(data.country)
        self.year.setValue(data.year if data.year is not None else _NO_YEAR)
        self.language.setCurrentIndex(max(self.language.findData(data.language), 0))
        self.status.setCurrentIndex(max(self.status.findData(data.status), 0))
        for name in TEXT_FIELDS:
            getattr(self, name).setPlainText(getattr(data, name))
        self.themes.set_checked_codes(data.themes)
        self.sectors.set_checked_codes(data.sectors)
        # PracticeInput.company_ids arrives with the register's links (issue 16).
        self._company_ids = tuple(getattr(data, "company_ids", ()))
        if self.company_picker is not None:
            self.company_picker.set_ids(self._company_ids)

    def company_ids(self) -> tuple[int, ...]:
        """The companies involved (as loaded when the register is not at hand)."""
        return self.company_picker.ids() if self.company_picker else self._company_ids

    def practice_input(self) -> PracticeInput:
        return replace(self._typed_input(), company_ids=self.company_ids())

    def _typed_input(self) -> PracticeInput:
        year = self.year.value()
        return PracticeInput(
            title=self.title_edit.text().strip(),
            core_tasks=tuple(t for t, box in self.core_task_boxes.items() if box.isChecked()),
            post_name=self.post_edit.text().strip(),
            country=self.country.currentData(),
            year=None if year == _NO_YEAR else year,
            summary=self.summary.toPlainText().strip(),
            context=self.context.toPlainText().strip(),
            what_was_done=self.what_was_done.toPlainText().strip(),
            what_worked=self.what_worked.toPlainText().strip(),
            what_did_not=self.what_did_not.toPlainText().strip(),
            lessons=self.lessons.toPlainText().strip(),
            contact=self.contact.toPlainText().strip(),
            language=self.language.currentData(),
            status=self.status.currentData(),
            themes=self.themes.checked_codes(),
            sectors=self.sectors.checked_codes(),
        )

    def kept_attachments(self) -> list[AttachmentRecord]:
        return self.files.kept()

    def new_files(self) -> list[Path]:
        return self.files.new_files()

    # -- validation --------------------------------------------------------------------

    def _connect_validation(self) -> None:
        self.title_edit.textChanged.connect(self._validate)
        for box in self.core_task_boxes.values():
            box.toggled.connect(self._validate)
        self.post_edit.textChanged.connect(self._validate)

    def _field_messages(self) -> dict[str, str]:
        return {
            "title": self.tr("Give the practice a title."),
            "core_tasks": self.tr("Tick at least one core task."),
        }

    def _validate(self) -> bool:
        try:
            validate_practice(self.practice_input())
        except ValidationError as error:
            message = self._field_messages().get(error.field, str(error))
            return self.show_errors([message], can_save=False)
        return self.show_errors([], can_save=True)

    def accept(self) -> None:
        if not self._validate():
            return
        if self.company_picker is not None and self.company_picker.pending_names():
            # New companies go into the register now, as the practice is saved; then again.
            self.company_picker.create_pending(self.accept)
            return
        super().accept()
