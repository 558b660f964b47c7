"""Proving one row of an import batch: the batch's audit entry holds the primary keys of its rows
and the root of a Merkle tree over them as they were written (`audit.record_bulk`). The rows are
read back as they were then (their history rows at the entry's time), the tree is built again,
and its root must be the one the chain holds; the row's path to the root is the proof, which a
reader can check with nothing but SHA-256 (`core.merkle.verify`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models

from marsad.core import merkle
from marsad.core.audit import row_bytes
from marsad.core.models import AuditEntry


class NotProven(Exception):
    """The row cannot be proven part of a batch: no batch names it, or the batch's rows as
    stored no longer give the root the chain holds (the message says which)."""


@dataclass(frozen=True)
class BatchProof:
    entry: AuditEntry
    index: int
    rows: int
    leaf: bytes
    steps: list[merkle.Step]
    root: bytes

    def as_dict(self) -> dict[str, Any]:
        return {
            "entry": self.entry.seq,
            "model": self.entry.model,
            "row": self.index,
            "rows": self.rows,
            "leaf": self.leaf.hex(),
            "path": [{"side": s.side, "hash": s.hash.hex()} for s in self.steps],
            "merkle_root": self.root.hex(),
        }


def _model(label: str) -> type[models.Model]:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        raise NotProven(
            f"no record type {label!r} (write it as app.Model, e.g. access.Consignment)"
        ) from None


def batch_entries(label: str, pk: int) -> list[AuditEntry]:
    """The batch entries (oldest first) that name row `pk` of `label`."""
    found = []
    candidates = AuditEntry.objects.filter(model=label, after__contains='"merkle_root"')
    for entry in candidates.order_by("seq").iterator():
        if pk in json.loads(entry.after).get("pks", ()):
            found.append(entry)
    return found


def _rows_as_written(model: type[models.Model], entry: AuditEntry, pks: list[int]) -> list[Any]:
    """Each row as it stood when `entry` was appended: its last history row by then (or the
    row itself for a model without history)."""
    history = getattr(model, "history", None)
    if history is None:
        current = model._default_manager.in_bulk(pks)
        missing = [pk for pk in pks if pk not in current]
        if missing:
            raise NotProven(f"rows {missing[:5]} of the batch are gone")
        return [current[pk] for pk in pks]
    latest: dict[int, Any] = {}
    steps = history.model.objects.filter(id__in=pks, history_date__lte=entry.at)
    for step in steps.order_by("id", "history_date", "history_id"):
        latest[step.id] = step
    missing = [pk for pk in pks if pk not in latest]
    if missing:
        raise NotProven(f"rows {missing[:5]} of the batch have no history at the batch's time")
    return [latest[pk] for pk in pks]


def prove(label: str, pk: int) -> BatchProof:
    """The proof that row `pk` of `label` was written in a batch as its history says."""
    model = _model(label)
    entries = batch_entries(model._meta.label, pk)
    if not entries:
        raise NotProven(f"no batch entry of the audit log names {model._meta.label} {pk}")
    entry = entries[0]
    after = json.loads(entry.after)
    pks = after["pks"]
    leaves = [merkle.leaf(row_bytes(row, model)) for row in _rows_as_written(model, entry, pks)]
    built = merkle.root(leaves)
    if built.hex() != after["merkle_root"]:
        raise NotProven(
            f"the rows of entry #{entry.seq} as stored do not give the root it holds: a row "
            "of the batch (or its history) was changed outside Marsad"
        )
    index = pks.index(pk)
    return BatchProof(entry, index, len(pks), leaves[index], merkle.proof(leaves, index), built)
