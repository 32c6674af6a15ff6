"""The screening page: support requests on the left, the selected one's tabs on the right."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QSignalBlocker, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from postkit.core.followups.service import (
    decide_with_conditions,
    reopen_with_conditions,
    write_decision_record_file,
)
from postkit.core.processes import session_call, session_call_with_progress
from postkit.core.profile import PostProfile
from postkit.core.screening import reference, service
from postkit.core.screening.audit import ChainMemo, entries_for, verify_chain
from postkit.core.screening.list_import import ListImport, import_list_and_read_lists
from postkit.core.screening.records import (
    Answer,
    AuditEntry,
    ChainCheck,
    Decision,
    Judgement,
    RequestRecord,
    RiskSummary,
    SanctionsListInfo,
    Status,
)
from postkit.core.screening.rescreening import (
    CurrentLists,
    RescreenReport,
    finish_rescreening,
    read_current_lists,
)
from postkit.core.screening.risk import is_large_company, risk_summary
from postkit.core.screening.sanctions_store import (
    SANCTIONS_ITEM,
    judge_match,
    screen_request,
    screening_finding,
)
from postkit.ui.dialogs import show_error
from postkit.ui.ops import Changes, Job
from postkit.ui.overrides import override
from postkit.ui.screening import labels
from postkit.ui.screening.audit_log import AuditLogView
from postkit.ui.screening.checklist import ChecklistPanel
from postkit.ui.screening.colors import OUTCOME_COLORS
from postkit.ui.screening.decision_panel import DecisionPanel
from postkit.ui.screening.editor import RequestDialog
from postkit.ui.screening.request_list import RequestList
from postkit.ui.screening.request_view import RequestView
from postkit.ui.screening.sanctions_panel import SanctionsPanel
from postkit.ui.settings import LIST_MAX_AGE_DAYS
from postkit.ui.widgets import save_paths
from postkit.ui.widgets.badge import Badge
from postkit.ui.widgets.colors import WARNING
from postkit.ui.widgets.company_picker import CompanySource
from postkit.ui.widgets.editor import open_editor
from postkit.ui.widgets.later import in_a_free_turn
from postkit.ui.widgets.page import ModulePage
from postkit.ui.widgets.tabs import set_tab_text
from postkit.ui.widgets.tones import band_color, follow_scheme, tone_color

REQUEST_TAB, CHECKLIST_TAB, SANCTIONS_TAB, DECISION_TAB, LOG_TAB = range(5)
# The checklist and decision panels are built this long after the page, and after each other:
# a call queued for "at once" ran in the same turn as the page's first layout and paint
# (measured 93-138 ms in one turn over ten times the demo data, 81-91 ms with the wait).
PART_DELAY_MS = 30


class _TabHolder(QWidget):
    """A tab's place, which takes its panel once the panel is built."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def hold(self, panel: QWidget) -> None:
        layout = self.layout()
        assert layout is not None
        layout.addWidget(panel)
        panel.show()  # at once on a tab shown, not on the event loop's next turn
        self.setFocusProxy(panel)


