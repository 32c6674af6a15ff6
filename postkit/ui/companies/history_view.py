"""The company page: who the company is, the follow-ups still open, and everything the post
did with it (activities, requests, decisions, practices, follow-ups) in time order."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.companies.records import CompanyRecord, HistoryEntry
from postkit.core.screening import reference as screening_reference
from postkit.ui.companies.ops import CompanyPageData, OpenFollowUp
from postkit.ui.companies.table_model import size_label
from postkit.ui.widgets.table_view import empty_state_label

CONTEXT = "CompanyHistoryView"
KIND_LABELS = {
    "activity": QT_TRANSLATE_NOOP("CompanyHistoryView", "Activity"),
    "request": QT_TRANSLATE_NOOP("CompanyHistoryView", "Support request"),
    "decision": QT_TRANSLATE_NOOP("CompanyHistoryView", "Decision"),
    "practice": QT_TRANSLATE_NOOP("CompanyHistoryView", "Good practice"),
    "follow_up": QT_TRANSLATE_NOOP("CompanyHistoryView", "Follow-up"),
}

# A follow-up's status, as the follow-up view names it.
STATUS_LABELS = {
    "open": QT_TRANSLATE_NOOP("CompanyHistoryView", "Open"),
    "met": QT_TRANSLATE_NOOP("CompanyHistoryView", "Met"),
    "not_met": QT_TRANSLATE_NOOP("CompanyHistoryView", "Not met"),
    "dropped": QT_TRANSLATE_NOOP("CompanyHistoryView", "Dropped"),
}
# On one day: an activity, then a request, its decision, a practice, a follow-up.
_KIND_ORDER = {kind: order for order, kind in enumerate(KIND_LABELS)}


def kind_label(kind: str) -> str:
    return QCoreApplication.translate(CONTEXT, KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def entry_texts(entry: HistoryEntry, language: str) -> tuple[str, str]:
    """The entry's title and detail as the page shows them: codes named by their labels."""
    if not entry.codes:
        return entry.title, entry.detail
    if entry.kind == "activity":
        kind, status = entry.codes
        labels = (
            reference.activity_types().label(kind, language),
            reference.activity_statuses().label(status, language),
        )
        return entry.title, "; ".join(labels)
    if entry.kind == "request":
        return entry.title, screening_reference.support_kinds().label(entry.codes[0], language)
    if entry.kind == "decision":
        return screening_reference.outcomes().label(entry.codes[0], language), entry.detail
    if entry.kind == "follow_up":
        status = entry.codes[0]
        label = STATUS_LABELS.get(status)
        return entry.title, QCoreApplication.translate(CONTEXT, label) if label else status
    return entry.title, entry.detail


def _day(day: date | None) -> str:
    if day is None:
        return ""
    return QLocale().toString(QDate(day), QLocale.FormatType.ShortFormat)


def _tree(parent: QWidget, headers: Sequence[str], name: str, stretch: int) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setHeaderLabels(list(headers))
    tree.setAccessibleName(name)
    tree.setUniformRowHeights(True)
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(len(headers)):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    return tree


