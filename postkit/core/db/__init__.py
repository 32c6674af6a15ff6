"""Database access: the declarative base, engines, sessions and migrations."""

from postkit.core.db.base import Base, utc_now
from postkit.core.db.database import Database, open_database

__all__ = ["Base", "Database", "open_database", "utc_now"]
