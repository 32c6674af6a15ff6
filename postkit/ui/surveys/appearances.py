"""Widgets for XLSForm appearances that span more than one question.

`likert` items that follow each other on one list, and the selects of a `table-list` group,
are one compact table, as KoboToolbox shows them: a row per statement, a column per choice.
Each row stands in for a question card in the form view (it has the card's `question`,
`input`, `refresh`, `retranslate`, …), so skip logic, messages and the review treat it as any
other question.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from postkit.core.surveys.engine import FormSession
from postkit.core.surveys.expressions import to_string
from postkit.core.surveys.forms import Choice, Group, Item, Question
from postkit.ui.overrides import override
from postkit.ui.surveys.inputs import AnswerInput, _RadioInput
from postkit.ui.widgets.tones import tone_color

# Wide enough for "Neither agree nor disagree" on two lines.
CELL_WIDTH = 92
_OUTPUT = re.compile(r"\$\{([^}\s]+)\}")


def with_outputs(text: str, session: FormSession) -> str:
    """A label with `${name}` replaced by that question's answer, as ODK shows outputs."""

    def answer(match: re.Match[str]) -> str:
        try:
            return to_string(session.value(match.group(1)))
        except KeyError:
            return match.group(0)

    return _OUTPUT.sub(answer, text) if "${" in text else text


def is_table_row(question: Question, group: Group | None) -> bool:
    """Whether a question is a row of a Likert table: a `likert` select_one, or a select_one
    of a `table-list` group."""
    if question.type != "select_one":
        return False
    if "likert" in question.appearance.lower().split():
        return True
    return group is not None and "table-list" in group.appearance.lower().split()


def table_runs(items: Sequence[Item], group: Group | None) -> list[list[Item]]:
    """The items in order, with the table rows that follow each other on one list together.

    A run of one `likert` item stays a scale of its own; a `table-list` group is a table even
    with one row, as its author asked.
    """
    runs: list[list[Item]] = []
    for item in items:
        previous = runs[-1] if runs else None
        if (
            isinstance(item, Question)
            and is_table_row(item, group)
            and previous
            and isinstance(previous[0], Question)
            and is_table_row(previous[0], group)
            and previous[0].list_name == item.list_name
        ):
            previous.append(item)
        else:
            runs.append([item])
    return runs


def forms_table(run: list[Item], group: Group | None) -> bool:
    first = run[0]
    if not isinstance(first, Question) or not is_table_row(first, group):
        return False
    return len(run) > 1 or (group is not None and "table-list" in group.appearance.lower())


