"""Dispatch: each delivery is filtered by what its recipient may read when it is delivered;
claim filters (type, actor, governorate) and saved searches; e-mail through a real local SMTP
server; notifications withdrawn when their record is narrowed away."""

from __future__ import annotations

import socket

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.test import override_settings

from marsad.access import services as access
from marsad.core.services import gate
from marsad.core.services.claims import record_claim, review_claim
from marsad.notify import dispatch, selectors
from marsad.notify.models import Delivery, Event, Notification
from marsad.notify.services import subscription_create

pytestmark = pytest.mark.django_db

KS = "CROSSING-KEREM-SHALOM"
TEXT = "أعلنت وزارة الصحة في غزة مقتل ١٢ شخصاً في غارات على خان يونس، وفق مصادر مطلعة."


@pytest.fixture
def opened(system, crossings):
    return access.record_status(by=system, crossing=KS, state="open", on="2025-11-01")


def _follow(user, events, channel="app", **filters):
    return subscription_create(by=user, channel=channel, events=events, **filters)


def test_an_event_released_to_ita_reaches_only_the_ita_liaison(
    system, opened, liaison_ita, liaison_fra, django_capture_on_commit_callbacks
):
    for user in (liaison_ita, liaison_fra):
        _follow(user, ["crossing_status"])
    with django_capture_on_commit_callbacks(execute=True):
        access.record_status(
            by=system,
            crossing=KS,
            state="closed",
            on="2025-11-20",
            marking="nations",
            releasable_to=["ITA"],
        )
    assert selectors.unread_count(liaison_ita) == 1
    assert selectors.unread_count(liaison_fra) == 0
    assert not Notification.objects.filter(recipient=liaison_fra).exists()
    mine = selectors.notifications(liaison_ita).get()
    assert mine.title_en.startswith("Kerem Shalom crossing: closed (was open)")
    assert "مغلق" in mine.title_ar
    assert mine.link == "/access/crossings/CROSSING-KEREM-SHALOM/"


def test_a_record_narrowed_before_dispatch_is_not_delivered(
    system, opened, liaison_ita, liaison_fra, django_capture_on_commit_callbacks
):
    for user in (liaison_ita, liaison_fra):
        _follow(user, ["crossing_status"])
    # Written while the worker is down: the event waits in the outbox.
    step = access.record_status(by=system, crossing=KS, state="closed", on="2025-11-20")
    assert Event.objects.filter(dispatched_at__isnull=True).count() == 1
    with django_capture_on_commit_callbacks(execute=False):
        gate.store(step, by=system, marking="nations", releasable_to=["ITA"])
    dispatch.dispatch_pending()
    assert selectors.unread_count(liaison_ita) == 1
    assert selectors.unread_count(liaison_fra) == 0


def test_a_notification_is_withdrawn_when_its_record_is_narrowed(
    system, opened, liaison_ita, liaison_fra, django_capture_on_commit_callbacks
):
    for user in (liaison_ita, liaison_fra):
        _follow(user, ["crossing_status"])
    with django_capture_on_commit_callbacks(execute=True):
        step = access.record_status(by=system, crossing=KS, state="closed", on="2025-11-20")
    assert selectors.unread_count(liaison_fra) == 1
    with django_capture_on_commit_callbacks(execute=True):
        gate.store(step, by=system, marking="nations", releasable_to=["ITA"])
    assert selectors.unread_count(liaison_fra) == 0
    assert not selectors.notifications(liaison_fra).exists()
    assert selectors.unread_count(liaison_ita) == 1


def test_an_inactive_user_gets_nothing(
    system, opened, liaison_ita, django_capture_on_commit_callbacks
):
    _follow(liaison_ita, ["crossing_status"])
    liaison_ita.is_active = False
    liaison_ita.save()
    with django_capture_on_commit_callbacks(execute=True):
        access.record_status(by=system, crossing=KS, state="closed", on="2025-11-20")
    assert not Notification.objects.exists()


def test_nobody_following_means_no_event(system, opened):
    access.record_status(by=system, crossing=KS, state="closed", on="2025-11-20")
    assert not Event.objects.exists()


def _claim_data(**changes):
    return {
        "type": "casualties",
        "actor": [],
        "recipient": [],
        "attributes": {"population": "palestinians", "period": "day"},
        "attribution": {"source_kind": "official"},
        "figures": {"killed": {"best": 12, "text": "١٢"}},
        "evidence": [{"start": 0, "end": 40}],
        **changes,
    }


