"""What the record tables share: the label a list shows instead of its table when empty, and
the header's menu to show or hide columns."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QMenu, QTableView, QWidget


def empty_state_label(parent: QWidget, margin: int = 16) -> QLabel:
    """A centred rich-text label that says why a list is empty and what to do."""
    label = QLabel(parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setMargin(margin)
    return label


def offer_column_choice(table: QTableView, keep: int) -> None:
    """A right click on the header offers to show or hide each column but `keep`."""
    header = table.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(
        lambda position: _choose_columns(table, keep, position)
    )


def _choose_columns(table: QTableView, keep: int, position: QPoint) -> None:
    header, model = table.horizontalHeader(), table.model()
    menu = QMenu(table)
    for column in range(model.columnCount()):
        if column == keep:
            continue
        action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(column))
        action.toggled.connect(lambda visible, c=column: header.setSectionHidden(c, not visible))
    menu.exec(header.mapToGlobal(position))
