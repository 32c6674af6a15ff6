"""Surveys as a module: its actions and their enabled-state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from postkit.ui.actions import ActionId, ActionSpec
from postkit.ui.module import Module, ModuleContext, action

if TYPE_CHECKING:
    from postkit.core.profile import PostProfile
    from postkit.ui.ops import Changes
    from postkit.ui.surveys.page import SurveysPage


class SurveysModule(Module):
    name = "surveys"
    page_module = "postkit.ui.surveys.page"
    title = QT_TRANSLATE_NOOP("MainWindow", "Surveys")
    menu_title = QT_TRANSLATE_NOOP("MainWindow", "S&urveys")
    show_spec = ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Surveys"),
        QT_TRANSLATE_NOOP("Actions", "The evaluation survey and other surveys"),
        "Ctrl+5",
    )
    toolbar = (
        ActionId.START_RESPONSE,
        ActionId.CONTINUE_DRAFT,
        None,
        ActionId.EXPORT_RESPONSES,
        ActionId.IMPORT_RECEIPT,
    )

    page: SurveysPage | None

    def build_page(self, ctx: ModuleContext) -> SurveysPage:
        from postkit.ui.surveys.page import SurveysPage

        page = SurveysPage(ctx.runner, ctx.acting_profile(), ctx.language, ctx.window)
        self.connect_page(page)
        return page

    @property
    def _page(self) -> SurveysPage:
        assert self.page is not None
        return self.page

    @action(
        ActionId.START_RESPONSE,
        QT_TRANSLATE_NOOP("Actions", "Start a survey &response…"),
        QT_TRANSLATE_NOOP("Actions", "Answer the selected survey"),
        None,
        "clipboard-play-outline",
        menu="surveys",
    )
    def start_response(self) -> None:
        self._page.start_new_response()

    @action(
        ActionId.CONTINUE_DRAFT,
        QT_TRANSLATE_NOOP("Actions", "&Continue survey draft"),
        QT_TRANSLATE_NOOP("Actions", "Go on with a response that was not submitted yet"),
        None,
        "clipboard-edit-outline",
        menu="surveys",
    )
    def continue_draft(self) -> None:
        self._page.continue_draft()

    @action(
        ActionId.IMPORT_SURVEY,
        QT_TRANSLATE_NOOP("Actions", "Import a survey (&XLSForm)…"),
        QT_TRANSLATE_NOOP("Actions", "Add a survey designed as an XLSForm workbook"),
        None,
        "file-import-outline",
        menu="surveys",
        separator=True,
    )
    def import_survey(self) -> None:
        self._page.import_survey()

    @action(
        ActionId.EXPORT_RESPONSES,
        QT_TRANSLATE_NOOP("Actions", "Export survey r&esponses…"),
        QT_TRANSLATE_NOOP("Actions", "Export the post's responses for headquarters"),
        None,
        "file-export-outline",
        menu="surveys",
    )
    def export_responses(self) -> None:
        self._page.export_responses()

    @action(
        ActionId.IMPORT_RECEIPT,
        QT_TRANSLATE_NOOP("Actions", "Import a rece&ipt…"),
        QT_TRANSLATE_NOOP("Actions", "Import headquarters' receipt of the exports the post sent"),
        None,
        "receipt-text-check-outline",
        menu="surveys",
    )
    def import_receipt(self) -> None:
        self._page.choose_receipts()

    @action(
        ActionId.IMPORT_RECEIPT_KEY,
        QT_TRANSLATE_NOOP("Actions", "Import headquarters' receipt &key…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Store the key that shows a receipt really comes from headquarters"
        ),
        None,
        "shield-check-outline",
        menu="surveys",
    )
    def import_receipt_key(self) -> None:
        from postkit.ui.surveys.receipt_key import import_receipt_key

        assert self.ctx is not None
        import_receipt_key(self.ctx)

    def update_page_actions(self) -> None:
        page = self._page
        self.enable(ActionId.START_RESPONSE, page.can_start)
        self.enable(ActionId.CONTINUE_DRAFT, page.can_continue)
        self.enable(ActionId.IMPORT_SURVEY, page.job is None)
        self.enable(ActionId.EXPORT_RESPONSES, page.can_export)
        self.enable(ActionId.IMPORT_RECEIPT, True)
        self.enable(ActionId.IMPORT_RECEIPT_KEY, True)

    def on_changed(self, changes: Changes) -> None:
        if self.page is not None and changes.touches("receipts"):
            self.page.reload_receipts()

    def profile_changed(self, profile: PostProfile) -> None:
        if self.page is not None:
            self.page.set_profile(profile)

    def leave(self) -> None:
        if self.page is not None:
            self.page.flush()

    def close(self) -> None:
        self.leave()
        if self.page is not None and self.page.job is not None:
            self.page.job.cancel()
            self.page.job.wait()
