"""`marsad extract` (pure: text in, the contract's JSON out, nothing stored) and `marsad ingest`
(store documents and their proposed claims, idempotently)."""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress
from rich.table import Table

from marsad.commandline import console, fail, setup_django


def extract_command(
    paths: Annotated[list[Path], typer.Argument(help="Text files (UTF-8).")],
    lang: Annotated[str, typer.Option("--lang", help="auto, ar or en.")] = "auto",
    published: Annotated[str, typer.Option(help="The documents' date, YYYY-MM-DD.")] = "",
    out: Annotated[Path | None, typer.Option(help="Write <name>.json files here.")] = None,
) -> None:
    """Print the claims of each text as one JSON object a line (marsad.extraction/1); nothing
    is stored. Files that cannot be read are reported and skipped."""
    from marsad.extraction.command import run_extract

    try:
        report = run_extract(
            [str(p) for p in paths],
            lang=lang,
            published=published or None,
            out_dir=str(out) if out else None,
        )
    except ValueError as exc:
        fail(str(exc))
    raise typer.Exit(report.exit_code)


def _files(target: Path) -> list[Path]:
    if target.is_dir():
        return sorted(p for p in target.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))
    return [target]


def _read_and_extract(args: tuple[str, str | None]) -> tuple[str, Any]:
    """In a worker: read the file and run the pure extractor (or return the reason it fails).
    The extractor reads the text as it will be stored (normalized): the evidence offsets it
    returns are saved as they are, so they must refer to the stored text."""
    setup_django()  # a no-op in a forked worker; needed where workers are spawned
    from marsad.core.services.documents import normalize_text
    from marsad.extraction.command import read_text
    from marsad.extraction.extract import extract

    path, published = args
    try:
        text = normalize_text(read_text(Path(path)))
    except (OSError, ValueError) as exc:
        return path, str(exc)
    if not text:
        return path, "empty file"
    day = date.fromisoformat(published) if published else None
    return path, (text, extract(text, published=day))


def ingest(
    target: Annotated[Path, typer.Argument(exists=True, help="A text file or a folder of them.")],
    source: Annotated[str, typer.Option(help="The source of the documents.")],
    marking: Annotated[str, typer.Option(help="Releasability of what is stored.")] = "internal",
    published: Annotated[str, typer.Option(help="The documents' date, YYYY-MM-DD.")] = "",
    workers: Annotated[int, typer.Option(min=1, help="Processes extracting in parallel.")] = 1,
) -> None:
    """Store each text as a document with its proposed claims; a text stored already is
    skipped; each file is reported as stored, skipped or failed (and why)."""
    setup_django()
    from marsad.core.errors import InvalidInput
    from marsad.core.services.base import SystemUser
    from marsad.core.services.inputs import parse_date
    from marsad.intake.services import submit

    # A bad option is refused before any work, like every other bad input of the commands.
    try:
        day = parse_date(published, "--published")
    except InvalidInput as exc:
        fail(str(exc))
    files = _files(target)
    by = SystemUser("system:ingest")
    rows = []
    jobs = [(str(p), day.isoformat() if day else None) for p in files]
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
    results = pool.map(_read_and_extract, jobs) if pool else map(_read_and_extract, jobs)
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("ingesting", total=len(files))
        for path, outcome in results:
            if isinstance(outcome, str):
                rows.append((path, "failed", outcome))
            else:
                text, extraction = outcome
                try:
                    result = submit(
                        by=by,
                        text=text,
                        source=source,
                        title=Path(path).stem,
                        published=day,
                        marking=marking,
                        extraction=extraction,
                    )
                except InvalidInput as exc:
                    rows.append((path, "failed", str(exc)))
                else:
                    rows.append(
                        (
                            path,
                            "stored" if result.created else "skipped",
                            f"document {result.document.pk}, {len(result.claims)} claims"
                            if result.created
                            else f"same text as document {result.document.pk}",
                        )
                    )
            progress.advance(task)
    if pool:
        pool.shutdown()
    table = Table(title=f"ingest of {target}")
    for column in ("file", "result", "detail"):
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    console.print(table)
    if any(result == "failed" for _p, result, _d in rows):
        sys.exit(1)


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.command("extract")(extract_command)
    app.command("ingest")(ingest)
