"""Access writes and reads without the demo: reference crossings, corridors, status timelines
and their refusals, "status on date X" in one query, consignments, access incidents, who may
write, the mandate link, and the incidents near a corridor."""

from datetime import date

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marsad.access import proximity, selectors, services
from marsad.access.models import AccessStatus, Crossing
from marsad.ceasefire.services import record_incident
from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.services.actors import create_actor
from marsad.core.services.base import SystemUser
from marsad.geo.distance import distances_m, project_geometry, unproject
from marsad.mandate.services import create_task

pytestmark = pytest.mark.django_db
D = date
ROUTE = {
    "type": "LineString",
    "coordinates": [[34.2706, 31.2208], [34.2540, 31.2870], [34.3080, 31.3440]],
}


@pytest.fixture
def crossings(system, states):
    create_actor(
        by=system,
        key="CROSSING-KEREM-SHALOM",
        kind="place",
        name_ar="معبر كرم أبو سالم",
        name_en="Kerem Shalom crossing",
        aliases_en=["Karem Abu Salem"],
        marking="public",
    )
    return services.ensure_crossings(by=system)


@pytest.fixture
def corridor(system, crossings):
    return services.create_corridor(
        by=system,
        key="ks-test",
        crossing="CROSSING-KEREM-SHALOM",
        name_ar="ممر تجريبي",
        name_en="Test corridor",
        route=ROUTE,
    )


def test_reference_crossings_are_recorded_once_with_their_sources(system, crossings):
    assert len(crossings) == 9
    assert services.ensure_crossings(by=system) == []
    kerem = Crossing.objects.get(key="CROSSING-KEREM-SHALOM")
    assert kerem.place.key == "CROSSING-KEREM-SHALOM"
    assert (kerem.latitude, kerem.longitude) == (31.22083, 34.27056)
    for key in ("CROSSING-GATE-96", "MARITIME-JLOTS"):
        unplaced = Crossing.objects.get(key=key)
        assert unplaced.latitude is None
        assert "no coordinate" in unplaced.location_note_en
    for crossing in Crossing.objects.all():
        assert crossing.location_note_en, crossing.key
        assert crossing.location_note_ar, crossing.key
    assert "Approximate" in Crossing.objects.get(key="CROSSING-ZIKIM").location_note_en


def test_a_place_actor_recorded_later_is_linked(system, states):
    services.ensure_crossings(by=system)
    assert Crossing.objects.get(key="CROSSING-RAFAH").place is None
    create_actor(
        by=system,
        key="CROSSING-RAFAH",
        kind="place",
        name_ar="معبر رفح",
        name_en="Rafah crossing",
        marking="public",
    )
    services.ensure_crossings(by=system)
    assert Crossing.objects.get(key="CROSSING-RAFAH").place.key == "CROSSING-RAFAH"


def test_a_corridor_is_a_line_with_its_length(system, corridor):
    assert corridor.key == "KS-TEST"
    assert 15 < corridor.length_km < 16
    with pytest.raises(InvalidInput, match="at least two points"):
        services.create_corridor(
            by=system,
            key="bad",
            crossing="CROSSING-KEREM-SHALOM",
            name_ar="س",
            name_en="x",
            route={"type": "LineString", "coordinates": [[34.3, 31.3]]},
        )
    with pytest.raises(InvalidInput, match="longitude, latitude"):
        services.create_corridor(
            by=system,
            key="bad",
            crossing="CROSSING-KEREM-SHALOM",
            name_ar="س",
            name_en="x",
            route={"type": "LineString", "coordinates": [[34.3, 31.3], [31.3, 200]]},
        )
    with pytest.raises(InvalidInput, match="no crossing"):
        services.create_corridor(
            by=system, key="bad", crossing="NOWHERE", name_ar="س", name_en="x", route=ROUTE
        )


def _timeline(system):
    for state, on in (
        ("open", "2025-10-10"),
        ("restricted", "2025-11-01"),
        ("closed", "2025-12-01"),
        ("reopened", "2026-01-10"),
    ):
        services.record_status(
            by=system, crossing="CROSSING-RAFAH", state=state, on=on, reason_en=state
        )


