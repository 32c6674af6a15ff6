"""Write the shipped survey forms as XLSForm workbooks.

    python surveys/src/build_forms.py

The .xlsx files in `surveys/` are what postkit and headquarters use; this script is their readable
source. Edit it, run it, check with `postkit survey validate surveys/FORM.xlsx`, commit both.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

SURVEYS = Path(__file__).resolve().parent.parent
VERSION = "2026120502"  # yyyymmddrr, by XLSForm convention; raise it with every change
LANGUAGES = (("nl", "Nederlands"), ("en", "English"))
DEFAULT_LANGUAGE = "English (en)"
# Fixed times inside the workbook, so the same source gives the same bytes.
FIXED_TIME = datetime(2026, 11, 25)

TRANSLATED = ("label", "hint", "required_message", "constraint_message")
PLAIN = (
    "required",
    "relevant",
    "constraint",
    "calculation",
    "default",
    "appearance",
    "read_only",
)
# What headquarters reads a question for (postkit/core/surveys/measures.py); pyxform leaves
# the column out of the XForm. Written only in a form that marks a question.
MEASURE_COLUMN = "postkit::measure"
CORE_TASKS = (
    ("expertise opbouwen door de post", "building IMVO expertise at the post"),
    (
        "bewustwording over IMVO creëren bij het bedrijfsleven",
        "raising IMVO awareness among businesses",
    ),
    (
        "ondersteuning bieden aan het Nederlandse bedrijfsleven bij IMVO",
        "supporting Dutch businesses with responsible business conduct",
    ),
    (
        "IMVO-voorwaarden toepassen bij steun aan bedrijven",
        "applying IMVO conditions when supporting companies",
    ),
    (
        "IMVO agenderen in het land van accreditatie",
        "putting IMVO on the agenda in the country of accreditation",
    ),
)

Text = tuple[str, str]  # (Dutch, English)
# The regions of resources/reference/regions.json each region choice covers: postkit fills the
# read-only `region` question from the region of the post's country of accreditation.
REFERENCE_REGIONS = {
    "africa": "africa",
    "asia_oceania": "asia oceania",
    "europe": "europe",
    "latin_america": "latin_america_caribbean",
    "mena": "middle_east_north_africa",
    "north_america": "north_america",
}


@dataclass
class Row:
    type: str
    name: str = ""
    label: Text | None = None
    hint: Text | None = None
    required_message: Text | None = None
    constraint_message: Text | None = None
    plain: dict[str, str] = field(default_factory=dict)


def question(
    type_: str,
    name: str,
    label: Text | None,
    hint: Text | None = None,
    *,
    required_message: Text | None = None,
    constraint_message: Text | None = None,
    **plain: str,
) -> Row:
    return Row(type_, name, label, hint, required_message, constraint_message, plain)


def begin(name: str, label: Text, **plain: str) -> Row:
    return Row("begin group", name, label, plain={"appearance": "field-list", **plain})


def end() -> Row:
    return Row("end group")


NONE_ALONE = "not(selected(., 'none') and count-selected(.) > 1)"
NONE_ALONE_MESSAGE = (
    "'Geen' kan niet samen met andere antwoorden worden gekozen.",
    "'None' cannot be combined with other answers.",
)
EMAIL = r"regex(., '^[^@\s]+@[^@\s]+\.[^@\s]+$')"
AGREE_NOTE = (
    "Geef aan in hoeverre u het eens bent met de volgende stellingen.",
    "Please say how far you agree with the following statements.",
)
FROM_PROFILE = (
    "Ingevuld uit het profiel van de post.",
    "Filled in from the post's profile.",
)
CHOOSE_ALL = ("Kies alles wat van toepassing is.", "Choose all that apply.")
PICK_ONE = (
    "Kies een antwoord; kies 3 als u neutraal bent.",
    "Please choose an answer; choose 3 if you are neutral.",
)


def likert(name: str, label: Text, *, required: bool = False, **marks: str) -> Row:
    if required:
        return question(
            "select_one agree5",
            name,
            label,
            appearance="likert",
            required="yes",
            required_message=PICK_ONE,
            **marks,
        )
    return question("select_one agree5", name, label, appearance="likert", **marks)


def per_core_task(prefix: str, template: Text) -> list[Row]:
    """One Likert item per core task; the template has {n} and {task}."""
    return [
        likert(
            f"{prefix}_task{n}",
            (template[0].format(n=n, task=nl), template[1].format(n=n, task=en)),
        )
        for n, (nl, en) in enumerate(CORE_TASKS, start=1)
    ]


def choices(list_name: str, *options: tuple[str, str, str]) -> list[tuple[str, str, Text]]:
    return [(list_name, name, (nl, en)) for name, nl, en in options]


YES_NO = choices("yes_no", ("yes", "Ja", "Yes"), ("no", "Nee", "No"))
AGREE5 = choices(
    "agree5",
    ("1", "Helemaal oneens", "Strongly disagree"),
    ("2", "Oneens", "Disagree"),
    ("3", "Neutraal", "Neither agree nor disagree"),
    ("4", "Eens", "Agree"),
    ("5", "Helemaal eens", "Strongly agree"),
)


def evaluation_survey() -> tuple[list[Row], list[tuple[str, str, Text]], dict[str, str]]:
    # Whether to answer anonymously is asked once, when the response starts (postkit's start
    # dialog): it decides whether a name is stored at all, and the export says so per response.
    rows = [
        begin("intro", ("Inleiding", "Introduction")),
        question(
            "note",
            "intro_note",
            (
                "Deze vragenlijst evalueert de IMVO-richtlijnen voor het postennetwerk: hoe "
                "duidelijk, werkbaar en gebruiksvriendelijk zijn ze, wat heeft uw post ermee "
                "gedaan en welke ondersteuning wenst u? Het invullen duurt ongeveer 15 minuten.",
                "This questionnaire evaluates the IMVO (responsible business conduct) guidelines "
                "for the embassy network: how clear, workable and user-friendly are they, what "
                "has your post done with them, and what support would you like? It takes about "
                "15 minutes.",
            ),
        ),
        end(),
        begin("about_you", ("Over u en uw post", "About you and your post")),
        question(
            "select_one role",
            "role",
            ("Wat is uw functie?", "What is your role?"),
            required="yes",
            measure="role",
        ),
        question(
            "text",
            "role_other",
            ("Welke andere functie?", "Which other role?"),
            required="yes",
            relevant="${role} = 'other'",
        ),
        # Read-only: postkit fills the post and its region in from the post's profile.
        question(
            "text",
            "post",
            ("Post", "Post"),
            FROM_PROFILE,
            required="yes",
            read_only="yes",
        ),
        question(
            "select_one region",
            "region",
            ("Regio van de post", "Region of the post"),
            FROM_PROFILE,
            required="yes",
            read_only="yes",
            measure="region",
        ),
        question(
            "integer",
            "years_imvo",
            (
                "Hoeveel jaar werkt u op deze post aan IMVO?",
                "For how many years have you worked on IMVO at this post?",
            ),
            (
                "Rond af op hele jaren; 0 als het minder dan een jaar is.",
                "Round to whole years; 0 if under a year.",
            ),
            constraint=". >= 0 and . <= 40",
            constraint_message=(
                "Vul een getal van 0 tot en met 40 in.",
                "Enter a number from 0 to 40.",
            ),
        ),
        question(
            "select_one business_level",
            "business_activity",
            (
                "Hoeveel Nederlandse bedrijvigheid is er in uw land van accreditatie?",
                "How much Dutch business activity is there in your country of accreditation?",
            ),
            required="yes",
            measure="business_activity",
        ),
        end(),
        begin("activity", ("Activiteit per kerntaak", "Activity per core task")),
        question(
            "note",
            "activity_note",
            (
                "Hoe actief is uw post op elk van de vijf kerntaken uit de richtlijnen?",
                "How active is your post on each of the five core tasks of the guidelines?",
            ),
        ),
        *[
            question(
                "select_one activity5",
                f"task{n}_activity",
                (f"Kerntaak {n}: {nl}", f"Core task {n}: {en}"),
                appearance="likert",
                required="yes",
                measure="core_task_activity",
            )
            for n, (nl, en) in enumerate(CORE_TASKS, start=1)
        ],
        question(
            "calculate",
            "active_tasks",
            None,
            calculation=" + ".join(f"if(${{task{n}_activity}} >= 4, 1, 0)" for n in range(1, 6)),
        ),
        question(
            "note",
            "active_tasks_note",
            (
                "Uw post is volgens uw antwoorden actief of zeer actief op ${active_tasks} van de "
                "vijf kerntaken.",
                "By your answers, your post is active or very active on ${active_tasks} of the "
                "five core tasks.",
            ),
        ),
        end(),
        # AGREE II, "clarity of presentation": specific and unambiguous, options clearly
        # presented, key points easy to find.
        begin("clarity", ("Duidelijkheid", "Clarity")),
        question("note", "clarity_note", AGREE_NOTE),
        likert(
            "clarity_overall",
            ("De richtlijnen zijn als geheel duidelijk.", "Overall, the guidelines are clear."),
            required=True,
            measure="clarity",
        ),
        likert(
            "clarity_specific",
            (
                "De richtlijnen beschrijven specifiek en eenduidig wat van de post wordt verwacht.",
                "The guidelines state specifically and unambiguously what is expected of the post.",
            ),
        ),
        likert(
            "clarity_options",
            (
                "Waar de post kan kiezen, zijn de mogelijkheden helder beschreven.",
                "Where the post has a choice, the options are clearly set out.",
            ),
        ),
        likert(
            "clarity_key_points",
            ("De kernpunten zijn gemakkelijk te vinden.", "The key points are easy to find."),
        ),
        *per_core_task(
            "clarity",
            (
                "Kerntaak {n} ({task}) is duidelijk beschreven.",
                "Core task {n} ({task}) is clearly described.",
            ),
        ),
        end(),
        # AGREE II, "applicability": barriers and facilitators, tools to put it into practice,
        # resources needed, monitoring criteria.
        begin("workability", ("Werkbaarheid", "Workability")),
        question("note", "workability_note", AGREE_NOTE),
        likert(
            "work_overall",
            (
                "De richtlijnen zijn als geheel werkbaar in de dagelijkse praktijk van de post.",
                "Overall, the guidelines are workable in the daily practice of the post.",
            ),
            required=True,
            measure="workability",
        ),
        likert(
            "work_barriers",
            (
                "De richtlijnen houden rekening met wat het werk in de praktijk moeilijk maakt, "
                "zoals capaciteit en de lokale context.",
                "The guidelines take account of what makes the work hard in practice, such as "
                "capacity and the local context.",
            ),
        ),
        likert(
            "work_tools",
            (
                "De richtlijnen bieden genoeg instrumenten en voorbeelden om ze toe te passen.",
                "The guidelines offer enough tools and examples to put them into practice.",
            ),
        ),
        likert(
            "work_resources",
            (
                "De tijd en middelen die de richtlijnen van de post vragen, zijn haalbaar.",
                "The time and resources the guidelines ask of the post are realistic.",
            ),
        ),
        likert(
            "work_monitoring",
            (
                "Het is duidelijk hoe de post de voortgang van zijn IMVO-werk volgt en "
                "rapporteert.",
                "It is clear how the post tracks and reports the progress of its IMVO work.",
            ),
        ),
        *per_core_task(
            "work",
            (
                "Kerntaak {n} ({task}) is in de praktijk goed uitvoerbaar.",
                "Core task {n} ({task}) is workable in practice.",
            ),
        ),
        end(),
        begin("user_friendliness", ("Gebruiksvriendelijkheid", "User-friendliness")),
        question("note", "user_note", AGREE_NOTE),
        likert(
            "user_overall",
            (
                "De richtlijnen zijn als geheel gebruiksvriendelijk.",
                "Overall, the guidelines are user-friendly.",
            ),
            required=True,
            measure="user_friendliness",
        ),
        likert(
            "user_find",
            (
                "Ik vind snel wat ik zoek in de richtlijnen.",
                "I quickly find what I am looking for in the guidelines.",
            ),
        ),
        likert(
            "user_structure",
            (
                "De opbouw en de lengte van de richtlijnen zijn passend.",
                "The structure and length of the guidelines are suitable.",
            ),
        ),
        *per_core_task(
            "user",
            (
                "Het deel over kerntaak {n} ({task}) is gemakkelijk te gebruiken.",
                "The part on core task {n} ({task}) is easy to use.",
            ),
        ),
        end(),
        begin("tools", ("Instrumenten en goede voorbeelden", "Tools and good practices")),
        question(
            "select_multiple tools",
            "tools_used",
            (
                "Welke praktische instrumenten en goede voorbeelden uit de richtlijnen heeft uw "
                "post gebruikt?",
                "Which practical tools and good practices from the guidelines has your post used?",
            ),
            CHOOSE_ALL,
            required="yes",
            constraint=NONE_ALONE,
            constraint_message=NONE_ALONE_MESSAGE,
        ),
        question(
            "text",
            "good_practice",
            (
                "Beschrijf een goed voorbeeld van uw post waar andere posten van kunnen leren.",
                "Describe a good practice of your post that other posts could learn from.",
            ),
            appearance="multiline",
        ),
        end(),
        begin("actions", ("Acties", "Actions")),
        question(
            "select_multiple actions",
            "actions_taken",
            (
                "Welke acties heeft uw post vanwege de richtlijnen gepland of ondernomen?",
                "Which actions has your post planned or taken because of the guidelines?",
            ),
            CHOOSE_ALL,
            required="yes",
            constraint=NONE_ALONE,
            constraint_message=NONE_ALONE_MESSAGE,
        ),
        question(
            "text",
            "actions_other",
            ("Welke andere acties?", "Which other actions?"),
            required="yes",
            relevant="selected(${actions_taken}, 'other')",
        ),
        end(),
        begin("support", ("Ondersteuning", "Support")),
        question(
            "select_multiple support",
            "support_wanted",
            (
                "Welke ondersteuning van het ministerie zou uw post helpen bij het werken met de "
                "richtlijnen?",
                "What support from the ministry would help your post work with the guidelines?",
            ),
            CHOOSE_ALL,
        ),
        question(
            "text",
            "support_other",
            ("Welke andere ondersteuning?", "What other support?"),
            required="yes",
            relevant="selected(${support_wanted}, 'other')",
        ),
        end(),
        begin("closing", ("Afsluiting", "Closing")),
        question(
            "text",
            "comments",
            (
                "Heeft u nog opmerkingen over de richtlijnen of over deze vragenlijst?",
                "Do you have any other comments on the guidelines or on this questionnaire?",
            ),
            appearance="multiline",
        ),
        question(
            "select_one yes_no",
            "interview",
            (
                "Bent u bereid mee te werken aan een vervolginterview?",
                "Would you be willing to take part in a follow-up interview?",
            ),
            ("Een interview duurt ongeveer 45 minuten.", "An interview takes about 45 minutes."),
            required="yes",
        ),
        question(
            "text",
            "contact_email",
            (
                "Op welk e-mailadres kunnen wij u bereiken?",
                "At which e-mail address can we reach you?",
            ),
            required="yes",
            relevant="${interview} = 'yes'",
            constraint=EMAIL,
            constraint_message=(
                "Vul een geldig e-mailadres in, bijvoorbeeld naam@minbuza.nl.",
                "Enter a valid e-mail address, for example name@minbuza.nl.",
            ),
        ),
        question(
            "note",
            "contact_not_anonymous",
            (
                "Uw e-mailadres wordt bij uw antwoorden bewaard: ook als u anoniem antwoordt, is "
                "uw reactie dan niet meer anoniem.",
                "Your e-mail address is stored with your answers: even if you respond "
                "anonymously, your response is then no longer anonymous.",
            ),
            relevant="${interview} = 'yes'",
        ),
        question(
            "acknowledge",
            "confirm",
            (
                "Ik bevestig dat mijn antwoorden gebruikt mogen worden voor de evaluatie van de "
                "richtlijnen.",
                "I confirm that my answers may be used for the evaluation of the guidelines.",
            ),
            required="yes",
            required_message=(
                "Bevestig dit om uw antwoorden te kunnen versturen.",
                "Please confirm this to submit your answers.",
            ),
        ),
        end(),
    ]
    lists = [
        *YES_NO,
        *AGREE5,
        *choices(
            "role",
            ("head_of_mission", "Hoofd van de post", "Head of mission"),
            ("deputy", "Plaatsvervangend hoofd van de post", "Deputy head of mission"),
            ("economic_head", "Hoofd economische afdeling", "Head of the economic section"),
            ("policy_officer", "Beleidsmedewerker economie", "Economic policy officer"),
            ("local_staff", "Lokaal aangenomen medewerker", "Locally employed staff"),
            ("other", "Anders", "Other"),
        ),
        *choices(
            "region",
            ("africa", "Afrika", "Africa"),
            ("asia_oceania", "Azië en Oceanië", "Asia and Oceania"),
            ("europe", "Europa", "Europe"),
            (
                "latin_america",
                "Latijns-Amerika en Caribisch gebied",
                "Latin America and the Caribbean",
            ),
            ("mena", "Midden-Oosten en Noord-Afrika", "Middle East and North Africa"),
            ("north_america", "Noord-Amerika", "North America"),
        ),
        *choices(
            "business_level",
            ("low", "Weinig", "Low"),
            ("medium", "Gemiddeld", "Medium"),
            ("high", "Veel", "High"),
        ),
        *choices(
            "activity5",
            ("1", "Niet actief", "Not active"),
            ("2", "Weinig actief", "Slightly active"),
            ("3", "Enigszins actief", "Moderately active"),
            ("4", "Actief", "Active"),
            ("5", "Zeer actief", "Very active"),
        ),
        *choices(
            "tools",
            (
                "oecd_guidelines",
                "OESO-richtlijnen voor multinationale ondernemingen",
                "OECD Guidelines for Multinational Enterprises",
            ),
            (
                "ungps",
                "VN-richtlijnen bedrijfsleven en mensenrechten (UNGP's)",
                "UN Guiding Principles (UNGPs)",
            ),
            ("risk_checker", "MVO Risico Checker", "CSR Risk Check"),
            ("risk_scan", "Landen- of sectorrisicoscan", "Country or sector risk scan"),
            (
                "conditions_checklist",
                "Checklist IMVO-voorwaarden bij steun aan bedrijven",
                "Checklist of IMVO conditions on support to companies",
            ),
            (
                "referrals",
                "Doorverwijzing naar het IMVO-steunpunt, RVO of het NCP",
                "Referral to the IMVO help desk, RVO or the NCP",
            ),
            (
                "local_network",
                "Netwerk van lokale IMVO-partijen",
                "Network of local RBC stakeholders",
            ),
            ("examples_other_posts", "Voorbeelden van andere posten", "Examples from other posts"),
            ("none", "Geen", "None"),
        ),
        *choices(
            "actions",
            (
                "imvo_sessions",
                "IMVO-sessies voor Nederlandse bedrijven",
                "IMVO sessions for Dutch companies",
            ),
            (
                "mission_briefings",
                "IMVO in briefings voor handelsmissies",
                "RBC in trade mission briefings",
            ),
            ("staff_training", "Training van medewerkers", "Staff training"),
            ("local_network", "Opbouw van een lokaal IMVO-netwerk", "Building a local RBC network"),
            (
                "conditions_applied",
                "IMVO-voorwaarden toegepast bij steun aan bedrijven",
                "IMVO conditions applied when supporting companies",
            ),
            (
                "dialogue_authorities",
                "IMVO geagendeerd bij lokale overheden en organisaties",
                "RBC raised with local authorities and organisations",
            ),
            (
                "eu_cooperation",
                "Samenwerking met andere EU-ambassades",
                "Joint work with other EU embassies",
            ),
            ("other", "Anders", "Other"),
            ("none", "Geen", "None"),
        ),
        *choices(
            "support",
            ("examples_other_posts", "Voorbeelden van andere posten", "Examples from other posts"),
            ("training", "Training of e-learning over IMVO", "Training or e-learning on IMVO"),
            (
                "risk_information",
                "Informatie over landen- en sectorrisico's",
                "Information on country and sector risks",
            ),
            ("templates", "Sjablonen en checklists", "Templates and checklists"),
            (
                "contact_person",
                "Een vast aanspreekpunt op het ministerie",
                "A contact person at the ministry",
            ),
            (
                "regional_exchange",
                "Uitwisseling met andere posten in de regio",
                "Exchange with other posts in the region",
            ),
            ("other", "Anders", "Other"),
        ),
    ]
    settings = {
        "form_id": "imvo_guidelines_evaluation",
        "form_title": "Evaluation of the IMVO guidelines for posts",
        "postkit::form_title::Nederlands (nl)": "Evaluatie van de IMVO-richtlijnen voor posten",
    }
    return rows, lists, settings


INTERVIEW_TOPICS = (
    (
        "awareness",
        ("Bekendheid met IMVO en de rol van de post", "Awareness of IMVO and of the post's role"),
        (
            "Wat betekent IMVO voor de post? Wie is ervoor verantwoordelijk?",
            "What does IMVO mean for the post? Who is responsible for it?",
        ),
    ),
    (
        "use",
        ("Gebruik van de richtlijnen", "Use of the guidelines"),
        (
            "Wanneer en hoe raadpleegt de post de richtlijnen?",
            "When and how does the post consult the guidelines?",
        ),
    ),
    (
        "clarity",
        ("Duidelijkheid en gebruiksvriendelijkheid", "Clarity and user-friendliness"),
        (
            "Wat is onduidelijk of moeilijk te vinden? Vraag om voorbeelden.",
            "What is unclear or hard to find? Ask for examples.",
        ),
    ),
    (
        "workability",
        ("Werkbaarheid", "Workability"),
        (
            "Wat helpt of belemmert de uitvoering: capaciteit, lokale context, middelen?",
            "What helps or hinders putting them into practice: capacity, local context, resources?",
        ),
    ),
    (
        "business",
        ("Nederlandse bedrijvigheid in het land", "Dutch business activity in the country"),
        (
            "Hoe bepaalt de aanwezigheid van Nederlandse bedrijven de inzet van de post?",
            "How does the presence of Dutch companies shape what the post does?",
        ),
    ),
    (
        "actions",
        ("Acties vanwege de richtlijnen", "Actions because of the guidelines"),
        (
            "Welke acties zijn gepland of uitgevoerd, en met welk resultaat?",
            "Which actions were planned or taken, and with what result?",
        ),
    ),
    (
        "good_practices",
        ("Goede voorbeelden", "Good practices"),
        (
            "Wat werkt goed en kan gedeeld worden met andere posten?",
            "What works well and could be shared with other posts?",
        ),
    ),
    (
        "support",
        ("Gewenste ondersteuning", "Support wanted"),
        (
            "Wat heeft de post nodig van het ministerie?",
            "What does the post need from the ministry?",
        ),
    ),
)


def interview_guide() -> tuple[list[Row], list[tuple[str, str, Text]], dict[str, str]]:
    consented = "${consent_notes} = 'yes'"
    rows = [
        begin("interview", ("Interview", "Interview")),
        question("text", "interviewer", ("Interviewer", "Interviewer"), required="yes"),
        question(
            "text",
            "post",
            ("Post", "Post"),
            ("Bijvoorbeeld: Ambassade Nairobi", "For example: Embassy Nairobi"),
            required="yes",
        ),
        question(
            "date",
            "interview_date",
            ("Datum van het interview", "Date of the interview"),
            required="yes",
            constraint=". <= today()",
            constraint_message=(
                "De datum ligt in de toekomst.",
                "The date is in the future.",
            ),
        ),
        question(
            "text",
            "interviewee_role",
            ("Functie van de geïnterviewde", "Role of the interviewee"),
            ("Geen naam: het verslag blijft anoniem.", "No name: the notes stay anonymous."),
        ),
        question(
            "select_one interview_mode",
            "interview_mode",
            ("Vorm van het interview", "How the interview took place"),
        ),
        question(
            "select_one yes_no",
            "consent_notes",
            (
                "Heeft de geïnterviewde ingestemd met het maken van aantekeningen?",
                "Did the interviewee agree to notes being taken?",
            ),
            required="yes",
        ),
        question(
            "note",
            "no_consent_note",
            (
                "Maak zonder toestemming geen aantekeningen over de inhoud van het interview.",
                "Without consent, take no notes on the content of the interview.",
            ),
            relevant="${consent_notes} = 'no'",
        ),
        end(),
        begin("topics", ("Onderwerpen", "Topics"), relevant=consented),
        *[
            question("text", f"notes_{key}", label, hint, appearance="multiline")
            for key, label, hint in INTERVIEW_TOPICS
        ],
        end(),
        begin("quotes", ("Citaten", "Key quotes"), relevant=consented),
        question(
            "text",
            "key_quotes",
            ("Belangrijkste citaten", "Key quotes"),
            (
                "Letterlijk en tussen aanhalingstekens, alleen met toestemming.",
                "Verbatim and in quotation marks, only with consent.",
            ),
            appearance="multiline",
        ),
        end(),
        begin("follow_up", ("Vervolg", "Follow-up")),
        question(
            "calculate",
            "topics_covered",
            None,
            calculation=" + ".join(
                f"if(string-length(${{notes_{key}}}) > 0, 1, 0)" for key, _, _ in INTERVIEW_TOPICS
            ),
        ),
        question(
            "note",
            "topics_note",
            (
                f"Er zijn aantekeningen bij ${{topics_covered}} van de {len(INTERVIEW_TOPICS)} "
                "onderwerpen.",
                f"There are notes on ${{topics_covered}} of the {len(INTERVIEW_TOPICS)} topics.",
            ),
        ),
        question(
            "select_one yes_no",
            "followup_needed",
            ("Is er een vervolg nodig?", "Is any follow-up needed?"),
            required="yes",
        ),
        question(
            "text",
            "followup_actions",
            ("Welk vervolg, en door wie?", "What follow-up, and by whom?"),
            required="yes",
            relevant="${followup_needed} = 'yes'",
            appearance="multiline",
        ),
        question(
            "date",
            "followup_by",
            ("Vervolg uiterlijk op", "Follow up by"),
            relevant="${followup_needed} = 'yes'",
            constraint=". >= ${interview_date}",
            constraint_message=(
                "Deze datum ligt vóór het interview.",
                "This date is before the interview.",
            ),
        ),
        question(
            "select_one yes_no",
            "share_as_example",
            (
                "Mag een goed voorbeeld uit dit interview gedeeld worden met andere posten?",
                "May a good practice from this interview be shared with other posts?",
            ),
            relevant=consented,
        ),
        end(),
    ]
    lists = [
        *YES_NO,
        *choices(
            "interview_mode",
            ("in_person", "Op de post", "In person"),
            ("video", "Videogesprek", "Video call"),
            ("phone", "Telefoon", "Phone"),
        ),
    ]
    settings = {
        "form_id": "imvo_interview_guide",
        "form_title": "Interview guide: evaluation of the IMVO guidelines",
        "postkit::form_title::Nederlands (nl)": (
            "Interviewleidraad: evaluatie van de IMVO-richtlijnen"
        ),
    }
    return rows, lists, settings


def language_columns(column: str) -> list[str]:
    return [f"{column}::{name} ({code})" for code, name in LANGUAGES]


def write_form(
    path: Path,
    rows: list[Row],
    lists: list[tuple[str, str, Text]],
    settings: dict[str, str],
) -> None:
    workbook = Workbook()
    survey = workbook.active
    assert survey is not None
    survey.title = "survey"
    header = ["type", "name"]
    for column in TRANSLATED:
        header += language_columns(column)
    header += list(PLAIN)
    is_marked = any(row.plain.get("measure") for row in rows)
    if is_marked:
        header.append(MEASURE_COLUMN)
    survey.append(header)
    for row in rows:
        cells = [row.type, row.name]
        for column in TRANSLATED:
            text = getattr(row, column)
            cells += list(text) if text else ["", ""]
        cells += [row.plain.get(column, "") for column in PLAIN]
        if is_marked:
            cells.append(row.plain.get("measure", ""))
        survey.append([cell or None for cell in cells])

    sheet = workbook.create_sheet("choices")
    has_regions = any(list_name == "region" for list_name, _name, _label in lists)
    extra = ["reference_regions"] if has_regions else []
    sheet.append(["list_name", "name", *language_columns("label"), *extra])
    for list_name, name, (nl, en) in lists:
        regions = [REFERENCE_REGIONS[name]] if has_regions and list_name == "region" else []
        sheet.append([list_name, name, nl, en, *regions])

    sheet = workbook.create_sheet("settings")
    values = {**settings, "version": VERSION, "default_language": DEFAULT_LANGUAGE}
    sheet.append(list(values))
    sheet.append(list(values.values()))

    for sheet in workbook.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    workbook.properties.creator = "postkit surveys/src/build_forms.py"
    workbook.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(_with_fixed_times(buffer.getvalue()))


def _with_fixed_times(data: bytes) -> bytes:
    """The same zip with every entry, and the modified time openpyxl sets on saving, at
    FIXED_TIME, so a rebuild changes no bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(entry)
            if entry.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*",
                    rb"\g<1>" + FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode(),
                    content,
                )
            target.writestr(info, content)
    return out.getvalue()


def main() -> None:
    write_form(SURVEYS / "imvo_guidelines_evaluation.xlsx", *evaluation_survey())
    write_form(SURVEYS / "imvo_interview_guide.xlsx", *interview_guide())


if __name__ == "__main__":
    main()
