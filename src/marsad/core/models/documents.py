"""Documents: the full texts that claims quote. One document per distinct text (by SHA-256)."""

from __future__ import annotations

import hashlib

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.core.releasability import Releasable


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")
    OTHER = "other", _("Other")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Document(Releasable):
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    url = models.URLField(_("web address"), max_length=1000, blank=True, default="")
    published = models.DateField(_("published"), null=True, blank=True, db_index=True)
    source = models.ForeignKey(
        "core.Source", on_delete=models.PROTECT, related_name="documents", verbose_name=_("source")
    )
    # Not unique: a text stored under a marking its second writer may not read is stored again
    # for that writer (see submit_document).
    sha256 = models.CharField(_("SHA-256 of the text"), max_length=64, db_index=True)
    created = models.DateTimeField(_("recorded"), default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        "core.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published", "-created"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("document", args=[self.pk])

    @property
    def direction(self) -> str:
        return "rtl" if self.language == Language.ARABIC else "ltr"
