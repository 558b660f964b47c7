"""The programs' vocabularies: kinds of program, cohort statuses, readiness indicators."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from marsad.programs import scoring


class Program(models.TextChoices):
    POLICE_TRAINING = "police_training", _("police training")


class CohortStatus(models.TextChoices):
    PLANNED = scoring.PLANNED, pgettext_lazy("cohort status", "planned")
    RUNNING = scoring.RUNNING, pgettext_lazy("cohort status", "running")
    COMPLETED = scoring.COMPLETED, pgettext_lazy("cohort status", "completed")


class IndicatorKind(models.TextChoices):
    SECURITY_INCIDENTS = scoring.SECURITY, _("security incidents in the last 30 days")
    EXPLOSIVE_CLEARANCE = "explosive_clearance", _("explosive-hazard clearance (area cleared, %)")
    RUBBLE_REMOVED = "rubble_removed", _("rubble removed (%)")
    WATER = "water", _("water facilities working (%)")
    POWER = "power", _("power facilities working (%)")
    HEALTH = "health", _("health facilities working (%)")


# Short labels for table headings, in the order of the table.
SHORT_LABELS = {
    IndicatorKind.SECURITY_INCIDENTS: _("Security incidents (30 days)"),
    IndicatorKind.EXPLOSIVE_CLEARANCE: _("Explosive-hazard clearance"),
    IndicatorKind.RUBBLE_REMOVED: _("Rubble removed"),
    IndicatorKind.WATER: _("Water"),
    IndicatorKind.POWER: _("Power"),
    IndicatorKind.HEALTH: _("Health"),
}

assert set(scoring.PERCENT_KINDS) == set(IndicatorKind.values) - {scoring.SECURITY}
