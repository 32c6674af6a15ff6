"""Core's gettext catalogs: complete, consistent with the sources, compiled, and per record."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from sqlalchemy.orm import Session

from postkit.core import i18n
from postkit.core.activities.records import ActivityInput
from postkit.core.activities.report import write_annual_report
from postkit.core.activities.service import create_activity
from postkit.core.db import Database
from postkit.core.hq.demo_exports import write_demo_exports
from postkit.core.hq.report import write_aggregate_report
from postkit.core.hq.service import collect_exports
from postkit.core.hq.summary import build_summary
from postkit.core.i18n import long_day, translator
from postkit.core.surveys.service import shipped_surveys_dir
from postkit.core.surveys.xlsform import load_form
from tests.pdf_text import pdf_lines, pdf_text

# "{name}", "{name:>3}", "%(name)s" and "%s": what str.format or % fill in.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([^)]+\)[a-z]|%[a-z]")


def _read(path: Path) -> Catalog:
    with path.open("rb") as source:
        return read_po(source)


def _key(message: Message) -> tuple[str | None, str]:
    singular = message.id if isinstance(message.id, str) else message.id[0]
    return message.context, singular


def _messages(catalog: Catalog) -> dict[tuple[str | None, str], Message]:
    return {_key(message): message for message in catalog if message.id}


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_the_template_holds_every_message_of_the_sources() -> None:
    """A `_()` added to core without `postkit translations update` fails here."""
    extracted = _messages(i18n.extract_messages())
    committed = _messages(_read(i18n.template_path()))
    assert sorted(extracted, key=str) == sorted(committed, key=str)
    for key, message in extracted.items():
        assert committed[key].id == message.id, key  # the same plural form too


def test_every_message_has_a_finished_dutch_translation_with_the_same_placeholders() -> None:
    template = _messages(_read(i18n.template_path()))
    dutch = _messages(_read(i18n.catalog_path("nl")))
    assert set(dutch) == set(template), "postkit.po is not merged with postkit.pot"
    problems = []
    for key, message in dutch.items():
        if message.fuzzy:
            problems.append(f"fuzzy: {key}")
        sources = [message.id] if isinstance(message.id, str) else list(message.id)
        forms = [message.string] if isinstance(message.string, str) else list(message.string)
        if len(forms) < len(sources) or not all(forms):
            problems.append(f"untranslated: {key}")
            continue
        # Dutch has two forms, as English: each form keeps its English form's placeholders,
        # except that the singular may spell the one out ("One good practice", "één").
        for source, form in zip(sources, forms, strict=False):
            if _placeholders(form) != _placeholders(source):
                problems.append(f"placeholders differ: {source!r} → {form!r}")
    assert not problems, "\n".join(problems)


def test_the_compiled_catalog_is_up_to_date_with_the_po() -> None:
    path = i18n.catalog_path("nl").with_suffix(".mo")
    assert path.read_bytes() == i18n.compiled_catalog("nl"), (
        "run `postkit translations update` to compile postkit.mo"
    )


def test_english_is_the_source_and_other_languages_fall_back_to_it() -> None:
    assert translator("en")("Annual IMVO report {year}", year=2025) == "Annual IMVO report 2025"
    assert translator("nl")("Annual IMVO report {year}", year=2025) == "IMVO-jaarverslag 2025"
    assert translator("fr")("Contents") == "Contents"
    assert translator("nl")("A text no catalog holds") == "A text no catalog holds"


def test_one_english_word_with_two_meanings_is_told_apart_by_context() -> None:
    dutch = translator("nl")
    assert dutch.pgettext("month", "May") == "mei"
    # The same English without the context is another message (none in the catalog).
    assert dutch("May") == "May"


def test_plural_forms_follow_the_count_in_both_languages() -> None:
    for language, one, many in (
        ("en", "1 company", "2 companies"),
        ("nl", "1 bedrijf", "2 bedrijven"),
    ):
        _ = translator(language)
        assert _.ngettext("{n} company", "{n} companies", 1, n=1) == one
        assert _.ngettext("{n} company", "{n} companies", 2, n=2) == many


def test_days_are_written_in_the_language_asked_for() -> None:
    day = date(2025, 5, 2)
    assert long_day(day, "en") == "2 May 2025"
    assert long_day(day, "nl") == "2 mei 2025"


def _activity(session: Session, companies: int, women: int) -> None:
    create_activity(
        session,
        ActivityInput(
            title="Roundtable",
            core_task=5,
            activity_type="seminar_event",
            start_date=date(2025, 3, 1),
            country="KE",
            unnamed_companies=companies,
            participants_women=women,
        ),
        "tester",
    )


def test_two_records_in_two_languages_in_one_process(session: Session, tmp_path: Path) -> None:
    """No global language: each record is written in its own, whatever was written before."""
    _activity(session, companies=3, women=4)
    outputs = {}
    for number, language in enumerate(("nl", "en", "nl", "en")):
        out = tmp_path / f"report-{number}-{language}.pdf"
        write_annual_report(session, 2025, out, language=language)
        outputs[number] = pdf_text(out)
    assert "IMVO-jaarverslag 2025" in outputs[0] and "IMVO-jaarverslag 2025" in outputs[2]
    assert "Annual IMVO report 2025" in outputs[1] and "Annual IMVO report 2025" in outputs[3]
    assert "Annual IMVO report" not in outputs[0] + outputs[2]
    assert "jaarverslag" not in outputs[1] + outputs[3]
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "In 2025 the post recorded one activity, reaching 1 company and 1 participant."),
        ("nl", "In 2025 legde de post één activiteit vast, die 1 bedrijf en 1 deelnemer bereikte."),
    ],
)
def test_one_company_and_one_participant_read_in_the_singular(
    session: Session, tmp_path: Path, language: str, expected: str
) -> None:
    _activity(session, companies=1, women=1)
    out = tmp_path / "report.pdf"
    write_annual_report(session, 2025, out, language=language)
    assert expected in pdf_lines(out)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "1 file was refused and left out (see the table at the end)."),
        ("nl", "1 bestand is geweigerd en niet meegeteld (zie de tabel aan het eind)."),
    ],
)
def test_one_refused_file_reads_in_the_singular(
    database: Database, tmp_path: Path, language: str, expected: str
) -> None:
    form = load_form(shipped_surveys_dir() / "imvo_guidelines_evaluation.xlsx")
    paths = write_demo_exports(tmp_path / "exports", posts=2, responses=2)
    refused = tmp_path / "exports" / "notes.xlsx"
    refused.write_text("not a workbook", encoding="utf-8")
    with database.session() as session:
        collect_exports(session, [*paths, refused], form)
        summary = build_summary(session, form)
    out = tmp_path / "report.pdf"
    write_aggregate_report(summary, out, language=language)
    assert expected in pdf_lines(out)


def test_no_message_hides_inside_an_f_string() -> None:
    """Extraction cannot see `_("…")` inside an f-string: such a text would stay English."""
    import tokenize

    core = Path(i18n.__file__).parent
    call = re.compile(r"""(?<![\w.])(_|gettext|ngettext|pgettext)\(\s*['"]""")
    hidden = []
    for path in sorted(core.rglob("*.py")):
        with path.open("rb") as source:
            for token in tokenize.tokenize(source.readline):
                prefix = token.string[:2].lower()
                if token.type == tokenize.STRING and "f" in prefix and call.search(token.string):
                    hidden.append(f"{path.relative_to(core)}:{token.start[0]}")
    assert not hidden, hidden
