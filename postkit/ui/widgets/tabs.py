"""Tab titles that change only when their text does."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget


def set_tab_text(tabs: QTabWidget, index: int, text: str) -> None:
    """Give tab `index` the title `text`, doing nothing when it has it already.

    QTabBar lays out and repaints the whole tab widget on every setTabText, the same text
    included: the screening page set its two titles after each save of a checklist step,
    so the page was laid out and painted again while the officer typed a note.
    """
    if tabs.tabText(index) != text:
        tabs.setTabText(index, text)
