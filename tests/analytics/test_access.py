"""Access figures with no database: trucks per day per crossing, tonnage by category, share of
days open, two sources compared for the same days, and a corridor's risk."""

from datetime import date

import pytest

from marsad.analytics.access import (
    NearIncident,
    Step,
    compare_sources,
    corridor_risk,
    incident_weight,
    share_of_days_open,
    state_on,
    tonnage_by_category,
    trucks_per_day,
)

D = date


def test_trucks_per_day_gives_each_crossing_the_same_days_with_zeros():
    rows = [
        (D(2024, 1, 1), "KS", 3),
        (D(2024, 1, 1), "KS", 2),
        (D(2024, 1, 3), "KS", 4),
        (D(2024, 1, 2), "RAFAH", 7),
    ]
    series = trucks_per_day(rows)
    assert list(series) == ["KS", "RAFAH"]
    assert series["KS"] == [(D(2024, 1, 1), 5), (D(2024, 1, 2), 0), (D(2024, 1, 3), 4)]
    assert series["RAFAH"] == [(D(2024, 1, 1), 0), (D(2024, 1, 2), 7), (D(2024, 1, 3), 0)]
    assert trucks_per_day([]) == {}
    window = trucks_per_day(rows, start=D(2024, 1, 2), end=D(2024, 1, 2))
    assert window == {"KS": [(D(2024, 1, 2), 0)], "RAFAH": [(D(2024, 1, 2), 7)]}


def test_unknown_tonnage_is_counted_apart_never_as_zero():
    totals = tonnage_by_category([("food", 20.0), ("food", None), ("water", 30.0), ("food", 15.5)])
    assert list(totals) == ["food", "water"]  # heaviest first
    assert totals["food"].tons == pytest.approx(35.5)
    assert (totals["food"].records, totals["food"].unknown) == (3, 1)
    assert (totals["water"].records, totals["water"].unknown) == (1, 0)


STEPS = [
    Step("open", D(2024, 1, 1), D(2024, 1, 5)),
    Step("restricted", D(2024, 1, 5), D(2024, 1, 7)),
    Step("closed", D(2024, 1, 7), D(2024, 1, 10)),
    Step("reopened", D(2024, 1, 10)),
]


def test_state_on_a_day_ends_the_day_before_the_next_step():
    assert state_on(STEPS, D(2023, 12, 31)) is None
    assert state_on(STEPS, D(2024, 1, 4)) == "open"
    assert state_on(STEPS, D(2024, 1, 5)) == "restricted"
    assert state_on(STEPS, D(2024, 1, 9)) == "closed"
    assert state_on(STEPS, D(2030, 1, 1)) == "reopened"


def test_share_of_days_open_leaves_unknown_days_out():
    share = share_of_days_open(STEPS, D(2023, 12, 30), D(2024, 1, 11))
    assert share.days == 13
    assert share.by_state == {"closed": 3, "open": 4, "reopened": 2, "restricted": 2, "unknown": 2}
    assert share.open_days == 6
    assert share.known_days == 11
    assert share.share_open == pytest.approx(6 / 11)
    assert share.share_open_or_restricted == pytest.approx(8 / 11)
    nothing = share_of_days_open([], D(2024, 1, 1), D(2024, 1, 3))
    assert nothing.share_open is None
    with pytest.raises(ValueError, match="ends before"):
        share_of_days_open(STEPS, D(2024, 2, 1), D(2024, 1, 1))


def test_two_sources_compared_on_shared_days_with_the_difference_stated():
    unrwa = [(D(2024, 1, 1), 100), (D(2024, 1, 2), 80), (D(2024, 1, 3), 50)]
    cogat = [(D(2024, 1, 2), 120), (D(2024, 1, 3), 40), (D(2024, 1, 4), 90)]
    found = compare_sources(unrwa, cogat, first_name="UNRWA", second_name="COGAT")
    assert [(d.day, d.first, d.second, d.difference) for d in found.days] == [
        (D(2024, 1, 2), 80, 120, 40),
        (D(2024, 1, 3), 50, 40, -10),
    ]
    assert (found.total_first, found.total_second, found.difference) == (130, 160, 30)
    assert found.relative == pytest.approx(30 / 130)
    assert found.only_first == [D(2024, 1, 1)]
    assert found.only_second == [D(2024, 1, 4)]
    assert (found.days_second_higher, found.days_first_higher) == (1, 1)
    statement = found.statement()
    assert "On the 2 days both report, UNRWA counts 130 and COGAT 160" in statement
    assert "30 more than UNRWA (+23.1%)" in statement
    empty = compare_sources([], cogat, first_name="UNRWA", second_name="COGAT")
    assert empty.relative is None
    assert "no day in common" in empty.statement()


def _near(pk, event_type="Explosions/Remote violence", fatalities=0, distance=0.0):
    return NearIncident(pk, D(2026, 1, pk), event_type, "Air/drone strike", fatalities, distance)


def test_incident_weight_grows_with_fatalities_and_falls_with_distance():
    assert incident_weight(_near(1), 1000) == pytest.approx(3.0)
    assert incident_weight(_near(1, distance=1000), 1000) == pytest.approx(1.5)
    assert incident_weight(_near(1, fatalities=4), 1000) == pytest.approx(15.0)
    assert incident_weight(_near(1, event_type="Protests"), 1000) == pytest.approx(0.5)


def test_corridor_risk_names_the_incidents_that_drive_it():
    assert corridor_risk([], metres=1000).level == "none"
    assert corridor_risk([_near(1)], metres=1000).level == "low"
    incidents = [_near(1, fatalities=10), _near(2, distance=500), _near(3, "Protests")]
    risk = corridor_risk(incidents, metres=1000, top=2)
    assert risk.level == "medium"  # 33 + 2.25 + 0.5
    assert risk.score == pytest.approx(35.75)
    assert (risk.incidents, risk.fatalities) == (3, 10)
    assert [d.incident.id for d in risk.drivers] == [1, 2]
    assert risk.drivers[0].share == pytest.approx(33 / 35.75, abs=1e-4)
    assert risk.by_type == {"Explosions/Remote violence": 2, "Protests": 1}
    heavy = corridor_risk([_near(i, fatalities=20) for i in range(1, 4)], metres=1000)
    assert heavy.level == "high"