def test_a_timeline_ends_each_step_when_the_next_begins(system, crossings):
    _timeline(system)
    steps = list(AccessStatus.objects.filter(crossing__key="CROSSING-RAFAH"))
    assert [(s.state, s.valid_from, s.valid_to) for s in steps] == [
        ("open", D(2025, 10, 10), D(2025, 11, 1)),
        ("restricted", D(2025, 11, 1), D(2025, 12, 1)),
        ("closed", D(2025, 12, 1), D(2026, 1, 10)),
        ("reopened", D(2026, 1, 10), None),
    ]


@pytest.mark.parametrize(
    ("day", "state"),
    [
        (D(2025, 10, 9), None),
        (D(2025, 10, 10), "open"),
        (D(2025, 10, 31), "open"),
        (D(2025, 11, 1), "restricted"),
        (D(2026, 1, 9), "closed"),
        (D(2026, 1, 10), "reopened"),
        (D(2030, 1, 1), "reopened"),
    ],
)
def test_status_on_a_date_is_one_query(system, crossings, day, state):
    _timeline(system)
    with CaptureQueriesContext(connection) as queries:
        found = selectors.status_on(system, day)
    assert len(queries) == 1
    assert (found["CROSSING-RAFAH"].state if "CROSSING-RAFAH" in found else None) == state


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        ([("reopened", "2025-10-10")], "nothing was closed"),
        ([("closed", "2025-10-10"), ("open", "2025-10-20")], "comes back as 'reopened'"),
        ([("open", "2025-10-10"), ("open", "2025-10-20")], "already 'open'"),
        ([("closed", "2025-10-10"), ("reopened", "2025-10-20"), ("open", "2025-11-01")], "open"),
        ([("open", "2025-10-10"), ("closed", "2025-10-10")], "is not after the current step"),
        ([("open", "2025-10-10"), ("closed", "2025-09-01")], "is not after the current step"),
        ([("ajar", "2025-10-10")], "must be one of open, restricted, closed, reopened"),
        ([("open", "10/10/2025")], "YYYY-MM-DD"),
    ],
)
def test_transitions_that_make_no_sense_are_refused(system, crossings, steps, message):
    *first, last = steps
    for state, on in first:
        services.record_status(by=system, crossing="CROSSING-RAFAH", state=state, on=on)
    with pytest.raises(InvalidInput, match=message):
        services.record_status(by=system, crossing="CROSSING-RAFAH", state=last[0], on=last[1])


def test_an_expected_step_ends_nothing_and_is_no_days_status(system, crossings):
    services.record_status(by=system, crossing="CROSSING-RAFAH", state="closed", on="2025-10-10")
    services.record_status(
        by=system, crossing="CROSSING-RAFAH", state="reopened", on="2026-01-25", expected=True
    )
    assert selectors.status_on(system, D(2026, 3, 1))["CROSSING-RAFAH"].state == "closed"
    rafah = Crossing.objects.get(key="CROSSING-RAFAH")
    current = [s for s in selectors.timeline(system, crossing=rafah) if not s.expected][-1]
    assert (current.state, current.valid_to) == ("closed", None)
    assert AccessStatus.objects.get(pk=current.pk).valid_to is None
    with pytest.raises(InvalidInput, match="comes back as 'reopened'"):
        services.record_status(
            by=system, crossing="CROSSING-RAFAH", state="open", on="2026-02-01", expected=True
        )


def test_a_step_belongs_to_a_crossing_or_a_corridor_and_names_its_authority(system, corridor):
    with pytest.raises(InvalidInput, match="not both"):
        services.record_status(
            by=system, crossing="CROSSING-RAFAH", corridor=corridor, state="open", on="2025-10-10"
        )
    with pytest.raises(InvalidInput, match="no actor"):
        services.record_status(
            by=system, corridor=corridor, state="open", on="2025-10-10", authority="NOBODY"
        )
    step = services.record_status(
        by=system, corridor="KS-TEST", state="restricted", on="2025-10-10", authority="USA"
    )
    assert step.authority.key == "USA"
    assert selectors.status_on(system, D(2025, 12, 1))["KS-TEST"] == step


def test_days_open_over_a_period(system, crossings):
    _timeline(system)
    share = selectors.open_shares(system, D(2025, 10, 1), D(2026, 1, 31))["CROSSING-RAFAH"]
    assert share.by_state == {
        "closed": 40,
        "open": 22,
        "reopened": 22,
        "restricted": 30,
        "unknown": 9,
    }
    assert share.share_open == pytest.approx(44 / 114)