class CompanyHistoryView(QWidget):
    """One company's page; `edit_requested(id)` when its Edit button is pressed."""

    edit_requested = Signal(int)

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self.company_id: int | None = None
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.facts = QLabel(self)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("&Edit company…"), self)
        self.edit_button.clicked.connect(self._edit)
        self.follow_ups_title = QLabel(self)
        self.follow_ups = _tree(
            self,
            [self.tr("Due"), self.tr("Follow-up"), self.tr("Owner")],
            self.tr("Open follow-ups"),
            stretch=1,
        )
        self.no_follow_ups = QLabel(self.tr("No follow-ups open."), self)
        self.history_title = QLabel(self.tr("<b>What the post did with it</b>"), self)
        self.history = _tree(
            self,
            [self.tr("Date"), self.tr("What"), self.tr("Title"), self.tr("Detail")],
            self.tr("History of the company"),
            stretch=2,
        )
        self.no_history = empty_state_label(self)
        self.no_history.setText(
            self.tr(
                "<p>Nothing recorded with this company yet. Link it to an activity, a "
                "support request or a good practice and it shows here.</p>"
            )
        )
        self.history_stack = QStackedWidget(self)
        self.history_stack.addWidget(self.history)
        self.history_stack.addWidget(self.no_history)

        company = QWidget(self)
        layout = QVBoxLayout(company)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.follow_ups_title)
        layout.addWidget(self.follow_ups)
        layout.addWidget(self.no_follow_ups)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history_stack, 1)
        self.none_chosen = empty_state_label(self)
        self.none_chosen.setText(
            self.tr("<p>Choose a company in the list to see everything the post did with it.</p>")
        )
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.none_chosen)
        self.stack.addWidget(company)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    @property
    def shows_company(self) -> bool:
        return self.stack.currentIndex() == 1

    def clear(self) -> None:
        self.company_id = None
        self.stack.setCurrentIndex(0)

    def show_page(self, data: CompanyPageData) -> None:
        self.company_id = data.record.id
        self._show_company(data.record)
        self._show_follow_ups(data.follow_ups)
        self._show_history(data.history)
        self.stack.setCurrentIndex(1)

    def history_lines(self) -> list[tuple[str, ...]]:
        """The timeline's lines as shown (date, what, title, detail)."""
        return [
            tuple(self.history.topLevelItem(row).text(column) for column in range(4))
            for row in range(self.history.topLevelItemCount())
        ]

    def follow_up_lines(self) -> list[tuple[str, ...]]:
        return [
            tuple(self.follow_ups.topLevelItem(row).text(column) for column in range(3))
            for row in range(self.follow_ups.topLevelItemCount())
        ]

    def _show_company(self, record: CompanyRecord) -> None:
        data = record.data
        self.title.setText(data.name)
        facts = []
        if data.trade_names:
            facts.append(self.tr("also {0}").format(", ".join(data.trade_names)))
        if data.kvk_number:
            facts.append(self.tr("KvK {0}").format(data.kvk_number))
        elif data.foreign_registration:
            facts.append(data.foreign_registration)
        facts.append(reference.countries().label(data.country, self._language))
        facts.append(reference.sectors().label(data.sector, self._language))
        facts.append(size_label(record.size_class))
        if data.contacts:
            facts.append(self.tr("contacts: {0}").format(", ".join(c.name for c in data.contacts)))
        if data.website:
            facts.append(data.website)
        self.facts.setText(" · ".join(fact for fact in facts if fact))

    def _show_follow_ups(self, follow_ups: Sequence[OpenFollowUp]) -> None:
        self.follow_ups.clear()
        today = date.today()
        for follow_up in sorted(follow_ups, key=lambda f: (f.due_on is None, f.due_on or today)):
            due = _day(follow_up.due_on) or self.tr("no date")
            if follow_up.due_on is not None and follow_up.due_on < today:
                due = self.tr("{0} (overdue)").format(due)
            self.follow_ups.addTopLevelItem(
                QTreeWidgetItem([due, follow_up.description, follow_up.owner])
            )
        count = len(follow_ups)
        self.follow_ups_title.setText(
            self.tr("<b>Open follow-ups</b> ({0})").format(count) if count else ""
        )
        self.follow_ups_title.setVisible(bool(count))
        self.follow_ups.setVisible(bool(count))
        self.no_follow_ups.setVisible(not count)
        self.follow_ups.setMaximumHeight(
            self.follow_ups.sizeHintForRow(0) * min(count, 5)
            + self.follow_ups.header().height()
            + 6
            if count
            else 0
        )

    def _show_history(self, entries: Sequence[HistoryEntry]) -> None:
        self.history.clear()
        order = _KIND_ORDER
        for entry in sorted(entries, key=lambda e: (e.on, order.get(e.kind, 9), e.ref_id)):
            title, detail = entry_texts(entry, self._language)
            item = QTreeWidgetItem([_day(entry.on), kind_label(entry.kind), title, detail])
            item.setData(0, Qt.ItemDataRole.UserRole, (entry.kind, entry.ref_id))
            self.history.addTopLevelItem(item)
        self.history_stack.setCurrentIndex(0 if entries else 1)

    def _edit(self) -> None:
        if self.company_id is not None:
            self.edit_requested.emit(self.company_id)
