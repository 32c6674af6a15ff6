"""The `postkit` command: opens the app, or runs a headless job given as a subcommand."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from postkit import __version__
from postkit.core.errors import PostkitError
from postkit.core.paths import DB_ENV_VAR

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from postkit.core.companies.records import CompanyData
    from postkit.core.db.locking import LockWait
    from postkit.core.spreadsheet_import import ImportSummary
    from postkit.core.surveys.export_plan import ExportPlan
    from postkit.core.surveys.receipts import ReceiptImport

DEMO_ACTIVITIES = 600
DEFAULT_LIST_MAX_AGE_DAYS = 30  # the UI's setting has the same default
PASSPHRASE_ENV_VAR = "POSTKIT_PASSPHRASE"
NEW_PASSPHRASE_ENV_VAR = "POSTKIT_NEW_PASSPHRASE"
LOCK_WAIT_ENV_VAR = "POSTKIT_LOCK_WAIT"
MAX_PASSPHRASE_FILE_BYTES = 64 * 1024


def _options_parser() -> argparse.ArgumentParser:
    """The options before a command, which are all that opening the app takes."""
    parser = argparse.ArgumentParser(
        prog="postkit",
        description="IMVO toolkit for embassies and consulates. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"postkit {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=f"database file or URL (default: ${DB_ENV_VAR}, else the user data folder)",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        type=Path,
        help=f"the passphrase of a protected database, read from FILE (or ${PASSPHRASE_ENV_VAR})",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a freshly seeded demo database in a temporary folder",
    )
    # Hidden: smoke tests and benchmarks open the window, then save a PNG or report when idle.
    parser.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    parser.add_argument("--report-startup", action="store_true", help=argparse.SUPPRESS)
    return parser


def _parser() -> argparse.ArgumentParser:
    parser = _options_parser()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser("upgrade", help="apply schema migrations")
    upgrade.set_defaults(run=_run_db_upgrade)
    protect = db_commands.add_parser(
        "protect",
        help="encrypt the database (and its backups) with the passphrase of --passphrase-file",
    )
    protect.set_defaults(run=_run_db_protect)
    change = db_commands.add_parser(
        "change-passphrase", help="re-key a protected database (and its backups)"
    )
    change.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        type=Path,
        help=f"the new passphrase, read from FILE (or ${NEW_PASSPHRASE_ENV_VAR})",
    )
    change.add_argument(
        "--rotate-file-key",
        action="store_true",
        help="replace the attached files' key too, sealing every file again (for when the "
        "old passphrase or key may be known)",
    )
    change.set_defaults(run=_run_db_change_passphrase)

    demo = commands.add_parser("demo", help="demo data")
    demo_commands = demo.add_subparsers(dest="demo_command", metavar="ACTION", required=True)
    seed = demo_commands.add_parser("seed", help="fill the database with fictional demo data")
    seed.add_argument("--activities", type=_positive_int, default=DEMO_ACTIVITIES, metavar="N")
    seed.set_defaults(run=_run_demo_seed)
    exports = demo_commands.add_parser(
        "exports", help="write realistic survey exports of many posts (for headquarters demos)"
    )
    exports.add_argument("dir", metavar="DIR", type=Path)
    exports.add_argument(
        "--posts",
        type=_positive_int,
        metavar="N",
        help="how many posts of the list of posts (default: all of them)",
    )
    exports.add_argument("--responses", type=_positive_int, default=40, metavar="M")
    exports.set_defaults(run=_run_demo_exports)
    returns = demo_commands.add_parser(
        "returns", help="write realistic annual returns of many posts (for headquarters demos)"
    )
    returns.add_argument("dir", metavar="DIR", type=Path)
    returns.add_argument(
        "--posts",
        type=_positive_int,
        metavar="N",
        help="how many posts of the list of posts (default: all of them)",
    )
    returns.add_argument(
        "--year", type=_year, default=date.today().year - 1, help="the year (default: last year)"
    )
    returns.set_defaults(run=_run_demo_returns)

    annual_return = commands.add_parser("return", help="the annual return for headquarters")
    return_commands = annual_return.add_subparsers(
        dest="return_command", metavar="ACTION", required=True
    )
    return_write = return_commands.add_parser(
        "write", help="write the year's annual return as .xlsx (no personal data)"
    )
    return_write.add_argument("--year", type=_year, required=True)
    return_write.add_argument("out", metavar="OUT.xlsx", type=Path)
    return_write.set_defaults(run=_run_return_write)

    activities = commands.add_parser("activities", help="the activity log")
    activity_commands = activities.add_subparsers(
        dest="activities_command", metavar="ACTION", required=True
    )
    export = activity_commands.add_parser("export", help="export activities to .xlsx")
    export.add_argument("out", metavar="OUT.xlsx", type=Path)
    export.add_argument("--year", type=_year)
    export.add_argument("--language", choices=("nl", "en"), default="en")
    export.set_defaults(run=_run_activities_export)
    _add_import_command(
        activity_commands,
        "import an activity list from .xlsx (the post's own sheet or an export)",
        "FILE.xlsx",
        "dates and numbers",
        _run_activities_import,
    )

    companies = commands.add_parser("companies", help="the company register")
    company_commands = companies.add_subparsers(
        dest="companies_command", metavar="ACTION", required=True
    )
    _add_import_command(
        company_commands,
        "bring a list of companies into the register from .xlsx or .csv",
        "FILE.xlsx|csv",
        "numbers",
        _run_companies_import,
    )
    company_list = company_commands.add_parser(
        "list",
        help="print the register: KvK number, name, activities, screenings (tab-separated)",
    )
    company_list.set_defaults(run=_run_companies_list)

    check = commands.add_parser(
        "check",
        help="check that the database opens and that slow jobs' processes run on this machine",
    )
    check.set_defaults(run=_run_check)
    backup = commands.add_parser("backup", help="write a backup of the database now")
    backup.set_defaults(run=_run_backup)
    restore = commands.add_parser(
        "restore", help="replace the database by a backup (the current one is backed up first)"
    )
    restore.add_argument("file", metavar="FILE", type=Path)
    restore.set_defaults(run=_run_restore)

    _add_screening_commands(commands)
    _add_survey_commands(commands)
    _add_hq_commands(commands)
    _add_practice_commands(commands)

    translations = commands.add_parser(
        "translations",
        help="translations: the interface's (Qt .ts/.qm) and core's (gettext .po/.mo)",
    )
    translation_actions = translations.add_subparsers(
        dest="translations_command", metavar="ACTION", required=True
    )
    update = translation_actions.add_parser(
        "update",
        help="collect the interface's strings into resources/translations/*.ts and core's "
        "into resources/locale (postkit.pot, <language>/LC_MESSAGES/postkit.po and .mo)",
    )
    update.set_defaults(run=_run_translations_update)
    build = translation_actions.add_parser("build", help="compile the .ts files to .qm")
    build.set_defaults(run=_run_translations_build)

    report = commands.add_parser("report", help="reports")
    report_commands = report.add_subparsers(dest="report_command", metavar="KIND", required=True)
    annual = report_commands.add_parser("annual", help="the annual report as PDF")
    annual.add_argument("--year", type=_year, required=True)
    annual.add_argument("out", metavar="OUT.pdf", type=Path)
    annual.add_argument("--language", choices=("nl", "en"), default="en")
    annual.set_defaults(run=_run_annual_report)
    return parser


def _add_screening_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    screening = commands.add_parser("screening", help="IMVO conditions: screening of requests")
    actions = screening.add_subparsers(dest="screening_command", metavar="ACTION", required=True)
    match = actions.add_parser(
        "match", help="match a name against a sanctions list (score, name, id per line)"
    )
    match.add_argument("name", metavar="NAME")
    match.add_argument(
        "--list",
        type=Path,
        metavar="FILE",
        help="a list file: EU FSF XML, UN consolidated XML, the Dutch national list "
        "(.xlsx/.ods) or targets.simple.csv (default: the lists imported into the database)",
    )
    match.add_argument("--limit", type=_positive_int, default=10)
    match.add_argument(
        "--max-list-age",
        type=_positive_int,
        default=DEFAULT_LIST_MAX_AGE_DAYS,
        metavar="DAYS",
        help="warn when an imported list was published longer ago (default: %(default)s)",
    )
    match.set_defaults(run=_run_screening_match)
    verify = actions.add_parser(
        "verify",
        help="check the screening log's hash chain, and against earlier anchors (a chain "
        "rewritten with recomputed hashes shows only against an anchor)",
    )
    verify.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="HASH:COUNT|FILE",
        help="an earlier head of the log: HASH:COUNT as verify printed it, or a decision "
        "record PDF (or a file) holding one; may be given more than once",
    )
    verify.set_defaults(run=_run_screening_verify)
    import_list = actions.add_parser(
        "import-list",
        help="import a sanctions list (EU FSF XML, UN XML, Dutch national list, OpenSanctions CSV)",
    )
    import_list.add_argument("file", metavar="FILE", type=Path)
    import_list.set_defaults(run=_run_screening_import_list)
    import_risk = actions.add_parser("import-risk", help="import a country or sector risk table")
    import_risk.add_argument("file", metavar="FILE", type=Path)
    import_risk.add_argument("--kind", choices=("country", "sector"), required=True)
    import_risk.set_defaults(run=_run_screening_import_risk)
    record = actions.add_parser("record", help="print a request's decision record as PDF")
    record.add_argument("request_id", metavar="REQUEST_ID", type=_positive_int)
    record.add_argument("out", metavar="OUT.pdf", type=Path)
    record.add_argument("--language", choices=("nl", "en"), default="en")
    record.set_defaults(run=_run_screening_record)


def _add_hq_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    hq = commands.add_parser("hq", help="headquarters: the network's reference data")
    actions = hq.add_subparsers(dest="hq_command", metavar="ACTION", required=True)
    posts = actions.add_parser(
        "posts",
        help="the list of posts with region and amount of Dutch business (list, import, export)",
    )
    post_actions = posts.add_subparsers(dest="posts_command", metavar="ACTION", required=True)
    post_list = post_actions.add_parser("list", help="print the list of posts in use")
    post_list.set_defaults(run=_run_hq_posts_list)
    post_import = post_actions.add_parser(
        "import",
        help="replace headquarters' list of posts by an edited .xlsx or .csv (all or nothing)",
    )
    post_import.add_argument("file", metavar="FILE", type=Path)
    post_import.set_defaults(run=_run_hq_posts_import)
    post_export = post_actions.add_parser(
        "export", help="write the list of posts in use as .xlsx (or .csv) to edit"
    )
    post_export.add_argument("file", metavar="FILE", type=Path)
    post_export.set_defaults(run=_run_hq_posts_export)
    network = actions.add_parser(
        "network",
        help="hold the posts' annual returns and write the network's figures of a year",
    )
    network.add_argument(
        "paths", metavar="FILE_OR_FOLDER", nargs="+", type=Path,
        help="annual return files (.xlsx), or folders holding them",
    )  # fmt: skip
    network.add_argument("--year", type=int, required=True, help="the year to report on")
    network.add_argument("--out", metavar="NETWORK.xlsx", type=Path, required=True)
    network.add_argument("--pdf", metavar="REPORT.pdf", type=Path, help="also write the report")
    network.add_argument("--language", choices=("nl", "en"), default="en")
    network.set_defaults(run=_run_hq_network)


def _add_survey_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    survey = commands.add_parser("survey", help="surveys (XLSForm)")
    actions = survey.add_subparsers(dest="survey_command", metavar="ACTION", required=True)
    validate = actions.add_parser("validate", help="check an XLSForm survey file")
    validate.add_argument("form", metavar="FORM.xlsx", type=Path)
    validate.set_defaults(run=_run_survey_validate)
    add = actions.add_parser(
        "import", help="add an XLSForm survey to the post's database (by form_id and version)"
    )
    add.add_argument("form", metavar="FORM.xlsx", type=Path)
    add.set_defaults(run=_run_survey_import)
    export = actions.add_parser(
        "export", help="export a survey's submitted responses for headquarters (.xlsx or .csv)"
    )
    export.add_argument("form_id", metavar="FORM_ID")
    export.add_argument("out", metavar="OUT.xlsx", type=Path)
    export.add_argument("--version", help="the form version (default: the newest)")
    export.add_argument("--post", help="the post's name (default: the post's profile)")
    export.set_defaults(run=_run_survey_export)
    aggregate = actions.add_parser(
        "aggregate", help="headquarters: aggregate post exports into a summary (and a report)"
    )
    aggregate.add_argument("paths", metavar="FILE_OR_FOLDER", nargs="+", type=Path)
    aggregate.add_argument("--out", metavar="SUMMARY.xlsx", type=Path, required=True)
    aggregate.add_argument("--pdf", metavar="REPORT.pdf", type=Path)
    aggregate.add_argument("--language", choices=("nl", "en"), default="en")
    aggregate.add_argument(
        "--form",
        metavar="FORM_ID",
        help="when the files are exports of several surveys, the one to aggregate "
        "(default: the survey with the most files)",
    )
    aggregate.set_defaults(run=_run_survey_aggregate)
    receipts = actions.add_parser(
        "receipts",
        help="headquarters: write a receipt per post for the exports received (into DIR)",
    )
    receipts.add_argument("dir", metavar="DIR", type=Path)
    receipts.set_defaults(run=_run_survey_receipts)
    receipt_key = actions.add_parser(
        "receipt-key",
        help="headquarters: write the public key posts check receipts with (OUT.postkit-key)",
    )
    receipt_key.add_argument("out", metavar="OUT.postkit-key", type=Path)
    receipt_key.set_defaults(run=_run_survey_receipt_key)
    posts = actions.add_parser(
        "posts",
        help="headquarters: the list of posts in use (as 'hq posts list'; edit it with "
        "'hq posts export' and 'hq posts import')",
    )
    posts.add_argument(
        "--copy",
        action="store_true",
        help="retired: use 'postkit hq posts export FILE' and 'postkit hq posts import FILE'",
    )
    posts.set_defaults(run=_run_survey_posts)

    receipt = commands.add_parser("receipt", help="receipts from headquarters for survey exports")
    receipt_actions = receipt.add_subparsers(
        dest="receipt_command", metavar="ACTION", required=True
    )
    receipt_import = receipt_actions.add_parser(
        "import", help="record what headquarters' receipt says about the post's exports"
    )
    receipt_import.add_argument("files", metavar="FILE", nargs="+", type=Path)
    receipt_import.set_defaults(run=_run_receipt_import)
    key_import = receipt_actions.add_parser(
        "import-key",
        help="store headquarters' public key (a .postkit-key file) to check receipts with",
    )
    key_import.add_argument("file", metavar="FILE", type=Path)
    key_import.set_defaults(run=_run_receipt_import_key)


def _add_practice_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    practices = commands.add_parser("practices", help="good practices shared between posts")
    actions = practices.add_subparsers(dest="practices_command", metavar="ACTION", required=True)
    import_files = actions.add_parser("import", help="import .postkit files")
    import_files.add_argument("files", metavar="FILE", nargs="+", type=Path)
    import_files.set_defaults(run=_run_practices_import)
    export = actions.add_parser("export", help="export practices to a .postkit file")
    export.add_argument("out", metavar="OUT.postkit", type=Path)
    export.add_argument(
        "--all", action="store_true", help="drafts too (default: the published practices)"
    )
    export.add_argument(
        "--keep-personal-data",
        action="store_true",
        help="keep contact names, e-mail addresses and phone numbers (default: left out)",
    )
    export.set_defaults(run=_run_practices_export)
    listing = actions.add_parser("list", help="one line per practice: uuid, title, last changed")
    listing.set_defaults(run=_run_practices_list)


def _add_import_command(
    actions: argparse._SubParsersAction,  # type: ignore[type-arg]
    help_text: str,
    metavar: str,
    read_as: str,
    run: Callable[[argparse.Namespace], int],
) -> None:
    """`import FILE [--dry-run] [--locale nl|en]`: the same options for every spreadsheet import."""
    spreadsheet = actions.add_parser("import", help=help_text)
    spreadsheet.add_argument("file", metavar=metavar, type=Path)
    spreadsheet.add_argument(
        "--dry-run", action="store_true", help="check and count, store nothing"
    )
    spreadsheet.add_argument(
        "--locale",
        choices=("nl", "en"),
        help=f"how {read_as} typed as text are read (default: the headers' language)",
    )
    spreadsheet.set_defaults(run=run)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text}")
    return value


def _year(text: str) -> int:
    value = _positive_int(text)
    if not 1900 <= value <= 2200:
        raise argparse.ArgumentTypeError(f"not a plausible year: {text}")
    return value


def database_location(args: argparse.Namespace) -> str | None:
    return args.db or os.environ.get(DB_ENV_VAR) or None


@contextmanager
def _session(args: argparse.Namespace) -> Iterator[Session]:
    """A session on the database the command is given (--db, else the environment's or the
    default one), opened (created, upgraded, unlocked) as the app opens it."""
    # Every feature's tables known: a foreign key into another feature's table (a screening
    # request's company in the register) resolves only when that table is loaded too.
    import postkit.core.db.models  # noqa: F401
    from postkit.core.db import open_database

    database = open_database(database_location(args))
    with database.session() as session:
        yield session


def _actor(session: object) -> str:
    from postkit.core.profile import load_profile

    profile = load_profile(session)  # type: ignore[arg-type]
    return profile.user_name if profile else os.environ.get("USER", "postkit")


def _run_db_upgrade(args: argparse.Namespace) -> None:
    from postkit.core.db import open_database
    from postkit.core.db.migrate import current_revision

    database = open_database(database_location(args))
    print(f"{database.url}: schema {current_revision(database.engine)}")


def _app_options(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The options when they only open the app, else None.

    Building every command's parser takes longer than parsing; opening the app skips it.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if any(argument in ("-h", "--help") for argument in arguments):
        return None
    options, rest = _options_parser().parse_known_args(arguments)
    return None if rest else options


def _read_passphrase(file: Path | None, env_var: str) -> str | None:
    """A passphrase from a file (its first line) or the environment; None when neither.

    The environment variable is removed once read, so that no child process inherits it; a
    file other users of the computer can read is refused.
    """
    given = os.environ.pop(env_var, None) or None
    if file is not None:
        _check_private(file)
        with file.open("rb") as handle:
            data = handle.read(MAX_PASSPHRASE_FILE_BYTES + 1)
        if len(data) > MAX_PASSPHRASE_FILE_BYTES:
            raise PostkitError(f"{file}: too large to be a passphrase file")
        try:
            lines = data.decode("utf-8").splitlines()
        except UnicodeDecodeError:
            raise PostkitError(f"{file}: not a passphrase file (not UTF-8 text)") from None
        if not lines or not lines[0]:
            raise PostkitError(f"{file}: the passphrase file is empty")
        return lines[0]
    return given


def _check_private(file: Path) -> None:
    if os.name == "nt":  # NTFS permissions are not mode bits; the user's profile is private
        return
    mode = file.stat().st_mode
    if mode & 0o077:
        raise PostkitError(
            f"{file}: the passphrase file can be read or changed by other users of this "
            f"computer; make it private first (chmod 600 {file})"
        )


def _new_passphrase(given: str | None, what: str) -> str:
    """The passphrase to set: given, or typed twice on a terminal."""
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise PostkitError(
            f"no {what}: give it with --passphrase-file FILE or ${PASSPHRASE_ENV_VAR}"
        )
    import getpass

    first = getpass.getpass(f"{what.capitalize()}: ")
    if getpass.getpass("Again: ") != first:
        raise PostkitError("the two passphrases differ; nothing was changed")
    return first


def _run_db_protect(args: argparse.Namespace) -> None:
    from postkit.core.db.encryption import protect_database, protect_unfinished
    from postkit.core.screening.audit import log_database_event

    passphrase = _new_passphrase(args.passphrase, "passphrase")
    database_file = _sqlite_file(args)
    resumed = protect_unfinished(database_file)
    encrypted = protect_database(database_file, passphrase)
    log_database_event(
        database_file, passphrase, "database_protected", {"backups_encrypted": len(encrypted)}
    )
    done = "protecting finished" if resumed else "protected with the passphrase"
    print(f"{database_file}: {done} ({len(encrypted)} backups encrypted)")


def _run_db_change_passphrase(args: argparse.Namespace) -> None:
    from postkit.core.db.encryption import (
        PassphraseRequiredError,
        change_passphrase,
        rotate_attached_files,
    )
    from postkit.core.screening.audit import log_database_event

    database_file = _sqlite_file(args)
    old = args.passphrase
    if old is None:
        raise PassphraseRequiredError(database_file)
    new = _new_passphrase(
        _read_passphrase(args.new_passphrase_file, NEW_PASSPHRASE_ENV_VAR), "new passphrase"
    )
    rekeyed = change_passphrase(database_file, old, new)
    details: dict[str, object] = {"backups_rekeyed": len(rekeyed)}
    rotated = ""
    if args.rotate_file_key:
        resealed, unnamed = rotate_attached_files(database_file, new)
        details |= {"file_key_rotated": True, "files_resealed": resealed}
        rotated = f"; {resealed} attached files sealed under a new key"
        if unnamed:
            rotated += f" ({unnamed} sealed files no record names were left as they were)"
    log_database_event(database_file, new, "passphrase_changed", details)
    print(f"{database_file}: the passphrase is changed ({len(rekeyed)} backups re-keyed){rotated}")


def _sqlite_file(args: argparse.Namespace) -> Path:
    from sqlalchemy.engine import make_url

    from postkit.core.db.database import database_url
    from postkit.core.errors import PostkitError

    url = make_url(database_url(database_location(args)))
    if url.get_backend_name() != "sqlite" or not url.database:
        raise PostkitError("backup and restore work on a SQLite database file")
    return Path(url.database)


def _run_backup(args: argparse.Namespace) -> None:
    from postkit.core.db import open_database
    from postkit.core.db.backup import backup_database

    open_database(database_location(args)).dispose()  # creates or upgrades it first
    print(backup_database(_sqlite_file(args)))


def _run_check(args: argparse.Namespace) -> None:
    from postkit.core.checkup import check_setup
    from postkit.core.db import open_database

    database = open_database(database_location(args))  # creates or upgrades it, as the app does
    try:
        print(f"postkit {__version__}")
        for line in check_setup(database).lines():
            print(line)
    finally:
        database.dispose()


def _run_restore(args: argparse.Namespace) -> None:
    from postkit.core.db.backup import restore_database
    from postkit.core.db.restorable import check_restorable
    from postkit.core.screening.audit import log_restore, read_anchor

    database_file = _sqlite_file(args)
    replaced = read_anchor(database_file, args.passphrase) if database_file.is_file() else None
    safety = restore_database(database_file, args.file, wait=_lock_wait(), check=check_restorable)
    log_restore(database_file, args.passphrase, args.file, replaced, safety)
    kept = f" (the database as it was is kept in {safety})" if safety else ""
    print(f"{database_file}: restored from {args.file}{kept}")


def _run_demo_seed(args: argparse.Namespace) -> None:
    from postkit.core.db import open_database
    from postkit.core.demo_seed import seed_everything

    database = open_database(database_location(args))
    seed_everything(database, activities=args.activities)
    print(
        f"{database.url}: added {args.activities} demo activities, practices, "
        "the demo screenings and survey responses"
    )


def _run_activities_export(args: argparse.Namespace) -> None:
    from postkit.core.activities.export import export_activities_xlsx
    from postkit.core.activities.records import ActivityFilter
    from postkit.core.db import open_database
    from postkit.core.profile import load_profile

    database = open_database(database_location(args))
    with database.session() as session:
        profile = load_profile(session)
        # The post's own activities, also where the database holds several posts'.
        flt = ActivityFilter(year=args.year, post_name=profile.post_name if profile else None)
        count = export_activities_xlsx(session, args.out, flt, language=args.language)
    print(f"{args.out}: {count} activities")


def _run_activities_import(args: argparse.Namespace) -> int:
    from postkit.core.activities.spreadsheet_import import import_activities
    from postkit.core.companies.service import find_or_add_company

    with _session(args) as session:
        plan = import_activities(
            session,
            args.file,
            _actor(session),
            dry_run=args.dry_run,
            locale=args.locale,
            resolve_company=find_or_add_company,
        )
    return _print_import_summary(args.file, plan.summary)


def _print_import_summary(file: Path, summary: ImportSummary) -> int:
    """The summary line on stdout; when rows are wrong, one refusal line on stderr followed
    by each error (row and column) and each value no reference list knows."""
    from postkit.core.spreadsheet_import import shorten

    if summary.with_errors:
        print(
            f"postkit: error: {file.name}: {summary.with_errors} row(s) with errors, nothing added",
            file=sys.stderr,
        )
        for error in summary.errors:
            print(f"{file.name}: {error}", file=sys.stderr)
        for unknown in summary.unknown:
            rows = ", ".join(str(row) for row in unknown.rows[:10])
            more = " ..." if len(unknown.rows) > 10 else ""
            print(
                f"{file.name}: unknown {unknown.field} in column {unknown.column!r}: "
                f"{shorten(unknown.text)!r} (rows {rows}{more})",
                file=sys.stderr,
            )
    print(summary.line)
    return 1 if summary.with_errors else 0


def _run_companies_import(args: argparse.Namespace) -> int:
    from postkit.core.companies.spreadsheet_import import import_companies

    with _session(args) as session:
        plan = import_companies(
            session,
            args.file,
            _actor(session),
            _store_companies,
            dry_run=args.dry_run,
            locale=args.locale,
        )
    return _print_import_summary(args.file, plan.summary)


def _store_companies(session: Session, companies: list[CompanyData], actor: str) -> list[int]:
    """The register's own store for imported companies, all in one transaction."""
    from postkit.core.companies.service import add_companies

    return add_companies(session, companies, actor)


