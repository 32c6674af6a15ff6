"""The surveys page: the post's survey forms, their responses, and a form being filled in."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from postkit.core.errors import ValidationError
from postkit.core.profile import PostProfile, post_region
from postkit.core.surveys.engine import FormSession
from postkit.core.surveys.export_plan import ExportPlan, plan_export
from postkit.core.surveys.files import store_survey_file
from postkit.core.surveys.forms import Form
from postkit.core.surveys.service import (
    DRAFT,
    FormInfo,
    ResponseInfo,
    discard_draft,
    ensure_shipped_forms,
    import_form,
    load_definition,
    profile_answers,
    save_draft,
    session_metadata,
    set_language,
    start_response,
    submit_response,
)
from postkit.ui.dialogs import confirm, show_error
from postkit.ui.ops import Changes, Job
from postkit.ui.overrides import override
from postkit.ui.surveys.dialogs import ProblemsDialog, StartChoice, StartResponseDialog
from postkit.ui.surveys.form_view import FormView
from postkit.ui.surveys.ops import (
    FormList,
    FormResponses,
    OpenedResponse,
    counts,
    read_all_drafts,
    read_form_list,
    read_form_responses,
    read_response,
)
from postkit.ui.surveys.receipts_view import ReceiptsView
from postkit.ui.widgets.page import ModulePage
from postkit.ui.widgets.save_paths import ask_open_path, ask_save_path
from postkit.ui.widgets.tones import set_tone

if TYPE_CHECKING:
    from collections.abc import Callable

    from postkit.core.processes import SessionWork
    from postkit.core.surveys.xlsform import Problem

T = TypeVar("T")

_ID = Qt.ItemDataRole.UserRole
_LISTED_DRAFTS = 5  # drafts named in the export's confirmation; more are counted
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
SURVEY_FORM_KIND = "survey-forms"  # the folders remembered for the file questions
RESPONSES_KIND = "survey-responses"


def local_time(moment: datetime) -> str:
    """A stored UTC moment as the user's clock and language write it."""
    local = QDateTime(moment.astimezone().replace(tzinfo=None))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


