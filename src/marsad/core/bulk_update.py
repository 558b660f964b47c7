"""Setting the same fields of many stored records to their new values.

Django's `bulk_update` writes one statement with a CASE per field and a WHEN per record, and
building it costs Python work for every record and value that dwarfs the statement itself. The
records a batch updates mostly share a handful of values (a claim's grade is one of six, a
review sets one state), so they are updated with one plain UPDATE per distinct set of values;
a batch whose values are mostly distinct (or not hashable, as JSON is) still goes through
`bulk_update`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence

from django.db import models

# Ids per statement: well under the variables a statement may bind on either engine.
CHUNK = 500
# Above this many distinct sets of values per record, one CASE statement beats many UPDATEs.
MOST_GROUPS_A_RECORD = 0.25


def update(model: type[models.Model], records: Sequence[models.Model], fields: list[str]) -> None:
    """Store `fields` of `records` as they are in memory (no history, no audit: the gate's)."""
    if not records:
        return
    attnames = [model._meta.get_field(name).attname for name in fields]
    groups: dict[Hashable, list[object]] = defaultdict(list)
    try:
        for record in records:
            groups[tuple(getattr(record, name) for name in attnames)].append(record.pk)
    except TypeError:  # an unhashable value
        groups.clear()
    if not groups or len(groups) > max(1, len(records) * MOST_GROUPS_A_RECORD):
        model._default_manager.bulk_update(list(records), fields, batch_size=CHUNK)
        return
    manager = model._default_manager
    for values, pks in groups.items():
        changes = dict(zip(attnames, values, strict=True))  # type: ignore[call-overload]
        for start in range(0, len(pks), CHUNK):
            manager.filter(pk__in=pks[start : start + CHUNK]).update(**changes)
