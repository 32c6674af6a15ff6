from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from postkit.core.activities.records import ActivityInput
from postkit.core.activities.service import create_activity, get_activity
from postkit.core.companies.records import CompanyData, ContactData, SizeClass
from postkit.core.companies.service import (
    company_ids,
    create_company,
    find_or_create_company,
    get_company,
    lookup_companies,
    update_company,
)
from postkit.core.companies.validation import normalize_kvk, normalized_name, size_class
from postkit.core.errors import ValidationError


@pytest.mark.parametrize(
    ("employees", "turnover", "balance", "international", "expected"),
    [
        (501, 40_000_001, None, True, SizeClass.LARGE),
        (501, None, 20_000_001, True, SizeClass.LARGE),
        (500, 90_000_000, 90_000_000, True, SizeClass.SME),
        (501, 40_000_000, 20_000_000, True, SizeClass.SME),
        (501, 90_000_000, None, False, SizeClass.SME),
        (501, None, None, True, SizeClass.UNKNOWN),
        (None, None, None, False, SizeClass.UNKNOWN),
        (None, 1_000_000, 500_000, False, SizeClass.SME),
    ],
)
def test_the_size_class_follows_the_letters_threshold(
    employees: int | None,
    turnover: int | None,
    balance: int | None,
    international: bool,
    expected: SizeClass,
) -> None:
    assert size_class(employees, turnover, balance, international) is expected


def test_kvk_numbers_are_eight_digits_and_spaces_or_dots_do_not_count() -> None:
    assert normalize_kvk("12 34 56 78") == "12345678"
    assert normalize_kvk("12.345.678") == "12345678"
    assert normalize_kvk("") is None
    for wrong in ("1234567", "123456789", "1234567a"):
        with pytest.raises(ValidationError) as raised:
            normalize_kvk(wrong)
        assert raised.value.field == "kvk_number"


def test_names_compare_without_case_accents_punctuation_or_legal_form() -> None:
    assert normalized_name("Groenveld Water B.V.") == normalized_name("groenveld  water BV")
    assert normalized_name("Café Lumière S.A.") == "cafe lumiere"
    assert normalized_name("B.V.") == "bv"


def test_a_company_is_stored_with_its_contacts_and_read_back(session: Session) -> None:
    data = CompanyData(
        name="  Groenveld Water Technologies B.V. ",
        trade_names=("Groenveld", "GWT"),
        kvk_number="1234 5678",
        sector="agriculture_food",
        country="NL",
        employees=620,
        turnover_eur=55_000_000,
        operates_internationally=True,
        contacts=(ContactData("Ingrid de Vries", "CSR manager", "i.devries@example.nl"),),
    )
    stored = create_company(session, data, "Ana")
    record = get_company(session, stored.id)
    assert record.data.name == "Groenveld Water Technologies B.V."
    assert record.data.kvk_number == "12345678"
    assert record.data.trade_names == ("Groenveld", "GWT")
    assert record.data.contacts == data.contacts
    assert record.size_class is SizeClass.LARGE
    assert record.created_by == "Ana"
    changed = update_company(session, stored.id, CompanyData(name="Groenveld Water"), "Bram")
    assert changed.data.contacts == ()
    assert changed.updated_by == "Bram"


def test_lookup_finds_by_name_part_trade_name_and_kvk(session: Session) -> None:
    first = create_company(
        session, CompanyData(name="Groenveld Water B.V.", kvk_number="12345678"), "Ana"
    )
    create_company(
        session, CompanyData(name="Andes Cacao S.A.", trade_names=("Kakao Andino",)), "Ana"
    )
    assert [line.id for line in lookup_companies(session, "groenv")] == [first.id]
    assert [line.name for line in lookup_companies(session, "Kakao")] == ["Andes Cacao S.A."]
    assert [line.id for line in lookup_companies(session, "1234")] == [first.id]
    assert lookup_companies(session, "  ") == []


def test_find_or_create_reuses_a_company_by_kvk_or_by_name(session: Session) -> None:
    made = find_or_create_company(session, "Delta Foods B.V.", "Ana", kvk_number="87654321")
    assert find_or_create_company(session, "Delta Foods Nederland", "Ana", "87654321") == made
    assert find_or_create_company(session, "delta foods bv", "Ana") == made
    assert find_or_create_company(session, "Other Foods", "Ana") != made


def test_an_activity_keeps_the_companies_it_reached(session: Session) -> None:
    company = create_company(session, CompanyData(name="Delta Foods B.V."), "Ana").id
    activity = create_activity(
        session,
        ActivityInput(
            core_task=3,
            title="Advice on living wage",
            start_date=date(2026, 3, 4),
            activity_type="company_advice",
            company_ids=(company,),
            unnamed_companies=2,
        ),
        "Ana",
    )
    record = get_activity(session, activity.id)
    assert record.data.company_ids == (company,)
    assert record.data.unnamed_companies == 2


def test_lookup_ranks_the_exact_name_then_name_starts_then_trade_names_then_later_words(
    session: Session,
) -> None:
    later_word = create_company(session, CompanyData(name="Andes Water S.A."), "Ana").id
    trade = create_company(
        session, CompanyData(name="Blue Pumps Ltd", trade_names=("Waterkracht",)), "Ana"
    ).id
    starts = create_company(session, CompanyData(name="Water Holland B.V."), "Ana").id
    exact = create_company(session, CompanyData(name="Water B.V."), "Ana").id
    assert [line.id for line in lookup_companies(session, "water")] == [
        exact,
        starts,
        trade,
        later_word,
    ]
    # Every step of typing finds the company by a later word too, not only by the first.
    for typed in ("h", "ho", "holl", "Holland"):
        assert starts in [line.id for line in lookup_companies(session, typed)]
    assert [line.id for line in lookup_companies(session, "water", limit=2)] == [exact, starts]


def test_lookup_reads_typed_kvk_digits_with_spaces_and_lists_them_first(session: Session) -> None:
    by_kvk = create_company(
        session, CompanyData(name="Zuid Logistics", kvk_number="30123456"), "A"
    ).id
    create_company(session, CompanyData(name="3012 Design"), "A")
    assert lookup_companies(session, "30 12")[0].id == by_kvk
    assert [line.id for line in lookup_companies(session, "30123456")] == [by_kvk]


def test_a_renamed_company_is_found_by_its_new_name_only(session: Session) -> None:
    company = create_company(session, CompanyData(name="Old Name Trading"), "Ana").id
    update_company(session, company, CompanyData(name="Fresh Start Trading"), "Ana")
    assert lookup_companies(session, "old") == []
    assert [line.id for line in lookup_companies(session, "fresh")] == [company]
    assert company_ids(session, "trading") == [company]
