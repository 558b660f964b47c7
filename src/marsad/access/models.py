"""Crossings and corridors, their status over time, consignments, and the force's tasks that
protect each corridor. Access incidents are in models_incidents.py."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.access.vocabulary import (
    AccessState,
    CargoCategory,
    ConsignmentStatus,
    CrossingKind,
    Unit,
)
from marsad.core.bilingual import localized
from marsad.core.coordinates import latitude_field, longitude_field
from marsad.core.evidence import Evidenced


class Crossing(Evidenced):
    """A way into Gaza: a land crossing, the maritime route, air drops, or the lists' "all land
    crossings" when a source does not say which. Its key is the canonical id the aid lists'
    names resolve to (`marsad.datasets.crossings`)."""

    key = models.CharField(_("identifier"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=CrossingKind.choices)
    place = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="crossings",
        verbose_name=_("place"),
    )
    name_ar = models.CharField(_("Arabic name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    aliases_ar = models.JSONField(_("Arabic aliases"), default=list, blank=True)
    aliases_en = models.JSONField(_("English aliases"), default=list, blank=True)
    latitude = latitude_field(_("latitude"))
    longitude = longitude_field(_("longitude"))
    location_note_ar = models.TextField(_("Arabic note on the location"), blank=True, default="")
    location_note_en = models.TextField(_("English note on the location"), blank=True, default="")
    description_ar = models.TextField(_("Arabic description"), blank=True, default="")
    description_en = models.TextField(_("English description"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["key"]
        verbose_name = _("crossing")
        verbose_name_plural = _("crossings")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def location_note(self) -> str:
        return localized(self, "location_note")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def geometry(self) -> dict[str, Any] | None:
        if not self.located:
            return None
        return {"type": "Point", "coordinates": [self.longitude, self.latitude]}

    def clean(self) -> None:
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("give both latitude and longitude, or neither")})


def route_problem(route: Any) -> str | None:
    """Why a route is not a GeoJSON LineString in degrees, or None when it is one."""
    if not isinstance(route, dict) or route.get("type") != "LineString":
        return "must be a GeoJSON LineString"
    coordinates = route.get("coordinates")
    if not isinstance(coordinates, list) or len(coordinates) < 2:
        return "a line needs at least two points"
    for point in coordinates:
        if (
            not isinstance(point, list | tuple)
            or len(point) != 2
            or not all(isinstance(v, int | float) for v in point)
        ):
            return "each point is [longitude, latitude]"
        if not (-180 <= point[0] <= 180 and -90 <= point[1] <= 90):
            return f"the point {point} is not [longitude, latitude] in degrees"
    return None


class Corridor(Evidenced):
    """A route from a crossing to destinations inside Gaza, drawn as a line."""

    key = models.CharField(_("identifier"), max_length=40, unique=True)
    crossing = models.ForeignKey(
        Crossing, models.PROTECT, related_name="corridors", verbose_name=_("from crossing")
    )
    name_ar = models.CharField(_("Arabic name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    destinations_ar = models.CharField(_("Arabic destinations"), max_length=300, blank=True)
    destinations_en = models.CharField(_("English destinations"), max_length=300, blank=True)
    route = models.JSONField(_("route (GeoJSON LineString)"))
    length_km = models.FloatField(_("length (km)"), default=0)
    route_note_ar = models.TextField(_("Arabic note on the route"), blank=True, default="")
    route_note_en = models.TextField(_("English note on the route"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["key"]
        verbose_name = _("corridor")
        verbose_name_plural = _("corridors")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def destinations(self) -> str:
        return localized(self, "destinations")

    @property
    def route_note(self) -> str:
        return localized(self, "route_note")

    def clean(self) -> None:
        super().clean()
        problem = route_problem(self.route)
        if problem:
            raise ValidationError({"route": problem})


class AccessStatus(Evidenced):
    """One step of a crossing's or corridor's timeline: a state valid from its date until the
    next step's date (not included). An expected step (reported as coming) ends nothing and is
    not the state of any day until a step in effect is recorded."""

    crossing = models.ForeignKey(
        Crossing,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="statuses",
        verbose_name=_("crossing"),
    )
    corridor = models.ForeignKey(
        Corridor,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="statuses",
        verbose_name=_("corridor"),
    )
    state = models.CharField(_("status"), max_length=12, choices=AccessState.choices)
    valid_from = models.DateField(_("from"))
    valid_to = models.DateField(_("until"), null=True, blank=True)
    expected = models.BooleanField(
        _("expected"),
        default=False,
        help_text=_("Reported as coming, not in effect: it changes no day's status."),
    )
    reason_ar = models.TextField(_("Arabic reason"), blank=True, default="")
    reason_en = models.TextField(_("English reason"), blank=True, default="")
    authority = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="access_decisions",
        verbose_name=_("deciding authority"),
    )
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["valid_from", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(crossing__isnull=False, corridor__isnull=True)
                | models.Q(crossing__isnull=True, corridor__isnull=False),
                name="access_status_one_subject",
            )
        ]
        indexes = [
            models.Index(fields=["valid_from", "valid_to"], name="access_status_period"),
        ]
        verbose_name = _("access status")
        verbose_name_plural = _("access statuses")

    def __str__(self) -> str:
        return f"{self.subject}: {self.get_state_display()} {self.valid_from}"

    def get_absolute_url(self) -> str:
        """The page of the crossing or corridor whose timeline holds this step."""
        if self.crossing_id:
            return reverse("access:crossing", args=[self.crossing.key])
        return reverse("access:corridor", args=[self.corridor.key])

    @property
    def subject(self) -> Crossing | Corridor | None:
        return self.crossing if self.crossing_id else self.corridor

    @property
    def reason(self) -> str:
        return localized(self, "reason")

    def clean(self) -> None:
        super().clean()
        if (self.crossing_id is None) == (self.corridor_id is None):
            raise ValidationError({"crossing": _("a status belongs to a crossing or a corridor")})
        if self.valid_to and self.valid_to <= self.valid_from:
            raise ValidationError({"valid_to": _("ends before it starts")})


class Consignment(Evidenced):
    """Trucks and their loads through a crossing on a day, as a list or a user recorded them.
    UNRWA lists one truck per row (trucks = 1, its load as quantity and unit); COGAT lists
    consignments in tons (trucks unknown)."""

    key = models.CharField(
        _("identifier"),
        max_length=80,
        unique=True,
        help_text=_("unrwa:<ID>, cogat:<hash>:<n> for imported rows; MARSAD-… for others."),
    )
    day = models.DateField(_("date"), db_index=True)
    crossing = models.ForeignKey(
        Crossing, models.PROTECT, related_name="consignments", verbose_name=_("crossing")
    )
    corridor = models.ForeignKey(
        Corridor,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="consignments",
        verbose_name=_("corridor"),
    )
    category = models.CharField(
        _("cargo category"), max_length=20, choices=CargoCategory.choices, db_index=True
    )
    category_raw = models.CharField(_("category as listed"), max_length=100, blank=True)
    description = models.CharField(_("cargo"), max_length=300, blank=True, default="")
    donor = models.CharField(_("donor"), max_length=200, blank=True, default="")
    donation_type = models.CharField(_("donation type"), max_length=100, blank=True, default="")
    trucks = models.PositiveIntegerField(_("trucks"), null=True, blank=True)
    quantity = models.FloatField(
        _("quantity"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, blank=True)
    unit_raw = models.CharField(_("unit as listed"), max_length=40, blank=True, default="")
    tons = models.FloatField(_("tons"), null=True, blank=True, validators=[MinValueValidator(0)])
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ConsignmentStatus.choices,
        default=ConsignmentStatus.ENTERED,
    )
    destination = models.CharField(_("destination"), max_length=200, blank=True, default="")
    reported_by = models.CharField(_("reported by"), max_length=100, blank=True, default="")
    imported_from = models.CharField(_("imported from"), max_length=20, blank=True, default="")
    line = models.PositiveIntegerField(_("line in the file"), null=True, blank=True)
    # The graded source of an imported row (UNRWA, COGAT): a list's rows rest on the list, not
    # on one claim each (docs/decisions.md). Not indexed: one source holds thousands of rows.
    source = models.ForeignKey(
        "core.Source",
        models.PROTECT,
        null=True,
        blank=True,
        db_index=False,
        related_name="consignments",
        verbose_name=_("source"),
    )
    note = models.TextField(_("note"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["-day", "id"]
        indexes = [
            models.Index(fields=["crossing", "day"], name="consignment_crossing_day"),
            models.Index(fields=["marking", "day"], name="consignment_marking_day"),
            models.Index(fields=["imported_from", "day"], name="consignment_list_day"),
        ]
        verbose_name = _("consignment")
        verbose_name_plural = _("consignments")

    def __str__(self) -> str:
        return f"{self.day} {self.crossing} {self.get_category_display()}"

    @property
    def source_row(self) -> int | None:
        """The row's line in its file (stored as `line`), named as on incidents."""
        return self.line


class CorridorProtection(Evidenced):
    """A task of the force's mandate (corridor security, escorts) that protects a corridor."""

    task = models.ForeignKey(
        "mandate.Task",
        models.PROTECT,
        related_name="protected_corridors",
        verbose_name=_("task"),
    )
    corridor = models.ForeignKey(
        Corridor, models.CASCADE, related_name="protections", verbose_name=_("corridor")
    )
    since = models.DateField(_("since"), null=True, blank=True)
    note_ar = models.TextField(_("Arabic note"), blank=True, default="")
    note_en = models.TextField(_("English note"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["corridor", "task"]
        constraints = [
            models.UniqueConstraint(fields=["task", "corridor"], name="one_protection_per_task")
        ]
        verbose_name = _("corridor protection")
        verbose_name_plural = _("corridor protections")

    def __str__(self) -> str:
        return f"{self.task} → {self.corridor}"

    @property
    def note(self) -> str:
        return localized(self, "note")


# Imported so that Django registers it with the app's other models, and so that it can be
# imported from here like the rest.
from marsad.access.models_incidents import AccessIncident as AccessIncident  # noqa: E402
