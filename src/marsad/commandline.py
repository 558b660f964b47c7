"""What every `marsad` command shares: Rich consoles, Django set-up, failing with a message, an
import's report."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from marsad.datasets.report import ImportReport

console = Console()
errors = Console(stderr=True)


def setup_django() -> None:
    """Configure Django on first use (commands that need no database never pay for it)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marsad.settings")
    import django

    django.setup()


def fail(message: str, code: int = 1) -> NoReturn:
    errors.print(f"[bold red]error:[/] {message}", markup=True, highlight=False)
    raise typer.Exit(code)


SHOWN = 20


def print_import_report(
    report: ImportReport, report_path: Path | None = None, *, verbose: bool = False
) -> None:
    """An import's counts, its first rejected fields and (verbose) its first accepted ids on the
    terminal; every row, accepted or rejected, in the report file when one is named."""
    table = Table(title=f"import of {report.file}")
    columns = ("rows", "created", "already there", "source set", "rejected rows", "bad fields")
    for column in columns:
        table.add_column(column, justify="right")
    counts = (report.rows, report.created, report.already_there, report.attributed)
    table.add_row(*(f"{v:,}" for v in (*counts, report.rejected_rows, len(report.rejected))))
    console.print(table)
    if report.by_crossing:
        crossings = Table(title="created, by crossing")
        crossings.add_column("crossing")
        crossings.add_column("records", justify="right")
        for key, n in sorted(report.by_crossing.items()):
            crossings.add_row(key, f"{n:,}")
        console.print(crossings)
    rejected = report.rejected
    if rejected:
        shown = Table(title=f"rejected fields (first {SHOWN} of {len(rejected):,})")
        for column in ("line", "field", "value", "why"):
            shown.add_column(column)
        for row in rejected[:SHOWN]:
            shown.add_row(str(row.line), row.field, row.value[:40], row.message)
        console.print(shown)
    accepted = report.accepted or []
    if verbose and accepted:
        ids = Table(title=f"accepted rows (first {SHOWN} of {len(accepted):,})")
        for column in ("line", "id", "status"):
            ids.add_column(column)
        for item in accepted[:SHOWN]:
            ids.add_row(str(item.line), item.key, item.status)
        console.print(ids)
        if len(accepted) > SHOWN and not report_path:
            console.print("every accepted id: add --report FILE")
    if report_path:
        with report_path.open("w", newline="", encoding="utf-8") as handle:
            report.write_csv(handle)
        console.print(
            f"every row, accepted (with its id) or rejected (line, field, value): {report_path}"
        )
