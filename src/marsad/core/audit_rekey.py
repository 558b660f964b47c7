"""`marsad audit rekey`: the one-time conversion of a log written before the chain had a key.

Such a log is checked by the rule it was written under (plain SHA-256 from the first entry; a
run of keyed entries may follow, written after the upgrade), then every hash is recomputed with
the key and an entry records the conversion with the old head. `verify` never accepts an
unkeyed hash, so an attacker cannot downgrade entries; the price is that the operator, who
knows the log predates the key, decides once to trust what the old rule shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from marsad.core import audit
from marsad.core.audit_keys import chain_key_for_writing
from marsad.core.models.audit import GENESIS_HASH, AuditEntry, AuditHead

PAGE = 1000


@dataclass(frozen=True)
class RekeyPlan:
    entries: int = 0
    # The leading entries with an unkeyed hash, and the hash of the last of them.
    unkeyed: int = 0
    unkeyed_head: str = GENESIS_HASH
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


def _pages() -> Any:
    """Entries in pages by sequence number, so rows can be updated between pages (SQLite
    cursors do not survive writes to the table they read)."""
    last = 0
    while page := list(AuditEntry.objects.filter(seq__gt=last).order_by("seq")[:PAGE]):
        yield page
        last = page[-1].seq


def _hash_rule(entry: AuditEntry, prev_hash: str, key: bytes, keyed_yet: bool) -> str | None:
    """Which rule the entry's hash follows: "unkeyed" (only before any keyed entry), "keyed",
    or None when neither."""
    fields = audit.fields_of(entry)
    if not keyed_yet and audit.unkeyed_hash(prev_hash, fields) == entry.hash:
        return "unkeyed"
    if audit.entry_hash(prev_hash, fields, key) == entry.hash:
        return "keyed"
    return None


def plan_rekey() -> RekeyPlan:
    """Check the whole log by the rules it was written under; name the first entry that fails."""
    key = chain_key_for_writing()
    prev_hash, checked, unkeyed, unkeyed_head = GENESIS_HASH, 0, 0, GENESIS_HASH
    for page in _pages():
        for entry in page:
            problem = audit.link_problem(entry, checked + 1, prev_hash)
            rule = None if problem else _hash_rule(entry, prev_hash, key, unkeyed < checked)
            if rule is None:
                problem = problem or f"entry #{entry.seq} was altered: it fits neither rule"
                return RekeyPlan(checked, unkeyed, unkeyed_head, problem)
            if rule == "unkeyed":
                unkeyed, unkeyed_head = unkeyed + 1, entry.hash
            prev_hash, checked = entry.hash, entry.seq
    head = AuditHead.objects.filter(pk=1).values_list("seq", "hash").first() or (0, GENESIS_HASH)
    if head != (checked, prev_hash):
        problem = f"the head records entry #{head[0]} but the log ends at entry #{checked}"
        return RekeyPlan(checked, unkeyed, unkeyed_head, problem)
    return RekeyPlan(checked, unkeyed, unkeyed_head)


def _rehash_all(key: bytes) -> str:
    prev_hash = GENESIS_HASH
    for page in _pages():
        for entry in page:
            entry.prev_hash = prev_hash
            entry.hash = prev_hash = audit.entry_hash(prev_hash, audit.fields_of(entry), key)
        AuditEntry.objects.bulk_update(page, ["prev_hash", "hash"])
    return prev_hash


def rekey(*, by: Any) -> RekeyPlan:
    """Convert the log if it has unkeyed entries and the old rule finds it intact; append an
    entry that records the conversion and the old head. Changes nothing otherwise."""
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
        plan = plan_rekey()
        if not plan.ok or not plan.unkeyed:
            return plan
        head.hash = _rehash_all(chain_key_for_writing())
        head.save(update_fields=["hash"])
        audit.record_rekey(
            user=by,
            detail={
                "rehashed": plan.entries,
                "unkeyed_entries": plan.unkeyed,
                "unkeyed_head": plan.unkeyed_head,
            },
        )
    return plan