class SurveysPage(ModulePage):
    """Lists the survey forms and the post's responses; runs a form in a FormView.

    Everything it reads or writes goes through the runner, off the GUI thread.
    `status_message` carries a sentence for the status bar; `state_changed` fires when what the
    main window's survey actions can do changed (selection, a form opened or closed, a job);
    `selection_changed` when another form or response is selected; `changed` once the lists
    show data changed here or elsewhere.
    """

    @override
    def build(self) -> None:
        runner, profile = self.runner, self._profile
        self._database = runner.database
        self.forms: list[FormInfo] = []
        self.view: FormView | None = None
        self.response_id: int | None = None
        self._fixed: dict[str, object] = {}  # the open response's answers from the profile
        self.job: Job | None = None
        self._has_offered_draft = False
        self._drafts_of_selected: list[ResponseInfo] = []

        self.stack = QStackedWidget(self)
        self.overview = self._build_overview()
        self.stack.addWidget(self.overview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        user = profile.user_name
        runner.changed.connect(self._data_changed)
        # The page lists what is there even when a shipped form could not be added.
        runner.write(
            lambda session: ensure_shipped_forms(session, user),
            changes=None,
            owner=self,
            failed=lambda error: show_error(self, error),
        )
        self.reload()

    @property
    def actor(self) -> str:
        return self._profile.user_name

    def set_profile(self, profile: PostProfile) -> None:
        """Act as `profile` from now on (after Switch user or an edited profile)."""
        self._profile = profile
        self.receipts_view.set_profile(profile)

    # -- building ------------------------------------------------------------------------

    def _build_overview(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(self.tr("Surveys"), page)
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.import_button = QPushButton(self.tr("&Import a survey…"), page)
        self.import_button.setToolTip(self.tr("Add a survey form from an XLSForm workbook (.xlsx)"))
        self.import_button.clicked.connect(self.import_survey)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.import_button)

        self.banner = QLabel(page)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel#banner { background: #e6f4ea; border: 1px solid #a8d5b5; border-radius: 6px;"
            " padding: 8px 12px; color: #1b5e20; }"
        )
        self.banner.hide()

        self.form_list = QTreeWidget(page)
        self.form_list.setAccessibleName(self.tr("Survey forms"))
        self.form_list.setHeaderLabels(
            [self.tr("Survey"), self.tr("Version"), self.tr("Submitted"), self.tr("Drafts")]
        )
        self.form_list.setRootIsDecorated(False)
        self.form_list.setAlternatingRowColors(True)
        self.form_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.form_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.form_list.currentItemChanged.connect(self._form_selected)

        self.empty_label = QLabel(page)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setText(
            self.tr(
                "<h3>No surveys yet</h3><p>Add a survey form headquarters sent you with "
                "<b>Import a survey…</b> (an XLSForm workbook, .xlsx).</p>"
            )
        )

        details = QWidget(page)
        self.form_title = QLabel(details)
        self.form_title.setWordWrap(True)
        self.form_title.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.form_meta = QLabel(details)
        self.form_meta.setWordWrap(True)
        set_tone(self.form_meta, "muted")
        # Alt+S and Alt+E open the Screening and Edit menus: the buttons take other letters.
        self.start_button = QPushButton(self.tr("S&tart a response…"), details)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start_new_response)
        self.continue_button = QPushButton(self.tr("&Continue draft"), details)
        self.continue_button.clicked.connect(self.continue_draft)
        self.discard_button = QPushButton(self.tr("&Discard draft…"), details)
        self.discard_button.clicked.connect(self.discard_selected_draft)
        self.export_button = QPushButton(self.tr("E&xport responses…"), details)
        self.export_button.setToolTip(
            self.tr("Write the post's submitted responses to .xlsx or .csv for headquarters")
        )
        self.export_button.clicked.connect(self.export_responses)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.continue_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.export_button)

        self.response_list = QTreeWidget(details)
        self.response_list.setAccessibleName(self.tr("Responses"))
        self.response_list.setHeaderLabels(
            [
                self.tr("Respondent"),
                self.tr("Status"),
                self.tr("Language"),
                self.tr("Started"),
                self.tr("Last change"),
            ]
        )
        self.response_list.setRootIsDecorated(False)
        self.response_list.setAlternatingRowColors(True)
        self.response_list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.response_list.header().setStretchLastSection(True)
        self.response_list.currentItemChanged.connect(self._update_buttons)
        self.response_list.itemActivated.connect(self._response_activated)
        self.no_responses = QLabel(
            self.tr("No responses yet. Each respondent starts their own with Start a response."),
            details,
        )
        self.no_responses.setWordWrap(True)
        set_tone(self.no_responses, "muted", css="padding: 12px;")
        self.responses_stack = QStackedWidget(details)
        self.responses_stack.addWidget(self.response_list)
        self.responses_stack.addWidget(self.no_responses)

        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 6, 0, 0)
        details_layout.addWidget(self.form_title)
        details_layout.addWidget(self.form_meta)
        details_layout.addLayout(buttons)
        details_layout.addWidget(self.responses_stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, page)
        self.splitter.addWidget(self.form_list)
        self.splitter.addWidget(details)
        self.receipts_view = ReceiptsView(self.runner, self._profile, page)
        self.receipts_view.status_message.connect(self.status_message)
        self.splitter.addWidget(self.receipts_view)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([150, 450, 150])
        for tree in (self.form_list, self.response_list):
            tree.setStyleSheet("QTreeView::item { padding: 4px 8px 4px 0; }")
        self.content = QStackedWidget(page)
        self.content.addWidget(self.splitter)
        self.content.addWidget(self.empty_label)

        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.content, 1)
        return page

    # -- the list ------------------------------------------------------------------------

    def reload(self, select_form: int | None = None) -> None:
        """Read the forms and responses again, keeping (or moving) the selection."""
        keep = select_form if select_form is not None else self.selected_form_id()
        self.runner.query(
            read_form_list,
            lambda forms: self._show_forms(forms, keep),
            owner=self,
            key=f"survey-forms-{id(self)}",
        )

    def _data_changed(self, changes: Changes) -> None:
        if changes.origin is not self and changes.touches("forms", "responses"):
            self.reload()

    def _show_forms(self, listed: FormList, keep: int | None) -> None:
        forms, counted = listed
        # A version replaced by a newer one is listed only while it holds responses here: it
        # is imported so that older exports can still be read, not to be filled in.
        newest = {info.form_id: info.id for info in reversed(forms)}
        self.forms = [
            info for info in forms if newest[info.form_id] == info.id or any(counted[info.id])
        ]
        self.form_list.blockSignals(True)
        self.form_list.clear()
        for info in self.forms:
            submitted, drafts = counted[info.id]
            item = QTreeWidgetItem(
                [info.title_in(self._language), info.version, str(submitted), str(drafts)]
            )
            item.setData(0, _ID, info.id)
            item.setToolTip(0, f"{info.form_id} · {info.file_name}")
            for column in (2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.form_list.addTopLevelItem(item)
        self.form_list.blockSignals(False)
        self.content.setCurrentWidget(self.splitter if self.forms else self.empty_label)
        ids = [info.id for info in self.forms]
        self.select_form(keep if keep in ids else (ids[0] if ids else None))
        self.changed.emit()

    def select_form(self, form_pk: int | None) -> None:
        for row in range(self.form_list.topLevelItemCount()):
            item = self.form_list.topLevelItem(row)
            if item.data(0, _ID) == form_pk:
                self.form_list.setCurrentItem(item)
                break
        self._form_selected()

    def selected_form_id(self) -> int | None:
        item = self.form_list.currentItem()
        return item.data(0, _ID) if item is not None else None

    def selected_form(self) -> FormInfo | None:
        form_pk = self.selected_form_id()
        return next((info for info in self.forms if info.id == form_pk), None)

    def _form_selected(self) -> None:
        info = self.selected_form()
        self.response_list.clear()
        self._drafts_of_selected = []
        self.selection_changed.emit()
        if info is None:
            self.form_title.setText("")
            self.form_meta.setText("")
            self._update_buttons()
            return
        form_pk = info.id
        self.runner.query(
            lambda session: read_form_responses(session, form_pk),
            self._show_responses,
            owner=self,
            key=f"survey-responses-{id(self)}",
        )

    def _show_responses(self, read: FormResponses) -> None:
        info = self.selected_form()
        if info is None or info.id != read.form_pk:
            return  # another form was selected meanwhile; its answer follows
        responses = read.responses
        self._drafts_of_selected = read.drafts
        self.response_list.clear()
        self.form_title.setText(info.title_in(self._language))
        submitted, drafts = counts(responses)
        self.form_meta.setText(
            self.tr(
                "{form_id}, version {version} · imported {when} · submitted: {submitted} · "
                "drafts: {drafts}"
            ).format(
                form_id=info.form_id,
                version=info.version,
                when=local_time(info.imported_at),
                submitted=submitted,
                drafts=drafts,
            )
        )
        for response in reversed(responses):
            item = QTreeWidgetItem(
                [
                    response.title or response.respondent or self.tr("Anonymous"),
                    self.tr("Submitted") if response.is_submitted else self.tr("Draft"),
                    LANGUAGE_NAMES.get(response.language, response.language),
                    local_time(response.started_at),
                    local_time(response.submitted_at or response.updated_at),
                ]
            )
            item.setData(0, _ID, response.id)
            item.setData(1, _ID, response.status)
            if not response.is_submitted:
                font = item.font(1)
                font.setBold(True)
                item.setFont(1, font)
            self.response_list.addTopLevelItem(item)
        self.responses_stack.setCurrentWidget(
            self.response_list if responses else self.no_responses
        )
        self._update_buttons()

    def selected_response(self) -> tuple[int, str] | None:
        """The (id, status) of the response selected in the list."""
        item = self.response_list.currentItem()
        if item is None:
            return None
        return item.data(0, _ID), item.data(1, _ID)

    def _response_activated(self, item: QTreeWidgetItem) -> None:
        if item.data(1, _ID) == DRAFT:
            self.open_response(item.data(0, _ID))

    # -- state for the main window -------------------------------------------------------

    @property
    def is_filling_in(self) -> bool:
        return self.view is not None

    @property
    def can_start(self) -> bool:
        return self.selected_form() is not None and not self.is_filling_in

    @property
    def can_continue(self) -> bool:
        form_pk = self.selected_form_id()
        return form_pk is not None and not self.is_filling_in and bool(self._drafts_of_selected)

    @property
    def can_export(self) -> bool:
        return self.selected_form() is not None and self.job is None

    @property
    def is_busy(self) -> bool:
        """A survey is being imported or responses exported."""
        return self.job is not None

    def choose_receipts(self) -> None:
        """Ask for headquarters' receipt files and import them."""
        self.receipts_view.choose_receipts()

    def reload_receipts(self) -> None:
        """Show the receipts again (after headquarters' key was stored)."""
        self.receipts_view.reload()

    def _update_buttons(self) -> None:
        has_form = self.selected_form() is not None
        selected = self.selected_response()
        self.start_button.setEnabled(has_form)
        self.continue_button.setEnabled(self.can_continue)
        self.discard_button.setEnabled(selected is not None and selected[1] == DRAFT)
        self.export_button.setEnabled(self.can_export)
        self.import_button.setEnabled(self.job is None)
        self.state_changed.emit()

    # -- starting and continuing ---------------------------------------------------------

    def ask_continue_draft(self, draft: ResponseInfo, starting: bool) -> bool | None:
        """Whether to continue a draft: True, False (start anew / not now), None (cancel)."""
        who = draft.respondent or self.tr("an anonymous respondent")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Continue the draft?"),
            self.tr("Continue your draft from {0}?").format(local_time(draft.updated_at)),
            parent=self,
        )
        box.setInformativeText(self.tr("It was started by {0}.").format(who))
        yes = box.addButton(self.tr("Continue draft"), QMessageBox.ButtonRole.AcceptRole)
        if starting:
            no = box.addButton(self.tr("Start a new response"), QMessageBox.ButtonRole.NoRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
        else:
            no = box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.exec()
        clicked = box.clickedButton()
        return True if clicked is yes else False if clicked is no else None

    def ask_start(self, info: FormInfo, form: Form) -> StartChoice | None:
        """Who answers `form` and in which language; None when the user cancels."""
        languages = {code: form.language_names.get(code, code) for code in form.languages}
        language = self._language if self._language in languages else form.default_language
        dialog = StartResponseDialog(info.title_in(self._language), languages, language, self)
        if dialog.exec() != StartResponseDialog.DialogCode.Accepted:
            return None
        return dialog.start_choice()

    def start_new_response(self) -> None:
        """Start a response to the selected form, offering the latest draft first."""
        info = self.selected_form()
        if info is None or self.is_filling_in:
            return
        self.banner.hide()
        form_pk = info.id
        self.runner.query(
            lambda session: read_form_responses(session, form_pk).drafts,
            lambda drafts: self._start_after_drafts(info, drafts),
            owner=self,
        )

    def _start_after_drafts(self, info: FormInfo, drafts: list[ResponseInfo]) -> None:
        if drafts:
            answer = self.ask_continue_draft(drafts[0], starting=True)
            if answer is None:
                return
            if answer:
                self.open_response(drafts[0].id)
                return
        form_pk = info.id
        self.runner.query(
            lambda session: load_definition(session, form_pk),
            lambda form: self._start_in(info, form),
            owner=self,
        )

    def _start_in(self, info: FormInfo, form: Form) -> None:
        choice = self.ask_start(info, form)
        if choice is None:
            return
        post, region = self._profile.post_name, post_region(self._profile)
        metadata = session_metadata(self.actor)
        self.runner.write(
            lambda session: (
                start_response(
                    session,
                    info.id,
                    post,
                    choice.language,
                    choice.is_anonymous,
                    choice.respondent,
                    region=region,
                    metadata=metadata,
                ).id
            ),
            self.open_response,
            changes=Changes.of("responses", origin=self),
            owner=self,
        )

    def continue_draft(self) -> None:
        """Open the draft selected in the list, else the selected form's latest draft."""
        selected = self.selected_response()
        if selected is not None and selected[1] == DRAFT:
            self.open_response(selected[0])
            return
        if self._drafts_of_selected:
            self.open_response(self._drafts_of_selected[0].id)

    def offer_draft(self) -> None:
        """Ask to continue the most recent draft of any form (once the forms are read)."""
        if self.is_filling_in:
            return
        self.runner.query(read_all_drafts, self._offer, owner=self)

    def _offer(self, drafts: list[ResponseInfo]) -> None:
        if not drafts or self.is_filling_in:
            return
        latest = max(drafts, key=lambda draft: draft.updated_at)
        if self.ask_continue_draft(latest, starting=False):
            self.open_response(latest.id)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._has_offered_draft:
            self._has_offered_draft = True
            QTimer.singleShot(0, self, self.offer_draft)

    def discard_selected_draft(self) -> None:
        selected = self.selected_response()
        if selected is None or selected[1] != DRAFT:
            return
        question = self.tr("Discard this draft? Its answers are deleted.")
        if not confirm(self, self.tr("Discard draft"), question, self.tr("Discard")):
            return
        response_id = selected[0]

        self.runner.write(
            lambda session: discard_draft(session, response_id),
            lambda _none: self.reload(),
            changes=Changes.of("responses", ids=[response_id], origin=self),
            owner=self,
            failed=self.fail_and_reload,
        )

    # -- filling in ----------------------------------------------------------------------

    def open_response(self, response_id: int) -> None:
        """Show a draft in a form view (`view`), on the page where it was left."""
        if self.view is not None:
            self.close_form()

        self.runner.query(
            lambda session: read_response(session, response_id),
            lambda opened: self._show_response(response_id, opened),
            owner=self,
            failed=self.fail_and_reload,
        )

    def _show_response(self, response_id: int, opened: OpenedResponse) -> FormView:
        if self.view is not None:
            self.close_form()
        record, form = opened
        info = next((i for i in self.forms if i.id == record.form_pk), None)
        title = info.title_in(record.language) if info else ""
        # A draft started before the profile changed takes the profile's answers as it is now.
        self._fixed = profile_answers(form, self._profile.post_name, post_region(self._profile))
        session = FormSession(
            form,
            record.answers,
            language=record.language or None,
            fixed=self._fixed,
            metadata=session_metadata(self.actor),
        )
        view = FormView(session, record.page, title, self.stack)
        files_dir = self._database.files_dir
        view.store_file = lambda path: store_survey_file(files_dir, path)
        view.draft_changed.connect(self._save_draft)
        view.language_changed.connect(self._save_language)
        view.submit_requested.connect(self._submit)
        view.close_requested.connect(self.close_form)
        self.view = view
        self.response_id = response_id
        self.banner.hide()
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        view.show_saved(self.tr("Draft saved {0}").format(local_time(record.updated_at)))
        self._update_buttons()
        return view

    def close_form(self) -> None:
        """Leave the form view; the draft keeps every answer."""
        view = self.view
        if view is None:
            return
        view.flush()
        self.view = None
        self.response_id = None
        self.stack.setCurrentWidget(self.overview)
        self.stack.removeWidget(view)
        view.deleteLater()
        self.reload()

    def flush(self) -> None:
        """Save a pending draft change now (the main window calls this when it closes)."""
        if self.view is not None:
            self.view.flush()

    def _save_draft(self, answers: dict[str, object], page: int) -> None:
        response_id, view = self.response_id, self.view
        if response_id is None:
            return

        def saved(_none: None) -> None:
            if self.view is view and view is not None:
                now = QLocale().toString(
                    QDateTime.currentDateTime().time(), QLocale.FormatType.ShortFormat
                )
                view.show_saved(self.tr("Draft saved at {0}").format(now))

        # Only this page shows drafts, and it reads them again when the form closes.
        self.runner.write(
            lambda session: save_draft(session, response_id, answers, page),
            saved,
            changes=None,
            owner=self,
        )

    def _save_language(self, language: str) -> None:
        response_id = self.response_id
        if response_id is None:
            return
        self.runner.write(
            lambda session: set_language(session, response_id, language),
            changes=None,
            owner=self,
        )

    def _submit(self, answers: dict[str, object]) -> None:
        view, response_id = self.view, self.response_id
        if view is None or response_id is None:
            return
        fixed, metadata = self._fixed, session_metadata(self.actor)

        def failed(error: BaseException) -> None:
            if isinstance(error, ValidationError):
                view.show_problem(error.field, error.reason)
            else:
                show_error(self, error)

        self.runner.write(
            lambda session: submit_response(
                session, response_id, answers, fixed=fixed, metadata=metadata
            ),
            lambda _result: self._submitted(view),
            changes=Changes.of("responses", ids=[response_id], origin=self),
            owner=self,
            failed=failed,
        )

    def _submitted(self, view: FormView) -> None:
        if self.view is view:
            self.close_form()
        text = self.tr("The response was submitted. Thank you!")
        self.banner.setText(
            text + " " + self.tr("The next respondent can start their own with Start a response.")
        )
        self.banner.show()
        self.status_message.emit(text)

    # -- import and export ---------------------------------------------------------------

    def ask_open_path(self) -> Path | None:
        return ask_open_path(
            self,
            SURVEY_FORM_KIND,
            self.tr("Import a survey"),
            self.tr("XLSForm workbook (*.xlsx)"),
        )

    def ask_save_path(self, title: str, suggested_name: str, file_filter: str) -> Path | None:
        return ask_save_path(self, RESPONSES_KIND, title, suggested_name, file_filter)

    def show_problems(self, file_name: str, problems: list[Problem]) -> None:
        ProblemsDialog(file_name, problems, self).exec()

    def import_survey(self) -> None:
        """Import an XLSForm workbook; list its problems when it is not a valid form."""
        path = self.ask_open_path()
        if path is None:
            return
        from postkit.core.processes import session_call

        work = session_call(import_form, path, self._profile.user_name)

        def failed(error: BaseException) -> None:
            # Loaded by the import that failed; not at start: it loads pyxform and openpyxl.
            from postkit.core.surveys.xlsform import FormError

            if isinstance(error, FormError):
                self.show_problems(path.name, error.problems)
            else:
                show_error(self, error)

        def imported(info: FormInfo) -> None:
            self.reload(select_form=info.id)
            self.status_message.emit(
                self.tr("Imported “{0}”, version {1}").format(
                    info.title_in(self._language), info.version
                )
            )

        self._start_job(
            self.tr("Importing the survey…"),
            work,
            imported,
            failed,
            Changes.of("forms", origin=self),
        )

    def export_responses(self) -> None:
        """Say what the export of the selected form will hold, then write .xlsx (or .csv)."""
        info = self.selected_form()
        if info is None:
            return
        form_pk = info.id
        self.runner.query(
            lambda session: plan_export(session, form_pk),
            lambda plan: self._export_planned(info, plan),
            owner=self,
        )

    def _export_planned(self, info: FormInfo, plan: ExportPlan) -> None:
        if not self.confirm_export(info, plan):
            return
        post, region = self._profile.post_name, post_region(self._profile)
        suggested = f"{info.form_id}-{_file_part(post)}.xlsx"
        path = self.ask_save_path(
            self.tr("Export responses"),
            suggested,
            self.tr("Excel workbook (*.xlsx);;CSV, comma-separated (*.csv)"),
        )
        if path is None:
            return
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        from postkit.core.processes import session_call

        # A process of its own (openpyxl loads there, not here).
        work = session_call(
            "postkit.core.surveys.export:export_responses_file", info.id, path, post, region
        )

        def exported(result: tuple[int, list[Path], Path | None]) -> None:
            count, beside, audit = result
            said = self.tr("Exported %n response(s) to {0}", "", count).format(path)
            if beside:
                # A CSV holds one table: each repeat went to a file of its own beside it.
                files = ", ".join(str(file) for file in beside)
                said += self.tr("; each repeat in its own file: {0}").format(files)
            if audit is not None:
                said += self.tr("; the audit log: {0}").format(audit)
            self.status_message.emit(said)

        # The export is recorded as sent: the receipts list reads it on the change.
        self._start_job(
            self.tr("Exporting the responses…"),
            work,
            exported,
            changes=Changes.of("responses", origin=self),
        )

    def confirm_export(self, info: FormInfo, plan: ExportPlan) -> bool:
        """Tell how many responses the export holds and which are left out; True to go on."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Export responses"),
            self.tr(
                "The export holds %n submitted response(s) to “{title}”, version {version}, "
                "as responses of {post}.",
                "",
                plan.responses,
            ).format(
                title=info.title_in(self._language),
                version=info.version,
                post=self._profile.post_name,
            ),
            parent=self,
        )
        box.setObjectName("export_confirmation")
        box.setInformativeText(self._left_out_text(plan))
        export = box.addButton(self.tr("Export…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(export)
        box.exec()
        return box.clickedButton() is export

    def _left_out_text(self, plan: ExportPlan) -> str:
        if not plan.left_out:
            return self.tr("No response is left out.")
        lines = [self.tr("Left out:")]
        drafts = plan.drafts
        if drafts:
            shown = [
                self.tr("{who}, started {when}").format(
                    who=draft.respondent or self.tr("anonymous"),
                    when=local_time(draft.started_at),
                )
                for draft in drafts[:_LISTED_DRAFTS]
            ]
            if len(drafts) > _LISTED_DRAFTS:
                shown.append("…")
            lines.append(
                self.tr("• %n draft(s), not submitted yet: {0}", "", len(drafts)).format(
                    "; ".join(shown)
                )
            )
        for version, count in sorted(plan.other_versions.items()):
            lines.append(
                self.tr(
                    "• %n response(s) to version {0} of the form: select that version to "
                    "export them",
                    "",
                    count,
                ).format(version)
            )
        return "\n".join(lines)

    def _start_job(
        self,
        label: str,
        work: SessionWork[T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
        changes: Changes | None = None,
    ) -> None:
        # Reading a workbook or writing an export holds the interpreter for seconds: a
        # process of its own, so the GUI thread keeps turning.
        self.job = self.runner.process_job(self, label, work, done, failed=failed, changes=changes)
        self.job.finished.connect(self._job_done)
        self._update_buttons()

    def _job_done(self) -> None:
        self.job = None
        self._update_buttons()


def _file_part(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text).lower().split()) or "post"
