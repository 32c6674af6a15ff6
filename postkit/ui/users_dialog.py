"""The people at the post: the list to manage, and the choice of who is working now."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from postkit.core.users import (
    NAME_LENGTH,
    PostUser,
    add_user,
    list_users,
    rename_user,
    set_user_active,
)
from postkit.ui.dialogs import error_label, show_error
from postkit.ui.ops import Changes, Runner

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_USER_ID = Qt.ItemDataRole.UserRole


class UsersDialog(QDialog):
    """Add, rename, deactivate and reactivate the people who use postkit at the post.

    The list is read and changed through the runner, off the GUI thread; an error is shown
    over the dialog and the list read again."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._users: list[PostUser] = []
        self.setWindowTitle(self.tr("Users"))
        self.setMinimumSize(440, 420)
        intro = QLabel(
            self.tr(
                "The people at the post who use postkit. Each picks their name when postkit "
                "starts, and records name who created and changed them. A name is a label, not "
                "a login: postkit does not check who picks it, so on a shared laptop a record "
                "shows the name that was picked. Someone who left the post is deactivated: "
                "their name stays on their records."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Users"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Name of a new user"))
        self.name.setAccessibleName(self.name.placeholderText())
        self.name.setMaxLength(NAME_LENGTH)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.rename_button = QPushButton(self.tr("&Rename…"), self)
        self.active_button = QPushButton(self.tr("&Deactivate"), self)
        self.error_label = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        add_row = QHBoxLayout()
        add_row.addWidget(self.name, 1)
        add_row.addWidget(self.add_button)
        edit_row = QHBoxLayout()
        edit_row.addStretch(1)
        edit_row.addWidget(self.rename_button)
        edit_row.addWidget(self.active_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(edit_row)
        layout.addLayout(add_row)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.name.textChanged.connect(self._validate)
        self.name.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.active_button.clicked.connect(self.toggle_active)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        self.runner.query(
            lambda session: list_users(session, include_inactive=True),
            lambda users: self._show_users(users, select_id),
            owner=self,
            key=f"users-{id(self)}",
        )

    def _show_users(self, users: list[PostUser], select_id: int | None) -> None:
        self._users = users
        self.list.clear()
        disabled = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for user in self._users:
            text = user.name if user.is_active else self.tr("{0} (left the post)").format(user.name)
            item = QListWidgetItem(text, self.list)
            item.setData(_USER_ID, user.id)
            if not user.is_active:
                item.setForeground(disabled)
            if user.id == select_id:
                self.list.setCurrentItem(item)
        self._validate()
        self._update_buttons()

    def current_user(self) -> PostUser | None:
        row = self.list.currentRow()
        return self._users[row] if 0 <= row < len(self._users) else None

    def _is_taken(self, name: str, except_id: int | None = None) -> bool:
        folded = " ".join(name.split()).casefold()
        return any(u.name.casefold() == folded and u.id != except_id for u in self._users)

    def _validate(self) -> bool:
        name = self.name.text().strip()
        taken = self._is_taken(name) and any(
            u.is_active for u in self._users if u.name.casefold() == name.casefold()
        )
        self.error_label.setText(
            self.tr("{0} is in the list already.").format(name) if taken else ""
        )
        self.add_button.setEnabled(bool(name) and not taken)
        return bool(name) and not taken

    def _update_buttons(self) -> None:
        user = self.current_user()
        active_count = sum(u.is_active for u in self._users)
        self.rename_button.setEnabled(user is not None)
        self.active_button.setText(
            self.tr("&Reactivate")
            if user is not None and not user.is_active
            else self.tr("&Deactivate")
        )
        self.active_button.setEnabled(user is not None and (not user.is_active or active_count > 1))

    def _change(
        self,
        change: Callable[[Session], PostUser],
        then: Callable[[], None] | None = None,
    ) -> None:
        """Write `change(session)`, then show the list as it is now with that user selected."""

        def done(user: PostUser) -> None:
            if then is not None:
                then()
            self.reload(select_id=user.id)

        def failed(error: BaseException) -> None:
            show_error(self, error)
            self.reload()

        self.runner.write(
            change,
            done,
            changes=Changes.of("users", origin=self),
            owner=self,
            failed=failed,
        )

    def add(self) -> None:
        if not self._validate():
            return
        name = self.name.text()
        self._change(lambda session: add_user(session, name), then=self.name.clear)

    def rename(self) -> None:
        user = self.current_user()
        if user is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename user"), self.tr("Name:"), QLineEdit.EchoMode.Normal, user.name
        )
        if not ok or not name.strip() or name.strip() == user.name:
            return
        user_id = user.id
        self._change(lambda session: rename_user(session, user_id, name))

    def toggle_active(self) -> None:
        user = self.current_user()
        if user is None:
            return
        user_id, active = user.id, not user.is_active
        self._change(lambda session: set_user_active(session, user_id, active))


class UserPickDialog(QDialog):
    """Who is working now: records made from here on name this person."""

    def __init__(self, names: list[str], current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is working?"))
        self.setMinimumSize(320, 320)
        intro = QLabel(self.tr("Pick your name. Records you create or change will name you."), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Users"))
        for name in names:
            item = QListWidgetItem(name, self.list)
            if name == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and names:
            self.list.setCurrentRow(0)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.currentRowChanged.connect(lambda row: self.ok_button.setEnabled(row >= 0))
        self.ok_button.setEnabled(self.list.currentRow() >= 0)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.list.setFocus()

    def chosen_name(self) -> str:
        item = self.list.currentItem()
        return item.text() if item is not None else ""
