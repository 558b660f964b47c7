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

    def __str__(self) -> str:
        return f"{self.event_date} {self.pcode or '-'} {self.h3_6 or '-'} {self.marking}"
