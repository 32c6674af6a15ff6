"""The post's side of receipts: storing headquarters' public key to check them with."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from postkit.ui.ops import Changes

if TYPE_CHECKING:
    from postkit.ui.module import ModuleContext


def ask_receipt_key_file(ctx: ModuleContext) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        ctx.window,
        QCoreApplication.translate("ReceiptKey", "Import headquarters' receipt key"),
        ctx.last_folder(),
        QCoreApplication.translate("ReceiptKey", "Receipt keys (*.postkit-key)"),
    )
    return Path(path) if path else None


def import_receipt_key(ctx: ModuleContext, path: Path | None = None) -> None:
    """Store headquarters' key; the status bar shows its short fingerprint, to compare."""
    from postkit.core.surveys.receipts import import_hq_key

    path = path or ask_receipt_key_file(ctx)
    if path is None:
        return
    user = ctx.acting_profile().user_name
    ctx.runner.write(
        lambda session: import_hq_key(session, path, user).short,
        lambda short: ctx.status_message(
            QCoreApplication.translate(
                "ReceiptKey", "Headquarters' receipt key {0} stored: compare it with headquarters'"
            ).format(short)
        ),
        changes=Changes.of("receipts"),
        owner=ctx.window,
    )