def _run_companies_list(args: argparse.Namespace) -> None:
    from postkit.core.companies.history import usage_counts
    from postkit.core.companies.service import company_ids, company_lines

    with _session(args) as session:
        counts = usage_counts(session)
        lines = company_lines(session, company_ids(session))
    # A fixed contract for scripts: kvk<TAB>name<TAB>activities<TAB>screenings, by name.
    for line in sorted(lines, key=lambda line: (line.name.casefold(), line.id)):
        reached, screened = counts.get(line.id, (0, 0))
        print(f"{line.kvk_number or ''}\t{line.name}\t{reached}\t{screened}")


def _run_annual_report(args: argparse.Namespace) -> None:
    from postkit.core.activities.report import write_annual_report

    with _session(args) as session:
        write_annual_report(session, args.year, args.out, language=args.language)
    print(f"{args.out}: annual report {args.year}")


def _run_screening_match(args: argparse.Namespace) -> None:
    from datetime import date

    from postkit.core.screening.list_formats import read_sanctions_list
    from postkit.core.screening.matching import NameMatcher

    if args.list is not None:
        matcher = NameMatcher(read_sanctions_list(args.list).entries)
        candidates = matcher.match(args.name, limit=args.limit)
    else:
        from postkit.core.errors import PostkitError
        from postkit.core.screening.sanctions_store import match_current_lists, old_lists

        with _session(args) as session:
            found = match_current_lists(session, args.name, args.limit)
            if not found and not _has_lists(session):
                raise PostkitError(
                    "no sanctions list imported yet: give one with --list FILE or import one "
                    "with 'postkit screening import-list FILE'"
                )
            for listing in old_lists(session, args.max_list_age, date.today()):
                print(
                    f"postkit: warning: {listing.file_name} was published {listing.list_date}, "
                    f"{listing.age_days(date.today())} days ago; import a newer version",
                    file=sys.stderr,
                )
        candidates = [candidate for _listing, candidate in found]
    for candidate in candidates:
        name = candidate.entry.name.replace("\t", " ")
        print(f"{candidate.score:.1f}\t{name}\t{candidate.entry.id}")


