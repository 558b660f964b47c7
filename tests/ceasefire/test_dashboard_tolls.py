"""The dashboard's tolls from the kept daily counts: the same figures, to the unit, as each
incident's toll (`tolls.with_tolls`) summed directly, for every kind of reader, after creates,
updates, removals, batch updates and imports."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Count, Sum

from marsad.ceasefire import aggregates, selectors
from marsad.ceasefire.imports import import_acled
from marsad.ceasefire.models import Incident
from marsad.ceasefire.services import counts
from marsad.ceasefire.services.figures import record_figure
from marsad.ceasefire.services.incidents import record_incident
from marsad.ceasefire.summary import summarize
from marsad.ceasefire.tolls import killed_sum, with_tolls
from marsad.core.services import gate
from marsad.core.services.actors import create_source
from tests.ceasefire.places import khan_younis

from . import acled_fixture

pytestmark = pytest.mark.django_db

STRIKE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}


@pytest.fixture
def readers(make_user):
    return {
        "anonymous": AnonymousUser(),
        "analyst": make_user("analyst"),
        "ita": make_user("liaison", "ITA"),
        "fra": make_user("liaison", "FRA"),
        "admin": make_user("admin"),
    }


@pytest.fixture
def world(system, states, tmp_path):
    khan_younis(system)
    for key, kind in (("MOH", "official"), ("OTHER", "media")):
        create_source(by=system, key=key, name_ar=key, name_en=key, kind=kind, marking="public")
    made = {}
    for name, day, marking, nations, killed, where in (
        ("a", "2025-11-01", "public", [], 7, (31.3436, 34.3225)),
        ("b", "2025-11-01", "public", [], None, None),
        ("c", "2025-11-02", "force", [], 5, (31.5272, 34.4836)),
        ("d", "2025-11-02", "internal", [], 11, (31.5045, 34.4743)),
        ("e", "2025-11-03", "nations", ["ITA"], 3, (31.2969, 34.2455)),
        ("f", "2025-11-03", "nations", ["FRA"], 4, (31.2969, 34.2455)),
        ("g", "2025-11-04", "public", [], 2, (31.4200, 34.2500)),  # at sea
        ("h", "2025-11-05", "public", [], 9, (31.4181, 34.3517)),
    ):
        lat, lon = where or (None, None)
        made[name] = record_incident(
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

    def figure(incident, marking, nations=(), **killed):
        record_figure(
            by=system,
            source="MOH" if marking == "public" else "OTHER",
            reported_on="2025-11-20",
            incident=made[incident],
            marking=marking,
            releasable_to=list(nations),
            **killed,
        )

    figure("a", "public", killed=4)  # lower than coded: everyone reads 4
    figure("a", "internal", killed=1)  # lower still, for the centre's readers only
    figure("b", "public", killed_low=2, killed_high=6)  # no coded count: the range's low end
    figure("c", "force", killed=8)  # higher than coded: the coded 5 stands
    figure("e", "nations", ["ITA"], killed=0)
    figure("g", "internal", killed=1)
    import_acled(by=system, path=acled_fixture.sample(tmp_path / "acled.csv"), marking="public")
    return made


def _direct(user, **filters):
    """The per-incident computation the dashboard's figures must equal."""
    qs = with_tolls(user, selectors.incidents(user, selectors.IncidentFilters(**filters)))
    qs = qs.order_by()
    by_pcode = (
        qs.values("pcode")
        .annotate(n=Count("id"), killed=Sum(killed_sum()), located=Count("latitude"))
        .order_by("pcode")
    )
    per_day = (
        qs.values("event_date")
        .annotate(n=Count("id"), killed=Sum(killed_sum()))
        .order_by("event_date")
    )
    total = qs.filter(toll__isnull=False).aggregate(n=Sum("toll"))["n"]
    return list(by_pcode), list(per_day), total


def _kept(user, **filters):
    found = selectors.IncidentFilters(**filters)
    within = found.counted()
    return (
        selectors.incidents_by_governorate(user, found),
        selectors.incidents_per_day(user, found),
        aggregates.toll_total(user, **within),
    )


def _all_equal(readers):
    for name, user in readers.items():
        for filters in (
            {},
            {"start": date(2025, 11, 2)},
            {"end": date(2025, 11, 3)},
            {"pcode": "PS0270"},
        ):
            assert _kept(user, **filters) == _direct(user, **filters), (name, filters)


def test_the_dashboards_tolls_equal_each_incidents_toll_summed(world, readers):
    _all_equal(readers)
    by_pcode, _days, total = _kept(readers["anonymous"], end=date(2025, 11, 5))
    # Anonymous: a 4 (its public figure), b 2 (a range's low end), g 2 and h 9 (coded).
    assert total == 4 + 2 + 2 + 9
    # The centre reads every marking: a 1 and g 1 (internal figures), e 0 (Italy's figure).
    assert _kept(readers["analyst"], end=date(2025, 11, 5))[2] == 1 + 2 + 5 + 11 + 0 + 4 + 1 + 9
    assert _kept(readers["ita"], end=date(2025, 11, 5))[2] == 4 + 2 + 5 + 0 + 2 + 9
    assert _kept(readers["fra"], end=date(2025, 11, 5))[2] == 4 + 2 + 5 + 4 + 2 + 9


def test_they_stay_equal_after_updates_removals_batches_and_imports(
    system, world, readers, tmp_path
):
    with transaction.atomic():
        moved = world["a"]
        moved.event_date, moved.fatalities = date(2025, 11, 4), 0
        gate.store(moved, by=system)
    with transaction.atomic():
        gate.remove(world["c"], by=system)
    record_figure(
        by=system,
        source="MOH",
        reported_on="2025-11-21",
        incident=world["h"],
        killed=3,
        marking="public",
    )
    with transaction.atomic():
        batch = list(Incident.objects.filter(imported_from="acled"))
        for incident in batch:
            incident.fatalities = None
        gate.update_batch(
            Incident, batch, ["fatalities"], by=system, ids=lambda i: i.event_id, detail={}
        )
    path = acled_fixture.write(
        tmp_path / "more.csv", [acled_fixture.row(f"MORE{i}", fatalities=str(i)) for i in range(5)]
    )
    import_acled(by=system, path=path, marking="public")
    assert counts.drift() == {}
    _all_equal(readers)


def test_the_summary_counts_the_tolls_from_the_kept_counts(world, readers):
    for name, user in readers.items():
        found = summarize(user)
        incident = [f.value for f in found.figures if f.source == "INCIDENTS"]
        expected = _direct(user, start=found.counted_from)[2]
        assert incident == ([] if expected is None else [expected]), name
        # The dashboard's table by governorate: from the day the truce took effect.
        assert found.areas_from == found.effective
        assert found.by_governorate == _direct(user, start=found.effective)[0], name
