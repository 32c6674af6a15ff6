from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from postkit.core.errors import PostkitError, ValidationError
from postkit.core.screening.audit import verify_chain
from postkit.core.screening.models import RiskRatingRow
from postkit.core.screening.records import (
    Answer,
    ChecklistAnswer,
    Judgement,
    MatchRecord,
    RequestInput,
    RequestRecord,
    RiskLevel,
    Status,
)
from postkit.core.screening.reference import checklist
from postkit.core.screening.risk import (
    ADVICE_GAPS,
    ADVICE_HIGH,
    ADVICE_HIGH_SETTING,
    ADVICE_LOW,
    ADVICE_SANCTIONS,
    import_risk_table,
    is_large_company,
    risk_rating,
    risk_summary,
)

ACTOR = "Tess Tester"
LOW_RISK = RequestInput(
    company_name="Zuidwind ICT B.V.",
    support_kind="matchmaking",
    requested_on=date(2026, 3, 2),
    employees=12,
    operating_country="NL",
    operating_sector="financial_services",
)
LARGE = replace(LOW_RISK, employees=900, turnover_eur=50_000_000, balance_sheet_eur=30_000_000)
GOOD = {
    item.code: {"no": Answer.YES, "yes": Answer.NO, None: Answer.NO}[
        item.red_flag.value if item.red_flag else None
    ]
    for item in checklist()
}


def _record(
    data: RequestInput = LOW_RISK,
    answers: dict[str, Answer] | None = None,
    matches: tuple[MatchRecord, ...] = (),
    is_screened: bool = True,
) -> RequestRecord:
    answers = GOOD if answers is None else answers
    return RequestRecord(
        id=1,
        uuid="u",
        data=data,
        status=Status.OPEN,
        answers={item: ChecklistAnswer(item, answer) for item, answer in answers.items()},
        matches=matches,
        screened_at=datetime(2026, 3, 3, 9, 0, tzinfo=UTC) if is_screened else None,
    )


def _match(judgement: Judgement) -> MatchRecord:
    return MatchRecord(
        id=1,
        subject="Peter van der Fictiehoven",
        subject_kind="director",
        entry_id="pk-sample-016",
        entry_name="Pieter van der Fictiehoven",
        entry_schema="Person",
        entry_details={},
        score=100.0,
        matched_name="Peter van der Fictiehoven",
        explanation=(),
        judgement=judgement,
    )


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_tables_are_used_until_one_is_imported(session: Session) -> None:
    level, note, source = risk_rating(session, "country", "KE")

    assert level is RiskLevel.MEDIUM
    assert note == "indicative"
    assert "country_risk.csv" in source
    assert risk_rating(session, "sector", "floriculture")[0] is RiskLevel.HIGH
    assert risk_rating(session, "country", None) is None
    assert risk_rating(session, "country", "XX") is None


def test_reading_a_shipped_rating_stores_nothing(session: Session) -> None:
    # A read filled the empty table from the shipped one each time (its transaction is not
    # committed): ~250 rows inserted per request shown, at 10x the demo data thousands of
    # times a journey, on the thread whose interpreter the window needs.
    assert risk_rating(session, "country", "KE")[0] is RiskLevel.MEDIUM
    assert risk_rating(session, "sector", "floriculture")[0] is RiskLevel.HIGH

    assert not session.new and not session.dirty
    assert session.scalar(select(func.count()).select_from(RiskRatingRow)) == 0


def test_an_imported_table_replaces_that_kind_only(session: Session, tmp_path: Path) -> None:
    risk_rating(session, "sector", "cocoa")
    path = _write(tmp_path / "csr-check.csv", "code,level,note\nke,high,local check\nNL,low,\n")

    assert import_risk_table(session, path, "country", ACTOR) == 2

    assert risk_rating(session, "country", "KE") == (RiskLevel.HIGH, "local check", "csr-check.csv")
    assert risk_rating(session, "country", "BD") is None
    assert risk_rating(session, "sector", "cocoa")[0] is RiskLevel.HIGH
    assert verify_chain(session).entries == 1


