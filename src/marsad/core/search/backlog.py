"""The search entries of an import, written after it: an import batch's records are queued
(`SearchBacklog`, one row per batch and kind) in the batch's own transaction instead of being
indexed in it, and the job `core.tasks.index_backlog` writes their entries once the batch has
committed. A batch that commits always leaves its indexing queued, a batch rolled back leaves
nothing, and a job that fails or a worker that dies leaves the row queued for the next run (the
job is retried, and a periodic sweep runs it). An imported record is searchable once its batch
has been indexed; `marsad import …` does it before returning unless told not to.

Only the writers that ask for it (`deferred()`) are indexed later; every other write is still
indexed in its own transaction (core.search.services.on_write)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import transaction

from marsad.core.models import SearchBacklog
from marsad.core.search import registry

_DEFERRED: ContextVar[bool] = ContextVar("search_deferred", default=False)
_JOB_KEY = "search_backlog_job"


@contextmanager
def deferred() -> Iterator[None]:
    """Within it, the records an import batch stores are queued for indexing, not indexed."""
    token = _DEFERRED.set(True)
    try:
        yield
    finally:
        _DEFERRED.reset(token)


def deferring() -> bool:
    return _DEFERRED.get()


def queue(kind: registry.Kind, records: Sequence[Any]) -> None:
    """Queue `records` (stored in the current transaction) for the indexing job, and start the
    job once the transaction commits (once per transaction, however many batches it holds)."""
    SearchBacklog.objects.create(kind=kind.key, pks=[record.pk for record in records])
    connection = transaction.get_connection()
    if any(getattr(f, _JOB_KEY, False) for _s, f, *_r in connection.run_on_commit):
        return

    def start() -> None:
        from marsad.core.tasks import index_backlog

        index_backlog()

    setattr(start, _JOB_KEY, True)
    transaction.on_commit(start)


def pending() -> int:
    """How many records wait for their entries."""
    return sum(len(pks) for pks in SearchBacklog.objects.values_list("pks", flat=True))


def run(*, progress: Callable[[int], None] | None = None) -> int:
    """Write the entries of every queued batch, one batch per transaction (its row deleted in
    the same transaction); the number of entries written. Records deleted since are skipped."""
    from marsad.core.search import services

    done = 0
    while True:
        with transaction.atomic():
            # Two workers never take the same batch on PostgreSQL; on SQLite writers take turns.
            item = SearchBacklog.objects.select_for_update(skip_locked=True).order_by("pk").first()
            if item is None:
                return done
            kind = registry.by_key(item.kind)
            if kind is not None:
                step = services.CHUNK * 4
                for start in range(0, len(item.pks), step):
                    chunk = item.pks[start : start + step]
                    written = services.index_stored(kind, chunk)
                    done += written
                    if progress:
                        progress(written)
            item.delete()
