"""`marsad exercise`: create, run and remove exercises, each on a database of its own.

Every command but `list` works inside one exercise: it names the exercise in MARSAD_EXERCISE
before Django starts, so this process's only database is the exercise's and the live record
cannot be reached from it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from marsad.commandline import console, fail, setup_django
from marsad.exercises import naming

exercise_app = typer.Typer(
    help="Exercises: a scripted scenario on a database of its own, apart from the live record "
    "(docs/exercises.md).",
    no_args_is_help=True,
)
# The controller at the command line, named in the exercise's audit log.
CONTROLLER = "cli:exercise-controller"

Name = Annotated[str, typer.Argument(help="The exercise's name (lower-case letters, digits, _).")]


def enter(name: str) -> str:
    """Make exercise `name` this process's database, before Django starts."""
    try:
        name = naming.check_name(name)
    except naming.ExerciseNameError as error:
        fail(str(error))
    running = os.environ.get(naming.ENV, "").strip()
    if running and running != name:
        fail(f"{naming.ENV} names exercise {running!r}, not {name!r}")
    os.environ[naming.ENV] = name
    setup_django()
    return name


def _existing(name: str) -> str:
    name = enter(name)
    from marsad.exercises import database

    if not database.exists(name):
        fail(f"no exercise {name!r}; create it with `marsad exercise new {name}`")
    return name


def _controller() -> Any:
    from marsad.core.roles import Role
    from marsad.core.services.base import SystemUser

    return SystemUser(CONTROLLER, role=Role.CONTROLLER)


def _show_clock() -> None:
    from marsad.exercises import clock as exercise_clock
    from marsad.exercises.models import Inject, exercise_time

    found = exercise_clock.the_clock()
    delivered = Inject.objects.filter(delivered_at__isnull=False).count()
    queued = Inject.objects.filter(queued_at__isnull=False, delivered_at__isnull=True).count()
    console.print(
        f"exercise [bold]{found.name}[/]: {found.state}, "
        f"{exercise_time(exercise_clock.now(found))}; injects delivered {delivered}, "
        f"waiting for the job worker {queued}, to come "
        f"{Inject.objects.filter(queued_at__isnull=True).count()}"
    )


@exercise_app.command("new")
def new(
    name: Name,
    scenario: Annotated[
        Path | None,
        typer.Option(help="The scenario file (TOML); default: the project's own scenario."),
    ] = None,
) -> None:
    """Create exercise NAME: its own database, migrated, with the demo and the scenario."""
    from marsad.exercises.scenario import ScenarioError, read

    try:
        parsed = read(scenario)
    except (ScenarioError, OSError) as error:
        fail(f"{scenario or 'default scenario'}: {error}")
    name = enter(name)
    from django.core.management import call_command
    from django.db import connections

    from marsad.exercises import database
    from marsad.exercises.loader import load

    if database.exists(name):
        fail(f"exercise {name!r} exists already ({database.location(name)}); delete it first")
    database.create(name)
    try:
        call_command("migrate", interactive=False, verbosity=0)
        loaded = load(parsed, name=name)
    except ScenarioError as error:
        connections.close_all()
        database.drop(name)
        fail(f"{scenario or 'default scenario'}: {error}; nothing was created")
    except BaseException:
        connections.close_all()
        database.drop(name)
        raise
    console.print(
        f"[green]exercise {name} created[/] at {database.location(name)}: {loaded.injects} "
        f"injects, {loaded.truths} expected claims, {loaded.key_facts} key facts; "
        f"starting state delivered: {len(loaded.started)}"
    )
    console.print(
        f"serve it: marsad run --exercise {name} --port 8001   (or {naming.ENV}={name} "
        "marsad COMMAND for any command, e.g. createuser)"
    )


@exercise_app.command("list")
def list_exercises() -> None:
    """Every exercise, where its database is, its clock's state and time."""
    setup_django()
    from marsad.exercises import database
    from marsad.exercises.models import exercise_time

    table = Table(title="exercises")
    for column in ("name", "state", "exercise time", "scenario", "database"):
        table.add_column(column)
    for item in database.listing():
        when = exercise_time(item.minutes) if item.minutes is not None else ""
        table.add_row(item.name, item.state, when, item.title, item.where)
    console.print(table)