def _has_lists(session: Session) -> bool:
    from postkit.core.screening.sanctions_store import current_list

    return current_list(session) is not None


def _run_screening_verify(args: argparse.Namespace) -> None:
    from postkit.core.errors import PostkitError
    from postkit.core.screening.audit import anchors_in_file, parse_anchor, verify_chain

    anchors = []
    for given in args.anchor:
        path = Path(given)
        anchors += anchors_in_file(path) if path.is_file() else [parse_anchor(given)]
    with _session(args) as session:
        check = verify_chain(session, anchors)
    if check.broken_at is not None:
        raise PostkitError(
            f"the screening log is broken at entry {check.broken_at}: {check.problem}"
        )
    if check.anchor_problems:
        raise PostkitError(
            "the screening log does not hold an earlier anchor: " + "; ".join(check.anchor_problems)
        )
    matched = ""
    if anchors:
        count = check.anchors_matched
        matched = "; the anchor matches" if count == 1 else f"; {count} anchors match"
    print(
        f"ok: {check.entries} log entries, the chain is intact{matched}; anchor {check.anchor.text}"
    )


def _run_screening_import_list(args: argparse.Namespace) -> None:
    from postkit.core.screening.list_formats import SOURCE_LABELS, ListSource
    from postkit.core.screening.list_import import import_list
    from postkit.core.screening.rescreening import rescreen_report

    with _session(args) as session:
        done = import_list(session, args.file, _actor(session))
        listed = done.list
        report = rescreen_report(session, listed.id)
    label = SOURCE_LABELS.get(ListSource(listed.source), listed.source)
    if done.is_new:
        print(
            f"{args.file}: {listed.entry_count} entries imported ({label}, published "
            f"{listed.list_date or 'without a date'}, sha256 {listed.sha256[:12]}…)"
        )
    else:
        print(
            f"{args.file}: already imported on {listed.imported_at:%Y-%m-%d} ({label}, "
            f"sha256 {listed.sha256[:12]}…); nothing written"
        )
    print(
        f"{args.file}: {len(report.requests)} requests screened again, "
        f"{report.new_candidate_count} new candidates"
    )


