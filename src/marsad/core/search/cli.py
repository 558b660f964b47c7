"""`marsad search`: rebuild the search index, and search from the command line."""

from __future__ import annotations

import time
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import Progress

from marsad.commandline import console, fail, setup_django

search_app = typer.Typer(help="The search index.", no_args_is_help=True)

# The imports' option: their records' entries are written by a job after each batch commits.
IndexOption = Annotated[
    bool,
    typer.Option(
        "--index/--no-index",
        help="Index the imported records for search before returning (with --no-index, the "
        "worker does it, or `marsad search index-queued`).",
    ),
]


def index_queued() -> None:
    """Write the search entries of the imported records still queued for them."""
    from marsad.core.search import backlog

    started = time.perf_counter()
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("indexing for search", total=backlog.pending())
        done = backlog.run(progress=lambda n: progress.advance(task, n))
    if done:
        console.print(f"search: {done:,} records indexed ({time.perf_counter() - started:.1f} s)")


@search_app.command("index-queued")
def search_index_queued() -> None:
    """Index for search the imported records still waiting for it (what `marsad worker` does
    on its own, and `marsad import` unless given --no-index)."""
    setup_django()
    index_queued()


@search_app.command("reindex")
def search_reindex(
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", help="Only this kind (document, claim, actor, statement…)."),
    ] = None,
) -> None:
    """Rebuild the search index from the records (after an upgrade, or to be sure). Writes keep
    it in step on their own; this is never needed for them."""
    setup_django()
    from marsad.core.search import registry
    from marsad.core.search.services import reindex

    known = [k.key for k in registry.kinds()]
    unknown = [k for k in kind or [] if k not in known]
    if unknown:
        fail(escape(f"no searchable kind {unknown[0]!r}: choose from {', '.join(known)}"))
    done: dict[str, int] = {}

    def progress(key: str, count: int) -> None:
        done[key] = done.get(key, 0) + count

    total = reindex(kind or (), progress=progress)
    for key, count in done.items():
        console.print(f"{key}: {count}")
    console.print(f"[green]search index rebuilt[/]: {total} entries")
