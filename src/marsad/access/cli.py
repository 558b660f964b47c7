"""`marsad access status`, and the imports of UNRWA's and COGAT's aid lists."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from marsad.commandline import console, fail, print_import_report, setup_django
from marsad.core.search.cli import IndexOption, index_queued

if TYPE_CHECKING:
    from marsad.datasets.report import ImportReport

access_app = typer.Typer(
    help="Humanitarian access: crossings, corridors, consignments.", no_args_is_help=True
)


def _run(which: str, path: Path, marking: str, nation: list[str], batch_size: int) -> ImportReport:
    setup_django()
    from marsad.access import imports
    from marsad.core.errors import InvalidInput
    from marsad.core.services.base import SystemUser

    run = imports.import_unrwa if which == "unrwa" else imports.import_cogat
    try:
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task(f"importing {which}", total=None)
            return run(
                by=SystemUser("system:import"),
                path=path,
                marking=marking,
                releasable_to=nation,
                batch_size=batch_size,
                progress=lambda rows: progress.update(task, completed=rows),
            )
    except (InvalidInput, ValueError) as exc:
        fail(str(exc))


def import_unrwa(
    path: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help="UNRWA's commodities list (CSV).")
    ],
    marking: Annotated[str, typer.Option(help="Releasability of the consignments.")] = "public",
    nation: Annotated[
        list[str], typer.Option(help="With --marking nations: ISO3, repeatable.")
    ] = [],  # noqa: B006
    batch_size: Annotated[int, typer.Option(help="Rows per transaction.")] = 2000,
    report: Annotated[
        Path | None, typer.Option(help="Write every rejected row to this CSV.")
    ] = None,
    index: IndexOption = True,
) -> None:
    """Import UNRWA's list of aid trucks received (one truck per row): twice adds nothing, an
    interrupted run completes when rerun; unknown crossings are rejected with a suggestion."""
    print_import_report(_run("unrwa", path, marking, nation, batch_size), report)
    if index:
        index_queued()


def import_cogat(
    path: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help="COGAT's consignments list (CSV).")
    ],
    marking: Annotated[str, typer.Option(help="Releasability of the consignments.")] = "public",
    nation: Annotated[
        list[str], typer.Option(help="With --marking nations: ISO3, repeatable.")
    ] = [],  # noqa: B006
    batch_size: Annotated[int, typer.Option(help="Rows per transaction.")] = 2000,
    report: Annotated[
        Path | None, typer.Option(help="Write every rejected row to this CSV.")
    ] = None,
    index: IndexOption = True,
) -> None:
    """Import COGAT's list of aid consignments (tons by route, donor, classification): twice
    adds nothing; tons written `-` are kept as unknown."""
    print_import_report(_run("cogat", path, marking, nation, batch_size), report)
    if index:
        index_queued()


@access_app.command("status")
def status(
    on: Annotated[str, typer.Option("--date", help="The day (YYYY-MM-DD); default today.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The status of every crossing and corridor on a date, with its reason and authority."""
    setup_django()
    from django.utils import timezone

    from marsad.access import selectors
    from marsad.core.errors import InvalidInput
    from marsad.core.services.base import SystemUser
    from marsad.core.services.inputs import parse_date

    try:
        day = parse_date(on, "--date") or timezone.localdate()
    except InvalidInput as exc:
        fail(str(exc))
    user = SystemUser("system:cli")
    found = selectors.status_on(user, day)
    subjects = [*selectors.crossings(user), *selectors.corridors(user)]
    rows = []
    for subject in subjects:
        step = found.get(subject.key)
        rows.append(
            {
                "key": subject.key,
                "name": subject.name_en,
                "state": step.state if step else "unknown",
                "since": step.valid_from.isoformat() if step else None,
                "reason": step.reason_en if step else "",
                "authority": step.authority.key if step and step.authority_id else None,
            }
        )
    if as_json:
        typer.echo(json.dumps({"date": day.isoformat(), "statuses": rows}, ensure_ascii=False))
        return
    table = Table(title=f"access on {day.isoformat()}")
    for column in ("crossing or corridor", "status", "since", "authority", "reason"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            f"{row['name']} ({row['key']})",
            row["state"],
            row["since"] or "",
            row["authority"] or "",
            row["reason"],
        )
    console.print(table)


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.add_typer(access_app, name="access")
    import_app.command("unrwa")(import_unrwa)
    import_app.command("cogat")(import_cogat)
