"""Sharing by file: the export dialog, the import summary, the conflict choice and the booklet."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.practices.privacy import STAFF_FIELD, PersonalDataKind, Removal
from postkit.core.practices.records import (
    ConflictRecord,
    ImportSummary,
    PracticeInput,
    SkipReason,
)
from postkit.core.practices.service import write_practices_booklet
from postkit.ui.ops import Job, Runner
from postkit.ui.practices.labels import (
    LANGUAGE_NAMES,
    core_task_short,
    counted,
    country_label,
    labels,
    status_label,
)
from postkit.ui.widgets.save_paths import ask_open_paths, ask_save_path
from postkit.ui.widgets.tones import tone_color

# (parent, kind, title, suggested name, filter) -> the path, or None when cancelled
SavePathAsker = Callable[[QWidget, str, str, str, str], Path | None]
EXCHANGE_KIND = "practices"  # the folder remembered for exchange files
BOOKLET_KIND = "booklet"
CHANGED_TINT = "#fff4d6"
CHANGED_EDGE = "#e69f00"


def ask_exchange_files(parent: QWidget) -> list[Path]:
    return ask_open_paths(
        parent,
        EXCHANGE_KIND,
        QCoreApplication.translate("PracticeSharing", "Import good practices"),
        QCoreApplication.translate("PracticeSharing", "postkit exchange files (*.postkit)"),
    )


def with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_suffix(suffix)


def export_booklet(
    parent: QWidget,
    runner: Runner,
    practice_ids: Sequence[int],
    language: str,
    title: str,
    ask_path: SavePathAsker = ask_save_path,
    on_written: Callable[[Path], None] | None = None,
) -> Job | None:
    """Ask for a file name, then write the practices as a PDF booklet off the GUI thread."""
    path = ask_path(
        parent,
        BOOKLET_KIND,
        QCoreApplication.translate("PracticeSharing", "Export PDF booklet"),
        "good-practices.pdf",
        QCoreApplication.translate("PracticeSharing", "PDF (*.pdf)"),
    )
    if path is None:
        return None
    path = with_suffix(path, ".pdf")
    from postkit.core.processes import session_call_with_progress

    # A process of its own (reportlab loads there, not here): writing the PDF would hold the
    # interpreter, which the GUI thread needs to turn.
    return runner.process_job(
        parent,
        QCoreApplication.translate("PracticeSharing", "Writing the booklet…"),
        session_call_with_progress(
            write_practices_booklet, list(practice_ids), path, language, title
        ),
        on_written or (lambda _written: None),
    )


RemovalsFor = Callable[[bool], Sequence[Removal]]

_REMOVAL_FIELDS = {
    "title": QT_TRANSLATE_NOOP("ExportDialog", "Title"),
    "summary": QT_TRANSLATE_NOOP("ExportDialog", "Summary"),
    "context": QT_TRANSLATE_NOOP("ExportDialog", "Context"),
    "what_was_done": QT_TRANSLATE_NOOP("ExportDialog", "What was done"),
    "what_worked": QT_TRANSLATE_NOOP("ExportDialog", "What worked"),
    "what_did_not": QT_TRANSLATE_NOOP("ExportDialog", "What did not work"),
    "lessons": QT_TRANSLATE_NOOP("ExportDialog", "Lessons for other posts"),
    "contact": QT_TRANSLATE_NOOP("ExportDialog", "Contact"),
    STAFF_FIELD: QT_TRANSLATE_NOOP("ExportDialog", "Created or changed by"),
}
_REMOVAL_KINDS = {
    PersonalDataKind.CONTACT: QT_TRANSLATE_NOOP("ExportDialog", "the whole contact"),
    PersonalDataKind.NAME: QT_TRANSLATE_NOOP("ExportDialog", "name"),
    PersonalDataKind.EMAIL: QT_TRANSLATE_NOOP("ExportDialog", "e-mail address"),
    PersonalDataKind.PHONE: QT_TRANSLATE_NOOP("ExportDialog", "phone number"),
    PersonalDataKind.USER: QT_TRANSLATE_NOOP(
        "ExportDialog", "user name (the post's name goes instead)"
    ),
}


class ExportDialog(QDialog):
    """Choose between the selected practices and all published ones, and whether personal
    data goes along; `removals_for(exports_selection)` tells what would be left out."""

    def __init__(
        self,
        selected: int,
        published: int,
        parent: QWidget | None = None,
        removals_for: RemovalsFor | None = None,
    ) -> None:
        super().__init__(parent)
        self._removals_for = removals_for
        self.setWindowTitle(self.tr("Export good practices"))
        intro = QLabel(
            self.tr(
                "The practices go into one .postkit file, with their attached files, for other "
                "posts to import. Send it by e-mail, on a USB stick or through a shared folder."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.selected_button = QRadioButton(
            counted(
                selected,
                self.tr("The selected practice"),
                self.tr("The {0} selected practices"),
            ),
            self,
        )
        self.selected_button.setEnabled(selected > 0)
        self.published_button = QRadioButton(
            counted(
                published,
                self.tr("The one published practice"),
                self.tr("All {0} published practices"),
            ),
            self,
        )
        self.published_button.setEnabled(published > 0)
        group = QButtonGroup(self)
        group.addButton(self.selected_button)
        group.addButton(self.published_button)
        (self.selected_button if selected else self.published_button).setChecked(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Export…"))
        self.ok_button.setEnabled(selected > 0 or published > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.removals_label = QLabel(self)
        self.removals_label.setWordWrap(True)
        self.removals = QListWidget(self)
        self.removals.setAccessibleName(self.tr("Personal data left out"))
        self.removals.setMaximumHeight(160)
        self.keep_personal_data = QCheckBox(
            self.tr("&Keep personal data (names, e-mail addresses, phone numbers)"), self
        )
        self.keep_personal_data.setToolTip(
            self.tr("Only when the people named agreed to be shared with other posts")
        )
        files_note = QLabel(self.tr("Attached files go as they are: check them yourself."), self)
        files_note.setWordWrap(True)
        files_note.setStyleSheet("color: palette(placeholder-text);")
        self.keep_personal_data.toggled.connect(self._show_removals)
        self.selected_button.toggled.connect(self._show_removals)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.selected_button)
        layout.addWidget(self.published_button)
        layout.addSpacing(6)
        layout.addWidget(self.removals_label)
        layout.addWidget(self.removals)
        layout.addWidget(self.keep_personal_data)
        layout.addWidget(files_note)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self._show_removals()

    @property
    def exports_selection(self) -> bool:
        return self.selected_button.isChecked()

    @property
    def keeps_personal_data(self) -> bool:
        return self.keep_personal_data.isChecked()

    def removal_lines(self) -> list[str]:
        return [self.removals.item(row).text() for row in range(self.removals.count())]

    def _show_removals(self, *_args: object) -> None:
        found = list(self._removals_for(self.exports_selection)) if self._removals_for else []
        self.removals.clear()
        for removal in found:
            self.removals.addItem(self._removal_text(removal))
        if self.keeps_personal_data:
            self.removals_label.setText(
                self.tr("Personal data goes along: make sure the people agreed to that.")
            )
        elif found:
            self.removals_label.setText(
                self.tr("Left out to protect privacy, each replaced by “[removed]”:")
            )
        else:
            self.removals_label.setText(
                self.tr("No names, e-mail addresses or phone numbers found to leave out.")
            )
        self.removals.setVisible(bool(found))
        self.removals.setEnabled(not self.keeps_personal_data)
        self.keep_personal_data.setEnabled(bool(found))

    def _removal_text(self, removal: Removal) -> str:
        field = _REMOVAL_FIELDS.get(removal.field)
        return self.tr("{title} — {field}: {kind} “{text}”").format(
            title=removal.practice_title,
            field=self.tr(field) if field else removal.field,
            kind=self.tr(_REMOVAL_KINDS[removal.kind]),
            text=" ".join(removal.text.split()),
        )


def _skip_reason_text(widget: QWidget, reason: SkipReason) -> str:
    texts = {
        SkipReason.SAME_VERSION: QCoreApplication.translate(
            "ImportSummaryDialog", "already here in this version"
        ),
        SkipReason.NEWER_LOCALLY: QCoreApplication.translate(
            "ImportSummaryDialog", "this post has a newer version"
        ),
        SkipReason.SAME_CONTENT: QCoreApplication.translate(
            "ImportSummaryDialog", "same content as the version here"
        ),
        SkipReason.CONFLICT_PENDING: QCoreApplication.translate(
            "ImportSummaryDialog", "this conflicting version already waits for a choice"
        ),
    }
    return texts.get(reason, str(reason))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ImportSummaryDialog(QDialog):
    """What an import added, updated and skipped (with why), the conflicts and the bad files."""

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.setWindowTitle(self.tr("Import finished"))
        self.setMinimumSize(520, 320)
        self.headline = QLabel(self._headline(), self)
        font = QFont(self.headline.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setWeight(QFont.Weight.DemiBold)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.details = QLabel(self._details_html(), self)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        self.resolve_button: QPushButton | None = None
        if summary.conflicts:
            self.resolve_button = buttons.addButton(
                self.tr("Resolve conflicts…"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.resolve_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def _headline(self) -> str:
        s = self.summary
        parts = [
            self.tr("{0} added").format(len(s.added)),
            self.tr("{0} updated").format(len(s.updated)),
            self.tr("{0} unchanged").format(len(s.skipped)),
        ]
        if s.conflicts:
            parts.append(self.tr("{0} in conflict").format(len(s.conflicts)))
        if s.failed:
            parts.append(
                counted(
                    len(s.failed),
                    self.tr("1 file not imported"),
                    self.tr("{0} files not imported"),
                )
            )
        return ", ".join(parts)

    def _details_html(self) -> str:
        s = self.summary
        sections: list[str] = []

        def section(title: str, lines: list[str], color: str = "") -> None:
            if not lines:
                return
            style = f" style='color:{color}'" if color else ""
            items = "".join(f"<li>{line}</li>" for line in lines)
            sections.append(f"<p{style}><b>{title}</b></p><ul>{items}</ul>")

        section(self.tr("Added"), [_escape(title) for _uuid, title in s.added])
        section(self.tr("Updated to the newer version"), [_escape(t) for _u, t in s.updated])
        section(
            self.tr("In conflict: edited here and at the other post"),
            [_escape(title) for _uuid, title in s.conflicts],
            tone_color("warning").name(),
        )
        section(
            self.tr("Unchanged"),
            [
                f"{_escape(item.title)} — <i>{_escape(_skip_reason_text(self, item.reason))}</i>"
                for item in s.skipped
            ],
        )
        section(
            self.tr("Files not imported (nothing was taken from them)"),
            [
                f"<b>{_escape(Path(item.path).name)}</b>: {_escape(item.problem)}"
                for item in s.failed
            ],
            tone_color("danger").name(),
        )
        if not sections:
            return self.tr("<p>The files held no practices.</p>")
        return "".join(sections)


# -- conflicts ---------------------------------------------------------------------------

FieldReader = Callable[[PracticeInput, str], str]


def _joined(values: Sequence[str]) -> str:
    return ", ".join(values) if values else "—"


CONFLICT_FIELDS: tuple[tuple[str, FieldReader], ...] = (
    (QT_TRANSLATE_NOOP("ConflictDialog", "Title"), lambda d, _lang: d.title),
    (
        QT_TRANSLATE_NOOP("ConflictDialog", "Core tasks"),
        lambda d, lang: _joined([core_task_short(t, lang) for t in d.core_tasks]),
    ),
    (QT_TRANSLATE_NOOP("ConflictDialog", "Post"), lambda d, _lang: d.post_name),
    (
        QT_TRANSLATE_NOOP("ConflictDialog", "Country"),
        lambda d, lang: country_label(d.country, lang),
    ),
    (QT_TRANSLATE_NOOP("ConflictDialog", "Year"), lambda d, _lang: str(d.year or "")),
    (QT_TRANSLATE_NOOP("ConflictDialog", "Summary"), lambda d, _lang: d.summary),
    (QT_TRANSLATE_NOOP("ConflictDialog", "Context"), lambda d, _lang: d.context),
    (QT_TRANSLATE_NOOP("ConflictDialog", "What was done"), lambda d, _lang: d.what_was_done),
    (QT_TRANSLATE_NOOP("ConflictDialog", "What worked"), lambda d, _lang: d.what_worked),
    (QT_TRANSLATE_NOOP("ConflictDialog", "What did not work"), lambda d, _lang: d.what_did_not),
    (QT_TRANSLATE_NOOP("ConflictDialog", "Lessons for other posts"), lambda d, _lang: d.lessons),
    (
        QT_TRANSLATE_NOOP("ConflictDialog", "Themes"),
        lambda d, lang: _joined(labels(reference.themes(), d.themes, lang)),
    ),
    (
        QT_TRANSLATE_NOOP("ConflictDialog", "Sectors"),
        lambda d, lang: _joined(labels(reference.sectors(), d.sectors, lang)),
    ),
    (QT_TRANSLATE_NOOP("ConflictDialog", "Contact"), lambda d, _lang: d.contact),
    (
        QT_TRANSLATE_NOOP("ConflictDialog", "Language"),
        lambda d, _lang: LANGUAGE_NAMES.get(d.language, d.language),
    ),
    (QT_TRANSLATE_NOOP("ConflictDialog", "Status"), lambda d, _lang: status_label(d.status)),
)


def changed_fields(local: PracticeInput, incoming: PracticeInput, language: str) -> list[str]:
    """The names (as in CONFLICT_FIELDS) of the fields the two versions disagree on."""
    return [
        name for name, read in CONFLICT_FIELDS if read(local, language) != read(incoming, language)
    ]


class ConflictDialog(QDialog):
    """The local and the incoming version side by side, changed fields highlighted.

    `choice` becomes "local" or "incoming" (as `resolve_conflict` takes it), or stays None when
    the user decides later.
    """

    def __init__(self, conflict: ConflictRecord, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict = conflict
        self.choice: str | None = None
        self.setWindowTitle(self.tr("Conflicting edits: {0}").format(conflict.local.data.title))
        self.setMinimumSize(860, 560)
        locale = QLocale()
        local = conflict.local
        intro = QLabel(
            self.tr(
                "This practice was edited here and at {0} since the posts last shared it. "
                "Choose which version to keep; the other one is set aside. Changed fields are "
                "highlighted."
            ).format(conflict.source_post or self.tr("the other post")),
            self,
        )
        intro.setWordWrap(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        when_local = (
            locale.toString(local.updated_at.astimezone(), QLocale.FormatType.ShortFormat)
            if local.updated_at
            else ""
        )
        when_incoming = locale.toString(
            conflict.incoming_updated_at.astimezone(), QLocale.FormatType.ShortFormat
        )
        headers = (
            "",
            self.tr("Ours (this post)<br><small>changed {0} by {1}</small>").format(
                when_local, _escape(local.updated_by)
            ),
            self.tr("Theirs ({0})<br><small>changed {1} by {2}</small>").format(
                _escape(conflict.source_post), when_incoming, _escape(conflict.incoming_updated_by)
            ),
        )
        for column, text in enumerate(headers):
            label = QLabel(f"<b>{text}</b>" if text else "", self)
            label.setTextFormat(Qt.TextFormat.RichText)
            grid.addWidget(label, 0, column)
        self.changed = changed_fields(local.data, conflict.incoming, language)
        self.cells: dict[str, tuple[QLabel, QLabel]] = {}
        rows = [
            *(
                (name, read(local.data, language), read(conflict.incoming, language))
                for name, read in CONFLICT_FIELDS
            ),
            (
                QT_TRANSLATE_NOOP("ConflictDialog", "Files"),
                _joined([a.file_name for a in local.attachments]),
                _joined([a.file_name for a in conflict.incoming_attachments]),
            ),
        ]
        if rows[-1][1] != rows[-1][2]:
            self.changed.append("Files")
        for row, (name, ours, theirs) in enumerate(rows, start=1):
            is_changed = name in self.changed
            name_label = QLabel(self.tr(name), self)
            name_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
            if is_changed:
                name_label.setText(f"<b>{_escape(self.tr(name))}</b>")
            grid.addWidget(name_label, row, 0)
            cells = []
            for column, text in ((1, ours), (2, theirs)):
                cell = QLabel(text or "—", self)
                cell.setWordWrap(True)
                cell.setTextFormat(Qt.TextFormat.PlainText)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                cell.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                cell.setProperty("changed", is_changed)
                if is_changed:
                    cell.setStyleSheet(
                        f"background: {CHANGED_TINT}; border-left: 3px solid {CHANGED_EDGE};"
                        " padding: 4px 6px; color: #1f2328;"
                    )
                else:
                    cell.setStyleSheet("padding: 4px 6px;")
                grid.addWidget(cell, row, column)
                cells.append(cell)
            self.cells[name] = (cells[0], cells[1])
        body = QWidget(self)
        body.setLayout(grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)

        buttons = QDialogButtonBox(self)
        self.keep_ours_button = buttons.addButton(
            self.tr("Keep &ours"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.take_theirs_button = buttons.addButton(
            self.tr("Take &theirs"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        later = buttons.addButton(self.tr("Decide &later"), QDialogButtonBox.ButtonRole.RejectRole)
        later.clicked.connect(self.reject)
        self.keep_ours_button.clicked.connect(lambda: self._choose("local"))
        self.take_theirs_button.clicked.connect(lambda: self._choose("incoming"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
