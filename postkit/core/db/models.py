"""Imports every table module so that `Base.metadata` knows the whole schema."""

from postkit.core import profile, users
from postkit.core.activities import models as activity_models
from postkit.core.db.base import Base
from postkit.core.hq import models as hq_models
from postkit.core.practices import models as practice_models
from postkit.core.screening import models as screening_models
from postkit.core.surveys import models as survey_models
from postkit.core.surveys import sent_exports

metadata = Base.metadata

__all__ = [
    "activity_models",
    "hq_models",
    "metadata",
    "practice_models",
    "profile",
    "screening_models",
    "sent_exports",
    "survey_models",
    "users",
]
