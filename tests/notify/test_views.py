"""Pages of notifications: the list in both languages with the unread count in the navigation,
marking read, following with a form (bad input shown naming the field), the delivery log, the
feed address shown once; a fixed number of queries at any size."""

from __future__ import annotations

import pytest

from marsad.notify.models import Delivery, Event, Notification, Subscription
from marsad.notify.services import subscription_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, analyst):
    client.force_login(analyst)
    return client


def _notify(user, n):
    for index in range(n):
        event = Event.objects.create(kind="document", model="core.Document", object_id=str(index))
        Notification.objects.create(
            recipient=user,
            event=event,
            title_ar=f"وثيقة جديدة {index}",
            title_en=f"New document {index}",
            link=f"/documents/{index}/",
            in_app=True,
        )


def test_pages_need_a_login(client):
    for path in ("/notifications/", "/notifications/subscriptions/"):
        answer = client.get(path)
        assert answer.status_code == 302
        assert "/login/" in answer["Location"]


def test_the_list_and_the_count_in_both_languages(signed_in, analyst, make_document, system):
    document = make_document()
    event = Event.objects.create(kind="document", model="core.Document", object_id=str(document.pk))
    Notification.objects.create(
        recipient=analyst,
        event=event,
        title_ar="وثيقة جديدة: وثيقة",
        title_en="New document: وثيقة",
        link=f"/documents/{document.pk}/",
        in_app=True,
    )
    arabic = signed_in.get("/notifications/").content.decode()
    assert 'id="unread-count"' in arabic
    assert "وثيقة جديدة: وثيقة" in arabic
    assert f'href="/documents/{document.pk}/"' in arabic
    english = signed_in.get("/en/notifications/").content.decode()
    assert "New document: وثيقة" in english
    assert f'href="/en/documents/{document.pk}/"' in english
    signed_in.post(f"/en/notifications/{Notification.objects.get().pk}/read/")
    assert 'id="unread-count"' not in signed_in.get("/en/notifications/").content.decode()


def test_a_notification_of_an_unreadable_record_is_not_shown(signed_in, analyst):
    _notify(analyst, 1)  # document 0 does not exist: nothing the analyst may read
    page = signed_in.get("/en/notifications/").content.decode()
    assert "New document 0" not in page


@pytest.mark.parametrize("size", [3, 30])
def test_the_list_page_takes_the_same_queries_at_any_size(
    signed_in, analyst, make_document, size, django_assert_num_queries
):
    documents = [make_document() for _ in range(2)]
    _notify(analyst, size)
    Event.objects.filter(object_id__in=["0", "1"]).update(object_id=str(documents[0].pk))
    # user, page count, page, unread (page), readable documents, unread (nav, then kept); the
    # session is read from the cache
    with django_assert_num_queries(6):
        answer = signed_in.get("/en/notifications/")
    assert answer.status_code == 200


def test_following_with_the_form(signed_in, analyst):
    answer = signed_in.post(
        "/en/notifications/subscriptions/",
        {"channel": "webhook", "events": ["crossing_status"], "url": "ftp://example.org/x"},
    )
    assert answer.status_code == 422
    assert "url" in answer.content.decode()
    answer = signed_in.post(
        "/en/notifications/subscriptions/",
        {
            "channel": "webhook",
            "events": ["crossing_status", "claim"],
            "url": "https://example.org/hook",
            "secret": "a-secret-long-enough",
            "claim_type": "casualties",
        },
    )
    assert answer.status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.kinds == ["claim", "crossing_status"]
    event = Event.objects.create(kind="claim", model="core.Claim", object_id="1")
    Delivery.objects.create(
        subscription=subscription, event=event, status="retrying", attempts=2, last_status=500
    )
    page = signed_in.get("/en/notifications/subscriptions/").content.decode()
    assert "https://example.org/hook" in page
    assert "a-secret-long-enough" not in page
    assert "retrying" in page
    signed_in.post(f"/en/notifications/subscriptions/{subscription.pk}/delete/")
    assert not Subscription.objects.exists()


def test_the_feed_address_is_shown_once(signed_in, analyst):
    subscription_create(by=analyst, channel="atom", events=["document"])
    page = signed_in.post("/notifications/feed-token/", {"action": "new"}).content.decode()
    assert 'id="feed-url"' in page
    assert "/notifications/feed/" in page
    assert 'id="feed-url"' not in signed_in.get("/notifications/subscriptions/").content.decode()


def _subscriptions(user, n):
    for index in range(n):
        subscription = Subscription.objects.create(
            owner=user, channel="webhook", events="|document|", url=f"https://example.org/{index}"
        )
        event = Event.objects.create(kind="document", model="core.Document", object_id=str(index))
        Delivery.objects.create(subscription=subscription, event=event, status="delivered")


@pytest.mark.parametrize("size", [2, 20])
def test_the_subscriptions_page_takes_the_same_queries_at_any_size(
    signed_in, analyst, size, django_assert_num_queries
):
    _subscriptions(analyst, size)
    # user, subscriptions, deliveries, saved searches, unread (nav, then kept); the session is
    # read from the cache
    with django_assert_num_queries(5):
        answer = signed_in.get("/en/notifications/subscriptions/")
    assert answer.content.decode().count('class="list-group-item subscription"') == size