def _clock_command(name: str, action: str, **options: Any) -> None:
    _existing(name)
    from marsad.core.errors import InvalidInput
    from marsad.exercises import clock as exercise_clock

    try:
        getattr(exercise_clock, action)(by=_controller(), **options)
    except InvalidInput as error:
        fail(str(error))
    _show_clock()


@exercise_app.command("start")
def start(name: Name) -> None:
    """Start (or restart after a pause) the exercise's clock; it runs with the wall clock."""
    _clock_command(name, "start")


@exercise_app.command("pause")
def pause(name: Name) -> None:
    """Stop the exercise's clock; nothing arrives until it is started or advanced."""
    _clock_command(name, "pause")


@exercise_app.command("advance")
def advance(
    name: Name,
    to: Annotated[str, typer.Option(help='Exercise time to move to, e.g. "D+0 12:00".')] = "",
    minutes: Annotated[int, typer.Option(help="Minutes to move forward.")] = 0,
) -> None:
    """Move the exercise's time forward; injects whose time has come go to the job worker."""
    if bool(to) == bool(minutes):
        fail("give --to or --minutes")
    _clock_command(name, "advance", to=to, minutes=minutes)


@exercise_app.command("end")
def end(name: Name) -> None:
    """End the exercise: the clock stops for good; the after-action review stays readable."""
    _clock_command(name, "end")


@exercise_app.command("deliver")
def deliver_now(name: Name) -> None:
    """Deliver now, in this process, every inject queued for the job worker (what the worker of
    `marsad run --exercise NAME` does as soon as the clock reaches them)."""
    _existing(name)
    from marsad.exercises.models import Inject
    from marsad.exercises.tasks import deliver_inject

    waiting = Inject.objects.filter(queued_at__isnull=False, delivered_at__isnull=True)
    for pk in waiting.order_by("at", "pk").values_list("pk", flat=True):
        outcome = deliver_inject.call_local(pk)
        console.print(f"inject {pk}: {outcome or 'nothing to do'}")
    _show_clock()


@exercise_app.command("review")
def review(
    name: Name,
    out: Annotated[
        Path | None, typer.Option(help="Write the after-action review to FILE.pdf or FILE.html.")
    ] = None,
    lang: Annotated[str, typer.Option(help="ar or en.")] = "en",
) -> None:
    """The after-action review: per trainee, claims accepted, missed and wrongly accepted."""
    _existing(name)
    from marsad.exercises.review import review as build
    from marsad.exercises.review_render import render

    result = build(_controller())
    table = Table(title=f"after-action review of {name}")
    columns = ("trainee", "right", "wrong", "missed", "precision", "recall", "minutes to review")
    for column in (*columns, "alerts read"):
        table.add_column(column)
    for row in [*result.analysts, result.team]:
        table.add_row(
            row.name,
            str(row.right),
            str(row.wrong),
            str(row.missed),
            "" if row.precision is None else f"{row.precision:.2f}",
            "" if row.recall is None else f"{row.recall:.2f}",
            "" if row.minutes_to_review is None else f"{row.minutes_to_review:.1f}",
            f"{row.alerts_read}/{row.alerts}",
        )
    console.print(table)
    if out is not None:
        fmt = "pdf" if out.suffix.lower() == ".pdf" else "html"
        out.write_bytes(render(result, lang=lang, fmt=fmt))
        console.print(f"written {out}")


@exercise_app.command("delete")
def delete(
    name: Name, yes: Annotated[bool, typer.Option("--yes", help="Do not ask first.")] = False
) -> None:
    """Remove exercise NAME's database and files (the live record is not touched)."""
    name = enter(name)
    from django.db import connections

    from marsad.exercises import database

    if not database.exists(name):
        fail(f"no exercise {name!r}")
    if not yes and not typer.confirm(f"Delete exercise {name} ({database.location(name)})?"):
        raise typer.Exit(1)
    connections.close_all()
    database.drop(name)
    console.print(f"exercise {name} deleted")


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.add_typer(exercise_app, name="exercise")
