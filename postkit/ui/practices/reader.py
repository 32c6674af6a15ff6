"""The reading view: a practice's text rendered from Markdown beside a box of facts and files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QKeyEvent,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.attachments import readable_attachment
from postkit.core.errors import PostkitError
from postkit.core.practices.records import PracticeRecord
from postkit.ui.dialogs import show_error
from postkit.ui.overrides import override
from postkit.ui.practices.labels import (
    LANGUAGE_NAMES,
    core_task_short,
    country_label,
    facts_line,
    labels,
    region_label,
    status_label,
)
from postkit.ui.widgets.bar_chart import OKABE_ITO, mix
from postkit.ui.widgets.tones import tone_color

FACTS_WIDTH = 300
_ATTACHMENT_SCHEME = "attachment"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def space_blocks(document: QTextDocument, heading_top: float, paragraph_bottom: float) -> None:
    """Air between the blocks Markdown import packs tight: above headings, after paragraphs."""
    block = document.begin()
    first = True
    while block.isValid():
        spacing = QTextBlockFormat()
        if block.blockFormat().headingLevel() > 0:
            spacing.setTopMargin(0 if first else heading_top)
            spacing.setBottomMargin(paragraph_bottom / 2)
        elif block.textList() is not None:
            spacing.setBottomMargin(paragraph_bottom / 4)
        else:
            spacing.setBottomMargin(paragraph_bottom)
        QTextCursor(block).mergeBlockFormat(spacing)
        first = False
        block = block.next()


def _size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 0)


class PracticeReader(QWidget):
    """Shows one practice. Emits `back_requested`, `edit_requested`, `delete_requested` and
    `mark_used_requested` with the practice's id; the page does the work."""

    back_requested = Signal()
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    mark_used_requested = Signal(int)
    attachment_opened = Signal(Path)

    def __init__(
        self, files_dir: Path, language: str, post_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._files_dir = files_dir
        self._language = language
        self._post_name = post_name
        self.record: PracticeRecord | None = None

        style = self.style()
        self.back_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack), self.tr("&Library"), self
        )
        self.back_button.setToolTip(self.tr("Back to the library (Esc)"))
        self.back_button.clicked.connect(self.back_requested)
        self.mark_used_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
            self.tr("&Mark as used at our post"),
            self,
        )
        self.mark_used_button.setDefault(True)
        self.mark_used_button.clicked.connect(self._mark_used)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.clicked.connect(lambda: self._emit_for(self.edit_requested))
        self.delete_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon), self.tr("&Delete…"), self
        )
        self.delete_button.clicked.connect(lambda: self._emit_for(self.delete_requested))
        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addStretch()
        bar.addWidget(self.mark_used_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)

        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setWeight(QFont.Weight.Bold)
        self.title_label.setFont(title_font)
        self.subtitle_label = QLabel(self)
        self.subtitle_label.setTextFormat(Qt.TextFormat.RichText)
        self.subtitle_label.setWordWrap(True)

        self.text = QTextBrowser(self)
        self.text.setAccessibleName(self.tr("Practice text"))
        self.text.setOpenExternalLinks(True)
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.document().setDocumentMargin(18)
        body_font = QFont(self.font())
        body_font.setPointSizeF(body_font.pointSizeF() * 1.08)
        self.text.document().setDefaultFont(body_font)

        self.facts = QLabel(self)
        self.facts.setObjectName("facts")
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setWordWrap(True)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.facts.setOpenExternalLinks(False)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.facts.linkActivated.connect(self.open_link)
        self.facts.setStyleSheet(
            "QLabel#facts { background: palette(alternate-base); border: 1px solid "
            "palette(midlight); border-radius: 8px; padding: 14px 16px; }"
        )
        self.facts.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        facts_column = QWidget(self)
        facts_layout = QVBoxLayout(facts_column)
        facts_layout.setContentsMargins(0, 0, 0, 0)
        facts_layout.addWidget(self.facts)
        facts_layout.addStretch()
        facts_scroll = QScrollArea(self)
        facts_scroll.setWidget(facts_column)
        facts_scroll.setWidgetResizable(True)
        facts_scroll.setFrameShape(QFrame.Shape.NoFrame)
        facts_scroll.setFixedWidth(FACTS_WIDTH + 16)
        facts_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addWidget(self.text, 1)
        columns.addWidget(facts_scroll)
        header = QVBoxLayout()
        header.setSpacing(4)
        header.addWidget(self.title_label)
        header.addWidget(self.subtitle_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addSpacing(6)
        layout.addLayout(header)
        layout.addSpacing(8)
        layout.addLayout(columns, 1)

    # -- showing -----------------------------------------------------------------------

    def show_record(self, record: PracticeRecord) -> None:
        self.record = record
        data = record.data
        self.title_label.setText(data.title)
        chips = "&nbsp;&nbsp;".join(
            f"<span style='color:{OKABE_ITO[(t - 1) % len(OKABE_ITO)]}'>&#9679;</span>&nbsp;"
            f"{_escape(core_task_short(t, self._language))}"
            for t in data.core_tasks
        )
        line = _escape(facts_line(data.post_name, data.country, data.year, self._language))
        status = (
            ""
            if data.is_published
            else (
                f"&nbsp;&nbsp;<span style='color:{tone_color('warning').name()}; font-weight:600'>"
                f"{_escape(status_label(data.status))}</span>"
            )
        )
        self.subtitle_label.setText(f"{line}&nbsp;&nbsp;·&nbsp;&nbsp;{chips}{status}")
        self.text.setMarkdown(self.markdown(record))
        line = self.text.fontMetrics().lineSpacing()
        space_blocks(self.text.document(), line * 1.1, line * 0.6)
        self.text.verticalScrollBar().setValue(0)
        self.facts.setText(self.facts_html(record))
        self._update_mark_used(record)

    def markdown(self, record: PracticeRecord) -> str:
        """The text sections as one Markdown document (the user's own Markdown kept)."""
        data = record.data
        parts = []
        for heading, text in (
            (self.tr("Summary"), data.summary),
            (self.tr("Context"), data.context),
            (self.tr("What was done"), data.what_was_done),
            (self.tr("What worked"), data.what_worked),
            (self.tr("What did not work"), data.what_did_not),
            (self.tr("Lessons for other posts"), data.lessons),
        ):
            if text.strip():
                parts.append(f"### {heading}\n\n{text.strip()}\n")
        if not parts:
            parts.append(self.tr("*No text yet. Use Edit to describe the practice.*"))
        return "\n".join(parts)

    def facts_html(self, record: PracticeRecord) -> str:
        data = record.data
        language = self._language
        rows: list[tuple[str, str]] = [
            (
                self.tr("Core tasks"),
                "<br>".join(
                    f"<span style='color:{OKABE_ITO[(t - 1) % len(OKABE_ITO)]}'>&#9679;</span>"
                    f"&nbsp;{_escape(reference.core_task_label(t, language))}"
                    for t in data.core_tasks
                ),
            ),
            (self.tr("Post"), _escape(data.post_name)),
            (self.tr("Country"), _escape(country_label(data.country, language))),
            (self.tr("Region"), _escape(region_label(data.country, language))),
            (self.tr("Year"), str(data.year or "")),
            (
                self.tr("Themes"),
                _escape(", ".join(labels(reference.themes(), data.themes, language))),
            ),
            (
                self.tr("Sectors"),
                _escape(", ".join(labels(reference.sectors(), data.sectors, language))),
            ),
            (self.tr("Language"), _escape(LANGUAGE_NAMES.get(data.language, data.language))),
            (self.tr("Status"), _escape(status_label(data.status))),
            (self.tr("Contact"), _escape(data.contact).replace("\n", "<br>")),
        ]
        muted = mix(
            self.palette().color(QPalette.ColorRole.Text),
            self.palette().color(QPalette.ColorRole.Base),
            0.45,
        ).name()
        html = ["<table cellspacing='0' cellpadding='0' width='100%'>"]
        for name, value in rows:
            if value:
                html.append(
                    f"<tr><td style='padding-bottom:9px'><span style='color:{muted}'>"
                    f"<small>{_escape(name).upper()}</small></span><br>{value}</td></tr>"
                )
        html.append("</table>")
        html.append("<p><b>" + self.tr("Tools and templates") + "</b><br>")
        if record.attachments:
            links = [
                f"<a href='{_ATTACHMENT_SCHEME}:{index}'>{_escape(a.file_name)}</a>"
                f" <small>({_size_text(a.size_bytes)})</small>"
                for index, a in enumerate(record.attachments)
            ]
            html.append("<br>".join(links))
        else:
            html.append("<i>" + self.tr("No files attached") + "</i>")
        html.append("</p>")
        html.append("<p><b>" + self.tr("Used at") + "</b><br>")
        if record.uses:
            html.append(
                "<br>".join(
                    f"{_escape(use.post_name)} <small>({self._date_text(use.marked_at)})</small>"
                    for use in record.uses
                )
            )
        else:
            html.append("<i>" + self.tr("No post has marked it as used yet") + "</i>")
        html.append("</p>")
        return "".join(html)

    @staticmethod
    def _date_text(moment: datetime) -> str:
        return QLocale().toString(moment.astimezone().date(), QLocale.FormatType.ShortFormat)

    def _update_mark_used(self, record: PracticeRecord) -> None:
        ours = self._post_name.strip().casefold()
        is_marked = any(use.post_name.strip().casefold() == ours for use in record.uses)
        self.mark_used_button.setEnabled(not is_marked)
        self.mark_used_button.setText(
            self.tr("✓ Used at our post") if is_marked else self.tr("&Mark as used at our post")
        )
        self.mark_used_button.setToolTip(
            self.tr("{0} has marked this practice as used").format(self._post_name)
            if is_marked
            else self.tr("Record that {0} used this practice").format(self._post_name)
        )

    # -- actions -----------------------------------------------------------------------

    def attachment_file(self, index: int) -> Path:
        assert self.record is not None
        return readable_attachment(self._files_dir, self.record.attachments[index])

    def open_link(self, link: str) -> None:
        scheme, _, rest = link.partition(":")
        if scheme == _ATTACHMENT_SCHEME and self.record is not None:
            try:
                path = self.attachment_file(int(rest))
            except PostkitError as error:
                show_error(self, error)
                return
            self.attachment_opened.emit(path)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        else:
            QDesktopServices.openUrl(QUrl(link))

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc comes here when no child wants it; a shortcut would also fire in other windows.
        if event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()
        else:
            super().keyPressEvent(event)

    def _emit_for(self, signal: Signal) -> None:
        if self.record is not None:
            signal.emit(self.record.id)  # type: ignore[attr-defined]

    def _mark_used(self) -> None:
        self._emit_for(self.mark_used_requested)
