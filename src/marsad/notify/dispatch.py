"""From events to recipients. For each event not yet dispatched, each active subscription whose
events and filters match is served, and only if its owner (read again now, and active) may read
the record now: a notification row for the app and the feed, a delivery for a webhook or an
e-mail, which a job of its own sends (and retries with exponential backoff), so that no slow or
broken target ever holds up the write that caused the event."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import urllib.error
import urllib.request
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from marsad.notify import kinds, sealing, selectors
from marsad.notify.alerts import Evaluations
from marsad.notify.messages import Message, message
from marsad.notify.models import (
    Channel,
    Delivery,
    DeliveryStatus,
    Event,
    Notification,
    Subscription,
)

log = logging.getLogger(__name__)

TIMEOUT = 5  # seconds a webhook target has to answer
MAX_ATTEMPTS = 6  # attempts of one delivery: after 30 s, 1, 2, 4 and 8 min
BASE_DELAY = 30  # seconds before the first retry; doubled at each
MAX_FAILURES = 8  # failures in a row (across deliveries) that disable a subscription
LEASE = timedelta(minutes=10)  # how long a worker holds a delivery it is sending
LATE = timedelta(minutes=2)  # an event or retry this late was missed (the worker was down)


def matches(subscription: Subscription, found: Message, reader: Any) -> bool:
    """The subscription's filters: claim type, actor and governorate for claims; a saved search
    of documents, run for the reader, for documents."""
    record = found.record
    kind = found.kind
    if kind == kinds.CLAIM:
        if subscription.claim_type and record.type != subscription.claim_type:
            return False
        if subscription.actor:
            named = {a.key for a in record.actors.all()} | {a.key for a in record.recipients.all()}
            if record.target_id:
                named.add(record.target.key)
            if subscription.actor not in named:
                return False
        if subscription.pcode and record.where_pcode != subscription.pcode:
            return False
    if kind == kinds.DOCUMENT and subscription.saved_search_id:
        return selectors.document_matches(reader, subscription.saved_search, record.pk)
    return True


def _message(event: Event, reader: Any, cache: Evaluations) -> Message | None:
    found = message(event, reader, cache)
    if found is not None:
        found.kind = event.kind
    return found


def dispatch_event(event: Event, cache: Evaluations) -> list[int]:
    """Serve one event's subscribers; return the deliveries to send once committed."""
    subscriptions = Subscription.objects.filter(
        active=True, owner__is_active=True, events__contains=f"|{event.kind}|"
    ).select_related("owner", "saved_search")
    per_owner: dict[int, Message | None] = {}
    to_send = []
    for subscription in subscriptions:
        owner = subscription.owner
        if owner.pk not in per_owner:
            per_owner[owner.pk] = _message(event, owner, cache)
        found = per_owner[owner.pk]
        if found is None or not matches(subscription, found, owner):
            continue
        if subscription.channel in (Channel.APP, Channel.ATOM):
            notification, _created = Notification.objects.get_or_create(
                recipient=owner,
                event=event,
                defaults={
                    "title_ar": found.title("ar"),
                    "title_en": found.title("en"),
                    "link": found.path("ar"),
                    "created": event.created,
                },
            )
            flag = "in_app" if subscription.channel == Channel.APP else "in_feed"
            if not getattr(notification, flag):
                setattr(notification, flag, True)
                notification.save(update_fields=[flag])
                if flag == "in_app":
                    selectors.unread_changed([owner.pk])
        else:
            delivery, created = Delivery.objects.get_or_create(
                subscription=subscription, event=event
            )
            if created:
                to_send.append(delivery.pk)
    return to_send


