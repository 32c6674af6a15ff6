"""The interface speaks Dutch: every visible string has a finished Dutch translation that keeps
the source's placeholders, tags and accelerators, and the compiled translators really work."""

from __future__ import annotations

import os
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from postkit.ui import i18n
from postkit.ui.main_window import MainWindow
from postkit.ui.settings import Settings

NL_SOURCE = i18n.translations_dir() / "postkit_nl.ts"
EN_SOURCE = i18n.translations_dir() / "postkit_en.ts"

needs_lupdate = pytest.mark.skipif(
    not i18n.qt_tool("lupdate").exists(), reason="lupdate is not in this PySide6 installation"
)


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    finished: bool
    texts: tuple[str, ...]  # the translation, or its numerus forms

    @property
    def key(self) -> tuple[str, str]:
        return self.context, self.source


def read_ts(path: Path) -> dict[tuple[str, str], Message]:
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for element in context.iter("message"):
            translation = element.find("translation")
            numerus = element.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ()
            elif numerus:
                texts = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                texts = (translation.text or "",)
            finished = translation is not None and translation.get("type") is None
            message = Message(name, element.findtext("source") or "", numerus, finished, texts)
            messages[message.key] = message
    return messages


def is_translated(message: Message) -> bool:
    return message.finished and bool(message.texts) and all(t.strip() for t in message.texts)


# What must survive translation unchanged: {0}/{name} fields, %n and %1 arguments, HTML tags
# (with their attributes) and the file patterns of file dialogs such as "(*.xlsx)".
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d+|</?[A-Za-z][^<>]*>|\*\.\w+|\(\*\)")
# An accelerator: "&" before a letter or digit (not "&&", which shows a plain ampersand).
ACCELERATOR = re.compile(r"(?<!&)&(?!&)[^\s&]")


def placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text))


def accelerators(text: str) -> int:
    return len(ACCELERATOR.findall(text.replace("&&", "")))


def describe(keys: list[tuple[str, str]]) -> str:
    return "\n".join(f"  [{context}] {source!r}" for context, source in sorted(keys))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Message]:
    """The messages lupdate finds in postkit/ui today."""
    if not i18n.qt_tool("lupdate").exists():
        pytest.skip("lupdate is not in this PySide6 installation")
    target = tmp_path_factory.mktemp("lupdate") / "extracted_nl.ts"
    i18n.run_lupdate(target)
    return read_ts(target)


@needs_lupdate
def test_lupdate_finds_the_interface_strings(extracted: dict[tuple[str, str], Message]) -> None:
    assert len(extracted) > 500
    assert ("MainWindow", "&File") in extracted
    assert ("Actions", "&New activity…") in extracted
    # No message may land in a context the code never translates in (a tr() on a variable
    # such as `parent.tr(...)` files its strings under "parent").
    assert not {context for context, _ in extracted} & {"", "parent", "widget"}


@needs_lupdate
def test_every_visible_string_has_a_dutch_translation(
    extracted: dict[tuple[str, str], Message],
) -> None:
    dutch = read_ts(NL_SOURCE)
    missing = [key for key in extracted if key not in dutch or not is_translated(dutch[key])]
    assert not missing, (
        f"{len(missing)} interface string(s) lack a finished Dutch translation in "
        f"{NL_SOURCE.name}; run `postkit translations update`, translate them (Qt Linguist or "
        f"the .ts file) and run `postkit translations build`:\n{describe(missing)}"
    )


def test_dutch_numerus_messages_have_both_forms() -> None:
    for message in read_ts(NL_SOURCE).values():
        if message.numerus:
            assert len(message.texts) == 2, message.key
            # %Ln: the count with the locale's digit grouping (700.000 vermeldingen).
            assert all("%n" in form or "%Ln" in form for form in message.texts), message.key


def test_english_plural_forms_are_complete() -> None:
    english = read_ts(EN_SOURCE)
    assert english, "postkit_en.ts holds the English plural forms"
    dutch = read_ts(NL_SOURCE)
    plural_keys = {key for key, message in dutch.items() if message.numerus}
    assert plural_keys <= set(english)
    for key in plural_keys:
        message = english[key]
        assert is_translated(message) and len(message.texts) == 2, key


@pytest.mark.parametrize("path", [NL_SOURCE, EN_SOURCE], ids=lambda path: path.name)
def test_translations_keep_placeholders_tags_and_accelerators(path: Path) -> None:
    wrong = []
    for message in read_ts(path).values():
        if not is_translated(message):
            continue
        for text in message.texts:
            if placeholders(text) != placeholders(message.source):
                wrong.append(f"{message.key}: placeholders or tags differ in {text!r}")
            if accelerators(text) != accelerators(message.source):
                wrong.append(f"{message.key}: accelerator (&) lost or doubled in {text!r}")
    assert not wrong, "\n".join(wrong)


@pytest.fixture
def restore_locale() -> Iterator[None]:
    saved = QLocale()
    yield
    QLocale.setDefault(saved)


def load_compiled(path: Path) -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(path)), path
    return translator


