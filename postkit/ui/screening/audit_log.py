"""The audit trail of one request, in words, with the state of the log's hash chain."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from postkit.core.screening.records import AuditEntry, ChainCheck
from postkit.ui.screening import labels
from postkit.ui.widgets.colors import DANGER, POSITIVE
from postkit.ui.widgets.notice import Notice


def _new(value: Any) -> Any:
    """The new value of an {"old", "new"} change, or the value itself."""
    return value.get("new") if isinstance(value, dict) and "new" in value else value


def _answer(value: Any) -> str:
    from postkit.core.screening.records import Answer

    try:
        return labels.answer_label(Answer(value)).lower()
    except ValueError:
        return str(value)


def action_text(entry: AuditEntry) -> str:
    return {
        "created": QCoreApplication.translate("AuditLog", "Request recorded"),
        "updated": QCoreApplication.translate("AuditLog", "Request changed"),
        "answered": QCoreApplication.translate("AuditLog", "Checklist answered"),
        "confirmed": QCoreApplication.translate("AuditLog", "Answer confirmed"),
        "evidence_added": QCoreApplication.translate("AuditLog", "Evidence added"),
        "evidence_removed": QCoreApplication.translate("AuditLog", "Evidence removed"),
        "screened": QCoreApplication.translate("AuditLog", "Sanctions screening"),
        "judged": QCoreApplication.translate("AuditLog", "Candidate judged"),
        "decided": QCoreApplication.translate("AuditLog", "Decided"),
        "reopened": QCoreApplication.translate("AuditLog", "Reopened"),
        "rescreened": QCoreApplication.translate("AuditLog", "Screened again on a newer list"),
        "condition_status": QCoreApplication.translate("AuditLog", "Condition followed up"),
    }.get(entry.action, entry.action)


def describe(entry: AuditEntry, language: str = "en") -> str:
    """What the entry changed, in one line."""
    d = entry.details
    action = entry.action
    if action == "created":
        return str(d.get("company_name", ""))
    if action == "updated":
        fields = ", ".join(sorted(d.get("changes", {})))
        text = QCoreApplication.translate("AuditLog", "Changed: {0}").format(fields)
        if d.get("screening_voided"):
            text += " " + QCoreApplication.translate(
                "AuditLog", "(the names changed: screen again)"
            )
        return text
    if action == "answered":
        question = labels.checklist_question(str(d.get("item", "")), language)
        parts = []
        if "answer" in d:
            parts.append(_answer(_new(d["answer"])))
        if "note" in d:
            parts.append(
                QCoreApplication.translate("AuditLog", "note: {0}").format(_new(d["note"]) or "–")
            )
        if "links" in d:
            parts.append(
                QCoreApplication.translate("AuditLog", "links: {0}").format(
                    ", ".join(_new(d["links"]) or ()) or "–"
                )
            )
        return f"{question} — {'; '.join(parts)}"
    if action == "confirmed":
        question = labels.checklist_question(str(d.get("item", "")), language)
        return f"{question} — {_answer(d.get('answer', ''))}"
    if action in ("evidence_added", "evidence_removed"):
        return str(d.get("file_name", ""))
    if action == "screened":
        matches = d.get("matches", d.get("candidates", []))
        count = len(matches) if isinstance(matches, list) else matches
        return QCoreApplication.translate("AuditLog", "against {file}: {count} candidates").format(
            file=d.get("file_name", "–"), count=count
        )
    if action == "judged":
        return QCoreApplication.translate(
            "AuditLog", "{judgement}: {listed} for {subject} — {note}"
        ).format(
            judgement=labels.judgement_label(_judgement(_new(d.get("judgement")))),
            listed=d.get("entry_name", ""),
            subject=d.get("subject", ""),
            note=_new(d.get("note", "")),
        )
    if action == "decided":
        return f"{labels.outcome_label(d.get('outcome'), language)} — {d.get('rationale', '')}"
    if action == "reopened":
        return QCoreApplication.translate("AuditLog", "Reason: {0}").format(d.get("reason", ""))
    if action == "condition_status":
        status = d.get("status") or {}
        text = QCoreApplication.translate("AuditLog", "{condition}: {old} → {new}").format(
            condition=d.get("condition", ""),
            old=_follow_up_status(status.get("old")),
            new=_follow_up_status(status.get("new")),
        )
        if d.get("note"):
            text += f" — {d['note']}"
        if d.get("next_step") == "dialogue":
            text += " " + QCoreApplication.translate("AuditLog", "(next: talk with the company)")
        elif d.get("next_step") == "reconsider":
            text += " " + QCoreApplication.translate("AuditLog", "(next: reconsider the support)")
        return text
    if action == "rescreened":
        return QCoreApplication.translate(
            "AuditLog", "against {file}: {new} new candidates, {judged} judged before"
        ).format(
            file=d.get("file_name", "–"),
            new=len(d.get("new_candidates", [])),
            judged=len(d.get("already_judged", [])),
        )
    return ""


def _follow_up_status(value: Any) -> str:
    return {
        "open": QCoreApplication.translate("AuditLog", "open"),
        "met": QCoreApplication.translate("AuditLog", "met"),
        "not_met": QCoreApplication.translate("AuditLog", "not met"),
        "dropped": QCoreApplication.translate("AuditLog", "dropped"),
    }.get(str(value), str(value))


def _judgement(value: Any):  # type: ignore[no-untyped-def]
    from postkit.core.screening.records import Judgement

    return Judgement(value)


class AuditLogView(QWidget):
    """The entries of one request, oldest first, and whether the whole chain is intact."""

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Audit log"))
        self.tree.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.resizeSection(0, 130)
        header.resizeSection(1, 110)
        header.resizeSection(2, 150)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.chain_notice = Notice(self)
        intro = QLabel(
            self.tr(
                "Every change to the request is kept here with who and when. Each entry carries "
                "a hash of the one before, so an entry changed without recomputing the chain "
                "shows. Someone with the database file can recompute it: keep the printed "
                "decision record, which carries the log's head, to check the log against later."
            ),
            self,
        )
        intro.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.chain_notice)

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.tree.clear()
        locale = QLocale()
        for entry in entries:
            when = locale.toString(entry.at.astimezone(), QLocale.FormatType.ShortFormat)
            details = describe(entry, self._language)
            item = QTreeWidgetItem([when, entry.actor, action_text(entry), details])
            item.setToolTip(3, details)
            item.setToolTip(
                0, self.tr("Entry {0} · hash {1}").format(entry.id, entry.entry_hash[:16])
            )
            item.setData(0, Qt.ItemDataRole.UserRole, entry.id)
            self.tree.addTopLevelItem(item)
        if entries:
            self.tree.scrollToItem(self.tree.topLevelItem(len(entries) - 1))

    def set_chain(self, check: ChainCheck | None) -> None:
        if check is None:
            self.chain_notice.show_text("", POSITIVE)
        elif check.is_intact:
            self.chain_notice.show_text(
                self.tr("The log's hash chain is intact ({0} entries checked).").format(
                    check.entries
                ),
                POSITIVE,
            )
        else:
            self.chain_notice.show_text(
                self.tr("The log's hash chain is broken at entry {0}: {1}").format(
                    check.broken_at, check.problem
                ),
                DANGER,
            )

    def entry_count(self) -> int:
        return self.tree.topLevelItemCount()
