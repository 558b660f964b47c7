"""Incidents counted per day, kept in step with every write: the dashboard's and the map's
counts read these rows instead of the incidents themselves.

A row (`IncidentDay`) counts the incidents of one day, governorate, H3 cell (resolution 6),
marking and set of nations. Keeping the marking and nations in the key is what keeps the counts
inside each reader's visibility: a reader's counts are the sums of the rows the one
releasability filter (`visible_to`) lets through, so an anonymous reader sums public rows only,
a liaison officer public, force and their nation's rows, an analyst every marked row. There is
no count per reader to get wrong: the same rule as for the incidents decides.

The gate announces every write (`core.events`); `services/counts.on_write` turns an
announcement about incidents (one record or a batch of an import) into additions and
subtractions, applied in the writer's transaction, so the counts are committed or rolled back
with the incidents; `rebuild` there recomputes every row from the incidents (`marsad ceasefire
aggregates --rebuild`), and `drift` compares the two.

The tolls (`day_areas`): an incident no source gave a figure for has its coded count as its
toll (`tolls.py`), which the rows sum; the few incidents with a source's figure are reached
from the figures the reader may read, and their toll replaces their coded count in the sums.
The result equals the sum of every incident's toll (docs/decisions.md).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from marsad.ceasefire import tolls
from marsad.ceasefire.models import CasualtyFigure, Incident
from marsad.ceasefire.models_aggregates import IncidentDay, IncidentDayArea
from marsad.core import history
from marsad.core import selectors as core
from marsad.core.releasability import releasability_filter


def visible(
    user: Any, *, start: date | None = None, end: date | None = None, pcode: str = ""
) -> QuerySet[IncidentDay]:
    """The rows `user` may read, within the dates and governorate asked."""
    return _within(IncidentDay.objects.visible_to(user), start=start, end=end, pcode=pcode)


def visible_areas(
    user: Any, *, start: date | None = None, end: date | None = None, pcode: str = ""
) -> QuerySet[IncidentDayArea]:
    """The roll-up's rows (no cell) `user` may read, within the dates and governorate asked:
    what every sum that needs no cell reads, a tenth of the rows."""
    return _within(IncidentDayArea.objects.visible_to(user), start=start, end=end, pcode=pcode)


def _sums(qs: QuerySet[Any], *group: str) -> QuerySet[Any]:
    # `killed` is None where no incident of the group has a coded figure, as a SUM over the
    # incidents themselves would say.
    return qs.values(*group).annotate(
        n=Sum("incidents"),
        fatal=Sum("fatalities"),
        at=Sum("located"),
        coded=Sum("coded"),
    )


def by_governorate(user: Any, **within: Any) -> list[dict[str, Any]]:
    rows = _sums(visible_areas(user, **within), "pcode").order_by("pcode")
    return [
        {
            "pcode": r["pcode"],
            "n": r["n"],
            "killed": r["fatal"] if r["coded"] else None,
            "located": r["at"],
        }
        for r in rows
        if r["n"]
    ]


def per_day(user: Any, **within: Any) -> list[dict[str, Any]]:
    rows = _sums(visible_areas(user, **within), "event_date").order_by("event_date")
    return [
        {"event_date": r["event_date"], "n": r["n"], "killed": r["fatal"] if r["coded"] else None}
        for r in rows
        if r["n"]
    ]


def per_cell(user: Any, **within: Any) -> list[dict[str, Any]]:
    """Incidents and fatalities per H3 cell at resolution 6, located incidents only."""
    rows = _sums(visible(user, **within).filter(located__gt=0).exclude(h3_6=""), "h3_6").order_by(
        "h3_6"
    )
    return [{"h3_6": r["h3_6"], "n": r["at"], "killed": r["fatal"]} for r in rows if r["at"]]


def located(user: Any, **within: Any) -> int:
    return visible_areas(user, **within).aggregate(n=Sum("located"))["n"] or 0


def total_fatalities(user: Any, **within: Any) -> int | None:
    found = visible_areas(user, **within).aggregate(n=Sum("fatalities"), coded=Sum("coded"))
    return found["n"] if found["coded"] else None


def _within(
    qs: QuerySet[Any], *, start: date | None = None, end: date | None = None, pcode: str = ""
) -> QuerySet[Any]:
    if start:
        qs = qs.filter(event_date__gte=start)
    if end:
        qs = qs.filter(event_date__lte=end)
    if pcode:
        qs = qs.filter(pcode=pcode)
    return qs.order_by()


def _toll_corrections(
    user: Any, incidents: QuerySet[Incident], figures: QuerySet[CasualtyFigure] | None = None
) -> dict[tuple[date, str], dict[str, int]]:
    """Per day and governorate, what the incidents with a source's figure change in the sums of
    their coded counts when their toll replaces their coded count: the coded counts to take out
    (`coded_sum`, and `coded` incidents with one), the tolls to put in (`toll_sum`, and `tolled`
    incidents with one).

    Read from the figures, not the incidents: the figures the reader may read name the
    incidents, which are reached in `incidents` (the reader's, within the dates and governorate
    asked) by their key, so the cost follows the figures (a few thousand), not the incidents
    since the truce. An incident whose figures give no killed count keeps its coded count as
    its toll and changes nothing, so it is not read."""
    if figures is None:
        figures = core.records(user, CasualtyFigure)
    figures = figures.filter(Q(killed_best__isnull=False) | Q(killed_low__isnull=False))
    # The incidents named by a figure, by their key (SQLite looks each one up, PostgreSQL joins
    # the few ids to the incidents' primary key), each with its lowest figure: one correlated
    # MIN per incident reached, where the toll's CASE repeated it in every branch; the rule is
    # then applied to the counts read (`tolls.conservative`).
    named = figures.filter(incident_id__isnull=False).values("incident_id")
    rows = (
        incidents.filter(id__in=named)
        .order_by()
        .annotate(low=tolls.lowest_figure(figures))
        .values_list("event_date", "pcode", "fatalities", "low")
    )
    return _corrections(rows)


def _corrections_now(
    user: Any, *, start: date | None = None, end: date | None = None, pcode: str = ""
) -> dict[tuple[date, str], dict[str, int]]:
    """What `_toll_corrections` gives for the records as they are now, read as one join from the
    figures to their incidents (both through the reader's filter) instead of a lookup and a
    correlated MIN per incident: the figures' rows are brought into Python and each incident's
    lowest figure taken there. The history tables have no such join, so a moment held
    (`known_on`) reads `_toll_corrections`; tests/ceasefire/test_toll_corrections.py checks both
    give the same."""
    figures = core.records(user, CasualtyFigure).filter(
        Q(killed_best__isnull=False) | Q(killed_low__isnull=False), incident__isnull=False
    )
    if (reach := releasability_filter(user, "incident__")) is not None:
        figures = figures.filter(reach)
    if start:
        figures = figures.filter(incident__event_date__gte=start)
    if end:
        figures = figures.filter(incident__event_date__lte=end)
    if pcode:
        figures = figures.filter(incident__pcode=pcode)
    rows = figures.order_by().values_list(
        "incident_id",
        "incident__event_date",
        "incident__pcode",
        "incident__fatalities",
        Coalesce("killed_best", "killed_low"),
    )
    named: dict[int, list[Any]] = {}
    for pk, day, area, coded, low in rows:
        if (seen := named.get(pk)) is None:
            named[pk] = [day, area, coded, low]
        elif low < seen[3]:
            seen[3] = low
    return _corrections(named.values())


def _corrections(rows: Any) -> dict[tuple[date, str], dict[str, int]]:
    """Per day and governorate, the coded tolls and the conservative tolls of the incidents a
    source gave a figure for: (day, P-code, coded fatalities, lowest figure) per incident."""
    found: dict[tuple[date, str], dict[str, int]] = {}
    for day, area, coded, low in rows:
        fix = found.setdefault(
            (day, area), {"coded_sum": 0, "coded": 0, "toll_sum": 0, "tolled": 0}
        )
        fix["toll_sum"] += tolls.conservative(coded, low) or 0
        fix["tolled"] += 1
        if coded is not None:
            fix["coded_sum"] += coded
            fix["coded"] += 1
    return found


def _held_sums(incidents: QuerySet[Any]) -> QuerySet[Any]:
    """What `_sums` reads from the kept counts, counted from versions of the incidents."""
    return (
        incidents.values("event_date", "pcode")
        .annotate(
            n=Count("id"),
            fatal=Sum(Coalesce(F("fatalities"), Value(0))),
            at=Count("latitude"),
            coded=Count("fatalities"),
        )
        .order_by("event_date", "pcode")
    )


def day_areas(
    user: Any, *, known_on: datetime | None = None, **within: Any
) -> dict[tuple[date, str], dict[str, int]]:
    """Per day and governorate P-code ('' for none), oldest first: the incidents (`n`), the sum
    of their tolls (`killed`, `tolls.with_tolls`), those located and those with a toll
    (`tolled`). The kept counts hold every incident's coded count; only the incidents a source
    gave a figure for are read one by one, to put their toll in its place.

    With `known_on` (`core/moments.py`), the incidents and figures as Marsad held them then,
    read from the history tables: the kept counts are today's knowledge, so the coded counts
    are summed from the incidents' versions instead (slower: docs/benchmarks.md)."""
    if known_on is None:
        fixes = _corrections_now(user, **within)
        rows = _sums(visible_areas(user, **within), "event_date", "pcode").order_by(
            "event_date", "pcode"
        )
    else:
        incidents = _within(history.known_on(Incident, user, known_on), **within)
        figures = history.known_on(CasualtyFigure, user, known_on)
        fixes = _toll_corrections(user, incidents, figures)
        rows = _held_sums(incidents)
    found = {}
    for r in rows:
        if not r["n"]:
            continue
        killed, tolled = r["fatal"], r["coded"]
        if (fix := fixes.get((r["event_date"], r["pcode"]))) is not None:
            killed += fix["toll_sum"] - fix["coded_sum"]
            tolled += fix["tolled"] - fix["coded"]
        found[r["event_date"], r["pcode"]] = {
            "n": r["n"],
            "killed": killed,
            "located": r["at"],
            "tolled": tolled,
        }
    return found


def days_and_areas(
    user: Any, *, known_on: datetime | None = None, **within: Any
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """What `per_day_of` (with `tolled` on each day) and `governorates_of` give from `day_areas`,
    read as two sums, per day and per governorate, instead of one row per day and governorate:
    a tenth of the rows to bring into Python. The corrections, keyed per day and governorate,
    go into both. With `known_on`, both are counted from `day_areas`' versions."""
    if known_on is not None:
        held = day_areas(user, known_on=known_on, **within)
        return per_day_of(held, with_tolled=True), governorates_of(held)
    by_day: dict[date, dict[str, int]] = {}
    by_area: dict[str, dict[str, int]] = {}
    for (day, pcode), fix in _corrections_now(user, **within).items():
        for into in (by_day.setdefault(day, {}), by_area.setdefault(pcode, {})):
            into["killed"] = into.get("killed", 0) + fix["toll_sum"] - fix["coded_sum"]
            into["tolled"] = into.get("tolled", 0) + fix["tolled"] - fix["coded"]
    days = []
    for r in _sums(visible_areas(user, **within), "event_date").order_by("event_date"):
        if r["n"]:
            fix = by_day.get(r["event_date"], {})
            days.append(
                {
                    "event_date": r["event_date"],
                    "n": r["n"],
                    "killed": r["fatal"] + fix.get("killed", 0),
                    "tolled": r["coded"] + fix.get("tolled", 0),
                }
            )
    areas = []
    for r in _sums(visible_areas(user, **within), "pcode").order_by("pcode"):
        if r["n"]:
            fix = by_area.get(r["pcode"], {})
            killed = r["fatal"] + fix.get("killed", 0)
            areas.append({"pcode": r["pcode"], "n": r["n"], "killed": killed, "located": r["at"]})
    return days, areas


def governorates_of(days: dict[tuple[date, str], dict[str, int]]) -> list[dict[str, Any]]:
    """What `selectors.incidents_by_governorate` gives, from `day_areas`."""
    found: dict[str, dict[str, Any]] = {}
    for (_day, pcode), row in days.items():
        into = found.setdefault(pcode, {"pcode": pcode, "n": 0, "killed": 0, "located": 0})
        for name in ("n", "killed", "located"):
            into[name] += row[name]
    return [found[pcode] for pcode in sorted(found)]


def per_day_of(
    days: dict[tuple[date, str], dict[str, int]], *, with_tolled: bool = False
) -> list[dict[str, Any]]:
    """What `selectors.incidents_per_day` gives, from `day_areas` (and the incidents with a toll
    on each day, `tolled`, when asked)."""
    found: dict[date, dict[str, Any]] = {}
    names = ("n", "killed", "tolled") if with_tolled else ("n", "killed")
    for (day, _pcode), row in days.items():
        into = found.setdefault(day, {"event_date": day, **dict.fromkeys(names, 0)})
        for name in names:
            into[name] += row[name]
    return [found[day] for day in sorted(found)]


def total_of(days: dict[tuple[date, str], dict[str, int]], since: date | None = None) -> int | None:
    """The sum of the tolls from `since` (included), None when no incident has a toll."""
    chosen = [row for (day, _pcode), row in days.items() if since is None or day >= since]
    if not any(row["tolled"] for row in chosen):
        return None
    return sum(row["killed"] for row in chosen)


def tolls_by_governorate(user: Any, **within: Any) -> list[dict[str, Any]]:
    return governorates_of(day_areas(user, **within))


def tolls_per_day(user: Any, **within: Any) -> list[dict[str, Any]]:
    return per_day_of(day_areas(user, **within))


def toll_total(user: Any, **within: Any) -> int | None:
    return total_of(day_areas(user, **within))
