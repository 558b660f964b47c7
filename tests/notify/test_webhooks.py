"""Webhooks: a local HTTP server receives a signed delivery when a crossing closes; a target
that answers 500 or times out is retried with backoff, logged, disabled after repeated failures,
and never holds up the request that caused the event."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import timedelta

import pytest
from huey.contrib.djhuey import HUEY

from marsad.access import services as access
from marsad.notify import dispatch, tasks
from marsad.notify.models import Delivery, DeliveryStatus, Subscription
from marsad.notify.services import subscription_create
from tests.notify.conftest import SECRET

pytestmark = pytest.mark.django_db


def _hook(user, receiver, events=("crossing_status",)):
    return subscription_create(
        by=user,
        channel="webhook",
        url=receiver.url,
        secret=SECRET,
        events=list(events),
        language="en",
    )


@pytest.fixture
def opened(system, crossings):
    """Kerem Shalom open since 1 November (before anyone follows it)."""
    return access.record_status(
        by=system, crossing="CROSSING-KEREM-SHALOM", state="open", on="2025-11-01"
    )


def _close(system, capture, crossing="CROSSING-KEREM-SHALOM", marking="public", nations=()):
    with capture(execute=True):
        return access.record_status(
            by=system,
            crossing=crossing,
            state="closed",
            on="2025-11-20",
            reason_en="security incident",
            marking=marking,
            releasable_to=nations,
        )


def test_a_crossing_closure_reaches_a_local_server_signed(
    system, opened, analyst, receiver, django_capture_on_commit_callbacks
):
    subscription = _hook(analyst, receiver)
    step = _close(system, django_capture_on_commit_callbacks)

    assert len(receiver.received) == 1
    got = receiver.received[0]
    expected = hmac.new(SECRET.encode(), got["body"], hashlib.sha256).hexdigest()
    assert got["headers"]["X-Marsad-Signature"] == f"sha256={expected}"
    assert got["headers"]["X-Marsad-Event"] == "crossing_status"
    body = json.loads(got["body"])
    delivery = Delivery.objects.get(subscription=subscription)
    assert got["headers"]["X-Marsad-Delivery"] == str(delivery.pk) == str(body["delivery"])
    assert body["event"] == "crossing_status"
    assert body["record"] == {
        "type": "access.AccessStatus",
        "id": str(step.pk),
        "url": "http://127.0.0.1:8000/en/access/crossings/CROSSING-KEREM-SHALOM/",
    }
    assert body["summary"]["state"] == "closed"
    assert body["summary"]["previous_state"] == "open"
    assert body["summary"]["crossing"] == "CROSSING-KEREM-SHALOM"
    assert "closed (was open)" in body["title"]
    assert (delivery.status, delivery.attempts, delivery.last_status) == ("delivered", 1, 200)


def test_the_secret_is_sealed_at_rest(analyst, receiver, states):
    subscription = _hook(analyst, receiver)
    assert SECRET not in subscription.sealed_secret
    assert SECRET not in json.dumps(
        Subscription.objects.filter(pk=subscription.pk).values()[0], default=str
    )


def test_a_failing_target_is_retried_with_backoff_then_disabled(
    system, opened, analyst, receiver, django_capture_on_commit_callbacks
):
    receiver.status = 500
    subscription = _hook(analyst, receiver)
    _close(system, django_capture_on_commit_callbacks)
    delivery = Delivery.objects.get(subscription=subscription)
    assert (delivery.status, delivery.attempts, delivery.last_status) == ("retrying", 1, 500)
    for _attempt in range(dispatch.MAX_ATTEMPTS - 1):
        tasks.deliver.call_local(delivery.pk)  # the retry the queue holds, run now
        delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == dispatch.MAX_ATTEMPTS
    assert [entry["status"] for entry in delivery.log] == [500] * dispatch.MAX_ATTEMPTS
    assert len(receiver.received) == dispatch.MAX_ATTEMPTS
    subscription.refresh_from_db()
    assert subscription.active  # six failures in a row: not yet eight
    assert subscription.consecutive_failures == dispatch.MAX_ATTEMPTS

    # Two more failures in a row (a new event) disable the subscription.
    with django_capture_on_commit_callbacks(execute=True):
        access.record_status(
            by=system, crossing="CROSSING-KEREM-SHALOM", state="reopened", on="2025-11-25"
        )
    second = Delivery.objects.exclude(pk=delivery.pk).get(subscription=subscription)
    tasks.deliver.call_local(second.pk)
    subscription.refresh_from_db()
    second.refresh_from_db()
    assert not subscription.active
    assert subscription.disabled_at is not None
    assert second.status == DeliveryStatus.FAILED


def test_the_backoff_doubles(system, opened, analyst, receiver, django_capture_on_commit_callbacks):
    receiver.status = 500
    subscription = _hook(analyst, receiver)
    _close(system, django_capture_on_commit_callbacks)
    delivery = Delivery.objects.get(subscription=subscription)
    gaps = []
    for _attempt in range(3):
        attempted = delivery.log[-1]["at"]
        gaps.append(delivery.next_attempt.isoformat() > attempted)
        waited = (delivery.next_attempt - _parse(attempted)).total_seconds()
        gaps.append(round(waited))
        tasks.deliver.call_local(delivery.pk)
        delivery.refresh_from_db()
    assert gaps == [True, 30, True, 60, True, 120]
    # The retry was scheduled in the job queue, with its delay.
    assert HUEY.scheduled_count() >= 1


def _parse(text):
    from datetime import datetime

    return datetime.fromisoformat(text)


def test_a_target_that_times_out_is_logged(
    system, opened, analyst, receiver, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(dispatch, "TIMEOUT", 0.3)
    receiver.delay = 1.5
    subscription = _hook(analyst, receiver)
    _close(system, django_capture_on_commit_callbacks)
    delivery = Delivery.objects.get(subscription=subscription)
    assert delivery.status == "retrying"
    assert delivery.last_status is None
    assert "timed out" in delivery.last_error
    assert delivery.next_attempt > delivery.created + timedelta(seconds=20)


def test_the_request_returns_before_any_delivery_runs(
    system, opened, analyst, receiver, client, bearer, django_capture_on_commit_callbacks
):
    """With jobs queued (not run at once), the API request that closes the crossing answers
    while the target is still untouched; running the queued jobs then delivers."""
    receiver.status = 500
    _hook(analyst, receiver)
    headers = bearer(analyst)
    HUEY.immediate = False
    try:
        with django_capture_on_commit_callbacks(execute=True):
            answer = client.post(
                "/api/v1/access/statuses",
                {"crossing": "CROSSING-KEREM-SHALOM", "state": "closed", "on": "2025-11-20"},
                content_type="application/json",
                **headers,
            )
        assert answer.status_code == 201, answer.content
        assert receiver.received == []
        queued = []
        while (task := HUEY.dequeue()) is not None:
            queued.append(task)
    finally:
        HUEY.immediate = True
    assert [t.name.rsplit(".", 1)[-1] for t in queued] == ["dispatch_events"]
    with django_capture_on_commit_callbacks(execute=True):
        for task in queued:  # now run at once (and the jobs they start)
            HUEY.execute(task)
    assert len(receiver.received) == 1
    assert Delivery.objects.get().status == "retrying"
