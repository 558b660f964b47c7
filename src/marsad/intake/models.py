"""A document's fingerprint for finding copies of the same story, and the copies found."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Fingerprint(models.Model):
    """The MinHash signature of a document's text, and its LSH band keys for lookups."""

    document = models.OneToOneField("core.Document", models.CASCADE, related_name="fingerprint")
    signature = models.JSONField()

    class Meta:
        verbose_name = _("fingerprint")


class Band(models.Model):
    document = models.ForeignKey("core.Document", models.CASCADE, related_name="bands")
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
