from datetime import date

import pytest

from marsad.analytics.spikes import detect_spikes
from marsad.analytics.truce import (
    DEFINITIONS,
    INJURED,
    TRUCE_START,
    daily_since_truce,
    killed_since_truce,
    quality_warnings,
    since_truce,
)
from marsad.datasets.casualties import CasualtyDay, read_casualties
from tests.datasets.shared import shared_file


def day(when, killed, cum, source="mohtel", **fields):
    return CasualtyDay(
        report_date=date.fromisoformat(when),
        report_source=source,
        ext_killed=killed,
        ext_killed_cum=cum,
        ext_injured=fields.pop("injured", 0),
        ext_injured_cum=fields.pop("injured_cum", 0),
        line=0,
        killed=None if source == "missing" else killed,
        **fields,
    )


SERIES = [
    day("2025-10-09", 40, 67194),
    day("2025-10-10", 17, 67211, killed_truce_new=17),
    day(
        "2025-10-11",
        471,
        67682,
        killed_truce_new=35,
        killed_recovered=116,
        killed_committee=320,
        injured=72,
    ),
    day("2025-10-12", 0, 67682, source="missing"),
    day("2025-10-13", 8, 67690, killed_truce_new=3, killed_succumbed=1),  # 8 != 4
    day("2025-10-14", 5, 67695, killed_truce_new=2, killed_recovered=3, injured=4),
]


def test_each_definition_counts_from_the_day_after_the_truce():
    figures = {figure.definition.name: figure for figure in killed_since_truce(SERIES)}
    assert list(figures) == list(DEFINITIONS)
    assert {name: figure.value for name, figure in figures.items()} == {
        "all_reported": 484,
        "new_deaths": 40,
        "recovered_bodies": 119,
        "committee_additions": 320,
        "succumbed": 1,
    }
    everything = figures["all_reported"]
    assert everything.first_day == date(2025, 10, 11)
    assert everything.last_day == date(2025, 10, 14)
    assert (everything.days, everything.missing_reports) == (4, 1)
    assert "recovered" in everything.definition.description


def test_a_window_can_end_early_and_definitions_are_named_by_string():
    assert since_truce(SERIES, "new_deaths", until=date(2025, 10, 11)).value == 35
    assert since_truce(SERIES, INJURED).value == 76
    assert since_truce(SERIES, truce_start=date(2025, 10, 8)).value == 541
    with pytest.raises(KeyError):
        since_truce(SERIES, "everyone")


def test_quality_warnings_name_the_day_and_the_fault():
    broken = [
        *SERIES,
        day("2025-10-16", 3, 67690, killed_truce_new=3),  # a day missing, the total falls
    ]
    warnings = quality_warnings(broken)
    assert [(w.day.isoformat(), w.kind) for w in warnings] == [
        ("2025-10-12", "missing_report"),
        ("2025-10-13", "truce_parts_mismatch"),
        ("2025-10-15", "missing_days"),
        ("2025-10-16", "cumulative_decrease"),
    ]
    assert warnings[1].message == (
        "On 2025-10-13 the report gives 8 killed, but its parts add up to 4 (3 new, 0 recovered,"
        " 0 added by the committee, 1 succumbed)."
    )
    assert "falls from 67695 on 2025-10-14 to 67690" in warnings[3].message


def test_a_daily_figure_that_disagrees_with_the_cumulative_one_is_flagged():
    series = [day("2025-10-01", 5, 100), day("2025-10-02", 5, 104)]
    (warning,) = quality_warnings(series)
    assert warning.kind == "daily_cumulative_mismatch"
    assert (
        warning.message == "On 2025-10-02 the daily figure is 5 but the cumulative one rose by 4."
    )


@pytest.fixture(scope="module")
def real_series():
    return read_casualties(shared_file("casualties/casualties_daily.json")).records


def test_the_real_series_reproduces_the_known_facts(real_series):
    assert sum(d.ext_killed for d in real_series) == real_series[-1].ext_killed_cum == 73419
    truce_day = next(d for d in real_series if d.report_date == TRUCE_START)
    assert truce_day.ext_killed_cum == 67211
    figures = {f.definition.name: f for f in killed_since_truce(real_series)}
    assert figures["all_reported"].value == 6208
    assert figures["new_deaths"].value == 1156
    assert figures["recovered_bodies"].value == 855
    assert figures["committee_additions"].value == 4110
    assert figures["all_reported"].last_day == date(2026, 8, 22)
    assert sum(d.report_source == "missing" for d in real_series) == 28


def test_the_real_series_has_exactly_its_two_known_anomalies(real_series):
    warnings = quality_warnings(real_series)
    mismatches = [w.day.isoformat() for w in warnings if w.kind == "truce_parts_mismatch"]
    assert mismatches == ["2026-07-09", "2026-07-19"]
    assert sum(w.kind == "missing_report" for w in warnings) == 28
    assert {w.kind for w in warnings} == {"truce_parts_mismatch", "missing_report"}


def test_daily_values_since_the_truce_by_definition():
    assert daily_since_truce(SERIES) == [
        (date(2025, 10, 11), 35),
        (date(2025, 10, 12), 0),
        (date(2025, 10, 13), 3),
        (date(2025, 10, 14), 2),
    ]
    assert daily_since_truce(SERIES, "all_reported", until=date(2025, 10, 11)) == [
        (date(2025, 10, 11), 471)
    ]


def test_spikes_in_real_new_deaths_include_the_strikes_of_29_october_2025(real_series):
    alerts = detect_spikes(daily_since_truce(real_series), label="new deaths")
    assert alerts[0].day == date(2025, 10, 29)
    assert alerts[0].value == 96
    # All reported deaths spike on the weekly publication day (a Saturday) instead.
    weekly = detect_spikes(daily_since_truce(real_series, "all_reported"))
    assert len(weekly) > 20
    assert sum(alert.day.weekday() == 5 for alert in weekly) >= len(weekly) - 1
