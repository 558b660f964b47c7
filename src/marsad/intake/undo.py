"""Taking an accept back whole: what an accepted claim changed in the other areas (a status step
of a crossing, an incident, a figure, a pledge, the claim added as evidence of a record, a
column set on a toll, a decision queued for an analyst) is recorded while the accept runs, kept
with its review decision, and undone with it, through the gate (history, audit).

While an accept's effects run, a journal listens to the gate's announcements (`core.events`):
each record made, and each record changed with the fields it changed. Undoing reads the journal
backwards. A record made by the accept is removed, unless something else has come to rest on it
since (other evidence, a record pointing to it): then only the claim is taken off it, and the
reviewer is told. A field the accept set is put back only if it still holds what the accept
wrote.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from marsad.core import events
from marsad.core.audit import canonical_json
from marsad.core.models import Claim
from marsad.core.services import gate
from marsad.core.services.base import Writer

_journal: ContextVar[list[dict[str, Any]] | None] = ContextVar("accept_journal", default=None)
# Fields that change on every save: never restored.
IGNORED = frozenset({"modified", "updated", "updated_at", "search_vector"})


def _fields(record: models.Model) -> dict[str, Any]:
    data = {
        f.attname: f.value_from_object(record)
        for f in record._meta.concrete_fields
        if not isinstance(f, models.BinaryField)
    }
    return dict(json.loads(canonical_json(data)))


def on_write(written: events.Written) -> None:
    """Note each write made while an accept's effects run (claims themselves excepted: the
    review is undone by the workflow)."""
    entries = _journal.get()
    if entries is None or written.model is Claim:
        return
    for record in written.records:
        entry: dict[str, Any] = {"model": written.model._meta.label, "pk": record.pk}
        if written.action in ("create", "import"):
            entry["made"] = True
        elif written.before is not None:
            after = _fields(record)
            entry["set"] = {
                name: [written.before.get(name), value]
                for name, value in after.items()
                if name not in IGNORED and written.before.get(name) != value
            }
            entry["claims_before"] = written.before.get("claims")
        else:
            continue
        entries.append(entry)


@contextmanager
def journal() -> Iterator[list[dict[str, Any]]]:
    """Collect the writes made inside; a nested journal hands its entries to the outer one only
    when the caller keeps them (`keep`)."""
    entries: list[dict[str, Any]] = []
    token = _journal.set(entries)
    try:
        yield entries
    finally:
        _journal.reset(token)


def note(record: models.Model) -> None:
    """Note a record an effect made outside the gate's announcements (a decision queued for an
    analyst, `gate.queue_conflict`)."""
    entries = _journal.get()
    if entries is not None:
        entries.append({"model": record._meta.label, "pk": record.pk, "made": True})


def keep(entries: list[dict[str, Any]]) -> None:
    """Add what an effect wrote (kept: its savepoint held) to the accept's journal."""
    outer = _journal.get()
    if outer is not None:
        outer.extend(entries)


def _leans_on(record: models.Model, claim: Claim) -> bool:
    """Whether anything besides `claim` rests on the record: other evidence, or a record that
    points to it."""
    if hasattr(record, "claims") and record.claims.exclude(pk=claim.pk).exists():
        return True
    for relation in record._meta.related_objects:
        model = relation.related_model
        if relation.many_to_many or model.__name__.startswith("Historical"):
            continue
        if model._default_manager.filter(**{relation.field.name: record}).exists():
            return True
    return False


def _label(record: models.Model) -> str:
    return f"{record._meta.verbose_name} {record.pk}"


def _unmake(by: Writer, record: models.Model, claim: Claim) -> str:
    if _leans_on(record, claim):
        if hasattr(record, "claims"):
            gate.withdraw_claims(record, by=by, claims=[claim])
        return _(
            "Kept %(record)s: other records rest on it; the claim is no longer its evidence."
        ) % {"record": _label(record)}
    try:
        with transaction.atomic():
            gate.remove(record, by=by)
    except (ProtectedError, RestrictedError):
        return _("Kept %(record)s: other records rest on it.") % {"record": _label(record)}
    return _("Removed %(record)s, made by the accept.") % {"record": _label(record)}


def _unset(by: Writer, record: models.Model, entry: dict[str, Any], claim: Claim) -> str:
    now = _fields(record)
    restored = [name for name, (_old, new) in entry.get("set", {}).items() if now.get(name) == new]
    for name in restored:
        setattr(record, name, entry["set"][name][0])  # the gate's validation converts it
    if restored:
        gate.store(record, by=by, change_reason="accept undone", action="undo accept")
    before = entry.get("claims_before")
    if hasattr(record, "claims") and before is not None and claim.pk not in before:
        gate.withdraw_claims(record, by=by, claims=[claim])
    return _("Took the claim back from %(record)s.") % {"record": _label(record)}


def undo_effects(*, by: Writer, claim: Claim, entries: list[dict[str, Any]]) -> list[str]:
    """Take back what accepting `claim` changed, newest first; returns what was done, in
    words."""
    done = []
    for entry in reversed(entries):
        model = apps.get_model(entry["model"])
        record = model._default_manager.filter(pk=entry["pk"]).first()
        if record is None:
            continue
        if entry.get("made"):
            done.append(_unmake(by, record, claim))
        else:
            done.append(_unset(by, record, entry, claim))
    return done