class ScreeningPage(ModulePage):
    """Screens companies' support requests against the IMVO conditions.

    Every read and write goes through `runner`, off the GUI thread; what is shown follows
    once the answer is back. Signals, named as on the other pages:
    - `changed`: the page stored a change (the window's actions may depend on it);
    - `selection_changed`: another request is shown, or none, or the shown one was read again;
    - `state_changed`: something else the window's actions read changed (a job started or
      ended, so `is_busy` flipped);
    - `status_message(text)`: a line for the window's status bar.
    """

    @override
    def build(self) -> None:
        runner, language = self.runner, self._language
        self._record: RequestRecord | None = None
        self._summary: RiskSummary | None = None
        self._asked_id: int | None = None
        self._refresh_after_list = False
        self._current_lists: list[SanctionsListInfo] = []
        self._has_checked_unfinished = False
        # The log's rows found sound, read on the runner's thread only: each request shown
        # hashes what the log gained since, not the whole log again.
        self._chain_memo = ChainMemo()
        self._max_list_age_days = LIST_MAX_AGE_DAYS.default
        self._rescreen: RescreenReport | None = None
        self.job: Job | None = None
        self.dialog: RequestDialog | None = None

        self.request_list = RequestList(runner, language, self)
        self.request_list.current_changed.connect(self._current_changed)
        self.request_list.reloaded.connect(self._list_reloaded)

        self.new_button = self._tool_button(
            self.tr("New request"), QStyle.StandardPixmap.SP_FileIcon, self.new_request
        )
        self.new_button.setToolTip(self.tr("Record a company's request for support (Ctrl+Shift+N)"))
        self.import_list_button = self._tool_button(
            self.tr("Import sanctions list…"),
            QStyle.StandardPixmap.SP_DialogOpenButton,
            lambda: self.import_sanctions_list(),
        )
        self.import_risk_button = self._tool_button(
            self.tr("Import risk table…"),
            QStyle.StandardPixmap.SP_FileDialogDetailedView,
            lambda: self.import_risk_table(),
        )
        self.list_info = QLabel(self)
        self.list_info.setStyleSheet("color: palette(placeholder-text);")
        self.list_info.setWordWrap(True)
        self.list_info.setTextFormat(Qt.TextFormat.RichText)
        # An old list's age is in the warning tone of its markup: written again on a switch.
        follow_scheme(self.list_info, self._recolor_list_info)
        toolbar = QHBoxLayout()
        toolbar.setContentsMargins(0, 0, 0, 0)
        toolbar.addWidget(self.new_button)
        toolbar.addWidget(self.import_list_button)
        toolbar.addWidget(self.import_risk_button)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.list_info, 1)

        self.rescreen_notice = QLabel(self)
        self.rescreen_notice.setObjectName("rescreen_notice")
        self.rescreen_notice.setWordWrap(True)
        self.rescreen_notice.setTextFormat(Qt.TextFormat.RichText)
        follow_scheme(
            self.rescreen_notice,
            lambda: self.rescreen_notice.setStyleSheet(
                f"QLabel#rescreen_notice {{ background: {band_color(WARNING)};"
                f" border-left: 4px solid {WARNING}; padding: 6px 10px; }}"
            ),
        )
        self.rescreen_notice.linkActivated.connect(self._rescreen_link)
        self.rescreen_notice.hide()

        self.request_view = RequestView(language, self)
        self.request_view.edit_requested.connect(self.edit_request)
        # The checklist and decision panels are built on later turns of the event loop, each
        # in its own (PART_DELAY_MS), so the page shows first and no turn waits for all
        # three; asked for before then, one is built at once. Their tabs hold them when built.
        self._checklist: ChecklistPanel | None = None
        self._decision: DecisionPanel | None = None
        self._checklist_tab = _TabHolder(self)
        self._decision_tab = _TabHolder(self)
        self.sanctions = SanctionsPanel(language, self)
        self.sanctions.screen_requested.connect(self.screen_current)
        self.sanctions.judgement_requested.connect(self._judge)
        self.log_view = AuditLogView(language, self)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.request_view, self.tr("&Request"))
        self.tabs.addTab(self._checklist_tab, self.tr("Chec&klist"))
        self.tabs.addTab(self.sanctions, self.tr("S&anctions"))
        self.tabs.addTab(self._decision_tab, self.tr("&Decision"))
        self.tabs.addTab(self.log_view, self.tr("&Log"))
        self._tab_index = 0
        self.tabs.currentChanged.connect(self._tab_changed)

        self.title_label = QLabel(self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(font)
        self.status_badge = Badge(self)
        self.subtitle_label = QLabel(self)
        self.subtitle_label.setStyleSheet("color: palette(placeholder-text);")
        heading = QHBoxLayout()
        heading.addWidget(self.title_label)
        heading.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        heading.addStretch()
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 0, 0, 0)
        detail_layout.addLayout(heading)
        detail_layout.addWidget(self.subtitle_label)
        detail_layout.addWidget(self.tabs, 1)

        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_stack = QStackedWidget(self)
        self.detail_stack.addWidget(self.empty_label)
        self.detail_stack.addWidget(detail)
        self.detail = detail

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.request_list)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail_stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([500, 700])
        self.splitter.setChildrenCollapsible(False)
        self._list_pane_dragged = False
        self._fitting_list_pane = False
        self.splitter.splitterMoved.connect(self._splitter_moved)

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.rescreen_notice)
        layout.addWidget(self.splitter, 1)
        runner.changed.connect(self._data_changed)
        self.reload()
        in_a_free_turn(self, self._build_next_part, PART_DELAY_MS)

    @property
    def parts_built(self) -> bool:
        """Whether the checklist and decision panels are built (they follow the page)."""
        return self._checklist is not None and self._decision is not None

    def _build_next_part(self) -> None:
        if self._checklist is None:
            _ = self.checklist
        elif self._decision is None:
            _ = self.decision
        if not self.parts_built:
            in_a_free_turn(self, self._build_next_part, PART_DELAY_MS)

    @property
    def checklist(self) -> ChecklistPanel:
        if self._checklist is None:
            panel = ChecklistPanel(self.runner.database.files_dir, self._language, self)
            panel.answer_edited.connect(self._save_answer)
            panel.answer_confirmed.connect(self._confirm_answer)
            panel.evidence_add_requested.connect(self._add_evidence)
            panel.evidence_remove_requested.connect(self._remove_evidence)
            panel.completed.connect(lambda: self.show_tab(DECISION_TAB))
            self._checklist = panel
            self._checklist_tab.hold(panel)
            if self._record is not None:
                self._show_checklist(self._record, self._summary)
        return self._checklist

    @property
    def decision(self) -> DecisionPanel:
        if self._decision is None:
            panel = DecisionPanel(self._language, self)
            panel.decide_requested.connect(self._decide)
            panel.reopen_requested.connect(self._reopen)
            panel.print_requested.connect(lambda: self.print_decision_record())
            self._decision = panel
            self._decision_tab.hold(panel)
            if self._record is not None and self._summary is not None:
                panel.set_record(self._record, self._summary)
        return self._decision

    def _tool_button(
        self, text: str, icon: QStyle.StandardPixmap, slot: Callable[[], object]
    ) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setIcon(self.style().standardIcon(icon))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # -- public ------------------------------------------------------------------------

    @property
    def actor(self) -> str:
        return self._profile.user_name

    @property
    def current_record(self) -> RequestRecord | None:
        return self._record

    def current_request_id(self) -> int | None:
        return self._record.id if self._record else None

    def set_profile(self, profile: PostProfile) -> None:
        self._profile = profile

    def reload(self, select_id: int | None = None) -> None:
        """Read the list (and the shown request) again after the data changed elsewhere."""
        self._load_lists()
        self._refresh_after_list = True
        self.request_list.reload(select_id)

    def _list_reloaded(self) -> None:
        self._fit_list_pane()
        if self.request_list.current_id() is None and self.request_list.model.rowCount():
            self.request_list.select(self.request_list.model.id_at(0))
        if self._refresh_after_list:
            self._refresh_after_list = False
            self._refresh_record(self.request_list.current_id())

    def _data_changed(self, changes: Changes) -> None:
        """Requests changed elsewhere (another page, an undo, a restore): show them anew."""
        if changes.origin is not self and changes.touches("requests"):
            self.reload()

    def _fit_list_pane(self) -> None:
        """Give the list the width its columns need, as long as the user has not dragged."""
        sizes = self.splitter.sizes()
        if self._list_pane_dragged or sum(sizes) <= 0:
            return
        wanted = self.request_list.preferred_width()
        self._fitting_list_pane = True
        self.splitter.setSizes([wanted, max(sum(sizes) - wanted, 1)])
        self._fitting_list_pane = False

    def _splitter_moved(self) -> None:
        if not self._fitting_list_pane:
            self._list_pane_dragged = True

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_list_pane()

    def select_request(self, request_id: int) -> None:
        self.request_list.select(request_id)

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def focus_search(self) -> None:
        self.request_list.search.setFocus()
        self.request_list.search.selectAll()

    def commit_pending(self) -> bool:
        """Save checklist edits not yet saved; the main window calls this before closing."""
        return self._checklist is None or self._checklist.commit()

    @property
    def is_busy(self) -> bool:
        """A list import or a screening runs (the import actions wait for it)."""
        return self.job is not None

    def new_request(self) -> RequestDialog:
        """Open the dialog for a new request; it is stored when the dialog is accepted."""
        default_country = self._profile.countries[0] if self._profile.countries else None
        dialog = RequestDialog(
            self._language,
            None,
            self.actor,
            default_country,
            self,
            companies=self._company_source(),
        )
        dialog.accepted.connect(lambda: self._create(dialog))
        return self._open_dialog(dialog)

    def edit_request(self) -> RequestDialog | None:
        """Open the dialog for the shown request (not for a decided one)."""
        record = self._record
        if record is None:
            return None
        if record.is_decided:
            show_error(
                self,
                service.RequestDecidedError(record.id, record.data.company_name, record.decided_at),
            )
            return None
        dialog = RequestDialog(
            self._language,
            record.data,
            parent=self,
            companies=self._company_source(),
            request_id=record.id,
        )
        dialog.accepted.connect(lambda: self._update(record.id, dialog))
        return self._open_dialog(dialog)

    def import_sanctions_list(self, path: Path | None = None) -> None:
        """Import a list file (EU, UN, Dutch or OpenSanctions); it becomes its source's list."""
        if path is None:
            path = self.ask_open_path(
                self.tr("Import sanctions list"),
                self.tr(
                    "Sanctions lists (EU or UN XML, Dutch list, targets.simple.csv) "
                    "(*.xml *.xlsx *.ods *.csv);;All files (*)"
                ),
            )
        if path is None:
            return

        def done(answer: tuple[ListImport, CurrentLists]) -> None:
            result, lists = answer
            info = result.list
            self._show_lists(lists)
            self.reload()
            report = lists.rescreen
            if result.is_new:
                text = self.tr(
                    "Imported {0} ({1} of {2}): {3} entries. Requests screened again with new "
                    "candidates: {4}."
                )
            else:
                text = self.tr(
                    "{0} ({1} of {2}) was imported before; nothing new was stored. "
                    "Requests with new candidates to judge: {4}."
                )
            self.status_message.emit(
                text.format(
                    info.file_name,
                    labels.list_source_label(info.source),
                    labels.list_date_text(info.list_date),
                    QLocale().toString(info.entry_count),
                    len(report.requests) if report else 0,
                ),
            )
            self.changed.emit()

        self._track(
            self.runner.process_job(
                self,
                self.tr("Importing the sanctions list…"),
                session_call_with_progress(import_list_and_read_lists, path, self.actor),
                done,
                changes=Changes.of("requests", origin=self),
            )
        )

    def import_risk_table(self, path: Path | None = None, kind: str | None = None) -> None:
        """Replace the country or sector risk table with a `code,level,note` CSV file."""
        from postkit.core.screening.risk import import_risk_table

        if kind is None:
            kind = self.ask_risk_kind()
        if kind is None:
            return
        if path is None:
            path = self.ask_open_path(
                self.tr("Import risk table"), self.tr("Risk table (*.csv *.xlsx);;All files (*)")
            )
        if path is None:
            return
        actor, table = self.actor, path

        def done(count: int) -> None:
            self.status_message.emit(
                self.tr("Imported %n ratings from {0}.", "", count).format(table.name),
            )
            self._refresh_record(self.current_request_id())
            self.changed.emit()

        self.runner.write(
            lambda session: import_risk_table(session, table, kind, actor),
            done,
            changes=Changes.of("requests", origin=self),
            owner=self,
        )

    def screen_current(self) -> None:
        """Match the shown request's company and directors against the current list."""
        record = self._record
        if record is None or self.job is not None:
            return
        request_id = record.id

        def done(screened: RequestRecord) -> None:
            self._after_change(screened)
            count = len(screened.matches)
            self.status_message.emit(
                self.tr("Screened {0}: %n candidates found.", "", count).format(
                    screened.data.company_name
                ),
            )

        self.sanctions.set_busy(True)
        self._track(
            self.runner.process_job(
                self,
                self.tr("Screening against the sanctions list…"),
                session_call(screen_request, request_id, self.actor),
                done,
                changes=Changes.of("requests", ids=[request_id], origin=self),
            )
        )

    def print_decision_record(self, path: Path | None = None) -> Path | None:
        """Write the shown request's decision record as a PDF, off the GUI thread; the path
        it is written to, or None when the officer cancelled."""
        record = self._record
        if record is None:
            return None
        if path is None:
            safe = "".join(c if c.isalnum() else "-" for c in record.data.company_name).strip("-")
            path = self.ask_save_path(
                self.tr("Print decision record"),
                f"decision-record-{record.id}-{safe.lower()[:40]}.pdf",
                self.tr("PDF (*.pdf)"),
            )
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")

        def done(written: Path) -> None:
            self.status_message.emit(self.tr("Decision record written to {0}").format(written))

        # In a process of its own: reportlab laying out a long log would hold the
        # interpreter, and with it the window, for a good part of a second.
        self.runner.process_job(
            self,
            self.tr("Writing the decision record…"),
            session_call(
                write_decision_record_file,
                record.id,
                path,
                self._language,
                self._profile.post_name,
                self.actor,
            ),
            done,
        )
        return path

    # -- asking (tests replace these) --------------------------------------------------

    def ask_open_path(self, title: str, file_filter: str) -> Path | None:
        return save_paths.ask_open_path(self, "screening-lists", title, file_filter)

    def ask_save_path(self, title: str, suggested_name: str, file_filter: str) -> Path | None:
        return save_paths.ask_save_path(
            self, "decision-records", title, suggested_name, file_filter
        )

    def ask_risk_kind(self) -> str | None:
        choices = [self.tr("Country risk"), self.tr("Sector risk")]
        text, ok = QInputDialog.getItem(
            self,
            self.tr("Import risk table"),
            self.tr("Which table does the file hold?"),
            choices,
            0,
            False,
        )
        if not ok:
            return None
        return "country" if text == choices[0] else "sector"

    # -- data --------------------------------------------------------------------------

    def _change(
        self,
        change: Callable[[Session], RequestRecord],
        then: Callable[[RequestRecord], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        *,
        is_new: bool = False,
        checklist_only: bool = False,
        kinds: tuple[str, ...] = ("requests",),
    ) -> None:
        """Store a change to a request, then show the request as stored (a new one is
        selected; a changed one only while it is still the one shown). A change to the
        checklist alone (answers, evidence) alters no line of the list and no candidate to
        judge: the list and the lists section are not read again."""

        def done(record: RequestRecord) -> None:
            self._after_change(record, select=is_new, checklist_only=checklist_only)
            if then is not None:
                then(record)

        self.runner.write(
            change,
            done,
            changes=lambda record: Changes.of(*kinds, ids=[record.id], origin=self),
            owner=self,
            failed=failed,
        )

    def _after_change(
        self, record: RequestRecord, select: bool = False, checklist_only: bool = False
    ) -> None:
        """Show the stored result of a change, with the list and log brought up to date."""
        # The officer may have gone on to another request while the change was stored.
        is_shown = select or record.id == self._asked_id
        if not checklist_only:
            # Read again after each answer (saved at every step of the checklist), the whole
            # list was shown and fitted again: a long turn of the window while the officer
            # typed the next step's note, at ten times the demo data.
            self._load_lists()
            self.request_list.reload(record.id if is_shown else None)
        if is_shown:
            self._refresh_record(record.id, record)
        self.changed.emit()

    def _load_lists(self) -> None:
        self.runner.query(read_current_lists, self._show_lists, owner=self, key=f"lists-{id(self)}")

    def _show_lists(self, lists: CurrentLists) -> None:
        self._current_lists = lists.current
        self._rescreen = lists.rescreen
        self._show_list_info()
        self._show_rescreen_notice()
        if not self._has_checked_unfinished:
            self._has_checked_unfinished = True
            self._finish_unfinished_rescreening()

    def _refresh_record(self, request_id: int | None, record: RequestRecord | None = None) -> None:
        """Read the request (the one just stored when given) with its summary and log."""
        self._asked_id = request_id
        chain_memo = self._chain_memo
        # The whole log's chain is shown on the Log tab alone: checked when that tab is
        # shown (`_check_chain`), not with every request shown. The first check hashes every
        # entry (18 ms at ten times the demo data, on the runner, whose Python work delays
        # the window).
        check_chain = self.tabs.currentIndex() == LOG_TAB

        def read(session: Session) -> _Shown | None:
            if request_id is None:
                return None
            fresh = record
            if fresh is None or fresh.id != request_id:
                fresh = service.get_request(session, request_id)
            return _Shown(
                fresh,
                risk_summary(session, fresh),
                entries_for(session, request_id),
                verify_chain(session, memo=chain_memo) if check_chain else None,
            )

        self.runner.query(
            read,
            self._show_record,
            owner=self,
            failed=self._record_failed,
            key=f"record-{id(self)}",
        )

    def _record_failed(self, error: BaseException) -> None:
        show_error(self, error)
        self._asked_id = self._record.id if self._record else None
        self.request_list.reload()

    def _show_checklist(self, record: RequestRecord, summary: RiskSummary | None) -> None:
        assert self._checklist is not None
        self._checklist.set_record(record)
        finding = screening_finding(record)
        confirmable = frozenset(
            {SANCTIONS_ITEM} if finding is not None and finding.needs_confirmation else ()
        )
        self._checklist.set_hints(self._hints(record), confirmable)
        if summary is not None:
            self._checklist.set_expectations(summary.not_expected)

    def _show_record(self, shown: _Shown | None) -> None:
        if shown is None:
            self._record = None
            self._summary = None
            if self._checklist is not None:
                self._checklist.set_record(None)
            self._show_empty_state()
            self.selection_changed.emit()
            return
        record, summary, log, chain = shown.record, shown.summary, shown.log, shown.chain
        self._record = record
        self._summary = summary
        self.detail_stack.setCurrentWidget(self.detail)
        self._show_heading(record)
        self.request_view.set_record(record)
        if self._checklist is not None:
            self._show_checklist(record, summary)
        self.sanctions.set_current_lists(self._current_lists, self.max_list_age_days())
        # Marking the new candidates and showing the record in one go: marking them first
        # showed the request shown before once more (its candidates' rows made twice).
        self.sanctions.set_record(
            record, self._rescreen.new_candidate_ids(record.id) if self._rescreen else frozenset()
        )
        if self._decision is not None:
            self._decision.set_record(record, summary)
        self.log_view.set_entries(log)
        self.log_view.set_chain(chain)
        self._update_tab_titles(record)
        self.selection_changed.emit()

    def _hints(self, record: RequestRecord) -> dict[str, str]:
        data = record.data
        large = is_large_company(data)
        if large is None:
            size = self.tr("From the figures: not enough known to tell (Request tab).")
        elif large:
            size = self.tr("From the figures: a large company ({0} employees).").format(
                QLocale().toString(data.employees or 0)
            )
        else:
            size = self.tr("From the figures: not a large company.")
        return {"company_size": size, SANCTIONS_ITEM: self._sanctions_hint(record)}

    def _sanctions_hint(self, record: RequestRecord) -> str:
        """The screening's result beside the sanctions answer, which stays the officer's."""
        finding = screening_finding(record)
        if finding is None:
            return self.tr("Not screened yet: use Screen now on the Sanctions tab.")
        parts = []
        if finding.confirmed:
            parts.append(self.tr("%n candidate(s) confirmed as a match", "", finding.confirmed))
        if finding.open:
            parts.append(self.tr("%n candidate(s) still to judge", "", finding.open))
        if finding.dismissed:
            parts.append(self.tr("%n candidate(s) dismissed", "", finding.dismissed))
        day = QLocale().toString(
            finding.screened_at.astimezone().date(), QLocale.FormatType.LongFormat
        )
        result = ", ".join(parts) or self.tr("no candidates")
        lines = [self.tr("Sanctions screening on {0}: {1}.").format(day, result)]
        answer = finding.answer
        if not finding.is_answered:
            lines.append(self.tr("The screening does not answer this step: you do."))
        elif finding.needs_confirmation:
            assert answer.updated_at is not None
            when = QLocale().toString(
                answer.updated_at.astimezone(), QLocale.FormatType.ShortFormat
            )
            said = self.tr("Your answer “{answer}” ({when}, {who}) was given before this result.")
            lines.append(
                said.format(
                    answer=labels.answer_label(answer.answer),
                    when=when,
                    who=answer.updated_by or "–",
                )
            )
            lines.append(
                self.tr("It differs from the result: change it, or confirm it and say why.")
                if finding.contradicts_answer
                else self.tr("Confirm it or change it.")
            )
        elif finding.contradicts_answer:
            lines.append(self.tr("Your answer differs from the result: say why in the note."))
        return " ".join(lines)

    # -- showing -----------------------------------------------------------------------

    def _show_heading(self, record: RequestRecord) -> None:
        data = record.data
        self.title_label.setText(data.company_name)
        if record.decision is not None:
            outcome = record.decision.outcome
            self.status_badge.set_badge(
                labels.outcome_label(outcome, self._language), OUTCOME_COLORS[outcome]
            )
        else:
            self.status_badge.set_badge(labels.status_label(Status.OPEN), WARNING)
        requested = QLocale().toString(data.requested_on, QLocale.FormatType.ShortFormat)
        parts = [
            labels.support_kind_label(data.support_kind, self._language),
            self.tr("requested {0}").format(requested),
        ]
        if data.handled_by:
            parts.append(self.tr("handled by {0}").format(data.handled_by))
        self.subtitle_label.setText(" · ".join(parts))

    def _update_tab_titles(self, record: RequestRecord) -> None:
        total = len(reference.checklist())
        answered = sum(
            1
            for answer in record.answers.values()
            if answer.updated_at is not None and answer.answer is not Answer.UNKNOWN
        )
        set_tab_text(
            self.tabs, CHECKLIST_TAB, self.tr("Chec&klist ({0}/{1})").format(answered, total)
        )
        open_count = sum(1 for m in record.matches if m.is_to_judge)
        set_tab_text(
            self.tabs,
            SANCTIONS_TAB,
            self.tr("S&anctions ({0} to judge)").format(open_count)
            if open_count
            else self.tr("S&anctions"),
        )

    def _recolor_list_info(self) -> None:
        if self._current_lists:
            self._show_list_info()

    def _show_list_info(self) -> None:
        """The lists section: each current list with its date, flagged when it is too old."""
        if not self._current_lists:
            self.list_info.setText(self.tr("No sanctions list imported yet."))
            return
        max_age = self.max_list_age_days()
        today = date.today()
        parts = []
        warning = tone_color("warning").name()
        for info in self._current_lists:
            text = html.escape(
                self.tr("{list}: {file} · {date} · %n entries", "", info.entry_count).format(
                    list=labels.list_source_label(info.source),
                    file=info.file_name,
                    date=labels.list_date_text(info.list_date),
                )
            )
            if info.is_older_than(max_age, today):
                old = self.tr("%n days old", "", info.age_days(today))
                text += f" <b style='color:{warning}'>({html.escape(old)})</b>"
            parts.append(text)
        self.list_info.setText("<br>".join(parts))

    def max_list_age_days(self) -> int:
        return self._max_list_age_days

    def set_max_list_age_days(self, days: int) -> None:
        """Lists published longer ago than this are flagged (the window's setting)."""
        self._max_list_age_days = max(1, days)
        self._show_list_info()

    def _finish_unfinished_rescreening(self) -> None:
        """Finish the re-screening a closed or killed postkit left undone after an import."""
        if not any(info.rescreened_at is None for info in self._current_lists):
            return

        def done(_finished: list[int]) -> None:
            self.reload()
            self.changed.emit()

        self._track(
            self.runner.process_job(
                self,
                self.tr("Screening requests again on the newer list…"),
                session_call_with_progress(finish_rescreening, self.actor, date.today()),
                done,
                changes=Changes.of("requests", origin=self),
            )
        )

    def _show_rescreen_notice(self) -> None:
        report = self._rescreen
        if report is None or not report.requests:
            self.rescreen_notice.hide()
            return
        links = []
        for request in report.requests:
            count = len(request.new_candidates)
            link = f"<a href='request:{request.request_id}'>{html.escape(request.company_name)}</a>"
            if request.is_decided:
                links.append(
                    self.tr("{0} ({1}, decided: reopen it to judge them)").format(link, count)
                )
            else:
                links.append(self.tr("{0} ({1})").format(link, count))
        self.rescreen_notice.setText(
            self.tr(
                "The newer sanctions list found new candidates to judge for these requests: "
                "{0}. Candidates judged before are not asked again."
            ).format(", ".join(links))
        )
        self.rescreen_notice.show()

    def _rescreen_link(self, link: str) -> None:
        kind, _, value = link.partition(":")
        if kind == "request" and value.isdigit():
            self.select_request(int(value))
            self.show_tab(SANCTIONS_TAB)

    def _show_empty_state(self) -> None:
        if self.request_list.total_count == 0:
            text = self.tr(
                "<h2>No support requests yet</h2><p>When a company asks the post for support, "
                "record it with <b>New request</b> (Ctrl+Shift+N), then walk through the "
                "IMVO checklist, screen the names against the sanctions list and decide.</p>"
            )
        else:
            text = self.tr("<h3>No request selected</h3><p>Choose a request on the left.</p>")
        self.empty_label.setText(text)
        self.detail_stack.setCurrentWidget(self.empty_label)

    # -- reacting ----------------------------------------------------------------------

    def _current_changed(self, request_id: int | None) -> None:
        previous = self._asked_id
        if request_id == previous:
            return
        if self._checklist is not None and not self._checklist.commit():
            # An answer could not be saved: stay on it rather than lose it.
            with QSignalBlocker(self.request_list):
                self.request_list.select(previous)
            self.show_tab(CHECKLIST_TAB)
            return
        self._refresh_record(request_id)

    def _tab_changed(self, index: int) -> None:
        # A tab chosen before its panel was built (PART_DELAY_MS) shows it built now.
        if index == CHECKLIST_TAB:
            _ = self.checklist
        elif index == DECISION_TAB:
            _ = self.decision
        if (
            self._tab_index == CHECKLIST_TAB
            and index != CHECKLIST_TAB
            and not self.checklist.commit()
        ):
            with QSignalBlocker(self.tabs):
                self.tabs.setCurrentIndex(CHECKLIST_TAB)
            return
        self._tab_index = index
        if index == LOG_TAB:
            self._check_chain()
        self._focus_into(self.tabs.currentWidget())

    def _check_chain(self) -> None:
        """Check the log's hash chain for the Log tab (the rows found sound before are not
        hashed again: `ChainMemo`)."""
        memo = self._chain_memo
        self.runner.query(
            lambda session: verify_chain(session, memo=memo),
            self.log_view.set_chain,
            owner=self,
            key=f"chain-{id(self)}",
        )

    def _focus_into(self, tab: QWidget) -> None:
        """Takes the keyboard to the shown tab's first field when the focus is outside the
        page (a tab chosen by its Alt+letter leaves it on the navigation list), so the next
        keys act on the tab: 1, 2, 3 answer a checklist step."""
        focused = QApplication.focusWidget()
        if focused is not None and (
            self.isAncestorOf(focused) and focused is not self.tabs.tabBar()
        ):
            return
        if tab is self._checklist_tab:
            self.checklist.focus_current_step()
            return
        widget = tab.nextInFocusChain()
        while widget is not tab and widget is not None:
            if (
                tab.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _company_source(self) -> CompanySource:
        """The register, for the request dialog's company picker."""
        from postkit.core.companies.service import picker_access

        return CompanySource(self.runner, *picker_access(self.actor))

    def _open_dialog(self, dialog: RequestDialog) -> RequestDialog:
        open_editor(self, dialog, name="dialog")
        return dialog

    def _create(self, dialog: RequestDialog) -> None:
        data, actor = dialog.request_input(), self.actor

        def recorded(_record: RequestRecord) -> None:
            self.show_tab(CHECKLIST_TAB)
            self.status_message.emit(self.tr("Request of {0} recorded.").format(data.company_name))

        self._change(lambda s: service.create_request(s, data, actor), recorded, is_new=True)

    def _update(self, request_id: int, dialog: RequestDialog) -> None:
        data, actor = dialog.request_input(), self.actor
        self._change(lambda s: service.update_request(s, request_id, data, actor))

    def _save_answer(self, item: str, answer: Answer, note: str, links: tuple[str, ...]) -> None:
        record = self._record
        if record is None:
            return
        actor = self.actor
        self._change(
            lambda s: service.answer_item(s, record.id, item, answer, note, links, actor=actor),
            lambda _saved: self.checklist.end_save(item, stored=True),
            lambda error: self._answer_failed(item, error),
            checklist_only=True,
        )

    def _answer_failed(self, item: str, error: BaseException) -> None:
        show_error(self, error)
        self.checklist.end_save(item, stored=False)

    def _confirm_answer(self, item: str) -> None:
        record = self._record
        if record is None:
            return
        actor = self.actor
        self._change(
            lambda s: service.confirm_answer(s, record.id, item, actor=actor), checklist_only=True
        )

    def _add_evidence(self, item: str, path: Path) -> None:
        record = self._record
        if record is None:
            return
        files_dir, actor = self.runner.database.files_dir, self.actor
        self._change(
            lambda s: service.add_evidence(s, files_dir, record.id, item, path, actor),
            checklist_only=True,
        )

    def _remove_evidence(self, item: str, stored_name: str) -> None:
        record = self._record
        if record is None:
            return
        actor = self.actor
        self._change(
            lambda s: service.remove_evidence(s, record.id, stored_name, actor, item),
            checklist_only=True,
        )

    def _judge(self, match_id: int, judgement: Judgement, note: str) -> None:
        actor = self.actor
        self._change(lambda s: judge_match(s, match_id, judgement, note, actor))

    def _decide(self, decision: Decision) -> None:
        record = self._record
        if record is None or not self.checklist.commit():
            return
        actor = self.actor

        def recorded(decided: RequestRecord) -> None:
            self.status_message.emit(
                self.tr("Decision recorded for {0}.").format(decided.data.company_name),
            )

        conditions = self.decision.condition_items()
        self._change(
            lambda s: decide_with_conditions(s, record.id, decision, conditions, actor),
            recorded,
            kinds=("requests", "follow_ups"),
        )

    def _reopen(self, reason: str) -> None:
        record = self._record
        if record is None:
            return
        actor = self.actor
        self._change(
            lambda s: reopen_with_conditions(s, record.id, reason, actor),
            kinds=("requests", "follow_ups"),
        )

    def _track(self, job: Job) -> None:
        """The page is busy while `job` runs: no second import or screening meanwhile."""
        self.job = job
        for button in (self.import_list_button, self.import_risk_button):
            button.setEnabled(False)
        job.finished.connect(self._job_finished)
        self.state_changed.emit()

    def _job_finished(self) -> None:
        self.job = None
        for button in (self.import_list_button, self.import_risk_button):
            button.setEnabled(True)
        self.sanctions.set_busy(False)
        self.state_changed.emit()


@dataclass(frozen=True)
class _Shown:
    """What the tabs show of one request."""

    record: RequestRecord
    summary: RiskSummary
    log: list[AuditEntry]
    chain: ChainCheck | None  # checked only when the Log tab is shown
