from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from postkit.core.errors import NotFoundError, ValidationError
from postkit.core.users import (
    PostUser,
    add_user,
    deactivate_user,
    ensure_user,
    list_users,
    rename_user,
    set_user_active,
)


def _names(session: Session, include_inactive: bool = False) -> list[str]:
    return [user.name for user in list_users(session, include_inactive)]


def test_users_are_listed_by_name(session: Session) -> None:
    for name in ("wanjiru Kamau", "Tess Tester", "Amina  Odhiambo "):
        add_user(session, name)
    assert _names(session) == ["Amina Odhiambo", "Tess Tester", "wanjiru Kamau"]


def test_a_name_is_required_and_unique_whatever_its_case(session: Session) -> None:
    add_user(session, "Tess Tester")
    with pytest.raises(ValidationError, match="required"):
        add_user(session, "   ")
    with pytest.raises(ValidationError, match="in the list already"):
        add_user(session, "tess tester")
    with pytest.raises(ValidationError, match="at most 120"):
        add_user(session, "x" * 121)
    assert _names(session) == ["Tess Tester"]


def test_a_deactivated_user_is_hidden_and_comes_back_when_added_again(session: Session) -> None:
    tess = add_user(session, "Tess Tester")
    add_user(session, "Amina Odhiambo")
    assert deactivate_user(session, tess.id) == PostUser(tess.id, "Tess Tester", False)
    assert _names(session) == ["Amina Odhiambo"]
    assert _names(session, include_inactive=True) == ["Amina Odhiambo", "Tess Tester"]
    assert add_user(session, "tess tester") == PostUser(tess.id, "Tess Tester", True)
    assert _names(session) == ["Amina Odhiambo", "Tess Tester"]


def test_the_last_active_user_cannot_be_deactivated(session: Session) -> None:
    tess = add_user(session, "Tess Tester")
    with pytest.raises(ValidationError, match="last active user"):
        deactivate_user(session, tess.id)
    assert set_user_active(session, tess.id, True).is_active


def test_renaming_corrects_a_name_but_not_into_another_users(session: Session) -> None:
    tess = add_user(session, "Tess Tster")
    add_user(session, "Amina Odhiambo")
    assert rename_user(session, tess.id, "Tess Tester").name == "Tess Tester"
    assert rename_user(session, tess.id, "tess tester").name == "tess tester"
    with pytest.raises(ValidationError, match="in the list already"):
        rename_user(session, tess.id, "AMINA ODHIAMBO")
    with pytest.raises(NotFoundError):
        rename_user(session, 999, "Nobody")


def test_ensure_user_adds_a_missing_name_once(session: Session) -> None:
    first = ensure_user(session, "Tess Tester")
    assert ensure_user(session, "Tess Tester") == first
    assert _names(session) == ["Tess Tester"]
