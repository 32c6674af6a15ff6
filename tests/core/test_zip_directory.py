"""The quick reading of a zip's central directory against its reference, Python's zipfile."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from postkit.core.zip_directory import ZipEntry, zip_entries
from tests.faults.hostile_files import hostile_contents
from tests.hq_returns_files import write_return_file

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"


def _zipfile_entries(data: bytes) -> list[ZipEntry] | Exception:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [ZipEntry.of(info) for info in archive.infolist()]
    except Exception as error:  # what zipfile says of it: the quick reading must not differ
        return error


def _assert_agrees(data: bytes) -> list[ZipEntry] | None:
    """The quick reading gives nothing, or what zipfile gives; returns what it gave."""
    quick = zip_entries(data)
    if quick is not None:
        assert quick == _zipfile_entries(data)
    return quick


def _workbook() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["code", "level"])
    workbook.create_sheet("second").append([1, 2])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _zip(members: dict[str, bytes], **options: object) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
        if "comment" in options:
            archive.comment = options["comment"]  # type: ignore[assignment]
    return buffer.getvalue()


def test_the_workbooks_postkit_reads_are_read_quickly_as_zipfile_reads_them(
    tmp_path: Path,
) -> None:
    files = [_workbook(), *(path.read_bytes() for path in sorted(SURVEYS.glob("*.xlsx")))]
    files.append(write_return_file(tmp_path / "return.xlsx", "Embassy Testland", 2026).read_bytes())
    for data in files:
        entries = _assert_agrees(data)
        assert entries is not None and any(e.filename == "xl/workbook.xml" for e in entries)


def _name_longer(data: bytes, by: int) -> bytes:
    """`data` with its last central directory entry's name length raised `by` bytes."""
    entry = data.rindex(b"PK\x01\x02")
    length = int.from_bytes(data[entry + 28 : entry + 30], "little") + by
    return data[: entry + 28] + length.to_bytes(2, "little") + data[entry + 30 :]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("an archive comment", _zip({"a.xml": b"<a/>"}, comment=b"made by hand")),
        ("a stub before the zip", b"MZ stub " * 40 + _zip({"a.xml": b"<a/>"})),
        ("a UTF-8 name", _zip({"xl/\u00e9t\u00e9.xml": b"<a/>"})),
        ("a NUL in a name", _zip({"xl/a.xml\0.exe": b"<a/>"})),
        ("a backslash in a name", _zip({"xl\\a.xml": b"<a/>"})),
        ("no parts", _zip({})),
        ("a cut-off directory", _zip({"a.xml": b"<a/>"})[:-30]),
        ("a last name running past the directory", _name_longer(_zip({"a.xml": b"<a/>"}), 9)),
    ],
)
def test_other_layouts_are_left_to_zipfile_or_read_as_it_reads_them(name: str, data: bytes) -> None:
    _assert_agrees(data)


def test_zip64_and_a_comment_are_left_to_zipfile(monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patched:
        patched.setattr(zipfile, "ZIP64_LIMIT", 16)  # zip64 records for a part of 40 bytes
        zip64 = _zip({"a.xml": b"<a>" + b" " * 40 + b"</a>"})
    assert b"PK\x06\x07" in zip64  # the zip64 locator
    assert zip_entries(zip64) is None
    assert zip_entries(_zip({"a.xml": b"<a/>"}, comment=b"x")) is None
    assert isinstance(_zipfile_entries(zip64), list)  # zipfile reads both
    assert isinstance(_zipfile_entries(_zip({"a.xml": b"<a/>"}, comment=b"x")), list)


def test_every_hostile_zip_is_left_to_zipfile_or_read_as_it_reads_it() -> None:
    for kind, make in hostile_contents().items():
        data = make()
        if data.startswith(b"PK"):
            _assert_agrees(data)  # the kind named in a failure by pytest's assertion rewrite
            assert kind


def test_a_damaged_directory_is_read_as_zipfile_reads_it_or_left_to_it() -> None:
    """3,000 workbooks with bytes changed, cut or inserted in the central directory and the
    end record, where the quick reading works: it gives what zipfile gives, or nothing."""
    base = _workbook()
    directory = base.index(b"PK\x01\x02")
    rng = random.Random(20261206)
    quick = 0
    for _ in range(3000):
        data = bytearray(base)
        for _change in range(rng.randint(1, 3)):
            position = rng.randrange(directory, len(data))
            choice = rng.random()
            if choice < 0.7:
                data[position] = rng.randrange(256)
            elif choice < 0.85:
                del data[position : position + rng.randint(1, 8)]
            else:
                data[position:position] = rng.randbytes(rng.randint(1, 8))
        quick += _assert_agrees(bytes(data)) is not None
    assert quick > 500  # the quick reading was put to the test, not only left out
