"""`marsad search`: rebuild the search index, and search from the command line."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from marsad.commandline import console, fail, setup_django

search_app = typer.Typer(help="The search index.", no_args_is_help=True)


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
