"""Write the XLSForm corpus in this folder: forms as KoboToolbox and the XLSForm documentation
write them (start/end metadata, `label::English (en)`, or_other, aliases, every question type
postkit runs). Run `python tests/data/xlsforms/make_forms.py` after changing a form here."""

# The sheets are written one spreadsheet row per line, so a reader sees them as in Excel.
# ruff: noqa: E501
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
Rows = list[list[object]]

EN, NL = "English (en)", "Nederlands (nl)"

# fmt: off

# A thematic survey on due diligence as KoboToolbox's form builder exports it.
DUE_DILIGENCE: dict[str, Rows] = {
    "survey": [
        [
            "type",
            "name",
            f"label::{EN}",
            f"label::{NL}",
            f"hint::{EN}",
            "required",
            "relevant",
            "constraint",
            f"constraint_message::{EN}",
            f"required_message::{EN}",
            "calculation",
            "trigger",
            "default",
            "read_only",
            "appearance",
            "choice_filter",
            f"image::{EN}",
        ],
        ["start", "start"],
        ["end", "end"],
        ["today", "today"],
        ["deviceid", "deviceid"],
        ["username", "username"],
        ["audit", "audit"],
        ["note", "banner", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "logo.png"],
        ["begin_group", "about", "About you", "Over u", "", "", "", "", "", "", "", "", "", "", "field-list"],
        ["select one from roles", "role", "Your role", "Uw rol", "", "true", "", "", "", "Say who you are"],
        ["select_one regions or_other", "region", "Region", "Regio", "", "yes"],
        ["select1 countries", "country", "Country", "Land", "", "no", "", "", "", "", "", "", "", "", "", "region=${region}"],
        ["phone number", "phone", "Phone", "Telefoon", "Optional"],
        ["string", "email_address", "E-mail", "E-mail"],
        ["end_group", ""],
        ["begin group", "activity", "Activity", "Activiteit"],
        ["int", "companies", "Dutch companies", "Nederlandse bedrijven", "", "yes", "", ". >= 0", "Not negative"],
        ["integer", "companies_twice", "Twice that", "Twee keer zoveel", "", "", "", "", "", "", "${companies} * 2"],
        ["integer", "estimate", "Estimate", "Schatting", "", "", "", "", "", "", "${companies} + 1", "${companies}"],
        ["integer", "staff", "Staff", "Medewerkers", "", "", "", "", "", "", "", "", "${companies} + 3"],
        ["date", "visit", "Visit", "Bezoek", "", "", "", "", "", "", "", "", "today()"],
        ["text", "post", "Post", "Post", "", "", "", "", "", "", "", "", "Testland", "yes"],
        ["select all that apply from tools", "tools", "Tools used", "Gebruikte instrumenten", "", "false", "${companies} > 0"],
        ["text", "tools_note", "Why none?", "Waarom geen?", "", "", "${companies} = 0 and ${role} = \u2018staff\u2019"],
        ["acknowledge", "consent", "I agree", "Ik ga akkoord"],
        ["end group", ""],
    ],
    "choices": [
        ["list_name", "name", f"label::{EN}", f"label::{NL}", "region"],
        ["roles", "head", "Head of post", "Hoofd post"],
        ["roles", "staff", "Staff", "Medewerker"],
        ["regions", "africa", "Africa", "Afrika"],
        ["regions", "asia", "Asia", "Azië"],
        ["countries", "kenya", "Kenya", "Kenia", "africa"],
        ["countries", "ghana", "Ghana", "Ghana", "africa"],
        ["countries", "india", "India", "India", "asia"],
        ["tools", "oecd", "OECD guidelines", "OESO-richtlijnen"],
        ["tools", "csr_risk_check", "CSR Risk Check", "MVO Risico Checker"],
    ],
    "settings": [
        ["form_title", "form_id", "version", "default_language", "instance_name", "style", "allow_choice_duplicates"],
        ["Due diligence", "due_diligence", "2027010101", EN, "concat(${role}, \u201c - \u201d, ${country})", "pages", "no"],
    ],
}

