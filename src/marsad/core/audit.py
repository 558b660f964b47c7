"""Writing to and verifying the audit chain. Every service write calls `record` inside its
transaction, so a write that fails leaves no entry and an entry never outlives its write.

Each entry's hash is an HMAC-SHA256, under a key kept outside the database
(`marsad.core.audit_keys`), of the previous hash and the entry's canonical JSON: whoever can
only write to the database cannot make an altered or inserted entry fit. Cuts from the end and
a wholesale deletion are proven by signed checkpoints held elsewhere (`audit_proof`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from marsad.core import merkle
from marsad.core.audit_keys import chain_key, chain_key_for_writing, missing_chain_key_message
from marsad.core.models.audit import GENESIS_HASH, AuditEntry, AuditHead

# Secrets, and what stands for them (an API token's digest), stay out of the log; the log says
# only that the record changed.
NEVER_AUDITED = frozenset({"password", "digest"})


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces: the same data always gives the same text."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, cls=DjangoJSONEncoder
    )


def snapshot(instance: models.Model | None) -> dict[str, Any] | None:
    """The stored state of a record: every concrete field, and the ids of its many-to-many."""
    if instance is None:
        return None
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        # Bytes (an issued report's file) are recorded by the hash their record keeps beside
        # them, not copied into the log.
        if field.name not in NEVER_AUDITED and not isinstance(field, models.BinaryField):
            data[field.attname] = field.value_from_object(instance)
    if instance.pk is not None:
        for field in instance._meta.many_to_many:
            data[field.name] = sorted(obj.pk for obj in getattr(instance, field.name).all())
    return json.loads(canonical_json(data))


def entry_hash(prev_hash: str, entry: dict[str, Any], key: bytes | None = None) -> str:
    """The keyed hash of an entry: HMAC-SHA256 of the previous hash and the entry's JSON."""
    secret = key if key is not None else _existing_key()
    payload = (prev_hash + canonical_json(entry)).encode("utf-8")
    return hmac.new(secret, payload, hashlib.sha256).hexdigest()


def unkeyed_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    """The plain SHA-256 of logs written before the chain had a key: never accepted by
    `verify`, only converted once by `marsad audit rekey`."""
    payload = prev_hash + canonical_json(entry)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _existing_key() -> bytes:
    key = chain_key()
    if key is None:
        raise ImproperlyConfigured(missing_chain_key_message(AuditEntry.objects.count()))
    return key


def _entry_fields(
    seq: int,
    at: datetime,
    user: str,
    action: str,
    model: str,
    object_id: str,
    before: str,
    after: str,
) -> dict[str, Any]:
    return {
        "seq": seq,
        "at": at.astimezone(UTC).isoformat(),
        "user": user,
        "action": action,
        "model": model,
        "object_id": object_id,
        "before": before,
        "after": after,
    }


def fields_of(entry: AuditEntry) -> dict[str, Any]:
    """What an entry's hash covers, read back from its row."""
    return _entry_fields(
        entry.seq,
        entry.at,
        entry.user,
        entry.action,
        entry.model,
        entry.object_id,
        entry.before,
        entry.after,
    )


