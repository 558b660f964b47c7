"""Access incidents: what impeded humanitarian access, in the categories of OCHA's access
monitoring framework."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.access.vocabulary import AccessCategory
from marsad.ceasefire.vocabulary import Verification
from marsad.core.bilingual import localized
from marsad.core.coordinates import latitude_field, longitude_field
from marsad.core.evidence import Evidenced


class AccessIncident(Evidenced):
    """Something that impeded humanitarian access, in the categories of OCHA's access
    monitoring framework, at a crossing, on a corridor, or at a place."""

    day = models.DateField(_("date"), db_index=True)
    category = models.CharField(_("access category"), max_length=25, choices=AccessCategory.choices)
    crossing = models.ForeignKey(
        "access.Crossing",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="access_incidents",
        verbose_name=_("crossing"),
    )
    corridor = models.ForeignKey(
        "access.Corridor",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="access_incidents",
        verbose_name=_("corridor"),
    )
    actor = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="access_incidents",
        verbose_name=_("impeding party"),
    )
    latitude = latitude_field(_("latitude"))
    longitude = longitude_field(_("longitude"))
    trucks_affected = models.PositiveIntegerField(_("trucks affected"), null=True, blank=True)
    description_ar = models.TextField(_("Arabic description"), blank=True, default="")
    description_en = models.TextField(_("English description"), blank=True, default="")
    reported_by = models.CharField(_("reported by"), max_length=200, blank=True, default="")
    verification = models.CharField(
        _("verification"),
        max_length=15,
        choices=Verification.choices,
        default=Verification.REPORTED,
    )
    imported_from = models.CharField(_("imported from"), max_length=20, blank=True, default="")
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["-day", "-id"]
        verbose_name = _("access incident")
        verbose_name_plural = _("access incidents")

    def __str__(self) -> str:
        return f"{self.day} {self.get_category_display()}"

    @property
    def description(self) -> str:
        return localized(self, "description")

    def clean(self) -> None:
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("give both latitude and longitude, or neither")})