class _Cell(QWidget):
    """A fixed-width cell of a table column, so the rows line up under the header."""

    def __init__(self, widget: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFixedWidth(CELL_WIDTH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignCenter)


class LikertRowInput(_RadioInput):
    """The radio buttons of one statement; the row takes the keyboard focus, not each button.

    Left/Right choose the previous or next point, the number keys choose a point (and go on to
    the next statement), Up/Down go to the statement above or below, Delete clears.
    """

    step = Signal(int)

    def __init__(self, choices: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(choices, parent)
        self.setObjectName("likert_choices")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        for choice in self.choices:
            button = self._add_radio(choice, "")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setAccessibleName(choice.name)
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # a filtered-out choice keeps its column
            button.setSizePolicy(policy)
            button.clicked.connect(lambda: self.setFocus(Qt.FocusReason.MouseFocusReason))
            row.addWidget(_Cell(button, self))

    @override
    def set_choice_labels(self, labels: dict[str, str]) -> None:
        for name, button in self.buttons.items():
            button.setAccessibleName(labels.get(name, name))
        self._describe()

    @override
    def focus_input(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def offered(self) -> list[str]:
        return [name for name, button in self.buttons.items() if not button.isHidden()]

    def choose(self, name: str) -> None:
        self.buttons[name].setChecked(True)  # the group reports the change

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        offered = self.offered()
        chosen = self.value()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and offered:
            forward = key == Qt.Key.Key_Right
            if chosen in offered:
                index = offered.index(chosen) + (1 if forward else -1)
                index = min(max(index, 0), len(offered) - 1)
            else:
                index = 0 if forward else len(offered) - 1
            self.choose(offered[index])
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step.emit(-1 if key == Qt.Key.Key_Up else 1)
            return
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            index = key - Qt.Key.Key_1
            if index < len(offered):
                self.choose(offered[index])
                self.step.emit(1)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and chosen is not None:
            self._clear()
            return
        super().keyPressEvent(event)

    @override
    def _update_clear_button(self) -> None:
        super()._update_clear_button()
        self._describe()

    def _describe(self) -> None:
        # A screen reader hears the chosen point when the row gets the focus.
        chosen = self.value()
        button = self.buttons.get(chosen) if isinstance(chosen, str) else None
        self.setAccessibleDescription(button.accessibleName() if button is not None else "")


class AnswerCard:
    """What the form view asks of a question's place on a page, a card or a Likert row:
    its label with `${name}` outputs and a * when required, hint, choices offered, message.

    Mixed into a QFrame that sets `question`, `key`, `title`, `hint`, `message`, `input`,
    `label_text = ""`, `_required = None` and `_message = None`.
    """

    question: Question
    key: str
    title: QLabel
    hint: QLabel
    message: QLabel
    input: AnswerInput | None
    label_text: str
    _required: bool | None
    _message: str | None

    @property
    def name(self) -> str:
        return self.key

    def retranslate(self, session: FormSession) -> None:
        question = self.question
        self.label_text = with_outputs(session.label(question, self.key), session)
        hint = session.hint(question, self.key)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        if isinstance(self.input, AnswerInput):
            self.input.set_choice_labels(
                {c.name: session.label(c) for c in session.form.choices(question)}
            )
            self.input.setAccessibleName(self.label_text)
            self.input.setAccessibleDescription(hint)
        self._required = None
        self.refresh(session, None)

    def refresh(self, session: FormSession, message: str | None) -> None:
        """Follow the answers: required or not, the choices offered, outputs in the label."""
        question = self.question
        if "${" in question.label.get(session.language, "") or "${" in self.label_text:
            self.label_text = with_outputs(session.label(question, self.key), session)
            self._required = None
        required = question.is_answerable and session.is_required(question, self.key)
        if required != self._required:
            self._required = required
            text = html.escape(self.label_text).replace("\n", "<br>")
            if required:
                text += f'<span style="color:{tone_color("danger").name()}"> *</span>'
            self.title.setText(text)
        if self.input is not None and question.is_select:
            self.input.offer_choices(
                {choice.name for choice in session.choices(question, self.key)}
            )
        self.show_message(message)

    def show_message(self, message: str | None) -> None:
        message = message or None
        if message == self._message:
            return  # restyling every card on each keystroke is what made typing slow
        self._message = message
        self.message.setText(message or "")
        self.message.setVisible(bool(message))
        restyle(self, "error", bool(message))  # type: ignore[arg-type]

    def show_value(self, value: object) -> None:
        if self.input is not None:
            self.input.set_value(value)


class LikertRow(AnswerCard, QFrame):
    """One statement of a Likert table; it stands in for the question's card."""

    input: LikertRowInput

    def __init__(
        self, question: Question, session: FormSession, parent: QWidget, key: str | None = None
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.key = key or question.name  # its slot, inside a repeat
        self.setObjectName("likert_row")
        self.title = QLabel(self)
        self.title.setObjectName("likert_statement")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.input = LikertRowInput(session.form.choices(question), self)
        self.input.installEventFilter(self)
        if session.is_fixed(question.name) or question.is_calculated:
            self.input.setEnabled(False)
        self.title.setBuddy(self.input)
        statement = QVBoxLayout()
        statement.setSpacing(2)
        statement.addWidget(self.title)
        statement.addWidget(self.hint)
        statement.addWidget(self.message)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 4, 6)
        layout.setSpacing(8)
        layout.addLayout(statement, 1)
        layout.addWidget(self.input, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.input.clear_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.label_text = ""
        self._required: bool | None = None
        self._message: str | None = None

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A click on the statement takes the row, to answer it with the keys.
        if event.button() == Qt.MouseButton.LeftButton and self.input.isEnabled():
            self.input.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.input and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            restyle(self, "focused", event.type() == QEvent.Type.FocusIn)
        return super().eventFilter(watched, event)


class LikertTable(QFrame):
    """Statements on one choice list as a table: the choices head the columns."""

    def __init__(
        self,
        questions: Sequence[Question],
        session: FormSession,
        parent: QWidget,
        keys: Sequence[str] | None = None,
    ) -> None:
        """`keys` are the questions' slots, inside a repeat; their names elsewhere."""
        super().__init__(parent)
        self.setObjectName("likert_table")
        self.choices = session.form.choices(questions[0])
        self.rows: list[LikertRow] = []
        for question, key in zip(questions, keys or [q.name for q in questions], strict=True):
            row = LikertRow(question, session, self, key)
            row.input.step.connect(lambda step, row=row: self.move_focus(row, step))
            self.rows.append(row)
        # Every row keeps room for its 'Clear answer', in whatever language it is written.
        clear_width = max(row.input.clear_button.sizeHint().width() for row in self.rows)
        for row in self.rows:
            row.input.clear_button.setFixedWidth(clear_width)
        header = QHBoxLayout()
        header.setContentsMargins(10, 8, 4, 4)
        header.setSpacing(8)
        header.addStretch(1)
        cells = QHBoxLayout()
        cells.setSpacing(0)
        self.headers: dict[str, QLabel] = {}
        for choice in self.choices:
            label = QLabel(choice.name, self)
            label.setObjectName("scale_label")
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            label.setFixedWidth(CELL_WIDTH - 4)
            self.headers[choice.name] = label
            cells.addWidget(_Cell(label, self))
        header.addLayout(cells)
        header.addSpacing(header.spacing() + clear_width)  # no spacing around a spacer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(0)
        layout.addLayout(header)
        for row in self.rows:
            layout.addWidget(row)

    def retranslate(self, session: FormSession) -> None:
        for choice in self.choices:
            self.headers[choice.name].setText(session.label(choice))
        for index, row in enumerate(self.shown_rows()):
            restyle(row, "odd", index % 2 == 1)

    def shown_rows(self) -> list[LikertRow]:
        return [row for row in self.rows if not row.isHidden()]

    def follow_rows(self) -> None:
        """Show the table while any statement is shown, with the stripes on the shown ones."""
        shown = self.shown_rows()
        if self.isHidden() == bool(shown):
            self.setVisible(bool(shown))
        for index, row in enumerate(shown):
            restyle(row, "odd", index % 2 == 1)

    def move_focus(self, row: LikertRow, step: int) -> None:
        """Go to the statement above or below; past the last one, on to what follows."""
        shown = [each for each in self.shown_rows() if each.input.isEnabled()]
        if row not in shown:
            return
        index = shown.index(row) + step
        if 0 <= index < len(shown):
            shown[index].input.setFocus(Qt.FocusReason.TabFocusReason)
        elif step > 0:
            row.input.focusNextChild()


def restyle(widget: QWidget, name: str, value: object) -> None:
    """Set a style property the form's style sheet selects on, and apply it now."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        # A widget not polished yet takes the property when it is first shown: polishing
        # each of the review's new rows here cost more than building them.
        if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