def _append(
    *, user: Any, action: str, model: str, object_id: str, before: str, after: str
) -> AuditEntry:
    """Add the next entry of the chain, holding the head's lock until the transaction ends."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit entries are written inside the transaction of the write")
    head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
    key = chain_key_for_writing() if head.seq == 0 else chain_key()
    if key is None:
        raise ImproperlyConfigured(missing_chain_key_message(head.seq))
    fields = _entry_fields(
        seq=head.seq + 1,
        at=timezone.now(),
        user=getattr(user, "username", "") or "",
        action=action,
        model=model,
        object_id=object_id,
        before=before,
        after=after,
    )
    digest = entry_hash(head.hash, fields, key)
    entry = AuditEntry.objects.create(
        seq=fields["seq"],
        at=datetime.fromisoformat(fields["at"]),
        user=fields["user"],
        action=action,
        model=model,
        object_id=object_id,
        before=before,
        after=after,
        prev_hash=head.hash,
        hash=digest,
    )
    head.seq, head.hash = entry.seq, digest
    head.save(update_fields=["seq", "hash"])
    return entry


def record(
    *, user: Any, action: str, instance: models.Model, before: dict[str, Any] | None
) -> AuditEntry:
    """Append one entry: who did `action` to `instance`, its state before and after."""
    object_id = instance.pk if instance.pk is not None else (before or {}).get("id")
    return _append(
        user=user,
        action=action,
        model=instance._meta.label,
        object_id=str(object_id),
        before=canonical_json(before),
        after=canonical_json(None if action == "delete" else snapshot(instance)),
    )


def row_bytes(row: Any, model: type[models.Model]) -> bytes:
    """A row of `model` as the bytes its Merkle leaf hashes: every concrete field (read from the
    record, or from its history row, which has the same columns), as canonical JSON."""
    data = {
        field.attname: _as_stored(field, field.value_from_object(row))
        for field in model._meta.concrete_fields
        if field.name not in NEVER_AUDITED
    }
    return canonical_json(data).encode("utf-8")


def _as_stored(field: Any, value: Any) -> Any:
    """A value as the database gives it back, whatever form the writer gave it in: a decimal
    with the column's places, a moment in UTC, a date as a date."""
    if value is None:
        return None
    value = field.to_python(value)
    if isinstance(field, models.DecimalField):
        return str(Decimal(value).quantize(Decimal(1).scaleb(-field.decimal_places)))
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return value


def record_bulk(
    *,
    user: Any,
    action: str,
    model: type[models.Model],
    ids: list[Any],
    detail: dict[str, Any],
    rows: list[models.Model] | None = None,
    leaves: list[bytes] | None = None,
) -> AuditEntry:
    """Append one entry for many records written at once (an import batch): the ids of the
    records, what they came from and, given the rows as stored, their primary keys and the root
    of a Merkle tree over them, so that any one row can later be proven part of the batch as it
    was written (`core.audit_batches`); `leaves`, when given, are the rows' leaves computed
    already (`core.bulk_insert.leaves`, the same bytes a column at a time). One entry per
    batch keeps a million-row import auditable without a million entries; each record's own
    state is in its history table."""
    label = f"{ids[0]}..{ids[-1]} ({len(ids)})" if ids else "(none)"
    after: dict[str, Any] = {**detail, "ids": ids}
    if rows:
        if leaves is None:
            leaves = [merkle.leaf(row_bytes(row, model)) for row in rows]
        after.update(pks=[row.pk for row in rows], merkle_root=merkle.root(leaves).hex())
    return _append(
        user=user,
        action=action,
        model=model._meta.label,
        object_id=label[:64],
        before=canonical_json(None),
        after=canonical_json(after),
    )


def record_rekey(*, user: Any, detail: dict[str, Any]) -> AuditEntry:
    """Append the entry of `marsad audit rekey`: how many entries were re-hashed with the key,
    and the unkeyed head they had, so that a head noted before the conversion still ties in."""
    return _append(
        user=user,
        action="rekey",
        model=AuditEntry._meta.label,
        object_id=f"1..{detail['unkeyed_entries']}",
        before=canonical_json(None),
        after=canonical_json(detail),
    )


def record_event(*, user: Any, action: str, detail: dict[str, Any], about: str = "") -> AuditEntry:
    """Append one entry for something that happened to no stored record of Marsad's own (a login
    lockout, an unlock): who, what, about whom (`about`, e.g. a user name) and its details."""
    return _append(
        user=user,
        action=action,
        model="event",
        object_id=about[:64],
        before=canonical_json(None),
        after=canonical_json(detail),
    )


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    problem: str = ""
    seq: int | None = None
    # The hash of the last entry checked: what a checkpoint signs.
    head_hash: str = GENESIS_HASH
    # The hashes found at the sequence numbers `verify` was asked about.
    hashes: Mapping[int, str] = dataclasses.field(default_factory=dict)
    checkpoints: int = 0


