"""The form view: a survey page by page, with live skip logic, validation, review and autosave.

It renders what a `FormSession` says and writes every answer back into it; it never touches the
database. The page around it listens to `draft_changed` to keep the draft and to
`submit_requested` to submit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from postkit.core.errors import PostkitError, ValidationError
from postkit.core.surveys.engine import ACKNOWLEDGED, FormSession, Page, Step, slot, split_slot
from postkit.core.surveys.files import AttachedFile, describe_file
from postkit.core.surveys.forms import Group, Item, Question
from postkit.ui.overrides import override
from postkit.ui.style import is_dark
from postkit.ui.surveys.appearances import (
    AnswerCard,
    LikertRow,
    LikertTable,
    forms_table,
    restyle,
    table_runs,
)
from postkit.ui.surveys.inputs import AnswerInput, FileInput, make_input
from postkit.ui.surveys.repeat_view import RepeatSection
from postkit.ui.widgets.later import in_a_free_turn
from postkit.ui.widgets.tones import TONES

SAVE_DELAY_MS = 300
CONTENT_WIDTH = 820
# The review's rows made in one turn of the event loop (some 10 ms on a slow laptop).
REVIEW_ROWS_PER_TURN = 40
# The text tones every page uses (AA on these backgrounds too: tests/ui/test_contrast.py).
DANGER, DARK_DANGER = TONES["danger"]
MUTED, DARK_MUTED = TONES["muted"]

LIGHT = {
    "body": "#f3f5f8", "card": "palette(base)", "border": "#d5dbe3", "note": "#eaf2fb",
    "note_border": "#c3d7ee",
    "muted": MUTED, "danger": DANGER, "heading": "#1f3b57", "scale": "#333a44",
    "accent": "#1f4f82", "link": "#2f6fb0", "rule": "#e4e8ee", "error_row": "#fdf1f0",
    "hover": "#edf3fa", "track": "#dfe4ea",
}  # fmt: skip
DARK = {
    "body": "#1f2023", "card": "#30333a", "border": "#454b55", "note": "#233a52",
    "note_border": "#2f4c68",
    "muted": DARK_MUTED, "danger": DARK_DANGER, "heading": "#9cc3ea", "scale": "#d0d5db",
    "accent": "#8dc0f5", "link": "#7fb2ea", "rule": "#3d424a", "error_row": "#3a2626",
    "hover": "#363f4a", "track": "#3a414a",
}  # fmt: skip

STYLE = """
QWidget#survey_body {{ background: {body}; }}
QFrame#question, QFrame#review_section {{
    background: {card}; border: 1px solid {border}; border-radius: 8px;
}}
QFrame#question[error="true"] {{ border: 1px solid {danger}; }}
QFrame#question[kind="note"] {{ background: {note}; border: 1px solid {note_border}; }}
QLabel#question_label {{ font-weight: 600; }}
QLabel#hint, QLabel#review_summary, QLabel#status {{ color: {muted}; }}
QLabel#message {{ color: {danger}; font-weight: 600; }}
QLabel#page_title {{ font-size: 15pt; font-weight: 600; }}
QLabel#form_title {{ font-size: 11pt; font-weight: 600; }}
QLabel#section_title {{ font-weight: 600; color: {heading}; }}
QLabel#scale_label {{ color: {scale}; }}
QLabel#scale_label[chosen="true"] {{ color: {accent}; font-weight: 600; }}
QFrame#review_row {{ border: none; border-top: 1px solid {rule}; border-radius: 0; }}
QFrame#review_row[error="true"] {{ background: {error_row}; }}
QFrame#review_row:hover, QFrame#review_row:focus {{ background: {hover}; }}
QLabel#review_answer[missing="true"] {{ color: {muted}; font-style: italic; }}
QToolButton#clear_choice {{ color: {link}; border: none; padding: 0; }}
QToolButton#clear_choice:hover {{ text-decoration: underline; }}
QFrame#likert_table {{ background: {card}; border: 1px solid {border}; border-radius: 8px; }}
QFrame#likert_row {{ border: none; border-top: 1px solid {rule}; }}
QFrame#likert_row[odd="true"] {{ background: {body}; }}
QFrame#likert_row[error="true"] {{ background: {error_row}; }}
QFrame#likert_row[focused="true"] {{ background: {hover}; border-left: 3px solid {accent}; }}
QProgressBar {{ border: none; background: {track}; border-radius: 3px; }}
QProgressBar::chunk {{ background: {link}; border-radius: 3px; }}
"""


def style_sheet() -> str:
    """The form view's look, light or dark as the application's palette is."""
    return STYLE.format(**(DARK if is_dark() else LIGHT))


def display_answer(session: FormSession, question: Question, key: str | None = None) -> str | None:
    """An answer (at slot `key` in a repeat) as the respondent reads it; None if unanswered."""
    value = session.value(key or question.name)
    if value is None:
        return None
    locale = QLocale()
    if question.is_select:
        labels = {choice.name: session.label(choice) for choice in session.form.choices(question)}
        names = value if isinstance(value, tuple) else (value,)
        return "; ".join(labels.get(name, name) for name in names)
    if isinstance(value, date):
        return locale.toString(QDate(value), QLocale.FormatType.LongFormat)
    if isinstance(value, float):
        return locale.toString(value, "f", -128)
    if question.type == "acknowledge" and value == ACKNOWLEDGED:
        return QCoreApplication.translate("FormView", "OK")
    return str(value)


def _label(parent: QWidget, name: str, rich: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    return label


class QuestionCard(AnswerCard, QFrame):
    """One question: its label (* when required), hint, input and what is wrong with it."""

    def __init__(
        self, question: Question, session: FormSession, parent: QWidget, key: str | None = None
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.key = key or question.name  # its slot, inside a repeat
        self.setObjectName("question")
        self.setProperty("kind", question.type)
        self.title = _label(self, "question_label", rich=True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.hint = _label(self, "hint")
        self.input: AnswerInput | None = make_input(question, session.form.choices(question), self)
        self.message = _label(self, "message")
        self.message.hide()
        if self.input is not None and (session.is_fixed(question.name) or question.is_calculated):
            # The post profile answers it (post, region; the hint says so), or its calculation.
            self.input.setEnabled(False)
        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        title_row.addWidget(self.title, 1)
        clear_button = getattr(self.input, "clear_button", None)
        if clear_button is not None:
            clear_button.setEnabled(self.input is not None and self.input.isEnabled())
            title_row.addWidget(clear_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        layout.addLayout(title_row)
        layout.addWidget(self.hint)
        if self.input is not None:
            layout.addSpacing(4)
            layout.addWidget(self.input)
            self.title.setBuddy(self.input)
        layout.addWidget(self.message)
        self._required: bool | None = None
        self._message: str | None = None
        self.label_text = ""


class Section(QWidget):
    """A group inside a page: a heading over its questions, hidden when not relevant."""

    def __init__(self, group: Group, parent: QWidget) -> None:
        super().__init__(parent)
        self.group = group
        self.title = _label(self, "section_title")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 10, 0, 0)
        self.body.setSpacing(12)
        self.body.addWidget(self.title)


class PageView(QWidget):
    """One page of the form: its title and questions in a readable column, in a scroll area.

    The scroll area is made when the page is first shown (`scroll_area`): a form of plain groups
    has a page per question, and 500 scroll areas nobody has looked at yet cost half a second.
    """

    def __init__(self, page: Page, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._scroll: QScrollArea | None = None
        self.tab_after: QWidget | None = None  # what Tab leaves for the page's questions
        # The body stays out of the form's widget tree until its page is first shown: a widget
        # made inside a styled tree takes its style at birth and is polished again when the
        # form shows, so a 500-question form took twice as long to open, and showing it
        # polished every page nobody had looked at yet.
        self.body = QWidget(None)
        self.body.setObjectName("survey_body")
        self.body.hide()  # until it is in the scroll area
        self.destroyed.connect(self.body.deleteLater)  # its page went before it was shown
        column = QWidget(self.body)
        column.setMaximumWidth(CONTENT_WIDTH)
        self.column = QVBoxLayout(column)
        self.column.setContentsMargins(24, 20, 24, 24)
        self.column.setSpacing(12)
        self.title = _label(column, "page_title")
        self.title.setText(title)
        self.column.addWidget(self.title)
        row = QHBoxLayout(self.body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(column, 100)
        row.addStretch(1)

    def finish(self) -> None:
        self.column.addStretch(1)

    def scroll_area(self) -> QScrollArea:
        """The page's scroll area, made the first time it is asked for."""
        if self._scroll is None:
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(self.body)
            if self.tab_after is not None:
                self._follow_in_tab_order(self.tab_after)
            self.body.show()
            self._layout.addWidget(scroll)
            self._scroll = scroll
        return self._scroll

    def _follow_in_tab_order(self, before: QWidget) -> None:
        """Made outside the window, the body's questions joined the end of its tab order: they
        come after `before` (the form's top row) again, ahead of its buttons."""
        focusable: list[QWidget] = []
        widget = self.body.nextInFocusChain()
        while widget is not self.body and self.body.isAncestorOf(widget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                focusable.append(widget)
            widget = widget.nextInFocusChain()
        for widget in focusable:
            QWidget.setTabOrder(before, widget)
            before = widget

    def ensureWidgetVisible(self, widget: QWidget) -> None:
        self.scroll_area().ensureWidgetVisible(widget)

    def verticalScrollBar(self) -> QScrollBar:
        return self.scroll_area().verticalScrollBar()


class ReviewRow(QFrame):
    """A question and its answer on the review page; clicking it goes back to the question."""

    activated = Signal(str)

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName("review_row")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.question = _label(self, "review_question")
        self.answer = _label(self, "review_answer")
        self.message = _label(self, "message")
        answer_column = QVBoxLayout()
        answer_column.setSpacing(2)
        answer_column.addWidget(self.answer)
        answer_column.addWidget(self.message)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(16)
        layout.addWidget(self.question, 5)
        layout.addLayout(answer_column, 4)
        for label in (self.question, self.answer, self.message):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._texts: tuple[str, str | None, str, str | None] | None = None

    def set_texts(
        self, question: str, answer: str | None, missing: str, message: str | None
    ) -> bool:
        """Show the texts; False when they were shown already (nothing is restyled then)."""
        texts = (question, answer, missing, message)
        if texts == self._texts:
            return False
        self._texts = texts
        self.question.setText(question)
        self.answer.setText(answer if answer is not None else missing)
        restyle(self.answer, "missing", answer is None)
        self.message.setText(message or "")
        self.message.setVisible(bool(message))
        restyle(self, "error", bool(message))
        self.setAccessibleName(f"{question}: {self.answer.text()}")
        return True

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.name)
        super().mouseReleaseEvent(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.name)
            return
        super().keyPressEvent(event)


