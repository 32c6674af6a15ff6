"""Fictional responses to the shipped evaluation survey, so export and aggregation can be tried.

Several respondents per post answer in Dutch or English. About four in five agree that the
guidelines are clear, workable and user-friendly, as the 2021 evaluation found; a post's
activity on the core tasks follows how much Dutch business there is in its country. Every name
is invented, and the same seed, posts and day always give the same responses (UUIDs included).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from postkit.core.surveys.engine import FormSession
from postkit.core.surveys.forms import Form, Question
from postkit.core.surveys.models import SurveyResponseRow
from postkit.core.surveys.service import (
    ensure_shipped_forms,
    find_form,
    load_definition,
    start_response,
    submit_response,
)

EVALUATION_FORM_ID = "imvo_guidelines_evaluation"
DEMO_ACTOR = "demo"
AGREE_SHARE = 0.8

# City or country in a post's name -> region choice of the evaluation form.
_REGIONS = {
    "africa": ("nairobi", "accra", "addis", "lagos", "kampala", "dakar", "pretoria", "maputo"),
    "asia_oceania": ("dhaka", "hanoi", "shanghai", "jakarta", "beijing", "tokyo", "canberra"),
    "latin_america": ("bogot", "lima", "brasília", "brasilia", "mexico", "santiago", "buenos"),
    "europe": ("ankara", "berlin", "paris", "warsaw", "brussels", "madrid", "london"),
    "mena": ("cairo", "amman", "rabat", "beirut", "riyadh", "tunis", "algiers"),
    "north_america": ("washington", "ottawa", "new york", "chicago", "toronto"),
}
_FIRST_NAMES = (
    "Anouk", "Bas", "Chidi", "Daan", "Esther", "Farah", "Gijs", "Hanna", "Ilse", "Jeroen",
    "Kwame", "Lotte", "Mai", "Noor", "Olga", "Pieter", "Rutger", "Sanne", "Thu", "Wanjiru",
)  # fmt: skip
_LAST_NAMES = (
    "Achterberg", "Bakker", "Castillo", "Dijkstra", "Emre", "Fofana", "de Graaf", "Hoekstra",
    "Ismail", "Jansen", "Kamau", "van Leeuwen", "Mensah", "Nguyen", "Okafor", "Peeters",
    "Quispe", "Rahman", "Smit", "Visser",
)  # fmt: skip
_TEXTS: dict[str, dict[str, tuple[str, ...]]] = {
    "good_practice": {
        "en": (
            "A yearly RBC breakfast with Dutch companies and local NGOs, each time on one theme.",
            "We add a short IMVO paragraph to every trade mission programme.",
            "- risk scan per sector\n- shared with the chamber of commerce",
            "Joint webinar with the EU delegation on the new due diligence rules.",
        ),
        "nl": (
            "Een jaarlijks IMVO-ontbijt met Nederlandse bedrijven en lokale ngo's, steeds over "
            "één thema.",
            "Bij elk handelsmissieprogramma een korte IMVO-paragraaf.",
            "- risicoscan per sector\n- gedeeld met de kamer van koophandel",
            "Samen met de EU-delegatie een webinar over de nieuwe zorgplichtregels.",
        ),
    },
    "comments": {
        "en": (
            "The guidelines are helpful, but the part on core task 4 could be shorter.",
            "More examples from posts in comparable countries would help.",
            "Clear document; time is the main constraint at a small post.",
        ),
        "nl": (
            "De richtlijnen helpen, maar het deel over kerntaak 4 kan korter.",
            "Meer voorbeelden van posten in vergelijkbare landen zouden helpen.",
            "Helder document; tijd is op een kleine post de beperkende factor.",
        ),
    },
    "actions_other": {
        "en": ("Round table with the local garment industry.",),
        "nl": ("Rondetafel met de lokale kledingindustrie.",),
    },
    "support_other": {
        "en": ("A budget line for small IMVO events.",),
        "nl": ("Een budget voor kleine IMVO-bijeenkomsten.",),
    },
    "role_other": {
        "en": ("Trade and investment adviser",),
        "nl": ("Adviseur handel en investeringen",),
    },
}
_GENERIC_TEXT = {"en": "Demo answer", "nl": "Demo-antwoord"}


@dataclass(frozen=True)
class PostProfile:
    """What all respondents of one demo post have in common."""

    name: str
    region: str
    business: str  # low, medium, high


@dataclass(frozen=True)
class Respondent:
    """One fictional respondent: language, anonymity, name and how they judge the guidelines."""

    language: str
    is_anonymous: bool
    name: str
    agrees: float  # the chance this respondent agrees with a Likert statement


def seed_survey_demo(
    session: Session,
    posts: Sequence[str],
    respondents_per_post: int = 3,
    seed: int = 2021,
    today: date | None = None,
) -> int:
    """Add submitted responses to the evaluation survey from each post; return how many.

    Imports the shipped forms first if needed. Responses already seeded (same UUID) are skipped,
    so running it again adds nothing.
    """
    today = today or date.today()
    ensure_shipped_forms(session, DEMO_ACTOR)
    info = find_form(session, EVALUATION_FORM_ID)
    form = load_definition(session, info.id)
    existing = set(session.scalars(select(SurveyResponseRow.uuid)))
    added = 0
    for post_name in posts:
        post = post_profile(post_name, seed)
        for index in range(respondents_per_post):
            rng = random.Random(f"{seed}:{post_name}:{index}")
            response_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            if response_uuid in existing:
                continue
            respondent = make_respondent(rng, index)
            answers = demo_answers(form, post, respondent, rng, today)
            draft = start_response(
                session,
                info.id,
                post_name,
                respondent.language,
                respondent.is_anonymous,
                respondent.name,
            )
            submit_response(session, draft.id, answers, today=today)
            row = session.get(SurveyResponseRow, draft.id)
            assert row is not None
            submitted = _moment(rng, today)
            row.uuid = response_uuid
            row.started_at = submitted - timedelta(minutes=rng.randint(8, 40))
            row.submitted_at = row.updated_at = submitted
            session.commit()
            added += 1
    return added


def post_profile(post_name: str, seed: int = 2021) -> PostProfile:
    """A post's region (from its name where known) and amount of Dutch business."""
    rng = random.Random(f"{seed}:{post_name}")
    lowered = post_name.lower()
    region = next(
        (code for code, places in _REGIONS.items() if any(p in lowered for p in places)),
        None,
    )
    if region is None:
        region = rng.choice(sorted(_REGIONS))
    business = rng.choices(("low", "medium", "high"), weights=(3, 4, 3))[0]
    return PostProfile(post_name, region, business)


