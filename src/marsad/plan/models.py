"""The plan, its provisions with scores over time, dependencies and each party's
preconditions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.core.bilingual import localized
from marsad.core.evidence import Evidenced


class Category(models.TextChoices):
    SECURITY = "security", _("security")
    GOVERNANCE = "governance", _("governance")
    HUMANITARIAN = "humanitarian", _("humanitarian")
    ECONOMIC = "economic", _("economic")
    POLITICAL = "political", _("political")
    PRISONERS_HOSTAGES = "prisoners_hostages", _("prisoners and hostages")
    RECONSTRUCTION = "reconstruction", _("reconstruction")
    OTHER = "other", _("other")


class Score(models.IntegerChoices):
    """Peace Accords Matrix: how far a provision is implemented."""

    NOT_STARTED = 0, _("0: not started")
    MINIMAL = 1, _("1: minimal")
    INTERMEDIATE = 2, _("2: intermediate")
    COMPLETE = 3, _("3: complete")


class Plan(Evidenced):
    actor = models.OneToOneField(
        "core.Actor", models.PROTECT, related_name="plan", verbose_name=_("plan")
    )
    announced = models.DateField(_("announced"))
    endorsed_by = models.ForeignKey(
        "governance.LegalInstrument",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("endorsed by"),
    )
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return str(self.actor)


class Provision(Evidenced):
    plan = models.ForeignKey(
        Plan, models.CASCADE, related_name="provisions", verbose_name=_("plan")
    )
    number = models.PositiveSmallIntegerField(_("point"))
    summary_ar = models.TextField(_("Arabic summary"))
    summary_en = models.TextField(_("English summary"))
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    responsible = models.ManyToManyField(
        "core.Actor", related_name="provisions", blank=True, verbose_name=_("responsible")
    )
    depends_on = models.ManyToManyField(
        "self",
        symmetrical=False,
        related_name="enables",
        blank=True,
        verbose_name=_("depends on"),
    )
    history = HistoricalRecords(m2m_fields=["responsible", "depends_on", "claims"])

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_provision_number")
        ]
        verbose_name = _("provision")
        verbose_name_plural = _("provisions")

    def __str__(self) -> str:
        return f"{self.number}. {self.summary[:60]}"

    @property
    def summary(self) -> str:
        return localized(self, "summary")


class ScoreChange(Evidenced):
    """A provision's implementation score from a date, with the evidence for it."""

    provision = models.ForeignKey(
        Provision, models.CASCADE, related_name="scores", verbose_name=_("provision")
    )
    score = models.PositiveSmallIntegerField(
        _("score"),
        choices=Score.choices,
        validators=[MinValueValidator(0), MaxValueValidator(3)],
    )
    on = models.DateField(_("from"))
    note_ar = models.TextField(_("Arabic note"), blank=True, default="")
    note_en = models.TextField(_("English note"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["provision", "on", "id"]
        verbose_name = _("score change")
        verbose_name_plural = _("score changes")

    def __str__(self) -> str:
        return f"{self.provision.number}: {self.score} ({self.on})"

    @property
    def note(self) -> str:
        return localized(self, "note")

    def clean(self) -> None:
        super().clean()
        if self.provision_id and self.on and self.on < self.provision.plan.announced:
            raise ValidationError({"on": _("is before the plan was announced")})


class Precondition(Evidenced):
    """A party's condition: `provision` only after `after`. It must cite the statement that
    carries it."""

    party = models.ForeignKey(
        "core.Actor", models.PROTECT, related_name="preconditions", verbose_name=_("party")
    )
    provision = models.ForeignKey(
        Provision, models.CASCADE, related_name="preconditions", verbose_name=_("provision")
    )
    after = models.ForeignKey(
        Provision, models.CASCADE, related_name="required_before", verbose_name=_("only after")
    )
    statement = models.ForeignKey(
        "statements.Statement",
        models.PROTECT,
        related_name="preconditions",
        verbose_name=_("statement"),
    )
    text_ar = models.TextField(_("Arabic text"), blank=True, default="")
    text_en = models.TextField(_("English text"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        verbose_name = _("precondition")
        verbose_name_plural = _("preconditions")

    def __str__(self) -> str:
        return f"{self.party}: {self.provision.number} after {self.after.number}"

    @property
    def text(self) -> str:
        return localized(self, "text")

    def clean(self) -> None:
        super().clean()
        if self.provision_id and self.provision_id == self.after_id:
            raise ValidationError({"after": _("a provision cannot wait for itself")})
        if self.provision_id and self.after_id and self.provision.plan_id != self.after.plan_id:
            raise ValidationError({"after": _("belongs to another plan")})
