"""The input widget of each XLSForm question type, all with one small interface.

An input reports `changed` when the respondent edits it, gives its raw answer with `value()`
(the engine converts and checks it) and shows a stored answer with `set_value()` without
reporting a change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QRegularExpression,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDoubleValidator,
    QKeyEvent,
    QMouseEvent,
    QRegularExpressionValidator,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from postkit.core.surveys.engine import ACKNOWLEDGED, range_bounds
from postkit.core.surveys.files import parse_file_answer
from postkit.core.surveys.forms import FILE_TYPES, GEO_TYPES, Choice, Question
from postkit.ui.overrides import override
from postkit.ui.widgets.date_edit import DateEdit

# A list named like these is an agreement scale, shown from left to right (agree5, likert7, …).
_SCALE_LIST = re.compile(r"^(agree|likert|scale|satisf|frequency)", re.IGNORECASE)
HORIZONTAL_COLUMNS = 4
# Python's shortest round-trip digits (QLocale::FloatingPointShortest).
_SHORTEST = -128


class AnswerInput(QWidget):
    """The part of a question the respondent fills in."""

    changed = Signal()

    def value(self) -> object:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError

    def set_choice_labels(self, labels: dict[str, str]) -> None:
        """Relabel the choices (select questions) after a change of language."""

    def offer_choices(self, names: set[str]) -> None:
        """Show only these choices (a choice_filter); a chosen one stays so it can be undone."""

    def focus_input(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _blocked(self, widget: QObject, apply) -> None:  # type: ignore[no-untyped-def]
        was = widget.blockSignals(True)
        try:
            apply()
        finally:
            widget.blockSignals(was)


def _column(parent: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    return layout


class TextInput(AnswerInput):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(2000)
        self.edit.textChanged.connect(self.changed)
        _column(self).addWidget(self.edit)
        self.setFocusProxy(self.edit)

    def value(self) -> object:
        return self.edit.text()

    def set_value(self, value: object) -> None:
        self._blocked(self.edit, lambda: self.edit.setText("" if value is None else str(value)))


class MultilineInput(AnswerInput):
    """Text with appearance `multiline`: a box a few lines high."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 5 + 14)
        self.edit.textChanged.connect(self.changed)
        _column(self).addWidget(self.edit)
        self.setFocusProxy(self.edit)

    def value(self) -> object:
        return self.edit.toPlainText()

    def set_value(self, value: object) -> None:
        text = "" if value is None else str(value)
        self._blocked(self.edit, lambda: self.edit.setPlainText(text))


class _NumberInput(AnswerInput):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setMaximumWidth(220)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edit.textChanged.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addStretch()
        self.setFocusProxy(self.edit)


class IntegerInput(_NumberInput):
    """A whole number; empty means unanswered, unlike a spin box that always holds one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[-+]?\d{0,15}"), self.edit)
        )

    def value(self) -> object:
        return self.edit.text()

    def set_value(self, value: object) -> None:
        self._blocked(self.edit, lambda: self.edit.setText("" if value is None else str(value)))


class DecimalInput(_NumberInput):
    """A number written the way the interface language writes it (a decimal comma in Dutch)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        validator = QDoubleValidator(self.edit)
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        validator.setLocale(QLocale())
        self.edit.setValidator(validator)

    def value(self) -> object:
        text = self.edit.text().strip()
        number, ok = QLocale().toDouble(text)
        return number if ok else text

    def set_value(self, value: object) -> None:
        text = "" if value is None else QLocale().toString(float(value), "f", _SHORTEST)  # type: ignore[arg-type]
        self._blocked(self.edit, lambda: self.edit.setText(text))


