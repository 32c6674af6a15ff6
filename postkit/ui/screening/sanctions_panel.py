"""The sanctions check of a request: the candidates, their details and the officer's verdicts."""

from __future__ import annotations

import html
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLocale,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.screening.matching import explanation_text
from postkit.core.screening.records import (
    Judgement,
    MatchRecord,
    RequestRecord,
    SanctionsListInfo,
)
from postkit.ui.overrides import override
from postkit.ui.screening import labels
from postkit.ui.screening.colors import JUDGEMENT_TONES
from postkit.ui.widgets.colors import DANGER, NEUTRAL, WARNING
from postkit.ui.widgets.table_model import RIGHT, Column, RowTableModel
from postkit.ui.widgets.table_view import empty_state_label, record_table
from postkit.ui.widgets.tones import band_color, follow_scheme, set_tone, tone_color


def _when(value: datetime | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(value.astimezone(), QLocale.FormatType.ShortFormat)


def subject_text(match: MatchRecord) -> str:
    kind = (
        QCoreApplication.translate("MatchTableModel", "company")
        if match.subject_kind == "company"
        else QCoreApplication.translate("MatchTableModel", "director")
    )
    return f"{match.subject} ({kind})"


class MatchTableModel(RowTableModel[MatchRecord]):
    """The candidates of one request, best score first."""

    context = "MatchTableModel"
    columns: tuple[Column[MatchRecord], ...] = (
        Column(QT_TRANSLATE_NOOP("MatchTableModel", "Screened name"), lambda m, _: subject_text(m)),
        Column(QT_TRANSLATE_NOOP("MatchTableModel", "Listed name"), lambda m, _: m.entry_name),
        Column(
            QT_TRANSLATE_NOOP("MatchTableModel", "Score"),
            lambda m, _: f"{m.score:.0f}",
            alignment=RIGHT,
        ),
        Column(
            QT_TRANSLATE_NOOP("MatchTableModel", "Judgement"),
            lambda m, _: labels.judgement_label(m.judgement),
        ),
        Column(
            QT_TRANSLATE_NOOP("MatchTableModel", "List"),
            lambda m, _: labels.list_source_label(m.list_source),
        ),
    )
    id_role = Qt.ItemDataRole.UserRole

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self._new_ids: frozenset[int] = frozenset()
        self._earlier_ids: frozenset[int] = frozenset()

    @override
    def display(self, row: MatchRecord, column: int) -> Any:
        return self._judgement_cell(row) if column == 3 else super().display(row, column)

    @override
    def role_data(self, row: MatchRecord, column: int, role: int) -> Any:
        match = row
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return tone_color(JUDGEMENT_TONES[match.judgement])
        if role == Qt.ItemDataRole.FontRole and column == 3:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and match.id in self._earlier_ids:
            return QCoreApplication.translate(
                "MatchTableModel", "Judged before this screening by {0} on {1}: {2}"
            ).format(match.judged_by or "–", _when(match.judged_at), match.judgement_note)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and match.matched_name:
            return QCoreApplication.translate("MatchTableModel", "Matched on: {0}").format(
                match.matched_name
            )
        return None

    def set_matches(
        self,
        matches: tuple[MatchRecord, ...],
        new_ids: frozenset[int] = frozenset(),
        earlier_ids: frozenset[int] = frozenset(),
    ) -> None:
        """The candidates; `new_ids` a newer list added, `earlier_ids` judged before it."""
        self._new_ids = new_ids
        self._earlier_ids = earlier_ids
        self.set_rows(matches)

    def _judgement_cell(self, match: MatchRecord) -> str:
        label = labels.judgement_label(match.judgement)
        if match.is_delisted:  # a newer version of its list no longer holds the entry
            return QCoreApplication.translate(
                "MatchTableModel", "{0} · removed from the list"
            ).format(label)
        if match.id in self._new_ids:
            return QCoreApplication.translate("MatchTableModel", "{0} · new").format(label)
        if match.id in self._earlier_ids:
            return QCoreApplication.translate("MatchTableModel", "{0} · earlier").format(label)
        return label

    def match_at(self, row: int) -> MatchRecord:
        return self.row_at(row)


# Columns of the list entry, as the OpenSanctions file names them, with their labels.
_DETAIL_FIELDS = (
    ("list", QT_TRANSLATE_NOOP("SanctionsPanel", "List")),
    ("schema", QT_TRANSLATE_NOOP("SanctionsPanel", "Kind")),
    ("id", QT_TRANSLATE_NOOP("SanctionsPanel", "List id")),
    ("first_seen", QT_TRANSLATE_NOOP("SanctionsPanel", "Listed on")),
    ("aliases", QT_TRANSLATE_NOOP("SanctionsPanel", "Also known as")),
    ("birth_date", QT_TRANSLATE_NOOP("SanctionsPanel", "Born")),
    ("countries", QT_TRANSLATE_NOOP("SanctionsPanel", "Countries")),
    ("addresses", QT_TRANSLATE_NOOP("SanctionsPanel", "Addresses")),
    ("identifiers", QT_TRANSLATE_NOOP("SanctionsPanel", "Identifiers")),
    ("sanctions", QT_TRANSLATE_NOOP("SanctionsPanel", "Regulation")),
    ("program_ids", QT_TRANSLATE_NOOP("SanctionsPanel", "Programmes")),
    ("dataset", QT_TRANSLATE_NOOP("SanctionsPanel", "Source")),
    ("last_change", QT_TRANSLATE_NOOP("SanctionsPanel", "Last changed")),
)


def _detail_text(key: str, value: Any, language: str) -> str:
    values = value if isinstance(value, list | tuple) else [value]
    values = [str(v) for v in values if v not in (None, "")]
    if key == "countries":
        values = [
            reference.countries().label(v.upper(), language) if len(v) == 2 else v for v in values
        ]
    if key == "first_seen":
        values = [labels.list_date_text(v) for v in values]
    if key == "schema":
        values = [labels.entry_kind_label(v) for v in values]
    separator = "\n" if key in ("addresses", "sanctions") else "; "
    return separator.join(values)


class SanctionsPanel(QWidget):
    """Shows a request's candidates; asks the owner to screen and to record judgements.

    `screen_requested` asks for a (new) screening against the current list;
    `judgement_requested(match_id, judgement, note)` for the officer's verdict on one.
    """

    screen_requested = Signal()
    judgement_requested = Signal(int, object, str)

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._record: RequestRecord | None = None
        self._current_lists: list[SanctionsListInfo] = []
        self._max_age_days = 30
        self._is_busy = False
        self._new_ids: frozenset[int] = frozenset()

        self.list_label = QLabel(self)
        self.list_label.setWordWrap(True)
        self.list_label.setTextFormat(Qt.TextFormat.RichText)
        self.screen_button = QPushButton(self.tr("&Screen now"), self)
        self.screen_button.setToolTip(
            self.tr("Match the company and its directors against the current sanctions lists")
        )
        self.screen_button.clicked.connect(self.screen_requested)
        top = QHBoxLayout()
        top.addWidget(self.list_label, 1)
        top.addWidget(self.screen_button, 0, Qt.AlignmentFlag.AlignTop)

        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        self.notice.hide()

        self.model = MatchTableModel(self)
        self.table = record_table(
            self,
            self.model,
            self.tr("Sanctions candidates"),
            single_selection=True,
            row_padding=12,
            widths={0: 220, 2: 60, 3: 100},
            stretch=1,
        )
        self.table.selectionModel().currentRowChanged.connect(self._show_current)

        self.empty_label = empty_state_label(self)
        self.table_stack = QStackedWidget(self)
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty_label)

        self.details = self._build_details()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table_stack)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([170, 400])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        # The texts carry tone colours in their markup: written again when the scheme
        # switches, as a toned label would be.
        follow_scheme(self, self._recolor)

    def _recolor(self) -> None:
        self._refresh()
        self._show_current()

    def _build_details(self) -> QWidget:
        box = QWidget(self)
        self.details_title = QLabel(box)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setWeight(QFont.Weight.DemiBold)
        self.details_title.setFont(font)
        self.details_title.setWordWrap(True)
        self.details_form = QFormLayout()
        self.details_form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.explanation = QLabel(box)
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.judgement_label = QLabel(box)
        self.judgement_label.setWordWrap(True)
        self.judgement_label.setTextFormat(Qt.TextFormat.RichText)
        self.confirm_button = QPushButton(self.tr("&Confirm match…"), box)
        self.confirm_button.setToolTip(self.tr("This list entry is the screened company or person"))
        self.dismiss_button = QPushButton(self.tr("&Dismiss…"), box)
        self.dismiss_button.setToolTip(self.tr("This list entry is someone else"))
        self.confirm_button.clicked.connect(lambda: self.judge_current(Judgement.CONFIRMED))
        self.dismiss_button.clicked.connect(lambda: self.judge_current(Judgement.DISMISSED))
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch()

        inner = QWidget(box)
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 8, 4, 4)
        column.addWidget(self.details_title)
        column.addLayout(self.details_form)
        why = QLabel(self.tr("Why the matcher suggests it"), inner)
        set_tone(why, "neutral", bold=True)
        self.why_label = why
        column.addWidget(why)
        column.addWidget(self.explanation)
        column.addWidget(self.judgement_label)
        column.addStretch()
        scroll = QScrollArea(box)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        return box

    # -- public ------------------------------------------------------------------------

    def set_record(
        self, record: RequestRecord | None, new_candidates: frozenset[int] = frozenset()
    ) -> None:
        """Show `record`'s candidates, `new_candidates` marked as those a newer list added
        when it was screened again."""
        self._new_ids = frozenset(new_candidates)
        keep = (
            self.current_match_id()
            if record and self._record and record.id == self._record.id
            else None
        )
        self._record = record
        matches = record.matches if record else ()
        earlier = frozenset(match.id for match in matches if self.is_judged_earlier(match))
        self.model.set_matches(matches, self._new_ids, earlier)
        self._refresh()
        row = self.model.row_of(keep) if keep is not None else None
        if row is None:
            row = self._first_open_row()
        if row is not None:
            self.table.selectRow(row)
        self._show_current()

    def is_judged_earlier(self, match: MatchRecord) -> bool:
        """Judged before the latest screening, which kept the judgement: not asked again."""
        record = self._record
        return (
            record is not None
            and record.screened_at is not None
            and match.judged_at is not None
            and match.judged_at < record.screened_at
        )

    def set_current_list(self, info: SanctionsListInfo | None) -> None:
        self.set_current_lists([info] if info else [], self._max_age_days)

    def set_current_lists(self, lists: list[SanctionsListInfo], max_age_days: int) -> None:
        """The lists a screening now uses; one older than `max_age_days` is flagged."""
        self._current_lists = list(lists)
        self._max_age_days = max_age_days
        self._refresh()

    def set_busy(self, busy: bool) -> None:
        """While a screening runs the buttons wait."""
        self._is_busy = busy
        self._refresh()
        self._show_current()

    def current_match_id(self) -> int | None:
        match = self.current_match()
        return match.id if match else None

    def current_match(self) -> MatchRecord | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.match_at(index.row())

    def select_match(self, match_id: int) -> None:
        row = self.model.row_of(match_id)
        if row is not None:
            self.table.selectRow(row)

    def judge_current(self, judgement: Judgement) -> None:
        match = self.current_match()
        if match is None:
            return
        note = self.ask_note(match, judgement)
        if note is not None:
            self.judgement_requested.emit(match.id, judgement, note)

    def ask_note(self, match: MatchRecord, judgement: Judgement) -> str | None:
        """The officer's reason for a judgement; None when cancelled (tests replace this)."""
        if judgement is Judgement.CONFIRMED:
            title = self.tr("Confirm sanctions match")
            prompt = self.tr(
                "Why is “{0}” the listed “{1}”? (e.g. same date of birth, same address)"
            )
        else:
            title = self.tr("Dismiss candidate")
            prompt = self.tr("Why is “{0}” not the listed “{1}”? (e.g. other date of birth)")
        while True:
            dialog = QInputDialog(self)
            dialog.setWindowTitle(title)
            dialog.setLabelText(prompt.format(match.subject, match.entry_name))
            dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
            self._place_clear_of_current_row(dialog)
            ok = dialog.exec() == QDialog.DialogCode.Accepted
            text = dialog.textValue()
            dialog.deleteLater()
            if not ok:
                return None
            if text.strip():
                return text.strip()
            prompt = self.tr("A note is required.") + "\n" + prompt

    def _place_clear_of_current_row(self, dialog: QDialog) -> None:
        """Put the dialog below (or else above) the candidate it asks about, not over it.

        Centred on the window, as Qt places it, it hid the row the officer is judging.
        """
        index = self.table.currentIndex()
        screen = self.screen() or QGuiApplication.primaryScreen()
        if not index.isValid() or screen is None:
            return
        dialog.adjustSize()
        size = dialog.sizeHint().expandedTo(dialog.size())
        row = self.table.visualRect(index)
        top_left = self.table.viewport().mapToGlobal(row.topLeft())
        row = QRect(top_left, row.size())
        area = screen.availableGeometry()
        gap = 8
        if row.bottom() + gap + size.height() <= area.bottom():
            y = row.bottom() + gap
        elif row.top() - gap - size.height() >= area.top():
            y = row.top() - gap - size.height()
        else:
            return  # no room either way: Qt's own place
        x = max(area.left(), min(row.left(), area.right() - size.width()))
        dialog.move(QPoint(x, y))

    # -- showing -----------------------------------------------------------------------

    def _first_open_row(self) -> int | None:
        for row in range(self.model.rowCount()):
            if self.model.match_at(row).is_to_judge:
                return row
        return 0 if self.model.rowCount() else None

    def _refresh(self) -> None:
        record = self._record
        self.list_label.setText(self._list_text())
        decided = record is not None and record.is_decided
        self.screen_button.setEnabled(
            record is not None and not decided and bool(self._current_lists) and not self._is_busy
        )
        self.screen_button.setText(
            self.tr("&Screen again") if record and record.screened_at else self.tr("&Screen now")
        )
        notice, color = self._notice()
        self.notice.setText(notice)
        self.notice.setStyleSheet(
            f"QLabel#notice {{ background: {band_color(color)}; border-left: 4px solid {color};"
            " padding: 6px 10px; }"
        )
        self.notice.setVisible(bool(notice))
        if self.model.rowCount():
            self.table_stack.setCurrentWidget(self.table)
            self.details.show()
        else:
            self.empty_label.setText(self._empty_text())
            self.table_stack.setCurrentWidget(self.empty_label)
            self.details.hide()

    def _list_text(self) -> str:
        record = self._record
        text = self._screened_text() if record is not None else ""
        if not text and self._current_lists:
            text = self.tr("Not screened yet. Current lists: {0}.").format(
                self._lists_text(self._current_lists)
            )
        if not text:
            return self.tr(
                "No sanctions list imported yet: use <b>Import sanctions list…</b> with the EU "
                "or UN XML file, the Dutch national list or an OpenSanctions "
                "targets.simple.csv (OpenSanctions data is licensed for non-commercial use only)."
            )
        if record is not None and not record.is_decided:
            text += self._old_lists_text()
        return text

    def _screened_text(self) -> str:
        record = self._record
        if record is None or record.screened_at is None or not record.screened_lists:
            return ""
        threshold = f"{record.match_threshold:.0f}" if record.match_threshold else "–"
        return self.tr(
            "Screened {when} against {lists}; candidates scoring {threshold} or more out of 100."
        ).format(
            when=_when(record.screened_at),
            lists=self._lists_text(record.screened_lists),
            threshold=threshold,
        )

    def _lists_text(self, lists: tuple[SanctionsListInfo, ...] | list[SanctionsListInfo]) -> str:
        return "; ".join(
            self.tr("<b>{list}</b> {file} (of {date}, %Ln entries)", "", info.entry_count).format(
                list=html.escape(labels.list_source_label(info.source)),
                file=html.escape(info.file_name),
                date=labels.list_date_text(info.list_date),
            )
            for info in lists
        )

    def _old_lists_text(self) -> str:
        today = date.today()
        old = [
            info for info in self._current_lists if info.is_older_than(self._max_age_days, today)
        ]
        if not old:
            return ""
        names = ", ".join(
            self.tr("{list} of {date} (%n days old)", "", info.age_days(today)).format(
                list=html.escape(labels.list_source_label(info.source)),
                date=labels.list_date_text(info.list_date),
            )
            for info in old
        )
        warning = self.tr(
            "Older than %n days: {0}. Import the newest version before relying on a screening.",
            "",
            self._max_age_days,
        ).format(names)
        color = tone_color("warning").name()
        return f"<br><b style='color:{color}'>{warning}</b>"

    def _notice(self) -> tuple[str, str]:
        record = self._record
        if record is None:
            return "", NEUTRAL
        used = {info.id for info in record.screened_lists}
        if (
            not record.is_decided
            and record.screened_at is not None
            and any(info.id not in used for info in self._current_lists)
        ):
            return (
                self.tr("A newer sanctions list was imported since this screening: screen again."),
                WARNING,
            )
        confirmed = sum(1 for m in record.matches if m.judgement is Judgement.CONFIRMED)
        still_open = sum(1 for m in record.matches if m.is_to_judge)
        if record.is_decided and still_open:
            return (
                self.tr(
                    "A newer sanctions list found %n new candidates after the decision. "
                    "The decision stands; reopen the request to judge them.",
                    "",
                    still_open,
                ),
                DANGER if confirmed else WARNING,
            )
        if confirmed:
            return (
                self.tr("Confirmed as a sanctions match: %n candidates.", "", confirmed),
                DANGER,
            )
        new = sum(
            1 for m in record.matches if m.id in self._new_ids and m.judgement is Judgement.OPEN
        )
        if still_open and new:
            return (
                self.tr(
                    "%n candidates to judge, {0} of them new from the newer sanctions list. "
                    "Candidates judged before are not asked again.",
                    "",
                    still_open,
                ).format(new),
                WARNING,
            )
        if still_open:
            return (
                self.tr(
                    "%n candidates to judge. Confirm or dismiss each before deciding.",
                    "",
                    still_open,
                ),
                WARNING,
            )
        return "", NEUTRAL

    def _empty_text(self) -> str:
        record = self._record
        if record is None:
            return ""
        if record.screened_at is None:
            return self.tr(
                "<h3>Not screened yet</h3><p>Screen the company and its directors against "
                "the sanctions list with <b>Screen now</b>.</p>"
            )
        return self.tr(
            "<h3>No candidates</h3><p>No name of the company or its directors comes close to "
            "an entry of the list.</p>"
        )

    def _show_current(self, *_args: object) -> None:
        match = self.current_match()
        while self.details_form.rowCount():
            self.details_form.removeRow(0)
        if match is None:
            self.details_title.setText("")
            self.explanation.setText("")
            self.judgement_label.setText("")
            self.why_label.hide()
            self.confirm_button.setEnabled(False)
            self.dismiss_button.setEnabled(False)
            return
        self.details_title.setText(
            self.tr("{listed} — score {score} for {subject}").format(
                listed=match.entry_name, score=f"{match.score:.0f}", subject=subject_text(match)
            )
        )
        details = dict(match.entry_details)
        if match.list_source:
            details["list"] = self.tr("{list} of {date}").format(
                list=labels.list_source_label(match.list_source),
                date=labels.list_date_text(match.list_date),
            )
        details.setdefault("id", match.entry_id)
        details.setdefault("schema", match.entry_schema)
        for key, label in _DETAIL_FIELDS:
            text = _detail_text(key, details.get(key), self._language)
            if text:
                value = QLabel(text, self.details)
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.details_form.addRow(self.tr(label) + ":", value)
        lines = "".join(
            f"<li>{html.escape(line)}</li>"
            for line in explanation_text(match.explanation, self._language)
        )
        self.why_label.setVisible(bool(lines))
        self.explanation.setText(f"<ul style='margin-left:-20px'>{lines}</ul>" if lines else "")
        self.judgement_label.setText(self._judgement_text(match))
        can_judge = self._record is not None and not self._record.is_decided and not self._is_busy
        self.confirm_button.setEnabled(can_judge and match.judgement is not Judgement.CONFIRMED)
        self.dismiss_button.setEnabled(can_judge and match.judgement is not Judgement.DISMISSED)

    def _judgement_text(self, match: MatchRecord) -> str:
        if match.judgement is Judgement.OPEN:
            return self.tr(
                "<b style='color:{0}'>To judge.</b> Is this the same company or person?"
            ).format(tone_color("warning").name())
        color = tone_color(JUDGEMENT_TONES[match.judgement]).name()
        if self.is_judged_earlier(match):
            text = self.tr(
                "Already judged before this screening, not asked again: "
                "<b style='color:{color}'>{judgement}</b> by {who} on {when}: {note}"
            )
        else:
            text = self.tr("<b style='color:{color}'>{judgement}</b> by {who} on {when}: {note}")
        return text.format(
            color=color,
            judgement=labels.judgement_label(match.judgement),
            who=html.escape(match.judged_by or "–"),
            when=_when(match.judged_at),
            note=html.escape(match.judgement_note),
        )
