"""The roll-up of the kept daily counts without their H3 cell (`IncidentDayArea`): the same
cells, per day, governorate and marking, as the incidents give, for an anonymous reader and an
analyst, after a write, a removal, a batch update and a bulk import; and the dashboard's one read
of the places gives what the two reads it replaces gave."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Count, Sum

from marsad.ceasefire import aggregates, views
from marsad.ceasefire.imports import import_acled
from marsad.ceasefire.models import Incident, IncidentDayArea
from marsad.ceasefire.services import counts
from marsad.ceasefire.services.incidents import record_incident
from marsad.core import selectors as core
from marsad.core.services import gate
from tests.ceasefire.places import khan_younis

from . import acled_fixture

pytestmark = pytest.mark.django_db

STRIKE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}


@pytest.fixture
def made(system, states, tmp_path):
    khan_younis(system)
    found = []
    for day, marking, nations, killed, where in (
        ("2025-11-01", "public", [], 2, (31.3436, 34.3225)),
        ("2025-11-01", "public", [], None, None),
        ("2025-11-01", "public", [], 4, (31.3500, 34.3100)),  # same day, another cell
        ("2025-11-02", "force", [], 5, (31.5272, 34.4836)),
        ("2025-11-02", "internal", [], 11, (31.5045, 34.4743)),
        ("2025-11-03", "nations", ["ITA"], 3, (31.2969, 34.2455)),
    ):
        lat, lon = where or (None, None)
        found.append(
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
    return found


def _cells(user):
    """Per day and governorate, from the incidents the reader may read."""
    rows = (
        core.records(user, Incident)
        .order_by()
        .values("event_date", "pcode")
        .annotate(
            n=Count("id"), killed=Sum("fatalities"), at=Count("latitude"), coded=Count("fatalities")
        )
    )
    return {
        (r["event_date"], r["pcode"]): (r["n"], r["killed"] or 0, r["at"], r["coded"]) for r in rows
    }


def _kept(user):
    """The same, from the roll-up the reader may read."""
    rows = aggregates._sums(aggregates.visible_areas(user), "event_date", "pcode")
    return {
        (r["event_date"], r["pcode"]): (r["n"], r["fatal"], r["at"], r["coded"])
        for r in rows
        if r["n"]
    }


def _check(readers):
    assert counts.drift() == {}
    assert counts.stored_areas() == counts.rolled_up(counts.live())
    for name, user in readers.items():
        assert _kept(user) == _cells(user), name


def test_the_roll_up_follows_writes_and_a_bulk_import(system, made, make_user, tmp_path):
    readers = {
        "anonymous": AnonymousUser(),
        "analyst": make_user("analyst"),
        "italy": make_user("liaison", "ITA"),
        "france": make_user("liaison", "FRA"),
    }
    _check(readers)
    # The day released to Italy alone is counted for Italy's officer, not for France's.
    released = (date(2025, 11, 3), "PS0275")
    assert released in _kept(readers["italy"])
    assert released not in _kept(readers["france"])
    # Fewer rows than the daily counts: two cells of one day and governorate are one row.
    assert IncidentDayArea.objects.count() < counts.IncidentDay.objects.count()
    with transaction.atomic():
        moved = made[0]
        moved.event_date, moved.fatalities, moved.marking = date(2025, 12, 1), 9, "internal"
        gate.store(moved, by=system)
    with transaction.atomic():
        gate.remove(made[3], by=system)
    _check(readers)
    import_acled(by=system, path=acled_fixture.sample(tmp_path / "acled.csv"), marking="public")
    _check(readers)
    with transaction.atomic():
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
    _check(readers)
    kept = counts.stored_areas()
    counts.rebuild()
    assert counts.stored_areas() == kept


def test_the_places_read_once_give_the_names_and_outlines_read_twice(made, make_user):
    for user in (AnonymousUser(), make_user("analyst")):
        names, shapes = views._names_and_shapes(user)
        assert names == views._governorates(user)
        assert shapes == views._governorate_shapes(user)
