"""Writing output files so that a failure or a cancel never leaves a half-written one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from uuid import uuid4

from postkit.core.errors import PostkitError


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` that replaces it if the block succeeds.

    The temporary file is removed whatever happens, so a failure or a cancel never leaves a
    half-written file; an OSError becomes a PostkitError naming `target`.
    """
    temp = target.with_name(f".{target.name}.{uuid4().hex[:8]}.part")
    try:
        # Fail on an unwritable folder now, not after all the work.
        temp.open("wb").close()
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    try:
        yield temp
        os.replace(temp, target)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    finally:
        temp.unlink(missing_ok=True)


def _cannot_write(target: Path, exc: OSError) -> PostkitError:
    return PostkitError(f"cannot write {target}: {exc.strerror or exc}")
