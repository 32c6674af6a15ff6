"""First-run (and later) dialog for the post's profile: post, countries and the user's name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from postkit.core import reference
from postkit.core.profile import PostProfile
from postkit.ui.dialogs import CheckedDialog, error_label
from postkit.ui.widgets.check_list import CheckList


class ProfileDialog(CheckedDialog):
    def __init__(
        self,
        profile: PostProfile | None = None,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your post") if profile else self.tr("Welcome to postkit"))
        self.setMinimumSize(520, 520)
        intro = QLabel(
            self.tr(
                "postkit keeps your post's IMVO work on this computer. Tell it which post this "
                "is and who you are; every record notes who created and changed it."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.post_name = QLineEdit(self)
        self.post_name.setPlaceholderText(self.tr("e.g. Embassy Nairobi"))
        self.user_name = QLineEdit(self)
        self.user_name.setPlaceholderText(self.tr("Your name"))
        self.countries = CheckList(reference.countries(), language, self)
        self.countries.list.setSortingEnabled(True)
        self.countries.list.sortItems(Qt.SortOrder.AscendingOrder)
        self.error_label = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        if profile is not None:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            self.post_name.setText(profile.post_name)
            self.user_name.setText(profile.user_name)
            self.countries.set_checked_codes(profile.countries)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Post:"), self.post_name)
        form.addRow(self.tr("Your &name:"), self.user_name)
        countries_label = self.tr("&Countries of accreditation:")
        self.countries.set_name(countries_label)
        form.addRow(countries_label, self.countries)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.post_name.textChanged.connect(self._validate)
        self.user_name.textChanged.connect(self._validate)
        self.countries.changed.connect(self._validate)
        self._validate()

    def profile(self) -> PostProfile:
        return PostProfile(
            self.post_name.text().strip(),
            self.countries.checked_codes(),
            self.user_name.text().strip(),
        )

    def _validate(self) -> bool:
        profile = self.profile()
        problem = ""
        if not profile.post_name:
            problem = self.tr("Enter the name of the post.")
        elif not profile.user_name:
            problem = self.tr("Enter your name.")
        elif not profile.countries:
            problem = self.tr("Tick at least one country of accreditation.")
        return self.say_problem(problem)
