"""The post's survey exports, sent — received — accepted or refused, from headquarters' receipts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from postkit.core.errors import PostkitError
from postkit.core.profile import PostProfile
from postkit.core.receipt_format import is_return
from postkit.core.surveys.receipts import (
    UNCONFIRMED_AFTER_DAYS,
    UNKNOWN_KEY,
    UNSIGNED,
    ReceiptImport,
    SentExport,
    import_receipts,
    list_sent_exports,
)
from postkit.ui.dialogs import show_error
from postkit.ui.icons import icon
from postkit.ui.ops import Changes, Job, Runner
from postkit.ui.overrides import override
from postkit.ui.widgets.save_paths import ask_open_paths
from postkit.ui.widgets.tones import follow_scheme, set_tone, tone_color

RECEIPTS_KIND = "receipts"  # the folder remembered for receipt files
RECEIPT_SUFFIX = ".json"  # receipts end .postkit-receipt.json; mail may shorten the name
FILE, SURVEY, SENT, RECEIVED, STATUS = range(5)
_ID = Qt.ItemDataRole.UserRole
_TONE = Qt.ItemDataRole.UserRole + 1


def receipt_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The receipt files among what is being dragged."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.name.lower().endswith(RECEIPT_SUFFIX)]


class ReceiptsView(QWidget):
    """Lists the exports the post wrote and what headquarters confirmed; imports receipts.

    An export without a receipt `overdue_after_days` after it was written is flagged. Receipt
    files come by the button, by `import_receipts(paths)` (a menu action) or dropped on the view.
    `status_message` carries a sentence for the status bar; `receipts_imported` fires after an
    import changed what is shown. The list is read off the GUI thread, again whenever
    responses were exported or receipts imported.
    """

    status_message = Signal(str)
    receipts_imported = Signal()

    def __init__(
        self,
        runner: Runner,
        profile: PostProfile,
        parent: QWidget | None = None,
        overdue_after_days: int = UNCONFIRMED_AFTER_DAYS,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self._profile = profile
        self.overdue_after_days = overdue_after_days
        self.job: Job | None = None
        self.exports: list[SentExport] = []

        heading = QLabel(self.tr("Exported for headquarters"), self)
        heading.setStyleSheet("font-weight: 600;")
        self.import_button = QPushButton(
            icon("file-import-outline"), self.tr("Import &receipt…"), self
        )
        self.import_button.setToolTip(
            self.tr("Read a receipt file from headquarters (you can also drop it here)")
        )
        self.import_button.clicked.connect(self.choose_receipts)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.import_button)

        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Exports sent to headquarters"))
        self.tree.setHeaderLabels(
            [
                self.tr("File"),
                self.tr("Survey"),
                self.tr("Exported"),
                self.tr("Received"),
                self.tr("Status"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        follow_scheme(self.tree, self._color_statuses)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty_label = QLabel(
            self.tr(
                "No exports yet. Each export for headquarters is listed here until its "
                "receipt confirms it."
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        set_tone(self.empty_label, "muted", css="padding: 6px;")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.summary)
        self.setAcceptDrops(True)
        runner.changed.connect(self._data_changed)
        self.reload()

    def set_profile(self, profile: PostProfile) -> None:
        """The post whose exports these are (after the profile was edited)."""
        self._profile = profile

    # -- the list ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the sent exports again."""
        self.runner.query(
            list_sent_exports, self._show_exports, owner=self, key=f"receipts-{id(self)}"
        )

    def _data_changed(self, changes: Changes) -> None:
        if changes.touches("responses"):
            self.reload()

    def _show_exports(self, exports: list[SentExport]) -> None:
        self.exports = exports
        now = datetime.now(UTC)
        self.tree.clear()
        for sent in self.exports:
            self.tree.addTopLevelItem(self._item(sent, now))
        self._color_statuses()
        self.tree.setVisible(bool(self.exports))
        self.empty_label.setVisible(not self.exports)

    def overdue_count(self) -> int:
        """How many exports are flagged as never confirmed."""
        now = datetime.now(UTC)
        return sum(1 for sent in self.exports if sent.is_overdue(now, self.overdue_after_days))

    def _item(self, sent: SentExport, now: datetime) -> QTreeWidgetItem:
        # An annual return is confirmed by the same receipts; it counts no responses.
        annual_return = is_return(sent.form_id)
        if annual_return:
            survey = self.tr("Annual return {0}").format(sent.version)
        else:
            survey = f"{sent.form_id} {sent.version}"
        received = _local_time(sent.received_at) if sent.received_at else "–"
        item = QTreeWidgetItem(
            [sent.file_name, survey, _local_time(sent.exported_at), received, ""]
        )
        item.setData(FILE, _ID, sent.id)
        item.setToolTip(
            FILE,
            self.tr("Responses: {0} · SHA-256 {1}").format(sent.responses, sent.file_sha256),
        )
        if sent.status == "accepted" and sent.is_receipt_verified and annual_return:
            text = self.tr("Confirmed by headquarters")
            tone, glyph = "positive", "check-circle-outline"
        elif sent.status == "accepted" and sent.is_receipt_verified:
            text = self.tr("Confirmed by headquarters (responses counted: {0})").format(
                sent.counted or 0
            )
            tone, glyph = "positive", "check-circle-outline"
        elif sent.status == "accepted":
            # Anybody can write an unsigned receipt: say so rather than show it as confirmed.
            text = self.tr(
                "Accepted, but the receipt is not signed (responses counted: {0})"
            ).format(sent.counted or 0)
            tone, glyph = "warning", "alert-outline"
        elif sent.status == "refused":
            text = (
                self.tr("Refused ({0})").format(sent.reason) if sent.reason else self.tr("Refused")
            )
            tone, glyph = "danger", "close-circle-outline"
        elif sent.is_overdue(now, self.overdue_after_days):
            text = self.tr("Not confirmed after {0} days").format(self.overdue_after_days)
            tone, glyph = "warning", "alert-outline"
            font = item.font(STATUS)
            font.setBold(True)
            item.setFont(STATUS, font)
        else:
            text = self.tr("Exported, not yet confirmed by headquarters")
            tone, glyph = None, "clock-outline"
        item.setText(STATUS, text)
        item.setToolTip(STATUS, text)
        item.setIcon(STATUS, icon(glyph))
        item.setData(STATUS, _ID, sent.status or ("overdue" if tone == "warning" else "waiting"))
        item.setData(STATUS, _TONE, tone)
        return item

    def _color_statuses(self) -> None:
        """Each status in its tone for the scheme shown (again after a switch)."""
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            tone = item.data(STATUS, _TONE)
            if tone:
                item.setForeground(STATUS, QBrush(tone_color(tone)))

    # -- importing -----------------------------------------------------------------------

    def ask_receipt_paths(self) -> list[Path]:
        return ask_open_paths(
            self,
            RECEIPTS_KIND,
            self.tr("Import a receipt from headquarters"),
            self.tr("Receipts from headquarters (*.postkit-receipt.json *.json)"),
        )

    def choose_receipts(self) -> None:
        """Ask for receipt files and import them."""
        paths = self.ask_receipt_paths()
        if paths:
            self.import_receipts(paths)

    def report_errors(self, errors: Sequence[PostkitError]) -> None:
        """Tell the user which receipt files could not be imported, and why."""
        show_error(self, PostkitError("\n".join(str(error) for error in errors)))

    def import_receipts(self, paths: Sequence[Path]) -> None:
        """Import receipt files on a worker; each file is taken whole or not at all."""
        if self.job is not None or not paths:
            return
        from postkit.core.processes import session_call

        # A process of its own: checking signatures and matching exports would hold the
        # interpreter, which the GUI thread needs to turn.
        work = session_call(import_receipts, list(paths), self._profile.post_name)
        self.job = self.runner.process_job(
            self, self.tr("Importing the receipt…"), work, self._imported
        )
        self.job.finished.connect(self._job_done)
        self.import_button.setEnabled(False)

    def _imported(self, outcome: tuple[list[ReceiptImport], list[PostkitError]]) -> None:
        results, errors = outcome
        self.reload()
        lines = [self._describe(result) for result in results]
        self.summary.setText("\n".join(lines))
        self.summary.setVisible(bool(lines))
        if results:
            updated = sum(len(result.updated) for result in results)
            self.status_message.emit(
                self.tr("Receipt imported (exports updated: {0})").format(updated)
            )
            self.receipts_imported.emit()
        if errors:
            self.report_errors(errors)

    def _describe(self, result: ReceiptImport) -> str:
        text = self.tr("{file}: receipt of {date} (exports updated: {count}).").format(
            file=result.path.name,
            date=QLocale().toString(result.issued_at.date(), QLocale.FormatType.ShortFormat),
            count=len(result.updated),
        )
        if result.signature == UNSIGNED:
            text += " " + self.tr(
                "The receipt is not signed: anybody could have written it. Ask headquarters "
                "for a signed one."
            )
        elif result.signature == UNKNOWN_KEY:
            text += " " + self.tr(
                "The receipt is signed with a key this post has not imported: import "
                "headquarters' receipt key (Surveys menu) to check it."
            )
        if result.unknown:
            names = ", ".join(entry.file_name for entry in result.unknown)
            text += " " + self.tr(
                "Headquarters also lists files this post has no record of: {0}"
            ).format(names)
        return text

    def _job_done(self) -> None:
        self.job = None
        self.import_button.setEnabled(True)

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if receipt_paths(event) and self.job is None:
            event.acceptProposedAction()
        else:
            event.ignore()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        paths = receipt_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_receipts(paths)


def _local_time(moment: datetime) -> str:
    local = QDateTime(moment.astimezone().replace(tzinfo=None))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)
