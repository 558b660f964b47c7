"""Corridors and what surrounds them, without the demo: the mandate's task that protects a
corridor, the incidents near a corridor in metres and in a period, and the H3 prefilter that
must miss none of them."""

from datetime import date

import numpy as np
import pytest

from marsad.access import proximity, services
from marsad.ceasefire.services import record_incident
from marsad.core.errors import InvalidInput
from marsad.core.services.actors import create_actor
from marsad.geo.distance import distances_m, project_geometry, unproject
from marsad.mandate.services import create_task

from .conftest import ROUTE

pytestmark = pytest.mark.django_db
D = date


def test_a_task_of_the_mandate_protects_a_corridor(system, corridor):
    create_actor(
        by=system, key="ISF", kind="force", name_ar="القوة", name_en="ISF", marking="public"
    )
    task = create_task(
        by=system,
        force="ISF",
        code="humanitarian_corridors",
        name_ar="تأمين الممرات",
        name_en="Secure humanitarian corridors",
        marking="force",
    )
    with pytest.raises(InvalidInput, match="may not point to it"):
        services.protect_corridor(by=system, task=task, corridor="KS-TEST", marking="public")
    protection = services.protect_corridor(
        by=system, task=task, corridor="KS-TEST", marking="force", since="2025-11-17"
    )
    assert list(task.protected_corridors.all()) == [protection]
    with pytest.raises(InvalidInput, match="already protects"):
        services.protect_corridor(by=system, task=task, corridor="KS-TEST", marking="force")


def _incident(system, lat, lon, day="2026-01-20", marking="public", fatalities=None):
    return record_incident(
        by=system,
        event_date=day,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        latitude=lat,
        longitude=lon,
        fatalities=fatalities,
        marking=marking,
    )


def test_incidents_near_a_corridor_in_metres_and_in_a_period(system, corridor, make_user):
    # Points placed east of the route's last leg, at known distances (checked below).
    near = _incident(system, 31.3300, 34.2990, fatalities=2)
    far = _incident(system, 31.3300, 34.3300)
    old = _incident(system, 31.3300, 34.2990, day="2025-01-01")
    hidden = _incident(system, 31.3300, 34.2990, marking="internal")
    distances = distances_m(ROUTE, [31.33, 31.33], [34.299, 34.33])
    assert distances[0] < 1000 < distances[1]
    found = proximity.incidents_near(system, ROUTE, metres=1000, start=D(2025, 10, 10))
    assert set(found.ids()) == {near.pk, hidden.pk}
    reader = make_user("public")
    public = proximity.incidents_near(reader, ROUTE, metres=1000, start=D(2025, 10, 10))
    assert public.ids() == [near.pk]
    assert public.risk.level == "low"
    assert public.risk.drivers[0].incident.id == near.pk
    assert public.incidents[0].distance_m == pytest.approx(distances[0])
    wide = proximity.incidents_near(reader, ROUTE, metres=5000)
    assert set(wide.ids()) == {near.pk, far.pk, old.pk}
    with pytest.raises(InvalidInput, match="distance"):
        proximity.parse_metres("a mile")
    assert proximity.parse_metres("٥٠٠") == 500


@pytest.mark.parametrize("metres", [300, 1000, 4000, 12000])
def test_the_h3_prefilter_misses_no_incident(system, corridor, metres):
    """Points scattered around the route: the cells asked for hold every point within reach."""
    import h3

    rng = np.random.default_rng(7)
    west, south, east, north = project_geometry(ROUTE).bounds
    reach = 2 * metres + 1000
    xs = rng.uniform(west - reach, east + reach, 4000)
    ys = rng.uniform(south - reach, north + reach, 4000)
    lats, lons = unproject(xs, ys)
    within = distances_m(ROUTE, lats, lons) <= metres
    column, cells = proximity.covering_cells(ROUTE, metres)
    resolution = int(column.split("_")[1])
    chosen = set(cells)
    inside = np.array(
        [h3.latlng_to_cell(a, b, resolution) in chosen for a, b in zip(lats, lons, strict=True)]
    )
    assert within.any()
    assert (~within).any()
    assert not (within & ~inside).any()
