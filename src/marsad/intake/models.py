"""A document's fingerprint for finding copies of the same story, and the copies found."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.core.models import ReviewState
from marsad.core.releasability import Releasable


class Fingerprint(models.Model):
    """The MinHash signature of a document's text, and its LSH band keys for lookups."""

    document = models.OneToOneField("core.Document", models.CASCADE, related_name="fingerprint")
    signature = models.JSONField()

    class Meta:
        verbose_name = _("fingerprint")


class Band(models.Model):
    # No index of its own: the unique constraint's index begins with the document. Every
    # document writes some 17 keys, and each index is one more B-tree to insert them into.
    document = models.ForeignKey(
        "core.Document", models.CASCADE, related_name="bands", db_index=False
    )
    key = models.CharField(max_length=24, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "key"], name="one_band_key")]


class SameStory(models.Model):
    """`document` tells the same story as the earlier `original`: its claims are not counted
    as an independent source."""

    document = models.ForeignKey("core.Document", models.CASCADE, related_name="copies_of")
    original = models.ForeignKey("core.Document", models.CASCADE, related_name="copied_by")
    similarity = models.FloatField(_("similarity"))
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "original"], name="one_same_story")
        ]
        verbose_name = _("same story")


class ReviewDecision(Releasable):
    """One claim's review decision, kept: who accepted or rejected it, when, the reason given
    (required for a rejection), and the batch it was made in (one action on many claims), so
    the writer's last action can be undone. Marked exactly like its claim: whoever reads the
    claim reads why it was rejected."""

    claim = models.ForeignKey(
        "core.Claim", models.CASCADE, related_name="decisions", verbose_name=_("claim")
    )
    state = models.CharField(_("decision"), max_length=10, choices=ReviewState.choices)
    previous = models.CharField(
        _("state before"), max_length=10, choices=ReviewState.choices, default="proposed"
    )
    reason = models.TextField(_("reason"), blank=True, default="")
    batch = models.CharField(_("action"), max_length=32, db_index=True)
    by = models.ForeignKey(
        "core.User", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)
    # What the accept changed in the other areas (records made, fields set, evidence added),
    # so that undoing the accept takes exactly that back (intake.undo).
    effects = models.JSONField(_("what the accept changed"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")


class ClaimComment(Releasable):
    """A message in a claim's discussion thread, marked exactly like the claim."""

    claim = models.ForeignKey(
        "core.Claim", models.CASCADE, related_name="comments", verbose_name=_("claim")
    )
    author = models.ForeignKey(
        "core.User",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("comment"))
    created = models.DateTimeField(_("written"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created", "id"]
        verbose_name = _("comment on a claim")
        verbose_name_plural = _("comments on claims")


class Assignment(Releasable):
    """A document given to an analyst to review; the latest one counts. Marked exactly like
    the document."""

    document = models.ForeignKey(
        "core.Document", models.CASCADE, related_name="assignments", verbose_name=_("document")
    )
    analyst = models.ForeignKey(
        "core.User",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name=_("analyst"),
    )
    by = models.ForeignKey(
        "core.User",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    at = models.DateTimeField(_("assigned at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
