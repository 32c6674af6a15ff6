"""The surveys page's dialogs: who answers and in which language, why a form is refused."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from postkit.core.surveys.service import MAX_RESPONDENT_LENGTH
from postkit.core.surveys.xlsform import Problem


@dataclass(frozen=True)
class StartChoice:
    """How a new response starts: anonymous or with the respondent's name, in which language."""

    is_anonymous: bool
    respondent: str
    language: str


class StartResponseDialog(QDialog):
    """Asks whether the response is anonymous (no name stored) and in which language to answer."""

    def __init__(
        self,
        title: str,
        languages: Mapping[str, str],
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a response"))
        self.setMinimumWidth(460)
        heading = QLabel(title, self)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: 600;")
        self.anonymous = QRadioButton(self.tr("&Anonymous: no name is stored"), self)
        self.named = QRadioButton(self.tr("With the respondent's &name:"), self)
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.anonymous)
        self.choice.addButton(self.named)
        self.anonymous.setChecked(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(MAX_RESPONDENT_LENGTH)
        self.name_edit.setPlaceholderText(self.tr("First and last name"))
        # The radio button before it says what it is; a screen reader does not link the two.
        self.name_edit.setAccessibleName(self.named.text().replace("&", "").rstrip(": "))
        self.name_edit.setEnabled(False)
        self.named.toggled.connect(self.name_edit.setEnabled)
        self.named.toggled.connect(lambda on: on and self.name_edit.setFocus())
        self.language = QComboBox(self)
        for code, name in languages.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Start"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addSpacing(6)
        layout.addWidget(self.anonymous)
        layout.addWidget(self.named)
        layout.addWidget(self.name_edit)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.named.toggled.connect(self._validate)
        self.name_edit.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        self.ok_button.setEnabled(self.anonymous.isChecked() or bool(self.name_edit.text().strip()))

    def start_choice(self) -> StartChoice:
        anonymous = self.anonymous.isChecked()
        return StartChoice(
            anonymous,
            "" if anonymous else self.name_edit.text().strip(),
            self.language.currentData(),
        )


class ProblemsDialog(QDialog):
    """Lists what is wrong with a workbook, each problem where the author can find it."""

    def __init__(
        self, file_name: str, problems: Sequence[Problem], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The survey cannot be imported"))
        self.resize(760, 420)
        intro = QLabel(
            self.tr(
                "{0} is not a survey form postkit can run. Correct these problems in the "
                "workbook and import it again:"
            ).format(file_name),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(problems), 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        for row, problem in enumerate(problems):
            column = problem.column or ""
            if problem.header:
                column = f"{column} ({problem.header})" if column else problem.header
            cells = (problem.sheet or "", str(problem.row or ""), column, problem.message)
            for index, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, index, item)
        header = self.table.horizontalHeader()
        for index in range(3):
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