@pytest.mark.parametrize(
    ("kind", "text", "message"),
    [
        ("country", "code,level\nKE,high\nXX,low\n", "t.csv, row 3: unknown country code 'XX'"),
        ("sector", "code,level\ntulips,high\n", "t.csv, row 2: unknown sector code 'tulips'"),
        ("country", "code,level\nKE,severe\n", "t.csv, row 2: level 'severe' is not low"),
        ("country", "code,level\nKE,high\nke,low\n", "t.csv, row 3: KE is also on row 2"),
        ("country", "code,note\nKE,x\n", "t.csv, row 1: no column level"),
        ("country", "code,level\n,high\n", "t.csv, row 2: no code"),
        ("country", "code,level\n", "t.csv: the file holds no ratings"),
        ("country", "", "t.csv: the file is empty"),
    ],
)
def test_a_bad_risk_file_is_refused_whole_naming_file_and_row(
    session: Session, tmp_path: Path, kind: str, text: str, message: str
) -> None:
    before = risk_rating(session, kind, "KE" if kind == "country" else "cocoa")
    session.commit()
    rows = session.scalar(select(func.count()).select_from(RiskRatingRow))

    with pytest.raises(PostkitError) as raised:
        import_risk_table(session, _write(tmp_path / "t.csv", text), kind, ACTOR)

    assert str(raised.value).startswith(message)
    assert session.scalar(select(func.count()).select_from(RiskRatingRow)) == rows
    assert risk_rating(session, kind, "KE" if kind == "country" else "cocoa") == before


@pytest.mark.parametrize(
    ("file_name", "content"),
    [
        ("nl-excel.csv", 'code;level;note\r\nKE;high;"Côte d\'Ivoire-achtig; zie rapport"\r\n'),
        ("en-excel.csv", 'code,level,note\r\nKE,high,"Côte d\'Ivoire-achtig; zie rapport"\r\n'),
        ("utf8-bom.csv", '\ufeffcode;level;note\nKE;high;"Côte d\'Ivoire-achtig; zie rapport"\n'),
    ],
    ids=["excel-dutch-cp1252", "excel-english-cp1252", "csv-utf8-semicolons"],
)
def test_a_risk_table_saved_by_excel_in_either_locale_imports(
    session: Session, tmp_path: Path, file_name: str, content: str
) -> None:
    path = tmp_path / file_name
    encoding = "utf-8" if "utf8" in file_name else "cp1252"
    path.write_bytes(content.encode(encoding))

    assert import_risk_table(session, path, "country", ACTOR) == 1

    level, note, _source = risk_rating(session, "country", "KE")
    assert level is RiskLevel.HIGH
    assert note == "Côte d'Ivoire-achtig; zie rapport"


