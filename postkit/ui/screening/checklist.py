"""The guided checklist: one step per condition, answered yes / no / unknown with evidence."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QRectF,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from postkit.core.attachments import readable_attachment
from postkit.core.errors import PostkitError
from postkit.core.screening import reference
from postkit.core.screening.records import Answer, ChecklistAnswer, EvidenceFile, RequestRecord
from postkit.ui.dialogs import show_error
from postkit.ui.overrides import override
from postkit.ui.widgets.colors import DANGER, NEUTRAL, POSITIVE, tint
from postkit.ui.widgets.later import in_a_free_turn
from postkit.ui.widgets.tones import follow_scheme, set_tone, tone_color

# The links the service accepts; checked here too so a bad line is said before moving on.
_LINK = re.compile(r"^(https?://|mailto:|www\.)\S+$", re.IGNORECASE)
_ANSWER_KEYS = {Qt.Key.Key_1: Answer.YES, Qt.Key.Key_2: Answer.NO, Qt.Key.Key_3: Answer.UNKNOWN}

Values = tuple[Answer | None, str, tuple[str, ...]]


def _links(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


def _stored_values(answer: ChecklistAnswer) -> Values:
    """An item never saved has no answer yet (rather than the default 'unknown')."""
    chosen = answer.answer if answer.updated_at is not None else None
    return chosen, answer.note, answer.links


def _normalised(values: Values) -> Values:
    """No answer is 'unknown', as the service stores it."""
    answer, note, links = values
    return answer or Answer.UNKNOWN, note, links


def _scaled(widget: QWidget, factor: float, weight: QFont.Weight | None = None) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    if weight is not None:
        font.setWeight(weight)
    return font


class ChecklistStep(QWidget):
    """One checklist item: the question, the answer, a note, links and evidence files."""

    evidence_add_requested = Signal(str, object)  # item, Path
    evidence_remove_requested = Signal(str, str)  # item, stored name
    confirm_requested = Signal(str)  # item
    changed = Signal()

    def __init__(
        self,
        item: reference.ChecklistItem,
        number: int,
        language: str,
        files_dir: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.number = number
        self._files_dir = files_dir
        self._stored: Values = (None, "", ())
        # Edits handed to the owner to store, not yet stored: saved for now, not yet shown.
        self._saving: Values | None = None
        self._is_read_only = False
        self._is_expected = True
        self.red_flag_tag: QLabel | None = None

        self.group_label = QLabel(self)
        self.group_label.setFont(_scaled(self, 0.9, QFont.Weight.DemiBold))
        set_tone(self.group_label, "neutral")
        if item.group == "due_diligence":
            self.group_label.setText(self.tr("OECD due diligence"))
        self.group_label.setVisible(bool(self.group_label.text()))
        self.question = QLabel(item.question(language), self)
        self.question.setWordWrap(True)
        self.question.setFont(_scaled(self, 1.2, QFont.Weight.DemiBold))
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.help = QLabel(item.help(language), self)
        self.help.setWordWrap(True)
        set_tone(self.help, "neutral")
        self.help.setVisible(bool(item.help(language)))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hint")
        self.hint.setStyleSheet(
            "QLabel#hint { background: palette(alternate-base); border-radius: 6px;"
            " padding: 6px 10px; }"
        )
        self.hint.hide()
        self.confirm_button = QPushButton(self.tr("Con&firm answer"), self)
        self.confirm_button.setToolTip(
            self.tr("Keep the answer as it is, now that the result is known; this is logged")
        )
        self.confirm_button.clicked.connect(lambda: self.confirm_requested.emit(self.item.code))
        self.confirm_button.hide()
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.hint, 1)
        hint_row.addWidget(self.confirm_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self.answers = QButtonGroup(self)
        self.yes = QRadioButton(self.tr("&Yes"), self)
        self.no = QRadioButton(self.tr("&No"), self)
        self.unknown = QRadioButton(self.tr("&Unknown"), self)
        row = QHBoxLayout()
        row.setSpacing(18)
        for number_key, (button, answer) in enumerate(
            ((self.yes, Answer.YES), (self.no, Answer.NO), (self.unknown, Answer.UNKNOWN)), 1
        ):
            self.answers.addButton(button, number_key)
            button.setProperty("answer", answer.value)
            button.setToolTip(self.tr("Alt+{0} or {1}").format(button.text()[1], number_key))
            row.addWidget(button)
            if item.red_flag is answer:
                tag = QLabel(self.tr("⚑ red flag"), self)
                set_tone(tag, "danger", bold=True)
                tag.setToolTip(self.tr("This answer weighs against support"))
                row.addWidget(tag)
                row.addSpacing(6)
                self.red_flag_tag = tag
        row.addStretch()
        self.answers.idToggled.connect(self._answer_toggled)

        self.red_flag_banner = QLabel(self)
        self.red_flag_banner.setWordWrap(True)
        self.red_flag_banner.setObjectName("redFlag")
        self.red_flag_banner.setText(
            self.tr(
                "<b>Red flag.</b> This answer weighs against support. Note what you found and "
                "attach the evidence; talk with the company before you decide."
            )
        )
        self.red_flag_banner.setStyleSheet(
            f"QLabel#redFlag {{ color: {DANGER}; border-left: 4px solid {DANGER};"
            f" background: {tint(DANGER, 0.92)}; padding: 6px 10px; }}"
        )
        self.red_flag_banner.hide()
        self.expectation = QLabel(
            self.tr(
                "<b>Not expected of this company</b>, given its size and the country and sector "
                "it works in: a “No” here does not weigh against support. Recommend it as good "
                "practice."
            ),
            self,
        )
        self.expectation.setWordWrap(True)
        set_tone(self.expectation, "neutral")
        self.expectation.hide()

        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What you found, and where"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 14)
        self.links = QPlainTextEdit(self)
        self.links.setTabChangesFocus(True)
        self.links.setPlaceholderText(self.tr("One link per line (https://…)"))
        self.links.setFixedHeight(self.links.fontMetrics().lineSpacing() * 2 + 14)
        self.links_error = QLabel(self)
        set_tone(self.links_error, "danger")
        self.links_error.hide()
        self.note.textChanged.connect(self.changed)
        self.links.textChanged.connect(self._links_edited)

        self.evidence = QListWidget(self)
        self.evidence.setAccessibleName(self.tr("Evidence files"))
        self.evidence.setFixedHeight(self.evidence.fontMetrics().height() * 3 + 16)
        self.evidence.itemDoubleClicked.connect(self._open_item)
        self.evidence.currentItemChanged.connect(self._update_buttons)
        self.attach_button = QPushButton(self.tr("&Attach file…"), self)
        self.attach_button.clicked.connect(self._choose_file)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.clicked.connect(self._remove_current)
        self.open_button = QPushButton(self.tr("O&pen"), self)
        self.open_button.clicked.connect(self._open_current)
        file_buttons = QVBoxLayout()
        for button in (self.attach_button, self.remove_button, self.open_button):
            file_buttons.addWidget(button)
        file_buttons.addStretch()
        files = QHBoxLayout()
        files.addWidget(self.evidence, 1)
        files.addLayout(file_buttons)

        self.saved_label = QLabel(self)
        set_tone(self.saved_label, "neutral")

        note_label = QLabel(self.tr("N&ote:"), self)
        note_label.setBuddy(self.note)
        links_label = QLabel(self.tr("&Links:"), self)
        links_label.setBuddy(self.links)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.group_label)
        layout.addWidget(self.question)
        layout.addWidget(self.help)
        layout.addSpacing(4)
        layout.addLayout(hint_row)
        layout.addSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.red_flag_banner)
        layout.addWidget(self.expectation)
        layout.addSpacing(6)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addWidget(links_label)
        layout.addWidget(self.links)
        layout.addWidget(self.links_error)
        layout.addWidget(QLabel(self.tr("Evidence files:"), self))
        layout.addLayout(files)
        layout.addWidget(self.saved_label)
        layout.addStretch()
        self._update_buttons()

    # -- values ------------------------------------------------------------------------

    def chosen_answer(self) -> Answer | None:
        button = self.answers.checkedButton()
        return Answer(button.property("answer")) if button else None

    def set_answer(self, answer: Answer | None) -> None:
        if answer is None:
            self.answers.setExclusive(False)
            for button in self.answers.buttons():
                button.setChecked(False)
            self.answers.setExclusive(True)
            self._answer_toggled(0, False)
            return
        {Answer.YES: self.yes, Answer.NO: self.no, Answer.UNKNOWN: self.unknown}[answer].setChecked(
            True
        )

    def values(self) -> Values:
        return (
            self.chosen_answer(),
            self.note.toPlainText().strip(),
            _links(self.links.toPlainText()),
        )

    @property
    def is_dirty(self) -> bool:
        """Whether the widgets hold something not yet saved."""
        saved = self._saving if self._saving is not None else self._stored
        return _normalised(self.values()) != _normalised(saved)

    def begin_save(self) -> None:
        """The edits shown are being stored: they count as saved, and stay shown meanwhile."""
        self._saving = self.values()

    def end_save(self) -> None:
        """The store ended; had it failed, the edits are unsaved again (still shown)."""
        self._saving = None

    @property
    def is_red_flag(self) -> bool:
        """The answer weighs against support: a red-flag answer to what is expected."""
        answer = self.chosen_answer()
        return self._is_expected and answer is not None and answer is self.item.red_flag

    def set_expected(self, is_expected: bool) -> None:
        """Whether this element is expected of the company; size and context decide it."""
        self._is_expected = is_expected
        self.expectation.setVisible(not is_expected)
        if self.red_flag_tag is not None:
            self.red_flag_tag.setVisible(is_expected)
        self.red_flag_banner.setVisible(self.is_red_flag)

    def bad_links(self) -> list[str]:
        return [link for link in _links(self.links.toPlainText()) if not _LINK.match(link)]

    def load(self, answer: ChecklistAnswer, keep_edits: bool) -> None:
        """Show the stored answer; `keep_edits` leaves unsaved edits of this step in place."""
        # Edits are what differs from the answer shown before: an answer stored since (by a
        # confirmation, another window) is news to show, not an edit to save over it.
        has_edits = keep_edits and (self.is_dirty or self._saving is not None)
        self._stored = _stored_values(answer)
        if not has_edits:
            chosen, note, links = self._stored
            self.blockSignals(True)
            self.set_answer(chosen)
            self.note.setPlainText(note)
            self.links.setPlainText("\n".join(links))
            self.blockSignals(False)
            self._links_edited()
        self._show_evidence(answer.evidence)
        if answer.updated_at is not None:
            when = QLocale().toString(
                answer.updated_at.astimezone(), QLocale.FormatType.ShortFormat
            )
            self.saved_label.setText(
                self.tr("Saved {0} by {1}").format(when, answer.updated_by or "–")
            )
        else:
            self.saved_label.setText(self.tr("Not answered yet"))

    def set_hint(self, text: str, can_confirm: bool = False) -> None:
        """A fact bearing on the answer; `can_confirm` offers to keep an earlier answer."""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
        self.confirm_button.setVisible(can_confirm and not self._is_read_only)

    def set_read_only(self, read_only: bool) -> None:
        self._is_read_only = read_only
        for button in self.answers.buttons():
            button.setEnabled(not read_only)
        self.note.setReadOnly(read_only)
        self.links.setReadOnly(read_only)
        self.attach_button.setEnabled(not read_only)
        if read_only:
            self.confirm_button.hide()
        self._update_buttons()

    # -- evidence ----------------------------------------------------------------------

    def _show_evidence(self, files: tuple[EvidenceFile, ...]) -> None:
        self.evidence.clear()
        for file in files:
            size = QLocale().formattedDataSize(file.size_bytes)
            entry = QListWidgetItem(f"{file.file_name}  ({size})", self.evidence)
            entry.setData(Qt.ItemDataRole.UserRole, file)
            entry.setToolTip(self.tr("SHA-256 {0}").format(file.sha256))
        self._update_buttons()

    def evidence_files(self) -> list[EvidenceFile]:
        return [
            self.evidence.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.evidence.count())
        ]

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Attach evidence"))
        if name:
            self.evidence_add_requested.emit(self.item.code, Path(name))

    def _current_file(self) -> EvidenceFile | None:
        entry = self.evidence.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    def _remove_current(self) -> None:
        file = self._current_file()
        if file is not None:
            self.evidence_remove_requested.emit(self.item.code, file.stored_name)

    def _open_current(self) -> None:
        file = self._current_file()
        if file is not None:
            self.open_file(file)

    def _open_item(self, entry: QListWidgetItem) -> None:
        self.open_file(entry.data(Qt.ItemDataRole.UserRole))

    def open_file(self, file: EvidenceFile) -> None:
        try:
            path = readable_attachment(self._files_dir, file)  # type: ignore[arg-type]
        except PostkitError as error:
            show_error(self, error)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _update_buttons(self) -> None:
        has_file = self.evidence.currentItem() is not None
        self.remove_button.setEnabled(has_file and not self._is_read_only)
        self.open_button.setEnabled(has_file)

    # -- feedback ----------------------------------------------------------------------

    def _answer_toggled(self, _id: int, _checked: bool) -> None:
        self.red_flag_banner.setVisible(self.is_red_flag)
        self.changed.emit()

    def _links_edited(self) -> None:
        bad = self.bad_links()
        self.links_error.setText(
            self.tr("Not a web or e-mail link: {0}").format(bad[0]) if bad else ""
        )
        self.links_error.setVisible(bool(bad))
        self.changed.emit()


class _StepButton(QToolButton):
    """A numbered dot in the strip of steps, coloured by the step's answer.

    Painted here, not by a style sheet: thirteen dots with a sheet each took most of the
    checklist's build, and a state change re-parsed and repolished the dot's sheet.
    """

    def __init__(self, number: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setText(str(number))
        self.setCheckable(True)
        self.setAutoRaise(False)
        self.setFixedSize(30, 30)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setFont(_scaled(self, 1.0, QFont.Weight.DemiBold))
        self.state = "open"

    def show_state(self, answer: Answer | None, is_red_flag: bool, is_current: bool) -> None:
        state = step_state(answer, is_red_flag)
        # Only a change repaints: every keystroke in a note updates the strip.
        if state != self.state or is_current != self.isChecked():
            self.state = state
            self.setChecked(is_current)
            self.update()
        self.setAccessibleDescription(
            QCoreApplication.translate("ChecklistPanel", _STATE_NAMES[state])
        )

    def ring_width(self) -> int:
        """The ring's width: thick around the step shown."""
        return 3 if self.isChecked() else 1

    def colors(self) -> tuple[QColor, QColor, QColor]:
        """Fill, text and ring, with the palette's colours resolved."""
        fill, text, border = STATE_COLORS[self.state]
        ring = tone_color("info").name() if self.isChecked() else border
        return self._color(fill), self._color(text), self._color(ring)

    def _color(self, name: str) -> QColor:
        if name == "transparent":
            return QColor(Qt.GlobalColor.transparent)
        if name.startswith("palette("):
            role = {"text": QPalette.ColorRole.Text}.get(
                name[8:-1], QPalette.ColorRole.PlaceholderText
            )
            return self.palette().color(role)
        return QColor(name)

    @override
    def paintEvent(self, _event: QPaintEvent) -> None:
        fill, text, ring = self.colors()
        width = self.ring_width()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(ring, width))
        painter.setBrush(fill)
        inset = width / 2
        painter.drawEllipse(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset))
        if self.hasFocus():  # reached with Tab: a dotted ring inside
            painter.setPen(QPen(text, 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QRectF(self.rect()).adjusted(5, 5, -5, -5))
        painter.setPen(text)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text())
        painter.end()


