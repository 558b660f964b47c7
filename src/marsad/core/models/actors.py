"""Actors: states, organizations, bodies, forces, armed groups, persons, offices, media, places,
agreements, plans and groups, each with an Arabic and an English name."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.core.bilingual import BilingualName, localized
from marsad.core.releasability import Releasable


class ActorKind(models.TextChoices):
    STATE = "state", _("State")
    ORGANIZATION = "organization", _("Organization")
    BODY = "body", _("Body")
    FORCE = "force", _("Force")
    ARMED_GROUP = "armed_group", _("Armed group")
    PERSON = "person", _("Person")
    OFFICE = "office", _("Office")
    MEDIA = "media", _("Media")
    PLACE = "place", _("Place")
    AGREEMENT = "agreement", _("Agreement")
    PLAN = "plan", _("Plan")
    GROUP = "group", _("Group")


class Actor(BilingualName, Releasable):
    key = models.CharField(
        _("identifier"),
        max_length=64,
        unique=True,
        help_text=_(
            "Canonical id: ISO alpha-3 for states, the P-code for Gaza places, "
            "otherwise upper-case letters, digits and hyphens."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ActorKind.choices, db_index=True)
    name_ar = models.CharField(_("Arabic name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    aliases_ar = models.JSONField(_("Arabic aliases"), default=list, blank=True)
    aliases_en = models.JSONField(_("English aliases"), default=list, blank=True)
    description_ar = models.TextField(_("Arabic description"), blank=True, default="")
    description_en = models.TextField(_("English description"), blank=True, default="")
    iso3 = models.CharField(_("ISO alpha-3"), max_length=3, blank=True, default="", db_index=True)
    pcode = models.CharField(_("OCHA P-code"), max_length=20, blank=True, default="", db_index=True)
    geometry = models.JSONField(_("geometry (GeoJSON)"), null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")

    @property
    def description(self) -> str:
        return localized(self, "description")
