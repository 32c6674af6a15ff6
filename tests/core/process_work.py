"""Work named by its module's name in a process job: the parent never imports this module."""

from __future__ import annotations

import sys

from sqlalchemy.orm import Session


def modules_seen(session: Session, name: str) -> bool:
    return name in sys.modules
