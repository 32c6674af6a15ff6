"""The user guide: the shipped Markdown guide of the chosen language, with a table of contents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from postkit.core.paths import resources_dir
from postkit.ui.icons import app_icon

GUIDE_LANGUAGES = ("en", "nl")
# The title is level 1; the contents list the sections (2) and their parts (3).
CONTENTS_LEVELS = (2, 3)
# Air above headings, which Qt's Markdown import sets tight against the text before them.
HEADING_TOP_MARGINS = {2: 20.0, 3: 10.0}
# The guide's section for each module, by language: Help (F1) opens there.
MODULE_SECTIONS: dict[str, dict[str, str]] = {
    "activities": {"en": "The activity log", "nl": "Het activiteitenlogboek"},
    "dashboard": {"en": "The dashboard", "nl": "Het dashboard"},
    "screening": {"en": "IMVO conditions screening", "nl": "Toetsing aan de IMVO-voorwaarden"},
    "followups": {"en": "Follow-up", "nl": "Opvolging"},
    "practices": {"en": "Good practices", "nl": "Goede voorbeelden"},
    "surveys": {"en": "Surveys", "nl": "Enquêtes"},
    "hq": {"en": "Headquarters", "nl": "Departement"},
    "companies": {"en": "Companies", "nl": "Bedrijven"},
}


def guide_language(language: str) -> str:
    """The language the guide is shown in: `language`, or English when not written in it."""
    return language if language in GUIDE_LANGUAGES else "en"


def guide_path(language: str) -> Path:
    """The guide in `language`, or the English one for a language it is not written in."""
    return resources_dir() / "help" / f"user-guide.{guide_language(language)}.md"


class UserGuideDialog(QDialog):
    """The guide in a text browser, with its headings as contents on the left."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setWindowTitle(self.tr("postkit user guide"))
        self.setWindowIcon(app_icon())
        self.contents = QTreeWidget(self)
        self.contents.setHeaderHidden(True)
        self.contents.setAccessibleName(self.tr("Contents"))
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setDocumentMargin(16)
        self.browser.setMarkdown(guide_path(language).read_text(encoding="utf-8"))
        self._space_headings()
        self._fill_contents()
        self.contents.currentItemChanged.connect(self._scroll_to_item)

        splitter = QSplitter(self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        # The contents as wide as their longest heading, so none is cut off.
        contents_width = (
            self.contents.sizeHintForColumn(0)
            + 2 * self.contents.frameWidth()
            + self.contents.verticalScrollBar().sizeHint().width()
            + 8
        )
        self.contents.setMinimumWidth(contents_width)
        splitter.setSizes([contents_width, 640])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(buttons)
        self.resize(max(920, contents_width + 680), 680)
        # Focus in the contents would make its first section current and hide the title.
        self.browser.setFocus()

    def headings(self) -> list[tuple[int, str]]:
        """(level, text) of every heading in the guide, in order."""
        return [(block.blockFormat().headingLevel(), block.text()) for block in self._headings()]

    def _headings(self) -> list[QTextBlock]:
        found = []
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                found.append(block)
            block = block.next()
        return found

    def _space_headings(self) -> None:
        for block in self._headings():
            margin = HEADING_TOP_MARGINS.get(block.blockFormat().headingLevel())
            if margin is not None:
                spaced = QTextBlockFormat()
                spaced.setTopMargin(margin)
                QTextCursor(block).mergeBlockFormat(spaced)

    def _fill_contents(self) -> None:
        section: QTreeWidgetItem | None = None
        for block in self._headings():
            level = block.blockFormat().headingLevel()
            if level not in CONTENTS_LEVELS:
                continue
            if level == CONTENTS_LEVELS[0] or section is None:
                item = QTreeWidgetItem(self.contents, [block.text()])
                section = item
            else:
                item = QTreeWidgetItem(section, [block.text()])
            item.setData(0, Qt.ItemDataRole.UserRole, block.position())
        self.contents.expandAll()

    def show_section(self, module: str | None) -> None:
        """Make the module's section current in the contents and show it."""
        heading = MODULE_SECTIONS.get(module or "", {}).get(guide_language(self.language))
        for row in range(self.contents.topLevelItemCount()):
            item = self.contents.topLevelItem(row)
            if item.text(0) == heading:
                self.contents.setCurrentItem(item)
                self.contents.scrollToItem(item)
                return

    def _scroll_to_item(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.scroll_to(int(item.data(0, Qt.ItemDataRole.UserRole)))

    def scroll_to(self, position: int) -> None:
        """Show the heading at document `position` at the top of the browser."""
        document = self.browser.document()
        block = document.findBlock(position)
        top = document.documentLayout().blockBoundingRect(block).top()
        self.browser.verticalScrollBar().setValue(int(top))


def show_user_guide(
    parent: QWidget | None, language: str, module: str | None = None
) -> UserGuideDialog:
    """Show the guide beside the window (not modal), at `module`'s section; a second call
    raises the open one."""
    if parent is not None:
        for dialog in parent.findChildren(UserGuideDialog):
            if dialog.language == language and dialog.isVisible():
                dialog.show_section(module)
                dialog.raise_()
                dialog.activateWindow()
                return dialog
    dialog = UserGuideDialog(language, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.show_section(module)
    return dialog
