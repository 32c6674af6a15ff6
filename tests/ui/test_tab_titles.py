"""Tab titles set only when their text changes (widgets/tabs.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from postkit.ui.widgets.tabs import set_tab_text


class _LayoutAndPaint(QObject):
    """Counts the layout requests and paints any widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Paint):
            self.count += 1
        return False


def test_the_same_title_again_lays_out_and_paints_nothing(qtbot: QtBot) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "Checklist (1/13)")
    tabs.addTab(QWidget(), "Sanctions")
    tabs.show()
    qtbot.waitExposed(tabs)
    QApplication.processEvents()
    counter = _LayoutAndPaint()
    QApplication.instance().installEventFilter(counter)
    try:
        set_tab_text(tabs, 0, "Checklist (1/13)")
        QApplication.processEvents()
        assert counter.count == 0  # QTabWidget.setTabText would lay out and paint the tabs
        set_tab_text(tabs, 0, "Checklist (2/13)")
        QApplication.processEvents()
        assert counter.count > 0
    finally:
        QApplication.instance().removeEventFilter(counter)
    assert tabs.tabText(0) == "Checklist (2/13)" and tabs.tabText(1) == "Sanctions"
