"""The company register as a module: its actions and their enabled-state."""

from __future__ import annotations

from enum import Enum, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from postkit.ui.actions import ActionSpec
from postkit.ui.module import Module, ModuleContext, action

if TYPE_CHECKING:
    from postkit.core.profile import PostProfile
    from postkit.ui.companies.page import CompaniesPage


class CompanyAction(Enum):
    """The register's commands (a module may bring its own ids, see postkit.ui.actions)."""

    SHOW_COMPANIES = auto()
    NEW_COMPANY = auto()
    EDIT_COMPANY = auto()
    MERGE_COMPANIES = auto()
    FIND_DUPLICATES = auto()


class CompaniesModule(Module):
    name = "companies"
    page_module = "postkit.ui.companies.page"
    title = QT_TRANSLATE_NOOP("MainWindow", "Companies")
    menu_title = QT_TRANSLATE_NOOP("MainWindow", "Co&mpanies")
    show_id = CompanyAction.SHOW_COMPANIES
    show_spec = ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Companies"),
        QT_TRANSLATE_NOOP("Actions", "The register of companies and organisations"),
        "Ctrl+7",
    )
    toolbar = (
        CompanyAction.NEW_COMPANY,
        CompanyAction.EDIT_COMPANY,
        None,
        CompanyAction.MERGE_COMPANIES,
        CompanyAction.FIND_DUPLICATES,
    )
    searchable = True

    page: CompaniesPage | None

    def build_page(self, ctx: ModuleContext) -> CompaniesPage:
        from postkit.ui.companies.page import CompaniesPage

        page = CompaniesPage(
            ctx.runner, ctx.acting_profile(), ctx.language, ctx.window, ctx.undo_stack
        )
        page.status_message.connect(ctx.status_message)
        page.selection_changed.connect(self.state_changed)
        page.changed.connect(self.state_changed)
        return page

    @property
    def _page(self) -> CompaniesPage:
        assert self.page is not None
        return self.page

    @action(
        CompanyAction.NEW_COMPANY,
        QT_TRANSLATE_NOOP("Actions", "&New company…"),
        QT_TRANSLATE_NOOP("Actions", "Add a company or organisation to the register"),
        "Ctrl+Shift+O",
        "domain-plus",
        menu="companies",
    )
    def new_company(self) -> None:
        self._page.new_company()

    @action(
        CompanyAction.EDIT_COMPANY,
        QT_TRANSLATE_NOOP("Actions", "&Edit company…"),
        QT_TRANSLATE_NOOP("Actions", "Edit the selected company and its contact persons"),
        None,
        "pencil-outline",
        menu="companies",
    )
    def edit_company(self) -> None:
        self._page.edit_selected()

    @action(
        CompanyAction.MERGE_COMPANIES,
        QT_TRANSLATE_NOOP("Actions", "&Merge two records…"),
        QT_TRANSLATE_NOOP("Actions", "Merge the two selected records of one company (undoable)"),
        "Ctrl+Shift+M",
        "call-merge",
        menu="companies",
        separator=True,
    )
    def merge_companies(self) -> None:
        self._page.merge_selected()

    @action(
        CompanyAction.FIND_DUPLICATES,
        QT_TRANSLATE_NOOP("Actions", "Find &duplicates…"),
        QT_TRANSLATE_NOOP(
            "Actions", "List the records that look like one company (same KvK number or name)"
        ),
        None,
        "content-duplicate",
        menu="companies",
    )
    def find_duplicates(self) -> None:
        self._page.find_duplicates()

    def update_page_actions(self) -> None:
        page = self._page
        self.enable(CompanyAction.NEW_COMPANY, True)
        self.enable(CompanyAction.EDIT_COMPANY, len(page.selected_ids()) == 1)
        self.enable(CompanyAction.MERGE_COMPANIES, page.can_merge)
        self.enable(CompanyAction.FIND_DUPLICATES, True)

    def focus_search(self) -> None:
        self._page.focus_search()

    def profile_changed(self, profile: PostProfile) -> None:
        if self.page is not None:
            self.page.set_profile(profile)
