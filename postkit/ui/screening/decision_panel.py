"""The decision on a request: the computed risk summary beside the officer's own decision."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from postkit.core.followups.records import FollowUpInput, FollowUpKind
from postkit.core.screening import reference
from postkit.core.screening.records import (
    Decision,
    Outcome,
    RequestRecord,
    RiskLevel,
    RiskSummary,
)
from postkit.core.screening.steps import step_number
from postkit.ui.dialogs import confirm
from postkit.ui.screening import labels
from postkit.ui.screening.cards import Card
from postkit.ui.screening.colors import OUTCOME_COLORS, RISK_COLORS
from postkit.ui.widgets.badge import Badge
from postkit.ui.widgets.colors import NEUTRAL, WARNING
from postkit.ui.widgets.date_edit import DateEdit
from postkit.ui.widgets.field import FieldWithError
from postkit.ui.widgets.follow_up_table import FollowUpTable
from postkit.ui.widgets.notice import Notice
from postkit.ui.widgets.tones import follow_scheme, set_tone, tone_color

_OUTCOME_KEYS = {
    Outcome.SUPPORT: "&Support",
    Outcome.SUPPORT_WITH_CONDITIONS: "Support with &conditions",
    Outcome.DECLINE: "Dec&line",
    Outcome.REFER_TO_HQ: "Refer to &headquarters",
}


_LEVEL_ORDER = {RiskLevel.HIGH: 0, RiskLevel.MEDIUM: 1, RiskLevel.LOW: 2}


def _date_text(value: object) -> str:
    return QLocale().toString(value, QLocale.FormatType.LongFormat) if value else "–"


def _muted(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    set_tone(label, "neutral")
    return label


class DecisionPanel(QWidget):
    """The risk summary, and either the decision form or the decision taken.

    Emits `decide_requested(Decision)` after the officer confirmed, `reopen_requested(reason)`
    and `print_requested()`; the owner does the work and calls `set_record()` again.
    """

    decide_requested = Signal(object)
    reopen_requested = Signal(str)
    print_requested = Signal()

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._record: RequestRecord | None = None
        self._summary: RiskSummary | None = None

        self.risk_card = self._build_risk_card()
        self.form_card = self._build_form_card()
        self.decided_card = self._build_decided_card()

        self.print_button = QPushButton(self.tr("&Print decision record (PDF)…"), self)
        self.print_button.setToolTip(
            self.tr("Write the request, checklist, screening, decision and log as a PDF to file")
        )
        self.print_button.clicked.connect(self.print_requested)
        self.print_hint = _muted("", self)

        content = QWidget(self)
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(12)
        grid.addWidget(self.risk_card, 0, 0)
        grid.addWidget(self.form_card, 1, 0)
        grid.addWidget(self.decided_card, 2, 0)
        grid.setRowStretch(3, 1)
        scroll = QScrollArea(self)
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_hint, 1)
        bottom.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.set_record(None, None)
        # The factors carry tone colours in their markup: written again on a scheme switch.
        follow_scheme(self, lambda: self._show_summary(self._summary))

    # -- building ----------------------------------------------------------------------

    def _build_risk_card(self) -> Card:
        card = Card(self.tr("Risk summary"), self)
        self.level_badge = Badge(card, scale=1.0)
        self.advice_label = QLabel(card)
        self.advice_label.setWordWrap(True)
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        self.advice_label.setFont(font)
        heading = QHBoxLayout()
        heading.addWidget(self.level_badge, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.advice_label, 1)
        self.factors_label = QLabel(card)
        self.factors_label.setWordWrap(True)
        self.factors_label.setTextFormat(Qt.TextFormat.RichText)
        self.open_items_label = QLabel(card)
        self.open_items_label.setWordWrap(True)
        self.open_items_label.setTextFormat(Qt.TextFormat.RichText)
        statement = _muted(
            self.tr(
                "Computed from the checklist answers, the country and sector risk tables and "
                "the sanctions check; the company's size sets what is expected of it, not the "
                "risk. It supports your judgement: <b>you decide</b>, and say why."
            ),
            card,
        )
        statement.setTextFormat(Qt.TextFormat.RichText)
        card.body.addLayout(heading)
        card.body.addWidget(self.factors_label)
        card.body.addWidget(self.open_items_label)
        card.body.addWidget(statement)
        return card

    def _build_form_card(self) -> Card:
        card = Card(self.tr("Your decision"), self)
        self.outcomes = QButtonGroup(card)
        outcome_box = QVBoxLayout()
        outcome_box.setSpacing(4)
        self.outcome_buttons: dict[Outcome, QRadioButton] = {}
        for position, outcome in enumerate(Outcome):
            text = reference.outcomes().label(outcome.value, self._language)
            button = QRadioButton(self._with_mnemonic(outcome, text), card)
            button.setProperty("outcome", outcome.value)
            self.outcomes.addButton(button, position)
            self.outcome_buttons[outcome] = button
            outcome_box.addWidget(button)
        self.outcomes.idToggled.connect(self._validate)

        self.rationale = QPlainTextEdit(card)
        self.rationale.setTabChangesFocus(True)
        self.rationale.setPlaceholderText(
            self.tr("Why you decide so: what you weighed, whom you spoke to")
        )
        self.rationale.setFixedHeight(self.rationale.fontMetrics().lineSpacing() * 5 + 14)
        self.rationale.textChanged.connect(self._validate)
        self.rationale_field = FieldWithError(self.rationale, card)
        self.rationale_error = self.rationale_field.error

        self.conditions_box = QWidget(card)
        conditions_form = QFormLayout(self.conditions_box)
        conditions_form.setContentsMargins(0, 0, 0, 0)
        self.conditions = QPlainTextEdit(self.conditions_box)
        self.conditions.setTabChangesFocus(True)
        self.conditions.setPlaceholderText(self.tr("What the company agrees to do"))
        self.conditions.setFixedHeight(self.conditions.fontMetrics().lineSpacing() * 3 + 14)
        self.conditions_due = DateEdit(self.conditions_box)
        self.follow_up_on = DateEdit(self.conditions_box)
        self.conditions_field = FieldWithError(self.conditions, self.conditions_box)
        self.due_field = FieldWithError(self.conditions_due, self.conditions_box)
        self.follow_up_field = FieldWithError(self.follow_up_on, self.conditions_box)
        self.conditions_error = self.conditions_field.error
        self.due_error = self.due_field.error
        self.follow_up_error = self.follow_up_field.error
        for field in (self.conditions, self.conditions_due, self.follow_up_on):
            signal = field.textChanged if isinstance(field, QPlainTextEdit) else field.dateChanged
            signal.connect(self._validate)
        for label, field in (
            (self.tr("C&onditions:"), self.conditions_field),
            (self.tr("To be met &by:"), self.due_field),
            (self.tr("&Follow up on:"), self.follow_up_field),
        ):
            conditions_form.addRow(label, field)
            field.name_fields(label)
        # Each condition becomes a follow-up of its own: its due date and owner are set here.
        self.conditions_table = FollowUpTable(
            self.tr("Condition"),
            self.tr("Due date and owner of each condition"),
            self.conditions_box,
        )
        conditions_form.insertRow(2, self.conditions_table)
        self.conditions.textChanged.connect(self._sync_conditions)
        self.conditions_due.dateChanged.connect(self._sync_conditions)
        self.conditions_table.edited.connect(self._validate)

        self.decide_notice = Notice(card)
        self.decide_button = QPushButton(self.tr("&Decide…"), card)
        self.decide_button.clicked.connect(self._decide)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.decide_button)

        rationale_label = QLabel(self.tr("&Rationale (required):"), card)
        rationale_label.setBuddy(self.rationale)
        # The label is no sibling of the field inside its wrapper: name the field for it.
        self.rationale_field.name_fields(rationale_label.text())
        card.body.addWidget(QLabel(self.tr("Outcome:"), card))
        card.body.addLayout(outcome_box)
        card.body.addWidget(rationale_label)
        card.body.addWidget(self.rationale_field)
        card.body.addWidget(self.conditions_box)
        card.body.addWidget(self.decide_notice)
        card.body.addLayout(buttons)
        return card

    def _build_decided_card(self) -> Card:
        card = Card(self.tr("Decision"), self)
        self.outcome_badge = Badge(card, scale=1.0)
        self.decided_by_label = _muted("", card)
        heading = QHBoxLayout()
        heading.addWidget(self.outcome_badge)
        heading.addWidget(self.decided_by_label, 1)
        heading.setSpacing(10)
        self.decision_form = QFormLayout()
        self.decided_rationale = self._value_label(card)
        self.decided_conditions = self._value_label(card)
        self.decided_due = self._value_label(card)
        self.decided_follow_up = self._value_label(card)
        self.decision_form.addRow(self.tr("Rationale:"), self.decided_rationale)
        self.decision_form.addRow(self.tr("Conditions:"), self.decided_conditions)
        self.decision_form.addRow(self.tr("To be met by:"), self.decided_due)
        self.decision_form.addRow(self.tr("Follow up on:"), self.decided_follow_up)
        self.follow_up_notice = Notice(card)
        self.reopen_button = QPushButton(self.tr("Re&open…"), card)
        self.reopen_button.setToolTip(
            self.tr("Open the request for changes again; the reason is kept in the log")
        )
        self.reopen_button.clicked.connect(self._reopen)
        buttons = QHBoxLayout()
        buttons.addWidget(
            _muted(self.tr("A decided request is read-only. Reopening it is logged."), card), 1
        )
        buttons.addWidget(self.reopen_button)
        card.body.addLayout(heading)
        card.body.addLayout(self.decision_form)
        card.body.addWidget(self.follow_up_notice)
        card.body.addLayout(buttons)
        return card

    def _with_mnemonic(self, outcome: Outcome, text: str) -> str:
        # English labels get fixed access keys; other languages take Qt's automatic ones.
        return self.tr(_OUTCOME_KEYS[outcome]) if self._language == "en" else text

    def _value_label(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # -- public ------------------------------------------------------------------------

    @property
    def record(self) -> RequestRecord | None:
        return self._record

    def set_record(self, record: RequestRecord | None, summary: RiskSummary | None) -> None:
        same = record is not None and self._record is not None and record.id == self._record.id
        was_decided = self._record is not None and self._record.is_decided
        self._record = record
        self._summary = summary
        self._show_summary(summary)
        if record is not None and record.is_decided:
            self._show_decision(record)
        else:
            if not same or was_decided:
                self._clear_form()
        is_decided = record is not None and record.is_decided
        self.form_card.setVisible(not is_decided)
        self.decided_card.setVisible(is_decided)
        self.print_button.setEnabled(record is not None and record.is_decided)
        self.print_hint.setText(
            ""
            if record is not None and record.is_decided
            else self.tr("The decision record can be printed once the request is decided.")
        )
        self._validate()

    def decision(self) -> Decision:
        button = self.outcomes.checkedButton()
        outcome = Outcome(button.property("outcome")) if button else None
        with_conditions = outcome is Outcome.SUPPORT_WITH_CONDITIONS
        return Decision(
            outcome=outcome,  # type: ignore[arg-type]
            rationale=self.rationale.toPlainText().strip(),
            conditions=self.conditions.toPlainText().strip() if with_conditions else "",
            conditions_due=self.conditions_due.value() if with_conditions else None,
            follow_up_on=self.follow_up_on.value() if with_conditions else None,
        )

    def condition_items(self) -> list[FollowUpInput]:
        """The conditions agreed, each with its due date and owner (none without conditions)."""
        if self.decision().outcome is not Outcome.SUPPORT_WITH_CONDITIONS:
            return []
        return [
            FollowUpInput(FollowUpKind.CONDITION.value, text, due, owner)
            for text, due, owner in self.conditions_table.lines()
        ]

    def _sync_conditions(self, *_args: object) -> None:
        lines = [line.strip() for line in self.conditions.toPlainText().splitlines()]
        owner = self._record.data.handled_by if self._record is not None else ""
        self.conditions_table.set_lines(
            [line for line in lines if line], self.conditions_due.value(), owner
        )
        self.conditions_table.setVisible(self.conditions_table.rowCount() > 0)

    def choose_outcome(self, outcome: Outcome) -> None:
        self.outcome_buttons[outcome].setChecked(True)

    def ask_reason(self) -> str | None:
        """Why the officer reopens the request; None when cancelled (tests replace this)."""
        prompt = self.tr(
            "Why is this decided request reopened? The reason is kept in the log and in the "
            "decision record."
        )
        while True:
            text, ok = QInputDialog.getMultiLineText(self, self.tr("Reopen request"), prompt)
            if not ok:
                return None
            if text.strip():
                return text.strip()
            prompt = self.tr("A reason is required.") + "\n" + prompt

    def confirm_decision(self, decision: Decision) -> bool:
        """Asks before the decision is recorded (tests replace this)."""
        assert self._record is not None
        return confirm(
            self,
            self.tr("Record the decision"),
            self.tr(
                "Record “{outcome}” for {company}? The request is then closed: changing it "
                "later means reopening it with a reason, which is logged."
            ).format(
                outcome=labels.outcome_label(decision.outcome, self._language),
                company=self._record.data.company_name,
            ),
            self.tr("Decide"),
        )

    def ask_open_steps_reason(self, decision: Decision, open_steps: Sequence[str]) -> str | None:
        """Lists the open steps and asks why the officer decides anyway; None when cancelled."""
        assert self._record is not None
        dialog = OpenStepsDialog(
            labels.outcome_label(decision.outcome, self._language),
            self._record.data.company_name,
            open_steps,
            self._language,
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason()

    # -- showing -----------------------------------------------------------------------

    def _show_summary(self, summary: RiskSummary | None) -> None:
        if summary is None:
            self.level_badge.set_badge("", NEUTRAL)
            self.advice_label.setText("")
            self.factors_label.setText("")
            self.open_items_label.setText("")
            return
        if summary.is_complete:
            self.level_badge.set_badge(
                labels.risk_level_label(summary.level), RISK_COLORS[summary.level]
            )
        else:
            self.level_badge.set_badge(self.tr("Incomplete"), NEUTRAL)
        self.advice_label.setText(summary.advice_in(self._language))
        if summary.factors:
            rows = []
            neutral = tone_color("neutral").name()
            for factor in sorted(summary.factors, key=lambda f: _LEVEL_ORDER[f.level]):
                item = reference.checklist_item(factor.source)
                text = (
                    self.tr("Step {number}: {question} — answered {answer}").format(
                        number=step_number(item.code),
                        question=item.question(self._language),
                        answer=labels.answer_label(item.red_flag).lower() if item.red_flag else "",
                    )
                    if item is not None
                    else _capitalized(factor.explained(self._language))
                )
                weight = factor.weighed(self._language)
                color = RISK_COLORS[factor.level]
                rows.append(
                    f"<tr><td style='color:{color}; padding-right:6px'>●</td>"
                    f"<td style='padding-bottom:4px'>{html.escape(text)}"
                    + (
                        f"<br/><span style='color:{neutral}'>{html.escape(weight)}</span>"
                        if weight
                        else ""
                    )
                    + "</td></tr>"
                )
            self.factors_label.setText(
                self.tr("<b>Factors</b>") + "<table cellspacing='0'>" + "".join(rows) + "</table>"
            )
        else:
            self.factors_label.setText(self.tr("<b>Factors:</b> none found."))
        if summary.open_items:
            steps = ", ".join(str(step_number(code)) for code in summary.open_items)
            text = self.tr(
                "<b>Incomplete — %n open steps of the checklist:</b> {0}.",
                "",
                len(summary.open_items),
            ).format(steps)
            if self._record is not None and self._record.screened_at is None:
                text += " " + self.tr(
                    "The names have not been screened against a sanctions list yet."
                )
            self.open_items_label.setText(text)
        else:
            self.open_items_label.setText("")
        self.open_items_label.setVisible(bool(summary.open_items))

    def _show_decision(self, record: RequestRecord) -> None:
        decision = record.decision
        assert decision is not None
        self.outcome_badge.set_badge(
            labels.outcome_label(decision.outcome, self._language), OUTCOME_COLORS[decision.outcome]
        )
        when = (
            QLocale().toString(record.decided_at.astimezone(), QLocale.FormatType.ShortFormat)
            if record.decided_at
            else "–"
        )
        self.decided_by_label.setText(
            self.tr("decided by {who} on {when}").format(who=record.decided_by or "–", when=when)
        )
        self.decided_rationale.setText(decision.rationale)
        with_conditions = decision.outcome is Outcome.SUPPORT_WITH_CONDITIONS
        self.decided_conditions.setText(decision.conditions)
        self.decided_due.setText(_date_text(decision.conditions_due))
        self.decided_follow_up.setText(_date_text(decision.follow_up_on))
        for row in range(1, 4):
            self.decision_form.setRowVisible(row, with_conditions)
        follow_up = decision.follow_up_on
        if (
            with_conditions
            and follow_up is not None
            and follow_up <= QDate.currentDate().toPython()
        ):
            self.follow_up_notice.show_text(
                self.tr(
                    "The follow-up is due: check with the company whether it met the conditions."
                ),
                WARNING,
            )
        else:
            self.follow_up_notice.show_text("", NEUTRAL)
        self.reopen_button.setEnabled(True)

    def _clear_form(self) -> None:
        self.outcomes.setExclusive(False)
        for button in self.outcomes.buttons():
            button.setChecked(False)
        self.outcomes.setExclusive(True)
        self.rationale.clear()
        self.conditions.clear()
        self.conditions_table.clear_choices()
        self.conditions_due.clear_date()
        self.follow_up_on.clear_date()

    # -- validation and actions --------------------------------------------------------

    def _open_candidates(self) -> int:
        if self._record is None:
            return 0
        return sum(1 for m in self._record.matches if m.is_to_judge)

    def field_errors(self) -> dict[str, str]:
        """What keeps the decision from being recorded, by field (the service checks again)."""
        decision = self.decision()
        errors: dict[str, str] = {}
        if decision.outcome is None:
            errors["outcome"] = self.tr("Choose an outcome.")
        if not decision.rationale:
            errors["rationale"] = self.tr("Say why you decide so.")
        if decision.outcome is Outcome.SUPPORT_WITH_CONDITIONS:
            if not decision.conditions:
                errors["conditions"] = self.tr("Say what the company agrees to do.")
            if not self.conditions_due.is_readable:
                errors["conditions_due"] = self.tr("Type the date as {0}.").format(
                    self.conditions_due.format_date(QDate(2027, 4, 15))
                )
            elif decision.conditions_due is None:
                errors["conditions_due"] = self.tr("Choose by when the conditions are to be met.")
            elif not self.conditions_table.all_due_dates_readable():
                errors["conditions_due"] = self.tr("Give each condition a due date.")
            if not self.follow_up_on.is_readable:
                errors["follow_up_on"] = self.tr("Type the date as {0}.").format(
                    self.follow_up_on.format_date(QDate(2027, 4, 15))
                )
            elif decision.follow_up_on is None:
                errors["follow_up_on"] = self.tr("Choose when to follow the conditions up.")
        return errors

    def _validate(self, *_args: object) -> bool:
        record = self._record
        outcome_button = self.outcomes.checkedButton()
        with_conditions = (
            outcome_button is not None
            and outcome_button.property("outcome") == Outcome.SUPPORT_WITH_CONDITIONS.value
        )
        self.conditions_box.setVisible(with_conditions)
        errors = self.field_errors()
        touched_rationale = (
            bool(self.rationale.toPlainText()) or self.rationale.document().isModified()
        )
        for field, key, show in (
            (self.rationale_field, "rationale", touched_rationale),
            (self.conditions_field, "conditions", with_conditions),
            (self.due_field, "conditions_due", with_conditions),
            (self.follow_up_field, "follow_up_on", with_conditions),
        ):
            field.set_error(errors.get(key, "") if show else "")
        open_candidates = self._open_candidates()
        editable = record is not None and not record.is_decided
        if open_candidates:
            self.decide_notice.show_text(
                self.tr(
                    "Judge the sanctions candidates still open ({0}) on the Sanctions tab first."
                ).format(open_candidates),
                WARNING,
            )
        elif errors and editable:
            self.decide_notice.show_text(next(iter(errors.values())), NEUTRAL)
        else:
            self.decide_notice.show_text("", NEUTRAL)
        is_valid = editable and not errors and not open_candidates
        self.decide_button.setEnabled(is_valid)
        for widget in (*self.outcomes.buttons(), self.rationale, self.conditions_box):
            widget.setEnabled(editable)
        return is_valid

    def _decide(self) -> None:
        if not self._validate():
            return
        decision = self.decision()
        open_steps = self._summary.open_items if self._summary is not None else ()
        if open_steps:
            reason = self.ask_open_steps_reason(decision, open_steps)
            if reason is None:
                return
            decision = replace(decision, open_steps_reason=reason)
        elif not self.confirm_decision(decision):
            return
        self.decide_requested.emit(decision)

    def _reopen(self) -> None:
        reason = self.ask_reason()
        if reason is not None:
            self.reopen_requested.emit(reason)


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


class OpenStepsDialog(QDialog):
    """Before a decision with open steps: which steps are open, and why decide anyway."""

    def __init__(
        self,
        outcome: str,
        company: str,
        open_steps: Sequence[str],
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Decide with open steps"))
        intro = QLabel(
            self.tr(
                "The checklist is not complete: {count} open step(s), listed below. Record "
                "“{outcome}” for {company} anyway?"
            ).format(count=len(open_steps), outcome=outcome, company=company),
            self,
        )
        intro.setWordWrap(True)
        self.steps = QListWidget(self)
        self.steps.setAccessibleName(self.tr("Open steps"))
        for code in open_steps:
            item = reference.checklist_item(code)
            question = item.question(language) if item is not None else code
            self.steps.addItem(
                self.tr("Step {number}: {question}").format(
                    number=step_number(code), question=question
                )
            )
        self.steps.setWordWrap(True)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("Why you decide before these are answered"))
        reason_label = QLabel(
            self.tr(
                "&Reason to decide anyway (required; kept with the decision and printed in the "
                "decision record):"
            ),
            self,
        )
        reason_label.setWordWrap(True)
        reason_label.setBuddy(self.reason_edit)
        self.buttons = QDialogButtonBox(self)
        self.decide_button = self.buttons.addButton(
            self.tr("Decide anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.steps, 1)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)
        self.resize(560, 380)
        self._validate()

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def _validate(self) -> None:
        self.decide_button.setEnabled(bool(self.reason()))
