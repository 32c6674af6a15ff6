"""Headquarters as a module: its actions and their enabled-state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from postkit.ui.actions import ActionId, ActionSpec
from postkit.ui.module import Module, ModuleContext, action

if TYPE_CHECKING:
    from postkit.ui.hq.page import HeadquartersPage
    from postkit.ui.hq.receipt_commands import ReceiptCommands


class HeadquartersModule(Module):
    name = "hq"
    page_module = "postkit.ui.hq.page"
    title = QT_TRANSLATE_NOOP("MainWindow", "Headquarters")
    menu_title = QT_TRANSLATE_NOOP("MainWindow", "Head&quarters")
    show_spec = ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Headquarters"),
        QT_TRANSLATE_NOOP("Actions", "Aggregate the survey exports of the posts"),
        "Ctrl+6",
    )
    survey_toolbar = (
        ActionId.HQ_ADD_FILES,
        ActionId.HQ_ADD_FOLDER,
        ActionId.HQ_AGGREGATE,
        None,
        ActionId.HQ_SAVE_SUMMARY,
        ActionId.HQ_SAVE_REPORT,
    )
    network_toolbar = (
        ActionId.HQ_READ_RETURNS,
        None,
        ActionId.HQ_SAVE_NETWORK_TABLES,
        ActionId.HQ_SAVE_NETWORK_REPORT,
    )

    @property  # type: ignore[override]
    def toolbar(self) -> tuple[ActionId | None, ...]:
        """The commands of the tab shown: the survey's, or the network's."""
        if self.page is not None and self.page.is_network_shown:
            return self.network_toolbar
        return self.survey_toolbar

    page: HeadquartersPage | None
    receipts: ReceiptCommands

    def build_page(self, ctx: ModuleContext) -> HeadquartersPage:
        from postkit.ui.hq.page import HeadquartersPage
        from postkit.ui.hq.receipt_commands import ReceiptCommands

        page = HeadquartersPage(ctx.runner, ctx.acting_profile(), ctx.language, ctx.window)
        self.connect_page(page)
        page.page_tabs.currentChanged.connect(lambda _index: self.toolbar_changed())
        self.receipts = ReceiptCommands(ctx)
        return page

    @property
    def _page(self) -> HeadquartersPage:
        assert self.page is not None
        return self.page

    @action(
        ActionId.HQ_ADD_FILES,
        QT_TRANSLATE_NOOP("Actions", "Add export &files…"),
        QT_TRANSLATE_NOOP("Actions", "Add post export files to aggregate"),
        None,
        "file-plus-outline",
        menu="hq",
    )
    def add_files(self) -> None:
        self._page.show_survey()
        self._page.add_files()

    @action(
        ActionId.HQ_ADD_FOLDER,
        QT_TRANSLATE_NOOP("Actions", "Add a f&older of exports…"),
        QT_TRANSLATE_NOOP("Actions", "Add every export file in a folder"),
        None,
        "folder-plus-outline",
        menu="hq",
    )
    def add_folder(self) -> None:
        self._page.show_survey()
        self._page.add_folder()

    @action(
        ActionId.HQ_AGGREGATE,
        QT_TRANSLATE_NOOP("Actions", "&Aggregate"),
        QT_TRANSLATE_NOOP("Actions", "Check and store the listed exports and build the summary"),
        "Ctrl+Shift+A",
        "sigma",
        menu="hq",
    )
    def aggregate(self) -> None:
        self._page.show_survey()
        self._page.aggregate()

    @action(
        ActionId.HQ_SAVE_SUMMARY,
        QT_TRANSLATE_NOOP("Actions", "Save &summary (.xlsx)…"),
        QT_TRANSLATE_NOOP("Actions", "Write the summary workbook"),
        None,
        "file-excel-outline",
        menu="hq",
        separator=True,
    )
    def save_summary(self) -> None:
        self._page.show_survey()
        self._page.save_summary()

    @action(
        ActionId.HQ_SAVE_REPORT,
        QT_TRANSLATE_NOOP("Actions", "Save &report (PDF)…"),
        QT_TRANSLATE_NOOP("Actions", "Write the report with charts"),
        None,
        "file-pdf-box",
        menu="hq",
    )
    def save_report(self) -> None:
        self._page.show_survey()
        self._page.save_report()

    @action(
        ActionId.HQ_READ_RETURNS,
        QT_TRANSLATE_NOOP("Actions", "Rea&d annual returns…"),
        QT_TRANSLATE_NOOP("Actions", "Check and hold every annual return (.xlsx) in a folder"),
        None,
        "folder-plus-outline",
        menu="hq",
        separator=True,
    )
    def read_returns(self) -> None:
        self._page.show_network()
        self._page.network_view.read_folder()

    @action(
        ActionId.HQ_SAVE_NETWORK_TABLES,
        QT_TRANSLATE_NOOP("Actions", "Save network &tables (.xlsx)…"),
        QT_TRANSLATE_NOOP("Actions", "Write the network picture's tables as a workbook"),
        None,
        "file-excel-outline",
        menu="hq",
    )
    def save_network_tables(self) -> None:
        self._page.show_network()
        self._page.network_view.save_tables()

    @action(
        ActionId.HQ_SAVE_NETWORK_REPORT,
        QT_TRANSLATE_NOOP("Actions", "Save net&work report (PDF)…"),
        QT_TRANSLATE_NOOP("Actions", "Write the network report with charts"),
        None,
        "file-pdf-box",
        menu="hq",
    )
    def save_network_report(self) -> None:
        self._page.show_network()
        self._page.network_view.save_report()

    @action(
        ActionId.HQ_WRITE_RECEIPTS,
        QT_TRANSLATE_NOOP("Actions", "Write re&ceipts…"),
        QT_TRANSLATE_NOOP("Actions", "Write a receipt file for each post whose files arrived"),
        None,
        "receipt-text-outline",
        menu="hq",
    )
    def write_receipts(self) -> None:
        self.receipts.write_receipts()

    @action(
        ActionId.HQ_EXPORT_RECEIPT_KEY,
        QT_TRANSLATE_NOOP("Actions", "Export the receipt &key…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Write the public key the posts check headquarters' receipts with"
        ),
        None,
        "file-export-outline",
        menu="hq",
    )
    def export_receipt_key(self) -> None:
        self.receipts.export_receipt_key()

    def update_page_actions(self) -> None:
        page = self._page
        self.enable(ActionId.HQ_ADD_FILES, not page.is_busy)
        self.enable(ActionId.HQ_ADD_FOLDER, not page.is_busy)
        self.enable(ActionId.HQ_AGGREGATE, page.can_aggregate)
        self.enable(ActionId.HQ_SAVE_SUMMARY, page.can_save)
        self.enable(ActionId.HQ_SAVE_REPORT, page.can_save)
        network = page.network_view
        self.enable(ActionId.HQ_READ_RETURNS, network.job is None)
        self.enable(ActionId.HQ_SAVE_NETWORK_TABLES, network.can_save)
        self.enable(ActionId.HQ_SAVE_NETWORK_REPORT, network.can_save)
        self.enable(ActionId.HQ_WRITE_RECEIPTS, not page.is_busy)
        self.enable(ActionId.HQ_EXPORT_RECEIPT_KEY, True)

    def close(self) -> None:
        if self.page is not None and self.page.job is not None:
            self.page.job.cancel()
            self.page.job.wait()