# Every further question type, with `label:English` (the older single colon) and no version.
NEW_TYPES: dict[str, Rows] = {
    "survey": [
        ["type", "name", "label:English", "label:Français", "parameters", "hint:English", "required"],
        ["time", "meeting_time", "Meeting time", "Heure"],
        ["dateTime", "sent_at", "Sent at", "Envoyé"],
        ["range", "satisfaction", "Satisfaction", "Satisfaction", "start=0 end=10 step=2"],
        ["rank", "priorities", "Priorities", "Priorités", "", "Most important first"],
        ["hidden", "source"],
        ["geopoint", "office", "Office location", "Bureau"],
        ["geotrace", "route", "Route", "Route"],
        ["geoshape", "site", "Site", "Site"],
        ["image", "photo", "Photo", "Photo"],
        ["audio", "recording", "Recording", "Enregistrement"],
        ["video", "clip", "Clip", "Clip"],
        ["file", "report", "Report", "Rapport"],
        ["barcode", "badge", "Badge", "Badge"],
        ["decimal", "share", "Share", "Part", "", "", "yes"],
        ["calculate", "share_pct", "", "", "", "", ""],
        ["phonenumber", "phonenumber"],
        ["simserial", "simserial"],
        ["email", "email"],
    ],
    "choices": [
        ["list_name", "name", "label:English", "label:Français"],
        ["topics", "wages", "Living wages", "Salaires"],
        ["topics", "climate", "Climate", "Climat"],
        ["topics", "land", "Land rights", "Foncier"],
    ],
    "settings": [["id_string", "form_title"], ["new_types", "New types"]],
}
NEW_TYPES["survey"][4][0] = "rank topics"
NEW_TYPES["survey"][15] = ["calculate", "share_pct", "", "", "", "", "", "${share} * 100"]
NEW_TYPES["survey"][0].append("calculation")

# The smallest form: no settings sheet, an empty choices sheet, plain labels.
PLAIN: dict[str, Rows] = {
    "survey": [
        ["type", "name", "label", "relevant", "required"],
        ["start", "start"],
        ["end", "end"],
        ["text", "name", "Your name", "", "yes"],
        ["integer", "age", "Age", "", "false"],
        ["note", "thanks", "Thank you, ${name}", "${age} > 0"],
    ],
    "choices": [["list_name", "name", "label"]],
}

# Company visits as KoboToolbox writes repeats: a counted repeat holding a Likert item and a
# repeat the respondent adds to, totals over the instances, position(..) and indexed-repeat().
VISITS: dict[str, Rows] = {
    "survey": [
        ["type", "name", f"label::{EN}", f"label::{NL}", "required", "relevant", "constraint", "calculation", "repeat_count", "default"],
        ["start", "start"],
        ["end", "end"],
        ["today", "today"],
        ["deviceid", "deviceid"],
        ["username", "username"],
        ["audit", "audit"],
        ["hidden", "campaign", "", "", "", "", "", "", "", "spring"],
        ["select_one agreement", "useful", "The guidelines are useful", "De richtlijnen zijn nuttig", "yes"],
        ["integer", "visit_count", "How many companies did you visit?", "Hoeveel bedrijven bezocht u?", "yes", "", ". >= 0 and . <= 20"],
        ["begin_repeat", "visit", "Company visit", "Bedrijfsbezoek", "", "", "", "", "${visit_count}"],
        ["calculate", "visit_number", "", "", "", "", "", "position(..)"],
        ["text", "company", "Company ${visit_number}", "Bedrijf ${visit_number}", "yes"],
        ["select_one agreement", "clear", "The guidelines were clear for this visit", "De richtlijnen waren duidelijk voor dit bezoek", "yes"],
        ["integer", "participants", "Participants", "Deelnemers", "", "", ". >= 0"],
        ["integer", "women", "Of whom women", "Van wie vrouwen", "", "${participants} > 0", ". <= ${participants}"],
        ["select_multiple topics", "topics", "Topics discussed", "Besproken onderwerpen"],
        ["begin repeat", "contact", "Contact person", "Contactpersoon"],
        ["text", "contact_name", "Name", "Naam", "yes"],
        ["select_one yes_no", "signed", "Signed the IMVO declaration", "Ondertekende de IMVO-verklaring"],
        ["end repeat"],
        ["end_repeat"],
        ["calculate", "total_participants", "", "", "", "", "", "sum(${participants})"],
        ["calculate", "visits_made", "", "", "", "", "", "count(${visit})"],
        ["calculate", "largest", "", "", "", "", "", "max(${participants})"],
        ["calculate", "companies", "", "", "", "", "", "join(', ', ${company})"],
        ["calculate", "first_company", "", "", "", "", "", "indexed-repeat(${company}, ${visit}, 1)"],
        ["note", "summary", "You met ${total_participants} participants at ${companies}.", "U sprak ${total_participants} deelnemers bij ${companies}."],
    ],
    "choices": [
        ["list_name", "name", f"label::{EN}", f"label::{NL}"],
        ["agreement", "sd", "Strongly disagree", "Helemaal oneens"],
        ["agreement", "d", "Disagree", "Oneens"],
        ["agreement", "n", "Neither agree nor disagree", "Neutraal"],
        ["agreement", "a", "Agree", "Eens"],
        ["agreement", "sa", "Strongly agree", "Helemaal eens"],
        ["topics", "wages", "Living wages", "Leefbaar loon"],
        ["topics", "climate", "Climate", "Klimaat"],
        ["yes_no", "yes", "Yes", "Ja"],
        ["yes_no", "no", "No", "Nee"],
    ],
    "settings": [
        ["form_title", "form_id", "version", "default_language"],
        ["Company visits", "company_visits", "2027020101", EN],
    ],
}

