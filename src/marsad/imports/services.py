"""Imports started from a page or the API: the file is kept under var/imports/, the import runs
as a job of the worker (`tasks.run_import`), and its progress and per-row report are kept with the
run. The import itself is the same function `marsad import …` calls: one way to import a file.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import User
from marsad.core.services import gate, lookups
from marsad.core.services.base import Writer, clean_marking, require_writer
from marsad.core.services.inputs import choice
from marsad.datasets.report import ImportReport
from marsad.imports.models import ImportKind, ImportRun, RunStatus

log = logging.getLogger(__name__)

SUFFIXES = {
    ImportKind.ACLED: (".csv",),
    ImportKind.CASUALTIES: (".json",),
    ImportKind.UNRWA: (".csv",),
    ImportKind.COGAT: (".csv",),
}


def folder() -> Path:
    path = Path(settings.VAR_DIR) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def stored_file(run: ImportRun) -> Path:
    return folder() / run.stored_as


def report_file(run: ImportRun) -> Path:
    return folder() / f"{Path(run.stored_as).stem}-report.csv"


def start(
    *,
    by: Writer,
    kind: str,
    name: str,
    chunks: Iterable[bytes],
    size: int,
    marking: str,
    releasable_to: Iterable[str] = (),
    source: str = "",
) -> ImportRun:
    """Keep the uploaded file and queue its import. Everything a run would refuse at its start
    (kind, file type and size, marking, the casualty series' source) is refused here, with the
    field named, before anything is kept."""
    require_writer(by)
    if not isinstance(by, User):
        raise NotAllowed("imports from the pages are started by a person")
    kind = choice(kind, "kind", ImportKind.values)
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES[ImportKind(kind)]:
        expected = " or ".join(SUFFIXES[ImportKind(kind)])
        raise InvalidInput.one("file", name, f"must be a {expected} file for this kind")
    limit = settings.UPLOAD_MAX_BYTES
    if size > limit:
        raise InvalidInput.one("file", name, f"is larger than the {limit:,} bytes Marsad accepts")
    if size == 0:
        raise InvalidInput.one("file", name, "is empty")
    marking, nations = clean_marking(marking, releasable_to)
    if kind == ImportKind.CASUALTIES:
        source = lookups.source(by, source or "GAZA-MOH").key
    else:
        source = ""
    stored_as = secrets.token_hex(16) + suffix
    sha256, lines = _keep(chunks, folder() / stored_as)
    run = ImportRun(
        kind=kind,
        file_name=Path(name).name[:255],
        stored_as=stored_as,
        sha256=sha256,
        size=size,
        lines=lines,
        marking=marking,
        releasable_to=nations,
        source=source,
        started_by=by,
    )
    with transaction.atomic():
        gate.store(run, by=by)
        transaction.on_commit(lambda: _queue(run.pk))
    return run


def _keep(chunks: Iterable[bytes], path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    lines = 0
    with path.open("wb") as handle:
        for chunk in chunks:
            digest.update(chunk)
            lines += chunk.count(b"\n")
            handle.write(chunk)
    return digest.hexdigest(), lines


def _queue(run_id: int) -> None:
    from marsad.imports.tasks import run_import

    run_import(run_id)


def _finish(run: ImportRun, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(run, name, value)
    with transaction.atomic():
        gate.store(run, by=run.started_by, action=f"import {run.status}")


def note_progress(run_id: int) -> Callable[[int], None]:
    """A progress callback that writes the rows read so far. A counter, not a fact: written in
    place without history or audit (the run's start and end are audited)."""

    def progress(rows: int) -> None:
        ImportRun.objects.filter(pk=run_id).update(rows_done=rows)

    return progress


def execute(run_id: int) -> ImportRun:
    """Run a queued import as the user who started it, if they still may."""
    run = ImportRun.objects.select_related("started_by").get(pk=run_id)
    if run.status != RunStatus.QUEUED:
        return run  # a job delivered twice runs once
    writer = run.started_by
    if not (writer.is_active and writer.can_write):
        _finish(
            run,
            status=RunStatus.FAILED,
            finished=timezone.now(),
            error="the user who started this import may no longer record",
        )
        return run
    _finish(run, status=RunStatus.RUNNING)
    try:
        report = _run(run, writer)
    except (InvalidInput, NotAllowed, ValueError, OSError) as exc:
        _finish(run, status=RunStatus.FAILED, finished=timezone.now(), error=str(exc))
        return run
    except Exception:
        log.exception("import %s failed", run.pk)
        _finish(
            run,
            status=RunStatus.FAILED,
            finished=timezone.now(),
            error="the import stopped on an internal error; the server's log has the details",
        )
        raise
    with report_file(run).open("w", newline="", encoding="utf-8") as handle:
        report.write_csv(handle)
    _finish(
        run,
        status=RunStatus.DONE,
        finished=timezone.now(),
        rows_done=report.rows,
        result=report.as_dict(),
    )
    return run


def _run(run: ImportRun, writer: User) -> ImportReport:
    from marsad.access.imports import import_cogat, import_unrwa
    from marsad.ceasefire.imports import import_acled, import_casualties

    path = stored_file(run)
    common: dict[str, Any] = {
        "by": writer,
        "path": path,
        "marking": run.marking,
        "releasable_to": [n for n in run.releasable_to.split("|") if n],
        "progress": note_progress(run.pk),
    }
    if run.kind == ImportKind.ACLED:
        report = import_acled(**common, list_accepted=True)
    elif run.kind == ImportKind.CASUALTIES:
        report = import_casualties(**common, source=run.source, list_accepted=True)
    elif run.kind == ImportKind.UNRWA:
        report = import_unrwa(**common)
    else:
        report = import_cogat(**common)
    report.file = run.file_name
    return report
