"""The company register's page: the list with lookup-as-you-type on the left, the chosen
company's page on the right; the editor, and merging two records of one company."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from postkit.ui.companies import ops
from postkit.ui.companies.editor import CompanyDialog
from postkit.ui.companies.history_view import CompanyHistoryView
from postkit.ui.companies.ops import CompanyPageData, CompanyRow, MergeCompanies
from postkit.ui.companies.table_model import CompanyTableModel
from postkit.ui.ops import Changes
from postkit.ui.overrides import override
from postkit.ui.undo import RunnerUndoCommand
from postkit.ui.widgets.editor import open_editor
from postkit.ui.widgets.page import ModulePage
from postkit.ui.widgets.table_view import empty_state_label, record_table

if TYPE_CHECKING:
    from postkit.core.companies.records import CompanyRecord, DuplicatePair
    from postkit.core.profile import PostProfile

# What a change to these records can change on this page (names, counts, the timeline).
WATCHED = ("companies", "activities", "requests", "practices", "followups")


class CompaniesPage(ModulePage):
    """The register. Emits `selection_changed` for the module's actions and `changed` once
    the list shows data changed here or elsewhere."""

    editor: CompanyDialog | None = None
    merge_dialog: MergeDialog | None = None
    duplicates_dialog: DuplicatesDialog | None = None

    def build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Find by name, trade name or KvK number"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find companies"))
        self.count_label = QLabel(self)
        self.model = CompanyTableModel(self.runner, self._language, self)
        self.table = record_table(
            self,
            self.model,
            self.tr("Companies"),
            widths={0: 220, 1: 80, 2: 100, 3: 120, 4: 110, 5: 75, 6: 85},
        )
        # Each column fits its text (the table scrolls sideways when the page is too narrow
        # for them all); the name takes what room is left (see _fit_columns).
        self.empty_label = empty_state_label(self)
        self.results = QStackedWidget(self)
        self.results.addWidget(self.table)
        self.results.addWidget(self.empty_label)
        self.history = CompanyHistoryView(self._language, self)
        self.history.edit_requested.connect(self.edit_company)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.count_label)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self.results, 1)
        # The company page below the list, not beside it: the list's seven columns need the
        # page's whole width in Dutch on a 1366-pixel screen.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.history)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([420, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        # Each keystroke asks anew; the model's key supersedes a lookup still on its way.
        self.search.textChanged.connect(self.model.set_text)
        self.search.returnPressed.connect(self._to_list)
        self.table.activated.connect(lambda index: self.edit_company(self.model.id_at(index.row())))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.model.loaded.connect(self._update_empty_state)
        self.model.loaded.connect(self._fit_columns)
        self.runner.changed.connect(self._data_changed)
        self._update_empty_state()

    # -- the list ----------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def reload(self) -> None:
        self.model.reload()
        self._show_selected()

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.id_at(row) for row in rows if row < self.model.rowCount()]

    def select_id(self, company_id: int) -> bool:
        row = self.model.row_of(company_id)
        if row is None:
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def _to_list(self) -> None:
        """Enter in the search field goes to the list, on its first match."""
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.selected_ids() and self.model.rowCount():
            self.select_id(self.model.id_at(0))

    def _data_changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED):
            self.reload()
            self.changed.emit()

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Every column as wide as its widest shown text (or its heading), measured on the rows
        in view only, so a register of tens of thousands costs no more than one screenful."""
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(0)
        widths = [
            max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in range(self.model.columnCount())
        ]
        for column, width in enumerate(widths):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        # The name takes the room left while every column fits; when they do not, it keeps
        # its text's width and the table scrolls sideways.
        room = self.table.viewport().width() - self.table.verticalScrollBar().sizeHint().width()
        if sum(widths) <= room:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _update_empty_state(self) -> None:
        shown = self.model.rowCount()
        self.count_label.setText(self.tr("{0} companies").format(shown) if shown else "")
        if shown or not self.model.has_loaded:
            self.results.setCurrentWidget(self.table)
            return
        if self.model.text:
            text = self.tr(
                "<h3>No company matches “{0}”</h3><p>Check the spelling, search by KvK "
                "number, or add it with <b>New company</b>.</p>"
            ).format(self.model.text.replace("<", "&lt;"))
        else:
            text = self.tr(
                "<h3>No companies yet</h3><p>Add the companies and organisations the post "
                "works with using <b>New company</b>, or pick “Create new company” where an "
                "activity, a request or a practice names one.</p>"
            )
        self.empty_label.setText(text)
        self.results.setCurrentWidget(self.empty_label)

    def _selection_changed(self) -> None:
        self._show_selected()
        self.selection_changed.emit()

    # -- the company page --------------------------------------------------------------

    def _show_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            self.history.clear()
            return
        company_id = ids[0]

        def shown(data: CompanyPageData) -> None:
            if self.selected_ids() == [company_id]:
                self.history.show_page(data)

        self.runner.query(
            lambda session: ops.read_page(session, company_id),
            shown,
            owner=self,
            key=f"company-page-{id(self)}",
            failed=lambda _error: self.history.clear(),
        )

    # -- editing -----------------------------------------------------------------------

    def new_company(self, name: str = "") -> CompanyDialog:
        return self._open_editor(None, name)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.edit_company(ids[0])

    def edit_company(self, company_id: int) -> None:
        self.runner.query(
            lambda session: ops.read_company(session, company_id),
            lambda record: self._open_editor(record),
            owner=self,
            failed=self.fail_and_reload,
        )

    def _open_editor(self, record: CompanyRecord | None, name: str = "") -> CompanyDialog:
        dialog = CompanyDialog(self._language, record, self, name=name)
        company_id = record.id if record is not None else None
        open_editor(self, dialog, lambda: self._save(dialog, company_id))
        return dialog

    def _save(self, dialog: CompanyDialog, company_id: int | None) -> None:
        data, actor = dialog.company_data(), self._profile.user_name

        def saved(record: CompanyRecord) -> None:
            if company_id is None:
                self.search.clear()
            self.status_message.emit(self.tr("{0} saved in the register.").format(record.data.name))
            self._select_when_loaded(record.id)

        self.runner.write(
            lambda session: ops.save_company(session, company_id, data, actor),
            saved,
            changes=lambda record: Changes.of("companies", ids=[record.id], origin=self),
            owner=self,
        )

    def _select_when_loaded(self, company_id: int) -> None:
        def select() -> None:
            self.model.loaded.disconnect(select)
            self.select_id(company_id)

        self.model.loaded.connect(select)

    def set_profile(self, profile: PostProfile) -> None:
        self._profile = profile

    # -- merging -----------------------------------------------------------------------

    @property
    def can_merge(self) -> bool:
        return len(self.selected_ids()) == 2

    def merge_selected(self) -> None:
        """Ask which of the two selected records to keep, then merge the other into it."""
        ids = self.selected_ids()
        if len(ids) != 2:
            return
        self.runner.query(
            lambda session: ops.read_rows(session, ids),
            lambda rows: self._ask_merge([rows[i] for i in ids if i in rows]),
            owner=self,
        )

    def find_duplicates(self) -> None:
        """List the records that look like one company (same KvK number, same name)."""
        self.runner.query(ops.read_duplicates, self._show_duplicates, owner=self)

    def _show_duplicates(self, pairs: list[DuplicatePair]) -> None:
        dialog = DuplicatesDialog(pairs, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._merge_pair(dialog.chosen()))
        dialog.finished.connect(self._forget_duplicates_dialog)
        self.duplicates_dialog = dialog
        dialog.open()

    def _forget_duplicates_dialog(self) -> None:
        self.duplicates_dialog = None

    def _merge_pair(self, pair: DuplicatePair | None) -> None:
        if pair is None:
            return
        ids = [pair.first.id, pair.second.id]
        self.runner.query(
            lambda session: ops.read_rows(session, ids),
            lambda rows: self._ask_merge([rows[i] for i in ids if i in rows]),
            owner=self,
        )

    def _ask_merge(self, rows: list[CompanyRow]) -> None:
        if len(rows) != 2:
            self.reload()
            return
        dialog = MergeDialog(rows[0], rows[1], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.merge(*dialog.choice()))
        dialog.finished.connect(self._forget_merge_dialog)
        self.merge_dialog = dialog
        dialog.open()

    def _forget_merge_dialog(self) -> None:
        self.merge_dialog = None

    def merge(self, keep: CompanyRow, merged: CompanyRow) -> None:
        """Merge `merged` into `keep`, undoably (Edit ▸ Undo splits them again)."""
        command = RunnerUndoCommand(
            self.tr("Merge “{0}” into “{1}”").format(merged.line.name, keep.line.name),
            MergeCompanies(keep.id, merged.id, self._profile.user_name),
            self.runner,
            "companies",
            self.fail_and_reload,
        )
        command.perform(self.undo_stack, self.fail_and_reload)
        self._select_when_loaded(keep.id)


