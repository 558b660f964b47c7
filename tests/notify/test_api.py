"""The API of notifications: bad input refused naming the field, each owner's own only, the
secret never shown, the list with its unread count in a fixed number of queries."""

from __future__ import annotations

import pytest

from marsad.notify.models import Delivery, Event, Notification, Subscription
from marsad.notify.services import subscription_create

pytestmark = pytest.mark.django_db
JSON = "application/json"


def _post(client, path, body, headers):
    return client.post(path, body, content_type=JSON, **headers)


@pytest.mark.parametrize(
    ("body", "field", "value"),
    [
        (
            {
                "channel": "webhook",
                "events": ["crossing_status"],
                "url": "ftp://x.org/h",
                "secret": "s" * 20,
            },
            "url",
            "ftp://x.org/h",
        ),
        (
            {
                "channel": "webhook",
                "events": ["crossing_status"],
                "url": "javascript:alert(1)",
                "secret": "s" * 20,
            },
            "url",
            "javascript:alert(1)",
        ),
        (
            {
                "channel": "webhook",
                "events": ["crossing_closed"],
                "url": "https://x.org/h",
                "secret": "s" * 20,
            },
            "events",
            "crossing_closed",
        ),
        (
            {
                "channel": "webhook",
                "events": ["crossing_status"],
                "url": "https://x.org/h",
                "secret": "short",
            },
            "secret",
            "(hidden)",
        ),
        ({"channel": "pigeon", "events": ["crossing_status"]}, "channel", "pigeon"),
        ({"channel": "app", "events": []}, "events", []),
        ({"channel": "app", "events": ["claim"], "claim_type": "rumour"}, "claim_type", "rumour"),
        ({"channel": "app", "events": ["claim"], "pcode": "PS99"}, "pcode", "PS99"),
        ({"channel": "app", "events": ["claim"], "actor": "NOBODY"}, "actor", "NOBODY"),
        (
            {"channel": "app", "events": ["document"], "claim_type": "casualties"},
            "claim_type",
            "casualties",
        ),
        ({"channel": "app", "events": ["claim"], "language": "fr"}, "language", "fr"),
    ],
)
def test_bad_input_is_refused_naming_the_field(client, analyst, bearer, body, field, value):
    answer = _post(client, "/api/v1/subscriptions", body, bearer(analyst))
    assert answer.status_code == 422, answer.content
    errors = answer.json()["errors"]
    assert [(e["field"], e["value"]) for e in errors] == [(field, value)]
    assert not Subscription.objects.exists()


def test_a_webhook_secret_is_never_shown_back(client, analyst, bearer):
    headers = bearer(analyst)
    secret = "a-long-webhook-secret-here"
    body = {
        "channel": "webhook",
        "events": ["crossing_status"],
        "url": "https://example.org/h",
        "secret": secret,
    }
    answer = _post(client, "/api/v1/subscriptions", body, headers)
    assert answer.status_code == 201, answer.content
    assert secret not in answer.content.decode()
    assert answer.json()["events"] == ["crossing_status"]
    listed = client.get("/api/v1/subscriptions", **headers)
    assert secret not in listed.content.decode()
    assert listed.json()["count"] == 1


def test_only_the_owner_sees_and_changes_a_subscription(client, analyst, liaison_ita, bearer):
    mine = subscription_create(by=analyst, channel="app", events=["document"])
    other = bearer(liaison_ita)
    assert client.get("/api/v1/subscriptions", **other).json()["count"] == 0
    assert client.get(f"/api/v1/subscriptions/{mine.pk}/deliveries", **other).status_code == 404
    assert client.delete(f"/api/v1/subscriptions/{mine.pk}", **other).status_code == 404
    assert Subscription.objects.filter(pk=mine.pk).exists()
    assert client.delete(f"/api/v1/subscriptions/{mine.pk}", **bearer(analyst)).status_code == 204
    assert not Subscription.objects.filter(pk=mine.pk).exists()


def test_anonymous_readers_have_no_notifications(client):
    assert client.get("/api/v1/notifications").status_code == 403
    assert client.post("/api/v1/subscriptions", {}, content_type=JSON).status_code in (403, 422)


def _notify(user, n):
    for index in range(n):
        event = Event.objects.create(kind="document", model="core.Document", object_id=str(index))
        Notification.objects.create(
            recipient=user,
            event=event,
            title_ar=f"وثيقة {index}",
            title_en=f"Doc {index}",
            in_app=True,
        )


def test_the_list_counts_unread_and_marks_read(client, analyst, liaison_ita, bearer):
    _notify(analyst, 3)
    _notify(liaison_ita, 2)
    headers = bearer(analyst)
    listed = client.get("/api/v1/notifications", **headers).json()
    assert (listed["count"], listed["unread"]) == (3, 3)
    first = listed["items"][0]["id"]
    assert client.post(f"/api/v1/notifications/{first}/read", **headers).json()["read_at"]
    other = Notification.objects.filter(recipient=liaison_ita).first()
    assert client.post(f"/api/v1/notifications/{other.pk}/read", **headers).status_code == 404
    listed = client.get("/api/v1/notifications", **headers).json()
    assert listed["unread"] == 2
    assert listed["items"][-1]["id"] == first  # unread first
    assert client.post("/api/v1/notifications/read-all", **headers).json() == {"marked": 2}
    assert client.get("/api/v1/notifications", **headers).json()["unread"] == 0


@pytest.mark.parametrize("size", [3, 30])
def test_the_list_takes_the_same_queries_at_any_size(
    client, analyst, bearer, size, django_assert_num_queries
):
    headers = bearer(analyst)
    _notify(analyst, size)
    client.get("/api/v1/notifications", **headers)  # the token's first use is written once
    # token, count, unread, page (events joined)
    with django_assert_num_queries(4):
        answer = client.get("/api/v1/notifications", **headers)
    assert len(answer.json()["items"]) == size


def test_a_feed_token_is_issued_and_revoked(client, analyst, bearer):
    headers = bearer(analyst)
    first = client.post("/api/v1/feed-token", **headers)
    assert first.status_code == 201
    assert first.json()["url"].endswith(f"/notifications/feed/{first.json()['token']}.atom")
    second = client.post("/api/v1/feed-token", **headers).json()
    assert client.get(f"/notifications/feed/{first.json()['token']}.atom").status_code == 404
    assert client.get(f"/notifications/feed/{second['token']}.atom").status_code == 200
    assert client.delete("/api/v1/feed-token", **headers).json() == {"revoked": 1}
    assert client.get(f"/notifications/feed/{second['token']}.atom").status_code == 404


@pytest.mark.parametrize("size", [2, 20])
def test_subscriptions_and_deliveries_take_the_same_queries_at_any_size(
    client, analyst, bearer, size, django_assert_num_queries
):
    headers = bearer(analyst)
    first = None
    for index in range(size):
        subscription = Subscription.objects.create(
            owner=analyst, channel="app", events="|document|claim|"
        )
        first = first or subscription
        event = Event.objects.create(kind="document", model="core.Document", object_id=str(index))
        Delivery.objects.create(subscription=first, event=event, status="delivered")
    client.get("/api/v1/subscriptions", **headers)  # the token's first use is written once
    # token, count, page
    with django_assert_num_queries(3):
        answer = client.get("/api/v1/subscriptions?page_size=100", **headers)
    assert answer.json()["count"] == size
    # token, the subscription, count, page (events joined)
    with django_assert_num_queries(4):
        answer = client.get(f"/api/v1/subscriptions/{first.pk}/deliveries?page_size=100", **headers)
    assert answer.json()["count"] == size
