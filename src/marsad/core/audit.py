"""Writing to and verifying the audit chain. Every service write calls `record` inside its
transaction, so a write that fails leaves no entry and an entry never outlives its write."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

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
        if field.name not in NEVER_AUDITED:
            data[field.attname] = field.value_from_object(instance)
    if instance.pk is not None:
        for field in instance._meta.many_to_many:
            data[field.name] = sorted(obj.pk for obj in getattr(instance, field.name).all())
    return json.loads(canonical_json(data))


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    payload = prev_hash + canonical_json(entry)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


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


def _append(
    *, user: Any, action: str, model: str, object_id: str, before: str, after: str
) -> AuditEntry:
    """Add the next entry of the chain, holding the head's lock until the transaction ends."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit entries are written inside the transaction of the write")
    head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
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
    digest = entry_hash(head.hash, fields)
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


def record_bulk(
    *, user: Any, action: str, model: type[models.Model], ids: list[Any], detail: dict[str, Any]
) -> AuditEntry:
    """Append one entry for many records written at once (an import batch): the ids of the
    records and what they came from. One entry per batch keeps a million-row import auditable
    without a million entries; each record's own state is in its history table."""
    label = f"{ids[0]}..{ids[-1]} ({len(ids)})" if ids else "(none)"
    return _append(
        user=user,
        action=action,
        model=model._meta.label,
        object_id=label[:64],
        before=canonical_json(None),
        after=canonical_json({**detail, "ids": ids}),
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


def _entries(batch: int = 2000) -> Iterator[AuditEntry]:
    yield from AuditEntry.objects.order_by("seq").iterator(chunk_size=batch)


def verify() -> ChainReport:
    """Walk the chain and report the first entry that was altered, removed or reordered."""
    prev_hash, expected_seq, checked = GENESIS_HASH, 1, 0
    for entry in _entries():
        if entry.seq != expected_seq:
            return ChainReport(
                False,
                checked,
                f"entry #{expected_seq} is missing (next entry found is #{entry.seq}): "
                "entries were removed",
                expected_seq,
            )
        if entry.prev_hash != prev_hash:
            return ChainReport(
                False,
                checked,
                f"entry #{entry.seq} does not follow entry #{entry.seq - 1}: "
                "entries were removed, inserted or reordered",
                entry.seq,
            )
        fields = _entry_fields(
            entry.seq,
            entry.at,
            entry.user,
            entry.action,
            entry.model,
            entry.object_id,
            entry.before,
            entry.after,
        )
        if entry_hash(prev_hash, fields) != entry.hash:
            return ChainReport(
                False,
                checked,
                f"entry #{entry.seq} was altered: its content does not match its hash",
                entry.seq,
            )
        prev_hash, expected_seq, checked = entry.hash, expected_seq + 1, checked + 1
    head = AuditHead.objects.filter(pk=1).first()
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS_HASH)
    if head_seq != checked or head_hash != prev_hash:
        return ChainReport(
            False,
            checked,
            f"the log ends at entry #{checked} but the head records #{head_seq}: "
            "entries were removed from the end",
            checked + 1,
        )
    return ChainReport(True, checked)
