"""Trainer mode: one practice per page in large type, full screen, moved through with the keys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.practices.records import PracticeFilter, PracticeRecord
from postkit.ui.dialogs import confirm
from postkit.ui.ops import Job, Runner
from postkit.ui.overrides import override
from postkit.ui.practices.labels import facts_line, labels
from postkit.ui.practices.ops import read_practice_set
from postkit.ui.practices.reader import space_blocks
from postkit.ui.practices.sharing import SavePathAsker, export_booklet
from postkit.ui.widgets.bar_chart import OKABE_ITO
from postkit.ui.widgets.save_paths import ask_save_path

INK = "#1f2937"
MUTED = "#5b6572"
NAVY = "#154273"
ACCENT = "#01689b"
PANEL = "#eef4f9"
# The body's type as a share of the screen height at most (1/28) and at least (1/40): it is
# as large as the practice's text lets it be while it still fits.
LARGEST, SMALLEST = 28, 40
TOOLBAR_HIDE_MS = 3500
_REVEAL_BAND = 56  # px at the top edge where the mouse brings the toolbar back

_NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space}
_PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}
# Up and Down scroll a page whose text runs longer than the screen.
_SCROLL_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slide_markdown(record: PracticeRecord, tr: Callable[[str], str]) -> str:
    data = record.data
    parts = []
    for heading, text in (
        ("", data.summary),
        (tr(QT_TRANSLATE_NOOP("PresentationView", "What was done")), data.what_was_done),
        (tr(QT_TRANSLATE_NOOP("PresentationView", "What worked")), data.what_worked),
    ):
        if text.strip():
            parts.append(f"#### {heading}\n\n{text.strip()}" if heading else text.strip())
    return "\n\n".join(parts)


class PresentationView(QWidget):
    """Shows a set of practices one per page; Esc closes it. `reset_demo`, when given, is
    offered as a button (demo mode only) and the set is loaded again after it ran.

    The whole set is read at once, off the GUI thread, so moving through it never waits;
    `loaded` fires when a set is in."""

    closed = Signal()
    loaded = Signal()

    def __init__(
        self,
        runner: Runner,
        language: str = "en",
        reset_demo: Callable[[], None] | None = None,
        ask_path: SavePathAsker = ask_save_path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.runner = runner
        self._language = language
        self._reset_demo = reset_demo
        self._ask_path = ask_path
        self._records: list[PracticeRecord] = []
        self._ids: list[int] = []
        self._wanted: int | None = None  # the practice to start on once the set is in
        self._position = 0
        self.job: Job | None = None
        self.setWindowTitle(self.tr("postkit — good practices"))
        self.setObjectName("presentation")
        self.setStyleSheet(
            f"QWidget#presentation {{ background: #ffffff; }}"
            f" QLabel {{ color: {INK}; background: transparent; }}"
            f" QTextBrowser {{ border: none; background: #ffffff; color: {INK}; }}"
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)

        self.toolbar = self._build_toolbar()
        self.band = QFrame(self)
        self.band.setFixedHeight(10)
        self.band.setStyleSheet(f"background: {ACCENT};")
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet(f"color: {NAVY};")
        self.meta_label = QLabel(self)
        self.meta_label.setStyleSheet(f"color: {MUTED};")
        self.facts_label = QLabel(self)
        self.facts_label.setTextFormat(Qt.TextFormat.RichText)
        self.facts_label.setWordWrap(True)
        self.facts_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.facts_label.setObjectName("slide_facts")
        self.body = QTextBrowser(self)
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body.setOpenLinks(False)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.counter_label = QLabel(self)
        self.counter_label.setStyleSheet(f"color: {MUTED};")
        self.counter_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.hint_label = QLabel(
            self.tr("← → to move · Home/End for the first and last · Esc to leave"), self
        )
        self.hint_label.setStyleSheet(f"color: {MUTED};")
        self.lower_panel = self._build_lower_panel()

        slide = QVBoxLayout()
        self.slide_layout = slide
        slide.addWidget(self.title_label)
        slide.addWidget(self.meta_label)
        slide.addSpacing(18)
        columns = QHBoxLayout()
        columns.setSpacing(48)
        columns.addWidget(self.body, 5)
        columns.addWidget(self.facts_label, 2)
        slide.addLayout(columns, 1)
        slide.addWidget(self.lower_panel)
        slide.addSpacing(12)
        footer = QHBoxLayout()
        footer.addWidget(self.hint_label)
        footer.addStretch()
        footer.addWidget(self.counter_label)
        slide.addLayout(footer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.band)
        layout.addLayout(slide, 1)

        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(TOOLBAR_HIDE_MS)
        self._hide_timer.timeout.connect(self._hide_toolbar_if_idle)
        for child in self.findChildren(QWidget):
            child.setMouseTracking(True)
            child.installEventFilter(self)
        self._unit = 0
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_body)
        self._apply_type_scale(1080)
        self.reload()

    # -- building ----------------------------------------------------------------------

    def _build_lower_panel(self) -> QFrame:
        """The lessons and the contact: what a room takes home, in the lower part."""
        panel = QFrame(self)
        panel.setObjectName("slide_lower")
        panel.setStyleSheet(
            f"QFrame#slide_lower {{ background: {PANEL}; border-left: 6px solid {ACCENT}; }}"
        )
        self.lessons_heading = QLabel(self.tr("Lessons for other posts"), panel)
        self.lessons_label = QLabel(panel)
        self.lessons_label.setWordWrap(True)
        self.contact_heading = QLabel(self.tr("Contact"), panel)
        self.contact_label = QLabel(panel)
        self.contact_label.setWordWrap(True)
        for heading in (self.lessons_heading, self.contact_heading):
            heading.setStyleSheet(f"color: {NAVY};")
        for label in (self.lessons_label, self.contact_label):
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.lower_layout = QHBoxLayout(panel)
        lessons = QVBoxLayout()
        lessons.addWidget(self.lessons_heading)
        lessons.addWidget(self.lessons_label)
        lessons.addStretch(1)
        contact = QVBoxLayout()
        contact.addWidget(self.contact_heading)
        contact.addWidget(self.contact_label)
        contact.addStretch(1)
        for column in (lessons, contact):
            column.setSpacing(6)
        for widget in (
            self.lessons_heading,
            self.lessons_label,
            self.contact_heading,
            self.contact_label,
        ):
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.lower_layout.addLayout(lessons, 5)
        self.lower_layout.addLayout(contact, 2)
        self.lower_layout.setSpacing(48)
        return panel

    def _build_toolbar(self) -> QFrame:
        bar = QFrame(self)
        bar.setObjectName("presentation_toolbar")
        bar.setStyleSheet(
            "QFrame#presentation_toolbar { background: #eef2f6; border-bottom: 1px solid #d5dbe3; }"
            f" QLabel {{ color: {INK}; }}"
        )
        self.set_combo = QComboBox(bar)
        self.set_combo.setAccessibleName(self.tr("Practices to show"))
        self.set_combo.addItem(self.tr("All practices"), None)
        self.set_combo.insertSeparator(self.set_combo.count())
        for item in reference.core_tasks().items:
            self.set_combo.addItem(
                self.tr("Core task {0}: {1}").format(item.code, item.label(self._language)),
                f"core_task:{item.code}",
            )
        self.set_combo.insertSeparator(self.set_combo.count())
        for item in sorted(reference.themes().items, key=lambda i: i.label(self._language)):
            self.set_combo.addItem(
                self.tr("Theme: {0}").format(item.label(self._language)), f"theme:{item.code}"
            )
        self.set_combo.setMaxVisibleItems(24)
        self.set_combo.activated.connect(lambda _index: self.setFocus())
        self.set_combo.currentIndexChanged.connect(self.reload)
        self.booklet_button = QPushButton(self.tr("Export PDF &booklet…"), bar)
        self.booklet_button.clicked.connect(self.export_booklet)
        self.reset_button = QPushButton(self.tr("&Reset demo"), bar)
        self.reset_button.setToolTip(
            self.tr("Restore the demo data as it was before this session's live edits")
        )
        self.reset_button.setAccessibleDescription(self.reset_button.toolTip())
        self.reset_button.clicked.connect(self.reset_demo)
        self.reset_button.setVisible(self._reset_demo is not None)
        self.close_button = QPushButton(self.tr("Close (Esc)"), bar)
        self.close_button.clicked.connect(self.close)
        for button in (self.booklet_button, self.reset_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout(bar)
        row.setContentsMargins(14, 8, 14, 8)
        row.addWidget(QLabel(self.tr("Show:"), bar))
        row.addWidget(self.set_combo, 1)
        row.addSpacing(12)
        row.addWidget(self.booklet_button)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        return bar

    def _apply_type_scale(self, height: int) -> None:
        """Type sized to the screen, so a projector shows the same proportions as a laptop."""
        unit = max(14, height // LARGEST)
        margin = max(32, height // 14)
        self.lower_layout.setContentsMargins(margin // 2, margin // 3, margin // 2, margin // 3)
        self.slide_layout.setContentsMargins(margin, margin // 2, margin, margin // 3)
        for label, factor, weight in (
            (self.title_label, 1.7, QFont.Weight.Bold),
            (self.meta_label, 0.9, QFont.Weight.Normal),
            (self.facts_label, 0.75, QFont.Weight.Normal),
            (self.lessons_heading, 0.75, QFont.Weight.DemiBold),
            (self.lessons_label, 1.15, QFont.Weight.Normal),
            (self.contact_heading, 0.75, QFont.Weight.DemiBold),
            (self.contact_label, 0.85, QFont.Weight.Normal),
            (self.counter_label, 0.85, QFont.Weight.DemiBold),
            (self.hint_label, 0.6, QFont.Weight.Normal),
        ):
            font = QFont(self.font())
            font.setPixelSize(int(unit * factor))
            font.setWeight(weight)
            label.setFont(font)
        self._unit = unit
        self._set_body_size(unit)

    def _set_body_size(self, size: int) -> None:
        font = QFont(self.font())
        font.setPixelSize(size)
        self.body.document().setDefaultFont(font)
        self.body.setFont(font)
        space_blocks(self.body.document(), size * 1.2, size * 0.7)

    def _fit_body(self) -> None:
        """The body's type as large as fits its box (down to 1/40 of the height), so a short
        practice fills the screen and a long one is not cut off."""
        self.layout().activate()
        room = self.body.viewport().height()
        smallest = max(14, self.height() // SMALLEST)
        size = self._unit
        self._set_body_size(size)
        self.body.document().setTextWidth(self.body.viewport().width())
        while size > smallest and self.body.document().size().height() > room:
            size -= 1
            self._set_body_size(size)

    # -- the set -----------------------------------------------------------------------

    def current_filter(self) -> PracticeFilter:
        kind, _, value = (self.set_combo.currentData() or "").partition(":")
        if kind == "core_task":
            return PracticeFilter(core_task=int(value))
        if kind == "theme":
            return PracticeFilter(theme=value)
        return PracticeFilter()

    def choose_set(self, kind: str | None, value: int | str | None = None) -> None:
        """Show all practices (kind None), those of a core task or those on a theme."""
        index = 0 if kind is None else self.set_combo.findData(f"{kind}:{value}")
        self.set_combo.setCurrentIndex(max(index, 0))

    def reload(self) -> None:
        flt = self.current_filter()
        self.runner.query(
            lambda session: read_practice_set(session, flt),
            self._set_loaded,
            owner=self,
            key=f"presentation-{id(self)}",
        )

    def _set_loaded(self, records: list[PracticeRecord]) -> None:
        current = self._wanted if self._wanted is not None else self.current_id
        self._wanted = None
        self._records = records
        self._ids = [record.id for record in records]
        self._position = self._ids.index(current) if current in self._ids else 0
        self._show_current()
        self.loaded.emit()

    @property
    def practice_ids(self) -> list[int]:
        return list(self._ids)

    @property
    def position(self) -> int:
        return self._position

    @property
    def current_id(self) -> int | None:
        return self._ids[self._position] if self._ids else None

    def go_to(self, position: int) -> None:
        if not self._ids:
            return
        position = max(0, min(position, len(self._ids) - 1))
        if position != self._position:
            self._position = position
            self._show_current()

    def _show_current(self) -> None:
        if not self._ids:
            self.title_label.setText(self.tr("No practice in this set"))
            self.meta_label.setText(self.tr("Choose another set under Show."))
            self.facts_label.clear()
            self.body.clear()
            self.lower_panel.hide()
            self.counter_label.setText("0 / 0")
            return
        record = self._records[self._position]
        data = record.data
        self.title_label.setText(data.title)
        self.meta_label.setText(facts_line(data.post_name, data.country, data.year, self._language))
        self.facts_label.setText(self._facts_html(record))
        self.body.setMarkdown(_slide_markdown(record, self.tr))
        self.lessons_label.setText(data.lessons.strip())
        self.contact_label.setText(data.contact.strip())
        for widget, text in (
            (self.lessons_heading, data.lessons),
            (self.lessons_label, data.lessons),
            (self.contact_heading, data.contact),
            (self.contact_label, data.contact),
        ):
            widget.setVisible(bool(text.strip()))
        self.lower_panel.setVisible(bool(data.lessons.strip() or data.contact.strip()))
        self._fit_body()
        self.body.verticalScrollBar().setValue(0)
        self.counter_label.setText(f"{self._position + 1} / {len(self._ids)}")

    def _facts_html(self, record: PracticeRecord) -> str:
        data = record.data
        language = self._language
        rows = []
        tasks = "<br>".join(
            f"<span style='color:{OKABE_ITO[(t - 1) % len(OKABE_ITO)]}'>&#9679;</span>&nbsp;"
            f"{_escape(reference.core_task_label(t, language))}"
            for t in data.core_tasks
        )
        rows.append((self.tr("Core tasks"), tasks))
        themes = labels(reference.themes(), data.themes, language)
        if themes:
            rows.append((self.tr("Themes"), _escape(", ".join(themes))))
        sectors = labels(reference.sectors(), data.sectors, language)
        if sectors:
            rows.append((self.tr("Sectors"), _escape(", ".join(sectors))))
        if record.uses:
            posts = sorted({use.post_name for use in record.uses})
            rows.append((self.tr("Also used at"), _escape(", ".join(posts))))
        return "".join(
            f"<p style='margin-bottom:{self._unit}px'><span style='color:{MUTED}'>"
            f"{_escape(name)}</span><br><span style='color:{INK}'>{value}</span></p>"
            for name, value in rows
        )

    # -- presenting --------------------------------------------------------------------

    def start(self, practice_id: int | None = None) -> None:
        """Go full screen on the current screen, on `practice_id` when it is in the set,
        toolbar shown until the first move."""
        if practice_id in self._ids:
            self.go_to(self._ids.index(practice_id))
        elif not self._ids:
            self._wanted = practice_id  # the set is still on its way
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus()
        self._show_toolbar()

    def _show_toolbar(self) -> None:
        self.toolbar.show()
        self._hide_timer.start()

    def _hide_toolbar_if_idle(self) -> None:
        if self.set_combo.view().isVisible() or self.toolbar.underMouse():
            self._hide_timer.start()
            return
        self.toolbar.hide()

    def reset_demo(self) -> None:
        """After a training, put the demo's practices back as they were (it asks first)."""
        if self._reset_demo is None:
            return
        question = self.tr(
            "Put the demo's good practices back as they were when the demo started?\n\n"
            "Practices added, changed or deleted during this training are undone, so the "
            "next group starts from the same examples. Only the demo data changes; a post's "
            "own database is never touched."
        )
        if not confirm(self, self.tr("Reset demo"), question, self.tr("Reset")):
            return
        self._reset_demo()
        self._records, self._ids = [], []
        self.reload()

    def export_booklet(self) -> None:
        if self.job is not None or not self._ids:
            return
        title = self.tr("Good practices")
        if self.set_combo.currentIndex() > 0:
            title += " — " + self.set_combo.currentText().split(": ", 1)[-1]
        self.job = export_booklet(
            self, self.runner, self._ids, self._language, title, self._ask_path
        )
        if self.job is not None:
            self.job.finished.connect(lambda: setattr(self, "job", None))

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key in _NEXT_KEYS:
            self.toolbar.hide()
            self.go_to(self._position + 1)
        elif key in _PREVIOUS_KEYS:
            self.toolbar.hide()
            self.go_to(self._position - 1)
        elif key in _SCROLL_KEYS:
            bar = self.body.verticalScrollBar()
            bar.setValue(bar.value() + _SCROLL_KEYS[key] * 3 * self._unit)
        elif key == Qt.Key.Key_Home:
            self.go_to(0)
        elif key == Qt.Key.Key_End:
            self.go_to(len(self._ids) - 1)
        else:
            super().keyPressEvent(event)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseMove and isinstance(watched, QWidget):
            position = watched.mapTo(self, event.position().toPoint())  # type: ignore[attr-defined]
            self._reveal_near_top(position.y())
        return False

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._reveal_near_top(event.position().toPoint().y())
        super().mouseMoveEvent(event)

    def _reveal_near_top(self, y: int) -> None:
        if y <= _REVEAL_BAND or (self.toolbar.isVisible() and y <= self.toolbar.height()):
            self._show_toolbar()

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._apply_type_scale(event.size().height())
        super().resizeEvent(event)
        # The body's box has its new size once the layout ran: fit the type then.
        self._fit_timer.start()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job.wait()
        self.closed.emit()
        super().closeEvent(event)
