"""A CSV in an encoding postkit does not read is refused naming that encoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from postkit.core.errors import PostkitError
from postkit.core.screening.sanctions import read_sanctions_csv

TEXT = "id,schema,name\nNK-1,Person,Kim Jong Un\n"


@pytest.mark.parametrize(
    ("encoding", "named"),
    [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")],
)
def test_a_utf16_sanctions_list_is_refused_naming_its_encoding(
    tmp_path: Path, encoding: str, named: str
) -> None:
    path = tmp_path / "targets.simple.csv"
    path.write_bytes(TEXT.encode(encoding))

    with pytest.raises(PostkitError) as refused:
        read_sanctions_csv(path)

    message = str(refused.value)
    assert named in message and "targets.simple.csv" in message
    assert "UTF-8" in message  # what to save it as instead
    assert "no column" not in message


def test_a_utf8_list_with_its_byte_order_mark_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "targets.simple.csv"
    path.write_bytes(TEXT.encode("utf-8-sig"))

    assert [entry.name for entry in read_sanctions_csv(path).entries] == ["Kim Jong Un"]
