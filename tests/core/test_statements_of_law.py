"""What postkit says about law, lists and institutions: with its status and the date it holds for.

A text an officer reads (the guide, a checklist hint, a demo practice, a translated message) may
be quoted to a company. A law that was adopted but never entered into force, or a directive whose
application was postponed, must say so, and every such statement says when it was true, so a
reader in a later year knows to check it again.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Everything postkit ships or shows: resources, the code's texts, the survey sources, the README.
SCANNED_FOLDERS = ("resources", "postkit", "surveys")
SCANNED_FILES = ("README.md",)
TEXT_SUFFIXES = (".md", ".txt", ".json", ".csv", ".ts", ".py")

CHILD_LABOUR_ACT = re.compile(
    r"wet zorgplicht kinderarbeid|child[ -]labou?r due[ -]diligence (act|law)", re.IGNORECASE
)
CSDDD = re.compile(
    r"\bCSDDD\b|\bCS3D\b|2024/1760|corporate sustainability due diligence", re.IGNORECASE
)
# "as of December 2026", "(stand december 2026)", "stand: 2026"
DATED = re.compile(r"\b(as of|stand:?)\s+(?:[a-z]+\s+)?(19|20)\d{2}\b", re.IGNORECASE)
NOT_IN_FORCE = re.compile(
    r"not (yet )?(been )?(in force|entered into force|come into force)"
    r"|never (entered|came|come) into force"
    r"|niet in werking|nooit in werking|niet van kracht",
    re.IGNORECASE,
)
CSDDD_STATUS = re.compile(
    r"postpone|uitgesteld|uitstel|omnibus|renegotiat|heronderhandel", re.IGNORECASE
)
CHILD_LABOUR = re.compile(r"child[ -]labou?r|kinderarbeid", re.IGNORECASE)
# Words that make a sentence about child labour a statement of law.
LEGAL_WORDS = re.compile(
    r"\blaws?\b|\bwet\b|wettelijk|\blegal|\boblig|\bverplicht|in force|van kracht", re.IGNORECASE
)
OPEN_SANCTIONS = re.compile(r"opensanctions", re.IGNORECASE)
NON_COMMERCIAL = re.compile(r"non-commercial|niet-commercie|CC BY-NC", re.IGNORECASE)


@dataclass(frozen=True)
class Passage:
    """A piece of text a reader sees as one statement, and where it stands."""

    where: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.text[:160]}"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _markdown_passages(text: str) -> Iterator[tuple[int, str]]:
    """Paragraphs, list items and table rows, with the line each starts on."""
    block: list[str] = []
    start = 0
    for number, line in enumerate([*text.splitlines(), ""], start=1):
        starts_item = re.match(r"\s*([-*|]|\d+\.)\s", line) is not None
        if not line.strip() or starts_item:
            if block:
                yield start, " ".join(block)
            block = []
        if line.strip():
            if not block:
                start = number
            block.append(line.strip())


def _json_strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _json_strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_strings(item, f"{path}[{index}]")


def _python_strings(source: str) -> Iterator[tuple[int, str]]:
    """String literals (adjacent ones joined, as Python joins them) and f-strings' text parts."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value
        elif isinstance(node, ast.JoinedStr):
            parts = [
                part.value
                for part in node.values
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            ]
            yield node.lineno, "{}".join(parts)


def _ts_messages(text: str) -> Iterator[tuple[str, str]]:
    for context in ElementTree.fromstring(text).iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            for tag in ("source", "translation"):
                yield f"{name} {tag}", message.findtext(tag) or ""


def passages(path: Path) -> Iterator[Passage]:
    """Every statement in a shipped text file, cut the way a reader meets it."""
    relative = path.relative_to(ROOT).as_posix()
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".md", ".txt"):
        for line, passage in _markdown_passages(text):
            yield Passage(f"{relative}:{line}", _flat(passage))
    elif path.suffix == ".json":
        for where, value in _json_strings(json.loads(text), ""):
            yield Passage(f"{relative}{where}", _flat(value))
    elif path.suffix == ".csv":
        for row_number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
            for cell in row:
                yield Passage(f"{relative}:{row_number}", _flat(cell))
    elif path.suffix == ".ts":
        for where, value in _ts_messages(text):
            yield Passage(f"{relative} {where}", _flat(value))
    elif path.suffix == ".py":
        for line, value in _python_strings(text):
            yield Passage(f"{relative}:{line}", _flat(value))


def shipped_files() -> list[Path]:
    """The text files of resources/, postkit/ and surveys/, and the README."""
    found = [ROOT / name for name in SCANNED_FILES]
    for folder in SCANNED_FOLDERS:
        found.extend(
            path
            for path in sorted((ROOT / folder).rglob("*"))
            if path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts
        )
    return found


def all_passages() -> list[Passage]:
    return [passage for path in shipped_files() for passage in passages(path)]


