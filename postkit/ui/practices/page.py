"""The good-practices page: filters and search over cards or a list, the reading view, the
editor, and sharing by file (export, import by menu or drag and drop, conflicts)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.attachments import store_attachment
from postkit.core.errors import PostkitError
from postkit.core.practices.commands import EditPractice
from postkit.core.practices.records import (
    DRAFT,
    PUBLISHED,
    ConflictRecord,
    ImportSummary,
    PracticeFilter,
    PracticeInput,
    PracticeRecord,
)
from postkit.core.practices.service import (
    create_practice,
    delete_practice,
    get_practice,
    list_conflicts,
    mark_used,
    promote_activity,
    resolve_conflict,
)
from postkit.core.profile import PostProfile
from postkit.ui.dialogs import confirm, show_error
from postkit.ui.ops import Changes, Job, Runner
from postkit.ui.overrides import override
from postkit.ui.practices.cards import CardView, PracticeCardDelegate
from postkit.ui.practices.drops import DropForwarder, exchange_paths
from postkit.ui.practices.editor import PracticeDialog
from postkit.ui.practices.labels import LANGUAGE_NAMES, counted, practices_text, status_label
from postkit.ui.practices.ops import (
    ExportChoice,
    read_export_choice,
)
from postkit.ui.practices.presentation import PresentationView
from postkit.ui.practices.reader import PracticeReader
from postkit.ui.practices.sharing import (
    EXCHANGE_KIND,
    ConflictDialog,
    ExportDialog,
    ImportSummaryDialog,
    SavePathAsker,
    ask_exchange_files,
    export_booklet,
    with_suffix,
)
from postkit.ui.practices.table_model import PracticeListModel, PracticeTableModel
from postkit.ui.undo import RunnerUndoCommand
from postkit.ui.widgets.company_picker import CompanySource
from postkit.ui.widgets.editor import open_editor
from postkit.ui.widgets.notice import Notice
from postkit.ui.widgets.page import ModulePage
from postkit.ui.widgets.save_paths import ask_save_path
from postkit.ui.widgets.table_view import record_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from postkit.core.processes import SessionWork


def _combo(parent: QWidget, all_text: str, accessible_name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(all_text, None)
    combo.setAccessibleName(accessible_name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
    return combo


class PracticesPage(ModulePage):
    """The library of good practices.

    Everything it reads or writes goes through the runner, off the GUI thread. Emits
    `selection_changed` for the main window's actions, `filter_changed` when the shown set
    narrowed, `changed` (and its older name `reloaded`) once the list shows data changed here
    or elsewhere, `state_changed` when a job starts or ends (`is_busy`), and `status_message`
    with a sentence for the status bar after an export.
    """

    filter_changed = Signal()
    reloaded = Signal()

    def __init__(
        self,
        runner: Runner,
        profile: PostProfile,
        language: str = "en",
        parent: QWidget | None = None,
        ask_path: SavePathAsker = ask_save_path,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(runner, profile, language, parent, undo_stack)
        database = runner.database
        self._database = database
        self._ask_path = ask_path
        self.job: Job | None = None
        self.editor: PracticeDialog | None = None
        self.summary_dialog: ImportSummaryDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.presentation: PresentationView | None = None
        self.last_summary: ImportSummary | None = None
        self.last_export: tuple[Path, int] | None = None
        self.conflicts_pending = 0
        self._shows_cards = True
        self._drop_forwarders: list[DropForwarder] = []
        self.setAcceptDrops(True)

        self.model = PracticeListModel(runner, language, self)
        self.table_model = PracticeTableModel(self.model, self)
        self._build_filters()
        self.cards = CardView(PracticeCardDelegate(language, self), self)
        self.cards.setModel(self.model)
        self.cards.setAccessibleName(self.tr("Good practices as cards"))
        self.table = self._build_table()
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.results = QStackedWidget(self)
        for widget in (self.cards, self.table, self.empty_label):
            self.results.addWidget(widget)
        self.conflict_notice = Notice(self)
        self.resolve_button = QPushButton(self.tr("&Resolve…"), self)
        self.resolve_button.clicked.connect(self.resolve_conflicts)
        self.resolve_button.hide()
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.conflict_notice, 1)
        notice_row.addWidget(self.resolve_button)

        browser = QWidget(self)
        browse_layout = QVBoxLayout(browser)
        browse_layout.setContentsMargins(0, 0, 0, 0)
        browse_layout.addLayout(self.search_row)
        browse_layout.addLayout(self.filter_row)
        browse_layout.addLayout(notice_row)
        browse_layout.addWidget(self.results, 1)
        self.browser = browser

        self.reader = PracticeReader(database.files_dir, language, profile.post_name, self)
        self.reader.back_requested.connect(self.show_library)
        self.reader.edit_requested.connect(self.edit_practice)
        self.reader.delete_requested.connect(lambda pid: self.delete_practices([pid]))
        self.reader.mark_used_requested.connect(self.mark_used)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(browser)
        self.stack.addWidget(self.reader)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self.cards.activated.connect(
            lambda index: self.open_practice(self.model.id_at(index.row()))
        )
        self.table.activated.connect(
            lambda index: self.open_practice(self.model.id_at(index.row()))
        )
        self.cards.selectionModel().selectionChanged.connect(self.selection_changed)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.model.modelReset.connect(self.selection_changed)
        self.model.loaded.connect(self._update_empty_state)
        runner.changed.connect(self._data_changed)
        self._update_empty_state()
        self._update_conflict_notice()

    # -- building ----------------------------------------------------------------------

    def _build_filters(self) -> None:
        language = self._language
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Search titles and texts — the best matches come first")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search good practices"))
        self.core_task = _combo(self, self.tr("All core tasks"), self.tr("Core task filter"))
        for item in reference.core_tasks().items:
            self.core_task.addItem(
                f"{item.code}. {item.extra.get('short_' + language, '')}", int(item.code)
            )
        self.theme = _combo(self, self.tr("All themes"), self.tr("Theme filter"))
        self.sector = _combo(self, self.tr("All sectors"), self.tr("Sector filter"))
        self.region = _combo(self, self.tr("All regions"), self.tr("Region filter"))
        for combo, items in (
            (self.theme, reference.themes()),
            (self.sector, reference.sectors()),
            (self.region, reference.regions()),
        ):
            for item in sorted(items.items, key=lambda i: i.label(language)):
                combo.addItem(item.label(language), item.code)
        self.language = _combo(self, self.tr("All languages"), self.tr("Language filter"))
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.status = _combo(self, self.tr("Published and drafts"), self.tr("Status filter"))
        self.status.addItem(status_label(PUBLISHED), PUBLISHED)
        self.status.addItem(status_label(DRAFT), DRAFT)

        self.card_button = QToolButton(self)
        self.card_button.setText(self.tr("Cards"))
        self.list_button = QToolButton(self)
        self.list_button.setText(self.tr("List"))
        self.view_buttons = QButtonGroup(self)
        for button in (self.card_button, self.list_button):
            button.setCheckable(True)
            button.setAutoRaise(True)
            self.view_buttons.addButton(button)
        self.card_button.setChecked(True)
        style = self.style()
        self.card_button.setIcon(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView)
        )
        self.list_button.setIcon(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        )
        for button in (self.card_button, self.list_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.card_button.setToolTip(self.tr("Show the practices as cards"))
        self.list_button.setToolTip(self.tr("Show the practices as a list"))
        self.card_button.clicked.connect(self.show_cards)
        self.list_button.clicked.connect(self.show_list)
        self.count_label = QLabel(self)
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.search_row = QHBoxLayout()
        self.search_row.addWidget(self.search, 1)
        self.search_row.addSpacing(8)
        self.search_row.addWidget(self.count_label)
        self.search_row.addSpacing(8)
        self.search_row.addWidget(self.card_button)
        self.search_row.addWidget(self.list_button)
        self.filter_row = QHBoxLayout()
        for combo in self.filter_combos:
            self.filter_row.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self.apply_filter)

    @property
    def filter_combos(self) -> tuple[QComboBox, ...]:
        return (self.core_task, self.theme, self.sector, self.region, self.language, self.status)

    def _build_table(self) -> QTableView:
        return record_table(
            self,
            self.table_model,
            self.tr("Good practices as a list"),
            row_padding=10,
            widths=dict(enumerate((360, 200, 170, 130, 60, 80, 90, 70))),
            stretch=0,
        )

    # -- filtering ---------------------------------------------------------------------

    def current_filter(self) -> PracticeFilter:
        return PracticeFilter(
            core_task=self.core_task.currentData(),
            theme=self.theme.currentData(),
            sector=self.sector.currentData(),
            region=self.region.currentData(),
            language=self.language.currentData(),
            status=self.status.currentData(),
            text=self.search.text(),
        )

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter(), then=self.filter_changed.emit)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def clear_filters(self) -> None:
        for combo in self.filter_combos:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()
        self.apply_filter()

    def set_profile(self, profile: PostProfile) -> None:
        """After the post's profile changed: marks and new practices use the new names."""
        self._profile = profile
        self.reader._post_name = profile.post_name
        if self.reader.record is not None:
            self.reader.show_record(self.reader.record)

    # -- views and selection -----------------------------------------------------------

    @property
    def is_card_view(self) -> bool:
        return self._shows_cards

    @property
    def current_view(self) -> QAbstractItemView:
        return self.cards if self.is_card_view else self.table

    def show_cards(self) -> None:
        self._switch_view(cards=True)

    def show_list(self) -> None:
        self._switch_view(cards=False)

    def _switch_view(self, cards: bool) -> None:
        selected = self.selected_ids()
        self._shows_cards = cards
        (self.card_button if cards else self.list_button).setChecked(True)
        self._update_empty_state()
        self.select_ids(selected)
        self.current_view.setFocus()

    def selected_ids(self) -> list[int]:
        view = self.current_view
        rows = sorted({index.row() for index in view.selectionModel().selectedIndexes()})
        return [self.model.id_at(row) for row in rows]

    def select_ids(self, practice_ids: Sequence[int]) -> None:
        view = self.current_view
        model = view.model()
        selection = view.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        first = True
        for practice_id in practice_ids:
            row = self.model.row_of(practice_id)
            if row is None:
                continue
            index = model.index(row, 0)
            selection.select(index, flags)
            if first:
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                view.scrollTo(index)
                first = False

    @property
    def shown_ids(self) -> list[int]:
        return self.model.ids()

    def reload(self, select_ids: Sequence[int] | None = None) -> None:
        """Query again after the data changed, keeping or moving the selection."""
        keep = list(select_ids) if select_ids is not None else self.selected_ids()

        def shown() -> None:
            self.select_ids(keep)
            self.changed.emit()
            self.reloaded.emit()

        self.model.reload(then=shown)
        self._update_conflict_notice()
        if self.stack.currentWidget() is self.reader and self.reader.record is not None:
            self._refresh_reader(self.reader.record.id)

    def _data_changed(self, changes: Changes) -> None:
        # An import, undo or another page changed practices: show them as they are now.
        if changes.origin is not self and changes.touches("practices"):
            self.reload()

    @property
    def is_busy(self) -> bool:
        """An export, import or booklet is being written."""
        return self.job is not None

    def _update_empty_state(self) -> None:
        shown = self.model.rowCount()
        if shown:
            self.results.setCurrentWidget(self.cards if self.is_card_view else self.table)
            self.count_label.setText(practices_text(shown))
            return
        self.count_label.setText("")
        if self.model.practice_filter.is_empty:
            text = self.tr(
                "<h3>No good practices yet</h3><p>Describe how the post took up IMVO with "
                "<b>New good practice</b>, promote an activity from the log, or import a "
                "<b>.postkit</b> file from another post — drop it here.</p>"
            )
        else:
            text = self.tr(
                "<h3>No practice matches</h3><p>Change the search or the filters, or clear "
                "them.</p>"
            )
        self.empty_label.setText(text)
        self.results.setCurrentWidget(self.empty_label)

    # -- reading -----------------------------------------------------------------------

    def open_practice(self, practice_id: int) -> None:
        """Show one practice in the reading view (once it is read)."""

        def read(record: PracticeRecord) -> None:
            self.stack.setCurrentWidget(self.reader)
            self.reader.text.setFocus()

        self._refresh_reader(practice_id, then=read)

    def _refresh_reader(
        self, practice_id: int, then: Callable[[PracticeRecord], None] | None = None
    ) -> None:
        def show(record: PracticeRecord) -> None:
            self.reader.show_record(record)
            if then is not None:
                then(record)

        def failed(error: BaseException) -> None:
            show_error(self, error)
            self.show_library()

        self.runner.query(
            lambda session: get_practice(session, practice_id),
            show,
            owner=self,
            failed=failed,
            key=f"practice-reader-{id(self)}",
        )

    def show_library(self) -> None:
        current = self.reader.record
        self.stack.setCurrentWidget(self.browser)
        if current is not None:
            self.select_ids([current.id])
        self.current_view.setFocus()

    @property
    def is_reading(self) -> bool:
        return self.stack.currentWidget() is self.reader

    def mark_used(self, practice_id: int) -> None:
        """Record that this post used the practice."""
        post, user = self._profile.post_name, self._profile.user_name

        def marked(record: PracticeRecord) -> None:
            if self.reader.record is not None and self.reader.record.id == practice_id:
                self.reader.show_record(record)
            self.reload()

        self.runner.write(
            lambda session: mark_used(session, practice_id, post, user),
            marked,
            changes=Changes.of("practices", ids=[practice_id], origin=self),
            owner=self,
        )

    # -- editing -----------------------------------------------------------------------

    def new_practice(self) -> PracticeDialog:
        country = self._profile.countries[0] if self._profile.countries else None
        defaults = PracticeInput(
            title="",
            core_tasks=(),
            post_name=self._profile.post_name,
            country=country,
            year=date.today().year,
            language=self._language,
        )
        return self._open_editor(None, defaults)

    def edit_practice(self, practice_id: int) -> None:
        """Open the practice in the editor (`editor`) once it is read."""

        self.runner.query(
            lambda session: get_practice(session, practice_id),
            lambda record: self._open_editor(record, None),
            owner=self,
            failed=self.fail_and_reload,
        )

    def edit_selected(self) -> None:
        ids = (
            [self.reader.record.id]
            if self.is_reading and self.reader.record
            else (self.selected_ids())
        )
        if len(ids) == 1:
            self.edit_practice(ids[0])

    def promote_activity(self, activity_id: int) -> None:
        """Make a draft practice from an activity and open it in the editor to complete it."""
        user, language = self._profile.user_name, self._language

        def promoted(record: PracticeRecord) -> None:
            self.reload(select_ids=[record.id])
            self._open_editor(record, None)

        self.runner.write(
            lambda session: promote_activity(session, activity_id, user, language),
            promoted,
            changes=lambda record: Changes.of("practices", ids=[record.id], origin=self),
            owner=self,
        )

    def _open_editor(
        self, record: PracticeRecord | None, defaults: PracticeInput | None
    ) -> PracticeDialog:
        dialog = PracticeDialog(
            self._database.files_dir,
            self._language,
            record,
            defaults,
            self,
            companies=self._company_source(),
        )
        open_editor(self, dialog, lambda: self._save_from_editor(dialog, record))
        return dialog

    def _company_source(self) -> CompanySource:
        """The register, for the editor's companies involved."""
        from postkit.core.companies.service import picker_access

        return CompanySource(self.runner, *picker_access(self._profile.user_name))

    def _save_from_editor(self, dialog: PracticeDialog, record: PracticeRecord | None) -> None:
        data = dialog.practice_input()
        if not data.post_name:
            data = replace(data, post_name=self._profile.post_name)
        actor = self._profile.user_name
        files_dir = self._database.files_dir
        try:
            stored = [store_attachment(files_dir, path) for path in dialog.new_files()]
            if record is not None:
                kept = {a.stored_name for a in dialog.kept_attachments()}
                files = (*(a for a in record.attachments if a.stored_name in kept), *stored)
                edit = EditPractice(record.id, data, files, actor)
                title = self.tr("Edit practice “{title}”").format(title=data.title)
                # Each step announces the practices it changed: _data_changed reloads them.
                command = RunnerUndoCommand(
                    title, edit, self.runner, "practices", self.fail_and_reload
                )
                command.perform(self.undo_stack, self.fail_and_reload)
                return
        except PostkitError as error:
            show_error(self, error)
            self.reload()
            return

        def created(saved_id: int) -> None:
            self.reload(select_ids=[saved_id])
            if self.is_reading:
                self._refresh_reader(saved_id)

        self.runner.write(
            lambda session: create_practice(session, data, actor, stored).id,
            created,
            changes=lambda saved_id: Changes.of("practices", ids=[saved_id], origin=self),
            owner=self,
            failed=self.fail_and_reload,
        )

    def delete_practices(self, practice_ids: Sequence[int]) -> bool:
        """Delete after the user confirmed; returns whether anything was deleted."""
        ids = list(practice_ids)
        if not ids:
            return False
        question = (
            counted(
                len(ids),
                self.tr("Delete this good practice?"),
                self.tr("Delete {0} good practices?"),
            )
            + " "
            + self.tr("Attached files stay in the files folder. This cannot be undone.")
        )
        if not confirm(self, self.tr("Delete good practices"), question, self.tr("Delete")):
            return False

        def delete(session: Session) -> None:
            for practice_id in ids:
                delete_practice(session, practice_id)

        if self.is_reading:
            self.reader.record = None
            self.show_library()
        self.runner.write(
            delete,
            lambda _none: self.reload(select_ids=[]),
            changes=Changes.of("practices", ids=ids, origin=self),
            owner=self,
            failed=self.fail_and_reload,
        )
        return True

    def delete_selected(self) -> bool:
        if self.is_reading and self.reader.record is not None:
            return self.delete_practices([self.reader.record.id])
        return self.delete_practices(self.selected_ids())

    # -- sharing -----------------------------------------------------------------------

    def _start(
        self,
        label: str,
        work: SessionWork[Any],
        done: Callable[..., None],
        changes: Changes | None = None,
    ) -> Job | None:
        if self.job is not None:
            return None
        # Exchange files hold the interpreter while they pack or read many practices and
        # files: a process of their own, so the GUI thread keeps turning.
        self.job = self.runner.process_job(self, label, work, done, changes=changes)
        self.job.finished.connect(self._job_done)
        self.state_changed.emit()
        return self.job

    def _job_done(self) -> None:
        self.job = None
        self.state_changed.emit()

    def export_practices(self) -> None:
        """Ask what to export (the selection or all published) and where, then write it."""
        selected = self.selected_ids()
        self.runner.query(
            lambda session: read_export_choice(session, selected),
            lambda choice: self._ask_export(selected, choice),
            owner=self,
        )

    def _ask_export(self, selected: list[int], choice: ExportChoice) -> None:
        dialog = ExportDialog(
            len(selected), choice.published, self, lambda selection: choice.removals[selection]
        )
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        ids = selected if dialog.exports_selection else None
        self.export_to_file(ids, dialog.keeps_personal_data)

    def export_to_file(
        self, practice_ids: Sequence[int] | None, keep_personal_data: bool = False
    ) -> Job | None:
        """Write the practices (None: all published) to a .postkit file the user names;
        names, e-mail addresses and phone numbers are left out unless `keep_personal_data`."""
        path = self._ask_path(
            self,
            EXCHANGE_KIND,
            self.tr("Export good practices"),
            "good-practices.postkit",
            self.tr("postkit exchange file (*.postkit)"),
        )
        if path is None:
            return None
        path = with_suffix(path, ".postkit")
        ids = list(practice_ids) if practice_ids is not None else None
        from postkit.core.practices.exchange import export_practices
        from postkit.core.processes import session_call

        work = session_call(
            export_practices,
            self._database.files_dir,
            path,
            ids,
            self._profile.post_name,
            keep_personal_data=keep_personal_data,
        )

        def done(count: int) -> None:
            self.last_export = (path, count)
            text = (
                self.tr("Exported 1 practice to {1}")
                if count == 1
                else self.tr("Exported {0} practices to {1}")
            )
            self.status_message.emit(text.format(count, path))

        return self._start(self.tr("Exporting good practices…"), work, done)

    def import_dialog(self) -> Job | None:
        paths = ask_exchange_files(self)
        return self.import_files(paths) if paths else None

    def import_files(self, paths: Sequence[Path | str]) -> Job | None:
        """Import .postkit files off the GUI thread, then show what happened."""
        files = [Path(path) for path in paths]
        if not files:
            return None
        from postkit.core.practices.exchange import import_practices
        from postkit.core.processes import session_call

        return self._start(
            self.tr("Importing good practices…"),
            session_call(import_practices, self._database.files_dir, files),
            self._show_import_summary,
            Changes.of("practices", origin=self),
        )

    def _show_import_summary(self, summary: ImportSummary) -> None:
        self.last_summary = summary
        self.reload()
        dialog = ImportSummaryDialog(summary, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.resolve_conflicts)
        dialog.finished.connect(lambda _result: setattr(self, "summary_dialog", None))
        self.summary_dialog = dialog
        dialog.open()

    def _update_conflict_notice(self) -> None:
        self.runner.query(
            lambda session: len(list_conflicts(session)),
            self._show_conflict_count,
            owner=self,
            key=f"practice-conflicts-{id(self)}",
        )

    def _show_conflict_count(self, count: int) -> None:
        self.conflicts_pending = count
        if count:
            text = (
                self.tr(
                    "An imported practice was also edited here since the posts last shared it. "
                    "Choose which version to keep."
                )
                if count == 1
                else self.tr(
                    "{0} imported practices were also edited here since the posts last shared "
                    "them. Choose which versions to keep."
                ).format(count)
            )
            self.conflict_notice.show_text(text, "#b45309")
        else:
            self.conflict_notice.show_text("", "#b45309")
        self.resolve_button.setVisible(bool(count))

    def resolve_conflicts(self) -> None:
        """Show the first waiting conflict (`conflict_dialog`); after a choice the next one
        follows."""
        self.runner.query(list_conflicts, self._show_first_conflict, owner=self)

    def _show_first_conflict(self, conflicts: Sequence[ConflictRecord]) -> None:
        if not conflicts:
            self._show_conflict_count(0)
            return
        dialog = ConflictDialog(conflicts[0], self._language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._conflict_chosen(dialog))
        self.conflict_dialog = dialog
        dialog.open()

    def _conflict_chosen(self, dialog: ConflictDialog) -> None:
        self.conflict_dialog = None
        if dialog.choice is None:
            self._update_conflict_notice()
            return
        conflict_id, choice, user = dialog.conflict.id, dialog.choice, self._profile.user_name

        def resolved(record: PracticeRecord) -> None:
            self.reload(select_ids=[record.id])
            self.resolve_conflicts()

        self.runner.write(
            lambda session: resolve_conflict(session, conflict_id, choice, user),
            resolved,
            changes=lambda record: Changes.of("practices", ids=[record.id], origin=self),
            owner=self,
            failed=self.fail_and_reload,
        )

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if exchange_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        paths = exchange_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_files(paths)

    def accept_drops_on(self, widget: QWidget) -> None:
        """Let .postkit files dropped anywhere on `widget` (the main window) come here."""
        widget.setAcceptDrops(True)
        forwarder = DropForwarder(self.import_files, widget)
        # Python must keep the filter alive, or its eventFilter override goes with the wrapper.
        self._drop_forwarders.append(forwarder)
        widget.installEventFilter(forwarder)

    # -- booklet and trainer mode ------------------------------------------------------

    def booklet_ids(self) -> list[int]:
        """The selection, or every practice shown when nothing is selected."""
        return self.selected_ids() or self.shown_ids

    def export_booklet(self) -> Job | None:
        ids = self.booklet_ids()
        if not ids or self.job is not None:
            return None
        self.job = export_booklet(
            self,
            self.runner,
            ids,
            self._language,
            self.tr("Good practices"),
            self._ask_path,
            lambda path: self.status_message.emit(self.tr("Booklet written to {0}").format(path)),
        )
        if self.job is not None:
            self.job.finished.connect(self._job_done)
            self.state_changed.emit()
        return self.job

    def present(self, reset_demo: Callable[[], None] | None = None) -> PresentationView:
        """Open trainer mode full screen on the practice being read or the first selected
        one; `reset_demo` (demo mode only) re-seeds the data."""
        reading = self.reader.record if self.is_reading else None
        chosen = reading.id if reading is not None else next(iter(self.selected_ids()), None)
        if self.presentation is not None:
            self.presentation.close()

        def reset_and_reload() -> None:
            assert reset_demo is not None
            reset_demo()
            self.reload()

        view = PresentationView(
            self.runner,
            self._language,
            reset_and_reload if reset_demo else None,
            self._ask_path,
            None,
        )
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.closed.connect(self._presentation_closed)
        self.presentation = view
        view.start(chosen)
        return view

    def _presentation_closed(self) -> None:
        self.presentation = None
        self.reload()
