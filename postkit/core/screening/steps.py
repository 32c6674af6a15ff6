"""The checklist's steps of a request: their numbers, which are still open, the company's size.

One numbering everywhere: the checklist's steps are numbered 1..N in the checklist's order,
on screen, in the risk summary and in the decision record. The risk summary gives no advice
while a step is open, and a decision with open steps needs a reason.
"""

from __future__ import annotations

from functools import cache

from postkit.core.screening import reference as screening_reference
from postkit.core.screening.records import Answer, RequestInput, RequestRecord

LARGE_EMPLOYEES = 500
LARGE_BALANCE_SHEET_EUR = 20_000_000
LARGE_TURNOVER_EUR = 40_000_000
SIZE_ITEM = "company_size"
SANCTIONS_ITEM = "sanctions"


@cache
def step_numbers() -> dict[str, int]:
    """The number of each checklist item, from 1, as the checklist shows it."""
    return {item.code: number for number, item in enumerate(screening_reference.checklist(), 1)}


def step_number(code: str) -> int | None:
    return step_numbers().get(code)


def is_large_company(data: RequestInput) -> bool | None:
    """500+ employees and more than EUR 20M balance sheet or EUR 40M turnover; None if unknown."""
    if data.employees is None:
        return None
    if data.employees < LARGE_EMPLOYEES:
        return False
    balance, turnover = data.balance_sheet_eur, data.turnover_eur
    if (balance is not None and balance > LARGE_BALANCE_SHEET_EUR) or (
        turnover is not None and turnover > LARGE_TURNOVER_EUR
    ):
        return True
    if balance is None or turnover is None:
        return None
    return False


def is_large(record: RequestRecord) -> bool | None:
    """Large by the figures; where they do not tell, by the officer's answer; else None."""
    large = is_large_company(record.data)
    if large is None:
        answer = record.answer(SIZE_ITEM).answer
        if answer is not Answer.UNKNOWN:
            large = answer is Answer.YES
    return large


def is_sanctions_screening_done(record: RequestRecord) -> bool:
    """The names were screened against a list and every candidate still listed was judged."""
    return record.screened_at is not None and not any(match.is_to_judge for match in record.matches)


def open_steps(record: RequestRecord) -> tuple[str, ...]:
    """The checklist items still open, in checklist order.

    An item is open while it is unanswered or answered "unknown"; the size item while
    neither the figures nor the officer tell; the sanctions item also while the names are
    not screened or a candidate is still to be judged.
    """
    steps: list[str] = []
    for item in screening_reference.checklist():
        if item.code == SIZE_ITEM:
            is_open = is_large(record) is None
        else:
            is_open = record.answer(item.code).answer is Answer.UNKNOWN
            if item.code == SANCTIONS_ITEM and not is_sanctions_screening_done(record):
                is_open = True
        if is_open:
            steps.append(item.code)
    return tuple(steps)