def test_claim_filters_by_type_actor_and_governorate(
    system, analyst, make_document, make_user, django_capture_on_commit_callbacks
):
    by_type = make_user("analyst", username="by-type")
    by_actor = make_user("analyst", username="by-actor")
    by_place = make_user("analyst", username="by-place")
    _follow(by_type, ["claim"], claim_type="casualties")
    _follow(by_actor, ["claim"], actor="ita")
    _follow(by_place, ["claim"], pcode="PS0270")
    document = make_document(TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        casualties = record_claim(
            by=system,
            document=document,
            data=_claim_data(where={"pcode": "PS0270"}, review_state="accepted"),
        )
        proposed = record_claim(
            by=system,
            document=document,
            data=_claim_data(
                actor=["ITA"], type="statement", attributes={"stance": "welcome"}, figures={}
            ),
        )
    assert [n.event.object_id for n in selectors.notifications(by_type)] == [str(casualties.pk)]
    assert [n.event.object_id for n in selectors.notifications(by_place)] == [str(casualties.pk)]
    assert not selectors.notifications(by_actor).exists()  # proposed: not yet an event
    with django_capture_on_commit_callbacks(execute=True):
        review_claim(by=analyst, claim=proposed, state="accepted")
    assert [n.event.object_id for n in selectors.notifications(by_actor)] == [str(proposed.pk)]
    assert selectors.notifications(by_type).count() == 1


def test_a_saved_search_selects_documents(
    system, analyst, make_document, django_capture_on_commit_callbacks
):
    from marsad.core.models import SavedSearch

    search = SavedSearch.objects.create(
        owner=analyst, name="Khan Younis", list_name="documents", query="q=%D8%AE%D8%A7%D9%86"
    )
    _follow(analyst, ["document"], saved_search=search.pk)
    with django_capture_on_commit_callbacks(execute=True):
        found = make_document("خبر عن خان يونس اليوم")
        make_document("خبر عن رفح اليوم")
    assert [n.event.object_id for n in selectors.notifications(analyst)] == [str(found.pk)]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(envelope.content)
        return "250 OK"


def test_an_email_reaches_a_local_smtp_server(
    system, opened, analyst, django_capture_on_commit_callbacks
):
    analyst.email = "analyst@example.org"
    analyst.save()
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        _follow(analyst, ["crossing_status"], channel="email", language="en")
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
        ):
            with django_capture_on_commit_callbacks(execute=True):
                access.record_status(by=system, crossing=KS, state="closed", on="2025-11-20")
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    text = inbox.messages[0].decode()
    assert "Subject: [Marsad] Kerem Shalom crossing: closed (was open) from 2025-11-20" in text
    assert "To: analyst@example.org" in text
    assert "/en/access/crossings/CROSSING-KEREM-SHALOM/" in text
    assert Delivery.objects.get().status == "delivered"


def test_an_arabic_email_is_written_in_arabic(
    system, opened, analyst, django_capture_on_commit_callbacks
):
    analyst.email = "analyst@example.org"
    analyst.save()
    _follow(analyst, ["crossing_status"], channel="email", language="ar")
    with django_capture_on_commit_callbacks(execute=True):
        access.record_status(by=system, crossing=KS, state="closed", on="2025-11-20")
    (message,) = mail.outbox
    assert "معبر كرم أبو سالم" in message.subject
    assert "تصلك هذه الرسالة" in message.body
    assert "http://127.0.0.1:8000/access/crossings/CROSSING-KEREM-SHALOM/" in message.body


def test_an_issued_report_reaches_the_followers_of_its_audience(
    system, liaison_ita, liaison_fra, django_capture_on_commit_callbacks
):
    from datetime import date

    from marsad.core.audience import Audience
    from marsad.reports.services import issue

    for user in (liaison_ita, liaison_fra):
        _follow(user, ["report_issued"])
    with django_capture_on_commit_callbacks(execute=True):
        report = issue(
            by=system,
            day=date(2026, 1, 27),
            audience=Audience("nations", ("ITA",)),
            language="en",
            fmt="html",
            content=b"<html><body>report for Italy</body></html>",
        )
    assert selectors.unread_count(liaison_ita) == 1
    assert selectors.unread_count(liaison_fra) == 0
    mine = selectors.notifications(liaison_ita).get()
    assert str(report.pk) in mine.link