def test_a_risk_table_may_be_an_excel_workbook(session: Session, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Code", "Level", "Note"])
    sheet.append(["ke", "High", "from the workbook"])
    sheet.append([None, None, None])
    sheet.append(["BD", "medium", None])
    path = tmp_path / "risk.xlsx"
    workbook.save(path)

    assert import_risk_table(session, path, "country", ACTOR) == 2

    assert risk_rating(session, "country", "KE") == (
        RiskLevel.HIGH,
        "from the workbook",
        "risk.xlsx",
    )
    assert risk_rating(session, "country", "BD")[0] is RiskLevel.MEDIUM


def test_a_damaged_workbook_is_refused_by_name(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "risk.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")

    with pytest.raises(PostkitError, match=r"^risk\.xlsx: not an Excel workbook"):
        import_risk_table(session, path, "country", ACTOR)


def test_an_unknown_kind_of_table_is_refused(session: Session, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as raised:
        import_risk_table(session, _write(tmp_path / "t.csv", "code,level\n"), "region", ACTOR)
    assert raised.value.field == "kind"


@pytest.mark.parametrize(
    ("employees", "balance", "turnover", "expected"),
    [
        (500, 20_000_001, None, True),
        (800, None, 40_000_001, True),
        (500, 20_000_000, 40_000_000, False),
        (499, 90_000_000, 90_000_000, False),
        (499, None, None, False),
        (600, None, None, None),
        (600, 1_000, None, None),
        (None, 90_000_000, 90_000_000, None),
    ],
)
def test_a_large_company_has_500_employees_and_a_large_balance_or_turnover(
    employees: int | None, balance: int | None, turnover: int | None, expected: bool | None
) -> None:
    data = replace(LOW_RISK, employees=employees, balance_sheet_eur=balance, turnover_eur=turnover)
    assert is_large_company(data) is expected


def test_good_answers_in_a_low_risk_setting_advise_support(session: Session) -> None:
    summary = risk_summary(session, _record())

    assert summary.level is RiskLevel.LOW
    assert summary.advice == ADVICE_LOW
    assert summary.red_flags == summary.open_items == ()
    assert {factor.source for factor in summary.factors} == {"country", "sector", "size"}


def test_size_sets_what_is_expected_not_the_risk(session: Session) -> None:
    large = risk_summary(session, _record(LARGE, answers={**GOOD, "company_size": Answer.YES}))
    small = risk_summary(session, _record())

    assert large.level is small.level is RiskLevel.LOW
    assert large.advice == small.advice == ADVICE_LOW
    [size] = [factor for factor in large.factors if factor.source == "size"]
    assert size.level is RiskLevel.LOW
    assert "not the risk" in size.weight
    assert "niet het risico" in size.weighed("nl")


def test_an_sme_missing_public_reporting_is_not_weighed_as_forced_labour(
    session: Session,
) -> None:
    reporting = risk_summary(session, _record(answers={**GOOD, "dd_communicate": Answer.NO}))
    forced_labour = risk_summary(session, _record(answers={**GOOD, "child_labour": Answer.YES}))

    assert reporting.level is RiskLevel.LOW
    assert reporting.advice == ADVICE_LOW
    assert reporting.red_flags == ()
    [gap] = [factor for factor in reporting.factors if factor.source == "dd_communicate"]
    assert gap.level is RiskLevel.LOW
    assert "not expected" in gap.weight
    assert forced_labour.level is RiskLevel.HIGH
    assert forced_labour.advice == ADVICE_HIGH
    assert forced_labour.red_flags == ("child_labour",)


def test_a_gap_weighs_where_that_element_is_expected_of_the_company(session: Session) -> None:
    large = _record(
        LARGE, answers={**GOOD, "company_size": Answer.YES, "dd_communicate": Answer.NO}
    )
    sme_in_high_risk_sector = _record(
        replace(LOW_RISK, operating_sector="cocoa"), answers={**GOOD, "dd_track": Answer.NO}
    )
    sme_gap_everyone = _record(answers={**GOOD, "dd_identify": Answer.NO})

    for record, item, whom in (
        (large, "dd_communicate", "expected of a large company"),
        (sme_in_high_risk_sector, "dd_track", "expected of a company operating in a high-risk"),
        (sme_gap_everyone, "dd_identify", "expected of every company"),
    ):
        summary = risk_summary(session, record)
        [gap] = [factor for factor in summary.factors if factor.source == item]
        assert gap.level is RiskLevel.MEDIUM, item
        assert summary.red_flags == (item,)
        assert summary.advice == ADVICE_GAPS
        assert whom in gap.weight


@pytest.mark.parametrize("item", ["child_labour", "ncp_allegations", "sanctions"])
def test_a_severe_red_flag_is_high_whatever_the_size(session: Session, item: str) -> None:
    for data in (LOW_RISK, LARGE):
        summary = risk_summary(session, _record(data, answers={**GOOD, item: Answer.YES}))

        assert summary.level is RiskLevel.HIGH
        [flag] = [factor for factor in summary.factors if factor.source == item]
        assert flag.level is RiskLevel.HIGH
        assert "whatever the company's size" in flag.weight
        assert flag.weighed("nl")


def test_every_factor_explains_itself_and_its_weight_in_both_languages(
    session: Session,
) -> None:
    record = _record(
        replace(LOW_RISK, operating_country="SD"),
        answers={**GOOD, "dd_communicate": Answer.NO, "ncp_allegations": Answer.YES},
        matches=(_match(Judgement.CONFIRMED),),
    )

    summary = risk_summary(session, record)

    assert {factor.source for factor in summary.factors} >= {
        "country",
        "sector",
        "size",
        "dd_communicate",
        "ncp_allegations",
        "sanctions",
    }
    for factor in summary.factors:
        assert factor.explanation and factor.explained("nl") != factor.explanation
        assert factor.weight and factor.weighed("nl") != factor.weight


def test_no_advice_while_steps_are_open(session: Session) -> None:
    answers = {code: answer for code, answer in GOOD.items() if code in ("imvo_declaration",)}

    summary = risk_summary(session, _record(answers=answers, is_screened=False))

    assert len(summary.open_items) == 11
    assert summary.advice == (
        "Incomplete: 11 steps open. No advice until every step is answered "
        "and the names are screened."
    )
    assert summary.advice_in("nl") == (
        "Onvolledig: 11 stappen open. Geen advies totdat elke stap is beantwoord en de namen "
        "zijn gescreend."
    )
    assert not summary.is_complete


def test_an_unscreened_request_has_the_sanctions_step_open(session: Session) -> None:
    summary = risk_summary(session, _record(is_screened=False))

    assert summary.open_items == ("sanctions",)
    assert summary.advice.startswith("Incomplete: 1 step open.")
    assert summary.advice_in("nl").startswith("Onvolledig: 1 stap open.")


def test_unanswered_items_are_open_in_checklist_order(session: Session) -> None:
    answers = {code: answer for code, answer in GOOD.items() if code not in ("gender", "dd_embed")}
    answers["imvo_declaration"] = Answer.UNKNOWN

    summary = risk_summary(session, _record(answers=answers))

    assert summary.open_items == ("imvo_declaration", "dd_embed", "gender")


def test_the_size_answer_counts_only_when_the_figures_do_not_tell(session: Session) -> None:
    unknown_size = replace(LOW_RISK, employees=None)
    gap = {**GOOD, "dd_communicate": Answer.NO}
    answered_large = risk_summary(
        session, _record(unknown_size, {**gap, "company_size": Answer.YES})
    )
    answered_small = risk_summary(
        session, _record(unknown_size, {**gap, "company_size": Answer.NO})
    )
    unanswered = risk_summary(
        session, _record(unknown_size, {**gap, "company_size": Answer.UNKNOWN})
    )

    assert answered_large.advice == ADVICE_GAPS
    assert answered_small.advice == ADVICE_LOW
    assert unanswered.open_items == ("company_size",)


def test_country_and_sector_ratings_are_factors(session: Session) -> None:
    data = replace(LOW_RISK, operating_country="SD", operating_sector="construction")

    summary = risk_summary(session, _record(data))

    factors = {factor.source: factor for factor in summary.factors}
    assert factors["country"].level is RiskLevel.HIGH
    assert "Sudan" in factors["country"].explanation
    assert factors["country"].explained("nl").startswith("landenrisico van Soedan: hoog")
    assert factors["sector"].level is RiskLevel.MEDIUM
    assert summary.level is RiskLevel.HIGH
    assert summary.advice == ADVICE_HIGH_SETTING
    assert summary.advice_in("nl").startswith("Geen rode vlaggen")


def test_electronics_is_not_rated_low_risk(session: Session) -> None:
    level, note, _source = risk_rating(session, "sector", "ict_electronics")

    assert level is not RiskLevel.LOW
    assert "tantalum" in note


def test_a_confirmed_sanctions_match_advises_declining(session: Session) -> None:
    summary = risk_summary(session, _record(matches=(_match(Judgement.CONFIRMED),)))

    assert summary.level is RiskLevel.HIGH
    assert summary.advice == ADVICE_SANCTIONS
    assert "sanctions" in summary.red_flags
    [factor] = [factor for factor in summary.factors if factor.source == "sanctions"]
    assert factor.explanation.startswith(
        "confirmed sanctions match: Pieter van der Fictiehoven (pk-sample-016)"
    )
    assert factor.explained("nl").startswith(
        "bevestigde treffer op de sanctielijst: Pieter van der Fictiehoven (pk-sample-016) voor"
    )
    assert summary.advice_in("nl") == "Afwijzen: een bevestigde treffer op de sanctielijst."


def test_open_candidates_keep_the_sanctions_step_open(session: Session) -> None:
    open_summary = risk_summary(session, _record(matches=(_match(Judgement.OPEN),)))
    dismissed = risk_summary(session, _record(matches=(_match(Judgement.DISMISSED),)))

    assert open_summary.open_items == ("sanctions",)
    assert open_summary.advice.startswith("Incomplete: 1 step open.")
    assert dismissed.level is RiskLevel.LOW
    assert dismissed.advice == ADVICE_LOW
    assert not [factor for factor in dismissed.factors if factor.source == "sanctions"]


def test_the_dutch_explanation_of_a_shipped_rating_is_dutch_throughout(session: Session) -> None:
    summary = risk_summary(session, _record(replace(LOW_RISK, operating_country="AD")))
    [country] = [factor for factor in summary.factors if factor.source == "country"]
    assert "(indicative)" in country.explained("en")
    assert "shipped with postkit" in country.explained("en")
    dutch = country.explained("nl")
    assert "(indicatief)" in dutch and "(meegeleverd met postkit)" in dutch
    assert "indicative" not in dutch and "shipped" not in dutch
