"""The post's side of receipts: storing headquarters' public key to check them with."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from postkit.ui.ops import Changes
from postkit.ui.widgets.save_paths import ask_open_path

if TYPE_CHECKING:
    from postkit.ui.module import ModuleContext


def ask_receipt_key_file(ctx: ModuleContext) -> Path | None:
    return ask_open_path(
        ctx.window,
        "receipt-key",
        QCoreApplication.translate("ReceiptKey", "Import headquarters' receipt key"),
        QCoreApplication.translate("ReceiptKey", "Receipt keys (*.postkit-key)"),
    )


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
