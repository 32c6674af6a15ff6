"""The follow-up view: what is overdue and what falls due this month, judged from here."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from postkit.core.followups.commands import ChangeStatus
from postkit.core.followups.records import (
    FollowUpInput,
    FollowUpKind,
    FollowUpRecord,
    FollowUpStatus,
    NextStep,
)
from postkit.core.followups.service import due_between, follow_ups, next_step, overdue
from postkit.core.profile import PostProfile
from postkit.ui.dialogs import show_error
from postkit.ui.followups.table_model import FollowUpTableModel
from postkit.ui.ops import Changes
from postkit.ui.undo import RunnerUndoCommand
from postkit.ui.widgets.date_edit import DateEdit
from postkit.ui.widgets.page import ModulePage
from postkit.ui.widgets.table_view import empty_state_label, record_table

DUE_NOW, ALL_OPEN, ALL = range(3)
# What the list reads from: its own rows, and the requests, activities and companies it names.
WATCHED = ("follow_ups", "requests", "activities", "companies")
# When the planned next step after a condition not met falls due, unless the officer says.
NEXT_STEP_DAYS = 14


def due_now(session: Session, today: date) -> list[FollowUpRecord]:
    """What is overdue, then everything due this month (met or not)."""
    first = today.replace(day=1)
    last = today.replace(day=monthrange(today.year, today.month)[1])
    late = overdue(session, today)
    seen = {record.id for record in late}
    return late + [r for r in due_between(session, first, last) if r.id not in seen]


class FollowUpsPage(ModulePage):
    """The follow-ups to watch, with Met, Not met… and Drop…; each change can be undone."""

    reloaded = Signal()

    def build(self) -> None:
        self.model = FollowUpTableModel(self._language, self)
        heading = QLabel(self.tr("Follow-up"), self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.summary = QLabel(self)
        self.show_choice = QComboBox(self)
        self.show_choice.addItems(
            [self.tr("Overdue and due this month"), self.tr("All open"), self.tr("All")]
        )
        self.show_choice.setAccessibleName(self.tr("Which follow-ups to show"))
        self.show_choice.currentIndexChanged.connect(lambda _i: self.reload())
        show_label = QLabel(self.tr("&Show:"), self)
        show_label.setBuddy(self.show_choice)
        self.table = record_table(
            self,
            self.model,
            self.tr("Follow-ups"),
            single_selection=True,
            widths={0: 100, 1: 160, 2: 90, 4: 200, 5: 130},
            stretch=FollowUpTableModel.DESCRIPTION,
        )
        # Soonest due first, as the model sorts them.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = empty_state_label(self)
        self.met_button = QPushButton(self.tr("&Met"), self)
        self.not_met_button = QPushButton(self.tr("&Not met…"), self)
        self.drop_button = QPushButton(self.tr("&Drop…"), self)
        self.reopen_button = QPushButton(self.tr("Open &again"), self)
        self.met_button.clicked.connect(self.mark_met)
        self.not_met_button.clicked.connect(self.mark_not_met)
        self.drop_button.clicked.connect(self.drop)
        self.reopen_button.clicked.connect(self.open_again)

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch()
        top.addWidget(show_label)
        top.addWidget(self.show_choice)
        buttons = QHBoxLayout()
        for button in (self.met_button, self.not_met_button, self.drop_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        self.empty.hide()
        self._update_buttons()
        self.runner.changed.connect(self._data_changed)
        self.reload()

    def _data_changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED):
            self.reload()

    # -- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        choice = self.show_choice.currentIndex()
        today = date.today()

        def read(session: Session) -> tuple[list[FollowUpRecord], int]:
            if choice == DUE_NOW:
                rows = due_now(session, today)
            else:
                rows = follow_ups(session, open_only=choice == ALL_OPEN)
            return rows, len(overdue(session, today))

        self.runner.query(read, self._show, owner=self, key=f"follow-ups-{id(self)}")

    def _show(self, answer: tuple[list[FollowUpRecord], int]) -> None:
        rows, late = answer
        selected = self.selected()
        self.model.today = date.today()
        self.model.set_rows(rows)
        open_count = sum(1 for row in rows if row.status == FollowUpStatus.OPEN)
        self.summary.setText(
            self.tr("%n overdue", "", late)
            + " · "
            + self.tr("%n open in this list", "", open_count)
        )
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.empty.setText(
            self.tr(
                "<p>Nothing to follow up here.</p><p>Conditions agreed in a screening decision "
                "and actions planned in an activity show up here when they fall due.</p>"
            )
        )
        if selected is not None:
            self.select(selected.id)
        self._update_buttons()
        self.reloaded.emit()

    # -- selection ---------------------------------------------------------------------------

    def selected(self) -> FollowUpRecord | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(rows[0].row())

    def select(self, follow_up_id: int) -> bool:
        position = self.model.row_of(follow_up_id)
        if position is None:
            return False
        self.table.selectRow(position)
        return True

    def _selection_changed(self, *_args: object) -> None:
        self._update_buttons()
        self.selection_changed.emit()

    def _update_buttons(self) -> None:
        record = self.selected()
        is_open = record is not None and record.status == FollowUpStatus.OPEN
        for button in (self.met_button, self.not_met_button, self.drop_button):
            button.setEnabled(is_open)
        self.reopen_button.setEnabled(record is not None and not is_open)

    # -- judging ---------------------------------------------------------------------------

    @property
    def actor(self) -> str:
        return self._profile.user_name

    def set_profile(self, profile: PostProfile) -> None:
        self._profile = profile

    def mark_met(self) -> None:
        record = self.selected()
        if record is not None:
            self._change(self.tr("Follow-up met"), ChangeStatus(record.id, "met", "", self.actor))

    def open_again(self) -> None:
        record = self.selected()
        if record is not None:
            self._change(
                self.tr("Follow-up opened again"), ChangeStatus(record.id, "open", "", self.actor)
            )

    def drop(self) -> None:
        record = self.selected()
        if record is None:
            return
        reason = self.ask_drop_reason(record)
        if reason:
            self._change(
                self.tr("Follow-up dropped"), ChangeStatus(record.id, "dropped", reason, self.actor)
            )

    def ask_drop_reason(self, record: FollowUpRecord) -> str | None:
        prompt = self.tr("Why is “{0}” dropped? The reason is kept with it.").format(
            record.data.description
        )
        while True:
            text, ok = QInputDialog.getText(self, self.tr("Drop follow-up"), prompt)
            if not ok:
                return None
            if text.strip():
                return text.strip()
            prompt = self.tr("A reason is required.") + "\n" + prompt

    def mark_not_met(self) -> None:
        record = self.selected()
        if record is None:
            return
        if record.data.kind != FollowUpKind.CONDITION.value:
            self._ask_not_met(record, None)
            return
        self.runner.query(
            lambda session: next_step(session, record.id),
            lambda step: self._ask_not_met(record, step),
            owner=self,
        )

    def _ask_not_met(self, record: FollowUpRecord, step: NextStep | None) -> None:
        dialog = NotMetDialog(record, step, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._change(
            self.tr("Follow-up not met"),
            ChangeStatus(
                record.id, "not_met", dialog.note(), self.actor, next_step=dialog.next_step()
            ),
        )

    def _change(self, text: str, command: ChangeStatus) -> None:
        def failed(error: BaseException) -> None:
            show_error(self, error)
            self.reload()

        RunnerUndoCommand(text, command, self.runner, "follow_ups", failed).perform(
            self.undo_stack, failed
        )


def next_step_text(step: NextStep) -> str:
    from PySide6.QtCore import QCoreApplication

    if step == NextStep.DIALOGUE:
        return QCoreApplication.translate(
            "FollowUps",
            "The guidelines' next step: talk with the company and ask what it does about it, "
            "then decide.",
        )
    return QCoreApplication.translate(
        "FollowUps",
        "A dialogue did not bring the company to meet its conditions: the guidelines' next "
        "step is to reconsider the support.",
    )


def next_step_title(step: NextStep, condition: str) -> str:
    from PySide6.QtCore import QCoreApplication

    if step == NextStep.DIALOGUE:
        return QCoreApplication.translate("FollowUps", "Dialogue with the company: {0}").format(
            condition
        )
    return QCoreApplication.translate("FollowUps", "Reconsider the support: {0}").format(condition)


class NotMetDialog(QDialog):
    """What was found, and (for a condition) the step the guidelines describe next, which
    the officer may plan as a follow-up of its own."""

    def __init__(
        self, record: FollowUpRecord, step: NextStep | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._record = record
        self._step = step
        self.setWindowTitle(self.tr("Not met"))
        intro = QLabel(self.tr("“{0}” was not met.").format(record.data.description), self)
        intro.setWordWrap(True)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("What was found, whom you spoke to"))
        form = QFormLayout()
        note_label = QLabel(self.tr("&What was found:"), self)
        note_label.setBuddy(self.note_edit)
        form.addRow(note_label, self.note_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.plan_check = QCheckBox(self.tr("&Plan this step as a follow-up"), self)
        self.title_edit = QLineEdit(self)
        self.due_edit = DateEdit(self)
        self.owner_edit = QLineEdit(record.data.owner, self)
        if step is not None:
            advice = QLabel(next_step_text(step), self)
            advice.setWordWrap(True)
            advice.setObjectName("next_step")
            self.title_edit.setText(next_step_title(step, record.data.description))
            self.due_edit.set_value(date.today() + timedelta(days=NEXT_STEP_DAYS))
            self.plan_check.setChecked(True)
            step_form = QFormLayout()
            step_form.addRow(self.tr("Step:"), self.title_edit)
            step_form.addRow(self.tr("Due:"), self.due_edit)
            step_form.addRow(self.tr("Owner:"), self.owner_edit)
            layout.addWidget(advice)
            layout.addWidget(self.plan_check)
            layout.addLayout(step_form)
            self.plan_check.toggled.connect(self._validate)
            self.due_edit.dateChanged.connect(self._validate)
            self.title_edit.textChanged.connect(self._validate)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("Record not met"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        self._validate()

    def note(self) -> str:
        return self.note_edit.text().strip()

    def next_step(self) -> FollowUpInput | None:
        if self._step is None or not self.plan_check.isChecked():
            return None
        data = self._record.data
        return FollowUpInput(
            FollowUpKind.CONDITION.value,
            self.title_edit.text().strip(),
            self.due_edit.value(),
            self.owner_edit.text().strip(),
            request_id=data.request_id,
            company_id=data.company_id,
        )

    def _validate(self, *_args: object) -> None:
        planned = self._step is not None and self.plan_check.isChecked()
        for widget in (self.title_edit, self.due_edit, self.owner_edit):
            widget.setEnabled(planned)
        ready = not planned or (
            bool(self.title_edit.text().strip()) and self.due_edit.value() is not None
        )
        self.ok_button.setEnabled(ready)
