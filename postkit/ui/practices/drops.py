"""Exchange files dropped on the main window go to the good-practice library.

Kept apart from the page so the window takes drops from the start without building the
library's page (built when first needed: by the first drop).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from postkit.ui.overrides import override

EXCHANGE_SUFFIX = ".postkit"


def is_exchange_file(path: Path) -> bool:
    return path.suffix.lower() == EXCHANGE_SUFFIX


def exchange_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The .postkit files among what is being dragged."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if is_exchange_file(path)]


class DropForwarder(QObject):
    """An event filter handing the exchange files dropped on its parent to `import_files`."""

    def __init__(self, import_files: Callable[[list[Path]], object], parent: QObject) -> None:
        super().__init__(parent)
        self._import_files = import_files

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.DragEnter and exchange_paths(event):  # type: ignore[arg-type]
            event.acceptProposedAction()  # type: ignore[attr-defined]
            return True
        if kind == QEvent.Type.Drop and exchange_paths(event):  # type: ignore[arg-type]
            event.acceptProposedAction()  # type: ignore[attr-defined]
            self._import_files(exchange_paths(event))  # type: ignore[arg-type]
            return True
        return False