def _run_screening_import_risk(args: argparse.Namespace) -> None:
    from postkit.core.screening.risk import import_risk_table

    with _session(args) as session:
        count = import_risk_table(session, args.file, args.kind, _actor(session))
    print(f"{args.file}: {count} {args.kind} risk ratings imported")


def _run_screening_record(args: argparse.Namespace) -> None:
    from postkit.core.followups.service import condition_lines
    from postkit.core.profile import load_profile
    from postkit.core.screening.audit import chain_anchor, entries_for
    from postkit.core.screening.decision_record import write_decision_record
    from postkit.core.screening.risk import risk_summary
    from postkit.core.screening.service import get_request

    with _session(args) as session:
        record = get_request(session, args.request_id)
        profile = load_profile(session)
        write_decision_record(
            record,
            risk_summary(session, record),
            entries_for(session, record.id),
            args.out,
            language=args.language,
            post_name=profile.post_name if profile else "",
            printed_by=_actor(session),
            anchor=chain_anchor(session),
            conditions=condition_lines(session, record.id),
        )
    print(f"{args.out}: decision record of request {args.request_id}")


def _run_survey_validate(args: argparse.Namespace) -> None:
    from postkit.core.surveys.xlsform import check_form

    print(check_form(args.form))


def _run_survey_import(args: argparse.Namespace) -> None:
    from postkit.core.surveys.service import import_form

    with _session(args) as session:
        info = import_form(session, args.form, _actor(session))
    print(f"imported {info.form_id} {info.version}: {info.title_in(info.default_language)}")


