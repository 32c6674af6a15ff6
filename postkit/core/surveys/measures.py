"""What a question measures for headquarters' reading of a survey: the `postkit::measure` column.

Headquarters reads a survey as the Minister's letter reads it (the guidelines found clear,
workable and user-friendly together; activity per core task by the amount of Dutch business;
breakdowns by role and region). It finds the questions for that by this column of the XLSForm's
survey sheet, never by their names, so any form can carry them. pyxform keeps the column out
of the XForm: ODK and KoboToolbox read such a form as before.

To mark a question, write one of these words in its `postkit::measure` cell:

- `clarity`, `workability`, `user_friendliness`: a Likert item (a select_one on a 5-point
  agreement scale) on that quality of the guidelines. Several items may share one word: a
  respondent then agrees on it when they agree (4 or 5) on every one of them.
- `core_task_activity`: a select_one on how active the post is on one core task (one question
  per task; its label names the task). "Active" is one of the list's two last choices.
- `role`: a select_one, the respondent's role.
- `region`: a select_one, the post's region.
- `business_activity`: a select_one, the amount of Dutch business activity in the country.

`role`, `region` and `business_activity` mark one question each. A form that marks no region or
business question is read by the question names `region` and `business_activity`, as before.
"""

from __future__ import annotations

MEASURE_COLUMN = "postkit::measure"

CLARITY = "clarity"
WORKABILITY = "workability"
USER_FRIENDLINESS = "user_friendliness"
GUIDELINE_QUALITIES = (CLARITY, WORKABILITY, USER_FRIENDLINESS)
ALL_QUALITIES = "all_three"  # not a mark: the respondents agreeing on all three together
CORE_TASK_ACTIVITY = "core_task_activity"
ROLE = "role"
REGION = "region"
BUSINESS_ACTIVITY = "business_activity"

MEASURES = (*GUIDELINE_QUALITIES, CORE_TASK_ACTIVITY, ROLE, REGION, BUSINESS_ACTIVITY)
ONE_QUESTION_EACH = frozenset({ROLE, REGION, BUSINESS_ACTIVITY})
