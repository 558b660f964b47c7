"""Derived alerts: spikes of violence (the ceasefire summary's alerts) and deadlocks of the
plan's sequencing. They are no record of their own: they are computed from what a reader may
read, so each is computed once per class of readers who follow it (readers of one role and
nation read the same records) and announced once, when first seen by any of them. Delivery
computes them again for the recipient: a spike or a deadlock only another class sees is not
delivered."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from marsad.ceasefire.summary import summarize
from marsad.notify.kinds import PLAN_DEADLOCK, SPIKE_ALERT
from marsad.notify.models import Event, KnownAlert, Subscription
from marsad.notify.selectors import reader_class
from marsad.plan.selectors import plans
from marsad.plan.sequencing import analyse_plan

KNOWN_ALERT = "notify.KnownAlert"


@dataclass(frozen=True)
class Alert:
    """What a reader's evaluation says of one alert (no text: titles are written per language
    at delivery)."""

    key: str
    detail: dict[str, Any]


def spikes(reader: Any) -> dict[str, Alert]:
    """The spike days of the ceasefire summary `reader` reads: new deaths and incidents."""
    found = summarize(reader)
    alerts = {}
    for series, items in (("deaths", found.alerts), ("incidents", found.incident_alerts)):
        for item in items:
            key = f"{series}:{item.day.isoformat()}"
            alerts[key] = Alert(
                key,
                {
                    "series": series,
                    "day": item.day.isoformat(),
                    "value": item.value,
                    "baseline": item.baseline,
                },
            )
    return alerts


def deadlocks(reader: Any) -> dict[str, Alert]:
    """The deadlocks of every plan `reader` reads, each keyed by its plan and points."""
    alerts = {}
    for plan in plans(reader):
        sequencing = analyse_plan(reader, plan)
        for deadlock in sequencing.analysis.deadlocks:
            points = sorted(sequencing.provisions[node].number for node in deadlock.provisions)
            key = f"{plan.actor.key}:{'-'.join(str(n) for n in points)}"
            alerts[key] = Alert(
                key, {"plan": plan.actor.key, "points": points, "parties": list(deadlock.parties)}
            )
    return alerts


EVALUATORS = {SPIKE_ALERT: spikes, PLAN_DEADLOCK: deadlocks}


class Evaluations:
    """Derived alerts per class of readers, computed once per dispatch run."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, tuple[str, str]], dict[str, Alert]] = {}

    def of(self, kind: str, reader: Any) -> dict[str, Alert]:
        token = (kind, reader_class(reader))
        if token not in self._found:
            self._found[token] = EVALUATORS[kind](reader)
        return self._found[token]


def followers(kind: str) -> list[Any]:
    """One active user of each class of readers with an active subscription to `kind`."""
    owners = get_user_model().objects.filter(
        is_active=True, subscriptions__active=True, subscriptions__events__contains=f"|{kind}|"
    )
    seen: dict[tuple[str, str], Any] = {}
    for owner in owners.distinct().order_by("pk"):
        seen.setdefault(reader_class(owner), owner)
    return list(seen.values())


@transaction.atomic
def evaluate(kind: str) -> list[Event]:
    """Compare `kind`'s alerts, as each class of followers reads them, with those known: new
    ones become events, those nobody sees any more are marked resolved."""
    if not Subscription.objects.filter(active=True, events__contains=f"|{kind}|").exists():
        return []
    current: dict[str, Alert] = {}
    for reader in followers(kind):
        current.update(EVALUATORS[kind](reader))
    known = {k.key: k for k in KnownAlert.objects.select_for_update().filter(kind=kind)}
    now = timezone.now()
    created = []
    for key, alert in sorted(current.items()):
        stored = known.get(key)
        if stored is not None and stored.resolved_at is None:
            continue
        if stored is None:
            stored = KnownAlert.objects.create(kind=kind, key=key, first_seen=now)
        else:
            stored.resolved_at = None
            stored.save(update_fields=["resolved_at"])
        created.append(
            Event.objects.create(
                kind=kind, model=KNOWN_ALERT, object_id=str(stored.pk), detail=alert.detail
            )
        )
    gone = [k.pk for key, k in known.items() if key not in current and k.resolved_at is None]
    KnownAlert.objects.filter(pk__in=gone).update(resolved_at=now)
    return created
