"""The vocabularies of humanitarian access: kinds of crossing, access states, consignment
statuses, cargo categories, units, and the categories of OCHA's access monitoring framework."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CrossingKind(models.TextChoices):
    LAND = "land", _("land crossing")
    MARITIME = "maritime", _("maritime route")
    AIR = "air", _("air drops")
    AGGREGATE = "aggregate", _("several crossings counted together")


class AccessState(models.TextChoices):
    OPEN = "open", _("open")
    RESTRICTED = "restricted", _("restricted")
    CLOSED = "closed", _("closed")
    REOPENED = "reopened", _("reopened")


#: Map colours of each state; "unknown" when no step covers the day.
STATE_COLOURS = {
    "open": "#198754",
    "reopened": "#20c997",
    "restricted": "#e0a526",
    "closed": "#c0504d",
    "unknown": "#8c8c8c",
}


class ConsignmentStatus(models.TextChoices):
    REQUESTED = "requested", pgettext_lazy("consignment", "requested")
    APPROVED = "approved", pgettext_lazy("consignment", "approved")
    ENTERED = "entered", pgettext_lazy("consignment", "entered")
    DELIVERED = "delivered", pgettext_lazy("consignment", "delivered")
    DENIED = "denied", pgettext_lazy("consignment", "denied")
    INTERCEPTED = "intercepted", pgettext_lazy("consignment", "intercepted")


#: Statuses of consignments that entered Gaza (an intercepted one entered, then was taken).
ENTERED_STATUSES = ("entered", "delivered", "intercepted")


class CargoCategory(models.TextChoices):
    FOOD = "food", _("food")
    NON_FOOD = "non_food", _("non-food items")
    MIXED = "mixed", _("mixed or combined aid")
    MEDICAL = "medical", _("medical supplies")
    SHELTER = "shelter", _("shelter")
    WATER = "water", _("water")
    FUEL = "fuel", _("fuel")
    GAS = "gas", _("cooking gas")
    EQUIPMENT = "equipment", _("UN and NGO equipment")
    INFRASTRUCTURE = "infrastructure", _("infrastructure equipment")
    COMMERCIAL = "commercial", _("commercial goods")
    OTHER = "other", _("other")


class Unit(models.TextChoices):
    TRUCKS = "trucks", _("trucks")
    TONS = "tons", _("tons")
    PALLETS = "pallets", _("pallets")
    PIECES = "pieces", _("pieces")
    PACKAGES = "packages", _("packages")
    VEHICLES = "vehicles", _("vehicles")
    OTHER = "other", _("other unit")


class AccessCategory(models.TextChoices):
    """The nine categories of OCHA's Access Monitoring and Reporting Framework."""

    DENIAL_OF_NEEDS = "denial_of_needs", _("denial of humanitarian needs or entitlements")
    RESTRICTION_ENTRY = "restriction_entry", _("restriction of movement into the territory")
    RESTRICTION_WITHIN = "restriction_within", _("restriction of movement within the territory")
    INTERFERENCE = "interference", _("interference in the implementation of activities")
    VIOLENCE = "violence", _("violence against humanitarian personnel, assets or facilities")
    POPULATION_ACCESS = (
        "population_access",
        _("restriction of the population's access to assistance"),
    )
    MILITARY_OPERATIONS = "military_operations", _("military operations and hostilities")
    EXPLOSIVE_HAZARDS = "explosive_hazards", _("mines and explosive hazards")
    PHYSICAL_ENVIRONMENT = "physical_environment", _("physical environment")


# How the two aid lists write categories, units and statuses (compared in lower case).
CATEGORY_ALIASES = {
    "food items": CargoCategory.FOOD,
    "food": CargoCategory.FOOD,
    "non-food items": CargoCategory.NON_FOOD,
    "mixed items": CargoCategory.MIXED,
    "combined aid": CargoCategory.MIXED,
    "medical supplies": CargoCategory.MEDICAL,
    "medical supply": CargoCategory.MEDICAL,
    "shelter equipment": CargoCategory.SHELTER,
    "water": CargoCategory.WATER,
    "fuel": CargoCategory.FUEL,
    "gas": CargoCategory.GAS,
    "un and ngo equipment": CargoCategory.EQUIPMENT,
    "essential infrastructure equipment": CargoCategory.INFRASTRUCTURE,
    "commercial": CargoCategory.COMMERCIAL,
}
UNIT_ALIASES = {
    "truck": Unit.TRUCKS,
    "trucks": Unit.TRUCKS,
    "mt": Unit.TONS,
    "ton": Unit.TONS,
    "tons": Unit.TONS,
    "tonnes": Unit.TONS,
    "pallets": Unit.PALLETS,
    "pallet": Unit.PALLETS,
    "piece": Unit.PIECES,
    "pieces": Unit.PIECES,
    "each": Unit.PIECES,
    "tents": Unit.PIECES,
    "ctn": Unit.PACKAGES,
    "box": Unit.PACKAGES,
    "vehicles": Unit.VEHICLES,
}
#: UNRWA's "Received": the truck was received at the crossing into Gaza (entered, not yet
#: delivered to the recipient).
STATUS_ALIASES = {
    "received": ConsignmentStatus.ENTERED,
    "entered": ConsignmentStatus.ENTERED,
    "delivered": ConsignmentStatus.DELIVERED,
    "requested": ConsignmentStatus.REQUESTED,
    "approved": ConsignmentStatus.APPROVED,
    "denied": ConsignmentStatus.DENIED,
    "rejected": ConsignmentStatus.DENIED,
    "intercepted": ConsignmentStatus.INTERCEPTED,
}


def category_of(raw: str) -> str:
    """The category a list's own wording falls in ('other' when not known; the wording is kept)."""
    return str(CATEGORY_ALIASES.get(raw.strip().casefold(), CargoCategory.OTHER))


def unit_of(raw: str) -> str:
    """The unit a list's own wording names; '' when the list gives none, 'other' if unknown."""
    text = raw.strip().casefold()
    if not text:
        return ""
    return str(UNIT_ALIASES.get(text, Unit.OTHER))
