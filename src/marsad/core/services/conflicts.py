"""Reconciling a write with a record its writer could not see (see models/conflicts.py)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from marsad.core.errors import InvalidInput
from marsad.core.models import Conflict
from marsad.core.services import gate, lookups
from marsad.core.services.base import Writer, history_user, require_writer


@transaction.atomic
def resolve_conflict(*, by: Writer, conflict: Conflict | int, resolution: str) -> Conflict:
    """Close a conflict, saying how the two records were reconciled (the records themselves are
    corrected through their own services)."""
    require_writer(by)
    found = lookups.by_number(by, Conflict, conflict, "conflict", "conflict")
    found = Conflict.objects.select_for_update().get(pk=found.pk)
    text = " ".join((resolution or "").split())
    if not text:
        raise InvalidInput.one("resolution", resolution, "say how it was reconciled")
    if found.resolved_at is not None:
        raise InvalidInput.one("conflict", found.pk, "is reconciled already")
    found.resolution = text
    found.resolved_at = timezone.now()
    found.resolved_by = history_user(by)
    return gate.store(found, by=by)
