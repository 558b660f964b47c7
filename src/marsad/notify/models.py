"""Notifications: what happened (events, an outbox written with the write itself), who follows
what (subscriptions), and what reached each follower (notifications in the app and the feed,
deliveries by webhook and e-mail, each attempt logged).

An event names its record by model label and id and holds nothing of it: what a recipient is
told is read from the record when it is delivered, as far as that recipient may read it.
"""

from __future__ import annotations

import hashlib
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marsad.notify.kinds import KIND_CHOICES


def encode_kinds(kinds: list[str]) -> str:
    """Kinds stored as '|claim|document|', so that one LIKE finds a kind on any database."""
    return f"|{'|'.join(sorted(set(kinds)))}|" if kinds else ""


class Event(models.Model):
    """Something a subscriber may be told of: written in the writer's transaction (so it exists
    exactly when the write does) and dispatched by a job after the commit."""

    kind = models.CharField(_("event"), max_length=20, choices=KIND_CHOICES, db_index=True)
    model = models.CharField(_("record type"), max_length=60)
    object_id = models.CharField(_("record"), max_length=40)
    # What the event says beyond its record: the step replaced, the score before (no text).
    detail = models.JSONField(default=dict, blank=True)
    created = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    dispatched_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["created", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return f"{self.kind} {self.model}#{self.object_id}"


class Channel(models.TextChoices):
    APP = "app", _("in Marsad")
    ATOM = "atom", _("Atom feed")
    WEBHOOK = "webhook", _("webhook")
    EMAIL = "email", _("e-mail")


class Subscription(models.Model):
    owner = models.ForeignKey(
        "core.User", models.CASCADE, related_name="subscriptions", verbose_name=_("owner")
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    events = models.CharField(_("events"), max_length=300)
    language = models.CharField(
        _("language"), max_length=2, choices=[("ar", "العربية"), ("en", "English")], default="ar"
    )
    claim_type = models.CharField(_("claim type"), max_length=40, blank=True, default="")
    actor = models.CharField(_("actor identifier"), max_length=60, blank=True, default="")
    pcode = models.CharField(_("governorate P-code"), max_length=20, blank=True, default="")
    saved_search = models.ForeignKey(
        "core.SavedSearch",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        verbose_name=_("saved search"),
    )
    url = models.URLField(_("webhook address"), max_length=500, blank=True, default="")
    # Fernet token of the webhook's secret (see sealing.py); never shown back.
    sealed_secret = models.TextField(blank=True, default="")
    active = models.BooleanField(_("active"), default=True)
    consecutive_failures = models.PositiveIntegerField(_("failures in a row"), default=0)
    disabled_at = models.DateTimeField(_("disabled"), null=True, blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")

    def __str__(self) -> str:
        return f"{self.owner}: {self.channel} {self.events}"

    @property
    def kinds(self) -> list[str]:
        return [k for k in self.events.split("|") if k]


class Notification(models.Model):
    """One event as one user reads it in Marsad (the list and the Atom feed). Titles are written
    at delivery from what the recipient could read then, in both languages."""

    recipient = models.ForeignKey(
        "core.User", models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    event = models.ForeignKey(Event, models.CASCADE, related_name="notifications")
    title_ar = models.CharField(_("Arabic title"), max_length=300)
    title_en = models.CharField(_("English title"), max_length=300)
    link = models.CharField(_("link"), max_length=300, blank=True, default="")
    in_app = models.BooleanField(default=False)
    in_feed = models.BooleanField(default=False)
    created = models.DateTimeField(_("time"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # Set when the record was later narrowed away from the recipient: no longer listed.
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "event"], name="one_notification_each")
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.title_en


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    RETRYING = "retrying", _("retrying")
    DELIVERED = "delivered", _("delivered")
    FAILED = "failed", _("failed")
    WITHHELD = "withheld", _("withheld")


class Delivery(models.Model):
    """One event sent to one webhook or e-mail subscription, with every attempt's outcome."""

    subscription = models.ForeignKey(Subscription, models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(Event, models.CASCADE, related_name="deliveries")
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default="pending"
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_status = models.PositiveIntegerField(_("last HTTP status"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True, default="")
    next_attempt = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    log = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["subscription", "event"], name="one_delivery_each")
        ]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")


def hash_feed_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class FeedToken(models.Model):
    """The secret in a user's Atom feed address. Only its SHA-256 is kept, as for API tokens;
    a new one revokes the old, and a revoked one keeps its row for the audit log."""

    user = models.ForeignKey("core.User", models.CASCADE, related_name="feed_tokens")
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(default=timezone.now)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("feed token")
        verbose_name_plural = _("feed tokens")

    def __str__(self) -> str:
        return f"{self.user} feed"

    @staticmethod
    def new_secret() -> str:
        return secrets.token_urlsafe(32)


class KnownAlert(models.Model):
    """A derived alert (a spike day, a deadlock of the plan) already turned into an event, so
    that the next evaluation announces only new ones. `resolved_at` is set when no reader sees
    it any more, so that it is announced again if it comes back."""

    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    key = models.CharField(max_length=200)
    first_seen = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="one_known_alert")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"
