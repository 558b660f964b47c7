"""The many-to-many relations of records just inserted in a batch (`gate.store_batch`): the rows
of each relation's link table and, where the model's history keeps the relation, the same rows
beside the records' history rows, as django-simple-history keeps them when a relation is set
on one record (a history link row repeats the id of the link row it copies). Written a column
at a time, like the records (`core.bulk_insert`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from marsad.core import bulk_insert
from marsad.core.history import historical

# A relation's links: (record's id, related record's id), in the order they were written.
Links = list[tuple[int, int]]


def insert(
    model: type[models.Model],
    records: Sequence[models.Model],
    relations: Mapping[str, Sequence[Sequence[Any]]],
) -> dict[str, Links]:
    """Link each of `records` (stored, with their history rows) to its related records:
    `relations` maps a relation's name to each record's related records, in the records'
    order. Returns each relation's links."""
    written: dict[str, Links] = {}
    history_ids: dict[int, int] | None = None
    for name, each in relations.items():
        field = model._meta.get_field(name)
        links = [
            (record.pk, other.pk)
            for record, others in zip(records, each, strict=True)
            for other in dict.fromkeys(others)
        ]
        written[name] = links
        if not links:
            continue
        mine, theirs = field.m2m_column_name(), field.m2m_reverse_name()  # type: ignore[attr-defined]
        columns = {mine: [a for a, _b in links], theirs: [b for _a, b in links]}
        ids = bulk_insert.insert_columns(field.remote_field.through, columns)
        kept = HistoricalRecords.m2m_models.get(field)
        if kept is None or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            continue
        if history_ids is None:
            history_ids = _history_ids(model, records)
        history = [history_ids[a] for a, _b in links]
        bulk_insert.insert_columns(kept, {"id": ids, **columns, "history_id": history})
    return written


def _history_ids(model: type[models.Model], records: Sequence[models.Model]) -> dict[int, int]:
    """The id of each record's latest history row (its '+' row, the batch having just written
    it)."""
    rows = historical(model).objects.filter(id__in=[r.pk for r in records])
    return dict(rows.order_by("history_id").values_list("id", "history_id"))
