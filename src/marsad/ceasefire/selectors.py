"""Reads of the ceasefire, always through visible_to. The same filters serve the pages, the
API, the map and the exports, so they can never disagree."""

from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Q, QuerySet, Sum, prefetch_related_objects
from django.utils.translation import gettext as _

from marsad.ceasefire import aggregates as kept
from marsad.ceasefire.models import (
    Agreement,
    CasualtyFigure,
    DailyReport,
    Incident,
    Phase,
    Violation,
)
from marsad.ceasefire.tolls import killed_sum, with_tolls
from marsad.ceasefire.vocabulary import EDITOR_LABELS, Verification
from marsad.core import history
from marsad.core.errors import InvalidInput
from marsad.core.evidence import CLAIM_RELATED
from marsad.core.models import Source
from marsad.core.services.inputs import parse_date
from marsad.datasets.acled_codebook import EVENT_TYPES

MAIN_AGREEMENT = "GAZA-CEASEFIRE"
MAIN_SERIES_SOURCE = "GAZA-MOH"


@dataclass(frozen=True)
class IncidentFilters:
    """The filters of the incident list, the map and the exports (all optional)."""

    start: date | None = None
    end: date | None = None
    event_type: str = ""
    sub_event_type: str = ""
    pcode: str = ""
    actor: str = ""
    verification: str = ""
    source: str = ""
    offshore: bool | None = None

    @classmethod
    def parse(cls, params: Any) -> IncidentFilters:
        """From query parameters; a bad value is refused with its name."""
        event_type = params.get("event_type", "") or ""
        if event_type and event_type not in EVENT_TYPES:
            raise InvalidInput.one("event_type", event_type, "is not an ACLED event type")
        verification = params.get("verification", "") or ""
        if verification and verification not in Verification.values:
            raise InvalidInput.one(
                "verification", verification, "must be one of " + ", ".join(Verification.values)
            )
        start, end = parse_date(params.get("start"), "start"), parse_date(params.get("end"), "end")
        if start and end and end < start:
            raise InvalidInput.one("end", end.isoformat(), "is before the start")
        offshore = params.get("offshore", "")
        return cls(
            start=start,
            end=end,
            event_type=event_type,
            sub_event_type=params.get("sub_event_type", "") or "",
            pcode=(params.get("pcode", "") or "").upper(),
            actor=params.get("actor", "") or "",
            verification=verification,
            source=params.get("source", "") or "",
            offshore=None if offshore in ("", None) else str(offshore).lower() in ("1", "true"),
        )

    def apply(self, qs: QuerySet[Incident]) -> QuerySet[Incident]:
        if self.start:
            qs = qs.filter(event_date__gte=self.start)
        if self.end:
            qs = qs.filter(event_date__lte=self.end)
        if self.event_type:
            qs = qs.filter(event_type=self.event_type)
        if self.sub_event_type:
            qs = qs.filter(sub_event_type=self.sub_event_type)
        if self.pcode:
            qs = qs.filter(pcode=self.pcode)
        if self.actor:
            key = self.actor.upper()
            qs = qs.filter(
                Q(actor1_ref__key=key)
                | Q(actor2_ref__key=key)
                | Q(actor1__icontains=self.actor)
                | Q(actor2__icontains=self.actor)
            )
        if self.verification:
            qs = qs.filter(verification=self.verification)
        if self.source:
            qs = qs.filter(reported_by__icontains=self.source)
        if self.offshore is True:
            qs = qs.filter(pcode="", latitude__isnull=False)
        elif self.offshore is False:
            qs = qs.exclude(pcode="")
        return qs

    def counted(self) -> dict[str, Any] | None:
        """The filters as the kept daily counts can answer them (dates and governorate), or None
        when another filter needs the incidents themselves."""
        rest = (self.event_type, self.sub_event_type, self.actor, self.verification, self.source)
        if any(rest) or self.offshore is not None:
            return None
        return {"start": self.start, "end": self.end, "pcode": self.pcode}

    def query_string(self) -> str:
        values = {k: v for k, v in self.__dict__.items() if v not in (None, "")}
        return urlencode(
            {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()}
        )


def incidents(user: Any, filters: IncidentFilters | None = None) -> QuerySet[Incident]:
    qs = (
        Incident.objects.visible_to(user)
        .select_related("actor1_ref", "actor2_ref", "place")
        # A governorate's outline is kilobytes of JSON, decoded again for every incident of a
        # list or an export; nothing shown with an incident needs it.
        .defer("actor1_ref__geometry", "actor2_ref__geometry", "place__geometry")
    )
    return (filters or IncidentFilters()).apply(qs)


def incident(user: Any, pk: int) -> Incident:
    """One incident, with its `toll` (tolls.py)."""
    return with_tolls(user, incidents(user)).get(pk=pk)


