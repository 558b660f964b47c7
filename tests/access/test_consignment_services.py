"""Consignments and access incidents without the demo: a consignment needs a count and moves
along its statuses, trucks denied entry are not counted as entered, access incidents use OCHA's
categories."""

from datetime import date

import pytest

from marsad.access import selectors, services
from marsad.core.errors import InvalidInput

pytestmark = pytest.mark.django_db
D = date


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