def _usage(row: CompanyRow) -> str:
    if row.activities is None or row.screenings is None:
        return ""
    return QCoreApplication.translate("MergeDialog", "{0} activities, {1} screenings").format(
        row.activities, row.screenings
    )


class MergeDialog(QDialog):
    """Two records of one company: which to keep, and what moves to it from the other."""

    def __init__(self, first: CompanyRow, second: CompanyRow, parent: QWidget | None = None):
        super().__init__(parent)
        self._rows = (first, second)
        self.setWindowTitle(self.tr("Merge two records of one company"))
        intro = QLabel(
            self.tr(
                "Keep one record; the other is merged into it. Its activities, requests, "
                "practices, follow-ups, trade names and contact persons move to the one kept."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.buttons_box = QVBoxLayout()
        self.keep_buttons: list[QRadioButton] = []
        for position, row in enumerate(self._rows):
            kvk = f" · KvK {row.line.kvk_number}" if row.line.kvk_number else ""
            button = QRadioButton(self.tr("Keep “{0}”{1}").format(row.line.name, kvk), self)
            self.group.addButton(button, position)
            self.keep_buttons.append(button)
            self.buttons_box.addWidget(button)
            usage = QLabel(_usage(row), self)
            usage.setIndent(24)
            self.buttons_box.addWidget(usage)
        self.moves = QLabel(self)
        self.moves.setWordWrap(True)
        self.keep_buttons[0].setChecked(True)
        self.group.idToggled.connect(lambda _id, _on: self._update_moves())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.buttons_box)
        layout.addWidget(self.moves)
        layout.addWidget(buttons)
        self._update_moves()

    def choice(self) -> tuple[CompanyRow, CompanyRow]:
        """(the record kept, the record merged into it)."""
        keep = max(self.group.checkedId(), 0)
        return self._rows[keep], self._rows[1 - keep]

    def _update_moves(self) -> None:
        keep, merged = self.choice()
        text = self.tr("“{0}” is merged into “{1}”.").format(merged.line.name, keep.line.name)
        usage = _usage(merged)
        if usage:
            text += " " + self.tr("Moving: {0}.").format(usage)
        text += " " + self.tr("Edit ▸ Undo splits them again.")
        self.moves.setText(text)


class DuplicatesDialog(QDialog):
    """The pairs of records that look like one company; Merge… takes the chosen pair on."""

    def __init__(self, pairs: list[DuplicatePair], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pairs = pairs
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.setMinimumWidth(560)
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Record"), self.tr("Record"), self.tr("Why")])
        self.list.setAccessibleName(self.tr("Possible duplicates"))
        reasons = {"kvk": self.tr("same KvK number"), "name": self.tr("same name")}
        for pair in pairs:
            self.list.addTopLevelItem(
                QTreeWidgetItem(
                    [pair.first.name, pair.second.name, reasons.get(pair.reason, pair.reason)]
                )
            )
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(self.tr("No two records look like the same company."), self)
        self.empty.setVisible(not pairs)
        self.list.setVisible(bool(pairs))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Merge…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self.list.itemActivated.connect(lambda *_: self.accept())
        if pairs:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._update()

    def chosen(self) -> DuplicatePair | None:
        row = self.list.indexOfTopLevelItem(self.list.currentItem())
        return self._pairs[row] if 0 <= row < len(self._pairs) else None

    def _update(self) -> None:
        self.ok_button.setEnabled(self.chosen() is not None)
