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
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet, Sum

from marsad.ceasefire.models import IncidentDay


def visible(
    user: Any, *, start: date | None = None, end: date | None = None, pcode: str = ""
) -> QuerySet[IncidentDay]:
    """The rows `user` may read, within the dates and governorate asked."""
    qs = IncidentDay.objects.visible_to(user)
    if start:
        qs = qs.filter(event_date__gte=start)
    if end:
        qs = qs.filter(event_date__lte=end)
    if pcode:
        qs = qs.filter(pcode=pcode)
    return qs.order_by()


def _sums(qs: QuerySet[IncidentDay], *group: str) -> QuerySet[IncidentDay]:
    # `killed` is None where no incident of the group has a coded figure, as a SUM over the
    # incidents themselves would say.
    return qs.values(*group).annotate(
        n=Sum("incidents"),
        fatal=Sum("fatalities"),
        at=Sum("located"),
        coded=Sum("coded"),
    )


def by_governorate(user: Any, **within: Any) -> list[dict[str, Any]]:
    rows = _sums(visible(user, **within), "pcode").order_by("pcode")
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
    rows = _sums(visible(user, **within), "event_date").order_by("event_date")
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
    return visible(user, **within).aggregate(n=Sum("located"))["n"] or 0


def total_fatalities(user: Any, **within: Any) -> int | None:
    found = visible(user, **within).aggregate(n=Sum("fatalities"), coded=Sum("coded"))
    return found["n"] if found["coded"] else None