def dispatch_pending(*, limit: int = 500, older_than: timedelta | None = None) -> int:
    """Dispatch events not yet dispatched (oldest first); each event is claimed by one worker
    with a conditional update, so two workers never serve it twice."""
    from marsad.notify import tasks

    pending = Event.objects.filter(dispatched_at__isnull=True)
    if older_than is not None:
        pending = pending.filter(created__lte=timezone.now() - older_than)
    cache = Evaluations()
    done = 0
    for event in pending.order_by("created", "id")[:limit]:
        with transaction.atomic():
            claimed = Event.objects.filter(pk=event.pk, dispatched_at__isnull=True).update(
                dispatched_at=timezone.now()
            )
            if not claimed:
                continue
            to_send = dispatch_event(event, cache)
            for pk in to_send:
                transaction.on_commit(lambda pk=pk: tasks.deliver(pk))
        done += 1
    return done


def body(delivery: Delivery, found: Message, language: str) -> bytes:
    """The JSON a webhook receives: what happened, when, to which record, and a summary of what
    the recipient may read. Its bytes are what the signature covers."""
    event = delivery.event
    payload = {
        "delivery": delivery.pk,
        "event": event.kind,
        "time": event.created.isoformat(),
        "record": {
            "type": event.model,
            "id": event.object_id,
            "url": settings.BASE_URL + found.path(language),
        },
        "title": found.title(language),
        "summary": found.summary,
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def signature(secret: str, data: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), data, hashlib.sha256).hexdigest()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not an instruction: the delivery goes only where it was told."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def post(delivery: Delivery, found: Message) -> tuple[int | None, str]:
    """POST the signed body; (HTTP status, error) with error empty on a 2xx answer."""
    subscription = delivery.subscription
    data = body(delivery, found, subscription.language)
    request = urllib.request.Request(
        subscription.url,
        data=data,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "Marsad-Webhook/1",
            "X-Marsad-Event": delivery.event.kind,
            "X-Marsad-Delivery": str(delivery.pk),
            "X-Marsad-Signature": signature(sealing.unseal(subscription.sealed_secret), data),
        },
    )
    try:
        with _opener.open(request, timeout=TIMEOUT) as answer:
            status = answer.status
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except (OSError, ValueError) as error:  # refused, unreachable, timed out, bad address
        return None, (str(getattr(error, "reason", "") or error) or type(error).__name__)[:300]
    return status, "" if 200 <= status < 300 else f"HTTP {status}"


def email(delivery: Delivery, found: Message) -> tuple[None, str]:
    """Send the message by e-mail in the subscription's language; (None, error)."""
    subscription = delivery.subscription
    language = subscription.language
    address = subscription.owner.email
    if not address:
        return None, "the recipient has no e-mail address"
    from django.utils import translation
    from django.utils.translation import gettext as _

    with translation.override(language):
        link = settings.BASE_URL + found.path(language)
        manage = settings.BASE_URL + _subscriptions_path()
        text = "\n\n".join(
            [
                found.title(language),
                link,
                _("You receive this because you follow these events in Marsad: %(url)s")
                % {"url": manage},
            ]
        )
    try:
        send_mail(f"[Marsad] {found.title(language)}", text, None, [address])
    except Exception as error:  # noqa: BLE001 - any failure of the mail server is logged
        return None, f"{type(error).__name__}: {error}"[:300]
    return None, ""


def _subscriptions_path() -> str:
    from django.urls import reverse

    return reverse("notify:subscriptions")


def _claim(delivery_id: int) -> Delivery | None:
    """Take a delivery that is due for this worker (conditional update: one worker sends it)."""
    delivery = (
        Delivery.objects.select_related(
            "subscription__owner", "subscription__saved_search", "event"
        )
        .filter(pk=delivery_id, status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING])
        .first()
    )
    if delivery is None:
        return None
    now = timezone.now()
    held = Delivery.objects.filter(pk=delivery.pk, next_attempt=delivery.next_attempt).update(
        next_attempt=now + LEASE
    )
    return delivery if held else None


def _finish(delivery: Delivery, status: str, **fields: Any) -> None:
    delivery.status = status
    for name, value in fields.items():
        setattr(delivery, name, value)
    delivery.save()


