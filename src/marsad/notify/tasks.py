"""Jobs of notifications: dispatch after a commit, one job per webhook or e-mail delivery (its
retries scheduled with exponential backoff), alert evaluation after imports, accepted claims
and plan writes, and a sweep every minute for what a stopped worker missed."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from marsad.notify import alerts, dispatch


@db_task()
def dispatch_events() -> int:
    """Dispatch every event not yet dispatched."""
    return dispatch.dispatch_pending()


@db_task()
def deliver(delivery_id: int) -> str | None:
    """One attempt at one webhook or e-mail delivery."""
    return dispatch.deliver(delivery_id)


@db_task()
def evaluate_alerts(kind: str) -> int:
    """New spikes or deadlocks become events, then are dispatched."""
    created = alerts.evaluate(kind)
    if created:
        dispatch.dispatch_pending()
    return len(created)


@db_task()
def withdraw_notifications(label: str, object_id: str) -> int:
    """A record's marking changed: withdraw notifications its recipients may no longer read."""
    return dispatch.withdraw(label, object_id)


@db_periodic_task(crontab(minute="*"))
def sweep() -> None:
    """Every minute: events left undispatched and overdue retries (the worker was down)."""
    dispatch.sweep()
