"""Bringing in last year's activity list: map the sheet's columns, see the rows as they will be
stored, resolve values no list knows, then import all or nothing.

The file is read and every change of mapping, locale or chosen value is re-planned through the
runner (a job with progress and Cancel: a sheet of thousands of rows takes a moment); the
import itself is one more job, after which the list reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.errors import PostkitError
from postkit.core.processes import session_call_with_progress
from postkit.core.spreadsheet_import import cell_text
from postkit.ui.dialogs import error_label, show_error
from postkit.ui.ops import Changes
from postkit.ui.overrides import override
from postkit.ui.widgets.tabs import set_tab_text

if TYPE_CHECKING:
    from postkit.core.activities.spreadsheet_import import (
        ActivityImportPlan,
        CompanyResolver,
        ImportReading,
    )
    from postkit.core.processes import SessionWork
    from postkit.core.spreadsheet_import import ImportSummary, Table
    from postkit.ui.ops import Job, Runner

T = TypeVar("T")

PREVIEW_ROWS = 20
MAX_ERRORS_SHOWN = 200
_LISTS = {
    "core_task": reference.core_tasks,
    "activity_type": reference.activity_types,
    "country": reference.countries,
    "sectors": reference.sectors,
    "themes": reference.themes,
}


class ActivityImportDialog(QDialog):
    """The import of one file; `imported` carries the summary once the rows are stored."""

    imported = Signal(object)  # ImportSummary
    planned = Signal()

    def __init__(
        self,
        runner: Runner,
        path: Path,
        language: str,
        actor: str,
        resolve_company: CompanyResolver | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.path = path
        self.language = language
        self.actor = actor
        self.resolve_company = resolve_company
        self.table: Table | None = None
        self.plan: ActivityImportPlan | None = None
        self.job: Job | None = None
        self._choices: dict[tuple[str, str], str] = {}
        self.setWindowTitle(self.tr("Import activities from {0}").format(path.name))
        self.resize(1000, 680)
        self._build()
        self._read()

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        from postkit.core.activities.spreadsheet_import import FIELDS

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.locale_box = QComboBox(self)
        self.locale_box.addItem(self.tr("Dutch (15-4-2025, 1.234)"), "nl")
        self.locale_box.addItem(self.tr("English (4/15/2025, 1,234)"), "en")
        self.locale_box.setToolTip(self.tr("How dates and numbers typed as text are read"))
        form.addRow(self.tr("Dates and &numbers:"), self.locale_box)
        layout.addLayout(form)

        self.tabs = QTabWidget(self)
        self.mapping_table = QTableWidget(0, 3, self)
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the sheet"), self.tr("First value"), self.tr("Imports as")]
        )
        self._stretch(self.mapping_table)
        self.tabs.addTab(self.mapping_table, self.tr("&Columns"))
        self.preview_table = QTableWidget(0, 0, self)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabs.addTab(self.preview_table, self.tr("&Preview"))
        self.unknown_table = QTableWidget(0, 4, self)
        self.unknown_table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Value"), self.tr("Rows"), self.tr("Use instead")]
        )
        self._stretch(self.unknown_table)
        self.tabs.addTab(self.unknown_table, self.tr("&Unknown values"))
        self.error_list = QListWidget(self)
        self.tabs.addTab(self.error_list, self.tr("&Errors"))
        layout.addWidget(self.tabs, 1)

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.problem_label = error_label(self)
        layout.addWidget(self.problem_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel, Qt.Orientation.Horizontal, self
        )
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._field_labels = [("", self.tr("(not imported)"))] + [
            (item.name, item.label(self.language)) for item in FIELDS
        ]
        self.locale_box.currentIndexChanged.connect(self._replan)

    @staticmethod
    def _stretch(table: QTableWidget) -> None:
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)

    # -- reading and planning ------------------------------------------------------------

    def _read(self) -> None:
        from postkit.core.activities.spreadsheet_import import read_activity_import

        self._run(
            self.tr("Reading {0}…").format(self.path.name),
            session_call_with_progress(read_activity_import, self.path),
            self._show_read,
        )

    def _show_read(self, reading: ImportReading) -> None:
        table, mapping, locale = reading.table, reading.mapping, reading.locale
        self.table = table
        self.locale_box.blockSignals(True)
        self.locale_box.setCurrentIndex(self.locale_box.findData(locale))
        self.locale_box.blockSignals(False)
        self._fill_mapping(table, mapping)
        if reading.remembered:
            self.tabs.setTabToolTip(0, self.tr("The columns as mapped for this layout before"))
        if reading.plan is None:
            self._show_problem(PostkitError(reading.problem))
        else:
            self._show_plan(reading.plan)

    def _fill_mapping(self, table: Table, mapping: dict[str, str]) -> None:
        self.mapping_table.setRowCount(len(table.headers))
        for row, header in enumerate(table.headers):
            self.mapping_table.setItem(row, 0, _item(header))
            first = next((cell_text(r[row]) for r in table.rows if r[row] not in (None, "")), "")
            self.mapping_table.setItem(row, 1, _item(first))
            box = QComboBox(self.mapping_table)
            for name, label in self._field_labels:
                box.addItem(label, name)
            box.setCurrentIndex(max(0, box.findData(mapping.get(header, ""))))
            box.currentIndexChanged.connect(self._replan)
            self.mapping_table.setCellWidget(row, 2, box)

    def mapping(self) -> dict[str, str]:
        """The mapping as the combo boxes say: sheet header -> field name."""
        result: dict[str, str] = {}
        for row in range(self.mapping_table.rowCount()):
            box = self.mapping_table.cellWidget(row, 2)
            assert isinstance(box, QComboBox)
            result[self.mapping_table.item(row, 0).text()] = box.currentData() or ""
        return result

    def mapping_box(self, header: str) -> QComboBox:
        """The choice of field for the sheet column `header` (tests pick in it)."""
        for row in range(self.mapping_table.rowCount()):
            if self.mapping_table.item(row, 0).text() == header:
                box = self.mapping_table.cellWidget(row, 2)
                assert isinstance(box, QComboBox)
                return box
        raise KeyError(header)

    def _replan(self) -> None:
        from postkit.core.activities.spreadsheet_import import plan_activity_import

        if self.table is None:
            return
        work = session_call_with_progress(
            plan_activity_import,
            self.table,
            self.mapping(),
            self.locale_box.currentData(),
            dict(self._choices),
        )
        self._run(self.tr("Checking the rows…"), work, self._show_plan, self._show_problem)

    def _show_problem(self, error: BaseException) -> None:
        """A mapping that cannot be used (a field twice, a required one missing)."""
        if not isinstance(error, PostkitError):
            show_error(self, error)
            return
        self.plan = None
        self.summary_label.setText("")
        self.problem_label.setText(str(error))
        self.import_button.setEnabled(False)
        self.planned.emit()

    def _show_plan(self, plan: ActivityImportPlan) -> None:
        self.plan = plan
        summary = plan.summary
        self.summary_label.setText(self.summary_text(summary))
        self.problem_label.setText(
            self.tr("Correct the sheet, or the mapping, and try again: nothing is imported "
                    "while a row has an error.")
            if summary.with_errors
            else ""
        )  # fmt: skip
        self.import_button.setEnabled(not summary.with_errors and summary.to_add > 0)
        self._fill_preview(plan)
        self._fill_unknown(plan)
        self.error_list.clear()
        for error in summary.errors[:MAX_ERRORS_SHOWN]:
            self.error_list.addItem(str(error))
        set_tab_text(self.tabs, 3, self.tr("&Errors (%n)", "", summary.with_errors))
        set_tab_text(self.tabs, 2, self.tr("&Unknown values (%n)", "", len(plan.unknown)))
        self.planned.emit()

    def summary_text(self, summary: ImportSummary) -> str:
        return self.tr("{0} to add, {1} already present, {2} with errors").format(
            summary.to_add, summary.present, summary.with_errors
        )

    def _fill_preview(self, plan: ActivityImportPlan) -> None:
        headers = [
            self.tr("Row"),
            self.tr("Import"),
            self.tr("Date"),
            self.tr("Core task"),
            self.tr("Title"),
            self.tr("Type"),
            self.tr("Country"),
            self.tr("Sectors"),
            self.tr("Themes"),
            self.tr("Unnamed companies"),
            self.tr("Companies named"),
            self.tr("Participants"),
        ]
        table = self.preview_table
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        rows = plan.rows[:PREVIEW_ROWS]
        table.setRowCount(len(rows))
        language = self.language
        for at, row in enumerate(rows):
            if row.errors:
                status = self.tr("error")
            elif row.is_present:
                status = self.tr("already present")
            else:
                status = self.tr("add")
            values = [str(row.row), status]
            data = row.data
            if data is not None:
                values += [
                    data.start_date.isoformat(),
                    reference.core_task_label(data.core_task, language, short=True),
                    data.title,
                    reference.activity_types().label(data.activity_type, language),
                    reference.countries().label(data.country, language),
                    "; ".join(reference.sectors().label(c, language) for c in data.sectors),
                    "; ".join(reference.themes().label(c, language) for c in data.themes),
                    str(data.unnamed_companies),
                    "; ".join(row.company_names),
                    str(data.participants_total),
                ]
            else:
                values += ["", "", "; ".join(e.message for e in row.errors)]
            for column, value in enumerate(values):
                table.setItem(at, column, _item(value))
        table.resizeColumnsToContents()

    def _fill_unknown(self, plan: ActivityImportPlan) -> None:
        table = self.unknown_table
        table.setRowCount(len(plan.unknown))
        for at, unknown in enumerate(plan.unknown):
            table.setItem(at, 0, _item(unknown.column))
            table.setItem(at, 1, _item(unknown.text))
            shown = ", ".join(str(row) for row in unknown.rows[:12])
            table.setItem(at, 2, _item(shown + (" …" if len(unknown.rows) > 12 else "")))
            box = QComboBox(table)
            box.addItem(self.tr("(leave unknown)"), "")
            for item in _LISTS[unknown.field]().items:
                box.addItem(item.label(self.language), item.code)
            key = (unknown.field, unknown.text)
            box.setCurrentIndex(max(0, box.findData(self._choices.get(key, ""))))
            box.currentIndexChanged.connect(
                lambda _index, key=key, box=box: self._choose(key, box.currentData())
            )
            table.setCellWidget(at, 3, box)

    def unknown_box(self, text: str) -> QComboBox:
        """What to use instead of the unknown value `text` (tests pick in it)."""
        for row in range(self.unknown_table.rowCount()):
            if self.unknown_table.item(row, 1).text() == text:
                box = self.unknown_table.cellWidget(row, 3)
                assert isinstance(box, QComboBox)
                return box
        raise KeyError(text)

    def _choose(self, key: tuple[str, str], code: str) -> None:
        if code:
            self._choices[key] = code
        else:
            self._choices.pop(key, None)
        self._replan()

    # -- importing -----------------------------------------------------------------------

    def _import(self) -> None:
        from postkit.core.activities.spreadsheet_import import apply_activity_import

        plan = self.plan
        if plan is None or plan.summary.with_errors:
            return
        self._run(
            self.tr("Importing activities…"),
            session_call_with_progress(
                apply_activity_import, plan, self.actor, self.resolve_company
            ),
            self._done,
            changes=Changes.of("activities"),
        )

    def _done(self, summary: ImportSummary) -> None:
        self.imported.emit(summary)
        self.accept()

    def _run(
        self,
        label: str,
        work: SessionWork[T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
        changes: Changes | None = None,
    ) -> None:
        if self.job is not None:
            self.job.cancel()
        self.import_button.setEnabled(False)
        # Reading a sheet, checking its rows and storing them hold the interpreter for long:
        # in a process of their own, the GUI thread keeps turning.
        job = self.runner.process_job(
            self, label, work, done, failed=failed or self._failed, changes=changes
        )
        self.job = job
        job.finished.connect(lambda: self._job_finished(job))

    @override
    def done(self, result: int) -> None:
        """Close only once the running job's thread has ended: the job is the dialog's child,
        and a thread deleted while it still runs aborts the process."""
        if self.job is not None:
            self.job.cancel()
            self.job.wait(10000)
        super().done(result)

    def _job_finished(self, job: Job) -> None:
        if self.job is job:
            self.job = None
            if self.table is None:  # the reading was cancelled (or failed): nothing to show
                job.wait(10000)
                self.reject()

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)

    @property
    def is_busy(self) -> bool:
        return self.job is not None


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item