@dataclass(frozen=True)
class _Parts:
    """The questions, sections, repeats and Likert tables of the form view, or of one page."""

    cards: Mapping[str, QuestionCard | LikertRow]
    sections: Mapping[str, Section]
    repeats: Mapping[str, RepeatSection]
    tables: Sequence[LikertTable]


class FormView(QWidget):
    """Shows a FormSession page by page and keeps it up to date with every answer.

    `draft_changed(answers, page)` fires 300 ms after the last change, and at once on a page
    change, on `flush()` and when the view is hidden or closed. `submit_requested(answers)` fires
    from the review page when nothing is wrong; `close_requested` when the respondent stops.
    """

    draft_changed = Signal(object, int)
    submit_requested = Signal(object)
    close_requested = Signal()
    language_changed = Signal(str)

    def __init__(
        self, session: FormSession, page: int = 0, title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        # Keeps a chosen file and names it; the page stores it in the post's files folder.
        # Without one (a preview), the answer names the file but nothing is kept.
        self.store_file: Callable[[Path], AttachedFile] = describe_file
        self.setStyleSheet(style_sheet())
        self.cards: dict[str, QuestionCard | LikertRow] = {}
        self.tables: list[LikertTable] = []
        self.sections: dict[str, Section] = {}
        self.repeats: dict[str, RepeatSection] = {}
        self.touched: set[str] = set()
        self.input_errors: dict[str, str] = {}
        self._revealed: set[int] = set()
        self._page_views: list[PageView] = []
        # Pages whose questions are not made yet: the page shown first is made at once, the
        # others one per turn of the event loop after (`_prebuild_review`), or when asked for.
        self._unfilled: dict[int, Page] = {}
        self._is_built = False
        # On a repeat's page, the step shown (see engine.Step): its key, and its number to
        # fall back on when that key is gone (its instance removed).
        self._step_key = ""
        self._step_number = 0
        self._is_save_pending = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)

        self.form_title = _label(self, "form_title")
        self._title = title
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language of the questions"))
        for code in session.form.languages:
            self.language.addItem(session.form.language_names.get(code, code), code)
        self.language.setCurrentIndex(max(self.language.findData(session.language), 0))
        self.language.currentIndexChanged.connect(
            lambda: self.set_language(self.language.currentData())
        )
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self.language)
        self.close_button = QPushButton(self.tr("Save and &close"), self)
        self.close_button.setToolTip(self.tr("Keep the answers as a draft and continue later"))
        self.close_button.clicked.connect(self._close_clicked)
        top = QHBoxLayout()
        top.addWidget(self.form_title, 1)
        top.addWidget(language_label)
        top.addWidget(self.language)
        top.addSpacing(12)
        top.addWidget(self.close_button)

        self.position_label = QLabel(self)
        self.position_label.setObjectName("position")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(6)
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.position_label)
        progress_row.addWidget(self.progress_bar, 1)

        self.stack = QStackedWidget(self)
        for each in session.pages():
            self._page_views.append(self._build_page(each))
        self.review = self._build_review()

        self.back_button = QPushButton(self.tr("&Back"), self)
        self.back_button.clicked.connect(self.previous_page)
        self.status_label = _label(self, "status")
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = QPushButton(self.tr("&Next"), self)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next_page)
        self.submit_button = QPushButton(self.tr("&Submit"), self)
        self.submit_button.clicked.connect(self.submit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.next_button)
        bottom.addWidget(self.submit_button)
        for button in (self.back_button, self.next_button, self.submit_button):
            button.setMinimumWidth(110)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(top)
        layout.addLayout(progress_row)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        # A draft's answers were touched once already: show what is wrong with them at once.
        self.touched.update(session.answers())
        self._fill_page(self._first_shown(page))
        self._load_values()
        self._retranslate()
        self._is_built = True
        session.begin_audit()  # the form's audit, if it has one: form start or resume
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.show_page(page)
        self._audit_page(self.current_page())  # the first page shown is no change of page

    # -- building ------------------------------------------------------------------------

    def _build_page(self, page: Page) -> PageView:
        """The page's view, its questions made later (`_fill_page`): a form's cards, each with
        its inputs, took most of the time to open it, and a person sees one page at a time."""
        view = PageView(page, parent=self.stack)
        view.tab_after = self.close_button
        if page.group is None:
            view.title.hide()
        self._unfilled[page.index] = page
        self.stack.addWidget(view)
        return view

    def _first_shown(self, index: int) -> int:
        """The page `show_page(index)` shows (the review's index past the last page)."""
        visible = [page.index for page in self.session.visible_pages()]
        return next((i for i in visible if i >= index), self.review_index)

    def _fill_page(self, index: int) -> None:
        """Make a page's questions, if not made yet; once the form is built, with their
        answers, in the session's language, shown or hidden as the answers say."""
        page = self._unfilled.pop(index, None)
        if page is None:
            return
        view = self._page_views[index]
        before = (set(self.cards), set(self.sections), set(self.repeats), len(self.tables))
        # A field-list group's page shows its items; a question of a plain group is alone on its
        # page, under the group's title; a repeat's page holds its instances.
        if page.group is not None and page.group.is_repeat:
            self._add_items(view.column, (page.group,), view)
            self.repeats[page.group.name].title.hide()  # the page's title says it
        elif page.group is not None and page.items == (page.group,):
            self._add_items(view.column, page.group.items, view, page.group)
        else:
            self._add_items(view.column, page.items, view, page.group)
        view.finish()
        if not self._is_built:
            return  # the form's own loading and translating follow
        made = _Parts(
            {name: card for name, card in self.cards.items() if name not in before[0]},
            {name: each for name, each in self.sections.items() if name not in before[1]},
            {name: each for name, each in self.repeats.items() if name not in before[2]},
            self.tables[before[3] :],
        )
        self._load_values(made)
        self._retranslate_parts(made)
        if self._is_stepped(index):
            self._refresh()  # a repeat's page shows a step at a time
        else:
            self._refresh_parts(made, page=index)

    def complete(self) -> None:
        """Make the questions of every page not made yet."""
        for index in list(self._unfilled):
            self._fill_page(index)

    def _add_items(
        self,
        layout: QVBoxLayout,
        items: tuple[Item, ...],
        parent: QWidget,
        group: Group | None = None,
        positions: tuple[int, ...] = (),
    ) -> None:
        """Cards, tables and sections for `items` (of `group`), keyed by their slots
        (`positions` in repeats)."""
        for run in table_runs(items, group):
            if forms_table(run, group):
                # Likert items on one list, or a table-list group's selects: one table.
                questions = [item for item in run if isinstance(item, Question)]
                keys = [slot(question.name, positions) for question in questions]
                table = LikertTable(questions, self.session, parent, keys)
                self.tables.append(table)
                for row in table.rows:
                    self._add_card(row)
                layout.addWidget(table)
                continue
            for item in run:
                key = slot(item.name, positions)
                if isinstance(item, Group) and item.is_repeat:
                    repeat = RepeatSection(item, positions, self, self._add_instance_items, parent)
                    self.repeats[key] = repeat
                    layout.addWidget(repeat)
                elif isinstance(item, Group):
                    section = Section(item, parent)
                    self.sections[key] = section
                    self._add_items(section.body, item.items, section, item, positions)
                    layout.addWidget(section)
                elif item.is_shown:
                    card = QuestionCard(item, self.session, parent, key)
                    self._add_card(card)
                    layout.addWidget(card)

    def _add_card(self, card: QuestionCard | LikertRow) -> None:
        if card.input is not None:
            card.input.changed.connect(lambda name=card.name: self._answer(name))
        if isinstance(card.input, FileInput):
            card.input.file_chosen.connect(lambda path, name=card.name: self.attach(name, path))
        self.cards[card.name] = card

    def attach(self, name: str, path: Path) -> None:
        """Keep a chosen file through `store_file` and answer the question with it."""
        card = self.cards[name]
        assert card.input is not None
        try:
            attached = self.store_file(path)
        except PostkitError as error:
            self.input_errors[name] = str(error)
            self.touched.add(name)
            self._refresh()
            return
        card.input.set_value(attached.answer)
        self._answer(name)

    def _add_instance_items(
        self, layout: QVBoxLayout, repeat: Group, parent: QWidget, positions: tuple[int, ...]
    ) -> None:
        self._add_items(layout, repeat.items, parent, repeat, positions)

    def instances_changed(self, added: str | None = None, removed: str | None = None) -> None:
        """A repeat gained or lost an instance: show them, check them, save the draft.

        On a repeat's page the step goes to the instance `added` (its first question), or
        after a `removed` one to the instance now in its place, else to the repeat's prompt.
        """
        instance = added or removed
        if instance is not None and self._is_stepped(self.current_page()):
            steps = self._steps(self.current_page())
            name, positions = split_slot(instance)
            prompt = slot(name, positions[:-1])
            self._step_key = next(
                (step.key for step in steps if self._in_instance(step.key, instance)),
                next((step.key for step in steps if step.prompt and step.key == prompt), ""),
            )
        self._refresh()
        if instance is not None and self._is_stepped(self.current_page()):
            self._audit_page(self.current_page())  # the step now shown
        self.schedule_save()

    # -- steps: a repeat's page screen by screen, as ODK Collect pages a repeat ----------

    def _is_stepped(self, index: int) -> bool:
        if not 0 <= index < len(self._page_views):
            return False
        page = self._page_views[index].page
        return page.group is not None and page.group.is_repeat and page.items == (page.group,)

    def _steps(self, index: int) -> list[Step]:
        """The steps of a page; Likert rows of one table, asked one after the other, are one
        step (as KoboToolbox shows Likert items: one compact table)."""
        steps = self.session.steps(self._page_views[index].page)
        merged: list[Step] = []
        for step in steps:
            last = merged[-1] if merged else None
            if (
                last is not None
                and len(step.questions) == 1
                and last.questions
                and self._table_of(step.questions[0]) is not None
                and self._table_of(step.questions[0]) is self._table_of(last.questions[-1])
            ):
                merged[-1] = Step(last.key, (*last.questions, *step.questions), last.repeats)
            else:
                merged.append(step)
        return merged

    def _table_of(self, name: str) -> LikertTable | None:
        card = self.cards.get(name)
        if isinstance(card, LikertRow):
            return next((table for table in self.tables if card in table.rows), None)
        return None

    def _in_instance(self, key: str, instance: str) -> bool:
        """Whether a step's slot lies in a repeat instance (or is the instance itself)."""
        if key == instance:
            return True
        name, at = split_slot(key)
        repeat, positions = split_slot(instance)
        path = self.session.repeat_path(name)
        depth = len(positions) - 1
        return len(path) > depth and path[depth] == repeat and at[: len(positions)] == positions

    def _current_step(self, steps: list[Step]) -> int:
        """The number of the step shown, kept by its key while it exists."""
        number = next((i for i, step in enumerate(steps) if step.key == self._step_key), None)
        if number is None:
            number = min(self._step_number, len(steps) - 1)
        self._step_number = max(number, 0)
        if steps:
            self._step_key = steps[self._step_number].key
        return self._step_number

    def _set_step(self, number: int) -> None:
        steps = self._steps(self.current_page())
        self._step_number = max(min(number, len(steps) - 1), 0)
        self._step_key = steps[self._step_number].key if steps else ""

    def _step_allows(self) -> tuple[set[str], Step | None] | None:
        """The cards the step shown allows on the current page, with the step; None when the
        page is not a repeat's (every card on it is shown)."""
        index = self.current_page()
        if self.is_reviewing or not self._is_stepped(index):
            return None
        steps = self._steps(index)
        if not steps:
            return set(), None
        step = steps[self._current_step(steps)]
        return set(step.questions), step

    def _show_step(self, allowed: tuple[set[str], Step | None]) -> None:
        """Show the step's own sections, instances and repeat prompt; hide the rest."""
        page = self._page_views[self.current_page()].page
        assert page.group is not None
        top = self.repeats.get(page.group.name)
        if top is None:
            return
        shown_cards = [
            card
            for name, card in self.cards.items()
            if name in allowed[0] and not card.isHidden() and top.isAncestorOf(card)
        ]
        step = allowed[1]
        offered = set(step.repeats) if step is not None else set()
        # What the step shows: its cards, and the repeats whose 'Add another …' it offers.
        inside: list[QWidget] = [
            *shown_cards,
            *(self.repeats[k] for k in offered if k in self.repeats),
        ]

        def holds_card(widget: QWidget) -> bool:
            return any(widget.isAncestorOf(each) for each in inside)

        for key, section in self.sections.items():
            if top.isAncestorOf(section):
                shown = self.session.visible(key) and holds_card(section)
                if section.isHidden() == shown:
                    section.setVisible(shown)
        for key, repeat in self.repeats.items():
            if repeat is not top and not top.isAncestorOf(repeat):
                continue
            shown = repeat is top or (
                self.session.visible(key) and (key in offered or holds_card(repeat))
            )
            if repeat.isHidden() == shown:
                repeat.setVisible(shown)
            adds = key in offered and self.session.can_change_instances(key)
            if repeat.add_button.isHidden() == adds:
                repeat.add_button.setVisible(adds)
            skips = adds and step is not None and step.prompt
            if repeat.skip_button.isHidden() == skips:
                repeat.skip_button.setVisible(skips)
            for instance in repeat.instances:
                shown = self.session.visible(instance.key) and holds_card(instance)
                if instance.isHidden() == shown:
                    instance.setVisible(shown)
        for table in self.tables:
            if top.isAncestorOf(table):
                table.follow_rows()

    def _sync_repeats(self) -> None:
        """Rebuild the repeats whose number of instances changed (a repeat_count answered)."""
        changed = False
        for key in list(self.repeats):
            repeat = self.repeats.get(key)  # a rebuilt outer repeat drops its inner ones
            if repeat is not None and repeat.sync():
                changed = True
                for name in repeat.card_keys:
                    card = self.cards[name]
                    card.retranslate(self.session)
                    if card.question.is_answerable:
                        card.show_value(self.session.value(name))
                for table in self.tables:
                    if repeat.isAncestorOf(table):
                        table.retranslate(self.session)
        if changed:
            self._clear_review()

    def _clear_review(self) -> None:
        """Forget the review's rows: the questions changed, so they are made again."""
        for section, _heading in self.review_sections.values():
            section.hide()
            section.deleteLater()
        self.review_sections.clear()
        self.review_rows.clear()
        self._review_on_page.clear()
        self._review_parts = None
        self._review_filled = False
        self._prebuild_review()

    def _build_review(self) -> PageView:
        view = PageView(Page(len(self._page_views), "", None, ()), parent=self.stack)
        view.tab_after = self.close_button
        self.review_summary = _label(view, "review_summary")
        view.column.addWidget(self.review_summary)
        self.review_rows: dict[str, ReviewRow] = {}
        self.review_sections: dict[int, tuple[QFrame, QLabel]] = {}
        self._review_on_page: dict[int, list[ReviewRow]] = {}
        self._review_parts: Iterator[None] | None = None
        self._review_filled = False
        self.stack.addWidget(view)
        # The rows are made a few per turn of the event loop once the form shows: made all at
        # once when the review was first asked for, 500 questions' rows held the window for
        # half a second.
        in_a_free_turn(self, self._prebuild_review)
        return view

    def _prebuild_review(self) -> None:
        """Make a page's questions not made yet, else some of the review's rows; the next
        ones on the next turn."""
        if self._unfilled:
            self._fill_page(min(self._unfilled))
            in_a_free_turn(self, self._prebuild_review)
        elif not self._fill_review(REVIEW_ROWS_PER_TURN):
            in_a_free_turn(self, self._prebuild_review)

    def _fill_review(self, rows: int | None = None) -> bool:
        """Make the review's rows not made yet, `rows` of them at most (None: all); True when
        all are made. Made in the page's body while it is out of the window, unstyled."""
        if self._review_filled:
            return True
        if self._review_parts is None:
            self._review_parts = self._make_review_rows()
            # In the window from the start, so each row takes the form's style as it is
            # made, a few per turn: a body of 500 rows joining the styled window at once
            # took a fifth of a second.
            self.review.scroll_area()
        for made, _row in enumerate(self._review_parts, 1):
            if rows is not None and made >= rows:
                return False
        self._review_parts = None
        self._review_filled = True
        self.review.finish()
        # Made in the window, the rows joined the end of its tab order: they follow the
        # form's top row, ahead of its buttons, as a page's questions do.
        before = self.review.tab_after
        if before is not None:
            for row in self.review_rows.values():
                QWidget.setTabOrder(before, row)
                before = row
        return True

    def _make_review_rows(self) -> Iterator[None]:
        """Make the review's sections and rows in order, pausing after each row."""
        self.complete()
        view = self.review
        on_page: dict[int, list[QuestionCard]] = {}
        for card in self.cards.values():
            if card.question.is_answerable:
                on_page.setdefault(self._page_index(card.name), []).append(card)
        column = view.column.parentWidget()
        for page in self.session.pages():
            section = QFrame(column)
            section.setObjectName("review_section")
            section_layout = QVBoxLayout(section)
            section_layout.setContentsMargins(0, 10, 0, 4)
            section_layout.setSpacing(0)
            heading = QLabel(section)
            heading.setObjectName("section_title")
            heading.setContentsMargins(12, 0, 12, 6)
            section_layout.addWidget(heading)
            self.review_sections[page.index] = (section, heading)
            view.column.addWidget(section)
            for card in on_page.get(page.index, []):
                row = ReviewRow(card.name, section)
                row.activated.connect(self.go_to_question)
                self.review_rows[card.name] = row
                self._review_on_page.setdefault(page.index, []).append(row)
                section_layout.addWidget(row)
                yield

    def _page_view(self, index: int) -> PageView:
        """The view of a page, or the review's for `review_index`."""
        return self.review if index == self.review_index else self._page_views[index]

    def _page_index(self, name: str) -> int:
        return self.session.page_of(name).index

    # -- navigation ----------------------------------------------------------------------

    @property
    def review_index(self) -> int:
        """The page number the review page has in a draft: one past the last page."""
        return len(self._page_views)

    def current_page(self) -> int:
        return self.stack.currentIndex()

    @property
    def is_reviewing(self) -> bool:
        return self.current_page() == self.review_index

    def show_page(self, index: int, step: int = 0) -> None:
        """Show a page (the review page for `review_index`), or the nearest shown one after it.

        On a repeat's page `step` is the step to show (-1: the last question, as going back
        reaches it: ODK Collect skips a repeat's prompt backwards).
        """
        if index < self.review_index:
            index = self._first_shown(index)
            self._fill_page(index)
        changed = index != self.stack.currentIndex()
        if index == self.review_index:
            # Its rows made and filled before its body joins the styled window: each is
            # polished once then, not at birth and again on show.
            self._update_review()
        self._page_view(index).scroll_area()  # before it shows
        self.stack.setCurrentIndex(index)
        if self._is_stepped(index):
            steps = self._steps(index)
            if step < 0:
                asked = [i for i, each in enumerate(steps) if not each.prompt]
                step = asked[-1] if asked else len(steps) - 1
            self._step_key, self._step_number = "", step
            self._refresh()
            changed = True
        self._update_navigation()
        if changed:
            self._page_view(index).verticalScrollBar().setValue(0)
            self._sync_repeats()
            self._audit_page(index)
            self.flush(force=True)

    def _audit_page(self, index: int) -> None:
        """The audit's event for the page now shown: its first question (until another one
        takes the focus), or the end screen."""
        if index == self.review_index:
            self.session.show_end_screen()
            return
        allowed = self._step_allows()
        first = next(
            (
                name
                for name in self.cards
                if self._page_index(name) == index
                and self.session.visible(name)
                and (allowed is None or name in allowed[0])
            ),
            None,
        )
        self.session.focus(first)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A question took the keyboard focus: the audit's question event is now its."""
        if new is None or not self.isAncestorOf(new) or self.is_reviewing:
            return
        widget: QWidget | None = new
        while widget is not None and widget is not self:
            if (
                isinstance(widget, QuestionCard | LikertRow)
                and self.cards.get(widget.name) is widget
            ):
                self.session.focus(widget.name)
                return
            widget = widget.parentWidget()

    def next_page(self) -> bool:
        """Go on when nothing on this page is wrong; otherwise show what is and stay."""
        if self.is_reviewing:
            return False
        current = self.current_page()
        errors = self.page_errors(current)
        allowed = self._step_allows()
        if allowed is not None:
            errors = {name: text for name, text in errors.items() if name in allowed[0]}
        if errors:
            self._revealed.add(current)
            self._refresh()
            first = self.cards[next(iter(errors))]
            self._page_views[current].ensureWidgetVisible(first)
            if first.input is not None:
                first.input.focus_input()
            return False
        if allowed is not None and self._step_number + 1 < len(self._steps(current)):
            self._step_key = ""
            self._step_number += 1
            self._refresh()
            self._page_views[current].verticalScrollBar().setValue(0)
            self._audit_page(current)
            self.flush(force=True)
            return True
        later = [p.index for p in self.session.visible_pages() if p.index > current]
        self.show_page(later[0] if later else self.review_index)
        return True

    def previous_page(self) -> None:
        current = self.current_page()
        if self._step_allows() is not None:
            steps = self._steps(current)
            earlier_steps = [
                i for i, step in enumerate(steps) if i < self._step_number and not step.prompt
            ]
            if earlier_steps:
                self._step_key, self._step_number = "", earlier_steps[-1]
                self._refresh()
                self._audit_page(current)
                return
        earlier = [p.index for p in self.session.visible_pages() if p.index < current]
        if earlier:
            self.show_page(earlier[-1], step=-1)

    def show_review(self) -> None:
        self.show_page(self.review_index)

    def go_to_question(self, name: str) -> None:
        """Show the page of a question and bring the question into view."""
        index = self._page_index(name)
        self._revealed.add(index)
        self.show_page(index)
        if self._is_stepped(index):
            steps = self._steps(index)
            number = next((i for i, step in enumerate(steps) if name in step.questions), None)
            if number is not None:
                self._step_key, self._step_number = steps[number].key, number
                self._audit_page(index)
        self._refresh()
        card = self.cards[name]
        self._page_views[index].ensureWidgetVisible(card)
        if card.input is not None:
            card.input.focus_input()

    def page_errors(self, index: int) -> dict[str, str]:
        """What is wrong on a page: the engine's checks and text that is not a number or date."""
        errors = dict(self.session.errors(index))
        for name, message in self.input_errors.items():
            if self._page_index(name) == index and self.session.visible(name):
                errors.setdefault(name, message)
        return errors

    def all_errors(self) -> dict[str, str]:
        errors = dict(self.session.errors())
        for name, message in self.input_errors.items():
            if self.session.visible(name):
                errors.setdefault(name, message)
        return errors

    def _update_navigation(self) -> None:
        visible = [page.index for page in self.session.visible_pages()]
        reviewing = self.is_reviewing
        stepped = not reviewing and self._is_stepped(self.current_page())
        steps = self._steps(self.current_page()) if stepped else []
        # Each screen of a repeat's page counts as a page, as Collect's progress counts them.
        screens = {i: max(len(self._steps(i)), 1) if self._is_stepped(i) else 1 for i in visible}
        total = sum(screens.values())
        if reviewing:
            self.position_label.setText(self.tr("Review"))
            position = total + 1
        else:
            current = self.current_page()
            position = sum(screens[i] for i in visible if i < current)
            position += min(self._step_number, len(steps) - 1) + 1 if steps else 1
            self.position_label.setText(self.tr("Page {0} of {1}").format(position, total))
        if (self.progress_bar.maximum(), self.progress_bar.value()) != (total + 1, position):
            # QProgressBar.setValue repaints at once, and a repaint paints the whole window
            # there and then (the page just shown too): with updates off it is only marked,
            # to be painted with the rest when the event loop next turns.
            self.progress_bar.setUpdatesEnabled(False)
            self.progress_bar.setRange(0, total + 1)
            self.progress_bar.setValue(position)
            self.progress_bar.setUpdatesEnabled(True)
        earlier_step = any(i < self._step_number and not s.prompt for i, s in enumerate(steps))
        self.back_button.setEnabled(
            bool(visible) and (reviewing or self.current_page() > visible[0] or earlier_step)
        )
        is_last = (
            not reviewing
            and not any(i > self.current_page() for i in visible)
            and self._step_number + 1 >= len(steps)
        )
        self.next_button.setVisible(not reviewing)
        self.next_button.setText(self.tr("&Review answers") if is_last else self.tr("&Next"))
        self.submit_button.setVisible(reviewing)
        self.submit_button.setDefault(reviewing)
        self.next_button.setDefault(not reviewing)

    # -- answers -------------------------------------------------------------------------

    def _answer(self, name: str) -> None:
        card = self.cards[name]
        assert card.input is not None
        try:
            self.session.set_answer(name, card.input.value())
            self.input_errors.pop(name, None)
        except ValidationError as error:
            self.session.set_answer(name, None)
            self.input_errors[name] = error.reason
        self.touched.add(name)
        self._refresh()
        self.schedule_save()
        if "quick" in card.question.appearance.lower().split() and card.input.value() is not None:
            # Appearance `quick`: choosing is enough, go on as ODK Collect does.
            QTimer.singleShot(0, self, lambda: self.advance_from(name))

    def advance_from(self, name: str) -> None:
        """Go to the question after `name` on its page, or to the next page after the last."""
        index = self._page_index(name)
        if index != self.current_page():
            return
        allowed = self._step_allows()
        names = [
            n
            for n in self.cards
            if self._page_index(n) == index and (allowed is None or n in allowed[0])
        ]
        later = names[names.index(name) + 1 :] if name in names else []
        for each in later:
            card = self.cards[each]
            if self.session.visible(each) and card.input is not None and card.input.isEnabled():
                self._page_views[index].ensureWidgetVisible(card)
                card.input.focus_input()
                return
        self.next_page()

    def _all_parts(self) -> _Parts:
        return _Parts(self.cards, self.sections, self.repeats, self.tables)

    def _load_values(self, parts: _Parts | None = None) -> None:
        for name, card in (parts or self._all_parts()).cards.items():
            if card.question.is_answerable:
                card.show_value(self.session.value(name))

    def _refresh(self) -> None:
        """Show and hide questions as the answers now say, with the messages that are due."""
        self._sync_repeats()
        allowed = self._step_allows()
        self._refresh_parts(self._all_parts(), allowed)
        if allowed is not None:
            self._show_step(allowed)
        if self.is_reviewing:
            self._update_review()
        self._update_navigation()

    def _refresh_parts(
        self,
        parts: _Parts,
        allowed: tuple[set[str], Step | None] | None = None,
        page: int | None = None,
    ) -> None:
        """`_refresh` for these parts of the form (`allowed`: what the step shown on a
        repeat's page allows; `page`: all of them are on that page)."""
        session = self.session
        errors = session.errors() if page is None else session.errors(page)
        for name, card in parts.cards.items():
            shown = session.visible(name)
            if allowed is not None and shown and name not in allowed[0]:
                # On a repeat's page only the step's own; elsewhere they are not on screen.
                shown = self._page_index(name) != self.current_page()
            if card.isHidden() == shown:  # only a change: showing is costly on 500 cards
                card.setVisible(shown)
            due = name in self.touched or self._page_index(name) in self._revealed
            message = (self.input_errors.get(name) or errors.get(name)) if due else None
            card.refresh(session, message)
        for name, section in parts.sections.items():
            shown = session.visible(name)
            if section.isHidden() == shown:
                section.setVisible(shown)
        for name, repeat in parts.repeats.items():
            # A repeat_count of 0 leaves only a heading: hidden, as ODK Collect skips it.
            shown = session.visible(name) and (
                session.can_change_instances(name) or session.instance_count(name) > 0
            )
            if repeat.isHidden() == shown:
                repeat.setVisible(shown)
        for table in parts.tables:
            table.follow_rows()

    def _retranslate(self) -> None:
        session = self.session
        # The form's own title in the session's language; the page's title only if it has none.
        self.form_title.setText(
            session.form.text(session.form.title, session.language) or self._title
        )
        for view in self._page_views:
            view.title.setText(session.label(view.page))
        self._retranslate_parts(self._all_parts())
        self.review.title.setText(self.tr("Check your answers"))
        self._refresh()

    def _retranslate_parts(self, parts: _Parts) -> None:
        session = self.session
        for section in parts.sections.values():
            section.title.setText(session.label(section.group))
            section.title.setVisible(bool(section.title.text()))
        for card in parts.cards.values():
            card.retranslate(session)
        for repeat in parts.repeats.values():
            repeat.retranslate()
        for table in parts.tables:
            table.retranslate(session)

    def set_language(self, code: str) -> None:
        """Show the questions in another of the form's languages; the answers stay."""
        if code == self.session.language:
            return
        self.session.language = code
        index = self.language.findData(code)
        if index >= 0 and index != self.language.currentIndex():
            self.language.setCurrentIndex(index)
        self._retranslate()
        self.language_changed.emit(code)

    # -- review and submit ---------------------------------------------------------------

    def _update_review(self) -> None:
        self._fill_review()
        session = self.session
        errors = self.all_errors()
        missing = self.tr("not answered")
        shown = answered = 0
        # Only what changed is touched: showing, hiding and restyling hundreds of rows on every
        # answer or page change blocked the window for a quarter of a second.
        for page in session.pages():
            section, heading = self.review_sections[page.index]
            page_shown = session.visible(page)
            if section.isHidden() == page_shown:
                section.setVisible(page_shown)
            title = session.label(page)
            if heading.text() != title:
                heading.setText(title)
            if heading.isHidden() == bool(title):
                heading.setVisible(bool(title))
            for row in self._review_on_page.get(page.index, ()):
                name = row.name
                visible = page_shown and session.visible(name)
                if row.isHidden() == visible:
                    row.setVisible(visible)
                if not visible:
                    continue
                card = self.cards[name]
                answer = display_answer(session, card.question, name)
                shown += 1
                answered += answer is not None
                row.set_texts(card.label_text, answer, missing, errors.get(name))
        summary = self.tr("{0} of {1} questions answered.").format(answered, shown)
        if errors:
            summary += " " + self.tr(
                "Questions to answer or correct before you can submit: {0}. Click one to go to it."
            ).format(len(errors))
        else:
            summary += " " + self.tr(
                "Click a question to change its answer, or submit the response."
            )
        self.review_summary.setText(summary)
        self.submit_button.setEnabled(not errors)

    def submit(self) -> bool:
        """Ask to submit when nothing is wrong; otherwise go to the first problem."""
        errors = self.all_errors()
        if errors:
            self.go_to_question(next(iter(errors)))
            return False
        self._save_timer.stop()
        self._is_save_pending = False
        self.session.finish()
        self.submit_requested.emit(self.session.answers_for_storage())
        return True

    # -- drafts --------------------------------------------------------------------------

    def schedule_save(self) -> None:
        self._is_save_pending = True
        self._save_timer.start()

    def flush(self, force: bool = False) -> None:
        """Hand the answers over for the draft now, if anything changed (or `force`)."""
        self._save_timer.stop()
        if not (self._is_save_pending or force):
            return
        self._is_save_pending = False
        self.draft_changed.emit(self.session.answers(), self.current_page())

    def show_saved(self, text: str) -> None:
        self.status_label.setText(text)

    def show_problem(self, name: str, message: str) -> None:
        """Go to a question with a problem found outside the view (by the service on submit)."""
        self.complete()
        if name not in self.cards:
            self.status_label.setText(message)
            return
        self.go_to_question(name)
        self.cards[name].show_message(message)

    def _close_clicked(self) -> None:
        self.session.leave()
        self.flush(force=True)
        self.close_requested.emit()

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self.setStyleSheet(style_sheet())  # the system switched between light and dark
        super().changeEvent(event)

    @override
    def hideEvent(self, event: QHideEvent) -> None:
        if self.session.leave():
            self._is_save_pending = True  # the audit's event going on ended: keep it
        self.flush()
        super().hideEvent(event)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session.leave():
            self._is_save_pending = True
        self.flush()
        super().closeEvent(event)
