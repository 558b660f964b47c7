"""The coalition's vocabularies."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    FOUNDING_MEMBER = "founding_member", _("founding member")
    MEMBER = "member", _("member")
    OBSERVER = "observer", _("observer")
    PARTNER = "partner", _("partner")


class InvitationState(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    DELIVERED = "delivered", _("delivered")
    UNDER_CONSIDERATION = "under_consideration", _("under consideration")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    WITHDRAWN = "withdrawn", _("withdrawn")


class PledgeKind(models.TextChoices):
    TROOPS = "troops", _("troops")
    POLICE_TRAINERS = "police_trainers", _("police trainers")
    FUNDING = "funding", _("funding")
    LOGISTICS = "logistics", _("logistics")
    ENGINEERING = "engineering", _("engineering")
    MEDICAL = "medical", _("medical")
    POLITICAL = "political", _("political and diplomatic")
    OTHER = "other", _("other")


class PledgeStatus(models.TextChoices):
    OFFERED = "offered", _("offered")
    CONFIRMED = "confirmed", _("confirmed")
    DELIVERED = "delivered", _("delivered")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Readiness(models.TextChoices):
    """How ready a contribution is to deploy, as its nation or the force says."""

    UNKNOWN = "", _("not known")
    PLANNED = "planned", _("planned: not yet designated")
    DESIGNATED = "designated", _("designated: units or people named")
    PREPARING = "preparing", _("preparing: training and equipping")
    READY = "ready", _("ready to deploy")
    DEPLOYED = "deployed", _("deployed")


class Unit(models.TextChoices):
    PERSONS = "persons", _("persons")
    USD = "usd", _("US dollars")
    TRUCKS = "trucks", _("trucks")
    UNITS = "units", _("units")
    NONE = "none", _("no quantity")


# The unit a pledge of each kind is counted in.
DEFAULT_UNIT = {
    PledgeKind.TROOPS: Unit.PERSONS,
    PledgeKind.POLICE_TRAINERS: Unit.PERSONS,
    PledgeKind.ENGINEERING: Unit.PERSONS,
    PledgeKind.MEDICAL: Unit.PERSONS,
    PledgeKind.FUNDING: Unit.USD,
    PledgeKind.LOGISTICS: Unit.TRUCKS,
    PledgeKind.POLITICAL: Unit.NONE,
    PledgeKind.OTHER: Unit.UNITS,
}


class CaveatKind(models.TextChoices):
    NO_GROUND_TROOPS = "no_ground_troops", _("no ground troops")
    NO_COMBAT = "no_combat", _("no combat role")
    GEOGRAPHIC_LIMIT = "geographic_limit", _("geographic limit")
    TIME_LIMIT = "time_limit", _("time limit")
    TASK_EXCLUSION = "task_exclusion", _("excluded tasks")
    PARLIAMENTARY_APPROVAL = "parliamentary_approval", _("parliamentary approval required")
    CONSTITUTIONAL = "constitutional", _("constitutional compatibility required")
    UN_MANDATE = "un_mandate", _("UN mandate required")
    OTHER = "other", _("other")


# Conditions that must be met before a pledge can be used at all, rather than limits on its use.
LEGAL_CONDITIONS = frozenset(
    {CaveatKind.PARLIAMENTARY_APPROVAL, CaveatKind.CONSTITUTIONAL, CaveatKind.UN_MANDATE}
)