def _run_survey_export(args: argparse.Namespace) -> None:
    from postkit.core.errors import PostkitError
    from postkit.core.profile import load_profile, post_region
    from postkit.core.surveys.export import export_responses_csv, export_responses_xlsx
    from postkit.core.surveys.export_plan import plan_export
    from postkit.core.surveys.service import ensure_shipped_forms, find_form

    with _session(args) as session:
        ensure_shipped_forms(session, _actor(session))
        form = find_form(session, args.form_id, args.version)
        profile = load_profile(session)
        post = args.post or (profile.post_name if profile else "")
        if not post:
            raise PostkitError("no post name: set up the post's profile or give --post NAME")
        region = post_region(profile) if profile else None
        # Said before writing, so what is left out is never a surprise in the file.
        plan = plan_export(session, form.id)
        print(
            f"exporting {plan.responses} submitted responses to {form.form_id} {form.version} "
            f"as {post}; left out: {_left_out(plan)}",
            flush=True,
        )
        export = (
            export_responses_csv if args.out.suffix.lower() == ".csv" else export_responses_xlsx
        )
        count = export(session, form.id, args.out, post, region)
        beside = []
        audit = None
        if export is export_responses_csv:
            from postkit.core.surveys.export import repeat_csv_paths, written_audit_csv_path
            from postkit.core.surveys.service import load_definition

            definition = load_definition(session, form.id)
            beside = list(repeat_csv_paths(args.out, definition).values())
            audit = written_audit_csv_path(args.out, definition)
    print(f"{args.out}: {count} responses to {form.form_id} {form.version} from {post}")
    if beside:
        print(f"repeats, one file each: {', '.join(str(path) for path in beside)}")
    if audit is not None:
        print(f"audit log: {audit}")