def test_reads_follow_releasability(system, crossings, make_user):
    services.record_status(
        by=system, crossing="CROSSING-RAFAH", state="closed", on="2025-10-10", marking="internal"
    )
    analyst = make_user("analyst")
    reader = make_user("public")
    assert "CROSSING-RAFAH" in selectors.status_on(analyst, D(2025, 11, 1))
    assert "CROSSING-RAFAH" not in selectors.status_on(reader, D(2025, 11, 1))


def test_a_consignment_needs_a_count_and_moves_along_its_statuses(system, crossings):
    with pytest.raises(InvalidInput, match="give trucks, a quantity or tons"):
        services.record_consignment(
            by=system, day="2026-01-20", crossing="CROSSING-KEREM-SHALOM", category="food"
        )
    with pytest.raises(InvalidInput, match="must be one of"):
        services.record_consignment(
            by=system, day="2026-01-20", crossing="CROSSING-KEREM-SHALOM", category="toys", trucks=1
        )
    loaded = services.record_consignment(
        by=system,
        day="٢٠٢٦-٠١-٢٠",
        crossing="CROSSING-KEREM-SHALOM",
        category="food",
        trucks="٣",
        quantity="60",
        unit="tons",
        status="requested",
    )
    assert (loaded.day, loaded.trucks, loaded.tons) == (D(2026, 1, 20), 3, 60.0)
    services.set_consignment_status(by=system, consignment=loaded, status="approved")
    with pytest.raises(InvalidInput, match="can only become: denied, entered"):
        services.set_consignment_status(by=system, consignment=loaded, status="delivered")
    services.set_consignment_status(by=system, consignment=loaded, status="entered")
    done = services.set_consignment_status(by=system, consignment=loaded, status="delivered")
    with pytest.raises(InvalidInput, match="final"):
        services.set_consignment_status(by=system, consignment=done, status="intercepted")
    assert done.history.count() == 4


def test_trucks_denied_entry_are_not_counted_as_entered(system, crossings):
    for status, trucks in (("entered", 3), ("denied", 2), ("delivered", 1)):
        services.record_consignment(
            by=system,
            day="2026-01-20",
            crossing="CROSSING-KEREM-SHALOM",
            category="food",
            trucks=trucks,
            tons=trucks * 20,
            status=status,
        )
    assert selectors.trucks_per_day(system) == {"CROSSING-KEREM-SHALOM": [(D(2026, 1, 20), 4)]}
    assert selectors.tonnage_by_category(system)["food"].tons == 80.0


def test_access_incidents_use_ochas_categories(system, corridor):
    with pytest.raises(InvalidInput, match="must be one of denial_of_needs"):
        services.record_access_incident(
            by=system, day="2026-01-01", category="traffic", description_en="x"
        )
    with pytest.raises(InvalidInput, match="describe the incident"):
        services.record_access_incident(by=system, day="2026-01-01", category="interference")
    incident = services.record_access_incident(
        by=system,
        day="2026-01-01",
        category="violence",
        corridor="KS-TEST",
        actor_key="USA",
        trucks_affected=4,
        description_en="A convoy was stopped and looted.",
    )
    assert list(selectors.access_incidents(system, "violence")) == [incident]


def test_humanitarian_coordinators_write_public_records_only(system, crossings, make_user):
    coordinator = make_user("humanitarian")
    reader = make_user("public")
    step = services.record_status(
        by=coordinator, crossing="CROSSING-EREZ", state="closed", on="2025-10-10"
    )
    assert step.marking == "public"
    with pytest.raises(NotAllowed, match="public records only"):
        services.record_status(
            by=coordinator,
            crossing="CROSSING-ZIKIM",
            state="open",
            on="2025-10-10",
            marking="internal",
        )
    with pytest.raises(NotAllowed):
        services.record_status(by=reader, crossing="CROSSING-ZIKIM", state="open", on="2025-10-10")


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


def test_anonymous_users_may_not_write(crossings):
    with pytest.raises(NotAllowed):
        services.record_status(
            by=SystemUser("x", is_authenticated=False),
            crossing="CROSSING-RAFAH",
            state="open",
            on="2025-10-10",
        )
