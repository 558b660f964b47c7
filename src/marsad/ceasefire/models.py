"""Agreements, phases, clauses, incidents (ACLED-compatible) and violations. What sources report
of them (casualty figures, daily series) is in models_figures.py, the kept counts in
models_aggregates.py."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from marsad.ceasefire.vocabulary import (
    EVENT_TYPE_LABELS,
    SUB_EVENT_LABELS,
    Determination,
    GeoPrecision,
    TimePrecision,
    Verification,
)
from marsad.core.bilingual import localized
from marsad.core.coordinates import latitude_field, longitude_field
from marsad.core.evidence import Evidenced
from marsad.core.releasability import Releasable


def _unindexed(field: models.Field) -> models.Field:
    """A copy of an inherited field without its index of its own."""
    _name, _path, args, kwargs = field.deconstruct()
    return type(field)(*args, **{**kwargs, "db_index": False})


class Agreement(Evidenced):
    actor = models.OneToOneField(
        "core.Actor", models.PROTECT, related_name="ceasefire", verbose_name=_("agreement")
    )
    effective = models.DateField(_("in force from"))
    parties = models.ManyToManyField(
        "core.Actor", related_name="ceasefire_parties", blank=True, verbose_name=_("parties")
    )
    mediators = models.ManyToManyField(
        "core.Actor",
        related_name="ceasefire_mediations",
        blank=True,
        verbose_name=_("mediators"),
    )
    summary_ar = models.TextField(_("Arabic summary"), blank=True, default="")
    summary_en = models.TextField(_("English summary"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["parties", "mediators", "claims"])

    class Meta:
        verbose_name = _("ceasefire agreement")
        verbose_name_plural = _("ceasefire agreements")

    def __str__(self) -> str:
        return str(self.actor)

    @property
    def summary(self) -> str:
        return localized(self, "summary")


class Phase(Evidenced):
    agreement = models.ForeignKey(
        Agreement, models.CASCADE, related_name="phases", verbose_name=_("agreement")
    )
    number = models.PositiveSmallIntegerField(_("phase"))
    name_ar = models.CharField(_("Arabic name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    starts = models.DateField(_("starts"))
    ends = models.DateField(
        _("ends"),
        null=True,
        blank=True,
        help_text=_("The day the next phase begins (that day belongs to the next phase)."),
    )
    conditions_ar = models.TextField(_("Arabic conditions"), blank=True, default="")
    conditions_en = models.TextField(_("English conditions"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="one_phase_number")
        ]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def conditions(self) -> str:
        return localized(self, "conditions")

    def clean(self) -> None:
        super().clean()
        if self.ends and self.starts and self.ends < self.starts:
            raise ValidationError({"ends": _("ends before it starts")})


class Clause(Evidenced):
    agreement = models.ForeignKey(
        Agreement, models.CASCADE, related_name="clauses", verbose_name=_("agreement")
    )
    phase = models.ForeignKey(
        Phase,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="clauses",
        verbose_name=_("phase"),
    )
    ref = models.CharField(_("reference"), max_length=20)
    text_ar = models.TextField(_("Arabic text"))
    text_en = models.TextField(_("English text"))
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["agreement", "ref"]
        constraints = [models.UniqueConstraint(fields=["agreement", "ref"], name="one_clause_ref")]
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")

    def __str__(self) -> str:
        return f"{self.ref}: {self.text[:60]}"

    @property
    def text(self) -> str:
        return localized(self, "text")


class Incident(Evidenced):
    """One event in ACLED's shape. Places at sea or outside every governorate keep their
    coordinates and an empty P-code."""

    event_id = models.CharField(
        _("event id"),
        max_length=40,
        unique=True,
        help_text=_("ACLED's event_id_cnty for imported events; MARSAD-n for others."),
    )
    # Indexed through incident_date_cover, which leads with it.
    event_date = models.DateField(_("date"))
    time_precision = models.PositiveSmallIntegerField(
        _("time precision"), choices=TimePrecision.choices, default=TimePrecision.DAY
    )
    event_type = models.CharField(
        _("event type"), max_length=40, choices=list(EVENT_TYPE_LABELS.items())
    )
    sub_event_type = models.CharField(
        _("sub-event type"), max_length=50, choices=list(SUB_EVENT_LABELS.items())
    )
    actor1 = models.CharField(_("actor 1"), max_length=200, blank=True, default="")
    actor1_ref = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents_as_actor1",
        verbose_name=_("actor 1 in Marsad"),
    )
    inter1 = models.CharField(_("actor 1 type"), max_length=60, blank=True, default="")
    actor2 = models.CharField(_("actor 2"), max_length=200, blank=True, default="")
    actor2_ref = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents_as_actor2",
        verbose_name=_("actor 2 in Marsad"),
    )
    inter2 = models.CharField(_("actor 2 type"), max_length=60, blank=True, default="")
    place = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents_at",
        verbose_name=_("place"),
    )
    admin1 = models.CharField(_("admin 1"), max_length=100, blank=True, default="")
    admin2 = models.CharField(_("admin 2"), max_length=100, blank=True, default="")
    location = models.CharField(_("location"), max_length=200, blank=True, default="")
    pcode = models.CharField(
        _("governorate P-code"),
        max_length=10,
        blank=True,
        default="",
        help_text=_("Empty when the place lies at sea or outside every governorate."),
    )
    latitude = latitude_field(_("latitude"))
    longitude = longitude_field(_("longitude"))
    geo_precision = models.PositiveSmallIntegerField(
        _("geographic precision"), choices=GeoPrecision.choices, default=GeoPrecision.PLACE
    )
    # H3 cells of the point, computed once, so the map clusters with a GROUP BY at any size.
    h3_6 = models.CharField(max_length=16, blank=True, default="")
    h3_8 = models.CharField(max_length=16, blank=True, default="")
    description_ar = models.TextField(_("Arabic description"), blank=True, default="")
    description_en = models.TextField(_("English description"), blank=True, default="")
    reported_by = models.CharField(_("reported by"), max_length=500, blank=True, default="")
    fatalities = models.PositiveIntegerField(
        _("fatalities (as coded)"),
        null=True,
        blank=True,
        help_text=_("The count the incident's own coding gives (ACLED: the most conservative)."),
    )
    verification = models.CharField(
        _("verification"),
        max_length=15,
        choices=Verification.choices,
        default=Verification.REPORTED,
    )
    verification_reason = models.TextField(
        _("reason for the verification"),
        blank=True,
        default="",
        help_text=_(
            "Why an analyst last changed the verification; the history keeps earlier ones."
        ),
    )
    imported_from = models.CharField(_("imported from"), max_length=40, blank=True, default="")
    # The graded source of an imported row (ACLED) and the row's line in its file: a dataset's
    # rows rest on the dataset, not on one claim each (docs/decisions.md). Not indexed: one
    # source holds thousands of incidents, so it never narrows a search.
    source = models.ForeignKey(
        "core.Source",
        models.PROTECT,
        null=True,
        blank=True,
        db_index=False,
        related_name="incidents",
        verbose_name=_("source"),
    )
    source_row = models.PositiveIntegerField(_("line in the file"), null=True, blank=True)
    # No index on the marking alone: incidents share a handful of markings, so it never narrows
    # a search, but SQLite (without statistics) believes it does. It then reads an analyst's
    # filter (marking = 'public' OR marking IN (...)) through two scans of that index and a
    # table lookup per incident, which costs seconds at a million. The indexes below carry the
    # marking after their leading column instead.
    marking = _unindexed(Releasable._meta.get_field("marking"))
    history = HistoricalRecords(m2m_fields=["claims"], no_db_index=["source"])

    class Meta:
        ordering = ["-event_date", "-id"]
        # Covering indexes: each holds every column its queries filter on and read, so that
        # those queries never touch the table, and so that SQLite, choosing without statistics,
        # never picks an index that sends it to the table for every incident (see
        # docs/benchmarks.md, "Incidents at scale").
        indexes = [
            # Date ranges: the dashboard's counts by governorate, type, actor and day, the sum
            # of coded fatalities, and the incident list's pages (newest first) and counts.
            models.Index(
                fields=[
                    "event_date",
                    "marking",
                    "pcode",
                    "event_type",
                    "sub_event_type",
                    "verification",
                    "actor1",
                    "fatalities",
                    "latitude",
                ],
                name="incident_date_cover",
            ),
            # The map: H3 clusters GROUP BY the cell in index order, with no sort, under the
            # list's filters of date, governorate, type and verification; points in a box.
            *(
                models.Index(
                    fields=[
                        cell,
                        "marking",
                        "event_date",
                        "pcode",
                        "event_type",
                        "sub_event_type",
                        "verification",
                        "latitude",
                        "longitude",
                        "fatalities",
                    ],
                    name=f"incident_{cell}_cover",
                )
                for cell in ("h3_6", "h3_8")
            ),
        ]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")

    def __str__(self) -> str:
        return f"{self.event_date} {self.get_sub_event_type_display()} {self.location}"

    def get_absolute_url(self) -> str:
        return reverse("ceasefire:incident", args=[self.pk])

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def offshore(self) -> bool:
        return self.latitude is not None and not self.pcode


class Violation(Evidenced):
    incident = models.ForeignKey(
        Incident, models.CASCADE, related_name="violations", verbose_name=_("incident")
    )
    agreement = models.ForeignKey(
        Agreement, models.PROTECT, related_name="violations", verbose_name=_("agreement")
    )
    phase = models.ForeignKey(
        Phase,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="violations",
        verbose_name=_("phase"),
    )
    clause = models.ForeignKey(
        Clause,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="violations",
        verbose_name=_("clause"),
    )
    accused = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        related_name="violations_accused_of",
        verbose_name=_("accused"),
    )
    accuser = models.ForeignKey(
        "core.Actor",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="violations_alleged",
        verbose_name=_("accuser"),
    )
    determination = models.CharField(
        _("determination"),
        max_length=10,
        choices=Determination.choices,
        default=Determination.ALLEGED,
    )
    determination_reason = models.TextField(
        _("reason for the determination"),
        blank=True,
        default="",
        help_text=_(
            "Why an analyst last changed the determination; the history keeps earlier ones."
        ),
    )
    note_ar = models.TextField(_("Arabic note"), blank=True, default="")
    note_en = models.TextField(_("English note"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=["claims"])

    class Meta:
        ordering = ["-incident__event_date", "id"]
        verbose_name = _("violation")
        verbose_name_plural = _("violations")

    def __str__(self) -> str:
        return f"{self.accused}: {self.incident}"

    @property
    def note(self) -> str:
        return localized(self, "note")


# Imported so that Django registers them with the app's other models, and so that they can be
# imported from here like the rest.
from marsad.ceasefire.models_aggregates import IncidentDay as IncidentDay  # noqa: E402
from marsad.ceasefire.models_aggregates import IncidentDayArea as IncidentDayArea  # noqa: E402
from marsad.ceasefire.models_figures import CasualtyFigure as CasualtyFigure  # noqa: E402
from marsad.ceasefire.models_figures import DailyReport as DailyReport  # noqa: E402
