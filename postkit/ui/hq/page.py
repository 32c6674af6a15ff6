"""The headquarters page: collect the posts' survey exports and show what they add up to."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent, QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from postkit.core.hq.forms import FormFiles, SortedExports
from postkit.core.hq.service import CollectReport
from postkit.core.hq.summary import (
    Summary,
    aggregate_exports,
    collect_chosen_exports,
    save_summary_xlsx,
    stored_summary,
)
from postkit.core.processes import SessionWork, session_call, session_call_with_progress
from postkit.ui.hq.network_view import NetworkView
from postkit.ui.hq.summary_view import LetterView, LikertView, PostsView, label_in, make_tree
from postkit.ui.icons import icon
from postkit.ui.ops import Changes, Job
from postkit.ui.overrides import override
from postkit.ui.widgets.colors import DANGER, POSITIVE
from postkit.ui.widgets.page import ModulePage
from postkit.ui.widgets.save_paths import ask_folder, ask_open_paths, ask_save_path
from postkit.ui.widgets.tones import set_tone

T = TypeVar("T")

EXPORT_SUFFIX = ".xlsx"
EXPORTS_KIND = "hq-exports"  # the folders remembered for the file questions
RESULTS_KIND = "hq-results"
_PATH = Qt.ItemDataRole.UserRole


def dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The .xlsx files and the folders among what is being dragged."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.is_dir() or path.suffix.lower() == EXPORT_SUFFIX]


class HeadquartersPage(ModulePage):
    """Aggregates the survey exports of the posts and shows the summary.

    Files and folders wait in a list (added by dialog, drop or `add_paths`) until `aggregate`
    checks and stores them; the summary is then built from everything stored of that survey.
    Files of several surveys are aggregated one survey at a time: the user picks which (the one
    with the most files first), the others stay on the list. Signals:
    `status_message(text)` for the status bar, `state_changed` when what the main window's
    headquarters actions can do changed (the list, a job, a summary), `changed` once a new
    summary is shown, `selection_changed` when other files on the list are selected. All
    database work runs as the runner's jobs.
    """

    @override
    def build(self) -> None:
        self.paths: list[Path] = []
        self.summary: Summary | None = None
        self.last_report: CollectReport | None = None
        self.job: Job | None = None
        self._has_loaded = False
        self.setAcceptDrops(True)

        # Two tabs: the survey exports (as before), and the network of the posts' returns.
        surveys = QWidget(self)
        layout = QVBoxLayout(surveys)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(self._build_header())
        layout.addWidget(self._build_queue())
        self.empty_state = self._build_empty_state()
        self.results = self._build_results()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.results)
        layout.addWidget(self.stack, 1)
        self.network_view = NetworkView(self.runner, self._language, self)
        self.network_view.status_message.connect(self.status_message)
        self.network_view.state_changed.connect(self.state_changed)
        self.page_tabs = QTabWidget(self)
        self.page_tabs.addTab(surveys, icon("chart-bar"), self.tr("Survey"))
        self.page_tabs.addTab(self.network_view, icon("domain"), self.tr("Network"))
        QVBoxLayout(self).addWidget(self.page_tabs)
        self._show_queue()
        self._show_results()

    # -- building --------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        heading = QLabel(self.tr("Headquarters"), self)
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.subtitle = QLabel(
            self.tr("Aggregate the survey exports the posts sent into one summary"), self
        )
        self.subtitle.setStyleSheet("color: palette(placeholder-text);")
        self.subtitle.setWordWrap(True)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(heading)
        titles.addWidget(self.subtitle)

        self.add_files_button = self._button(
            self.tr("Add export &files…"),
            "file-plus-outline",
            self.tr("Choose post exports (.xlsx) to aggregate"),
            self.add_files,
        )
        self.add_folder_button = self._button(
            self.tr("Add a f&older…"),
            "folder-plus-outline",
            self.tr("Aggregate every export (.xlsx) in a folder and its subfolders"),
            self.add_folder,
        )
        self.aggregate_button = self._button(
            self.tr("&Aggregate"),
            "sigma",
            self.tr("Check the files in the list, store their responses and update the summary"),
            self.aggregate,
        )
        self.aggregate_button.setDefault(True)
        header = QHBoxLayout()
        header.addLayout(titles, 1)
        header.addWidget(self.add_files_button)
        header.addWidget(self.add_folder_button)
        header.addSpacing(8)
        header.addWidget(self.aggregate_button)
        return header

    def _button(
        self, text: str, icon_name: str, tip: str, slot: Callable[[], object]
    ) -> QPushButton:
        button = QPushButton(icon(icon_name), text, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda: slot())
        return button

    def _build_queue(self) -> QFrame:
        box = QFrame(self)
        box.setObjectName("queue")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        self.queue_title = QLabel(box)
        font = QFont(self.queue_title.font())
        font.setWeight(QFont.Weight.DemiBold)
        self.queue_title.setFont(font)
        self.queue_list = QListWidget(box)
        self.queue_list.setAccessibleName(self.tr("Files to aggregate"))
        self.queue_list.setFlow(QListWidget.Flow.LeftToRight)
        self.queue_list.setWrapping(True)
        self.queue_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.queue_list.setSpacing(2)
        self.queue_list.setFixedHeight(60)
        self.queue_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.queue_list.itemSelectionChanged.connect(self._update_buttons)
        self.queue_list.itemSelectionChanged.connect(self.selection_changed)
        self.remove_button = QPushButton(self.tr("&Remove"), box)
        self.remove_button.setToolTip(self.tr("Take the selected files off the list"))
        self.remove_button.clicked.connect(self.remove_selected_paths)
        self.clear_button = QPushButton(self.tr("C&lear list"), box)
        self.clear_button.clicked.connect(self.clear_paths)
        top = QHBoxLayout()
        top.addWidget(self.queue_title, 1)
        top.addWidget(self.remove_button)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.queue_list)
        self.queue_box = box
        return box

    def _build_empty_state(self) -> QWidget:
        state = QWidget(self)
        label = QLabel(state)
        label.setMinimumWidth(560)
        label.setMaximumWidth(680)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setMargin(24)
        label.setText(
            self.tr(
                "<h3>No post exports aggregated yet</h3>"
                "<p>Each post sends headquarters its survey export: the .xlsx file made with "
                "<b>Export responses…</b> on its Surveys page.</p>"
                "<p>Add the files with <b>Add export files…</b>, or a folder of them with "
                "<b>Add a folder…</b> (or drop them on this page), then press "
                "<b>Aggregate</b>.</p>"
                "<p>Every file is checked first: files that are not sound exports of a survey "
                "imported here are listed with the reason and left out. Exports of several "
                "surveys are aggregated one survey at a time. Aggregating a file again, or a "
                "newer export of the same post, never counts a response twice.</p>"
            )
        )
        self.empty_label = label
        layout = QHBoxLayout(state)
        layout.addWidget(label, 0, Qt.AlignmentFlag.AlignCenter)
        return state

    def _build_results(self) -> QWidget:
        results = QWidget(self)
        self.run_label = QLabel(results)
        self.run_label.setObjectName("runResult")
        self.run_label.setWordWrap(True)
        self.run_label.setTextFormat(Qt.TextFormat.RichText)
        self.run_label.setStyleSheet(
            f"QLabel#runResult {{ border-left: 4px solid {POSITIVE}; padding: 6px 10px;"
            " background: rgba(27, 127, 91, 0.08); }"
        )

        self.refused_box = QFrame(results)
        self.refused_box.setObjectName("refused")
        self.refused_box.setStyleSheet(
            f"QFrame#refused {{ border: 1px solid {DANGER}; border-left: 4px solid {DANGER};"
            " border-radius: 4px; background: rgba(198, 40, 40, 0.06); }"
        )
        warning = QLabel(self.refused_box)
        warning.setPixmap(icon("alert-circle-outline").pixmap(20, 20))
        self.refused_title = QLabel(self.refused_box)
        set_tone(self.refused_title, "danger", bold=True)
        self.refused_title.setWordWrap(True)
        self.refused_table = make_tree(
            self.refused_box,
            self.tr("Refused files"),
            [self.tr("File"), self.tr("Post"), self.tr("What is wrong")],
        )
        self.refused_table.setWordWrap(True)
        self.refused_table.setUniformRowHeights(False)
        header = self.refused_table.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        refused_top = QHBoxLayout()
        refused_top.addWidget(warning)
        refused_top.addWidget(self.refused_title, 1)
        refused_layout = QVBoxLayout(self.refused_box)
        refused_layout.setContentsMargins(10, 8, 10, 8)
        refused_layout.addLayout(refused_top)
        refused_layout.addWidget(self.refused_table)

        self.totals_label = QLabel(results)
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.totals_label.setWordWrap(True)
        self.save_summary_button = QPushButton(
            icon("file-excel-outline"), self.tr("Save &summary (.xlsx)…"), results
        )
        self.save_summary_button.setToolTip(
            self.tr("Write the summary workbook: one sheet per part, posts first")
        )
        self.save_summary_button.clicked.connect(lambda: self.save_summary())
        self.save_report_button = QPushButton(
            icon("file-pdf-box"), self.tr("Save report (P&DF)…"), results
        )
        self.save_report_button.setToolTip(
            self.tr("Write the report of the survey with charts and tables as PDF")
        )
        self.save_report_button.clicked.connect(lambda: self.save_report())
        totals = QHBoxLayout()
        totals.addWidget(self.totals_label, 1)
        totals.addWidget(self.save_summary_button)
        totals.addWidget(self.save_report_button)

        self.posts_view = PostsView(results)
        self.likert_view = LikertView(results)
        self.letter_view = LetterView(results)
        self.replaced_table = make_tree(
            results,
            self.tr("Replaced responses"),
            [self.tr("Response"), self.tr("Post"), self.tr("File")],
        )
        self.replaced_table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.replaced_table.hide()  # a tab only after a run that replaced responses
        self.tabs = QTabWidget(results)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.posts_view, icon("domain"), self.tr("&Posts"))
        self.tabs.addTab(self.likert_view, icon("chart-bar"), self.tr("Li&kert items"))
        self.tabs.addTab(self.letter_view, icon("chart-bar"), self.tr("As the l&etter reads it"))

        layout = QVBoxLayout(results)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.run_label)
        layout.addWidget(self.refused_box)
        layout.addLayout(totals)
        layout.addWidget(self.tabs, 1)
        return results

    # -- the list of files -----------------------------------------------------------------

    def ask_open_paths(self) -> list[Path]:
        return ask_open_paths(
            self,
            EXPORTS_KIND,
            self.tr("Add export files"),
            self.tr("Survey exports (*.xlsx);;All files (*)"),
        )

    def ask_folder(self) -> Path | None:
        return ask_folder(self, EXPORTS_KIND, self.tr("Add a folder of exports"))

    def ask_save_path(self, title: str, suggested_name: str, file_filter: str) -> Path | None:
        return ask_save_path(self, RESULTS_KIND, title, suggested_name, file_filter)

    def add_files(self) -> None:
        """Ask for export files and put them on the list."""
        paths = self.ask_open_paths()
        if paths:
            self.add_paths(paths)

    def add_folder(self) -> None:
        """Ask for a folder and put it on the list (its exports are found when aggregating)."""
        folder = self.ask_folder()
        if folder is not None:
            self.add_paths([folder])

    def add_paths(self, paths: Iterable[str | Path]) -> None:
        """Put files and folders on the list to aggregate; each only once."""
        known = {path.resolve() for path in self.paths}
        for entry in paths:
            path = Path(entry)
            if path.resolve() not in known:
                known.add(path.resolve())
                self.paths.append(path)
        self._show_queue()

    def remove_selected_paths(self) -> None:
        chosen = {item.data(_PATH) for item in self.queue_list.selectedItems()}
        self.paths = [path for path in self.paths if str(path) not in chosen]
        self._show_queue()

    def clear_paths(self) -> None:
        self.paths = []
        self._show_queue()

    def _show_queue(self) -> None:
        self.queue_list.clear()
        files = folders = 0
        for path in self.paths:
            is_folder = path.is_dir()
            folders += is_folder
            files += not is_folder
            item = QListWidgetItem(
                icon("folder-outline" if is_folder else "file-document-outline"), path.name
            )
            item.setData(_PATH, str(path))
            item.setToolTip(str(path))
            self.queue_list.addItem(item)
        self.queue_title.setText(
            self.tr("To aggregate — files: {files}, folders: {folders}").format(
                files=files, folders=folders
            )
        )
        self.queue_box.setVisible(bool(self.paths))
        self._update_buttons()

    # -- state for the main window ---------------------------------------------------------

    @property
    def is_network_shown(self) -> bool:
        """Whether the Network tab is the one shown (the toolbar shows its commands)."""
        return self.page_tabs.currentWidget() is self.network_view

    def show_network(self) -> None:
        self.page_tabs.setCurrentWidget(self.network_view)

    def show_survey(self) -> None:
        self.page_tabs.setCurrentIndex(0)

    @property
    def is_busy(self) -> bool:
        return self.job is not None

    @property
    def can_aggregate(self) -> bool:
        return bool(self.paths) and self.job is None

    @property
    def can_save(self) -> bool:
        return self.summary is not None and bool(self.summary.responses) and self.job is None

    def _update_buttons(self) -> None:
        idle = self.job is None
        self.add_files_button.setEnabled(idle)
        self.add_folder_button.setEnabled(idle)
        self.aggregate_button.setEnabled(self.can_aggregate)
        self.remove_button.setEnabled(idle and bool(self.queue_list.selectedItems()))
        self.clear_button.setEnabled(idle and bool(self.paths))
        self.save_summary_button.setEnabled(self.can_save)
        self.save_report_button.setEnabled(self.can_save)
        self.state_changed.emit()

    # -- aggregating -----------------------------------------------------------------------

    def refresh(self) -> Job | None:
        """Build the summary again from what is stored (off the GUI thread): that of the
        survey aggregated last."""
        if self.job is not None:
            return None
        return self._start_job(
            self.tr("Reading the stored responses…"), session_call(stored_summary), self._refreshed
        )

    def aggregate(self) -> Job | None:
        """Check and store the listed exports, then rebuild the summary; cancel stores nothing.

        The files are sorted by survey first; when they are of several, the user picks one
        (`ask_form`) and a second job aggregates it.
        """
        if not self.can_aggregate:
            return None
        return self._start_job(
            self.tr("Aggregating the post exports…"),
            session_call_with_progress(aggregate_exports, list(self.paths)),
            self._sorted,
            Changes.of("hq"),
        )

    def _sorted(self, result: SortedExports | tuple[SortedExports, CollectReport, Summary]) -> None:
        if isinstance(result, tuple):
            found, report, summary = result
            self._aggregated(found, found.forms[0] if found.forms else None, report, summary)
        else:
            QTimer.singleShot(0, self, lambda: self._choose_form(result))

    def _choose_form(self, found: SortedExports) -> Job | None:
        chosen = self.ask_form(found.forms)
        if chosen is None:
            self.status_message.emit(self.tr("Nothing aggregated; the files stay on the list."))
            return None
        return self._start_job(
            self.tr("Aggregating the post exports…"),
            session_call_with_progress(collect_chosen_exports, found, chosen),
            lambda result: self._aggregated(found, chosen, *result),
            Changes.of("hq"),
        )

    def ask_form(self, forms: Sequence[FormFiles]) -> FormFiles | None:
        """Which survey's exports to aggregate now; the one with the most files is offered."""
        labels = [
            self.tr(
                "{title} ({form_id}, version {version}): %n file(s)", "", len(group.paths)
            ).format(
                title=group.title or group.form_id, form_id=group.form_id, version=group.version
            )
            for group in forms
        ]
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Choose a survey"),
            self.tr(
                "The files are exports of several surveys. Which survey do you want to "
                "aggregate now? The other files stay on the list."
            ),
            labels,
            0,
            False,
        )
        return forms[labels.index(label)] if ok and label in labels else None

    def _aggregated(
        self,
        found: SortedExports,
        chosen: FormFiles | None,
        report: CollectReport,
        summary: Summary,
    ) -> None:
        self.last_report = report
        self.paths = [path for group in found.forms if group is not chosen for path in group.paths]
        self._show_queue()
        self.summary = summary
        self._show_results()
        self.changed.emit()
        if report.files == 0:
            text = self.tr("No .xlsx files were found in the folders on the list.")
        elif report.refused:
            text = self.tr(
                "Aggregated: files accepted {accepted}, refused {refused}. The refused files "
                "were left out."
            ).format(accepted=len(report.accepted), refused=len(report.refused))
        else:
            text = self.tr("Aggregated: files accepted {accepted}.").format(
                accepted=len(report.accepted)
            )
        if self.paths:
            text += " " + self.tr(
                "Exports of other surveys stay on the list: %n file(s).", "", len(self.paths)
            )
        self.status_message.emit(text)

    def _refreshed(self, summary: Summary | None) -> None:
        self.summary = summary
        self._show_results()
        self.changed.emit()

    def _start_job(
        self,
        label: str,
        work: SessionWork[T],
        on_success: Callable[[T], None],
        changes: Changes | None = None,
    ) -> Job:
        """Run `work(session, progress)` in a process of its own: reading exports, adding
        up responses and writing reports hold the interpreter, which the GUI thread needs."""
        job = self.job = self.runner.process_job(self, label, work, on_success, changes=changes)
        job.finished.connect(lambda: self._job_done(job))
        self._update_buttons()
        return job

    def _job_done(self, job: Job) -> None:
        if self.job is job:  # not a job its own success started
            self.job = None
        if job.is_cancelled:
            self.status_message.emit(self.tr("Aggregation cancelled; nothing was stored."))
        self._update_buttons()

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._has_loaded:
            self._has_loaded = True
            QTimer.singleShot(0, self, self.refresh)

    # -- drops -----------------------------------------------------------------------------

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.job is None and dropped_paths(event):
            event.acceptProposedAction()
            self.setStyleSheet("HeadquartersPage { border: 2px dashed palette(highlight); }")
        else:
            event.ignore()

    @override
    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.setStyleSheet("")
        super().dragLeaveEvent(event)

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        self.setStyleSheet("")
        paths = dropped_paths(event)
        if self.job is not None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_paths(paths)

    # -- results ---------------------------------------------------------------------------

    def _show_results(self) -> None:
        summary, report = self.summary, self.last_report
        has_data = summary is not None and bool(
            summary.responses or summary.refused_files or summary.missing_posts
        )
        self.stack.setCurrentWidget(self.results if has_data or report else self.empty_state)
        self._show_run(report)
        self._show_refused()
        if summary is not None:
            language = self._summary_language(summary)
            self.subtitle.setText(
                self.tr("{title} · version {version}").format(
                    title=label_in(summary.title, language), version=summary.version
                )
            )
            self.totals_label.setText(
                self.tr(
                    "<b>In the summary:</b> responses {responses} · posts {posts} · "
                    "regions {regions} · missing posts {missing}"
                ).format(
                    responses=_number(summary.responses),
                    posts=_number(len(summary.posts)),
                    regions=_number(sum(1 for region in summary.regions if region.responses)),
                    missing=_number(len(summary.missing_posts)),
                )
            )
            self.posts_view.set_summary(summary, language)
            self.likert_view.set_summary(summary, language)
            self.letter_view.set_summary(summary, language)
        self._update_buttons()

    def _show_run(self, report: CollectReport | None) -> None:
        self.run_label.setVisible(report is not None)
        index = self.tabs.indexOf(self.replaced_table)
        if report is None:
            self._remove_replaced_tab(index)
            return
        text = self.tr(
            "<b>Last aggregation:</b> files accepted {accepted}, refused {refused} · "
            "responses added {added}, replaced {replaced}, unchanged {unchanged}"
        ).format(
            accepted=_number(len(report.accepted)),
            refused=_number(len(report.refused)),
            added=_number(report.added),
            replaced=_number(report.replaced),
            unchanged=_number(report.unchanged),
        )
        if report.outdated:
            text += self.tr(" · older than the stored version, kept out {outdated}").format(
                outdated=_number(report.outdated)
            )
        self.run_label.setText(text)
        self.replaced_table.clear()
        for replaced in report.replaced_responses:
            row = [replaced.uuid, replaced.post, replaced.path.name]
            self.replaced_table.addTopLevelItem(_tree_item(row, str(replaced.path)))
        if report.replaced_responses and index < 0:
            self.tabs.addTab(
                self.replaced_table, icon("swap-horizontal"), self.tr("Replaced responses")
            )
        elif not report.replaced_responses:
            self._remove_replaced_tab(index)

    def _remove_replaced_tab(self, index: int) -> None:
        if index >= 0:
            self.tabs.removeTab(index)
            self.replaced_table.hide()

    def _show_refused(self) -> None:
        """The files refused in the last run, or (before one) those stored and not put right."""
        self.refused_table.clear()
        rows: list[tuple[str, str, str, str]] = []
        if self.last_report is not None:
            rows = [
                (refused.path.name, refused.post, refused.reason, str(refused.path))
                for refused in self.last_report.refused
            ]
        elif self.summary is not None:
            rows = [
                (Path(receipt.file).name, receipt.post, receipt.reason, receipt.file)
                for receipt in self.summary.refused_files
            ]
        for name, post, reason, full_path in rows:
            item = _tree_item([name, post, reason], full_path)
            item.setToolTip(2, reason)
            self.refused_table.addTopLevelItem(item)
        self.refused_title.setText(
            self.tr(
                "Refused and left out: {count}. Ask the posts concerned for a new export."
            ).format(count=_number(len(rows)))
        )
        self.refused_box.setVisible(bool(rows))
        self._fit_refused_table()

    def _fit_refused_table(self) -> None:
        """As tall as its rows, up to about five of them; a longer list scrolls."""
        table = self.refused_table
        table.doItemsLayout()
        rows = sum(table.sizeHintForRow(row) for row in range(min(5, table.topLevelItemCount())))
        height = table.header().sizeHint().height() + rows + 2 * table.frameWidth() + 2
        table.setFixedHeight(max(height, 60))

    def refused_files(self) -> list[tuple[str, str]]:
        """The (file name, reason) of each refused file listed."""
        table = self.refused_table
        items = (table.topLevelItem(row) for row in range(table.topLevelItemCount()))
        return [(item.text(0), item.text(2)) for item in items]

    def _summary_language(self, summary: Summary) -> str:
        return self._language if self._language in summary.languages else "en"

    # -- saving ----------------------------------------------------------------------------

    def save_summary(self) -> Job | None:
        """Ask where, then write the summary workbook (.xlsx)."""
        summary = self.summary
        if summary is None or not self.can_save:
            return None
        path = self.ask_save_path(
            self.tr("Save the summary"),
            f"{summary.form_id}-summary.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path is None:
            return None
        path = path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
        return self._start_job(
            self.tr("Writing the summary…"),
            session_call(save_summary_xlsx, summary, path, self._summary_language(summary)),
            lambda written: self.status_message.emit(
                self.tr("Summary written to {0}").format(written)
            ),
        )

    def save_report(self) -> Job | None:
        """Ask where, then write the report with charts and tables (PDF)."""
        summary = self.summary
        if summary is None or not self.can_save:
            return None
        path = self.ask_save_path(
            self.tr("Save the report"),
            f"{summary.form_id}-report.pdf",
            self.tr("PDF document (*.pdf)"),
        )
        if path is None:
            return None
        path = path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
        return self._start_job(
            self.tr("Writing the report…"),
            session_call(
                "postkit.core.hq.report:save_aggregate_report",  # reportlab: child only
                summary,
                path,
                self._summary_language(summary),
            ),
            lambda written: self.status_message.emit(
                self.tr("Report written to {0}").format(written)
            ),
        )


def _number(value: int) -> str:
    return QLocale().toString(value)


def _tree_item(texts: list[str], tooltip: str) -> QTreeWidgetItem:
    item = QTreeWidgetItem(texts)
    item.setToolTip(0, tooltip)
    return item