# A follow-up of an IMVO seminar, as KoboToolbox writes one: every function of the XLSForm
# documentation in a calculation (checked against JavaRosa by test_xlsform_corpus.py, but
# ceiling() and floor(), which ODK Collect lacks), or specify other, the remaining appearances
# and media columns. Inputs have defaults, so a calculation's value is known from the start.
FOLLOW_UP: dict[str, Rows] = {
    "survey": [
        ["type", "name", f"label::{EN}", f"label::{NL}", f"hint::{EN}", f"audio::{EN}", f"video::{EN}", "appearance", "calculation", "default", "required", "relevant"],
        ["start", "start"],
        ["end", "end"],
        ["audit", "audit"],
        ["note", "intro", "Listen to the introduction first.", "Luister eerst naar de inleiding.", "", "intro.mp3", "intro.mp4"],
        ["text", "event_name", "Event name", "Naam van het evenement", "", "", "", "", "", "imvo seminar", "yes"],
        ["integer", "participants", "Participants", "Deelnemers", "", "", "", "", "", "12", "yes"],
        ["decimal", "budget", "Budget (EUR)", "Budget (EUR)", "", "", "", "", "", "1234.5"],
        ["date", "event_date", "Date", "Datum", "", "", "", "", "", "2027-03-15"],
        ["select_one formats or specify other", "format", "Format", "Vorm", "", "", "", "horizontal", "", "seminar"],
        ["select_one agree", "useful", "The seminar was useful", "Het seminar was nuttig", "", "", "", "likert", "", "4"],
        ["select_one agree", "clear", "The guidelines were clear", "De richtlijnen waren duidelijk", "", "", "", "likert"],
        ["select_multiple themes", "themes", "Themes", "Thema's", "", "", "", "minimal", "", "wages climate"],
        ["text", "notes", "Notes", "Notities", "", "", "", "multiline"],
        ["select_one yes_no", "follow_up", "Follow-up needed?", "Vervolg nodig?", "", "", "", "quick"],
        ["begin_group", "companies", "Companies present", "Aanwezige bedrijven", "", "", "", "table-list"],
        ["select_one yes_no", "smes", "SMEs", "Mkb-bedrijven"],
        ["select_one yes_no", "large", "Large companies", "Grote bedrijven"],
        ["end_group"],
        ["calculate", "c_now", "", "", "", "", "", "", "now()"],
        ["calculate", "c_uuid", "", "", "", "", "", "", "uuid()"],
        ["calculate", "c_format_date", "", "", "", "", "", "", "format-date(${event_date}, '%Y/%m/%d')"],
        ["calculate", "c_format_date_time", "", "", "", "", "", "", "format-date-time(date-time('2027-03-15T10:30:00'), '%Y-%m-%d %H:%M')"],
        ["calculate", "c_decimal_date_time", "", "", "", "", "", "", "round(decimal-date-time(${event_date}))"],
        ["calculate", "c_pow", "", "", "", "", "", "", "pow(${participants}, 2)"],
        ["calculate", "c_sqrt", "", "", "", "", "", "", "sqrt(${participants} + 4)"],
        ["calculate", "c_exp", "", "", "", "", "", "", "round(exp(1), 4)"],
        ["calculate", "c_log", "", "", "", "", "", "", "round(log(${budget}), 3)"],
        ["calculate", "c_abs", "", "", "", "", "", "", "abs(${budget} - 2000)"],
        ["calculate", "c_ceiling", "", "", "", "", "", "", "ceiling(${budget})"],
        ["calculate", "c_floor", "", "", "", "", "", "", "floor(${budget})"],
        ["calculate", "c_max", "", "", "", "", "", "", "max(${participants}, 20)"],
        ["calculate", "c_min", "", "", "", "", "", "", "min(${participants}, 20)"],
        ["calculate", "c_choice_name", "", "", "", "", "", "", "jr:choice-name(${format}, '${format}')"],
        ["calculate", "c_once", "", "", "", "", "", "", "once(${participants} * 10)"],
        ["calculate", "c_join", "", "", "", "", "", "", "join('-', ${themes})"],
        ["calculate", "c_before", "", "", "", "", "", "", "substring-before('IMVO-2027', '-')"],
        ["calculate", "c_after", "", "", "", "", "", "", "substring-after('IMVO-2027', '-')"],
        ["calculate", "c_translate", "", "", "", "", "", "", "translate(${event_name}, 'imvo', 'IMVO')"],
        ["calculate", "c_normalize", "", "", "", "", "", "", "normalize-space(concat('  ', ${event_name}, '   day '))"],
        ["calculate", "c_boolean", "", "", "", "", "", "", "if(boolean-from-string('true'), 'yes', 'no')"],
        ["calculate", "c_coalesce", "", "", "", "", "", "", "coalesce(${notes}, 'none')"],
        ["calculate", "c_digest", "", "", "", "", "", "", "digest(${event_name}, 'SHA-256', 'hex')"],
        ["calculate", "c_count", "", "", "", "", "", "", "count-selected(${themes})"],
    ],
    "choices": [
        ["list_name", "name", f"label::{EN}", f"label::{NL}"],
        ["formats", "seminar", "Seminar", "Seminar"],
        ["formats", "webinar", "Webinar", "Webinar"],
        ["agree", "1", "Strongly disagree", "Helemaal oneens"],
        ["agree", "2", "Disagree", "Oneens"],
        ["agree", "3", "Neutral", "Neutraal"],
        ["agree", "4", "Agree", "Eens"],
        ["agree", "5", "Strongly agree", "Helemaal eens"],
        ["themes", "wages", "Living wages", "Leefbaar loon"],
        ["themes", "climate", "Climate", "Klimaat"],
        ["themes", "gender", "Gender", "Gender"],
        ["yes_no", "yes", "Yes", "Ja"],
        ["yes_no", "no", "No", "Nee"],
    ],
    "settings": [
        ["form_title", "form_id", "version", "default_language"],
        ["Seminar follow-up", "seminar_follow_up", "2027030101", EN],
    ],
}

# fmt: on

FORMS = {
    "kobo_company_visits.xlsx": VISITS,
    "kobo_due_diligence.xlsx": DUE_DILIGENCE,
    "all_new_types.xlsx": NEW_TYPES,
    "plain_form.xlsx": PLAIN,
    "kobo_follow_up.xlsx": FOLLOW_UP,
}


def write(path: Path, sheets: dict[str, Rows]) -> Path:
    """A workbook with these sheets, in this order."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def main() -> None:
    for name, sheets in FORMS.items():
        write(HERE / name, sheets)


if __name__ == "__main__":
    main()
