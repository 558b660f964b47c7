"""Statements: who said what, when, with what stance; and refusals to speak, which are
evidence too."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.core.bilingual import localized
from marsad.core.evidence import Evidenced
from marsad.core.vocabulary import VALUE_LABELS
from marsad.extraction.contract import ATTRIBUTES

STANCES = ATTRIBUTES["statement"]["stance"]
REFUSALS = ATTRIBUTES["comment_refusal"]["kind"]


class Topic(models.TextChoices):
    COALITION = "coalition", _("the force and its coalition")
    GOVERNANCE = "governance", _("governance and the Board of Peace")
    CEASEFIRE = "ceasefire", _("the ceasefire")
    PLAN = "plan", _("the plan and its sequencing")
    HUMANITARIAN = "humanitarian", _("humanitarian access")
    HUMAN_RIGHTS = "human_rights", _("human rights and civilians")
    RECONSTRUCTION = "reconstruction", _("reconstruction")
    OTHER = "other", _("other")


class QuoteLanguage(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")
    OTHER = "other", _("another language")


class Statement(Evidenced):
    """What an actor said (a stance), or that it would not say (a refusal)."""

    speaker = models.ForeignKey(
        "core.Actor", models.PROTECT, related_name="statements", verbose_name=_("speaker")
    )
    on = models.DateField(_("date"), null=True, blank=True, db_index=True)
    stance = models.CharField(
        _("stance"),
        max_length=20,
        blank=True,
        default="",
        choices=[(s, VALUE_LABELS[s]) for s in STANCES],
    )
    refusal = models.CharField(
        _("refusal"),
        max_length=20,
        blank=True,
        default="",
        choices=[(r, VALUE_LABELS[r]) for r in REFUSALS],
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    about = models.ManyToManyField(
        "core.Actor", related_name="statements_about", blank=True, verbose_name=_("about")
    )
    calls_for_ar = models.TextField(_("calls for (Arabic)"), blank=True, default="")
    calls_for_en = models.TextField(_("calls for (English)"), blank=True, default="")
    quote = models.TextField(_("quote, as said"), blank=True, default="")
    quote_language = models.CharField(
        _("language of the quote"),
        max_length=5,
        choices=QuoteLanguage.choices,
        blank=True,
        default="",
    )
    translation = models.TextField(_("translation of the quote"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["about", "claims"])

    class Meta:
        ordering = ["-on", "-id"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return f"{self.speaker}: {self.get_stance_display() or self.get_refusal_display()}"

    @property
    def is_refusal(self) -> bool:
        return bool(self.refusal)

    @property
    def calls_for(self) -> str:
        return localized(self, "calls_for")

    def clean(self) -> None:
        super().clean()
        if bool(self.stance) == bool(self.refusal):
            raise ValidationError(
                {"stance": _("a statement has a stance, or it is a refusal: give exactly one")}
            )
        if self.quote and not self.quote_language:
            raise ValidationError({"quote_language": _("say in which language the quote is")})
        if self.translation and not self.quote:
            raise ValidationError({"translation": _("a translation needs the quote it renders")})
