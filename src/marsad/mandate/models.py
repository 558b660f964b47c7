"""Tasks, limits, requirements, assignments of pledges, and the force's own actions."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.coalition.vocabulary import PledgeKind
from marsad.core.bilingual import localized
from marsad.core.evidence import Evidenced
from marsad.core.vocabulary import VALUE_LABELS
from marsad.extraction.contract import MANDATE_TASKS


class LimitKind(models.TextChoices):
    NO_DIRECT_COMBAT = "no_direct_combat", _("no direct combat")
    OTHER = "other", _("other")


class AssignmentStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    ACTIVE = "active", _("active")
    ENDED = "ended", _("ended")


class Task(Evidenced):
    force = models.ForeignKey(
        "core.Actor", models.PROTECT, related_name="tasks", verbose_name=_("force")
    )
    code = models.CharField(
        _("task"), max_length=30, choices=[(c, VALUE_LABELS[c]) for c in MANDATE_TASKS]
    )
    name_ar = models.CharField(_("Arabic name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    description_ar = models.TextField(_("Arabic description"), blank=True, default="")
    description_en = models.TextField(_("English description"), blank=True, default="")
    legal_basis = models.ForeignKey(
        "governance.LegalInstrument",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("legal basis"),
    )
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["force", "id"]
        constraints = [models.UniqueConstraint(fields=["force", "code"], name="one_task_per_code")]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")


class Limit(Evidenced):
    force = models.ForeignKey(
        "core.Actor", models.PROTECT, related_name="limits", verbose_name=_("force")
    )
    kind = models.CharField(_("limit"), max_length=20, choices=LimitKind.choices)
    text_ar = models.TextField(_("Arabic text"))
    text_en = models.TextField(_("English text"))
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        verbose_name = _("limit")
        verbose_name_plural = _("limits")

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def text(self) -> str:
        return localized(self, "text")


class Requirement(Evidenced):
    """What a task needs: a capability, a quantity, perhaps an area and a start date."""

    task = models.ForeignKey(
        Task, models.PROTECT, related_name="requirements", verbose_name=_("task")
    )
    capability = models.CharField(_("capability"), max_length=20, choices=PledgeKind.choices)
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])
    area = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="requirements",
        verbose_name=_("area"),
    )
    combat = models.BooleanField(
        _("involves combat"),
        default=False,
        help_text=_("A requirement for direct combat lies outside a no-combat mandate."),
    )
    weight = models.FloatField(_("priority weight"), default=1.0, validators=[MinValueValidator(0)])
    needed_from = models.DateField(_("needed from"), null=True, blank=True)
    note_ar = models.TextField(_("Arabic note"), blank=True, default="")
    note_en = models.TextField(_("English note"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["task", "-weight", "id"]
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")

    def __str__(self) -> str:
        return f"{self.task}: {self.quantity} {self.get_capability_display()}"

    @property
    def note(self) -> str:
        return localized(self, "note")


class Assignment(Evidenced):
    """A pledge (or part of it) assigned to a requirement."""

    pledge = models.ForeignKey(
        "coalition.Pledge", models.PROTECT, related_name="assignments", verbose_name=_("pledge")
    )
    requirement = models.ForeignKey(
        Requirement, models.PROTECT, related_name="assignments", verbose_name=_("requirement")
    )
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.PLANNED,
    )
    since = models.DateField(_("since"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self) -> str:
        return f"{self.pledge} → {self.requirement}"


class ForceAction(Evidenced):
    """Something the force itself did, checked against its tasks and limits."""

    force = models.ForeignKey(
        "core.Actor", models.PROTECT, related_name="force_actions", verbose_name=_("force")
    )
    task = models.ForeignKey(
        Task,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("under task"),
    )
    on = models.DateField(_("date"))
    place = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="force_actions_at",
        verbose_name=_("place"),
    )
    description_ar = models.TextField(_("Arabic description"), blank=True, default="")
    description_en = models.TextField(_("English description"), blank=True, default="")
    combat = models.BooleanField(_("took part in direct combat"), default=False)
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["-on", "-id"]
        verbose_name = _("action of the force")
        verbose_name_plural = _("actions of the force")

    def __str__(self) -> str:
        return f"{self.on}: {self.description}"

    @property
    def description(self) -> str:
        return localized(self, "description")
