"""The one write gate. Every write of a record in Marsad passes through `store` (one record),
`store_batch` / `update_batch` (an import's batch) or `remove`, inside the caller's transaction:

1. the marking is checked (`clean_marking`);
2. every record the new one points to must be readable by the writer: a hidden record answers
   as an unknown one, so a write cannot be used to learn what is recorded;
3. the record may not be released further than anything it names (its foreign keys and
   relations) or rests on (its supporting claims), unless an analyst makes a sanitized release
   of its evidence, with a reason;
4. the model validates itself (`full_clean`);
5. it is saved with the writer in its history row, and one entry is appended to the audit chain.

An index derived from stored records (search entries, band keys) is written by `store_index`,
in the same transaction, without history or audit entry of its own.

An area's service says only what is specific to it (which fields, which transitions); the rule
of who may read what is written here once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from django.db import models, transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from marsad.core import audit, bulk_insert, bulk_relations, bulk_update, events
from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import Claim, Conflict
from marsad.core.releasability import Releasable, narrowest
from marsad.core.services import lookups, reach
from marsad.core.services.base import Writer, clean_marking, history_user, plain, validate

Record = TypeVar("Record", bound=models.Model)

# `marking=KEEP` leaves a stored record's marking as it is.
KEEP: Any = object()

# All a writer is told of a record it may not read that stands in its way.
HIDDEN_CONFLICT = "conflicts with a record you cannot see"

# A reason for a sanitized release long enough to say something.
MIN_REASON = 10


def _in_transaction() -> None:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("writes go through the gate inside the caller's transaction")


def check_unique(
    by: Writer, found: models.QuerySet[Any], field: str, value: Any, message: str
) -> None:
    """Refuse a value that must be unique when a record holds it already. When only a record
    hidden from the writer holds it, the value cannot be stored either (the database keeps it
    unique), and the refusal says no more than that: not which record, nor how it is marked."""
    if not found.exists():
        return
    if found.visible_to(by).exists():  # type: ignore[attr-defined]
        raise InvalidInput.one(field, value, message)
    raise InvalidInput.one(field, value, HIDDEN_CONFLICT)


def _hidden_duplicate(by: Writer, record: models.Model) -> None:
    """A value the database keeps unique that only records hidden from the writer hold: refused
    with no more than HIDDEN_CONFLICT (the model's own check would say the record exists)."""
    checks, _dates = record._get_unique_checks(include_meta_constraints=True)
    for model, fields in checks:
        lookup = {}
        for name in fields:
            value = getattr(record, record._meta.get_field(name).attname)
            if value is None:
                break
            lookup[record._meta.get_field(name).attname] = value
        else:
            found = model._default_manager.filter(**lookup).exclude(pk=record.pk)
            if not issubclass(model, Releasable) or not found.exists():
                continue
            if not found.visible_to(by).exists():
                raise InvalidInput.one(
                    fields[0], plain(getattr(record, fields[0])), HIDDEN_CONFLICT
                )


def _sanitized(by: Writer, record: Any, reason: str) -> str:
    """The reason of a sanitized release: analysts only, and it must say why."""
    if not getattr(by, "can_write", False):
        raise NotAllowed("only analysts may release a record further than its evidence")
    if not hasattr(record, "sanitized_reason"):
        raise InvalidInput.one("sanitized", reason, "this record has no evidence to sanitize")
    text = " ".join((reason or "").split())
    if len(text) < MIN_REASON:
        raise InvalidInput.one(
            "sanitized", reason, f"say why, in at least {MIN_REASON} characters: it is audited"
        )
    return text


def _stored(record: models.Model) -> dict[str, Any] | None:
    """The record as stored before this write (None when new)."""
    if record.pk is None:
        return None
    return audit.snapshot(type(record)._default_manager.get(pk=record.pk))


def store(
    record: Record,
    *,
    by: Writer,
    marking: Any = KEEP,
    releasable_to: Iterable[str] = (),
    claims: Iterable[Any] | None = None,
    sanitized: str | None = None,
    change_reason: str = "",
    action: str = "",
    **relations: Iterable[Any],
) -> Record:
    """Validate, check reach and save `record` with its relations, with history and audit.

    `claims` are supporting claims (numbers or claims) the writer may read: a new record gets
    them, a stored one gets them added. `sanitized` (a reason) lets the record be released
    further than its claims. `action` names an update that is an event of its own (a token
    revoked) in the audit log; otherwise it says create or update. Other keyword arguments set
    many-to-many relations (records).
    """
    _in_transaction()
    if marking is not KEEP:
        record.marking, record.releasable_to = clean_marking(marking, releasable_to)  # type: ignore[attr-defined]
    before = _stored(record)
    reach.check_names(by, record)
    _hidden_duplicate(by, record)
    validate(record)
    m2m = {name: reach.related(by, record, name, values) for name, values in relations.items()}
    added: list[Claim] = []
    if sanitized is not None:
        record.sanitized_reason = _sanitized(by, record, sanitized)  # type: ignore[attr-defined]
    if claims is not None:
        added = lookups.claims(by, claims)
        if not getattr(record, "sanitized_reason", ""):
            reach.check_reach(record, "claims", added)
    action = action or ("create" if before is None else "update")
    record._history_user = history_user(by)  # type: ignore[attr-defined]
    if change_reason:
        record._change_reason = change_reason  # type: ignore[attr-defined]
    record.save()
    for name, related in m2m.items():
        getattr(record, name).set(related)
    if added:
        if before is None:
            record.claims.set(added)  # type: ignore[attr-defined]
        else:
            record.claims.add(*added)  # type: ignore[attr-defined]
    audit.record(user=by, action=action, instance=record, before=before)
    events.announce(events.Written(type(record), [record], action, by, before))
    return record


def remove(record: models.Model, *, by: Writer) -> None:
    """Delete with a history row and an audit entry holding the record as it was."""
    _in_transaction()
    before = audit.snapshot(record)
    record._history_user = history_user(by)  # type: ignore[attr-defined]
    record.delete()
    audit.record(user=by, action="delete", instance=record, before=before)
    events.announce(events.Written(type(record), [record], "delete", by, before))


def withdraw_claims(record: Record, *, by: Writer, claims: Iterable[Claim]) -> Record:
    """Take supporting claims off a record (an accepted claim returned to the queue), with a
    history row and an audit entry holding the record's evidence before and after."""
    _in_transaction()
    before = _stored(record)
    record._history_user = history_user(by)  # type: ignore[attr-defined]
    record.claims.remove(*claims)  # type: ignore[attr-defined]
    record.save()
    audit.record(user=by, action="withdraw evidence", instance=record, before=before)
    events.announce(events.Written(type(record), [record], "update", by, before))
    return record


def store_batch(
    model: type[Record],
    records: Sequence[Record],
    *,
    by: Writer,
    ids: Callable[[Record], Any],
    detail: Mapping[str, Any],
    action: str = "import",
    relations: Mapping[str, Sequence[Sequence[Any]]] | None = None,
) -> list[Record]:
    """Insert new records of one model at once: checked as a batch, inserted with their history
    rows (column by column, `core.bulk_insert`), and one audit entry listing them (`ids` names
    each) with the Merkle root over their rows. `relations` sets many-to-many relations (a
    relation's name → each record's related records, in the records' order), checked like the
    records' own fields and listed in the audit entry as (record, related) pairs."""
    _in_transaction()
    if not records:
        return []
    reach.check_batch(by, records, relations)
    leaves = None
    if bulk_insert.supports(model, records):
        leaves = bulk_insert.insert_with_leaves(model, records, history_user=history_user(by))
        created = list(records)
    elif hasattr(model, "history"):
        created = bulk_create_with_history(
            list(records), model, batch_size=500, default_user=history_user(by)
        )
    else:
        created = model._default_manager.bulk_create(list(records), batch_size=500)
    links = bulk_relations.insert(model, created, relations) if relations else {}
    audit.record_bulk(
        user=by,
        action=action,
        model=model,
        ids=[ids(r) for r in records],
        detail={**detail, **({"links": links} if links else {})},
        rows=created,
        leaves=leaves,
    )
    events.announce(events.Written(model, created, action, by))
    return created


def update_batch(
    model: type[Record],
    records: Sequence[Record],
    fields: list[str],
    *,
    by: Writer,
    ids: Callable[[Record], Any],
    detail: Mapping[str, Any],
) -> None:
    """Change `fields` of stored records at once, with history rows and one audit entry."""
    _in_transaction()
    if not records:
        return
    reach.check_batch(by, records)
    if bulk_insert.plain_history(model):
        bulk_update.update(model, records, fields)
        bulk_insert.history(model, records, history_user=history_user(by))
    else:
        bulk_update_with_history(
            list(records), model, fields, batch_size=500, default_user=history_user(by)
        )
    audit.record_bulk(
        user=by,
        action="update",
        model=model,
        ids=[ids(r) for r in records],
        detail={**detail, "set": fields},
        rows=list(records),
    )
    events.announce(events.Written(model, list(records), "update", by))


def store_index(model: type[models.Model], columns: Mapping[str, Sequence[Any]]) -> list[int]:
    """Insert rows of an index derived from records stored through the gate (a record's search
    entries, a fingerprint's band keys), a column at a time; returns their ids in order. An index
    keeps no history and has no audit entry of its own: its rows are computed again from what the
    audit holds, so proving them adds nothing, and there are many (a document has some 17 band
    keys). Only models listed in `INDEXES` are written this way."""
    _in_transaction()
    if model._meta.label not in INDEXES:
        raise ValueError(f"{model._meta.label} is not an index: store its records")
    return bulk_insert.insert_columns(model, columns)


# The derived indexes `store_index` writes, and what each is derived from.
INDEXES = {
    "core.SearchEntry": "the searchable record's fields",
    "core.SearchEntryActor": "the searchable record's actors",
    "intake.Band": "the fingerprint's signature (`extraction.duplicates.bands`)",
}


def queue_conflict(
    *, by: Writer, record: models.Model, other: Releasable, field: str, reason: str
) -> Conflict:
    """Queue a disagreement between `record` (just stored) and `other`, which its writer may not
    read, for an analyst who may read both. The writer is told nothing of it."""
    marking, nations = narrowest(
        (record.marking, record.nations),  # type: ignore[attr-defined]
        (other.marking, other.nations),
    )
    conflict = Conflict(
        created_by=history_user(by),
        model=record._meta.label,
        record_id=reach.name_of(record),
        other_model=other._meta.label,
        other_id=reach.name_of(other),
        field=field,
        reason=reason,
    )
    # The conflict names a record the writer may not read, so it is not checked against the
    # writer's reach; it is audited under the writer's name all the same.
    conflict.marking, conflict.releasable_to = clean_marking(marking, nations)
    validate(conflict)
    conflict._history_user = history_user(by)  # type: ignore[attr-defined]
    conflict.save()
    audit.record(user=by, action="create", instance=conflict, before=None)
    return conflict


__all__ = [
    "KEEP",
    "check_unique",
    "queue_conflict",
    "remove",
    "store",
    "store_batch",
    "store_index",
    "update_batch",
    "withdraw_claims",
]
