"""The `postkit` command: opens the app, or runs a headless job given as a subcommand."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from postkit import __version__
from postkit.core.errors import PostkitError
from postkit.core.paths import DB_ENV_VAR

DEMO_ACTIVITIES = 600


def _parser() -> argparse.ArgumentParser:
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
        "--demo",
        action="store_true",
        help="open the app on a freshly seeded demo database in a temporary folder",
    )
    # Hidden: smoke tests and benchmarks open the window, then save a PNG or report when idle.
    parser.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    parser.add_argument("--report-startup", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser("upgrade", help="apply schema migrations")
    upgrade.set_defaults(run=_run_db_upgrade)

    demo = commands.add_parser("demo", help="demo data")
    demo_commands = demo.add_subparsers(dest="demo_command", metavar="ACTION", required=True)
    seed = demo_commands.add_parser("seed", help="fill the database with fictional demo data")
    seed.add_argument("--activities", type=_positive_int, default=DEMO_ACTIVITIES, metavar="N")
    seed.set_defaults(run=_run_demo_seed)

    activities = commands.add_parser("activities", help="the activity log")
    activity_commands = activities.add_subparsers(
        dest="activities_command", metavar="ACTION", required=True
    )
    export = activity_commands.add_parser("export", help="export activities to .xlsx")
    export.add_argument("out", metavar="OUT.xlsx", type=Path)
    export.add_argument("--year", type=_year)
    export.add_argument("--language", choices=("nl", "en"), default="en")
    export.set_defaults(run=_run_activities_export)

    report = commands.add_parser("report", help="reports")
    report_commands = report.add_subparsers(dest="report_command", metavar="KIND", required=True)
    annual = report_commands.add_parser("annual", help="the annual report as PDF")
    annual.add_argument("--year", type=_year, required=True)
    annual.add_argument("out", metavar="OUT.pdf", type=Path)
    annual.add_argument("--language", choices=("nl", "en"), default="en")
    annual.set_defaults(run=_run_annual_report)
    return parser


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


def _actor(session: object) -> str:
    from postkit.core.profile import load_profile

    profile = load_profile(session)  # type: ignore[arg-type]
    return profile.user_name if profile else os.environ.get("USER", "postkit")


def _run_db_upgrade(args: argparse.Namespace) -> None:
    from postkit.core.db import open_database
    from postkit.core.db.migrate import current_revision

    database = open_database(database_location(args))
    print(f"{database.url}: schema {current_revision(database.engine)}")


def _run_demo_seed(args: argparse.Namespace) -> None:
    from postkit.core.db import open_database
    from postkit.core.demo import seed_demo

    database = open_database(database_location(args))
    with database.session() as session:
        count = seed_demo(session, activities=args.activities)
    print(f"{database.url}: added {count} demo activities")


def _run_activities_export(args: argparse.Namespace) -> None:
    from postkit.core.activities.export import export_activities_xlsx
    from postkit.core.activities.records import ActivityFilter
    from postkit.core.db import open_database

    database = open_database(database_location(args))
    with database.session() as session:
        count = export_activities_xlsx(
            session, args.out, ActivityFilter(year=args.year), language=args.language
        )
    print(f"{args.out}: {count} activities")


def _run_annual_report(args: argparse.Namespace) -> None:
    from postkit.core.activities.report import write_annual_report
    from postkit.core.db import open_database

    database = open_database(database_location(args))
    with database.session() as session:
        write_annual_report(session, args.year, args.out, language=args.language)
    print(f"{args.out}: annual report {args.year}")


def _open_app(args: argparse.Namespace) -> int:
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
    from postkit.core.demo import seed_demo

    demo_dir = Path(tempfile.mkdtemp(prefix="postkit-demo-"))
    try:
        location = str(demo_dir / "demo.sqlite3")
        database = open_database(location)
        with database.session() as session:
            seed_demo(session, activities=DEMO_ACTIVITIES)
        database.dispose()
        return run_app(
            location, is_demo=True, screenshot=args.screenshot, report_startup=args.report_startup
        )
    finally:
        shutil.rmtree(demo_dir, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], None] | None = getattr(args, "run", None)
    try:
        if run is None:
            return _open_app(args)
        run(args)
    except PostkitError as exc:
        print(f"postkit: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"postkit: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0
