"""An incident's toll, written once: the most conservative figure among the count coded on the
incident and each source's figure for it (a source's best estimate, or the low end of a range
it gave without one), as the reader may read them. The incident page, the incident list, the
dashboard's totals and governorate table and the exports all read it from here, so the same
incident shows the same toll everywhere.

ACLED's rule: when sources disagree, code the most conservative figure. A part of the toll
("among them three children") is stored on a figure's population columns, never as a toll."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Case,
    F,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from marsad.ceasefire.models import CasualtyFigure, Incident
from marsad.core import selectors as core


def lowest_figure(figures: QuerySet[CasualtyFigure]) -> Subquery:
    """The smallest figure any of `figures` gives for the outer incident. The outer incident is
    matched on `id`, which a version read from the history tables keeps too."""
    low = (
        figures.filter(incident_id=OuterRef("id"))
        .filter(Q(killed_best__isnull=False) | Q(killed_low__isnull=False))
        .order_by()
        .values("incident")
        .annotate(low=Min(Coalesce("killed_best", "killed_low")))
        .values("low")
    )
    return Subquery(low, output_field=IntegerField())


def conservative(coded: int | None, low: int | None) -> int | None:
    """The rule `with_tolls` applies in SQL, for counts already read: the smaller of the coded
    count and the sources' lowest figure, either alone when the other is missing."""
    if coded is None or low is None:
        return low if coded is None else coded
    return min(coded, low)


def with_tolls(
    user: Any, incidents: QuerySet[Incident], figures: QuerySet[CasualtyFigure] | None = None
) -> QuerySet[Incident]:
    """The incidents, each with `toll`: its most conservative count (None when nobody gave
    one), from what `user` may read: the figures as they are now, or `figures` (those Marsad
    held at a moment, `ceasefire/held.py`)."""
    if figures is None:
        figures = core.records(user, CasualtyFigure)
    annotated = incidents.annotate(_figures_low=lowest_figure(figures))
    return annotated.annotate(
        toll=Case(
            When(fatalities__isnull=True, then=F("_figures_low")),
            When(_figures_low__isnull=True, then=F("fatalities")),
            When(fatalities__lte=F("_figures_low"), then=F("fatalities")),
            default=F("_figures_low"),
            output_field=IntegerField(),
        )
    )


def killed_sum() -> Any:
    """The sum of the annotated tolls (0 for none), for GROUP BY tables and totals."""
    return Coalesce(F("toll"), Value(0))


@dataclass
class SourceToll:
    source: Any
    low: int | None
    best: int | None
    high: int | None
    children: int | None = None
    civilians: int | None = None
    women: int | None = None


@dataclass
class Toll:
    """An incident's toll and how it was reached: the coded count and each source's figure."""

    conservative: int | None
    coded: int | None
    by_source: list[SourceToll] = field(default_factory=list)


def toll(user: Any, incident: Incident) -> Toll:
    """The toll of one incident as `user` reads it, with each source's figure beside it."""
    found = with_tolls(user, core.records(user, Incident).filter(pk=incident.pk)).first()
    figures = (
        core.records(user, CasualtyFigure)
        .filter(incident=incident)
        .select_related("source")
        .order_by("reported_on", "id")
    )
    return Toll(
        conservative=found.toll if found is not None else None,  # type: ignore[attr-defined]
        coded=incident.fatalities,
        by_source=[
            SourceToll(
                source=f.source,
                low=f.killed_low,
                best=f.killed_best,
                high=f.killed_high,
                children=f.children,
                civilians=f.civilians,
                women=f.women,
            )
            for f in figures
        ],
    )
