"""No part of a test run writes to the user's real data folder.

The per-test folder comes from a function-scoped fixture, which pytest sets up after the
module- and session-scoped ones: those (and code run while collecting) need the run's own
folder, or they write headquarters' list of posts and the like into the real one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from platformdirs import user_data_path

from postkit.core.paths import APP_NAME, user_data_dir

AT_COLLECTION = user_data_dir()


@pytest.fixture(scope="module")
def module_data_dir() -> Path:
    return user_data_dir()


def _real() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def test_module_fixtures_use_a_folder_of_the_run(module_data_dir: Path) -> None:
    assert module_data_dir != _real()
    assert not module_data_dir.is_relative_to(_real())


def test_code_run_while_collecting_uses_a_folder_of_the_run() -> None:
    assert _real() != AT_COLLECTION


def test_each_test_still_has_a_folder_of_its_own(tmp_path: Path, module_data_dir: Path) -> None:
    assert user_data_dir() == tmp_path / "user-data"
    assert user_data_dir() != module_data_dir
