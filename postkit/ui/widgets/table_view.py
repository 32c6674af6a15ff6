"""What the record tables share: how a table of records looks and selects, the label a list
shows instead of its table when empty, and the header's menu to show or hide columns."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractItemModel, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMenu, QTableView, QWidget


def record_table(
    parent: QWidget,
    model: QAbstractItemModel,
    accessible_name: str,
    *,
    single_selection: bool = False,
    row_padding: int | None = None,
    widths: Mapping[int, int] | None = None,
    stretch: int | None = None,
) -> QTableView:
    """A table of records, one per line: whole rows selected, alternating colours, no row
    numbers, columns the user can resize; `widths` by column, `stretch` the one that fills."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    if row_padding is not None:
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + row_padding)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in (widths or {}).items():
        header.resizeSection(column, width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


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
