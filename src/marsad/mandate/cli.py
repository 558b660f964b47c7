"""`marsad forcegen`: solve force generation and print the allocation and the gaps."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from marsad.commandline import console, setup_django


def forcegen(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    conditional: Annotated[
        bool,
        typer.Option("--conditional", help="Count pledges whose legal conditions are not yet met."),
    ] = False,
    what_if: Annotated[
        bool,
        typer.Option(
            "--what-if",
            help="For each unmet legal condition, what meeting it would add; for each gap, "
            "the conditions and caveats that block it.",
        ),
    ] = False,
) -> None:
    """Assign pledges to the mandate's requirements without breaking any caveat, and explain
    every gap (administrator's view of all records)."""
    setup_django()
    from django.utils import translation

    from marsad.core.services.base import SystemUser
    from marsad.mandate.generation import run
    from marsad.mandate.wording import describe

    translation.activate("en")
    if what_if:
        _what_if(as_json)
        return
    result = run(SystemUser("system:cli"), count_unmet_conditions=conditional)
    allocation = result.allocation
    gaps = [
        {
            "requirement": str(result.requirements[u.requirement_id]),
            "missing": u.missing,
            "reasons": [describe(result, r) for r in u.reasons],
        }
        for u in allocation.unmet
    ]
    if as_json:
        names = {p.nation.iso3 or p.nation.key: p.nation.name_en for p in result.pledges.values()}
        payload = {
            **allocation.as_dict(names=names),
            "coverage_percent": result.coverage_percent,
            "gaps": gaps,
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, default=str))
        return
    console.print(
        f"coverage of weighted need: [bold]{result.coverage_percent:.1f}%[/] ({allocation.status})"
    )
    table = Table(title="Allocation")
    for column in ("nation", "pledge", "requirement", "quantity"):
        table.add_column(column)
    for a in allocation.assignments:
        table.add_row(
            a.nation,
            str(result.pledges[a.pledge_id]),
            str(result.requirements[a.requirement_id]),
            f"{a.quantity:,}",
        )
    console.print(table)
    for gap in gaps:
        console.print(f"[bold red]gap[/] {gap['requirement']}: missing {gap['missing']:,}")
        for reason in gap["reasons"]:
            console.print(f"  • {reason}")


def _what_if(as_json: bool) -> None:
    from marsad.core.services.base import SystemUser
    from marsad.mandate.generation import decision_support
    from marsad.mandate.wording import blocking_words, gain_words

    found = decision_support(SystemUser("system:cli"))
    result = found.generation
    payload = {
        "coverage_percent": result.coverage_percent,
        "conditions": [
            {
                "nation": gain.nation,
                "condition": gain.condition,
                "units": dict(gain.units),
                "points": round(gain.points, 2),
                "text": gain_words(result, gain, conditions),
            }
            for gain, conditions in found.gains
        ],
        "gaps": [
            {
                "requirement": str(result.requirements[b.requirement_id]),
                "missing": b.missing,
                "blocked_by": blocking_words(found, b),
            }
            for b in found.blockers
        ],
    }
    if as_json:
        typer.echo(json.dumps(payload, ensure_ascii=False, default=str))
        return
    console.print(f"coverage of weighted need now: [bold]{result.coverage_percent:.1f}%[/]")
    console.print("[bold]if a legal condition were met[/]")
    for item in payload["conditions"]:
        console.print(f"  • {item['text']}")
    if not payload["conditions"]:
        console.print("  no legal condition is waiting")
    for gap in payload["gaps"]:
        blockers = "; ".join(gap["blocked_by"]) or "nothing but missing pledges"
        console.print(f"[bold red]gap[/] {gap['requirement']}: missing {gap['missing']:,}")
        console.print(f"  blocked by: {blockers}")


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.command("forcegen")(forcegen)