def make_respondent(rng: random.Random, index: int) -> Respondent:
    language = "nl" if (index + rng.randint(0, 1)) % 2 == 0 else "en"
    is_anonymous = rng.random() < 0.6
    name = f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}"
    # One in five is critical throughout; the others mostly agree: about 80% agreement overall.
    critical = rng.random() < 0.2
    agrees = 0.3 if critical else (AGREE_SHARE - 0.2 * 0.3) / 0.8
    return Respondent(language, is_anonymous, "" if is_anonymous else name, agrees)


def demo_answers(
    form: Form,
    post: PostProfile,
    respondent: Respondent,
    rng: random.Random,
    today: date,
) -> dict[str, object]:
    """Plausible answers to `form` that pass its validation, question by question in order.

    Known questions of the evaluation survey get answers that fit the post and respondent;
    any other question a fitting value of its type, so a revised form still gets valid data.
    """
    session = FormSession(form, language=respondent.language, today=today)
    picker = _Picker(post, respondent, rng, today, session)
    decided: set[str] = set()
    while True:
        batch: dict[str, object] = {}
        for question in form.questions():
            if question.name in decided or not session.visible(question):
                continue
            decided.add(question.name)
            value = picker.pick(question)
            if value is not None:
                batch[question.name] = value
        if not batch:
            break
        session.set_answers(batch)  # may show questions that depend on these answers
    for _ in range(5):
        errors = session.errors()
        if not errors:
            break
        session.set_answers({name: picker.generic(session.question(name)) for name in errors})
    if session.errors():
        raise AssertionError(f"demo answers do not fit form {form.form_id}: {session.errors()}")
    return session.answers_for_storage()