@pytest.fixture(scope="module")
def shipped() -> list[Passage]:
    return all_passages()


def test_the_scan_reads_the_texts_that_state_law(shipped: list[Passage]) -> None:
    # A scan that silently read nothing would let every check below pass.
    wheres = {passage.where.split(":")[0].split(" ")[0].split(".json")[0] for passage in shipped}
    for expected in (
        "resources/help/user-guide.en.md",
        "resources/help/user-guide.nl.md",
        "resources/screening/checklist",
        "resources/translations/postkit_nl.ts",
        "postkit/core/practices/demo.py",
        "surveys/src/build_forms.py",
    ):
        assert expected in wheres
    assert len(shipped) > 5000


def test_every_mention_of_the_child_labour_act_says_it_is_not_in_force_and_when(
    shipped: list[Passage],
) -> None:
    wrong = [
        str(passage)
        for passage in shipped
        if CHILD_LABOUR_ACT.search(passage.text)
        and not (NOT_IN_FORCE.search(passage.text) and DATED.search(passage.text))
    ]
    assert not wrong, "\n".join(wrong)


def test_no_text_states_a_child_labour_law_as_binding(shipped: list[Passage]) -> None:
    wrong = [
        str(passage)
        for passage in shipped
        if CHILD_LABOUR.search(passage.text)
        and LEGAL_WORDS.search(passage.text)
        and not NOT_IN_FORCE.search(passage.text)
    ]
    assert not wrong, "\n".join(wrong)


def test_every_mention_of_the_csddd_says_its_application_was_postponed_and_when(
    shipped: list[Passage],
) -> None:
    wrong = [
        str(passage)
        for passage in shipped
        if CSDDD.search(passage.text)
        and not (CSDDD_STATUS.search(passage.text) and DATED.search(passage.text))
    ]
    assert not wrong, "\n".join(wrong)


def test_a_guide_or_readme_naming_opensanctions_gives_its_licence() -> None:
    wrong = [
        path.relative_to(ROOT).as_posix()
        for path in shipped_files()
        if path.suffix == ".md"
        and OPEN_SANCTIONS.search(text := path.read_text(encoding="utf-8"))
        and not NON_COMMERCIAL.search(text)
    ]
    assert not wrong


def test_a_message_on_screen_naming_opensanctions_gives_its_licence() -> None:
    wrong = [
        str(passage)
        for path in shipped_files()
        if path.suffix == ".ts"
        for passage in passages(path)
        if OPEN_SANCTIONS.search(passage.text) and not NON_COMMERCIAL.search(passage.text)
    ]
    assert not wrong, "\n".join(wrong)


BINDING_LISTS = {
    "resources/help/user-guide.en.md": (
        r"EU consolidated (financial sanctions )?list",
        r"UN Security Council consolidated list",
        r"Dutch national terrorism sanctions list",
    ),
    "resources/help/user-guide.nl.md": (
        r"geconsolideerde (financiële )?sanctielijst van de EU",
        r"geconsolideerde sanctielijst van de VN-Veiligheidsraad",
        r"Nationale sanctielijst terrorisme",
    ),
    "resources/sanctions/README.md": (
        r"EU consolidated (financial sanctions )?list",
        r"UN Security Council consolidated list",
        r"Dutch national terrorism sanctions list",
    ),
}


@pytest.mark.parametrize("name", sorted(BINDING_LISTS))
def test_the_guide_and_the_sanctions_readme_name_the_lists_that_bind_a_dutch_post(
    name: str,
) -> None:
    paragraphs = [passage.text for passage in passages(ROOT / name)]
    for pattern in BINDING_LISTS[name]:
        naming = [text for text in paragraphs if re.search(pattern, text, re.IGNORECASE)]
        assert naming, f"{name} does not name {pattern}"
        assert all(DATED.search(text) for text in naming), f"{name}: {pattern} without a date"


def test_the_checks_catch_what_they_are_for() -> None:
    # The patterns themselves, on sentences the app once shipped and on their corrections.
    stated_as_binding = (
        "The Child Labour Due Diligence Act obliges companies selling to Dutch end users to "
        "investigate."
    )
    corrected = (
        "The Dutch Child Labour Due Diligence Act was adopted in 2019 but has not entered into "
        "force (as of December 2026)."
    )
    assert CHILD_LABOUR_ACT.search(stated_as_binding) and not NOT_IN_FORCE.search(stated_as_binding)
    assert NOT_IN_FORCE.search(corrected) and DATED.search(corrected)
    assert NOT_IN_FORCE.search("aangenomen in 2019, niet in werking getreden (stand december 2026)")
    assert DATED.search("stand december 2026") and not DATED.search("in December 2026")
    assert CSDDD_STATUS.search("application postponed and scope renegotiated (Omnibus)")
