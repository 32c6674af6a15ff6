"""The annual report's unique companies, planned against done, and core task 4 per quarter."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from postkit.core.activities.report import write_annual_report
from postkit.core.followups.records import FollowUpInput
from postkit.core.followups.service import decide_with_conditions
from postkit.core.screening.records import Decision, Outcome, RequestInput
from postkit.core.screening.service import create_request
from tests.core.test_activity_figures import _activity, _company
from tests.pdf_text import pdf_lines, pdf_text


def test_the_report_counts_each_company_once_and_says_so(session: Session, tmp_path: Path) -> None:
    a, b = _company(session, "Alfa"), _company(session, "Bravo")
    year = date.today().year
    _activity(session, 2, date(year, 1, 5), (a, b), unnamed=4)
    _activity(session, 2, date(year, 2, 5), (a,), unnamed=1)
    _activity(session, 2, date(year, 3, 5), status="planned")
    out = tmp_path / "report.pdf"

    write_annual_report(session, year, out)

    lines = pdf_lines(out)
    text = " ".join(lines)
    # 2 named (Alfa once) + 5 unnamed, not 2 + 1 + 4 + 1 typed reach.
    assert f"In {year} the post recorded 3 activities, reaching 7 companies" in text
    assert "Unique companies reached" in text
    assert "each company named in the register counts once" in text
    assert f"(2 in {year})" in text and "without naming them (5)" in text
    task_2 = next(i for i, line in enumerate(lines) if line.startswith("2. Raising"))
    # activities, planned / done, unique companies, participants (the label may wrap)
    figures = [
        line for line in lines[task_2 + 1 : task_2 + 7] if re.fullmatch(r"\d+( / \d+)?", line)
    ]
    assert figures[:4] == ["3", "1 / 2", "7", "0"]


def test_the_report_has_core_task_4_per_quarter(session: Session, tmp_path: Path) -> None:
    year = date.today().year
    request = create_request(
        session,
        RequestInput("Zuidwind B.V.", "trade_mission", requested_on=date(year, 1, 2)),
        "Tess",
    ).id
    decide_with_conditions(
        session,
        request,
        Decision(Outcome.SUPPORT_WITH_CONDITIONS, "Gaps", open_steps_reason="Now"),
        [FollowUpInput("condition", "Audit", date(year, 12, 1))],
        "Tess",
    )
    out = tmp_path / "report.pdf"

    write_annual_report(session, year, out, language="en")

    text = pdf_text(out)
    assert "4. Applying IMVO conditions" in text
    lines = pdf_lines(out)

    def row(name: str) -> list[str]:
        """Q1–Q4 and the year, the cells that follow the row's name."""
        at = lines.index(name)
        return lines[at + 1 : at + 6]

    assert row("Requests received") == ["1", "0", "0", "0", "1"]
    assert sum(int(v) for v in row("Conditions agreed")[:4]) == 1
    assert row("Conditions agreed")[4] == "1"
    assert row("Conditions met") == ["0", "0", "0", "0", "0"]
