"""Sources: the outlets, offices and channels that claims come from, with a default grading."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.core.bilingual import BilingualName, localized
from marsad.core.releasability import Releasable


class SourceKind(models.TextChoices):
    MEDIA = "media", _("Media")
    OFFICIAL = "official", _("Official")
    ANONYMOUS = "anonymous", _("Anonymous")
    DOCUMENT = "document", _("Document")
    FIELD_REPORT = "field_report", _("Field report")


class Reliability(models.TextChoices):
    """NATO Admiralty code: reliability of the source."""

    A = "A", _("A: completely reliable")
    B = "B", _("B: usually reliable")
    C = "C", _("C: fairly reliable")
    D = "D", _("D: not usually reliable")
    E = "E", _("E: unreliable")
    F = "F", _("F: reliability cannot be judged")


class Source(BilingualName, Releasable):
    key = models.CharField(_("identifier"), max_length=64, unique=True)
    name_ar = models.CharField(_("Arabic name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    reliability = models.CharField(
        _("default reliability"),
        max_length=1,
        choices=Reliability.choices,
        default=Reliability.F,
    )
    actor = models.ForeignKey(
        "core.Actor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sources",
        verbose_name=_("actor"),
    )
    url = models.URLField(_("web address"), blank=True, default="")
    grading_note_ar = models.TextField(_("Arabic note on the grading"), blank=True, default="")
    grading_note_en = models.TextField(_("English note on the grading"), blank=True, default="")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    @property
    def grading_note(self) -> str:
        """Why the source has its reliability letter, in the active language."""
        return localized(self, "grading_note")