def test_compiled_dutch_translator_translates(tmp_path: Path) -> None:
    compiled = {path.name: path for path in i18n.compile_translations(tmp_path)}
    assert {"postkit_nl.qm", "postkit_en.qm"} <= set(compiled)
    dutch = load_compiled(compiled["postkit_nl.qm"])
    assert dutch.translate("MainWindow", "&File") == "&Bestand"
    assert dutch.translate("Actions", "&New activity…") == "&Nieuwe activiteit…"
    assert dutch.translate("ActivitiesModule", "%n activities", "", 1) == "%n activiteit"
    assert dutch.translate("ActivitiesModule", "%n activities", "", 4) == "%n activiteiten"


def test_compiled_english_translator_gives_plural_forms(qapp: QApplication, tmp_path: Path) -> None:
    compiled = {path.name: path for path in i18n.compile_translations(tmp_path)}
    english = load_compiled(compiled["postkit_en.qm"])
    qapp.installTranslator(english)
    try:
        translate = QCoreApplication.translate
        assert translate("ActivitiesModule", "%n activities", "", 1) == "1 activity"
        assert translate("ActivitiesModule", "%n activities", "", 0) == "0 activities"
        assert translate("ActivitiesModule", "%n activities", "", 12) == "12 activities"
        assert translate("SurveysPage", "Exported %n response(s) to {0}", "", 1) == (
            "Exported 1 response to {0}"
        )
        # Not in the English file: the source text itself.
        assert translate("MainWindow", "&File") == "&File"
    finally:
        qapp.removeTranslator(english)


def test_unfinished_message_falls_back_to_the_source_text(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "postkit_nl.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="nl" sourcelanguage="en">\n<context><name>MainWindow</name>\n'
        "<message><source>&amp;File</source><translation>&amp;Bestand</translation></message>\n"
        "<message><source>&amp;Edit</source>"
        '<translation type="unfinished">Be&amp;werken?</translation></message>\n'
        "</context>\n</TS>\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "translations_dir", lambda: sources)
    (compiled,) = i18n.compile_translations(tmp_path / "out")
    translator = load_compiled(compiled)
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "&Bestand"
        assert QCoreApplication.translate("MainWindow", "&Edit") == "&Edit"
    finally:
        qapp.removeTranslator(translator)


@pytest.mark.usefixtures("restore_locale")
@pytest.mark.parametrize(
    ("language", "file_menu", "count_text"),
    [("nl", "&Bestand", "1 activiteit"), ("en", "&File", "1 activity")],
)
def test_installed_translators_reach_the_main_window(
    qapp: QApplication,
    qtbot: QtBot,
    tmp_path: Path,
    language: str,
    file_menu: str,
    count_text: str,
) -> None:
    installed = i18n.install_translators(qapp, language)
    try:
        assert installed, "postkit's translator is installed for every language"
        store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        store.setValue("ui/language", language)
        window = MainWindow(Settings(store))
        qtbot.addWidget(window)
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus[0] == file_menu
        assert len({menu.replace("&", "") for menu in menus}) == len(menus)
        assert QCoreApplication.translate("ActivitiesModule", "%n activities", "", 1) == count_text
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_menus_have_unique_accelerators(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, restore_locale: None, language: str
) -> None:
    """Alt and a letter reach one command of a menu (six English menus had two under one
    letter: the Dutch ones alone were checked)."""
    installed = i18n.install_translators(qapp, language)
    try:
        store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        store.setValue("ui/language", language)
        window = MainWindow(Settings(store))
        qtbot.addWidget(window)
        clashes = []
        menus = [(window.menuBar().actions(), "menu bar")]
        menus += [(a.menu().actions(), a.text()) for a in window.menuBar().actions() if a.menu()]
        for actions, where in menus:
            keys = Counter(
                match.group(0)[1].lower()
                for action in actions
                if not action.isSeparator()
                for match in [ACCELERATOR.search(action.text())]
                if match
            )
            clashes += [f"{where}: &{key} ×{n}" for key, n in keys.items() if n > 1]
        assert not clashes, clashes
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


@pytest.mark.parametrize("writable", [True, False], ids=["checkout", "read-only install"])
def test_a_missing_qm_is_compiled_beside_its_source_or_else_for_the_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writable: bool
) -> None:
    sources, user = tmp_path / "translations", tmp_path / "user"
    sources.mkdir()
    shutil.copy(i18n.translations_dir() / "postkit_nl.ts", sources)
    monkeypatch.setattr(i18n, "translations_dir", lambda: sources)
    monkeypatch.setattr(i18n, "user_data_dir", lambda: user)
    if not writable:  # as root a chmod would not stop the writing
        real_access = os.access
        monkeypatch.setattr(
            os, "access", lambda path, mode: path != sources and real_access(path, mode)
        )

    compiled = i18n._compiled("nl")

    expected = sources if writable else user / "translations"
    assert compiled == expected / "postkit_nl.qm"
    assert QTranslator().load(str(compiled))
    assert i18n._compiled("nl") == compiled, "found again without compiling"
