"""Counts kept from the incidents (not records of their own): what `ceasefire/aggregates.py`
reads and `ceasefire/services/counts.py` keeps in step with every write."""

from __future__ import annotations

from django.db import models

from marsad.core.releasability import ReleasableQuerySet


class IncidentDay(models.Model):
    """Incidents kept counted per day, governorate, H3 cell (resolution 6) and marking, so the
    dashboard and the map read a few thousand rows instead of a million incidents.

    Not a record of its own: it is derived from the incidents (`ceasefire/aggregates.py` keeps
    it in step with every write the gate announces, and `marsad ceasefire aggregates --rebuild`
    recomputes it). Each row holds incidents of one marking and one set of nations, so a reader
    sums the rows the releasability filter lets through: exactly the incidents they may read."""

    event_date = models.DateField()
    pcode = models.CharField(max_length=12, blank=True, default="")
    h3_6 = models.CharField(max_length=16, blank=True, default="")
    marking = models.CharField(max_length=10, blank=True, default="")
    releasable_to = models.CharField(max_length=400, blank=True, default="")
    incidents = models.IntegerField(default=0)
    fatalities = models.BigIntegerField(default=0)
    located = models.IntegerField(default=0)
    # Incidents with a coded figure: a sum over none of them is "no figure", not zero.
    coded = models.IntegerField(default=0)

    objects = ReleasableQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event_date", "pcode", "h3_6", "marking", "releasable_to"],
                name="incident_day_key",
            )
        ]
        indexes = [
            # The dashboard's sums per day and per governorate read the index alone.
            models.Index(
                fields=[
                    "event_date",
                    "marking",
                    "releasable_to",
                    "pcode",
                    "incidents",
                    "fatalities",
                    "located",
                    "coded",
                ],
                name="incident_day_cover",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_date} {self.pcode or '-'} {self.h3_6 or '-'} {self.marking}"


class IncidentDayArea(models.Model):
    """The same counts as `IncidentDay` without the H3 cell: per day, governorate and marking.
    The dashboard's sums per day and per governorate need no cell, and at a million incidents
    the cells make ten times as many rows to read (about 17,000 since the truce, where these are
    about 1,900). Kept by the same listener and recount as `IncidentDay`
    (`services/counts.py`), in the same statement's transaction, so the two never disagree."""

    event_date = models.DateField()
    pcode = models.CharField(max_length=12, blank=True, default="")
    marking = models.CharField(max_length=10, blank=True, default="")
    releasable_to = models.CharField(max_length=400, blank=True, default="")
    incidents = models.IntegerField(default=0)
    fatalities = models.BigIntegerField(default=0)
    located = models.IntegerField(default=0)
    coded = models.IntegerField(default=0)

    objects = ReleasableQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event_date", "pcode", "marking", "releasable_to"],
                name="incident_day_area_key",
            )
        ]
        indexes = [
            # The sums per day and per governorate read the index alone.
            models.Index(
                fields=[
                    "event_date",
                    "marking",
                    "releasable_to",
                    "pcode",
                    "incidents",
                    "fatalities",
                    "located",
                    "coded",
                ],
                name="incident_day_area_cover",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_date} {self.pcode or '-'} {self.marking}"


class SeriesSummary(models.Model):
    """The daily series' part of the dashboard's summary (`summary._series`: the figures since
    the truce, the days, the phases, the alerts and warnings), kept per visibility class,
    language and dates, so that a first reader after a restart or an emptied cache does not
    count a thousand days of reports again. Derived, not a record: `services/series_kept.py`
    keeps it, and a write of what it reads makes every row out of date (its `epoch`)."""

    key = models.CharField(max_length=64, unique=True)
    epoch = models.BigIntegerField()
    summary = models.BinaryField()

    def __str__(self) -> str:
        return f"{self.key[:12]} @{self.epoch}"


class KeptEpoch(models.Model):
    """How many writes of what a kept summary reads there have been: a kept row of another epoch
    is out of date. Moved on in the writer's transaction, read before computing, so that a
    summary computed while a write commits is stored under the old epoch and never read."""

    name = models.CharField(max_length=40, primary_key=True)
    epoch = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name} @{self.epoch}"
