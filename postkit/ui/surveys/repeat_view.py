"""A repeat in the form view: its instances one under the other, each with its questions.

On a repeat's own page the form view shows one step of it at a time (engine.Step, as ODK
Collect pages a repeat): the step's questions in their instance, or the 'Add another …' prompt.

The form view builds the questions of each instance with its own `add_items`, keyed by their
slots (`company@2`, see engine.slot), so answering, skip logic, messages and the review treat
them as any other question. Where the form lets the respondent decide how many instances
there are (no repeat_count), "Add another …" ends the list and each instance has "Remove";
with a repeat_count the answers decide, and the section follows them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from postkit.core.surveys.engine import FormSession, slot
from postkit.core.surveys.forms import Group

if TYPE_CHECKING:
    from postkit.ui.surveys.form_view import FormView


class RepeatInstance(QFrame):
    """One instance of a repeat: a heading with its number, its questions, and Remove."""

    def __init__(self, key: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("repeat_instance")
        self.heading = QLabel(self)
        self.heading.setObjectName("section_title")
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("remove_instance")
        self.remove_button.setAutoDefault(False)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 8, 12, 8)
        self.body.setSpacing(12)
        self.body.addLayout(top)


class RepeatSection(QWidget):
    """A repeat's instances in the form view, kept as many as the session has."""

    def __init__(
        self,
        repeat: Group,
        positions: tuple[int, ...],
        view: FormView,
        add_items: Callable[[QVBoxLayout, Group, QWidget, tuple[int, ...]], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.repeat = repeat
        self.positions = positions
        self.key = slot(repeat.name, positions)
        self._view = view
        self._add_items = add_items
        self.instances: list[RepeatInstance] = []
        # The cards, sections and repeats the form view keeps for this section's instances.
        self._registered: tuple[set[str], set[str], set[str]] = (set(), set(), set())
        self.title = QLabel(self)
        self.title.setObjectName("section_title")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("add_instance")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_instance)
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        self._list.setSpacing(12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addLayout(self._list)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.sync()

    @property
    def card_keys(self) -> set[str]:
        """The slots of the question cards (and Likert rows) in this repeat's instances, nested
        ones included."""
        return self._registered[0]

    @property
    def session(self) -> FormSession:
        return self._view.session

    def sync(self, *, force: bool = False) -> bool:
        """Build the instances anew when their number changed; True when it did."""
        count = self.session.instance_count(self.key)
        if not force and count == len(self.instances):
            return False
        self._clear()
        view = self._view
        before = (set(view.cards), set(view.sections), set(view.repeats))
        for number in range(1, count + 1):
            inner = (*self.positions, number)
            instance = RepeatInstance(slot(self.repeat.name, inner), self)
            instance.remove_button.clicked.connect(
                lambda _checked=False, key=instance.key: self.remove_instance(key)
            )
            self._add_items(instance.body, self.repeat, instance, inner)
            self._list.addWidget(instance)
            if self.isVisible():
                instance.show()  # at once, not when the layout gets to it: it takes the focus
            self.instances.append(instance)
        self._registered = (
            set(view.cards) - before[0],
            set(view.sections) - before[1],
            set(view.repeats) - before[2],
        )
        self.retranslate()
        return True

    def _clear(self) -> None:
        cards, sections, repeats = self._registered
        for key in cards:
            self._view.cards.pop(key, None)
        for key in sections:
            self._view.sections.pop(key, None)
        for key in repeats:
            self._view.repeats.pop(key, None)
        # The Likert tables inside the instances go with them.
        self._view.tables[:] = [
            table
            for table in self._view.tables
            if not any(instance.isAncestorOf(table) for instance in self.instances)
        ]
        for instance in self.instances:
            self._list.removeWidget(instance)
            instance.hide()
            instance.deleteLater()
        self.instances = []

    def retranslate(self) -> None:
        session = self.session
        label = session.label(self.repeat) or self.repeat.name
        self.title.setText(label)
        can_change = session.can_change_instances(self.key)
        self.add_button.setText(self.tr("Add another “{0}”").format(label))
        self.add_button.setVisible(can_change)
        total = len(self.instances)
        for number, instance in enumerate(self.instances, 1):
            instance.heading.setText(self.tr("{0} {1} of {2}").format(label, number, total))
            instance.remove_button.setVisible(can_change)
            instance.remove_button.setAccessibleName(
                self.tr("Remove {0} {1}").format(label, number)
            )

    def add_instance(self) -> None:
        """Add an instance at the end and put the cursor in its first question."""
        key = self.session.add_instance(self.key)
        self._view.instances_changed(added=key)
        instance = next((each for each in self.instances if each.key == key), None)
        if instance is None:
            return
        first = next(
            (
                card
                for name, card in self._view.cards.items()
                if name in self._registered[0]
                and name.endswith("@" + key.partition("@")[2])
                and card.input is not None
            ),
            None,
        )
        if first is not None and first.input is not None:
            first.input.focus_input()
        else:
            instance.remove_button.setFocus()

    def remove_instance(self, key: str) -> None:
        """Remove an instance with its answers; the focus goes to the next one, or to Add."""
        number = next(
            (at for at, instance in enumerate(self.instances) if instance.key == key), None
        )
        self.session.remove_instance(key)
        self._view.instances_changed(removed=key)
        if number is not None and number < len(self.instances):
            self.instances[number].remove_button.setFocus()
        elif self.add_button.isVisible():
            self.add_button.setFocus()
