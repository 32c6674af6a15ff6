"""The activity log's commands: the editor, duplicate and delete with undo, export, report.

Every database call goes through the runner; the undoable ones through `RunnerUndoCommand`,
whose announced changes reload the list (see ActivitiesModule.on_changed).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from postkit.ui.dialogs import confirm, show_error
from postkit.ui.undo import CoreCommand, RunnerUndoCommand

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sqlalchemy.orm import Session

    from postkit.core.activities.records import ActivityRecord
    from postkit.core.followups.records import FollowUpInput
    from postkit.core.processes import SessionWork
    from postkit.core.returns.records import Narrative
    from postkit.ui.activities.editor import ActivityDialog
    from postkit.ui.activities.import_dialog import ActivityImportDialog
    from postkit.ui.activities.list_page import ActivitiesPage
    from postkit.ui.activities.narrative_dialog import NarrativeDialog
    from postkit.ui.module import ModuleContext
    from postkit.ui.ops import Job
    from postkit.ui.widgets.company_picker import CompanySource

T = TypeVar("T")


class ActivityCommands(QObject):
    """What the activity actions run, over the list page; `editor` is the open dialog.

    `busy_changed` fires when an export or report starts or ends (`is_busy`).
    """

    busy_changed = Signal()

    def __init__(self, ctx: ModuleContext, page: ActivitiesPage) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.page = page
        self.editor: ActivityDialog | None = None
        self.import_dialog: ActivityImportDialog | None = None
        self.narrative_dialog: NarrativeDialog | None = None
        self.job: Job | None = None

    @property
    def _window(self) -> QWidget:
        return self.ctx.window

    # -- editing -----------------------------------------------------------------------

    def open_editor(self, activity_id: int | None = None) -> None:
        """Open the editor on a new activity, or on `activity_id` once it has been read."""
        if activity_id is None:
            self._show_editor(None, None)
            return
        from postkit.core.activities.service import get_activity

        def failed(error: BaseException) -> None:
            show_error(self._window, error)
            self.page.reload()

        def read(session: Session) -> tuple[ActivityRecord, list[FollowUpInput]]:
            from postkit.core.followups.service import follow_ups

            actions = [
                f.data
                for f in follow_ups(session, activity_id=activity_id, open_only=True)
                if f.data.kind == "action"
            ]
            return get_activity(session, activity_id), actions

        self.ctx.runner.query(
            read,
            lambda answer: self._show_editor(answer[0], activity_id, answer[1]),
            owner=self,
            failed=failed,
        )

    def _show_editor(
        self,
        record: ActivityRecord | None,
        activity_id: int | None,
        actions: Sequence[FollowUpInput] = (),
    ) -> None:
        from postkit.ui.activities.editor import ActivityDialog

        profile = self.ctx.acting_profile()
        default_country = profile.countries[0] if profile.countries else None
        dialog = ActivityDialog(
            self.ctx.runner.database.files_dir,
            self.ctx.language,
            record,
            default_country,
            self._window,
            actions,
            companies=self._company_source(),
        )
        from postkit.ui.widgets.editor import open_editor

        open_editor(self, dialog, lambda: self._save_from_editor(dialog, activity_id))

    def _company_source(self) -> CompanySource:
        """The register, for the editor's company picker."""
        from postkit.core.companies.service import picker_access
        from postkit.ui.widgets.company_picker import CompanySource

        return CompanySource(self.ctx.runner, *picker_access(self.ctx.acting_profile().user_name))

    def _save_from_editor(self, dialog: ActivityDialog, activity_id: int | None) -> None:
        from postkit.core.activities.commands import CreateActivity, UpdateActivity

        profile = self.ctx.acting_profile()
        data = dialog.activity_input()
        if activity_id is None:
            if not data.post_name:
                data = replace(data, post_name=profile.post_name)
            command: CoreCommand = CreateActivity(data, profile.user_name, dialog.attachments())
            text = self.tr("New activity “{0}”").format(data.title)
        else:
            command = UpdateActivity(activity_id, data, profile.user_name, dialog.attachments())
            text = self.tr("Edit “{0}”").format(data.title)
        actions = dialog.actions()
        if actions or activity_id is not None:
            from postkit.core.followups.commands import WithActions

            command = WithActions(command, actions, profile.user_name)
        self.perform(text, command)

    def edit_selected(self) -> None:
        ids = self.page.selected_ids()
        if len(ids) == 1:
            self.open_editor(ids[0])

    def duplicate_selected(self) -> None:
        from postkit.core.activities.commands import DuplicateActivity

        ids = self.page.selected_ids()
        if len(ids) != 1:
            return
        actor = self.ctx.acting_profile().user_name
        command = DuplicateActivity(ids[0], actor, " " + self.tr("(copy)"))
        self.perform(self.tr("Duplicate activity"), command)

    def delete_selected(self) -> None:
        from postkit.core.activities.commands import DeleteActivities

        ids = self.page.selected_ids()
        if not ids:
            return
        question = self.tr("Delete %n activities? You can undo this with Ctrl+Z.", "", len(ids))
        if not confirm(self._window, self.tr("Delete activities"), question, self.tr("Delete")):
            return
        self.perform(self.tr("Delete %n activities", "", len(ids)), DeleteActivities(ids))

    def perform(self, text: str, command: CoreCommand) -> None:
        """Apply `command` and put it on the undo stack; the list then shows its rows."""

        def failed(error: BaseException) -> None:
            show_error(self._window, error)
            self.page.reload()

        RunnerUndoCommand(
            text, command, self.ctx.runner, "activities", failed, origin=self
        ).perform(self.ctx.undo_stack, failed)

    # -- files -------------------------------------------------------------------------

    def ask_save_path(
        self, kind: str, title: str, suggested_name: str, file_filter: str
    ) -> Path | None:
        return self.ctx.ask_save_path(kind, title, suggested_name, file_filter)

    def ask_report_year(self, years: list[int], title: str | None = None) -> int | None:
        choices = [str(year) for year in years]
        text, ok = QInputDialog.getItem(
            self._window, title or self.tr("Annual report"), self.tr("Year:"), choices, 0, False
        )
        return int(text) if ok else None

    def export_activities(self) -> None:
        activity_filter = self.page.current_filter()
        path = self.ask_save_path(
            "activities-export",
            self.tr("Export activities"),
            "activities.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        from postkit.core.processes import session_call_with_progress

        self._start_job(
            self.tr("Exporting activities…"),
            session_call_with_progress(
                "postkit.core.activities.export:export_activities_xlsx",  # openpyxl: child only
                path,
                activity_filter,
                self.ctx.language,
            ),
            lambda count: self.ctx.status_message(
                self.tr("Exported %n activities to {0}", "", count).format(path)
            ),
        )

    def import_from_spreadsheet(self, path: Path | None = None) -> None:
        """Ask for a workbook (unless given), then map, preview and import it in a dialog."""
        from postkit.core.companies.service import find_or_add_company
        from postkit.ui.activities.import_dialog import ActivityImportDialog
        from postkit.ui.widgets.save_paths import ask_open_path

        if path is None:
            path = ask_open_path(
                self._window,
                "activities-import",
                self.tr("Import activities"),
                self.tr("Excel workbook or CSV (*.xlsx *.xlsm *.csv)"),
            )
        if path is None:
            return
        dialog = ActivityImportDialog(
            self.ctx.runner,
            path,
            self.ctx.language,
            self.ctx.acting_profile().user_name,
            find_or_add_company,
            self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(
            lambda summary: self.ctx.status_message(
                self.tr("Imported %n activities from {0}", "", summary.to_add).format(path.name)
            )
        )
        dialog.finished.connect(self._forget_import)
        self.import_dialog = dialog
        dialog.open()

    def _forget_import(self) -> None:
        self.import_dialog = None

    def write_annual_report(self) -> None:
        """Ask the year among those with activities, then where to write the PDF."""
        from datetime import date

        from postkit.core.activities.listing import activity_years

        post_name = self.ctx.acting_profile().post_name

        def read(session: Session) -> list[int]:
            return activity_years(session, post_name) or [date.today().year]

        self.ctx.runner.query(read, self._write_annual_report, owner=self)

    def _write_annual_report(self, years: list[int]) -> None:
        year = self.ask_report_year(years)
        if year is None:
            return
        path = self.ask_save_path(
            "annual-report",
            self.tr("Annual report"),
            f"imvo-annual-report-{year}.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        from postkit.core.processes import session_call

        self._start_job(
            self.tr("Writing the annual report…"),
            session_call(
                "postkit.core.activities.report:write_annual_report",  # reportlab: child only
                year,
                path,
                self.ctx.language,
                self.ctx.acting_profile(),
            ),
            lambda _none: self.ctx.status_message(
                self.tr("Annual report written to {0}").format(path)
            ),
        )

    def write_annual_return(self) -> None:
        """Ask the year, let the post review its narrative, ask where, then write the return
        for headquarters (the narrative is saved with it)."""
        from datetime import date

        from postkit.core.activities.listing import activity_years

        post_name = self.ctx.acting_profile().post_name

        def read(session: Session) -> list[int]:
            return activity_years(session, post_name) or [date.today().year]

        self.ctx.runner.query(read, self._ask_return_narrative, owner=self)

    def _ask_return_narrative(self, years: list[int]) -> None:
        from postkit.core.returns.service import get_narrative

        year = self.ask_report_year(years, self.tr("Annual return"))
        if year is None:
            return
        self.ctx.runner.query(
            lambda session: get_narrative(session, year),
            self._show_narrative,
            owner=self,
            failed=lambda error: show_error(self._window, error),
        )

    def _show_narrative(self, narrative: Narrative) -> None:
        from postkit.ui.activities.narrative_dialog import NarrativeDialog

        dialog = NarrativeDialog(narrative, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._narrative_written(dialog.narrative()))
        self.narrative_dialog = dialog
        dialog.finished.connect(self._forget_narrative)
        dialog.open()

    def _narrative_written(self, narrative: Narrative) -> None:
        # The file dialog opens once the narrative's dialog has closed, not from its signal.
        QTimer.singleShot(0, self, lambda: self._write_annual_return(narrative))

    def _forget_narrative(self) -> None:
        self.narrative_dialog = None

    def _write_annual_return(self, narrative: Narrative) -> None:
        from postkit.core.returns.format import return_file_name

        profile = self.ctx.acting_profile()
        year = narrative.year
        path = self.ask_save_path(
            "annual-return",
            self.tr("Annual return"),
            return_file_name(profile.post_name, year),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        from postkit.core.processes import session_call

        self._start_job(
            self.tr("Writing the annual return…"),
            session_call(
                "postkit.core.returns.service:write_return_with_narrative",  # openpyxl: child
                narrative,
                profile.user_name,
                path,
            ),
            lambda written: self.ctx.status_message(
                self.tr("Annual return written to {0}").format(written)
            ),
        )

    def _start_job(self, label: str, work: SessionWork[T], done: Callable[[T], None]) -> None:
        # Reports and exports hold the interpreter for seconds: a process of their own.
        self.job = self.ctx.runner.process_job(self._window, label, work, done)
        self.job.finished.connect(self._job_done)
        self.busy_changed.emit()

    def _job_done(self) -> None:
        self.job = None
        self.busy_changed.emit()

    @property
    def is_busy(self) -> bool:
        return self.job is not None