def deliver(delivery_id: int) -> str | None:
    """One attempt at a webhook or e-mail delivery, read and checked again now: the owner must
    still be active and able to read the record. Returns the delivery's new status."""
    from marsad.notify import tasks

    delivery = _claim(delivery_id)
    if delivery is None:
        return None
    subscription = delivery.subscription
    now = timezone.now()
    if not subscription.active:
        _finish(
            delivery, DeliveryStatus.FAILED, last_error="subscription disabled", next_attempt=None
        )
        return delivery.status
    owner = subscription.owner
    found = _message(delivery.event, owner, Evaluations()) if owner.is_active else None
    if found is None or not matches(subscription, found, owner):
        # Not readable by the recipient any more (or gone): nothing is sent, and nothing said.
        _finish(delivery, DeliveryStatus.WITHHELD, next_attempt=None)
        return delivery.status
    if subscription.channel == Channel.WEBHOOK:
        status, error = post(delivery, found)
    else:
        status, error = email(delivery, found)
    delivery.attempts += 1
    delivery.last_status = status
    delivery.last_error = error
    delivery.log = [*delivery.log, {"at": now.isoformat(), "status": status, "error": error}][-20:]
    if not error:
        _finish(delivery, DeliveryStatus.DELIVERED, delivered_at=now, next_attempt=None)
        Subscription.objects.filter(pk=subscription.pk).update(consecutive_failures=0)
        return delivery.status
    log.warning("delivery %s to subscription %s failed: %s", delivery.pk, subscription.pk, error)
    Subscription.objects.filter(pk=subscription.pk).update(
        consecutive_failures=F("consecutive_failures") + 1
    )
    subscription.refresh_from_db(fields=["consecutive_failures"])
    if subscription.consecutive_failures >= MAX_FAILURES:
        Subscription.objects.filter(pk=subscription.pk).update(active=False, disabled_at=now)
        _finish(delivery, DeliveryStatus.FAILED, next_attempt=None)
    elif delivery.attempts >= MAX_ATTEMPTS:
        _finish(delivery, DeliveryStatus.FAILED, next_attempt=None)
    else:
        delay = BASE_DELAY * 2 ** (delivery.attempts - 1)
        _finish(delivery, DeliveryStatus.RETRYING, next_attempt=now + timedelta(seconds=delay))
        tasks.deliver.schedule((delivery.pk,), delay=delay)
    return delivery.status


def withdraw(label: str, object_id: str) -> int:
    """After a record's marking changed: notifications of it whose recipients may no longer
    read it are withdrawn (no longer listed nor counted)."""
    found = Notification.objects.filter(
        event__model=label, event__object_id=str(object_id), withdrawn_at__isnull=True
    ).select_related("recipient")
    gone = [
        n
        for n in found
        if not n.recipient.is_active or selectors.record(n.recipient, label, object_id) is None
    ]
    selectors.unread_changed(n.recipient_id for n in gone)
    return Notification.objects.filter(pk__in=[n.pk for n in gone]).update(
        withdrawn_at=timezone.now()
    )


def send_due(*, late: timedelta = timedelta(0)) -> int:
    """Send deliveries waiting longer than `late` past their due time; returns how many."""
    due = Delivery.objects.filter(
        status__in=[DeliveryStatus.PENDING, DeliveryStatus.RETRYING], subscription__active=True
    )
    cutoff = timezone.now() - late
    due = due.filter(next_attempt__lte=cutoff) | due.filter(
        next_attempt__isnull=True, created__lte=cutoff
    )
    sent = 0
    for pk in list(due.values_list("pk", flat=True)[:200]):
        if deliver(pk) is not None:
            sent += 1
    return sent


def sweep() -> tuple[int, int]:
    """What a stopped worker missed: events left undispatched, and deliveries whose retry is
    overdue. Returns (events dispatched, deliveries sent)."""
    return dispatch_pending(older_than=LATE), send_due(late=LATE)