@dataclass(frozen=True)
class FigureFilters:
    """The filters of the casualty-figure list, its API and its exports (all optional): the
    source's key, the day reported (from, to), the area's P-code (the figure's own area or its
    incident's governorate), the incident."""

    source: str = ""
    start: date | None = None
    end: date | None = None
    area: str = ""
    incident: int | None = None

    @classmethod
    def parse(cls, params: Any) -> FigureFilters:
        start, end = parse_date(params.get("start"), "start"), parse_date(params.get("end"), "end")
        if start and end and end < start:
            raise InvalidInput.one("end", end.isoformat(), "is before the start")
        incident = params.get("incident", "")
        if incident in (None, ""):
            number = None
        elif str(incident).isdigit():
            number = int(incident)
        else:
            raise InvalidInput.one("incident", incident, "must be an incident number")
        return cls(
            source=(params.get("source", "") or "").strip().upper(),
            start=start,
            end=end,
            area=(params.get("area", "") or "").strip().upper(),
            incident=number,
        )

    def apply(self, qs: QuerySet[CasualtyFigure]) -> QuerySet[CasualtyFigure]:
        if self.source:
            qs = qs.filter(source__key=self.source)
        if self.start:
            qs = qs.filter(reported_on__gte=self.start)
        if self.end:
            qs = qs.filter(reported_on__lte=self.end)
        if self.area:
            qs = qs.filter(Q(area=self.area) | Q(incident__pcode=self.area))
        if self.incident is not None:
            qs = qs.filter(incident_id=self.incident)
        return qs


def figures(user: Any, filters: FigureFilters | None = None) -> QuerySet[CasualtyFigure]:
    qs = CasualtyFigure.objects.visible_to(user).select_related("source", "incident")
    return (filters or FigureFilters()).apply(qs)


# What a violation names (`core.history.with_related` reads them for versions of the past).
VIOLATION_RELATED = ("incident", "agreement__actor", "phase", "clause", "accused", "accuser")


def violations(user: Any, known_on: datetime | None = None) -> QuerySet[Violation]:
    """Alleged violations, latest incident first: now, or as Marsad held them at `known_on`."""
    return (
        history.held(Violation, user, known_on)
        .select_related(*VIOLATION_RELATED)
        .order_by("-incident__event_date", "id")
    )


def violations_shown(
    user: Any, known_on: datetime | None = None, limit: int | None = None, accused: str = ""
) -> list[Violation]:
    """The violations (the first `limit`; those of the `accused` actor's key) with what they
    name: as they are now, or all as Marsad held them at `known_on`: the incident, phase and
    actors named and the evidence too, each shown only if the reader may read it as marked
    then and now (a violation whose incident is not is left out)."""
    rows = violations(user, known_on)
    if accused:
        rows = rows.filter(accused__key=accused.upper())
    if known_on is None:
        return history.with_related(rows[:limit] if limit else rows, *VIOLATION_RELATED)
    named = [n.split("__")[0] for n in VIOLATION_RELATED]
    found = history.held_named(rows, user, *named)[:limit]
    prefetch_related_objects(found, "agreement__actor")
    history.held_links(found, "claims", user, *CLAIM_RELATED)
    return found


def agreements(user: Any) -> QuerySet[Agreement]:
    return Agreement.objects.visible_to(user).select_related("actor")


def main_agreement(user: Any, known_on: datetime | None = None) -> Agreement | None:
    """The agreement the dashboard follows, now or as Marsad held it at `known_on`."""
    held = history.held(Agreement, user, known_on).select_related("actor")
    return held.filter(actor__key=MAIN_AGREEMENT).first()  # type: ignore[no-any-return]


def phases(user: Any, agreement: Agreement | None, known_on: datetime | None = None) -> list[Phase]:
    if agreement is None:
        return []
    held = history.held(Phase, user, known_on)
    return list(held.filter(agreement_id=agreement.id).order_by("number"))


def daily_reports(user: Any, source: str = MAIN_SERIES_SOURCE) -> list[DailyReport]:
    return list(
        DailyReport.objects.visible_to(user).filter(source__key=source).order_by("report_date")
    )


def daily_series(
    user: Any, source: str = MAIN_SERIES_SOURCE, known_on: datetime | None = None
) -> list[Any]:
    """The days of `daily_reports` as light rows, each column of a report under its attribute
    name: what the truce's counting reads (`analytics.truce.CasualtyDay`), without building a
    model instance for each of a thousand days, which was most of a cold dashboard's series.
    With `known_on`, the reports as Marsad held them then."""
    names = [f.attname for f in DailyReport._meta.concrete_fields]
    row = _daily_row(tuple(names))
    rows = (
        history.held(DailyReport, user, known_on)
        .filter(source__key=source)
        .order_by("report_date")
        .values_list(*names)
    )
    return [row._make(values) for values in rows]