def _left_out(plan: ExportPlan) -> str:
    """The responses an export leaves out, and why, on one line."""
    parts = []
    if plan.drafts:
        who = ", ".join(
            f"{draft.respondent or 'anonymous'} (started {draft.started_at:%Y-%m-%d %H:%M} UTC)"
            for draft in plan.drafts
        )
        parts.append(f"{len(plan.drafts)} draft(s) not submitted yet: {who}")
    for version, count in sorted(plan.other_versions.items()):
        parts.append(f"{count} response(s) to version {version} (export it with --version)")
    return "; ".join(parts) or "none"


def _run_practices_import(args: argparse.Namespace) -> int:
    from postkit.core.db import open_database
    from postkit.core.practices.exchange import import_practices

    database = open_database(database_location(args))
    with database.session() as session:
        summary = import_practices(session, database.files_dir, args.files)
    print(
        f"added {len(summary.added)}, updated {len(summary.updated)}, "
        f"skipped {len(summary.skipped)}, conflicts {len(summary.conflicts)}"
    )
    for skipped in summary.skipped:
        print(f"{skipped.uuid}\t{skipped.title}\tskipped: {skipped.reason.value}")
    for uuid, title in summary.conflicts:
        print(f"{uuid}\t{title}\tconflict: kept the local version")
    for failed in summary.failed:
        print(f"postkit: error: {failed.path}: {failed.problem}", file=sys.stderr)
    return 1 if summary.failed else 0


def _run_practices_export(args: argparse.Namespace) -> None:
    from postkit.core.db import open_database
    from postkit.core.practices.exchange import export_practices
    from postkit.core.practices.privacy import Removal

    database = open_database(database_location(args))
    removals: list[Removal] = []
    with database.session() as session:
        count = export_practices(
            session,
            database.files_dir,
            args.out,
            include_drafts=args.all,
            keep_personal_data=args.keep_personal_data,
            removals=removals,
        )
    print(f"{args.out}: {count} practices")
    for removal in removals:
        text = " ".join(removal.text.split())
        print(f"removed\t{removal.practice_title}\t{removal.field}\t{removal.kind.value}\t{text}")


def _run_practices_list(args: argparse.Namespace) -> None:
    from postkit.core.practices.records import PracticeFilter
    from postkit.core.practices.service import list_practices

    with _session(args) as session:
        rows = list_practices(session, PracticeFilter())
    for row in rows:
        title = row.title.replace("\t", " ")
        print(f"{row.uuid}\t{title}\t{row.updated_at.isoformat(timespec='seconds')}")


class _TerminalProgress:
    """A progress line on a terminal (stderr), silent when output goes to a file or pipe."""

    def __init__(self, label: str) -> None:
        self._label = label
        self._shown = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if self._shown and total:
            width = 30
            filled = width * done // total
            bar = "#" * filled + "-" * (width - filled)
            print(f"\r{self._label} [{bar}] {done}/{total}", end="", file=sys.stderr, flush=True)

    def finish(self) -> None:
        if self._shown:
            print(file=sys.stderr)


