"""Repeats: `begin repeat` … `end repeat`, asked once per instance, as ODK Collect asks them."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from postkit.core.errors import ValidationError
from postkit.core.surveys.engine import FormSession, slot, split_slot
from postkit.core.surveys.forms import Form
from postkit.core.surveys.xlsform import load_form, validate_form

Rows = list[list[object]]
HEADER = ["type", "name", "label", "relevant", "required", "constraint", "calculation"]
HEADER += ["repeat_count", "default", "appearance"]


def _form(tmp_path: Path, survey: Rows, choices: Rows | None = None) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "survey"
    for row in [HEADER, *survey]:
        sheet.append(row)
    listed = workbook.create_sheet("choices")
    for row in [["list_name", "name", "label"], *(choices or [])]:
        listed.append(row)
    settings = workbook.create_sheet("settings")
    settings.append(["form_id", "version"])
    settings.append(["visits", "1"])
    path = tmp_path / "visits.xlsx"
    workbook.save(path)
    return path


# A post's visits to companies: a counted repeat, a nested repeat the respondent adds to, and
# totals over them.
VISITS: Rows = [
    ["integer", "visits", "How many visits?", "", "yes"],
    ["begin repeat", "visit", "Visit", "", "", "", "", "${visits}"],
    ["text", "company", "Company ${number}", "", "yes"],
    ["calculate", "number", "", "", "", "", "position(..)"],
    ["integer", "people", "Participants", "", "", ". >= 0"],
    ["integer", "women", "Of whom women", "${people} > 0", "", ". <= ${people}"],
    ["begin_repeat", "contact", "Contact"],
    ["text", "contact_name", "Name", "", "yes"],
    ["text", "role", "Role", "", "", "", "", "", "staff"],
    ["end_repeat"],
    ["end repeat"],
    ["calculate", "total", "", "", "", "", "sum(${people})"],
    ["calculate", "counted", "", "", "", "", "count(${visit})"],
    ["calculate", "most", "", "", "", "", "max(${people})"],
    ["calculate", "names", "", "", "", "", "join(', ', ${company})"],
    ["calculate", "first", "", "", "", "", "indexed-repeat(${company}, ${visit}, 1)"],
]


@pytest.fixture
def form(tmp_path: Path) -> Form:
    return load_form(_form(tmp_path, VISITS))


def test_a_repeat_is_read_as_a_group_asked_per_instance(form: Form) -> None:
    visit = form.find("visit")
    contact = form.find("contact")
    assert visit is not None and visit.is_repeat and str(visit.repeat_count) == "${visits}"
    assert contact is not None and contact.is_repeat and contact.repeat_count is None
    assert [repeat.name for repeat in form.repeats()] == ["visit", "contact"]
    assert form.repeat_path("contact_name") == ("visit", "contact")
    assert form.repeat_path("total") == ()


def test_repeat_count_sets_the_instances_and_each_has_its_own_answers(form: Form) -> None:
    session = FormSession(form)
    assert session.instance_count("visit") == 0
    session.set_answer("visits", 2)
    assert session.instance_count("visit") == 2
    session.set_answers({"company@1": "Acme", "company@2": "Bolt", "people@1": 10})
    session.set_answer("people@2", 4)
    assert session.value("company@1") == "Acme"
    assert session.value("number@2") == 2
    assert session.value("total") == 14
    assert session.value("counted") == 2
    assert session.value("most") == 10
    assert session.value("names") == "Acme, Bolt"
    assert session.value("first") == "Acme"
    assert not session.can_change_instances("visit")
    with pytest.raises(ValueError):
        session.add_instance("visit")


def test_a_label_shows_the_same_instance_s_answer(form: Form) -> None:
    session = FormSession(form)
    session.set_answer("visits", 2)
    company = session.question("company@2")
    assert session.label(company, "company@2") == "Company 2"


def test_siblings_decide_relevance_and_constraints_per_instance(form: Form) -> None:
    session = FormSession(form)
    session.set_answers({"visits": 2, "people@1": 3, "people@2": 0})
    assert session.visible("women@1")
    assert not session.visible("women@2")
    session.set_answer("women@1", 5)
    errors = session.errors()
    assert "women@1" in errors  # more women than participants in that visit
    assert "company@1" in errors and "company@2" in errors  # required in each instance
    session.set_answer("women@1", 2)
    assert "women@1" not in session.errors()


def test_a_nested_repeat_grows_and_shrinks_as_the_respondent_adds_and_removes(form: Form) -> None:
    session = FormSession(form)
    session.set_answer("visits", 2)
    # A repeat without repeat_count starts with one instance, as Enketo and Kobo show it.
    assert session.instance_count("contact@1") == 1
    assert session.value("role@1.1") == "staff"  # each new instance gets its default
    added = session.add_instance("contact@1")
    assert added == "contact@1.2"
    session.set_answers({"contact_name@1.1": "Ann", "contact_name@1.2": "Bob"})
    third = session.add_instance("contact@1")
    session.set_answer("contact_name@1.3", "Cas")
    assert session.value("role@1.3") == "staff"
    session.remove_instance("contact@1.1")
    assert session.instance_count("contact@1") == 2
    assert session.value("contact_name@1.1") == "Bob"
    assert session.value("contact_name@1.2") == "Cas"
    assert session.value("contact_name@1.3") is None
    assert third == "contact@1.3"
    assert session.instance_count("contact@2") == 1


def test_answers_keep_each_instance_and_load_back(form: Form) -> None:
    session = FormSession(form)
    session.set_answers({"visits": 2, "company@1": "Acme", "company@2": "Bolt"})
    session.add_instance("contact@2")
    session.set_answer("contact_name@2.2", "Eve")
    answers = session.answers()
    assert answers["visit"] == [
        {"company": "Acme", "contact": [{"role": "staff"}]},
        {
            "company": "Bolt",
            "contact": [{"role": "staff"}, {"contact_name": "Eve", "role": "staff"}],
        },
    ]
    again = FormSession(form, answers, strict=True)
    assert again.answers() == answers
    assert again.instance_count("contact@2") == 2
    assert again.value("total") == 0  # no participants counted yet: sum() passes over empties


def test_stored_answers_hold_calculations_per_instance(form: Form) -> None:
    session = FormSession(form)
    session.set_answers({"visits": 1, "company@1": "Acme", "people@1": 3, "women@1": 1})
    session.set_answer("contact_name@1.1", "Ann")
    assert session.errors() == {}
    stored = session.answers_for_storage()
    assert stored["visit"] == [
        {
            "company": "Acme",
            "number": 1,
            "people": 3,
            "women": 1,
            "contact": [{"contact_name": "Ann", "role": "staff"}],
        }
    ]
    assert stored["total"] == 3


def test_a_lower_repeat_count_hides_instances_without_losing_them(form: Form) -> None:
    session = FormSession(form)
    session.set_answers({"visits": 2, "company@2": "Bolt"})
    session.set_answer("visits", 1)
    assert session.instance_count("visit") == 1
    assert len(session.answers()["visit"]) == 1
    session.set_answer("visits", 2)
    assert session.value("company@2") == "Bolt"


def test_an_answer_needs_an_instance_that_exists(form: Form) -> None:
    session = FormSession(form)
    session.set_answer("visits", 1)
    with pytest.raises(KeyError):
        session.set_answer("company@3", "Nope")
    with pytest.raises(KeyError):
        session.set_answer("company", "No instance named")


def test_strict_loading_refuses_a_repeat_that_is_not_a_list(form: Form) -> None:
    with pytest.raises(ValidationError):
        FormSession(form, {"visit": "Acme"}, strict=True)


def test_a_repeated_name_in_a_value_s_place_outside_its_repeat_gives_no_value(
    tmp_path: Path,
) -> None:
    form = load_form(
        _form(
            tmp_path,
            [
                ["begin repeat", "member", "Member"],
                ["integer", "age", "Age"],
                ["end repeat"],
                ["note", "adult", "An adult", "${age} >= 18"],
            ],
        )
    )
    session = FormSession(form)
    session.set_answer("age@1", 30)
    assert session.visible("adult")
    session.add_instance("member")
    session.set_answer("age@2", 40)
    # Two ages where one is wanted: JavaRosa stops with an error; the note is shown (the
    # relevant cannot be decided, and showing it is the safe side).
    assert session.visible("adult")


def test_slots_name_instances_outermost_first() -> None:
    assert slot("x") == "x"
    assert slot("x", (2, 1)) == "x@2.1"
    assert split_slot("x@2.1") == ("x", (2, 1))
    assert split_slot("x") == ("x", ())


def test_an_unclosed_or_mismatched_repeat_is_reported_at_its_row(tmp_path: Path) -> None:
    _, problems = validate_form(
        _form(tmp_path, [["begin repeat", "r", "R"], ["text", "a", "A"], ["end group"]])
    )
    messages = [(problem.row, problem.message) for problem in problems]
    assert (4, "'end group' closes repeat 'r' (row 2)") in messages
    _, problems = validate_form(_form(tmp_path, [["begin repeat", "r", "R"], ["text", "a", "A"]]))
    assert [(p.row, p.message) for p in problems] == [
        (2, "repeat 'r' is never closed with 'end repeat'")
    ]


def test_position_is_accepted_only_as_position_of_the_parent(tmp_path: Path) -> None:
    _, problems = validate_form(
        _form(
            tmp_path,
            [
                ["begin repeat", "r", "R"],
                ["calculate", "n", "", "", "", "", "position(.)"],
                ["end repeat"],
            ],
        )
    )
    assert [p.column for p in problems] == ["G"]


def test_a_repeat_is_a_page_of_its_own_inside_a_plain_group_and_on_a_field_list_page(
    tmp_path: Path,
) -> None:
    # A plain group's questions are a page each (ODK Collect); a repeat in it is one page with
    # its instances. A field-list group is one page, the repeat inside it included.
    form = load_form(
        _form(
            tmp_path,
            [
                ["begin group", "trip", "Trip"],
                ["text", "city", "City"],
                ["begin repeat", "visit", "Visit"],
                ["text", "company", "Company"],
                ["begin repeat", "contact", "Contact"],
                ["text", "contact_name", "Name"],
                ["end repeat"],
                ["end repeat"],
                ["text", "notes", "Notes"],
                ["end group"],
                ["begin group", "wrap", "Wrap-up", "", "", "", "", "", "", "field-list"],
                ["text", "verdict", "Verdict"],
                ["begin repeat", "follow", "Follow-up"],
                ["text", "action", "Action"],
                ["end repeat"],
                ["end group"],
            ],
        )
    )
    session = FormSession(form)
    session.add_instance("visit")
    session.add_instance("contact@2")
    pages = session.visible_pages()
    assert [(page.name, [item.name for item in page.items]) for page in pages] == [
        ("city", ["city"]),
        ("visit", ["visit"]),
        ("notes", ["notes"]),
        ("wrap", ["wrap"]),
    ]
    assert [session.label(page) for page in pages] == ["Trip", "Visit", "Trip", "Wrap-up"]
    visit_page = pages[1]
    for name in ("visit", "company", "company@2", "contact@2", "contact_name@2.2"):
        assert session.page_of(name) == visit_page
    assert session.page_of("trip") == pages[0]  # a plain group is where its first question is
    assert session.page_of("action@1") == pages[3]


# Paging inside repeats, as ODK Collect pages them: each instance's questions a screen each
# (a field-list group, or a field-list repeat's instance, one screen), then for a repeat the
# respondent fills the "add another?" prompt; a repeat_count repeat has none.


def _steps(session: FormSession, repeat: str) -> list[tuple[str, tuple[str, ...], bool]]:
    page = session.page_of(repeat)
    assert page is not None
    return [(step.key, step.questions, step.prompt) for step in session.steps(page)]


def test_a_repeat_s_page_steps_through_each_instance_s_questions(form: Form) -> None:
    session = FormSession(form)
    session.set_answers({"visits": 2, "people@2": 3})
    assert _steps(session, "visit") == [
        ("company@1", ("company@1",), False),
        ("people@1", ("people@1",), False),
        # women@1 is not relevant (no participants): skipped, as its page would be
        ("contact_name@1.1", ("contact_name@1.1",), False),
        ("role@1.1", ("role@1.1",), False),
        ("contact@1", (), True),  # add another contact?
        ("company@2", ("company@2",), False),
        ("people@2", ("people@2",), False),
        ("women@2", ("women@2",), False),
        ("contact_name@2.1", ("contact_name@2.1",), False),
        ("role@2.1", ("role@2.1",), False),
        ("contact@2", (), True),
    ]
    session.add_instance("contact@1")
    keys = [key for key, _, _ in _steps(session, "visit")]
    assert keys[4:7] == ["contact_name@1.2", "role@1.2", "contact@1"]
    # Every step is on the repeat's page, and step_of finds the one a slot is on.
    page = session.page_of("visit")
    assert page is not None
    assert session.step_of(page, "role@1.2") == 5
    assert session.step_of(page, "company") is None


def test_a_repeat_the_respondent_fills_ends_with_its_prompt_even_without_instances(
    tmp_path: Path,
) -> None:
    session = FormSession(
        load_form(
            _form(
                tmp_path,
                [
                    ["begin repeat", "visit", "Visit"],
                    ["begin group", "who", "Who", "", "", "", "", "", "", "field-list"],
                    ["text", "company", "Company"],
                    ["text", "city", "City"],
                    ["end group"],
                    ["text", "notes", "Notes"],
                    ["end repeat"],
                    ["begin repeat", "follow", "Follow-up", "", "", "", "", "", "", "field-list"],
                    ["text", "action", "Action"],
                    ["text", "owner", "Owner"],
                    ["end repeat"],
                ],
            )
        )
    )
    # A field-list group in an instance is one step; a field-list repeat's instance too.
    assert _steps(session, "visit") == [
        ("who@1", ("company@1", "city@1"), False),
        ("notes@1", ("notes@1",), False),
        ("visit", (), True),
    ]
    assert _steps(session, "follow") == [
        ("follow@1", ("action@1", "owner@1"), False),
        ("follow", (), True),
    ]
    session.remove_instance("visit@1")
    assert _steps(session, "visit") == [("visit", (), True)]