@cache
def _daily_row(names: tuple[str, ...]) -> Any:
    return namedtuple("DailyRow", names)  # type: ignore[misc]  # noqa: PYI024


def daily_report_days(user: Any, source: Any, days: list[date]) -> list[date]:
    """Which of `days` have a report of `source` that `user` may read."""
    return list(
        DailyReport.objects.visible_to(user)
        .filter(source=source, report_date__in=days)
        .values_list("report_date", flat=True)
    )


def series_sources(user: Any, known_on: datetime | None = None) -> list[tuple[str, str, int]]:
    """Sources with a daily series the reader may see (now, or as held at `known_on`): (key,
    name in the active language with the series' editor credited, days)."""
    rows = (
        history.held(DailyReport, user, known_on)
        .values("source__key")
        .annotate(n=Count("id"))
        .order_by("source__key")
    )
    names = {s.key: s.name for s in Source.objects.filter(key__in=[r["source__key"] for r in rows])}
    found = []
    for row in rows:
        key = row["source__key"]
        name = names.get(key, key)
        editors = series_editors(user, key, known_on)
        if editors:
            via = " / ".join(str(EDITOR_LABELS.get(e, e)) for e in editors)
            name = _("%(source)s, via %(via)s") % {"source": name, "via": via}
        found.append((key, name, row["n"]))
    return found


def series_editors(user: Any, source: str, known_on: datetime | None = None) -> list[str]:
    """Who compiled a source's daily series (Tech for Palestine for the Gaza series)."""
    return sorted(
        history.held(DailyReport, user, known_on)
        .filter(source__key=source)
        .exclude(via="")
        .order_by()
        .values_list("via", flat=True)
        .distinct()
    )


@dataclass
class Aggregates:
    """The dashboard's counts, computed in the database."""

    total: int = 0
    fatalities: int = 0
    by_governorate: list[dict[str, Any]] = field(default_factory=list)
    by_type: list[dict[str, Any]] = field(default_factory=list)
    by_actor: list[dict[str, Any]] = field(default_factory=list)
    by_day: list[dict[str, Any]] = field(default_factory=list)


def aggregates(
    user: Any, filters: IncidentFilters | None = None, *, days: bool = True
) -> Aggregates:
    """Counts by governorate, type, actor and day, each one GROUP BY over the filtered set. The
    totals are the sums of the governorate rows, which saves a pass over the incidents."""
    qs = incidents(user, filters).order_by()
    within = (filters or IncidentFilters()).counted()
    # Dates and governorate only: one read of the kept counts gives the governorates and days.
    counted = kept.day_areas(user, **within) if within is not None else None
    if counted is not None:
        found = Aggregates(by_governorate=kept.governorates_of(counted))
    else:
        found = Aggregates(by_governorate=incidents_by_governorate(user, filters))
    found.total = sum(row["n"] for row in found.by_governorate)
    found.fatalities = sum(row["killed"] or 0 for row in found.by_governorate)
    found.by_type = list(
        qs.values("event_type", "sub_event_type")
        .annotate(n=Count("id"))
        .order_by("-n", "event_type", "sub_event_type")
    )
    found.by_actor = list(qs.values("actor1").annotate(n=Count("id")).order_by("-n", "actor1")[:15])
    if days and counted is not None:
        found.by_day = kept.per_day_of(counted)
    elif days:
        found.by_day = incidents_per_day(user, filters)
    return found


def incidents_by_governorate(
    user: Any, filters: IncidentFilters | None = None
) -> list[dict[str, Any]]:
    """Incidents, their tolls (`tolls.with_tolls`) and located incidents per governorate P-code
    ('' for none). From the kept daily counts when the filters are dates and governorate."""
    within = (filters or IncidentFilters()).counted()
    if within is not None:
        return kept.tolls_by_governorate(user, **within)
    return list(
        with_tolls(user, incidents(user, filters).order_by())
        .values("pcode")
        .annotate(n=Count("id"), killed=Sum(killed_sum()), located=Count("latitude"))
        .order_by("pcode")
    )


def incidents_per_day(user: Any, filters: IncidentFilters | None = None) -> list[dict[str, Any]]:
    """Incidents and their tolls per day of the filtered set, oldest first. From the kept daily
    counts when the filters are dates and governorate."""
    within = (filters or IncidentFilters()).counted()
    if within is not None:
        return kept.tolls_per_day(user, **within)
    return list(
        with_tolls(user, incidents(user, filters).order_by())
        .values("event_date")
        .annotate(n=Count("id"), killed=Sum(killed_sum()))
        .order_by("event_date")
    )
