"""`marsad coalition status`: where each state stands towards the force."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from marsad.commandline import console, fail, setup_django

coalition_app = typer.Typer(
    help="The coalition: invitations, members, pledges.", no_args_is_help=True
)


@coalition_app.command("status")
def status(
    as_of: Annotated[
        str, typer.Option("--as-of", help="A date (YYYY-MM-DD); today if empty.")
    ] = "",
    force: Annotated[str, typer.Option(help="The force or body.")] = "ISF",
) -> None:
    """Each state's standing towards the force as it stood on a date (administrator's view)."""
    setup_django()
    from marsad.coalition.selectors import standings
    from marsad.core.errors import InvalidInput
    from marsad.core.services.base import SystemUser
    from marsad.core.services.inputs import parse_date

    try:
        day = parse_date(as_of, "--as-of")
    except InvalidInput as exc:
        fail(str(exc))
    rows = standings(SystemUser("system:cli"), day=day, force=force.upper())
    table = Table(title=f"{force.upper()} as of {day or 'today'}")
    for column in ("state", "standing", "invitation", "pledges"):
        table.add_column(column)
    for row in rows:
        steps = ", ".join(step.state for _i, step in row.invitations if step) or "–"
        table.add_row(
            f"{row.actor.name_en} ({row.actor.key})", row.category, steps, str(row.pledges)
        )
    console.print(table)


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.add_typer(coalition_app, name="coalition")