def _run_survey_aggregate(args: argparse.Namespace) -> int:
    from postkit.core.db import open_database
    from postkit.core.hq.forms import any_form, form_of, sort_by_form
    from postkit.core.hq.report import write_aggregate_report
    from postkit.core.hq.service import skipped_files
    from postkit.core.hq.summary import collect_and_summarise, write_summary_xlsx

    database = open_database(database_location(args))
    found = sort_by_form(args.paths)
    skipped = skipped_files(args.paths)
    if skipped:
        print(
            f"postkit: {len(skipped)} files skipped (not .xlsx): {', '.join(skipped)}",
            file=sys.stderr,
        )
    groups = [group for group in found.forms if args.form in (None, group.form_id)]
    if args.form and not groups:
        raise PostkitError(f"none of the files is an export of survey {args.form}")
    chosen = groups[0] if groups else None
    progress = _TerminalProgress("reading exports")
    with database.session() as session:
        form = form_of(session, chosen.form_id, chosen.version) if chosen else any_form(session)
        paths = [*(chosen.paths if chosen else ()), *found.unreadable]
        report, summary = collect_and_summarise(session, paths, form, progress)
        progress.finish()
    write_summary_xlsx(summary, args.out, language=args.language)
    if args.pdf:
        write_aggregate_report(summary, args.pdf, language=args.language)
    print(
        f"{args.out}: {len(report.accepted)} exports accepted, {len(report.refused)} refused; "
        f"responses {report.added} added, {report.replaced} replaced, "
        f"{report.unchanged} unchanged"
    )
    for replaced in report.replaced_responses:
        print(f"replaced response {replaced.uuid} of {replaced.post} (from {replaced.path.name})")
    for refused in report.refused:
        print(f"postkit: refused {refused.path}: {refused.reason}", file=sys.stderr)
    for other in found.forms:
        if other is not chosen:
            print(
                f"postkit: left out {len(other.paths)} export(s) of survey {other.form_id} "
                f"version {other.version}; aggregate them with --form {other.form_id}",
                file=sys.stderr,
            )
    if report.has_refusals:
        print(
            f"postkit: error: {len(report.refused)} file(s) refused; the summary holds the others",
            file=sys.stderr,
        )
        return 1
    return 0


def _run_survey_posts(args: argparse.Namespace) -> int:
    from postkit.core import reference
    from postkit.core.db import open_database
    from postkit.core.hq.posts import hq_posts

    if args.copy:
        print(
            "postkit: error: 'survey posts --copy' is retired: headquarters keeps its list of "
            "posts in its database; write it to edit with 'postkit hq posts export FILE.xlsx' "
            "and read it back with 'postkit hq posts import FILE.xlsx'",
            file=sys.stderr,
        )
        return 1
    database = open_database(database_location(args))
    with database.session() as session:
        posts = hq_posts(session)
    print(f"{posts.path}: {len(posts.posts)} posts")
    for post in posts.posts:
        print("\t".join((post.code, post.en, post.nl, post.kind, post.country, post.region)))
    own = reference.own_posts_file()
    if own.is_file():
        print(
            f"postkit: {own} is no longer read; to use it: postkit hq posts import {own}",
            file=sys.stderr,
        )
    return 0


def _run_hq_posts_list(args: argparse.Namespace) -> None:
    from postkit.core.db import open_database
    from postkit.core.hq.posts import hq_posts

    database = open_database(database_location(args))
    with database.session() as session:
        posts = hq_posts(session)
    print(f"{posts.path}: {len(posts.posts)} posts")
    for post in posts.posts:
        print("\t".join((post.code, post.en, post.kind, post.country, post.region, post.business)))


def _run_hq_posts_import(args: argparse.Namespace) -> None:
    from postkit.core.db import open_database
    from postkit.core.hq.posts import import_posts

    database = open_database(database_location(args))
    with database.session() as session:
        result = import_posts(session, args.file)
    print(
        f"{args.file}: {result.posts} posts imported ({len(result.added)} added, "
        f"{len(result.removed)} removed, {len(result.changed)} changed)"
    )


def _run_hq_posts_export(args: argparse.Namespace) -> None:
    from postkit.core.db import open_database
    from postkit.core.hq.posts import export_posts, hq_posts

    database = open_database(database_location(args))
    with database.session() as session:
        posts = hq_posts(session)
    path = export_posts(posts, args.file)
    print(f"{path}: {len(posts.posts)} posts; edit it and import it with: postkit hq posts import")


def _run_hq_network(args: argparse.Namespace) -> int:
    from postkit.core.db import open_database
    from postkit.core.hq.network import collect_returns, network_picture
    from postkit.core.hq.network_report import write_network_pdf, write_network_xlsx

    database = open_database(database_location(args))
    progress = _TerminalProgress("reading returns")
    with database.session() as session:
        report = collect_returns(session, args.paths, progress)
        progress.finish()
        picture = network_picture(session, args.year, report.refused)
    write_network_xlsx(picture, args.out, language=args.language)
    if args.pdf:
        write_network_pdf(picture, args.pdf, language=args.language)
    print(
        f"{args.out}: {args.year}: returns of {picture.posts_reporting} posts held "
        f"({report.count('added')} added, {report.count('replaced')} replaced, "
        f"{report.count('unchanged')} unchanged, {report.count('outdated')} outdated in this run), "
        f"{len(picture.missing)} of the {picture.posts_listed} posts on the list missing"
    )
    if picture.missing:
        print("missing: " + ", ".join(post.en for post in picture.missing))
    for name in picture.unlisted:
        print(f"postkit: {name} is not on the list of posts (postkit hq posts)", file=sys.stderr)
    for refused in report.refused:
        print(f"postkit: refused {refused.path}: {refused.reason}", file=sys.stderr)
    if report.refused:
        print(
            f"postkit: error: {len(report.refused)} file(s) refused; the figures hold the others",
            file=sys.stderr,
        )
        return 1
    return 0


def _run_survey_receipts(args: argparse.Namespace) -> None:
    from postkit.core.hq.receipts import build_receipts, write_receipts

    with _session(args) as session:
        batch = build_receipts(session)
    written = write_receipts(batch, args.dir)
    for path, receipt in written:
        print(
            f"{path}: {receipt.post}, {len(receipt.entries)} file(s): "
            f"{receipt.accepted} accepted, {receipt.refused} refused"
        )
    if written:
        from postkit.core.receipt_signing import hq_signing_key, public_key_of

        key = public_key_of(hq_signing_key())
        print(f"signed with headquarters' key {key.short} (posts import it: survey receipt-key)")
    if not written:
        print(f"{args.dir}: no files received from any post yet; no receipts written")
    for file in batch.unattributed:
        print(
            f"postkit: no receipt can name {file.file_name} (refused: {file.reason}): "
            "it names no post",
            file=sys.stderr,
        )


