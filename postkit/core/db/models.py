"""Imports every table module so that `Base.metadata` knows the whole schema."""

from postkit.core import import_layouts, profile, users
from postkit.core.activities import models as activity_models
from postkit.core.companies import models as company_models
from postkit.core.db.base import Base
from postkit.core.followups import models as followup_models
from postkit.core.hq import models as hq_models
from postkit.core.practices import models as practice_models
from postkit.core.returns import models as return_models
from postkit.core.screening import models as screening_models
from postkit.core.surveys import models as survey_models
from postkit.core.surveys import sent_exports

metadata = Base.metadata

__all__ = [
    "activity_models",
    "company_models",
    "followup_models",
    "hq_models",
    "import_layouts",
    "metadata",
    "practice_models",
    "profile",
    "return_models",
    "screening_models",
    "sent_exports",
    "survey_models",
    "users",
]
