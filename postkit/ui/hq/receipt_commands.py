"""Headquarters' receipts: a receipt file per post whose exports arrived, and the public key
the posts check them with."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from postkit.core.errors import PostkitError
from postkit.ui.dialogs import show_error
from postkit.ui.widgets.save_paths import ask_folder, ask_save_path

if TYPE_CHECKING:
    from postkit.ui.module import ModuleContext


class ReceiptCommands(QObject):
    """`receipts_written(paths)` fires once the receipt files are written."""

    receipts_written = Signal(list)

    def __init__(self, ctx: ModuleContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx

    def ask_receipts_folder(self) -> Path | None:
        return ask_folder(self.ctx.window, "hq-receipts", self.tr("Write the receipts into"))

    def write_receipts(self) -> None:
        """A receipt file for each post whose exports arrived."""
        from postkit.core.hq.receipts import write_receipts_of_arrivals
        from postkit.core.processes import session_call

        folder = self.ask_receipts_folder()
        if folder is None:
            return

        def done(written: list[tuple[Path, object]]) -> None:
            self.ctx.status_message(
                self.tr("%n receipts written to {0}", "", len(written)).format(folder)
            )
            self.receipts_written.emit([path for path, _receipt in written])

        # Signing and writing a receipt per post holds the interpreter: a process of its own.
        self.ctx.runner.process_job(
            self.ctx.window,
            self.tr("Writing the receipts…"),
            session_call(write_receipts_of_arrivals, folder),
            done,
        )

    def ask_receipt_key_path(self) -> Path | None:
        return ask_save_path(
            self.ctx.window,
            "receipt-key",
            self.tr("Export the receipt key"),
            "headquarters.postkit-key",
            self.tr("Receipt keys (*.postkit-key)"),
        )

    def export_receipt_key(self) -> Path | None:
        """Write the public key the posts check receipts with (a file, no database)."""
        from postkit.core.receipt_signing import export_public_key, hq_signing_key, public_key_of

        path = self.ask_receipt_key_path()
        if path is None:
            return None
        try:
            export_public_key(path)
            short = public_key_of(hq_signing_key()).short
        except PostkitError as error:
            show_error(self.ctx.window, error)
            return None
        except OSError as error:
            show_error(self.ctx.window, PostkitError(f"{path}: {error.strerror or error}"))
            return None
        self.ctx.status_message(
            self.tr("Receipt key {0} written to {1}: give it to each post").format(short, path)
        )
        return path
