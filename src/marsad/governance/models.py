"""Legal instruments (resolutions, agreements, charters) and states' actions on a charter."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.core.bilingual import localized
from marsad.core.evidence import Evidenced


class InstrumentKind(models.TextChoices):
    UN_RESOLUTION = "un_resolution", _("UN Security Council resolution")
    AGREEMENT = "agreement", _("agreement")
    CHARTER = "charter", _("charter")
    OTHER = "other", _("other")


class CharterActionKind(models.TextChoices):
    SIGNED = "signed", _("signed")
    NOT_SIGNED = "not_signed", _("did not sign")
    BOYCOTTED = "boycotted", _("boycotted the signing")
    ABSTAINED = "abstained", _("abstained")
    RESERVATION = "reservation", _("signed with a reservation")
    OPEN_TO_AMENDMENTS = "open_to_amendments", _("open to amendments")
    AMENDMENT_PROPOSED = "amendment_proposed", _("proposed an amendment")


class LegalInstrument(Evidenced):
    """The legal basis of the force or body: a resolution, an agreement or a charter, with its
    vote and how long what it authorises lasts."""

    actor = models.OneToOneField(
        "core.Actor", models.PROTECT, related_name="instrument", verbose_name=_("instrument")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=InstrumentKind.choices)
    adopted = models.DateField(_("adopted"), null=True, blank=True)
    votes_for = models.PositiveSmallIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("votes against"), null=True, blank=True)
    abstentions = models.PositiveSmallIntegerField(_("abstentions"), null=True, blank=True)
    abstainers = models.ManyToManyField(
        "core.Actor", related_name="abstained_on", blank=True, verbose_name=_("abstaining")
    )
    endorses = models.ManyToManyField(
        "core.Actor",
        related_name="endorsed_by",
        blank=True,
        verbose_name=_("endorses or establishes"),
    )
    summary_ar = models.TextField(_("Arabic summary"), blank=True, default="")
    summary_en = models.TextField(_("English summary"), blank=True, default="")
    authorised_until = models.DateField(_("authorisations until"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=["abstainers", "endorses", "claims"])

    class Meta:
        ordering = ["-adopted", "id"]
        verbose_name = _("legal instrument")
        verbose_name_plural = _("legal instruments")

    def __str__(self) -> str:
        return str(self.actor)

    @property
    def summary(self) -> str:
        return localized(self, "summary")

    @property
    def vote(self) -> str:
        """The vote as it is usually written: for–against–abstentions."""
        if self.votes_for is None:
            return ""
        return f"{self.votes_for}–{self.votes_against or 0}–{self.abstentions or 0}"

    def clean(self) -> None:
        super().clean()
        if self.adopted and self.authorised_until and self.authorised_until < self.adopted:
            raise ValidationError({"authorised_until": _("ends before the adoption")})


class CharterAction(Evidenced):
    """What one actor did about a charter: signed it, stayed away, reserved, proposed changes."""

    charter = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        related_name="charter_actions",
        verbose_name=_("charter"),
    )
    actor = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        related_name="actions_on_charters",
        verbose_name=_("actor"),
    )
    action = models.CharField(_("action"), max_length=20, choices=CharterActionKind.choices)
    on = models.DateField(_("date"), null=True, blank=True)
    text_ar = models.TextField(_("Arabic text"), blank=True, default="")
    text_en = models.TextField(_("English text"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["charter", "on", "id"]
        verbose_name = _("charter action")
        verbose_name_plural = _("charter actions")

    def __str__(self) -> str:
        return f"{self.actor}: {self.get_action_display()}"

    @property
    def text(self) -> str:
        return localized(self, "text")
