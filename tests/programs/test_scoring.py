"""The programs' arithmetic, with no database: the readiness score, cohort status, counts."""

from datetime import date

import pytest

from marsad.programs.scoring import (
    PENALTY_PER_INCIDENT,
    PERCENT_KINDS,
    cohort_status,
    count_problems,
    readiness_score,
    share,
)

ALL = dict.fromkeys(PERCENT_KINDS, 40.0)


def test_score_is_the_mean_of_the_percentages_minus_the_security_penalty():
    values = {
        "explosive_clearance": 10,
        "rubble_removed": 20,
        "water": 30,
        "power": 40,
        "health": 50,
    }
    result = readiness_score(values, incidents=3)
    assert result.average == 30
    assert result.penalty == 3 * PENALTY_PER_INCIDENT
    assert result.score == 30 - 3 * PENALTY_PER_INCIDENT
    assert result.used == PERCENT_KINDS
    assert result.missing == ()


def test_score_never_falls_below_zero():
    result = readiness_score({"water": 5, "power": 1}, incidents=40)
    assert result.score == 0
    assert result.penalty == 40 * PENALTY_PER_INCIDENT


def test_unknown_indicators_are_left_out_and_listed():
    result = readiness_score({"water": 60, "health": None, "power": 20}, incidents=0)
    assert result.average == 40
    assert result.used == ("water", "power")
    assert set(result.missing) == {"explosive_clearance", "rubble_removed", "health"}


def test_no_percentage_no_score_and_unknown_incidents_cost_nothing():
    assert readiness_score({}, incidents=5).score is None
    unknown = readiness_score(ALL, incidents=None)
    assert (unknown.score, unknown.penalty, unknown.incidents) == (40, 0, None)


def test_score_rounds_half_up():
    assert readiness_score({"water": 12, "power": 13}, incidents=0).score == 13  # 12.5
    assert readiness_score({"water": 12, "power": 12.8}, incidents=0).score == 12  # 12.4


def test_score_is_bounded_for_any_input():
    for value in (0, 0.1, 33.3, 99.9, 100):
        for incidents in (0, 1, 7, 1000):
            score = readiness_score(dict.fromkeys(PERCENT_KINDS, value), incidents).score
            assert 0 <= score <= 100


@pytest.mark.parametrize(
    ("values", "incidents"), [({"water": 120}, 0), ({"water": -1}, 0), ({"water": 50}, -2)]
)
def test_impossible_inputs_are_refused(values, incidents):
    with pytest.raises(ValueError, match="water|incidents"):
        readiness_score(values, incidents)


@pytest.mark.parametrize(
    ("starts", "ends", "status"),
    [
        (None, None, "planned"),
        (date(2026, 3, 1), None, "planned"),
        (date(2026, 1, 1), None, "running"),
        (date(2026, 1, 1), date(2026, 3, 1), "running"),
        (date(2026, 1, 1), date(2026, 2, 14), "running"),
        (date(2025, 11, 1), date(2026, 2, 13), "completed"),
    ],
)
def test_cohort_status_follows_its_dates(starts, ends, status):
    assert cohort_status(starts, ends, today=date(2026, 2, 14)) == status


def test_count_problems_name_the_field():
    assert count_problems(100, 80, 60, 10) == []
    assert [f for f, _m in count_problems(100, 120, 0, 0)] == ["vetted"]
    assert [f for f, _m in count_problems(100, 100, 90, 20)] == ["graduated"]
    problems = count_problems(100, 50, 60, 0)
    assert problems == [("graduated", "60 graduated is more than the 50 vetted")]


def test_share():
    assert share(50, 200) == 25
    assert share(5, None) is None
    assert share(5, 0) is None
