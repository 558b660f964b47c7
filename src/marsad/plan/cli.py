"""`marsad plan status` and `marsad plan deadlocks`."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from marsad.commandline import console, fail, setup_django

plan_app = typer.Typer(
    help="The plan: scores of the 20 points and sequencing deadlocks.", no_args_is_help=True
)


def _setup():  # type: ignore[no-untyped-def]
    setup_django()
    from django.utils import translation

    from marsad.core.services.base import SystemUser
    from marsad.plan.selectors import main_plan

    translation.activate("en")
    user = SystemUser("system:cli")
    plan = main_plan(user)
    if plan is None:
        fail("no plan is recorded: run `marsad demo` or record one")
    return user, plan


@plan_app.command("status")
def status(
    as_of: Annotated[str, typer.Option("--as-of", help="A date (YYYY-MM-DD).")] = "",
    known_on: Annotated[
        str,
        typer.Option(
            "--known-on", help="The scores as Marsad held them on this day (or ISO date-time)."
        ),
    ] = "",
) -> None:
    """Each point's score (Peace Accords Matrix, 0-3) on a date, and what blocks it."""
    user, plan = _setup()
    from marsad.core.errors import InvalidInput
    from marsad.core.moments import moment
    from marsad.core.services.inputs import parse_date
    from marsad.plan.selectors import current_scores
    from marsad.plan.sequencing import analyse_plan, node_id

    try:
        day = parse_date(as_of, "--as-of")
        when = moment(known_on, "--known-on")
    except InvalidInput as exc:
        fail(str(exc))
    sequencing = analyse_plan(user, plan, as_of=day, known_on=when)
    table = Table(title=f"{plan.actor.name_en} as of {day or 'today'}")
    for column in ("#", "point", "score", "blocked by"):
        table.add_column(column)
    for provision, score in current_scores(user, plan, as_of=day, known_on=when).items():
        blockers = sequencing.analysis.blocked.get(node_id(provision), ())
        table.add_row(
            str(provision.number),
            provision.summary_en[:70],
            "–" if score is None else f"{score}/3",
            ", ".join(str(sequencing.provisions[b.provision].number) for b in blockers),
        )
    console.print(table)


@plan_app.command("deadlocks")
def deadlocks(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Cycles of preconditions (each side waits for the other) and the smallest relaxation."""
    user, plan = _setup()
    from marsad.plan.sequencing import analyse_plan
    from marsad.plangraph import analysis_to_dict

    sequencing = analyse_plan(user, plan)
    if as_json:
        typer.echo(json.dumps(analysis_to_dict(sequencing.analysis), ensure_ascii=False))
        return
    found = sequencing.analysis.deadlocks
    if not found:
        console.print("[green]no deadlock[/]")
    for deadlock in found:
        points = " <-> ".join(str(sequencing.provisions[n].number) for n in deadlock.provisions)
        console.print(f"[bold red]deadlock[/] between points {points}")
        for line in sequencing.deadlock_words(deadlock):
            console.print(f"  • {line}")
    for line in sequencing.relaxation_words():
        console.print(f"[yellow]relaxing this condition breaks every deadlock[/]: {line}")


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.add_typer(plan_app, name="plan")
