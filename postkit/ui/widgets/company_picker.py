"""Choosing companies from the register as one types: a search field whose list follows the
text (each lookup through the runner, a newer one superseding one still on its way), and
"Create new company" when nothing fits. It names no feature: the host gives a
`CompanySource`, the functions the runner calls to look up, name and create companies.

With `multiple` the chosen companies gather in a list below (activities, practices); without,
the one chosen is `picked` (a screening request fills its fields from it).

A company made with "Create new company" waits in the picker until the host's dialog is saved:
the host's accept calls `create_pending`, so a cancelled dialog leaves the register as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from postkit.ui.dialogs import show_error
from postkit.ui.ops import Changes

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from postkit.ui.ops import Runner

IdRole = Qt.ItemDataRole.UserRole + 1
NameRole = Qt.ItemDataRole.UserRole + 2


class PickLine(Protocol):
    """What the picker reads of a company (the register's CompanyLine has it)."""

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def kvk_number(self) -> str | None: ...


@dataclass(frozen=True)
class CompanySource:
    """How the picker reaches the register: functions of a session, run by `runner`."""

    runner: Runner
    lookup: Callable[[Session, str], Sequence[PickLine]]
    lines: Callable[[Session, Sequence[int]], Sequence[PickLine]]
    # Makes (or finds) the company of a name and gives its id; None: no "Create new".
    # Called only when the host saves (see `CompanyPicker.create_pending`).
    create: Callable[[Session, str], int] | None = None


def line_text(line: PickLine) -> str:
    return f"{line.name} · KvK {line.kvk_number}" if line.kvk_number else line.name


class CompanyPicker(QWidget):
    """A search field with the register's matches as a drop-down list; `changed` fires when
    the chosen companies change, `picked(id)` when one is chosen."""

    changed = Signal()
    picked = Signal(int)
    # Without `multiple`: a new company's name was chosen (made when the host saves), and
    # then made, with its id.
    named = Signal(str)
    created = Signal(int)

    def __init__(
        self, source: CompanySource, parent: QWidget | None = None, *, multiple: bool = True
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._multiple = multiple
        self._key = f"company-lookup-{id(self)}"
        self._asked = ""
        self._pending = ""  # without `multiple`: the name of a new company chosen
        self._creating = False
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Type a name or KvK number…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find a company in the register"))
        self.hits = QStandardItemModel(self)
        self.completer = QCompleter(self.hits, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.search)
        self.completer.activated[QModelIndex].connect(self._chosen)
        self.search.textEdited.connect(self._look_up)
        self.search.returnPressed.connect(self._enter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        self.chosen = QListWidget(self)
        self.chosen.setAccessibleName(self.tr("Companies chosen"))
        # No mnemonic: the hosts' forms use their letters; Delete in the list removes too.
        self.remove_button = QPushButton(self.tr("Remove"), self)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.chosen)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.chosen.currentRowChanged.connect(self._update_remove)
        self.setFocusProxy(self.search)
        if multiple:
            row = QHBoxLayout()
            row.addWidget(self.chosen, 1)
            row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(row)
            self.chosen.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 8)
        else:
            self.chosen.hide()
            self.remove_button.hide()
        # As tall as its parts: in a form it takes no room from the rows below.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._update_remove()

    # -- what the host asks --------------------------------------------------------------

    def ids(self) -> tuple[int, ...]:
        """The register's companies chosen (not the new ones still to be made)."""
        ids = (self.chosen.item(row).data(IdRole) for row in range(self.chosen.count()))
        return tuple(int(company_id) for company_id in ids if company_id is not None)

    def pending_names(self) -> list[str]:
        """The names of new companies chosen, made in the register by `create_pending`."""
        if not self._multiple:
            return [self._pending] if self._pending else []
        return [
            self.chosen.item(row).data(NameRole)
            for row in range(self.chosen.count())
            if self.chosen.item(row).data(IdRole) is None
        ]

    def create_pending(self, then: Callable[[], None]) -> None:
        """Make the new companies chosen (the host's dialog is being saved), then call `then`
        with every chosen company in `ids()`; at once when there are none."""
        names = self.pending_names()
        if not names:
            then()
            return
        if self._creating:
            return  # a second press of Save while the first is on its way
        create = self._source.create
        assert create is not None
        self._creating = True

        def made(new_ids: list[int]) -> None:
            self._creating = False
            made_ids = dict(zip(names, new_ids, strict=True))
            if not self._multiple:
                self._pending = ""
                self.created.emit(made_ids[names[0]])
            for row in range(self.chosen.count()):
                item = self.chosen.item(row)
                if item.data(IdRole) is None and item.data(NameRole) in made_ids:
                    item.setData(IdRole, made_ids[item.data(NameRole)])
            then()

        def failed(error: BaseException) -> None:
            self._creating = False
            show_error(self, error)  # the host's dialog stays open, its input kept

        self._source.runner.write(
            lambda session: [create(session, name) for name in names],
            made,
            changes=lambda new_ids: Changes.of("companies", ids=new_ids),
            owner=self,
            failed=failed,
        )

    def names(self) -> list[str]:
        return [self.chosen.item(row).data(NameRole) for row in range(self.chosen.count())]

    def set_ids(self, ids: Sequence[int]) -> None:
        """Show these companies as chosen (their names are read through the runner)."""
        self.chosen.clear()
        if not ids:
            return
        wanted = list(ids)
        self._source.runner.query(
            lambda session: self._source.lines(session, wanted),
            lambda lines: [self.add(line.id, line_text(line), line.name) for line in lines],
            owner=self,
        )

    def add(self, company_id: int | None, text: str, name: str | None = None) -> None:
        """Choose a company (once); without `multiple` it is `picked`. A None id is a new
        company of that name, made when the host saves."""
        if not self._multiple:
            self.search.setText(name or text)
            if company_id is None:
                self._pending = name or text
                self.named.emit(self._pending)
            else:
                self._pending = ""
                self.picked.emit(company_id)
            self.changed.emit()
            return
        if company_id is None:
            if (name or text) in self.pending_names():
                return
            text = self.tr("{0} (new)").format(name or text)
        elif company_id in self.ids():
            return
        item = QListWidgetItem(text)
        item.setData(IdRole, company_id)
        item.setData(NameRole, name or text)
        self.chosen.addItem(item)
        self.changed.emit()

    def remove_selected(self) -> None:
        row = self.chosen.currentRow()
        if row >= 0:
            self.chosen.takeItem(row)
            self.changed.emit()
        self._update_remove()

    # -- looking up ----------------------------------------------------------------------

    def _look_up(self, text: str) -> None:
        self._pending = ""  # searching again lets go of a new company's name
        text = text.strip()
        self._asked = text
        if not text:
            self.hits.clear()
            self.completer.popup().hide()
            return
        lookup = self._source.lookup
        self._source.runner.query(
            lambda session: list(lookup(session, text)),
            lambda lines: self._show_hits(text, lines),
            owner=self,
            key=self._key,
        )

    def _show_hits(self, text: str, lines: Sequence[PickLine]) -> None:
        if text != self._asked:
            return  # typed on since: the newer lookup answers
        self.hits.clear()
        for line in lines:
            item = QStandardItem(line_text(line))
            item.setData(line.id, IdRole)
            item.setData(line.name, NameRole)
            self.hits.appendRow(item)
        exact = any(line.name.casefold() == text.casefold() for line in lines)
        if self._source.create is not None and not exact:
            item = QStandardItem(self.tr("Create new company “{0}”").format(text))
            item.setData(None, IdRole)
            item.setData(text, NameRole)
            self.hits.appendRow(item)
        if self.hits.rowCount():
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _enter(self) -> None:
        """Enter with the list closed takes its first line (the best match)."""
        if not self.completer.popup().isVisible() and self.hits.rowCount():
            self._chosen(self.hits.index(0, 0))

    def _chosen(self, index: QModelIndex) -> None:
        company_id, name = index.data(IdRole), index.data(NameRole)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        self.completer.popup().hide()
        if self._multiple:
            self.search.clear()
        self.hits.clear()
        if company_id is not None:
            self.add(int(company_id), text, name)
            return
        self.add(None, name, name)

    def _update_remove(self) -> None:
        self.remove_button.setEnabled(self.chosen.currentRow() >= 0)