def _run_receipt_import(args: argparse.Namespace) -> int:
    from postkit.core.db import open_database
    from postkit.core.profile import load_profile
    from postkit.core.surveys.receipts import import_receipt

    database = open_database(database_location(args))
    failed = 0
    with database.session() as session:
        profile = load_profile(session)
        for path in args.files:
            try:
                result = import_receipt(session, path, profile.post_name if profile else None)
            except PostkitError as error:
                print(f"postkit: error: {error}", file=sys.stderr)
                failed += 1
                continue
            print(
                f"{path}: receipt for {result.post} of {result.issued_at:%Y-%m-%d}: "
                f"{len(result.updated)} export(s) updated, {len(result.unchanged)} unchanged; "
                f"{_signature_note(result)}"
            )
            for sent in (*result.updated, *result.unchanged):
                reason = f" ({sent.reason})" if sent.reason else ""
                print(f"{sent.file_name}\t{sent.status}{reason}")
            for entry in result.unknown:
                print(f"{entry.file_name}\t{entry.status}: not an export recorded at this post")
    return 1 if failed else 0


def _signature_note(result: ReceiptImport) -> str:
    from postkit.core.surveys.receipts import SIGNED, UNSIGNED

    if result.signature == SIGNED:
        return f"signed by headquarters (key {result.key_fingerprint[:16]})"
    if result.signature == UNSIGNED:
        return "NOT SIGNED: anybody could have written it"
    return "signed by a key this post has not imported (receipt import-key FILE)"


def _run_receipt_import_key(args: argparse.Namespace) -> None:
    from postkit.core.surveys.receipts import import_hq_key

    with _session(args) as session:
        key = import_hq_key(session, args.file, _actor(session))
    print(f"{args.file}: headquarters' receipt key {key.short} stored; compare it with HQ's")


def _run_survey_receipt_key(args: argparse.Namespace) -> None:
    from postkit.core.receipt_signing import export_public_key, hq_signing_key, public_key_of

    path = export_public_key(args.out)
    key = public_key_of(hq_signing_key())
    print(f"{path}: headquarters' receipt key {key.short}; give it to each post")


def _run_demo_exports(args: argparse.Namespace) -> None:
    from postkit.core.hq.demo_exports import write_demo_exports

    paths = write_demo_exports(args.dir, posts=args.posts, responses=args.responses)
    print(f"{args.dir}: {len(paths)} post exports of {args.responses} responses each")


def _run_demo_returns(args: argparse.Namespace) -> None:
    from postkit.core.returns.demo import write_demo_returns

    paths = write_demo_returns(args.dir, posts=args.posts, year=args.year)
    print(f"{args.dir}: {len(paths)} annual returns of {args.year}")


def _run_return_write(args: argparse.Namespace) -> None:
    from postkit.core.returns.service import write_return

    with _session(args) as session:
        written = write_return(session, args.year, args.out)
    print(
        f"{written.path}: annual return {written.year} of {written.post}, sha256 {written.sha256}"
    )


def _run_translations_update(args: argparse.Namespace) -> None:
    from postkit.core.i18n import update_catalogs
    from postkit.ui.i18n import update_translation_sources

    for path in update_translation_sources():
        print(f"{path}: updated (new strings are marked unfinished)")
    for path in update_catalogs():
        note = {".pot": "extracted", ".po": "merged (new messages untranslated)", ".mo": "compiled"}
        print(f"{path}: {note[path.suffix]}")


def _run_translations_build(args: argparse.Namespace) -> None:
    from postkit.ui.i18n import compile_translations

    for path in compile_translations():
        print(f"{path}: compiled")


def _open_app(args: argparse.Namespace) -> int:
    if not args.demo:
        import gc

        # Not while PySide6 is imported either (run_app pauses collection and resumes it).
        gc.disable()
    from postkit.ui.app import run_app

    if not args.demo:
        return run_app(
            database_location(args),
            screenshot=args.screenshot,
            report_startup=args.report_startup,
        )
    import shutil
    import tempfile

    from postkit.core.db import open_database
    from postkit.core.demo_seed import seed_everything
    from postkit.core.practices.demo import seed_practices_demo

    demo_dir = Path(tempfile.mkdtemp(prefix="postkit-demo-"))
    try:
        location = str(demo_dir / "demo.sqlite3")
        database = open_database(location)
        seed_everything(database, activities=DEMO_ACTIVITIES)
        database.dispose()
        return run_app(
            location,
            is_demo=True,
            screenshot=args.screenshot,
            report_startup=args.report_startup,
            reset_demo_data=seed_practices_demo,
        )
    finally:
        shutil.rmtree(demo_dir, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = _app_options(argv)
    if args is None:
        args = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int | None] | None = getattr(args, "run", None)
    try:
        if run is None:
            os.environ.pop(PASSPHRASE_ENV_VAR, None)  # the app asks; no child inherits it
            return _open_app(args)
        # Read (and taken out of the environment) before anything can start a child process.
        args.passphrase = _read_passphrase(args.passphrase_file, PASSPHRASE_ENV_VAR)
        from postkit.core.db.database import closed_at_end
        from postkit.core.db.encryption import given_passphrase
        from postkit.core.db.locking import waiting_for_writers

        with (
            given_passphrase(args.passphrase),
            waiting_for_writers(_lock_wait()),
            closed_at_end(),
        ):
            code = run(args)
    except PostkitError as exc:
        print(f"postkit: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"postkit: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        # A lock that outlasted the wait where no transaction began (a read upgraded to a
        # write): one line, as for the wait itself, never a traceback.
        from postkit.core.db.locking import is_busy

        if not is_busy(exc):
            raise
        print(
            f"postkit: error: {_database_name(args)}: another postkit is writing to this "
            "database; try again when it has finished",
            file=sys.stderr,
        )
        return 1
    return code if isinstance(code, int) else 0


def _lock_wait() -> LockWait:
    """Wait for another postkit's write as long as POSTKIT_LOCK_WAIT says (seconds), telling
    the user once on stderr."""
    from postkit.core.db.locking import LOCK_WAIT_SECONDS, LockWait

    text = os.environ.get(LOCK_WAIT_ENV_VAR, "")
    try:
        seconds = float(text) if text else LOCK_WAIT_SECONDS
    except ValueError:
        raise PostkitError(f"${LOCK_WAIT_ENV_VAR} is not a number of seconds: {text!r}") from None

    told: set[str] = set()

    def tell(message: str) -> None:
        if message not in told:  # once a run, though each transaction may wait
            told.add(message)
            print(f"postkit: {message}", file=sys.stderr, flush=True)

    return LockWait(max(0.0, seconds), tell)


def _database_name(args: argparse.Namespace) -> str:
    try:
        return str(_sqlite_file(args))
    except PostkitError:
        return "the database"
