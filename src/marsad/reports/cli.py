"""`marsad sitrep`: the daily situation report to a PDF or HTML file, and (`--issue`) kept as
an issued report by the system."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from marsad.commandline import console, fail, setup_django


def sitrep(
    out: Annotated[Path, typer.Option("--out", help="The file to write: FILE.pdf or FILE.html.")],
    audience: Annotated[
        str,
        typer.Option(help="ITA,FRA (nations), force, public or internal."),
    ] = "public",
    lang: Annotated[str, typer.Option("--lang", help="ar or en.")] = "ar",
    day: Annotated[
        str,
        typer.Option(
            "--date",
            help="The day (YYYY-MM-DD); by default the latest day with recorded events the "
            "audience may read.",
        ),
    ] = "",
    issue: Annotated[
        bool, typer.Option("--issue", help="Also keep it as an issued report (by the system).")
    ] = False,
) -> None:
    """Write the daily situation report of a day for an audience (PDF or HTML by the suffix)."""
    setup_django()
    from django.utils import translation

    from marsad.core.errors import InvalidInput
    from marsad.core.services.base import SystemUser
    from marsad.reports.render import render
    from marsad.reports.requests import ReportRequest
    from marsad.reports.services import issue as issue_report
    from marsad.reports.sitrep import build

    fmt = out.suffix.lower().lstrip(".")
    try:
        asked = ReportRequest.parse(day=day, audience=audience, language=lang, fmt=fmt)
    except InvalidInput as exc:
        if exc.problems and exc.problems[0].field == "format":
            fail(f"--out: {out.name} must end in .pdf or .html")
        fail(str(exc))
    with translation.override(asked.language):
        report = build(asked.day, asked.audience)
    content = render(report, lang=asked.language, fmt=asked.fmt)
    out.write_bytes(content)
    console.print(
        f"[green]{out}[/]: report of {asked.day} for {asked.audience.code} "
        f"({asked.language}, {asked.fmt}, {len(content)} bytes)"
    )
    if issue:
        issued = issue_report(
            by=SystemUser("system:sitrep"),
            day=asked.day,
            audience=asked.audience,
            language=asked.language,
            fmt=asked.fmt,
            content=content,
        )
        console.print(f"issued as report {issued.pk}, SHA-256 {issued.sha256}")


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.command("sitrep")(sitrep)
