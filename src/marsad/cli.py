"""The `marsad` command: one entry point for every job.

Django is set up lazily, inside each command, so `marsad --help` stays fast. Each area adds its
commands from its own `cli.py` (a `register(app, import_app)` function listed in AREA_COMMANDS).
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Annotated, Any

import typer
from rich.table import Table

from marsad.commandline import console, fail, setup_django
from marsad.core.cli import audit_app
from marsad.core.search.cli import search_app

app = typer.Typer(
    help="Marsad: the coordination and monitoring system of the International Stabilization Force.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
app.add_typer(audit_app, name="audit")
app.add_typer(search_app, name="search")
import_app = typer.Typer(
    help="Import data files; each row is reported accepted or rejected, and nothing is imported "
    "twice.",
    no_args_is_help=True,
)
AREA_COMMANDS: list[str] = [
    "marsad.core.accounts_cli",
    "marsad.coalition.cli",
    "marsad.mandate.cli",
    "marsad.ceasefire.cli",
    "marsad.plan.cli",
    "marsad.access.cli",
    "marsad.intake.cli",
    "marsad.notify.cli",
    "marsad.reports.cli",
    "marsad.exercises.cli",
]


def _migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)


def _report_demo(report: Any) -> None:
    table = Table(title="Demo scenario")
    table.add_column("records")
    table.add_column("created", justify="right")
    table.add_column("already there", justify="right")
    for kind in dict.fromkeys([*report.created, *report.kept]):
        table.add_row(kind, str(report.created.get(kind, 0)), str(report.kept.get(kind, 0)))
    console.print(table)


@app.command()
def migrate() -> None:
    """Create or update the database tables (SQLite under var/ unless DATABASE_URL is set)."""
    setup_django()
    _migrate(verbosity=1)
    console.print("[green]database is up to date[/]")


@app.command()
def demo(
    reset: Annotated[
        bool,
        typer.Option(
            "--reset", help="Erase ALL data (records, users, audit log) first, then load the demo."
        ),
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask before --reset erases.")] = False,
) -> None:
    """Load the demo scenario (the ISF situation of late 2025). Loading twice changes nothing."""
    setup_django()
    from marsad.core.demo.loader import DemoDataError, load_demo
    from marsad.core.erase import erase_everything

    _migrate()
    if reset:
        if not yes and not typer.confirm("Erase every record, user and audit entry?"):
            raise typer.Exit(1)
        erase_everything()
        console.print("[yellow]database erased[/]")
    try:
        report = load_demo()
    except DemoDataError as exc:
        fail(str(exc))
    _report_demo(report)


@app.command()
def createuser(
    username: Annotated[str, typer.Argument(help="Login name.")],
    role: Annotated[
        str,
        typer.Option(
            help="admin, analyst, liaison, humanitarian, public or controller (runs exercises)."
        ),
    ],
    nation: Annotated[
        str, typer.Option(help="ISO alpha-3 code of a liaison officer's nation, e.g. ITA.")
    ] = "",
    password: Annotated[
        str,
        typer.Option(
            help="Password; asked for when not given (or set MARSAD_PASSWORD).",
            envvar="MARSAD_PASSWORD",
        ),
    ] = "",
    email: Annotated[str, typer.Option(help="E-mail address.")] = "",
    token: Annotated[
        bool, typer.Option("--token/--no-token", help="Also issue an API token (printed once).")
    ] = True,
) -> None:
    """Create a user with a role; liaison officers see only what is releasable to their nation."""
    setup_django()
    from django.utils import translation

    from marsad.core.errors import InvalidInput
    from marsad.core.models import ApiToken
    from marsad.core.models.users import hash_token
    from marsad.core.services.base import SystemUser
    from marsad.core.services.users import create_user, issue_token

    translation.activate("en")  # the password validators' messages
    if not password:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    by = SystemUser("system:cli")
    try:
        user = create_user(
            by=by, username=username, role=role, nation=nation, password=password, email=email
        )
    except InvalidInput as exc:
        fail(str(exc))
    console.print(
        f"created [bold]{user.username}[/] ({user.get_role_display()}"
        f"{', ' + user.nation if user.nation else ''})"
    )
    if token:
        secret = issue_token(by=by, user=user, label="createuser")
        expires = ApiToken.objects.get(digest=hash_token(secret)).expires
        console.print(
            f"API token, valid until {expires:%Y-%m-%d %H:%M} UTC "
            "(shown once; keep it safe; `marsad token create` issues others):"
        )
        console.print(secret, soft_wrap=True, markup=False)


@app.command()
def check() -> None:
    """Check the installation: settings, database, migrations, front-end assets, audit chain."""
    setup_django()
    from marsad.core.health import run_checks

    table = Table(title="Marsad check")
    table.add_column("check")
    table.add_column("result")
    table.add_column("detail")
    failed = False
    for result in run_checks():
        failed |= not result.ok
        table.add_row(result.name, "[green]ok[/]" if result.ok else "[red]FAILED[/]", result.detail)
    console.print(table)
    if failed:
        raise typer.Exit(1)


@app.command()
def run(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 2,
    threads: Annotated[int, typer.Option(help="Threads of each worker process.")] = 0,
    jobs: Annotated[
        bool,
        typer.Option(
            "--jobs/--no-jobs",
            help="Also run a job worker (daily report, alerts, deliveries) beside the server.",
        ),
    ] = True,
    exercise: Annotated[
        str,
        typer.Option(
            help="Serve this exercise's database instead of the live record (same as "
            "MARSAD_EXERCISE); create it first with `marsad exercise new`."
        ),
    ] = "",
) -> None:
    """Migrate, load the demo if the database is empty, and serve Marsad with gunicorn, with a
    job worker beside it."""
    exercise = exercise or os.environ.get("MARSAD_EXERCISE", "").strip()
    if exercise:
        from marsad.exercises.cli import enter

        enter(exercise)
        from marsad.exercises import database

        if not database.exists(exercise):
            fail(f"no exercise {exercise!r}; create it with `marsad exercise new {exercise}`")
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    from marsad.core.demo.loader import database_is_empty, load_demo
    from marsad.server import serve

    _migrate()
    if database_is_empty():
        console.print("empty database: loading the demo scenario")
        _report_demo(load_demo())
    call_command("collectstatic", interactive=False, verbosity=0)
    # Kept pages were rendered by the code and catalogues of the last start: a new version must
    # not serve them.
    from django.core.cache import cache

    cache.clear()
    console.print(
        f"Marsad at [bold]http://{host}:{port}/[/] (English: /en/, API: /api/docs) — "
        f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}"
    )
    if not jobs:
        serve(host=host, port=port, workers=workers, threads=threads)
        return
    from marsad.jobs import exit_on_sigterm, start_worker_process, stop_worker_process

    exit_on_sigterm()
    worker_process = start_worker_process()
    console.print(f"job worker started (process {worker_process.pid})")
    try:
        serve(host=host, port=port, workers=workers, threads=threads)
    finally:
        stop_worker_process(worker_process)


@app.command()
def worker(
    threads: Annotated[
        int, typer.Option(help="Jobs run at once (default MARSAD_JOB_WORKERS, or 2).")
    ] = 0,
    periodic: Annotated[
        bool,
        typer.Option(
            "--periodic/--no-periodic",
            help="Also start scheduled jobs (the daily report); give --no-periodic to every "
            "worker but one when several share a Redis queue.",
        ),
    ] = True,
) -> None:
    """Run background jobs: reports, alert evaluation, notifications, webhook retries."""
    setup_django()
    from django.conf import settings

    from marsad.jobs import run_worker

    queue = "Redis" if settings.REDIS_URL else settings.HUEY.get("filename", "memory")
    console.print(f"Marsad job worker: queue {queue}")
    run_worker(workers=threads or settings.JOB_WORKERS, periodic=periodic)


def _register_areas() -> None:
    for module in AREA_COMMANDS:
        importlib.import_module(module).register(app, import_app)
    if import_app.registered_commands:
        app.add_typer(import_app, name="import")


_register_areas()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
