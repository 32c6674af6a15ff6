"""The annual return's narrative: what the post says about its year in its own words."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from postkit.core.returns.records import Narrative


class NarrativeDialog(QDialog):
    """Results, obstacles and plans of `narrative.year`, edited before the return is written."""

    def __init__(self, narrative: Narrative, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = narrative.year
        self.setWindowTitle(self.tr("Annual return {0}").format(narrative.year))
        self.setObjectName("narrative-dialog")
        hint = QLabel(
            self.tr(
                "Headquarters reads these lines in the network's picture of the year. "
                "Do not name people or companies: names the post's database knows are "
                "removed from the return."
            )
        )
        hint.setWordWrap(True)
        self.results = self._editor("results", narrative.results)
        self.obstacles = self._editor("obstacles", narrative.obstacles)
        self.plans = self._editor("plans", narrative.plans)
        form = QFormLayout()
        form.addRow(self.tr("&Results:"), self.results)
        form.addRow(self.tr("&Obstacles:"), self.obstacles)
        form.addRow(self.tr("&Plans:"), self.plans)
        for editor in (self.results, self.obstacles, self.plans):
            label = form.labelForField(editor)
            if isinstance(label, QLabel):
                label.setBuddy(editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Next…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _editor(self, name: str, text: str) -> QPlainTextEdit:
        editor = QPlainTextEdit(text)
        editor.setObjectName(f"narrative-{name}")
        editor.setTabChangesFocus(True)
        return editor

    def narrative(self) -> Narrative:
        return Narrative(
            self.year,
            self.results.toPlainText(),
            self.obstacles.toPlainText(),
            self.plans.toPlainText(),
        )
