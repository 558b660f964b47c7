"""Writes of notifications. Subscriptions and feed tokens go through the write gate: who asked
for which events to go where (an address outside Marsad, perhaps) is a security event, kept in
the audit chain. Notifications and deliveries are per-user bookkeeping written by the jobs: they
hold nothing a record does not (titles written for their one reader), and a read mark or an
attempt logged would flood the audit chain with entries that say nothing about the record."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.models import SavedSearch
from marsad.core.services import gate, lookups
from marsad.core.services.base import lock_writes
from marsad.extraction.contract import CLAIM_TYPES
from marsad.geo.governorates import governorate_geometries
from marsad.notify import kinds, sealing, selectors
from marsad.notify.models import (
    Channel,
    FeedToken,
    Notification,
    Subscription,
    encode_kinds,
    hash_feed_token,
)
from marsad.notify.selectors import subscription as owned_subscription

MIN_SECRET = 16  # characters of a webhook secret: enough to resist guessing the signature


def _require_user(by: Any) -> None:
    if not getattr(by, "is_authenticated", False) or not getattr(by, "pk", None):
        raise NotAllowed("log in (or send an API token) to follow events")


def _events(values: Any) -> list[str]:
    if isinstance(values, str):
        values = [v for v in values.replace(",", " ").split() if v]
    chosen = list(dict.fromkeys(values or []))
    if not chosen:
        raise InvalidInput.one("events", [], "choose at least one event")
    for value in chosen:
        if value not in kinds.KINDS:
            raise InvalidInput.one(
                "events", value, "is not an event: one of " + ", ".join(kinds.KINDS)
            )
    return chosen


def _webhook(channel: str, url: str, secret: str) -> tuple[str, str]:
    """(address, sealed secret) of a webhook; both must be empty for other channels."""
    url, secret = (url or "").strip(), secret or ""
    if channel != Channel.WEBHOOK:
        if url:
            raise InvalidInput.one("url", url, "only a webhook has an address")
        if secret:
            raise InvalidInput.one("secret", "(hidden)", "only a webhook has a secret")
        return "", ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidInput.one("url", url, "must be an http:// or https:// address")
    if len(url) > 500:
        raise InvalidInput.one("url", url[:60] + "…", "is longer than 500 characters")
    if len(secret) < MIN_SECRET:
        # The secret itself is never echoed back, not even in a refusal.
        raise InvalidInput.one(
            "secret", "(hidden)", f"a webhook needs a secret of at least {MIN_SECRET} characters"
        )
    return url, sealing.seal(secret)


def _filters(by: Any, chosen: list[str], claim_type: str, actor: str, pcode: str) -> dict[str, str]:
    found = {"claim_type": "", "actor": "", "pcode": ""}
    given = {"claim_type": claim_type, "actor": actor, "pcode": pcode}
    for field, value in given.items():
        if value and kinds.CLAIM not in chosen:
            raise InvalidInput.one(field, value, "filters claims: follow the event 'claim' too")
    if claim_type:
        if claim_type not in CLAIM_TYPES:
            raise InvalidInput.one(
                "claim_type", claim_type, "must be one of " + ", ".join(CLAIM_TYPES)
            )
        found["claim_type"] = claim_type
    if actor:
        found["actor"] = lookups.actor(by, actor.strip().upper(), "actor").key
    if pcode:
        known = sorted(governorate_geometries())
        if pcode.strip().upper() not in known:
            raise InvalidInput.one(
                "pcode", pcode, "must be a governorate P-code: " + ", ".join(known)
            )
        found["pcode"] = pcode.strip().upper()
    return found


def _saved_search(by: Any, chosen: list[str], value: Any) -> SavedSearch | None:
    if value in (None, "", 0):
        return None
    if kinds.DOCUMENT not in chosen:
        raise InvalidInput.one("saved_search", value, "selects documents: follow 'document' too")
    found = (
        SavedSearch.objects.filter(owner=by, list_name="documents", pk=str(value)).first()
        if str(value).isdigit()
        else None
    )
    if found is None:
        raise InvalidInput.one("saved_search", value, "no saved search of documents of yours")
    return found


@transaction.atomic
def subscription_create(
    *,
    by: Any,
    channel: str,
    events: Iterable[str] | str,
    language: str = "ar",
    claim_type: str = "",
    actor: str = "",
    pcode: str = "",
    saved_search: Any = None,
    url: str = "",
    secret: str = "",
) -> Subscription:
    """Follow `events` on a channel (app, atom, webhook, email), optionally filtered."""
    _require_user(by)
    if channel not in Channel.values:
        raise InvalidInput.one("channel", channel, "must be one of " + ", ".join(Channel.values))
    if language not in ("ar", "en"):
        raise InvalidInput.one("language", language, "must be ar or en")
    chosen = _events(events)
    address, sealed = _webhook(channel, url, secret)
    if channel == Channel.EMAIL and not by.email:
        raise InvalidInput.one("channel", channel, "your account has no e-mail address")
    subscription = Subscription(
        owner=by,
        channel=channel,
        events=encode_kinds(chosen),
        language=language,
        saved_search=_saved_search(by, chosen, saved_search),
        url=address,
        sealed_secret=sealed,
        **_filters(by, chosen, claim_type or "", actor or "", pcode or ""),
    )
    return gate.store(subscription, by=by)


@transaction.atomic
def subscription_delete(*, by: Any, pk: int) -> None:
    """Stop following: the subscription and its delivery log go."""
    _require_user(by)
    gate.remove(owned_subscription(by, pk), by=by)


@transaction.atomic
def feed_token_issue(*, by: Any) -> str:
    """A new secret for the user's Atom feed address (the old one stops working); shown once."""
    _require_user(by)
    lock_writes()
    feed_token_revoke(by=by)
    secret = FeedToken.new_secret()
    gate.store(FeedToken(user=by, digest=hash_feed_token(secret)), by=by)
    return secret


@transaction.atomic
def feed_token_revoke(*, by: Any) -> int:
    """Revoke the user's feed address; returns how many tokens were revoked (0 or 1)."""
    _require_user(by)
    revoked = 0
    for token in FeedToken.objects.select_for_update().filter(user=by, revoked__isnull=True):
        token.revoked = timezone.now()
        gate.store(token, by=by, action="revoke")
        revoked += 1
    return revoked


def feed_owner(secret: str) -> Any:
    """The active user whose active feed token this is, or None (unknown, revoked, inactive
    all answer alike)."""
    found = (
        FeedToken.objects.select_related("user")
        .filter(digest=hash_feed_token(secret), revoked__isnull=True)
        .first()
    )
    return found.user if found is not None and found.user.is_active else None


def notification_read(*, by: Any, pk: int) -> Notification:
    _require_user(by)
    found = Notification.objects.get(recipient=by, pk=pk)
    if found.read_at is None:
        found.read_at = timezone.now()
        found.save(update_fields=["read_at"])
        selectors.unread_changed([by.pk])
    return found


def notifications_read_all(*, by: Any) -> int:
    _require_user(by)
    selectors.unread_changed([by.pk])
    return Notification.objects.filter(recipient=by, read_at__isnull=True).update(
        read_at=timezone.now()
    )
