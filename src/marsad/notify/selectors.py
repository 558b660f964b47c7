"""Reads of notifications: a user's own subscriptions, notifications and deliveries, and the
records events name, each read for one reader through `visible_to`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qs

from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import models, transaction
from django.db.models import QuerySet

from marsad.access.models import AccessStatus
from marsad.core import selectors as core_selectors
from marsad.core.models import SavedSearch
from marsad.core.releasability import Releasable
from marsad.core.roles import Role
from marsad.notify.models import Delivery, Notification, Subscription
from marsad.plan.models import ScoreChange


def subscriptions(owner: Any) -> QuerySet[Subscription]:
    """The owner's own subscriptions (nobody reads another's)."""
    if not getattr(owner, "is_authenticated", False):
        return Subscription.objects.none()
    return Subscription.objects.filter(owner=owner).select_related("saved_search")


def subscription(owner: Any, pk: int) -> Subscription:
    """One of the owner's subscriptions; another's answers as a missing one."""
    return subscriptions(owner).get(pk=pk)


def deliveries(owner: Any, subscription_id: int) -> QuerySet[Delivery]:
    found = subscription(owner, subscription_id)
    return Delivery.objects.filter(subscription=found).select_related("event")


def recent_deliveries(owner: Any, *, each: int = 10, scan: int = 500) -> dict[int, list[Delivery]]:
    """The latest deliveries of each of the owner's subscriptions (at most `each`), in one
    query over the owner's `scan` latest deliveries."""
    found: dict[int, list[Delivery]] = {}
    if not getattr(owner, "is_authenticated", False):
        return found
    latest = (
        Delivery.objects.filter(subscription__owner=owner)
        .select_related("event")
        .order_by("-created", "-id")[:scan]
    )
    for delivery in latest:
        kept = found.setdefault(delivery.subscription_id, [])
        if len(kept) < each:
            kept.append(delivery)
    return found


def notifications(owner: Any, *, feed: bool = False) -> QuerySet[Notification]:
    """The owner's notifications, unread first then newest; those withdrawn (their record was
    narrowed away from the owner after delivery) are not listed."""
    if not getattr(owner, "is_authenticated", False):
        return Notification.objects.none()
    found = Notification.objects.filter(recipient=owner, withdrawn_at__isnull=True)
    found = found.filter(in_feed=True) if feed else found.filter(in_app=True)
    return found.select_related("event").order_by(
        models.F("read_at").asc(nulls_first=True), "-created", "-id"
    )


def unread_count(owner: Any) -> int:
    """One query: the count the navigation shows."""
    if not getattr(owner, "is_authenticated", False):
        return 0
    return Notification.objects.filter(
        recipient=owner, in_app=True, read_at__isnull=True, withdrawn_at__isnull=True
    ).count()


UNREAD_SECONDS = 300


def _unread_key(user_id: int) -> str:
    return f"notify:unread:{user_id}"


def unread_count_kept(user_id: int | None) -> int:
    """The navigation's count of the user `user_id`, kept in the cache until a notification of
    theirs is delivered, read or withdrawn (`unread_changed`)."""
    if user_id is None:
        return 0
    key = _unread_key(user_id)
    found = cache.get(key)
    if found is None:
        found = Notification.objects.filter(
            recipient_id=user_id, in_app=True, read_at__isnull=True, withdrawn_at__isnull=True
        ).count()
        cache.set(key, found, UNREAD_SECONDS)
    return int(found)


def unread_changed(user_ids: Iterable[int]) -> None:
    """The unread counts of `user_ids` are counted again: now, and after the commit, so that a
    count read meanwhile from the database as it was is not kept."""
    keys = [_unread_key(i) for i in set(user_ids)]
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))


def saved_searches(owner: Any) -> QuerySet[SavedSearch]:
    """The owner's saved searches of documents, the ones a subscription may follow."""
    if not getattr(owner, "is_authenticated", False):
        return SavedSearch.objects.none()
    return SavedSearch.objects.filter(owner=owner, list_name="documents")


def reader_class(reader: Any) -> tuple[str, str]:
    """Readers who read exactly the same records (releasability depends on role and nation
    only): derived alerts are computed once per class."""
    if getattr(reader, "is_superuser", False) or getattr(reader, "role", "") == Role.ADMIN:
        return (Role.ADMIN, "")
    role = getattr(reader, "role", Role.PUBLIC)
    return (role, getattr(reader, "nation", "") if role == Role.LIAISON else "")


def record(reader: Any, label: str, object_id: str) -> models.Model | None:
    """The record an event names, if `reader` may read it now (None otherwise, or when gone).
    A model that carries no marking is read by nobody: deny by default."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    if not issubclass(model, Releasable) and not hasattr(model._default_manager, "visible_to"):
        return None
    try:
        return model._default_manager.visible_to(reader).get(pk=object_id)  # type: ignore[attr-defined]
    except (ObjectDoesNotExist, ValueError):
        return None


def records_readable(reader: Any, label: str, ids: list[str]) -> set[str]:
    """Of `ids` (records of one model), those `reader` may read now: one query."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return set()
    if not hasattr(model._default_manager, "visible_to"):
        return set()
    found = model._default_manager.visible_to(reader).filter(pk__in=ids)  # type: ignore[attr-defined]
    return {str(pk) for pk in found.values_list("pk", flat=True)}


def previous_status(reader: Any, step: AccessStatus) -> AccessStatus | None:
    """The step before `step` in its crossing's or corridor's timeline, among those the reader
    may read (so "changed from X" never names a hidden step)."""
    steps = AccessStatus.objects.visible_to(reader).filter(expected=False)
    if step.crossing_id:
        steps = steps.filter(crossing_id=step.crossing_id)
    else:
        steps = steps.filter(corridor_id=step.corridor_id)
    return (
        steps.filter(valid_from__lt=step.valid_from)
        .exclude(pk=step.pk)
        .order_by("-valid_from", "-id")
        .first()
    )


def previous_score(reader: Any, change: ScoreChange) -> ScoreChange | None:
    """The score change before `change` for the same point, among those the reader may read."""
    return (
        ScoreChange.objects.visible_to(reader)
        .filter(provision_id=change.provision_id)
        .filter(models.Q(on__lt=change.on) | models.Q(on=change.on, id__lt=change.pk))
        .order_by("-on", "-id")
        .first()
    )


def document_matches(reader: Any, search: SavedSearch, document_id: Any) -> bool:
    """Whether the saved search of documents, run for `reader`, finds this document."""
    params = parse_qs(search.query or "")

    def first(name: str) -> str:
        return (params.get(name) or [""])[0]

    found = core_selectors.documents(
        reader, language=first("language"), source_key=first("source"), query=first("q")
    )
    return found.filter(pk=document_id).exists()


def readable_now(owner: Any, items: list[Notification]) -> list[Notification]:
    """Of notifications in hand, those whose record `owner` may still read: one query per kind
    of record among them (at most a handful), whatever their number. Derived alerts (spikes,
    deadlocks) have no record of their own and were checked when delivered."""
    by_label: dict[str, list[str]] = {}
    for item in items:
        by_label.setdefault(item.event.model, []).append(item.event.object_id)
    readable = {
        label: records_readable(owner, label, ids)
        for label, ids in by_label.items()
        if label != "notify.KnownAlert"
    }
    return [
        item
        for item in items
        if item.event.model == "notify.KnownAlert"
        or item.event.object_id in readable.get(item.event.model, set())
    ]
