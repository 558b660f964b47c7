from dataclasses import dataclass
from datetime import date

from marsad.analytics.series import (
    Window,
    count_by,
    daily_series,
    daily_sums,
    incidents_by_actor,
    incidents_by_type,
    per_governorate,
    per_phase,
    sum_by,
    week_start,
    weekly_sums,
    window_total,
)

D = date
VALUES = [
    (D(2025, 10, 9), 4),
    (D(2025, 10, 10), 17),
    (D(2025, 10, 11), 471),
    (D(2025, 10, 11), 1),
    (D(2025, 10, 14), 9),
    (D(2025, 10, 20), 2),
]


def test_daily_sums_and_a_gapless_daily_series():
    assert daily_sums(VALUES)[D(2025, 10, 11)] == 472
    series = daily_series(VALUES, end=D(2025, 10, 21))
    assert len(series) == 13
    assert series[3] == (D(2025, 10, 12), 0)
    assert series[-1] == (D(2025, 10, 21), 0)
    assert daily_series([]) == []
    assert daily_series([], start=D(2025, 1, 1), end=D(2025, 1, 2), fill=0) == [
        (D(2025, 1, 1), 0),
        (D(2025, 1, 2), 0),
    ]


def test_weekly_sums_start_on_monday_or_on_a_chosen_day():
    assert weekly_sums(VALUES) == {D(2025, 10, 6): 493, D(2025, 10, 13): 9, D(2025, 10, 20): 2}
    assert week_start(D(2025, 10, 14), first_weekday=5) == D(2025, 10, 11)
    assert weekly_sums(VALUES, first_weekday=5) == {
        D(2025, 10, 4): 21,
        D(2025, 10, 11): 481,
        D(2025, 10, 18): 2,
    }


def test_window_totals_include_both_ends():
    assert window_total(VALUES, start=D(2025, 10, 11)) == 483
    assert window_total(VALUES, start=D(2025, 10, 10), end=D(2025, 10, 11)) == 489
    assert window_total([(D(2025, 1, 1), 1.5), (D(2025, 1, 2), 2.25)]) == 3.75


def test_per_phase_in_the_order_given():
    phases = [
        Window("before", end=D(2025, 10, 10)),
        Window("phase 1", D(2025, 10, 11), D(2025, 10, 14)),
        Window("phase 2", D(2025, 10, 15)),
    ]
    assert per_phase(VALUES, phases) == {"before": 21, "phase 1": 481, "phase 2": 2}
    assert D(2025, 10, 12) in phases[1]
    assert "2025-10-12" not in phases[1]


def test_per_governorate_keeps_places_outside_every_area_last():
    items = [("PS0270", 3), (None, 2), ("PS0255", 1), ("PS0270", 4)]
    assert list(per_governorate(items).items()) == [("PS0255", 1), ("PS0270", 7), (None, 2)]


@dataclass(frozen=True)
class Event:
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    fatalities: int


EVENTS = [
    Event("Explosions/Remote violence", "Air/drone strike", "Israel", "Civilians", 5),
    Event("Explosions/Remote violence", "Air/drone strike", "Israel", "", 0),
    Event("Battles", "Armed clash", "Hamas", "Israel", 2),
]


def test_incidents_by_type_and_actor():
    assert incidents_by_type(EVENTS)[("Explosions/Remote violence", "Air/drone strike")] == 2
    assert incidents_by_actor(EVENTS) == {"Israel": 2, "Hamas": 1}
    assert incidents_by_actor(EVENTS, role="actor2") == {"Civilians": 1, "Israel": 1}
    assert incidents_by_actor(EVENTS, role="either") == {"Israel": 3, "Hamas": 1, "Civilians": 1}


def test_generic_counters_over_plain_records():
    assert count_by(EVENTS, lambda e: e.event_type)["Battles"] == 1
    assert sum_by(EVENTS, lambda e: e.event_type, lambda e: e.fatalities) == {
        "Explosions/Remote violence": 5,
        "Battles": 2,
    }
