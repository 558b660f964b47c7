"""`marsad ceasefire summary`, `export` and `aggregates`, and the imports of ACLED exports and
daily casualty series."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from marsad.commandline import console, fail, print_import_report, setup_django
from marsad.core.search.cli import IndexOption, index_queued

ceasefire_app = typer.Typer(
    help="Ceasefire monitoring: figures, incidents, exports.", no_args_is_help=True
)


def import_acled(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="ACLED CSV export.")],
    marking: Annotated[
        str, typer.Option(help="Releasability of the imported incidents.")
    ] = "internal",
    nation: Annotated[
        list[str], typer.Option(help="With --marking nations: ISO3, repeatable.")
    ] = [],  # noqa: B006
    batch_size: Annotated[int, typer.Option(help="Rows per transaction.")] = 2000,
    report: Annotated[
        Path | None,
        typer.Option(help="Write every row (accepted with its id, or rejected) to this CSV."),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also show the first accepted ids.")
    ] = False,
    index: IndexOption = True,
) -> None:
    """Import ACLED's 31-column export; twice adds nothing, an interrupted run can be rerun.
    Incidents are marked internal unless told otherwise (ACLED's terms limit redistribution)."""
    setup_django()
    from marsad.ceasefire.imports import import_acled as run
    from marsad.core.errors import InvalidInput
    from marsad.core.services.base import SystemUser

    try:
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("importing", total=None)
            found = run(
                by=SystemUser("system:import"),
                path=path,
                marking=marking,
                releasable_to=nation,
                batch_size=batch_size,
                progress=lambda rows: progress.update(task, completed=rows),
                list_accepted=verbose or report is not None,
            )
    except (InvalidInput, ValueError) as exc:
        fail(str(exc))
    print_import_report(found, report, verbose=verbose)
    if index:
        index_queued()


def import_casualties(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Daily series JSON.")],
    source: Annotated[str, typer.Option(help="The source whose reports these are.")] = "GAZA-MOH",
    marking: Annotated[str, typer.Option(help="Releasability of the reports.")] = "public",
    via: Annotated[
        str, typer.Option(help="Who compiled the series (credited with the source).")
    ] = "Tech for Palestine",
    report: Annotated[
        Path | None,
        typer.Option(help="Write every row (accepted with its day, or rejected) to this CSV."),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also show the first accepted days.")
    ] = False,
) -> None:
    """Import a daily casualty series (casualties_daily.json's shape) as a source's reports."""
    setup_django()
    from marsad.ceasefire.imports import import_casualties as run
    from marsad.core.errors import InvalidInput
    from marsad.core.services.base import SystemUser

    try:
        found = run(
            by=SystemUser("system:import"),
            path=path,
            source=source,
            marking=marking,
            via=via,
            list_accepted=verbose or report is not None,
        )
    except (InvalidInput, ValueError) as exc:
        fail(str(exc))
    print_import_report(found, report, verbose=verbose)


@ceasefire_app.command("summary")
def summary(
    since: Annotated[
        str,
        typer.Option(
            help="Count from this day, included (default: since the truce, i.e. from the "
            "first daily report after it took effect)."
        ),
    ] = "",
    as_of: Annotated[str, typer.Option("--as-of", help="Count up to this date.")] = "",
    known_on: Annotated[
        str,
        typer.Option(
            "--known-on",
            help="Count the records as Marsad held them on this day (or ISO date-time).",
        ),
    ] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Killed since the truce by source and by what is counted; alerts; data warnings."""
    setup_django()
    from marsad.ceasefire.summary import as_dict, summarize
    from marsad.core.errors import InvalidInput
    from marsad.core.moments import moment
    from marsad.core.services.base import SystemUser
    from marsad.core.services.inputs import parse_date

    try:
        found = summarize(
            SystemUser("system:cli"),
            since=parse_date(since, "--since"),
            until=parse_date(as_of, "--as-of"),
            known_on=moment(known_on, "--known-on"),
        )
    except InvalidInput as exc:
        fail(str(exc))
    if as_json:
        typer.echo(json.dumps(as_dict(found), default=str, ensure_ascii=False))
        return
    start = (
        f"since the truce of {found.effective}: counted from {found.counted_from}, the first "
        "daily report after it took effect"
        if found.since_truce
        else f"counted from {found.counted_from} (included)"
    )
    table = Table(title=f"killed {start}, until {found.until or 'the last report'}")
    for column in ("source", "counts", "killed", "days"):
        table.add_column(column)
    for f in found.figures:
        table.add_row(f.source, f.definition, f"{f.value:,}", str(f.days or ""))
    console.print(table)
    for w in found.warnings:
        console.print(f"[yellow]data warning[/] {w.day}: {w.message}")
    console.print(f"{len(found.alerts)} alert(s) on new deaths; see /ceasefire/alerts/")


@ceasefire_app.command("export")
def export(
    what: Annotated[str, typer.Argument(help="incidents or figures")],
    fmt: Annotated[str, typer.Option("--format", help="csv, hxl or geojson")] = "csv",
) -> None:
    """Write incidents or casualty figures (CSV, HXL, GeoJSON) to standard output. The figures'
    GeoJSON holds those with a place (their incident's point) and counts the others."""
    setup_django()
    from marsad.core import exports, listing
    from marsad.core.services.base import SystemUser

    user = SystemUser("system:cli")
    if what not in ("incidents", "figures") or fmt not in ("csv", "hxl", "geojson"):
        fail(f"unknown export {what} as {fmt}: use incidents|figures and csv|hxl|geojson")
    spec = listing.by_key(what)
    assert spec is not None
    chunks = exports.chunks(spec, "hxl.csv" if fmt == "hxl" else fmt, listing.rows(spec, user, {}))
    for chunk in chunks:
        sys.stdout.write(chunk)


@ceasefire_app.command("aggregates")
def aggregates(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Count every day again from the incidents.")
    ] = False,
) -> None:
    """Check the incidents' kept daily counts (dashboard, map) against the incidents, or rebuild
    them. A check that finds a difference exits with status 1."""
    setup_django()
    from marsad.ceasefire.services import counts

    if rebuild:
        console.print(f"rebuilt: {counts.rebuild():,} rows of daily counts")
    found = counts.drift()
    if found:
        for key, (kept, live) in sorted(found.items())[:20]:
            console.print(f"{key[0]} {key[1] or '-'} {key[2] or '-'} {key[3]}: {kept} != {live}")
        fail(f"{len(found):,} rows of daily counts differ from the incidents: run --rebuild")
    console.print("the daily counts equal the incidents")


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.add_typer(ceasefire_app, name="ceasefire")
    import_app.command("acled")(import_acled)
    import_app.command("casualties")(import_casualties)
