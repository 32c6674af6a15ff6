"""Walks a window's accessibility tree as a screen reader does and names what it cannot read."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QRadioButton,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

Role = QAccessible.Role
# The roles a screen reader may announce for each kind of interactive widget.
ROLES: tuple[tuple[type[QWidget], set[Role]], ...] = (
    (QCheckBox, {Role.CheckBox}),
    (QRadioButton, {Role.RadioButton}),
    (QAbstractButton, {Role.PushButton, Role.ButtonMenu, Role.ButtonDropDown, Role.PageTab}),
    (QComboBox, {Role.ComboBox}),
    (QLineEdit, {Role.EditableText}),
    (QTextEdit, {Role.EditableText, Role.StaticText}),
    (QPlainTextEdit, {Role.EditableText}),
    (QAbstractSpinBox, {Role.SpinBox}),
    (QTableView, {Role.Table}),
    (QTreeView, {Role.Tree, Role.Table}),
    (QListView, {Role.List}),
)


def _interfaces(root: QAccessibleInterface, depth: int = 0) -> list[QAccessibleInterface]:
    found = [root]
    if depth > 60:
        return found
    for index in range(root.childCount()):
        child = root.child(index)
        if child is not None and child.isValid():
            found += _interfaces(child, depth + 1)
    return found


def accessibility_problems(window: QWidget, checked: list[QWidget] | None = None) -> list[str]:
    """Each interactive widget reached from the window's accessible tree that has no name or
    not its kind's role; `checked` collects the widgets looked at."""
    checked = [] if checked is None else checked
    root = QAccessible.queryAccessibleInterface(window)
    assert root is not None
    problems: list[str] = []
    seen: set[int] = set()
    # A toolbar reads its buttons as its actions: those widgets are asked for one by one.
    shown = [QAccessible.queryAccessibleInterface(w) for w in window.findChildren(QWidget)]
    for interface in _interfaces(root) + [i for i in shown if i is not None]:
        widget = interface.object()
        if not isinstance(widget, QWidget) or id(widget) in seen:
            continue
        seen.add(id(widget))
        if not widget.isVisible() or interface.state().invisible:
            continue
        if isinstance(widget.parent(), (QAbstractSpinBox, QComboBox, QAbstractItemView)):
            continue  # the inner line edit or viewport of a composite widget
        roles = next((roles for kind, roles in ROLES if isinstance(widget, kind)), None)
        if roles is None:
            continue
        described = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        name = interface.text(QAccessible.Text.Name).strip()
        if not name:
            hint = (
                getattr(widget, "placeholderText", lambda: "")()
                or getattr(widget, "toolTip", lambda: "")()
            )
            problems.append(f"{described} has no accessible name (hint {hint!r})")
        if widget.property("checkable") and isinstance(widget, QAbstractButton):
            roles = roles | {Role.CheckBox}  # a toggle button reads as checked or not
        checked.append(widget)
        if interface.role() not in roles:
            problems.append(f"{described} {name!r} has role {interface.role()}")
    return problems