class DateInput(AnswerInput):
    """A date typed in the locale's format or ISO, or picked from the calendar; an empty field
    leaves the question unanswered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = DateEdit(self, placeholder=self.tr("not answered"))
        self.edit.setMinimumWidth(max(self.edit.minimumWidth(), 170))
        self._last: object = None
        self.edit.dateChanged.connect(self._date_changed)
        # Text that is not (yet) a date is an answer too: the form says it is not a date.
        self.edit.textEdited.connect(self._date_changed)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Leave the date unanswered"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self._clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.clear_button)
        row.addStretch()
        self.setFocusProxy(self.edit)
        self._update_clear_button()

    @property
    def is_empty(self) -> bool:
        return self.edit.is_empty

    def value(self) -> object:
        if self.edit.is_empty:
            return None
        return self.edit.value() or self.edit.text().strip()

    def set_value(self, value: object) -> None:
        self._blocked(
            self.edit, lambda: self.edit.setDate(value if isinstance(value, date) else None)
        )
        self._last = self.value()
        self._update_clear_button()

    def _date_changed(self) -> None:
        self._update_clear_button()
        # A typed key changes both the text and the date: the answer changed once.
        if self.value() != self._last:
            self._last = self.value()
            self.changed.emit()

    def _clear(self) -> None:
        self.edit.clear_date()
        self.edit.setFocus()

    def _update_clear_button(self) -> None:
        self.clear_button.setEnabled(not self.is_empty)


class _ChoiceInput(AnswerInput):
    def __init__(self, choices: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = tuple(choices)
        self.buttons: dict[str, QAbstractButton] = {}

    def button(self, name: str) -> QAbstractButton:
        return self.buttons[name]

    def set_choice_labels(self, labels: dict[str, str]) -> None:
        for name, button in self.buttons.items():
            button.setText(labels.get(name, name))

    def offer_choices(self, names: set[str]) -> None:
        for name, button in self.buttons.items():
            button.setVisible(name in names or button.isChecked())

    @override
    def focus_input(self) -> None:
        checked = [b for b in self.buttons.values() if b.isChecked()]
        shown = [b for b in self.buttons.values() if not b.isHidden()]
        target = (checked or shown or [None])[0]
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)


class _RadioInput(_ChoiceInput):
    """One choice of several; a 'Clear answer' button takes the choice back."""

    def __init__(self, choices: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(choices, parent)
        self.group = QButtonGroup(self)
        self.group.buttonToggled.connect(self._toggled)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clear_choice")
        self.clear_button.setText(self.tr("Clear answer"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clear_button.clicked.connect(self._clear)
        # Its space stays when it is hidden: showing it must not push the choices down under
        # the pointer, or the next click lands on another answer.
        policy = self.clear_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.clear_button.setSizePolicy(policy)
        self.clear_button.hide()

    def _add_radio(self, choice: Choice, text: str) -> QRadioButton:
        button = QRadioButton(text, self)
        self.group.addButton(button)
        self.buttons[choice.name] = button
        return button

    def value(self) -> object:
        return next((name for name, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, value: object) -> None:
        def apply() -> None:
            _uncheck_all(self.group)
            if isinstance(value, str) and value in self.buttons:
                self.buttons[value].setChecked(True)

        self._blocked(self.group, apply)
        self._update_clear_button()

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._update_clear_button()
            self.changed.emit()

    def _clear(self) -> None:
        self._blocked(self.group, lambda: _uncheck_all(self.group))
        self._update_clear_button()
        self.changed.emit()

    def _update_clear_button(self) -> None:
        # The question card shows the button in its title row, so answering moves nothing;
        # an answer that cannot be changed (from the post profile) offers no clearing.
        self.clear_button.setVisible(self.value() is not None and self.isEnabled())


def _lay_out(parent: QWidget, buttons: Sequence[QWidget], horizontal: bool) -> None:
    """One under the other; with appearance `horizontal` side by side, in rows of at most
    HORIZONTAL_COLUMNS, so the columns line up as ODK Collect's do."""
    if not horizontal:
        layout = _column(parent)
        for button in buttons:
            layout.addWidget(button)
        return
    grid = QGridLayout(parent)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(18)
    grid.setVerticalSpacing(6)
    for index, button in enumerate(buttons):
        grid.addWidget(button, index // HORIZONTAL_COLUMNS, index % HORIZONTAL_COLUMNS)
    grid.setColumnStretch(HORIZONTAL_COLUMNS, 1)


class SelectOneInput(_RadioInput):
    """Radio buttons, one under the other (side by side with appearance `horizontal`)."""

    def __init__(
        self, choices: Sequence[Choice], horizontal: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(choices, parent)
        buttons = [self._add_radio(choice, choice.name) for choice in self.choices]
        _lay_out(self, buttons, horizontal)


class DropDownInput(AnswerInput):
    """A select_one with appearance `minimal`: a drop-down, first entry 'not answered'."""

    def __init__(self, choices: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = tuple(choices)
        self.combo = QComboBox(self)
        self.combo.setMinimumWidth(260)
        self.combo.addItem(self.tr("Choose…"), None)
        for choice in self.choices:
            self.combo.addItem(choice.name, choice.name)
        self.combo.currentIndexChanged.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo)
        row.addStretch()
        self.setFocusProxy(self.combo)

    def value(self) -> object:
        return self.combo.currentData()

    def set_value(self, value: object) -> None:
        index = self.combo.findData(value) if isinstance(value, str) else 0
        self._blocked(self.combo, lambda: self.combo.setCurrentIndex(max(index, 0)))

    @override
    def set_choice_labels(self, labels: dict[str, str]) -> None:
        for index in range(1, self.combo.count()):
            name = self.combo.itemData(index)
            self.combo.setItemText(index, labels.get(name, name))

    @override
    def offer_choices(self, names: set[str]) -> None:
        view = self.combo.view()
        for index in range(1, self.combo.count()):
            shown = self.combo.itemData(index) in names or index == self.combo.currentIndex()
            view.setRowHidden(index, not shown)  # type: ignore[attr-defined]


class _ScaleLabel(QLabel):
    """The text under a point of a scale; clicking it chooses the point, as a radio's text does."""

    clicked = Signal()

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class LikertInput(_RadioInput):
    """A select_one shown as a scale: the points side by side, each label centred below."""

    def __init__(self, choices: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(choices, parent)
        self.labels: dict[str, _ScaleLabel] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        for column, choice in enumerate(self.choices):
            button = self._add_radio(choice, "")
            button.setAccessibleName(choice.name)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            label = _ScaleLabel(choice.name, self)
            label.setObjectName("scale_label")
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setWordWrap(True)
            label.setCursor(Qt.CursorShape.PointingHandCursor)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.clicked.connect(button.click)
            self.labels[choice.name] = label
            grid.addWidget(button, 0, column, Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(label, 1, column)
            grid.setColumnStretch(column, 1)
        _column(self).addLayout(grid)

    @override
    def set_choice_labels(self, labels: dict[str, str]) -> None:
        for name, label in self.labels.items():
            text = labels.get(name, name)
            label.setText(text)
            self.buttons[name].setAccessibleName(text)

    @override
    def offer_choices(self, names: set[str]) -> None:
        super().offer_choices(names)
        for name, label in self.labels.items():
            label.setVisible(not self.buttons[name].isHidden())

    @override
    def _update_clear_button(self) -> None:
        super()._update_clear_button()
        chosen = self.value()
        for name, label in self.labels.items():
            if label.property("chosen") != (name == chosen):
                label.setProperty("chosen", name == chosen)
                label.style().unpolish(label)
                label.style().polish(label)


class SelectMultipleInput(_ChoiceInput):
    """A check box per choice; the answer is the chosen names in list order."""

    def __init__(
        self, choices: Sequence[Choice], horizontal: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(choices, parent)
        for choice in self.choices:
            box = QCheckBox(choice.name, self)
            box.toggled.connect(self.changed)
            self.buttons[choice.name] = box
        _lay_out(self, list(self.buttons.values()), horizontal)

    def value(self) -> object:
        return tuple(name for name, box in self.buttons.items() if box.isChecked())

    def set_value(self, value: object) -> None:
        chosen = set(value.split()) if isinstance(value, str) else set(value or ())  # type: ignore[call-overload]
        for name, box in self.buttons.items():
            self._blocked(box, lambda b=box, n=name: b.setChecked(n in chosen))


class _TickMenu(QMenu):
    """A menu of check boxes that stays open while choices are ticked (click or Space), so
    several are chosen in one go; Escape or a click outside closes it."""

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.actionAt(event.position().toPoint())
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.activeAction()
        if event.key() == Qt.Key.Key_Space and action is not None and action.isCheckable():
            action.trigger()
            return
        super().keyPressEvent(event)


class DropDownChecksInput(AnswerInput):
    """A select_multiple with appearance `minimal`: one line naming the chosen choices, which
    opens a list of check boxes below it (ODK Collect's compact form of the question)."""

    def __init__(self, choices: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = tuple(choices)
        self.button = QPushButton(self)
        self.button.setMinimumWidth(260)
        self.button.setStyleSheet("text-align: left; padding: 4px 8px;")
        # The arrow at the right end, as on a drop-down, says that a list opens.
        self.button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        self.button.setIconSize(QSize(10, 10))
        self.button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.menu = _TickMenu(self)
        self.actions: dict[str, QAction] = {}
        for choice in self.choices:
            action = self.menu.addAction(choice.name)
            action.setCheckable(True)
            action.toggled.connect(self._toggled)
            self.actions[choice.name] = action
        # Not QPushButton.setMenu: its menu runs a nested event loop and closes on each tick.
        self.button.clicked.connect(self._open)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addStretch()
        self.setFocusProxy(self.button)
        self._show_chosen()

    def _open(self) -> None:
        self.menu.setMinimumWidth(self.button.width())
        self.menu.popup(self.button.mapToGlobal(self.button.rect().bottomLeft()))

    def _toggled(self, _checked: bool) -> None:
        self._show_chosen()
        self.changed.emit()

    def _show_chosen(self) -> None:
        chosen = [self.actions[name].text() for name in self.value()]  # type: ignore[union-attr]
        # The single drop-down's word, so both drop-downs read the same in each language.
        choose = QCoreApplication.translate("DropDownInput", "Choose…")
        self.button.setText(", ".join(chosen) if chosen else choose)
        self.button.setToolTip(", ".join(chosen))

    def value(self) -> object:
        return tuple(name for name, action in self.actions.items() if action.isChecked())

    def set_value(self, value: object) -> None:
        chosen = set(value.split()) if isinstance(value, str) else set(value or ())  # type: ignore[call-overload]
        for name, action in self.actions.items():
            self._blocked(action, lambda a=action, n=name: a.setChecked(n in chosen))
        self._show_chosen()

    @override
    def set_choice_labels(self, labels: dict[str, str]) -> None:
        for name, action in self.actions.items():
            action.setText(labels.get(name, name))
        self._show_chosen()

    @override
    def offer_choices(self, names: set[str]) -> None:
        for name, action in self.actions.items():
            action.setVisible(name in names or action.isChecked())


class AcknowledgeInput(AnswerInput):
    """A single check box the respondent ticks to confirm they read something."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self.tr("OK"), self)
        self.box.toggled.connect(self.changed)
        _column(self).addWidget(self.box)
        self.setFocusProxy(self.box)

    def value(self) -> object:
        return ACKNOWLEDGED if self.box.isChecked() else None

    def set_value(self, value: object) -> None:
        self._blocked(self.box, lambda: self.box.setChecked(value == ACKNOWLEDGED))


class PatternInput(TextInput):
    """Typed text in a fixed shape (a time, a date and time, coordinates): the placeholder
    shows the shape and the engine checks it."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMaximumWidth(420)


class RangeInput(AnswerInput):
    """A slider from the range's start to its end in its steps; unanswered until moved."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start, end, self.step = range_bounds(question)
        self.is_whole = self.start.is_integer() and self.step.is_integer()
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, max(0, round(abs(end - self.start) / self.step)))
        self.slider.setPageStep(1)
        self.direction = 1 if end >= self.start else -1
        self.shown = QLabel(self.tr("not answered"), self)
        self.shown.setMinimumWidth(90)
        self.answered = False
        self.slider.valueChanged.connect(self._moved)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self._clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self._text(self.start), self))
        row.addWidget(self.slider, 1)
        row.addWidget(QLabel(self._text(end), self))
        row.addWidget(self.shown)
        self.setFocusProxy(self.slider)

    def _number(self, position: int) -> float:
        return self.start + self.direction * position * self.step

    def _text(self, number: float) -> str:
        return str(int(number)) if self.is_whole else QLocale().toString(number, "f", _SHORTEST)

    def value(self) -> object:
        return self._number(self.slider.value()) if self.answered else None

    def set_value(self, value: object) -> None:
        self.answered = isinstance(value, int | float)
        position = round(abs(float(value) - self.start) / self.step) if self.answered else 0  # type: ignore[arg-type]
        self._blocked(self.slider, lambda: self.slider.setValue(position))
        self._show()

    def _moved(self) -> None:
        self.answered = True
        self._show()
        self.changed.emit()

    def _clear(self) -> None:
        self.answered = False
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        number = self._number(self.slider.value())
        self.shown.setText(self._text(number) if self.answered else self.tr("not answered"))


class RankInput(AnswerInput):
    """The choices in a list to put in order with Move up / Move down (Alt+Up, Alt+Down)."""

    def __init__(self, choices: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answered = False
        self.list = QListWidget(self)
        self.list.setMaximumHeight(28 * max(3, len(choices)) + 6)
        for choice in choices:
            item = QListWidgetItem(choice.name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, choice.name)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.keep_button = QPushButton(self.tr("Keep this order"), self)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.keep_button.clicked.connect(self._keep)
        self.list.installEventFilter(self)
        buttons = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.keep_button):
            buttons.addWidget(button)
        buttons.addStretch()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        self.setFocusProxy(self.list)

    def names(self) -> tuple[str, ...]:
        return tuple(
            str(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
        )

    def move(self, step: int) -> None:
        """Move the current choice up (-1) or down (1)."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._keep()

    def _keep(self) -> None:
        self.answered = True
        self.changed.emit()

    def value(self) -> object:
        return self.names() if self.answered else None

    def set_value(self, value: object) -> None:
        self.answered = isinstance(value, tuple | list) and bool(value)
        if not self.answered:
            return
        order = {name: index for index, name in enumerate(value)}  # type: ignore[arg-type]
        items = [self.list.takeItem(0) for _ in range(self.list.count())]
        items.sort(key=lambda item: order.get(item.data(Qt.ItemDataRole.UserRole), len(order)))
        for item in items:
            self.list.addItem(item)

    def set_choice_labels(self, labels: dict[str, str]) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            name = item.data(Qt.ItemDataRole.UserRole)
            item.setText(labels.get(name, name))

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            alt = event.modifiers() & Qt.KeyboardModifier.AltModifier  # type: ignore[attr-defined]
            if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move(-1 if key == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)


class FileInput(AnswerInput):
    """A file to attach, chosen with Choose file…: the form view stores it and the answer
    keeps the file's name and hash (see core.surveys.files), which the field shows."""

    file_chosen = Signal(object)  # the Path chosen; the form view stores it

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._answer: str | None = None
        self.edit = QLineEdit(self)
        self.edit.setReadOnly(True)
        self.edit.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose file…"), self)
        self.choose_button.clicked.connect(self.choose)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self._clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.choose_button)
        self.setFocusProxy(self.choose_button)

    def choose(self) -> None:
        filters = {
            "image": self.tr("Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)"),
            "audio": self.tr("Audio (*.mp3 *.wav *.m4a *.ogg *.aac)"),
            "video": self.tr("Video (*.mp4 *.mov *.avi *.mkv *.webm)"),
        }
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach a file"), "", filters.get(self.kind, self.tr("Any file (*)"))
        )
        if name:
            self.file_chosen.emit(Path(name))

    def _clear(self) -> None:
        self.set_value(None)
        self.changed.emit()

    def value(self) -> object:
        return self._answer

    def set_value(self, value: object) -> None:
        self._answer = value if isinstance(value, str) and value else None
        attached = parse_file_answer(self._answer) if self._answer else None
        self.edit.setText(attached.file_name if attached else (self._answer or ""))
        self.edit.setToolTip(self._answer or "")


def _uncheck_all(group: QButtonGroup) -> None:
    # An exclusive group keeps one button checked; it lets go only while not exclusive.
    group.setExclusive(False)
    for button in group.buttons():
        button.setChecked(False)
    group.setExclusive(True)


def is_scale(question: Question) -> bool:
    """Whether a select_one reads as an agreement scale and is best shown left to right."""
    appearance = question.appearance.lower()
    return "likert" in appearance or bool(
        question.list_name and _SCALE_LIST.match(question.list_name)
    )


def make_input(
    question: Question, choices: Sequence[Choice], parent: QWidget
) -> AnswerInput | None:
    """The input for a question, or None for a note (nothing to fill in)."""
    appearance = question.appearance.lower()
    match question.type:
        case "text":
            return MultilineInput(parent) if "multiline" in appearance else TextInput(parent)
        case "integer":
            return IntegerInput(parent)
        case "decimal":
            return DecimalInput(parent)
        case "date":
            return DateInput(parent)
        case "select_one" if "minimal" in appearance:
            return DropDownInput(choices, parent)
        case "select_one" if is_scale(question):
            return LikertInput(choices, parent)
        case "select_one":
            return SelectOneInput(choices, "horizontal" in appearance, parent)
        case "select_multiple" if "minimal" in appearance:
            return DropDownChecksInput(choices, parent)
        case "select_multiple":
            return SelectMultipleInput(choices, "horizontal" in appearance, parent)
        case "acknowledge":
            return AcknowledgeInput(parent)
        case "barcode":
            return TextInput(parent)
        case "time":
            return PatternInput(QCoreApplication.translate("AnswerInput", "HH:MM"), parent)
        case "datetime":
            return PatternInput(
                QCoreApplication.translate("AnswerInput", "YYYY-MM-DD HH:MM"), parent
            )
        case "geopoint":
            return PatternInput(
                QCoreApplication.translate("AnswerInput", "latitude longitude, e.g. 52.08 4.31"),
                parent,
            )
        case kind if kind in GEO_TYPES:
            return PatternInput(
                QCoreApplication.translate(
                    "AnswerInput", "latitude longitude; latitude longitude; …"
                ),
                parent,
            )
        case "range":
            return RangeInput(question, parent)
        case "rank":
            return RankInput(choices, parent)
        case kind if kind in FILE_TYPES:
            return FileInput(kind, parent)
    return None
