from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from postkit.core.errors import PostkitError
from postkit.core.practices.booklet import inline_markup, write_booklet
from postkit.core.practices.records import PracticeInput, PracticeRecord
from tests.pdf_text import pdf_lines, pdf_text

GENDER = PracticeInput(
    title="Women-led cooperatives in the cocoa dialogue",
    core_tasks=(2, 5),
    post_name="Ambassade Accra",
    country="GH",
    year=2024,
    summary="Cooperatives led by **women** joined the *national* dialogue.\n\n"
    "- first step\n- second step\n\n1. one\n2. two",
    context="Few women had a voice <b>yet</b> & nobody asked.",
    lessons="Hold meetings where women work.",
    contact="accra@example.org",
    language="en",
    status="published",
    themes=("child_labour", "gender"),
    sectors=("cocoa",),
)


def _record(index: int, data: PracticeInput) -> PracticeRecord:
    return PracticeRecord(id=index, uuid=f"uuid-{index}", version="v", data=data)


def test_booklet_has_a_cover_contents_and_one_page_per_practice(tmp_path: Path) -> None:
    records = [
        _record(1, GENDER),
        _record(2, replace(GENDER, title="Living wage in Bangladeshi garments", country="BD")),
    ]
    path = tmp_path / "booklet.pdf"
    write_booklet(records, path, "en", "Gender and wages", printed=date(2025, 11, 3))
    reader = PdfReader(path)
    assert len(reader.pages) == 4
    cover, contents, first, second = (page.extract_text() for page in reader.pages)
    assert "Gender and wages" in cover and "2 good practices" in cover
    assert "Printed on 2025-11-03" in cover
    assert "Contents" in contents
    assert GENDER.title in contents and "Living wage in Bangladeshi garments" in contents
    assert GENDER.title in first and "Living wage in Bangladeshi garments" in second
    assert [item.title for item in reader.outline] == [
        GENDER.title,
        "Living wage in Bangladeshi garments",
    ]


def test_practice_page_shows_the_facts_box_and_sections(tmp_path: Path) -> None:
    path = tmp_path / "booklet.pdf"
    write_booklet([_record(1, GENDER)], path, "en", "Booklet")
    lines = pdf_lines(path)
    text = pdf_text(path)
    for fact in ("Ambassade Accra", "Ghana", "2024", "Child labour, Gender", "Cocoa"):
        assert fact in text
    assert "2. Raising IMVO awareness among businesses; 5. Putting IMVO on the agenda" in text
    assert "accra@example.org" in text
    assert "Summary" in lines and "Context" in lines and "Lessons for other posts" in lines
    assert "What did not work" not in lines  # empty sections are left out
    assert "Cooperatives led by women joined the national dialogue." in text
    assert "**" not in text
    assert "• first step" in lines and "1. one" in lines
    assert "Few women had a voice <b>yet</b> & nobody asked." in text


def test_booklet_speaks_dutch_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "boekje.pdf"
    write_booklet([_record(1, GENDER)], path, "nl", "Goede praktijken")
    text = pdf_text(path)
    assert "Inhoud" in text and "Lessen voor andere posten" in text and "Kinderarbeid" in text


def test_an_empty_booklet_is_refused_and_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(PostkitError):
        write_booklet([], tmp_path / "empty.pdf", "en", "Nothing")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("markdown", "markup"),
    [
        ("**bold** and *italic*", "<b>bold</b> and <i>italic</i>"),
        ("__bold__ and _italic_", "<b>bold</b> and <i>italic</i>"),
        ("<script> & </b>", "&lt;script&gt; &amp; &lt;/b&gt;"),
        ("**a *b** c*", "<b>a *b</b> c*"),
        ("2 * 3 * 4 and snake_case_name", "2 * 3 * 4 and snake_case_name"),
    ],
)
def test_markdown_becomes_safe_markup(markdown: str, markup: str) -> None:
    assert inline_markup(markdown) == markup
