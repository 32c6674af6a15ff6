"""Imports every table module so that `Base.metadata` knows the whole schema."""

from postkit.core import profile
from postkit.core.activities import models as activity_models
from postkit.core.db.base import Base

metadata = Base.metadata

__all__ = ["activity_models", "metadata", "profile"]
