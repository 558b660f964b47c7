"""The daily series' part of the summary, kept in the database (`SeriesSummary`): computed once
per visibility class, language and dates, until a daily report, agreement, phase, source or
actor is written (the gate's announcement moves the epoch on, in the writer's transaction).
These are the system's own reads and writes, of what a reader's class already computed."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import DatabaseError, transaction
from django.db.models import F, OuterRef, Subquery
from django.utils.translation import get_language

from marsad.ceasefire.models_aggregates import KeptEpoch, SeriesSummary
from marsad.core import events

T = TypeVar("T")
EPOCH = "series"
# What the series' part reads: a write of one of these makes every kept summary out of date.
MODELS = frozenset(
    {
        "ceasefire.dailyreport",
        "ceasefire.agreement",
        "ceasefire.phase",
        "core.source",
        "core.actor",
    }
)


def kept(reader_class: str, parts: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """The kept value for `reader_class` (web.pagecache.visibility_class) and `parts`, else
    `compute()`, kept under the epoch read before it ran."""
    raw = "|".join(str(p) for p in (reader_class, get_language(), *parts))
    key = hashlib.sha256(raw.encode()).hexdigest()
    # One statement: the epoch, and the row kept under it if there is one.
    row = (
        KeptEpoch.objects.filter(name=EPOCH)
        .annotate(
            found=Subquery(
                SeriesSummary.objects.filter(key=key, epoch=OuterRef("epoch")).values("summary")[:1]
            )
        )
        .values_list("epoch", "found")
        .first()
    )
    if row is not None and row[1] is not None:
        return pickle.loads(bytes(row[1]))  # type: ignore[no-any-return]  # noqa: S301 (our own rows)
    value = compute()
    if row is None:
        return value
    data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    try:
        with transaction.atomic():
            SeriesSummary.objects.bulk_create(
                [SeriesSummary(key=key, epoch=row[0], summary=data)],
                update_conflicts=True,
                unique_fields=["key"],
                update_fields=["epoch", "summary"],
            )
    except DatabaseError:
        # A writer holds SQLite's lock: the reader has their figures, the next one keeps them.
        pass
    return value


def on_write(written: events.Written) -> None:
    """A write of what the series' part reads: every kept summary is out of date."""
    if written.model._meta.label_lower not in MODELS:
        return
    if not KeptEpoch.objects.filter(name=EPOCH).update(epoch=F("epoch") + 1):
        KeptEpoch.objects.get_or_create(name=EPOCH)
    SeriesSummary.objects.all().delete()
