"""The gate's writes, turned into events. Runs inside the writer's transaction: the outbox rows
it writes are kept or rolled back with the write, and the jobs it starts (dispatch, alert
evaluation, withdrawal) are handed to the job system once the transaction commits, so that no
delivery, slow or failing, ever runs in the request that caused it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

from marsad.core.events import Written
from marsad.notify import kinds
from marsad.notify.models import Event, Subscription

ACCEPTED = "accepted"
# Plan records whose writes may make or break a deadlock.
PLAN_MODELS = frozenset({"plan.Plan", "plan.Provision", "plan.Precondition"})
# Records whose events a notification may name (a change of marking re-checks its readers).
NOTIFIED_MODELS = frozenset(
    {"access.AccessStatus", "plan.ScoreChange", "core.Claim", "core.Document", kinds.REPORT_MODEL}
)


def _tasks() -> Any:
    """The jobs' module, imported when a job is first queued: it brings the alerts' analyses
    (the plan graph, networkx), which a write that queues nothing, such as a batch of an
    ingest, does not need."""
    from marsad.notify import tasks

    return tasks


def _once_on_commit(key: str, job: Callable[[], Any]) -> None:
    """Run `job` after the commit, once per transaction however many writes ask for it (an
    import writes many batches). A key counts as pending while its callback waits in the
    connection's list, which a rollback empties."""
    connection = transaction.get_connection()
    pending: set[str] = connection.__dict__.setdefault("notify_pending", set())
    waiting = any(getattr(f, "notify_key", None) == key for _s, f, *_r in connection.run_on_commit)
    if key in pending and waiting:
        return

    def run() -> None:
        pending.discard(key)
        job()

    run.notify_key = key  # type: ignore[attr-defined]
    pending.add(key)
    transaction.on_commit(run)


def _accepted(written: Written, record: Any) -> bool:
    """A claim accepted by this write: created accepted, or reviewed from another state."""
    if record.review_state != ACCEPTED:
        return False
    if written.action in ("create", "import"):
        return True
    return written.before is not None and written.before.get("review_state") != ACCEPTED


def _kind_of(label: str, written: Written, record: Any) -> str | None:
    new = written.action in ("create", "import")
    if label == "access.AccessStatus" and new and not record.expected:
        return kinds.CROSSING_STATUS if record.crossing_id else kinds.CORRIDOR_STATUS
    if label == "plan.ScoreChange" and new:
        return kinds.PLAN_SCORE
    if label == "core.Document" and new:
        return kinds.DOCUMENT
    if label == "core.Claim" and _accepted(written, record):
        return kinds.CLAIM
    if label == kinds.REPORT_MODEL and new:
        return kinds.REPORT_ISSUED
    return None


def _narrowed(written: Written, record: Any) -> bool:
    before = written.before
    return (
        before is not None
        and written.action not in ("create", "delete")
        and (before.get("marking"), before.get("releasable_to"))
        != (getattr(record, "marking", None), getattr(record, "releasable_to", None))
    )


def on_write(written: Written) -> None:
    """Called by the gate after every write (see `NotifyConfig.ready`)."""
    label = written.model._meta.label
    found: list[Event] = []
    followed: dict[str, bool] = {}
    claims_accepted = False
    for record in written.records:
        kind = _kind_of(label, written, record)
        if kind is None:
            continue
        claims_accepted |= kind == kinds.CLAIM
        if kind not in followed:
            # No follower now, no event: a subscription made later does not receive the past.
            followed[kind] = Subscription.objects.filter(
                active=True, events__contains=f"|{kind}|"
            ).exists()
        if followed[kind]:
            found.append(Event(kind=kind, model=label, object_id=str(record.pk)))
    if found:
        Event.objects.bulk_create(found)
        _once_on_commit("dispatch", lambda: _tasks().dispatch_events())
    if written.action == "import" or claims_accepted:
        _once_on_commit(kinds.SPIKE_ALERT, lambda: _tasks().evaluate_alerts(kinds.SPIKE_ALERT))
    if label in PLAN_MODELS:
        _once_on_commit(kinds.PLAN_DEADLOCK, lambda: _tasks().evaluate_alerts(kinds.PLAN_DEADLOCK))
    if (
        label in NOTIFIED_MODELS
        and len(written.records) == 1
        and _narrowed(written, written.records[0])
    ):
        pk = str(written.records[0].pk)
        _once_on_commit(
            f"withdraw:{label}:{pk}", lambda: _tasks().withdraw_notifications(label, pk)
        )
