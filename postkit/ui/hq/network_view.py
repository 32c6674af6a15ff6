"""The headquarters page's Network tab: read a folder of the posts' annual returns, see the
year's figures (core tasks, regions, Dutch business, themes), the posts missing and without
activity and the refused files, and write the network workbook and report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.hq.network import (
    NetworkPicture,
    ReturnsReport,
    network_picture,
    newest_picture,
    read_returns,
)
from postkit.core.processes import SessionWork, session_call, session_call_with_progress
from postkit.ui.hq.summary_view import make_tree
from postkit.ui.icons import icon
from postkit.ui.ops import Changes, Job, Runner
from postkit.ui.overrides import override
from postkit.ui.widgets.save_paths import ask_folder, ask_save_path
from postkit.ui.widgets.tabs import set_tab_text

RETURNS_KIND = "hq-returns"  # the folders remembered for the file questions
RESULTS_KIND = "hq-results"

T = TypeVar("T")


class NetworkView(QWidget):
    """Reads returns and shows the network picture of a year; all database work is the
    runner's jobs (reading a folder shows progress and can be cancelled: nothing is held).
    `state_changed` when what its commands can do changed (a job, a picture)."""

    status_message = Signal(str)
    state_changed = Signal()

    def __init__(self, runner: Runner, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.language = runner, language
        self.picture: NetworkPicture | None = None
        self.report: ReturnsReport | None = None
        self.job: Job | None = None
        self._has_loaded = False
        self._load_waiting = False  # the first load, asked for while a job ran

        self.read_button = QPushButton(icon("folder-plus-outline"), self.tr("&Read returns…"))
        self.read_button.setToolTip(
            self.tr("Check and hold every annual return (.xlsx) in a folder")
        )
        self.read_button.clicked.connect(lambda: self.read_folder())
        self.year_box = QSpinBox(self)
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(date.today().year - 1)
        self.year_box.setKeyboardTracking(False)  # the year typed, not each digit on the way
        self.year_box.setAccessibleName(self.tr("Year"))
        self.year_box.valueChanged.connect(lambda _year: self.show_year())
        self.xlsx_button = QPushButton(icon("file-excel-outline"), self.tr("Save &tables (.xlsx)…"))
        self.xlsx_button.clicked.connect(lambda: self.save_tables())
        self.pdf_button = QPushButton(icon("file-pdf-box"), self.tr("Save &network report (PDF)…"))
        self.pdf_button.clicked.connect(lambda: self.save_report())
        top = QHBoxLayout()
        top.addWidget(self.read_button)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Year:"), self))
        top.addWidget(self.year_box)
        top.addStretch(1)
        top.addWidget(self.xlsx_button)
        top.addWidget(self.pdf_button)

        self.totals_label = QLabel(self)
        self.totals_label.setWordWrap(True)
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)

        self.tasks_tree = self._tree(
            self.tr("Core tasks"),
            [self.tr("Core task"), self.tr("Posts active"), self.tr("Activities"),
             self.tr("Unique companies"), self.tr("Activities last year")],
        )  # fmt: skip
        self.regions_tree = self._tree(
            self.tr("Regions"),
            [self.tr("Region"), self.tr("Posts"), *self._task_headers()],
        )
        self.business_tree = self._tree(
            self.tr("Dutch business"),
            [self.tr("Dutch business"), self.tr("Posts"), *self._task_headers()],
        )
        self.themes_tree = self._tree(
            self.tr("Themes"), [self.tr("Theme"), self.tr("Activities"), self.tr("Posts")]
        )
        self.missing_tree = self._tree(
            self.tr("Posts missing"),
            [self.tr("Post"), self.tr("Region"), self.tr("Dutch business")],
        )
        self.inactive_tree = self._tree(
            self.tr("No activity on a core task"), [self.tr("Core task"), self.tr("Posts")]
        )
        self.refused_tree = self._tree(
            self.tr("Refused files"), [self.tr("File"), self.tr("Post"), self.tr("What is wrong")]
        )
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for tree, text in (
            (self.tasks_tree, self.tr("Core tasks")),
            (self.regions_tree, self.tr("Regions")),
            (self.business_tree, self.tr("Dutch business")),
            (self.themes_tree, self.tr("Themes")),
            (self.missing_tree, self.tr("Missing")),
            (self.inactive_tree, self.tr("No activity")),
            (self.refused_tree, self.tr("Refused")),
        ):
            self.tabs.addTab(tree, text)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.tabs, 1)
        self._show()

    def _tree(self, name: str, headers: list[str]) -> QTreeWidget:
        tree = make_tree(self, name, headers)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return tree

    def _task_headers(self) -> list[str]:
        return [self.tr("Task {0} active").format(task) for task in range(1, 6)]

    # -- work --------------------------------------------------------------------------------

    def ask_folder(self) -> Path | None:
        return ask_folder(self, RETURNS_KIND, self.tr("Read the annual returns in a folder"))

    def ask_save_path(self, title: str, suggested_name: str, file_filter: str) -> Path | None:
        return ask_save_path(self, RESULTS_KIND, title, suggested_name, file_filter)

    def read_folder(self, folder: Path | None = None) -> Job | None:
        """Ask for a folder (unless given), then read and hold its returns and show the year."""
        if self.job is not None:
            return None
        folder = folder or self.ask_folder()
        if folder is None:
            return None
        return self._start(
            self.tr("Reading the annual returns…"),
            session_call_with_progress(read_returns, [folder], self.year_box.value()),
            self._read,
            Changes.of("hq"),
        )

    def show_year(self) -> Job | None:
        """Build the picture of the chosen year from the returns held."""
        if self.job is not None:
            return None
        refused = self.report.refused if self.report else ()
        return self._start(
            self.tr("Adding up the returns…"),
            session_call(network_picture, self.year_box.value(), refused),
            self._shown,
        )

    def load(self) -> Job | None:
        """Show the newest year of which returns are held (the first time the tab is seen),
        unless a job runs already: reading a folder, asked for from the menu as the tab was
        first shown, shows its own year (the load's job took its place, and showed what was
        held before the folder was read); loaded after it when it showed nothing."""
        if self.job is not None:
            self._load_waiting = True
            return None
        self._load_waiting = False
        return self._start(
            self.tr("Reading the returns held…"), session_call(newest_picture), self._loaded
        )

    def save_tables(self) -> Job | None:
        picture = self.picture
        if picture is None or self.job is not None:
            return None
        path = self.ask_save_path(
            self.tr("Save the network tables"),
            f"network-{picture.year}.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path is None:
            return None
        path = path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
        return self._start(
            self.tr("Writing the network tables…"),
            session_call(
                "postkit.core.hq.network_report:save_network_xlsx", picture, path, self.language
            ),
            self._written,
        )

    def save_report(self) -> Job | None:
        picture = self.picture
        if picture is None or self.job is not None:
            return None
        path = self.ask_save_path(
            self.tr("Save the network report"),
            f"network-{picture.year}.pdf",
            self.tr("PDF document (*.pdf)"),
        )
        if path is None:
            return None
        path = path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
        return self._start(
            self.tr("Writing the network report…"),
            session_call(
                "postkit.core.hq.network_report:save_network_pdf", picture, path, self.language
            ),
            self._written,
        )

    def _start(
        self,
        label: str,
        work: SessionWork[T],
        done: Callable[[T], None],
        changes: Changes | None = None,
    ) -> Job:
        # Reading returns, adding them up and writing the report hold the interpreter for
        # long: in a process of their own, the GUI thread keeps turning.
        job = self.job = self.runner.process_job(self, label, work, done, changes=changes)
        job.finished.connect(lambda: self._finished(job))
        self._show()
        return job

    def _finished(self, job: Job) -> None:
        if self.job is job:
            self.job = None
        if job.is_cancelled:
            self.status_message.emit(self.tr("Reading cancelled; no return was held."))
        self._show()
        picture = self.picture
        if self.job is None and self._load_waiting:
            self._load_waiting = False
            if picture is None:  # the reading was cancelled or failed
                self.load()
                return
        if self.job is None and picture is not None and picture.year != self.year_box.value():
            self.show_year()  # the year was changed while the job ran

    def _read(self, result: tuple[ReturnsReport, NetworkPicture]) -> None:
        self.report, picture = result
        self.status_message.emit(
            self.tr("{0} returns read, {1} refused").format(
                len(self.report.accepted), len(self.report.refused)
            )
        )
        self._shown(picture)

    def _loaded(self, picture: NetworkPicture | None) -> None:
        if picture is not None:
            self.year_box.blockSignals(True)
            self.year_box.setValue(picture.year)
            self.year_box.blockSignals(False)
        self._shown(picture)

    def _shown(self, picture: NetworkPicture | None) -> None:
        self.picture = picture
        self._show()

    def _written(self, path: Path) -> None:
        self.status_message.emit(self.tr("Written to {0}").format(path))

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._has_loaded:
            self._has_loaded = True
            QTimer.singleShot(0, self, self.load)

    # -- showing -----------------------------------------------------------------------------

    @property
    def can_save(self) -> bool:
        """Whether there is a picture to write, and no job running."""
        return self.job is None and self.picture is not None

    def _show(self) -> None:
        busy, picture = self.job is not None, self.picture
        self.read_button.setEnabled(not busy)
        self.year_box.setEnabled(not busy)
        self.xlsx_button.setEnabled(self.can_save)
        self.pdf_button.setEnabled(self.can_save)
        self.state_changed.emit()
        for tree in (self.tasks_tree, self.regions_tree, self.business_tree, self.themes_tree,
                     self.missing_tree, self.inactive_tree, self.refused_tree):  # fmt: skip
            tree.clear()
        if picture is None:
            self.totals_label.setText(
                self.tr("No annual returns held yet: read a folder of the posts' returns.")
            )
            return
        reporting = picture.posts_reporting - len(picture.unlisted)
        self.totals_label.setText(
            self.tr(
                "<b>{0}</b>: returns of <b>{1}</b> of the {2} posts on the list; "
                "<b>{3}</b> missing; {4} refused files."
            ).format(
                picture.year,
                reporting,
                picture.posts_listed,
                len(picture.missing),
                len(picture.refused),
            )
        )
        language = self.language
        compared = {line.core_task: line for line in picture.compared}
        for line in picture.tasks:
            before = compared[line.core_task].activities_before
            self._row(self.tasks_tree, [
                _task(line.core_task, language),
                f"{line.posts_active} ({100 * line.share_active:.0f}%)",
                _number(line.activities), _number(line.unique_companies),
                "–" if before is None else _number(before),
            ])  # fmt: skip
        for tree, lines, kind in (
            (self.regions_tree, picture.regions, "region"),
            (self.business_tree, picture.business, "business"),
        ):
            groups: dict[str, list[Any]] = {}
            for line in lines:
                groups.setdefault(line.group, []).append(line)
            for group, by_task in groups.items():
                self._row(tree, [
                    self._group(kind, group), _number(by_task[0].posts_reporting),
                    *(f"{100 * g.share_active:.0f}%" for g in by_task),
                ])  # fmt: skip
        themes = reference.themes()
        for theme in picture.themes:
            label = themes.label(theme.code, language)
            self._row(self.themes_tree, [label, _number(theme.activities), _number(theme.posts)])
        for post in picture.missing:
            region, business = (
                self._group("region", post.region),
                self._group("business", post.business),
            )
            self._row(self.missing_tree, [post.label(language), region, business])
        for task, posts in picture.inactive.items():
            self._row(self.inactive_tree, [_task(task, language), ", ".join(posts)])
        for refused in picture.refused:
            self._row(self.refused_tree, [refused.path.name, refused.post, refused.reason])
        set_tab_text(self.tabs, 6, self.tr("Refused ({0})").format(len(picture.refused)))
        set_tab_text(self.tabs, 4, self.tr("Missing ({0})").format(len(picture.missing)))

    def _group(self, kind: str, code: str) -> str:
        if not code:
            return self.tr("not on the list") if kind == "region" else self.tr("none")
        known = reference.regions() if kind == "region" else reference.business_levels()
        return known.label(code, self.language)

    @staticmethod
    def _row(tree: QTreeWidget, texts: list[str]) -> None:
        item = QTreeWidgetItem(texts)
        item.setToolTip(len(texts) - 1, texts[-1])
        tree.addTopLevelItem(item)


def _task(task: int, language: str) -> str:
    return f"{task}. {reference.core_task_label(task, language, short=True)}"


def _number(value: int) -> str:
    return QLocale().toString(value)
