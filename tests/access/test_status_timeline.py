"""Crossings and corridors without the demo: reference crossings recorded once, corridors as
lines, status timelines and their refusals, "status on date X" in one query, days open over a
period, and who may read and write a status."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marsad.access import selectors, services
from marsad.access.models import AccessStatus, Crossing
from marsad.core.errors import InvalidInput, NotAllowed
from marsad.core.services.actors import create_actor
from marsad.core.services.base import SystemUser

from .conftest import ROUTE

pytestmark = pytest.mark.django_db
D = date


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


def test_anonymous_users_may_not_write(crossings):
    with pytest.raises(NotAllowed):
        services.record_status(
            by=SystemUser("x", is_authenticated=False),
            crossing="CROSSING-RAFAH",
            state="open",
            on="2025-10-10",
        )
