"""Screening against the IMVO conditions as a module: its actions and their enabled-state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from postkit.ui import settings as keys
from postkit.ui.actions import ActionId, ActionSpec, Key
from postkit.ui.module import Module, ModuleContext, action

if TYPE_CHECKING:
    from postkit.core.profile import PostProfile
    from postkit.ui.screening.page import ScreeningPage


class ScreeningModule(Module):
    name = "screening"
    page_module = "postkit.ui.screening.page"
    title = QT_TRANSLATE_NOOP("MainWindow", "IMVO conditions")
    menu_title = QT_TRANSLATE_NOOP("MainWindow", "&Screening")
    show_spec = ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&IMVO conditions"),
        QT_TRANSLATE_NOOP("Actions", "Screening of companies' requests for support"),
        "Ctrl+3",
    )
    toolbar = (
        ActionId.NEW_REQUEST,
        ActionId.EDIT_REQUEST,
        ActionId.SCREEN_REQUEST,
        None,
        ActionId.PRINT_DECISION_RECORD,
    )
    searchable = True

    page: ScreeningPage | None

    def build_page(self, ctx: ModuleContext) -> ScreeningPage:
        from postkit.ui.screening.page import ScreeningPage

        page = ScreeningPage(ctx.runner, ctx.acting_profile(), ctx.language, ctx.window)
        page.set_max_list_age_days(ctx.settings.get(keys.LIST_MAX_AGE_DAYS))
        page.changed.connect(self.state_changed)
        page.selection_changed.connect(self.state_changed)
        self.connect_page(page)
        return page

    @action(
        ActionId.NEW_REQUEST,
        QT_TRANSLATE_NOOP("Actions", "New support &request…"),
        QT_TRANSLATE_NOOP("Actions", "Record a company's request for support"),
        "Ctrl+Shift+N",
        "file-plus-outline",
        menu="screening",
    )
    def new_request(self) -> None:
        self._page.new_request()

    @action(
        ActionId.EDIT_REQUEST,
        QT_TRANSLATE_NOOP("Actions", "&Edit request…"),
        QT_TRANSLATE_NOOP("Actions", "Edit the company and support data of the request"),
        None,
        "file-document-edit-outline",
        menu="screening",
    )
    def edit_request(self) -> None:
        self._page.edit_request()

    @action(
        ActionId.SCREEN_REQUEST,
        QT_TRANSLATE_NOOP("Actions", "Screen against the &sanctions list"),
        QT_TRANSLATE_NOOP("Actions", "Match the company and its directors against the list"),
        "Ctrl+Shift+K",
        "account-search-outline",
        menu="screening",
    )
    def screen_request(self) -> None:
        self._page.screen_current()

    @action(
        ActionId.PRINT_DECISION_RECORD,
        QT_TRANSLATE_NOOP("Actions", "&Print decision record (PDF)…"),
        QT_TRANSLATE_NOOP("Actions", "Write the request's decision record as PDF"),
        Key.Print,
        "printer-outline",
        menu="screening",
    )
    def print_decision_record(self) -> None:
        self._page.print_decision_record()

    @action(
        ActionId.IMPORT_SANCTIONS_LIST,
        QT_TRANSLATE_NOOP("Actions", "Import sanctions &list…"),
        QT_TRANSLATE_NOOP("Actions", "Import a sanctions list (targets.simple.csv)"),
        None,
        "database-import-outline",
        menu="screening",
        separator=True,
    )
    def import_sanctions_list(self) -> None:
        self._page.import_sanctions_list()

    @action(
        ActionId.IMPORT_RISK_TABLE,
        QT_TRANSLATE_NOOP("Actions", "Import risk &table…"),
        QT_TRANSLATE_NOOP("Actions", "Import a country or sector risk table"),
        None,
        "scale-balance",
        menu="screening",
    )
    def import_risk_table(self) -> None:
        self._page.import_risk_table()

    @property
    def _page(self) -> ScreeningPage:
        assert self.page is not None
        return self.page

    def update_page_actions(self) -> None:
        page = self._page
        record = page.current_record
        idle = not page.is_busy
        open_request = record is not None and not record.is_decided
        self.enable(ActionId.NEW_REQUEST, True)
        self.enable(ActionId.EDIT_REQUEST, open_request)
        self.enable(ActionId.SCREEN_REQUEST, open_request and idle)
        self.enable(ActionId.PRINT_DECISION_RECORD, record is not None)
        self.enable(ActionId.IMPORT_SANCTIONS_LIST, idle)
        self.enable(ActionId.IMPORT_RISK_TABLE, idle)

    def focus_search(self) -> None:
        self._page.focus_search()

    def profile_changed(self, profile: PostProfile) -> None:
        if self.page is not None:
            self.page.set_profile(profile)

    def leave(self) -> None:
        # Unsaved checklist notes are stored before the officer leaves the module.
        if self.page is not None:
            self.page.commit_pending()

    def close(self) -> None:
        self.leave()
        if self.page is not None and self.page.job is not None:
            self.page.job.cancel()