class _Picker:
    def __init__(
        self,
        post: PostProfile,
        respondent: Respondent,
        rng: random.Random,
        today: date,
        session: FormSession,
    ) -> None:
        self.post = post
        self.respondent = respondent
        self.rng = rng
        self.today = today
        self.session = session
        self.language = respondent.language
        self.rules: dict[str, Callable[[Question], object]] = {
            "anonymous": lambda q: "yes" if respondent.is_anonymous else "no",
            "respondent_name": lambda q: respondent.name or None,
            "post": lambda q: post.name,
            "region": lambda q: post.region,
            "business_activity": lambda q: post.business,
            "role": self._role,
            "years_imvo": lambda q: rng.choice((0, 1, 1, 2, 2, 3, 4, 5, 6, 8, 12)),
            "tools_used": self._tools,
            "actions_taken": self._actions,
            "support_wanted": self._support,
            "interview": self._interview,
            "contact_email": self._email,
        }

    def pick(self, question: Question) -> object:
        rule = self.rules.get(question.name)
        if rule is not None:
            return rule(question)
        if question.list_name == "agree5":
            return self._likert(question)
        if question.list_name == "activity5":
            return self._activity(question)
        if question.name in _TEXTS:
            if not self._answers(question, 0.5):
                return None
            return self.rng.choice(_TEXTS[question.name][self.language])
        if not self._answers(question, 0.8):
            return None
        return self.generic(question)

    def generic(self, question: Question) -> object:
        """A value of the question's type that most constraints accept."""
        rng = self.rng
        match question.type:
            case "integer":
                return rng.randint(0, 10)
            case "decimal":
                return round(rng.uniform(0, 10), 1)
            case "date":
                return self.today - timedelta(days=rng.randint(0, 60))
            case "acknowledge":
                return True
            case "select_one":
                choices = self.session.choices(question)
                return rng.choice(choices).name if choices else None
            case "select_multiple":
                names = [c.name for c in self.session.choices(question) if c.name != "none"]
                return tuple(rng.sample(names, min(len(names), rng.randint(1, 3)))) or None
        return _GENERIC_TEXT[self.language]

    def _answers(self, question: Question, chance: float) -> bool:
        """Whether to answer: always when required, else by chance."""
        return self.session.is_required(question) or self.rng.random() < chance

    def _likert(self, question: Question) -> str | None:
        if not self._answers(question, 0.85):
            return None
        rng = self.rng
        if rng.random() < self.respondent.agrees:
            return rng.choices(("4", "5"), weights=(6, 4))[0]
        return rng.choices(("1", "2", "3"), weights=(1, 3, 5))[0]

    def _activity(self, question: Question) -> str:
        shift = {"low": -1, "medium": 0, "high": 1}[self.post.business]
        if question.name.startswith("task4"):
            shift -= 1  # support to companies under conditions is asked for less often
        level = 3 + shift + self.rng.choice((-1, 0, 0, 1))
        return str(min(5, max(1, level)))

    def _role(self, question: Question) -> str:
        roles = ("head_of_mission", "deputy", "economic_head", "policy_officer", "local_staff")
        return self.rng.choices((*roles, "other"), weights=(2, 2, 3, 5, 4, 1))[0]

    def _some(self, names: Sequence[str], least: int, most: int) -> tuple[str, ...]:
        return tuple(self.rng.sample(list(names), self.rng.randint(least, most)))

    def _tools(self, question: Question) -> tuple[str, ...]:
        if self.rng.random() < 0.05:
            return ("none",)
        tools = ("oecd_guidelines", "ungps", "risk_checker", "risk_scan", "referrals")
        extra = ("conditions_checklist", "local_network", "examples_other_posts")
        return self._some(tools, 1, 3) + self._some(extra, 0, 2)

    def _actions(self, question: Question) -> tuple[str, ...]:
        if self.rng.random() < 0.1:
            return ("none",)
        actions = (
            "imvo_sessions",
            "mission_briefings",
            "staff_training",
            "local_network",
            "conditions_applied",
            "dialogue_authorities",
            "eu_cooperation",
        )
        chosen = self._some(actions, 1, 3)
        if "imvo_sessions" not in chosen and self.rng.random() < 0.5:
            chosen += ("imvo_sessions",)  # the action most posts reported
        if self.rng.random() < 0.1:
            chosen += ("other",)
        return chosen

    def _support(self, question: Question) -> tuple[str, ...] | None:
        chosen = self._some(
            ("training", "risk_information", "templates", "contact_person", "regional_exchange"),
            0,
            2,
        )
        if self.rng.random() < 0.6:
            chosen += ("examples_other_posts",)  # several posts asked for good examples
        if self.rng.random() < 0.1:
            chosen += ("other",)
        return chosen or None

    def _interview(self, question: Question) -> str:
        if self.respondent.is_anonymous:
            return "no"  # an e-mail address would end the anonymity
        return "yes" if self.rng.random() < 0.5 else "no"

    def _email(self, question: Question) -> str:
        local = ".".join(self.respondent.name.lower().replace("van ", "").split())
        return f"{local or 'respondent'}@example.org"


def _moment(rng: random.Random, today: date) -> datetime:
    """A working hour on one of the last 45 days, in UTC."""
    day = today - timedelta(days=rng.randint(1, 45))
    return datetime.combine(day, time(rng.randint(7, 16), rng.randint(0, 59)), UTC)
