"""`marsad extract` (pure: text in, the contract's JSON out, nothing stored) and `marsad ingest`
(store documents and their proposed claims, idempotently)."""

from __future__ import annotations

import os
import sys
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import MofNCompleteColumn, Progress, ProgressColumn
from rich.table import Table
from rich.text import Text

from marsad.commandline import console, fail, setup_django
from marsad.intake import archives
from marsad.intake import ingest as ingest_mod


def extract_command(
    paths: Annotated[list[Path], typer.Argument(help="Text files (UTF-8).")],
    lang: Annotated[str, typer.Option("--lang", help="auto, ar or en.")] = "auto",
    published: Annotated[str, typer.Option(help="The documents' date, YYYY-MM-DD.")] = "",
    out: Annotated[Path | None, typer.Option(help="Write <name>.json files here.")] = None,
) -> None:
    """Print the claims of each text as one JSON object a line (marsad.extraction/1); nothing
    is stored. Files that cannot be read are reported and skipped."""
    from marsad.extraction.command import run_extract
    from marsad.extraction.gazetteer import use_prebuilt
    from marsad.paths import extraction_dir

    use_prebuilt(extraction_dir())
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


def _executor(scheduler: str, workers: int) -> tuple[Executor | None, Any]:
    """Where the batches are extracted: a Dask cluster, a local process pool, or this process
    (one worker). A scheduler that does not answer stops the command before anything is read."""
    if scheduler:
        from marsad.intake import cluster

        try:
            client = cluster.connect(scheduler)
        except cluster.SchedulerUnreachable as exc:
            fail(str(exc))
        console.print(f"Dask scheduler {scheduler}: {cluster.workers(client)} workers")
        return cluster.executor(client), client
    if workers > 1:
        return ProcessPoolExecutor(max_workers=workers), None
    return None, None


def ingest(
    target: Annotated[
        Path,
        typer.Argument(
            exists=True,
            help="A text file, a folder, a .zip or .tar.gz archive, or a JSON Lines file.",
        ),
    ],
    source: Annotated[str, typer.Option(help="The source of the documents.")],
    marking: Annotated[str, typer.Option(help="Releasability of what is stored.")] = "internal",
    published: Annotated[str, typer.Option(help="The documents' date, YYYY-MM-DD.")] = "",
    workers: Annotated[int, typer.Option(min=1, help="Processes extracting in parallel.")] = 1,
    scheduler: Annotated[
        str, typer.Option(help="Extract on a Dask cluster: its scheduler, tcp://HOST:8786.")
    ] = "",
    batch: Annotated[int, typer.Option(min=1, help="Documents a batch.")] = ingest_mod.BATCH,
) -> None:
    """Store each text as a document with its proposed claims; a text stored already is
    skipped (so an interrupted ingest run again goes on where it stopped); each document is
    reported as stored, skipped or failed (and why)."""
    from marsad.core.errors import InvalidInput
    from marsad.core.services.inputs import parse_date

    # A bad option is refused before anything is stored, like every other bad input of the
    # commands: the date at once, the source and the marking once Django is set up (the
    # batches sent ahead meanwhile are dropped).
    try:
        day = parse_date(published, "--published")
    except InvalidInput as exc:
        fail(str(exc))
    iso = day.isoformat() if day else None
    pool = _early_pool(workers) if not scheduler else None
    executor: Executor | None = pool
    client = None
    try:
        ahead = None
        if pool is not None:
            # The workers extract the first batches while this process sets Django up: small
            # ones first (a quarter, then half the size), so that the writer has one as soon as
            # it is ready and the workers are into full batches before it has stored them.
            ahead = ingest_mod.send_ahead(
                archives.read(target),
                pool,
                published=iso,
                sizes=[batch // 4] * workers + [batch // 2] * workers,
            )
        setup_django()
        from marsad.core.services.base import SystemUser
        from marsad.intake.services_batch import BatchWriter

        try:
            writer = BatchWriter(
                by=SystemUser("system:ingest"), source=source, marking=marking, label=str(target)
            )
        except InvalidInput as exc:
            fail(str(exc))
        if pool is None:
            executor, client = _executor(scheduler, workers)
        rows = _run(target, writer, executor, client, iso, batch, workers, scheduler, ahead)
    finally:
        if isinstance(executor, ProcessPoolExecutor):
            executor.shutdown(wait=False, cancel_futures=True)
        if client is not None:
            client.close()
    _report(target, rows)
    if any(row.result == "failed" for row in rows):
        sys.exit(1)


def _early_pool(workers: int) -> ProcessPoolExecutor | None:
    """The local workers, started before Django is: they fork without it and build the
    dictionaries' automaton (`ingest.warm`) while this process sets Django up. They run at a
    lower priority than this process: the one writer is the serial part of the ingest, and
    with as many workers as cores a writer sharing its core waits longer than the workers do."""
    if workers <= 1:
        return None
    pool = ProcessPoolExecutor(max_workers=workers, initializer=os.nice, initargs=(5,))
    for _worker in range(workers):
        pool.submit(ingest_mod.warm)
    return pool


def _run(
    target: Path,
    writer: Any,
    executor: Executor | None,
    client: Any,
    published: str | None,
    batch: int,
    workers: int,
    scheduler: str,
    ahead: ingest_mod.Ahead | None,
) -> list[ingest_mod.Outcome]:
    from marsad.core.errors import InvalidInput

    rows: list[ingest_mod.Outcome] = []
    columns = (*Progress.get_default_columns(), MofNCompleteColumn(), _Rate())
    try:
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("ingesting", total=archives.count(target))
            for outcome in ingest_mod.run(
                ahead.items if ahead else archives.read(target),
                writer,
                executor,
                published=published,
                ahead=ahead,
                batch_size=batch,
                in_flight=2 * (workers if not scheduler else cluster_slots(client)),
                advance=lambda n: progress.advance(task, n),
            ):
                rows.append(outcome)
    except InvalidInput as exc:
        fail(str(exc))
    return rows


def cluster_slots(client: Any) -> int:
    from marsad.intake import cluster

    return max(1, cluster.workers(client))


class _Rate(ProgressColumn):
    """Documents a second."""

    def render(self, task: Any) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} docs/s" if speed else "", style="progress.data.speed")


SHOWN = 50


def _report(target: Path, rows: list[ingest_mod.Outcome]) -> None:
    """Failures in full, the rest counted: an archive of a million documents is not listed."""
    table = Table(title=f"ingest of {target}")
    # The whole name: a member's path and a line's number are how it is found again.
    table.add_column("document", overflow="fold")
    table.add_column("result")
    table.add_column("detail")
    failed = [row for row in rows if row.result == "failed"]
    shown = failed if len(rows) > SHOWN else rows
    for row in shown:
        table.add_row(row.name, row.result, row.detail)
    if shown:
        console.print(table)
    counts = {k: sum(1 for r in rows if r.result == k) for k in ("stored", "skipped", "failed")}
    console.print(", ".join(f"{n} {k}" for k, n in counts.items()))


def register(app: typer.Typer, import_app: typer.Typer) -> None:
    app.command("extract")(extract_command)
    app.command("ingest")(ingest)
