"""Import runs, for the coordination centre's writers only (their reports repeat the rows of
files that may hold anything up to internal material)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from marsad.core.search import backlog
from marsad.imports.models import ImportRun


def runs(reader: Any) -> QuerySet[ImportRun]:
    qs = ImportRun.objects.select_related("started_by")
    return qs if getattr(reader, "can_write", False) else qs.none()


def run(reader: Any, pk: int) -> ImportRun:
    return runs(reader).get(pk=pk)


def records_awaiting_search(reader: Any) -> int:
    """How many imported records still wait for their search entries (the job writes them after
    each batch commits): none to tell a reader who may not see the runs."""
    return backlog.pending() if getattr(reader, "can_write", False) else 0