def _entries(batch: int = 2000) -> Iterator[AuditEntry]:
    yield from AuditEntry.objects.order_by("seq").iterator(chunk_size=batch)


def link_problem(entry: AuditEntry, expected_seq: int, prev_hash: str) -> str:
    """Why `entry` does not take the next place in the chain (empty when it does)."""
    if entry.seq != expected_seq:
        return (
            f"entry #{expected_seq} is missing (next entry found is #{entry.seq}): "
            "entries were removed"
        )
    if entry.prev_hash != prev_hash:
        return (
            f"entry #{entry.seq} does not follow entry #{entry.seq - 1}: "
            "entries were removed, inserted or reordered"
        )
    return ""


def _hash_problem(entry: AuditEntry, prev_hash: str, key: bytes) -> str:
    fields = fields_of(entry)
    if hmac.compare_digest(entry_hash(prev_hash, fields, key), entry.hash):
        return ""
    if hmac.compare_digest(unkeyed_hash(prev_hash, fields), entry.hash):
        return (
            f"entry #{entry.seq} has an unkeyed SHA-256 hash: a log written before Marsad kept "
            "an audit key is checked and converted once with `marsad audit rekey`; in a log "
            "converted already, the entry was rewritten by someone without the key"
        )
    return f"entry #{entry.seq} was altered: its content does not match its hash"


def _read_head() -> tuple[int, str] | None:
    return AuditHead.objects.filter(pk=1).values_list("seq", "hash").first()


def head_problem(
    before: tuple[int, str] | None,
    after: tuple[int, str] | None,
    checked: int,
    hashes: Mapping[int, str],
) -> tuple[str, int] | None:
    """Compare the head row, read before and after the walk, with the entries found.

    A writer adds its entry and moves the head in one transaction, so the head read before the
    walk can only be behind the entries walked, and the head read after only ahead of them."""
    seq, digest = before or (0, GENESIS_HASH)
    if checked < seq:
        return (
            f"the log ends at entry #{checked} but the head records #{seq}: "
            "entries were removed from the end",
            checked + 1,
        )
    if hashes.get(seq, GENESIS_HASH) != digest:
        return f"the head does not match entry #{seq}: the head row was altered", seq
    if checked and (after is None or after[0] < checked):
        recorded = f"entry #{after[0]}" if after else "nothing (the head row is gone)"
        return (
            f"the head records {recorded} but the log goes on to entry #{checked}: "
            "the head row was altered or removed",
            checked,
        )
    return None


def verify(*, at: Collection[int] = ()) -> ChainReport:
    """Walk the chain and report the first entry that was altered, removed or reordered; also
    give the hashes found at the sequence numbers `at` (to compare with checkpoints)."""
    before = _read_head()
    key = chain_key()
    if key is None and AuditEntry.objects.exists():
        return ChainReport(False, 0, missing_chain_key_message(AuditEntry.objects.count()), 1)
    wanted = {*at, before[0] if before else 0}
    prev_hash, checked, hashes = GENESIS_HASH, 0, {}
    for entry in _entries():
        problem = link_problem(entry, checked + 1, prev_hash) or _hash_problem(
            entry, prev_hash, key or b""
        )
        if problem:
            return ChainReport(False, checked, problem, checked + 1)
        prev_hash, checked = entry.hash, entry.seq
        if checked in wanted:
            hashes[checked] = prev_hash
    found = head_problem(before, _read_head(), checked, hashes)
    if found:
        return ChainReport(False, checked, found[0], found[1])
    return ChainReport(True, checked, head_hash=prev_hash, hashes=hashes)