# What a step's dot says, in the order the legend names them: fill, text and border colour.
STATE_COLORS: dict[str, tuple[str, str, str]] = {
    # The ring of an open step in the placeholder colour: palette(mid) fell short of 3:1.
    "open": ("transparent", "palette(text)", "palette(placeholder-text)"),
    "answered": (POSITIVE, "#ffffff", POSITIVE),
    "unknown": (tint(NEUTRAL, 0.8), "#1f2328", NEUTRAL),
    "red_flag": (DANGER, "#ffffff", DANGER),
}
_STATE_NAMES = {
    "open": QT_TRANSLATE_NOOP("ChecklistPanel", "not answered yet"),
    "answered": QT_TRANSLATE_NOOP("ChecklistPanel", "answered"),
    "unknown": QT_TRANSLATE_NOOP("ChecklistPanel", "not known"),
    "red_flag": QT_TRANSLATE_NOOP("ChecklistPanel", "red flag"),
}


def step_state(answer: Answer | None, is_red_flag: bool) -> str:
    if is_red_flag:
        return "red_flag"
    if answer is None:
        return "open"
    return "unknown" if answer is Answer.UNKNOWN else "answered"


class _StepStack(QStackedWidget):
    """The steps, sized by the step shown: QStackedWidget asks every page for its size (13
    steps' wrapped labels and lists) at each layout pass, though one page shows."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    @override
    def sizeHint(self) -> QSize:
        shown = self.currentWidget()
        return shown.sizeHint() if shown is not None else super().sizeHint()

    @override
    def minimumSizeHint(self) -> QSize:
        shown = self.currentWidget()
        return shown.minimumSizeHint() if shown is not None else super().minimumSizeHint()


class ChecklistPanel(QWidget):
    """Walks the officer through the checklist, one item per step, in the checklist's order.

    `answer_edited(item, answer, note, links)` asks the owner to save a step; the owner
    stores it (off the GUI thread), calls `end_save(item, stored)` and then `set_record()`
    with the saved request. A step whose edits could not be saved is shown again, with them,
    so nothing typed is lost. `completed` fires on Finish at the last step.
    """

    answer_edited = Signal(str, object, str, object)
    answer_confirmed = Signal(str)
    evidence_add_requested = Signal(str, object)
    evidence_remove_requested = Signal(str, str)
    completed = Signal()

    def __init__(self, files_dir: Path, language: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self._record: RequestRecord | None = None
        items = reference.checklist()
        self._items = items
        self._files_dir = files_dir
        self._language = language
        # The steps are made one per turn of the event loop, the shown one first: thirteen
        # at once held the screening page's first show (and a request answered up to step 13
        # held it for all the steps before). What a step not made yet shows comes from the
        # record, the expectations and the hints kept here.
        self._steps: dict[int, ChecklistStep] = {}  # by item index, in the order made
        self._has_record = False
        self._not_expected: frozenset[str] = frozenset()
        self._hints: dict[str, str] = {}
        self._confirmable: frozenset[str] = frozenset()

        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet(
            "QLabel#notice { background: #fff4e5; color: #6b3b00; border-radius: 6px;"
            " padding: 8px 12px; }"
        )
        self.notice.hide()

        self.progress_label = QLabel(self)
        self.progress_label.setFont(_scaled(self, 1.0, QFont.Weight.DemiBold))
        self.summary_label = QLabel(self)
        set_tone(self.summary_label, "neutral")
        strip = QHBoxLayout()
        strip.setSpacing(4)
        self.step_buttons: list[_StepButton] = []
        for number, item in enumerate(items, 1):
            button = _StepButton(number, self)
            button.setToolTip(item.question(language))
            button.setAccessibleName(self.tr("Step {0}").format(number))
            button.clicked.connect(lambda _checked, n=number - 1: self.go_to(n))
            strip.addWidget(button)
            self.step_buttons.append(button)
        strip.addStretch()
        self.legend = QLabel(self)
        follow_scheme(self.legend, lambda: self.legend.setText(self._legend_text()))
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAccessibleName(self.tr("Legend of the steps' colours"))
        heading = QHBoxLayout()
        heading.addWidget(self.progress_label)
        heading.addSpacing(12)
        heading.addWidget(self.summary_label, 1)

        self.stack = _StepStack(self)
        scroll = QScrollArea(self)
        scroll.setWidget(self.stack)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.back_button = QPushButton(self.tr("‹ Back"), self)
        self.back_button.setToolTip(self.tr("Previous step (Alt+Left)"))
        self.next_button = QPushButton(self.tr("Next ›"), self)
        self.next_button.setDefault(True)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        QShortcut(
            QKeySequence("Alt+Left"),
            self,
            self.back,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence("Alt+Right"),
            self,
            self.next,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch()
        buttons.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(heading)
        layout.addLayout(strip)
        layout.addWidget(self.legend)
        layout.addSpacing(6)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.go_to(0)
        in_a_free_turn(self, self._make_next_step)

    @property
    def steps(self) -> list[ChecklistStep]:
        """Every step (those not made yet are made now)."""
        return [self._step(index) for index in range(len(self._items))]

    def _made_steps(self) -> list[ChecklistStep]:
        """The steps made so far, in the checklist's order."""
        return [self._steps[index] for index in sorted(self._steps)]

    def _made_step_of(self, code: str) -> ChecklistStep:
        """The step made for the item `code` (a step asks to save or confirm only once made)."""
        return next(step for step in self._steps.values() if step.item.code == code)

    def _make_next_step(self) -> None:
        missing = next((i for i in range(len(self._items)) if i not in self._steps), None)
        if missing is not None:
            self._step(missing)
            in_a_free_turn(self, self._make_next_step)

    def _step(self, index: int) -> ChecklistStep:
        """Item `index`'s step, made now if it was not, showing what the record and the page
        said; the stack holds the steps made in the checklist's order."""
        step = self._steps.get(index)
        if step is not None:
            return step
        item = self._items[index]
        step = ChecklistStep(item, index + 1, self._language, self._files_dir, self.stack)
        step.evidence_add_requested.connect(self.evidence_add_requested)
        step.evidence_remove_requested.connect(self.evidence_remove_requested)
        step.confirm_requested.connect(self._confirm)
        step.changed.connect(self._update_progress)
        self.stack.insertWidget(sum(1 for made in self._steps if made < index), step)
        self._steps[index] = step
        code = item.code
        if self._has_record:
            record = self._record
            step.load(record.answer(code) if record else ChecklistAnswer(code), False)
            step.set_read_only(record is None or record.is_decided)
        step.set_expected(code not in self._not_expected)
        step.set_hint(self._hints.get(code, ""), code in self._confirmable)
        return step

    def _answer_of(self, index: int) -> Answer | None:
        if (step := self._steps.get(index)) is not None:
            return step.chosen_answer()
        if self._record is None:
            return None
        return _stored_values(self._record.answer(self._items[index].code))[0]

    def _is_red_flag(self, index: int) -> bool:
        if (step := self._steps.get(index)) is not None:
            return step.is_red_flag
        item = self._items[index]
        answer = self._answer_of(index)
        return (
            item.code not in self._not_expected and answer is not None and answer is item.red_flag
        )

    def _legend_text(self) -> str:
        """A dot per state in the colours of the steps, then a ring for the step shown."""
        parts = []
        placeholder = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        for state, (fill, _text, _border) in STATE_COLORS.items():
            # Rich text knows no palette(…): the open ring's colour, resolved.
            color = placeholder if fill == "transparent" else fill
            symbol = "○" if fill == "transparent" else "●"
            name = QCoreApplication.translate("ChecklistPanel", _STATE_NAMES[state])
            parts.append(f"<span style='color:{color}; font-size:large'>{symbol}</span> {name}")
        parts.append(
            f"<span style='color:{tone_color('info').name()}; font-size:large'>◎</span> "
            + self.tr("the step shown")
        )
        neutral = tone_color("neutral").name()
        return f"<span style='color:{neutral}'>" + " &nbsp; ".join(parts) + "</span>"

    # -- public ------------------------------------------------------------------------

    @property
    def current_index(self) -> int:
        """The index of the item whose step shows."""
        shown = self.stack.currentWidget()
        return shown.number - 1 if isinstance(shown, ChecklistStep) else 0

    @property
    def current_step(self) -> ChecklistStep:
        return self._step(self.current_index)

    @property
    def is_read_only(self) -> bool:
        return self._record is not None and self._record.is_decided

    def set_record(self, record: RequestRecord | None) -> None:
        """Show `record`'s answers; unsaved edits survive when it is the same request."""
        same = record is not None and self._record is not None and record.id == self._record.id
        self._record = record
        self._has_record = True
        for step in self._made_steps():
            stored = record.answer(step.item.code) if record else ChecklistAnswer(step.item.code)
            step.load(stored, keep_edits=same)
            step.set_read_only(record is None or record.is_decided)
        if record is not None and record.is_decided:
            when = (
                QLocale().toString(
                    record.decided_at.astimezone().date(), QLocale.FormatType.LongFormat
                )
                if record.decided_at
                else ""
            )
            self.notice.setText(
                self.tr(
                    "<b>This request was decided on {0}.</b> The checklist is read-only; to "
                    "change it, reopen the request on the Decision tab and give a reason."
                ).format(when)
            )
            self.notice.show()
        else:
            self.notice.hide()
        if not same:
            self.go_to(self._first_open_step())
        self._update_progress()

    def set_expectations(self, not_expected: Iterable[str]) -> None:
        """Mark the items not expected of this company (the risk summary works them out)."""
        lighter = self._not_expected = frozenset(not_expected)
        for step in self._steps.values():
            step.set_expected(step.item.code not in lighter)
        self._update_progress()

    def set_hints(self, hints: dict[str, str], confirmable: frozenset[str] = frozenset()) -> None:
        """Facts the page knows for some items (the size from the figures, the screening).

        The items in `confirmable` were answered before such a fact was known: their step
        offers to confirm the answer.
        """
        self._hints, self._confirmable = dict(hints), confirmable
        for step in self._steps.values():
            code = step.item.code
            step.set_hint(hints.get(code, ""), code in confirmable)

    def commit(self) -> bool:
        """Save every step with unsaved edits; False if one could not be saved."""
        if self._record is None or self.is_read_only:
            return True
        for step in self._made_steps():  # a step not made yet holds no edits
            if not self._save(step):
                self.go_to(step.number - 1, save=False)
                return False
        return True

    def end_save(self, item: str, stored: bool) -> None:
        """The owner stored `item`'s edits, or could not: then the officer is taken back."""
        step = self._made_step_of(item)
        step.end_save()
        if not stored and step.is_dirty:
            self.go_to(step.number - 1, save=False)

    def go_to(self, index: int, save: bool = True) -> None:
        index = max(0, min(index, len(self._items) - 1))
        step = self._step(index)
        if save and index != self.current_index and not self._save(self.current_step):
            return
        self.stack.setCurrentWidget(step)
        self._update_progress()
        self.focus_current_step()

    def focus_current_step(self) -> None:
        """The keyboard on the shown step's answer, where 1, 2 and 3 answer it."""
        focus = self.current_step.answers.checkedButton() or self.current_step.yes
        if self.isVisible() and focus.isEnabled():
            focus.setFocus()

    def next(self) -> None:
        if self.current_index == len(self._items) - 1:
            if self._save(self.current_step):
                self.completed.emit()
            return
        self.go_to(self.current_index + 1)

    def back(self) -> None:
        self.go_to(self.current_index - 1)

    def answered_count(self) -> int:
        """Items answered yes or no; 'unknown' still needs an answer, as the risk summary says."""
        return sum(
            1
            for index in range(len(self._items))
            if self._answer_of(index) in (Answer.YES, Answer.NO)
        )

    # -- internals ---------------------------------------------------------------------

    def _save(self, step: ChecklistStep) -> bool:
        if self._record is None or self.is_read_only or not step.is_dirty:
            return True
        if step.bad_links():
            return False
        answer, note, links = step.values()
        step.begin_save()
        self.answer_edited.emit(step.item.code, answer or Answer.UNKNOWN, note, links)
        return True

    def _confirm(self, item: str) -> None:
        step = self._made_step_of(item)
        if self._record is None or self.is_read_only:
            return
        if step.is_dirty:
            # The officer changed the answer: that is saved as the new answer instead.
            self._save(step)
            return
        self.answer_confirmed.emit(item)

    def _first_open_step(self) -> int:
        for index in range(len(self._items)):
            if self._answer_of(index) is None:
                return index
        return 0

    def _update_progress(self) -> None:
        total = len(self._items)
        index = self.current_index
        self.progress_label.setText(self.tr("Step {0} of {1}").format(index + 1, total))
        red_flags = sum(1 for index in range(total) if self._is_red_flag(index))
        summary = self.tr("{0} of {1} answered").format(self.answered_count(), total)
        if red_flags:
            summary += " · " + self.tr("red flags: {0}").format(red_flags)
        self.summary_label.setText(summary)
        for position, button in enumerate(self.step_buttons):
            button.show_state(
                self._answer_of(position), self._is_red_flag(position), position == index
            )
        self.back_button.setEnabled(index > 0)
        last = index == total - 1
        self.next_button.setText(self.tr("Finish ✓") if last else self.tr("Next ›"))
        self.next_button.setToolTip(
            self.tr("Save and go to the decision") if last else self.tr("Next step (Alt+Right)")
        )

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Digits reach the panel only when no text box took them.
        answer = _ANSWER_KEYS.get(Qt.Key(event.key()))
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if answer is not None and modifiers == Qt.KeyboardModifier.NoModifier:
            if not self.is_read_only and self._record is not None:
                self.current_step.set_answer(answer)
            event.accept()
            return
        super().keyPressEvent(event)
