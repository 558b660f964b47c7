"""The incidents' kept daily counts: equal to the incidents after any mix of writes, removals,
batch updates and imports, and summed for each reader over what that reader may read only."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Count, Sum

from marsad.ceasefire import aggregates, selectors
from marsad.ceasefire.imports import import_acled
from marsad.ceasefire.models import Incident, IncidentDay
from marsad.ceasefire.services import counts
from marsad.ceasefire.services.incidents import record_incident
from marsad.core.audience import Audience
from marsad.core.services import gate
from tests.ceasefire.places import khan_younis

from . import acled_fixture

pytestmark = pytest.mark.django_db

STRIKE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}


def write_then_fail(by, day):
    with transaction.atomic():
        record_incident(by=by, event_date=day, **STRIKE, marking="public")
        raise RuntimeError("undone")


@pytest.fixture
def incidents(system, states, tmp_path):
    khan_younis(system)
    made = []
    for day, marking, nations, killed, where in (
        ("2025-11-01", "public", [], 2, (31.3436, 34.3225)),
        ("2025-11-01", "public", [], None, None),
        ("2025-11-02", "force", [], 5, (31.5272, 34.4836)),
        ("2025-11-02", "internal", [], 11, (31.5045, 34.4743)),
        ("2025-11-03", "nations", ["ITA"], 3, (31.2969, 34.2455)),
        ("2025-11-03", "nations", ["FRA"], 4, (31.2969, 34.2455)),
        ("2025-11-04", "nations", ["FRA", "ITA"], 1, (31.4181, 34.3517)),
        ("2025-11-04", "public", [], 0, (31.4200, 34.2500)),  # at sea
    ):
        lat, lon = where or (None, None)
        made.append(
            record_incident(
                by=system,
                event_date=day,
                **STRIKE,
                marking=marking,
                releasable_to=nations,
                fatalities=killed,
                latitude=lat,
                longitude=lon,
                pcode="" if where else "PS0270",
            )
        )
    import_acled(by=system, path=acled_fixture.sample(tmp_path / "acled.csv"), marking="internal")
    return made


def test_counts_equal_the_incidents_after_writes_removals_updates_and_imports(
    system, incidents, tmp_path
):
    assert counts.drift() == {}
    assert IncidentDay.objects.count() > 5
    with transaction.atomic():  # one update, with the state it replaces
        moved = incidents[0]
        moved.event_date, moved.fatalities = date(2025, 12, 1), 9
        gate.store(moved, by=system)
    with transaction.atomic():
        gate.remove(incidents[2], by=system)
    with transaction.atomic():  # a batch: the states replaced come from the history
        batch = list(Incident.objects.filter(imported_from="acled"))
        for incident in batch:
            incident.event_date, incident.fatalities = date(2026, 1, 5), None
        gate.update_batch(
            Incident,
            batch,
            ["event_date", "fatalities"],
            by=system,
            ids=lambda i: i.event_id,
            detail={"test": True},
        )
    path = acled_fixture.write(
        tmp_path / "more.csv", [acled_fixture.row(f"MORE{i}", fatalities=str(i)) for i in range(5)]
    )
    import_acled(by=system, path=path, marking="public")
    assert counts.drift() == {}
    kept = counts.stored()
    assert counts.rebuild() == len(kept)
    assert counts.stored() == kept


def test_a_write_rolled_back_leaves_the_counts_as_they_were(system, incidents):
    before = counts.stored()
    with pytest.raises(RuntimeError, match="undone"):
        write_then_fail(system, "2025-11-09")
    assert counts.stored() == before


def _live(user, **filters):
    qs = selectors.incidents(user, selectors.IncidentFilters(**filters)).order_by()
    by_pcode = qs.values("pcode").annotate(
        n=Count("id"), killed=Sum("fatalities"), located=Count("latitude")
    )
    per_day = qs.values("event_date").annotate(n=Count("id"), killed=Sum("fatalities"))
    return (
        sorted((r["pcode"], r["n"], r["killed"], r["located"]) for r in by_pcode),
        sorted((r["event_date"], r["n"], r["killed"]) for r in per_day),
        qs.aggregate(n=Sum("fatalities"))["n"],
    )


def test_each_reader_counts_only_what_they_may_read(incidents, make_user):
    readers = {
        "admin": make_user("admin"),
        "analyst": make_user("analyst"),
        "ita": make_user("liaison", "ITA"),
        "fra": make_user("liaison", "FRA"),
        "public": make_user("public"),
        "anonymous": AnonymousUser(),
        "ita+fra": Audience("nations", ("FRA", "ITA")),
    }
    totals = {}
    for name, user in readers.items():
        for filters in ({}, {"start": date(2025, 11, 2)}, {"pcode": "PS0270"}):
            counted = selectors.IncidentFilters(**filters).counted()
            by_pcode = aggregates.by_governorate(user, **counted)
            assert (
                sorted((r["pcode"], r["n"], r["killed"], r["located"]) for r in by_pcode),
                sorted(
                    (r["event_date"], r["n"], r["killed"])
                    for r in aggregates.per_day(user, **counted)
                ),
                aggregates.total_fatalities(user, **counted),
            ) == _live(user, **filters), (name, filters)
        totals[name] = sum(r["n"] for r in aggregates.by_governorate(user))
    visible = {name: selectors.incidents(u).count() for name, u in readers.items()}
    assert totals == visible
    # The nations' incidents stay with their nations: 3 killed for Italy, 4 for France.
    assert aggregates.total_fatalities(readers["anonymous"], start=date(2025, 11, 3)) == 0
    assert aggregates.total_fatalities(readers["ita"], start=date(2025, 11, 3)) == 3 + 1
    assert aggregates.total_fatalities(readers["fra"], start=date(2025, 11, 3)) == 4 + 1
    assert aggregates.total_fatalities(readers["ita+fra"], start=date(2025, 11, 3)) == 1


def test_the_map_clusters_from_the_counts_equal_the_incidents(incidents, make_user, monkeypatch):
    from marsad.ceasefire import mapdata

    monkeypatch.setattr(mapdata, "POINT_LIMIT", 2)
    for user in (make_user("analyst"), make_user("liaison", "ITA"), AnonymousUser()):
        counted = mapdata.counted_clusters(user, selectors.IncidentFilters(), zoom=10)
        live = mapdata.features(selectors.incidents(user), zoom=10)
        # Too few for clusters: the counts leave the points to the incidents themselves.
        assert counted == live if counted is not None else live["mode"] == "points"
    assert counted is None


def _dashboard_queries(client):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from marsad.ceasefire.models_aggregates import SeriesSummary

    # Nothing kept (neither the cache nor the daily series' summary kept in the database), then
    # the cache emptied (the series kept), then the page kept.
    found = []
    for forget in (True, False, None):
        if forget is not None:
            cache.clear()
        if forget:
            SeriesSummary.objects.all().delete()
        with CaptureQueriesContext(connection) as asked:
            assert client.get("/en/ceasefire/").status_code == 200
        found.append(len(asked))
    return tuple(found)


def test_the_dashboard_asks_as_many_queries_at_two_sizes(system, incidents, make_user):
    from django.test import Client

    client = Client()
    client.force_login(make_user("analyst"))
    small = _dashboard_queries(client)
    for i in range(60):
        record_incident(
            by=system,
            event_date=date(2025, 11, 1) + timedelta(days=i % 20),
            **STRIKE,
            marking="public" if i % 2 else "internal",
            fatalities=i % 4,
            latitude=31.30 + (i % 30) / 100,
            longitude=34.30 + (i % 15) / 100,
        )
    large = _dashboard_queries(client)
    assert small == large
    nothing_kept, cold, warm = large
    # Nothing kept: the summary's series counted and kept, and the counts (the incidents never
    # read themselves); cold: the kept series read in one statement and the counts; warm: the
    # reader's session and user, the page's notifications, nothing of the figures.
    assert nothing_kept <= 22
    assert cold <= 13
    assert warm <= 5
